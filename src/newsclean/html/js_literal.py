"""JS literals that are not quite JSON, read as data (never run): unquoted keys, single quotes,
trailing commas, ``undefined``/``void 0``/``!0``, and Nuxt 2's ``(function(a,b){return {...}}(x,y))``
whose parameters stand for the call's arguments.

One linear tokenizer (a regex whose alternatives are disjoint) turns the literal into JSON text,
which ``json`` then parses; anything else (an expression, a call other than Nuxt's) gives None.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import regex

from .. import limits, saferegex

_TOKEN = regex.compile(
    r"""(?P<ws>\s+)|(?P<dq>"(?:[^"\\\n]|\\.)*")|(?P<sq>'(?:[^'\\\n]|\\.)*')"""
    r"""|(?P<num>-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?P<id>[A-Za-z_$][\w$]*)|(?P<bang>![01])"""
    r"""|(?P<p>[{}\[\]:,()])|(?P<other>.)""",
    regex.DOTALL,
)
_LITERALS = {"true": "true", "false": "false", "null": "null", "undefined": "null", "NaN": "null", "Infinity": "null"}
# The token pattern is linear (disjoint alternatives): a state of megabytes takes its time in
# proportion, so the scan gets a few regex budgets; past them the literal reads as None.
_SCAN_TIMEOUT = 4 * limits.REGEX_TIMEOUT
_NUXT = regex.compile(r"\(?\s*function\s*\(([\w$,\s]*)\)\s*\{")


Token = tuple[str, str]  # (kind, text)


def _tokens(text: str, pos: int) -> Iterator[Token]:
    """The tokens of ``text[pos:]``, lazily: a literal costs what it spans, not the script's rest."""
    for m in saferegex.finditer(_TOKEN, text[pos:], timeout=_SCAN_TIMEOUT):
        kind = m.lastgroup or "other"
        if kind != "ws":
            yield kind, m.group()


def _string(kind: str, tok: str) -> str:
    """A JS string literal as a JSON one."""
    body = tok[1:-1]
    if kind == "sq":
        body = body.replace("\\'", "'").replace('"', '\\"')
    body = regex.sub(r"\\x([0-9a-fA-F]{2})", r"\\u00\1", body)
    return '"' + body + '"'


def _span(toks: Iterator[Token], first: Token) -> list[Token] | None:
    """The tokens from ``first`` (an opening bracket) to the one that closes it, or None."""
    out = [first]
    depth = 1
    for kind, tok in toks:
        out.append((kind, tok))
        if kind == "p" and tok in "{[(":
            depth += 1
        elif kind == "p" and tok in "}])":
            depth -= 1
            if depth == 0:
                return out
    return None


def _json_text(toks: list[Token], names: dict[str, str]) -> str | None:
    """The JSON text of one bracketed literal's tokens; None when it holds code (a call, an operator)."""
    out: list[str] = []
    key_at = -1  # where the last identifier went: a ':' after it makes it a key
    skip = False
    for kind, tok in toks:
        if skip:  # the operand of void
            skip = False
            continue
        if kind == "p":
            if tok in "()":
                return None
            if tok in "}]" and out and out[-1] == ",":
                out.pop()  # a trailing comma
            if tok == ":" and key_at == len(out) - 1:
                out[key_at] = json.dumps(out[key_at][1:])
            out.append(tok)
        elif kind in ("dq", "sq"):
            out.append(_string(kind, tok))
        elif kind == "num":
            out.append(tok)
        elif kind == "bang":
            out.append("true" if tok == "!0" else "false")
        elif kind == "id":
            skip = tok == "void"
            key_at = len(out)
            out.append(f"\x00{tok}")  # resolved below: a key, a parameter or a literal
        else:
            return None
    return "".join(x if not x.startswith("\x00") else _value(x[1:], names) for x in out)


def _value(name: str, names: dict[str, str]) -> str:
    return names.get(name) or _LITERALS.get(name, "null")


def js_value(text: str, pos: int) -> Any:
    """The JS literal (object or array, or a Nuxt-style function call) at ``text[pos:]``, or None."""
    m = _NUXT.match(text, pos)
    if m is not None:
        return _nuxt(text, m)
    toks = _tokens(text, pos)
    first = next(toks, None)
    if first is None or first[1] not in ("{", "["):
        return None
    span = _span(toks, first)
    got = _json_text(span, {}) if span else None
    return _loads(got) if got else None


def _nuxt(text: str, m: regex.Match[str]) -> Any:
    params = [p.strip() for p in m.group(1).split(",") if p.strip()]
    toks = _tokens(text, m.end())
    # The object the function returns; its body's other statements (a.x=...) are skipped.
    for kind, tok in toks:
        if kind == "id" and tok == "return":
            break
    first = next(toks, None)
    body = _span(toks, first) if first is not None and first[1] == "{" else None
    if body is None:
        return None
    # Past the function's closing brace: the call's arguments, read as one array.
    for _kind, tok in toks:
        if tok == "(":
            break
    call = _span(toks, ("p", "("))
    args = None
    if call is not None:
        arr = _json_text([("p", "["), *call[1:-1], ("p", "]")], {})
        args = _loads(arr) if arr else None
    names = {p: json.dumps(a, ensure_ascii=False) for p, a in zip(params, args or [], strict=False)}
    got = _json_text(body, names)
    return _loads(got) if got else None


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None
