"""Mentions of persons beyond the first: lone surnames and later mentions of a known name.

A surname alone (최 회장, 박씨) names a person only through a full name of the same text; a
name confirmed once (밴스 부통령, 도널드 트럼프) is found again where it stands alone.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from .. import regexcache
from ..article import Entity
from .common import TokenIndex, finditer
from .gazetteer import lexicon
from .names import AFTER_OK, HANGUL_NAME, generation, korean_name, person_words, vocab


def lone_surnames(
    text: str, idx: TokenIndex, role_at: dict[int, tuple[int, int, str]], found: list[Entity]
) -> list[Entity]:
    """김모(33)씨, 박씨, A씨, and a surname alone before a title (최 경장, 박 전 차관). A
    surname that is also a word there (신 회장: new; 이 의원: this) counts only when a full
    name of ``found`` has that surname (신동빈 회장 … 신 회장)."""
    full = [f for f in found if len(f.text) >= 2 and korean_name(f.text)]
    out: list[Entity] = []
    for m in finditer(_LONE, text):
        s = m.start(1)
        e = m.end(1)
        if m.group(1).isascii() or idx.starting(s) is not None:
            out.append(Entity("person", text[s:e], s, e, norm=text[s:e]))
    surnames = vocab()[0]
    stop = _lone_stop()
    for t in [t for t in idx.toks if t.end - t.start == 1 and len(t.form) == 1 and t.form in surnames]:
        c = t.form
        if c in stop and c in _numerals():
            continue
        if t.start > 0 and (HANGUL_NAME.match(text[t.start - 1]) or text[t.start - 1].isalnum()):
            continue
        r = _title_after(text, t.end, role_at)
        if r is not None and (c not in stop or _full_name(c, r, full) is not None):
            out.append(Entity("person", c, t.start, t.end, norm=c, role=r))
    return out


def _title_after(text: str, end: int, role_at: dict[int, tuple[int, int, str]]) -> str | None:
    """The title a space after a lone surname, also over 전/현 (박 전 차관, 이 현 회장)."""
    if text[end : end + 1] != " ":
        return None
    r = role_at.get(end + 1)
    if r is None and text[end + 1 : end + 3] in ("전 ", "현 "):
        r = role_at.get(end + 3)
    return r[2] if r is not None else None


@cache
def _numerals() -> frozenset[str]:
    return frozenset(person_words()["numeral_words"])


@cache
def _lone_stop() -> frozenset[str]:
    """One-syllable words before a title that are not surnames there: 전 (former), 두 (two)."""
    return frozenset(lexicon()["lone_surname_stop"]) | frozenset(person_words()["numeral_words"])


def resolve_surnames(found: list[Entity]) -> list[Entity]:
    """A lone surname (최 회장, 최씨) stands for the one full name of the text with that surname
    (and, when both have one, a matching title): its ``norm`` becomes that name. A lone surname
    or anonymised form (A씨, 김모씨) that no full name explains keeps ``norm`` None: it is a
    person, but not one a database can identify (load persons by ``norm``)."""
    full = [e for e in found if len(e.text) >= 2 and korean_name(e.text)]
    out: list[Entity] = []
    for e in found:
        if _lone(e.text):
            e = replace(e, norm=_full_name(e.text[0], e.role, full))
        out.append(e)
    return out


def _full_name(surname: str, role: str | None, full: list[Entity]) -> str | None:
    """The one full name of ``full`` with ``surname`` (with a matching title when several)."""
    names = {f.text for f in full if f.text[0] == surname}
    if len(names) > 1 and role:
        names = {f.text for f in full if f.text in names and f.role and _same_title(f.role, role)}
    return names.pop() if len(names) == 1 else None


def _lone(name: str) -> bool:
    return len(name) == 1 or name.isascii() or (len(name) == 2 and name.endswith("모"))


def _same_title(a: str, b: str) -> bool:
    return a in b or b in a


def propagate(text: str, idx: TokenIndex, found: list[Entity]) -> list[Entity]:
    """Other mentions of a name confirmed elsewhere in the text (a title next to it, or a full
    foreign name): 밴스 부통령 ... 밴스는; 도널드 트럼프 ... 트럼프가."""
    names: set[str] = set()
    for e in found:
        if len(e.text) < 2:
            continue
        if e.role is not None or " " in e.text:
            names.add(e.text)
            last = e.text.rsplit(" ", 1)[-1]
            if " " in e.text and len(last) >= 2 and not korean_name(last) and last not in generation():
                names.add(last)
    if not names:
        return []
    seen = {(e.start, e.end) for e in found}
    out: list[Entity] = []
    for start, end in _mentions(text, names):
        if (start, end) in seen or idx.starting(start) is None or end not in idx.ends:
            continue
        nxt = idx.starting(end)
        particle = nxt is not None and (nxt.tag in AFTER_OK or nxt.form in vocab()[2])
        if end < len(text) and HANGUL_NAME.match(text[end]) and not particle:
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
    r"(?<![가-힣A-Za-z0-9])([A-Z김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경])"
    r"(?=\s?씨|모\s?\(|모\s?씨|\(\d{1,3}\s?[)·,]?)"
)
