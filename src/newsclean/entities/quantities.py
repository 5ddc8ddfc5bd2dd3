"""Counts, quantities, money and percentages: number (+ 만/억/조 groups) + counter, on the raw text.

The numeric expression and its counter come from one regex pass; Kiwi's tokens (already made
for the text) decide what the number is. The counter dictionary (``data/counters.json``) gives
each counter a kind:

* ``count`` — the numeral counts things (13개 기관, 세 곳의 공장, 두 차례): a **count** entity with
  the counted noun;
* ``ordinal``, ``measure``, ``multiplier``, ``age`` — a position in an order (제21대, 5차, 1위,
  2호선, 두 번째), a measure (35도, 200m), a multiplier (10배) or an age (15세, 30대 남성): a
  **quantity** entity whose ``norm`` is that kind, never a count.

A count counter still makes a quantity when the context says so: 제 before the number (제54회), a
noun right after some counters (21대 국회, 6세대 HBM, 2번 출구), a round ten before 대 (30대 남성).
A numeral inside a word (민사합의51부, A1면, 4인실, 세척 → not 3척) is no mention at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import regexcache
from ..article import Entity
from .common import NOUNISH, TokenIndex, alternation, finditer
from .gazetteer import lexicon, load_data
from .kiwi import Tok

ATOM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
BIG = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3, "백": 10**2}
# Units that make a date or a time, not a count (the table's "time" list): claimed here so that
# 개월 is never 개 + 월 (dates.py finds dates and durations).
TIME_UNITS = frozenset(load_data("counters.json")["time"])
PERCENT_UNITS = {
    "%": "%",
    "％": "%",
    "퍼센트": "%",
    "%포인트": "%p",
    "%p": "%p",
    "％포인트": "%p",
    "%P": "%p",
}
QUANTITY_KINDS = ("ordinal", "measure", "multiplier", "age")

_GROUP = rf"(?:{ATOM})(?:여)?\s?[조억만천백]"
_NUMEXPR = rf"(?:{_GROUP})(?:\s?(?:{_GROUP})){{0,4}}(?:{ATOM})?|(?:{ATOM})"
_NUM_PART = regexcache.compile(rf"({ATOM})(?:여)?\s?([조억만천백])?")


@dataclass(frozen=True, slots=True)
class Counters:
    """``data/counters.json``: each counter's kind and the context words around counts."""

    kind: dict[str, str]
    prefixes: tuple[str, ...]
    before_noun: dict[str, str]
    ordinal_tails: dict[str, tuple[str, ...]]
    versus: frozenset[str]
    event_counters: frozenset[str]
    event_endings: tuple[str, ...]
    age_decades: frozenset[str]
    natives: dict[str, int]
    native_kind: dict[str, str]
    native_ordinal_words: dict[str, int]
    one_as_article: frozenset[str]
    never_idioms: frozenset[tuple[str, str]]
    not_counted: frozenset[str]
    bounds_after: frozenset[str]


@cache
def counters() -> Counters:
    raw: dict[str, Any] = load_data("counters.json")
    kind: dict[str, str] = {}
    for k in ("count", *QUANTITY_KINDS):
        for unit in raw[k]:
            kind.setdefault(unit, k)
    native_kind = {u: "count" for u in raw["native_count"]}
    native_kind.update({u: "ordinal" for u in raw["native_ordinal"]})
    native_kind.update({u: "age" for u in raw["native_age"]})
    return Counters(
        kind=kind,
        prefixes=tuple(raw["ordinal_prefixes"]),
        before_noun=dict(raw["before_noun"]),
        ordinal_tails={k: tuple(v) for k, v in raw["ordinal_tails"].items()},
        versus=frozenset(raw["versus"]),
        event_counters=frozenset(raw["ordinal_events"]["counters"]),
        event_endings=tuple(raw["ordinal_events"]["endings"]),
        age_decades=frozenset(raw["age_decades"]),
        natives=dict(raw["native_numbers"]),
        native_kind=native_kind,
        native_ordinal_words=dict(raw["native_ordinal_words"]),
        one_as_article=frozenset(raw["one_as_article"]),
        never_idioms=frozenset((a, b) for a, b in raw["never_idioms"]),
        not_counted=frozenset(raw["not_counted_nouns"]),
        bounds_after=frozenset(raw["bounds_after"]),
    )


