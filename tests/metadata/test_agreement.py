"""Metadata by agreement: the failure kinds of held-out pages, reproduced by synthetic pages.

Each page in ``fixtures/html/meta/`` reproduces one kind (a sidebar heading before the body, a
bracketed labelled date, dates in a ranking list and the masthead, a stale meta date, a
publisher named only by og:site_name / the copyright line / JSON-LD / a website brand, desks
credited as reporters). The tests run ``newsclean.clean`` and check the record and where each
value came from (``meta_sources``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsclean
from newsclean.html import meta_dates, meta_publisher, meta_title
from newsclean.html.dom import parse
from newsclean.html.metadata import labelled_dates
from newsclean.output import as_text
from newsclean.schema import record_schema
from newsclean.strip.persons import is_person

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "html" / "meta"
HEADLINE = "청년 창업 지원금 두 배로 늘린다"


def clean(name: str) -> newsclean.Article:
    return newsclean.clean((PAGES / name).read_bytes(), entities=False, source=name)


# page, title, published, publisher, and the sources of each (None: not asserted)
CASES: list[tuple[str, dict[str, Any], dict[str, str]]] = [
    ("sidebar_heading.html", {"title": HEADLINE, "publisher": "한빛일보"},
     {"title": "title+heading", "publisher": "title"}),
    ("bracketed_date.html", {"title": HEADLINE, "published": "2019-03-04T12:30:00+09:00",
                             "modified": "2019-03-04T14:05:00+09:00", "publisher": "새벽신문"},
     {"title": "og:title+heading", "published": "label:page", "publisher": "copyright"}),
    ("furniture_date.html", {"published": "2023-06-12T09:30:00+09:00", "publisher": "누리경제"},
     {"published": "label:page", "publisher": "title"}),
    # No label: the date box beside the headline, not another story's box or the ranking list.
    ("unlabelled_date.html", {"published": "2021-05-06T15:04:00+09:00"}, {"published": "date-box"}),
    ("date_far_from_evidence.html", {"published": "2023-06-12T09:30:00+09:00"},
     {"published": "jsonld:datePublished"}),
    ("publisher_og_site_name.html", {"publisher": "바다타임스", "published": "2023-06-12T09:30:00+09:00"},
     {"publisher": "og:site_name", "published": "meta:article:published_time"}),
    ("publisher_copyright.html", {"publisher": "새벽신문"}, {"publisher": "copyright"}),
    ("publisher_jsonld.html", {"publisher": "누리경제", "title": HEADLINE},
     {"publisher": "jsonld:publisher", "title": "jsonld:headline+heading"}),
    ("publisher_web_brand.html", {"publisher": "한빛일보"}, {"publisher": "og:site_name+home-link"}),
    # <title> is the site's name alone: the logo heading agrees with it, but names no headline.
    ("site_name_title.html", {"title": HEADLINE, "publisher": "한빛일보"},
     {"title": "heading:near-body", "publisher": "title"}),
]


@pytest.mark.parametrize(("page", "want", "sources"), CASES, ids=[c[0] for c in CASES])
def test_metadata_by_agreement(page: str, want: dict[str, Any], sources: dict[str, str]) -> None:
    art = clean(page)
    assert art.status == "ok" and len(art.paragraphs) == 3
    for key, value in want.items():
        assert getattr(art, key) == value, key
    assert art.meta_sources is not None
    for key, value in sources.items():
        assert art.meta_sources.get(key) == value, key


def test_a_sidebar_heading_never_wins_over_the_agreed_headline() -> None:
    art = clean("sidebar_heading.html")
    assert art.title == HEADLINE
    assert "축제" not in (art.title or "")


def test_a_profile_title_that_found_a_sidebar_box_gives_way() -> None:
    """The profile's title XPath hits a box heading inside its title area on a redesigned page;
    og:title and <title> agree with the visible headline instead."""
    page = (PAGES / "profile_sidebar_title.html").read_bytes()
    art = newsclean.clean(page, url="https://www.hani.co.kr/arti/economy/1.html", entities=False)
    assert art.title == HEADLINE
    assert art.meta_sources is not None and art.meta_sources["title"] == "og:title+heading"
    assert art.publisher == "한겨레" and art.meta_sources["publisher"] == "profile"


def test_a_labelled_reporter_name_in_the_info_line() -> None:
    """기자명 김하늘 기자 in the article's info line; a related list credits another story."""
    art = clean("labelled_reporter.html")
    assert [r.name for r in art.reporters] == ["김하늘"]
    assert art.published == "2021-05-06T15:04:00+09:00"


