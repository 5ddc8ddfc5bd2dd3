"""An article container → typed blocks in reading order (non-recursive walk).

Block-level elements end a block; every ``<br>`` ends a line and each line is its own block
(many Korean pages hold the whole body as text + ``<br>`` in one div). Inline elements,
including the places where scripts or ads were cut out, join without adding spaces.
Captions (``figcaption``, caption classes) become ``caption`` blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..blocks import CAPTION, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, Block, clean_line
from .dom import HtmlElement, tokens, vocabulary

BLOCK_TAGS = frozenset(
    (
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "caption", "blockquote", "figure", "figcaption", "pre", "hr", "center", "form", "fieldset",
        "address", "details", "summary", "body", "html", "nav", "aside", "footer",
    )
)
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])


@dataclass(slots=True)
class _Line:
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0


@dataclass(slots=True)
class _Run:
    lines: list[_Line] = field(default_factory=lambda: [_Line()])

    def add(self, text: str, in_link: bool) -> None:
        line = self.lines[-1]
        line.parts.append(text)
        if in_link:
            line.link_chars += len(text.strip())

    def br(self) -> None:
        self.lines.append(_Line())


def kind_of(el: HtmlElement) -> str | None:
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


def _path(stack_tags: list[str]) -> str:
    return "/".join(stack_tags[-4:])


def _label(el: HtmlElement) -> str:
    cls = (el.get("class") or "").split()
    ident = el.get("id")
    if ident:
        return f"{el.tag}#{ident}"
    if cls:
        return f"{el.tag}.{cls[0]}"
    return str(el.tag)


def blockify(container: HtmlElement) -> list[Block]:
    """Walk ``container`` in document order with an explicit stack and emit blocks."""
    out: list[Block] = []
    run = _Run()
    kinds: list[str] = []  # innermost special kind last
    labels: list[str] = []
    link_depth = 0
    in_table = 0

    def flush() -> None:
        nonlocal run
        kind = kinds[-1] if kinds else PARAGRAPH
        path = _path(labels)
        for line in run.lines:
            raw = "".join(line.parts)
            text = clean_line(raw)
            if not text:
                continue
            density = min(1.0, line.link_chars / max(1, len(raw.strip())))
            hints = {"table": True} if in_table else {}
            out.append(Block(text, kind, density, path, hints))
        run = _Run()

    # Stack items: (element, None) to enter it, (element, (is_block, special)) to leave it.
    stack: list[tuple[HtmlElement, tuple[bool, str | None] | None]] = [(container, None)]
    while stack:
        el, leaving = stack.pop()
        tag = el.tag
        if leaving is None:
            if not isinstance(tag, str):  # an entity or a stray node: only its tail is text
                if el.tail:
                    run.add(el.tail, link_depth > 0)
                continue
            if tag == "br":
                run.br()
                if el.tail:
                    run.add(el.tail, link_depth > 0)
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
                run.add(el.text, link_depth > 0)
            for child in reversed(el):
                stack.append((child, None))
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
            run.add(el.tail, link_depth > 0)
    flush()
    return out


CAPTION_MARK = "data-nc-caption"
MAX_CAPTION_CHARS = 300


def _small(img: HtmlElement) -> bool:
    """An icon or a spacer, not a photo (width or height under 60 pixels)."""
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < 60:
            return True
    return False


def mark_photo_boxes(container: HtmlElement) -> int:
    """Mark the text next to a photo as a caption (photo + caption boxes no class names).

    The box is the nearest ancestor of an ``<img>`` (below the container) that has any text; it
    is a caption when that text is short and at most half of the container's text.
    """
    total = len(container.text_content())
    marked = 0
    seen: set[HtmlElement] = set()
    for img in container.iter("img"):
        if _small(img):
            continue
        box = img.getparent()
        while box is not None and box is not container and box not in seen:
            seen.add(box)
            text = " ".join(box.text_content().split())
            if text:
                if len(text) <= MAX_CAPTION_CHARS and len(text) * 2 <= total:
                    box.set(CAPTION_MARK, "1")
                    marked += 1
                break
            box = box.getparent()
    return marked
