"""Issue 12 dump shapes: a sidebar of teaser sentences outscoring a short story (Naver mobile),
a broadcaster page with no date or copyright to bound the story, and the page's UI speaking in
sentences (font-size previews) once the portal's phrase table is off."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import clean_text
from newsclean.article import Article
from newsclean.blocks import Block
from newsclean.locate_text import RepeatIndex
from newsclean.split_text import teaser_list_start
from newsclean.textlines import is_signoff, is_title_like, is_widget_line


def load(fixtures_dir: Path, name: str) -> str:
    return (fixtures_dir / "text" / name).read_text(encoding="utf-8")


def rules_of(art: Article, text: str) -> list[str]:
    return [r.rule for r in art.removed if r.text == text]


def test_story_under_the_header_wins_over_a_longer_teaser_sidebar(fixtures_dir: Path) -> None:
    art = clean_text(load(fixtures_dir, "naver_mobile_sidebar.txt"), entities=False)
    assert art.title == "남해안 굴 양식장, 바다 수온 올라 출하 두 달 늦춰"
    assert len(art.paragraphs) == 4
    assert art.paragraphs[0].startswith("경남 통영 앞바다의 굴 양식장들이")
    assert art.paragraphs[-1].startswith("수산과학원은 다음 달까지")
    assert not any("오징어" in p or "많이 본 뉴스" in p for p in art.paragraphs)
    assert art.published == "2024-04-11T14:15:00+09:00"
    assert [r.name for r in art.reporters] == ["윤바다"]


def test_a_sidebar_without_a_header_above_the_story_still_wins_when_the_story_is_tiny() -> None:
    # the header's run must hold a real share of the best run's score to take over
    lines = ["메뉴 하나", "짧은 제목 줄이 여기 있다", "2024-04-11 14:15", "짧다.", *["닫기"] * 8]
    lines += [f"옆 칸 소식 {i}번째 문장이 길게 이어지며 내용을 전한다고 밝혔다." for i in range(12)]
    art = clean_text("\n".join(lines), entities=False)
    assert any("옆 칸 소식 0번째" in p for p in art.paragraphs)


def test_broadcaster_story_ends_at_its_signoff_not_at_the_page_end(fixtures_dir: Path) -> None:
    art = clean_text(load(fixtures_dir, "broadcaster_no_anchor.txt"), entities=False)
    assert art.title == "산불 감시 드론 스무 대 투입…봄철 야간 감시 강화"
    assert art.paragraphs[0].startswith("건조한 날씨가 이어지면서")
    assert art.paragraphs[-1] == "MBC뉴스 김하늘입니다."
    assert not any("황사" in p or "졸음쉼터" in p for p in art.paragraphs)
    assert "tail.credits" in rules_of(art, "영상취재: 박구름 / 영상편집: 이바람")


def test_related_list_under_a_story_without_signoff_is_a_teaser_list(fixtures_dir: Path) -> None:
    text = load(fixtures_dir, "broadcaster_no_anchor.txt").replace("MBC뉴스 김하늘입니다.\n", "")
    art = clean_text(text, entities=False)
    assert art.paragraphs[-1].startswith("당국은 다음 달 말까지")
    teaser = (
        "정부는 올해 고속도로 졸음쉼터 열 곳을 새로 만든다고 밝혔습니다. "
        "휴게소 사이 거리가 먼 구간부터 차례로 짓습니다."
    )
    assert rules_of(art, teaser) == ["textdump.teaser-list"]


def test_subheadings_with_one_paragraph_each_are_not_a_teaser_list() -> None:
    lines = ["첫 문단은 사업의 배경을 길게 설명하면서 이야기를 시작한다고 밝혔다."]
    for head in ("예산은 어디에 쓰이나", "주민 반응은 어떤가", "남은 과제는 무엇인가"):
        lines += [head, f"{head}에 대한 설명이 한 문단으로 길게 이어지며 기사를 채운다고 전했다."]
    blocks = [Block(t, path=f"line:{i}") for i, t in enumerate(lines)]
    assert teaser_list_start(blocks, 0, len(blocks) - 1, RepeatIndex(blocks)) is None


@pytest.mark.parametrize(
    ("line", "signoff"),
    [
        ("MBC뉴스 김하늘입니다.", True),
        ("KBS 뉴스 김하늘입니다.", True),
        ("지금까지 서울 광화문광장에서 YTN 김이영입니다.", True),
        ("저는 김하늘입니다.", False),
        ("네, 서울 광화문광장입니다.", False),
    ],
)
def test_signoff_lines(line: str, signoff: bool) -> None:
    assert is_signoff(line) is signoff


def test_headline_with_one_repeated_word_is_still_a_headline() -> None:
    assert is_title_like("산불 감시 드론 스무 대 투입…봄철 야간 감시 강화")
    assert not is_title_like("페이스북 공유하기 트위터 공유하기")


def test_widget_lines_are_ui_not_story() -> None:
    assert is_widget_line("이 글자크기로 변경됩니다.")
    assert is_widget_line("(예시) 가장 빠른 소식을 한눈에 볼 수 있는 서비스를 만나보세요.")
    assert not is_widget_line("시장은 글자크기를 키운 안내판을 역마다 새로 달겠다고 밝혔다. 예산은 3억원이다.")


def test_tidy_dump_drops_font_widget_lines_without_any_portal_table() -> None:
    body = [
        "도서관은 다음 달부터 평일 밤 10시까지 열람실을 연다고 밝혔다.",
        "시험 기간에는 자정까지 문을 열고 휴게실 운영 시간도 늘린다.",
    ]
    sample = "(예시) 빠르고 정확한 소식을 전하는 가상뉴스를 만나보세요."
    lines = ["도서관 열람실 밤 10시까지 연장", "전체 흐름을 보려면 본문 보기를 권장합니다.", "이 글씨 크기로 바뀝니다."]
    art = clean_text("\n".join([*lines, sample, *body]), entities=False)
    assert list(art.paragraphs) == body
    assert rules_of(art, "전체 흐름을 보려면 본문 보기를 권장합니다.") == ["textdump.widget"]
    assert rules_of(art, "이 글씨 크기로 바뀝니다.") == ["textdump.widget"]
    assert rules_of(art, sample) == ["textdump.widget"]


def test_a_ticker_item_with_its_age_glued_on_is_not_a_page_title_copy() -> None:
    title = "항구 도시 골목 시장에 청년 상인 열두 명이 돌아왔다"
    teaser = "도심 공원 야간 개방 시간 연장…산책로 조명 교체"
    body = [
        "부산 영도구의 한 골목 시장에 청년 상인 열두 명이 가게를 열었다고 구청이 밝혔다.",
        "구청은 빈 점포 임대료의 절반을 2년 동안 지원하고 간판 교체 비용도 보탠다고 설명했다.",
    ]
    lines = ["실시간뉴스", f"{teaser}53분 전", "주요뉴스", teaser, "다른 소식 하나 둘 셋", title,
             "송고시간 | 2024/05/12 11:35", "페이스북", "트위터", *body]  # fmt: skip
    art = clean_text("\n".join(lines), entities=False)
    assert art.title == title
    assert art.published == "2024-05-12T11:35:00+09:00"
    assert list(art.paragraphs) == body


def test_an_ad_label_between_paragraphs_is_a_widget_line() -> None:
    assert is_widget_line("전체기사 본문배너")


def test_a_dump_that_opens_with_a_button_is_a_page_not_a_tidy_story() -> None:
    body = [
        "구청은 올해 하천 산책로 여섯 곳에 가로등 3백 개를 새로 세운다고 밝혔다. 공사는 다음 달 시작한다.",
        "구청 관계자는 밤에도 안심하고 걸을 수 있는 길을 만들겠다고 말했다. 사업비는 12억원이다.",
    ]
    lines = [
        "저장된 페이지 보기",
        "<사설>하천 산책로에 불을 밝히자",
        "[가상일보] 2010-02-19 31면 40판 오피니언 사설 980자",
        *body,
        "저작권자 ⓒ가상일보. 무단 전재-재배포 금지",
        "이기사의 NewsML ID : 01100101.20100219100001662",
    ]
    art = clean_text("\n".join(lines), entities=False)
    assert art.title == "<사설>하천 산책로에 불을 밝히자"
    assert art.published == "2010-02-19"
    assert list(art.paragraphs) == body


def test_counters_and_dated_header_lines_are_not_headlines() -> None:
    assert not is_title_like("100자평 39")
    assert not is_title_like("[가상일보] 2010-02-19 31면 40판 오피니언 사설")
    assert is_title_like("확 바뀐 2016 추석 씨름대회")


def test_the_headline_repeated_outside_a_list_wins_over_closer_share_buttons() -> None:
    title = "정부, 하천 수질 조사 이번에도 기준 초과 확인"
    body = [
        "환경 당국은 올해 여름 하천 열두 곳의 수질을 조사한 결과 세 곳이 기준을 넘었다고 밝혔다.",
        "당국은 다음 달까지 원인을 찾고 오염원 주변의 배출 시설을 다시 점검할 계획이다.",
    ]
    lines = ["정치", title, "39", "다음기사", "메뉴 전체보기", "정치 일반", title, "박하늘 기자", "기사 인쇄",
             "글자 크게", "글자 작게", "100자평 39", "이메일로 기사공유", "입력 : 2016.09.17 18:59", *body]  # fmt: skip
    art = clean_text("\n".join(lines), entities=False)
    assert art.title == title
    assert list(art.paragraphs) == body


def test_a_summary_box_under_the_header_that_copies_itself_does_not_take_the_story() -> None:
    summary = [
        "시립도서관이 다음 달부터 평일 열람실을 밤 10시까지 운영하기로 했다는 요약 문장이다.",
        "시험 기간에는 자정까지 연장하며 휴게실 운영 시간도 함께 늘린다는 요약 문장이다.",
    ]
    body = [
        "시립도서관은 다음 달 1일부터 평일 열람실 운영 시간을 밤 10시까지 늘린다고 밝혔다. 지금은 6시에 닫는다.",
        "도서관은 학생들의 요청이 많아 시범 운영을 거쳐 결정했으며 시험 기간에는 자정까지 문을 연다고 설명했다.",
        "휴게실과 무인 반납기도 같은 시간까지 운영하며 야간 안내 직원 두 명을 새로 배치할 계획이다.",
        "도서관 관계자는 이용자 반응을 보고 주말 연장 운영도 검토하겠다고 말했다. 예산은 3천만원이다.",
    ]
    toolbar = ["요약봇", "닫기", "회원용", "로그인", "언어변경", "ENG", "JPN", "닫기", "인쇄", "공유", "스크랩", "닫기"]
    lines = ["홈", "뉴스", *summary, *toolbar, "도서관 열람실 밤 10시까지 문 연다", "입력 : 2025-05-31 05:50:27",
             "뉴스 요약", *summary, *toolbar, *toolbar, "사진 확대", *body, "좋아요", "댓글"]  # fmt: skip
    art = clean_text("\n".join(lines), entities=False)
    assert list(art.paragraphs) == body
    assert art.title == "도서관 열람실 밤 10시까지 문 연다"


def test_share_buttons_are_widget_lines_not_headlines() -> None:
    assert is_widget_line("이메일로 기사공유")
    assert not is_title_like("이메일로 기사공유")


@pytest.mark.parametrize(
    "line",
    [
        "이 기사는 언론사에서 경제 섹션으로 분류했습니다.",
        "기사의 섹션 정보는 각 언론사가 정한 분류를 따릅니다.",
        "이 기사가 도움이 되었다면 추천을 눌러주세요.",
    ],
)
def test_notices_about_the_article_itself_are_not_story(line: str) -> None:
    body = [
        "구청은 올해 하천 산책로 여섯 곳에 가로등 3백 개를 새로 세운다고 밝혔다. 공사는 다음 달 시작한다.",
        "구청 관계자는 밤에도 안심하고 걸을 수 있는 길을 만들겠다고 말했다. 사업비는 12억원이다.",
    ]
    lines = ["홈", "뉴스", "정치", "하천 산책로에 가로등 3백 개", "입력 2024-03-02 09:00", *body, "구독", "구독",
             line, "닫기", "좋아요 0"]  # fmt: skip
    art = clean_text("\n".join(lines), entities=False)
    assert list(art.paragraphs) == body
    assert rules_of(art, line) == ["textdump.widget"]
