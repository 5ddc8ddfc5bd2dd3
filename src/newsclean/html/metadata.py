"""Article metadata from a parsed page: title, publisher, portal, dates, reporters, section, URL.

Sources in order of trust: the site profile's XPaths, then ``og:*``/``article:*``/other
``<meta>`` tags, then JSON-LD, then the page's visible text (``<h1>``, ``<title>``). The strip
chain adds what it finds in the body (bylines, copyright lines): see :func:`merge_reporters`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, Protocol

import regex
from lxml import etree

from .. import publishers, regexcache, saferegex
from ..article import Reporter
from ..dates import parse_date
from ..strip.byline import patterns
from .dom import Element, by_tag, text_content, tokens, vocabulary
from .jsonld import people, text_of
from .xpath import all_texts, first_text

PORTAL_HOSTS = {"naver.com": "naver", "daum.net": "daum", "nate.com": "nate"}
_ROLE_TAIL = regexcache.compile(
    r"\s*(?:기자|특파원|선임기자|전문기자|객원기자|인턴기자|수습기자|논설위원|편집위원|통신원|PD)\s*$"
)
_PERSON = regexcache.compile(r"^[가-힣]{2,4}$")
_EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"  # compiled (and cached) by regex on use
_PORTAL_SUFFIX = regexcache.compile(r"\s*[|:·\-]\s*(?:네이버|다음|네이트|Daum|NAVER|Naver)(?:\s*뉴스)?\s*$")
_PORTAL_NAME = regexcache.compile(
    r"(?:네이버|다음|네이트|Daum|NAVER|Naver|nate)(?:\s*(?:뉴스|스포츠|연예|News))?", regex.I
)
_SITE_WORDS = regexcache.compile(
    r"(?:뉴스|일보|신문|경제|방송|닷컴|타임스|미디어|저널|투데이|데일리|TV|News|\.com|\.co\.kr|\.kr)\s*$", regex.I
)

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "published_time",
    "article:published", "ptime", "pubdate", "publishdate", "publish-date", "date", "dc.date",
    "dc.date.issued", "sailthru.date", "parsely-pub-date", "og:regdate", "dable:published_time",
    "article.published", "datepublished",
)
MODIFIED_META = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "utime", "lastmod",
    "last-modified", "dable:modified_time", "datemodified",
)


class ProfileLike(Protocol):
    name: str
    portal: str | None
    publisher: str | None


@dataclass(slots=True)
class Meta:
    title: str | None = None
    subtitle: str | None = None
    publisher: str | None = None
    portal: str | None = None
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    url: str | None = None
    reporters: list[Reporter] = field(default_factory=list)
    page_title: str | None = None  # the <title> text: the last resort for the headline

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "publisher": self.publisher,
            "portal": self.portal,
            "published": self.published,
            "modified": self.modified,
            "section": self.section,
            "url": self.url,
            "reporters": list(self.reporters),
        }


def meta_tags(root: Element, metas: Iterable[Element] | None = None) -> dict[str, str]:
    """``<meta name|property|itemprop=... content=...>`` as a dict (first value wins; keys lowercased).
    ``metas``: the page's ``<meta>`` elements when the caller has them (else a walk finds them)."""
    out: dict[str, str] = {}
    for m in root.iter("meta") if metas is None else metas:
        content = m.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = m.get(attr)
            if key:
                out.setdefault(key.strip().lower(), " ".join(content.split()))
    return out


def _xp(profile: Any, name: str) -> tuple[str, ...]:
    value = getattr(profile, name, ()) if profile is not None else ()
    return tuple(value) if isinstance(value, (tuple, list)) else ()




def portal_of_host(host: str | None) -> str | None:
    if not host:
        return None
    for suffix, portal in PORTAL_HOSTS.items():
        if host == suffix or host.endswith("." + suffix):
            return portal
    return None


