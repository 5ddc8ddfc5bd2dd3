"""The limits: documented defaults in one place, wired into the code that applies them, and
what happens past each one (a clear status, never a silent truncation or a crash)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import batch, clean, clean_text, inputs, limits, saferegex
from newsclean.html.depth import flatten_deep
from newsclean.html.dom import PARSER, parse

from .hostile import BODY, page, paragraphs

DOCS = Path(__file__).resolve().parents[2] / "docs" / "limits.md"
LIMITS = [name for name in limits.__all__]


def test_every_limit_is_documented_with_its_default() -> None:
    doc = DOCS.read_text(encoding="utf-8")
    for name in LIMITS:
        assert f"`{name}`" in doc, name
        value = getattr(limits, name)
        shown = f"{value:_}" if isinstance(value, int) else f"{value:g}"
        assert shown in doc or str(value) in doc, (name, value)


def test_defaults_come_from_limits() -> None:
    assert inputs.DEFAULT_MAX_BYTES == limits.MAX_BYTES == inputs.Options().max_bytes
    assert batch.DEFAULT_TIMEOUT == limits.RECORD_TIMEOUT
    assert saferegex.DEFAULT_TIMEOUT == limits.REGEX_TIMEOUT


def test_past_the_block_cap_a_page_is_skipped_not_truncated(monkeypatch: pytest.MonkeyPatch) -> None:
    html = page(paragraphs() * 4).encode()
    assert clean(html, entities=False).status == "ok"
    monkeypatch.setattr(limits, "MAX_BLOCKS", 5)
    art = clean(html, entities=False)
    assert art.status == "skipped" and art.paragraphs == ()
    assert art.error is not None and art.error.startswith("TooManyBlocks: 12 ")
    assert art.encoding == "utf-8"  # what was learnt before the cap stays in the record


def test_past_the_block_cap_a_dump_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    dump = "제목\n" + "\n\n".join(BODY * 3) + "\n"
    assert clean_text(dump, entities=False).status == "ok"
    monkeypatch.setattr(limits, "MAX_BLOCKS", 5)
    art = clean_text(dump, entities=False)
    assert art.status == "skipped" and art.error is not None and art.error.startswith("TooManyBlocks: 10 lines")


def test_past_the_element_cap_a_page_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ELEMENTS", 20)
    art = clean(page(paragraphs() + "<span>가</span>" * 30).encode(), entities=False)
    assert art.status == "skipped" and art.error is not None and art.error.startswith("TooManyElements")


# Pieces that make libxml2 imply elements: stray text before any tag, text in <head>, tables
# without their rows, lists without items, unclosed and misnested tags.
_PIECES = st.sampled_from(
    ["가", "text ", "<p>", "</p>", "<b>", "</i>", "<table>", "<td>", "<li>", "<head>", "<title>", "<body>",
     "<html>", "<tr>", "<frameset>", "<br>", "<img>", "<!-- c -->", "<select><option>", "&amp;", "<"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60))
def test_a_tree_never_has_more_elements_than_the_gate_allows(pieces: list[str]) -> None:
    """The element cap counts only pages with enough "<": the bound it relies on must hold."""
    text = "".join(pieces)
    root = parse(text)
    if root is not None:
        assert int(root.xpath("count(//*)")) <= 2 * text.count("<") + 8


def test_the_size_cap_skips_a_file_without_reading_it(tmp_path: Path) -> None:
    p = tmp_path / "big.html"
    p.write_bytes(page(paragraphs()).encode())
    art = inputs.process(str(p), inputs.Options(entities=False, max_bytes=100))
    assert art.status == "skipped" and art.error is not None and art.error.startswith("InputTooLarge")


def test_the_time_limit_makes_a_timeout_record(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    def slow(item: object, opts: object) -> object:
        time.sleep(5)
        raise AssertionError("not reached")

    monkeypatch.setattr(inputs, "process", slow)
    (art,) = list(batch.clean_many(["x.html"], timeout=0.2, entities=False))
    assert art.status == "timeout" and art.error is not None and art.error.startswith("Timeout")


# --- deep DOMs -------------------------------------------------------------------------------


def test_flatten_deep_keeps_text_and_paragraphs_and_bounds_depth() -> None:
    deep = "<div>" * 5000 + "<p>첫 문단</p><p>둘째 <b>문단</b></p>" + "</div>" * 5000
    flat = flatten_deep(deep, max_depth=100)
    assert flat.count("<div>") == 100 and flat.count("</div>") == 100
    assert "<p>첫 문단</p><p>둘째 문단</p>" in flat  # inline tags below the depth go, their text stays
    assert flatten_deep("<div><p>a</p></div>", max_depth=100) == "<div><p>a</p></div>"


def test_an_ordinary_page_is_parsed_as_is() -> None:
    html = page(paragraphs())
    assert lxml.html.tostring(parse(html)) == lxml.html.tostring(lxml.html.document_fromstring(html, parser=PARSER))


def test_tree_walks_need_no_python_recursion() -> None:
    """A 200k-deep page under a tight recursion limit: every walk is iterative (or in C)."""
    code = (
        "import sys\n"
        "from newsclean import clean\n"
        "import newsclean.html, newsclean.html.metadata, newsclean.strip, newsclean.html.sites\n"
        "para = '<p>시는 새 조명을 설치한다고 밝혔다. 시민들이 안심하고 걷는다.</p>'\n"
        "html = '<html><body>' + '<div><span>' * 200000 + para\n"
        "clean(html.encode(), entities=False)  # warm the lazy imports first\n"
        "sys.setrecursionlimit(120)\n"
        "art = clean(html.encode(), entities=False)\n"
        "print(art.status, art.error, '안심하고' in art.text)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["ok", "None", "True"], proc.stdout


# --- entities --------------------------------------------------------------------------------


def test_entities_read_at_most_the_cap_and_offsets_stay_true() -> None:
    from newsclean.entities import analysed_part, extract_entities

    para = "서울시는 3조5000억원을 13개 기관에 나눴다고 12일 밝혔다."
    text = "\n\n".join([para] * 200)
    head = analysed_part(text, 1000)
    assert text.startswith(head) and len(head) <= 1000 and head.endswith("밝혔다.")
    ents = extract_entities(text, max_chars=1000)
    assert ents and max(e.end for e in ents) <= len(head)
    for e in ents:
        assert text[e.start : e.end] == e.text
    assert len(extract_entities(text, max_chars=0)) > len(ents)  # 0: no cap
    one_line = "가나다 " * 1000
    assert analysed_part(one_line, 1001).endswith("가나다")  # cut at whitespace, no word split


def test_entities_on_a_huge_article_are_bounded_by_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ENTITY_CHARS", 3000)
    dump = "수량 기사\n" + " ".join(f"{i}개 {i}명" for i in range(200_000)) + "다.\n"
    art = clean_text(dump, entities=True)
    assert art.status == "ok" and len(art.text) > 1_000_000
    assert art.entities and max(e.end for e in art.entities) <= 3000
    for e in art.entities:
        assert art.text[e.start : e.end] == e.text


# --- memory ----------------------------------------------------------------------------------

_MEMORY_PROBE = r"""
import resource, sys
from newsclean import clean
data = open(sys.argv[1], "rb").read()
art = clean(data, entities=False)
print(art.status, len(art.text), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@pytest.mark.parametrize("shape", ["many-elements", "long-paragraphs"])
def test_peak_memory_for_a_30mb_page_stays_under_1gb(shape: str, tmp_path: Path) -> None:
    target = 30 * 1024 * 1024
    if shape == "many-elements":  # 350k elements: skipped past the element cap
        chunk = "".join(f"<p>시는 도심 공원 산책로에 새 조명을 설치한다고 밝혔다 {i}번.</p>\n" for i in range(1000))
        body = chunk.encode() * (target // len(chunk.encode()) + 1)
    else:  # ~3 000 distinct paragraphs of 10 kB, 10 MB of text: cleaned in full
        parts: list[bytes] = []
        size = 0
        while size < target:
            sentence = f"시는 산책로 {len(parts)}곳에 조명을 설치한다고 {len(parts) % 28 + 1}일 밝혔다. "
            parts.append(("<p>" + sentence * 100 + "</p>\n").encode())
            size += len(parts[-1])
        body = b"".join(parts)
    head = b"<html><head><meta charset='utf-8'><title>t</title></head><body><article>"
    p = tmp_path / "big.html"
    p.write_bytes(head + body + b"</article></body></html>")
    assert p.stat().st_size >= target
    proc = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(p)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    status, chars, maxrss_kb = proc.stdout.split()
    assert status == ("skipped" if shape == "many-elements" else "ok")
    assert shape == "many-elements" or int(chars) > 5_000_000
    assert int(maxrss_kb) < 1024 * 1024, f"peak RSS {int(maxrss_kb) // 1024} MB"
