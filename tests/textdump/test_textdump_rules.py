"""Each rule the text-dump path logs, on synthetic dumps: what it drops and what it leaves."""

from __future__ import annotations

from newsclean import clean_text
from newsclean.article import Article

BODY = [
    "구청은 올해 하천 산책로 여섯 곳에 가로등 3백 개를 새로 세운다고 밝혔다.",
    "공사는 다음 달 시작해 여름이 오기 전에 마무리할 계획이다. 사업비는 12억원이다.",
    '구청 관계자는 "밤에도 안심하고 걸을 수 있는 길을 만들겠다"고 말했다.',
]
MENU = ["홈", "뉴스", "정치", "경제", "사회", "문화", "로그인"]
TITLE = "하천 산책로에 가로등 3백 개"


def clean(lines: list[str]) -> Article:
    return clean_text("\n".join(lines), entities=False)


def rules_of(art: Article, text: str) -> list[str]:
    return [r.rule for r in art.removed if r.text == text]


def test_menu_runs_are_logged_as_menu() -> None:
    art = clean([*MENU, TITLE, "2024-03-02 09:00", *BODY])
    assert list(art.paragraphs) == BODY
    for item in MENU:
        assert rules_of(art, item) == ["textdump.menu"]


def test_lone_lines_outside_the_story_are_outside_article() -> None:
    footer = "Copyright © Kakao Corp. All rights reserved."
    art = clean([*MENU, TITLE, "2024-03-02 09:00", *BODY, *MENU, footer])
    assert rules_of(art, TITLE) == ["title"]
    assert rules_of(art, footer) == ["textdump.outside-article"]  # past the menu run, not story tail
    assert art.publisher is None  # a portal's own copyright names no publisher
    assert art.portal == "daum"


def test_date_line_is_metadata_not_text() -> None:
    art = clean([*MENU, TITLE, "입력 2024-03-02 09:00 수정 2024-03-02 10:30", *BODY])
    assert art.published == "2024-03-02T09:00:00+09:00"
    assert art.modified == "2024-03-02T10:30:00+09:00"
    assert rules_of(art, "입력 2024-03-02 09:00 수정 2024-03-02 10:30") == ["textdump.date"]


def test_trailing_teaser_without_a_sentence_end_is_trailer() -> None:
    teaser = "가을 나들이 명소 한눈에 보기 #단풍!"
    art = clean([*MENU, TITLE, "2024-03-02 09:00", *BODY, teaser, *MENU])
    assert teaser not in art.paragraphs
    assert rules_of(art, teaser) == ["textdump.trailer"]


def test_copyright_closes_the_story_and_names_the_publisher() -> None:
    footer = "다른 기사의 첫 문장이 여기에 길게 이어지며 본문처럼 보이지만 실제로는 추천 기사 영역에 놓인 문장이다."
    art = clean(
        [
            *MENU,
            TITLE,
            "2024-03-02 09:00",
            *BODY,
            "Copyright ⓒ 한국일보. All rights reserved. 무단 전재 및 재배포 금지",
            footer,
        ]
    )
    assert list(art.paragraphs) == BODY
    assert art.publisher == "한국일보"
    assert rules_of(art, footer) == ["textdump.after-copyright"]


def test_bylines_around_the_story_become_reporters() -> None:
    art = clean(
        [*MENU, TITLE, "박하늘 기자", "sky@example.kr", "2024-03-02 09:00", *BODY, "박하늘 기자 sky@example.kr", *MENU]
    )
    assert [(r.name, r.email) for r in art.reporters] == [("박하늘", "sky@example.kr")]
    assert "byline" in {r.rule for r in art.removed}


def test_publisher_from_a_footer_far_below_the_story() -> None:
    related = [f"관련 소식 {i}번째 헤드라인 제목" for i in range(40)]
    art = clean([*MENU, TITLE, "2024-03-02 09:00", *BODY, *related, "Copyright by donga.com All rights reserved."])
    assert art.publisher == "동아일보"
    assert list(art.paragraphs) == BODY


def test_page_chrome_inside_the_story_is_logged_under_its_phrase_rule() -> None:
    art = clean([*MENU, TITLE, "2024-03-02 09:00", BODY[0], "사진 확대", BODY[1], "[앵커]", BODY[2], *MENU])
    assert list(art.paragraphs) == BODY
    assert rules_of(art, "사진 확대") == ["page.photo-widget"]
    assert rules_of(art, "[앵커]") == ["page.speaker-marker"]


def test_every_line_is_kept_or_logged() -> None:
    lines = [*MENU, TITLE, "2024-03-02 09:00", *BODY, "관련기사", "다른 소식 하나", "다른 소식 둘", *MENU]
    art = clean(lines)
    accounted = list(art.paragraphs) + [r.text for r in art.removed]
    for line in lines:
        assert any(line in a for a in accounted), line


def test_published_from_a_header_line_that_is_not_a_pure_date_line() -> None:
    art = clean([*MENU, TITLE, "[가상일보] 2010-02-19 31면 40판 오피니언 사설 1155자", *BODY, *MENU])
    assert art.published == "2010-02-19"
    assert list(art.paragraphs) == BODY


