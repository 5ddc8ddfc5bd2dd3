"""A tiny WARC/1.0 writer (stdlib only) for tests and for ``fixtures/warc/pages.warc.gz``.

Run ``python tests/etl/warc_writer.py`` to rebuild the fixture from ``fixtures/warc/pages/``.
Each record is its own gzip member (as crawlers write them); ids and dates are fixed, so the
output is byte-for-byte reproducible.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "warc"
DATE = "2024-08-01T09:00:00Z"


@dataclass
class Response:
    uri: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    headers: list[tuple[str, str]] = field(default_factory=list)
    record_type: str = "response"


def record_id(uri: str, n: int) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{n}:{uri}')}>"


def warc_record(rec: Response, n: int) -> bytes:
    if rec.record_type == "response":
        head = [f"HTTP/1.1 {rec.status}", f"Content-Type: {rec.content_type}", *(f"{k}: {v}" for k, v in rec.headers)]
        block = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + rec.body
        mime = "application/http; msgtype=response"
    else:
        block, mime = rec.body, rec.content_type
    warc_head = [
        "WARC/1.0",
        f"WARC-Type: {rec.record_type}",
        f"WARC-Record-ID: {record_id(rec.uri, n)}",
        f"WARC-Date: {DATE}",
        f"WARC-Target-URI: {rec.uri}",
        f"WARC-Block-Digest: sha1:{hashlib.sha1(block).hexdigest()}",
        f"Content-Type: {mime}",
        f"Content-Length: {len(block)}",
    ]
    return ("\r\n".join(warc_head) + "\r\n\r\n").encode("latin-1") + block + b"\r\n\r\n"


def write_warc(path: Path, records: Iterable[Response], *, compress: bool = True) -> list[str]:
    """Write the records; returns their WARC-Record-IDs."""
    out, ids = io.BytesIO(), []
    for n, rec in enumerate(records):
        raw = warc_record(rec, n)
        ids.append(record_id(rec.uri, n))
        out.write(gzip.compress(raw, mtime=0) if compress else raw)
    path.write_bytes(out.getvalue())
    return ids


def chunked(body: bytes, size: int = 300) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size]) for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def sample_records(pages: Path = FIXTURES / "pages") -> list[Response]:
    """The fixture crawl: three article pages (one EUC-KR named only by the HTTP header, one
    gzip-encoded, one chunked), plus what a crawl also holds: a request, an image, a 404 page."""
    bridge = (pages / "bridge.html").read_bytes()
    library = (pages / "library.html").read_text(encoding="utf-8").encode("cp949")
    market = (pages / "market.html").read_bytes()
    base = "https://news.example.invalid/articles"
    return [
        Response(
            f"{base}/bridge.html",
            b"GET /articles/bridge.html HTTP/1.1\r\n\r\n",
            "application/http; msgtype=request",
            record_type="request",
        ),
        Response(f"{base}/bridge.html", chunked(bridge), headers=[("Transfer-Encoding", "chunked")]),
        Response(f"{base}/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        Response(f"{base}/library.html", library, "text/html; charset=euc-kr"),
        Response(
            f"{base}/market.html",
            gzip.compress(market, mtime=0),
            "text/html; charset=UTF-8",
            headers=[("Content-Encoding", "gzip")],
        ),
        Response(f"{base}/gone.html", b"<html><body><p>not found</p></body></html>", status="404 Not Found"),
    ]


if __name__ == "__main__":
    target = FIXTURES / "pages.warc.gz"
    write_warc(target, sample_records())
    print(target)
