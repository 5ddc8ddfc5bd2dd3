"""Persons: names found from name–title patterns, in both orders, on the raw text.

Kiwi tags most names NNP but splits or mis-tags names glued to titles, so titles (roles) are
found with a regex on the raw text (with the prefixes and suffixes of compound titles: 대선 후보,
대통령 당선인, 대표 직무대행, 대구시장) and names are proper nouns next to them:

* NAME [gap] ROLE: the gap may hold only nouns, proper nouns, foreign words, numbers, brackets
  and 전/현/신임 (이재명 더불어민주당 대선 후보, 김경범(서울대 서어서문학과 교수), 홍준표 전 대구시장);
* ROLE NAME: (위원장 조순형), CEO 존 행키, 국악인 박애리;
* NAME + 씨/군/양/옹 (문유성씨, 김모(33)씨 → 김);
* a surname alone before a title (최 경장), ROLE인 NAME, a title shared by joined names;
* a bare Korean name (surname + 1-2 syllables, tagged NNP, not a known word) or a run of two
  foreign-looking proper nouns (a third before a bracket or a country), followed by a particle or
  punctuation: role None; a single foreign word only before a subject/topic particle;
* later mentions of a name confirmed once (밴스 부통령 … 밴스는).

docs/entities.md lists the rules with their reasons.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

import regex

from .. import regexcache
from ..article import Entity
from .common import NOUNISH, REGEX_TIMEOUT, PrefixMatcher, TokenIndex, alternation, finditer
from .gazetteer import lexicon, ministries, regions
from .kiwi import Tok

_GAP_TAGS = frozenset({"NNP", "NNG", "SL", "SH", "SN", "SSO", "SSC", "SP", "SO", "XSN", "XPN", "NNB", "SW"})
_AFTER_OK = frozenset(
    {"JKS", "JKO", "JKG", "JKB", "JX", "JC", "JKC", "JKV", "JKQ", "SF", "SP", "SSC", "SSO", "VCP", "SO", "SS"}
)
_HANGUL_NAME = regexcache.compile(r"[가-힣]{1,5}")


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
    for n, t in enumerate(toks):
        pos = t.start
        if pm.match(text, pos) is None:
            # a title glued at the end of a noun (대구시장, 경기도지사), also when Kiwi cut it
            # across two tokens (대구시/NNP 장/NNG)
            if t.tag not in ("NNG", "NNP"):
                continue
            form, end = t.form, t.end
            if not form.endswith(region_roles) and n + 1 < len(toks) and toks[n + 1].start == t.end:
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


@cache
def _vocab() -> tuple[str, frozenset[str], frozenset[str]]:
    lex = lexicon()
    reg = regions()
    known = set(lex["person_stopwords"]) | set(lex["known_orgs"]) | set(lex["roles"]) | set(lex["countries"])
    known |= set(reg.sido_by_form) | set(reg.sigungu_by_form) | ministries().names()
    known |= {w for w in lex["date_words"] if isinstance(w, str)}
    known |= {f"{w}인" for w in lex["role_links"]}  # 부부인, 커플인: Kiwi may tag them NNP
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
_FOREIGN = regexcache.compile(r"[가-힣]{1,6}(?: [가-힣]{1,6}){0,2}")
_PUNCT = frozenset({"SSO", "SSC", "SS", "SP", "SO", "SW", "SF", "SE"})
_SUBJECT = frozenset({"이", "가", "은", "는", "께서"})
_INITIALS = regexcache.compile(r"(?:(?<![A-Za-z])[A-Z]\.? ?){1,2}$")
_OPEN = " ('\"‘“"
MAX_FOREIGN_WORDS = 2  # given name + family name; a third word is usually an organisation


@cache
def _foreign_places() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex["foreign_places"]) | frozenset(lex["countries"])


@cache
def _generation() -> frozenset[str]:
    return frozenset(lexicon()["generation_suffixes"])


def _words(toks: list[Tok]) -> list[tuple[int, int]]:
    """(first, last) token index of each word: tokens glued together, with punctuation
    (brackets, quotes, ·) splitting words, so 친명(이재명)계 holds the word 이재명."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i].tag in _PUNCT:
            i += 1
            continue
        j = i
        while j + 1 < n and toks[j + 1].start == toks[j].end and toks[j + 1].tag not in _PUNCT:
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def _place_like(name: str, korean: bool, multi: bool) -> bool:
    """Names that end (or, for foreign runs, start) like places or organisations."""
    first = name.split(" ", 1)[0]
    endings = lexicon()["non_name_endings"]
    if korean:  # 김주원, 김경도, 이현성, 이재국: given names end like this too
        endings = endings.translate(str.maketrans("", "", "원도성국"))
    tail = first if multi else name  # 졸리, 피트: foreign family names end in anything
    return (
        tail[-1] in endings
        or name.endswith(_org_suffixes())
        or first in _foreign_places()
        or (len(first) >= 3 and first[-1] in "주성")  # 플로리다주, 광둥성
    )


