"""The full-page locator's heuristics, one at a time, on small synthetic line lists."""

from __future__ import annotations

import pytest

from newsclean.blocks import Block
from newsclean.locate_text import best_run, find_title_before, is_tidy, line_scores, locate
from newsclean.split_text import portal_of
from newsclean.textlines import (
    date_of,
    ends_strong,
    hangul_share,
    is_closing_copyright,
    is_date_line,
    is_prose,
    is_short,
    is_title_like,
)

BODY = [
    "구청은 올해 하천 산책로 여섯 곳에 가로등 3백 개를 새로 세운다고 밝혔다.",
    "공사는 다음 달 시작해 여름이 오기 전에 마무리할 계획이다. 사업비는 12억원이다.",
    '구청 관계자는 "밤에도 안심하고 걸을 수 있는 길을 만들겠다"고 말했다.',
]
MENU = ["홈", "뉴스", "정치", "경제", "사회", "문화", "로그인"]


def blocks(lines: list[str]) -> list[Block]:
    return [Block(t, path=f"line:{i + 1}") for i, t in enumerate(lines)]


@pytest.mark.parametrize(
    ("text", "strong"),
    [
        ("말했다.", True),
        ("그렇습니까?", True),
        ('"가겠다."', True),
        ("어떤가요.」", True),
        ("주민 참여 꽃길 가꾸기 행사 열어", False),
        ("출장소 만든다", False),  # a headline ends in 다 without the full stop
    ],
)
def test_sentence_ends_need_punctuation(text: str, strong: bool) -> None:
    assert ends_strong(text) is strong


def test_prose_short_and_menu_lines() -> None:
    assert is_prose(BODY[0])
    assert not is_prose("닫기")
    assert is_short("관련기사") and is_short("주민 참여 꽃길 가꾸기 행사 열어")
    assert not is_short(BODY[1])


def test_hangul_share_tells_korean_from_other_scripts() -> None:
    assert hangul_share(BODY[0]) > 0.9
    assert hangul_share("The copyright belongs to the original writer of the content.") == 0.0


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        ("입력 2016-09-18 03:00:00 수정 2016-09-18 10:44:23", "2016-09-18T03:00:00+09:00", "2016-09-18T10:44:23+09:00"),
        ("2017.04.20. 오후 3:53", "2017-04-20T15:53:00+09:00", None),
        (
            "입력 2010. 01. 01. 09:21 수정 2010. 01. 01. 09:40 댓글 0개",
            "2010-01-01T09:21:00+09:00",
            "2010-01-01T09:40:00+09:00",
        ),
        ("김이영 2026. 3. 21. 21:43", "2026-03-21T21:43:00+09:00", None),
        ("기사입력 2020.01.05 오전 10:11", "2020-01-05T10:11:00+09:00", None),
        ("수정 2021-02-03 11:00 입력 2021-02-03 09:30", "2021-02-03T09:30:00+09:00", "2021-02-03T11:00:00+09:00"),
    ],
)
def test_date_lines_give_published_and_modified(line: str, published: str, modified: str | None) -> None:
    assert is_date_line(line)
    assert date_of(line) == (published, modified)


@pytest.mark.parametrize(
    "line",
    [
        "2016년 9월 18일 열린 대회에서 선수들은 예년보다 많은 관중 앞에서 경기를 치렀다.",  # a sentence with a date
        "오후 9시~오후 10시까지 집계한 결과입니다.",
        "02.18(금)",
    ],
)
def test_sentences_and_yearless_dates_are_not_date_lines(line: str) -> None:
    assert not is_date_line(line)


def test_title_like_lines() -> None:
    assert is_title_like("[대전소식] 시립도서관, 야간 독서교실 문 연다")
    assert not is_title_like("닫기")
    assert not is_title_like(BODY[0])  # ends with a full stop
    assert not is_title_like("글씨크기 조절하기")  # a chrome phrase


def test_title_is_found_before_the_date_line_across_bylines() -> None:
    lines = [
        *MENU,
        "하천 산책로에 가로등 3백 개",
        "박하늘 기자",
        "sky@example.kr",
        "TOP",
        "입력 2024-03-02 09:00",
        *BODY,
    ]
    b = blocks(lines)
    assert find_title_before(b, lines.index("입력 2024-03-02 09:00")) == lines.index("하천 산책로에 가로등 3백 개")


