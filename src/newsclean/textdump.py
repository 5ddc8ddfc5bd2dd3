"""Text dumps: what a scraper saved as text becomes the same blocks the HTML path makes.

Two shapes: a *tidy* dump (headline on the first line, then the story, as the seed) and a
*full-page* dump (the page's whole visible text: menus, tickers, the story, footers). The
full-page locator lives in :mod:`newsclean.locate_text`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache

from . import locate_text
from .blocks import Block, clean_line
from .extracted import Extracted
from .resources import load_json
from .strip import TEXT_CHAIN, Context, Rule, rule_named, run_chain
from .strip.base import register, sub_rule

log = logging.getLogger(__name__)

TIDY_DATE_LINES = 3  # a tidy dump may carry its date line right under the headline


@dataclass(slots=True)
class DumpDoc:
    """A dump split into blocks, with what its own lines say of the article.

    ``dropped`` are lines removed before the strip rules run, each with the rule that removed
    it (the pipeline logs them through the strip Context).
    """

    blocks: list[Block]
    title: str | None = None
    removed_title: Block | None = None
    meta: dict[str, str] = field(default_factory=dict)
    dropped: list[tuple[Block, str]] = field(default_factory=list)
    full_page: bool = False


def lines_to_blocks(text: str) -> list[Block]:
    """One block per non-empty line, in order, with its line number as path."""
    blocks = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = clean_line(raw)
        if line:
            blocks.append(Block(line, path=f"line:{n}"))
    return blocks


def read_dump(text: str) -> DumpDoc:
    """Blocks of a dump: tidy dumps keep every line after the headline; full-page dumps keep the story."""
    blocks = lines_to_blocks(text)
    if not blocks:
        return DumpDoc([])
    if not locate_text.is_tidy(blocks):
        split = locate_text.split_full_page(blocks)
        if split is not None:
            log.debug("full-page dump: %d story lines, %d lines outside", len(split.keep), len(split.dropped))
            return DumpDoc(
                split.keep,
                title=split.title.text if split.title else None,
                removed_title=split.title,
                meta=split.meta,
                dropped=split.dropped,
                full_page=True,
            )
    first = blocks[0]
    rest = blocks[1:]
    log.debug("tidy dump: the first line is the headline")
    doc = DumpDoc(rest, title=first.text, removed_title=first)
    for i, b in enumerate(rest[:TIDY_DATE_LINES]):
        if locate_text.is_date_line(b.text):
            published, modified = locate_text.date_of(b.text)
            if published:
                doc.meta["published"] = published
                if modified:
                    doc.meta["modified"] = modified
                doc.dropped.append((b, locate_text.DATE))
                doc.blocks = rest[:i] + rest[i + 1 :]
            break
    return doc


LOCATOR = register(
    Rule(
        "textdump",
        None,
        "The text-dump locator: lines it leaves out of the story before the strip chain runs are logged "
        "under its sub-rules (data/textdump.json) or under the chrome phrase that matched them.",
    )
)


@cache
def locator_rules() -> dict[str, Rule]:
    """The locator's rule names (``data/textdump.json``), registered as sub-rules of ``textdump``."""
    data = load_json("textdump.json")["rules"]
    return {n: sub_rule(LOCATOR, e, "textdump.json", name=n) for n, e in data.items() if not n.startswith("_")}


def extract_text(text: str) -> Extracted:
    """The text path: a dump's blocks through the strip chain, with what its own lines say."""
    doc = read_dump(text)
    ctx = Context(title=doc.title)
    named = locator_rules()
    if doc.removed_title is not None:
        named["title"].drop(ctx, doc.removed_title)
    for block, rule_name in doc.dropped:  # lines the dump locator left out of the story
        (named.get(rule_name) or rule_named(rule_name)).drop(ctx, block)
    blocks_in = len(doc.blocks) + len(doc.dropped) + (1 if doc.removed_title else 0)
    kept = run_chain(doc.blocks, ctx, TEXT_CHAIN)
    return Extracted(kept, ctx, blocks_in, dict(doc.meta))
