"""The docs: every code example runs, and the site builds without warnings."""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```\s*$", re.M | re.S)


# Pages whose examples a dedicated test runs (comparing their shown output, Spark included).
DEDICATED = {"etl.md": ROOT / "tests" / "etl" / "test_etl_docs.py"}


def steps(md: Path) -> list[tuple[str, int, str, list[str]]]:
    """The page's examples in order: ("python", line, code, []) or ("console", line, cmd, shown output)."""
    text = md.read_text(encoding="utf-8")
    out: list[tuple[str, int, str, list[str]]] = []
    for m in FENCE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if m["lang"] == "python":
            out.append(("python", line, m["body"], []))
        elif m["lang"] == "console":
            for cmd in m["body"].splitlines():
                if cmd.startswith("$ "):
                    out.append(("console", line, cmd[2:].strip(), []))
                elif cmd.strip() and out and out[-1][0] == "console":
                    out[-1][3].append(cmd)
    return out


PAGES = sorted(p for p in DOCS.glob("*.md") if p.name not in DEDICATED)
SUMMARY = re.compile(r"(?P<total>\d+) records \((?P<ok>\d+) ok")


def expected_exit(shown: list[str]) -> int:
    """0, or 1 when the output the page shows says some record is not ok."""
    for line in shown:
        m = SUMMARY.search(line)
        if m and m["ok"] != m["total"]:
            return 1
    return 0


def run_newsclean(cmd: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    argv = shlex.split(cmd)
    stdin = None
    if "<" in argv:
        at = argv.index("<")
        stdin = (cwd / argv[at + 1]).read_text(encoding="utf-8")
        argv = argv[:at] + argv[at + 2 :]
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *argv[1:]],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_docs_have_examples() -> None:
    found = [s for p in PAGES for s in steps(p)]
    assert sum(1 for s in found if s[0] == "python") >= 4
    assert sum(1 for s in found if s[0] == "console" and s[2].startswith("newsclean")) >= 3
    for page, test in DEDICATED.items():
        if (DOCS / page).exists():
            assert test.exists(), f"{page} is left to {test}, which is missing"


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_examples_run_in_order(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page's examples run in document order from a directory that has the repo's fixtures."""
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    monkeypatch.chdir(tmp_path)
    for kind, line, body, shown in steps(page):
        where = f"{page.name}:{line}"
        if kind == "python":
            exec(compile(body, where, "exec"), {"__name__": f"docs_example_{line}"})
        elif body.startswith("newsclean"):
            done = run_newsclean(body, tmp_path)
            assert done.returncode == expected_exit(shown), (where, body, done.stderr[-2000:])
            if " -o " not in f" {body} ":
                assert done.stdout.strip(), (where, body)


def test_generated_pages_list_every_rule_and_option(tmp_path: Path) -> None:
    sys.path.insert(0, str(DOCS))
    try:
        import gen
    finally:
        sys.path.remove(str(DOCS))
    pages = {p.name: p.read_text(encoding="utf-8") for p in gen.generate(tmp_path)}
    from newsclean.cli import build_parser
    from newsclean.pipeline import rules
    from newsclean.resources import load_json
    from newsclean.strip.chrome import chrome_entries

    for name in rules():
        assert f"`{name}`" in pages["rules.md"]
    for entry in chrome_entries():  # the registry holds every phrase-table entry
        assert f"`{entry['rule']}`" in pages["rules.md"]
    for name in load_json("textdump.json")["rules"]:
        assert name.startswith("_") or f"`{name}`" in pages["rules.md"]
    for action in build_parser()._actions:
        for flag in action.option_strings:
            assert flag in pages["cli.md"] or flag in ("-h", "--help")
    for field in ("schema_version", "paragraphs", "entities", "published"):
        assert f"`{field}`" in pages["schema.md"]


@pytest.mark.skipif(importlib.util.find_spec("sphinx") is None, reason="sphinx not installed (pip install .[docs])")
@pytest.mark.skipif(importlib.util.find_spec("myst_parser") is None, reason="myst-parser not installed")
def test_docs_build_without_warnings(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-n", "-q", "-b", "html", str(DOCS), str(tmp_path / "html")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "html" / "index.html").exists()
