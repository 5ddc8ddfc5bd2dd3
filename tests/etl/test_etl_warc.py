"""WARC input: one record per HTML response, HTTP charset honoured, provenance kept."""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastwarc", reason="WARC input needs the 'warc' extra (fastwarc)")

from newsclean.cli import main
from newsclean.warc import dechunk, decode_content, iter_warc

from .warc_writer import FIXTURES, Response, chunked, sample_records, write_warc


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]]]:
    code = main(["--no-entities", "-q", *args])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture()
def crawl(tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / "crawl.warc.gz"
    ids = write_warc(path, sample_records())
    return path, ids


def test_one_record_per_html_response(crawl: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    path, ids = crawl
    code, recs = run([str(path)], capsys)
    assert code == 1  # the 404 page is a skipped record
    base = "https://news.example.invalid/articles/"
    uris = [base + n for n in ("bridge.html", "library.html", "market.html", "gone.html")]
    assert [r["source"] for r in recs] == uris
    assert [r["warc"]["target_uri"] for r in recs] == uris
    assert [r["url"] for r in recs] == uris  # the target URI, whatever the page declares
    assert [r["canonical_url"] for r in recs] == [None] * 4  # these pages declare none
    assert [r["status"] for r in recs] == ["ok", "ok", "ok", "skipped"]
    assert recs[3]["error"] == f"HTTPStatus: the crawler got HTTP 404 for {base}gone.html"
    # provenance: the response records are the 2nd, 4th, 5th and 6th of the file
    assert [r["warc"]["record_id"] for r in recs] == [ids[1], ids[3], ids[4], ids[5]]
    assert {r["warc"]["date"] for r in recs} == {"2024-08-01T09:00:00Z"}
    assert {r["warc"]["file"] for r in recs} == {str(path)}
    assert [r["warc"]["http_status"] for r in recs] == [200, 200, 200, 404]
    data = path.read_bytes()
    for rec in recs:  # the offset is where the record's gzip member starts
        member = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[rec["warc"]["offset"] :])
        assert member.startswith(b"WARC/1.0\r\nWARC-Type: response\r\n")
        assert rec["warc"]["record_id"].encode() in member


def test_bodies_are_decoded(crawl: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    _, recs = run([str(crawl[0])], capsys)
    bridge, library, market, _ = recs
    assert "길이 420미터의 이 다리에는" in bridge["text"]  # chunked transfer coding undone
    # EUC-KR bytes with no <meta>: only the HTTP header names the charset
    assert (library["encoding"], library["encoding_source"]) == ("cp949", "http")
    assert "사서 스무 명을 새로 뽑았다" in library["text"]
    assert "두 시간까지 무료로" in market["text"]  # gzip content coding undone
    assert all("많이 본 뉴스" not in p for r in recs for p in r["paragraphs"])


def test_plain_warc_and_parallel_jobs(
    tmp_path: Path, crawl: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "crawl.warc"
    write_warc(plain, sample_records(), compress=False)
    _, gz = run([str(crawl[0])], capsys)
    _, flat = run([str(plain), "--jobs", "2"], capsys)
    strip = [{k: v for k, v in r.items() if k != "warc"} for r in gz]
    assert [{k: v for k, v in r.items() if k != "warc"} for r in flat] == strip


def test_size_cap_applies_to_responses(crawl: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    _, recs = run(["--max-bytes", "1200", str(crawl[0])], capsys)
    sizes = {r["source"].rsplit("/", 1)[1]: r["status"] for r in recs}
    assert sizes["bridge.html"] == "skipped"  # about 1.6 kB chunked
    assert recs[0]["error"].startswith("InputTooLarge: ")
    assert recs[0]["warc"]["record_id"]


def test_resume_keys_on_warc_record_ids(
    tmp_path: Path, crawl: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["--no-entities", "-q", "-o", str(out), str(crawl[0])]) == 1
    first = out.read_text(encoding="utf-8")
    lines = first.splitlines(keepends=True)
    out.write_text("".join(lines[:2]), encoding="utf-8")
    assert main(["--no-entities", "-q", "--resume", "-o", str(out), str(crawl[0])]) == 1
    assert out.read_text(encoding="utf-8") == first


def test_committed_fixture_is_reproducible(tmp_path: Path) -> None:
    fresh = tmp_path / "pages.warc.gz"
    write_warc(fresh, sample_records())
    assert (FIXTURES / "pages.warc.gz").read_bytes() == fresh.read_bytes()


def test_unreadable_warcs_are_error_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.warc.gz"
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"this is not a WARC file at all\n" * 20)
    code, recs = run([str(missing), str(garbage)], capsys)
    assert code == 1
    assert [r["status"] for r in recs] == ["error", "error"]
    assert recs[0]["error"].startswith("FileNotFoundError: ")
    assert recs[1]["error"].startswith("WarcReadError: ") and recs[1]["source"] == str(garbage)


def test_truncated_warc_keeps_what_was_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, sample_records())
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    _, recs = run([str(cut)], capsys)
    assert [r["source"].rsplit("/", 1)[-1] for r in recs] == ["bridge.html", "library.html", "cut.warc.gz"]
    assert [r["status"] for r in recs] == ["ok", "ok", "error"]
    assert recs[-1]["error"].startswith(f"WarcReadError: {cut}: truncated or damaged after byte ")


def test_without_fastwarc_one_clear_error(monkeypatch: pytest.MonkeyPatch, crawl: tuple[Path, list[str]]) -> None:
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    (item,) = list(iter_warc(str(crawl[0])))
    assert item["_error"].startswith("ModuleNotFoundError: WARC input needs the 'warc' extra")


def test_transfer_and_content_codings() -> None:
    body = "본문 ".encode() * 200
    assert dechunk(chunked(body, 7)) == body
    assert decode_content(gzip.compress(body), "gzip") == body
    assert decode_content(zlib.compress(body), "deflate") == body
    assert decode_content(body, None) == body
    with pytest.raises(ValueError, match="unsupported Content-Encoding"):
        decode_content(body, "compress")


def test_non_html_and_non_response_records_are_not_inputs(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    write_warc(
        path,
        [
            Response("https://x.invalid/a.js", b"var a;", "application/javascript"),
            Response("https://x.invalid/meta", b"k: v", "application/warc-fields", record_type="metadata"),
            Response("https://x.invalid/p.xhtml", b"<html/>", "application/xhtml+xml"),
        ],
    )
    assert [i["url"] for i in iter_warc(str(path))] == ["https://x.invalid/p.xhtml"]


@pytest.mark.corpus
def test_shared_pages_as_a_warc(tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = sorted((corpus_dir / "html").glob("*.html"))
    path = tmp_path / "pages.warc.gz"
    write_warc(path, [Response(f"https://corpus.invalid/{p.name}", p.read_bytes(), "text/html") for p in pages])
    code, recs = run([str(path), "--jobs", "2"], capsys)
    assert len(recs) == len(pages) == 33
    assert [r["source"].rsplit("/", 1)[1] for r in recs] == [p.name for p in pages]
    assert [r["status"] for r in recs] == ["ok"] * 33, [(r["source"], r["error"]) for r in recs if r["status"] != "ok"]
    assert code == 0
