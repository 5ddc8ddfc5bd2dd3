"""Reporters from byline-classed elements anywhere on the page (``p.repoter``, ``span.byline``)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

import regex
from lxml import etree

from .. import publishers, regexcache, saferegex
from ..article import Reporter
from ..strip.byline import patterns
from ..strip.persons import is_person
from .dom import Element, text_content, tokens, vocabulary
from .meta_dates import in_furniture

_BYLINE_CLASS = regexcache.compile(
    r"byline|by_line|reporter|repoter|journalist|writer|author|kija|gija|(?<![a-z])name(?![a-z])", regex.IGNORECASE
)
# Every class and id value, in document order, each knowing its element (``getparent()``): one
# pass, where selecting the elements too (``//@class/.. | //@id/..``) made libxml2 merge and
# de-duplicate two node sets of ~1000 elements (~2x the cost of this whole scan).
_CLASS_ID_VALUES = etree.XPath("//@class | //@id")
# A value ``_BYLINE_CLASS`` matches holds one of these words in lower case.
_BYLINE_WORDS = ("byline", "by_line", "reporter", "repoter", "journalist", "writer", "author", "kija", "gija", "name")


def _byline_values(values: Sequence[str]) -> set[str]:
    """The distinct values in which ``_BYLINE_CLASS`` finds a byline word.

    The words are looked for with C-speed ``find`` in the values joined and lowercased (the
    pattern's scan runs ~100 ns a character); only the values holding one go to the pattern.
    """
    distinct = list(dict.fromkeys(values))
    joined = "\n".join(distinct)  # no word holds a newline: a hit never spans two values
    low = joined.lower()
    if len(low) != len(joined) or "\u017f" in joined:  # case mapping moves offsets or ſ ~ s
        return {v for v in distinct if _BYLINE_CLASS.search(v)}
    starts = list(accumulate((len(v) + 1 for v in distinct[:-1]), initial=0))
    hits: set[int] = set()
    for word in _BYLINE_WORDS:
        i = low.find(word)
        while i != -1:
            k = bisect_right(starts, i) - 1
            hits.add(k)
            i = low.find(word, starts[k + 1]) if k + 1 < len(starts) else -1
    return {distinct[k] for k in sorted(hits) if _BYLINE_CLASS.search(distinct[k])}


def parse_credit(text: str) -> list[Reporter]:
    """Reporters in a byline text (``홍길동 기자 hong@x.com``, ``홍길동·김철수 기자``)."""
    out: list[Reporter] = []
    if not patterns().has_role(text):  # no credit, and no 기자 for the names-only form below
        return out
    for m in saferegex.finditer(patterns().credit, text, timeout=0.5):
        if is_person(m["name"]):
            out.append(Reporter(m["name"], m["email"], None))
    if out:
        return out
    # 홍길동·김철수 기자 / a bare name with an e-mail
    m2 = regex.search(r"((?:[가-힣]{2,4}\s*[,·ㆍ]\s*)+[가-힣]{2,4})\s*기자", text)
    if m2:
        for name in regex.split(r"\s*[,·ㆍ]\s*", m2.group(1)):
            if is_person(name):
                out.append(Reporter(name, None, None))
    return out


def merge_reporters(*groups: Sequence[Reporter]) -> list[Reporter]:
    """Union in order; a later sighting of a name adds its e-mail."""
    out: list[Reporter] = []
    for group in groups:
        for r in group:
            for i, have in enumerate(out):
                if have.name == r.name:
                    if r.email and not have.email:
                        out[i] = Reporter(have.name, r.email, have.role or r.role)
                    break
                if r.email and have.email == r.email:
                    break
            else:
                out.append(r)
    return out


def bylines_in_dom(root: Element) -> list[Reporter]:
    """Reporters from byline-classed elements (``p.repoter``, ``span.byline`` ...) anywhere on the page."""
    chrome = vocabulary().chrome_tokens
    out: list[Reporter] = []
    bare: list[Reporter] = []
    # Every class and id value, read in one C pass: most pages have no byline-like name at all.
    values = _CLASS_ID_VALUES(root)
    named = _byline_values(values)
    if not named:
        return labelled_bylines(root)
    # The elements whose class or id value names a byline (a word never spans the space
    # between the two in "class id", so testing each value alone is the same), in document
    # order: an element's two values come one after the other.
    elements: list[Element] = []
    for value in values:
        if value in named:
            el = value.getparent()
            if not elements or elements[-1] is not el:
                elements.append(el)
    for el in elements:
        if tokens(el) & chrome:
            continue
        text = " ".join(text_content(el).split())
        if not text or len(text) > 200:
            continue
        out = merge_reporters(out, parse_credit(text))
        if not bare:
            bare = _bare_name(el, text)
    # A bare name is the last resort, and only the first one (later ones credit other stories).
    return out or labelled_bylines(root) or bare


_STRICT_CLASS = regexcache.compile(r"byline|by_line|reporter|repoter|journalist|writer|author", regex.IGNORECASE)
_BARE = regexcache.compile(r"(?P<name>[가-힣]{2,4})\s*(?:[(<]?\s*(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*[)>]?)?")


def _bare_name(el: Element, text: str) -> list[Reporter]:
    """A writer box that holds only a name (and an e-mail), without 기자: ``span.writer`` 홍길동."""
    m = _BARE.fullmatch(text)
    if not m or not _STRICT_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
        return []
    if not is_person(m["name"]) or publishers.find_in_text(m["name"]):
        return []
    return [Reporter(m["name"], m["email"], None)]


# ``기자명 홍길동 기자`` / ``기자명: 홍길동``: a labelled reporter name in the article's info line
# (the articleView CMS family prints it so, outside any byline-classed box).
_LABELLED = etree.XPath("//text()[contains(., '기자명')]")
_LABELLED_NAME = regexcache.compile(
    r"기자명\s*[:：]?\s*(?P<name>[가-힣]{2,4})(?![가-힣])(?:\s*(?:기자|특파원|선임기자))?"
)


def labelled_bylines(root: Element) -> list[Reporter]:
    """Reporters named after a 기자명 label: the first such box outside furniture (the article's
    info line comes before the related lists that credit other stories)."""
    for node in _LABELLED(root)[:10]:
        el = node.getparent()
        if el is None or in_furniture(el):
            continue
        for box in (el, el.getparent()):  # <span>기자명</span><span>홍길동 기자</span>
            if box is None:
                break
            text = " ".join(text_content(box).split())
            names = [m["name"] for m in _LABELLED_NAME.finditer(text)] if len(text) <= 200 else []
            people = [Reporter(n, None, None) for n in dict.fromkeys(names) if is_person(n)]
            if people:
                return people
    return []
