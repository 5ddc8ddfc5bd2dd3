"""Ministries (central government bodies, resolved by date) and other organisations.

* ``ministry``: every central body of the gazetteer, 부·처·청·위원회 alike (the record's
  ``agency`` type is not used, so one type answers "which government bodies"), by official
  name or news abbreviation, resolved against the article's date. Regional offices
  (서울지방국세청, 13개 지방중소벤처기업청) map to their parent body when they act for it; a
  regional office that is a body of its own (서울지방노동위원회) keeps its own name.
* ``organization``: well-known names (lexicon ``known_orgs``) and proper nouns ending with an
  organisation suffix (센터, 테크노파크, 공사, 재단, 대학교 ...): a run of nouns glued together
  that holds at least one proper noun (경기혁신센터, 대구테크노파크, SK그룹).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import regex

from .. import regexcache
from ..article import Entity
from ..resources import load_json
from .common import PrefixMatcher, TokenIndex, alternation, finditer
from .gazetteer import lexicon, ministries, regions

_ORG_TAGS = frozenset({"NNP", "NNG", "SL", "SN", "SH", "XSN", "XPN"})


@cache
def _patterns() -> tuple[Any, Any]:
    m = ministries()
    names = regexcache.compile(rf"(?<![가-힣])(?:{alternation(sorted(m.names()))})")
    reg = regions()
    forms = [f for f in reg.sido_by_form if len(f) >= 2]
    offices = list(m.offices)
    office = regexcache.compile(
        rf"(?<![가-힣])(?P<reg>{alternation(forms)})?(?P<off>{alternation(offices)})(?![가-힣&&[^은는이가을를의에과와도로]])",
        regex.V1,
    )
    return names, office


@cache
def _suffixes() -> tuple[tuple[str, ...], frozenset[str]]:
    lex = lexicon()
    return tuple(sorted(lex["org_suffixes"], key=len, reverse=True)), frozenset(lex["org_suffix_exclude"])


def find_ministries(text: str, idx: TokenIndex, day: dt.date | None) -> list[Entity]:
    m = ministries()
    names, office = _patterns()
    out: list[Entity] = []
    for hit in finditer(names, text):
        s, e, w = hit.start(), hit.end(), hit.group()
        if e not in idx.ends:
            tok = idx.covering(e - 1)
            if tok is None or tok.tag != "NNP" or len(w) < 3:
                continue
        if len(w) <= 2:
            tok = idx.starting(s)
            if tok is None or tok.form != w:
                continue
        norm = m.resolve(w, day)
        if norm:
            out.append(Entity("ministry", w, s, e, norm=norm))
    for hit in finditer(office, text):
        s, e = hit.span()
        reg, off = hit.group("reg"), hit.group("off")
        if not reg and not off.startswith("지방"):
            continue
        parent = m.offices.get(off)
        norm = m.resolve(parent, day) if parent else text[s:e]
        out.append(Entity("ministry", text[s:e], s, e, norm=norm or parent))
    return out


@cache
def _orgs() -> dict[str, Any]:
    """``data/organizations.json`` (see its ``about``)."""
    data: dict[str, Any] = load_json("organizations.json")
    return data


@cache
def _known() -> dict[str, str | None]:
    """Well-known organisation names → kind (the lexicon's known_orgs, then organizations.json)."""
    out: dict[str, str | None] = dict.fromkeys(lexicon()["known_orgs"])
    out.update(_orgs()["known"])
    return out


@cache
def _known_matcher() -> PrefixMatcher:
    return PrefixMatcher(sorted(_known()))


@cache
def _kind_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_orgs()["suffix_kinds"], key=len, reverse=True))


def org_kind(name: str) -> str | None:
    """The kind of an organisation: from the lexicon, else from its suffix (대학교, 노조, 당)."""
    known = _known()
    if name in known:
        return known[name]
    if name.endswith(_kind_suffixes()):
        kinds = _orgs()["suffix_kinds"]
        return next(kinds[x] for x in _kind_suffixes() if name.endswith(x))
    return None


@cache
def _state_re() -> Any:
    """A country and a state body after it: 일본 정부, 미국 당국, 북한 대표단."""
    lex = lexicon()
    countries = [c for c in lex["countries"] if len(c) >= 2]
    bodies = alternation(_orgs()["state_bodies"])
    return regexcache.compile(
        rf"(?<![가-힣])(?:{alternation(countries)}) (?:{bodies})(?![가-힣&&[^은는이가을를의에과와도로]])", regex.V1
    )


@cache
def _media_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_orgs()["media_suffixes"], key=len, reverse=True))


def find_orgs(text: str, idx: TokenIndex) -> list[Entity]:
    out = _known_orgs(text, idx)
    for hit in finditer(_state_re(), text):
        s, e = hit.span()
        if e in idx.ends:
            out.append(Entity("organization", text[s:e], s, e, norm=text[s:e], kind="government"))
    out += _suffix_orgs(text, idx)
    return out