def test_ad_labels_and_captions_inside_the_story_neither_stay_nor_cut_it() -> None:
    ad, caption, box = "가상 광고 영역 안내", "산책로 공사 현장 모습", ["관련기사", "가로등 설치 구간 확정"]
    last = "사업은 올해 끝난다."
    art = clean([*MENU, TITLE, "2024-03-02 09:00", BODY[0], caption, BODY[1], ad, BODY[2], *box, last, *MENU])
    assert list(art.paragraphs) == [*BODY, last]  # the short last paragraph after them is still story
    assert rules_of(art, ad) == ["textdump.ad-label"]
    assert rules_of(art, caption) == ["textdump.caption"]
    assert [rules_of(art, line) for line in box] == [["textdump.teaser-list"]] * 2


def test_a_subheading_mentioning_ads_stays() -> None:
    sub = "허위 광고 단속 강화"  # the word in the middle, not an ad slot's label
    art = clean([*MENU, TITLE, "2024-03-02 09:00", BODY[0], sub, BODY[1], BODY[2], *MENU])
    assert sub in art.paragraphs


def test_the_headline_wins_over_its_subtitle() -> None:
    subtitle = "여섯 곳에 3백 개, 여름 전 완공"
    art = clean([*MENU, TITLE, subtitle, "2024-03-02 09:00", *BODY, *MENU])
    assert art.title == TITLE


def test_a_menu_line_above_the_headline_is_not_the_headline() -> None:
    art = clean([*MENU, "정치 | 사회 | 지역 | 문화", TITLE, "2024-03-02 09:00", *BODY, *MENU])
    assert art.title == TITLE


def test_credits_glued_to_a_date_or_a_button_and_reporter_cards_give_the_reporter() -> None:
    card = "홍가상 기자hong@gasang.example기자 구독하기"
    art = clean([*MENU, TITLE, "홍가상 기자 2024.03.02 09:00", *BODY, card, *MENU])
    assert [(r.name, r.email) for r in art.reporters] == [("홍가상", "hong@gasang.example")]
    assert art.published == "2024-03-02T09:00:00+09:00"
    assert list(art.paragraphs) == BODY
    art = clean([*MENU, TITLE, "홍가상 기자구독", "입력 2024.03.02 (09:00)", *BODY, *MENU])
    assert [r.name for r in art.reporters] == ["홍가상"]
    assert art.published == "2024-03-02T09:00:00+09:00"  # the time in brackets


def test_a_portal_source_line_or_a_name_glued_to_the_date_label_names_the_publisher() -> None:
    art = clean([*MENU, TITLE, "2024-03-02 09:00", *BODY, "기사제공 가상연예", *MENU])
    assert art.publisher == "가상연예"
    art = clean([*MENU, TITLE, "가상일보입력 2024.03.02 09:00", *BODY, *MENU])
    assert art.publisher == "가상일보"
    assert art.published == "2024-03-02T09:00:00+09:00"


def test_a_slogan_before_the_name_in_a_copyright_line() -> None:
    line = "<ⓒ경제를 보는 눈, 가상경제(www.gasang.example) 무단전재 배포금지>"
    art = clean([*MENU, TITLE, "2024-03-02 09:00", *BODY, line])
    assert art.publisher == "가상경제"


def test_a_subheading_before_a_short_last_paragraph_does_not_end_the_story() -> None:
    sub, last = "의견 수렴 거쳐", "주민 의견을 거쳐 정했다."
    art = clean([*MENU, TITLE, "2024-03-02 09:00", *BODY, sub, last, *MENU])
    assert list(art.paragraphs) == [*BODY, sub, last]


def test_a_tidy_dump_drops_the_portal_card_and_a_teaser_under_the_story() -> None:
    teaser, source, button = "[리그] 다음 라운드 미리보기", "기사제공 가상스포츠", "기자 구독하기"
    caption = "▲ 결승골을 넣은 공격수"
    lead = "[가상스포츠=홍가상 기자] " + BODY[0]
    art = clean([TITLE, "2024-03-02 09:00", caption + lead, *BODY[1:], teaser, source, "홍가상 기자", button])
    assert list(art.paragraphs) == BODY
    assert rules_of(art, caption) == ["textdump.caption"]
    assert rules_of(art, teaser) == ["textdump.trailer"]
    assert rules_of(art, source) == rules_of(art, button) == ["textdump.widget"]
    assert art.publisher == "가상스포츠"
    assert [r.name for r in art.reporters] == ["홍가상"]


def test_a_sign_off_names_the_reporter_and_a_card_without_a_role_word_gives_the_email() -> None:
    signoff = "가상방송 뉴스 홍가상입니다."
    art = clean([*MENU, TITLE, "2024-03-02 09:00", *BODY, signoff, "홍가상hong@gasang.example", "기자 구독", *MENU])
    assert list(art.paragraphs) == [*BODY, signoff]
    assert [(r.name, r.email) for r in art.reporters] == [("홍가상", "hong@gasang.example")]


def test_a_credit_after_a_bare_dateline_is_a_byline() -> None:
    art = clean([*MENU, TITLE, "2024-03-02 09:00", *BODY, "가상시=홍가상 기자 hong@gasang.example", *MENU])
    assert list(art.paragraphs) == BODY
    assert [(r.name, r.email) for r in art.reporters] == [("홍가상", "hong@gasang.example")]