def _roles(text: str, idx: TokenIndex) -> list[tuple[int, int, str]]:
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
    return roles


def find_persons(text: str, idx: TokenIndex) -> list[Entity]:
    toks = idx.toks
    _, known, honor = _vocab()
    roles = _roles(text, idx)
    role_at = {r[0]: r for r in roles}
    role_ends = {r[1]: r for r in roles}

    words = _words(toks)
    out: list[Entity] = []
    w = 0
    while w < len(words):
        i, j = words[w]
        # the name part of the word: up to the first particle/ending or a glued role (김성수의원)
        k = i
        while k <= j and toks[k].tag in _NAME_TAGS and (k == i or toks[k].start not in role_at):
            k += 1
        first = toks[i]
        s = first.start
        # Kiwi cuts unknown names into pieces it tags as anything (김/NNP 상/NNG 욱/MAG,
        # 강/NNG 태/NNG 민/NNG, 오/NR 세/NNB 린/NNG): three syllables starting with a one-syllable
        # surname token, followed in the word by particles only, are a name
        split = (
            first.end - s == 1
            and s + 3 in idx.ends
            and (k == i or toks[k - 1].end - s != 3)
            and _korean_name(text[s : s + 3])
            and all(toks[x].tag in _AFTER_OK or toks[x].tag.startswith("J") for x in range(idx.after(s + 3), j + 1))
        )
        if split:
            k = idx.after(s + 3)
        elif k == i or (first.tag not in ("NNP", "NNG", "SL") and first.user is None):
            w += 1
            continue
        e = toks[k - 1].end
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
            # a foreign name runs over the next proper-noun word (도널드 트럼프 주니어)
            n_words = 1
            while whole and last_w + 1 < len(words):
                i2, j2 = words[last_w + 1]
                t2 = toks[i2]
                if t2.start - e != 1 or t2.tag != "NNP" or t2.user is not None or t2.form in known:
                    break
                if t2.form.endswith(_org_suffixes()) or (_korean_name(t2.form) and len(t2.form) == 3):
                    break
                k2 = i2
                while k2 <= j2 and toks[k2].tag in ("NNP", "NNG"):
                    k2 += 1
                extra = n_words >= MAX_FOREIGN_WORDS and t2.form not in _generation()
                if extra and (n_words > MAX_FOREIGN_WORDS or not _third_word_ok(text, idx, k2, j2, role_at)):
                    break
                if len(name) == 3 and korean and not _has_foreign(text[t2.start : toks[k2 - 1].end]):
                    break
                e = toks[k2 - 1].end
                whole = k2 > j2
                last_w += 1
                n_words += 1
                foreign = True
            name = text[s:e]
        if foreign and last_w == w and len(name) < 2:
            foreign = False  # 맷, 톰 only start a two-word name
        if not (korean or foreign) or name in known or first.user is not None:
            w += 1
            continue
        kk = idx.after(e)
        role, role_end = _role_after(idx, kk, e, role_at)
        if role is None:
            role = _role_before(text, s, role_ends)
        # a common noun (one NNG token: 소속팀, 동북아) is not a name; a name Kiwi split into
        # pieces (김/상/욱) is, and so is a name-like noun before a title (우융밍 알리바바 CEO)
        split_name = korean and len(name) == 3 and first.end - first.start == 1
        titled_noun = (
            korean and len(name) == 3 and k - i == 1 and role is not None and not _place_like(name, False, False)
        )
        if first.tag != "NNP" and not split_name and not titled_noun:
            w += 1
            continue
        ok = role is not None
        nxt = toks[kk] if kk < len(toks) else None
        if not ok and nxt is not None and nxt.form in honor:
            ok = nxt.start == e or (nxt.start == e + 1 and nxt.form == "씨")  # 문유성씨, 조정석 씨
        if not ok and first.tag == "NNP":
            follows = nxt is None or nxt.tag in _AFTER_OK or nxt.start > e
            place_like = _place_like(name, korean, last_w > w)
            foreign_ok = foreign and (last_w > w or " " in name or _subject_follows(nxt, e))
            ok = follows and not place_like and ((korean and len(name) >= 3) or foreign_ok)
        if ok and (first.tag == "NNP" or role is not None):
            m = _INITIALS.search(text, max(0, s - 6), s)  # J D 밴스, 존 F 케네디
            if m is not None and m.end() == s and role is not None and (m.start() == 0 or text[m.start() - 1] in _OPEN):
                s = m.start()
                name = text[s:e]
            out.append(Entity("person", name, s, e, norm=name, role=role))
            while role_end > e and last_w + 1 < len(words) and toks[words[last_w + 1][0]].start < role_end:
                last_w += 1  # the words between a name and its title are not names of their own
        w = last_w + 1
    out = _share_titles(text, out, role_ends)
    out += _lone_surnames(text, idx, role_at)
    out += _propagate(text, idx, out)
    return out


