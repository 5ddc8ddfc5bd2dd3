"""The Spark adapter in a real local[2] session: one row per input row, record as a struct."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.spark, pytest.mark.slow]

pytest.importorskip("pyarrow", reason="the Spark adapter needs pyarrow (extra 'spark')")
pytest.importorskip("pyspark", reason="the Spark adapter needs pyspark (extra 'spark')")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java (no 'java' on PATH and no JAVA_HOME)", allow_module_level=True)

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "warc" / "pages"


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsclean-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def page_rows() -> list[tuple[int, bytes | None, str | None, str]]:
    rows: list[tuple[int, bytes | None, str | None, str]] = []
    for n, name in enumerate(["bridge.html", "library.html", "market.html"] * 2):
        rows.append((n, (PAGES / name).read_bytes(), None, f"https://x.invalid/{n}/{name}"))
    rows.append((6, None, "제목 줄\n중소벤처기업부는 13개 지방청과 회의를 열었다.", "https://x.invalid/6/dump"))
    rows.append((7, None, None, "https://x.invalid/7/nothing"))
    return rows


def test_transform_keeps_rows_and_appends_the_record(spark: Any) -> None:
    from newsclean.spark import transform

    df = spark.createDataFrame(page_rows(), "id long, html binary, text string, url string").repartition(2, "id")
    out = transform(df, html_col="html", url_col="url", text_col="text", entities=False)
    assert out.columns == ["id", "html", "text", "url", "newsclean"]
    assert out.schema["newsclean"].dataType.simpleString().startswith("struct<schema_version:int,source:string")
    rows = sorted(out.collect(), key=lambda r: r["id"])
    assert [r["id"] for r in rows] == list(range(8))
    recs = [r["newsclean"].asDict(recursive=True) for r in rows]
    assert [r["status"] for r in recs] == ["ok"] * 7 + ["error"]
    assert [r["source"] for r in recs] == [r["url"] for r in rows]
    assert recs[7]["error"] == "InvalidInput: the row has no html or text"
    assert "420미터" in recs[0]["text"] and recs[0]["title"] == recs[3]["title"]
    assert recs[1]["encoding"] == "utf-8" and "스무 명" in recs[1]["text"]
    assert recs[6]["paragraphs"] == ["중소벤처기업부는 13개 지방청과 회의를 열었다."]
    assert rows[2]["html"] == (PAGES / "market.html").read_bytes()


def test_transform_with_entities_builds_kiwi_in_the_workers(spark: Any) -> None:
    from newsclean.spark import transform

    text = "행사 소식\n중소벤처기업부는 13개 지방청과 함께 서울시에서 회의를 열었다."
    df = spark.createDataFrame([(text, "a"), (text, "b")], "body string, key string").coalesce(1)
    rows = transform(df, html_col=None, text_col="body", source_col="key").collect()
    assert sorted(r["key"] for r in rows) == ["a", "b"]
    for row in rows:
        rec = row["newsclean"]
        assert rec["status"] == "ok" and rec["source"] == row["key"]
        types = {e["type"] for e in rec["entities"]}
        assert "count" in types or "ministry" in types, rec["entities"]


def test_transform_checks_columns(spark: Any) -> None:
    from newsclean.spark import transform

    df = spark.createDataFrame([("<p>x</p>",)], "page string")
    with pytest.raises(ValueError, match="no column 'html'"):
        transform(df)
    with pytest.raises(ValueError, match="already has a column named 'page'"):
        transform(df, html_col="page", column="page")
