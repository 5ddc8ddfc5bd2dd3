"""Counts, money and percentages: number (+ 만/억/조 groups) + counter, found on the raw text.

The numeric expression and its counter come from one regex pass; Kiwi's tokens (already made
for the text) are used only to check that the counter ends where a morpheme ends (``3원칙`` is
not 3 won) and to find the counted noun next to it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .. import regexcache
from ..article import Entity
from .common import NOUNISH, TokenIndex, alternation, finditer
from .gazetteer import lexicon

ATOM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
BIG = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3, "백": 10**2}
# Units that make a date or a time, not a count: claimed here so that 개월 is never 개 + 월.
TIME_UNITS = [
    "년",
    "년간",
    "년대",
    "년도",
    "월",
    "일",
    "일간",
    "개월",
    "개월간",
    "주",
    "주간",
    "주일",
    "주년",
    "시",
    "시간",
    "분",
    "초",
    "분기",
    "세기",
    "박",
    "일째",
    "년째",
    "개월째",
    "시즌",
]
PERCENT_UNITS = {
    "%": "%",
    "％": "%",
    "퍼센트": "%",
    "%포인트": "%p",
    "%p": "%p",
    "％포인트": "%p",
    "%P": "%p",
}

_GROUP = rf"(?:{ATOM})(?:여)?\s?[조억만천백]"
_NUMEXPR = rf"(?:{_GROUP})(?:\s?(?:{_GROUP})){{0,4}}(?:{ATOM})?|(?:{ATOM})"
_NUM_PART = regexcache.compile(rf"({ATOM})(?:여)?\s?([조억만천백])?")


@cache
def _patterns() -> tuple[Any, Any, dict[str, str]]:
    lex = lexicon()
    currencies: dict[str, str] = lex["currencies"]
    units = list(lex["counters"]) + TIME_UNITS + list(PERCENT_UNITS) + list(currencies)
    num = regexcache.compile(
        rf"(?<![\d.,])(?P<pre>US\$|[$€£¥₩￦])?(?P<num>{_NUMEXPR})(?P<approx>\s?(?:여|가량|남짓|수|여만))?"
        rf"\s?(?P<unit>{alternation(units)})"
    )
    native = regexcache.compile(
        rf"(?<![가-힣])(?P<num>{alternation(list(lex['native_numbers']))})\s?"
        rf"(?P<unit>{alternation(list(lex['native_counters']) + list(lex['native_ordinal_counters']))})"
    )
    return num, native, currencies


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


def counted_noun(text: str, idx: TokenIndex, start: int, end: int) -> str | None:
    """The noun a count is about: the noun phrase right after the counter (through 의), else the
    one right before the number."""
    i = idx.after(end)
    toks = idx.toks
    if i < len(toks) and toks[i].tag == "JKG" and toks[i].start == end:
        end = toks[i].end
        i += 1
    run: list[int] = []
    pos = end
    while i < len(toks) and len(run) < 6 and toks[i].tag in NOUNISH and toks[i].start - pos <= 1:
        if toks[i].tag in ("XSN",) and not run:
            break
        run.append(i)
        pos = toks[i].end
        i += 1
    if run and toks[run[0]].start > end - 1 and toks[run[0]].start - end <= 1:
        first, last = toks[run[0]], toks[run[-1]]
        if first.tag in ("NNG", "NNP", "SL"):
            return text[first.start : last.end]
    return _noun_before(text, idx, start)


_SKIP_BACK = frozenset({"’", "”", "'", '"', "」", "』", "》", "〉"})


def _noun_before(text: str, idx: TokenIndex, start: int) -> str | None:
    """The noun phrase right before the number, over a closing quote, a parenthesis (사우나(SAUNA)’)
    or a subject/topic/object particle (사례가 두 건, 취업자는 34만명)."""
    toks = idx.toks
    j = idx.before(start)
    pos = start
    for _ in range(3):
        if j < 0 or pos - toks[j].end > 1:
            return None
        t = toks[j]
        if t.form in _SKIP_BACK:
            pos, j = t.start, j - 1
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
    while j >= 0 and len(run) < 4 and toks[j].tag in NOUNISH and pos - toks[j].end <= 1:
        run.append(j)
        pos = toks[j].start
        j -= 1
    if not run or toks[run[0]].tag not in ("NNG", "NNP", "SL", "XSN"):
        return None
    first = toks[run[-1]].start
    while first > 0 and not text[first - 1].isspace() and text[first - 1] not in "‘“'\"(「『《〈[":
        first -= 1  # up to the start of the word (참관객, 저소득층)
    return text[first : toks[run[0]].end]


def find_quantities(text: str, idx: TokenIndex) -> list[Entity]:
    num_re, native_re, currencies = _patterns()
    ranks = set(lexicon()["counters"])
    out: list[Entity] = []
    for m in finditer(num_re, text):
        unit = m.group("unit")
        s, e = m.start(), m.end()
        if unit in TIME_UNITS:
            continue
        if e not in idx.ends and unit not in PERCENT_UNITS and unit not in ("$",):
            # the counter is the start of a longer word (3원칙, 2도시): not a quantity
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        if m.group("pre"):
            cur = lexicon()["currency_prefixes"].get(m.group("pre"))
            out.append(Entity("money", text[s:e], s, e, value=value, unit=m.group("pre"), currency=cur))
            continue
        if unit in PERCENT_UNITS:
            out.append(Entity("percent", text[s:e], s, e, value=value, unit=PERCENT_UNITS[unit]))
        elif unit in currencies:
            out.append(Entity("money", text[s:e], s, e, value=value, unit=unit, currency=currencies[unit]))
        elif unit in ranks:
            noun = counted_noun(text, idx, s, e)
            out.append(Entity("count", text[s:e], s, e, value=value, unit=unit, noun=noun))
    for m in finditer(_PREFIXED, text):
        s, e = m.span()
        if any(x.start <= s < x.end for x in out[-3:]):
            continue
        value = parse_number(m.group("num"))
        if value is not None:
            cur = lexicon()["currency_prefixes"].get(m.group("pre"))
            out.append(Entity("money", text[s:e], s, e, value=value, unit=m.group("pre"), currency=cur))
    natives: dict[str, int] = lexicon()["native_numbers"]
    for m in finditer(native_re, text):
        s, e = m.start(), m.end()
        tok = idx.starting(s)
        if tok is None or tok.tag not in ("MM", "NR", "NNG", "NP") or e not in idx.ends:
            continue
        word, unit = m.group("num"), m.group("unit")
        if word == "첫" and unit not in ("번째", "째"):
            continue
        noun = counted_noun(text, idx, s, e)
        out.append(Entity("count", text[s:e], s, e, value=natives[word], unit=unit, noun=noun))
    return out


def find_ages(text: str, idx: TokenIndex) -> list[Entity]:
    """'김모(33)씨', '홍길동(48·회사원)': the age in parentheses after a name is a count."""
    out: list[Entity] = []
    for m in finditer(_AGE, text):
        s, e = m.span(1)
        out.append(Entity("count", text[s:e], s, e, value=int(m.group(1)), unit="세", noun="나이"))
    del idx
    return out


_PREFIXED = regexcache.compile(rf"(?P<pre>US\$|[$€£¥₩￦])\s?(?P<num>{_NUMEXPR})(?![\d])")
_AGE = regexcache.compile(r"(?<=[가-힣A-Z]\s?\()(\d{1,3})(?=\s?(?:\)|·|,|세))")
