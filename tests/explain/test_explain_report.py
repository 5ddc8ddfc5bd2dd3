"""The explain report: which blocks were kept, which were removed by which rule, rendered in Chromium."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsclean.cli import main as cli_main
from newsclean.explain import explain_file, render

SEED = "seed/000_d8aba8575cd74dc0.txt"
CHROMIUM = next(
    (
        p
        for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
        if p and Path(p).exists()
    ),
    None,
)


class Blocks(HTMLParser):
    """Collects the report's blocks: (class, data-rule, text) and the <mark> types."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[dict[str, object]] = []
        self.marks: list[tuple[str, str]] = []
        self._mark: str | None = None
        self._depth = 0
        self._external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "link", "img", "iframe") or (tag == "link" and a.get("href")):
            self._external.append(tag)
        cls = a.get("class") or ""
        if tag == "div" and "block" in cls.split():
            self.blocks.append({"class": cls, "rule": a.get("data-rule"), "text": "", "del": False})
            self._depth = 1
        elif self._depth and tag == "div":
            self._depth += 1
        if tag == "del" and self.blocks and self._depth:
            self.blocks[-1]["del"] = True
        if tag == "mark" and "ent" in cls.split():
            self._mark = a.get("data-type") or ""
            self.marks.append((self._mark, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._depth:
            self._depth -= 1
        if tag == "mark":
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._depth and self.blocks:
            self.blocks[-1]["text"] = str(self.blocks[-1]["text"]) + data
        if self._mark is not None:
            t, s = self.marks[-1]
            self.marks[-1] = (t, s + data)


def parse(html: str) -> Blocks:
    p = Blocks()
    p.feed(html)
    return p


def test_seed_report_lists_removals_by_named_rules(fixtures_dir: Path) -> None:
    art, rows = explain_file(str(fixtures_dir / SEED), entities=False)
    removed = [r for r in rows if r.rule is not None]
    assert len(removed) >= 10
    assert len({r.rule for r in removed}) >= 4
    assert all(r.text for r in removed)
    kept = [r.text for r in rows if r.rule is None]
    assert kept == list(art.paragraphs)


def test_explain_cli_on_the_seed(fixtures_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``newsclean --explain`` keeps listing at least 10 removals by at least 4 rules, each with its text."""
    import json

    assert cli_main(["--no-entities", "--explain", str(fixtures_dir / SEED)]) == 0
    rec = json.loads(capsys.readouterr().out)
    rules = Counter(r["rule"] for r in rec["removed"])
    assert sum(rules.values()) >= 10 and len(rules) >= 4
    assert all(r["text"].strip() for r in rec["removed"])


def test_report_shows_dump_lines_in_order_with_rules(fixtures_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert (
        cli_main(["explain", str(fixtures_dir / "text" / "publisher_page.txt"), "--no-entities", "-o", str(out)]) == 0
    )
    doc = parse(out.read_text(encoding="utf-8"))
    lines = [
        ln.strip()
        for ln in (fixtures_dir / "text" / "publisher_page.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip()
    ]
    assert len(doc.blocks) == len(lines)
    # Reading order: the n-th block shows the n-th line (a kept block may have lost a cut piece).
    for block, line in zip(doc.blocks, lines, strict=True):
        assert str(block["text"]).replace("\u00a0", " ").strip().endswith(line[-8:]) or block["rule"] is None
    rules = {b["rule"] for b in doc.blocks if b["rule"]}
    assert {"title", "textdump.menu", "textdump.date", "page.photo-widget", "tail.copyright"} <= rules
    assert all(b["del"] for b in doc.blocks if b["rule"])
    assert not doc._external


def test_page_text_is_escaped(tmp_path: Path) -> None:
    page = tmp_path / "hostile.txt"
    page.write_text(
        "<script>alert(1)</script> 제목 줄입니다\n"
        "구청은 올해 하천 산책로에 <b>가로등</b> 3백 개를 새로 세운다고 밝혔다.\n"
        "공사는 다음 달 시작해 여름이 오기 전에 마무리할 계획이다.\n",
        encoding="utf-8",
    )
    art, rows = explain_file(str(page), entities=False)
    html = render(art, rows)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;가로등&lt;/b&gt;" in html


def test_entities_are_highlighted_by_type(fixtures_dir: Path) -> None:
    art, rows = explain_file(str(fixtures_dir / SEED), entities=True)
    doc = parse(render(art, rows))
    assert doc.marks, "no entity highlighted"
    for etype, text in doc.marks:
        assert any(e.type == etype and e.text == text for e in art.entities), (etype, text)
    assert {"ministry", "region"} <= {t for t, _ in doc.marks}


def chromium_dom(html_file: Path, tmp_path: Path) -> str:
    assert CHROMIUM is not None
    profile = tmp_path / "chromium-profile"
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--dump-dom",
        html_file.resolve().as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium); CI installs it")
def test_report_renders_in_chromium(fixtures_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed-report.html"
    assert cli_main(["explain", str(fixtures_dir / SEED), "-o", str(out)]) == 0
    doc = parse(chromium_dom(out, tmp_path))
    removed = [b for b in doc.blocks if b["rule"]]
    assert len(removed) >= 10 and len({b["rule"] for b in removed}) >= 4
    assert all(b["del"] for b in removed), "removed blocks are struck through"
    for b in removed:  # each labelled with its rule, then its text
        assert str(b["text"]).startswith(str(b["rule"]))
    assert any(b["rule"] == "duplicates" for b in removed)
    kept = [b for b in doc.blocks if not b["rule"]]
    assert len(kept) == 9
    assert {"ministry", "region", "person"} <= {t for t, _ in doc.marks}
    assert ("ministry", "중소벤처기업부") in doc.marks


def test_html_page_report_keeps_the_record_paragraphs_in_order(fixtures_dir: Path, tmp_path: Path) -> None:
    page = fixtures_dir / "sites" / "daum-v-2023" / "page.html"
    art, rows = explain_file(str(page), entities=False)
    assert art.ok
    assert [r.text for r in rows if r.rule is None and r.kind != "caption"] == list(art.paragraphs)
    removed = [r for r in rows if r.rule is not None]
    assert removed and all(r.text for r in removed)
    out = tmp_path / "page.html"
    assert cli_main(["explain", str(page), "--no-entities", "-o", str(out)]) == 0
    doc = parse(out.read_text(encoding="utf-8"))
    assert [b["rule"] for b in doc.blocks if b["rule"]] == [r.rule for r in removed]
    assert "encoding" in out.read_text(encoding="utf-8")


def test_explain_usage_errors(tmp_path: Path) -> None:
    assert cli_main(["explain", str(tmp_path / "missing.html")]) == 2
    other = tmp_path / "page.pdf"
    other.write_bytes(b"%PDF")
    assert cli_main(["explain", str(other)]) == 2
