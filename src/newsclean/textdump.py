"""Text dumps: what a scraper saved as text becomes the same blocks the HTML path makes."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Block, clean_line


@dataclass(slots=True)
class DumpDoc:
    """A dump split into blocks, with what its own lines say of the article."""

    blocks: list[Block]
    title: str | None = None
    removed_title: Block | None = None
    meta: dict[str, str] = field(default_factory=dict)


def lines_to_blocks(text: str) -> list[Block]:
    """One block per non-empty line, in order, with its line number as path."""
    blocks = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = clean_line(raw)
        if line:
            blocks.append(Block(line, path=f"line:{n}"))
    return blocks


def read_dump(text: str) -> DumpDoc:
    """Blocks of a tidy dump whose first line is the headline (the seed's shape)."""
    blocks = lines_to_blocks(text)
    if not blocks:
        return DumpDoc([])
    first = blocks[0]
    return DumpDoc(blocks[1:], title=first.text, removed_title=first)
