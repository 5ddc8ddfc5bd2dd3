"""Inputs: what a batch item is and how it becomes a record.

An item is a path (``.txt`` → text path, ``.html``/``.htm`` → HTML path), or a mapping from a
JSON Lines stream: ``{"source", "html" | "text", "url"?}``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .article import Article

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

Item = str | os.PathLike[str] | Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Options:
    entities: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES


def source_of(item: Item) -> str:
    if isinstance(item, Mapping):
        return str(item.get("source") or item.get("url") or "<stdin>")
    return os.fspath(item)


def kind_of_path(path: str) -> str | None:
    low = path.lower()
    if low.endswith(TEXT_SUFFIXES):
        return "text"
    if low.endswith(HTML_SUFFIXES):
        return "html"
    return None


def process(item: Item, opts: Options = Options()) -> Article:
    """One input → exactly one record; never raises."""
    from .pipeline import clean, clean_text

    source = source_of(item)
    try:
        if isinstance(item, Mapping):
            return _process_mapping(item, source, opts)
        path = os.fspath(item)
        kind = kind_of_path(path)
        if kind is None:
            return Article.failure(source, "skipped", f"UnsupportedInput: {path}: not .txt, .html or .htm")
        if os.path.isdir(path):
            return Article.failure(source, "error", f"IsADirectoryError: {path}: is a folder")
        size = os.path.getsize(path)
        if size > opts.max_bytes:
            return Article.failure(source, "skipped", f"InputTooLarge: {path}: {size} bytes > {opts.max_bytes}")
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return Article.failure(source, "error", f"{type(exc).__name__}: {exc.strerror or exc}: {source}")
    if kind == "text":
        return clean_text(decode_text(data), source=source, entities=opts.entities)
    return clean(data, source=source, entities=opts.entities)


def _process_mapping(item: Mapping[str, Any], source: str, opts: Options) -> Article:
    from .pipeline import clean, clean_text

    url = item.get("url")
    if isinstance(item.get("html"), str | bytes):
        html = item["html"]
        if len(html) > opts.max_bytes:
            return Article.failure(source, "skipped", f"InputTooLarge: {len(html)} > {opts.max_bytes}")
        return clean(html, url=url, source=source, entities=opts.entities)
    if isinstance(item.get("text"), str):
        text = item["text"]
        if len(text) > opts.max_bytes:
            return Article.failure(source, "skipped", f"InputTooLarge: {len(text)} > {opts.max_bytes}")
        return clean_text(text, source=source, entities=opts.entities)
    if item.get("path"):
        return process(str(item["path"]), opts)
    return Article.failure(source, "error", "InvalidInput: a JSON input needs an 'html' or 'text' field")


def decode_text(data: bytes) -> str:
    """Text dumps are usually UTF-8; fall back to CP949, then to replacement."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp949")
        except UnicodeDecodeError:
            return data.decode("utf-8", errors="replace")


def expand_paths(args: Iterable[str]) -> Iterator[str]:
    """Files as given; folders walked (sorted) for .txt/.html/.htm files; globs expanded."""
    import glob

    for arg in args:
        if os.path.isdir(arg):
            found = False
            for root, dirs, files in os.walk(arg):
                dirs.sort()
                for name in sorted(files):
                    if kind_of_path(name):
                        found = True
                        yield os.path.join(root, name)
            if not found:
                yield arg  # becomes an error record: never silently nothing
        elif not os.path.exists(arg) and any(c in arg for c in "*?["):
            matches = sorted(glob.glob(arg, recursive=True))
            yield from matches if matches else [arg]
        else:
            yield arg
