"""The CLI: inputs, formats, exit codes and error records (one record per input, always)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsclean.cli import main

# the type of the conftest fixture ``run_cli`` (conftest is not importable under importlib mode)
RunCli = Callable[..., tuple[int, list[dict[str, Any]], str]]

SEED = "seed/000_d8aba8575cd74dc0.txt"


def test_one_ok_file_exits_0(run_cli: RunCli, fixtures_dir: Path) -> None:
    code, recs, _ = run_cli(["--no-entities", str(fixtures_dir / SEED)])
    assert code == 0
    assert len(recs) == 1
    assert recs[0]["status"] == "ok"
    assert recs[0]["publisher"] == "머니투데이"
    assert "removed" not in recs[0]


def test_missing_file_is_an_error_record_exit_1(run_cli: RunCli, fixtures_dir: Path) -> None:
    missing = str(fixtures_dir / "no-such-file.txt")
    code, recs, err = run_cli(["--no-entities", str(fixtures_dir / SEED), missing, str(fixtures_dir / SEED)])
    assert code == 1
    assert [r["status"] for r in recs] == ["ok", "error", "ok"]
    assert recs[1]["source"] == missing
    assert recs[1]["error"].startswith("FileNotFoundError:")
    assert "Traceback" not in err


def test_folder_input_walks_files_in_order(run_cli: RunCli, fixtures_dir: Path) -> None:
    code, recs, _ = run_cli(["--no-entities", str(fixtures_dir / "dumps")])
    assert code == 0
    names = [Path(r["source"]).name for r in recs]
    assert names == sorted(names) and len(names) == 3


def test_unsupported_suffix_is_skipped_record(run_cli: RunCli, tmp_path: Path) -> None:
    p = tmp_path / "data.csv"
    p.write_text("a,b\n", encoding="utf-8")
    code, recs, _ = run_cli(["--no-entities", str(p)])
    assert code == 1
    assert recs[0]["status"] == "skipped"
    assert "UnsupportedInput" in recs[0]["error"]


def test_stdin_paths_and_json_lines(run_cli: RunCli, fixtures_dir: Path) -> None:
    text = (fixtures_dir / "dumps" / "split_byline.txt").read_text(encoding="utf-8")
    stdin = "\n".join(
        [
            str(fixtures_dir / SEED),
            json.dumps({"source": "doc-7", "text": text}, ensure_ascii=False),
            "{not json",
            json.dumps({"source": "doc-9"}),
        ]
    )
    code, recs, _ = run_cli(["--no-entities", "-"], stdin)
    assert code == 1
    assert [r["source"] for r in recs] == [str(fixtures_dir / SEED), "doc-7", "<stdin>:3", "doc-9"]
    assert [r["status"] for r in recs] == ["ok", "ok", "error", "error"]
    assert recs[1]["title"] == "반도체 수출 석 달 연속 늘었다"


def test_explain_adds_removed(run_cli: RunCli, fixtures_dir: Path) -> None:
    code, recs, _ = run_cli(["--no-entities", "--explain", str(fixtures_dir / SEED)])
    assert code == 0
    removed = recs[0]["removed"]
    assert len(removed) >= 10
    assert len({r["rule"] for r in removed}) >= 4
    assert all(r["text"] for r in removed)


def test_output_file_and_json_format(fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    code = main(["--no-entities", "--format", "json", "-o", str(out), str(fixtures_dir / "dumps")])
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list) and len(data) == 3


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_human_formats(fmt: str, fixtures_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--no-entities", "--format", fmt, str(fixtures_dir / SEED)])
    out = capsys.readouterr().out
    assert code == 0
    assert "연석회의 개최" in out
    assert "Copyright" not in out
    if fmt == "markdown":
        assert out.startswith("# ")


@pytest.mark.parametrize("args", [[], ["--format", "xml", "x.txt"], ["--jobs", "0", "x.txt"], ["--bogus", "x.txt"]])
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2


def test_python_dash_m_entry_point(fixtures_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "--no-entities", str(fixtures_dir / SEED), "/no/such.txt"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    recs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["status"] for r in recs] == ["ok", "error"]
    assert "Traceback" not in proc.stderr


def test_help_lists_subcommands_inputs_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    for needle in ("newsclean explain PAGE", "crawl.warc[.gz]", "folder/", "'crawl/**/*.html'", "--stdin"):
        assert needle in text, needle
    for code in ("0 ", "1 ", "2 ", "130 "):
        assert f"\n  {code}" in text, code
    assert max(len(line) for line in text.splitlines()) <= 100


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.jsonl", lambda s: json.loads(s.splitlines()[0])["status"] == "ok"),
        ("out.json", lambda s: json.loads(s)[0]["status"] == "ok"),
        ("out.md", lambda s: s.startswith("# ")),
        ("out.txt", lambda s: not s.startswith("{") and "머니투데이" in s),
    ],
)
def test_output_format_follows_the_suffix(
    tmp_path: Path, fixtures_dir: Path, name: str, check: Callable[[str], bool]
) -> None:
    out = tmp_path / name
    assert main(["--no-entities", "-q", "-o", str(out), str(fixtures_dir / SEED)]) == 0
    assert check(out.read_text(encoding="utf-8"))


def test_unknown_output_suffix_is_a_usage_error(run_cli: RunCli, tmp_path: Path, fixtures_dir: Path) -> None:
    out = tmp_path / "out.csv"
    code, recs, err = run_cli(["--no-entities", "-o", str(out), str(fixtures_dir / SEED)])
    assert code == 2 and recs == [] and not out.exists()
    assert "out.csv" in err and ".jsonl" in err and "--format" in err
    # An explicit --format is taken at its word.
    assert main(["--no-entities", "-q", "--format", "jsonl", "-o", str(out), str(fixtures_dir / SEED)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["status"] == "ok"


def test_terminal_gets_a_readable_view_pipes_keep_json_lines(
    run_cli: RunCli, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import newsclean.cli as cli

    monkeypatch.setattr(cli, "_stdout_is_terminal", lambda: True)
    assert main(["--explain", "--no-entities", str(fixtures_dir / SEED)]) == 0
    view = capsys.readouterr().out
    assert view.startswith("# ") and "- Publisher: 머니투데이" in view
    assert "## Removed (" in view and "\n- `" in view
    monkeypatch.setattr(cli, "_stdout_is_terminal", lambda: False)
    code, recs, _ = run_cli(["--no-entities", str(fixtures_dir / SEED)])
    assert code == 0 and recs[0]["status"] == "ok"  # JSON Lines


def test_markdown_lists_entities_by_type(
    run_cli: RunCli, fixtures_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--format", "markdown", str(fixtures_dir / SEED)]) == 0
    view = capsys.readouterr().out
    assert "## Entities" in view and "- ministry: 중소벤처기업부" in view


def test_empty_folder_says_so(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a", encoding="utf-8")
    code, recs, _ = run_cli([str(tmp_path)])
    assert code == 1 and len(recs) == 1
    assert recs[0]["status"] == "skipped"
    assert recs[0]["error"].startswith(f"EmptyFolder: {tmp_path}: no .html, .htm, .txt")


def test_missing_file_of_unknown_kind_is_not_found(run_cli: RunCli, tmp_path: Path) -> None:
    code, recs, _ = run_cli([str(tmp_path / "gone.csv")])
    assert code == 1 and recs[0]["error"].startswith("FileNotFoundError")


def test_explain_on_a_folder_says_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "no such file" not in err
