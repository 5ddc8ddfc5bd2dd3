"""Whether a credited name is a person's: the shape of a Korean name, and the desks and wire
credits (연합, 디지털뉴스팀, 사회부) that are not reporters (``data/bylines.json``).

Below both the strip ``Context`` (which records reporters) and the byline rule, so each imports
it at the top.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from .. import publishers, regexcache
from ..resources import load_json

EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"


class Desks(NamedTuple):
    words: frozenset[str]
    suffixes: tuple[str, ...]
    line: regex.Pattern[str]  # a line that is only a desk credit: 온라인뉴스팀 기자, [디지털뉴스팀]


@cache
def desks() -> Desks:
    data = load_json("bylines.json")
    suffixes = tuple(data.get("desk_suffixes", ()))
    # Desk suffixes of two syllables or more (not 팀, 센터 … alone), after a Hangul word.
    alts = "|".join(sorted((regex.escape(x) for x in suffixes if len(x) >= 3 or x.endswith("부")), key=len,
                           reverse=True))
    line = rf"^[\s\[\(<]*[가-힣]{{0,8}}(?:{alts})(?:\s*기자)?(?:\s*[\(<\[]?\s*{EMAIL}\s*[\)>\]]?)?[\s\]\)>]*$"
    return Desks(frozenset(data.get("desk_words", ())), suffixes, regexcache.compile(line))


_KOREAN_NAME = regexcache.compile(r"^[가-힣]{2,4}$")


def is_person(name: str) -> bool:
    """Whether a credited name looks like a person's: 2–4 Hangul syllables, not a desk or a
    wire credit (연합, 디지털뉴스팀, 사회부, 기자단) and not a press's name."""
    name = name.strip()
    if not _KOREAN_NAME.match(name):
        return False
    d = desks()
    if name in d.words or any(name.endswith(s) for s in d.suffixes):
        return False
    known = publishers.find_in_text(name)
    return not (known and (known == name or len(name) <= 2))
