"""Duplicated paragraphs: a summary box or a teaser repeats body paragraphs.

Of every set of copies the body keeps one, in place: the copy that sits among other body
paragraphs. A copy right after a summary marker (``after: summary`` hint from the chrome
rule) or among other copies (a summary box is a run of copies) loses. A short block that is
contained in a longer one (a summary sentence) is dropped in favour of the longer block.
"""

from __future__ import annotations

from collections import defaultdict

from ..blocks import Block
from .base import Context, rule

MIN_CHARS = 20  # shorter blocks ("[앵커]", "사진") repeat legitimately
BODY_CHARS = 40  # a neighbour this long that is not a copy counts as body
WINDOW = 2
MAX_CONTAINED_CHARS = 400  # summary sentences and teasers are short
MAX_CONTAINMENT_PAIRS = 2_000_000  # the containment test is quadratic: cap it on huge pages


def _is_contact(key: str) -> bool:
    """An e-mail or URL on its own: a byline repeats it, the byline rule handles it."""
    return " " not in key and ("@" in key or key.startswith(("http://", "https://", "www.")))


def _summary_zone(blocks: list[Block], copies: set[int]) -> set[int]:
    """Indices of the copies that form a run starting right after a summary marker."""
    zone: set[int] = set()
    i = 0
    while i < len(blocks):
        if blocks[i].hints.get("after") == "summary" and i in copies:
            while i < len(blocks) and i in copies:
                zone.add(i)
                i += 1
            continue
        i += 1
    return zone


def _body_score(i: int, blocks: list[Block], copies: set[int]) -> int:
    lo, hi = max(0, i - WINDOW), min(len(blocks), i + WINDOW + 1)
    return sum(1 for j in range(lo, hi) if j != i and j not in copies and len(blocks[j].key) >= BODY_CHARS)


@rule(
    "duplicates",
    "Repeated paragraphs (summary boxes, teasers): the body keeps its own copy in place; "
    "summary sentences contained in a body paragraph go too.",
    "(a summary-box copy of the first paragraph)",
)
def strip_duplicates(blocks: list[Block], ctx: Context) -> list[Block]:
    keys = [b.key for b in blocks]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        if len(k) >= MIN_CHARS and not _is_contact(k):
            groups[k].append(i)
    copies = {i for idx in groups.values() if len(idx) > 1 for i in idx}
    contained = _contained(keys)
    zone = _summary_zone(blocks, copies | contained)
    drop: set[int] = set(contained)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        best = max(idx, key=lambda i: (i not in zone, _body_score(i, blocks, copies), i))
        drop.update(i for i in idx if i != best)
    out = []
    for i, b in enumerate(blocks):
        if i in drop:
            strip_duplicates.drop(ctx, b)
            ctx.duplicates_removed += 1
        else:
            out.append(b)
    return out


def _contained(keys: list[str]) -> set[int]:
    """Blocks whose text stands inside a longer block (a summary sentence, a teaser).

    Only blocks up to ``MAX_CONTAINED_CHARS`` are looked for, and the work is capped at
    ``MAX_CONTAINMENT_PAIRS`` substring tests, so huge pages stay linear.
    """
    sized = sorted(((len(k), i) for i, k in enumerate(keys) if len(k) >= MIN_CHARS), reverse=True)
    small = [(n, i) for n, i in sized if n <= MAX_CONTAINED_CHARS]
    if len(small) * len(sized) > MAX_CONTAINMENT_PAIRS:
        return set()
    out: set[int] = set()
    for n, i in small:
        k = keys[i]
        for m, j in sized:
            if m <= n:
                break
            if k in keys[j]:
                out.add(i)
                break
    return out