def clean_title(title: str | None, site_names: Iterable[str] = ()) -> str | None:
    """Drop a trailing (or leading) site name: ``제목 - 머니투데이``, ``제목 : 네이버 뉴스``."""
    if not title:
        return None
    title = " ".join(title.split())
    title = _PORTAL_SUFFIX.sub("", title)
    names = {n for n in site_names if n}
    for _ in range(2):
        changed = False
        for sep in vocabulary().suffix_separators:
            head, found, tail = title.rpartition(sep)
            if found and head.strip() and _is_site_name(tail.strip(), names):
                title = head.strip()
                changed = True
                break
            tail2, found2, rest = title.partition(sep)
            if found2 and rest.strip() and _is_site_name(tail2.strip(), names) and len(rest) > len(tail2):
                title = rest.strip()
                changed = True
                break
        if not changed:
            break
    return _cut_glued_suffix(title, names) or None


_GLUED_SEP = regexcache.compile(r"[-|ㅣ:<·]")


def _cut_glued_suffix(title: str, names: set[str]) -> str:
    """``제목-정치ㅣ한국일보``: a section and the site glued on without spaced separators."""
    start = max(0, len(title) - 30)
    for m in _GLUED_SEP.finditer(title, start):
        head, tail = title[: m.start()].rstrip(), title[m.end() :].strip()
        if len(head) < 5 or not tail:
            continue
        pieces = [p.strip() for p in _GLUED_SEP.split(tail) if p.strip()]
        if pieces and all(len(p) <= 12 for p in pieces) and _is_site_name(pieces[-1], names):
            return head
    return title


def _is_site_name(text: str, names: set[str]) -> bool:
    if not text or len(text) > 30:
        return False
    if text in names:
        return True
    pub = publishers.find_in_text(text)
    if pub and len(text) <= len(pub) + 12:
        return True
    return bool(_SITE_WORDS.search(text)) and len(text) <= 20 and " " not in text.strip()


def publisher_name(text: str | None) -> str | None:
    """The press's name from a label such as ``연합뉴스 | 네이버`` or ``Copyright 머니투데이``."""
    if not text:
        return None
    parts = [p.strip(" :-") for p in " ".join(text.split()).split("|")]
    parts = [p for p in parts if p and not _PORTAL_NAME.fullmatch(p)]
    if not parts:
        return None
    text = " | ".join(parts)
    known = publishers.find_in_text(text)
    if known:
        return known
    if len(text) <= 20 and not ("@" in text and regex.search(_EMAIL, text)) and not regex.search(r"https?:", text):
        return text
    return None


def parse_credit(text: str) -> list[Reporter]:
    """Reporters in a byline text (``홍길동 기자 hong@x.com``, ``홍길동·김철수 기자``)."""
    out: list[Reporter] = []
    if not patterns().has_role(text):  # no credit, and no 기자 for the names-only form below
        return out
    for m in saferegex.finditer(patterns().credit, text, timeout=0.5):
        out.append(Reporter(m["name"], m["email"], None))
    if out:
        return out
    # 홍길동·김철수 기자 / a bare name with an e-mail
    m2 = regex.search(r"((?:[가-힣]{2,4}\s*[,·ㆍ]\s*)+[가-힣]{2,4})\s*기자", text)
    if m2:
        for name in regex.split(r"\s*[,·ㆍ]\s*", m2.group(1)):
            out.append(Reporter(name, None, None))
    return out


def from_jsonld_people(value: Any) -> list[Reporter]:
    out = []
    for name, email in people(value):
        name = _ROLE_TAIL.sub("", name).strip()
        if _PERSON.match(name) and not publishers.find_in_text(name):
            out.append(Reporter(name, email, None))
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


