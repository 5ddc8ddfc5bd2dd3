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
from .common import TokenIndex, alternation, finditer
from .gazetteer import lexicon, ministries, regions

_ORG_TAGS = frozenset({"NNP", "NNG", "SL", "SN", "SH", "XSN", "XPN"})


@cache
def _patterns() -> tuple[Any, Any, Any]:
    m = ministries()
    names = regexcache.compile(rf"(?<![가-힣])(?:{alternation(sorted(m.names()))})")
    reg = regions()
    forms = [f for f in reg.sido_by_form if len(f) >= 2]
    offices = list(m.offices)
    office = regexcache.compile(
        rf"(?<![가-힣])(?P<reg>{alternation(forms)})?(?P<off>{alternation(offices)})(?![가-힣&&[^은는이가을를의에과와도로]])",
        regex.V1,
    )
    known = regexcache.compile(rf"(?<![가-힣A-Za-z])(?:{alternation(lexicon()['known_orgs'])})")
    return names, office, known


@cache
def _suffixes() -> tuple[tuple[str, ...], frozenset[str]]:
    lex = lexicon()
    return tuple(sorted(lex["org_suffixes"], key=len, reverse=True)), frozenset(lex["org_suffix_exclude"])


def find_ministries(text: str, idx: TokenIndex, day: dt.date | None) -> list[Entity]:
    m = ministries()
    names, office, _ = _patterns()
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


def find_orgs(text: str, idx: TokenIndex) -> list[Entity]:
    suffixes, exclude = _suffixes()
    _, _, known = _patterns()
    toks = idx.toks
    out: list[Entity] = []
    for hit in finditer(known, text):
        s, e = hit.span()
        # extend over nouns glued to the name (SK그룹, 삼성전자, 민주당)
        i = idx.after(e)
        j, e2 = i, e
        while j < len(toks) and toks[j].start == e2 and toks[j].tag in ("NNP", "NNG", "SL"):
            e2 = toks[j].end
            j += 1
        if e2 > e and text[s:e2].endswith(suffixes):
            e = e2
        if e not in idx.ends:
            continue
        out.append(Entity("organization", text[s:e], s, e, norm=text[s:e]))
    i = 0
    n = len(toks)
    while i < n:
        if toks[i].tag not in _ORG_TAGS:
            i += 1
            continue
        j = i
        while j + 1 < n and toks[j + 1].tag in _ORG_TAGS and toks[j + 1].start == toks[j].end:
            j += 1
        run = toks[i : j + 1]
        i = j + 1
        if not any(t.tag in ("NNP", "SL") for t in run) and run[0].form not in regions().sido_by_form:
            continue
        s, e = run[0].start, run[-1].end
        if run[-1].tag == "XSN" and len(run) > 1:  # 기관별, 시도별: not part of the name
            continue
        word = text[s:e]
        suf = next((x for x in suffixes if word.endswith(x)), None) if word.endswith(suffixes) else None
        ok = False
        if suf and len(word) > len(suf):
            ok = suf not in exclude or len(word) >= len(suf) + 2
        elif word.endswith(lexicon()["party_suffix"]) and len(run) == 1 and run[0].tag == "NNP":
            ok = len(word) >= 3  # 정의당, 더불어민주당
        elif len(run) == 1 and run[0].tag == "NNP" and len(word) >= 3 and word.endswith("대"):
            ok = True  # 서울대, 용인대
        if ok:
            out.append(Entity("organization", word, s, e, norm=word))
    return out
