"""Script state, located: the article a page holds only in its scripts, found by prose scoring.

Every payload :mod:`newsclean.html.state_scan` reads (JSON-LD, ``__NEXT_DATA__``, flight rows,
``Fusion.globalContent``, ``__INITIAL_STATE__``-style assignments) is rendered into one small HTML
document: objects and arrays become ``<div>``s, strings that hold Hangul become ``<p>``s (one per
line), strings that hold HTML are inserted as HTML, React elements (``["$", "p", null, {...}]``)
become their tags, and a flight reference (``"$L5"``) renders the row it names in place. The
generic locator then finds the article in that document by the same prose scoring it uses on
pages: no per-site path. Title, dates and authors come from the nearest objects around the body
(``headline``/``headlines.basic``, ``datePublished``/``display_date``, ``author``/``credits.by``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html import escape
from typing import Any

import regex
from lxml import etree

from .. import limits
from ..blocks import Block
from ..dates import parse_date
from .blockify import blockify, mark_photo_boxes
from .dom import Element, parse, prune, text_content
from .locate import KOREAN_END, locate
from .state_scan import Flight, payloads, table

_HANGUL = regex.compile(r"[가-힣]")
_HTML = regex.compile(
    r"<(?:p|br|div|span|b|strong|em|i|u|a|h[1-6]|figure|figcaption|img|ul|ol|li|table|blockquote)\b[^<>]{0,400}>",
    regex.IGNORECASE,
)
_BLOCKY = regex.compile(r"<(?:p|div|br|li|h[1-6]|figure|table|blockquote)\b", regex.IGNORECASE)
_REF = regex.compile(r"\$[L@]?([0-9a-fA-F]{1,8})")
_TAG = regex.compile(r"[a-z][a-z0-9]{0,15}")
_VOID = frozenset({"br", "hr", "img", "wbr", "input", "source", "meta", "link", "col", "area"})
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "head", "title", "meta", "link"})
_TITLE_PARTS = ("basic", "main", "name", "text", "@value")


@dataclass
class StateArticle:
    """The article found in script state: its blocks, the form it came from and its metadata."""

    blocks: list[Block]
    route: str
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[Any] = field(default_factory=list)


@cache
def _keys() -> dict[str, tuple[str, ...]]:
    t = table()
    names = ("caption_keys", "skip_keys", "title_keys", "published_keys", "modified_keys", "author_keys")
    return {n: tuple(k.lower() for k in t[n]) for n in names}


class _Render:
    """State values → HTML text; remembers each rendered object by its ``data-s`` number."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.objects: list[dict[str, Any]] = []
        self.rows: dict[str, Any] = {}
        self.used: set[str] = set()
        self.budget = limits.MAX_STATE_NODES
        keys = _keys()
        self.caption = frozenset(keys["caption_keys"])
        meta = keys["title_keys"] + keys["published_keys"] + keys["modified_keys"] + keys["author_keys"]
        self.skip = frozenset(keys["skip_keys"] + meta)

    def value(self, v: Any, key: str, depth: int, inline: bool = False) -> None:
        if depth > limits.MAX_STATE_DEPTH or self.budget <= 0:
            return
        self.budget -= 1
        if isinstance(v, str):
            self.string(v, key, depth, inline)
        elif isinstance(v, list):
            if len(v) == 4 and v[0] == "$" and isinstance(v[1], str) and isinstance(v[3], dict):
                self.element(v[1], v[3], depth)
                return
            if not inline:
                self.parts.append("<div>")
            for item in v:
                self.value(item, key, depth + 1, inline)
            if not inline:
                self.parts.append("</div>")
        elif isinstance(v, dict):
            self.parts.append(f'<div data-s="{len(self.objects)}">')
            self.objects.append(v)
            for k, item in v.items():
                lk = k.lower() if isinstance(k, str) else ""
                if lk not in self.skip:
                    self.value(item, lk, depth + 1)
            self.parts.append("</div>")

    def string(self, s: str, key: str, depth: int, inline: bool) -> None:
        if s.startswith("$") and self.rows:
            ref = _REF.fullmatch(s)
            if ref is not None:
                row = ref.group(1)
                if row in self.rows and row not in self.used:
                    self.used.add(row)
                    self.value(self.rows[row], key, depth + 1, inline)
                return
            s = s[1:] if s.startswith("$$") else s
        if inline:
            self.parts.append(escape(s, quote=False))
        elif not _HANGUL.search(s):
            return
        elif key in self.caption:
            self.parts.append(f"<figcaption>{escape(s, quote=False)}</figcaption>")
        elif _HTML.search(s):  # inline tags only: its line breaks still split paragraphs
            self.parts.append(f"<div>{s if _BLOCKY.search(s) else s.replace(chr(10), '<br>')}</div>")
        else:
            lines = [escape(x, quote=False) for x in s.split("\n") if x.strip()]
            self.parts.append("<div>" + "".join(f"<p>{x}</p>" for x in lines) + "</div>")

    def element(self, tag: str, props: dict[str, Any], depth: int) -> None:
        """A React element: an HTML tag with its children (or inner HTML), or a component's props."""
        if not _TAG.fullmatch(tag):  # a component ("$L3", "Article"): its props hold the data
            self.value(props, "", depth + 1)
            return
        if tag in _SKIP_TAGS:
            return
        if tag in _VOID:
            self.parts.append(f"<{tag}>")
            return
        self.parts.append(f"<{tag}>")
        inner = props.get("dangerouslySetInnerHTML")
        if isinstance(inner, dict) and isinstance(inner.get("__html"), str):
            self.parts.append(inner["__html"])
        elif "children" in props:
            self.value(props["children"], "", depth + 1, inline=True)
        self.parts.append(f"</{tag}>")

    def payload(self, route: str, value: Any) -> None:
        self.parts.append(f'<div data-route="{route}">')
        if isinstance(value, Flight):
            self.rows = value.rows
            for row, v in value.rows.items():
                if row not in value.referenced and row not in self.used:
                    self.used.add(row)
                    self.value(v, "", 1)
            self.rows = {}
        else:
            self.value(value, "", 1)
        self.parts.append("</div>")


