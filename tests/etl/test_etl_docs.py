"""Every example in docs/etl.md runs, from a copy of the repository layout, and says what it shows."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "etl.md"
TIMING = re.compile(r"in \d+(\.\d+)? s(, \d+(\.\d+)? pages/s)?")


@dataclass
class Block:
    lang: str
    lines: list[str]
    spark: bool = False


@dataclass
class Command:
    line: str
    expected: list[str] = field(default_factory=list)


def blocks() -> list[Block]:
    found: list[Block] = []
    lines = DOC.read_text(encoding="utf-8").splitlines()
    n = 0
    while n < len(lines):
        m = re.match(r"^```(\w+)\s*$", lines[n])
        if m:
            end = lines.index("```", n + 1)
            spark = n > 0 and lines[n - 1].strip() == "<!-- spark -->"
            found.append(Block(m.group(1), lines[n + 1 : end], spark))
            n = end
        n += 1
    return found


def commands(block: Block) -> list[Command]:
    cmds: list[Command] = []
    for line in block.lines:
        if line.startswith("$ "):
            cmds.append(Command(line[2:]))
        elif line.strip():
            cmds[-1].expected.append(line)
    return cmds


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    return tmp_path


def masked(text: str) -> str:
    return TIMING.sub("in … s", text)


def test_the_page_has_examples_of_every_kind() -> None:
    kinds = [(b.lang, b.spark) for b in blocks()]
    assert kinds.count(("console", False)) >= 5
    assert kinds.count(("python", False)) >= 3
    assert ("python", True) in kinds


def test_console_and_python_examples_run(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastwarc")
    pytest.importorskip("pyarrow")
    monkeypatch.chdir(workdir)
    for block in blocks():
        if block.spark:
            continue
        if block.lang == "console":
            for cmd in commands(block):
                assert cmd.line.startswith("newsclean ")
                shell = f"{sys.executable} -m {cmd.line}"
                proc = subprocess.run(shell, shell=True, cwd=workdir, capture_output=True, text=True, timeout=300)
                assert proc.returncode in (0, 1), (cmd.line, proc.stderr)
                assert "Traceback" not in proc.stderr
                got = masked(proc.stdout + proc.stderr)
                for want in cmd.expected:
                    assert masked(want) in got, (cmd.line, want, got)
        elif block.lang == "python":
            exec(compile("\n".join(block.lines), f"{DOC.name}:python", "exec"), {"__name__": "__docs__"})
    assert (workdir / "pages.jsonl").read_text(encoding="utf-8").count("\n") == 3
    assert (workdir / "resumed.jsonl").read_text(encoding="utf-8").count("\n") == 3


@pytest.mark.spark
@pytest.mark.slow
def test_spark_example_runs(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyspark", reason="the Spark example needs pyspark (extra 'spark')")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("the Spark example needs Java")
    monkeypatch.chdir(workdir)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    (block,) = [b for b in blocks() if b.spark]
    exec(compile("\n".join(block.lines), f"{DOC.name}:spark", "exec"), {"__name__": "__docs__"})
    import pyarrow.parquet as pq

    table = pq.read_table(workdir / "cleaned-spark.parquet")
    assert sorted(table.column("status").to_pylist()) == ["ok", "ok", "ok"]
