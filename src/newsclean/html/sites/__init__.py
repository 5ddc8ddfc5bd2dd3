"""Site profiles, part of the HTML path: which known template a page uses, and where its
article, chrome and metadata are.

Profiles are data (``data/sites/*.json``, see ``docs/site-profiles.md``); this module detects the
profile of a parsed page (the HTML path evaluates the profile's XPath fields).

Detection is cheap: the URL's host (or, when no URL is given, the host of the page's own
``og:url`` / canonical link, read from ``<head>``) narrows the candidates to the profiles of
that site; each candidate's markers (one or two XPath tests) pick the layout version. With no
host hit, the markers of all profiles are tried, highest priority first, and the first match wins.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from ...publishers import host_of
from ..xpath import matches, page_index
from .loader import Profile, ProfileError, compiled, expand, load_profiles

__all__ = [
    "Profile",
    "ProfileError",
    "all_profiles",
    "by_name",
    "compiled",
    "detect",
    "expand",
    "page_host",
    "required_id",
]

_SELF_URL = etree.XPath(
    "/html/head/meta[@property='og:url']/@content | /html/head/link[@rel='canonical']/@href", smart_strings=False
)
# A marker that starts with //tag[@id='x'] cannot match unless the page has the id x: one scan
# of the page's ids (cheap) then rules out most profiles without evaluating their markers.
_LEADING_ID = re.compile(r"^//(?:\*|[A-Za-z][\w-]*)\[@id\s*=\s*(?:'([^']+)'|\"([^\"]+)\")\]")

_BARE_ID = re.compile(r"^//\*\[@id\s*=\s*(?:'[^']+'|\"[^\"]+\")\]$")


def required_id(marker: str) -> str | None:
    """The id a marker's first step demands (``//div[@id='x']...`` → ``x``), else None."""
    if "|" in marker:  # a union may match through another branch
        return None
    m = _LEADING_ID.match(marker)
    return (m.group(1) or m.group(2)) if m else None


class _Page:
    """Per-call detection state: the page root."""

    __slots__ = ("root",)

    def __init__(self, root: etree._Element) -> None:
        self.root = root

    def has_id(self, ident: str) -> bool:
        """Whether an element may carry the id (what the page's parse knows, shared with extraction)."""
        return page_index(self.root).by_id(ident) != []


def all_profiles() -> tuple[Profile, ...]:
    """Every loaded profile (loaded and validated once per process)."""
    return load_profiles()


@cache
def by_name() -> dict[str, Profile]:
    return {p.name: p for p in load_profiles()}


@cache
def _by_priority() -> tuple[Profile, ...]:
    # Stable sort: equal priorities keep file order.
    return tuple(sorted(load_profiles(), key=lambda p: -p.priority))


@cache
def _host_index() -> dict[str, tuple[Profile, ...]]:
    index: dict[str, list[Profile]] = {}
    for p in load_profiles():
        for h in p.hosts:
            index.setdefault(h, []).append(p)
    return {h: tuple(ps) for h, ps in index.items()}




def page_host(tree: etree._Element) -> str | None:
    """The host of the page's own URL (``og:url`` or canonical link in ``<head>``), if any."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    try:
        found = _SELF_URL(root)
    except etree.XPathError:
        return None
    for value in found if isinstance(found, list) else []:
        host = host_of(str(value))
        if host:
            return host
    return None


def _candidates(host: str) -> list[tuple[int, Profile]]:
    """Profiles whose host suffix matches ``host``, with the length of the matched suffix."""
    index = _host_index()
    parts = host.split(".")
    out: list[tuple[int, Profile]] = []
    seen: set[str] = set()
    for i in range(len(parts) - 1):  # longest suffix first, so each profile keeps its best match
        suffix = ".".join(parts[i:])
        for p in index.get(suffix, ()):
            if p.name not in seen:
                seen.add(p.name)
                out.append((len(suffix), p))
    return out


def _matches(profile: Profile, page: _Page) -> bool:
    for expr in profile.markers:
        ident = required_id(expr)
        if ident is not None:
            if not page.has_id(ident):
                continue
            if _BARE_ID.match(expr):  # //*[@id='x'] and nothing more: the id scan decided
                return True
        if matches(page.root, expr):
            return True
    return False


def detect(tree: etree._Element, url: str | None = None) -> Profile | None:
    """The profile of the page ``tree`` (the parsed document or its root), or None.

    With a URL (or the page's own og:url / canonical), the profiles of that host are tried first:
    the one whose markers match wins (highest priority, then the longest host suffix); when none
    matches, the best host candidate still applies (its body XPath may then find nothing, and the
    caller falls back to generic extraction). Without a host hit, all markers decide.
    """
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    page = _Page(root)
    host = host_of(url) or page_host(root)
    if host:
        cands = _candidates(host)
        if cands:
            matching = [(n, p) for n, p in cands if _matches(p, page)]
            if matching:
                return max(matching, key=lambda np: (np[1].priority, np[0]))[1]
            return max(cands, key=lambda np: (np[0], np[1].priority))[1]
    for profile in _by_priority():
        if _matches(profile, page):
            return profile
    return None
