"""Pages nested deeper than the HTML parser allows: flatten the tags below a depth, keep the text.

libxml2 stops building the tree at 2 048 levels (even with ``huge_tree``) and drops everything
below, so a page wrapped in 200 000 ``<div>`` loses its article. When a parse hit that limit,
:func:`flatten_deep` removes the start and end tags that lie deeper than ``max_depth`` (by a
plain count of open tags) and keeps their text; ``p`` and ``br`` (which never nest: a ``p``
closes an open one) are kept at any depth and not counted, so the paragraphs survive as
paragraphs. Only used as a second try: on ordinary pages (where unclosed ``<p>`` and ``<li>``
make a plain count meaningless) the parser's own tree is kept.
"""

from __future__ import annotations

import re

from ..limits import MAX_DEPTH

# A start or end tag. ``[^<>]*`` stops at the next '<': one linear scan, no backtracking.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]{0,40})([^<>]*)>")
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "basefont",
        "frame",
    ]
)
KEEP = frozenset(("p", "br"))
RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp", "noscript"))


def flatten_deep(text: str, max_depth: int = MAX_DEPTH) -> str:
    """``text`` with the tags deeper than ``max_depth`` removed (see the module docstring)."""
    depth = 0
    out: list[str] = []
    pos = 0
    skip = KEEP | VOID | RAW_TEXT
    for m in _TAG.finditer(text):
        closing, name, rest = m.groups()
        if name.lower() in skip:
            continue
        if closing:
            over = depth > max_depth
            if depth:
                depth -= 1
        elif rest.endswith("/"):
            continue
        else:
            depth += 1
            over = depth > max_depth
        if over:
            out.append(text[pos : m.start()])
            pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)
