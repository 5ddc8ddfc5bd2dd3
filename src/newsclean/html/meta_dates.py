"""Publication dates by agreement: meta tags, JSON-LD, ``<time>`` and labelled Korean dates.

Candidates come in order of trust, each with its source: the profile, ``<meta>`` tags
(``meta:article:published_time``), JSON-LD (``jsonld:datePublished``), a ``<time>`` element
outside page furniture (``time``), a labelled date at the head of the article (``label:head``,
``입력 2021.05.06 오후 3:04``, ``기사입력 :[ 2019-03-04 12:30 ]``), a labelled date elsewhere on
the visible page nearest the article (``label:page``; never in a footer, a related list or the
masthead's registration details), an unlabelled date in a date-classed box nearest the article
(``date-box``) and a date line among the first blocks (``dateline``).
A candidate far (more than ``max_date_gap_days``) from the other evidence — the other
candidates and a date in the page's URL — loses to one the evidence agrees with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

import regex
from lxml import etree

from .. import regexcache, saferegex
from ..dates import parse_date
from ..resources import load_json
from .dom import Element, text_content, tokens

Candidate = tuple[str, str]  # (source, ISO date)

LABELLED_DATE = regexcache.compile(
    r"(?:기사\s*)?(?P<label>최초\s*입력|입력|등록|작성|게재|송고|발행|승인|수정|최종\s*수정|업데이트|Posted|Published|Updated)"
    r"\s*(?:일시|시간|일자|일|날짜)?\s*[:：|]?\s*[\[\(【]?\s*"
    r"(?P<date>(?:19|20)\d\d\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?"
    r"(?:\s*\([월화수목금토일]\))?(?:\s*(?:오전|오후|AM|PM)?\s*\d{1,2}\s*[:시]\s*\d{1,2}(?:\s*[:분]\s*\d{1,2})?)?)",
    regex.IGNORECASE,
)
MODIFIED_LABELS = ("수정", "최종수정", "최종 수정", "업데이트", "updated")
_LABEL_TEXTS = etree.XPath(
    "//text()[contains(., '입력') or contains(., '등록') or contains(., '작성') or contains(., '게재')"
    " or contains(., '송고') or contains(., '발행') or contains(., '승인') or contains(., 'osted')"
    " or contains(., 'ublished')]"
)
_URL_DATE = regexcache.compile(
    r"(?<!\d)((?:19|20)\d\d)[/\-]?(0[1-9]|1[0-2])[/\-]?(0[1-9]|[12]\d|3[01])(?!\d{1,2}(?:[/\-]|$))"
)
_DATE_ONLY = regexcache.compile(r"(?:19|20)\d\d[.\-/]\d{1,2}[.\-/]\d{1,2}")


class Vocabulary(NamedTuple):
    masthead: tuple[str, ...]
    furniture: frozenset[str]
    max_gap: int
    date_tokens: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    data = load_json("metadata.json")
    return Vocabulary(
        tuple(data["masthead_words"]), frozenset(data["furniture_tokens"]), int(data["max_date_gap_days"]),
        frozenset(data["date_box_tokens"]),
    )


def labelled_dates(text: str) -> tuple[str | None, str | None]:
    """(published, modified) from labelled dates in visible text: ``입력 2016-09-18 03:00 수정 ...``."""
    published = modified = None
    for m in saferegex.finditer(LABELLED_DATE, text, timeout=1.0):
        label = " ".join(m["label"].split()).lower()
        got = parse_date(m["date"])
        if not got:
            continue
        if label in MODIFIED_LABELS:
            modified = modified or got
        else:
            published = published or got
        if published and modified:
            break
    return published, modified


def names_modified(root: Element) -> bool:
    """Whether the page's text may hold a label :func:`labelled_dates` reads as "modified"."""
    text = text_content(root)
    return "수정" in text or "업데이트" in text or "updated" in text.lower()


def date_line(blocks: Sequence[Any]) -> str | None:
    """A date in one of the first short blocks (an archive's ``[신문] 2010-02-19 31면`` line)."""
    for b in blocks:
        text = b.text
        if len(text) <= 100:
            m = _DATE_ONLY.search(text)
            if m:
                got = parse_date(text[m.start() :])
                if got:
                    return got
    return None


def in_furniture(el: Element, stop: Element | None = None) -> bool:
    """Whether ``el`` sits in page furniture (a footer, a related or ranking list, a sidebar)."""
    words = vocabulary().furniture
    node: Element | None = el
    while node is not None and node is not stop:
        if isinstance(node.tag, str) and (node.tag in ("footer", "aside", "nav") or tokens(node) & words):
            return True
        node = node.getparent()
    return False


