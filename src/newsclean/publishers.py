"""Publisher names: from copyright lines, bylines and hosts to the press's Korean name."""

from __future__ import annotations

from functools import cache
from typing import Literal, NamedTuple
from urllib.parse import urlsplit

import regex

from . import regexcache, saferegex
from .holdout import off_hosts
from .resources import load_json


class PublisherTable(NamedTuple):
    by_alias: dict[str, str]
    by_host: dict[str, str]
    aliases: tuple[str, ...]  # lowercased, longest first: the order the alternation tries them
    by_first: dict[str, tuple[str, ...]]  # the same, grouped by first character
    scannable: bool  # every alias is lowercase ASCII or Hangul syllables (see _scan)


@cache
def table() -> PublisherTable:
    by_alias: dict[str, str] = {}
    by_host: dict[str, str] = {}
    off = off_hosts()  # sites left out for evaluation: their publishers are unknown too
    for p in load_json("publishers.json")["publishers"]:
        if off and off.intersection(h.lower() for h in p.get("hosts", [])):
            continue
        for alias in [p["name"], *p.get("aliases", [])]:
            by_alias.setdefault(alias.lower(), p["name"])
        for host in p.get("hosts", []):
            by_host[host.lower()] = p["name"]
    # Longest alias first so that 연합뉴스TV wins over 연합뉴스 and 연합.
    alts = tuple(sorted(by_alias, key=len, reverse=True))
    by_first: dict[str, list[str]] = {}
    for a in alts:
        by_first.setdefault(a[0], []).append(a)
    scannable = all(c.isascii() or "가" <= c <= "힣" for c in "".join(alts))
    return PublisherTable(by_alias, by_host, alts, {c: tuple(v) for c, v in by_first.items()}, scannable)


@cache
def alias_pattern() -> regex.Pattern[str]:
    """Every alias as one case-insensitive alternation, between letter/number boundaries."""
    return regexcache.compile(
        r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(a) for a in table().aliases) + r")(?![\p{L}])",
        regex.IGNORECASE,
    )


MAX_SCAN_CHARS = 2000  # longer texts go through the compiled alternation


def find_in_text(text: str) -> str | None:
    """The first known publisher named in ``text`` (a copyright line, a byline)."""
    tab = table()
    m = _scan(text, tab)
    if m is False:  # the scan cannot decide: the same search by the compiled alternation
        found = saferegex.search(alias_pattern(), text)
        m = found.group(0).lower() if found else None
    return tab.by_alias.get(m) if m else None


def _scan(text: str, tab: PublisherTable) -> str | Literal[False] | None:
    """What :func:`alias_pattern` finds in ``text`` (the lowercased alias), without compiling it.

    The aliases are lowercased ASCII and Hangul syllables (else the table is not ``scannable``).
    Case-insensitively, besides themselves and ASCII capitals only K (Kelvin sign), İ and ſ match
    them: K lowercases to k; İ changes the length when lowercased and ſ does not lowercase to s,
    so those texts (and long ones) are left to the pattern (False).
    """
    if not tab.scannable or len(text) > MAX_SCAN_CHARS:
        return False
    low = text.lower()
    if len(low) != len(text) or "\u017f" in text:
        return False
    first = tab.by_first
    for i, c in enumerate(low):
        cands = first.get(c)
        if cands is None or (i and _letter_or_number(text[i - 1])):
            continue
        for alias in cands:
            j = i + len(alias)
            if low.startswith(alias, i) and (j == len(text) or not _letter(text[j])):
                return alias
    return None


def _letter(c: str) -> bool:
    """``\\p{L}``, as the pattern's lookahead tests it."""
    if c.isascii():
        return c.isalpha()
    return "가" <= c <= "힣" or _char_classes()[0].match(c) is not None


def _letter_or_number(c: str) -> bool:
    """``[\\p{L}\\p{N}]``, as the pattern's lookbehind tests it."""
    if c.isascii():
        return c.isalnum()
    return "가" <= c <= "힣" or _char_classes()[1].match(c) is not None


@cache
def _char_classes() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    return regexcache.compile(r"\p{L}"), regexcache.compile(r"[\p{L}\p{N}]")


_COPYRIGHT_NAME = (
    r"(?:copyright|저작권자)?\s*(?:ⓒ|©|\(c\))\s*(?:by\s+)?(?:\d{4}(?:\s*-\s*\d{4})?\s*)?"
    r"(?P<name>[가-힣A-Za-z][가-힣A-Za-z0-9]{1,15})"
)


@cache
def _copyright_name() -> regex.Pattern[str]:  # compiled on first use: most lines name a known press
    return regexcache.compile(_COPYRIGHT_NAME, regex.IGNORECASE)

# Words that follow a © mark but name no publisher (portals carry others' articles).
_NOT_NAMES = frozenset(
    {"all", "무단", "copyright", "저작권자", "by", "rights", "the", "kakao", "naver", "daum", "nate"}
)


_PARTICLES = ("를", "을", "는", "은", "의", "에")  # a word with a case ending is prose, not a name
_AFTER_SLOGAN = regexcache.compile(r"[,，]\s*(?P<name>[가-힣A-Za-z][가-힣A-Za-z0-9]{1,15})")


def from_copyright(text: str) -> str | None:
    """The publisher of a copyright line: a known name, else the name after the © mark."""
    known = find_in_text(text)
    if known:
        return known
    m = saferegex.search(_copyright_name(), text)
    if m and m["name"].endswith(_PARTICLES):  # a slogan first ("ⓒ경제를 보는 눈, 가상경제(www…)"): the name follows it
        m = saferegex.search(_AFTER_SLOGAN, text[m.end() :])
    if m and m["name"].lower() not in _NOT_NAMES:
        return m["name"]
    return None


def host_of(url: str | None) -> str | None:
    """The lower-case host of ``url`` (None when there is none or the URL is malformed)."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.lower() if host else None


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
