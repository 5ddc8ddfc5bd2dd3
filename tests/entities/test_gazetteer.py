"""The gazetteer data: generated, complete, and reproducible from the reference tables."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.entities import gazetteer

from .conftest import REFERENCE

ROOT = Path(__file__).resolve().parents[2]


def test_counts() -> None:
    reg = gazetteer.regions()
    assert len(reg.sido) == 17
    names = {g.code for forms in reg.sigungu_by_form.values() for g in forms}
    assert len(names) >= 226


def test_every_record_has_a_source() -> None:
    for name in ("ministries.json", "regions.json"):
        data = json.loads((ROOT / "src/newsclean/data/gazetteer" / name).read_text(encoding="utf-8"))
        for key, items in data.items():
            if isinstance(items, list):
                assert all(rec.get("source") for rec in items), (name, key)


@pytest.mark.corpus
@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/reference is absent")
def test_rebuild_is_identical(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/build_gazetteer.py"),
            "--reference",
            str(REFERENCE),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    for name in ("ministries.json", "regions.json"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (
            ROOT / "src/newsclean/data/gazetteer" / name
        ).read_text(encoding="utf-8")


def test_kiwi_is_not_picklable() -> None:
    import pickle

    from newsclean.entities import kiwi

    kiwi.get_kiwi()
    with pytest.raises(TypeError):
        pickle.dumps(kiwi._KIWI)
