"""What ``bench/fuzz.py`` found, kept as tests once fixed (one test per finding, smallest input)."""

from __future__ import annotations

import pytest

from newsclean import clean, clean_text

# fuzz html, 2026-11: control characters survive libxml2's parse but lxml refuses them when
# a node is edited (dropping a hidden span joins its tail to the parent's text) -> error record.
CONTROL_CHARS = (
    "<html><body><article><p>시는 새 조명을 설치한다고\x01 밝혔다.<span hidden>숨김</span>"
    " 시민들이\x02 안심하고 걷는다.\x0b\ufffe</p></article></body></html>"
)


@pytest.mark.parametrize("encoding", [None, "utf-8", "utf-16", "cp949"])
def test_control_characters_in_text_next_to_a_dropped_node(encoding: str | None) -> None:
    page = CONTROL_CHARS if encoding is None else CONTROL_CHARS.encode(encoding, "replace")
    art = clean(page, entities=False)
    assert art.status == "ok", art.error
    assert art.text.startswith("시는 새 조명을 설치한다고 밝혔다. 시민들이 안심하고 걷는다.")  # cp949: \ufffe is "?"
    assert not any(c in art.text for c in "\x01\x02\x0b\ufffe")


# fuzz entities, 2026-11: a lone surrogate made Kiwi's token forms undecodable -> error record.
def test_lone_surrogates_in_a_str_page_and_dump() -> None:
    text = "시는 새 조명을 설치한다고 밝혔다.\ud800 시민들이 안심하고 걷는다."
    art = clean(f"<html><body><article><p>{text}</p><p hidden>숨김</p></article></body></html>", entities=False)
    assert art.status == "ok", art.error
    assert "안심하고" in art.text and "\ud800" not in art.text
    dump = clean_text("제목\n" + text + "\n", entities=True)
    assert dump.status == "ok", dump.error
    for e in dump.entities:
        assert dump.text[e.start : e.end] == e.text


# found while fixing the one above: a JSON input's "\ud800" escape reached the CLI's writer,
# which cannot encode it as UTF-8 -> a Traceback and a lost batch.
def test_the_cli_writes_records_holding_lone_surrogates() -> None:
    import json
    import subprocess
    import sys

    lines = [
        r'{"source": "s1\ud800", "text": "제목\n시는 새 조명을 설치한다고 밝혔다.\ud800 시민들이 안심하고 걷는다."}',
        r'{"source": "s2", "html": "<p>시는 새 조명을 설치한다고 밝혔다.\udc00 시민들이 안심하고 걷는다.</p>"}',
    ]
    outs = {}
    for fmt in ("jsonl", "text"):
        proc = subprocess.run(
            [sys.executable, "-m", "newsclean", "--no-entities", "--format", fmt, "-"],
            input="\n".join(lines) + "\n",
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        outs[fmt] = proc.stdout
    recs = [json.loads(line) for line in outs["jsonl"].splitlines()]
    assert [r["source"] for r in recs] == ["s1\ufffd", "s2"]
    assert recs[0]["text"] == "시는 새 조명을 설치한다고 밝혔다.\ufffd 시민들이 안심하고 걷는다."
    assert "안심하고" in outs["text"]
