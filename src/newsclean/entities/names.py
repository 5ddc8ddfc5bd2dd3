"""Name shapes: what a person's name looks like, before any context.

* Korean: a known surname + one or two syllables (a two-syllable surname + two), not a known
  word (lexicon stopwords, organisations, roles, countries, regions, ministries, date words);
* foreign: proper nouns, usually two words (a third before a bracket or a country); a name
  that ends (or, for foreign runs, starts) like a place or an organisation is not one.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .. import regexcache
from ..resources import load_json
from .gazetteer import lexicon, ministries, regions
from .kiwi import Tok

AFTER_OK = frozenset(
    {"JKS", "JKO", "JKG", "JKB", "JX", "JC", "JKC", "JKV", "JKQ", "SF", "SP", "SSC", "SSO", "VCP", "SO", "SS"}
)
HANGUL_NAME = regexcache.compile(r"[가-힣]{1,5}")


def person_words() -> dict[str, Any]:
    """``data/persons.json``: the word lists of person names (see its ``about``)."""
    data: dict[str, Any] = load_json("persons.json")
    return data


@cache
def vocab() -> tuple[str, frozenset[str], frozenset[str]]:
    lex = lexicon()
    reg = regions()
    known = set(lex["person_stopwords"]) | set(lex["known_orgs"]) | set(lex["roles"]) | set(lex["countries"])
    known |= set(reg.sido_by_form) | set(reg.sigungu_by_form) | ministries().names()
    known |= {w for w in lex["date_words"] if isinstance(w, str)}
    known |= {f"{w}인" for w in lex["role_links"]}  # 부부인, 커플인: Kiwi may tag them NNP
    known |= set(person_words()["not_persons"]) | set(lex["generation_suffixes"])
    known |= set(load_json("organizations.json")["known"])
    return lex["surnames"], frozenset(known), frozenset(lex["honorifics"])


@cache
def org_suffixes() -> tuple[str, ...]:
    return tuple(sorted(lexicon()["org_suffixes"], key=len, reverse=True))


@cache
def foreign_syllables() -> frozenset[str]:
    return frozenset(lexicon()["foreign_syllables"])


@cache
def has_foreign(form: str) -> bool:
    fs = foreign_syllables()
    return any(c in fs for c in form)


_DOUBLE_SURNAMES = ("남궁", "황보", "선우", "제갈", "독고", "사공", "서문")


@cache
def korean_name(form: str) -> bool:
    """Surname + one or two syllables (or a two-syllable surname + two), not a known word."""
    surnames, known, _ = vocab()
    if form in known or not HANGUL_NAME.fullmatch(form) or has_foreign(form):
        return False
    if len(form) == 4:
        return form[:2] in _DOUBLE_SURNAMES and given_name_ok(form[2:])
    return 2 <= len(form) <= 3 and form[0] in surnames and given_name_ok(form[1:])


@cache
def name_initials() -> frozenset[str]:
    """The first characters of every surname: :func:`korean_name` is False for a form that
    starts with any other character."""
    return frozenset(vocab()[0]) | {d[0] for d in _DOUBLE_SURNAMES}


@cache
def given_name_ok(given: str) -> bool:
    """A given name uses none of the syllables no given name uses (호미곶, 한강변: words)."""
    data = person_words()
    return not any(c in data["given_never"] for c in given) and given[-1] not in data["given_never_last"]


@cache
def non_name_word(word: str) -> bool:
    """A transliterated common word (아메리칸, 캐피털, 텔레비전) or an organisation's ending:
    a proper-noun run holding one is a company, product or title, not a person."""
    data = person_words()
    return word in _non_name_words() or word.endswith(tuple(data["foreign_org_endings"]))


@cache
def _non_name_words() -> frozenset[str]:
    return frozenset(person_words()["foreign_non_name_words"])


PUNCT = frozenset({"SSO", "SSC", "SS", "SP", "SO", "SW", "SF", "SE"})
MAX_FOREIGN_WORDS = 2  # given name + family name; a third word is usually an organisation


@cache
def foreign_places() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex["foreign_places"]) | frozenset(lex["countries"])


@cache
def generation() -> frozenset[str]:
    return frozenset(lexicon()["generation_suffixes"])


def words(toks: list[Tok]) -> list[tuple[int, int]]:
    """(first, last) token index of each word: tokens glued together, with punctuation
    (brackets, quotes, ·) splitting words, so 친명(이재명)계 holds the word 이재명."""
    out: list[tuple[int, int]] = []
    first = -1  # the open word's first token (-1: none open)
    prev_end = -1
    for n, t in enumerate(toks):  # one pass: a token joins the open word when glued to it
        if t.tag in PUNCT:
            if first >= 0:
                out.append((first, n - 1))
                first = -1
            continue
        if first >= 0 and t.start != prev_end:
            out.append((first, n - 1))
            first = -1
        if first < 0:
            first = n
        prev_end = t.end
    if first >= 0:
        out.append((first, len(toks) - 1))
    return out


def place_like(name: str, korean: bool, multi: bool) -> bool:
    """Names that end (or, for foreign runs, start) like places or organisations."""
    first = name.split(" ", 1)[0]
    if korean:  # 김주원, 김경도, 이완구, 박지성: given names end in most syllables
        return name[-1] in person_words()["korean_non_name_endings"] or name.endswith(org_suffixes())
    endings = lexicon()["non_name_endings"]
    tail = first if multi else name  # 졸리, 피트: foreign family names end in anything
    return (
        tail[-1] in endings
        or name.endswith(org_suffixes())
        or first in foreign_places()
        or (len(first) >= 3 and first[-1] in "주성")  # 플로리다주, 광둥성
    )
