"""Arrow form of the record: the schema agrees with the JSON Schema; Parquet output; transform_batches."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow", reason="Arrow/Parquet needs the 'parquet' extra (pyarrow)")
pq = pytest.importorskip("pyarrow.parquet")

from newsclean.arrow import (  # noqa: E402
    EXTRA_FIELDS,
    RECORD_COLUMN,
    RECORD_SCHEMA,
    output_schema,
    record_row,
    records_to_batch,
    transform_batches,
)
from newsclean.article import Article, Entity, Removal, Reporter, Stats  # noqa: E402
from newsclean.cli import main  # noqa: E402
from newsclean.schema import record_schema  # noqa: E402

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "warc" / "pages"
# JSON allows a number or a string; Parquet has no union: the value's JSON text is stored.
UNION_AS_TEXT = {("entities", "value")}


def json_type(node: dict[str, Any], path: tuple[str, ...]) -> tuple[Any, bool]:
    """The Arrow type a JSON Schema node maps to, and whether it admits null."""
    if "const" in node:
        assert isinstance(node["const"], int)
        return pa.int32(), False
    if "enum" in node:
        assert all(isinstance(v, str) for v in node["enum"])
        return pa.string(), False
    types = node["type"] if isinstance(node["type"], list) else [node["type"]]
    nullable = "null" in types
    types = [t for t in types if t != "null"]
    if path in UNION_AS_TEXT:
        assert sorted(types) == ["number", "string"]
        return pa.string(), nullable
    assert len(types) == 1, (path, types)
    kind = types[0]
    if kind == "string":
        return pa.string(), nullable
    if kind == "integer":
        return pa.int64(), nullable
    if kind == "array":
        item, item_null = json_type(node["items"], path)
        return pa.list_(pa.field("item", item, nullable=item_null)), nullable
    if kind == "object":
        return pa.struct(struct_fields(node, path)), nullable
    raise AssertionError(f"no Arrow mapping for {path}: {kind}")


def struct_fields(node: dict[str, Any], path: tuple[str, ...]) -> list[Any]:
    required = set(node.get("required", ()))
    fields = []
    for name, sub in node["properties"].items():
        typ, nullable = json_type(sub, (*path, name))
        fields.append(pa.field(name, typ, nullable=nullable or name not in required))
    return fields


def test_arrow_schema_agrees_with_json_schema_field_by_field() -> None:
    expected = {f.name: f for f in struct_fields(record_schema(), ())}
    actual = {f.name: f for f in RECORD_SCHEMA}
    assert set(actual) - set(expected) == set(EXTRA_FIELDS)
    assert set(expected) <= set(actual)
    for name, field in expected.items():
        got = actual[name]
        assert got.nullable == field.nullable, name
        if pa.types.is_struct(field.type) or pa.types.is_list(field.type):
            # compare nested fields by name (order is the JSON Schema's, not significant)
            assert _normal(got.type) == _normal(field.type), name
        else:
            assert got.type == field.type, name


def _normal(typ: Any) -> Any:
    if pa.types.is_list(typ):
        f = typ.value_field
        return ("list", f.nullable, _normal(f.type))
    if pa.types.is_struct(typ):
        return ("struct", sorted((f.name, f.nullable, _normal(f.type)) for f in typ))
    return str(typ)


def test_arrow_extras_match_what_warc_emits() -> None:
    from newsclean.warc import _item  # noqa: F401 - the provenance keys are documented there

    warc = RECORD_SCHEMA.field("warc").type
    assert [f.name for f in warc] == ["target_uri", "record_id", "date", "file", "offset", "http_status"]


def sample_articles() -> list[Article]:
    ents = (
        Entity("count", "13개", 0, 3, "13개", value=13, unit="개"),
        Entity("money", "1.5억원", 4, 9, None, value=150000000.0, currency="KRW"),
        Entity("date", "3월", 10, 12, None, value="2023-03"),
        Entity("ministry", "중기부", 13, 16, "중소벤처기업부"),
    )
    return [
        Article(
            source="a.txt",
            title="제목",
            reporters=(Reporter("김하늘", "sky@example.invalid"), Reporter("이바다")),
            paragraphs=("첫 문단", "둘째 문단"),
            captions=("사진 설명",),
            entities=ents,
            removed=(Removal("tail.copyright", "무단 전재 금지"),),
            stats=Stats(5, 2, 1, 12),
            encoding="utf-8",
            encoding_source="meta",
            extra=(("warc", {"target_uri": "https://x.invalid/a", "record_id": "<urn:uuid:1>", "offset": 7}),),
        ),
        Article.failure("missing.txt", "error", "FileNotFoundError: missing.txt"),
    ]


@pytest.mark.parametrize("explain", [False, True])
def test_records_to_batch_round_trip(explain: bool) -> None:
    recs = [a.to_dict(explain=explain) for a in sample_articles()]
    rows = records_to_batch(recs).to_pylist()
    assert len(rows) == 2
    ok, failed = rows
    assert ok["reporters"] == [r | {"role": None} for r in recs[0]["reporters"]]
    assert [e["value"] for e in ok["entities"]] == ["13", "150000000.0", "2023-03", None]
    assert json.loads(ok["entities"][0]["value"]) == 13
    assert ok["entities"][3]["norm"] == "중소벤처기업부" and ok["entities"][3]["currency"] is None
    assert ok["text"] == "첫 문단\n\n둘째 문단"
    assert ok["stats"] == recs[0]["stats"]
    assert ok["warc"]["record_id"] == "<urn:uuid:1>" and ok["warc"]["date"] is None
    assert ok["removed"] == ([{"rule": "tail.copyright", "text": "무단 전재 금지"}] if explain else None)
    assert failed["status"] == "error" and failed["paragraphs"] == [] and failed["warc"] is None
    for key in recs[1]:
        if key not in ("entities", "reporters", "removed"):
            assert failed[key] == recs[1][key], key


def test_parquet_output_matches_json_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.output import ParquetOutput

    monkeypatch.setattr(ParquetOutput, "batch_size", 2)  # several row groups
    inputs = [str(PAGES), str(tmp_path / "missing.txt"), str(PAGES.parent / "pages.warc.gz")]
    jsonl, parquet = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    assert main(["--no-entities", "-q", "-o", str(jsonl), *inputs]) == 1
    assert main(["--no-entities", "-q", "-o", str(parquet), *inputs]) == 1
    expected = [record_row(json.loads(line)) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    table = pq.read_table(parquet)
    assert table.schema.equals(RECORD_SCHEMA)
    assert pq.ParquetFile(parquet).metadata.num_row_groups == 4
    assert table.to_pylist() == expected
    assert len(expected) == 8
    assert [r["status"] for r in expected].count("ok") == 6


def test_transform_batches_appends_the_record(tmp_path: Path) -> None:
    html = (PAGES / "bridge.html").read_bytes()
    table = pa.table(
        {
            "id": [1, 2, 3, 4],
            "html": [html, None, None, (PAGES / "market.html").read_bytes()],
            "text": [None, "제목 줄\n본문 한 줄입니다. 두 번째 문장입니다.", None, None],
            "url": ["https://x.invalid/bridge", None, "https://x.invalid/empty", None],
        }
    )
    batches = table.to_batches(max_chunksize=3)
    assert len(batches) == 2
    out = list(transform_batches(batches, "html", "url", "text", entities=False))
    assert [b.num_rows for b in out] == [3, 1]
    assert out[0].schema == output_schema(table.schema)
    result = pa.Table.from_batches(out)
    assert result.column("id").to_pylist() == [1, 2, 3, 4]
    assert result.column("html").to_pylist() == table.column("html").to_pylist()
    recs = result.column(RECORD_COLUMN).to_pylist()
    assert [r["status"] for r in recs] == ["ok", "ok", "error", "ok"]
    assert recs[0]["source"] == "https://x.invalid/bridge" and "420미터" in recs[0]["text"]
    assert recs[1]["paragraphs"] == ["본문 한 줄입니다. 두 번째 문장입니다."] and recs[1]["source"] is None
    assert recs[2]["error"] == "InvalidInput: the row has no html or text"
    assert "450면" in recs[3]["text"]


def test_transform_batches_rejects_bad_columns() -> None:
    batch = pa.RecordBatch.from_pylist([{"html": "<p>x</p>", "newsclean": 1}])
    with pytest.raises(KeyError, match="no column 'page'"):
        list(transform_batches([batch], "page", None))
    with pytest.raises(ValueError, match="already has a column named 'newsclean'"):
        list(transform_batches([batch], "html", None))


def test_parquet_takes_lone_surrogates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    out = tmp_path / "s.parquet"
    stdin = '{"source": "s\\ud800", "text": "제목\\n본문에 짝 없는 \\ud800 문자가 있다."}\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert main(["--no-entities", "-q", "-o", str(out), "-"]) == 0
    (row,) = pq.read_table(out).to_pylist()
    assert row["source"] == "s\ufffd"
    assert row["paragraphs"] == ["본문에 짝 없는 \ufffd 문자가 있다."]
