"""Regular expressions with a time budget: a pattern that runs too long counts as no match.

Inputs come from crawlers; a line built to make a pattern backtrack must cost a bounded time
and must not fail the record. Every pattern run on page text goes through these helpers.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .limits import REGEX_TIMEOUT

DEFAULT_TIMEOUT = REGEX_TIMEOUT  # seconds per call (see newsclean.limits)


def match(p: regex.Pattern[str], text: str, timeout: float = DEFAULT_TIMEOUT) -> regex.Match[str] | None:
    try:
        return p.match(text, timeout=timeout)
    except TimeoutError:
        return None


def fullmatch(p: regex.Pattern[str], text: str, timeout: float = DEFAULT_TIMEOUT) -> regex.Match[str] | None:
    try:
        return p.fullmatch(text, timeout=timeout)
    except TimeoutError:
        return None


def search(p: regex.Pattern[str], text: str, timeout: float = DEFAULT_TIMEOUT) -> regex.Match[str] | None:
    try:
        return p.search(text, timeout=timeout)
    except TimeoutError:
        return None


def finditer(p: regex.Pattern[str], text: str, timeout: float = DEFAULT_TIMEOUT) -> Iterator[regex.Match[str]]:
    try:
        yield from p.finditer(text, timeout=timeout)
    except TimeoutError:
        return
