"""Regions a database can trust: codes valid on the article's date, groups expanded, no region
read from an ordinary word. Sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest

DATED = [
    # (text, article date, mention, level, norm, code)
    ("강원도 영월군 주민들이 모였다.", "2016-05-01", "영월군", "sigungu", "강원도 영월군", "42750"),
    ("강원도 영월군 주민들이 모였다.", "2023-06-10", "영월군", "sigungu", "강원도 영월군", "42750"),
    ("강원도 영월군 주민들이 모였다.", "2023-06-11", "영월군", "sigungu", "강원특별자치도 영월군", "51750"),
    ("강원 춘천시에서 축제가 열린다.", "2019-03-02", "춘천시", "sigungu", "강원도 춘천시", "42110"),
    ("강원 춘천시에서 축제가 열린다.", "2025-03-02", "춘천시", "sigungu", "강원특별자치도 춘천시", "51110"),
    ("전북 전주시 완산구에서 만났다.", "2018-09-01", "완산구", "sigungu", "전라북도 전주시 완산구", "45111"),
    ("전북 전주시 완산구에서 만났다.", "2024-01-17", "완산구", "sigungu", "전라북도 전주시 완산구", "45111"),
    ("전북 전주시 완산구에서 만났다.", "2024-01-18", "완산구", "sigungu", "전북특별자치도 전주시 완산구", "52111"),
    ("전북 부안군 갯벌을 걸었다.", "2020-07-07", "부안군", "sigungu", "전라북도 부안군", "45800"),
    ("군위군 농가를 찾았다.", "2022-10-01", "군위군", "sigungu", "경상북도 군위군", "47720"),
    ("군위군 농가를 찾았다.", "2023-07-01", "군위군", "sigungu", "대구광역시 군위군", "27720"),
    ("강원도 영월군 주민들이 모였다.", "2016-05-01", "강원도", "sido", "강원도", "42"),
    ("전북 부안군 갯벌을 걸었다.", "2025-07-07", "전북", "sido", "전북특별자치도", "52"),
]


@pytest.mark.parametrize(("text", "date", "mention", "level", "norm", "code"), DATED)
def test_codes_valid_on_the_article_date(
    extract: Any, text: str, date: str, mention: str, level: str, norm: str, code: str
) -> None:
    got = [
        (e.norm, e.code) for e in extract(text, date) if e.type == "region" and e.text == mention and e.level == level
    ]
    assert got == [(norm, code)]


def test_a_2016_sigungu_never_gets_a_code_from_after_the_change(extract: Any) -> None:
    text = "강원 태백시와 정선군, 전북 군산시와 익산시의 시장·군수들이 모였다."
    codes = {e.code for e in extract(text, "2016-04-01") if e.type == "region" and e.level == "sigungu"}
    assert codes and all(c[:2] in ("42", "45") for c in codes), codes


GROUPS = [
    ("부울경 메가시티 논의가 다시 시작됐다.", "부울경", {"부산광역시", "울산광역시", "경상남도"}),
    ("대경권 신공항 예산을 따냈다.", "대경", {"대구광역시", "경상북도"}),
    ("후보는 주말에 호남을 찾았다.", "호남", {"광주광역시", "전라남도", "전북특별자치도"}),
]


@pytest.mark.parametrize(("text", "mention", "norms"), GROUPS)
def test_groups_expand_to_their_regions(extract: Any, text: str, mention: str, norms: set[str]) -> None:
    got = {e.norm for e in extract(text, "2025-02-01") if e.type == "region" and e.text == mention}
    assert got == norms


def test_group_members_carry_the_dated_name(extract: Any) -> None:
    got = {e.norm for e in extract("후보는 주말에 호남을 찾았다.", "2017-04-01") if e.type == "region"}
    assert got == {"광주광역시", "전라남도", "전라북도"}


NOT_REGIONS = [
    # a region form inside an ordinary word, or a verb
    ("그는 생애 첫 태백장사 타이틀을 따냈다.", "태백"),
    ("태백산맥을 넘는 길은 험했다.", "태백"),
    ("정부는 감시를 강화시켜야 한다고 밝혔다.", "강화"),
    ("규제를 강화해야 한다는 목소리가 높다.", "강화"),
    ("호남선 열차가 늦어졌다.", "호남"),
    ("그는 대경대학교를 졸업했다.", "대경"),
]


@pytest.mark.parametrize(("text", "form"), NOT_REGIONS)
def test_no_region_inside_an_ordinary_word(extract: Any, text: str, form: str) -> None:
    start = text.index(form)
    got = [e for e in extract(text, "2020-01-01") if e.type == "region" and e.start == start]
    assert got == []


PLACES = [
    ("행사는 태백에서 열렸다.", "태백", "강원도 태백시"),
    ("강화군 주민들이 반대했다.", "강화군", "인천광역시 강화군"),
    ("고양터미널 앞에서 만났다.", "고양", "경기도 고양시"),
]


@pytest.mark.parametrize(("text", "mention", "norm"), PLACES)
def test_the_place_itself_is_still_found(extract: Any, text: str, mention: str, norm: str) -> None:
    got = {e.norm for e in extract(text, "2020-01-01") if e.type == "region" and e.text == mention}
    assert norm in got
