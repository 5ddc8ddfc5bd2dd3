"""An article container → typed blocks in reading order (non-recursive walk).

Block-level elements end a block; every ``<br>`` ends a line and each line is its own block
(many Korean pages hold the whole body as text + ``<br>`` in one div). Inline elements,
including the places where scripts or ads were cut out, join without adding spaces.
Captions (``figcaption``, caption classes) become ``caption`` blocks.
"""

from __future__ import annotations

from ..blocks import CAPTION, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, Block, clean_line
from .dom import Element, text_content, tokens, vocabulary

BLOCK_TAGS = frozenset(
    (
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "caption", "blockquote", "figure", "figcaption", "pre", "hr", "center", "form", "fieldset",
        "address", "details", "summary", "body", "html", "nav", "aside", "footer",
    )
)
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])


def kind_of(el: Element) -> str | None:
    """The block kind an element gives the text inside it, if it is special."""
    tag = el.tag
    if tag == "figcaption" or tag == "caption" or el.get(CAPTION_MARK):
        return CAPTION
    if tokens(el) & vocabulary().caption_tokens:
        return CAPTION
    if tag in HEADING_TAGS:
        return HEADING
    if tag == "li" or tag == "dd" or tag == "dt":
        return LIST_ITEM
    if tag == "blockquote":
        return QUOTE
    return None


def _label(el: Element) -> str:
    ident = el.get("id")
    if ident:
        return f"{el.tag}#{ident}"
    cls = el.get("class")
    first = cls.split(None, 1) if cls else None
    if first:
        return f"{el.tag}.{first[0]}"
    return str(el.tag)


def blockify(container: Element) -> list[Block]:
    """Walk ``container`` in document order with an explicit stack and emit blocks."""
    out: list[Block] = []
    # The open run of text: its lines (split at <br>), each as its parts and its characters in links.
    lines: list[list[str]] = [[]]
    link_chars = [0]
    kinds: list[str] = []  # innermost special kind last
    labels: list[str] = []
    link_depth = 0
    in_table = 0

    def flush() -> None:
        nonlocal lines, link_chars
        if len(lines) == 1 and not lines[0]:  # nothing since the last block boundary
            return
        kind = kinds[-1] if kinds else PARAGRAPH
        path = "/".join(labels[-4:])
        for parts, linked in zip(lines, link_chars, strict=True):
            raw = "".join(parts)
            text = clean_line(raw)
            if not text:
                continue
            density = min(1.0, linked / max(1, len(raw.strip()))) if linked else 0.0
            out.append(Block(text, kind, density, path, {"table": True} if in_table else {}))
        lines = [[]]
        link_chars = [0]

    def add(text: str) -> None:
        lines[-1].append(text)
        if link_depth:
            link_chars[-1] += len(text.strip())

    # Stack items: (element, None) to enter it, (element, (is_block, special)) to leave it.
    stack: list[tuple[Element, tuple[bool, str | None] | None]] = [(container, None)]
    while stack:
        el, leaving = stack.pop()
        tag = el.tag
        if leaving is None:
            if not isinstance(tag, str):  # an entity or a stray node: only its tail is text
                if el.tail:
                    add(el.tail)
                continue
            if tag == "br":
                lines.append([])
                link_chars.append(0)
                if el.tail:
                    add(el.tail)
                continue
            special = kind_of(el)
            is_block = tag in BLOCK_TAGS or special is not None
            if is_block:
                flush()
                labels.append(_label(el))
            if special is not None:
                kinds.append(special)
            if tag == "a":
                link_depth += 1
            elif tag == "td" or tag == "th":
                in_table += 1
            stack.append((el, (is_block, special)))
            if el.text:
                add(el.text)
            stack.extend([(child, None) for child in reversed(el)])
            continue
        is_block, special = leaving
        if is_block:
            flush()
            labels.pop()
        if special is not None:
            kinds.pop()
        if tag == "a":
            link_depth -= 1
        elif tag == "td" or tag == "th":
            in_table -= 1
        if el is not container and el.tail:
            add(el.tail)
    flush()
    return out


CAPTION_MARK = "data-nc-caption"
MAX_CAPTION_CHARS = 300


def _small(img: Element) -> bool:
    """An icon or a spacer, not a photo (width or height under 60 pixels)."""
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < 60:
            return True
    return False


def mark_photo_boxes(container: Element) -> int:
    """Mark the text next to a photo as a caption (photo + caption boxes no class names).

    The box is the nearest ancestor of an ``<img>`` (below the container) that has any text; it
    is a caption when that text is short and at most half of the container's text.
    """
    total = len(text_content(container))
    marked = 0
    seen: set[Element] = set()
    for img in container.iter("img"):
        if _small(img):
            continue
        box = img.getparent()
        while box is not None and box is not container and box not in seen:
            seen.add(box)
            text = " ".join(text_content(box).split())
            if text:
                if len(text) <= MAX_CAPTION_CHARS and len(text) * 2 <= total:
                    box.set(CAPTION_MARK, "1")
                    marked += 1
                break
            box = box.getparent()
    return marked


def captions_beside(container: Element) -> tuple[list[Block], list[Block]]:
    """Captions of the photo boxes next to the container (before it, after it).

    A page may set the photo (``figure``/``figcaption``) beside the text box in the article
    wrapper rather than inside it: a sibling that holds a large enough ``<img>`` and only a
    caption's worth of text gives that text as a caption, and nothing else.
    """
    parent = container.getparent()
    before: list[Block] = []
    after: list[Block] = []
    if parent is None or parent.tag in ("body", "html"):
        return before, after
    side = before
    for sib in parent:
        if sib is container:
            side = after
            continue
        if not isinstance(sib.tag, str) or not any(not _small(img) for img in sib.iter("img")):
            continue
        text = " ".join(text_content(sib).split())
        if not text or len(text) > MAX_CAPTION_CHARS:
            continue
        sib.set(CAPTION_MARK, "1")
        side.extend(b for b in blockify(sib) if b.kind == CAPTION)
    return before, after
