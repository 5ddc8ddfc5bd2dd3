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


@pytest.mark.corpus
@pytest.mark.skipif(not GOLD.exists(), reason="../shared/corpus is absent")
def test_gold_persons_are_named_in_the_body() -> None:
    """The gold lists persons named in the article text (a reporter only where the body names
    them: an anchor's hand-off '김이영 기자!'), never byline-only reporters: entities carry offsets
    into ``text``, so the record's reporters are not copied into its entities."""
    import json

    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        body = "".join("".join(gold["paragraphs"]).split())
        for person in (gold.get("entities") or {}).get("person", []):
            assert "".join(person["name"].split()) in body, (path.name, person)
