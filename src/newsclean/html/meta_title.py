"""The headline by agreement: the visible heading that ``og:title`` / ``<title>`` name.

A page's own title box and its ``<title>`` (minus the site suffix) agree on the headline; a
sidebar box heading (많이 본 뉴스, another story's headline) agrees with neither, so it never
wins over them. Among agreeing headings the one nearest the article body is taken.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

import regex

from .. import publishers, regexcache
from ..resources import load_json
from .dom import Element, text_content, vocabulary

HEADINGS = ("h1", "h2", "h3", "h4")
_TITLE_CLASS = regexcache.compile(r"(?<![a-z])(?:title|headline|subject|tit|head_line)(?![a-z])", regex.IGNORECASE)
_NOISE = regexcache.compile(r"[\s\"'“”‘’「」『』«».…·,!?]+")
_PORTAL_SUFFIX = regexcache.compile(r"\s*[|:·\-]\s*(?:네이버|다음|네이트|Daum|NAVER|Naver)(?:\s*뉴스)?\s*$")
_SITE_WORDS = regexcache.compile(
    r"(?:뉴스|일보|신문|경제|방송|닷컴|타임스|미디어|저널|투데이|데일리|TV|News|\.com|\.co\.kr|\.kr)\s*$", regex.I
)
_GLUED_SEP = regexcache.compile(r"[-|ㅣ:<·]")


def clean_title(title: str | None, site_names: Any = ()) -> str | None:
    """Drop a trailing (or leading) site name: ``제목 - 머니투데이``, ``제목 : 네이버 뉴스``."""
    if not title:
        return None
    title = " ".join(title.split())
    title = _PORTAL_SUFFIX.sub("", title)
    names = {n for n in site_names if n}
    sections: frozenset[str] = frozenset()
    for _ in range(5):
        changed = False
        for sep in vocabulary().suffix_separators:
            head, found, tail = title.rpartition(sep)
            # Once the site is cut, the section names before it go too (제목 : 사회 : 한빛일보).
            if found and head.strip() and (_is_site_name(tail.strip(), names) or tail.strip() in sections):
                title = head.strip()
                changed = True
                sections = _sections()
                break
            tail2, found2, rest = title.partition(sep)
            if found2 and rest.strip() and _is_site_name(tail2.strip(), names) and len(rest) > len(tail2):
                title = rest.strip()
                changed = True
                break
        if not changed:
            break
    return _cut_glued_suffix(title, names) or None


@cache
def _sections() -> frozenset[str]:
    return frozenset(load_json("metadata.json")["title_sections"])


def _cut_glued_suffix(title: str, names: set[str]) -> str:
    """``제목-정치ㅣ한국일보``: a section and the site glued on without spaced separators."""
    start = max(0, len(title) - 30)
    for m in _GLUED_SEP.finditer(title, start):
        head, tail = title[: m.start()].rstrip(), title[m.end() :].strip()
        if len(head) < 5 or not tail:
            continue
        pieces = [p.strip() for p in _GLUED_SEP.split(tail) if p.strip()]
        if pieces and all(len(p) <= 12 for p in pieces) and _is_site_name(pieces[-1], names):
            return head
    return title


def _is_site_name(text: str, names: set[str]) -> bool:
    if not text or len(text) > 30:
        return False
    if text in names:
        return True
    pub = publishers.find_in_text(text)
    if pub and len(text) <= len(pub) + 12:
        return True
    return bool(_SITE_WORDS.search(text)) and len(text) <= 20 and " " not in text.strip()


def names_a_site(text: str | None, site_names: Any = ()) -> bool:
    """Whether a title is only a site's name (``<title>한빛일보</title>``): no headline to agree on."""
    if not text:
        return True
    return _is_site_name(" ".join(text.split()), {n for n in site_names if n})


def _key(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text)).lower()


def agrees(heading: str, reference: str) -> bool:
    """Whether a visible heading and a title name the same headline (spacing, quotes and
    ellipses aside; one may cut the other short)."""
    a, b = _key(heading), _key(reference)
    if len(a) < 4 or len(b) < 4:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 8 and short in long_ and len(short) >= 0.6 * len(long_)


def title_like(el: Element) -> bool:
    if el.tag in HEADINGS:
        return True
    label = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(label.strip()) and bool(_TITLE_CLASS.search(label))


def agreeing_heading(
    root: Element, container: Element | None, reference: str | None, *, boxes: bool = True
) -> str | None:
    """The visible heading (``h1``–``h4``, or with ``boxes`` also a title-classed box) that
    agrees with ``reference``, nearest the container (the deepest common ancestor), else the first."""
    if not reference:
        return None
    near: dict[Any, int] = {}
    if container is not None:
        near = {el: depth for depth, el in enumerate([container, *container.iterancestors()])}
    best: tuple[int, str] | None = None
    for el in root.iter() if boxes else root.iter(*HEADINGS):
        if not isinstance(el.tag, str) or not title_like(el):
            continue
        text = " ".join(text_content(el).split())
        if not 4 <= len(text) <= 300 or not agrees(text, reference):
            continue
        rank = 0
        if near:
            rank = len(near) + 1
            for node in [el, *el.iterancestors()]:
                if node in near:
                    rank = near[node]
                    break
        if best is None or rank < best[0]:
            best = (rank, text)
    return best[1] if best else None


def title_near(container: Element) -> str | None:
    """The headline of a page with no metadata: a heading opening the container, or the last
    heading (or title-classed box) before it."""
    for el in container.iter(*HEADINGS):
        text = " ".join(text_content(el).split())
        if len(text) >= 6:
            return text
        break
    # The last title-like box before the container in document order that is not one of its
    # ancestors: one linear pass (climbing ancestor by ancestor is quadratic on deep pages).
    ancestors = list(container.iterancestors())
    if not ancestors:
        return None
    chain = set(ancestors)
    candidates = []
    for h in ancestors[-1].iter():
        if h is container:
            break
        if isinstance(h.tag, str) and h not in chain and title_like(h):
            candidates.append(h)
    for h in reversed(candidates):
        text = " ".join(text_content(h).split())
        if 6 <= len(text) <= 200:
            return text
    return None


def first_heading(root: Element) -> str | None:
    """The first ``<h1>`` long enough to be a headline (the last resort before ``<title>``)."""
    for h in root.iter("h1"):
        text = " ".join(text_content(h).split())
        if len(text) >= 8:
            return text
    return None