def _org(text: str, s: int, e: int, kind: str | None = None) -> Entity:
    word = text[s:e]
    return Entity("organization", word, s, e, norm=word, kind=kind or org_kind(word))


def _known_orgs(text: str, idx: TokenIndex) -> list[Entity]:
    """Well-known names, extended over the nouns glued to them that end like an organisation
    (SK그룹, 롯데백화점); an acronym before 통신 is a news agency (AFP 통신)."""
    suffixes = (*_suffixes()[0], *_kind_suffixes())
    toks = idx.toks
    out: list[Entity] = []
    for s, e, _ in _known_matcher().scan(text):
        if s > 0 and text[s - 1].isascii() and text[s - 1].isalpha():
            continue  # the tail of a Latin word
        i = idx.after(e)
        j, e2 = i, e
        while j < len(toks) and toks[j].start == e2 and toks[j].tag in ("NNP", "NNG", "SL"):
            e2 = toks[j].end
            j += 1
        if e2 > e and text[s:e2].endswith(suffixes):
            e = e2
        if e not in idx.ends:
            continue
        if text.startswith(" 통신", e) and (e + 3) in idx.ends and text[s:e].isascii():
            out.append(_org(text, s, e + 3, "media"))
            continue
        out.append(_org(text, s, e))
    return out


def _long_common_name(word: str, run: list[Any]) -> bool:
    """Three or more common nouns glued before a strong suffix name a body even without a
    proper noun (전국금속노동조합, 한국교원단체총연합회); two (지역위원회) do not."""
    strong = _strong()
    if len(run) < 3 or not word.endswith(strong):
        return False
    return len(word) >= len(next(x for x in strong if word.endswith(x))) + 3


@cache
def _strong() -> tuple[str, ...]:
    return tuple(sorted(_orgs()["strong_suffixes"], key=len, reverse=True))


@cache
def _all_suffixes() -> tuple[str, ...]:
    """The lexicon's organisation suffixes and the kind suffixes of two or more characters (대
    and 당 alone have rules of their own), longest first."""
    words = set(_suffixes()[0]) | {x for x in _kind_suffixes() if len(x) >= 2}
    return tuple(sorted(words, key=len, reverse=True))


def _suffix_orgs(text: str, idx: TokenIndex) -> list[Entity]:
    """Runs of glued nouns holding a proper noun that end with an organisation suffix
    (경기혁신센터, 대구테크노파크, 한빛대학교, 머니투데이), single proper nouns ending in 당
    (정의당) or 대 (서울대)."""
    suffixes, exclude = _suffixes()
    suffixes = _all_suffixes()
    media = _media_suffixes()
    sido_forms = regions().sido_by_form
    toks = idx.toks
    out: list[Entity] = []
    i = 0
    n = len(toks)
    while i < n:
        if toks[i].tag not in _ORG_TAGS:
            i += 1
            continue
        j = i
        while j + 1 < n and toks[j + 1].tag in _ORG_TAGS and toks[j + 1].start == toks[j].end:
            j += 1
        if j == i and toks[i].tag not in ("NNP", "SL") and toks[i].form not in sido_forms:
            i += 1  # one token, not proper: the tests below all fail (most runs)
            continue
        run = toks[i : j + 1]
        i = j + 1
        s, e = run[0].start, run[-1].end
        if len(run) >= 2 and run[-1].form == "당" and e - s >= 4:
            out.append(_org(text, s, e, "party"))  # 미래나라당: Kiwi reads 당 as a suffix
            continue
        proper = (
            run[0].tag in ("NNP", "SL")
            or (len(run) > 1 and any(t.tag in ("NNP", "SL") for t in run))
            or run[0].form in sido_forms
        )
        if not proper and (len(run) < 3 or not _long_common_name(text[s:e], run)):
            continue
        word = text[s:e]
        if run[-1].tag == "XSN" and len(run) > 1:  # 기관별, 시도별: not part of the name
            continue
        suf = next((x for x in suffixes if word.endswith(x)), None) if word.endswith(suffixes) else None
        ok = False
        if suf and len(word) > len(suf):
            ok = suf not in exclude or len(word) >= len(suf) + 2
        elif word.endswith(lexicon()["party_suffix"]) and len(run) == 1 and run[0].tag == "NNP":
            ok = len(word) >= 3  # 정의당, 더불어민주당
        elif len(run) == 1 and run[0].tag == "NNP" and len(word) >= 3 and word.endswith("대"):
            ok = True  # 서울대, 용인대
        elif len(run) == 1 and run[0].tag == "NNP" and word.endswith(media):
            m = next(x for x in media if word.endswith(x))
            ok = len(word) >= len(m) + 2  # 머니투데이, 한빛일보
        if ok:
            out.append(_org(text, s, e))
    return out
