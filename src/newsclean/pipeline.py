"""The pipeline: an input path (``html.extract_html``, ``textdump.extract_text``) gives an
``Extracted``; :func:`assemble` alone turns it into the Article (→ entities).

``clean`` (HTML) and ``clean_text`` (text dumps) never raise: whatever goes wrong becomes a
record with ``status`` and ``error``.
"""

from __future__ import annotations

from collections.abc import Callable

from . import limits
from .article import Article, Entity, Stats, error_text
from .blocks import CAPTION
from .extracted import Extracted
from .html import extract_html
from .strip import Rule, registry
from .textdump import extract_text, locator_rules


def rules() -> dict[str, Rule]:
    """Every rule a record's ``removed`` may name: the strip chains' rules and the sub-rules their
    data files (phrase tables, the text-dump locator) define. Loads those files."""
    locator_rules()
    return registry()


def guarded(source: str | None, build: Callable[[], Article]) -> Article:
    """Run ``build``; any exception becomes an error record for ``source``."""
    try:
        return build()
    except Exception as exc:  # MemoryError and RecursionError included
        return Article.failure(source, "error", error_text(exc))


def assemble(ex: Extracted, *, source: str | None, entities: bool = True) -> Article:
    """Turn what an input path extracted into an Article: the one place records are built."""
    meta = ex.meta
    if ex.status != "ok":
        return Article(
            source=source, status=ex.status, error=ex.error, url=meta.get("url"),
            encoding=meta.get("encoding"), encoding_source=meta.get("encoding_source"),
        )
    ctx = ex.ctx
    blocks = ex.blocks
    paragraphs = tuple(b.text for b in blocks if b.kind != CAPTION)
    captions = tuple(ctx.captions) + tuple(b.text for b in blocks if b.kind == CAPTION)
    text = "\n\n".join(paragraphs)
    published = meta.get("published")
    found: tuple[Entity, ...] = ()
    if entities and text:
        from .entities import extract_entities  # a lazy load: see tests/test_architecture.py

        found = tuple(extract_entities(text, date=published))
    reporters = tuple(meta.get("reporters") or ctx.reporters)
    return Article(
        source=source,
        status="ok" if paragraphs else "empty",
        error=None if paragraphs else "no article text found",
        url=meta.get("url"),
        portal=meta.get("portal") or ctx.portal,
        publisher=meta.get("publisher") or ctx.publisher,
        title=meta.get("title") or ctx.title,
        subtitle=meta.get("subtitle"),
        section=meta.get("section"),
        published=published,
        modified=meta.get("modified"),
        reporters=reporters,
        paragraphs=paragraphs,
        captions=captions,
        entities=found,
        removed=tuple(ctx.removed),
        stats=Stats(
            blocks_in=ex.blocks_in,
            blocks_out=len(paragraphs),
            duplicates_removed=ctx.duplicates_removed,
            chars_out=len(text),
        ),
        encoding=meta.get("encoding"),
        encoding_source=meta.get("encoding_source"),
    )


def clean_text(text: str, *, source: str | None = None, entities: bool = True) -> Article:
    """Clean a text dump (one block per line) into an Article."""
    return guarded(source, lambda: _clean_text(text, source, entities))


def _clean_text(text: str, source: str | None, entities: bool) -> Article:
    lines = sum(1 for line in text.splitlines() if line.strip())
    if lines > limits.MAX_BLOCKS:  # bounded time: a dump's lines are its blocks
        return Article.failure(
            source, "skipped", f"TooManyBlocks: {lines} lines > {limits.MAX_BLOCKS} (newsclean.limits.MAX_BLOCKS)"
        )
    return assemble(extract_text(text), source=source, entities=entities)


def clean(
    html: bytes | str,
    url: str | None = None,
    *,
    source: str | None = None,
    entities: bool = True,
    http_charset: str | None = None,
) -> Article:
    """Clean an HTML page (bytes in any encoding, or str) into an Article."""

    def build() -> Article:
        return assemble(extract_html(html, url=url, http_charset=http_charset), source=source, entities=entities)

    return guarded(source, build)
