"""Find the article inside a full-page text dump (a page's whole visible text, one line per block).

A scraper that saves a page's visible text keeps menus, tickers, share buttons, related lists
and footers around the story. The story is the densest run of prose: lines that end a
sentence (``다.``, ``요.``, ``까?``) and long lines, interrupted at most by single short lines
(subheadings, ``[앵커]`` markers). The locator

1. scores every line (prose counts its length, a short line that ends no sentence costs a
   penalty, lines in another script or from the chrome phrase tables count as short) and takes
   the best-scoring run of lines (maximum-sum segment) as the story's core;
2. looks for the anchor before the core: the first-seen date line (``입력 2016-09-18 03:00``,
   ``2017.04.20. 오후 3:53``, ``김이영 2026. 3. 21. 21:43``) with the headline right before it
   (bylines, e-mail lines and short buttons may stand between them); without a date line the
   headline is the last headline-like line before the core;
3. cuts the core at a copyright line that closes the story, drops runs of short lines inside
   it (menus, link lists) and keeps the lines around it that carry metadata (bylines, e-mail
   lines, copyright, tip-line promos, staff credits) so that the strip rules record reporters
   and publisher and log them by name;
4. logs every other line as outside the article (``textdump.menu`` for runs of menu items,
   ``textdump.outside-article`` for the rest, or the chrome phrase's own rule name).

Thresholds and anchor phrases are data: ``data/textdump.json``. No site-specific code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import regex

from . import publishers, regexcache, saferegex
from .blocks import Block
from .dates import parse_date
from .resources import load_json
from .strip import byline, chrome, tail

MENU = "textdump.menu"
OUTSIDE = "textdump.outside-article"
DATE = "textdump.date"
AFTER_COPYRIGHT = "textdump.after-copyright"
TRAILER = "textdump.trailer"
MAX_ANCHOR_TRIES = 20  # date lines tried as the article's header (ranking lists carry hundreds)
PREFIX = 6  # characters a repeated headline shares with its copy (index key)

# A sentence end: . ! ? (or the ideographic full stop) followed by closing quotes/brackets.
_STRONG_END = regexcache.compile(r"[.!?。](?:[\"'”’」』)\]》〉]\s*)*$")
_KOREAN_END = regexcache.compile(r"[다요죠까니][.!?]?(?:[\"'”’」』)\]》〉]\s*)*$")
_SOFT_END = regexcache.compile(r"[다요죠까](?:[\"'”’」』)\]》〉]\s*)*$")
_HANGUL = regexcache.compile(r"\p{Hangul}")
_LETTER = regexcache.compile(r"\p{L}")
SHARE_SAMPLE = 4096  # characters hangul_share reads of a long text
_NAME_ONLY = regexcache.compile(r"^[가-힣]{2,4}$")
_DATEISH = regexcache.compile(
    r"(?:19|20)\d\d\s*(?:[.\-/]|년)\s*\d{1,2}\s*(?:[.\-/]|월)\s*\d{1,2}\s*(?:일|\.)?"
    r"(?:\s*\([월화수목금토일]\))?"
    r"(?:\s*(?:오전|오후|AM|PM)?\s*\d{1,2}\s*(?::|시)\s*\d{1,2}(?:\s*(?::|분)\s*\d{1,2})?)?"
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
    letters = len(_LETTER.findall(text))
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
    if len(text) > r.date_line_max or not _DATEISH.search(text) or parse_date(text) is None:
        return False
    rest = _DATEISH.sub(" ", text)
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
        published = parse_date(head) if _DATEISH.search(head) else None
    else:
        published = parse_date(text)
    return published, modified


_HANGUL_WORD = regexcache.compile(r"\p{Hangul}{2,}")


def is_title_like(text: str) -> bool:
    """A headline: a short line of Korean words, no full stop, no chrome, no repeated word (button rows)."""
    r = rules()
    if not (r.title_min <= len(text) <= r.title_max and " " in text and not text.endswith(".")):
        return False
    words = _HANGUL_WORD.findall(text)
    if len(words) != len(set(words)):  # "페이스북 공유하기 트위터 공유하기", "글자 작게 글자 크게"
        return False
    return hangul_share(text) >= 0.3 and chrome_rule(text) is None


def _skippable_before_title(text: str) -> bool:
    """Lines that may stand between a headline and its date line."""
    return (
        len(text) < rules().title_min
        or is_byline_line(text)
        or is_date_line(text)
        or bool(_NAME_ONLY.match(text))
        or chrome_rule(text) is not None
    )


# ---------------------------------------------------------------- the locator


@dataclass(slots=True)
class Located:
    """Where the article stands in a dump's lines (indices into the block list)."""

    title: int | None
    core: tuple[int, int]  # first and last line of the story, inclusive
    date_lines: list[int] = field(default_factory=list)


