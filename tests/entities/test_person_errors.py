"""Issue 13's person and role error classes, table-driven (sentences written for these tests
around the example words the issue names; no corpus text)."""

from __future__ import annotations

from typing import Any

import pytest

from newsclean.article import Entity


def _persons(ents: list[Entity]) -> list[Entity]:
    return [e for e in ents if e.type == "person"]


def _names(ents: list[Entity]) -> set[str]:
    return {e.text for e in _persons(ents)}


NOT_PEOPLE = [
    # common nouns and products
    ("비트코인은 하루 만에 10% 넘게 올랐다.", "비트코인"),
    ("야당은 선호투표제를 경선에 도입하기로 했다.", "선호투표제"),
    ("그는 최소한 한 달은 걸린다고 내다봤다.", "최소한"),
    ("두 전직 대통령이 같은 날 성명을 냈다.", "두"),
    ("그는 스테이블코인 규제를 서둘러야 한다고 말했다.", "스테이블코인"),
    # organisations
    ("키옥시아는 새 공장을 짓겠다고 밝혔다.", "키옥시아"),
    ("베인캐피털이 지분 일부를 사들였다.", "베인캐피털"),
    ("도시바가 메모리 사업을 떼어냈다.", "도시바"),
    ("그는 아메리칸 비트코인 공동창업자로 이름을 올렸다.", "아메리칸 비트코인"),
    ("아리랑은 유네스코 대표목록에 올라 있다.", "유네스코"),
    # places
    ("경상도와 전라도 청년들이 한자리에 모였다.", "경상도"),
    ("경상도와 전라도 청년들이 한자리에 모였다.", "전라도"),
    ("주말 여의도에서 대규모 집회가 열렸다.", "여의도"),
    ("새해 첫날 호미곶에는 해돋이 인파가 몰렸다.", "호미곶"),
    ("한민족의 명절을 맞아 고향을 찾았다.", "한민족"),
    # things and bodies shaped like names or standing before a title
    ("제21대 대한민국 대통령 선거가 끝났다.", "대한민국"),
    ("그는 통합민주당 후보로 출마했다.", "통합민주당"),
    ("송암배 아마추어선수권대회에서 우승했다.", "송암"),
    # a body or a school before a title, a work's title in quotes
    ("김하준 전북대 교수와 함께 한빛대 강사가 참여했다.", "전북대"),
    ("방송 ‘별빛 라디오스타’에 출연했다.", "별빛 라디오스타"),
    # a byline credit inside the body is the page's reporter, not a person of the story
    ("[한빛일보 조서연 기자] 여야가 예산안에 합의했다.", "조서연"),
]


@pytest.mark.parametrize(("text", "word"), NOT_PEOPLE)
def test_not_a_person(extract: Any, text: str, word: str) -> None:
    assert word not in _names(extract(text))


def test_a_quoted_slogan_is_not_a_person(extract: Any) -> None:
    assert "어대명" not in _names(extract("당내에서는 ‘어대명’이라는 말이 돌았다."))


LONE = [
    # (text, the lone surname mention, the full name it stands for or None)
    ("최민호 회장은 투자를 약속했다. 최 회장은 이어 공장을 둘러봤다.", "최", "최민호"),
    ("박정란 의원이 질의했다. 박 의원은 장관의 답을 반박했다.", "박", "박정란"),
    ("신동수 회장은 퇴임했다. 신 회장은 고문으로 남는다.", "신", "신동수"),
    ("김 대표가 입을 열었다.", "김", None),
    ("A씨는 경찰에 붙잡혔다.", "A", None),
    ("김모(45)씨가 현장에서 체포됐다.", "김", None),
]


@pytest.mark.parametrize(("text", "mention", "norm"), LONE)
def test_a_lone_surname_is_identified_only_through_a_full_name(
    extract: Any, text: str, mention: str, norm: str | None
) -> None:
    lone = [e for e in _persons(extract(text)) if e.text == mention]
    assert lone, _persons(extract(text))
    assert {e.norm for e in lone} == {norm}


def test_lone_surnames_name_no_one_in_the_summary(extract: Any) -> None:
    from newsclean.entities import summarize_entities

    persons = summarize_entities(extract("김 대표가 입을 열었다. A씨는 경찰에 붙잡혔다."))["persons"]
    assert persons == {}, persons


def test_particles_are_never_part_of_a_name(extract: Any) -> None:
    text = "최영희씨가 재단을 좌우했다는 의혹이 나왔다. 최씨가 만든 회사와 최씨의 딸도 조사를 받는다."
    found = _persons(extract(text))
    assert all(not e.text.endswith(("가", "의", "씨")) for e in found), found
    assert {e.norm for e in found} == {"최영희"}, found


FULL_NAMES = [
    # foreign names are never cut
    ("도널드 트럼프 주니어는 연설에서 감세를 약속했다.", "도널드 트럼프 주니어", None),
    ("우선 트럼프 주니어는 가상자산 사업을 소개했다.", "트럼프 주니어", None),
    ("피터 나바로 국장은 관세를 옹호했다.", "피터 나바로", "국장"),
    ("조지 W 부시 대통령은 회고록을 냈다.", "조지 W 부시", "대통령"),
    ("냉전이 끝나던 해 부시 대통령이 연설했다.", "부시", "대통령"),
    ("이날 국악인 박애리가 무대에 올랐다.", "박애리", "국악인"),
    ("케리 장관은 회담을 마쳤다.", "케리", "장관"),
    ("할리우드 스타 리어나도 디캐프리오의 새 영화가 개봉했다.", "리어나도 디캐프리오", None),
    # a title glued to its body is the role as written
    ("고윤화 기상청장은 태풍 경로를 설명했다.", "고윤화", "기상청장"),
    ("김태욱 해병대사령관은 훈련을 참관했다.", "김태욱", "해병대사령관"),
    ("박현수 경북문화재돌봄사업단장은 보수 계획을 밝혔다.", "박현수", "경북문화재돌봄사업단장"),
    ("조영민 서울중앙지검장의 징계가 논의됐다.", "조영민", "서울중앙지검장"),
]


@pytest.mark.parametrize(("text", "name", "role"), FULL_NAMES)
def test_full_names_and_roles(extract: Any, text: str, name: str, role: str | None) -> None:
    got = {e.text: e.role for e in _persons(extract(text))}
    assert name in got, got
    assert got[name] == role, got
    assert not any(n != name and n in name for n in got), got  # no cut piece of the name on its own


def test_a_known_public_figure_needs_no_title(extract: Any) -> None:
    got = {e.text for e in _persons(extract("이날 회견에서 시진핑은 협력을 강조했다."))}
    assert "시진핑" in got, got
    assert "마이닝" not in {e.text for e in _persons(extract("합병 후 마이닝은 상장됐다."))}


def test_the_word_before_a_title_that_a_name_follows_is_an_organisation(extract: Any) -> None:
    got = {e.text: e.role for e in _persons(extract("트위터 CEO인 잭 로건은 사임했다."))}
    assert "트위터" not in got, got
    assert got.get("잭 로건") == "CEO", got


def test_a_title_that_starts_a_longer_noun_is_no_title(extract: Any) -> None:
    got = {e.text: e.role for e in _persons(extract("정하늘은 대표팀 훈련에 합류했다."))}
    assert got.get("정하늘") is None, got