def test_desks_and_wire_credits_are_not_reporters() -> None:
    art = clean("desk_byline.html")
    assert art.reporters == ()
    assert not any("뉴스팀" in p or "사회부" in p for p in art.paragraphs)  # the credit lines still go


@pytest.mark.parametrize(
    "name", ["연합", "디지털뉴스팀", "털뉴스팀", "온라인뉴스팀", "뉴스팀", "사회부", "편집국", "기자단", "취재팀"]
)
def test_desk_names_are_not_persons(name: str) -> None:
    assert not is_person(name)


@pytest.mark.parametrize("name", ["홍길동", "이정국", "남궁민수", "김철"])
def test_person_names_are_persons(name: str) -> None:
    assert is_person(name)


@pytest.mark.parametrize(
    ("text", "published", "modified"),
    [
        ("기사입력 :[ 2019-03-04 12:30 ]", "2019-03-04T12:30:00+09:00", None),
        ("입력 2021.05.06 오후 3:04", "2021-05-06T15:04:00+09:00", None),
        ("송고시간 2020-01-02 07:15", "2020-01-02T07:15:00+09:00", None),
        ("게재 일자 : (2018.07.09)", "2018-07-09", None),
        ("등록 2022.11.30 17:20 수정 2022.12.01 08:00", "2022-11-30T17:20:00+09:00", "2022-12-01T08:00:00+09:00"),
    ],
)
def test_labelled_korean_dates(text: str, published: str, modified: str | None) -> None:
    assert labelled_dates(text) == (published, modified)


def test_a_date_far_from_the_other_evidence_loses() -> None:
    cands = [("meta:pubdate", "2014-03-02"), ("jsonld:datePublished", "2023-06-12T09:30:00+09:00")]
    assert meta_dates.agree(cands, ["2023-06-12"]) == cands[1]
    # Without other evidence the order of trust decides.
    assert meta_dates.agree(cands) == cands[0]
    assert meta_dates.conflict(cands) and not meta_dates.conflict(cands[1:], ["2023-06-13"])


def test_url_dates() -> None:
    assert meta_dates.url_date("https://x.example/2016/09/17/a.html") == "2016-09-17"
    assert meta_dates.url_date("https://x.example/view.html?artid=201609260957011") == "2016-09-26"
    assert meta_dates.url_date("https://x.example/news/123456") is None


def test_title_site_segment() -> None:
    seps = (" : ", " - ", " | ")
    assert meta_publisher.title_site("제목이다 : 노동 : 사회 : 뉴스 : 한빛일보", "제목이다", seps) == "한빛일보"
    assert meta_publisher.title_site("제목이다 - 새벽신문", None, seps) == "새벽신문"
    assert meta_publisher.title_site("제목이다 - 정치 > 국회", "제목이다", seps) is None
    assert meta_publisher.title_site("다른 제목 - 새벽신문", "제목이다", seps) is None


def test_site_names_are_cleaned_of_portals_and_kept_when_unknown() -> None:
    assert meta_publisher.clean_name("바다타임스") == "바다타임스"
    assert meta_publisher.clean_name("네이버 뉴스") is None
    assert meta_publisher.clean_name("https://www.bada.example") is None
    assert meta_publisher.clean_name("바다타임스 - 바다와 사람을 잇는 신문") == "바다타임스"
    assert meta_publisher.clean_name("다음 뉴스 | 바다타임스") == "바다타임스"


def test_copyright_line_prefers_a_korean_name() -> None:
    root = parse(
        "<html><body><p>Copyright ⓒ The Saebyeok Times</p><div>Copyright ⓒ <b>새벽신문</b> All rights reserved.</div>"
        "</body></html>"
    )
    assert root is not None
    assert meta_publisher.copyright_line(root) == "새벽신문"


def test_headings_agree_despite_quotes_and_cuts() -> None:
    assert meta_title.agrees("“룰 바꿔 기술씨름 되살려야”", '"룰 바꿔 기술씨름 되살려야"')
    assert meta_title.agrees("청년 창업 지원금 두 배로…", HEADLINE)
    assert not meta_title.agrees("바닷가 마을 축제에 관광객 10만명 몰려", HEADLINE)


