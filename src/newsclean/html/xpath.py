"""Evaluating a profile's XPath fields: first match, its text, attribute values."""

from __future__ import annotations

from collections.abc import Iterable

import regex
from lxml import etree

from .dom import HtmlElement

_cache: dict[str, etree.XPath | None] = {}
# A class-token test as profiles spell it; a cheap substring test in front lets libxml2 skip
# the string building for the (many) elements that cannot match.
_TOKEN_TEST = regex.compile(r"contains\(concat\(' ', normalize-space\(@([\w:.-]+)\), ' '\), ' ([^' ]+) '\)")


def fast(expr: str) -> str:
    """The same XPath with a substring pre-test before each class-token test."""
    return _TOKEN_TEST.sub(lambda m: f"(contains(@{m[1]}, '{m[2]}') and {m[0]})", expr)


def _compiled(expr: str) -> etree.XPath | None:
    if expr not in _cache:
        try:
            _cache[expr] = etree.XPath(fast(expr))
        except etree.XPathSyntaxError:
            _cache[expr] = None
    return _cache[expr]


def evaluate(node: HtmlElement, expr: str) -> list[object]:
    """The results of one expression as a list (never raises)."""
    xp = _compiled(expr)
    if xp is None:
        return []
    try:
        result = xp(node)
    except etree.XPathError:
        return []
    if isinstance(result, list):
        return result
    if result is None or result is False or result == "":
        return []
    return [result]


def first_elements(node: HtmlElement, exprs: Iterable[str]) -> list[etree._Element]:
    """The elements of the first expression that selects any element."""
    for expr in exprs:
        els = [x for x in evaluate(node, expr) if isinstance(x, etree._Element)]
        if els:
            return els
    return []


def as_text(item: object) -> str:
    if isinstance(item, etree._Element):
        return " ".join("".join(item.itertext()).split())
    return " ".join(str(item).split())


def first_text(node: HtmlElement, exprs: Iterable[str]) -> str | None:
    """The first non-blank text (an element's text, an attribute or a string) the expressions give."""
    for expr in exprs:
        for item in evaluate(node, expr):
            text = as_text(item)
            if text:
                return text
    return None


def all_texts(node: HtmlElement, exprs: Iterable[str]) -> list[str]:
    """Every non-blank text of the first expression that gives any."""
    for expr in exprs:
        texts = [t for t in (as_text(x) for x in evaluate(node, expr)) if t]
        if texts:
            return texts
    return []
