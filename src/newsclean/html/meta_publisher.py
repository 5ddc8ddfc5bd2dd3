"""The publisher of a page, by the evidence the page gives, in order of trust.

1. the site profile's publisher (an override), publisher meta tags;
2. ``og:site_name`` (cleaned of portal names; the publisher table's Korean name when it knows
   the alias, else the cleaned value itself);
3. JSON-LD ``publisher.name``;
4. the copyright line inside the article (found by the strip chain);
5. a copyright line elsewhere on the page (``Copyright ⓒ 한빛일보 & hanbit.com``);
6. the site segment of ``<title>`` (``제목 : 사회 : 한빛일보``);
7. the page's home link (``<a href="https://www.hanbit.co.kr/">한빛일보</a>``);
8. the publisher table's entry for the host;
9. a Latin name in a copyright line (``Copyright ⓒ Saebyeok``: one word, often not the name).

A website brand (``한빛닷컴``, or an abbreviation with a Latin tag: ``한경AX``) defers to a press
name with the same stem (``한빛일보``) or abbreviated so (``한빛경제`` → 한경) that other evidence
gives. Every choice keeps its source (``"og:site_name"``, ``"copyright"`` ...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import NamedTuple
from urllib.parse import urlsplit

import regex
from lxml import etree

from .. import publishers, regexcache
from ..resources import load_json
from .dom import Element, text_content
from .meta_title import names_a_site

Candidate = tuple[str, str]  # (source, name)

_PORTAL = regexcache.compile(
    r"(?:네이버|다음|네이트|카카오|Daum|NAVER|Naver|nate|kakao)(?:\s*(?:뉴스|스포츠|연예|News|엔터))?", regex.I
)
_URLISH = regexcache.compile(r"https?:|www\.|@")
_COPYRIGHT_TEXTS = etree.XPath(
    "//text()[contains(., '©') or contains(., 'ⓒ') or contains(., 'opyright') or contains(., 'OPYRIGHT')"
    " or contains(., '(c)') or contains(., '(C)') or contains(., '저작권자')]"
)
_SECOND_LEVEL = ("co", "or", "go", "ne", "re", "ac", "pe", "com", "net", "org")
_HOME_PATHS = ("", "/", "/index.html", "/index.htm", "/index.php", "/main.html", "/index.asp")


class Vocabulary(NamedTuple):
    web_brand: tuple[str, ...]
    press: tuple[str, ...]
    sections: frozenset[str]
    line_press: tuple[str, ...]


@cache
def vocabulary() -> Vocabulary:
    data = load_json("metadata.json")
    return Vocabulary(
        tuple(data["web_brand_suffixes"]), tuple(data["press_suffixes"]), frozenset(data["title_sections"]),
        tuple(data["name_line_suffixes"]),
    )


def clean_name(text: str | None, *, max_len: int = 30) -> str | None:
    """A site name as a publisher: the table's Korean name when it knows the alias, else the
    text without portal names, when it is short and no URL."""
    if not text:
        return None
    parts = [p.strip(" :-·") for p in regex.split(r"\s*[|｜]\s*|\s+[-:·]\s+", " ".join(text.split()))]
    parts = [p for p in parts if p and not _PORTAL.fullmatch(p)]
    if not parts:
        return None
    name = parts[0]  # 한빛일보 - 대한민국 대표 일간지: the name, not the slogan
    known = publishers.find_in_text(name)
    if known and len(name) <= len(known) + 12:
        return known
    if len(name) > max_len or _URLISH.search(name):
        return None
    return name


def copyright_line(root: Element) -> str | None:
    """The press named by a copyright line anywhere on the page: a Korean name first."""
    korean, latin = copyright_names(root)
    return korean or latin


def copyright_names(root: Element) -> tuple[str | None, str | None]:
    """(the first Korean, the first Latin) press name of the page's copyright lines. A Latin
    name is one word after the mark (``Copyright ⓒ Saebyeok``), weaker evidence than a title."""
    latin: str | None = None
    for seen, node in enumerate(_COPYRIGHT_TEXTS(root)):
        if seen > 50:
            break
        parent = node.getparent()
        if parent is None:
            continue
        # The line: the element holding the mark, or its parent when the name is in a child
        # (``Copyright ⓒ <strong>한빛일보</strong>``).
        for el in (parent, parent.getparent()):
            if el is None or not isinstance(el.tag, str):
                continue
            text = " ".join(text_content(el).split())
            if len(text) > 200:
                break
            name = publishers.from_copyright(text)
            if name and not _PORTAL.fullmatch(name):
                if regex.search(r"[가-힣]", name):
                    return name, latin
                latin = latin or name
                break
    return None, latin


def title_site(page_title: str | None, headline: str | None, separators: Iterable[str]) -> str | None:
    """The site segment of ``<title>``: what is left of it once the headline is cut off (the
    first segment when no headline is known), minus section names
    (``제목 : 노동 : 사회 : 뉴스 : 한빛일보`` → 한빛일보)."""
    if not page_title:
        return None
    title = " ".join(page_title.split())
    head = " ".join((headline or "").split())
    if head and head not in title:
        return None
    pattern = "|".join(regex.escape(s.strip()) for s in separators if s.strip())
    if head:
        rest = title.replace(head, " ", 1)
        pieces = [p.strip() for p in regex.split(rf"\s*(?:{pattern})\s*", rest) if p.strip()]
    else:
        pieces = [p.strip() for p in regex.split(rf"\s+(?:{pattern})\s+", title) if p.strip()][1:]
        if not pieces and names_a_site(title):  # <title>한빛일보</title>: the site's name alone
            pieces = [title]
    words = vocabulary().sections
    for piece in reversed(pieces):
        if piece in words or ">" in piece or piece.count(" ") > 1 or len(piece) > 15:
            continue
        name = clean_name(piece, max_len=15)
        if name and not _PORTAL.search(piece):
            return name
    return None


def _site_root(host: str) -> str:
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def home_links(root: Element, host: str | None, limit: int = 5) -> list[str]:
    """The names on the page's links to its own site's home (the logo, a footer link), in
    document order, section names (뉴스) left out."""
    out: list[str] = []
    if not host:
        return out
    site = _site_root(host)
    homes = {site, "www." + site}
    sections = vocabulary().sections
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if site not in href:
            continue
        try:
            parts = urlsplit(href)
        except ValueError:
            continue
        if (parts.hostname or "").lower() not in homes or parts.path not in _HOME_PATHS or parts.query:
            continue
        text = " ".join(text_content(a).split()) or " ".join(
            (img.get("alt") or "") for img in a.iter("img")
        ).strip()
        if 2 <= len(text) <= 12 and text.count(" ") <= 1 and regex.search(r"[가-힣]", text):
            name = clean_name(text, max_len=12)
            if name and name not in sections and name not in out:
                out.append(name)
                if len(out) >= limit:
                    break
    return out


def _stem(name: str) -> str | None:
    for suffix in vocabulary().web_brand:
        if name.lower().endswith(suffix.lower()) and len(name) - len(suffix) >= 2:
            return name[: len(name) - len(suffix)].strip()
    m = _ABBREVIATED_BRAND.match(name)
    return m.group(1) if m else None


_ABBREVIATED_BRAND = regexcache.compile(r"^([가-힣]{2})[A-Za-z]{1,4}$")  # 매경AX: 매경 + a Latin tag


def _press_of(stem: str, name: str) -> bool:
    """Whether ``name`` is a press name of ``stem``: it starts with it (동아 → 동아일보), or a
    four-syllable name abbreviates to it by its words' first syllables (매경 → 매일경제)."""
    if not any(name.endswith(s) for s in vocabulary().press) or _stem(name) is not None:
        return False
    if name.startswith(stem):
        return True
    return len(stem) == 2 and len(name) >= 4 and name[0] + name[2] == stem and bool(regex.match(r"[가-힣]{4}", name))


