"""Evaluating a profile's XPath fields: first match, its text, attribute values.

Profiles spell their paths the readable way (``//div[@id='x']//p``, class-token tests); libxml2
runs some of those spellings slowly, so each expression is compiled once into a faster plan with
the same result:

- a cheap substring pre-test goes in front of each class-token test;
- ``//name[pred]`` with predicates that cannot be positional becomes ``/descendant::name[pred]``
  (libxml2 walks ``descendant-or-self::node()/child::name`` step by step for the former);
- a path that starts at a unique id, ``//*[@id='x']...``, starts at ``id('x')``: one hash lookup
  instead of a full-tree scan, taken only when the page has exactly one element with that id
  (a one-pass count of the page's ids) and ``id()`` returns that element, still in the tree;
- a path that starts at a class token, ``//div[@class~='x']...``, shares that start with the
  profile's other expressions: the page is scanned for it once, and when that scan found exactly
  one element, still in the tree, the rest of the path runs from it (pages only lose elements
  after parsing, so the elements a scan finds later are among those it found first);
- ``//meta[@property='x']/@content`` (or ``@name``, ``@itemprop``) reads the page's ``meta``
  elements, listed once a page, keeping those still in the tree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from lxml import etree

from .dom import Element, ids_defined_twice

# A class-token test as profiles spell it; a cheap substring test in front lets libxml2 skip
# the string building for the (many) elements that cannot match.
_TOKEN_TEST = re.compile(r"contains\(concat\(' ', normalize-space\(@([\w:.-]+)\), ' '\), ' ([^' ]+) '\)")
_NAME_TEST = re.compile(r"\*|[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?")
_FUNCTION = re.compile(r"([A-Za-z_][\w.:-]*)\s*\(")
# Functions whose value is never a number: a predicate built from them (no digits, no
# arithmetic, no variables) is a filter, never a position, so its step can be reordered.
_NON_NUMERIC = frozenset(
    {
        *("contains", "starts-with", "normalize-space", "concat", "not", "string", "translate"),
        *("substring-before", "substring-after", "boolean", "true", "false", "text", "node", "comment"),
        *("local-name", "name", "lang", "id"),
    }
)
# A number, a variable or an operator that makes a number (a ``*``, ``div`` or ``mod`` right after
# ``/``, ``::`` or ``[`` is a name test, a ``-`` inside a word is part of the name).
_NUMERIC_TOKENS = (
    ("0123456789", re.compile(r"(?<![\w.-])\.?\d")),
    ("*", re.compile(r"(?<![/:@\[(,|])\*")),
    ("dm", re.compile(r"(?<![/:])\b(?:div|mod)\b")),
    ("-", re.compile(r"(?<![\w.])-|-(?![\w.])")),
)
_CLASS_ANCHOR = re.compile(
    r"//(\*|[A-Za-z_][\w.-]*)\[contains\(concat\(' ', normalize-space\(@([\w:.-]+)\), ' '\), ' ([^' ]+) '\)\]"
)
# ``//meta[@property='x']/@content``: answered from the page's list of ``meta`` elements.
_META_CONTENT = re.compile(r"//meta\[@(property|name|itemprop)\s*=\s*'([^']*)'\]/@content")
_ID_ANCHOR = re.compile(r"//(\*|[A-Za-z_][\w.-]*)\[@id\s*=\s*'([^']+)'\]")
_REST_CHARS = re.compile(r"[\w/@:.*()-]*")  # a plain continuation of a location path
_IDS = etree.XPath("//@id", smart_strings=False)
_BY_ID = etree.XPath("id($ident)")


def fast(expr: str) -> str:
    """The same XPath with a substring pre-test before each class-token test."""
    return _TOKEN_TEST.sub(lambda m: f"(contains(@{m[1]}, '{m[2]}') and {m[0]})", expr)


# The tokens that matter for bracket depth, jumped to at C speed: literals, brackets, ``//``.
_SCAN = re.compile(r"'[^']*'?|\"[^\"]*\"?|\[|\]|//")
_LITERAL = re.compile(r"'[^']*'?|\"[^\"]*\"?")


def _bracket_end(expr: str, i: int) -> int:
    """The index after the predicate ``[...]`` that opens at ``i`` (nested brackets, literals)."""
    depth = 0
    for m in _SCAN.finditer(expr, i):
        tok = m[0]
        if tok == "[":
            depth += 1
        elif tok == "]":
            depth -= 1
            if depth == 0:
                return m.end()
    return len(expr)


def _filter_only(predicate: str) -> bool:
    """True when ``[predicate]`` can only be a boolean filter (never a position like ``[2]``)."""
    body = _LITERAL.sub("''", predicate)
    if "$" in body or "+" in body:
        return False
    for chars, pattern in _NUMERIC_TOKENS:  # the pattern only where its first character occurs
        if any(c in body for c in chars) and pattern.search(body):
            return False
    return all(name in _NON_NUMERIC for name in _FUNCTION.findall(body))


def descendant_steps(expr: str) -> str:
    """``//name[filter]`` → ``/descendant::name[filter]`` wherever that means the same."""
    if "//" not in expr:
        return expr
    out: list[str] = []
    done = 0  # expr[:done] is in out
    depth = 0  # inside predicates only the top-level steps are rewritten
    skip_to = 0
    for m in _SCAN.finditer(expr):
        tok = m[0]
        if m.start() < skip_to:
            continue
        if tok == "[":
            depth += 1
        elif tok == "]":
            depth -= 1
        elif tok == "//" and depth == 0:
            i = m.start()
            name = _NAME_TEST.match(expr, i + 2)
            if name is None or expr.startswith(("::", "("), name.end()):
                continue
            j = name.end()
            preds: list[str] = []
            while j < len(expr) and expr[j] == "[":
                k = _bracket_end(expr, j)
                preds.append(expr[j + 1 : k - 1])
                j = k
            if preds and all(_filter_only(p) for p in preds):
                out.append(expr[done:i])
                out.append("/descendant::" + expr[i + 2 : j])
                done = skip_to = j
    out.append(expr[done:])
    return "".join(out)