@cache
def _patterns() -> tuple[Any, Any, Any, dict[str, str]]:
    c = counters()
    currencies: dict[str, str] = lexicon()["currencies"]
    units = [*c.kind, *TIME_UNITS, *PERCENT_UNITS, *currencies]
    num = regexcache.compile(
        rf"(?<![\d.,])(?P<pre>US\$|[$€£¥₩￦])?(?P<num>{_NUMEXPR})(?P<approx>\s?(?:여|가량|남짓|수|여만))?"
        rf"\s?(?P<unit>{alternation(units)})"
    )
    native = regexcache.compile(
        rf"(?<![가-힣])(?P<num>{alternation(list(c.natives))})\s?(?P<unit>{alternation(list(c.native_kind))})"
    )
    words = regexcache.compile(rf"(?<![가-힣])(?P<word>{alternation(list(c.native_ordinal_words))})")
    return num, native, words, currencies


def parse_number(expr: str) -> int | float | None:
    """'3조5000억' → 3500000000000; '4만4천' → 44000; '1,200.5' → 1200.5."""
    total = 0.0
    seen = False
    for m in _NUM_PART.finditer(expr):
        try:
            n = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        total += n * BIG.get(m.group(2) or "", 1)
        seen = True
    if not seen:
        return None
    return int(total) if total.is_integer() and abs(total) < 1e18 else round(total, 6)


def _next_tok(idx: TokenIndex, end: int) -> Tok | None:
    i = idx.after(end)
    return idx.toks[i] if i < len(idx.toks) else None


def _noun_follows(text: str, idx: TokenIndex, end: int) -> bool:
    """A noun right after ``end`` (one space at most), with no particle between: 21대 국회."""
    t = _next_tok(idx, end)
    if t is None or t.start - end > 1 or text[end : t.start].strip():
        return False
    return t.tag in ("NNG", "NNP", "SL", "SH", "XPN") and t.form not in counters().bounds_after


def _event_follows(text: str, idx: TokenIndex, end: int) -> bool:
    """The noun phrase right after ``end`` ends with an event or a class (54회 전국소년체전)."""
    if not _noun_follows(text, idx, end):
        return False
    i = idx.after(end)
    toks, pos = idx.toks, end
    while i < len(toks) and toks[i].tag in NOUNISH and toks[i].start - pos <= 1 and i - idx.after(end) < 4:
        pos = toks[i].end
        i += 1
    word = text[end:pos].rstrip()
    return word.endswith(counters().event_endings)


def _glued_noun(text: str, idx: TokenIndex, end: int) -> bool:
    """A noun glued to the counter: the counter is the start of a word (4인실, 3인조, 4차산업)."""
    t = _next_tok(idx, end)
    return t is not None and t.start == end and t.tag in ("NNG", "NNP")


def _inside_word(text: str, idx: TokenIndex, start: int) -> str | None:
    """'prefix' when 제 or one Latin letter stands before the number (제21대, A1면), 'word' when
    the number is glued to a preceding word (민사합의51부), else None (space, punctuation, 약/총,
    a particle)."""
    if start == 0 or not (text[start - 1].isalpha()):
        return None
    j = idx.before(start)
    t = idx.toks[j] if j >= 0 else None
    if t is None or t.end != start:
        return None
    if t.form in counters().prefixes and (t.start == 0 or not text[t.start - 1].isalpha()):
        return "prefix"
    if t.tag == "SL" and len(t.form) == 1 and (t.start == 0 or not text[t.start - 1].isalnum()):
        return "prefix"  # A1면, B2면: a page or section label
    if t.tag.startswith(("J", "E")) or t.tag in ("MM", "MAG", "XPN", "VCP"):
        return None
    return "word"


_RANGE_AFTER = regexcache.compile(r"\s?[~∼-]\s?\d")
_RANGE_BEFORE = regexcache.compile(r"\d\s?[~∼-]\s?$")
_VERSUS = regexcache.compile(r"\s?\d")


def _count_kind(text: str, idx: TokenIndex, s: int, e: int, unit: str, value: float) -> str | None:
    """The kind of a number + count counter in its context; None: no quantity at all (2 대 1)."""
    c = counters()
    kind = c.kind[unit]
    if kind != "count":
        return kind
    if unit in c.versus and _VERSUS.match(text, e):
        return None  # 2 대 1: a score
    if unit in c.ordinal_tails and text.startswith(c.ordinal_tails[unit], e):
        return "ordinal"  # 9회초, 4회말
    if unit in c.event_counters and _event_follows(text, idx, e):
        return "ordinal"  # 54회 전국체전, 1회 졸업생
    decade = unit in c.age_decades and value in (10, 20, 30, 40, 50, 60, 70, 80, 90)
    ranged = bool(_RANGE_AFTER.match(text, e) or _RANGE_BEFORE.search(text, max(0, s - 4), s))
    if decade and (ranged or _noun_follows(text, idx, e) or _noun_before(text, idx, s) is None):
        return "age"  # 30대 남성, 20대가, 20대∼50대
    if unit in c.before_noun and _noun_follows(text, idx, e):
        return c.before_noun[unit]  # 21대 국회, 6세대 HBM, 2번 출구; 1인 가구
    return "count"