def line_scores(blocks: list[Block], foreign_filter: bool) -> list[float]:
    r = rules()
    out = []
    for b in blocks:
        t = b.text
        n = len(t)
        if chrome_rule(t) is not None or (foreign_filter and hangul_share(t) < 0.3):
            out.append(-r.short_penalty)
        elif ends_strong(t):
            out.append(float(n))
        elif n >= r.long_chars or is_prose(t):
            out.append(n * r.long_weight)
        else:
            out.append(-r.short_penalty)
    return out


def best_run(scores: list[float], lo: int = 0, hi: int | None = None) -> tuple[int, int, float]:
    """The maximum-sum run ``scores[i..j]`` within ``[lo, hi)`` (Kadane)."""
    hi = len(scores) if hi is None else hi
    best = (lo, lo - 1, 0.0)
    start, total = lo, 0.0
    for i in range(lo, hi):
        if total <= 0:
            start, total = i, 0.0
        total += scores[i]
        if total > best[2]:
            best = (start, i, total)
    return best


class RepeatIndex:
    """Which lines a dump repeats: the same text, or a longer line that starts with it (a page-title line)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.count: dict[str, int] = {}
        self.by_prefix: dict[str, list[str]] = {}
        for b in blocks:
            self.count[b.text] = self.count.get(b.text, 0) + 1
            self.by_prefix.setdefault(b.text[:PREFIX], []).append(b.text)

    def repeated(self, text: str) -> bool:
        if self.count.get(text, 0) > 1:
            return True
        return any(o != text and o.startswith(text) for o in self.by_prefix.get(text[:PREFIX], ()))


def find_title_before(blocks: list[Block], i: int, index: RepeatIndex | None = None) -> int | None:
    """The headline above line ``i``: the closest headline-like line the page repeats, else the closest one.

    The walk goes back over bylines, dates, buttons and other short lines and stops at prose.
    """
    r = rules()
    candidates: list[int] = []
    for j in range(i - 1, max(-1, i - 1 - r.look_back), -1):
        t = blocks[j].text
        if is_title_like(t) and not is_byline_line(t) and not is_date_line(t):
            candidates.append(j)
        elif not (_skippable_before_title(t) or is_short(t)):
            break
    if len(candidates) > 1:
        index = index or RepeatIndex(blocks)
        for j in candidates:
            if index.repeated(blocks[j].text):
                return j
    return candidates[0] if candidates else None


def _first_anchor(blocks: list[Block], dates: Iterable[int], index: RepeatIndex) -> tuple[int, int] | None:
    """The first (date line, headline) pair among ``dates`` (tries a bounded number of date lines)."""
    for n, d in enumerate(dates):
        if n >= MAX_ANCHOR_TRIES:
            return None
        t = find_title_before(blocks, d, index)
        if t is not None:
            return d, t
    return None


def locate(blocks: list[Block]) -> Located | None:
    """The story's core and its headline in a full-page dump (None when there is no prose)."""
    if not blocks:
        return None
    r = rules()
    lettered = [b for b in blocks if _LETTER.search(b.text)]
    korean = sum(1 for b in lettered if hangul_share(b.text) >= 0.5)
    foreign_filter = korean * 2 >= len(lettered)  # a Korean page: lines in other scripts are not its story
    scores = line_scores(blocks, foreign_filter)
    dates = [i for i, b in enumerate(blocks) if is_date_line(b.text)]
    s, e, total = best_run(scores)
    if total <= 0:
        return None
    title: int | None = None
    # The article's own header (a date line with its headline): inside the best run (teasers above
    # the header joined it), else the last one before it, else the first one after it.
    index = RepeatIndex(blocks)
    inside = _first_anchor(blocks, (d for d in dates if s <= d <= e), index)
    if inside is not None:
        d, t = inside
        s2, e2, total2 = best_run(scores, d + 1)
        if total2 > 0:
            s, e, title = s2, e2, t
    if title is None:
        before = _first_anchor(blocks, (d for d in reversed(dates) if d < s and s - d <= r.head_window * 2), index)
        if before is not None:
            title = before[1]
    if title is None:
        after = _first_anchor(blocks, (d for d in dates if d > e), index)
        if after is not None:  # the best run lies before the article's own header: search after it
            d, t = after
            s2, e2, total2 = best_run(scores, d + 1)
            if total2 > 0:
                s, e, title = s2, e2, t
    if title is None:
        title = find_title_before(blocks, s, index)
    return Located(title=title, core=(s, e), date_lines=dates)


