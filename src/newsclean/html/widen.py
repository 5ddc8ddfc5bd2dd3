"""The widest generic search: the best run of prose anywhere on the page.

When neither a profile nor the generic locator keeps a body (an old ``<table>`` layout whose
article is ``<br>``-separated text in one cell, a page whose container scores below a sidebar),
every text block of the page is scored by the locator's prose score (length, commas, Korean
sentence endings, less link text); blocks without a sentence ending count against a run. The
contiguous run with the highest total is the body.
"""

from __future__ import annotations

from ..blocks import CAPTION, PARAGRAPH, Block
from .blockify import blockify
from .dom import Element
from .locate import KOREAN_END, unit_score

GAP_COST = 1.5  # what a block without prose costs a run (a subheading, a date line, a button)


def prose_region(root: Element) -> list[Block]:
    """The contiguous run of the page's blocks with the most prose (maximum-sum run), or []."""
    body = root.find("body")
    blocks = blockify(body if body is not None else root)
    best_sum, best = 0.0, (0, -1)
    run_sum, start = 0.0, 0
    for i, b in enumerate(blocks):
        gain = -GAP_COST
        if b.kind == PARAGRAPH and KOREAN_END.search(b.text):
            gain = unit_score(b.text, int(b.link_density * len(b.text))) or -GAP_COST
        elif b.kind == CAPTION:
            gain = 0.0
        if run_sum <= 0:
            run_sum, start = 0.0, i
        run_sum += gain
        if run_sum > best_sum:
            best_sum, best = run_sum, (start, i)
    return blocks[best[0] : best[1] + 1]