def name_lines(lines: Iterable[str]) -> list[str]:
    """Press names standing alone on lines of a page dump (a logo, a masthead, a footer),
    most frequent first, then the later (footer) one: ``동아일보``, ``매일 경제``."""
    suffixes = vocabulary().line_press
    sections = vocabulary().sections
    count: dict[str, int] = {}
    last: dict[str, int] = {}
    for i, line in enumerate(lines):
        name = "".join(line.split())
        if 4 <= len(name) <= 8 and name.endswith(suffixes) and name not in sections and regex.fullmatch(
            r"[가-힣]+", name
        ):
            count[name] = count.get(name, 0) + 1
            last[name] = i
    return sorted(count, key=lambda n: (-count[n], -last[n]))


def is_web_brand(name: str) -> bool:
    return _stem(name) is not None


def choose(strong: list[Candidate], body: Candidate | None, weak: Callable[[], list[Candidate]]) -> Candidate | None:
    """The publisher and its source: the first candidate in order of trust; a website brand
    defers to a press name of the same stem from any other evidence."""
    weak_cands: list[Candidate] | None = None
    order = [*strong, *([body] if body else [])]
    if not order:
        weak_cands = weak()
        order = weak_cands
    if not order:
        return None
    source, name = order[0]
    stem = _stem(name)
    if stem:
        others = [*order[1:], *(weak_cands if weak_cands is not None else weak())]
        for src2, name2 in others:
            if name2 != name and _press_of(stem, name2):
                return f"{source}+{src2}", name2
    return source, name
