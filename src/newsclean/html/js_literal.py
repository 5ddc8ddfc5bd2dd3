"""JS literals that are not quite JSON, read as data (never run): unquoted keys, single quotes,
trailing commas, ``undefined``/``void 0``/``!0``, and Nuxt 2's ``(function(a,b){return {...}}(x,y))``
whose parameters stand for the call's arguments.

One linear tokenizer (a regex whose alternatives are disjoint) turns the literal into JSON text,
which ``json`` then parses; anything else (an expression, a call other than Nuxt's) gives None.
"""

from __future__ import annotations

import json
from typing import Any

import regex

from .. import saferegex

_TOKEN = regex.compile(
    r"""(?P<ws>\s+)|(?P<dq>"(?:[^"\\\n]|\\.)*")|(?P<sq>'(?:[^'\\\n]|\\.)*')"""
    r"""|(?P<num>-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?P<id>[A-Za-z_$][\w$]*)|(?P<bang>![01])"""
    r"""|(?P<p>[{}\[\]:,()])|(?P<other>.)""",
    regex.DOTALL,
)
_LITERALS = {"true": "true", "false": "false", "null": "null", "undefined": "null", "NaN": "null", "Infinity": "null"}
_NUXT = regex.compile(r"\(?\s*function\s*\(([\w$,\s]*)\)\s*\{")


def _tokens(text: str, pos: int) -> list[tuple[str, str]]:
    out = []
    for m in saferegex.finditer(_TOKEN, text[pos:]):
        kind = m.lastgroup or "other"
        if kind != "ws":
            out.append((kind, m.group()))
    return out


def _string(kind: str, tok: str) -> str:
    """A JS string literal as a JSON one."""
    body = tok[1:-1]
    if kind == "sq":
        body = body.replace("\\'", "'").replace('"', '\\"')
    body = regex.sub(r"\\x([0-9a-fA-F]{2})", r"\\u00\1", body)
    return '"' + body + '"'


def _json_text(toks: list[tuple[str, str]], start: int, names: dict[str, str]) -> tuple[str, int] | None:
    """The JSON text of the literal starting at ``toks[start]`` (a ``{`` or ``[``) and the index past it."""
    out: list[str] = []
    depth = 0
    i = start
    while i < len(toks):
        kind, tok = toks[i]
        nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
        if kind == "p":
            if tok in "{[":
                depth += 1
            elif tok in "}]":
                if out and out[-1] == ",":
                    out.pop()  # a trailing comma
                depth -= 1
            elif tok in "()":
                return None
            out.append(tok)
            if depth == 0:
                return "".join(out), i + 1
        elif kind in ("dq", "sq"):
            out.append(_string(kind, tok))
        elif kind == "num":
            out.append(tok)
        elif kind == "bang":
            out.append("true" if tok == "!0" else "false")
        elif kind == "id":
            if nxt == ":" and out and out[-1] in "{,":
                out.append(json.dumps(tok))
            elif tok == "void":
                out.append("null")
                i += 1  # its operand
            else:
                out.append(names.get(tok) or _LITERALS.get(tok, "null"))
        else:
            return None
        i += 1
    return None


def js_value(text: str, pos: int) -> Any:
    """The JS literal (object or array, or a Nuxt-style function call) at ``text[pos:]``, or None."""
    m = _NUXT.match(text, pos)
    if m is not None:
        return _nuxt(text, m)
    toks = _tokens(text, pos)
    if not toks or toks[0][1] not in "{[":
        return None
    got = _json_text(toks, 0, {})
    return _loads(got[0]) if got else None


def _nuxt(text: str, m: regex.Match[str]) -> Any:
    params = [p.strip() for p in m.group(1).split(",") if p.strip()]
    toks = _tokens(text, m.end())
    # The object the function returns; its body's other statements (a.x=...) are skipped.
    ret = next((i for i, (k, t) in enumerate(toks) if k == "id" and t == "return"), None)
    if ret is None or ret + 1 >= len(toks) or toks[ret + 1][1] != "{":
        return None
    end = _close(toks, ret + 1)
    # Past the function's closing brace: the call's arguments, read as one array.
    i = end
    while i < len(toks) and toks[i][1] != "(":
        i += 1
    close = _close(toks, i)
    arr = _json_text([("p", "["), *toks[i + 1 : close - 1], ("p", "]")], 0, {})
    args = _loads(arr[0]) if arr else None
    args = args if isinstance(args, list) else []
    names = {p: json.dumps(a, ensure_ascii=False) for p, a in zip(params, args, strict=False)}
    got = _json_text(toks, ret + 1, names)
    return _loads(got[0]) if got else None


def _close(toks: list[tuple[str, str]], start: int) -> int:
    """The index past the bracket that closes ``toks[start]``."""
    depth = 0
    for i in range(start, len(toks)):
        tok = toks[i][1]
        if toks[i][0] != "p":
            continue
        if tok in "{[(":
            depth += 1
        elif tok in "}])":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(toks)


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None
