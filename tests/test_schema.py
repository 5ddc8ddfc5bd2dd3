"""The shipped JSON Schema and the record dataclasses agree."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import jsonschema
import pytest

from newsclean import clean_text
from newsclean.article import ENTITY_TYPES, STATUSES, Article, Entity, Removal, Reporter, Stats
from newsclean.schema import record_schema

SCHEMA = record_schema()
PROPS = SCHEMA["properties"]


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


# only with --explain / only for WARC input / added within schema_version 1 (older records lack them)
OPTIONAL = {"removed", "warc", "canonical_url", "meta_sources"}


def test_record_keys_match_schema_properties() -> None:
    rec = Article().to_dict(explain=True)
    assert set(rec) == set(PROPS) - {"warc"}
    assert set(SCHEMA["required"]) == set(PROPS) - OPTIONAL


def test_article_fields_all_reach_the_record() -> None:
    internal = {"removed", "extra", "stats"}
    for f in dataclasses.fields(Article):
        if f.name not in internal:
            assert f.name in PROPS, f.name


@pytest.mark.parametrize(
    ("cls", "prop"),
    [(Reporter, PROPS["reporters"]["items"]), (Removal, PROPS["removed"]["items"]), (Stats, PROPS["stats"])],
)
def test_nested_types_match(cls: type, prop: dict) -> None:
    assert {f.name for f in dataclasses.fields(cls)} == set(prop["properties"])


def test_entity_fields_and_types_match() -> None:
    eprops = PROPS["entities"]["items"]["properties"]
    assert {f.name for f in dataclasses.fields(Entity)} == set(eprops)
    assert set(eprops["type"]["enum"]) == set(ENTITY_TYPES)
    assert set(PROPS["status"]["enum"]) == set(STATUSES)


def test_real_records_validate(fixtures_dir: Path) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    text = (fixtures_dir / "seed" / "000_d8aba8575cd74dc0.txt").read_text(encoding="utf-8")
    ent = Entity("ministry", "중기부", 0, 3, "중소벤처기업부")
    for art in (
        clean_text(text, entities=False),
        Article.failure("x.html", "error", "ValueError: boom"),
        dataclasses.replace(clean_text(text, entities=False), entities=(ent,)),
    ):
        validator.validate(art.to_dict(explain=True))
        validator.validate(art.to_dict())


def test_schema_rejects_a_broken_record() -> None:
    rec = Article().to_dict()
    rec["status"] = "fine"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(rec, SCHEMA)


def test_warc_records_validate(fixtures_dir: Path) -> None:
    pytest.importorskip("fastwarc", reason="WARC input needs the 'warc' extra")
    from newsclean.batch import clean_many
    from newsclean.inputs import expand_items

    validator = jsonschema.Draft202012Validator(SCHEMA)
    recs = [
        a.to_dict() for a in clean_many(expand_items([str(fixtures_dir / "warc" / "pages.warc.gz")]), entities=False)
    ]
    assert recs and all(r["warc"]["record_id"] for r in recs)
    for rec in recs:
        validator.validate(rec)
