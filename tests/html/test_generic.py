"""The generic path on synthetic pages of unknown sites (fixtures/html/generic)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsclean import clean
from newsclean.article import Article

GENERIC = Path(__file__).resolve().parents[2] / "fixtures" / "html" / "generic"


pytestmark = pytest.mark.usefixtures("no_profiles")
GenericPage = Callable[[str], Article]


def test_paragraph_page(generic_page: GenericPage) -> None:
    art = generic_page("p_body.html")
    assert art.status == "ok"
    assert art.title == "동네 도서관 야간 개방 확대"
    assert art.publisher == "가람일보"
    assert art.published == "2024-03-05T07:30:00+09:00"
    assert art.modified == "2024-03-05T09:12:00+09:00"
    assert art.url == "https://www.garam-news.example/article/2024/0305/001"
    assert [(r.name, r.email) for r in art.reporters] == [("한솔비", "solbi@garam-news.example")]
    assert art.paragraphs[0].startswith("구청은 다음 달부터")
    assert art.paragraphs[-1].startswith("구청 관계자는")
    assert "주말에는 가족 프로그램도" in art.paragraphs  # an in-body subheading stays
    assert any("/사진=가람일보DB" in c for c in art.captions)
    text = art.text
    for leak in ("광고 문의", "관련기사", "작은도서관 예산 삭감", "Copyright", "많이 본 뉴스", "페이스북",
                 "스크립트 속 문장", "solbi@", "대표전화", "사진=가람일보DB"):
        assert leak not in text, leak


def test_br_separated_cp949_page(generic_page: GenericPage) -> None:
    art = generic_page("br_body.html")
    assert art.status == "ok"
    assert (art.encoding, art.encoding_source) == ("cp949", "meta")
    assert art.title == "뷁 소리 나는 간판, 상인들 골머리"
    assert art.published == "2011-07-14T15:25:00+09:00"
    assert len(art.paragraphs) == 4
    assert "뷁뷁 하는 소리" in art.paragraphs[2]
    assert art.paragraphs[3].endswith("결정할 계획이다.")  # the glued byline is cut
    assert [(r.name, r.email) for r in art.reporters] == [("나래온", "naraeon@nuri.example")]
    assert art.captions == ("바람에 흔들리는 시장 입구 간판",)
    for leak in ("주석 속", "숨은 상자", "광고", "시장 현대화", "Copyright", "스포츠"):
        assert leak not in art.text, leak


def test_table_layout_page(generic_page: GenericPage) -> None:
    art = generic_page("table_body.html")
    assert art.status == "ok"
    assert art.title == "강변 산책로 벚꽃길 정비 마쳐"
    assert art.published == "2009-03-02T14:10:00+09:00"
    assert len(art.paragraphs) == 4
    assert art.paragraphs[0].startswith("마을 강변을 따라")
    for leak in ("공지사항", "오시는 길", "문의 000", "입력 2009"):
        assert leak not in art.text, leak


def test_article_only_in_json_ld(generic_page: GenericPage) -> None:
    art = generic_page("jsonld_only.html")
    assert art.status == "ok"
    assert art.title == "섬마을 배편 하루 네 차례로 늘어"
    assert art.publisher == "바른소리"
    assert art.published == "2022-11-08T10:05:00+09:00"
    assert len(art.paragraphs) == 3 and art.paragraphs[1].startswith("해운사는")
    assert {r.name for r in art.reporters} == {"다온", "이가람"}
    assert "자바스크립트" not in art.text


def test_deep_nesting_does_not_recurse() -> None:
    from newsclean.html.blockify import blockify
    from newsclean.html.dom import parse

    depth = 1000  # deeper than Python's default recursion limit; libxml2 itself caps deeper trees
    inner = "<div><span>" * depth + "깊은 곳의 문장이다." + "</span></div>" * depth
    root = parse(f"<html><body>{inner}</body></html>")
    assert root is not None
    blocks = blockify(root)
    assert any("깊은 곳의 문장이다." in b.text for b in blocks)


def test_script_inside_a_word_joins_without_space() -> None:
    page = (
        "<html><body><div id='article'><p>새 제도를 도<script>ad()</script>입하던 시기였다고 밝혔다. "
        "그 뒤로 많은 일이 있었다고 말했다.</p></div></body></html>"
    )
    art = clean(page, entities=False)
    assert "도입하던" in art.text