def time_elements(times: Iterable[Element]) -> str | None:
    """The first ``<time>`` outside page furniture that holds a date."""
    for t in times:
        got = parse_date(t.get("datetime") or text_content(t))
        if got and not in_furniture(t):
            return got
    return None


def url_date(*urls: str | None) -> str | None:
    """A date in an article URL (``/2016/09/17/``, ``2016091700921``): evidence, never a value."""
    for u in urls:
        m = saferegex.search(_URL_DATE, u) if u else None
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                continue
    return None


def page_labelled(root: Element, container: Element | None) -> tuple[str | None, str | None]:
    """(published, modified) from the labelled date nearest the article on the visible page,
    never from furniture or the masthead's registration details."""
    near: dict[Any, int] = {}
    if container is not None:
        near = {el: depth for depth, el in enumerate([container, *container.iterancestors()])}
    best: tuple[tuple[int, int], str | None, str | None] | None = None
    masthead = vocabulary().masthead
    for node in _LABEL_TEXTS(root):
        el = node.getparent()
        if el is None or in_furniture(el):
            continue
        for box in (el, el.getparent()):
            if box is None:
                break
            text = " ".join(text_content(box).split())
            if len(text) > 300:
                break
            if any(w in text for w in masthead):
                break
            published, modified = labelled_dates(text)
            if published or modified:
                rank = _distance(box, near)
                if best is None or rank < best[0]:
                    best = (rank, published, modified)
                break
    return (best[1], best[2]) if best else (None, None)


_DATE_BOXES = etree.XPath(
    "//*[contains(@class, 'date') or contains(@id, 'date') or contains(@class, 'time') or contains(@id, 'time')"
    " or contains(@class, 'Date') or contains(@class, 'Time')]"
)


def date_box(root: Element, container: Element | None) -> str | None:
    """A date standing in a date-classed box (``<span class="date">2021.05.06 15:04</span>``)
    nearest the article, outside furniture: pages that print the date without a label."""
    near: dict[Any, int] = {}
    if container is not None:
        near = {el: depth for depth, el in enumerate([container, *container.iterancestors()])}
    words = vocabulary().date_tokens
    best: tuple[tuple[int, int], str] | None = None
    for el in _DATE_BOXES(root):
        if not tokens(el) & words or in_furniture(el):
            continue
        text = " ".join(text_content(el).split())
        m = _DATE_ONLY.search(text) if len(text) <= 60 else None
        got = parse_date(text[m.start() :]) if m else None
        if got:
            rank = _distance(el, near)
            if best is None or rank < best[0]:
                best = (rank, got)
    return best[1] if best else None


def _distance(el: Element, near: dict[Any, int]) -> tuple[int, int]:
    """How far ``el`` is from the container: how far up their common ancestor is, then how many
    siblings apart their branches are under it."""
    if not near:
        return (0, 0)
    chain = {depth: node for node, depth in near.items()}
    below = el
    for node in [el, *el.iterancestors()]:
        if node in near:
            depth = near[node]
            if depth == 0 or below is node:
                return (depth, 0)
            branch = chain[depth - 1]
            return (depth, abs(node.index(below) - node.index(branch)))
        below = node
    return (len(near) + 1, 0)


def _day(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def agree(candidates: Sequence[Candidate], evidence: Sequence[str] = ()) -> Candidate | None:
    """The candidate the most other evidence agrees with (within the gap), ties by trust order."""
    if not candidates:
        return None
    gap = vocabulary().max_gap
    days = [_day(v) for _, v in candidates]
    extra = [d for d in (_day(v) for v in evidence) if d]
    best: Candidate | None = None
    best_support = -1
    for i, cand in enumerate(candidates):
        mine = days[i]
        if mine is None:
            continue
        others = [d for j, d in enumerate(days) if j != i and d] + extra
        support = sum(1 for d in others if abs((d - mine).days) <= gap)
        if support > best_support:
            best, best_support = cand, support
    return best


def conflict(candidates: Sequence[Candidate], evidence: Sequence[str] = ()) -> bool:
    """Whether some candidate or evidence is far from another."""
    gap = vocabulary().max_gap
    days = [d for d in (_day(v) for v in [*(v for _, v in candidates), *evidence]) if d]
    return bool(days) and (max(days) - min(days)).days > gap
