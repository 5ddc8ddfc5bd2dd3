"""Persons: names found from name–title patterns, in both orders, on the raw text.

Kiwi tags most names NNP but splits or mis-tags names glued to titles, so titles (roles) are
found with a regex on the raw text (with the prefixes and suffixes of compound titles: 대선 후보,
대통령 당선인, 대표 직무대행, 대구시장) and names are proper nouns next to them:

* NAME [gap] ROLE: the gap may hold only nouns, proper nouns, foreign words, numbers, brackets
  and 전/현/신임 (이재명 더불어민주당 대선 후보, 김경범(서울대 서어서문학과 교수), 홍준표 전 대구시장);
* ROLE NAME: (위원장 조순형), CEO 존 행키, 국악인 박애리;
* NAME + 씨/군/양/옹 (문유성씨, 김모(33)씨 → 김);
* a bare Korean name (surname + 1-2 syllables, tagged NNP, not a known word) or a run of two or
  more foreign-looking proper nouns, followed by a particle or punctuation: role None.
"""

from __future__ import annotations

import bisect
from functools import cache
from typing import Any

import regex

from ..article import Entity
from .common import TokenIndex, alternation, finditer
from .gazetteer import lexicon, ministries, regions
from .kiwi import Tok

_GAP_TAGS = frozenset({"NNP", "NNG", "SL", "SH", "SN", "SSO", "SSC", "SP", "SO", "XSN", "XPN", "NNB", "SW"})
_AFTER_OK = frozenset({"JKS", "JKO", "JKG", "JKB", "JX", "JC", "JKC", "JKV", "JKQ", "SF", "SP", "SSC", "SSO",
                       "VCP", "SO", "SS"})
_HANGUL_NAME = regex.compile(r"[가-힣]{1,5}")


@cache
def _role_re() -> Any:
    lex = lexicon()
    reg = regions()
    rforms = [f for f in reg.sido_by_form if len(f) >= 2] + [f for f in reg.sigungu_by_form if len(f) >= 2]
    region_roles = alternation(list(lex["region_roles"]))
    return regex.compile(
        rf"(?:(?P<pre>{alternation(lex['role_prefixes'])})\s?)?"
        rf"(?P<role>(?:{alternation(rforms)})(?:{region_roles})|{alternation(lex['roles'])})"
        rf"(?:\s?(?P<suf>{alternation(lex['role_suffixes'])}))?"
    )


@cache
def _vocab() -> tuple[str, frozenset[str], frozenset[str]]:
    lex = lexicon()
    reg = regions()
    known = set(lex["person_stopwords"]) | set(lex["known_orgs"]) | set(lex["roles"])
    known |= set(reg.sido_by_form) | set(reg.sigungu_by_form) | ministries().names()
    return lex["surnames"], frozenset(known), frozenset(lex["honorifics"])


def _korean_name(form: str) -> bool:
    surnames, known, _ = _vocab()
    return 2 <= len(form) <= 4 and form[0] in surnames and form not in known and bool(
        _HANGUL_NAME.fullmatch(form)
    )


def _foreignish(t: Tok) -> bool:
    _, known, _ = _vocab()
    return t.tag == "NNP" and t.form not in known and bool(_HANGUL_NAME.fullmatch(t.form)) and t.user is None


def find_persons(text: str, idx: TokenIndex) -> list[Entity]:
    toks = idx.toks
    n = len(toks)
    _, known, honor = _vocab()
    roles: list[tuple[int, int, str]] = []
    for m in finditer(_role_re(), text):
        s, e = m.span()
        if e not in idx.ends:
            continue
        rs = m.start("role")
        if idx.starting(rs) is None and idx.covering(rs) is not None:
            # inside a word: accept only when glued right after a name (김성수의원)
            tok = idx.covering(rs)
            if tok is None or tok.start != rs:
                prev = idx.covering(rs - 1)
                if prev is None or prev.tag != "NNP":
                    continue
        roles.append((s, e, regex.sub(r"\s+", " ", m.group())))
    role_starts = [r[0] for r in roles]
    role_ends = {r[1]: r for r in roles}

    out: list[Entity] = []
    i = 0
    while i < n:
        t = toks[i]
        if t.tag != "NNP" or t.user is not None:
            i += 1
            continue
        # the name: a Korean name token, or a run of foreign-looking proper nouns
        j = i
        if not _korean_name(t.form):
            while (j + 1 < n and _foreignish(toks[j + 1]) and toks[j + 1].start - toks[j].end == 1
                   and text[toks[j].end] == " "):
                j += 1
            if not _foreignish(t):
                i += 1
                continue
        s, e = t.start, toks[j].end
        name = text[s:e]
        role = _role_after(text, idx, j + 1, e, roles, role_starts)
        if role is None:
            role = _role_before(text, s, role_ends)
        korean = i == j and _korean_name(t.form)
        ok = role is not None
        if not ok and j + 1 < n and toks[j + 1].start == e and toks[j + 1].form in honor:
            ok = True
        if not ok and korean and t.form[1:2] == "모" and len(t.form) == 2:
            ok = False
        if not ok:
            nxt = toks[j + 1] if j + 1 < n else None
            follows = nxt is None or nxt.tag in _AFTER_OK or nxt.start > e
            if korean and len(t.form) >= 3 and follows:
                ok = True
            elif not korean and j > i and follows:
                ok = True
        if ok and name not in known:
            out.append(Entity("person", name, s, e, norm=name, role=role))
        i = j + 1
    # 김모(33)씨, 박씨: a lone surname before 모/씨
    surnames = _vocab()[0]
    for k, t in enumerate(toks[:-1]):
        if len(t.form) == 1 and t.form in surnames and t.tag in ("NNP", "NNG", "NNB"):
            nxt = toks[k + 1]
            if nxt.start == t.end and (nxt.form in ("씨", "모") or (nxt.form == "모씨")):
                out.append(Entity("person", t.form, t.start, t.end, norm=t.form))
    return out


def _role_after(
    text: str, idx: TokenIndex, k: int, end: int, roles: list[tuple[int, int, str]], role_starts: list[int]
) -> str | None:
    toks = idx.toks
    limit = end + 30
    r = bisect.bisect_left(role_starts, end)
    if r >= len(roles) or roles[r][0] > limit:
        return None
    target = roles[r][0]
    # every token between the name and the role must be a noun-like gap word
    steps = 0
    while k < len(toks) and toks[k].start < target:
        t = toks[k]
        if t.end > target:
            break
        if t.tag not in _GAP_TAGS and t.form not in lexicon()["name_gap_words"]:
            return None
        if t.tag == "SP" and t.form not in ("·", ",") or (t.form == "," and steps > 0):
            return None
        steps += 1
        if steps > 6:
            return None
        k += 1
    return roles[r][2]


def _role_before(text: str, start: int, role_ends: dict[int, tuple[int, int, str]]) -> str | None:
    for gap in (0, 1):
        r = role_ends.get(start - gap)
        if r is not None and (gap == 0 or text[start - 1] in " ("):
            return r[2]
    if start >= 2 and text[start - 1] == " " and text[start - 2] == "(":
        return None
    return None
