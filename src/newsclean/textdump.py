"""Text dumps: what a scraper saved as text becomes the same blocks the HTML path makes.

Two shapes: a *tidy* dump (headline on the first line, then the story, as the seed) and a
*full-page* dump (the page's whole visible text: menus, tickers, the story, footers). The
full-page locator lives in :mod:`newsclean.locate_text` (where the story is) and
:mod:`newsclean.split_text` (what is kept and logged); line features in :mod:`newsclean.textlines`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Block, clean_line

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
    from . import locate_text, split_text, textlines

    blocks = lines_to_blocks(text)
    if not blocks:
        return DumpDoc([])
    if not locate_text.is_tidy(blocks):
        split = split_text.split_full_page(blocks)
        if split is not None:
            return DumpDoc(
                split.keep,
                title=split.title.text if split.title else None,
                removed_title=split.title,
                meta=split.meta,
                dropped=split.dropped,
                full_page=True,
            )
    first = blocks[0]
    # Widget lines no phrase table knows (a table's own rule logs the ones it knows).
    widget = [textlines.is_widget_line(b.text) and textlines.chrome_rule(b.text) is None for b in blocks[1:]]
    rest = [b for b, w in zip(blocks[1:], widget, strict=True) if not w]
    doc = DumpDoc(rest, title=first.text, removed_title=first)
    doc.dropped.extend((b, textlines.WIDGET) for b, w in zip(blocks[1:], widget, strict=True) if w)
    for i, b in enumerate(rest[:TIDY_DATE_LINES]):
        if textlines.is_date_line(b.text):
            published, modified = textlines.date_of(b.text)
            if published:
                doc.meta["published"] = published
                if modified:
                    doc.meta["modified"] = modified
                doc.dropped.append((b, textlines.DATE))
                doc.blocks = rest[:i] + rest[i + 1 :]
            break
    return doc
