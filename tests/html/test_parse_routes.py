"""Strict UTF-8 pages are parsed from their bytes (``UTF8_PARSER``), other pages from the decoded
text: both routes must build the same tree, whatever charset the page claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from newsclean import clean
from newsclean.decode import decode, utf8_source
from newsclean.html.dom import bytes_xml_safe, parse

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"

BODY = "<p>시는 올해 공원 산책로에 새 조명을 설치한다고 12일 밝혔다. 뷁</p><p>둘째 문단입니다.</p>"
TRICKY_UTF8 = {
    "meta-claims-euc-kr": f'<html><head><meta charset="euc-kr"><title>제목</title></head><body>{BODY}</body></html>',
    "http-equiv-euc-kr": (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head>'
        f"<body>{BODY}</body></html>"
    ),
    "xml-declaration": f'<?xml version="1.0" encoding="euc-kr"?><html><body>{BODY}</body></html>',
    "xml-stylesheet-pi": f'<?xml-stylesheet href="a.xsl"?><html><body>{BODY}</body></html>',
    "no-html-tag": BODY,
    "deep-with-declaration": '<?xml version="1.0" encoding="utf-8"?>' + "<div>" * 3000 + BODY + "</div>" * 3000,
}


def _both_routes(data: bytes) -> tuple[etree._Element | None, etree._Element | None]:
    dec = decode(data)
    raw = utf8_source(data, dec)
    assert raw is not None and bytes_xml_safe(data, dec.encoding)
    return parse(dec.text, xml_safe=True, utf8=raw), parse(dec.text, xml_safe=True)


def _same_tree(a: etree._Element | None, b: etree._Element | None) -> None:
    assert a is not None and b is not None
    assert etree.tostring(a, encoding="unicode") == etree.tostring(b, encoding="unicode")


@pytest.mark.parametrize("name", sorted(TRICKY_UTF8))
def test_utf8_bytes_and_text_build_the_same_tree(name: str) -> None:
    from_bytes, from_text = _both_routes(TRICKY_UTF8[name].encode("utf-8"))
    _same_tree(from_bytes, from_text)
    assert "공원 산책로" in "".join(from_bytes.itertext())  # type: ignore[union-attr]


def test_a_bom_is_cut_before_the_bytes_are_parsed() -> None:
    data = b"\xef\xbb\xbf" + TRICKY_UTF8["meta-claims-euc-kr"].encode("utf-8")
    dec = decode(data)
    assert dec.source == "bom" and utf8_source(data, dec) == data[3:]
    _same_tree(*_both_routes(data))


def test_only_strict_utf8_bytes_are_handed_over() -> None:
    page = TRICKY_UTF8["meta-claims-euc-kr"]
    assert utf8_source(page.replace("utf-8", "euc-kr").encode("cp949"), decode(page.encode("cp949"))) is None
    broken = page.encode("utf-8")[:-40] + b"\xff" + page.encode("utf-8")[-40:]
    assert decode(broken).source == "replace" and utf8_source(broken, decode(broken)) is None
    assert utf8_source(page, decode(page)) is None  # text given as str


def test_the_deep_page_keeps_its_paragraphs_through_the_bytes_route() -> None:
    art = clean(TRICKY_UTF8["deep-with-declaration"].encode("utf-8"), entities=False)
    assert art.status == "ok" and any("공원 산책로" in p for p in art.paragraphs)


@pytest.mark.parametrize("page", sorted(FIXTURES.glob("*/*.html")), ids=lambda p: p.name)
def test_fixture_pages_build_the_same_tree_on_both_routes(page: Path) -> None:
    data = page.read_bytes()
    dec = decode(data)
    if utf8_source(data, dec) is None or not bytes_xml_safe(data, dec.encoding):
        pytest.skip(f"{page.name} is {dec.encoding} ({dec.source}): parsed from text only")
    _same_tree(*_both_routes(data))