def extract(
    root: Element,
    *,
    url: str | None,
    profile: Any = None,
    ld: dict[str, Any] | None = None,
    tags: Mapping[str, list[Element]] | None = None,
) -> Meta:
    """Everything but the body, read from the unpruned page. ``tags``: the page's ``meta``,
    ``link`` and ``time`` elements by tag (:func:`newsclean.html.dom.by_tag`), else walks find them."""
    tags = tags if tags is not None else by_tag(root, ("meta", "link", "time"))
    metas = meta_tags(root, tags["meta"])
    ld = ld or {}
    out = Meta()
    # URL: canonical, og:url, else the URL given.
    canonical = None
    for link in tags["link"]:
        if (link.get("rel") or "").strip().lower() == "canonical" and (link.get("href") or "").strip():
            canonical = link.get("href", "").strip()
            break
    out.url = canonical or metas.get("og:url") or url
    host = publishers.host_of(url) or publishers.host_of(out.url)
    out.portal = (getattr(profile, "portal", None) if profile is not None else None) or portal_of_host(host)
    # Publisher.
    pub = getattr(profile, "publisher", None) if profile is not None else None
    pub = pub or publisher_name(first_text(root, _xp(profile, "publisher_xpath")))
    if not pub:
        for key in ("og:article:author", "article:publisher_name", "dable:author_name"):
            pub = publisher_name(metas.get(key)) if key != "dable:author_name" else None
            if pub:
                break
    if not pub:
        site = metas.get("og:site_name") or metas.get("twitter:site")
        cand = publishers.find_in_text(site) if site else None
        if cand and not portal_of_host(host):
            pub = cand
    if not pub:
        pub = publisher_name(text_of(ld.get("publisher")))
    if not pub and not out.portal:
        site = metas.get("og:site_name")
        pub = publisher_name(site) if site and len(site) <= 20 else None
    if not pub:
        author = metas.get("author")
        pub = publishers.find_in_text(author) if author else None
    if not pub and not out.portal:
        pub = publishers.from_host(host)
    out.publisher = pub
    # Title.
    site_names = [n for n in (pub, metas.get("og:site_name")) if n]
    title = first_text(root, _xp(profile, "title"))
    if not title:
        title = metas.get("og:title") or metas.get("twitter:title") or text_of(ld.get("headline"))
    out.title = clean_title(title, site_names)
    t = next(root.iter("title"), None)  # C-level tag match; find(".//title") walks in Python
    out.page_title = clean_title(text_content(t), site_names) if t is not None else None
    out.subtitle = first_text(root, _xp(profile, "subtitle")) or text_of(ld.get("alternativeHeadline"))
    # Dates.
    out.published = _date_from(root, _xp(profile, "published"), metas, PUBLISHED_META, ld.get("datePublished"))
    out.modified = _date_from(root, _xp(profile, "modified"), metas, MODIFIED_META, ld.get("dateModified"))
    if out.published is None:
        out.published = _time_element(tags["time"])
    # Section.
    out.section = first_text(root, _xp(profile, "section")) or metas.get("article:section") or text_of(
        ld.get("articleSection")
    )
    # Reporters: the profile's byline, then JSON-LD authors.
    reps: list[Reporter] = []
    for text in all_texts(root, _xp(profile, "byline")):
        reps = merge_reporters(reps, parse_credit(text))
    reps = merge_reporters(reps, from_jsonld_people(ld.get("author")))
    out.reporters = reps
    return out


def _date_from(
    root: Element, exprs: tuple[str, ...], metas: dict[str, str], keys: tuple[str, ...], ld_value: Any
) -> str | None:
    for expr in exprs:
        got = parse_date(first_text(root, (expr,)))
        if got:
            return got
    for key in keys:
        got = parse_date(metas.get(key))
        if got:
            return got
    return parse_date(text_of(ld_value))


def _time_element(times: Iterable[Element]) -> str | None:
    for t in times:
        got = parse_date(t.get("datetime") or text_content(t))
        if got:
            return got
    return None


def first_heading(root: Element) -> str | None:
    """The first ``<h1>`` long enough to be a headline (the last resort before ``<title>``)."""
    return _h1(root)


_DATE_ONLY = regexcache.compile(r"(?:19|20)\d\d[.\-/]\d{1,2}[.\-/]\d{1,2}")


def date_line(blocks: Sequence[Any]) -> str | None:
    """A date in one of the first short blocks (an archive's ``[신문] 2010-02-19 31면`` line)."""
    for b in blocks:
        text = b.text
        if len(text) <= 100:
            m = _DATE_ONLY.search(text)
            if m:
                got = parse_date(text[m.start() :])
                if got:
                    return got
    return None


