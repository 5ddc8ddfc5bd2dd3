"""Save an HTML page's visible text the way a naive scraper does: one line per block.

This is how the text dumps under ``bench/unseen/text/`` (and the shared corpus's ``text/``)
are made from their pages, so that ``newsclean.clean_text`` can be measured on the same
articles as the HTML path. It is deliberately naive, like ``BeautifulSoup.get_text("\\n")``
or a browser's select-all-copy:

* the bytes are read as UTF-8, else as CP949 (the superset of EUC-KR), whatever the page
  declares: Korean pages often declare EUC-KR and are UTF-8, or the other way round;
* the text is parsed with lxml;
* ``<head>``, ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, ``<iframe>`` and
  comments give no text; attributes (``alt``, ``title``, ``value``) give none either;
* every block element (``div``, ``p``, ``li``, ``h1``…, ``td``, ``br`` …) starts a new line,
  inline elements (``a``, ``span``, ``strong`` …) join the line they stand in;
* whitespace inside a line is collapsed and empty lines are dropped.

Nothing is removed for being hidden (``display:none``) or for being chrome: menus, tickers,
share buttons, related lists and footers all stay, in document order.

    python scripts/naive_dump.py page.html [more.html ...] [-o DIR]

writes ``DIR/<stem>.txt`` for each page (``-o`` defaults to the page's own folder), or prints
the dump when one page is given with ``-o -``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import lxml.html
from lxml import etree

SILENT = frozenset({"head", "script", "style", "noscript", "template", "iframe", "svg", "object", "select"})
BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "button", "label",
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")
BREAK = "\x00"


def _pieces(el: etree._Element) -> Iterator[str]:
    """Text pieces of ``el`` in document order, with BREAK where a block starts or ends."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in SILENT or not tag:  # comments and processing instructions: their tail only
        return
    block = tag.lower() in BLOCK
    if block:
        yield BREAK
    if el.text:
        yield el.text
    for child in el:
        yield from _pieces(child)
        if child.tail:
            yield child.tail
    if block:
        yield BREAK


def decode(html: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8, else CP949 (unknown bytes replaced)."""
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.decode("cp949", errors="replace")


def dump(html: bytes) -> str:
    """The page's visible text, one line per block."""
    text = decode(html)
    if text.lstrip().startswith("<?xml"):  # lxml refuses str input with an XML encoding declaration
        text = text.split("?>", 1)[1]
    root = lxml.html.document_fromstring(text)
    text = "".join(_pieces(root))
    lines = (_SPACE.sub(" ", part).strip() for part in text.split(BREAK))
    return "\n".join(line for line in lines if line) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="+", type=Path)
    ap.add_argument("-o", "--out", help="output folder, or - for stdout (one page only)")
    args = ap.parse_args(argv)
    if args.out == "-":
        if len(args.pages) != 1:
            ap.error("-o - takes one page")
        sys.stdout.write(dump(args.pages[0].read_bytes()))
        return 0
    for page in args.pages:
        out_dir = Path(args.out) if args.out else page.parent
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"{page.stem}.txt").write_text(dump(page.read_bytes()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
