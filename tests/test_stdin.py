"""Standard input: one page or dump is one document; path lists are literal; --stdin says which."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsclean.stdin import guess_mode, read_stdin

ROOT = Path(__file__).resolve().parents[1]
RunCli = Callable[..., tuple[int, list[dict[str, Any]], str]]
PAGE = "sites/naver-news-2020/page.html"
SEED = "seed/000_d8aba8575cd74dc0.txt"


def without_source(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in rec.items() if k != "source"}


def test_page_on_stdin_equals_the_file(run_cli: RunCli, fixtures_dir: Path) -> None:
    """Done when: ``newsclean - < page.html`` gives one ok record equal to ``newsclean page.html``'s
    (entities included)."""
    page = fixtures_dir / PAGE
    code_file, from_file, _ = run_cli([str(page)])
    code, from_stdin, err = run_cli(["-"], page.read_text(encoding="utf-8"))
    assert code == code_file == 0
    assert len(from_stdin) == 1 and from_stdin[0]["status"] == "ok"
    assert from_stdin[0]["source"] == "<stdin>"
    assert from_stdin[0]["entities"], "the entity pass ran"
    assert without_source(from_stdin[0]) == without_source(from_file[0])
    assert "1 record (1 ok" in err


def test_dump_on_stdin_equals_the_file(run_cli: RunCli, fixtures_dir: Path) -> None:
    dump = fixtures_dir / SEED
    _, from_file, _ = run_cli(["--no-entities", str(dump)])
    code, from_stdin, _ = run_cli(["--no-entities", "-"], dump.read_text(encoding="utf-8"))
    assert code == 0 and len(from_stdin) == 1
    assert without_source(from_stdin[0]) == without_source(from_file[0])


def test_cp949_page_bytes_on_stdin(tmp_path: Path) -> None:
    """Read as bytes: a page in the Korean code page decodes by the same rules as a file."""
    body = "<p>구청은 다음 달부터 작은도서관 운영 시간을 늘린다고 밝혔다. 주민 요청을 반영한 결정이다.</p>" * 3
    head = "<head><meta charset='euc-kr'><title>도서관 야간 개방</title></head>"
    page = f"<html>{head}<body><article>{body}</article></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp949"))
    runs = []
    for args, stdin in ((["-"], path.open("rb")), ([str(path)], subprocess.DEVNULL)):
        proc = subprocess.run(
            [sys.executable, "-m", "newsclean", "--no-entities", *args],
            stdin=stdin,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
        )
        runs.append(proc)
    recs = [json.loads(p.stdout) for p in runs]
    assert recs[0]["status"] == "ok" and recs[0]["encoding"] == "cp949"
    assert without_source(recs[0]) == without_source(recs[1])


def test_path_lines_are_literal(run_cli: RunCli) -> None:
    """Done when: ``printf '/**\\n/etc/host*\\n' | newsclean --stdin paths -`` gives exactly two records."""
    for args in (["--stdin", "paths", "-"], ["-"]):  # auto mode sees a path list too
        code, recs, _ = run_cli(args, "/**\n/etc/host*\n")
        assert code == 1
        assert [r["source"] for r in recs] == ["/**", "/etc/host*"]
        assert all(r["status"] == "error" and r["error"].startswith("FileNotFoundError") for r in recs)


def test_glob_lines_match_nothing_but_folders_are_walked(run_cli: RunCli, tmp_path: Path, fixtures_dir: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text((fixtures_dir / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    code, recs, _ = run_cli(["--no-entities", "--stdin", "paths", "-"], f"{tmp_path}/*.txt\n{tmp_path}\n")
    assert [r["source"] for r in recs] == [f"{tmp_path}/*.txt", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert [r["status"] for r in recs] == ["error", "ok", "ok"]
    assert code == 1


def test_paths_mode_takes_a_brace_line_as_a_path(run_cli: RunCli) -> None:
    code, recs, _ = run_cli(["--no-entities", "--stdin", "paths", "-"], '{"source": "x", "text": "가"}\n')
    assert code == 1 and len(recs) == 1 and recs[0]["error"].startswith("FileNotFoundError")


def test_jsonl_mode_and_text_mode(run_cli: RunCli, fixtures_dir: Path) -> None:
    dump = (fixtures_dir / SEED).read_text(encoding="utf-8")
    line = json.dumps({"source": "q:1", "text": dump}, ensure_ascii=False)
    code, recs, _ = run_cli(["--no-entities", "--stdin", "jsonl", "-"], line + "\nnot json\n")
    assert [r["source"] for r in recs] == ["q:1", "<stdin>:2"]
    assert [r["status"] for r in recs] == ["ok", "error"] and code == 1
    # A dump whose first line looks like a path is still a dump when --stdin text says so.
    code, recs, _ = run_cli(["--no-entities", "--stdin", "text", "-"], "a/b.txt\n" + dump)
    assert len(recs) == 1 and recs[0]["source"] == "<stdin>"


def test_html_mode_reads_the_whole_stream(run_cli: RunCli) -> None:
    body = "<p>시청 앞 광장에서 주말마다 작은 음악회가 열린다고 시가 밝혔다. 시민 누구나 참여할 수 있다.</p>" * 3
    code, recs, _ = run_cli(
        ["--no-entities", "--stdin", "html", "-"], f"\n\n<html><body><article>{body}</article></body></html>"
    )
    assert code == 0 and len(recs) == 1 and recs[0]["status"] == "ok"


def test_empty_stdin_is_no_input(run_cli: RunCli) -> None:
    code, recs, err = run_cli(["-"], "\n\n")
    assert code == 0 and recs == [] and "0 records" in err


def test_too_large_stdin_document_is_skipped(run_cli: RunCli) -> None:
    code, recs, _ = run_cli(["--no-entities", "--max-bytes", "100", "-"], "<html>" + "가" * 200)
    assert code == 1 and recs[0]["status"] == "skipped" and recs[0]["error"].startswith("InputTooLarge")


@pytest.mark.parametrize(
    ("first", "mode"),
    [
        (b"<!DOCTYPE html>", "html"),
        (b'{"source": "a"}', "lines"),
        (b"crawl/page-1.html", "lines"),
        (b"/**", "lines"),
        ("[속보] 시청 앞 광장서 음악회".encode(), "text"),
        ("시청 앞 광장에서 음악회가 열렸다.".encode(), "text"),
        (b"https://news.example/a/1.html", "text"),  # a dump that opens with its address
    ],
)
def test_auto_mode_decides_from_the_first_line(first: bytes, mode: str) -> None:
    assert guess_mode(first) == mode


def test_path_lists_are_read_lazily() -> None:
    """A path list from a crawler is streamed: the first item comes before the stream ends."""

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buf: Any) -> int:
            data = b"/no/such/page.html\n"
            buf[: len(data)] = data
            return len(data)

    stream = io.TextIOWrapper(io.BufferedReader(Endless()))
    items = read_stdin(stream, mode="auto")
    assert [next(items), next(items)] == ["/no/such/page.html"] * 2
