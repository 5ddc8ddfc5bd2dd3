"""Hostile and broken input: every input gives exactly one record with a clear status, in
bounded time and memory, and nothing in an input makes newsclean read files or expand
entities.

The whole hostile folder goes through the CLI once (the way a batch meets it); each case is
then checked on its own record. The small cases also go through the Python API in-process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsclean.inputs import Options, process

from .hostile import SECRET_FILE_TEXT, Case, cases

SCALE = 1.0
SMALL = 1 << 20  # cases below this many bytes also run in-process


@pytest.fixture(scope="module")
def secret_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("secret") / "secret.txt"
    p.write_text(SECRET_FILE_TEXT + "\n", encoding="utf-8")
    return p


def all_cases(secret: str | None = "/nonexistent/secret.txt") -> list[Case]:
    return list(cases(SCALE, secret))


_SIZES = {c.name: len(c.payload) for c in all_cases()}
CASE_NAMES = list(_SIZES)
SMALL_NAMES = [name for name, size in _SIZES.items() if size <= SMALL]  # the large ones: CLI only


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, secret_file: Path) -> dict[str, tuple[Case, Path]]:
    d = tmp_path_factory.mktemp("hostile")
    out = {}
    for i, c in enumerate(all_cases(str(secret_file))):
        p = d / f"{i:02d}_{c.name}{c.suffix}"
        p.write_bytes(c.payload)
        out[c.name] = (c, p)
    return out


@pytest.fixture(scope="module")
def cli_run(hostile: dict[str, tuple[Case, Path]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every hostile file, a missing path and a folder named like a page, through the CLI."""
    extra = tmp_path_factory.mktemp("odd")
    missing = extra / "does-not-exist.html"
    folder = extra / "a-folder.html"
    folder.mkdir()
    files = [str(p) for _, p in hostile.values()]
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "--no-entities", "--jobs", "2", *files, str(missing), str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    recs = [json.loads(line) for line in proc.stdout.splitlines()]
    return {"proc": proc, "recs": recs, "sources": [*files, str(missing), str(folder)]}


def check(c: Case, rec: dict[str, Any]) -> None:
    assert rec["status"] in c.statuses, (c.name, rec["status"], rec["error"])
    if rec["status"] != "ok":
        assert rec["error"], f"{c.name}: a record that is not ok must say why"
    if c.error_prefix:
        assert (rec["error"] or "").startswith(c.error_prefix), (c.name, rec["error"])
    flat = json.dumps(rec, ensure_ascii=False)
    for s in c.must_have:
        assert s in rec["text"], (c.name, s)
    for s in c.must_not_have:
        assert s not in flat, (c.name, s)
    assert rec["text"] == "\n\n".join(rec["paragraphs"])
    assert "\ufffd" not in "".join(c.must_have)


def test_cli_gives_one_record_per_input_in_order(cli_run: dict[str, Any]) -> None:
    proc = cli_run["proc"]
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert [r["source"] for r in cli_run["recs"]] == cli_run["sources"]
    missing, folder = cli_run["recs"][-2:]
    assert missing["status"] == "error" and missing["error"].startswith("FileNotFoundError")
    assert folder["status"] == "skipped" and folder["error"].startswith("EmptyFolder:"), folder["error"]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_each_case_through_the_cli(name: str, cli_run: dict[str, Any], hostile: dict[str, tuple[Case, Path]]) -> None:
    case, path = hostile[name]
    by_source = {r["source"]: r for r in cli_run["recs"]}
    check(case, by_source[str(path)])


@pytest.mark.parametrize("name", SMALL_NAMES)
def test_each_small_case_through_the_api(name: str, hostile: dict[str, tuple[Case, Path]]) -> None:
    case, path = hostile[name]
    check(case, process(str(path), Options(entities=False)).to_dict())


def test_cli_reads_a_jsonl_stream_of_hostile_records(hostile: dict[str, tuple[Case, Path]]) -> None:
    """Inputs that are not files: html/text fields, a bad JSON line, a line that is no object."""
    small = [(c, p) for c, p in hostile.values() if len(c.payload) < 20_000]
    lines = []
    for c, p in small:
        field = "text" if c.suffix == ".txt" else "html"
        lines.append(json.dumps({"source": c.name, field: p.read_bytes().decode("utf-8", "replace")}))
    lines += ['{"source": "broken", "html": ', "[1, 2, 3]", '{"source": "no-field"}']
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "--no-entities", "-"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    recs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(recs) == len(lines)
    assert [r["source"] for r in recs[: len(small)]] == [c.name for c, _ in small]
    broken, not_object, no_field = recs[len(small) :]
    assert broken["status"] == "error" and broken["error"].startswith("JSONDecodeError")
    assert not_object["status"] in ("error", "skipped") and not_object["error"]  # read as a path
    assert no_field["status"] == "error" and no_field["error"].startswith("InvalidInput")
