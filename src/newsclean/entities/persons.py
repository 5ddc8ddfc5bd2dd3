"""Persons: names found from name–title patterns, in both orders, on the raw text.

Kiwi tags most names NNP but splits or mis-tags names glued to titles, so titles (roles) are
found with a regex on the raw text (:mod:`.roles`) and names (:mod:`.names`) are proper nouns
next to them:

* NAME [gap] ROLE: the gap may hold only nouns, proper nouns, foreign words, numbers, brackets
  and 전/현/신임 (이재명 더불어민주당 대선 후보, 김경범(서울대 서어서문학과 교수), 홍준표 전 대구시장);
* ROLE NAME: (위원장 조순형), CEO 존 행키, 국악인 박애리;
* NAME + 씨/군/양/옹 (문유성씨);
* a bare Korean name (surname + 1-2 syllables, tagged NNP, not a known word) or a run of two
  foreign-looking proper nouns (a third before a bracket or a country), followed by a particle or
  punctuation: role None;
* later mentions (:mod:`.mentions`): a name confirmed once (밴스 부통령 … 밴스는), a surname
  alone that stands for a full name of the text (최 회장 → 최태원).

docs/entities.md lists the rules with their reasons.
"""

from __future__ import annotations

from functools import cache

from .. import regexcache
from ..article import Entity
from .common import TokenIndex
from .kiwi import Tok
from .mentions import lone_surnames, propagate, resolve_surnames
from .names import (
    AFTER_OK,
    MAX_FOREIGN_WORDS,
    foreign_places,
    generation,
    has_foreign,
    korean_name,
    name_initials,
    non_name_word,
    org_suffixes,
    person_words,
    place_like,
    vocab,
    words,
)
from .roles import find_roles, role_after, role_before, share_titles

_NAME_TAGS = frozenset({"NNP", "NNG", "MM", "NR", "XR"})
_FOREIGN = regexcache.compile(r"[가-힣]{1,6}(?: [가-힣]{1,6}){0,2}")
_INITIALS = regexcache.compile(r"(?:(?<![A-Za-z])[A-Z]\.? ?){1,2}$")
_OPEN = " ('\"‘“"


def find_persons(text: str, idx: TokenIndex) -> list[Entity]:
    toks = idx.toks
    _, known, honor = vocab()
    initials = name_initials()
    roles = find_roles(text, idx)
    role_at = {r[0]: r for r in roles}
    role_ends = {r[1]: r for r in roles}

    spans = words(toks)
    out: list[Entity] = []
    w = 0
    while w < len(spans):
        i, j = spans[w]
        first = toks[i]
        s = first.start
        if first.tag != "NNP" and text[s] not in initials:
            w += 1  # only an NNP starts a foreign name, only a surname a Korean one
            continue
        # _name_end is None without a name tag or a one-syllable first token: skip the call
        k = _name_end(text, idx, i, j, role_at, honor) if first.tag in _NAME_TAGS or first.end - s == 1 else None
        if k is None:
            w += 1
            continue
        e = toks[k - 1].end
        name = text[s:e]
        whole = k > j  # nothing glued after the name
        korean = korean_name(name)
        foreign = (
            not korean
            and first.tag == "NNP"
            and first.user is None
            and name not in known
            and bool(_FOREIGN.fullmatch(name))
            and not name.endswith(org_suffixes())
        )
        last_w = w
        if foreign or (korean and first.tag == "NNP" and whole):
            e2, last_w, whole = _run_over(text, idx, spans, w, e, whole, korean=korean, role_at=role_at)
            if last_w > w:
                e, foreign = e2, True
            name = text[s:e]
        if foreign and last_w == w and len(name) < 2:
            foreign = False  # 맷, 톰 only start a two-word name
        if not (korean or foreign) or name in known or first.user is not None:
            w += 1
            continue
        kk = idx.after(e)
        role, role_end = role_after(idx, kk, e, role_at)
        if role is None:
            role = role_before(text, s, role_ends)
        # a common noun (one NNG token: 소속팀, 동북아) is not a name; a name Kiwi split into
        # pieces (김/상/욱) is, and so is a name-like noun before a title (우융밍 알리바바 CEO)
        split_name = korean and len(name) == 3 and first.end - first.start == 1
        titled_noun = (
            korean and len(name) == 3 and k - i == 1 and role is not None and not place_like(name, False, False)
        )
        if first.tag != "NNP" and not split_name and not titled_noun:
            w += 1
            continue
        ok = _evidence(
            text,
            idx,
            s,
            e,
            name,
            role,
            role_end,
            korean=korean,
            multi=last_w > w or " " in name,
            run=last_w > w,
            pieces=split_name,
        )
        if ok and (first.tag == "NNP" or role is not None):
            m = _INITIALS.search(text, max(0, s - 6), s)  # J D 밴스, 존 F 케네디
            if m is not None and m.end() == s and role is not None and (m.start() == 0 or text[m.start() - 1] in _OPEN):
                s = m.start()
                name = text[s:e]
            out.append(Entity("person", name, s, e, norm=name, role=role))
            while role_end > e and last_w + 1 < len(spans) and toks[spans[last_w + 1][0]].start < role_end:
                last_w += 1  # the words between a name and its title are not names of their own
        w = last_w + 1
    out = share_titles(text, out, role_ends)
    out += lone_surnames(text, idx, role_at, out)
    out += propagate(text, idx, out)
    short = _abbreviations(text)
    return resolve_surnames([p for p in out if p.text not in short] if short else out)


