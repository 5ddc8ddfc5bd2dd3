"""CMS families (data/sites/cms.json): templates many small outlets share, recognised by their
signature on hosts no profile names, through newsclean.clean() on synthetic pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import clean
from newsclean.html import sites

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sites"
UNKNOWN = "https://www.small-outlet.example/news/articleView.html?idxno=1"

# profile → (title, published, reporters, paragraphs, captions, text that must not leak)
CASES = {
    "cms-ndsoft-2019": (
        "항구 어시장 새벽 경매 관광 상품으로", "2021-09-14T06:40:00+09:00", ["윤파도"], 4,
        ("새벽 경매가 열리는 어시장 위판장",), ("광고 배너", "저작권자", "다른기사 보기", "어시장 주차장", "페이스북"),
    ),
    "cms-ndsoft-2015": (
        "들꽃축제 사흘간 열려", "2017-05-19T17:05:00+09:00", ["임들녘"], 3,
        ("들꽃이 핀 마을 뒷산 산책길",), ("저작권자", "loadAd", "목록", "댓글 0"),
    ),
    "cms-wordpress": (
        "구립 수영장 재개장", "2022-02-07T18:00:00+09:00", None, 3,
        ("새로 단장한 구립 수영장 내부",), ("공유하기", "페이스북에 공유", "동네 체육관", "Proudly powered"),
    ),
    "cms-gnuboard5": (
        "마을버스 막차 한 시간 늦춘다", "2023-10-05T11:20:00+09:00", None, 3,
        (), ("스크랩", "조회", "작성일", "목록", "페이지 정보"),
    ),
}


def test_families_name_no_host_and_yield_to_site_profiles() -> None:
    families = [p for p in sites.all_profiles() if p.name.startswith("cms-")]
    assert {p.name for p in families} == set(CASES)
    assert all(p.hosts == () and p.priority < 0 and p.publisher is None for p in families)


@pytest.mark.parametrize("name", sorted(CASES))
def test_family_page_through_clean(name: str) -> None:
    title, published, reporters, n, captions, leaks = CASES[name]
    art = clean((FIXTURES / name / "page.html").read_bytes(), url=UNKNOWN, entities=False)
    assert art.status == "ok" and art.stats.body_route == "profile"
    assert art.title == title
    assert art.published == published
    if reporters is not None:
        assert [r.name for r in art.reporters] == reporters
    assert len(art.paragraphs) == n
    assert art.captions == captions
    for leak in leaks:
        assert leak not in art.text, leak


def test_ndsoft_marker_matches_both_layouts_newest_first() -> None:
    import lxml.html

    new = lxml.html.fromstring((FIXTURES / "cms-ndsoft-2019" / "page.html").read_bytes())
    old = lxml.html.fromstring((FIXTURES / "cms-ndsoft-2015" / "page.html").read_bytes())
    assert sites.detect(new, UNKNOWN).name == "cms-ndsoft-2019"
    assert sites.detect(old, UNKNOWN).name == "cms-ndsoft-2015"