def state_article(scripts: list[Element]) -> StateArticle | None:
    """The article the page's script state holds, or None (no state, or no prose in it)."""
    found = payloads(scripts)
    if not found:
        return None
    render = _Render()
    for route, value in found:
        render.payload(route, value)
    doc = parse("<html><body>" + "".join(render.parts) + "</body></html>")
    if doc is None:
        return None
    prune(doc)
    _unwrap(doc)
    box = locate(doc)
    if box is None:
        box = _most_sentences(doc)
    if box is None:
        return None
    mark_photo_boxes(box)
    blocks = blockify(box)
    marked = [el.get("data-route") for el in (box, *box.iterancestors()) if el.get("data-route")]
    route = str(marked[0]) if marked else "state"
    for b in blocks:
        b.path = f"state:{route}/{b.path}"
    art = StateArticle(blocks, route)
    _metadata(art, box, render.objects)
    return art


def _most_sentences(doc: Element) -> Element | None:
    """The element whose paragraphs end the most Korean sentences: for a body too short for the
    locator's units (a two-sentence ``articleBody``)."""
    ends: dict[Element, int] = {}
    for p in doc.iter("p"):
        parent = p.getparent()
        n = len(KOREAN_END.findall(text_content(p)))
        if n and parent is not None:
            ends[parent] = ends.get(parent, 0) + n
    return max(ends, key=lambda el: ends[el]) if ends else None


_UNWRAP = "newsclean-unwrap"


def _unwrap(doc: Element) -> None:
    """Drop wrappers that hold one element and no text of their own (an object around one string),
    so the paragraphs of a list of objects (Arc ``content_elements``) sit side by side. The
    wrapper's ``data-s``/``data-route`` move to the child when it has none."""
    for div in list(doc.iter("div")):  # outer first: moved attributes travel down a chain
        if len(div) != 1 or (div.text or "").strip():
            continue
        child = div[0]
        if not isinstance(child.tag, str) or (child.tail or "").strip():
            continue
        for attr in ("data-s", "data-route"):
            value = div.get(attr)
            if value is not None and child.get(attr) is None:
                child.set(attr, value)
        div.tag = _UNWRAP
    etree.strip_tags(doc, _UNWRAP)


def _metadata(art: StateArticle, box: Element, objects: list[dict[str, Any]]) -> None:
    """Title, dates and authors from the objects around the body, nearest first."""
    for el in (box, *box.iterancestors()):
        n = el.get("data-s")
        if n is None:
            continue
        for obj in _near(objects[int(n)]):
            _read(art, obj)


def _near(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """An object and the objects it holds directly (``{"meta": {...}, "body": ...}``), keys folded."""
    skip = _keys()["skip_keys"]
    out = [obj] + [v for k, v in obj.items() if isinstance(v, dict) and str(k).lower() not in skip]
    return [{k.lower(): v for k, v in o.items() if isinstance(k, str)} for o in out]


def _read(art: StateArticle, obj: dict[str, Any]) -> None:
    keys = _keys()
    if art.title is None:
        art.title = _first(obj, keys["title_keys"], _text)
    if art.published is None:
        art.published = _first(obj, keys["published_keys"], lambda v: parse_date(_text(v)))
    if art.modified is None:
        art.modified = _first(obj, keys["modified_keys"], lambda v: parse_date(_text(v)))
    if not art.authors:
        art.authors = _first(obj, keys["author_keys"], _people) or []


def _first(obj: dict[str, Any], names: tuple[str, ...], read: Any) -> Any:
    for k in names:
        if k in obj:
            got = read(obj[k])
            if got:
                return got
    return None


def _text(value: Any) -> str | None:
    """A state value as one string: a string, ``{"basic": ...}`` (Arc headlines), a list's first."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, dict):
        for k in _TITLE_PARTS:
            got = _text(value.get(k))
            if got:
                return got
    if isinstance(value, list):
        for item in value[:5]:
            got = _text(item)
            if got:
                return got
    return None


def _people(value: Any) -> list[Any] | None:
    """Author values as JSON-LD-like people (``credits: {"by": [...]}`` opened)."""
    if isinstance(value, dict) and "name" not in value:
        inner = [v for v in value.values() if isinstance(v, list)]
        value = inner[0] if inner else None
    if isinstance(value, str | dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str | dict)] or None
    return None
