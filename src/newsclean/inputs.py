"""Inputs: what a batch item is and how it becomes a record.

An item is a path (``.txt`` → text path, ``.html``/``.htm`` → HTML path), or a mapping from a
JSON Lines stream: ``{"source", "html" | "text", "url"?}``. Mappings made by newsclean itself may
also carry ``http_charset`` (the HTTP header's charset, from WARC), ``extra`` (a mapping of fields
added to the record, e.g. WARC provenance) and ``_error`` / ``_status`` (an input that could not
be read, which becomes a record of that status).

WARC files (``.warc``, ``.warc.gz``) are expanded into one item per HTML response by
:func:`expand_items` (needs the ``warc`` extra).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import limits
from .article import Article, Status
from .decode import decode
from .sniff import sniff
from .warc import iter_warc

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUPPORTED = ".html, .htm, .txt, .warc or .warc.gz"
DEFAULT_MAX_BYTES = limits.MAX_BYTES
"""Inputs larger than this (bytes of a file, characters of a JSON input) become ``skipped``."""

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
    if low.endswith(WARC_SUFFIXES):
        return "warc"
    return None


def resume_key(source: str | None, extra: Mapping[str, Any] | None = None) -> str:
    """What ``--resume`` compares: the WARC record id when there is one, else the source."""
    warc = (extra or {}).get("warc")
    if isinstance(warc, Mapping) and warc.get("record_id"):
        return f"warc:{warc['record_id']}"
    return str(source)


def resume_key_of_item(item: Item) -> str:
    if isinstance(item, Mapping):
        extra = item.get("extra")
        return resume_key(source_of(item), extra if isinstance(extra, Mapping) else None)
    return resume_key(source_of(item))


def process(item: Item, opts: Options = Options()) -> Article:
    """One input → exactly one record; never raises."""
    from .pipeline import clean, clean_text

    source = source_of(item)
    try:
        if isinstance(item, Mapping):
            return _process_mapping(item, source, opts)
        path = os.fspath(item)
        kind = kind_of_path(path)
        if os.path.isdir(path):  # expand_paths yields a folder only when it holds no input
            return Article.failure(source, "skipped", f"EmptyFolder: {path}: no {SUPPORTED} files in it")
        if kind is None and not os.path.lexists(path):  # a missing file, whatever its name
            return Article.failure(source, "error", f"FileNotFoundError: No such file or directory: {source}")
        if kind is None or kind == "warc":
            why = "a WARC file is read by expand_items" if kind else f"not one of {SUPPORTED}"
            return Article.failure(source, "skipped", f"UnsupportedInput: {path}: {why}")
        size = os.path.getsize(path)
        if size > opts.max_bytes:
            return Article.failure(source, "skipped", f"InputTooLarge: {path}: {size} bytes > {opts.max_bytes}")
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return Article.failure(source, "error", f"{type(exc).__name__}: {exc.strerror or exc}: {source}")
    binary = sniff(data)
    if binary is not None:  # an image, a PDF, an archive under a page's name
        return Article.failure(source, "skipped", f"{binary.error()}: {path}")
    if kind == "text":
        return clean_text(decode_text(data), source=source, entities=opts.entities)
    return clean(data, source=source, entities=opts.entities)


def _process_mapping(item: Mapping[str, Any], source: str, opts: Options) -> Article:
    art = _clean_mapping(item, source, opts)
    if art.url is None and isinstance(item.get("url"), str):
        art = dataclasses.replace(art, url=item["url"])
    extra = item.get("extra")
    if isinstance(extra, Mapping) and extra:
        art = dataclasses.replace(art, extra=(*art.extra, *((str(k), v) for k, v in extra.items())))
    return art


def _clean_mapping(item: Mapping[str, Any], source: str, opts: Options) -> Article:
    from .pipeline import clean, clean_text

    if item.get("_error"):
        status: Status = "skipped" if item.get("_status") == "skipped" else "error"
        return Article.failure(source, status, str(item["_error"]))
    url = item.get("url") if isinstance(item.get("url"), str) else None
    if isinstance(item.get("html"), str | bytes):
        html = item["html"]
        if len(html) > opts.max_bytes:
            return Article.failure(source, "skipped", f"InputTooLarge: {len(html)} > {opts.max_bytes}")
        charset = item.get("http_charset") if isinstance(item.get("http_charset"), str) else None
        return clean(html, url=url, source=source, entities=opts.entities, http_charset=charset)
    if isinstance(item.get("text"), str):
        text = item["text"]
        if len(text) > opts.max_bytes:
            return Article.failure(source, "skipped", f"InputTooLarge: {len(text)} > {opts.max_bytes}")
        return clean_text(text, source=source, entities=opts.entities)
    if item.get("path"):
        return process(str(item["path"]), opts)
    return Article.failure(source, "error", "InvalidInput: a JSON input needs an 'html' or 'text' field")


def decode_text(data: bytes) -> str:
    """A text dump's bytes as text, by the same rules as a page (BOM, strict UTF-8, a few broken
    bytes, CP949 and the detector; see :func:`newsclean.decode.decode`)."""
    return decode(data).text


def expand_items(args: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, literal: bool = False) -> Iterator[Item]:
    """Like :func:`expand_paths`, with every WARC file expanded into its HTML responses."""
    for path in expand_paths(args, literal=literal):
        if kind_of_path(path) == "warc" and not os.path.isdir(path):
            yield from iter_warc(path, max_bytes=max_bytes)
        else:
            yield path


def expand_paths(args: Iterable[str], *, literal: bool = False) -> Iterator[str]:
    """Files as given; folders walked (sorted) for .txt/.html/.htm/.warc(.gz) files; globs
    expanded unless ``literal`` (a path list read from stdin is data: ``/**`` is one name)."""
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
        elif not literal and not os.path.exists(arg) and any(c in arg for c in "*?["):
            import glob

            matches = sorted(glob.glob(arg, recursive=True))
            yield from matches if matches else [arg]
        else:
            yield arg
