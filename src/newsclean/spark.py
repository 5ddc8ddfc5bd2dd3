"""Spark adapter (extra ``spark``): clean a DataFrame of pages with ``mapInArrow``.

``transform(df, html_col="html", url_col=None)`` returns ``df`` with every input column kept and
the record appended as a struct column ``newsclean`` (fields and types of
:data:`newsclean.arrow.RECORD_SCHEMA`, the Parquet schema). One output row per input row, in
the same partitions; a row that cannot be cleaned gets a record with ``status`` error.

The work is :func:`newsclean.arrow.transform_batches`, run inside each Python worker. Nothing
heavy is pickled: the function shipped to the workers holds only column names and options;
Kiwi is built lazily in the worker on its first row and reused while Spark reuses the worker
(``spark.python.worker.reuse``, on by default).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .arrow import RECORD_COLUMN, RECORD_SCHEMA
from .batch import DEFAULT_TIMEOUT
from .inputs import DEFAULT_MAX_BYTES


def record_spark_type() -> Any:
    """The Spark ``StructType`` of the record column."""
    import pyarrow as pa
    from pyspark.sql.pandas.types import from_arrow_type

    return from_arrow_type(pa.struct(list(RECORD_SCHEMA)))


def transform(
    df: Any,
    html_col: str | None = "html",
    url_col: str | None = None,
    *,
    text_col: str | None = None,
    source_col: str | None = None,
    entities: bool = True,
    explain: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    column: str = RECORD_COLUMN,
) -> Any:
    """``df`` plus a struct column ``column`` holding each row's record (lazy, like any transform).

    ``html_col``: HTML as binary or string; ``text_col``: a text dump, used where the HTML is null;
    ``url_col``: the page URL; ``source_col``: the record's ``source`` (default: the URL).
    """
    from pyspark.sql.types import StructField, StructType

    for name in (html_col, url_col, text_col, source_col):
        if name and name not in df.columns:
            raise ValueError(f"no column {name!r} in the DataFrame (columns: {df.columns})")
    if column in df.columns:
        raise ValueError(f"the DataFrame already has a column named {column!r}")
    schema = StructType([*df.schema.fields, StructField(column, record_spark_type(), nullable=False)])

    def clean_partition(batches: Iterator[Any]) -> Iterator[Any]:
        from newsclean.arrow import transform_batches

        yield from transform_batches(
            batches,
            html_col,
            url_col,
            text_col,
            source_col=source_col,
            entities=entities,
            explain=explain,
            timeout=timeout,
            max_bytes=max_bytes,
            column=column,
        )

    return df.mapInArrow(clean_partition, schema)
