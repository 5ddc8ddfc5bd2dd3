"""A pattern that runs out of time counts as no match: it must never fail a record."""

from __future__ import annotations

import regex

from newsclean import saferegex

# Nested repeats over a string that almost matches: exponential backtracking.
EVIL = regex.compile(r"^(a+)+$")
TEXT = "a" * 40 + "b"


def test_every_helper_returns_no_match_on_timeout() -> None:
    assert saferegex.match(EVIL, TEXT, timeout=0.01) is None
    assert saferegex.fullmatch(EVIL, TEXT, timeout=0.01) is None
    assert saferegex.search(EVIL, TEXT, timeout=0.01) is None
    assert list(saferegex.finditer(EVIL, TEXT, timeout=0.01)) == []


def test_helpers_match_normally_within_budget() -> None:
    word = regex.compile(r"[가-힣]+")
    assert saferegex.match(word, "기자 홍길동").group() == "기자"
    assert [m.group() for m in saferegex.finditer(word, "기자 홍길동")] == ["기자", "홍길동"]
