"""JSON-LD (``<script type="application/ld+json">``): the NewsArticle object of a page."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from .dom import Element

ARTICLE_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
     "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "webpage", "report", "socialmediaposting"}
)
_CTRL = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"  # compiled (and cached) by regex when a script needs it


def _objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(value, list):
        for item in value:
            yield from _objects(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _objects(graph, depth + 1)


def _load(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:  # raw newlines and tabs inside strings are common
        return json.loads(regex.sub(_CTRL, " ", text.replace("\r", " ").replace("\n", " ").replace("\t", " ")))
    except ValueError:
        return None


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def article_object(root: Element, scripts: Iterable[Element] | None = None) -> dict[str, Any] | None:
    """The page's JSON-LD article (NewsArticle/Article, also inside ``@graph``), or None.
    ``scripts``: the page's ``<script>`` elements when the caller has them (else a walk finds them)."""
    best: dict[str, Any] | None = None
    for script in root.iter("script") if scripts is None else scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        data = _load(script.text or "")
        for obj in _objects(data):
            types = _types(obj)
            if not types & ARTICLE_TYPES:
                continue
            if "webpage" in types and best is not None:
                continue
            if best is None or "webpage" in _types(best) or (obj.get("articleBody") and not best.get("articleBody")):
                best = obj
    return best


def text_of(value: Any) -> str | None:
    """A JSON-LD value as a string: plain strings, ``{"name": ...}`` objects, or the first of a list."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("@value"))
    if isinstance(value, list):
        for item in value:
            got = text_of(item)
            if got:
                return got
    return None


def people(value: Any) -> list[tuple[str, str | None]]:
    """``author`` as (name, e-mail) pairs."""
    out: list[tuple[str, str | None]] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str) and item.strip():
            out.append((item.strip(), None))
        elif isinstance(item, dict):
            name = text_of(item.get("name"))
            if name:
                email = item.get("email")
                out.append((name, email.strip() if isinstance(email, str) and email.strip() else None))
    return out