def _h1(root: Element) -> str | None:
    for h in root.iter("h1"):
        text = " ".join(text_content(h).split())
        if len(text) >= 8:
            return text
    return None


# --- Fallbacks read from the visible page once the body is located ---------------------------

_LABELLED_DATE = regexcache.compile(
    r"(?:기사\s*)?(?P<label>최초\s*입력|입력|등록|작성|게재|송고|발행|승인|수정|최종\s*수정|업데이트|Posted|Published|Updated)"
    r"\s*(?:일시|시간|일자|일|날짜)?\s*[:：|]?\s*"
    r"(?P<date>(?:19|20)\d\d\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?"
    r"(?:\s*\([월화수목금토일]\))?(?:\s*(?:오전|오후|AM|PM)?\s*\d{1,2}\s*[:시]\s*\d{1,2}(?:\s*[:분]\s*\d{1,2})?)?)",
    regex.IGNORECASE,
)
_MODIFIED_LABELS = ("수정", "최종수정", "최종 수정", "업데이트", "updated")
_BYLINE_CLASS = regexcache.compile(
    r"byline|by_line|reporter|repoter|journalist|writer|author|kija|gija|(?<![a-z])name(?![a-z])", regex.IGNORECASE
)
_HEADINGS = ("h1", "h2", "h3", "h4")
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


def names_modified(root: Element) -> bool:
    """Whether the page's text may hold a label :func:`labelled_dates` reads as "modified"
    (수정, 최종 수정, 업데이트, Updated in any case). The text is joined in C without
    separators, so a label that the spaced join of ``itertext`` shows is in it too."""
    text = text_content(root)
    return "수정" in text or "업데이트" in text or "updated" in text.lower()


def labelled_dates(text: str) -> tuple[str | None, str | None]:
    """(published, modified) from labelled dates in visible text: ``입력 2016-09-18 03:00 수정 ...``."""
    published = modified = None
    for m in saferegex.finditer(_LABELLED_DATE, text, timeout=1.0):
        label = " ".join(m["label"].split()).lower()
        got = parse_date(m["date"])
        if not got:
            continue
        if label in _MODIFIED_LABELS:
            modified = modified or got
        else:
            published = published or got
        if published and modified:
            break
    return published, modified


_TITLE_CLASS = r"(?<![a-z])(?:title|headline|subject|tit|head_line)(?![a-z])"  # only pages with no title


def _title_like(el: Element) -> bool:
    if el.tag in _HEADINGS:
        return True
    label = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(label.strip()) and bool(regex.search(_TITLE_CLASS, label, regex.IGNORECASE))


def title_near(container: Element) -> str | None:
    """The headline of a page with no metadata: a heading opening the container, or the last
    heading (or title-classed box) before it."""
    for el in container.iter(*_HEADINGS):
        text = " ".join(text_content(el).split())
        if len(text) >= 6:
            return text
        break
    # The last title-like box before the container in document order that is not one of its
    # ancestors: one linear pass (climbing ancestor by ancestor is quadratic on deep pages).
    ancestors = list(container.iterancestors())
    if not ancestors:
        return None
    chain = set(ancestors)
    candidates = []
    for h in ancestors[-1].iter():
        if h is container:
            break
        if isinstance(h.tag, str) and h not in chain and _title_like(h):
            candidates.append(h)
    for h in reversed(candidates):
        text = " ".join(text_content(h).split())
        if 6 <= len(text) <= 200:
            return text
    return None


def bylines_in_dom(root: Element) -> list[Reporter]:
    """Reporters from byline-classed elements (``p.repoter``, ``span.byline`` ...) anywhere on the page."""
    chrome = vocabulary().chrome_tokens

    out: list[Reporter] = []
    # Every class and id value, read in one C pass: most pages have no byline-like name at all.
    values = _CLASS_ID_VALUES(root)
    named = _byline_values(values)
    if not named:
        return out
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
    return out
