"""The article's tail: copyright notices, promotion lines, staff credits, series tags.

The publisher named in a copyright line becomes metadata. Once a copyright line closes the
story, what follows it in a text dump (related headlines, footers) is tail, not body.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import NamedTuple

import regex

from .. import publishers, regexcache, saferegex
from ..blocks import Block
from ..resources import load_json
from .base import Context, Rule, RuleFunc, register

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


def _tail_rule(group: str, example: str) -> Callable[[RuleFunc], Rule]:
    """Register a tail rule under the name and description its ``tail.json`` group gives."""
    data = load_json("tail.json")[group]
    phrases = tuple(data.get("markers") or data.get("prefix") or ([data["regex"]] if "regex" in data else []))

    def wrap(func: RuleFunc) -> Rule:
        return register(Rule(data["rule"], func, data["what"], example, source="tail.json", phrases=phrases))

    return wrap


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


@_tail_rule("copyright", "Copyright © 가상일보 & example.co.kr. 무단 전재 및 재배포 금지")
def strip_copyright(blocks: list[Block], ctx: Context) -> list[Block]:
    def notice(b: Block) -> bool:
        if not is_copyright(b.text):
            return False
        if not ctx.publisher:
            ctx.publisher = publishers.from_copyright(b.text)
        return True

    return strip_copyright.keep_unless(blocks, ctx, notice)


@_tail_rule("promo", "[카카오톡] YTN 검색해 채널 추가")
def strip_promo(blocks: list[Block], ctx: Context) -> list[Block]:
    return strip_promo.keep_unless(blocks, ctx, lambda b: is_promo(b.text))


@_tail_rule("credits", "영상편집 : 홍길동")
def strip_credits(blocks: list[Block], ctx: Context) -> list[Block]:
    pat = patterns().credits
    return strip_credits.keep_unless(blocks, ctx, lambda b: len(b.text) <= 80 and bool(saferegex.match(pat, b.text)))


@_tail_rule("series_tag", "[가상일보 에너지 전환 기획 '바다의 바람']")
def strip_series_tag(blocks: list[Block], ctx: Context) -> list[Block]:
    pat = patterns().series_tag
    # Only in the tail: after the last block that ends a sentence.
    last_body = max((i for i, b in enumerate(blocks) if ends_sentence(b.text)), default=-1)
    out = []
    for i, b in enumerate(blocks):
        if i > last_body and saferegex.match(pat, b.text) and not ends_sentence(b.text.strip("[]【】<>〈〉")):
            strip_series_tag.drop(ctx, b)
        else:
            out.append(b)
    return out
