"""The library's entrances: wrong argument types raise; the caller's url stays, the page's is canonical_url."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsclean
from newsclean.schema import record_schema

PAGE = "html/generic/p_body.html"  # declares <link rel=canonical href=".../article/2024/0305/001">
CANONICAL = "https://www.garam-news.example/article/2024/0305/001"


@pytest.mark.parametrize(
    ("call", "needle"),
    [
        (lambda: newsclean.clean(None), "'html' must be bytes"),  # type: ignore[arg-type]
        (lambda: newsclean.clean(12), "not int"),  # type: ignore[arg-type]
        (lambda: newsclean.clean("<p>가</p>", url=b"https://x"), "'url' must be str or None"),  # type: ignore[arg-type]
        (lambda: newsclean.clean("<p>가</p>", source=3), "'source' must be str or None"),  # type: ignore[arg-type]
        (lambda: newsclean.clean_text(b"bytes"), "'text' must be str"),  # type: ignore[arg-type]
        (lambda: newsclean.clean_text(None), "not NoneType"),  # type: ignore[arg-type]
        (lambda: newsclean.clean_many("page.html"), "iterable of paths or mappings, not str"),
        (lambda: newsclean.clean_many({"source": "a", "text": "가"}), "not dict"),
        (lambda: newsclean.clean_many(None), "not NoneType"),  # type: ignore[arg-type]
    ],
)
def test_wrong_argument_types_raise_type_error(call: Any, needle: str) -> None:
    with pytest.raises(TypeError) as info:
        call()
    assert needle in str(info.value)
    assert "AttributeError" not in str(info.value)


def test_bytearray_is_a_page(fixtures_dir: Path) -> None:
    data = (fixtures_dir / PAGE).read_bytes()
    art = newsclean.clean(bytearray(data), entities=False)
    assert art.status == "ok" and art.paragraphs == newsclean.clean(data, entities=False).paragraphs


def test_bad_items_inside_a_batch_stay_records() -> None:
    (art,) = list(newsclean.clean_many([12], entities=False))  # type: ignore[list-item]
    assert art.status == "error"


def test_caller_url_is_kept_and_canonical_added(fixtures_dir: Path) -> None:
    data = (fixtures_dir / PAGE).read_bytes()
    given = "https://m.garam-news.example/amp/001?utm_source=feed"
    art = newsclean.clean(data, url=given, entities=False)
    assert art.url == given
    assert art.canonical_url == CANONICAL
    rec = art.to_dict()
    assert rec["url"] == given and rec["canonical_url"] == CANONICAL
    jsonschema.Draft202012Validator(record_schema()).validate(rec)


def test_without_a_url_the_page_gives_both(fixtures_dir: Path) -> None:
    art = newsclean.clean((fixtures_dir / PAGE).read_bytes(), entities=False)
    assert art.url == CANONICAL and art.canonical_url == CANONICAL


def test_page_without_canonical_has_none() -> None:
    body = "<p>시청 앞 광장에서 주말마다 작은 음악회가 열린다고 시가 밝혔다. 시민 누구나 참여할 수 있다.</p>" * 3
    art = newsclean.clean(
        f"<html><body><article>{body}</article></body></html>", url="https://a.example/1", entities=False
    )
    assert art.url == "https://a.example/1" and art.canonical_url is None


def test_json_input_url_is_kept(fixtures_dir: Path) -> None:
    html = (fixtures_dir / PAGE).read_text(encoding="utf-8")
    (art,) = list(
        newsclean.clean_many([{"source": "q", "html": html, "url": "https://feed.example/x"}], entities=False)
    )
    assert art.url == "https://feed.example/x" and art.canonical_url == CANONICAL


def test_records_without_canonical_url_still_validate() -> None:
    """Added within schema_version 1: a record written before it validates against the schema."""
    rec = newsclean.Article.failure("x.html", "error", "ValueError: boom").to_dict()
    del rec["canonical_url"]
    assert rec["schema_version"] == 1
    jsonschema.Draft202012Validator(record_schema()).validate(rec)