class _Plan:
    """How one expression runs: from an id or a shared class-token start when it can, else whole.

    The whole expression is compiled only when first needed: plans with a start rarely fall back.
    """

    __slots__ = ("_full", "anchor", "anchor_id", "anchor_key", "anchor_tag", "expr", "meta", "rest")

    def __init__(
        self,
        expr: str,
        full: etree.XPath | None = None,
        anchor_id: str | None = None,  # start at the element with this id ...
        anchor_tag: str = "*",  # ... when it has this tag
        rest: etree.XPath | None = None,  # then this, relative to it (None: the element itself)
        # Or start at the elements a shared class-token path selects (scanned once a page, by key).
        anchor_key: str | None = None,
        anchor: etree.XPath | None = None,
        meta: tuple[str, str] | None = None,  # or the content of the page's <meta attr='value'>
    ) -> None:
        self.expr = expr
        self._full = full
        self.anchor_id = anchor_id
        self.anchor_tag = anchor_tag
        self.rest = rest
        self.anchor_key = anchor_key
        self.anchor = anchor
        self.meta = meta

    def full(self, node: etree._Element) -> object:
        """The whole expression evaluated at ``node`` (compiled on first use)."""
        if self._full is None:
            self._full = etree.XPath(descendant_steps(fast(self.expr)))
        return self._full(node)


_plans: dict[str, _Plan | None] = {}
_anchors: dict[str, etree.XPath] = {}


def _rest_path(expr: str, end: int) -> etree.XPath | bool | None:
    """The compiled path after a start that ends at ``end`` (None: nothing follows; False: not plain)."""
    rest = expr[end:]
    if not rest:
        return None
    if not rest.startswith("/") or not _REST_CHARS.fullmatch(_without_predicates(rest)):
        return False
    return etree.XPath(descendant_steps(fast("." + rest)))


