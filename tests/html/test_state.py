"""Script state: pages whose visible DOM holds no article (or a teaser) give the article from the
state their scripts carry (fixtures/html/generic/state_*.html, one per form), through clean()."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import newsclean.html as html_path
from newsclean import clean, limits
from newsclean.article import Article
from newsclean.html.dom import Element, parse
from newsclean.html.js_literal import js_value
from newsclean.html.state_scan import flight_rows, loose_strings, payloads

DETECT = html_path._detect
GENERIC = Path(__file__).resolve().parents[2] / "fixtures" / "html" / "generic"


pytestmark = pytest.mark.usefixtures("no_profiles")
GenericPage = Callable[[str], Article]


def test_next_data_pages_router(generic_page: GenericPage) -> None:
    art = generic_page("state_next_data.html")
    assert art.status == "ok" and art.stats.body_route == "state:json"
    assert len(art.paragraphs) == 4
    assert art.paragraphs[0].startswith("읍내 시장 상인회가") and art.paragraphs[-1].startswith("상인회장은")
    assert art.captions == ("야시장이 열릴 시장 주차장",)
    assert art.published == "2023-06-03T09:20:00+09:00" and art.modified == "2023-06-03T11:05:00+09:00"
    assert [r.name for r in art.reporters] == ["윤바다"]
    for leak in ("시장 주차장 확장 공사", "여름 축제 일정", "불러오는 중", "많이 본 뉴스"):
        assert leak not in art.text, leak


def test_rsc_flight_chunks_split_mid_string(generic_page: GenericPage) -> None:
    art = generic_page("state_flight.html")
    assert art.status == "ok" and art.stats.body_route == "state:flight"
    assert len(art.paragraphs) == 4
    # An inline <strong> inside a paragraph stays in it, without breaking it.
    assert art.paragraphs[1] == "전시는 오는 10일부터 석 달 동안 본관 2층과 3층에서 열리며 관람료는 받지 않는다."
    assert art.published == "2024-07-02T14:00:00+09:00"
    assert [r.name for r in art.reporters] == ["한별"]
    for leak in ("시립 도서관 휴관", "전시 해설이 진행", "많이 본 뉴스"):
        assert leak not in art.text, leak


def test_arc_fusion_global_content(generic_page: GenericPage) -> None:
    art = generic_page("state_fusion.html")
    assert art.status == "ok" and art.stats.body_route.startswith("state:")
    assert len(art.paragraphs) == 4
    assert "드론 여섯 대를 띄워" in art.paragraphs[1]  # the <b> inside the text element is joined
    assert art.captions == ("해수욕장 감시탑에 선 구조 대원들",)
    assert art.title == "해경, 해수욕장 구조 인력 늘린다"
    assert art.published == "2021-06-20T10:30:00+09:00"  # display_date in UTC → +09:00
    assert [r.name for r in art.reporters] == ["서하람"]
    assert "바다일보 사진부" not in art.text


def test_initial_state_json_parse_assignment(generic_page: GenericPage) -> None:
    art = generic_page("state_initial.html")
    assert art.status == "ok" and art.stats.body_route == "state:assign"
    assert len(art.paragraphs) == 4 and art.paragraphs[-1] == "신청은 이달 말까지 군청 누리집에서 받는다."
    assert art.published == "2022-04-11T10:30:00+09:00"
    for leak in ("점검 안내", "농기계 임대 사업", "자바스크립트"):
        assert leak not in art.text, leak


def test_nuxt_function_call_parameters_stand_for_its_arguments(generic_page: GenericPage) -> None:
    art = generic_page("state_nuxt.html")
    assert art.status == "ok" and art.stats.body_route == "state:assign"
    assert len(art.paragraphs) == 3
    assert art.paragraphs[0] == "시내버스 노선 열한 개가 다음 달 1일부터 새로 바뀐다."
    assert art.published == "2020-08-14T07:00:00+09:00"  # date: b, b = the call's second argument
    assert [r.name for r in art.reporters] == ["나리"]


def test_js_literals_read_as_data_never_run() -> None:
    assert js_value("""{a: 1, 'b': 'it\\'s', c: [1, 2,], d: undefined, e: !0, f: void 0}""", 0) == {
        "a": 1, "b": "it's", "c": [1, 2], "d": None, "e": True, "f": None,
    }
    nuxt = '(function(a,b){a.x=1;return {post:{title:a,tags:[b,"둘"]}}}("제목",\'하나\'));'
    assert js_value(nuxt, 0) == {"post": {"title": "제목", "tags": ["하나", "둘"]}}
    assert js_value("{a: fetch('/x')}", 0) is None  # a call is code, not data
    assert js_value("alert(1)", 0) is None


def test_json_ld_article_body(generic_page: GenericPage) -> None:
    art = generic_page("jsonld_only.html")
    assert art.stats.body_route == "state:jsonld"


def ld_page(body: str, dom: str) -> str:
    ld = json.dumps({"@type": "NewsArticle", "headline": "짧은 기사", "articleBody": body}, ensure_ascii=False)
    return (
        f'<html><head><title>짧은 기사</title><script type="application/ld+json">{ld}</script></head>'
        f"<body><h1>짧은 기사</h1><article>{dom}</article></body></html>"
    )


