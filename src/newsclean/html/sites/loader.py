"""Load and validate the site profiles in ``data/sites/*.json``.

Each file holds one site family::

    {"_doc": "...", "defaults": {"portal": "naver"}, "profiles": [{"name": "naver-news-2020", ...}]}

``defaults`` (optional) is merged under every profile of the file. Every XPath is expanded
(``@class~='x'`` is shorthand for a whitespace-separated class-token test) here; it is compiled
when first used (a page uses only its own profile's ~15 of ~470 expressions, and compiling them
all cost every run ~10 ms). A bad expression fails when it is compiled, naming the file, the
profile and the field (:func:`compiled`, :func:`check_xpaths`); the test suite compiles every
shipped expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, NamedTuple

from lxml import etree

from ...holdout import is_off
from ...resources import data_names, load_json

SITES_DIR = "sites"

# ``@class~='article_view'`` → a test for the class token ``article_view`` (CSS ``~=``
# semantics), which plain XPath 1.0 spells out as the long contains(concat(...)) below.
_TOKEN_TEST = re.compile(r"@([A-Za-z_][\w:.-]*)\s*~=\s*(?:'([^']*)'|\"([^\"]*)\")")


class ProfileError(ValueError):
    """A site-profile file is malformed (unknown key, wrong type, bad XPath)."""


class Profile(NamedTuple):
    """How to read one site template: detection, the article container, chrome and metadata.

    Every XPath field is a tuple of XPath 1.0 expressions tried in order (the first that yields
    something wins); the strings are the expanded, standard XPath that :func:`compiled` knows.
    """

    name: str
    portal: str | None
    publisher: str | None
    hosts: tuple[str, ...]
    markers: tuple[str, ...]
    body: tuple[str, ...]
    drop: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    subtitle: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    caption: tuple[str, ...] = ()
    publisher_xpath: tuple[str, ...] = ()
    priority: int = 0


_FIELDS = Profile._fields
_XPATH_FIELDS = tuple(name for name in _FIELDS if name not in ("name", "portal", "publisher", "hosts", "priority"))
_STR_FIELDS = ("name", "portal", "publisher")
_REQUIRED = ("name", "markers", "body")

_compiled: dict[str, etree.XPath] = {}
# Where each expanded expression was read (file, profile, field), for the error that names it.
_origin: dict[str, str] = {}


def expand(expr: str) -> str:
    """Expand the ``@attr~='token'`` shorthand into XPath 1.0."""

    def token(m: re.Match[str]) -> str:
        attr, value = m.group(1), m.group(2) if m.group(2) is not None else m.group(3)
        return f"contains(concat(' ', normalize-space(@{attr}), ' '), ' {value} ')"

    return _TOKEN_TEST.sub(token, expr)


def compiled(expr: str) -> etree.XPath:
    """The compiled form of an (expanded) profile XPath; compiles unknown strings on demand.

    A profile expression that does not compile raises :class:`ProfileError` naming the file,
    the profile and the field it came from.
    """
    xp = _compiled.get(expr)
    if xp is None:
        xp = _compiled[expr] = _compile(expr, _origin.get(expr))
    return xp


def _compile(expr: str, where: str | None) -> etree.XPath:
    try:
        return etree.XPath(expr)
    except etree.XPathSyntaxError as exc:
        if where is None:
            raise
        raise ProfileError(f"{where}: {expr!r} ({exc})") from exc


def check_xpaths(profiles: Iterable[Profile]) -> None:
    """Compile every XPath of ``profiles`` (a bad one raises :class:`ProfileError`)."""
    for p in profiles:
        for key in _XPATH_FIELDS:
            for expr in getattr(p, key):
                compiled(expr)


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ProfileError(f"{where}: '{key}' must be a string or a list of non-empty strings")
    return tuple(value)


def build_profile(raw: Mapping[str, Any], where: str, check: bool = True) -> Profile:
    """Validate one profile mapping (defaults already merged); ``check`` also compiles its XPath
    now (else each expression is compiled when first used)."""
    unknown = sorted(set(raw) - set(_FIELDS))
    if unknown:
        raise ProfileError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(_FIELDS)}")
    missing = [k for k in _REQUIRED if not raw.get(k)]
    if missing:
        raise ProfileError(f"{where}: missing required key(s) {', '.join(missing)}")
    where = f"{where} (profile {raw['name']!r})"
    kwargs: dict[str, Any] = {}
    for key in _STR_FIELDS:
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise ProfileError(f"{where}: '{key}' must be a string or null")
        kwargs[key] = value
    kwargs["hosts"] = tuple(h.lower().lstrip(".") for h in _strings(raw.get("hosts", []), where, "hosts"))
    priority = raw.get("priority", 0)
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise ProfileError(f"{where}: 'priority' must be an integer")
    kwargs["priority"] = priority
    for key in _XPATH_FIELDS:
        exprs = tuple(expand(e) for e in _strings(raw.get(key, []), where, key))
        label = f"{where}: bad XPath in '{key}'"
        for expr in exprs:
            _origin.setdefault(expr, label)  # a bad expression compiled later is named by it
            if check and expr not in _compiled:
                _compiled[expr] = _compile(expr, label)
        kwargs[key] = exprs
    return Profile(**kwargs)


def profiles_from(doc: Mapping[str, Any], where: str, check: bool = True) -> list[Profile]:
    """The profiles of one parsed site file (``check``: compile every XPath now)."""
    if not isinstance(doc, Mapping):
        raise ProfileError(f"{where}: the file must hold a JSON object")
    unknown = sorted(set(doc) - {"_doc", "defaults", "profiles"})
    if unknown:
        raise ProfileError(f"{where}: unknown top-level key(s) {', '.join(unknown)}")
    defaults = doc.get("defaults", {})
    if not isinstance(defaults, Mapping):
        raise ProfileError(f"{where}: 'defaults' must be an object")
    raws = doc.get("profiles")
    if not isinstance(raws, list) or not raws:
        raise ProfileError(f"{where}: 'profiles' must be a non-empty list")
    out = []
    for i, raw in enumerate(raws):
        if not isinstance(raw, Mapping):
            raise ProfileError(f"{where}: profile #{i} must be an object")
        merged = {k: v for k, v in {**defaults, **raw}.items() if not k.startswith("_")}
        out.append(build_profile(merged, f"{where}: profile #{i}", check))
    return out


def site_files() -> list[str]:
    """The profile files, less those of sites switched off for evaluation (:mod:`newsclean.holdout`)."""
    return [n for n in data_names(SITES_DIR) if not is_off(n.removesuffix(".json"))]


def check_unique(profiles: Iterable[Profile]) -> None:
    seen: set[str] = set()
    for p in profiles:
        if p.name in seen:
            raise ProfileError(f"duplicate profile name {p.name!r}")
        seen.add(p.name)


@cache
def load_profiles() -> tuple[Profile, ...]:
    """Every profile of every ``data/sites/*.json`` file, in file then list order."""
    out: list[Profile] = []
    for name in site_files():
        out.extend(profiles_from(load_json(f"{SITES_DIR}/{name}"), f"data/{SITES_DIR}/{name}", check=False))
    check_unique(out)
    return tuple(out)
