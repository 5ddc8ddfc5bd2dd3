"""The explain report of an HTML page accounts for the page text outside the article container,
and its header counts every struck-through piece."""

from __future__ import annotations

import re
from pathlib import Path

from newsclean.cli import main as cli_main
from newsclean.explain import explain_file, outside_of, render
from newsclean.explain_outside import outside_groups

PAGE = "explain/outside_and_cut.html"


def test_outside_groups_by_reason(fixtures_dir: Path) -> None:
    path = str(fixtures_dir / PAGE)
    art, rows = explain_file(path, entities=False)
    groups = {g.reason: g for g in outside_of(path, art, rows)}
    assert {"nav", "aside", "footer", "hidden", "links", "other"} <= set(groups)
    assert groups["nav"].count == 4 and groups["nav"].samples == ["정치", "경제", "사회"]
    assert groups["aside"].count == 4 and "많이 본 기사" in groups["aside"].samples
    assert any("All rights reserved" in s for s in groups["footer"].samples)
    assert groups["hidden"].samples == ["본문 바로가기 안내 문구입니다"]
    assert any("제보를 기다립니다" in s for s in groups["other"].samples)
    every = [s for g in groups.values() for s in g.samples]
    # Nothing the cleaning saw is counted again, and scripts are no text.
    assert not any("하천 산책로 네 구간" in s or "스크립트" in s for s in every)
    assert "하천 산책로 야간 조명 늘린다" not in every  # the headline became the title
    assert all(g.count >= len(g.samples) and g.chars > 0 for g in groups.values())


def test_outside_groups_of_a_page_with_nothing_else_is_empty() -> None:
    body = "<p>시청 앞 광장에서 주말마다 작은 음악회가 열린다고 시가 밝혔다. 시민 누구나 참여할 수 있다.</p>"
    page = f"<html><body><article>{body}</article></body></html>".encode()
    seen = ["시청 앞 광장에서 주말마다 작은 음악회가 열린다고 시가 밝혔다. 시민 누구나 참여할 수 있다."]
    assert outside_groups(page, seen) == []


def test_header_counts_what_is_struck(fixtures_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert cli_main(["explain", str(fixtures_dir / PAGE), "--no-entities", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    summary = re.search(r'<p class="summary">(.*?)</p>', html)
    assert summary is not None
    struck = html.count('<div class="block removed"') + html.count('<del class="cut"')
    assert struck == 2  # the byline line removed, the dateline cut from the first paragraph
    assert f", {struck} struck through (1 block removed, 1 piece cut" in summary.group(1)
    assert "byline.dateline ×1" in summary.group(1)
    section = html[html.index('<section id="outside">') :]
    n = sum(int(x) for x in re.findall(r'<span class="count">(\d+)</span>', section))
    assert f"{n} blocks outside the article container" in summary.group(1)
    assert '<li data-reason="nav">' in section


def test_text_dump_report_has_no_outside_section(fixtures_dir: Path) -> None:
    path = str(fixtures_dir / "text" / "publisher_page.txt")
    art, rows = explain_file(path, entities=False)
    assert outside_of(path, art, rows) == []
    assert 'id="outside"' not in render(art, rows)
