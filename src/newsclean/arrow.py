"""Arrow form of the record (extra ``parquet`` or ``spark``: pyarrow), engine-neutral.

- :data:`RECORD_SCHEMA`: an explicit Arrow schema with one field per property of
  ``schema/record.schema.json`` (a test keeps them in agreement field by field: names, types,
  nullability). One deliberate difference: an entity's ``value`` is a number *or* a string in
  JSON; Parquet has no union type, so the Arrow field is a string holding the JSON text of the
  value (``13``, ``1.5``, ``"2023-03"`` → ``"13"``, ``"1.5"``, ``"2023-03"``). ``removed`` is null
  unless the records were made with ``explain``. Extras: ``warc`` (WARC provenance, null for other
  inputs).
- :func:`records_to_batch`: record dicts → ``RecordBatch`` of that schema (Parquet output).
- :func:`transform_batches`: Arrow batches of pages → the same batches with the record appended
  as a struct column ``newsclean`` (the Spark adapter's core; usable from any Arrow engine).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pyarrow as pa

from .article import Article
from .batch import preload, run_one
from .inputs import DEFAULT_MAX_BYTES, Options

RECORD_COLUMN = "newsclean"


def _s(name: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, pa.string(), nullable=nullable)


REPORTER = pa.struct([_s("name", False), _s("email"), _s("role")])
ENTITY = pa.struct(
    [
        _s("type", False),
        _s("text", False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        _s("norm"),
        _s("value"),  # JSON text of a number or a string: see the module docstring
        _s("unit"),
        _s("noun"),
        _s("currency"),
        _s("role"),
        _s("code"),
        _s("level"),
        _s("kind"),
    ]
)
REMOVAL = pa.struct([_s("rule", False), _s("text", False)])
STATS = pa.struct(
    [pa.field(k, pa.int64(), nullable=False) for k in ("blocks_in", "blocks_out", "duplicates_removed", "chars_out")]
    + [_s("body_route")]
)
WARC = pa.struct(
    [
        _s("target_uri"),
        _s("record_id"),
        _s("date"),
        _s("file"),
        pa.field("offset", pa.int64()),
        pa.field("http_status", pa.int64()),
    ]
)

RECORD_SCHEMA = pa.schema(
    [
        pa.field("schema_version", pa.int32(), nullable=False),
        _s("source"),
        _s("status", False),
        _s("error"),
        _s("url"),
        _s("canonical_url"),
        _s("portal"),
        _s("publisher"),
        _s("title"),
        _s("subtitle"),
        _s("section"),
        _s("published"),
        _s("modified"),
        pa.field("reporters", pa.list_(pa.field("item", REPORTER, nullable=False)), nullable=False),
        pa.field("paragraphs", pa.list_(pa.field("item", pa.string(), nullable=False)), nullable=False),
        _s("text", False),
        pa.field("captions", pa.list_(pa.field("item", pa.string(), nullable=False)), nullable=False),
        pa.field("entities", pa.list_(pa.field("item", ENTITY, nullable=False)), nullable=False),
        pa.field("removed", pa.list_(pa.field("item", REMOVAL, nullable=False)), nullable=True),
        pa.field("stats", STATS, nullable=False),
        _s("encoding"),
        _s("encoding_source"),
        pa.field("meta_sources", pa.struct([_s("title"), _s("published"), _s("publisher")]), nullable=True),
        pa.field("warc", WARC, nullable=True),
    ]
)
"""The record as Arrow: one column per record field (see the module docstring)."""

EXTRA_FIELDS: tuple[str, ...] = ()
"""Arrow fields that are not JSON Schema properties (none: ``warc`` is in the schema too)."""


def _entity_row(ent: Mapping[str, Any]) -> dict[str, Any]:
    row = dict(ent)
    value = row.get("value")
    if value is not None and not isinstance(value, str):
        row["value"] = json.dumps(value, ensure_ascii=False)
    return row


_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8_safe(value: Any) -> Any:
    """Lone surrogates (a JSON input's ``"\\ud800"``) cannot be stored as UTF-8: one U+FFFD each,
    so offsets into the text stay true."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {k: _utf8_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_utf8_safe(v) for v in value]
    return value


def record_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """A record dict shaped for :data:`RECORD_SCHEMA` (fields it lacks are null)."""
    row = {name: rec.get(name) for name in RECORD_SCHEMA.names}
    row["entities"] = [_entity_row(e) for e in rec.get("entities") or ()]
    warc = rec.get("warc")
    row["warc"] = dict(warc) if isinstance(warc, Mapping) else None
    return _utf8_safe(row)


def records_to_batch(records: Iterable[Mapping[str, Any]]) -> pa.RecordBatch:
    """Record dicts (``Article.to_dict()``) → one RecordBatch of :data:`RECORD_SCHEMA`."""
    return pa.RecordBatch.from_pylist([record_row(r) for r in records], schema=RECORD_SCHEMA)


def articles_to_array(articles: Iterable[Article], *, explain: bool = False) -> pa.StructArray:
    """Articles → a struct array of :data:`RECORD_SCHEMA` (the ``newsclean`` column)."""
    batch = records_to_batch(a.to_dict(explain=explain) for a in articles)
    return pa.StructArray.from_arrays(batch.columns, fields=list(RECORD_SCHEMA))


def output_schema(input_schema: pa.Schema, column: str = RECORD_COLUMN) -> pa.Schema:
    """The schema :func:`transform_batches` yields: the input columns plus the record struct."""
    if column in input_schema.names:
        raise ValueError(f"the input already has a column named {column!r}")
    return input_schema.append(pa.field(column, pa.struct(list(RECORD_SCHEMA)), nullable=False))


def _value(col: pa.Array | None, i: int) -> Any:
    return None if col is None else col[i].as_py()


def transform_batches(
    batches: Iterable[pa.RecordBatch],
    html_col: str | None,
    url_col: str | None,
    text_col: str | None = None,
    *,
    source_col: str | None = None,
    entities: bool = True,
    explain: bool = False,
    timeout: float | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    column: str = RECORD_COLUMN,
) -> Iterator[pa.RecordBatch]:
    """Clean the pages of each batch; yield it with the record appended as column ``column``.

    Each row is cleaned from ``html_col`` (bytes or str) or, when that is null or absent, from
    ``text_col`` (a text dump). ``url_col`` gives the page URL; the record's ``source`` is
    ``source_col`` when given, else the URL. One record per row, in row order; a row that fails
    gets an error record. ``timeout`` applies in the main thread only (SIGALRM). Runs in this
    process: Kiwi is built once per process, before the first row (outside its time limit).
    """
    opts = Options(entities=entities, max_bytes=max_bytes)
    warmed = False
    for batch in batches:
        if not warmed:
            preload(entities)
            warmed = True
        cols = {
            name: (batch.column(name) if name and name in batch.schema.names else None)
            for name in (html_col, url_col, text_col, source_col)
            if name
        }
        for name in (html_col, url_col, text_col, source_col):
            if name and cols.get(name) is None:
                raise KeyError(f"no column {name!r} in the batch (columns: {batch.schema.names})")
        arts: list[Article] = []
        for i in range(batch.num_rows):
            html = _value(cols.get(html_col or ""), i)
            url = _value(cols.get(url_col or ""), i)
            text = _value(cols.get(text_col or ""), i)
            source = _value(cols.get(source_col or ""), i) or url
            item: dict[str, Any] = {"source": str(source) if source is not None else None, "url": url}
            if html is not None:
                item["html"] = html
            elif text is not None:
                item["text"] = text
            else:
                item["_error"] = "InvalidInput: the row has no html" + (" or text" if text_col else "")
            art = run_one(item, opts, timeout)
            if source is None:
                art = _without_source(art)
            arts.append(art)
        records = articles_to_array(arts, explain=explain)
        yield pa.RecordBatch.from_arrays([*batch.columns, records], schema=output_schema(batch.schema, column))


def _without_source(art: Article) -> Article:
    import dataclasses

    return dataclasses.replace(art, source=None)
