"""The HTML path: bytes → decode → lxml tree → locate (profile or generic) → blocks → strip → Extracted."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from typing import Any

from lxml import etree

from .. import limits, publishers
from ..blocks import CAPTION, PARAGRAPH, Block
from ..decode import decode, utf8_source
from ..extracted import DocMeta, Extracted
from ..strip import HTML_CHAIN, Context, run_chain
from . import metadata
from .blockify import CAPTION_MARK, blockify, captions_beside, mark_photo_boxes
from .dom import Element, by_tag, bytes_xml_safe, drop, drop_chrome_inside, parse, prune
from .jsonld import article_object
from .locate import locate, with_siblings
from .sites import detect as _detect
from .state import StateArticle, state_article
from .widen import prose_region
from .xpath import evaluate, first_elements, know_metas

MIN_BODY_CHARS = 80
WIDEN_BELOW = 300  # body characters under which the whole page's prose is scored too
FEW_BLOCKS = 3  # ... or paragraphs under which (a locator that kept two blocks of a table page)
STATE_BELOW = 2000  # body characters under which the page's script state is read too
_COUNT_ELEMENTS = etree.XPath("count(//*)")

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


Body = tuple[str, list[Block], StateArticle | None]  # route, blocks, the state they came from


def _bodies(
    root: Element, blocks: list[Block], route: str, scripts: list[Element], missed: bool = False
) -> Iterator[Body]:
    """The bodies to try, best first. The DOM's, unless it is thin and the page's best run of prose
    is much longer, or the script state holds much more than it (or all of it: a teaser). Then,
    for when the strip chain leaves nothing, the page's best run of prose and the script state,
    computed only when needed. ``missed``: a profile's container was missing (a redesign that may
    have moved the article into script state), so the state is read whatever the DOM's length."""
    chars = _body_chars(blocks)
    first: list[Body] = []
    later: list[Body] = []
    # Few paragraphs are suspect from the generic locator only: a profile's short article is short.
    few = route != "profile" and sum(1 for b in blocks if b.kind == PARAGRAPH) < FEW_BLOCKS
    region = prose_region(root) if chars < WIDEN_BELOW or few else None
    if region:
        # A profile's container that holds an article (not thin) is never overruled by the page.
        trusted = route == "profile" and chars >= MIN_BODY_CHARS
        wide = not trusted and _body_chars(region) > 2 * max(chars, MIN_BODY_CHARS // 2)
        (first if wide else later).append(("page-prose", region, None))
    # A profile that found its container is trusted unless the body is thin.
    tried_state = chars < (WIDEN_BELOW if route == "profile" else STATE_BELOW) or missed
    state = state_article(scripts) if tried_state else None
    if state is not None and state.blocks:
        have = _body_chars(first[0][1] if first else blocks)
        more = _body_chars(state.blocks) > 2 * max(have, MIN_BODY_CHARS // 2)
        teaser = _covers(state.blocks, first[0][1] if first else blocks)
        cand: Body = (f"state:{state.route}", state.blocks, state)
        if more or teaser:
            first.insert(0, cand)
        else:
            later.append(cand)
    yield from first
    # The state's title and dates may fill the DOM body's gaps only when it holds the same article.
    yield route, blocks, state if state is not None and _shares(state.blocks, blocks) else None
    yield from later
    if region is None:
        yield "page-prose", prose_region(root), None
    if not tried_state:
        state = state_article(scripts)
        if state is not None:
            yield f"state:{state.route}", state.blocks, state


def _covers(wide: list[Block], narrow: list[Block]) -> bool:
    """Whether ``wide`` holds more text than ``narrow`` and every paragraph of ``narrow`` (a teaser
    the DOM shows of the article the state holds in full)."""
    paras = [b.key for b in narrow if b.kind == PARAGRAPH and len(b.text) >= 10]
    if not paras or _body_chars(wide) <= _body_chars(narrow):
        return False
    text = " ".join(b.key for b in wide)
    return all(p in text for p in paras)


def _shares(a: list[Block], b: list[Block]) -> bool:
    """Whether a paragraph of ``b`` (of 20 characters or more) is in ``a``'s text."""
    text = " ".join(x.key for x in a)
    return any(x.key in text for x in b if x.kind == PARAGRAPH and len(x.text) >= 20)


def extract_html(
    html: bytes | str,
    *,
    url: str | None = None,
    http_charset: str | None = None,
) -> Extracted:
    """The page's kept blocks, what the strip chain found and the page's metadata."""
    dec = decode(html, http_charset)
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
    route = "generic"
    if profile is not None:
        container, blocks = _profile_blocks(root, profile)
        route = "profile"
    if _body_chars(blocks) < MIN_BODY_CHARS:
        found = locate(root)
        generic: list[Block] = []
        if found is not None:
            for box in with_siblings(found):
                drop_chrome_inside(box)
                mark_photo_boxes(box)
                generic.extend(blockify(box))
            before, after = captions_beside(found)
            generic = [*before, *generic, *after]
        if _body_chars(generic) > _body_chars(blocks):
            container, blocks, route = found, generic, "generic"
    bodies = _bodies(root, blocks, route, tags["script"], missed=profile is not None and route != "profile")
    first = next(bodies)
    if first[2] is not None:
        _fill_from_state(meta, first[2])
    metadata.fill_from_page(meta, root, container if first[0] == route else None, first[1])
    ctx = Context(portal=meta.portal, publisher=meta.publisher, title=meta.title)
    kept: list[Block] = []
    blocks_in = 0
    used = first[0]
    for tried, blocks, state in itertools.chain([first], bodies):  # the first the chain keeps text of
        if not blocks:
            continue
        used = tried
        if state is not None:
            _fill_from_state(meta, state)
        if len(blocks) > limits.MAX_BLOCKS:
            return Extracted.failure(
                "skipped", url=url, encoding=dec.encoding, encoding_source=dec.source,
                error=f"TooManyBlocks: {len(blocks)} text blocks > {limits.MAX_BLOCKS} (newsclean.limits.MAX_BLOCKS)",
            )
        ctx = Context(portal=meta.portal, publisher=meta.publisher, title=meta.title)
        blocks_in = len(blocks)
        kept = run_chain(blocks, ctx, HTML_CHAIN)
        if any(b.kind != CAPTION for b in kept):
            break
    reporters = metadata.merge_reporters(meta.reporters, ctx.reporters)
    if not reporters:
        reporters = metadata.bylines_in_dom(root)
    elif any(not r.email for r in reporters):  # a reporter card after the body may hold the e-mail
        known = {r.name for r in reporters}
        cards = [r for r in metadata.bylines_in_dom(root) if r.email and r.name in known]
        reporters = metadata.merge_reporters(reporters, cards)
    log.debug("body route: %s (%d blocks in, %d kept)", used, blocks_in, len(kept))
    info = DocMeta(
        url=meta.url, canonical_url=meta.canonical_url, portal=meta.portal or ctx.portal,
        publisher=metadata.final_publisher(meta, ctx.publisher) or _host_publisher(url, meta.url) or ctx.publisher,
        title=meta.title or ctx.title, subtitle=meta.subtitle, section=meta.section, published=meta.published,
        modified=meta.modified, reporters=tuple(reporters), encoding=dec.encoding, encoding_source=dec.source,
        body_route=used, meta_sources=dict(meta.sources) or None,
    )
    return Extracted(kept, ctx, blocks_in, info)


def _fill_from_state(meta: Any, state: StateArticle) -> None:
    """Title, dates and authors the page's metadata lacks, from the objects around the state's body."""
    where = f"state:{state.route}"
    if not meta.title and state.title:
        meta.title, meta.sources["title"] = metadata.clean_title(state.title, [meta.publisher or ""]), where
    if meta.published is None and state.published:
        meta.published, meta.sources["published"] = state.published, where
    meta.modified = meta.modified or state.modified
    if not meta.reporters and state.authors:
        meta.reporters = metadata.from_jsonld_people(state.authors)


def _host_publisher(*urls: str | None) -> str | None:
    for u in urls:
        got = publishers.from_host(publishers.host_of(u))
        if got:
            return got
    return None