def is_tidy(blocks: list[Block]) -> bool:
    """Headline first, then the story: the seed's shape (no menus before the first prose)."""
    if not blocks or len(blocks[0].text) < rules().min_title_chars or is_prose(blocks[0].text):
        return False
    short = 0
    for b in blocks[1:]:
        if is_prose(b.text):
            return short <= rules().max_short_before_body
        if is_short(b.text) and not is_date_line(b.text):
            short += 1
            if short > rules().max_short_before_body:
                return False
    return False


# ---------------------------------------------------------------- splitting a dump


@dataclass(slots=True)
class Split:
    """A full-page dump split into what the strip rules see and what was dropped already."""

    keep: list[Block]
    dropped: list[tuple[Block, str]]
    title: Block | None
    meta: dict[str, str]


def _outside_rule(blocks: list[Block], i: int, meta: dict[str, str]) -> str:
    """The rule name under which an outside line is logged."""
    t = blocks[i].text
    phrase_rule = chrome_rule(t)
    if phrase_rule is not None:
        return phrase_rule
    if is_short(t):
        run = 1
        j = i - 1
        while j >= 0 and is_short(blocks[j].text) and run < rules().menu_run:
            run, j = run + 1, j - 1
        j = i + 1
        while j < len(blocks) and is_short(blocks[j].text) and run < rules().menu_run:
            run, j = run + 1, j + 1
        if run >= rules().menu_run:
            return MENU
    return OUTSIDE


def _menu_runs(blocks: list[Block], lo: int, hi: int) -> set[int]:
    """Indices in ``[lo, hi]`` inside runs of ``menu_run`` or more short lines."""
    out: set[int] = set()
    i = lo
    while i <= hi:
        if not is_short(blocks[i].text):
            i += 1
            continue
        j = i
        while j <= hi and is_short(blocks[j].text):
            j += 1
        if j - i >= rules().menu_run:
            out.update(range(i, j))
        i = j
    return out


def portal_of(blocks: list[Block]) -> str | None:
    """The portal whose markers (``NAVER Corp``, ``Kakao Corp`` ...) the dump shows."""
    marks = rules().portal_markers
    for b in blocks:
        m = marks.search(b.text)
        if m and m.lastgroup:
            return m.lastgroup
    return None


