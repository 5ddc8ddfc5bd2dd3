"""Bylines: reporter credits become metadata (name, e-mail), never body text.

Handles a byline on its own line (``정다운 기자 dawn@example.co.kr``, ``YTN 오세린 (serin@example.com)``,
``배하준 기자`` followed by an e-mail line), a byline glued to the end of the last sentence
(cut the byline, keep the sentence) and a leading dateline (``(부산=연합뉴스) 김도윤 기자 =``).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from .. import publishers, regexcache, saferegex
from ..blocks import Block
from ..resources import load_json
from .base import Context, Rule, register, rule
from .persons import EMAIL, desks

MAX_BYLINE_CHARS = 160


class BylinePatterns(NamedTuple):
    credit: regex.Pattern[str]  # one "name role email" credit, anywhere
    credit_start: regex.Pattern[str]  # "name role (email)" opening a line, whatever is glued after
    whole: regex.Pattern[str]  # a block that is nothing but credits
    trailing: regex.Pattern[str]  # credits glued after the last sentence
    dateline: regex.Pattern[str]  # (서울=연합뉴스) 홍길동 기자 = ...
    email_only: regex.Pattern[str]
    publisher_name_email: regex.Pattern[str]  # YTN 김이영 (kim@ytn.co.kr)
    # Every credit holds one of these (the roles that hold no other role): a text without any
    # cannot match ``whole`` or ``trailing``, so those scans are skipped.
    role_marks: tuple[str, ...]

    def has_role(self, text: str) -> bool:
        return any(r in text for r in self.role_marks)


@cache
def patterns() -> BylinePatterns:
    data = load_json("bylines.json")
    roles = "|".join(sorted(map(regex.escape, data["roles"]), key=len, reverse=True))
    name = data["name_pattern"]
    credit = (
        rf"(?P<name>{name})\s?(?P<role>{roles})(?![가-힣])"
        rf"(?:\s*[\(<\[]?\s*(?P<email>{EMAIL})\s*[\)>\]]?)?"
    )
    sep = r"[\s,·/=ㆍ]*"
    labels = "|".join(sorted(map(regex.escape, data.get("labels", [])), key=len, reverse=True))
    label = rf"(?:(?:{labels})\s*[=:：]\s*)?" if labels else ""
    # an optional word before the credit: a press or desk name ("가상일보 "), or a bare dateline ("가상시=")
    whole = rf"^[\s\[\(/=]*(?:[^\s\]\)=]{{1,12}}(?:\s+|\s*=\s*))?{label}(?:{credit}{sep})+[\]\)]?\s*$"
    trailing = rf"(?<=[.!?\"'”’」』\)])\s*(?:[/=]\s*)?(?:{credit}{sep})+$"
    dateline = data["leading_dateline"] + rf"(?:(?:{credit}{sep})+\s*=?\s*)?"
    marks = tuple(r for r in data["roles"] if not any(o != r and o in r for o in data["roles"]))
    return BylinePatterns(
        credit=regexcache.compile(credit),
        credit_start=regexcache.compile(
            rf"^\s*(?P<name>{name})\s?(?P<role>{roles})(?:\s*[\(<\[]?\s*(?P<email>{EMAIL})\s*[\)>\]]?)?"
        ),
        whole=regexcache.compile(whole),
        trailing=regexcache.compile(trailing),
        dateline=regexcache.compile(dateline),
        email_only=regexcache.compile(rf"^[\s\(<\[]*(?P<email>{EMAIL})[\s\)>\]]*$"),
        publisher_name_email=regexcache.compile(
            rf"^(?:(?P<press>\S{{1,12}})\s+)?(?P<name>{name})\s*[\(<\[]\s*(?P<email>{EMAIL})\s*[\)>\]]\s*$"
        ),
        role_marks=marks,
    )


def _record(ctx: Context, text: str) -> None:
    for m in saferegex.finditer(patterns().credit, text):
        ctx.add_reporter(m["name"], m["email"], m["role"])


def is_byline(text: str) -> bool:
    return len(text) <= MAX_BYLINE_CHARS and bool(saferegex.match(patterns().whole, text))


@rule(
    "byline",
    "Reporter bylines on their own line, glued to the last sentence, or as a leading dateline; "
    "the reporters (name, e-mail) become metadata.",
    "정다운 기자 dawn@example.co.kr",
)
def strip_bylines(blocks: list[Block], ctx: Context) -> list[Block]:
    pat = patterns()
    out: list[Block] = []
    last_named: str | None = None  # a "name 기자" line whose e-mail may follow on the next line
    for b in blocks:
        text = b.text
        if len(text) <= MAX_BYLINE_CHARS:
            if len(text) <= 60 and saferegex.match(desks().line, text):  # a desk's credit: no reporter
                strip_bylines.drop(ctx, b)
                last_named = None
                continue
            if pat.has_role(text) and saferegex.match(pat.whole, text):
                _record(ctx, text)
                strip_bylines.drop(ctx, b)
                m = pat.credit.search(text)
                last_named = m["name"] if m and not m["email"] else None
                continue
            m = saferegex.match(pat.publisher_name_email, text) if "@" in text else None
            if m:
                ctx.add_reporter(m["name"], m["email"])
                if not ctx.publisher and m["press"]:
                    ctx.publisher = publishers.find_in_text(m["press"])
                strip_bylines.drop(ctx, b)
                last_named = None
                continue
            m = pat.email_only.match(text) if "@" in text else None
            if m:
                # The name on the line before, else the story's one reporter still without one
                # (a dateline credit ``(가상=연합뉴스) 홍길동 기자 =`` and the e-mail as the last line).
                one = ctx.reporters[0] if len(ctx.reporters) == 1 else None
                name = last_named or (one.name if one is not None and not one.email else None)
                if name:
                    ctx.add_reporter(name, m["email"])
                strip_bylines.drop(ctx, b)
                last_named = None
                continue
        last_named = None
        text = _cut_dateline(text, ctx)
        text = _cut_trailing(text, ctx)
        if text != b.text:
            if not text.strip():
                continue
            b.text = text
        out.append(b)
    return out


DATELINE = register(
    Rule(
        "byline.dateline",
        None,
        "A leading dateline with a reporter credit, cut from the start of the paragraph it opens.",
        "(서울=연합뉴스) 홍길동 기자 =",
        parent=strip_bylines.name,
    )
)


def _cut_dateline(text: str, ctx: Context) -> str:
    m = saferegex.match(patterns().dateline, text)
    if not m or m.end() >= len(text):
        return text
    head = m.group(0)
    _record(ctx, head)
    DATELINE.cut(ctx, head)
    return text[m.end() :].lstrip()


def _cut_trailing(text: str, ctx: Context) -> str:
    tail_zone = text[-MAX_BYLINE_CHARS:]
    pat = patterns()
    m = saferegex.search(pat.trailing, tail_zone) if pat.has_role(tail_zone) else None
    if not m or m.start() == 0:
        return text
    tail = m.group(0)
    _record(ctx, tail)
    strip_bylines.cut(ctx, tail)
    return text[: len(text) - len(tail_zone) + m.start()].rstrip()
