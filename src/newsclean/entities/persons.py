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

from functools import cache
from typing import Any

import regex

from ..article import Entity
from .common import REGEX_TIMEOUT, PrefixMatcher, TokenIndex, alternation, finditer
from .gazetteer import lexicon, ministries, regions
from .kiwi import Tok

_GAP_TAGS = frozenset({"NNP", "NNG", "SL", "SH", "SN", "SSO", "SSC", "SP", "SO", "XSN", "XPN", "NNB", "SW"})
_AFTER_OK = frozenset(
    {"JKS", "JKO", "JKG", "JKB", "JX", "JC", "JKC", "JKV", "JKQ", "SF", "SP", "SSC", "SSO", "VCP", "SO", "SS"}
)
_HANGUL_NAME = regex.compile(r"[가-힣]{1,5}")


@cache
def _role_re() -> Any:
    lex = lexicon()
    return regex.compile(
        rf"(?:(?P<pre>{alternation(lex['role_prefixes'])})\s?)?"
        rf"(?P<role>{alternation(lex['roles'])})"
        rf"(?:\s?(?P<suf>{alternation(lex['role_suffixes'])}))?"
    )


@cache
def _role_matcher() -> PrefixMatcher:
    lex = lexicon()
    return PrefixMatcher([*lex["roles"], *lex["role_prefixes"]])


def _role_matches(text: str, idx: TokenIndex) -> list[Any]:
    """Titles starting at a token start: a dictionary look-up per token picks the candidates and
    the (anchored) role regex adds the compound parts (대선 후보, 대통령 당선인)."""
    pm = _role_matcher()
    rx = _role_re()
    out = []
    region_roles = tuple(lexicon()["region_roles"])
    last = -1
    for t in idx.toks:
        pos = t.start
        if pm.match(text, pos) is None:
            # a title glued at the end of a noun (대구시장, 경기도지사)
            if t.tag not in ("NNG", "NNP") or not t.form.endswith(region_roles):
                continue
            role = next(r for r in region_roles if t.form.endswith(r))
            if len(t.form) <= len(role):
                continue
            pos = t.end - len(role)
        if pos < last:
            continue
        m = rx.match(text, pos, timeout=REGEX_TIMEOUT)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


@cache
def _region_forms() -> tuple[frozenset[str], int]:
    reg = regions()
    forms = frozenset(f for f in [*reg.sido_by_form, *reg.sigungu_by_form] if len(f) >= 2)
    return forms, max(len(f) for f in forms)


@cache
def _vocab() -> tuple[str, frozenset[str], frozenset[str]]:
    lex = lexicon()
    reg = regions()
    known = set(lex["person_stopwords"]) | set(lex["known_orgs"]) | set(lex["roles"]) | set(lex["countries"])
    known |= set(reg.sido_by_form) | set(reg.sigungu_by_form) | ministries().names()
    return lex["surnames"], frozenset(known), frozenset(lex["honorifics"])


@cache
def _org_suffixes() -> tuple[str, ...]:
    return tuple(sorted(lexicon()["org_suffixes"], key=len, reverse=True))


@cache
def _foreign_syllables() -> frozenset[str]:
    return frozenset(lexicon()["foreign_syllables"])


@cache
def _has_foreign(form: str) -> bool:
    fs = _foreign_syllables()
    return any(c in fs for c in form)


@cache
def _korean_name(form: str) -> bool:
    """Surname + one or two syllables (or a two-syllable surname + two), not a known word."""
    surnames, known, _ = _vocab()
    if form in known or not _HANGUL_NAME.fullmatch(form) or _has_foreign(form):
        return False
    if len(form) == 4:
        return form[:2] in ("남궁", "황보", "선우", "제갈", "독고", "사공", "서문")
    return 2 <= len(form) <= 3 and form[0] in surnames


_NAME_TAGS = frozenset({"NNP", "NNG", "MM", "NR", "XR"})
_FOREIGN = regex.compile(r"[가-힣]{1,6}(?: [가-힣]{1,6}){0,2}")


