"""Counts a database can trust: a numeral + a count counter, and nothing that only looks like one.

Every error class of the count audit has a table here (ordinals, ages, measures and multipliers,
a numeral inside an ordinary word, the counted noun), with the issue's examples in sentences of
our own.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsclean.entities.quantities import counters

ORDINALS = [
    # (text, the mention that must not be a count)
    ("그는 제21대 국회의원 선거에 나섰다.", "21대"),
    ("위원회는 제54회 정기총회를 열었다.", "54회"),
    ("북한이 5차 핵실험을 강행했다는 분석이 나왔다.", "5차"),
    ("법원은 2차 가처분 신청을 기각했다.", "2차"),
    ("우리 팀은 리그 1위를 지켰다.", "1위"),
    ("공연 뒤 2호선 열차를 더 넣었다.", "2호선"),
    ("그 기사는 어제 A1면에 실렸다.", "1면"),
    ("18대 총선에서 그는 낙선했다.", "18대"),
    ("4대 중증질환 보장을 늘린다.", "4대"),
    ("6세대 HBM 양산을 시작했다.", "6세대"),
    ("그는 최종 2라운드에서 선두로 올라섰다.", "2라운드"),
    ("올해 두 번째 우승이다.", "두 번째"),
    ("삼남매 중 다섯째로 태어난 그는", "다섯째"),
    ("그는 9급 공무원으로 시작했다.", "9급"),
    ("3번 출구 앞에서 만났다.", "3번"),
    ("팀은 9회초 두 점을 뽑았다.", "9회"),
    ("그는 54회 전국소년체전에서 우승했다.", "54회"),
    ("그는 1회 졸업생으로 모교에 돌아왔다.", "1회"),
    ("그는 16기 공채 개그맨 출신이다.", "16기"),
]

AGES = [
    ("회견에는 30대 직장인 박아무개씨가 나왔다.", "30대"),
    ("20대가 가장 많이 응답했다.", "20대"),
    ("만 65세 이상 노인에게 지급한다.", "65세"),
    ("그는 15세 이하 부문에서 우승했다.", "15세"),
    ("그는 스무 살에 첫 책을 냈다.", "스무 살"),
    ("사업은 20대∼50대 고객을 겨냥한다.", "20대"),
]

MEASURES = [
    ("낮 기온이 35도까지 올랐다.", "35도"),
    ("과징금을 이익의 10배로 올린다.", "10배"),
    ("학교 주변 200m 안에서는 금지된다.", "200m"),
    ("그는 이날 69타를 쳤다.", "69타"),
    ("1인 가구가 크게 늘었다.", "1인"),
    ("시청에서 광장까지 1km 구간을 막았다.", "1km"),
]

INSIDE_WORDS = [
    # a native numeral read inside an ordinary word, a number glued to a word
    ("이 세제는 세척 기능이 뛰어나다.", "세척"),
    ("청년 세대는 집값에 민감하다.", "세대"),
    ("구역을 세분화해 관리한다.", "세분"),
    ("민사합의51부는 신청을 받아들였다.", "51부"),
    ("환자는 4인실로 옮겼다.", "4인"),
    ("3인조 강도가 붙잡혔다.", "3인"),
    ("둘 가지고는 부족하다.", "둘 가지"),
    ("한 나라의 문화를 지켜야 한다.", "한 나라"),
    ("그는 한 번도 지각하지 않았다.", "한 번"),
    ("영상은 211만8525 조회 수를 넘었다.", "8525 조회"),
    ("우리 팀이 2 대 1로 이겼다.", "2 대"),
    ("그 배우는 중2병 연기로 유명하다.", "2병"),
]

COUNTS = [
    # (text, mention, value, unit, noun-substring or None)
    ("전국 13개 지방중소벤처기업청이 참여했다.", "13개", 13, "개", "지방중소벤처기업청"),
    ("회사는 세 곳의 공장을 새로 지었다.", "세 곳", 3, "곳", "공장"),
    ("노선을 늘려 오전 14회 더 다닌다.", "14회", 14, "회", None),
    ("버스 20대가 더 투입됐다.", "20대", 20, "대", "버스"),
    ("열차를 4대씩 추가했다.", "4대", 4, "대", "열차"),
    ("5000개 이상 기업이 참가했다.", "5000개", 5000, "개", "기업"),
    ("사모펀드 2~3곳이 관심을 보였다.", "3곳", 3, "곳", "사모펀드"),
    ("위원 5인 중 4인 이상이 찬성했다.", "5인", 5, "인", "위원"),
    ("그는 4선 의원이다.", "4선", 4, "선", None),
    ("그는 한 번 더 도전했다.", "한 번", 1, "번", None),
    ("그는 2남1녀를 두었다.", "2남", 2, "남", None),
    ("통신 3사가 요금을 내렸다.", "3사", 3, "사", "통신"),
    ("열차를 하루 32회 추가 운행한다.", "32회", 32, "회", None),
    ("원전 14기가 모여 있다.", "14기", 14, "기", "원전"),
    ("승용 30대와 상용 12대를 전시한다.", "30대", 30, "대", "승용"),
]


def _mentions(ents: list[Any], etype: str) -> dict[str, Any]:
    return {e.text: e for e in ents if e.type == etype}


def _no_count_over(ents: list[Any], text: str, mention: str) -> None:
    start = text.index(mention)
    end = start + len(mention)
    bad = [e for e in ents if e.type == "count" and e.start < end and start < e.end]
    assert bad == [], bad


QUANTITIES = (
    [(text, mention, ("ordinal",)) for text, mention in ORDINALS]
    + [(text, mention, ("age",)) for text, mention in AGES]
    + [(text, mention, ("measure", "multiplier")) for text, mention in MEASURES]
)


@pytest.mark.parametrize(("text", "mention", "kinds"), QUANTITIES)
def test_ordinals_ages_measures_are_quantities_not_counts(
    extract: Any, text: str, mention: str, kinds: tuple[str, ...]
) -> None:
    ents = extract(text)
    _no_count_over(ents, text, mention)
    q = _mentions(ents, "quantity")
    assert mention in q and q[mention].norm in kinds, ents


@pytest.mark.parametrize(("text", "mention"), INSIDE_WORDS)
def test_no_count_inside_a_word(extract: Any, text: str, mention: str) -> None:
    _no_count_over(extract(text), text, mention)


@pytest.mark.parametrize(("text", "mention", "value", "unit", "noun"), COUNTS)
def test_counts(extract: Any, text: str, mention: str, value: int, unit: str, noun: str | None) -> None:
    e = _mentions(extract(text), "count").get(mention)
    assert e is not None, extract(text)
    assert (e.value, e.unit) == (value, unit)
    if noun:
        assert e.noun and noun in e.noun, e.noun


def test_time_word_is_never_the_counted_noun(extract: Any) -> None:
    for text in ("오전 14회, 오후 10회 더 운행한다.", "연 10회 이내로 줄인다.", "첫날 3개를 땄다."):
        for e in extract(text):
            if e.type == "count":
                assert e.noun is None or e.noun.split()[0] not in counters().not_counted, (text, e)


def test_age_in_brackets_is_a_quantity(extract: Any) -> None:
    ents = extract("회사원 김모(33)씨가 다쳤다.")
    assert [e.type for e in ents if e.text == "33"] == ["quantity"]


def test_counter_table_kinds() -> None:
    c = counters()
    assert c.kind["개"] == "count" and c.kind["위"] == "ordinal" and c.kind["배"] == "multiplier"
    assert c.kind["도"] == "measure" and c.kind["세"] == "age"
    assert all(kind in ("count", "ordinal", "age") for kind in c.native_kind.values())
