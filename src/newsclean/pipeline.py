"""The pipeline: an input path (``html.extract_html``, ``textdump.extract_text``) gives an
``Extracted``; :func:`assemble` alone turns it into the Article (→ entities).

``clean`` (HTML) and ``clean_text`` (text dumps) never raise on what the input holds: whatever
goes wrong becomes a record with ``status`` and ``error``. An argument of the wrong type is a
programming error and raises ``TypeError`` (see :func:`check_types`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import limits
from .article import Article, Entity, Stats, error_text
from .blocks import CAPTION
from .extracted import Extracted
from .html import extract_html
from .sniff import sniff
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
            source=source, status=ex.status, error=ex.error, url=meta.url,
            encoding=meta.encoding, encoding_source=meta.encoding_source,
        )
    ctx = ex.ctx
    blocks = ex.blocks
    paragraphs = tuple(b.text for b in blocks if b.kind != CAPTION)
    captions = tuple(ctx.captions) + tuple(b.text for b in blocks if b.kind == CAPTION)
    text = "\n\n".join(paragraphs)
    published = meta.published
    found: tuple[Entity, ...] = ()
    if entities and text:
        from .entities import extract_entities  # a lazy load: see tests/test_architecture.py

        found = tuple(extract_entities(text, date=published))
    return Article(
        source=source,
        status="ok" if paragraphs else "empty",
        error=None if paragraphs else "no article text found",
        url=meta.url,
        canonical_url=meta.canonical_url,
        portal=meta.portal,
        publisher=meta.publisher,
        title=meta.title,
        subtitle=meta.subtitle,
        section=meta.section,
        published=published,
        modified=meta.modified,
        reporters=meta.reporters,
        paragraphs=paragraphs,
        captions=captions,
        entities=found,
        removed=tuple(ctx.removed),
        stats=Stats(
            blocks_in=ex.blocks_in,
            blocks_out=len(paragraphs),
            duplicates_removed=ctx.duplicates_removed,
            chars_out=len(text),
            body_route=meta.body_route,
        ),
        encoding=meta.encoding,
        encoding_source=meta.encoding_source,
        meta_sources=meta.meta_sources,
    )


def check_types(func: str, name: str, value: Any, types: tuple[type, ...], *, optional: bool = False) -> None:
    """Raise ``TypeError`` unless ``value`` is one of ``types`` (or None when ``optional``)."""
    if isinstance(value, types) or (optional and value is None):
        return
    names = " or ".join(t.__name__ for t in types) + (" or None" if optional else "")
    raise TypeError(f"{func}() argument {name!r} must be {names}, not {type(value).__name__}")


def _check_common(func: str, source: Any, url: Any = None) -> None:
    check_types(func, "source", source, (str,), optional=True)
    check_types(func, "url", url, (str,), optional=True)


def clean_text(text: str, *, source: str | None = None, entities: bool = True) -> Article:
    """Clean a text dump (one block per line) into an Article.
    Raises ``TypeError`` when ``text`` is not a ``str`` or ``source`` not a ``str``/None."""
    check_types("clean_text", "text", text, (str,))
    _check_common("clean_text", source)
    return guarded(source, lambda: _clean_text(text, source, entities))


def _clean_text(text: str, source: str | None, entities: bool) -> Article:
    lines = sum(1 for line in text.splitlines() if line.strip())
    if lines > limits.MAX_BLOCKS:  # bounded time: a dump's lines are its blocks
        return Article.failure(
            source, "skipped", f"TooManyBlocks: {lines} lines > {limits.MAX_BLOCKS} (newsclean.limits.MAX_BLOCKS)"
        )
    return assemble(extract_text(text), source=source, entities=entities)


def clean(
    html: bytes | bytearray | memoryview | str,
    url: str | None = None,
    *,
    source: str | None = None,
    entities: bool = True,
    http_charset: str | None = None,
) -> Article:
    """Clean an HTML page (bytes in any encoding, or str) into an Article.

    Bytes that are no page at all (an image, a PDF, an archive: :mod:`newsclean.sniff`) give a
    ``skipped`` record. ``url`` (the address the page was fetched from) is the record's ``url``;
    the page's own canonical URL is its ``canonical_url``. Raises ``TypeError`` when ``html``
    is not ``bytes``/``bytearray``/``str`` or ``url``/``source``/``http_charset`` not ``str``."""
    check_types("clean", "html", html, (bytes, bytearray, memoryview, str))
    _check_common("clean", source, url)
    check_types("clean", "http_charset", http_charset, (str,), optional=True)
    if not isinstance(html, str | bytes):
        html = bytes(html)
    if isinstance(html, bytes):
        binary = sniff(html)
        if binary is not None:
            return Article(source=source, status="skipped", error=binary.error(), url=url)

    def build() -> Article:
        return assemble(extract_html(html, url=url, http_charset=http_charset), source=source, entities=entities)

    return guarded(source, build)
