"""Regions: the 17 시도 and the 시군구, with official name (on the article's date), code, level.

Rules (see docs/entities.md):

* full names and aliases (서울특별시, 서울시, 강원도, 충북도, 고양시) are taken wherever they start a
  word and end on a morpheme boundary or inside a proper noun (대구테크노파크 → 대구광역시);
* short forms that are also common words or several places (경기, 광주, 세종, 대구, 고성, 중구 ...,
  the list ``ambiguous_regions``) only when Kiwi tags them NNP, or when context confirms: another
  region name right next to them (경기 고양시, 경남 고성) or a region suffix (경기지역, 광주시민);
* a 시군구 name shared by several 시도 (중구, 고성군) takes the 시도 named right before it, else the
  only candidate 시도 named elsewhere in the text; otherwise it is left out;
* 광주 / 광주시 is 광주광역시 unless 경기 is named right before it (경기도 광주시, code 41610).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import regex

from .. import regexcache
from ..article import Entity
from .common import PrefixMatcher, TokenIndex, alternation, finditer
from .gazetteer import Sido, Sigungu, lexicon, regions


@cache
def _matcher() -> PrefixMatcher:
    reg = regions()
    return PrefixMatcher([*reg.sido_by_form, *reg.sigungu_by_form])


def _scan(text: str) -> list[tuple[int, int, str]]:
    """Region names starting a Hangul word: (start, end, form), longest form first."""
    return _matcher().scan(text)


@cache
def _sets() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], frozenset[str]]:
    lex = lexicon()
    suffixes = tuple(sorted(lex["region_suffixes"], key=len, reverse=True))
    org = tuple(sorted(lex["org_suffixes"] + lex["compound_tails"], key=len, reverse=True))
    return frozenset(lex["ambiguous_regions"]), suffixes, org, frozenset(lex["region_tails"])


_JOSA = regexcache.compile(r"(?:에서는|에서|으로|에는|은|는|이|가|을|를|의|에|과|와|도|로|만)$")
_WORD = regexcache.compile(r"[^\s,.·()\[\]<>\"'‘’“”]+")
_LIST = regexcache.compile(r"(?:와|과|및|,|·|/|\s)+")


def _word_at(text: str, pos: int) -> str:
    m = _WORD.match(text, pos)
    return _JOSA.sub("", m.group()) if m else ""


def _sido_entity(text: str, s: int, e: int, sido: Sido, day: dt.date | None) -> Entity | None:
    on = sido.on(day)
    if on is None:
        return None
    name, code = on
    return Entity("region", text[s:e], s, e, norm=name, code=code, level="sido")


def _sgg_entity(text: str, s: int, e: int, g: Sigungu, day: dt.date | None) -> Entity:
    """The 시군구 with the code and the 시도 name valid on ``day`` (2016: 강원도 영월군, 42750)."""
    reg = regions()
    parent, code = g.on(day)
    sido = reg.sido_by_name.get(parent)
    on = sido.on(day) if sido else None
    sido_name = on[0] if on else parent
    return Entity("region", text[s:e], s, e, norm=f"{sido_name} {g.name}", code=code, level="sigungu")


def find_regions(text: str, idx: TokenIndex, day: dt.date | None) -> list[Entity]:
    reg = regions()
    ambiguous, suffixes, org_suffixes, tails = _sets()
    matches = _scan(text)
    # 시도 named in the text, for 시군구 names shared by several 시도.
    named: set[str] = set()
    for _s, _e, w in matches:
        if w in reg.sido_by_form and w not in ambiguous:
            named.add(reg.sido_by_form[w].name)
    out: list[Entity] = []
    prev_end = -10
    prev_sido: Sido | None = None
    for s, e, w in matches:
        tok = idx.starting(s)
        if tok is None:
            continue
        rest = text[e : e + 6]
        exact = tok.form == w and tok.end == e
        inside = False
        if tok.form.startswith(w) and len(tok.form) > len(w):
            tail = tok.form[len(w) :]
            inside = tail in tails or (
                tok.tag == "NNP" and (tail.startswith(suffixes) or tail.endswith(org_suffixes) or tail.endswith("대"))
            )
        word = _word_at(text, s)
        if not inside and len(word) > len(w) and word.startswith(w):
            tail = word[len(w) :]
            inside = tail in tails or (len(tail) >= 2 and tail.endswith(org_suffixes))
        boundary = e in idx.ends
        adjacent_prev = s - prev_end <= 1
        nxt = _next_region(text, e)
        follower = idx.starting(e)
        verb = follower is not None and follower.tag in _VERBISH  # 강화시켜야, 고성을 지르다: no place
        context = (rest.startswith(suffixes) and not verb) or nxt or (adjacent_prev and prev_sido is not None)
        if not context:
            lm = _LIST.match(text, e)
            if lm and lm.end() > e and lm.group().strip():
                after = _matcher().match(text, lm.end())
                context = after is not None and after not in ambiguous
            if not context and s - prev_end <= 3 and text[prev_end:s].strip() in ("·", ",", "와", "과", "/"):
                context = True
        if w in ambiguous or (w in reg.sigungu_by_form and w not in reg.sido_by_form and w[-1] not in "시군구"):
            ok = (
                (tok.tag == "NNP" and (exact or inside))
                or (boundary and context and tok.tag != "VV")
                or (inside and (w not in ambiguous or len(word) > len(w) + 1))
            )
            if w in ambiguous and not (tok.tag == "NNP" or context or (inside and len(word) > len(w) + 1)):
                ok = False
            if w in ambiguous and len(word) > len(w) and not inside and not word.startswith(suffixes, len(w)):
                ok = False  # 세종대왕, 경기장: the short name is the start of another word
            if exact and not inside and (verb or text.startswith(reg.not_place_tails, e)):
                ok = False  # 강화시켜야, 태백장사, 태백산맥: a verb or a word that is no place
        else:
            ok = boundary or inside or exact
        if not ok:
            continue
        ent: Entity | None = None
        sgg = reg.sigungu_by_form.get(w)
        sido = reg.sido_by_form.get(w)
        if sido is not None and sgg and adjacent_prev and prev_sido is not None:
            # 경기 광주(시): the 시군구 of the 시도 just named
            hit = [g for g in sgg if g.sido == prev_sido.name]
            if hit:
                ent = _sgg_entity(text, s, e, hit[0], day)
        if ent is None and sido is not None:
            ent = _sido_entity(text, s, e, sido, day)
            prev_sido = sido
        elif ent is None and sgg:
            cands = sgg
            if len({g.sido for g in cands}) > 1:
                if adjacent_prev and prev_sido is not None:
                    cands = [g for g in cands if g.sido == prev_sido.name]
                else:
                    cands = [g for g in cands if g.sido in named]
            if len({g.code for g in cands}) == 1:
                ent = _sgg_entity(text, s, e, cands[0], day)
                parent = reg.sido_by_name.get(cands[0].on(day)[0])
                up = _sido_entity(text, s, e, parent, day) if parent else None
                if up is not None:  # a 시군구 mention is also a mention of its 시도
                    out.append(up)
            prev_sido = None
        if ent is not None:
            if ent.level == "sigungu" and sido is not None:
                parent = reg.sido_by_name.get(prev_sido.name) if prev_sido else None
                if parent is not None:
                    up = _sido_entity(text, s, e, parent, day)
                    if up is not None:
                        out.append(up)
            out.append(ent)
            prev_end = e
    return out + find_groups(text, idx, day)


_VERBISH = frozenset({"XSV", "XSA", "VV", "VA", "VX", "EP", "EC", "EF", "ETM", "ETN"})


def find_groups(text: str, idx: TokenIndex, day: dt.date | None) -> list[Entity]:
    """부울경, 대경권, 호남 지역: a region group, one 시도 entity per member on the group's span.

    The group word must stand alone (a particle or punctuation may follow) or end in a region
    tail (권, 지역, 민 ...): 호남선, 대경대학교 are other words.
    """
    reg = regions()
    if not reg.groups:
        return []
    _ambiguous, suffixes, _org, tails = _sets()
    out: list[Entity] = []
    for m in finditer(_group_pattern(), text):
        s, e = m.span()
        tok = idx.starting(s)
        if tok is None or tok.tag not in ("NNP", "NNG"):
            continue
        word = _word_at(text, s)
        tail = word[len(m.group()) :]
        if tail and tail not in tails and tail not in suffixes:
            continue
        for name in reg.groups[m.group()]:
            sido = reg.sido_by_name.get(name)
            ent = _sido_entity(text, s, e, sido, day) if sido else None
            if ent is not None:
                out.append(ent)
    return out


@cache
def _group_pattern() -> regex.Pattern[str]:
    return regexcache.compile(rf"(?<![가-힣]){alternation(list(regions().groups))}")


def _next_region(text: str, pos: int) -> bool:
    """True when another region name follows right after ``pos`` (경기 고양시)."""
    if pos < len(text) and text[pos] == " ":
        pos += 1
    if pos > 0 and regex.match(r"[가-힣]", text[pos - 1 : pos]):
        return False
    w = _matcher().match(text, pos)
    return w is not None and len(w) >= 2 and w[-1] in "시군구도"
