"""Gold recall on the shared corpus (skipped when ../shared is absent)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import GOLD

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not GOLD.exists(), reason="../shared/corpus is absent")
def test_gold_entity_recall() -> None:
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/entity_recall.py"),
            "--gold",
            str(GOLD),
            "--min",
            "ministry=0.9",
            "--min",
            "region=0.9",
            "--min",
            "count=0.8",
            "--min",
            "person=0.8",
            "--min",
            "region_absent=1",
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr
