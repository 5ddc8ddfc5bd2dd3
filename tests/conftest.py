"""Shared test helpers: where fixtures and the shared corpus live."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# The compiled-pattern cache (newsclean.regexcache) of this test session lives in a folder of
# its own: tests never read or fill the user's cache.
_CACHE_DIR = tempfile.mkdtemp(prefix="newsclean-test-cache-")
os.environ["NEWSCLEAN_CACHE_DIR"] = _CACHE_DIR


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE_DIR, ignore_errors=True)


ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
SCORE_PY = SHARED / "eval" / "score.py"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CORPUS.is_dir():
        return
    skip = pytest.mark.skip(reason=f"shared corpus not found at {CORPUS}")
    for item in items:
        if "corpus" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def score_py() -> Path:
    return SCORE_PY


CliResult = tuple[int, list[dict[str, Any]], str]
RunCli = Callable[..., CliResult]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Run ``newsclean.cli.main(args)`` in process with ``stdin`` as standard input:
    (exit code, the JSON Lines records printed, stderr)."""
    from newsclean.cli import main

    def run(args: list[str], stdin: str = "") -> CliResult:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(args)
        out, err = capsys.readouterr()
        return code, [json.loads(line) for line in out.splitlines() if line.strip()], err

    return run


def check_against_known(bad: dict[str, str], known: dict[str, str], where: str) -> None:
    """Fail on any wrong field not listed in ``known`` (field → why it is wrong), fail on a listed
    field that came out right (``where`` says which table to remove it from), else xfail with the
    listed reasons when any are listed."""
    unexpected = {k: v for k, v in bad.items() if k not in known}
    assert not unexpected, "\n".join(f"{k}: {v}" for k, v in unexpected.items())
    fixed = sorted(set(known) - set(bad))
    assert not fixed, f"xfail fields now right, remove them from {where}: {fixed}"
    if known:
        pytest.xfail("; ".join(f"{k}: {why}" for k, why in known.items()))


@pytest.fixture(scope="session")
def known_failures() -> Callable[[dict[str, str], dict[str, str], str], None]:
    """:func:`check_against_known`, for record tests whose expectations list known wrong fields."""
    return check_against_known
