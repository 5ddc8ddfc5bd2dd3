"""The HTML path: bytes → decode → lxml tree → locate (profile or generic) → blocks → strip → Extracted."""

from __future__ import annotations

import logging
from typing import Any

from lxml import etree

from .. import limits, publishers
from ..blocks import PARAGRAPH, Block, clean_line
from ..decode import decode, utf8_source
from ..extracted import Extracted
from ..strip import HTML_CHAIN, Context, run_chain
from . import metadata
from .blockify import CAPTION_MARK, blockify, mark_photo_boxes
from .dom import Element, by_tag, bytes_xml_safe, drop, drop_chrome_inside, parse, prune
from .jsonld import article_object
from .locate import locate, with_siblings
from .sites import detect as _detect
from .xpath import evaluate, first_elements, know_metas

MIN_BODY_CHARS = 80
_COUNT_ELEMENTS = etree.XPath("count(//*)")
HEAD_BLOCKS = 6

__all__ = ["extract_html"]

log = logging.getLogger(__name__)


def detect_profile(root: Element, url: str | None) -> Any:
    """The site profile of the page, or None (a broken profile set never stops extraction)."""
    try:
        profile = _detect(root, url)
    except Exception:
        log.warning("site profile detection failed: generic extraction", exc_info=True)
        return None
    log.debug("site profile: %s", profile.name if profile is not None else "none")
    return profile


def _profile_blocks(root: Element, profile: Any) -> tuple[Element | None, list[Block]]:
    """The profile's container(s) → blocks, after its chrome is dropped and its captions marked."""
    for expr in getattr(profile, "drop", ()) or ():
        for el in evaluate(root, expr):
            if isinstance(el, etree._Element):
                drop(el)
    for expr in getattr(profile, "caption", ()) or ():
        for el in evaluate(root, expr):
            if isinstance(el, etree._Element):
                el.set(CAPTION_MARK, "1")
    els = first_elements(root, getattr(profile, "body", ()) or ())
    # Nested matches (a container and its own child) would repeat text: keep the outermost.
    chosen = [el for el in els if not any(anc in els for anc in el.iterancestors())]
    blocks: list[Block] = []
    for el in chosen:
        if isinstance(el, etree._Element):
            mark_photo_boxes(el)
            blocks.extend(blockify(el))
    first = chosen[0] if chosen and isinstance(chosen[0], etree._Element) else None
    return first, blocks


def _body_chars(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks if b.kind == PARAGRAPH and b.link_density < 0.5)


def _jsonld_blocks(ld: dict[str, Any] | None) -> list[Block]:
    body = ld.get("articleBody") if ld else None
    if not isinstance(body, str):
        return []
    if "<" in body and ">" in body:
        frag = parse(f"<html><body><div>{body}</div></body></html>")
        if frag is not None:
            prune(frag)
            div = frag.find(".//div")
            if div is not None:
                return blockify(div)
    lines = [clean_line(x) for x in body.replace("\r", "\n").split("\n")]
    return [Block(x, PARAGRAPH, 0.0, "jsonld:articleBody") for x in lines if x]


