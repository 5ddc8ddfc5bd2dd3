"""Entity extraction: ministries, regions, organisations, persons, counts, money, percent, dates.

    >>> from newsclean.entities import extract_entities
    >>> [e.norm for e in extract_entities("중기부는 ...", date="2024-05-01") if e.type == "ministry"]

One Kiwi pass per text (``kiwi.tokenize``); everything else is regex and gazetteer look-ups.
Offsets are code-point offsets into the text given, and ``text[e.start:e.end] == e.text``
always holds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .. import limits
from ..article import Entity
from .common import TokenIndex
from .dates import find_dates
from .gazetteer import calendar_day
from .kiwi import get_kiwi, tokenize
from .orgs import find_ministries, find_orgs
from .persons import find_persons
from .quantities import find_ages, find_quantities
from .regions import find_regions

__all__ = ["analysed_part", "extract_entities", "get_kiwi", "summarize_entities", "warm"]

# Entities of one family never overlap; the first family member wins a conflict
# (listed by priority), then the longer span, then the earlier one.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "name": ("ministry", "agency", "person", "organization"),
    "region": ("region",),
    "number": ("date", "money", "percent", "count", "quantity"),
}
_PRIORITY = {t: (fam, rank) for fam, types in _FAMILIES.items() for rank, t in enumerate(types)}


def _resolve(cands: Iterable[Entity], size: int) -> list[Entity]:
    by_family: dict[str, list[Entity]] = {}
    for e in cands:
        fam, _ = _PRIORITY.get(e.type, (e.type, 0))
        if e.type == "region":  # a 시군구 and its 시도 share a span, so do a group's 시도 (부울경)
            fam = f"region:{e.level}:{e.norm}"
        by_family.setdefault(fam, []).append(e)
    out: list[Entity] = []
    for items in by_family.values():
        items.sort(key=lambda e: (_PRIORITY.get(e.type, ("", 0))[1], -(e.end - e.start), e.start))
        taken = bytearray(size)  # characters already covered by an entity of this family
        for e in items:
            if any(taken[e.start : e.end]):
                continue
            taken[e.start : e.end] = b"\x01" * (e.end - e.start)
            out.append(e)
    out.sort(key=lambda e: (e.start, e.end, e.type))
    return out


def analysed_part(text: str, max_chars: int) -> str:
    """The head of ``text`` that entity extraction reads: all of it when it has at most
    ``max_chars`` characters, else up to the last paragraph break (or, failing that, the last
    whitespace) in the first ``max_chars`` characters, so no mention is cut in two."""
    if max_chars <= 0 or len(text) <= max_chars:
        return text
    head = text[:max_chars]
    cut = head.rfind("\n")
    if cut < max_chars // 2:
        cut = max(head.rfind(" "), head.rfind("\t"))
    return (head[:cut] if cut >= max_chars // 2 else head).rstrip()


def extract_entities(text: str, date: str | None = None, *, max_chars: int | None = None) -> list[Entity]:
    """Entities of ``text`` sorted by start; ``date`` (ISO) resolves names and relative dates.

    Only :func:`analysed_part` of the text is read: at most ``max_chars`` characters (default
    :data:`newsclean.limits.MAX_ENTITY_CHARS`; ``0``: no cap), which bounds the time a
    megabyte text costs. Offsets index ``text`` itself either way.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    text = analysed_part(text, limits.MAX_ENTITY_CHARS if max_chars is None else max_chars)
    if not text.strip():
        return []
    day = calendar_day(date)
    idx = TokenIndex(tokenize(text))
    cands: list[Entity] = []
    cands += find_ministries(text, idx, day)
    cands += find_regions(text, idx, day)
    cands += find_orgs(text, idx)
    cands += find_persons(text, idx)
    cands += find_dates(text, idx, day)
    cands += find_quantities(text, idx)
    cands += find_ages(text, idx)
    ents = _resolve((e for e in cands if e.end > e.start and text[e.start : e.end] == e.text), len(text))
    return ents


def summarize_entities(entities: Iterable[Entity]) -> dict[str, dict[str, int]]:
    """Distinct ministries, regions, organisations (and identified persons) with mention counts.

    Keys are the normalised names (the official name on the article's date), values the number
    of mentions, most frequent first: the shape of a BigKinds-style document summary.
    """
    kinds = {
        "ministry": "ministries",
        "agency": "ministries",
        "region": "regions",
        "organization": "organizations",
        "person": "persons",
    }
    counts: dict[str, Counter[str]] = {v: Counter() for v in dict.fromkeys(kinds.values())}
    for e in entities:
        key = kinds.get(e.type)
        if key == "persons" and e.norm is None:
            continue  # a lone surname no full name of the text explains (최 회장, A씨)
        if key:
            counts[key][e.norm or e.text] += 1
    return {k: dict(c.most_common()) for k, c in counts.items()}


def warm() -> None:
    """Build Kiwi and load the gazetteers now (call before forking workers)."""
    get_kiwi()
    extract_entities("중소벤처기업부는 지난 8일 세종시에서 13개 기관과 회의를 열었다.", "2024-01-10")
