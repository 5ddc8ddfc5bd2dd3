"""Hypothesis properties over the public API: any bytes or any str gives one record whose
``text`` is its paragraphs joined and whose entity offsets slice ``text`` to the entity's text."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.article import STATUSES, Article

from .hostile import BODY

# Pieces that make a page or a dump interesting: tags, entities, Korean sentences, bylines,
# numbers with counters, runs that tempt a regex to backtrack, broken markup.
PIECES = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<a href='/x'>",
    "</a>",
    "<article>",
    "<h1>",
    "</h1>",
    "<script>var a='<p>x</p>';</script>",
    "<!-- <p>주석</p> -->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    '<meta charset="euc-kr">',
    "&amp;",
    "&lol;",
    "&#0;",
    "&#xD800;",
    "<",
    ">",
    '"',
    "'",
    "\x00",
    "\n",
    "\r\n",
    "홍길동 기자 hong@example.com",
    "ⓒ 가상일보 무단전재 및 재배포 금지",
    "▶",
    "=" * 30,
    "-" * 30,
    "(" * 20,
    "3개 5명 20% 3조5000억원 2024년 5월 1일",
    "중기부는 ",
    "서울시 강남구 ",
    "기자 " * 10,
    *BODY,
]
documents = st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=40).map("".join)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _well_formed(art: Any) -> None:
    assert isinstance(art, Article)
    assert art.status in STATUSES
    assert (art.status == "ok") == bool(art.paragraphs)
    assert art.status == "ok" or art.error
    rec = art.to_dict()
    assert rec["text"] == "\n\n".join(rec["paragraphs"])
    for e in rec["entities"]:
        assert 0 <= e["start"] < e["end"] <= len(rec["text"])
        assert rec["text"][e["start"] : e["end"]] == e["text"]


@FAST
@given(data=st.binary(max_size=3000))
def test_any_bytes_give_a_record(data: bytes) -> None:
    _well_formed(newsclean.clean(data, entities=False))


@FAST
@given(doc=documents, encoding=st.sampled_from(["utf-8", "cp949", "utf-16"]))
def test_any_page_bytes_in_any_encoding_give_a_record(doc: str, encoding: str) -> None:
    _well_formed(newsclean.clean(doc.encode(encoding, "replace"), entities=False))


@FAST
@given(doc=st.text(max_size=2000) | documents)
def test_any_str_gives_a_record(doc: str) -> None:
    _well_formed(newsclean.clean(doc, entities=False))
    _well_formed(newsclean.clean_text(doc, entities=False))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents)
def test_entity_offsets_slice_the_text(doc: str) -> None:
    _well_formed(newsclean.clean_text(doc, entities=True))
    _well_formed(newsclean.clean(f"<html><body><article>{doc}</article></body></html>", entities=True))
