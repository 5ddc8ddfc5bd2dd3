"""Inputs that are no page — images, PDFs, archives under a page's name — are skipped records
that say what they are, and nothing but the CLI's summary reaches stderr."""

from __future__ import annotations

import gzip
import io
import json
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.sniff import sniff

ROOT = Path(__file__).resolve().parents[1]
RunCli = Callable[..., tuple[int, list[dict[str, Any]], str]]


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(range(40)) for _ in range(30))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 30, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 8 + b"\xff\xd9"


def pdf() -> bytes:
    return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n" + bytes(range(256)) * 4


def zip_file() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document>가나다</w:document>")
    return buf.getvalue()


def gzip_page() -> bytes:
    return gzip.compress("<html><body><p>압축된 페이지의 본문 문장입니다.</p></body></html>".encode())


KINDS: dict[str, Callable[[], bytes]] = {"png": png, "jpeg": jpeg, "pdf": pdf, "zip": zip_file, "gzip": gzip_page}


@pytest.mark.parametrize("kind", list(KINDS))
def test_sniff_names_the_kind(kind: str) -> None:
    found = sniff(KINDS[kind]())
    assert found is not None and found.kind == kind
    assert found.error().startswith(f"NotAPage: {kind} (")


def test_text_and_pages_are_not_sniffed() -> None:
    page = "<html><head><meta charset='euc-kr'></head><body><p>한국어 본문입니다.</p></body></html>"
    assert sniff(page.encode("cp949")) is None
    assert sniff(page.encode("utf-8")) is None
    assert sniff(page.encode("utf-16")) is None  # a BOM: the decoder's business
    assert sniff("제목\n본문 첫 줄입니다.\t탭도 있다.\r\n".encode()) is None
    assert sniff(b"") is None


def test_control_characters_make_unknown_binary() -> None:
    blob = bytes(range(0, 32)) * 20 + b"<html>"
    found = sniff(blob)
    assert found is not None and found.kind == "binary"


def test_api_clean_skips_an_image() -> None:
    art = newsclean.clean(png(), source="x.html", entities=False)
    assert art.status == "skipped"
    assert art.error is not None and art.error.startswith("NotAPage: png")
    assert art.paragraphs == () and art.entities == ()


def test_a_text_dump_that_is_a_pdf_is_skipped(run_cli: RunCli, tmp_path: Path) -> None:
    p = tmp_path / "dump.txt"
    p.write_bytes(pdf())
    code, recs, _ = run_cli(["--no-entities", str(p)])
    assert code == 1
    assert recs[0]["status"] == "skipped" and recs[0]["error"].startswith("NotAPage: pdf")


def test_binaries_named_html_through_the_cli(tmp_path: Path) -> None:
    """Done when: a PNG, JPEG, PDF, ZIP and gzip named .html each give a skipped record with its
    kind, exit 1, and nothing on stderr but the summary (also for a page that sends bs4's
    detector to replacement characters, which used to print a warning)."""
    paths = []
    for kind, make in KINDS.items():
        p = tmp_path / f"{kind}.html"
        p.write_bytes(make())
        paths.append(p)
    mixed = tmp_path / "mixed.html"
    head = ("<html><head><title>t</title></head><body><p>" + "가나다라 " * 20).encode()
    mixed.write_bytes(head + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF, 0xFE, 0xC0]) * 40 + b"</p></body></html>")
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "--no-entities", *map(str, paths), str(mixed)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 1
    recs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["source"] for r in recs] == [*map(str, paths), str(mixed)]
    for kind, rec in zip(KINDS, recs, strict=False):
        assert rec["status"] == "skipped", rec
        assert rec["error"].startswith(f"NotAPage: {kind} ("), rec["error"]
        assert rec["text"] == "" and rec["entities"] == []
    err = proc.stderr.splitlines()
    assert len(err) == 1 and err[0].startswith("newsclean: 6 records"), proc.stderr
