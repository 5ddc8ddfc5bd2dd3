"""Offsets are code-point offsets and always slice back to the entity text."""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = [
    "중기부는 ",
    "서울시 ",
    "13개 ",
    "4만4천 명",
    "지난 8일 ",
    "이영 장관",
    "😀",
    "\x00",
    "\u2028",
    "\n\n",
    "3조5000억원",
    "12.5%",
    " ",
    "경기 광주시",
    "대구테크노파크",
    "(33)",
    "김모",
    "씨",
    "\t",
    "\ufeff",
    "A",
]


def _check(extract: Any, text: str, date: str | None = None) -> None:
    ents = extract(text, date)
    for e in ents:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
    assert [e.start for e in ents] == sorted(e.start for e in ents)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_offsets_on_mixed_pieces(extract: Any, parts: list[str]) -> None:
    _check(extract, "".join(parts), "2024-05-10")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_offsets_on_any_text(extract: Any, text: str) -> None:
    _check(extract, text)


def test_odd_inputs(extract: Any) -> None:
    for text in ["", " ", "\n\n\n", "\x00\x01\x02", "😀" * 10, "가" * 5000]:
        _check(extract, text)


def test_many_number_counter_pairs_stay_linear(extract: Any) -> None:
    small = "3개 " * 2000
    big = "3개 " * 20000
    t = time.perf_counter()
    extract(small)
    t_small = time.perf_counter() - t
    t = time.perf_counter()
    ents = extract(big)
    t_big = time.perf_counter() - t
    assert len([e for e in ents if e.type == "count"]) == 20000
    assert t_big < 25 * max(t_small, 0.05)


@pytest.mark.slow
def test_megabyte_line(extract: Any) -> None:
    text = ("서울시는 3조5000억원을 13개 기관에 나눴다 " * 40000)[:1_000_000]
    t = time.perf_counter()
    _check(extract, text)
    assert time.perf_counter() - t < 240
