"""Shared helpers: token lookup by offset, bounded regex scanning."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Any

import regex

from .. import regexcache
from .kiwi import Tok

# Every pattern runs with a timeout: a pathological input costs at most this, per pattern and
# per chunk, instead of hanging the worker.
REGEX_TIMEOUT = 2.0
SCAN_CHUNK = 20000

NOUNISH = frozenset({"NNG", "NNP", "SL", "SH", "XSN", "XPN"})
HANGUL = regexcache.compile(r"[가-힣]")


class TokenIndex:
    """Tokens sorted by start with O(log n) lookups by character offset."""

    __slots__ = ("ends", "starts", "toks")

    def __init__(self, toks: Sequence[Tok]) -> None:
        self.toks = list(toks)
        self.starts = [t.start for t in self.toks]
        self.ends = {t.end for t in self.toks}

    def at(self, pos: int) -> int:
        """Index of the token containing ``pos`` or the first token after it."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.toks[i].end > pos:
            return i
        return i + 1

    def starting(self, pos: int) -> Tok | None:
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.toks) and self.toks[i].start == pos:
            return self.toks[i]
        return None

    def covering(self, pos: int) -> Tok | None:
        i = self.at(pos)
        if i < len(self.toks) and self.toks[i].start <= pos < self.toks[i].end:
            return self.toks[i]
        return None

    def after(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def before(self, pos: int) -> int:
        """Index of the last token ending at or before ``pos`` (-1 if none)."""
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and self.toks[i].end > pos:
            i -= 1
        return i


def finditer(pattern: Any, text: str, timeout: float | None = REGEX_TIMEOUT) -> Iterator[Any]:
    """``pattern.finditer(text)`` in overlapping windows, each with a timeout.

    Windows are cut at whitespace and overlap by 200 characters so a match never straddles a
    cut; matches are yielded once, in order, with offsets into ``text``. ``timeout=None`` is for
    patterns that cannot backtrack (one character class and a one-character look-behind): a
    timeout costs ``regex`` a clock set-up per match, which doubles the cost of such a scan.
    """
    n = len(text)
    if n <= SCAN_CHUNK:
        try:
            yield from pattern.finditer(text, timeout=timeout)
        except TimeoutError:
            return
        return
    pos = 0
    done = 0  # matches ending before this were yielded already
    while pos < n:
        end = min(n, pos + SCAN_CHUNK)
        if end < n:
            cut = text.rfind(" ", pos + SCAN_CHUNK // 2, end)
            end = cut if cut > pos else end
        stop = min(n, end + 200)
        try:
            for m in pattern.finditer(text, pos, stop, timeout=timeout):
                if m.start() < done:
                    continue
                if m.start() >= end and stop < n:
                    break
                done = m.end()
                yield m
        except TimeoutError:
            pass
        pos = end if end > pos else pos + SCAN_CHUNK


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of ``words``, longest first (so 개사 wins over 개).

    It opens with a lookahead on the set of first characters, so that the engine rejects most
    positions with one character-class test instead of trying every word.
    """
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    if not uniq:
        return "(?!)"
    firsts = "".join(sorted({regex.escape(w[0]) for w in uniq}))
    return f"(?=[{firsts}])(?:" + "|".join(regex.escape(w) for w in uniq) + ")"


class PrefixMatcher:
    """Longest dictionary word starting at given positions: a dict keyed by the first two
    characters, so each position costs one look-up (faster than a regex alternation of
    hundreds of words, which the engine tries word by word)."""

    __slots__ = ("by_key", "singles", "starts")

    def __init__(self, words: Sequence[str]) -> None:
        self.by_key: dict[str, list[str]] = {}
        self.singles: set[str] = set()
        for w in sorted(set(words), key=len, reverse=True):
            if len(w) == 1:
                self.singles.add(w)
            elif w:
                self.by_key.setdefault(w[:2], []).append(w)
        firsts = "".join(sorted({regex.escape(k[0]) for k in self.by_key} | {regex.escape(c) for c in self.singles}))
        # word starts whose first character can begin a word of the dictionary
        self.starts = regexcache.compile(rf"(?<![가-힣])[{firsts or 'x'}]")

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) for every Hangul word start that begins a dictionary word."""
        out: list[tuple[int, int, str]] = []
        by_key, singles = self.by_key, self.singles
        for m in finditer(self.starts, text, timeout=None):  # self.match inlined: once per word start
            p = m.start()
            cands = by_key.get(text[p : p + 2])
            w = next((c for c in cands if text.startswith(c, p)), None) if cands else None
            if w is None and text[p] in singles:
                w = text[p]
            if w is not None:
                out.append((p, p + len(w), w))
        return out

    def match(self, text: str, pos: int) -> str | None:
        cands = self.by_key.get(text[pos : pos + 2])
        if cands:
            for w in cands:
                if text.startswith(w, pos):
                    return w
        if pos < len(text) and text[pos] in self.singles:
            return text[pos]
        return None
