"""Korean news dates → ISO 8601 in Korean time (``+09:00``).

Handles ISO strings (with or without offset), ``2020.09.19. 오후 8:28``, ``입력 2016-09-23 03:00``,
``기사입력 2017-04-20 15:53``, ``입력 2018.07.12 (09:30)``, ``2026. 3. 21. 21:43``, ``2016년 9월 17일 18시 59분``,
``20160917185900``, ``23-10-05 11:20`` (a two-digit year with its time) and RFC 2822 dates.
A date without a time gives ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt

import regex

from . import regexcache

KST = dt.timezone(dt.timedelta(hours=9))

_ISO = regexcache.compile(
    r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)[T ](?P<H>\d\d):(?P<M>\d\d)(?::(?P<S>\d\d)(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d\d:?\d\d)?"
)
# 2020.09.19. 오후 8:28 / 2016-09-23 03:00 / 2018.07.12 (09:30) / 2026. 3. 21. 21:43
# 2016년 9월 17일 18시 59분 / 2016/09/17
_KOREAN = regexcache.compile(
    r"(?P<y>(?:19|20)\d\d)\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})\s*(?:일|\.)?"
    r"(?:\s*\([월화수목금토일]\))?"
    r"(?:\s*\(?\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*(?::|시)\s*(?P<M>\d{1,2})(?:\s*(?::|분)\s*(?P<S>\d{1,2}))?"
    r"(?:\s*(?P<ampm2>AM|PM|am|pm))?)?"
)
# 23-10-05 11:20 (a board CMS's 작성일): a two-digit year, read only with its time after it
_SHORT_YEAR = regexcache.compile(
    r"(?<![\d.\-/:])(?P<y>\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\s+(?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?![\d:])"
)
_COMPACT = regexcache.compile(
    r"^(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:(?P<H>[0-2]\d)(?P<M>[0-5]\d)(?P<S>[0-5]\d)?)?$"
)


def _build(y: str, m: str, d: str, hh: str | None, mm: str | None, ss: str | None, ampm: str | None) -> str | None:
    try:
        date = dt.date(int(y), int(m), int(d))
    except ValueError:
        return None
    if hh is None or mm is None:
        return date.isoformat()
    hour, minute, sec = int(hh), int(mm), int(ss or 0)
    if ampm in ("오후", "PM", "pm") and hour < 12:
        hour += 12
    elif ampm in ("오전", "AM", "am") and hour == 12:
        hour = 0
    try:
        t = dt.datetime(date.year, date.month, date.day, hour, minute, sec, tzinfo=KST)
    except ValueError:
        return date.isoformat()
    return t.isoformat()


def parse_date(text: str | None) -> str | None:
    """The first date (and time) in ``text`` as ISO 8601 in Korean time, or None."""
    if not text:
        return None
    text = text.strip()
    if not text:
        return None
    m = _ISO.search(text)
    if m:
        return _from_iso(m)
    m = _COMPACT.match(text)
    if m:
        return _build(m["y"], m["m"], m["d"], m["H"], m["M"], m["S"], None)
    m = _KOREAN.search(text)
    if m:
        return _build(m["y"], m["m"], m["d"], m["H"], m["M"], m["S"], m["ampm"] or m["ampm2"])
    m = _SHORT_YEAR.search(text)
    if m:
        return _build("20" + m["y"], m["m"], m["d"], m["H"], m["M"], m["S"], None)
    if any(c.isalpha() for c in text[:4]):
        try:
            from email.utils import parsedate_to_datetime  # rare (RFC 2822 dates): import on use

            t = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if t.tzinfo is None:
            t = t.replace(tzinfo=KST)
        return t.astimezone(KST).isoformat()
    return None


def _from_iso(m: regex.Match[str]) -> str | None:
    try:
        t = dt.datetime(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"]), int(m["M"]), int(m["S"] or 0))
    except ValueError:
        return None
    tz = m["tz"]
    if tz:
        if tz == "Z":
            off = dt.UTC
        else:
            sign = -1 if tz[0] == "-" else 1
            digits = tz[1:].replace(":", "")
            off = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        return t.replace(tzinfo=off).astimezone(KST).isoformat()
    return t.replace(tzinfo=KST).isoformat()
