"""The strip chain: ordered, named rules shared by the HTML and text-dump paths."""

from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Block
from . import byline, chrome, duplicates, empty, links, page, tail
from .base import REGISTRY, Context, Rule, rule

# Order matters: chrome first (it marks summary boxes), copies before bylines (a summary may
# repeat the byline paragraph), the tail rules before link lists (a copyright line ends a list).
DEFAULT_CHAIN: tuple[Rule, ...] = (
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


def run_chain(blocks: list[Block], ctx: Context, chain: Sequence[Rule] = DEFAULT_CHAIN) -> list[Block]:
    if ctx.trace is not None:  # explain: the chain's input in order, before any rule runs
        ctx.trace.extend((b, None, b.text) for b in blocks)
    for r in chain:
        blocks = r(blocks, ctx)
    return blocks


__all__ = ["DEFAULT_CHAIN", "HTML_CHAIN", "REGISTRY", "Context", "Rule", "rule", "run_chain"]
