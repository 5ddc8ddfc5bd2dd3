"""Empty and decorative blocks: nothing but punctuation, symbols or whitespace."""

from __future__ import annotations

from .. import regexcache
from ..blocks import Block
from .base import Context, rule

_DECORATIVE = regexcache.compile(r"^[\p{P}\p{S}\p{Z}\s]*$")


@rule("empty", "Blocks with no letters or digits (rules, dividers, lone symbols).", "━━━━━━")
def strip_empty(blocks: list[Block], ctx: Context) -> list[Block]:
    out = []
    for b in blocks:
        if not b.text.strip():
            continue  # whitespace carries no text to log
        if _DECORATIVE.match(b.text):
            strip_empty.drop(ctx, b)
        else:
            out.append(b)
    return out
