"""Organisations with their kind, table-driven (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

ORGS = [
    # (text, mention, kind)
    # companies, by lexicon and by suffix, also glued to a known name
    ("키옥시아는 새 공장을 짓겠다고 밝혔다.", "키옥시아", "company"),
    ("베인캐피털이 지분 일부를 사들였다.", "베인캐피털", "company"),
    ("도시바가 메모리 사업을 떼어냈다.", "도시바", "company"),
    ("한빛전자는 신제품을 내놓았다.", "한빛전자", "company"),
    ("SK그룹은 투자를 늘린다.", "SK그룹", "company"),
    # parties, unions, universities
    ("새정치민주연합 소속 의원들이 모였다.", "새정치민주연합", "party"),
    ("미래나라당은 논평을 냈다.", "미래나라당", "party"),
    ("전국금속노동조합은 파업을 예고했다.", "전국금속노동조합", "union"),
    ("한빛대학교 총학생회가 성명을 냈다.", "한빛대학교", "university"),
    # media: a proper noun ending like a newspaper, a news agency
    ("4일 한빛투데이는 단독으로 보도했다.", "한빛투데이", "media"),
    ("AFP 통신은 현지 소식을 전했다.", "AFP 통신", "media"),
    # foreign and international bodies, a country's government
    ("아리랑은 유네스코 대표목록에 올라 있다.", "유네스코", "international"),
    ("일본 정부는 유감을 표명했다.", "일본 정부", "government"),
    ("전경련은 규제 완화를 요구했다.", "전경련", "business_group"),
]


@pytest.mark.parametrize(("text", "mention", "kind"), ORGS)
def test_organization_and_kind(extract: Any, text: str, mention: str, kind: str) -> None:
    got = {e.text: e.kind for e in extract(text) if e.type == "organization"}
    assert mention in got, got
    assert got[mention] == kind, got


NOT_ORGS = [
    # platforms are where things are posted, not bodies that act
    ("그는 유튜브에 영상을 올렸다.", "유튜브"),
    # a plain noun before an organisation suffix word is no name (관련 협회)
    ("관련 협회 관계자는 말했다.", "관련 협회"),
]


@pytest.mark.parametrize(("text", "word"), NOT_ORGS)
def test_not_an_organization(extract: Any, text: str, word: str) -> None:
    assert word not in {e.text for e in extract(text) if e.type == "organization"}


def test_kind_is_in_the_record(extract: Any) -> None:
    ents = [e.to_dict() for e in extract("전국금속노동조합은 파업을 예고했다.") if e.type == "organization"]
    assert ents and ents[0]["kind"] == "union", ents