def _name_end(
    text: str, idx: TokenIndex, i: int, j: int, role_at: dict[int, tuple[int, int, str]], honor: frozenset[str]
) -> int | None:
    """The token index after the name part of the word of tokens ``i..j`` (None: no name part):
    up to the first particle/ending or a glued role (김성수의원). Kiwi cuts unknown names into
    pieces it tags as anything (김/NNP 상/NNG 욱/MAG, 강/NNG 태/NNG 민/NNG, 오/NR 세/NNB 린/NNG):
    three syllables starting with a one-syllable surname token, followed in the word by
    particles only, are a name."""
    toks = idx.toks
    k = i
    while k <= j and toks[k].tag in _NAME_TAGS and (k == i or toks[k].start not in role_at):
        k += 1
    first = toks[i]
    s = first.start
    split = (
        first.end - s == 1
        and s + 3 in idx.ends
        and _pieces_of_a_name(idx, s, honor)
        and (k == i or toks[k - 1].end - s != 3)
        and korean_name(text[s : s + 3])
        and all(toks[x].tag in AFTER_OK or toks[x].tag.startswith("J") for x in range(idx.after(s + 3), j + 1))
    )
    if split:
        return idx.after(s + 3)
    if k == i or (first.tag not in ("NNP", "NNG", "SL") and first.user is None):
        return None
    return k


def _run_over(
    text: str,
    idx: TokenIndex,
    spans: list[tuple[int, int]],
    w: int,
    e: int,
    whole: bool,
    *,
    korean: bool,
    role_at: dict[int, tuple[int, int, str]],
) -> tuple[int, int, bool]:
    """A foreign name runs over the next proper-noun words (도널드 트럼프 주니어) and a middle
    initial (조지 W 부시): (end, index of its last word, nothing glued after it)."""
    toks = idx.toks
    _, known, _ = vocab()
    name = text[toks[spans[w][0]].start : e]
    last_w, n_words = w, 1
    while whole and last_w + 1 < len(spans):
        i2, j2 = spans[last_w + 1]
        t2 = toks[i2]
        if t2.start - e != 1:
            break
        if _initial(t2) and i2 == j2 and last_w + 2 < len(spans):
            nxt = toks[spans[last_w + 2][0]]
            if nxt.tag == "NNP" and nxt.start == t2.end + 1:  # 조지 W 부시: the initial joins the run
                last_w += 1
                e = t2.end
                continue
            break
        gen = t2.form in generation()  # 트럼프 주니어 (주니어 is also shaped like 주+니어)
        if t2.tag != "NNP" or t2.user is not None or (t2.form in known and not gen):
            break
        if not gen and (t2.form.endswith(org_suffixes()) or (korean_name(t2.form) and len(t2.form) == 3)):
            break
        k2 = i2
        while k2 <= j2 and toks[k2].tag in ("NNP", "NNG"):
            k2 += 1
        extra = n_words >= MAX_FOREIGN_WORDS and not gen
        if extra and (n_words > MAX_FOREIGN_WORDS or not _third_word_ok(text, idx, k2, j2, role_at)):
            break
        if len(name) == 3 and korean and not has_foreign(text[t2.start : toks[k2 - 1].end]):
            break
        e = toks[k2 - 1].end
        whole = k2 > j2
        last_w += 1
        n_words += 1
    if toks[spans[last_w][0]].tag == "SL":  # a run never ends on an initial
        last_w -= 1
        e = toks[spans[last_w][1]].end
    return e, last_w, whole


def _initial(t: Tok) -> bool:
    return t.tag == "SL" and len(t.form) == 1 and t.form.isupper()


