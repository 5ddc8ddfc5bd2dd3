"""The CLI over batches: --jobs, --timeout, --max-bytes, --resume, progress and the summary line."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsclean.cli as cli
from newsclean.cli import main, summary_line

# the type of the conftest fixture ``run_cli`` (conftest is not importable under importlib mode)
RunCli = Callable[..., tuple[int, list[dict[str, Any]], str]]


def write_dumps(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"doc{i:02d}.txt"
        p.write_text(
            f"시험 기사 제목 {i}\n{i}번째 기사의 첫 문단입니다. 행정안전부는 {i + 3}개 시도와 협약을 맺었다.\n"
            f"둘째 문단에서 세부 계획을 설명했다. 사업비는 {i + 1}억원이다.\n",
            encoding="utf-8",
        )
        paths.append(p)
    return paths


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_jobs_2_gives_the_same_records_in_order(run_cli: RunCli, tmp_path: Path) -> None:
    paths = write_dumps(tmp_path / "in", 9)
    missing = str(tmp_path / "in" / "missing.txt")
    args = ["--no-entities", str(tmp_path / "in"), missing]
    code1, one, _ = run_cli([*args, "--jobs", "1"])
    code2, two, err = run_cli([*args, "--jobs", "2"])
    assert code1 == code2 == 1
    assert one == two
    assert [r["source"] for r in two] == [*map(str, paths), missing]
    assert [r["status"] for r in two] == ["ok"] * 9 + ["error"]
    assert "10 records (9 ok, 0 empty, 1 error, 0 timeout, 0 skipped)" in err


def test_stdin_json_lines_in_parallel(run_cli: RunCli) -> None:
    lines = [
        json.dumps({"source": f"s{i}", "text": f"제목 {i}\n본문 문단 {i}입니다."}, ensure_ascii=False) for i in range(6)
    ]
    lines.insert(3, "{broken")
    code, recs, _ = run_cli(["--no-entities", "-j", "2", "-"], "\n".join(lines))
    assert code == 1
    assert [r["source"] for r in recs] == ["s0", "s1", "s2", "<stdin>:4", "s3", "s4", "s5"]
    assert recs[3]["status"] == "error" and recs[3]["error"].startswith("JSONDecodeError")
    assert recs[5]["paragraphs"] == ["본문 문단 4입니다."]


def test_max_bytes_makes_skipped_records(run_cli: RunCli, tmp_path: Path) -> None:
    small, big = write_dumps(tmp_path, 2)
    big.write_text("제목\n" + "가나다라 " * 400, encoding="utf-8")
    code, recs, err = run_cli(["--no-entities", "--max-bytes", "1000", str(small), str(big)])
    assert code == 1
    assert [r["status"] for r in recs] == ["ok", "skipped"]
    assert recs[1]["error"].startswith("InputTooLarge:")
    assert "1 skipped" in err


def test_timeout_option_reaches_the_batch(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}
    real = cli.clean_many

    def spy(items: Any, **kw: Any) -> Any:
        seen.update(kw)
        return real(items, **kw)

    monkeypatch.setattr(cli, "clean_many", spy)
    (p,) = write_dumps(tmp_path, 1)
    assert run_cli(["--no-entities", "--timeout", "2.5", "-j", "2", str(p)])[0] == 0
    assert seen["timeout"] == 2.5 and seen["jobs"] == 2
    assert run_cli(["--no-entities", "--timeout", "0", str(p)])[0] == 0
    assert seen["timeout"] is None


@pytest.mark.parametrize(
    "args",
    [
        ["--resume", "x.txt"],
        ["--resume", "-o", "o.json", "--format", "json", "x.txt"],
        ["--format", "parquet", "x.txt"],
        ["--timeout", "-1", "x.txt"],
        ["--max-bytes", "0", "x.txt"],
    ],
)
def test_usage_errors(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2


def test_resume_appends_only_what_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_dumps(tmp_path / "in", 6)
    out = tmp_path / "out.jsonl"
    assert main(["--no-entities", "-q", "-o", str(out), *map(str, paths[:3])]) == 0
    full = out.read_text(encoding="utf-8")
    # an interrupted run: the third record was cut off half-way
    out.write_text(full[: full.rindex("\n", 0, len(full) - 1) + 40], encoding="utf-8")
    code = main(["--no-entities", "--resume", "-o", str(out), str(tmp_path / "in")])
    err = capsys.readouterr().err
    assert code == 0
    recs = read_jsonl(out)
    assert sorted(r["source"] for r in recs) == sorted(map(str, paths))
    assert [r["source"] for r in recs] == [str(paths[0]), str(paths[1]), *map(str, paths[2:])]
    assert "4 records (4 ok" in err and "2 inputs already in the output" in err
    # nothing left to do: nothing appended
    assert main(["--no-entities", "--resume", "-q", "-o", str(out), str(tmp_path / "in")]) == 0
    assert len(read_jsonl(out)) == 6


RESUME_PROBE = """
import sys
from newsclean.cli import main
code = main(sys.argv[1:])
loaded = sorted(m for m in ("kiwipiepy", "lxml", "multiprocessing") if m in sys.modules)
print("loaded:" + ",".join(loaded), file=sys.stderr)
sys.exit(code)
"""


def test_resume_with_nothing_left_loads_no_model(tmp_path: Path) -> None:
    """Done when: ``newsclean --jobs 2 --resume DIR -o done.jsonl`` with nothing left finishes at
    once: no Kiwi, no parser, no worker processes (asserted by what the process imported)."""
    import subprocess

    paths = write_dumps(tmp_path / "in", 4)
    done = tmp_path / "done.jsonl"
    assert main(["--no-entities", "-q", "-o", str(done), *map(str, paths)]) == 0
    before = done.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-c", RESUME_PROBE, "--jobs", "2", "--resume", str(tmp_path / "in"), "-o", str(done)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert done.read_bytes() == before
    summary, loaded = proc.stderr.splitlines()
    assert "0 records" in summary and "4 inputs already in the output" in summary
    assert loaded == "loaded:", loaded


def test_pool_with_no_inputs_preloads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsclean.batch as batch

    def refuse(entities: bool = True) -> None:
        raise AssertionError("preload ran for an empty batch")

    monkeypatch.setattr(batch, "preload", refuse)
    assert list(batch.clean_many(iter(()), jobs=2)) == []


def test_summary_line_counts_and_rate() -> None:
    from collections import Counter

    line = summary_line(Counter(ok=8, error=1, timeout=1), 2.0)
    assert line == "newsclean: 10 records (8 ok, 0 empty, 1 error, 1 timeout, 0 skipped) in 2.0 s, 5.0 pages/s"


def test_quiet_has_no_summary(run_cli: RunCli, tmp_path: Path) -> None:
    (p,) = write_dumps(tmp_path, 1)
    _, _, err = run_cli(["--no-entities", "-q", str(p)])
    assert err == ""


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli._progress(True) is None  # pytest's stderr is not a terminal
    fake = FakeTty()
    monkeypatch.setattr(sys, "stderr", fake)
    assert cli._progress(False) is None
    bar = cli._progress(True)
    assert bar is not None
    bar.close()
    paths = write_dumps(tmp_path, 3)
    assert main(["--no-entities", *map(str, paths)]) == 0
    assert "3page" in fake.getvalue().replace(" ", "")
    monkeypatch.setitem(sys.modules, "tqdm", None)  # tqdm not installed: no bar, no failure
    assert cli._progress(True) is None


def test_closed_stdout_stops_quietly(tmp_path: Path) -> None:
    import subprocess

    paths = write_dumps(tmp_path, 300)  # more output than a pipe buffer holds
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "--no-entities", "-j", "2", *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert json.loads(first)["source"] == str(paths[0])
    assert "Traceback" not in err and "Exception ignored" not in err