def counted_noun(text: str, idx: TokenIndex, start: int, end: int) -> str | None:
    """The noun a count is about: the noun phrase right after the counter (through 의, over a
    bound such as 이상), else the one right before the number; never a time word (오전 14회)."""
    c = counters()
    i = idx.after(end)
    toks = idx.toks
    if i < len(toks) and toks[i].tag == "JKG" and toks[i].start == end:
        end = toks[i].end
        i += 1
    while i < len(toks) and toks[i].form in c.bounds_after and toks[i].start - end == 1:
        end = toks[i].end
        i += 1
    run: list[int] = []
    pos = end
    while i < len(toks) and len(run) < 6 and toks[i].tag in NOUNISH and toks[i].start - pos <= 1:
        if (toks[i].tag in ("XSN",) and not run) or (run and toks[i].form in c.not_counted):
            break  # 두 번의 낙선 후 ...: the phrase ends before 후, 가운데, 이상
        run.append(i)
        pos = toks[i].end
        i += 1
    if run and toks[run[0]].start - end <= 1:
        first, last = toks[run[0]], toks[run[-1]]
        if first.tag in ("NNG", "NNP", "SL") and first.form not in c.not_counted:
            return text[first.start : last.end]
    return _noun_before(text, idx, start)


_SKIP_BACK = frozenset({"’", "”", "'", '"', "」", "』", "》", "〉"})


def _noun_before(text: str, idx: TokenIndex, start: int) -> str | None:
    """The noun phrase right before the number, over a closing quote, a parenthesis (사우나(SAUNA)’),
    a range start (2~3곳) or a subject/topic/object particle (사례가 두 건, 취업자는 34만명)."""
    toks = idx.toks
    j = idx.before(start)
    pos = start
    for _ in range(4):
        if j < 0 or pos - toks[j].end > 1:
            return None
        t = toks[j]
        if t.form in _SKIP_BACK:
            pos, j = t.start, j - 1
        elif t.form in ("~", "∼", "-", "–") and j > 0 and toks[j - 1].tag == "SN" and toks[j - 1].end == t.start:
            pos, j = toks[j - 1].start, j - 2  # 2~3곳: the noun before the range
        elif t.form == ")":
            depth = 0
            while j >= 0:
                depth += toks[j].form == ")"
                depth -= toks[j].form == "("
                j -= 1
                if depth == 0:
                    break
            pos = toks[j + 1].start
        elif t.tag in ("JKS", "JX", "JKO") and t.start - (toks[j - 1].end if j else 0) == 0:
            pos, j = t.start, j - 1
        else:
            break
    run: list[int] = []
    stop = counters().not_counted
    while j >= 0 and len(run) < 4 and toks[j].tag in NOUNISH and pos - toks[j].end <= 1:
        if run and toks[j].form in stop:
            break  # 취업자 가운데 임금노동자 → 임금노동자
        run.append(j)
        pos = toks[j].start
        j -= 1
    if not run or toks[run[0]].tag not in ("NNG", "NNP", "SL", "XSN"):
        return None
    if toks[run[0]].form in counters().not_counted:
        return None  # 오전 14회, 연 10회: a time word, not what is counted
    first = toks[run[-1]].start
    while first > 0 and not text[first - 1].isspace() and text[first - 1] not in "‘“'\"(「『《〈[":
        first -= 1  # up to the start of the word (참관객, 저소득층)
    return text[first : toks[run[0]].end]


