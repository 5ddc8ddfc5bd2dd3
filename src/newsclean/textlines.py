"""Line features of full-page text dumps: what a line of a page's visible text looks like.

Prose (a sentence end, a long line), short lines (menus, buttons, headlines), date lines,
bylines and tail lines (copyright, promos, credits), headline-like lines, and widget lines
(font-size previews, 'read the full text' notes: the page's own UI speaking in sentences).
Thresholds and phrase lists are data: ``data/textdump.json``. Used by :mod:`newsclean.locate_text`
(where the story is) and :mod:`newsclean.split_text` (what is kept and dropped).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from . import publishers, regexcache, saferegex
from .dates import parse_date
from .resources import load_json
from .strip import byline, chrome, tail
from .strip.page import is_caption
from .strip.persons import EMAIL

MENU = "textdump.menu"
OUTSIDE = "textdump.outside-article"
DATE = "textdump.date"
AFTER_COPYRIGHT = "textdump.after-copyright"
TRAILER = "textdump.trailer"
WIDGET = "textdump.widget"
TEASERS = "textdump.teaser-list"
AD_LABEL = "textdump.ad-label"
CAPTION = "textdump.caption"
MAX_ANCHOR_TRIES = 20  # date lines tried as the article's header (ranking lists carry hundreds)
PREFIX = 6  # characters a repeated headline shares with its copy (index key)

# A sentence end: . ! ? (or the ideographic full stop) followed by closing quotes/brackets.
_STRONG_END = regexcache.compile(r"[.!?。](?:[\"'”’」』)\]》〉]\s*)*$")
KOREAN_END = regexcache.compile(r"[다요죠까니][.!?]?(?:[\"'”’」』)\]》〉]\s*)*$")
_SOFT_END = regexcache.compile(r"[다요죠까](?:[\"'”’」』)\]》〉]\s*)*$")
_HANGUL = regexcache.compile(r"\p{Hangul}")
LETTER = regexcache.compile(r"\p{L}")
SHARE_SAMPLE = 4096  # characters hangul_share reads of a long text
_NAME_ONLY = regexcache.compile(r"^[가-힣]{2,4}$")
_NAME_EMAIL = regexcache.compile(rf"^\s*(?P<name>[가-힣]{{2,4}})\s*(?P<email>{EMAIL})")
DATEISH = regexcache.compile(
    r"(?:19|20)\d\d\s*(?:[.\-/]|년)\s*\d{1,2}\s*(?:[.\-/]|월)\s*\d{1,2}\s*(?:일|\.)?"
    r"(?:\s*\([월화수목금토일]\))?"
    r"(?:\s*\(?\s*(?:오전|오후|AM|PM)?\s*\d{1,2}\s*(?::|시)\s*\d{1,2}(?:\s*(?::|분)\s*\d{1,2})?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
)
# Copyright lines that close a story (a bare "ⓒ 연합뉴스" photo credit does not).
_CLOSING_COPYRIGHT = regexcache.compile(r"무단|rights|저작권|copyright|재배포", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DumpRules:
    max_short_before_body: int
    min_title_chars: int
    short_penalty: float
    long_chars: int
    long_weight: float
    prose_chars: int
    menu_run: int
    tail_window: int
    head_window: int
    title_min: int
    title_max: int
    look_back: int
    date_labels: tuple[str, ...]
    modified_labels: tuple[str, ...]
    date_line_max: int
    portal_markers: regex.Pattern[str]  # one alternation, a named group per portal
    not_publishers: frozenset[str]
    widget_max: int
    widget_words: tuple[str, ...]
    widget_prefixes: tuple[str, ...]
    button_max: int
    button_suffixes: tuple[str, ...]
    meta_prefixes: tuple[str, ...]
    signoff: regex.Pattern[str]
    signoff_max: int
    teaser_pairs: int
    list_headings: frozenset[str]
    anchor_share: float
    inline_max: int
    caption_marks: str
    glued_caption: regex.Pattern[str]
    source_labels: tuple[str, ...]
    credit_rest: int
    box_lines: int
    ad_max: int
    ad_words: frozenset[str]
    slot_words: frozenset[str]
    caption: regex.Pattern[str]


@cache
def rules() -> DumpRules:
    d: dict[str, Any] = load_json("textdump.json")
    return DumpRules(
        max_short_before_body=d["tidy"]["max_short_before_body"],
        min_title_chars=d["tidy"]["min_title_chars"],
        short_penalty=d["score"]["short_penalty"],
        long_chars=d["score"]["long_chars"],
        long_weight=d["score"]["long_weight"],
        prose_chars=d["score"]["prose_chars"],
        menu_run=d["menu_run"],
        tail_window=d["tail_window"],
        head_window=d["head_window"],
        title_min=d["title"]["min_chars"],
        title_max=d["title"]["max_chars"],
        look_back=d["title"]["look_back"],
        date_labels=tuple(sorted(d["date_labels"], key=len, reverse=True)),
        modified_labels=tuple(sorted(d["modified_labels"], key=len, reverse=True)),
        date_line_max=d["date_line_max_chars"],
        portal_markers=regexcache.compile(
            "|".join(
                f"(?P<{k}>" + "|".join(f"(?:{p})" for p in v) + ")"
                for k, v in d["portal_markers"].items()
                if not k.startswith("_")
            )
        ),
        not_publishers=frozenset(n.lower() for n in d["not_publishers"]),
        widget_max=d["widget"]["max_chars"],
        widget_words=tuple(d["widget"]["words"]),
        widget_prefixes=tuple(d["widget"]["sample_prefixes"]),
        button_max=d["widget"]["button_max_chars"],
        button_suffixes=tuple(d["widget"]["button_suffixes"]),
        meta_prefixes=tuple(d["widget"]["meta_prefixes"]),
        signoff=regexcache.compile(d["signoff"]["regex"]),
        signoff_max=d["signoff"]["max_chars"],
        teaser_pairs=d["teaser_list"]["min_pairs"],
        list_headings=frozenset(d["teaser_list"]["headings"]),
        anchor_share=d["anchor"]["min_share"],
        inline_max=d["inline"]["max_chars"],
        caption_marks=d["inline"]["caption_marks"],
        glued_caption=regexcache.compile(d["inline"]["glued_caption"]),
        source_labels=tuple(d["source_labels"]),
        credit_rest=d["header_credit_rest_chars"],
        box_lines=d["teaser_list"]["box_lines"],
        ad_max=d["inline"]["ad_max_chars"],
        ad_words=frozenset(d["inline"]["ad_words"]),
        slot_words=frozenset(d["inline"]["slot_words"]),
        caption=regexcache.compile(d["inline"]["caption"]),
    )


# ---------------------------------------------------------------- line features


def ends_strong(text: str) -> bool:
    """The line ends a sentence with punctuation (``다.``, ``요?``, ``!'``)."""
    return bool(_STRONG_END.search(text))


def is_prose(text: str) -> bool:
    """A line of running text: long enough and ending a sentence."""
    r = rules()
    return len(text) >= r.prose_chars and (ends_strong(text) or bool(_SOFT_END.search(text)))


def hangul_share(text: str) -> float:
    """The share of Hangul among the letters; a text longer than ``SHARE_SAMPLE`` characters
    is judged on four evenly spread slices (a megabyte line costs the same as a short one)."""
    if len(text) > SHARE_SAMPLE:
        step, part = len(text) // 4, SHARE_SAMPLE // 4
        text = "".join(text[i * step : i * step + part] for i in range(4))
    letters = len(LETTER.findall(text))
    return len(_HANGUL.findall(text)) / letters if letters else 0.0


def is_short(text: str) -> bool:
    """A menu item, button, headline or subheading: short and not a sentence."""
    return len(text) < rules().long_chars and not ends_strong(text)


def is_byline_line(text: str) -> bool:
    """A reporter credit, an e-mail line or ``YTN 김이영 (x@ytn.co.kr)``."""
    pat = byline.patterns()
    if len(text) > byline.MAX_BYLINE_CHARS:
        return False
    return bool(
        byline.is_byline(text)
        or pat.email_only.match(text)
        or saferegex.match(pat.publisher_name_email, text, timeout=0.5)
    )


def header_credit(text: str) -> str | None:
    """The reporter credit opening a header line that also holds the date or a button glued to
    it (``홍길동 기자 2020.02.14 11:03``, ``홍길동 기자작성 ...``, ``홍길동 기자구독``), or None."""
    if len(text) > rules().date_line_max:
        return None
    m = saferegex.match(byline.patterns().credit_start, text)
    if not m:
        return None
    rest = DATEISH.sub(" ", text[m.end() :])
    for lab in (*rules().date_labels, *rules().modified_labels):
        rest = rest.replace(lab, " ")
    rest = regex.sub(r"[\p{P}\p{S}\s]+", "", rest)
    return m.group(0).strip() if len(rest) <= rules().credit_rest else None


def card_credit(text: str) -> str | None:
    """A reporter card's credit: a short line that opens with ``name role e-mail`` and ends no
    sentence (``홍길동 기자hong@example.com기자 구독하기``), or ``name (e-mail)`` for a card
    that opens with the name and the e-mail alone (``홍길동hong@example.com``); else None."""
    if len(text) > rules().inline_max or KOREAN_END.search(text):
        return None
    m = saferegex.match(byline.patterns().credit_start, text)
    if m and m["email"]:
        return str(m.group(0).strip())
    m = saferegex.match(_NAME_EMAIL, text)  # "홍길동hong@example.com": the card without a role word
    return f"{m['name']} ({m['email']})" if m else None


def source_names(lines: list[str]) -> list[str]:
    """Press names a portal's source line gives ("기사제공 가상연예"), in order."""
    out = []
    for line in lines:
        for label in rules().source_labels:
            rest = line.strip().removeprefix(label).strip()
            if rest != line.strip() and regex.fullmatch(r"[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z0-9]{1,11}", rest):
                out.append(rest)
                break
    return out


def dated_names(lines: list[str]) -> list[str]:
    """What stands glued before the date label of a short date line ("가상일보입력 2020.12.28 …" → 가상일보)."""
    out = []
    for line in lines:
        if len(line) > rules().date_line_max or not DATEISH.search(line):
            continue
        labels = "|".join(map(regex.escape, rules().date_labels))
        m = regex.match(rf"\s*(\p{{Hangul}}{{2,10}}?)(?:{labels})\s*[:：]?\s*\d", line)
        if m:
            out.append(m.group(1))
    return out


def is_tail_line(text: str) -> bool:
    """A line of the story's tail the strip rules know: byline, copyright, promo, credits."""
    return (
        is_byline_line(text)
        or tail.is_copyright(text)
        or tail.is_promo(text)
        or bool(len(text) <= 80 and saferegex.match(tail.patterns().credits, text, timeout=0.2))
    )


def is_portal_footer(text: str) -> bool:
    """A copyright line of the portal or site operator (Kakao, NAVER), not of the publisher."""
    if not tail.is_copyright(text) or publishers.find_in_text(text):
        return False
    low = text.lower()
    return any(name in low for name in rules().not_publishers)


@lru_cache(maxsize=65536)
def is_widget_line(text: str) -> bool:
    """The page's UI speaking in a line: a font-size preview, a 'read the full text' note, a button,
    a notice about the article itself ("이 기사는 … 섹션으로 분류했습니다")."""
    r = rules()
    if text.startswith(r.widget_prefixes) or text.startswith(r.meta_prefixes):
        return True
    if len(text) <= r.button_max and text.endswith(r.button_suffixes):
        return True
    if source_names([text]):  # a portal's source line ("기사제공 가상스포츠")
        return True
    return len(text) <= r.widget_max and any(w in text for w in r.widget_words)


def is_list_heading(text: str) -> bool:
    """A related-news list's heading ("관련기사"), alone or glued to its first headline."""
    return not KOREAN_END.search(text) and text.startswith(tuple(rules().list_headings))


def inner_box(texts: list[str], i: int) -> int:
    """How many lines a related-news box standing at ``i`` inside a story takes (0 when none).

    The box is its heading and at most ``box_lines`` headline lines that end no sentence, and
    prose must follow it (the story goes on); a list closing the page is left to the tail scans.
    """
    if not is_list_heading(texts[i]):
        return 0
    j = i + 1
    while j < len(texts) and j - i <= rules().box_lines and not is_prose(texts[j]) and is_short(texts[j]):
        j += 1
    return j - i if j < len(texts) and ends_strong(texts[j]) and KOREAN_END.search(texts[j]) else 0


def is_subheading(texts: list[str], i: int) -> bool:
    """A headline-like line between two Korean sentences: the story's subheading (it does not
    break the story), unless it heads a related list."""
    t = texts[i]
    return (
        is_title_like(t)
        and not is_list_heading(t)
        and all(ends_strong(texts[j]) and KOREAN_END.search(texts[j]) for j in (i - 1, i + 1))
    )


@lru_cache(maxsize=65536)
def inline_rule(text: str) -> str | None:
    """An ad slot's label or a photo caption standing as a line inside the story (or None)."""
    r = rules()
    if len(text) > r.inline_max or KOREAN_END.search(text):
        return None
    words = text.split()
    if len(text) <= r.ad_max and any(
        w in r.ad_words and (i in (0, len(words) - 1) or words[i + 1] in r.slot_words) for i, w in enumerate(words)
    ):
        return AD_LABEL
    if saferegex.search(r.caption, text) or is_caption(text):
        return CAPTION
    return None


def is_signoff(text: str) -> bool:
    """A broadcaster's closing line: ``MBC뉴스 김하늘입니다.``, ``지금까지 ... YTN 김이영입니다.``"""
    r = rules()
    return len(text) <= r.signoff_max and bool(r.signoff.search(text))


def signoff_name(text: str) -> str | None:
    """The reporter a sign-off names (``MBC뉴스 김하늘입니다.`` → 김하늘), or None."""
    if not is_signoff(text):
        return None
    m = regex.search(r"([가-힣]{2,4})(?:입니다|였습니다|이었습니다)\.?$", text)
    return m.group(1) if m else None


def is_closing_copyright(text: str) -> bool:
    return tail.is_copyright(text) and bool(_CLOSING_COPYRIGHT.search(text))


def _label_at(text: str, labels: tuple[str, ...]) -> int:
    """Index just past the first of ``labels`` in ``text`` (-1 when none)."""
    best = -1
    for lab in labels:
        i = text.find(lab)
        if i >= 0 and (best < 0 or i < best):
            best = i + len(lab)
    return best


@lru_cache(maxsize=65536)
def chrome_rule(text: str) -> str | None:
    """The chrome phrase-table rule that matches the whole line (cached: dumps repeat their chrome)."""
    phrase = chrome.table().match(text)
    return phrase.rule.name if phrase is not None else None


@lru_cache(maxsize=65536)
def is_date_line(text: str) -> bool:
    """A dateline of the article: a date (and time) with at most a label and a name around it."""
    r = rules()
    if len(text) > r.date_line_max or not DATEISH.search(text) or parse_date(text) is None:
        return False
    rest = DATEISH.sub(" ", text)
    for lab in (*r.date_labels, *r.modified_labels):
        rest = rest.replace(lab, " ")
    rest = regex.sub(r"[\p{P}\p{S}\s]+", "", rest)
    return len(rest) <= 14


def date_of(text: str) -> tuple[str | None, str | None]:
    """(published, modified) read from a date line; the input/등록 date wins over 수정."""
    r = rules()
    mod_at = _label_at(text, r.modified_labels)
    in_at = _label_at(text, r.date_labels)
    modified = parse_date(text[mod_at:]) if mod_at >= 0 else None
    if in_at >= 0:
        published = parse_date(text[in_at:])
    elif mod_at >= 0:
        head = text[: mod_at - 1]
        published = parse_date(head) if DATEISH.search(head) else None
    else:
        published = parse_date(text)
    return published, modified


_HANGUL_WORD = regexcache.compile(r"\p{Hangul}{2,}")
FULL_DATE = regexcache.compile(r"(?:19|20)\d\d\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}")


def is_title_like(text: str) -> bool:
    """A headline: a short line of Korean words, no full stop, no chrome, no repeated word (button rows)."""
    r = rules()
    if not (r.title_min <= len(text) <= r.title_max and " " in text and not text.endswith(".")):
        return False
    words = _HANGUL_WORD.findall(text)
    if len(words) < 2 or FULL_DATE.search(text):  # "100자평 39"; "[가상일보] 2010-02-19 31면 사설"
        return False
    if (len(words) - len(set(words))) * 5 >= len(words):  # "페이스북 공유하기 트위터 공유하기", "글자 작게 글자 크게"
        return False
    if inline_rule(text) is not None:  # a caption or an ad label is not the headline
        return False
    return hangul_share(text) >= 0.3 and chrome_rule(text) is None and not is_widget_line(text)


def skippable_before_title(text: str) -> bool:
    """Lines that may stand between a headline and its date line."""
    return (
        len(text) < rules().title_min
        or is_byline_line(text)
        or is_date_line(text)
        or bool(_NAME_ONLY.match(text))
        or chrome_rule(text) is not None
    )