def extract_html(
    html: bytes | str,
    *,
    url: str | None = None,
    http_charset: str | None = None,
) -> Extracted:
    """The page's kept blocks, what the strip chain found and the page's metadata."""
    dec = decode(html, http_charset)
    enc = {"encoding": dec.encoding, "encoding_source": dec.source}
    # Strictly decoded bytes are checked for characters XML forbids as bytes: cheaper than
    # encoding the text again.
    safe = isinstance(html, bytes) and dec.source != "replace" and bytes_xml_safe(html, dec.encoding)
    root = parse(dec.text, xml_safe=safe, utf8=utf8_source(html, dec))
    if root is None:
        return Extracted.failure(
            "empty", "EmptyDocument: no HTML to parse", url=url, encoding=dec.encoding, encoding_source=dec.source
        )
    # Every element of the tree comes from a "<" in the text, but for the few libxml2 implies
    # (html, head, body, and a p around stray text: at most one per text run): a page with few
    # "<" cannot be over the cap, so only such pages pay for the count.
    maybe_over = len(dec.text) > 3 * limits.MAX_ELEMENTS and 2 * dec.text.count("<") + 8 > limits.MAX_ELEMENTS
    elements = int(_COUNT_ELEMENTS(root)) if maybe_over else 0
    if elements > limits.MAX_ELEMENTS:  # bounded time: no per-element walk over such a page
        return Extracted.failure(
            "skipped", url=url, encoding=dec.encoding, encoding_source=dec.source,
            error=f"TooManyElements: {elements} elements > {limits.MAX_ELEMENTS} (newsclean.limits.MAX_ELEMENTS)",
        )
    tags = by_tag(root)  # one walk for the meta, link, script and time elements read below
    know_metas(root, tags["meta"])
    ld = article_object(root, tags["script"])
    profile = detect_profile(root, url)
    meta = metadata.extract(root, url=url, profile=profile, ld=ld, tags=tags)
    prune(root)
    container: Element | None = None
    blocks: list[Block] = []
    if profile is not None:
        container, blocks = _profile_blocks(root, profile)
    if _body_chars(blocks) < MIN_BODY_CHARS:
        found = locate(root)
        generic: list[Block] = []
        if found is not None:
            for box in with_siblings(found):
                drop_chrome_inside(box)
                mark_photo_boxes(box)
                generic.extend(blockify(box))
        if _body_chars(generic) > _body_chars(blocks):
            container, blocks = found, generic
            log.debug("body route: generic locator (%d blocks)", len(blocks))
        elif profile is not None:
            log.debug("body route: profile (thin; the generic locator found less)")
    elif log.isEnabledFor(logging.DEBUG):
        log.debug("body route: profile %s (%d blocks)", profile.name, len(blocks))
    ld_blocks = _jsonld_blocks(ld)
    if ld_blocks and _body_chars(ld_blocks) > 2 * max(_body_chars(blocks), MIN_BODY_CHARS // 2):
        blocks = ld_blocks
        log.debug("body route: JSON-LD articleBody (%d blocks), longer than the page's", len(blocks))
    _fill_from_page(meta, root, container, blocks)
    if len(blocks) > limits.MAX_BLOCKS:
        return Extracted.failure(
            "skipped", url=url, encoding=dec.encoding, encoding_source=dec.source,
            error=f"TooManyBlocks: {len(blocks)} text blocks > {limits.MAX_BLOCKS} (newsclean.limits.MAX_BLOCKS)",
        )
    ctx = Context(portal=meta.portal, publisher=meta.publisher, title=meta.title)
    blocks_in = len(blocks)
    kept = run_chain(blocks, ctx, HTML_CHAIN)
    info = meta.as_dict()
    reporters = metadata.merge_reporters(meta.reporters, ctx.reporters)
    if not reporters:
        reporters = metadata.bylines_in_dom(root)
    info["reporters"] = reporters
    info["publisher"] = meta.publisher or ctx.publisher or _host_publisher(url, meta.url)
    info.update(enc)
    return Extracted(kept, ctx, blocks_in, info)


def _fill_from_page(meta: Any, root: Element, container: Element | None, blocks: list[Block]) -> None:
    """Title and dates that no metadata gave, from the visible page."""
    if not meta.title and container is not None:
        meta.title = metadata.clean_title(metadata.title_near(container), [meta.publisher or ""])
    if not meta.title:
        meta.title = metadata.clean_title(metadata.first_heading(root), [meta.publisher or ""]) or meta.page_title
    if meta.published is None or meta.modified is None:
        head = " ".join(b.text for b in blocks[:HEAD_BLOCKS])
        published, modified = metadata.labelled_dates(head)
        # The whole page's text (~0.5 ms to join): for a published date the metadata lacks, or
        # for a modified date only when the page holds a modified label at all.
        if published is None and (
            meta.published is None or (modified is None and meta.modified is None and metadata.names_modified(root))
        ):
            published, modified2 = metadata.labelled_dates(" ".join(root.itertext()))
            modified = modified or modified2
        if published is None:
            published = metadata.date_line(blocks[:HEAD_BLOCKS])
        meta.published = meta.published or published
        meta.modified = meta.modified or modified


def _host_publisher(*urls: str | None) -> str | None:
    for u in urls:
        got = publishers.from_host(publishers.host_of(u))
        if got:
            return got
    return None
