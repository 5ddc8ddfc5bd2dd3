"""The strip chain: ordered, named rules shared by the HTML and text-dump paths.

One chain per input kind, each declared once here: ``TEXT_CHAIN`` (text dumps) and
``HTML_CHAIN`` (HTML pages). Every rule is registered in ``REGISTRY`` (see :mod:`.base`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..blocks import Block
from . import byline, chrome, duplicates, empty, links, page, tail
from .base import REGISTRY, Context, Rule, rule, rule_named

log = logging.getLogger(__name__)

# Order matters: chrome first (it marks summary boxes), copies before bylines (a summary may
# repeat the byline paragraph), the tail rules before link lists (a copyright line ends a list).
TEXT_CHAIN: tuple[Rule, ...] = (
    empty.strip_empty,
    chrome.strip_chrome,
    duplicates.strip_duplicates,
    tail.strip_copyright,
    tail.strip_promo,
    tail.strip_credits,
    byline.strip_bylines,
    links.strip_link_lists,
    tail.strip_series_tag,
)


# The HTML path: the headline and unmarked captions go first (a caption's credit is not a
# byline); short credit lines with a dateline before the general byline rule.
HTML_CHAIN: tuple[Rule, ...] = (
    empty.strip_empty,
    page.strip_title,
    page.strip_captions,
    chrome.strip_chrome,
    duplicates.strip_duplicates,
    tail.strip_copyright,
    tail.strip_promo,
    tail.strip_credits,
    page.strip_byline_lines,
    byline.strip_bylines,
    links.strip_link_lists,
    tail.strip_series_tag,
)


DEFAULT_CHAIN = TEXT_CHAIN  # the chain run_chain uses when none is given


def run_chain(blocks: list[Block], ctx: Context, chain: Sequence[Rule] = DEFAULT_CHAIN) -> list[Block]:
    if ctx.trace is not None:  # explain: the chain's input in order, before any rule runs
        ctx.trace.extend((b, None, b.text) for b in blocks)
    if not log.isEnabledFor(logging.DEBUG):
        for r in chain:
            blocks = r(blocks, ctx)
        return blocks
    for r in chain:
        before, kept = len(ctx.removed), len(blocks)
        blocks = r(blocks, ctx)
        if len(ctx.removed) > before or len(blocks) < kept:
            log.debug("rule %s: %d removed, %d blocks left", r.name, len(ctx.removed) - before, len(blocks))
    return blocks


def registry() -> dict[str, Rule]:
    """Every strip rule and every sub-rule the phrase tables define (loading the tables)."""
    chrome.table()
    return REGISTRY


__all__ = [
    "DEFAULT_CHAIN",
    "HTML_CHAIN",
    "REGISTRY",
    "TEXT_CHAIN",
    "Context",
    "Rule",
    "registry",
    "rule",
    "rule_named",
    "run_chain",
]