def _number_entity(text: str, idx: TokenIndex, m: Any, currencies: dict[str, str]) -> Entity | None:
    unit = m.group("unit")
    s, e = m.start(), m.end()
    if unit in TIME_UNITS:
        return None
    if e not in idx.ends and unit not in PERCENT_UNITS and unit not in ("$",):
        return None  # the counter is the start of a longer word (3원칙, 2도시)
    value = parse_number(m.group("num"))
    if value is None:
        return None
    if m.group("pre"):
        cur = lexicon()["currency_prefixes"].get(m.group("pre"))
        return Entity("money", text[s:e], s, e, value=value, unit=m.group("pre"), currency=cur)
    if unit in PERCENT_UNITS:
        return Entity("percent", text[s:e], s, e, value=value, unit=PERCENT_UNITS[unit])
    if unit in currencies:
        return Entity("money", text[s:e], s, e, value=value, unit=unit, currency=currencies[unit])
    first = idx.starting(s)
    if first is None or (idx.starting(e - len(unit)) is None and first.end != e):
        return None  # 중2병, 211만8525 조회: the number or the counter is inside a word (3사: one token)
    inside = _inside_word(text, idx, s)
    if inside == "word" or _glued_noun(text, idx, e):
        return None  # 민사합의51부, A1면, 4인실: a number inside a word
    kind = "ordinal" if inside == "prefix" else _count_kind(text, idx, s, e, unit, value)
    if kind is None:
        return None
    if kind != "count":
        return Entity("quantity", text[s:e], s, e, norm=kind, value=value, unit=unit)
    return Entity("count", text[s:e], s, e, value=value, unit=unit, noun=counted_noun(text, idx, s, e))


def _native_entity(text: str, idx: TokenIndex, m: Any) -> Entity | None:
    """한 명, 세 곳, 두 번째: the numeral and the counter each a token of their own (세척 is no 3척)."""
    c = counters()
    s, e = m.start(), m.end()
    word, unit = m.group("num"), m.group("unit")
    tok = idx.starting(s)
    if tok is None or tok.tag not in ("MM", "NR") or tok.end != s + len(word) or e not in idx.ends:
        return None
    if idx.starting(e - len(unit)) is None or _glued_noun(text, idx, e):
        return None
    value = c.natives[word]
    kind = c.native_kind[unit]
    if kind != "count":
        return Entity("quantity", text[s:e], s, e, norm=kind, value=value, unit=unit)
    if value == 1 and unit in c.one_as_article:
        return None  # 한 나라의, 한 팀을 이뤄: 'a', not the number one
    if (unit, text[e : e + 1]) in c.never_idioms and value == 1:
        return None  # 한 번도 ... 않았다: never
    return Entity("count", text[s:e], s, e, value=value, unit=unit, noun=counted_noun(text, idx, s, e))


def find_quantities(text: str, idx: TokenIndex) -> list[Entity]:
    num_re, native_re, words_re, currencies = _patterns()
    out: list[Entity] = []
    for m in finditer(num_re, text):
        ent = _number_entity(text, idx, m, currencies)
        if ent is not None:
            out.append(ent)
    for m in finditer(_PREFIXED, text):
        s, e = m.span()
        if any(x.start <= s < x.end for x in out[-3:]):
            continue
        value = parse_number(m.group("num"))
        if value is not None:
            cur = lexicon()["currency_prefixes"].get(m.group("pre"))
            out.append(Entity("money", text[s:e], s, e, value=value, unit=m.group("pre"), currency=cur))
    for m in finditer(native_re, text):
        ent = _native_entity(text, idx, m)
        if ent is not None:
            out.append(ent)
    ordinals = counters().native_ordinal_words
    for m in finditer(words_re, text):
        s, e = m.span()
        tok = idx.starting(s)
        if tok is not None and tok.form.startswith(m.group("word")):
            value = ordinals[m.group("word")]
            out.append(Entity("quantity", text[s:e], s, e, norm="ordinal", value=value, unit="째"))
    out += _siblings(text, idx)
    return out


def _siblings(text: str, idx: TokenIndex) -> list[Entity]:
    """5남2녀, 1남 1녀: sons and daughters, each a count."""
    out: list[Entity] = []
    for m in finditer(_SIBLINGS, text):
        if m.end() not in idx.ends:
            continue
        for g, unit in ((1, "남"), (2, "녀")):
            s, e = m.start(g), m.end(g) + 1
            out.append(Entity("count", text[s:e], s, e, value=int(m.group(g)), unit=unit, noun="자녀"))
    return out


def find_ages(text: str, idx: TokenIndex) -> list[Entity]:
    """'김모(33)씨', '홍길동(48·회사원)': the age in parentheses after a name (a quantity, kind age)."""
    out: list[Entity] = []
    for m in finditer(_AGE, text):
        s, e = m.span(1)
        out.append(Entity("quantity", text[s:e], s, e, norm="age", value=int(m.group(1)), unit="세"))
    del idx
    return out


_PREFIXED = regexcache.compile(rf"(?P<pre>US\$|[$€£¥₩￦])\s?(?P<num>{_NUMEXPR})(?![\d])")
_AGE = regexcache.compile(r"(?<=[가-힣A-Z]\s?\()(\d{1,3})(?=\s?(?:\)|·|,|세))")
_SIBLINGS = regexcache.compile(r"(?<![\d가-힣])(\d{1,2})남\s?(\d{1,2})녀")
