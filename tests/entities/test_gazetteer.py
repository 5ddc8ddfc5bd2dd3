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


def test_every_history_record_has_a_source() -> None:
    data = json.loads((ROOT / "src/newsclean/data/gazetteer/regions.json").read_text(encoding="utf-8"))
    for rec in data["sigungu"]:
        assert all(h.get("source") for h in rec["history"]), rec["name"]
    assert all(g.get("source") for g in data["groups"])


@pytest.mark.parametrize(
    ("sido", "old", "valid_to"),
    [("강원특별자치도", "42", "2023-06-10"), ("전북특별자치도", "45", "2024-01-17")],
)
def test_renamed_sido_sigungu_keep_their_old_codes(sido: str, old: str, valid_to: str) -> None:
    import datetime as dt

    reg = gazetteer.regions()
    items = {g.code: g for forms in reg.sigungu_by_form.values() for g in forms if g.sido == sido}
    assert len(items) >= 14
    last = dt.date.fromisoformat(valid_to)
    for code, g in items.items():
        assert g.on(last) == (sido, old + code[2:])
        assert g.on(last + dt.timedelta(days=1)) == (sido, code)
        assert g.on(None) == (sido, code)


def test_a_moved_sigungu_has_its_old_sido() -> None:
    import datetime as dt

    reg = gazetteer.regions()
    (g,) = [g for g in reg.sigungu_by_form["군위군"]]
    assert g.on(dt.date(2023, 6, 30)) == ("경상북도", "47720")
    assert g.on(dt.date(2023, 7, 1)) == ("대구광역시", "27720")


def test_kiwi_is_not_picklable() -> None:
    import pickle

    from newsclean.entities import kiwi

    kiwi.get_kiwi()
    with pytest.raises(TypeError):
        pickle.dumps(kiwi._KIWI)
