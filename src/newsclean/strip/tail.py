"""The article's tail: copyright notices, promotion lines, staff credits, series tags.

The publisher named in a copyright line becomes metadata. Once a copyright line closes the
story, what follows it in a text dump (related headlines, footers) is tail, not body.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from .. import publishers, regexcache, saferegex
from ..blocks import Block
from ..resources import load_json
from .base import Context, keep_unless, rule

_SENTENCE_END = regexcache.compile(r"(?:[다요죠음임함됨까][.!?]?|[.!?])[\"'”’」』)\]]*\s*$")


class TailPatterns(NamedTuple):
    copyright_markers: tuple[str, ...]
    copyright_max: int
    promo_prefix: tuple[str, ...]
    promo_contains: tuple[str, ...]
    promo_max: int
    credits: regex.Pattern[str]
    series_tag: regex.Pattern[str]


@cache
def patterns() -> TailPatterns:
    data = load_json("tail.json")
    return TailPatterns(
        copyright_markers=tuple(m.lower() for m in data["copyright"]["markers"]),
        copyright_max=data["copyright"]["max_chars"],
        promo_prefix=tuple(data["promo"]["prefix"]),
        promo_contains=tuple(data["promo"]["contains"]),
        promo_max=data["promo"]["max_chars"],
        credits=regexcache.compile(data["credits"]["regex"]),
        series_tag=regexcache.compile(data["series_tag"]["regex"]),
    )


def is_copyright(text: str) -> bool:
    pat = patterns()
    if len(text) > pat.copyright_max:
        return False
    low = text.lower()
    return any(m in low for m in pat.copyright_markers)


def is_promo(text: str) -> bool:
    pat = patterns()
    if len(text) > pat.promo_max:
        return False
    return text.startswith(pat.promo_prefix) or any(c in text for c in pat.promo_contains)


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text[-12:]))


@rule(
    "tail.copyright",
    "Copyright and reuse notices; the publisher named in them is kept as metadata.",
    "Copyright © 가상일보 & example.co.kr. 무단 전재 및 재배포 금지",
)
def strip_copyright(blocks: list[Block], ctx: Context) -> list[Block]:
    def notice(b: Block) -> bool:
        if not is_copyright(b.text):
            return False
        if not ctx.publisher:
            ctx.publisher = publishers.from_copyright(b.text)
        return True

    return keep_unless(blocks, ctx, "tail.copyright", notice)


@rule(
    "tail.promo",
    "Promotion lines: tip lines, subscribe/channel prompts, ▶ plugs, app and event ads.",
    "[카카오톡] YTN 검색해 채널 추가",
)
def strip_promo(blocks: list[Block], ctx: Context) -> list[Block]:
    return keep_unless(blocks, ctx, "tail.promo", lambda b: is_promo(b.text))


@rule(
    "tail.credits",
    "Staff credits (camera, editing, graphics): not reporters, not body.",
    "영상편집 : 홍길동",
)
def strip_credits(blocks: list[Block], ctx: Context) -> list[Block]:
    pat = patterns().credits
    return keep_unless(blocks, ctx, "tail.credits", lambda b: len(b.text) <= 80 and bool(saferegex.match(pat, b.text)))


@rule(
    "tail.series-tag",
    "A bracketed series or platform tag standing alone after the last paragraph of the story.",
    "[가상일보 에너지 전환 기획 '바다의 바람']",
)
def strip_series_tag(blocks: list[Block], ctx: Context) -> list[Block]:
    pat = patterns().series_tag
    # Only in the tail: after the last block that ends a sentence.
    last_body = max((i for i, b in enumerate(blocks) if ends_sentence(b.text)), default=-1)
    out = []
    for i, b in enumerate(blocks):
        if i > last_body and saferegex.match(pat, b.text) and not ends_sentence(b.text.strip("[]【】<>〈〉")):
            ctx.drop("tail.series-tag", b)
        else:
            out.append(b)
    return out
