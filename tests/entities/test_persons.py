"""Person rules, table-driven (sentences written for these tests, not taken from any corpus)."""

from __future__ import annotations

from typing import Any

import pytest

from newsclean.article import Entity


def _persons(ents: list[Entity]) -> dict[str, str | None]:
    return {e.text: e.role for e in ents if e.type == "person"}


FOUND = [
    # (text, name, role or None when any role is fine)
    # a title after the name, over organisation words, also when Kiwi cuts the name up
    ("박재욱 무소속 의원이 찬성했다.", "박재욱", "의원"),
    ("정한솔 전 새나라당 대표와 당원들이 만났다.", "정한솔", "대표"),
    ("강태민 한빛대 경영학과 교수는 말했다.", "강태민", "교수"),
    ("오세린 푸른나무연구소 연구위원은 말했다.", "오세린", "연구위원"),
    # the first of two names keeps its own title
    ("윤태호 전 대구시장·정민수 전 의원을 만났다.", "윤태호", "대구시장"),
    ("윤태호 전 대구시장·정민수 전 의원을 만났다.", "정민수", "의원"),
    # names in brackets inside a word, names before 씨 with a space, given names ending like places
    ("친박(박도현)계와 친윤계가 맞섰다.", "박도현", None),
    ("정우성 씨가 시상식에 나왔다.", "정우성", None),
    ("그는 결승에서 박지원을 꺾었다.", "박지원", None),
    # a surname alone before a title
    ("최 경장이 아이를 구했다.", "최", "경장"),
    # foreign names: two words (the third is an organisation when a title follows it), three
    # when a bracket or a country follows, initials, a generation suffix, ROLE인 NAME
    ("존 스미스 아메리칸 테크놀로지 CEO는 말했다.", "존 스미스", "CEO"),
    ("마르코 안토니오 실바(브라질) 조사국장이 말했다.", "마르코 안토니오 실바", "조사국장"),
    ("J R 스미스 부통령은 연설했다.", "J R 스미스", "부통령"),
    ("테크놀로지의 회장인 토마스 뮐러는 웃었다.", "토마스 뮐러", "회장"),
]


@pytest.mark.parametrize(("text", "name", "role"), FOUND)
def test_person_found(extract: Any, text: str, name: str, role: str | None) -> None:
    got = _persons(extract(text))
    assert name in got, got
    if role is not None:
        assert got[name] is not None and role in got[name], got


NOT_PERSONS = [
    # (text, word that is not a person)
    ("전 위원장은 사퇴했다.", "전"),  # 전 = former
    ("지난해 FIFA 회장 선거에서 이겼다.", "지난해"),
    ("김 선수 소속팀 선수들이 모였다.", "소속팀"),
    ("시카고 불스와 경기를 치렀다.", "시카고 불스"),
    ("캘리포니아 로스앤젤레스에 있는 대학이다.", "캘리포니아 로스앤젤레스"),
    ("한 후보 지지 의사를 밝혔다.", "한"),
]


@pytest.mark.parametrize(("text", "word"), NOT_PERSONS)
def test_not_a_person(extract: Any, text: str, word: str) -> None:
    assert word not in _persons(extract(text))


def test_gap_words_are_not_names_of_their_own(extract: Any) -> None:
    got = _persons(extract("존 스미스 아메리칸 테크놀로지 CEO는 말했다."))
    assert not any("테크놀로지" in name for name in got), got


def test_title_chain_stops_at_a_second_noun_phrase(extract: Any) -> None:
    got = _persons(extract("이서진 후보 지지 의사를 밝혔다."))
    assert got.get("이서진") == "후보", got


def test_confirmed_names_are_found_again(extract: Any) -> None:
    text = "로베르토 마르티니 감독은 회견을 열었다. 마르티니는 웃으며 답했다."
    ents = [e for e in extract(text) if e.type == "person"]
    spans = {(e.start, e.text) for e in ents}
    second = text.index("마르티니는")
    assert (second, "마르티니") in spans, spans
    assert all(text[e.start : e.end] == e.text for e in ents)


def test_a_title_before_joined_names_is_shared(extract: Any) -> None:
    got = _persons(extract("할리우드 배우 부부인 에밀리 블런트와 존 크래신스키가 내한했다."))
    assert got.get("에밀리 블런트") == "배우", got
    assert got.get("존 크래신스키") == "배우", got
