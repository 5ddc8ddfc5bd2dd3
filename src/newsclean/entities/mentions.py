"""Mentions of persons beyond the first: lone surnames and later mentions of a known name.

A surname alone (최 회장, 박씨) names a person only through a full name of the same text; a
name confirmed once (밴스 부통령, 도널드 트럼프) is found again where it stands alone.
"""

from __future__ import annotations

from .. import regexcache
from ..article import Entity
from .common import TokenIndex, finditer
from .gazetteer import lexicon
from .names import AFTER_OK, HANGUL_NAME, generation, korean_name, vocab


def lone_surnames(text: str, idx: TokenIndex, role_at: dict[int, tuple[int, int, str]]) -> list[Entity]:
    """김모(33)씨, 박씨, A씨, and a surname alone before a title (최 경장, 박 경사)."""
    out: list[Entity] = []
    for m in finditer(_LONE, text):
        s = m.start(1)
        e = m.end(1)
        if m.group(1).isascii() or idx.starting(s) is not None:
            out.append(Entity("person", text[s:e], s, e, norm=text[s:e]))
    surnames = vocab()[0]
    stop = frozenset(lexicon()["lone_surname_stop"])
    for t in idx.toks:
        c = t.form
        if len(c) != 1 or c not in surnames or c in stop or t.end - t.start != 1:
            continue
        if t.start > 0 and (HANGUL_NAME.match(text[t.start - 1]) or text[t.start - 1].isalnum()):
            continue
        r = role_at.get(t.end + 1)
        if r is not None and text[t.end] == " ":
            out.append(Entity("person", c, t.start, t.end, norm=c, role=r[2]))
    return out


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
    r"(?<![가-힣A-Za-z])([A-Z]|[김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경])"
    r"(?=\s?씨|모\s?\(|모\s?씨|\(\d{1,3}\s?[)·,]?)"
)