def _words(toks: list[Tok]) -> list[tuple[int, int]]:
    """(first, last) token index of each whitespace-delimited word."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        j = i
        while j + 1 < n and toks[j + 1].start == toks[j].end:
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def find_persons(text: str, idx: TokenIndex) -> list[Entity]:
    toks = idx.toks
    _, known, honor = _vocab()
    roles: list[tuple[int, int, str]] = []
    for m in _role_matches(text, idx):
        s, e = m.span()
        if e not in idx.ends or (idx.starting(s) is None and idx.covering(s - 1) is None):
            continue
        if idx.starting(s) is None:
            prev = idx.covering(s - 1)
            if prev is None or prev.tag not in ("NNP", "NNG"):
                continue
        role = regex.sub(r"\s+", " ", m.group())
        if m.group("role") in lexicon()["region_roles"] and not m.group("pre"):
            forms, longest = _region_forms()  # 대구시장, 경기도지사: the region is part of the title
            for k in range(min(longest, s), 1, -1):
                if text[s - k : s] in forms and (s - k == 0 or not _HANGUL_NAME.match(text[s - k - 1])):
                    s, role = s - k, text[s - k : s] + role
                    break
        roles.append((s, e, role))
    role_at = {r[0]: r for r in roles}
    role_ends = {r[1]: r for r in roles}

    words = _words(toks)
    out: list[Entity] = []
    w = 0
    while w < len(words):
        i, j = words[w]
        while i < j and toks[i].tag in ("SSO", "SSC", "SS", "SO", "SW", "SP"):
            i += 1  # (이재명), ―우병우, [김민준
        # the name part of the word: up to the first particle/ending or a glued role (김성수의원)
        k = i
        while k <= j and toks[k].tag in _NAME_TAGS and (k == i or toks[k].start not in role_at):
            k += 1
        first = toks[i]
        if k == i or (first.tag not in ("NNP", "NNG", "SL") and first.user is None):
            w += 1
            continue
        s, e = first.start, toks[k - 1].end
        name = text[s:e]
        whole = k > j  # nothing glued after the name
        korean = _korean_name(name)
        foreign = (
            not korean
            and first.tag == "NNP"
            and first.user is None
            and name not in known
            and bool(_FOREIGN.fullmatch(name))
            and not name.endswith(_org_suffixes())
        )
        last_w = w
        if foreign or (korean and first.tag == "NNP" and whole):
            # a foreign name runs over the next proper-noun words (도널드 트럼프 주니어)
            while whole and last_w + 1 < len(words):
                i2, j2 = words[last_w + 1]
                t2 = toks[i2]
                if t2.start - e != 1 or t2.tag != "NNP" or t2.user is not None or t2.form in known:
                    break
                if t2.form.endswith(_org_suffixes()):
                    break
                if len(name) == 3 and korean and not _has_foreign(t2.form):
                    break
                k2 = i2
                while k2 <= j2 and toks[k2].tag in ("NNP",):
                    k2 += 1
                e = toks[k2 - 1].end
                whole = k2 > j2
                last_w += 1
                foreign = True
            name = text[s:e]
        if not (korean or foreign) or name in known or first.user is not None:
            w += 1
            continue
        if first.tag != "NNP" and not (korean and len(name) == 3):
            w += 1
            continue
        kk = idx.after(e)
        role = _role_after(idx, kk, e, role_at)
        if role is None:
            role = _role_before(text, s, role_ends)
        ok = role is not None
        nxt = toks[kk] if kk < len(toks) else None
        if not ok and nxt is not None and nxt.start == e and nxt.form in honor:
            ok = True
        if not ok and first.tag == "NNP":
            follows = nxt is None or nxt.tag in _AFTER_OK or nxt.start > e
            place_like = name[-1] in lexicon()["non_name_endings"] or name.endswith(_org_suffixes())
            if (korean and len(name) >= 3 and follows and not place_like) or (
                foreign and follows and not place_like and (last_w > w or _has_foreign(name))
            ):
                ok = True
        if ok and (first.tag == "NNP" or role is not None):
            out.append(Entity("person", name, s, e, norm=name, role=role))
        w = last_w + 1
    # 김모(33)씨, 박씨, 김 씨, A(44)씨: a lone surname (or letter) before 모/씨
    surnames = _vocab()[0]
    for m in finditer(_LONE, text):
        s = m.start(1)
        e = m.end(1)
        if m.group(1).isascii() or idx.starting(s) is not None:
            out.append(Entity("person", text[s:e], s, e, norm=text[s:e]))
    del surnames
    return out


_LONE = regex.compile(
    r"(?<![가-힣A-Za-z])([A-Z]|[김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경])"
    r"(?=\s?씨|모\s?\(|모\s?씨|\(\d{1,3}\s?[)·,]?)"
)


def _role_after(idx: TokenIndex, k: int, end: int, role_at: dict[int, tuple[int, int, str]]) -> str | None:
    """The title after a name: the last title of the noun chain that follows it (최기홍
    국민연금연구원 연구위원 → 연구위원), stopping at 겸, '·' or a particle once one was found."""
    toks = idx.toks
    gap_words = lexicon()["name_gap_words"]
    found: str | None = None
    steps = 0
    pos = end
    while k < len(toks) and steps < 8 and toks[k].start - end < 40:
        t = toks[k]
        r = role_at.get(t.start)
        if r is not None and t.start - pos <= 1:
            found = r[2]
            while k < len(toks) and toks[k].end <= r[1]:
                k += 1
            pos = r[1]
            steps += 1
            continue
        if found is not None:
            if t.tag in ("NNG", "NNP", "SL") and t.start - pos <= 1 and t.form not in gap_words:
                pos = t.end
                k += 1
                steps += 1
                continue
            break
        if t.tag not in _GAP_TAGS and t.form not in gap_words:
            return None
        if t.tag == "SP" and t.form not in ("·",):
            return None
        pos = t.end
        steps += 1
        k += 1
    return found


def _role_before(text: str, start: int, role_ends: dict[int, tuple[int, int, str]]) -> str | None:
    for gap in (0, 1):
        r = role_ends.get(start - gap)
        if r is not None and (gap == 0 or text[start - 1] in " ("):
            return r[2]
    return None
