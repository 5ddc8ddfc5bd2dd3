"""Decoding: Korean labels → cp949, mis-declared pages, BOMs, and Hangul round trips."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.decode import KOREAN_LABELS, decode, normalize_label

RARE = "뷁 똠방각하 펲시 쀍"  # in cp949 but not in EUC-KR (KS X 1001)


def page(body: str, charset: str) -> str:
    return f'<html><head><meta charset="{charset}"><title>t</title></head><body><p>{body}</p></body></html>'


@pytest.mark.parametrize("label", [*sorted(KOREAN_LABELS), "EUC-KR", "KS_C_5601-1987", "x-windows-949"])
def test_every_korean_label_maps_to_cp949(label: str) -> None:
    assert normalize_label(label) == "cp949"


def test_unknown_label_is_none() -> None:
    assert normalize_label("no-such-charset") is None
    assert normalize_label("") is None


@pytest.mark.parametrize("label", ["euc-kr", "ks_c_5601-1987", "ksc5601", "windows-949", "x-windows-949", "uhc"])
def test_rare_syllables_in_cp949_labelled_as_euc_kr(label: str) -> None:
    got = decode(page(RARE, label).encode("cp949"))
    assert RARE in got.text
    assert (got.encoding, got.source) == ("cp949", "meta")


def test_http_charset_wins_over_meta() -> None:
    data = page("안녕하세요", "utf-8").replace("utf-8", "iso-8859-1").encode("cp949")
    got = decode(data, http_charset="euc-kr")
    assert "안녕하세요" in got.text and got.source == "http"


def test_page_declaring_euc_kr_but_utf8() -> None:
    got = decode(page("서울시는 12일 밝혔다", "euc-kr").encode("utf-8"))
    assert "서울시는 12일 밝혔다" in got.text
    assert (got.encoding, got.source) == ("utf-8", "utf-8")


def test_http_equiv_meta() -> None:
    html = '<meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987"><p>가나다 뷁</p>'
    got = decode(html.encode("cp949"))
    assert "가나다 뷁" in got.text and got.source == "meta"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (b"", "utf-16"), (b"", "utf-32")],
)
def test_bom(bom: bytes, codec: str) -> None:
    data = bom + page("바이트 순서 표시", "euc-kr").encode(codec)  # the label lies; the BOM wins
    got = decode(data)
    assert "바이트 순서 표시" in got.text and got.source == "bom"
    assert not got.text.startswith("\ufeff")


def test_no_label_cp949_goes_to_detector() -> None:
    got = decode("<p>라벨 없는 한국어 페이지 뷁</p>".encode("cp949"))
    assert "라벨 없는 한국어 페이지 뷁" in got.text
    assert got.source == "detector" and got.encoding == "cp949"


def test_broken_bytes_replace_in_the_declared_codec() -> None:
    data = page("본문은 남아야 한다", "euc-kr").encode("cp949") + b"\xff\xfe\xfa\x80\x81" * 20
    got = decode(data)
    assert "본문은 남아야 한다" in got.text
    assert got.source == "replace" and got.encoding == "cp949"


def test_str_passes_through() -> None:
    assert decode("<p>문자열</p>").source == "str"


hangul = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=200)


@settings(max_examples=60, deadline=None)
@given(text=hangul, label=st.sampled_from(["euc-kr", "ks_c_5601-1987", "cp949", "windows-949", "utf-8"]))
def test_hangul_round_trips_through_every_label(text: str, label: str) -> None:
    codec = "utf-8" if label == "utf-8" else "cp949"
    got = decode(page(text, label).encode(codec))
    assert f"<p>{text}</p>" in got.text
    assert got.encoding == codec


# Without a label the bytes alone must tell the codec: one or two syllables in cp949 can also
# be valid UTF-8 ('천' is b"\xc3\xb5", which UTF-8 reads as 'õ'), so the property needs a few.
unlabelled_hangul = st.text(
    alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=6, max_size=200
)


@settings(max_examples=40, deadline=None)
@given(text=unlabelled_hangul)
def test_hangul_round_trips_without_any_label(text: str) -> None:
    for codec in ("utf-8", "cp949"):
        got = decode(f"<p>{text}</p>".encode(codec))
        assert text in got.text
