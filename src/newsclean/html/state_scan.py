"""Script state, read: the data a page's scripts carry, as JSON values (never by running JS).

Forms read (each names the route that produced a body):

* ``jsonld``: ``<script type="application/ld+json">`` (objects, arrays, ``@graph``);
* ``json``: ``<script type="application/json">`` such as Next.js ``__NEXT_DATA__`` or Nuxt's
  ``__NUXT_DATA__``;
* ``flight``: React Server Component payloads, ``self.__next_f.push([1, "..."])``: the string
  chunks are joined and split into rows (``id:JSON`` or ``id:T<hex>,<text>``);
* ``assign``: ``window.__INITIAL_STATE__ = {...}``, ``Fusion.globalContent={...}`` and the other
  names of ``data/state.json``; a value JSON cannot read (a Nuxt function call, JS literals) is
  read as its string literals only.

Bounded: at most :data:`newsclean.limits.MAX_STATE_CHARS` characters of script text are read
per page; JSON nested past Python's recursion limit is skipped, never a crash.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from .. import limits, saferegex
from ..resources import load_json
from .dom import Element
from .js_literal import js_value
from .jsonld import _load as load_jsonld

_DECODER = json.JSONDecoder()
_FLIGHT_PUSH = "__next_f.push("
_T_ROW = regex.compile(r"T([0-9a-fA-F]{1,8}),")
_ROW_ID = regex.compile(r"([0-9a-fA-F]{1,8}):")
_TAG = regex.compile(r"[A-Z]{0,2}")  # a row's kind (I: module, HL: hint, E: error ...) before its JSON
# A JS string literal (no raw newline inside): the alternatives are disjoint, so the scan is linear.
_LITERAL = regex.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_HANGUL = regex.compile(r"[가-힣]")
_REFERENCE = regex.compile(r'"\$[L@]?([0-9a-fA-F]{1,8})"')


@dataclass
class Flight:
    """A React Server Component payload: its rows, and the ids other rows point at (``"$L5"``)."""

    rows: dict[str, Any] = field(default_factory=dict)
    referenced: frozenset[str] = frozenset()


@cache
def table() -> dict[str, Any]:
    return dict(load_json("state.json"))


@cache
def _assignment() -> regex.Pattern[str]:
    names = "|".join(regex.escape(n) for n in table()["assignments"])
    return regex.compile(rf"(?<![\w$.])(?:(?:window|self|globalThis)\.)?(?:{names})(?![\w$])\s*=(?!=)\s*")


def payloads(scripts: Iterable[Element]) -> list[tuple[str, Any]]:
    """The state values of the page's ``<script>`` elements, in page order, as (route, value)."""
    out: list[tuple[str, Any]] = []
    flight: list[str] = []
    budget = limits.MAX_STATE_CHARS
    ids = {i.lower() for i in table()["json_script_ids"]}
    for script in scripts:
        text = script.text or ""
        if not text.strip() or budget <= 0:
            continue
        text = text[:budget]
        budget -= len(text)
        kind = (script.get("type") or "").strip().lower()
        if kind == "application/ld+json":
            value = load_jsonld(text)
            if value is not None:
                out.append(("jsonld", value))
        elif kind == "application/json" or (script.get("id") or "").lower() in ids:
            value = _loads(text)
            if value is not None:
                out.append(("json", value))
        elif _FLIGHT_PUSH in text:
            flight.extend(_flight_chunks(text))
        else:
            out.extend(("assign", v) for v in _assigned(text))
    if flight:
        joined = "".join(flight)
        refs = frozenset(m.group(1) for m in saferegex.finditer(_REFERENCE, joined))
        out.append(("flight", Flight(flight_rows(joined), refs)))
    return out


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _raw(text: str, pos: int) -> tuple[Any, int] | None:
    try:
        return _DECODER.raw_decode(text, pos)
    except (ValueError, RecursionError):
        return None


def _flight_chunks(text: str) -> Iterator[str]:
    """The string chunks of ``self.__next_f.push([1, "..."])`` calls (other kinds carry no text)."""
    pos = text.find(_FLIGHT_PUSH)
    while pos >= 0:
        start = pos + len(_FLIGHT_PUSH)
        got = _raw(text, start)
        if got is not None:
            value, end = got
            if isinstance(value, list) and len(value) >= 2 and value[0] == 1 and isinstance(value[1], str):
                yield value[1]
            start = end
        pos = text.find(_FLIGHT_PUSH, start)


def flight_rows(flight: str) -> dict[str, Any]:
    """The rows of a joined flight payload: ``id → value`` (a JSON value, or the text of a T row).

    A T row gives its length in UTF-8 bytes and ends without a newline; other rows end at one.
    """
    rows: dict[str, Any] = {}
    pos, n = 0, len(flight)
    while pos < n:
        m = _ROW_ID.match(flight, pos)
        if m is None:
            nl = flight.find("\n", pos)
            if nl < 0:
                break
            pos = nl + 1
            continue
        pos = m.end()
        t = _T_ROW.match(flight, pos)
        if t is not None:
            size = int(t.group(1), 16)
            start = t.end()
            text = flight[start : start + size].encode("utf-8")[:size].decode("utf-8", "ignore")
            rows[m.group(1)] = text
            pos = start + len(text)
            continue
        tag = _TAG.match(flight, pos)  # {0,2}: always matches
        pos = tag.end() if tag is not None else pos
        nl = flight.find("\n", pos)
        end = n if nl < 0 else nl
        value = _loads(flight[pos:end])
        if value is not None:
            rows[m.group(1)] = value
        pos = end + 1
    return rows


def _assigned(text: str) -> Iterator[Any]:
    """The values assigned to the state names of ``data/state.json`` in one script."""
    for m in saferegex.finditer(_assignment(), text):
        pos = m.end()
        if text.startswith("JSON.parse(", pos):  # window.X = JSON.parse("{...}")
            got = _raw(text, pos + len("JSON.parse("))
            if got is not None and isinstance(got[0], str):
                value = _loads(got[0])
                if value is not None:
                    yield value
                    continue
        got = _raw(text, pos)
        if got is not None:
            yield got[0]
            continue
        value = js_value(text, pos)  # unquoted keys, single quotes, Nuxt's function call
        if value is not None:
            yield value
            continue
        # Anything else: its string literals only.
        end = text.find("</script", pos)
        yield loose_strings(text[pos : end if end >= 0 else len(text)])


def loose_strings(text: str) -> list[str]:
    """The JS string literals of ``text`` that hold Hangul, decoded, in order."""
    out: list[str] = []
    for m in saferegex.finditer(_LITERAL, text):
        lit = m.group()
        if not _HANGUL.search(lit):
            continue
        if lit[0] == "'":
            lit = '"' + lit[1:-1].replace("\\'", "'").replace('"', '\\"') + '"'
        value = _loads(lit)
        if isinstance(value, str):
            out.append(value)
    return out
