"""Malformed input: always one record with a clear status, never an exception out of clean()."""

from __future__ import annotations

import pytest

from newsclean import clean

GOOD = (
    "<html><head><meta charset='euc-kr'><title>제목</title></head><body><article>"
    "<p>시는 올해 공원 산책로에 새 조명을 설치한다고 12일 밝혔다.</p>"
    "<p>공사는 연말까지 모두 마무리할 계획이라고 시 관계자는 말했다.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("name", "payload", "statuses"),
    [
        ("empty-bytes", b"", {"empty"}),
        ("empty-str", "", {"empty"}),
        ("whitespace", b"  \n\t ", {"empty"}),
        ("empty-body", b"<html><head><title>x</title></head><body></body></html>", {"empty"}),
        ("binary", bytes(range(256)) * 50, {"skipped"}),  # newsclean.sniff: no page at all
        ("truncated", GOOD.encode("cp949")[: len(GOOD.encode("cp949")) * 2 // 3], {"ok", "empty"}),
        ("truncated-mid-tag", GOOD.encode("cp949")[:-30] + b"<p class=\"x", {"ok", "empty"}),
        ("wrong-label", GOOD.replace("euc-kr", "utf-8").encode("cp949"), {"ok"}),
        ("nonsense-label", GOOD.replace("euc-kr", "klingon-8").encode("cp949"), {"ok"}),
        ("xml-declaration", "<?xml version='1.0' encoding='euc-kr'?>" + GOOD, {"ok"}),
        ("nul-bytes", GOOD.encode("cp949").replace(b"<p>", b"<p>\x00"), {"ok"}),
        ("only-comment", b"<!-- nothing -->", {"empty"}),
    ],
)
def test_malformed_gives_a_clear_record(name: str, payload: bytes | str, statuses: set[str]) -> None:
    art = clean(payload, source=name, entities=False)
    assert art.status in statuses, (art.status, art.error)
    if art.status != "ok":
        assert art.error
    assert art.source == name


@pytest.mark.parametrize("label", ["utf-8", "klingon-8"])
def test_wrong_label_still_reads_the_text(label: str) -> None:
    art = clean(GOOD.replace("euc-kr", label).encode("cp949"), entities=False)
    assert "새 조명을 설치한다고" in art.text
