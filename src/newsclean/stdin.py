"""What ``-`` (standard input) holds, and the items it gives.

``--stdin`` says what the stream is:

- ``paths``: one path per line, each taken literally — no glob, no ``~``; a folder named on a
  line is walked like a folder on the command line, a WARC file gives its HTML responses;
  every other line is one input (a missing file is one ``error`` record).
- ``jsonl``: one JSON object per line, ``{"source", "html" | "text", "url"?}``.
- ``html``: the whole stream is one HTML page (bytes, decoded like a file's).
- ``text``: the whole stream is one text dump.
- ``auto`` (the default) decides from the first non-blank line: ``<`` starts an HTML page;
  ``{`` or a line that names a path (an existing file or folder, a name ending in an input
  suffix, or one word with a ``/`` in it, but no URL) starts a list of lines, each a JSON object or a
  literal path; bytes that are no text (an image, a PDF) are one document, which becomes a
  ``skipped`` record; anything else is a text dump.

The stream is read as bytes when it has them (``sys.stdin.buffer``), so a page in CP949 is
decoded by the same rules as a file. Lists are read lazily, a line at a time.
"""

from __future__ import annotations

import codecs
import itertools
import json
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .inputs import DEFAULT_MAX_BYTES, Item, decode_text, expand_items, kind_of_path
from .sniff import sniff

MODES = ("auto", "paths", "jsonl", "html", "text")
SOURCE = "<stdin>"


def _byte_lines(stream: IO[Any]) -> Iterator[bytes]:
    raw = getattr(stream, "buffer", None)
    if raw is not None:
        yield from raw
        return
    for line in stream:  # a text stream (tests, an embedding application)
        yield line.encode("utf-8", "surrogateescape") if isinstance(line, str) else line


def _rest(stream: IO[Any], limit: int) -> bytes:
    """Up to ``limit`` more bytes of the stream."""
    raw = getattr(stream, "buffer", None)
    if raw is not None:
        return bytes(raw.read(limit))
    text = stream.read(limit)
    return text.encode("utf-8", "surrogateescape") if isinstance(text, str) else bytes(text)


def guess_mode(first: bytes) -> str:
    """``auto``'s decision from the first non-blank line (stripped, BOM removed)."""
    if first.startswith(b"<"):
        return "html"
    if first.startswith(b"{"):
        return "lines"
    if sniff(first) is not None:
        return "html"  # one document; cleaning it gives the skipped record that names it
    line = os.fsdecode(first)
    one_word = len(line.split()) == 1
    if "://" in line:  # a dump that opens with the page's address
        return "text"
    if os.path.exists(line) or kind_of_path(line) is not None or (one_word and "/" in line):
        return "lines"
    return "text"


def read_stdin(stream: IO[Any], max_bytes: int = DEFAULT_MAX_BYTES, mode: str = "auto") -> Iterator[Item]:
    """The items of standard input (see the module docstring)."""
    if mode not in MODES:
        raise ValueError(f"--stdin must be one of {', '.join(MODES)}")
    lines = _byte_lines(stream)
    if mode in ("paths", "jsonl"):
        yield from _lines(lines, mode, max_bytes)
        return
    head: list[bytes] = []
    first = b""
    for line in lines:
        head.append(line)
        first = line.strip().removeprefix(codecs.BOM_UTF8).strip()
        if first:
            break
    if not first:
        if mode in ("html", "text"):
            yield _document(b"".join(head), mode, max_bytes)
        return  # an empty stream in auto mode: no input at all
    if mode == "auto":
        mode = guess_mode(first)
    if mode == "lines":
        yield from _lines(itertools.chain(head, lines), mode, max_bytes)
        return
    seen = sum(len(x) for x in head)
    yield _document(b"".join(head) + _rest(stream, max(max_bytes + 1 - seen, 0)), mode, max_bytes)


def _document(data: bytes, mode: str, max_bytes: int) -> Item:
    if len(data) > max_bytes:
        return {"source": SOURCE, "_status": "skipped", "_error": f"InputTooLarge: standard input > {max_bytes} bytes"}
    binary = sniff(data)
    if binary is not None:
        return {"source": SOURCE, "_status": "skipped", "_error": f"{binary.error()}: standard input"}
    if mode == "html":
        return {"source": SOURCE, "html": data}
    return {"source": SOURCE, "text": decode_text(data)}


def _lines(lines: Iterable[bytes], mode: str, max_bytes: int) -> Iterator[Item]:
    """One item per non-blank line (a folder or a WARC file: the inputs inside it)."""
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if n == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line:
            continue
        if mode == "jsonl" or (mode == "lines" and line.startswith(b"{")):
            yield _json_item(line, n)
        else:
            yield from expand_items([os.fsdecode(line)], max_bytes=max_bytes, literal=True)


def _json_item(line: bytes, n: int) -> Item:
    label = f"{SOURCE}:{n}"
    try:
        obj = json.loads(line.decode("utf-8", "replace"))
    except json.JSONDecodeError as exc:
        return {"source": label, "_error": f"JSONDecodeError: {exc}"}
    if not isinstance(obj, dict):
        return {"source": label, "_error": "InvalidInput: not a JSON object"}
    obj.setdefault("source", label)
    return obj