def _third_word_ok(text: str, idx: TokenIndex, k: int, last: int, role_at: dict[int, tuple[int, int, str]]) -> bool:
    """A third word belongs to a foreign name (한스 요아킴 에커트(독일), 알리 알 후세인 요르단
    왕자, 케빈 프린스 보아텡에게) unless a title follows it directly: then it is the name of
    an organisation (블라디미르 테네브 로빈후드 공동창업자)."""
    toks = idx.toks
    if k <= last:
        return toks[k].tag.startswith("J")  # a particle glued to the word
    end = toks[k - 1].end
    if end >= len(text) or text[end] in "(,":
        return True
    nxt = idx.starting(end + 1)
    if nxt is None or nxt.start in role_at:
        return False
    return nxt.form in _foreign_places()


def _subject_follows(nxt: Tok | None, end: int) -> bool:
    """A subject/topic particle right after the word (스터게스는, 차베스가)."""
    return nxt is not None and nxt.start == end and nxt.tag in ("JKS", "JX") and nxt.form in _SUBJECT


def _lone_surnames(text: str, idx: TokenIndex, role_at: dict[int, tuple[int, int, str]]) -> list[Entity]:
    """김모(33)씨, 박씨, A씨, and a surname alone before a title (최 경장, 박 경사)."""
    out: list[Entity] = []
    for m in finditer(_LONE, text):
        s = m.start(1)
        e = m.end(1)
        if m.group(1).isascii() or idx.starting(s) is not None:
            out.append(Entity("person", text[s:e], s, e, norm=text[s:e]))
    surnames = _vocab()[0]
    stop = frozenset(lexicon()["lone_surname_stop"])
    for t in idx.toks:
        c = t.form
        if len(c) != 1 or c not in surnames or c in stop or t.end - t.start != 1:
            continue
        if t.start > 0 and (_HANGUL_NAME.match(text[t.start - 1]) or text[t.start - 1].isalnum()):
            continue
        r = role_at.get(t.end + 1)
        if r is not None and text[t.end] == " ":
            out.append(Entity("person", c, t.start, t.end, norm=c, role=r[2]))
    return out


