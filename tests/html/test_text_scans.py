"""Scans that stand in for a regex search find exactly what the regex finds (publisher names,
byline-like class and id values)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import publishers, saferegex
from newsclean.html import metadata


def by_pattern(text: str) -> str | None:
    m = saferegex.search(publishers.alias_pattern(), text)
    return publishers.table().by_alias.get(m.group(0).lower()) if m else None


ALIASES = publishers.table().aliases
# Pieces that test the boundaries and the case rules: aliases in any case, letters and numbers of
# other scripts, the characters that case-fold onto ASCII letters (K, İ, ſ), punctuation.
PIECES = st.one_of(
    st.sampled_from(ALIASES),
    st.sampled_from(ALIASES).map(str.upper),
    st.sampled_from(ALIASES).map(str.title),
    st.sampled_from(["\u212a", "\u0130", "\u017f", "é", "٣", "ⓒ", "©", "·", "(", ")", " ", "-", "1", "a", "Z"]),
    st.sampled_from(["가", "기자", "뉴스", "일보", "연합", "TV", "tv", ".com", "＿", "Ⅻ"]),
    st.text(max_size=3),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=6).map("".join))
def test_scan_agrees_with_the_pattern(text: str) -> None:
    assert publishers.find_in_text(text) == by_pattern(text)


def test_scan_cases() -> None:
    texts = ["ⓒ 한국일보", "연합뉴스TV 제공", "연합뉴스TV가", "(서울=연합뉴스)", "MBN", "abcmbn", "©MK", "Ⅻ연합뉴스"]
    for text in texts:
        assert publishers.find_in_text(text) == by_pattern(text), text
    assert publishers.find_in_text("저작권자 ⓒ 한국일보") == "한국일보"


# Class and id values: byline words in any case and glued to others, the characters that
# case-fold onto ASCII letters, separators and other scripts.
VALUE_PIECES = st.one_of(
    st.sampled_from(["byline", "By_Line", "REPORTER", "repoter", "journalist", "Writer", "author", "kija", "gija"]),
    st.sampled_from(["name", "Name", "_name", "username", "name_box", "NAMEx", "\u212aija", "\u0130", "\u017f"]),
    st.sampled_from([" ", "_", "-", "\n", "a", "Z", "1", "기자", "é"]),
    st.text(max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(VALUE_PIECES, max_size=4).map("".join), max_size=8))
def test_byline_values_agree_with_the_pattern(values: list[str]) -> None:
    want = {v for v in values if metadata._BYLINE_CLASS.search(v)}
    assert metadata._byline_values(values) == want


CHARS = ["a", "<", "가", "뷁", "\x00", "\x01", "\x0b", "\x1f", "\t", "\n", "\ufffe", "\uffff", "\ufffd"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(CHARS), max_size=20), st.sampled_from(["utf-8", "cp949"]))
def test_bytes_check_agrees_with_the_text_check(text: str, codec: str) -> None:
    from newsclean.html.dom import _has_non_xml, bytes_xml_safe

    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    assert bytes_xml_safe(data, codec) == (not _has_non_xml(data.decode(codec)))
