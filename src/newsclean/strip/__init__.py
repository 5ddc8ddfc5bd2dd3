"""The strip chain: ordered, named rules shared by the HTML and text-dump paths."""

from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Block
from . import byline, chrome, duplicates, empty, links, tail
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


def run_chain(blocks: list[Block], ctx: Context, chain: Sequence[Rule] = DEFAULT_CHAIN) -> list[Block]:
    for r in chain:
        blocks = r(blocks, ctx)
    return blocks


__all__ = ["DEFAULT_CHAIN", "REGISTRY", "Context", "Rule", "rule", "run_chain"]