def _propagate(text: str, idx: TokenIndex, found: list[Entity]) -> list[Entity]:
    """Other mentions of a name confirmed elsewhere in the text (a title next to it, or a full
    foreign name): 밴스 부통령 ... 밴스는; 도널드 트럼프 ... 트럼프가."""
    names: set[str] = set()
    for e in found:
        if len(e.text) < 2:
            continue
        if e.role is not None or " " in e.text:
            names.add(e.text)
            last = e.text.rsplit(" ", 1)[-1]
            if " " in e.text and len(last) >= 2 and not _korean_name(last) and last not in _generation():
                names.add(last)
    if not names:
        return []
    seen = {(e.start, e.end) for e in found}
    out: list[Entity] = []
    for start, end in _mentions(text, names):
        if (start, end) in seen or idx.starting(start) is None or end not in idx.ends:
            continue
        nxt = idx.starting(end)
        particle = nxt is not None and (nxt.tag in _AFTER_OK or nxt.form in _vocab()[2])
        if end < len(text) and _HANGUL_NAME.match(text[end]) and not particle:
            continue  # the name is the start of a longer word
        out.append(Entity("person", text[start:end], start, end, norm=text[start:end]))
    return out


def _mentions(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of ``names`` in ``text``, leftmost first and longest first at a
    position, not preceded by a letter — what a longest-first alternation would find, without
    compiling a pattern for every document."""
    spans: list[tuple[int, int]] = []
    for name in names:
        i = text.find(name)
        while i != -1:
            if i == 0 or not _LETTER_BEFORE.match(text[i - 1]):
                spans.append((i, i + len(name)))
            i = text.find(name, i + 1)
    spans.sort(key=lambda sp: (sp[0], -sp[1]))
    out: list[tuple[int, int]] = []
    end = -1
    for s, e in spans:
        if s >= end:
            out.append((s, e))
            end = e
    return out


_LETTER_BEFORE = regexcache.compile(r"[가-힣A-Za-z]")

_LONE = regexcache.compile(
    r"(?<![가-힣A-Za-z])([A-Z]|[김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경])"
    r"(?=\s?씨|모\s?\(|모\s?씨|\(\d{1,3}\s?[)·,]?)"
)


def _role_after(idx: TokenIndex, k: int, end: int, role_at: dict[int, tuple[int, int, str]]) -> tuple[str | None, int]:
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
            and _korean_name(t.form)
            and not _place_like(t.form, True, False)
            and (k + 1 >= len(toks) or toks[k + 1].start > t.end or toks[k + 1].tag not in NOUNISH)
        ):
            return None, end  # another person's name (홍준표 전 대구시장·유승민 전 의원)
        pos = prev_end = t.end
        steps += 1
        k += 1
    return found, role_end


def _role_before(text: str, start: int, role_ends: dict[int, tuple[int, int, str]]) -> str | None:
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
    m = _linked_re().search(text, max(0, start - 12), start, timeout=REGEX_TIMEOUT)
    if m is not None and m.end() == start:
        r = role_ends.get(m.start())
        if r is not None:
            return r[2]
    return None


@cache
def _linked_re() -> Any:
    return regexcache.compile(rf" (?:{alternation(lexicon()['role_links'])})인 $")


def _share_titles(text: str, found: list[Entity], role_ends: dict[int, tuple[int, int, str]]) -> list[Entity]:
    """Names joined by 와/과/, share a title written before the first of them (배우 A와 B가)."""
    out = list(found)
    for n in range(1, len(out)):
        a, b = out[n - 1], out[n]
        if b.role is not None or a.role is None or text[a.end : b.start] not in ("와 ", "과 ", ", ", "·"):
            continue
        if _role_before(text, a.start, role_ends) == a.role:
            out[n] = replace(b, role=a.role)
    return out
