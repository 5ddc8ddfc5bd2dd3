"""WARC input (extra ``warc``: FastWARC): every HTML response of a crawl becomes one input.

``iter_warc(path)`` yields batch items (mappings, see :mod:`newsclean.inputs`) for the
``response`` records whose HTTP Content-Type is HTML:

- ``html``: the HTTP body (``Transfer-Encoding: chunked`` and ``Content-Encoding`` gzip/deflate
  undone), ``http_charset``: the charset of the HTTP Content-Type header (the decoder ranks it
  after a BOM and before ``<meta>``), ``url`` and ``source``: ``WARC-Target-URI`` (the record's
  ``url`` stays the target URI; the page's own canonical URL is its ``canonical_url``);
- ``extra["warc"]``: provenance, ``{"target_uri", "record_id", "date", "file", "offset",
  "http_status"}``, emitted into the record as the ``warc`` field (``offset`` is the record's byte
  offset in the file: where its gzip member starts in a ``.warc.gz``).

Responses that are not HTML (images, scripts, CSS ...) and non-response records (requests,
metadata, revisits) are not inputs and are passed over. An HTML response with an HTTP status other
than 2xx, or larger than ``max_bytes``, becomes a ``skipped`` record; a file that cannot be read
(missing, truncated, not a WARC) becomes an ``error`` record after the records read before the
damage.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from typing import Any

from .limits import MAX_BYTES

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _failure(
    source: str, error: str, status: str = "error", extra: dict[str, Any] | None = None, url: str | None = None
) -> dict[str, Any]:
    item: dict[str, Any] = {"source": source, "_error": error, "_status": status, "url": url}
    if extra:
        item["extra"] = extra
    return item


def dechunk(body: bytes) -> bytes:
    """Undo HTTP/1.1 chunked transfer coding (tolerant: stops at the first malformed chunk)."""
    out, pos = bytearray(), 0
    while pos < len(body):
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            break
        try:
            size = int(body[pos:eol].split(b";", 1)[0].strip() or b"0", 16)
        except ValueError:
            return body if not out else bytes(out)
        if size == 0:
            break
        out += body[eol + 2 : eol + 2 + size]
        pos = eol + 2 + size + 2
    return bytes(out)


def decode_content(body: bytes, content_encoding: str | None) -> bytes:
    """Undo gzip/deflate/br content coding; unknown codings raise ``ValueError``."""
    coding = (content_encoding or "").strip().lower()
    if coding in ("", "identity"):
        return body
    if coding in ("gzip", "x-gzip"):
        return zlib.decompress(body, 16 + zlib.MAX_WBITS)
    if coding == "deflate":
        try:
            return zlib.decompress(body)
        except zlib.error:
            return zlib.decompress(body, -zlib.MAX_WBITS)
    if coding == "br":
        import brotli  # type: ignore[import-not-found,unused-ignore]

        return bytes(brotli.decompress(body))
    raise ValueError(f"unsupported Content-Encoding {coding!r}")


def _header(headers: Any, name: str) -> str | None:
    value = headers.get(name) if headers is not None else None
    return str(value) if value is not None else None


def iter_warc(path: str, *, max_bytes: int = MAX_BYTES) -> Iterator[dict[str, Any]]:
    """Batch items for the HTML responses of one WARC file (never raises)."""
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        yield _failure(path, "ModuleNotFoundError: WARC input needs the 'warc' extra: pip install 'newsclean[warc]'")
        return
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, generator-safe
    except OSError as exc:
        yield _failure(path, f"{type(exc).__name__}: {exc.strerror or exc}: {path}")
        return
    name = os.fspath(path)
    seen = 0
    last = -1
    try:
        for rec in ArchiveIterator(fh, parse_http=True):
            last = rec.stream_pos
            if rec.record_type != WarcRecordType.response:
                continue
            seen += 1
            item = _item(rec, name, max_bytes)
            if item is not None:
                yield item
    except Exception as exc:
        where = f" after {seen} response records" if seen else ""
        yield _failure(name, f"WarcReadError: {type(exc).__name__}: {exc}{where}")
        return
    finally:
        fh.close()
    if last < 0:
        if os.path.getsize(name) > 0 and not _looks_like_warc(name):
            yield _failure(name, f"WarcReadError: {name}: no WARC records found (not a WARC file?)")
    elif not _ends_cleanly(name, last):
        yield _failure(
            name, f"WarcReadError: {name}: truncated or damaged after byte {last}; {seen} response records read"
        )


def _ends_cleanly(path: str, last_offset: int) -> bool:
    """Whether the record starting at ``last_offset`` is complete and nothing follows it."""
    with open(path, "rb") as fh:
        fh.seek(last_offset)
        tail = fh.read()
    if tail[:2] == b"\x1f\x8b":
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            raw = member.decompress(tail)
        except zlib.error:
            return False
        return member.eof and not member.unused_data.strip(b"\r\n\x00") and _record_complete(raw)
    return _record_complete(tail)


def _record_complete(raw: bytes) -> bool:
    head_end = raw.find(b"\r\n\r\n")
    if head_end < 0:
        return False
    for line in raw[:head_end].split(b"\r\n"):
        key, _, value = line.partition(b":")
        if key.strip().lower() == b"content-length":
            try:
                return len(raw) >= head_end + 4 + int(value.strip())
            except ValueError:
                return False
    return False


def _looks_like_warc(path: str) -> bool:
    import gzip

    try:
        with open(path, "rb") as fh:
            head = fh.read(2)
        opener: Any = gzip.open if head == b"\x1f\x8b" else open
        with opener(path, "rb") as fh:
            return bytes(fh.read(8)).startswith(b"WARC/")
    except (OSError, EOFError, zlib.error):
        return False


def _item(rec: Any, name: str, max_bytes: int) -> dict[str, Any] | None:
    content_type = (rec.http_content_type or "").lower()
    if not content_type.startswith(HTML_TYPES):
        return None
    uri = _header(rec.headers, "WARC-Target-URI")
    status = getattr(rec.http_headers, "status_code", None)
    provenance = {
        "target_uri": uri,
        "record_id": rec.record_id,
        "date": _header(rec.headers, "WARC-Date"),
        "file": name,
        "offset": rec.stream_pos,
        "http_status": status,
    }
    source = uri or f"{name}#{rec.stream_pos}"
    extra = {"warc": provenance}
    if status is not None and not 200 <= int(status) < 300:
        return _failure(source, f"HTTPStatus: the crawler got HTTP {status} for {uri}", "skipped", extra, uri)
    if rec.content_length > max_bytes:
        return _failure(source, f"InputTooLarge: {rec.content_length} > {max_bytes}", "skipped", extra, uri)
    try:
        body = rec.reader.read()
        if (_header(rec.http_headers, "Transfer-Encoding") or "").lower().strip() == "chunked":
            body = dechunk(body)
        body = decode_content(body, _header(rec.http_headers, "Content-Encoding"))
    except Exception as exc:
        return _failure(source, f"{type(exc).__name__}: {exc}", "error", extra, uri)
    return {"source": source, "url": uri, "html": body, "http_charset": rec.http_charset, "extra": extra}
