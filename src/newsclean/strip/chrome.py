"""Portal and site chrome: phrase tables from ``data/chrome/*.json`` (every file is read)."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

import regex

from .. import regexcache, saferegex
from ..blocks import Block, fold
from ..holdout import rule_is_off
from ..resources import data_names, load_json
from .base import Context, Rule, rule, sub_rule

MAX_PATTERN_CHARS = 200  # chrome lines are short; body paragraphs skip the pattern scan


class Phrase(NamedTuple):
    rule: Rule  # the table entry, registered as a sub-rule of ``chrome``
    portal: str | None
    opens: str | None


class ChromeTable(NamedTuple):
    exact: dict[str, Phrase]
    prefixes: tuple[tuple[str, Phrase], ...]
    any_prefix: tuple[str, ...]
    # All regex entries as one alternation of named groups g0, g1 ...: one scan per block.
    pattern: regex.Pattern[str] | None
    pattern_phrases: tuple[Phrase, ...]

    def match(self, text: str) -> Phrase | None:
        return self.match_key(fold(text))

    def match_key(self, key: str) -> Phrase | None:
        """:meth:`match` for text already folded (a block's cached ``key``)."""
        hit = self.exact.get(key)
        if hit is not None:
            return hit
        if key.startswith(self.any_prefix):
            for prefix, phrase in self.prefixes:
                if key.startswith(prefix):
                    return phrase
        if self.pattern is not None and len(key) <= MAX_PATTERN_CHARS:
            m = saferegex.fullmatch(self.pattern, key)
            if m and m.lastgroup:
                return self.pattern_phrases[int(m.lastgroup[1:])]
        return None


@cache
def table() -> ChromeTable:
    exact: dict[str, Phrase] = {}
    prefixes: list[tuple[str, Phrase]] = []
    sources: list[str] = []
    phrases: list[Phrase] = []
    for entry, source in _sourced_entries():
        phrase = Phrase(sub_rule(strip_chrome, entry, source), entry.get("portal"), entry.get("opens"))
        for text in entry.get("exact", []):
            exact.setdefault(fold(text), phrase)
        prefixes.extend((fold(p), phrase) for p in entry.get("prefix", []))
        for p in entry.get("regex", []):
            sources.append(f"(?P<g{len(phrases)}>{p})")
            phrases.append(phrase)
    try:
        pattern = regexcache.compile("|".join(sources)) if sources else None
    except regex.error:
        for source in sources:  # a bad pattern fails here, on its own, with its text in the error
            regex.compile(source)
        raise
    return ChromeTable(exact, tuple(prefixes), tuple(p for p, _ in prefixes), pattern, tuple(phrases))


def chrome_entries() -> list[dict[str, Any]]:
    """All phrase-table entries, file by file in name order (portals.json, sites.json ...)."""
    return [entry for entry, _ in _sourced_entries()]


def _sourced_entries() -> list[tuple[dict[str, Any], str]]:
    """The phrase-table entries with the data file each comes from."""
    entries = [(e, f"chrome/{name}") for name in data_names("chrome") for e in load_json(f"chrome/{name}")["rules"]]
    return [(e, source) for e, source in entries if not rule_is_off(e["rule"])]


@rule(
    "chrome",
    "Portal chrome from the phrase tables (data/chrome/*.json); each removal is logged under the "
    "table entry's own name, e.g. daum.font-size.",
    "이 글자크기로 변경됩니다.",
)
def strip_chrome(blocks: list[Block], ctx: Context) -> list[Block]:
    tab = table()
    out: list[Block] = []
    opens_next: str | None = None
    for b in blocks:
        phrase = tab.match_key(b.key)
        if phrase is None:
            if opens_next:
                b.hints.setdefault("after", opens_next)
                opens_next = None
            out.append(b)
            continue
        phrase.rule.drop(ctx, b)
        ctx.set_portal(phrase.portal)
        if phrase.opens:
            opens_next = phrase.opens
    return out