def test_meta_sources_reach_the_record_and_validate() -> None:
    rec = clean("bracketed_date.html").to_dict(explain=True)
    jsonschema.Draft202012Validator(record_schema()).validate(rec)
    assert rec["meta_sources"] == {"title": "og:title+heading", "published": "label:page", "publisher": "copyright"}
    text = as_text(json.loads(json.dumps(rec)))
    assert "sources: title: og:title+heading; published: label:page; publisher: copyright" in text
    assert "sources:" not in as_text(clean("bracketed_date.html").to_dict())  # only with --explain


def test_explain_report_names_the_sources() -> None:
    from newsclean.explain import explain_file, render

    art, rows = explain_file(str(PAGES / "publisher_web_brand.html"), entities=False)
    html = render(art, rows)
    assert "publisher: og:site_name+home-link" in html


STORY = [
    "청년 창업 지원금 두 배로 늘린다",
    "입력 2023-06-12 09:30",
    "시는 올해 하반기부터 청년 창업가에게 주는 초기 지원금을 기존 1천만원에서 2천만원으로 늘린다고 밝혔다.",
    "시 관계자는 \"창업 초기 자금이 부족해 사업을 접는 사례가 많았다\"며 \"첫 3년을 버틸 수 있도록 돕겠다\"고 말했다.",
    "신청은 다음 달 1일부터 시 누리집에서 받으며, 서류 심사와 발표 평가를 거쳐 모두 120개 팀을 고른다.",
]


def _dump(head: list[str], tail: list[str]) -> str:
    return "\n".join([*head, *STORY, *tail]) + "\n"


def test_a_dump_names_its_press_on_its_own_lines() -> None:
    """No copyright mark: the press name standing alone on the logo and footer lines."""
    text = _dump(["한빛 일보", "홈", "정치", "경제", "사회", "우먼한빛일보"],
                 ["회사소개", "광고안내", "한빛일보", "Copyright by hanbit.example All rights reserved."])
    art = newsclean.clean_text(text, entities=False)
    assert art.publisher == "한빛일보"
    assert art.meta_sources == {"title": "dump:headline", "published": "dump:date-line",
                                "publisher": "dump:name-line"}


def test_a_dump_copyright_brand_defers_to_the_press_it_abbreviates() -> None:
    text = _dump(["누리 경제", "홈", "증권", "부동산"],
                 ["누리경제신문", "누리경제", "Copyright (c) 누경AX. All rights reserved. 무단 전재 및 재배포 금지"])
    art = newsclean.clean_text(text, entities=False)
    assert art.publisher == "누리경제"
    assert art.meta_sources is not None and art.meta_sources["publisher"].endswith("+dump:name-line")


def test_press_names_and_their_brands() -> None:
    assert meta_publisher.is_web_brand("동아닷컴") and meta_publisher.is_web_brand("매경AX")
    assert not meta_publisher.is_web_brand("연합뉴스TV") and not meta_publisher.is_web_brand("한빛일보")
    assert meta_publisher.name_lines(["매일 경제", "뉴스", "매일경제신문", "매일 경제", "생활경제"])[0] == "매일경제"


DESK_LINES = ["온라인뉴스팀 기자", "[디지털뉴스팀]", "디지털뉴스팀 digital@bada.example", "(사회부)"]


@pytest.mark.parametrize("line", DESK_LINES)
def test_a_desk_credit_line_leaves_the_body_without_a_reporter(line: str) -> None:
    html = (PAGES / "publisher_og_site_name.html").read_text(encoding="utf-8")
    html = html.replace("</article>", f"<p>{line}</p></article>")
    art = newsclean.clean(html.encode("utf-8"), entities=False)
    assert art.reporters == ()
    assert len(art.paragraphs) == 3 and line not in art.text
    assert any(r.rule == "byline" and r.text == line for r in art.removed)


@pytest.mark.parametrize("line", ["보건복지부", "경제부총리는 이날 회의를 열었다.", "스포츠팀"])
def test_agency_names_and_sentences_are_not_desk_credits(line: str) -> None:
    from newsclean.strip.persons import desks

    assert not desks().line.match(line)


SUFFIXED = [
    f"{HEADLINE} - 매일경제", f"{HEADLINE} | 연합뉴스", f"{HEADLINE} : 네이트 뉴스", f"{HEADLINE} : 사회 : 새벽신문"
]


@pytest.mark.parametrize("title", SUFFIXED)
def test_site_suffixes_leave_the_headline(title: str) -> None:
    assert meta_title.clean_title(title) == HEADLINE
