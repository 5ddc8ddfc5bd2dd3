"""Table-driven tests for every entity type (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from newsclean.article import Entity


def _find(ents: list[Entity], etype: str, text: str) -> Entity:
    hits = [e for e in ents if e.type == etype and e.text == text]
    assert hits, f"no {etype} {text!r} in {[(e.type, e.text) for e in ents]}"
    return hits[0]


MINISTRIES = [
    # (text, date, mention, norm)
    ("중소벤처기업부는 10일 회의를 열었다.", None, "중소벤처기업부", "중소벤처기업부"),
    ("중기부는 지원 사업을 늘린다.", "2024-05-01", "중기부", "중소벤처기업부"),
    ("산업부는 수출 실적을 발표했다.", "2024-03-10", "산업부", "산업통상자원부"),
    ("산업부는 수출 실적을 발표했다.", "2026-03-10", "산업부", "산업통상부"),
    ("기재부는 세수 전망을 내놨다.", "2025-12-31", "기재부", "기획재정부"),
    ("기재부는 세수 전망을 내놨다.", "2026-01-02", "기재부", "재정경제부"),
    ("복지부는 지침을 바꿨다.", "2009-06-01", "복지부", "보건복지가족부"),
    ("복지부는 지침을 바꿨다.", "2013-01-03", "복지부", "보건복지부"),
    ("방통위는 과징금을 매겼다.", "2016-09-18", "방통위", "방송통신위원회"),
    ("방통위는 과징금을 매겼다.", "2026-02-01", "방통위", "방송미디어통신위원회"),
    ("원안위는 점검 결과를 공개했다.", None, "원안위", "원자력안전위원회"),
    ("공수처는 수사에 착수했다.", None, "공수처", "고위공직자범죄수사처"),
    ("통계청은 고용 동향을 냈다.", "2016-01-01", "통계청", "통계청"),
    ("노동부는 점검에 나섰다.", "2020-01-01", "노동부", "고용노동부"),
    ("기후부는 새 기준을 내놨다.", "2025-11-01", "기후부", "기후에너지환경부"),
    # regional offices: the parent body, or their own name when they are a body of their own
    ("대구지방중기청은 설명회를 열었다.", None, "대구지방중기청", "중소벤처기업부"),
    ("서울지방국세청은 조사를 시작했다.", None, "서울지방국세청", "국세청"),
    ("부산지방노동위원회는 판정을 내렸다.", None, "부산지방노동위원회", "부산지방노동위원회"),
]


@pytest.mark.parametrize(("text", "date", "mention", "norm"), MINISTRIES)
def test_ministry(extract: Any, text: str, date: str | None, mention: str, norm: str) -> None:
    e = _find(extract(text, date), "ministry", mention)
    assert e.norm == norm


REGIONS = [
    # (text, date, mention, norm, code, level)
    ("서울시는 대책을 내놨다.", None, "서울시", "서울특별시", "11", "sido"),
    ("세종테크노파크는 기업을 모집한다.", None, "세종", "세종특별자치시", "36", "sido"),
    ("대구테크노파크와 함께한다.", None, "대구", "대구광역시", "27", "sido"),
    ("경기혁신센터가 문을 열었다.", None, "경기", "경기도", "41", "sido"),
    ("강원도 산불이 번졌다.", "2016-04-01", "강원도", "강원도", "42", "sido"),
    ("강원도 산불이 번졌다.", "2024-04-01", "강원도", "강원특별자치도", "51", "sido"),
    ("전북 지역 농가가 피해를 봤다.", "2020-01-01", "전북", "전라북도", "45", "sido"),
    ("광주에서 집회가 열렸다.", None, "광주", "광주광역시", "29", "sido"),
    ("경기 광주시에서 축제가 열렸다.", None, "광주시", "경기도 광주시", "41610", "sigungu"),
    ("경남 고성군은 어민을 돕는다.", None, "고성군", "경상남도 고성군", "48820", "sigungu"),
    ("강원 고성군은 관광객을 맞았다.", None, "고성군", "강원특별자치도 고성군", "51820", "sigungu"),
    ("서울 중구에 새 청사가 들어선다.", None, "중구", "서울특별시 중구", "11140", "sigungu"),
    ("포항시는 철강 산업을 키운다.", None, "포항시", "경상북도 포항시", "47110", "sigungu"),
]


@pytest.mark.parametrize(("text", "date", "mention", "norm", "code", "level"), REGIONS)
def test_region(
    extract: Any, text: str, date: str | None, mention: str, norm: str, code: str, level: str
) -> None:
    ents = [e for e in extract(text, date) if e.type == "region" and e.text == mention and e.level == level]
    assert ents, extract(text, date)
    assert (ents[0].norm, ents[0].code) == (norm, code)


def test_sigungu_also_names_its_sido(extract: Any) -> None:
    norms = {e.norm for e in extract("포항시는 철강 산업을 키운다.") if e.type == "region"}
    assert "경상북도" in norms


@pytest.mark.parametrize(
    "text",
    [
        "경기가 좋아지면 소비가 늘어난다.",
        "세종대왕의 업적을 기렸다.",
        "부산물을 재활용한다.",
        "오늘 경기는 비로 취소됐다.",
    ],
)
def test_ambiguous_region_words_are_not_regions(extract: Any, text: str) -> None:
    assert [e for e in extract(text) if e.type == "region"] == []


def test_shared_sigungu_without_context_is_left_out(extract: Any) -> None:
    assert [
        e for e in extract("고성군 주민들이 모였다.") if e.type == "region" and e.level == "sigungu"
    ] == []


COUNTS = [
    # (text, mention, value, unit, noun-substring or None)
    ("전국 13개 지방중소벤처기업청과 회의했다.", "13개", 13, "개", "지방중소벤처기업청"),
    ("지역 내 11개 혁신기관과 협력한다.", "11개", 11, "개", "혁신기관"),
    ("2026년까지 50개사를 키운다.", "50개사", 50, "개사", None),
    ("관중 1만2000명이 모였다.", "1만2000명", 12000, "명", "관중"),
    ("시민 4만 명이 걸었다.", "4만 명", 40000, "명", "시민"),
    ("인파 4만4천 명이 몰렸다.", "4만4천 명", 44000, "명", "인파"),
    ("후보지 세 곳을 골랐다.", "세 곳", 3, "곳", "후보지"),
    ("버스 7383대가 멈췄다.", "7383대", 7383, "대", "버스"),
    ("10여만명의 인파가 몰렸다.", "10여만명", 100000, "명", "인파"),
    ("그는 두 차례의 실패 끝에 성공했다.", "두 차례", 2, "차례", "실패"),
    ("추천위원 일곱 분이 모였다.", "일곱 분", 7, "분", None),
]


@pytest.mark.parametrize(("text", "mention", "value", "unit", "noun"), COUNTS)
def test_count(extract: Any, text: str, mention: str, value: int, unit: str, noun: str | None) -> None:
    e = _find(extract(text), "count", mention)
    assert (e.value, e.unit) == (value, unit)
    if noun:
        assert e.noun and noun in e.noun


MONEY = [
    ("예산 3조5000억원을 편성했다.", "3조5000억원", 3500000000000, "KRW"),
    ("투자금 25억달러를 모았다.", "25억달러", 2500000000, "USD"),
    ("입장료는 1만5000원이다.", "1만5000원", 15000, "KRW"),
    ("가격은 $300 수준이다.", "$300", 300, "USD"),
]


@pytest.mark.parametrize(("text", "mention", "value", "currency"), MONEY)
def test_money(extract: Any, text: str, mention: str, value: int, currency: str) -> None:
    e = _find(extract(text), "money", mention)
    assert (e.value, e.currency) == (value, currency)


@pytest.mark.parametrize(
    ("text", "mention", "value", "unit"),
    [("지지율은 12.5%였다.", "12.5%", 12.5, "%"), ("금리가 0.25%포인트 올랐다.", "0.25%포인트", 0.25, "%p")],
)
def test_percent(extract: Any, text: str, mention: str, value: float, unit: str) -> None:
    e = _find(extract(text), "percent", mention)
    assert (e.value, e.unit) == (value, unit)


DATES = [
    # (text, article date, mention, value)
    ("지난 8일 발표했다.", "2024-05-10", "지난 8일", "2024-05-08"),
    ("지난 28일 발표했다.", "2024-05-10", "지난 28일", "2024-04-28"),
    ("오는 3일 개막한다.", "2024-05-10", "오는 3일", "2024-06-03"),
    ("지난해 9월 시작됐다.", "2024-05-10", "지난해 9월", "2023-09"),
    ("이날 회의가 열렸다.", "2024-05-10T09:00:00+09:00", "이날", "2024-05-10"),
    ("전날 비가 왔다.", "2024-05-10", "전날", "2024-05-09"),
    ("2023년 3월 8일 문을 열었다.", None, "2023년 3월 8일", "2023-03-08"),
    ("2023.3.8 개정됐다.", None, "2023.3.8", "2023-03-08"),
    ("3년간 준비했다.", None, "3년간", "P3Y"),
    ("올해 목표를 세웠다.", "2025-01-05", "올해", "2025"),
]


@pytest.mark.parametrize(("text", "date", "mention", "value"), DATES)
def test_date(extract: Any, text: str, date: str | None, mention: str, value: str) -> None:
    e = _find(extract(text, date), "date", mention)
    assert e.value == value


PERSONS = [
    # (text, name, role)
    ("이영 장관 주재로 회의가 열렸다.", "이영", "장관"),
    ("홍길동 중기부 장관은 이렇게 말했다.", "홍길동", "장관"),
    ("김철수 무소속 의원이 찬성했다.", "김철수", "의원"),
    ("박영희 전 대구시장이 출마했다.", "박영희", "대구시장"),
    ("최민수 한국대 경제학과 교수는 말했다.", "최민수", "교수"),
    ("정다은(변호사)이 참석했다.", "정다은", "변호사"),
    ("국악인 김수정이 무대에 올랐다.", "김수정", "국악인"),
    ("위원회(위원장 오정훈)가 열렸다.", "오정훈", "위원장"),
    ("이서준 민주당 대선 후보는 유세를 했다.", "이서준", "대선 후보"),
    ("도널드 트럼프 미국 대통령이 발표했다.", "도널드 트럼프", "대통령"),
    ("서지훈씨가 증언했다.", "서지훈", None),
]


@pytest.mark.parametrize(("text", "name", "role"), PERSONS)
def test_person(extract: Any, text: str, name: str, role: str | None) -> None:
    e = _find(extract(text), "person", name)
    assert e.norm == name
    if role:
        assert e.role and role in e.role


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("대구테크노파크와 협약했다.", "대구테크노파크"),
        ("경기혁신센터가 문을 열었다.", "경기혁신센터"),
        ("한빛대학교에서 강연했다.", "한빛대학교"),
    ],
)
def test_organization(extract: Any, text: str, mention: str) -> None:
    _find(extract(text), "organization", mention)


def test_seed_example(extract: Any) -> None:
    text = (
        "중소벤처기업부는 전국 13개 지방중소벤처기업청과 11개 혁신기관이 함께하는 회의를 열었다.\n\n"
        "이영 장관은 세종테크노파크, 대구테크노파크, 경기혁신센터를 차례로 찾았다. 중기부는 50개사를 키운다."
    )
    ents = extract(text)
    assert {e.norm for e in ents if e.type == "ministry"} >= {"중소벤처기업부"}
    assert {e.norm for e in ents if e.type == "region"} >= {"세종특별자치시", "대구광역시", "경기도"}
    counts = {(e.value, e.unit) for e in ents if e.type == "count"}
    assert {(13, "개"), (11, "개"), (50, "개사")} <= counts
    assert any(e.type == "person" and e.norm == "이영" and e.role == "장관" for e in ents)


def test_sorted_and_summary(extract: Any) -> None:
    from newsclean.entities import summarize_entities

    ents = extract("중기부는 서울시와 협약했다. 중소벤처기업부는 부산시와도 협약했다.")
    assert [e.start for e in ents] == sorted(e.start for e in ents)
    summary = summarize_entities(ents)
    assert summary["ministries"] == {"중소벤처기업부": 2}
    assert summary["regions"] == {"서울특별시": 1, "부산광역시": 1}


def test_package_exposes_extract_entities() -> None:
    import newsclean

    assert newsclean.extract_entities("서울시는 밝혔다.")[0].norm == "서울특별시"
