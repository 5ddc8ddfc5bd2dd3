"""The shared corpus: the HTML pages score above the issue's bars (score.py, entities off)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean import clean

BARS_MIN = {"body_f1": 0.97, "perfect": 0.80, "title": 0.95, "published": 0.90, "reporters": 0.85, "publisher": 0.90}
BARS_MAX = {"leak": 0.02, "dup": 0}


@pytest.mark.corpus
def test_corpus_html_scores(corpus_dir: Path, score_py: Path, tmp_path: Path) -> None:
    pages = sorted((corpus_dir / "html").glob("*.html"))
    assert pages
    out = tmp_path / "records.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for p in pages:
            art = clean(p.read_bytes(), source=str(p), entities=False)
            fh.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
    args = [sys.executable, str(score_py), "--gold", str(corpus_dir / "gold"), "--pred", str(out), "--only", "html/"]
    args += [f"--min={k}={v}" for k, v in BARS_MIN.items()]
    args += [f"--max={k}={v}" for k, v in BARS_MAX.items()]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.corpus
def test_every_corpus_page_is_ok(corpus_dir: Path) -> None:
    for p in sorted((corpus_dir / "html").glob("*.html")):
        art = clean(p.read_bytes(), source=str(p), entities=False)
        assert art.status == "ok", (p.name, art.error)
        assert art.encoding in ("utf-8", "cp949"), p.name
