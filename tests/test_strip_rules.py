"""Each strip rule on its own, on blocks made from synthetic lines, and the chain on fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import clean_text
from newsclean.blocks import Block
from newsclean.strip import REGISTRY, Context, run_chain
from newsclean.strip.byline import strip_bylines
from newsclean.strip.chrome import strip_chrome
from newsclean.strip.duplicates import strip_duplicates
from newsclean.strip.empty import strip_empty
from newsclean.strip.links import strip_link_lists
from newsclean.strip.page import caption_patterns, is_caption
from newsclean.strip.tail import strip_copyright, strip_credits, strip_promo, strip_series_tag

BODY1 = "시는 올해 안에 도심 공원 산책로 열여덟 곳에 새 조명을 설치한다고 밝혔다."
BODY2 = "야간 이용객이 많은 곳부터 차례로 공사를 시작해 연말까지 마무리할 계획이다."
BODY3 = "시 관계자는 밤에도 시민들이 안심하고 걸을 수 있도록 하겠다고 말했다."


def blocks(*lines: str) -> list[Block]:
    return [Block(t, path=f"line:{i}") for i, t in enumerate(lines, 1)]


def texts(bs: list[Block]) -> list[str]:
    return [b.text for b in bs]


def rules_of(ctx: Context) -> list[str]:
    return [r.rule for r in ctx.removed]


def test_chrome_removes_table_phrases_and_names_portal() -> None:
    ctx = Context()
    out = strip_chrome(blocks("이 글자크기로 변경됩니다.", BODY1, "본문 요약봇", BODY2), ctx)
    assert texts(out) == [BODY1, BODY2]
    assert rules_of(ctx) == ["daum.font-size", "naver.summary"]
    assert ctx.portal == "daum"  # the first portal seen wins


def test_chrome_prefix_and_regex_entries() -> None:
    ctx = Context()
    sample = "(예시) 가장 빠른 뉴스가 있고 다양한 정보, 쌍방향 소통이 숨쉬는 곳"
    out = strip_chrome(blocks(sample, "Deutsch 독일어", BODY1), ctx)
    assert texts(out) == [BODY1]
    assert rules_of(ctx) == ["daum.font-size", "daum.translate"]


def test_chrome_marks_block_after_summary_notice() -> None:
    ctx = Context()
    out = strip_chrome(blocks("전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.", BODY1, BODY2), ctx)
    assert out[0].hints.get("after") == "summary"
    assert "after" not in out[1].hints


def test_duplicates_keep_the_body_copy_in_place() -> None:
    ctx = Context()
    # A summary box (copies of paragraphs 1 and 3) before the body.
    bs = blocks(BODY1, BODY3, BODY1, BODY2, "넷째 문단은 다른 내용을 길게 담고 있어 본문의 일부로 보인다.", BODY3)
    out = strip_duplicates(bs, ctx)
    assert [b.path for b in out] == ["line:3", "line:4", "line:5", "line:6"]
    assert ctx.duplicates_removed == 2
    assert rules_of(ctx) == ["duplicates", "duplicates"]


def test_duplicates_respect_summary_marker_even_after_body() -> None:
    ctx = Context()
    bs = blocks(BODY1, BODY2, BODY3, BODY2)
    bs[3].hints["after"] = "summary"
    out = strip_duplicates(bs, ctx)
    assert [b.path for b in out] == ["line:1", "line:2", "line:3"]


def test_duplicates_drop_summary_sentence_contained_in_paragraph() -> None:
    ctx = Context()
    out = strip_duplicates(blocks(BODY1, BODY1 + " " + BODY2, BODY3), ctx)
    assert texts(out) == [BODY1 + " " + BODY2, BODY3]


def test_short_repeats_are_not_duplicates() -> None:
    ctx = Context()
    out = strip_duplicates(blocks("[앵커]", BODY1, "[앵커]", BODY2), ctx)
    assert len(out) == 4


@pytest.mark.parametrize(
    ("line", "name", "email"),
    [
        ("남미래 기자 future@mt.co.kr", "남미래", "future@mt.co.kr"),
        ("정다운 특파원", "정다운", None),
        ("/ 오세린 기자 serin@example.com", "오세린", "serin@example.com"),
        ("YTN 오세린 (serin@example.com)", "오세린", "serin@example.com"),
        ("[가상일보 정다운 기자]", "정다운", None),
        ("정리=한소리 기자", "한소리", None),
        ("글·사진=배하준 기자 hajun@example.com", "배하준", "hajun@example.com"),
    ],
)
def test_byline_lines_become_reporters(line: str, name: str, email: str | None) -> None:
    ctx = Context()
    out = strip_bylines(blocks(BODY1, line), ctx)
    assert texts(out) == [BODY1]
    assert [(r.name, r.email) for r in ctx.reporters] == [(name, email)]
    assert ctx.removed[0].rule == "byline"


def test_byline_name_line_then_email_line() -> None:
    ctx = Context()
    out = strip_bylines(blocks(BODY1, "배하준 기자", "hajun@example.com", "한소리 기자", "sori@example.com"), ctx)
    assert texts(out) == [BODY1]
    assert [(r.name, r.email) for r in ctx.reporters] == [
        ("배하준", "hajun@example.com"),
        ("한소리", "sori@example.com"),
    ]


def test_byline_glued_to_last_sentence_is_cut() -> None:
    ctx = Context()
    out = strip_bylines(blocks(BODY3 + " 김도윤 기자 doyun@example.kr"), ctx)
    assert texts(out) == [BODY3]
    assert ctx.reporters[0].email == "doyun@example.kr"
    assert ctx.removed[0].text == "김도윤 기자 doyun@example.kr"


def test_leading_dateline_is_cut_and_reporter_kept() -> None:
    ctx = Context()
    out = strip_bylines(blocks("(부산=연합뉴스) 김도윤 기자 = " + BODY1), ctx)
    assert texts(out) == [BODY1]
    assert ctx.reporters[0].name == "김도윤"
    assert ctx.removed[0].rule == "byline.dateline"


def test_anchor_calling_reporter_is_body_not_byline() -> None:
    ctx = Context()
    out = strip_bylines(blocks("김이영 기자!", BODY1), ctx)
    assert len(out) == 2
    assert ctx.reporters == []


def test_copyright_gives_publisher() -> None:
    ctx = Context()
    out = strip_copyright(blocks(BODY1, "Copyright © 머니투데이 & mt.co.kr. 무단 전재 및 재배포 금지"), ctx)
    assert texts(out) == [BODY1]
    assert ctx.publisher == "머니투데이"


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("[저작권자(c) YTN 무단전재, 재배포 및 AI 데이터 활용 금지]", "YTN"),
        ("저작권자(c)연합뉴스. 무단전재-재배포금지", "연합뉴스"),
        ("ⓒ 가상일보 무단 전재 및 재배포 금지", "가상일보"),
        ("Copyright by dongA.com All rights reserved.", "동아일보"),
        ("Copyright © Kakao Corp. All rights reserved.", None),
    ],
)
def test_copyright_publisher_forms(line: str, publisher: str | None) -> None:
    ctx = Context()
    strip_copyright(blocks(line), ctx)
    assert ctx.publisher == publisher


def test_long_paragraph_mentioning_copyright_is_kept() -> None:
    ctx = Context()
    para = "저작권 침해 소송이 늘면서 " + BODY1 * 5
    assert texts(strip_copyright(blocks(para), ctx)) == [para]


def test_promo_and_credits() -> None:
    ctx = Context()
    bs = blocks(BODY1, "▶ 제보는 카카오톡 okjebo", "[카카오톡] YTN 검색해 채널 추가", "영상편집 : 한지민")
    out = strip_credits(strip_promo(bs, ctx), ctx)
    assert texts(out) == [BODY1]
    assert rules_of(ctx) == ["tail.promo", "tail.promo", "tail.credits"]


def test_photo_credit_is_a_credit_not_a_reporter() -> None:
    ctx = Context()
    out = run_chain(blocks(BODY1, "사진=배하준 기자"), ctx)
    assert texts(out) == [BODY1]
    assert ctx.reporters == []
    assert rules_of(ctx) == ["tail.credits"]


def test_repeated_email_line_is_left_to_the_byline_rule() -> None:
    ctx = Context()
    bs = blocks(BODY1, "배하준 기자", "hajun.long.address@example.com", BODY2, "hajun.long.address@example.com")
    out = run_chain(bs, ctx)
    assert texts(out) == [BODY1, BODY2]
    assert "duplicates" not in rules_of(ctx)
    assert ctx.reporters[0].email == "hajun.long.address@example.com"


def test_series_tag_only_after_the_story() -> None:
    ctx = Context()
    out = strip_series_tag(blocks("[앵커]", BODY1, "[가상일보 기획 '바다의 바람']"), ctx)
    assert texts(out) == ["[앵커]", BODY1]
    assert rules_of(ctx) == ["tail.series-tag"]


def test_link_list_run_and_header_removed_single_bullet_kept() -> None:
    ctx = Context()
    bs = blocks(
        BODY1, "- 단독 항목 하나는 목록이 아니다", BODY2, "관련기사", "· 해변 야간 개장 연장", "· 조명 축제 개막"
    )
    out = strip_link_lists(bs, ctx)
    assert texts(out) == [BODY1, "- 단독 항목 하나는 목록이 아니다", BODY2]
    assert rules_of(ctx) == ["links.related"] * 3


def test_link_density_marks_headlines_in_html_blocks() -> None:
    ctx = Context()
    bs = [Block(BODY1), Block("가을 야구 매진", link_density=1.0), Block("철새 떼 몰려온 호수", link_density=0.9)]
    assert texts(strip_link_lists(bs, ctx)) == [BODY1]


def test_empty_rule_drops_decorations_only() -> None:
    ctx = Context()
    out = strip_empty(blocks("━━━━━━", BODY1, "※ ※", "3.1"), ctx)
    assert texts(out) == [BODY1, "3.1"]


def test_every_rule_is_registered_with_a_description() -> None:
    for name in ("chrome", "duplicates", "byline", "tail.copyright", "tail.promo", "links.related", "empty"):
        assert name in REGISTRY
        assert REGISTRY[name].what


def test_chain_logs_every_removed_block(fixtures_dir: Path) -> None:
    text = (fixtures_dir / "dumps" / "naver_tail.txt").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    art = clean_text(text, entities=False)
    removed_chars = sum(len(r.text) for r in art.removed)
    kept_chars = sum(len(p) for p in art.paragraphs)
    # Nothing disappears unexplained: every input character is kept or logged (bar the spaces of cuts).
    assert abs(sum(len(ln) for ln in lines) - removed_chars - kept_chars) <= 4
    assert run_chain([], Context()) == []


@pytest.mark.parametrize(
    ("name", "title", "publisher", "portal", "reporters", "n_paragraphs"),
    [
        (
            "daum_summary.txt",
            '"바다 위 풍력단지 첫 삽" 해수부, 남해안 시범사업 착수',
            "가상일보",
            "daum",
            [("정다운", "dawn@example.co.kr")],
            4,
        ),
        (
            "naver_tail.txt",
            "도심 공원 밤 산책길, 조명 2천개 새로 단다",
            "연합뉴스",
            "naver",
            [("김도윤", "doyun@example.kr")],
            3,
        ),
        (
            "split_byline.txt",
            "반도체 수출 석 달 연속 늘었다",
            "YTN",
            None,
            [("오세린", "serin@example.com"), ("배하준", "hajun@example.com")],
            2,
        ),
    ],
)
def test_fixture_dumps_end_to_end(
    fixtures_dir: Path,
    name: str,
    title: str,
    publisher: str,
    portal: str | None,
    reporters: list[tuple[str, str]],
    n_paragraphs: int,
) -> None:
    art = clean_text((fixtures_dir / "dumps" / name).read_text(encoding="utf-8"), entities=False)
    assert art.status == "ok"
    assert art.title == title
    assert art.publisher == publisher
    assert art.portal == portal
    assert [(r.name, r.email) for r in art.reporters] == reporters
    assert len(art.paragraphs) == n_paragraphs
    assert len(set(art.paragraphs)) == len(art.paragraphs)
    assert not any("기자" in p and "@" in p for p in art.paragraphs)


# Pieces of photo credits and of ordinary sentences, with every caption mark and the labels,
# brackets and credit words around them: a pattern match without a mark would be a counterexample.
_CAPTION_PIECES = st.sampled_from(
    ["사진", "그래픽", "자료", "이미지", "영상", "출처", "기자", "기", "자", "DB", "제공", "연합뉴스", "뉴스1", "AP",
     "Getty Images", "캡처", "/", "／", "=", ":", "：", "[", "]", "(", ")", "<", ">", "【", "】", " ", "  ", "홍길동",
     "모습", ".", "가", "a", "1"]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_CAPTION_PIECES, max_size=12))
def test_a_caption_match_always_holds_one_of_the_marks(pieces: list[str]) -> None:
    """``is_caption`` skips the pattern scans for text without a mark: that must never hide a match."""
    pat = caption_patterns()
    text = "".join(pieces)
    if pat.credit_only.fullmatch(text) or pat.credit_tail.search(text):
        assert any(m in text for m in pat.marks), text


def test_captions_are_found_with_and_without_marks_around_them() -> None:
    assert is_caption("지난 15일 서울 광화문광장의 모습. /사진=연합뉴스")
    assert is_caption("[사진 = 뉴스1]")
    assert is_caption("시장이 발언하고 있다. <홍길동 기자>")
    assert not is_caption("시장은 이날 공원 산책로 조명 사업을 발표했다.")  # no mark: not scanned
    assert not is_caption("오전 10:30 시작한 회의는 정오에 끝났다.")  # a mark, but no credit