def _publisher_from_footer(blocks: list[Block], after: int) -> str | None:
    """The publisher named in a copyright line outside the story (nearest after it first)."""
    r = rules()
    order = list(range(after, len(blocks))) + list(range(after - 1, -1, -1))
    for i in order:
        t = blocks[i].text
        if not tail.is_copyright(t):
            continue
        name = publishers.find_in_text(t)
        if name is None:
            from_copyright = getattr(publishers, "from_copyright", None)
            name = from_copyright(t) if from_copyright else None
        if name and name.lower() not in r.not_publishers:
            return name
    return None


def split_full_page(blocks: list[Block]) -> Split | None:
    """Keep the story and its metadata lines; drop (with a rule name) everything else."""
    loc = locate(blocks)
    if loc is None:
        return None
    r = rules()
    s, e = loc.core
    meta: dict[str, str] = {}
    # A copyright line that closes the story ends it, whatever prose follows (footers).
    for i in range(s, e + 1):
        if is_closing_copyright(blocks[i].text) and i > s:
            e = i - 1
            break
    role: dict[int, str] = {}  # index -> "keep" or the rule that drops it
    # Short lines that end no Korean sentence at the story's edges are teasers, not story.
    while e > s and len(blocks[e].text) < r.prose_chars and not _KOREAN_END.search(blocks[e].text):
        if not is_tail_line(blocks[e].text):  # tail lines are left to the tail scan below
            role[e] = TRAILER
        e -= 1
    for i in _menu_runs(blocks, s, e):
        role[i] = MENU
    # The header between headline and story: date lines become metadata, bylines go to the rules.
    head_lo = loc.title + 1 if loc.title is not None and loc.title < s else max(0, s - r.head_window)
    for i in range(head_lo, s):
        t = blocks[i].text
        if is_date_line(t) and "published" not in meta:
            published, modified = date_of(t)
            if published:
                meta["published"] = published
                if modified:
                    meta["modified"] = modified
                role[i] = DATE
                continue
        if is_byline_line(t):
            role[i] = "keep"
    # The tail after the story: bylines, credits, promos and the copyright line, up to it.
    j = e + 1
    end = min(len(blocks), e + 1 + r.tail_window)
    seen_copyright = False
    while j < end:
        t = blocks[j].text
        if is_portal_footer(t):
            break
        if is_tail_line(t):
            role[j] = "keep"
            if tail.is_copyright(t):
                seen_copyright = True
        elif seen_copyright:
            break
        j += 1
    if "published" not in meta:  # a date inside a header line ("[경향신문] 2010-02-19 31면 ...")
        for i in range(head_lo, s):
            t = blocks[i].text
            if len(t) <= r.date_line_max and _DATEISH.search(t) and not is_prose(t):
                published = parse_date(t)
                if published:
                    meta["published"] = published
                    break
    if "published" not in meta:
        for d in loc.date_lines:
            if d < s:
                published, modified = date_of(blocks[d].text)
                if published:
                    meta["published"] = published
                    role.setdefault(d, DATE)
    keep: list[Block] = []
    dropped: list[tuple[Block, str]] = []
    title_block = blocks[loc.title] if loc.title is not None else None
    for i, b in enumerate(blocks):
        if i == loc.title:
            continue
        rule_name = role.get(i)
        if rule_name == "keep" or (s <= i <= e and rule_name is None):
            keep.append(b)
        elif rule_name is not None:
            dropped.append((b, rule_name))
        elif e < i <= loc.core[1]:
            dropped.append((b, AFTER_COPYRIGHT))
        else:
            dropped.append((b, _outside_rule(blocks, i, meta)))
    if not any(tail.is_copyright(b.text) for b in keep):
        name = _publisher_from_footer(blocks, e + 1)
        if name:
            meta["publisher"] = name
    portal = portal_of(blocks)
    if portal:
        meta["portal"] = portal
    return Split(keep=keep, dropped=dropped, title=title_block, meta=meta)
