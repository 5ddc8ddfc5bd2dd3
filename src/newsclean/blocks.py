"""Typed text blocks: what both the HTML path and the text-dump path hand to the strip rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Block kinds. ``paragraph`` is body text; the others are hints from the locator.
PARAGRAPH = "paragraph"
HEADING = "heading"
CAPTION = "caption"
LIST_ITEM = "list-item"
TABLE = "table"
QUOTE = "quote"
KINDS = (PARAGRAPH, HEADING, CAPTION, LIST_ITEM, TABLE, QUOTE)

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»「」『』"} | {c: "'" for c in "‘’‚‛"})
# str.translate looks every character up in a dict (slow on Hangul text); a C-speed ``in`` test
# and ``replace`` per quote style does the same mapping ~10x faster.
_QUOTE_PAIRS = tuple((chr(k), str(v)) for k, v in _QUOTES.items())


@dataclass(slots=True)
class Block:
    """One unit of text in reading order.

    ``link_density`` is the share of the text inside links (0 for text dumps). ``path`` says
    where the block came from (a DOM path, or ``line:N`` in a dump). ``hints`` carries what a
    locator or an earlier rule knows (``zone``: "summary", "tail", ...).
    """

    text: str
    kind: str = PARAGRAPH
    link_density: float = 0.0
    path: str = ""
    hints: dict[str, Any] = field(default_factory=dict)
    _key: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        """The text folded for comparison (whitespace and quote styles ignored); cached."""
        if self._key is None or self._key[0] is not self.text:
            self._key = (self.text, fold(self.text))
        return self._key[1]


def fold(text: str) -> str:
    """Fold whitespace and quote styles so that copies of a paragraph compare equal."""
    for curly, plain in _QUOTE_PAIRS:
        if curly in text:
            text = text.replace(curly, plain)
    return " ".join(text.split())


def clean_line(text: str) -> str:
    """Collapse runs of whitespace (incl. NBSP and ideographic space) to one space."""
    return " ".join(text.replace("\u200b", "").replace("\ufeff", "").split())
