"""Roles (titles) of persons, found on the raw text, and the title next to a name.

A title is a lexicon role with its compound parts (대선 후보, 대통령 당선인, 대표 직무대행) and,
for region titles, the region glued before it (대구시장, 경기도지사). :func:`role_after` reads the
noun chain after a name (최기홍 국민연금연구원 연구위원), :func:`role_before` the title before it
(위원장 조순형, CEO인 딕 코스톨로), :func:`share_titles` a title shared by joined names.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

import regex

from .. import regexcache
from ..article import Entity
from .common import NOUNISH, REGEX_TIMEOUT, PrefixMatcher, TokenIndex, alternation
from .gazetteer import lexicon, regions
from .names import HANGUL_NAME, korean_name, person_words, place_like

_GAP_TAGS = frozenset({"NNP", "NNG", "SL", "SH", "SN", "SSO", "SSC", "SP", "SO", "XSN", "XPN", "NNB", "SW"})


@cache
def _role_re() -> Any:
    lex = lexicon()
    return regexcache.compile(
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
    toks = idx.toks
    by_key, singles = pm.by_key, pm.singles  # pm.match inlined: this runs once per token
    lasts = frozenset(r[-1] for r in region_roles)  # a form ends with no region role unless ...
    ntok = len(toks)
    for n, t in enumerate(toks):
        pos = t.start
        cands = by_key.get(text[pos : pos + 2])
        if not (cands and any(text.startswith(w, pos) for w in cands)) and text[pos] not in singles:
            # a title glued at the end of a noun (대구시장, 경기도지사), also when Kiwi cut it
            # across two tokens (대구시/NNP 장/NNG)
            if t.tag not in ("NNG", "NNP"):
                continue
            form, end = t.form, t.end
            if form[-1:] not in lasts:  # ... its last character ends one: skip the joins below
                if n + 1 < ntok and toks[n + 1].start == end and toks[n + 1].form[-1:] in lasts:
                    form, end = form + toks[n + 1].form, toks[n + 1].end
                else:
                    continue
            elif not form.endswith(region_roles) and n + 1 < ntok and toks[n + 1].start == end:
                form, end = form + toks[n + 1].form, toks[n + 1].end
            if not form.endswith(region_roles):  # one C-level test before finding which role
                continue
            role = next((r for r in region_roles if form.endswith(r)), None)
            if role is None or len(form) <= len(role) or text[end - len(role) : end] != role:
                continue
            pos = end - len(role)
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


def _compound_noun(idx: TokenIndex, end: int) -> bool:
    nxt = idx.starting(end)
    return nxt is not None and (nxt.tag in ("NNG", "NNP") or (nxt.tag == "XSN" and nxt.form not in ("들", "님")))


def glued_roles(text: str, idx: TokenIndex) -> list[tuple[int, int, str]]:
    """Titles that name their body, glued after it (기상청장, 해병대사령관, 경북문화재돌봄사업단장):
    a word of nouns that ends with a glued-role ending and has at least two characters before
    it; the whole word is the title, as written."""
    endings = tuple(sorted(person_words()["glued_roles"], key=len, reverse=True))
    toks = idx.toks
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i].tag not in ("NNG", "NNP"):
            i += 1
            continue
        j = i
        while j + 1 < n and toks[j + 1].start == toks[j].end and toks[j + 1].tag in ("NNG", "NNP", "XSN"):
            j += 1
        s, e = toks[i].start, toks[j].end
        if text.endswith(endings, s, e):  # tested in place: most words end with no ending
            word = text[s:e]
            suf = next(x for x in endings if word.endswith(x))
            if len(word) >= len(suf) + 2 and not _compound_noun(idx, e):
                out.append((s, e, word))
        i = j + 1
    return out


def find_roles(text: str, idx: TokenIndex) -> list[tuple[int, int, str]]:
    roles = _lexicon_roles(text, idx)
    glued = glued_roles(text, idx)
    if glued:  # a glued title replaces the lexicon title at its end (청장 in 기상청장)
        covered = {e: s for s, e, _ in glued}
        roles = [r for r in roles if not (r[1] in covered and r[0] >= covered[r[1]])] + glued
        roles.sort()
    return roles


def _lexicon_roles(text: str, idx: TokenIndex) -> list[tuple[int, int, str]]:
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
                if text[s - k : s] in forms and (s - k == 0 or not HANGUL_NAME.match(text[s - k - 1])):
                    s, role = s - k, text[s - k : s] + role
                    break
        if _compound_noun(idx, e):
            continue  # 선수권, 대표팀, 회장단: the title starts a longer noun
        roles.append((s, e, role))
    return roles


def role_after(idx: TokenIndex, k: int, end: int, role_at: dict[int, tuple[int, int, str]]) -> tuple[str | None, int]:
    """The title after a name: the last title of the noun chain that follows it (최기홍
    국민연금연구원 연구위원 → 연구위원), stopping at 겸, '·', a particle or another name."""
    toks = idx.toks
    gap_words = lexicon()["name_gap_words"]
    found: str | None = None
    glued = False  # the title found is glued to the noun before it (국민연금연구원): an organisation
    steps = 0
    pos = end
    prev_end = end
    role_end = end
    while k < len(toks) and steps < 12 and toks[k].start - end < 40:
        t = toks[k]
        r = role_at.get(t.start)
        if r is not None and t.start - pos <= 1 and (found is None or glued or t.start == pos or t.start - pos == 1):
            if found is not None and not glued and t.start - pos == 1:
                break  # 후보 지지 의사: a second title a word later is another noun phrase
            found, role_end = r[2], r[1]
            glued = t.start == prev_end and t.start > end and toks[k - 1].tag in ("NNG", "NNP")
            while k < len(toks) and toks[k].end <= r[1]:
                k += 1
            pos = prev_end = r[1]
            steps += 1
            continue
        if found is not None:
            if glued and t.tag in ("NNG", "NNP", "SL") and t.start - pos <= 1 and t.form not in gap_words:
                pos = prev_end = t.end
                k += 1
                steps += 1
                continue
            break
        if t.tag == "JKG" and t.start == prev_end and k + 1 < len(toks) and toks[k + 1].start == t.end:
            pass  # 의 inside a name (국민의힘)
        elif t.tag not in _GAP_TAGS and t.form not in gap_words:
            return None, end
        if t.tag == "SP" and t.form not in ("·",):
            return None, end
        if (
            t.tag == "NNP"
            and t.start > end
            and t.start - prev_end >= 1
            and korean_name(t.form)
            and not place_like(t.form, True, False)
            and (k + 1 >= len(toks) or toks[k + 1].start > t.end or toks[k + 1].tag not in NOUNISH)
        ):
            return None, end  # another person's name (홍준표 전 대구시장·유승민 전 의원)
        pos = prev_end = t.end
        steps += 1
        k += 1
    return found, role_end


def role_before(text: str, start: int, role_ends: dict[int, tuple[int, int, str]]) -> str | None:
    """The title right before a name: (위원장 조순형), 국악인 김수정, 회장인 마이크 호."""
    for gap in (0, 1):
        r = role_ends.get(start - gap)
        if r is not None and (gap == 0 or text[start - 1] in " ("):
            return r[2]
    for link in ("인 ", "이자 "):  # CEO인 딕 코스톨로
        r = role_ends.get(start - len(link))
        if r is not None and text.startswith(link, start - len(link)):
            return r[2]
    # 배우 커플인 안젤리나 졸리, 가수 출신인 …: a title, one linking noun, 인
    if start < 2 or not text.startswith("인 ", start - 2):
        return None  # the pattern ends with "인 " right before the name
    m = _linked_re().search(text, max(0, start - 12), start, timeout=REGEX_TIMEOUT)
    if m is not None and m.end() == start:
        r = role_ends.get(m.start())
        if r is not None:
            return r[2]
    return None


@cache
def _linked_re() -> Any:
    return regexcache.compile(rf" (?:{alternation(lexicon()['role_links'])})인 $")


def share_titles(text: str, found: list[Entity], role_ends: dict[int, tuple[int, int, str]]) -> list[Entity]:
    """Names joined by 와/과/, share a title written before the first of them (배우 A와 B가)."""
    out = list(found)
    for n in range(1, len(out)):
        a, b = out[n - 1], out[n]
        if b.role is not None or a.role is None or text[a.end : b.start] not in ("와 ", "과 ", ", ", "·"):
            continue
        if role_before(text, a.start, role_ends) == a.role:
            out[n] = replace(b, role=a.role)
    return out