def _evidence(
    text: str,
    idx: TokenIndex,
    s: int,
    e: int,
    name: str,
    role: str | None,
    role_end: int,
    *,
    korean: bool,
    multi: bool,
    run: bool = False,
    pieces: bool = False,
) -> bool:
    """Whether a name-shaped span is a person: a name shape and context. Context is a title
    (before or after), 씨/님 right after, or — for a Korean name of three syllables, or a run
    of foreign proper nouns — standing as a word of its own before a particle or punctuation.
    A single foreign-looking word needs a title or 씨 (비트코인은, 도시바가: things and bodies
    take particles too). Rejected: spans shaped like places or bodies, runs holding a common
    transliterated word (아메리칸 비트코인), a bare name quoted alone (‘어대명’), the word
    before a title that another name follows (트위터 CEO인 딕 코스톨로), a byline credit."""
    _, _, honor = vocab()
    toks = idx.toks
    if "·" in name or (multi and any(non_name_word(x) for x in name.split())):
        return False
    kk = idx.after(e)
    nxt = toks[kk] if kk < len(toks) else None
    if role is not None:
        if role in person_words()["credit_roles"] and text[role_end : role_end + 1] in "])=":
            return False  # [매체 홍길동 기자]: the page's reporter
        placey = _titled_place_like(name, korean)
        if not multi and (placey or non_name_word(name)):
            return False  # 대한민국 대통령, 통합민주당 후보, 전북대 교수
        return not (not korean and not multi and _name_follows(text, idx, role_end))
    if nxt is not None and nxt.form in honor and (nxt.start == e or (nxt.start == e + 1 and nxt.form == "씨")):
        return True  # 문유성씨, 조정석 씨
    follows = nxt is None or nxt.tag in AFTER_OK or nxt.start > e
    if not multi and name in _known_foreign():
        return follows  # 트럼프는, 시진핑이: a public figure the family name names
    first = idx.starting(s)
    if first is None or (first.tag != "NNP" and not pieces) or not (korean or multi):
        return False
    if not follows or place_like(name, korean, run):
        return False
    return not ((korean and len(name) < 3) or _quoted_alone(text, s, e))


def _abbreviations(text: str) -> set[str]:
    """Short names given in brackets right after an organisation (한국조세재정연구원(조세연)):
    every mention of them names that organisation, not a person."""
    out: set[str] = set()
    pos = text.find("(")
    while pos != -1:
        close = text.find(")", pos, pos + 12)
        before = text[max(0, pos - 20) : pos].split()
        if close != -1 and before and before[-1].endswith(org_suffixes()):
            out.add(text[pos + 1 : close])
        pos = text.find("(", pos + 1)
    return out


@cache
def _known_foreign() -> frozenset[str]:
    return frozenset(person_words()["known_foreign_persons"])


def _titled_place_like(name: str, korean: bool) -> bool:
    """A word before a title that names a place or a body, not a person: a Korean shape by its
    endings (전북대 교수; not those a title settles: 국악인 박애리, 홍길동 장관, 부시 대통령), a
    foreign word by an organisation or body ending (대한민국 대통령, 통합민주당 후보) — foreign
    family names end in anything else (케리 장관, 해리 왕자)."""
    words = person_words()
    if korean:
        return len(name) >= 3 and place_like(name, True, False) and name[-1] not in words["korean_titled_endings"]
    return name.endswith(org_suffixes()) or name in foreign_places() or name[-1] in words["titled_body_endings"]


def _quoted_alone(text: str, s: int, e: int) -> bool:
    """‘어대명’, "보라": a word alone in quotes is a title or a slogan, not a name in use."""
    return s > 0 and text[s - 1] in "'‘\"“" and text[e : e + 1] in ("'", "’", '"', "”")


def _name_follows(text: str, idx: TokenIndex, end: int) -> bool:
    """A proper noun right after a title (트위터 CEO 딕 코스톨로, 참여연대 위원장인 한상희): the
    title is that person's, the word before it their organisation."""
    for gap in (" ", "인 ", "이자 "):
        if text.startswith(gap, end):
            t = idx.starting(end + len(gap))
            if t is not None and t.tag == "NNP":
                return True
    return False


def _pieces_of_a_name(idx: TokenIndex, s: int, honor: frozenset[str]) -> bool:
    """The tokens of three syllables from ``s`` can be the pieces of a name Kiwi did not know
    (김/상/욱): no particle or ending, no 씨/님 (최씨가), no two-syllable word after the surname
    (한/MM 민족/NNG: a determiner and a noun)."""
    toks = idx.toks
    k = idx.after(s)
    while k < len(toks) and toks[k].start < s + 3:
        t = toks[k]
        if t.tag[0] in "JE" or t.form in honor or (t.start > s and t.end - t.start >= 2 and t.tag != "NNP"):
            return False
        k += 1
    return True


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
    return nxt.form in foreign_places()
