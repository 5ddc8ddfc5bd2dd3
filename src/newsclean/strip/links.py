"""Link lists and related headlines: runs of short headline-like lines, not body text.

A line is headline-like when it starts with a list bullet, ends with `` - <publisher>``, or
(in HTML) is mostly link text, and it does not end a sentence. A run of two or more such
lines is a list; a list header (관련기사, 많이 본 뉴스 ...) and the run after it go together.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from .. import publishers, regexcache
from ..blocks import Block, fold
from ..resources import load_json
from .base import Context, rule
from .tail import ends_sentence

_PUBLISHER_SUFFIX = regexcache.compile(r"\s[-–—|]\s*(?P<pub>[^\s-][^-–—|]{0,20})$")


class LinkRules(NamedTuple):
    headers: frozenset[str]
    bullets: tuple[str, ...]
    max_chars: int
    min_run: int
    link_density: float


@cache
def rules() -> LinkRules:
    d = load_json("links.json")
    return LinkRules(
        frozenset(fold(h) for h in d["headers"]),
        tuple(d["bullets"]),
        d["max_item_chars"],
        d["min_run"],
        d["link_density"],
    )


def is_list_header(text: str) -> bool:
    return fold(text).rstrip(" >›»") in rules().headers


_HEADED_ITEM = regexcache.compile(r"^[\[<【〈]\s*(?P<head>[^\]>】〉]{2,12}?)\s*[\]>】〉]\s*(?P<rest>.+)$")


def headed_item(text: str) -> bool:
    """One related headline under its own bracketed header: ``[관련기사] 가상시 냉방비 지원 확대``."""
    m = _HEADED_ITEM.match(text)
    if not m or not is_list_header(m["head"]):
        return False
    return len(m["rest"]) <= rules().max_chars and not ends_sentence(m["rest"])


def headline_like(b: Block) -> bool:
    r = rules()
    text = b.text
    if len(text) > r.max_chars:
        return False
    if b.link_density >= r.link_density:
        return True
    if ends_sentence(text) and not text.endswith(("…", "...")):
        m = _PUBLISHER_SUFFIX.search(text)
        return bool(m and publishers.find_in_text(m["pub"]))
    if text.startswith(r.bullets):
        return True
    m = _PUBLISHER_SUFFIX.search(text)
    return bool(m and publishers.find_in_text(m["pub"]))


@rule(
    "links.related",
    "Link lists and related headlines: runs of short headline-like lines (bullets, mostly-link "
    "text, ' - 머니투데이' suffixes) and the header that opens them.",
    "- 가을 야구 첫 경기 매진…암표 기승 - 가상일보",
)
def strip_link_lists(blocks: list[Block], ctx: Context) -> list[Block]:
    r = rules()
    flags = [headline_like(b) for b in blocks]
    drop = [False] * len(blocks)
    i = 0
    while i < len(blocks):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < len(blocks) and flags[j]:
            j += 1
        if j - i >= r.min_run:
            for k in range(i, j):
                drop[k] = True
            if i > 0 and is_list_header(blocks[i - 1].text):
                drop[i - 1] = True
        i = j
    for i, b in enumerate(blocks):
        if drop[i]:
            continue
        alone_header = is_list_header(b.text) and (i + 1 == len(blocks) or drop[i + 1])
        drop[i] = alone_header or headed_item(b.text)
    out = []
    for b, d in zip(blocks, drop, strict=True):
        if d:
            strip_link_lists.drop(ctx, b)
        else:
            out.append(b)
    return out
