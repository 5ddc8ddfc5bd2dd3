"""Title and dates by agreement with the visible (pruned) page, once the body is located.

The title: a meta title is checked against the visible headings (``og:title+heading``); a
profile's title that neither the meta title nor ``<title>`` agrees with gives way; without a
meta title, the heading that ``<title>`` names. The published time: the candidates the metadata
gave, joined by labelled dates and date boxes when there are none or they disagree
(:mod:`newsclean.html.meta_dates`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import meta_dates, meta_title
from .dom import Element
from .meta_dates import date_line, labelled_dates, names_modified
from .meta_title import clean_title, first_heading, title_near

if TYPE_CHECKING:
    from .metadata import Meta

HEAD_BLOCKS = 6


def fill_from_page(meta: Meta, root: Element, container: Element | None, blocks: Sequence[Any]) -> None:
    """Title and dates by agreement with the visible (pruned) page, once the body is located."""
    _fill_title(meta, root, container)
    _fill_dates(meta, root, container, blocks)


def _fill_title(meta: Meta, root: Element, container: Element | None) -> None:
    names = [meta.publisher or ""]
    if meta_title.names_a_site(meta.page_title, names):  # <title>한빛일보</title> names no headline
        meta.page_title_ref = None
    else:
        meta.page_title_ref = meta.page_title
    if meta.title and meta.sources.get("title") == "profile":
        _check_profile_title(meta, root, container)
        return
    if meta.title:
        if meta_title.agreeing_heading(root, container, meta.title, boxes=False):
            meta.sources["title"] = meta.sources.get("title", "meta") + "+heading"
            return
        # A meta title no visible heading agrees with (a site name, another story's title)
        # gives way to the heading that <title> names, when there is one.
        heading = meta_title.agreeing_heading(root, container, meta.page_title_ref)
        if heading and not meta_title.agrees(heading, meta.title):
            meta.title, meta.sources["title"] = clean_title(heading, names), "title+heading"
        return
    heading = meta_title.agreeing_heading(root, container, meta.page_title_ref)
    if heading:
        meta.title, meta.sources["title"] = clean_title(heading, names), "title+heading"
        return
    near = clean_title(title_near(container), names) if container is not None else None
    first = clean_title(first_heading(root), names)
    for source, value in (("heading:near-body", near), ("h1", first), ("title", meta.page_title)):
        if value:
            meta.title, meta.sources["title"] = value, source
            return


def _check_profile_title(meta: Meta, root: Element, container: Element | None) -> None:
    """A profile's title that neither the meta title nor ``<title>`` agrees with (the profile's
    XPath found a sidebar box on a redesigned page) gives way to the visible heading they name."""
    title = meta.title or ""
    refs = [(src, ref) for src, ref in [meta.meta_title or ("", ""), ("title", meta.page_title_ref or "")] if ref]
    if not refs or any(meta_title.agrees(title, ref) for _, ref in refs):
        return
    for src, ref in refs:
        heading = meta_title.agreeing_heading(root, container, ref)
        if heading:
            meta.title = clean_title(heading, [meta.publisher or ""])
            meta.sources["title"] = f"{src}+heading"
            return


def _fill_dates(meta: Meta, root: Element, container: Element | None, blocks: Sequence[Any]) -> None:
    """Published by agreement: labelled dates at the article's head, then the labelled date
    nearest the article on the page, join the candidates when there are none or they disagree."""
    cands = list(meta.date_candidates)
    evidence = [meta.url_date] if meta.url_date else []
    need = not cands or meta_dates.conflict(cands, evidence)
    modified = None
    if need or meta.modified is None:
        published, modified = labelled_dates(" ".join(b.text for b in blocks[:HEAD_BLOCKS]))
        if published and need:
            cands.append(("label:head", published))
            need = meta_dates.conflict(cands, evidence)
    if need:
        published, page_modified = meta_dates.page_labelled(root, container)
        modified = modified or page_modified
        if published:
            cands.append(("label:page", published))
        elif not cands or meta_dates.conflict(cands, evidence):
            got = meta_dates.date_box(root, container)
            if got:
                cands.append(("date-box", got))
    if meta.modified is None and modified is None and names_modified(root):
        modified = labelled_dates(" ".join(root.itertext()))[1]
    if not cands:
        got = date_line(blocks[:HEAD_BLOCKS])
        if got:
            cands.append(("dateline", got))
    chosen = meta_dates.agree(cands, evidence)
    if chosen:
        meta.sources["published"], meta.published = chosen
    meta.modified = meta.modified or modified


