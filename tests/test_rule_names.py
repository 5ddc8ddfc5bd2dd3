"""Rules own their names: every removal a record logs names a registered rule.

Run over every fixture page and dump (and the shared corpus), with the registry's own
guarantees checked directly: only a Rule object can log, and a name is registered once.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsclean import clean, clean_text
from newsclean.article import Article
from newsclean.blocks import Block
from newsclean.pipeline import rules
from newsclean.strip import HTML_CHAIN, TEXT_CHAIN, Context, Rule, rule_named
from newsclean.strip.base import register

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _records(paths: list[Path]) -> list[Article]:
    out = []
    for path in paths:
        if path.suffix == ".html":
            out.append(clean(path.read_bytes(), source=str(path), entities=False))
        else:
            out.append(clean_text(path.read_text(encoding="utf-8"), source=str(path), entities=False))
    return out


def _unregistered(records: list[Article]) -> Counter[str]:
    registry = rules()
    return Counter(f"{r.rule} ({a.source})" for a in records for r in a.removed if r.rule not in registry)


def test_every_fixture_removal_names_a_registered_rule() -> None:
    paths = sorted(FIXTURES.glob("**/*.html")) + sorted(FIXTURES.glob("**/*.txt"))
    records = _records(paths)
    names = {r.rule for a in records for r in a.removed}
    assert len(paths) >= 40 and len(names) >= 15  # the fixtures exercise many rules: the check is real
    assert {"byline.dateline", "title", "textdump.menu"} & names  # data- and code-defined sub-rules too
    assert not _unregistered(records)


@pytest.mark.corpus
def test_every_corpus_removal_names_a_registered_rule(corpus_dir: Path) -> None:
    paths = sorted((corpus_dir / "html").glob("*.html")) + sorted((corpus_dir / "text").glob("*.txt"))
    records = _records(paths)
    assert sum(len(a.removed) for a in records) > 100
    assert not _unregistered(records)


def test_sub_rules_carry_their_data_descriptions() -> None:
    registry = rules()
    subs = [r for r in registry.values() if r.parent is not None]
    assert {r.parent for r in subs} >= {"chrome", "textdump", "byline"}
    for r in subs:
        assert r.func is None and r.parent in registry and r.what, r
    assert registry["title"].source == "textdump.json"
    assert all(r.source.startswith("chrome/") for r in subs if r.parent == "chrome")


def test_chains_run_registered_rules_only() -> None:
    registry = rules()
    for chain in (HTML_CHAIN, TEXT_CHAIN):
        assert all(registry[r.name] is r and r.func is not None for r in chain)


def test_an_unregistered_name_cannot_be_logged() -> None:
    with pytest.raises(KeyError):
        rule_named("no.such-rule")
    ctx = Context()
    rule_named("empty").drop(ctx, Block("━━"))
    assert [(r.rule, r.text) for r in ctx.removed] == [("empty", "━━")]


def test_a_name_cannot_be_registered_for_two_rules() -> None:
    taken = rule_named("byline")
    with pytest.raises(ValueError, match="registered twice"):
        register(Rule("byline", None, "another rule under a taken name"))
    assert rule_named("byline") is taken


def test_a_sub_rule_does_not_run_on_its_own() -> None:
    with pytest.raises(TypeError, match="sub-rule"):
        rule_named("byline.dateline")([Block("x")], Context())