@pytest.mark.parametrize("dom", ['<div id="app"></div>', "<p>시는 공원 조명을 바꾼다고 밝혔다.</p>"])
def test_two_short_sentences_in_json_ld(dom: str) -> None:
    """Too short for the locator's units, and the DOM shows nothing or a one-sentence teaser."""
    art = clean(ld_page("시는 공원 조명을 바꾼다고 밝혔다.\n공사는 연말에 끝난다.", dom), entities=False)
    assert art.status == "ok"
    assert art.paragraphs == ("시는 공원 조명을 바꾼다고 밝혔다.", "공사는 연말에 끝난다.")


def test_dom_article_wins_over_shorter_state() -> None:
    dom = "".join(
        f"<p>{s}</p>"
        for s in (
            "구청은 올해 골목길 가로등 삼백 개를 밝은 조명으로 바꾼다고 밝혔다.",
            "공사는 주택가부터 시작해 가을까지 이어진다.",
            "구청장은 밤길이 한결 안전해질 것이라고 말했다.",
        )
    )
    art = clean(ld_page("구청은 골목길 가로등을 바꾼다.", dom), entities=False)
    assert art.stats.body_route == "generic"
    assert len(art.paragraphs) == 3


def test_old_table_page_with_br_text_cell_beats_teaser_box(generic_page: GenericPage) -> None:
    """The article is <br>-separated lines in one <td>; a box of six two-sentence teasers sits
    beside it. Each line scores as the paragraph it stands for, so the cell wins."""
    art = generic_page("table_br_cell.html")
    assert art.status == "ok"
    assert len(art.paragraphs) == 9
    assert art.paragraphs[0].startswith("(새벽일보) 지난 주말 내린 폭설로")
    for leak in ("농협", "독서 교실", "주요 소식", "메일보내기", "Copyright"):
        assert leak not in art.text, leak


def test_flight_rows_text_row_length_is_in_utf8_bytes() -> None:
    html_text = "<p>한글 문단이다.</p>"
    size = len(html_text.encode("utf-8"))
    rows = flight_rows(f'1:I["a",[],"X"]\n2:T{size:x},{html_text}3:["$","p",null,{{"children":"$2"}}]\n')
    assert rows["2"] == html_text
    assert rows["3"] == ["$", "p", None, {"children": "$2"}]
    assert rows["1"] == ["a", [], "X"]


def test_loose_strings_reads_literals_never_code() -> None:
    got = loose_strings("""f("첫 문장이다.", 'it\\'s 둘째 "문장"이다.', "no hangul", 3)""")
    assert got == ["첫 문장이다.", 'it\'s 둘째 "문장"이다.']


def test_state_reading_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    deep = "[" * 100_000 + "]" * 100_000  # json would recurse past Python's limit
    root = parse(
        f'<html><head><script type="application/json">{deep}</script>'
        f"<script>window.__INITIAL_STATE__ = {deep};</script></head><body></body></html>"
    )
    assert root is not None
    scripts = list(root.iter("script"))
    assert [route for route, _ in payloads(scripts)] == ["assign"]  # read as literals: none, no crash
    monkeypatch.setattr(limits, "MAX_STATE_CHARS", 10)
    assert payloads(scripts) == []  # past the cap nothing more is read


def test_profiled_site_whose_container_vanished_reads_its_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """A site with a profile rebuilt on the App Router: the profile's container is gone and the
    article is only in flight chunks."""
    monkeypatch.setattr(html_path, "_detect", DETECT)
    page = (GENERIC / "state_flight.html").read_bytes()
    art = clean(page, url="https://www.hankookilbo.com/News/Read/A2024070213000001", entities=False)
    assert art.status == "ok" and art.stats.body_route == "state:flight"
    assert len(art.paragraphs) == 4


def test_locator_mistake_falls_back_to_the_pages_best_run_of_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the locator's container holds only chrome the strip chain removes, the page's best
    contiguous run of prose blocks gives the body: never an empty record for a page of prose."""
    lines = [
        "지난밤 내린 비로 하천 물이 불어나 둔치 주차장 두 곳이 통제됐다.",
        "시는 새벽 네 시부터 차량 이동을 안내하는 문자를 보냈다고 밝혔다.",
        "비는 오늘 오후 그칠 것으로 예보됐다.",
    ]
    page = (
        "<html><body><div class='menu'><a href='/1'>사회</a> <a href='/2'>경제</a></div>"
        "<table><tr><td>" + "<br>".join(lines) + "</td></tr></table>"
        "<div class='notice'><p>Copyright ⓒ 가상일보. All rights reserved. 무단 전재 및 재배포 금지</p></div>"
        "</body></html>"
    )

    def wrong(root: Element) -> Element | None:
        return root.find(".//div[@class='notice']")

    monkeypatch.setattr(html_path, "locate", wrong)
    art = clean(page, entities=False)
    assert art.status == "ok" and art.stats.body_route == "page-prose"
    assert art.paragraphs == tuple(lines)


def test_article_body_with_inline_tags_keeps_its_line_breaks() -> None:
    body = "첫 문단은 <b>굵은</b> 글씨가 있는 문장이라고 밝혔다.\n\n둘째 문단은 평범한 문장으로 이어진다고 말했다."
    art = clean(ld_page(body, ""), entities=False)
    assert art.paragraphs == (
        "첫 문단은 굵은 글씨가 있는 문장이라고 밝혔다.",
        "둘째 문단은 평범한 문장으로 이어진다고 말했다.",
    )