def _id_plan(expr: str) -> _Plan | None:
    m = _ID_ANCHOR.match(expr)
    if not m:
        return None
    rest = _rest_path(expr, m.end())
    if rest is False:
        return None
    return _Plan(expr, None, m[2], m[1], rest or None)


def _class_plan(expr: str) -> _Plan | None:
    m = _CLASS_ANCHOR.match(expr)
    if not m:
        return None
    rest = _rest_path(expr, m.end())
    if rest is False:
        return None
    key = m[0]
    if key not in _anchors:
        _anchors[key] = etree.XPath(descendant_steps(fast(key)))
    return _Plan(expr, rest=rest or None, anchor_key=key, anchor=_anchors[key])


def _without_predicates(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "[":
            i = _bracket_end(text, i)
            continue
        if text[i] in "'\"":
            return "|"  # a literal outside predicates: not a plain path
        out.append(text[i])
        i += 1
    return "".join(out)


def _plan(expr: str) -> _Plan | None:
    if expr not in _plans:
        try:
            meta = _META_CONTENT.fullmatch(expr)
            plan = _Plan(expr, meta=(meta[1], meta[2])) if meta else _id_plan(expr) or _class_plan(expr)
        except etree.XPathSyntaxError:  # the whole expression decides below
            plan = None
        try:
            _plans[expr] = plan or _Plan(expr, etree.XPath(descendant_steps(fast(expr))))
        except etree.XPathSyntaxError:
            _plans[expr] = None
    return _plans[expr]


class PageIndex:
    """What a page's parse and first scans tell about it: which ids are unique, the elements of
    each shared class-token start, the ``meta`` elements.

    Pages only lose elements after parsing (pruning, profile drops): what is known from the parse
    stays an upper bound, so an id the page did not have at parse time cannot be in it later.
    """

    __slots__ = ("anchors", "ids", "metas", "root", "twice")

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        # The ids libxml2 saw twice while parsing; None when unknown (another parser, a long log).
        self.twice = ids_defined_twice(root)
        self.ids: Counter[str] | None = None  # every id's count, from one scan, only when needed
        if self.twice is None:
            try:
                found = _IDS(root)
            except etree.XPathError:
                found = []
            self.ids = Counter(found if isinstance(found, list) else ())
        # What each shared class-token start selected when first evaluated on this page.
        self.anchors: dict[str, list[etree._Element]] = {}
        self.metas: list[etree._Element] | None = None  # every <meta> with a content, on first use

    def by_id(self, ident: str) -> list[etree._Element] | None:
        """``[]`` when no element had the id ``ident`` at parse time; ``[element]`` when exactly
        one did (it may have been dropped since: check); None when several or unknown."""
        if self.ids is not None:
            count = self.ids.get(ident, 0)
            if count != 1:
                return [] if count == 0 else None
        elif ident in (self.twice or ()):
            return None
        found = _BY_ID(self.root, ident=ident)
        if not isinstance(found, list) or len(found) > 1:
            return None
        if not found:
            return [] if self.ids is None else None
        el = found[0]
        # libxml2 also registers ``<a name>`` values: the element must carry the id itself.
        return [el] if isinstance(el, etree._Element) and el.get("id") == ident else None


_last_index: PageIndex | None = None


def page_index(node: etree._Element) -> PageIndex:
    """The index of the document ``node`` belongs to (built on first use, kept for the last page)."""
    global _last_index
    index = _last_index
    if index is not None and node is index.root:  # the usual call: the page's root (same proxy)
        return index
    root = node.getroottree().getroot()
    if index is None or index.root is not root:
        index = _last_index = PageIndex(root)
    return index


def know_metas(root: etree._Element, metas: Iterable[etree._Element]) -> list[etree._Element]:
    """Give the page's index its ``<meta>`` elements with a content, from a walk the caller
    already made (the tree as parsed: ``//meta[...]/@content`` plans still skip those dropped
    since); the list kept."""
    kept = page_index(root).metas = [m for m in metas if m.get("content") is not None]
    return kept


def _attached(el: etree._Element, root: etree._Element) -> bool:
    """True when ``el`` is ``root`` or below it (not in a dropped subtree)."""
    top = el
    parent = el.getparent()
    while parent is not None:
        top, parent = parent, parent.getparent()
    return top is root


def _run(plan: _Plan, node: Element) -> object:
    if plan.anchor_id is not None:
        index = page_index(node)
        found = index.by_id(plan.anchor_id)
        if found is not None and not found:
            return []
        if found and _attached(found[0], index.root):
            el = found[0]
            if plan.anchor_tag != "*" and el.tag != plan.anchor_tag:
                return []
            return [el] if plan.rest is None else plan.rest(el)
    elif plan.meta is not None:
        index = page_index(node)
        metas = index.metas if index.metas is not None else know_metas(index.root, index.root.iter("meta"))
        attr, value = plan.meta
        return [m.get("content") for m in metas if m.get(attr) == value and _attached(m, index.root)]
    elif plan.anchor is not None and plan.anchor_key is not None:
        index = page_index(node)
        found = index.anchors.get(plan.anchor_key)
        if found is None:
            result = plan.anchor(index.root)
            found = index.anchors[plan.anchor_key] = (
                [x for x in result if isinstance(x, etree._Element)] if isinstance(result, list) else []
            )
        if not found:
            return []
        if len(found) == 1 and _attached(found[0], index.root):
            return [found[0]] if plan.rest is None else plan.rest(found[0])
    return plan.full(node)


def matches(node: etree._Element, expr: str) -> bool:
    """True when the expression selects something (a non-empty node-set or a true value)."""
    plan = _plan(expr)
    if plan is None:
        return False
    try:
        result = _run(plan, node)
    except etree.XPathError:
        return False
    return len(result) > 0 if isinstance(result, list) else bool(result)


def evaluate(node: Element, expr: str) -> list[object]:
    """The results of one expression as a list (never raises)."""
    plan = _plan(expr)
    if plan is None:
        return []
    try:
        result = _run(plan, node)
    except etree.XPathError:
        return []
    if isinstance(result, list):
        return result
    if result is None or result is False or result == "":
        return []
    return [result]


def first_elements(node: Element, exprs: Iterable[str]) -> list[etree._Element]:
    """The elements of the first expression that selects any element."""
    for expr in exprs:
        els = [x for x in evaluate(node, expr) if isinstance(x, etree._Element)]
        if els:
            return els
    return []


_TEXT_AND_BREAKS = etree.XPath(".//text() | .//br")


def as_text(item: object) -> str:
    """An element's text (a ``<br>`` separates the words it splits: a two-line deck), or the
    string of an attribute or string result; whitespace collapsed."""
    if isinstance(item, etree._Element):
        if item.find(".//br") is None:
            return " ".join("".join(item.itertext()).split())
        parts = _TEXT_AND_BREAKS(item)
        return " ".join("".join(" " if isinstance(x, etree._Element) else str(x) for x in parts).split())
    return " ".join(str(item).split())


def first_text(node: Element, exprs: Iterable[str]) -> str | None:
    """The first non-blank text (an element's text, an attribute or a string) the expressions give."""
    for expr in exprs:
        for item in evaluate(node, expr):
            text = as_text(item)
            if text:
                return text
    return None


def all_texts(node: Element, exprs: Iterable[str]) -> list[str]:
    """Every non-blank text of the first expression that gives any."""
    for expr in exprs:
        texts = [t for t in (as_text(x) for x in evaluate(node, expr)) if t]
        if texts:
            return texts
    return []
