"""Dates: absolute (2024년 3월 8일, 2024.3.8), relative (지난 8일, 지난해 9월, 이날) and
durations (3년간, 이틀). Relative dates are resolved against the article's date when known.

``value`` is an ISO date (2024-03-08), a partial one (2024-03, 2024, --03-08 when the year is
unknown), an ISO week (2024-W10), an ISO duration (P3Y, P2D) or None (주말, 연말 ...).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from .. import regexcache
from ..article import Entity
from .common import TokenIndex, alternation, finditer
from .gazetteer import lexicon

_PRE_YEAR = {
    "지난해": -1,
    "작년": -1,
    "전년": -1,
    "올해": 0,
    "올": 0,
    "금년": 0,
    "내년": 1,
    "이듬해": 1,
    "재작년": -2,
}
_PRE_MONTH = {
    "지난달": -1,
    "전월": -1,
    "이달": 0,
    "이번달": 0,
    "이번 달": 0,
    "다음달": 1,
    "다음 달": 1,
    "내달": 1,
}
_PRE_DIR = {"지난": -1, "오는": 1, "이번": 0}
_SUFFIX = r"(?:\s?(?:초순|중순|하순|초|말|중|께|경))?"
_DUR = {"년": "Y", "개월": "M", "주": "W", "일": "D", "주일": "W"}


@cache
def _patterns() -> tuple[Any, Any, dict[str, str]]:
    pre = alternation([*_PRE_YEAR, *_PRE_MONTH, *_PRE_DIR])
    firsts = "".join(sorted({w[0] for w in [*_PRE_YEAR, *_PRE_MONTH, *_PRE_DIR]}))
    date = regexcache.compile(
        rf"(?=[0-9{firsts}])(?:"
        rf"(?<![\d가-힣])(?=\d|{pre})(?:(?P<pre>{pre})\s?)?"
        r"(?:"
        r"(?P<y>\d{4})\s?[.\-/]\s?(?P<m1>\d{1,2})\s?[.\-/]\s?(?P<d1>\d{1,2})(?![\d])\.?"
        r"|(?:(?P<y2>\d{4}|\d{2})\s?년(?:도)?(?!(?![에의은는도부터까지말초중께경이])[가-힣])\s?)?"
        r"(?:(?P<m>\d{1,2})\s?월(?!(?![에의은는도부터까지말초중께경이])[가-힣])(?:\s?(?P<d>\d{1,2})\s?일)?"
        r"|(?P<d2>\d{1,2})\s?일(?!간|째|동안|\s?동안))?"
        r")"
        + _SUFFIX
        + r"|(?<![\d가-힣])(?=\d)(?P<n>\d{1,3})\s?(?P<du>년|개월|주일|주|일)\s?(?P<span>간|째|동안|\s동안)"
        r"|(?<![\d가-힣])(?P<n2>\d{1,2})\s?(?P<du2>년|개월)(?=\s?(?:전|후|만|뒤|새|사이|이내|안에|넘게|가까이))"
        r"|(?<![\d가-힣.])(?P<n3>\d{1,2})\s?개월"
        r"|(?<![\d가-힣])(?P<decade>\d{2,4})\s?년대"
        r"|(?<![\d가-힣])(?P<q>[1-4])\s?분기"
        r"|(?<![\d가-힣])(?P<ann>\d{1,3})\s?주년"
        r")"
    )
    words: dict[str, str] = lexicon()["date_words"]
    word_re = regexcache.compile(
        rf"(?<![가-힣])(?:(?P<pre>{alternation(list(_PRE_YEAR))})\s?)?(?P<w>{alternation(list(words))})"
        r"(?P<span>간|동안)?"
    )
    return date, word_re, words


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _resolve(g: dict[str, str | None], ref: dt.date | None) -> str | None:
    pre = g.get("pre")
    y_s = g.get("y") or g.get("y2")
    m_s = g.get("m1") or g.get("m")
    d_s = g.get("d1") or g.get("d") or g.get("d2")
    y = int(y_s) if y_s else None
    if y is not None and y < 100:
        y += 2000 if y < 50 else 1900
    m = int(m_s) if m_s else None
    d = int(d_s) if d_s else None
    if (m is not None and not 1 <= m <= 12) or (d is not None and not 1 <= d <= 31):
        return None
    if y is None and pre in _PRE_YEAR and ref:
        y = ref.year + _PRE_YEAR[pre]
    if pre in _PRE_MONTH and ref and m is None:
        y, m = _shift_month(ref.year, ref.month, _PRE_MONTH[pre])
    direction = _PRE_DIR.get(pre or "")
    if y is None and ref:
        if m is not None:
            y = ref.year
            if direction == -1 and (m, d or 1) > (ref.month, ref.day):
                y -= 1
            elif direction == 1 and (m, d or 31) < (ref.month, ref.day):
                y += 1
        elif d is not None:
            y, m = ref.year, ref.month
            if direction == -1 and d >= ref.day:
                y, m = _shift_month(y, m, -1)
            elif direction == 1 and d <= ref.day:
                y, m = _shift_month(y, m, 1)
            elif direction is None and d - ref.day > 10:
                y, m = _shift_month(y, m, -1)
    if y is not None and m is not None and d is not None:
        return _day(y, m, d)
    if y is not None and m is not None:
        return f"{y:04d}-{m:02d}"
    if y is not None and d is None:
        return f"{y:04d}"
    if m is not None and d is not None:
        return f"--{m:02d}-{d:02d}"
    return None


def _word_value(code: str, ref: dt.date | None) -> str | None:
    if not code:
        return None
    if code.startswith("P"):
        return code
    kind, _, k = code.partition(":")
    if ref is None:
        return None
    n = int(k)
    if kind == "day":
        return (ref + dt.timedelta(days=n)).isoformat()
    if kind == "year":
        return f"{ref.year + n:04d}"
    if kind == "month":
        y, m = _shift_month(ref.year, ref.month, n)
        return f"{y:04d}-{m:02d}"
    if kind == "week":
        iso = (ref + dt.timedelta(weeks=n)).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return None


def find_dates(text: str, idx: TokenIndex, ref: dt.date | None) -> list[Entity]:
    date_re, word_re, words = _patterns()
    out: list[Entity] = []
    for m in finditer(date_re, text):
        s, e = m.span()
        if s == e:
            continue
        while e > s and text[e - 1] == " ":
            e -= 1
        g = m.groupdict()
        value: str | None
        if g["n"]:
            value = f"P{int(g['n'])}{_DUR[g['du']]}"
        elif g["n2"]:
            value = f"P{int(g['n2'])}{_DUR[g['du2']]}"
        elif g["n3"]:
            value = f"P{int(g['n3'])}M"
        elif g["decade"]:
            dec = int(g["decade"])
            dec = dec + 1900 if dec < 100 else dec
            value = f"{dec}s"
        elif g["q"]:
            value = f"Q{g['q']}"
        elif g["ann"]:
            value = None
        else:
            if not (g["y"] or g["y2"] or g["m"] or g["d2"] or g["pre"]):
                continue
            if not (g["y"] or g["y2"] or g["m"] or g["d2"]):
                continue  # a lone prefix (지난, 올, 지난해): the date words below handle these
            value = _resolve(g, ref)
        out.append(Entity("date", text[s:e], s, e, value=value))
    for m in finditer(word_re, text):
        s, e = m.span()
        w = m.group("w")
        if len(w) == 1 and text[e : e + 1] != " ":
            continue  # 올 only as 올 시즌, 올 상반기 (not 올랐다)
        tok = idx.starting(m.start("w"))
        if tok is not None and tok.tag.startswith("V"):
            continue
        value = _word_value(words[w], ref)
        pre = m.group("pre")
        if pre and ref and w in ("설날", "추석", "연말", "연초", "상반기", "하반기"):
            value = f"{ref.year + _PRE_YEAR[pre]:04d}"
        out.append(Entity("date", text[s:e], s, e, value=value))
    return out
