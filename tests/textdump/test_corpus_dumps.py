"""The shared corpus's text dumps, scored with the project's yardstick (skipped without the corpus)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import main as cli_main

pytestmark = pytest.mark.corpus


def test_text_dumps_meet_issue_7(corpus_dir: Path, score_py: Path, tmp_path: Path) -> None:
    dumps = sorted(str(p) for p in (corpus_dir / "text").glob("*.txt"))
    assert dumps
    out = tmp_path / "dumps.jsonl"
    assert cli_main(["--no-entities", "-o", str(out), *dumps]) == 0
    summary = tmp_path / "summary.json"
    done = subprocess.run(
        [sys.executable, str(score_py), "--gold", str(corpus_dir / "gold"), "--pred", str(out), "--only", "text/",
         "--json", str(summary)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    s = json.loads(summary.read_text(encoding="utf-8"))["summary"]
    assert s["missing"] == 0
    assert s["body_f1"] >= 0.95
    assert s["leak"] <= 0.02
    assert s["dup"] == 0
    assert s["title"] >= 0.90
    assert s["published"] == s["reporters"] == s["publisher"] == 1.0
