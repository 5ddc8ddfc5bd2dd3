"""Leaks of the HTML path: the headline repeated in the body, photo captions and credits that no
markup marked, and byline lines that carry a dateline or a second credit.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from .. import regexcache, saferegex
from ..blocks import CAPTION, HEADING, Block, fold
from ..resources import load_json
from .base import Context, rule
from .byline import patterns as byline_patterns
from .tail import ends_sentence

HEAD_ZONE = 8  # the headline repeats near the top of the container


class CaptionPatterns(NamedTuple):
    credit_tail: regex.Pattern[str]
    credit_only: regex.Pattern[str]
    max_chars: int
    marks: tuple[str, ...]  # every match holds one: a text without any cannot match


@cache
def caption_patterns() -> CaptionPatterns:
    d = load_json("chrome/sites.json")["captions"]
    return CaptionPatterns(
        regexcache.compile(d["credit_tail"]), regexcache.compile(d["credit_only"]), d["max_chars"], tuple(d["marks"])
    )


@rule(
    "html.title",
    "The headline repeated as a block at the top of the article container.",
    "(the page's h1 inside the body box)",
)
def strip_title(blocks: list[Block], ctx: Context) -> list[Block]:
    if not ctx.title:
        return blocks
    key = fold(ctx.title)
    out = []
    for i, b in enumerate(blocks):
        if i < HEAD_ZONE and (b.key == key or (b.kind == HEADING and key.startswith(b.key) and len(b.key) >= 10)):
            strip_title.drop(ctx, b)
        else:
            out.append(b)
    return out


def is_caption(text: str) -> bool:
    """A photo caption or credit: ``... 모습. /사진=연합뉴스``, ``[사진 = 뉴스1]``, ``/조선DB``."""
    pat = caption_patterns()
    if len(text) > pat.max_chars or not any(m in text for m in pat.marks):
        return False
    return bool(saferegex.fullmatch(pat.credit_only, text) or saferegex.search(pat.credit_tail, text))


@rule(
    "html.caption",
    "Photo captions and credits the markup did not mark: they go to captions, not paragraphs.",
    "지난 15일 서울 광화문광장의 모습. /사진=연합뉴스",
)
def strip_captions(blocks: list[Block], ctx: Context) -> list[Block]:
    out = []
    for b in blocks:
        if b.kind == CAPTION or is_caption(b.text):
            ctx.captions.append(b.text)
        else:
            out.append(b)
    return out


@rule(
    "html.byline-line",
    "A short line holding a reporter credit with an e-mail and no sentence (a dateline may open it).",
    "순천, 광양 홍길동 기자 hong@example.com",
)
def strip_byline_lines(blocks: list[Block], ctx: Context) -> list[Block]:
    credit = byline_patterns().credit
    out = []
    for b in blocks:
        text = b.text
        if len(text) <= 80 and "@" in text and not ends_sentence(text):  # a credit with an e-mail
            found = [m for m in saferegex.finditer(credit, text) if m["email"]]
            if found and len(text) - sum(len(m.group(0)) for m in found) <= 20:
                for m in found:
                    ctx.add_reporter(m["name"], m["email"], m["role"])
                strip_byline_lines.drop(ctx, b)
                continue
        out.append(b)
    return out