def test_no_title_when_a_sentence_stands_before_the_date() -> None:
    lines = ["관련 소식", BODY[0], "2024-03-02 09:00", *BODY[1:]]
    assert find_title_before(blocks(lines), 2) is None


def test_best_run_spans_single_subheadings_but_not_menu_runs() -> None:
    lines = [*MENU, BODY[0], "빈 점포가 가게로", BODY[1], BODY[2], *MENU, "한 줄짜리 다른 글의 문장입니다."]
    scores = line_scores(blocks(lines), foreign_filter=True)
    s, e, total = best_run(scores)
    assert (s, e) == (len(MENU), len(MENU) + 3)
    assert total > 0


def test_foreign_script_lines_do_not_join_the_story() -> None:
    foreign = [
        "The copyright belongs to the original writer of the content, and there may be errors in translation.",
        "Hak cipta milik penulis asli dari konten, dan mungkin ditemukan kesalahan dalam hasil terjemahan.",
    ]
    lines = [*MENU, *foreign, *BODY, *MENU]
    loc = locate(blocks(lines))
    assert loc is not None
    assert loc.core == (len(MENU) + 2, len(MENU) + 4)


def test_locate_uses_the_date_anchor_for_the_title() -> None:
    lines = [*MENU, "가로등 3백 개 새로 세운다", "2024.03.02. 오전 9:00", "스크랩", "보내기", *BODY, *MENU]
    loc = locate(blocks(lines))
    assert loc is not None
    assert loc.title == len(MENU)
    assert loc.core == (len(MENU) + 4, len(MENU) + 6)


def test_tidy_dump_has_its_headline_first_and_no_menu() -> None:
    assert is_tidy(blocks(["가로등 3백 개 새로 세운다", *BODY]))
    assert is_tidy(blocks(["가로등 3백 개 새로 세운다", "입력 2024-03-02 09:00", *BODY]))
    assert not is_tidy(blocks(["메인 메뉴로 바로가기", *MENU, "가로등 3백 개 새로 세운다", *BODY]))
    assert not is_tidy(blocks([BODY[0], *BODY]))


def test_closing_copyright_is_a_reuse_notice_not_a_photo_credit() -> None:
    assert is_closing_copyright("Copyright ⓒ 가상뉴스. All rights reserved. 무단 전재 및 재배포 금지.")
    assert is_closing_copyright("저작권자(c)연합뉴스. 무단전재-재배포금지")
    assert not is_closing_copyright("ⓒ 뉴스1")


def test_portal_markers() -> None:
    assert portal_of(blocks(["NAVER Corp.", "All Rights Reserved."])) == "naver"
    assert portal_of(blocks(["Copyright © Kakao Corp. All rights reserved."])) == "daum"
    assert portal_of(blocks(BODY)) is None


def test_button_rows_are_not_headlines() -> None:
    assert not is_title_like("페이스북 공유하기 트위터 공유하기")
    assert not is_title_like("인쇄 글자 작게 글자 크게")


def test_the_repeated_line_wins_over_closer_buttons() -> None:
    title = "항구 도시 골목 시장, 청년 상인이 다시 불 밝힌다"
    lines = [
        f"{title} - 가상일보",
        *MENU,
        title,
        "김하늘 기자",
        "글꼴 선택 맑은고딕",
        "100자평 39",
        "입력 : 2016.09.17 18:59",
        *BODY,
    ]
    assert find_title_before(blocks(lines), lines.index("입력 : 2016.09.17 18:59")) == lines.index(title)


def test_a_header_below_teasers_restarts_the_story() -> None:
    teaser = (
        "지난주 가장 많이 읽힌 기사를 다시 소개하는 코너입니다. "
        "매주 월요일 아침에 새 글이 올라옵니다. 많은 관심 부탁드립니다."
    )
    lines = [
        *MENU,
        teaser,
        "좋아요",
        teaser + " 두 번째",
        "좋아요",
        "가로등 3백 개 새로 세운다",
        "입력2024-03-02 09:00",
        *BODY,
        *MENU,
    ]
    loc = locate(blocks(lines))
    assert loc is not None
    assert loc.title == lines.index("가로등 3백 개 새로 세운다")
    assert loc.core == (lines.index(BODY[0]), lines.index(BODY[2]))
