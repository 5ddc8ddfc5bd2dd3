"""What an HTML page held outside the article container, for the explain report.

The strip rules only ever see the blocks of the article container; the rest of the page (menus,
sidebars, footers, hidden text, related-article lists) never became candidates, so it is not in
the removal log. :func:`outside_groups` parses the page again, reads its visible text blocks and
groups those the cleaning never saw by reason — page furniture (``<nav>``, ``<aside>``,
``<footer>`` ...), hidden text, link lists, other text — with counts and a few samples. The
blocks of scripts, styles and forms (``drop_tags``) are no text and are not counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import etree

from .blocks import Block
from .decode import decode, utf8_source
from .html.blockify import blockify
from .html.dom import Element, is_hidden, parse, vocabulary

SAMPLES = 3
SAMPLE_CHARS = 80
MIN_SUBSTRING = 20  # a shorter block must match a seen text whole ("뉴스" is inside many)
LINK_LIST = 0.5  # link density from which a block counts as a link list


@dataclass(slots=True)
class OutsideGroup:
    """Blocks outside the article container that share a reason."""

    reason: str  # a stable key: nav, aside, footer, menu, dialog, hidden, links, other
    label: str
    count: int = 0
    chars: int = 0
    samples: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.count += 1
        self.chars += len(text)
        if len(self.samples) < SAMPLES:
            short = text if len(text) <= SAMPLE_CHARS else text[: SAMPLE_CHARS - 1] + "…"
            if short not in self.samples:
                self.samples.append(short)


LABELS = {
    "hidden": "hidden text (display:none, screen-reader only)",
    "links": "link lists and menus",
    "other": "other text outside the article container",
}


def _outermost(root: Element, keep: Callable[[Element], bool]) -> list[Element]:
    found: list[Element] = []
    for el in root.iter():
        if isinstance(el.tag, str) and keep(el) and not any(a in found for a in el.iterancestors()):
            found.append(el)
    return found


def _regions(root: Element) -> list[tuple[str, list[Block]]]:
    """(reason, blocks) for the page's furniture, its hidden boxes and the rest, in that order."""
    voc = vocabulary()
    out: list[tuple[str, list[Block]]] = []
    tests: tuple[tuple[str, Callable[[Element], bool]], ...] = (
        ("chrome", lambda el: el.tag in voc.chrome_tags),
        ("hidden", is_hidden),
    )
    for reason, keep in tests:
        for el in _outermost(root, keep):
            out.append((el.tag if reason == "chrome" else reason, blockify(el)))
            parent = el.getparent()
            if parent is not None:
                el.tail = None
                parent.remove(el)
    body = root.find("body")
    out.append(("rest", blockify(body if body is not None else root)))
    return out


def outside_groups(data: bytes | str, seen: Iterable[str], http_charset: str | None = None) -> list[OutsideGroup]:
    """The page's text blocks whose text the cleaning never saw (``seen``: the texts of the
    blocks it did see, the title and captions), grouped by reason, largest group first."""
    dec = decode(data, http_charset)
    root = parse(dec.text, utf8=utf8_source(data, dec))
    if root is None:
        return []
    voc = vocabulary()
    etree.strip_elements(root, *voc.drop_tags, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    known = {t for t in seen if t}
    joined = "\n".join(known)
    groups: dict[str, OutsideGroup] = {}
    for region, blocks in _regions(root):
        for b in blocks:
            if b.text in known or (len(b.text) >= MIN_SUBSTRING and b.text in joined):
                continue
            reason = region
            if region == "rest":
                reason = "links" if b.link_density >= LINK_LIST else "other"
            label = LABELS.get(reason) or f"page furniture (<{reason}>)"
            groups.setdefault(reason, OutsideGroup(reason, label)).add(b.text)
    return sorted(groups.values(), key=lambda g: (-g.count, g.reason))
