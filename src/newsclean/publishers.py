"""Publisher names: from copyright lines, bylines and hosts to the press's Korean name."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from . import saferegex
from .resources import load_json


@dataclass(frozen=True, slots=True)
class PublisherTable:
    by_alias: dict[str, str]
    by_host: dict[str, str]
    alias_re: regex.Pattern[str]


@cache
def table() -> PublisherTable:
    by_alias: dict[str, str] = {}
    by_host: dict[str, str] = {}
    for p in load_json("publishers.json")["publishers"]:
        for alias in [p["name"], *p.get("aliases", [])]:
            by_alias.setdefault(alias.lower(), p["name"])
        for host in p.get("hosts", []):
            by_host[host.lower()] = p["name"]
    # Longest alias first so that 연합뉴스TV wins over 연합뉴스 and 연합.
    alts = sorted(by_alias, key=len, reverse=True)
    alias_re = regex.compile(
        r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(a) for a in alts) + r")(?![\p{L}])",
        regex.IGNORECASE,
    )
    return PublisherTable(by_alias, by_host, alias_re)


def find_in_text(text: str) -> str | None:
    """The first known publisher named in ``text`` (a copyright line, a byline)."""
    tab = table()
    m = saferegex.search(tab.alias_re, text)
    return tab.by_alias.get(m.group(0).lower()) if m else None


_COPYRIGHT_NAME = regex.compile(
    r"(?:copyright|저작권자)?\s*(?:ⓒ|©|\(c\))\s*(?:by\s+)?(?:\d{4}(?:\s*-\s*\d{4})?\s*)?"
    r"(?P<name>[가-힣A-Za-z][가-힣A-Za-z0-9]{1,15})",
    regex.IGNORECASE,
)
# Words that follow a © mark but name no publisher (portals carry others' articles).
_NOT_NAMES = frozenset(
    {"all", "무단", "copyright", "저작권자", "by", "rights", "the", "kakao", "naver", "daum", "nate"}
)


def from_copyright(text: str) -> str | None:
    """The publisher of a copyright line: a known name, else the name after the © mark."""
    known = find_in_text(text)
    if known:
        return known
    m = saferegex.search(_COPYRIGHT_NAME, text)
    if m and m["name"].lower() not in _NOT_NAMES:
        return m["name"]
    return None


def from_host(host: str | None) -> str | None:
    """The publisher whose site ``host`` is (``news.mt.co.kr`` → 머니투데이)."""
    if not host:
        return None
    host = host.lower().split(":")[0]
    tab = table()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = tab.by_host.get(".".join(parts[i:]))
        if name:
            return name
    return None
