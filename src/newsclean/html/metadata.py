"""Article metadata from a parsed page: title, publisher, portal, dates, reporters, section, URL.

Sources in order of trust: the site profile's XPaths, then ``og:*``/``article:*``/other
``<meta>`` tags, then JSON-LD, then the page's visible text (``<h1>``, ``<title>``). The strip
chain adds what it finds in the body (bylines, copyright lines): see :func:`merge_reporters`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import regex

from .. import publishers, regexcache
from ..article import Reporter
from ..dates import parse_date
from ..strip.persons import EMAIL, is_person
from . import meta_dates, meta_publisher
from .dom import Element, by_tag, text_content, vocabulary
from .jsonld import people, text_of
from .meta_bylines import (  # noqa: F401 - _BYLINE_CLASS and _byline_values for tests
    _BYLINE_CLASS,
    _byline_values,
    bylines_in_dom,
    merge_reporters,
    parse_credit,
)
from .meta_dates import date_line, labelled_dates, names_modified
from .meta_fill import fill_from_page
from .meta_title import clean_title, first_heading, title_near
from .xpath import all_texts, first_text

__all__ = [
    "Meta", "bylines_in_dom", "clean_title", "date_line", "extract", "fill_from_page", "final_publisher",
    "first_heading", "labelled_dates", "merge_reporters", "names_modified", "parse_credit", "publisher_name",
    "title_near",
]

PORTAL_HOSTS = {"naver.com": "naver", "daum.net": "daum", "nate.com": "nate"}
_ROLE_TAIL = regexcache.compile(
    r"\s*(?:기자|특파원|선임기자|전문기자|객원기자|인턴기자|수습기자|논설위원|편집위원|통신원|PD)\s*$"
)
_PORTAL_NAME = regexcache.compile(
    r"(?:네이버|다음|네이트|Daum|NAVER|Naver|nate)(?:\s*(?:뉴스|스포츠|연예|News))?", regex.I
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
    canonical_url: str | None = None  # the page's own (canonical link, og:url)
    reporters: list[Reporter] = field(default_factory=list)
    page_title: str | None = None  # the <title> text: the last resort for the headline
    # Where title, published and publisher came from ("og:title", "jsonld:datePublished" ...).
    sources: dict[str, str] = field(default_factory=dict)
    publisher_weak: list[tuple[str, str]] = field(default_factory=list)  # after the body's own
    date_candidates: list[tuple[str, str]] = field(default_factory=list)  # (source, ISO date)
    url_date: str | None = None  # a date in the URL: evidence for the dates, never a value
    meta_title: tuple[str, str] | None = None  # (source, og:title or the like, cleaned)
    page_title_ref: str | None = None  # the <title> as a headline to agree on (not a bare site name)

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
            "canonical_url": self.canonical_url,
            "reporters": list(self.reporters),
            "meta_sources": dict(self.sources) or None,
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
    if len(text) <= 20 and not ("@" in text and regex.search(EMAIL, text)) and not regex.search(r"https?:", text):
        return text
    return None


def from_jsonld_people(value: Any) -> list[Reporter]:
    out = []
    for name, email in people(value):
        name = _ROLE_TAIL.sub("", name).strip()
        if is_person(name) and not publishers.find_in_text(name):
            out.append(Reporter(name, email, None))
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
    # URL: the URL given, else the page's own (canonical link, og:url), which is canonical_url.
    canonical = None
    for link in tags["link"]:
        if (link.get("rel") or "").strip().lower() == "canonical" and (link.get("href") or "").strip():
            canonical = link.get("href", "").strip()
            break
    out.canonical_url = canonical or metas.get("og:url")
    out.url = url or out.canonical_url
    host = publishers.host_of(url) or publishers.host_of(out.url)
    out.portal = (getattr(profile, "portal", None) if profile is not None else None) or portal_of_host(host)
    # Publisher: the strong evidence now; the page's weaker evidence only when it is needed
    # (read here, before the page is pruned of its footers and menus).
    strong = _strong_publishers(root, profile, metas, ld, host)
    web_brand = bool(strong) and meta_publisher.is_web_brand(strong[0][1])
    if (not strong or web_brand) and not out.portal:
        out.publisher_weak = _weak_publishers(root, metas, host, tags, home=web_brand)
    elif not out.portal:
        out.publisher_weak = [("domain", d) for d in [publishers.from_host(host)] if d]
    chosen = meta_publisher.choose(strong, None, lambda: out.publisher_weak) if strong else None
    pub = chosen[1] if chosen else None
    out.publisher = pub
    if chosen:
        out.sources["publisher"] = chosen[0]
    # Title.
    site_names = [n for n in (pub, metas.get("og:site_name")) if n]
    title = first_text(root, _xp(profile, "title"))
    source = "profile" if title else None
    for key, value in (("og:title", metas.get("og:title")), ("twitter:title", metas.get("twitter:title")),
                       ("jsonld:headline", text_of(ld.get("headline")))):
        if value:
            out.meta_title = (key, clean_title(value, site_names) or "")
            if not title:
                title, source = value, key
            break
    out.title = clean_title(title, site_names)
    if out.title and source:
        out.sources["title"] = source
    t = next(root.iter("title"), None)  # C-level tag match; find(".//title") walks in Python
    out.page_title = clean_title(text_content(t), site_names) if t is not None else None
    out.subtitle = first_text(root, _xp(profile, "subtitle")) or text_of(ld.get("alternativeHeadline"))
    # Dates: every candidate with its source; the agreement is decided once the page is read.
    out.date_candidates = _date_candidates(root, _xp(profile, "published"), metas, PUBLISHED_META,
                                           ld.get("datePublished"), "jsonld:datePublished")
    time_date = meta_dates.time_elements(tags["time"])
    if time_date:
        out.date_candidates.append(("time", time_date))
    modified = _date_candidates(root, _xp(profile, "modified"), metas, MODIFIED_META, ld.get("dateModified"),
                                "jsonld:dateModified")
    out.modified = modified[0][1] if modified else None
    out.url_date = meta_dates.url_date(out.url, url)
    if out.date_candidates:
        got = meta_dates.agree(out.date_candidates, [out.url_date] if out.url_date else [])
        if got:
            out.sources["published"], out.published = got
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


_PUBLISHER_METAS = ("og:article:author", "article:publisher_name")


def _strong_publishers(
    root: Element, profile: Any, metas: dict[str, str], ld: dict[str, Any], host: str | None
) -> list[tuple[str, str]]:
    """The publisher evidence the page states outright, in order of trust."""
    out: list[tuple[str, str]] = []
    pub = getattr(profile, "publisher", None) if profile is not None else None
    # A profile found by its markers alone on a host it does not list (a generic container id
    # such as #article_body on another outlet's page) is a guess: the page's own statements win.
    foreign = pub is not None and _foreign_host(getattr(profile, "hosts", ()), host)
    if pub and not foreign:
        out.append(("profile", pub))
    pub = publisher_name(first_text(root, _xp(profile, "publisher_xpath")))
    if pub:
        out.append(("profile", pub))
    for key in _PUBLISHER_METAS:
        pub = publisher_name(metas.get(key))
        if pub:
            out.append((f"meta:{key}", pub))
    if not portal_of_host(host):
        site = meta_publisher.clean_name(metas.get("og:site_name"))
        if site:
            out.append(("og:site_name", site))
    pub = publisher_name(text_of(ld.get("publisher")))
    if pub:
        out.append(("jsonld:publisher", pub))
    author = metas.get("author")
    pub = publishers.find_in_text(author) if author else None
    if pub:
        out.append(("meta:author", pub))
    if foreign:
        out.append(("profile", profile.publisher))
    return out


def _foreign_host(hosts: tuple[str, ...], host: str | None) -> bool:
    """Whether ``host`` is known and is none of ``hosts`` (nor under one of them)."""
    if not host or not hosts:
        return False
    return not any(host == h or host.endswith("." + h) for h in hosts)


def _weak_publishers(
    root: Element, metas: dict[str, str], host: str | None, tags: Mapping[str, list[Element]], *, home: bool
) -> list[tuple[str, str]]:
    """The publisher evidence the page gives in passing: copyright lines, the ``<title>``'s site
    segment, the home link (when a website brand needs its press name), the host."""
    out: list[tuple[str, str]] = []
    korean, latin = meta_publisher.copyright_names(root)
    if korean:
        out.append(("copyright", korean))
    t = next(root.iter("title"), None)
    headline = metas.get("og:title") or metas.get("twitter:title")
    got = meta_publisher.title_site(text_content(t) if t is not None else None, headline,
                                    vocabulary().suffix_separators)
    if got:
        out.append(("title", got))
    if home or not out:
        out.extend(("home-link", name) for name in meta_publisher.home_links(root, host))
    got = publishers.from_host(host)
    if got:
        out.append(("domain", got))
    if latin:
        out.append(("copyright", latin))
    return out


def _date_candidates(
    root: Element, exprs: tuple[str, ...], metas: dict[str, str], keys: tuple[str, ...], ld_value: Any,
    ld_source: str,
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for expr in exprs:
        got = parse_date(first_text(root, (expr,)))
        if got:
            out.append(("profile", got))
            break
    for key in keys:
        got = parse_date(metas.get(key))
        if got:
            out.append((f"meta:{key}", got))
            break
    got = parse_date(text_of(ld_value))
    if got:
        out.append((ld_source, got))
    return out


def final_publisher(meta: Meta, body: str | None) -> str | None:
    """The publisher once the strip chain has read the body: the strong evidence, else the
    body's copyright line or byline, else the page's weaker evidence (its source recorded)."""
    if meta.publisher:
        return meta.publisher
    chosen = meta_publisher.choose([], ("body", body) if body else None, lambda: meta.publisher_weak)
    if chosen:
        meta.sources["publisher"] = chosen[0]
        return chosen[1]
    return None


# --- Fallbacks read from the visible page once the body is located ---------------------------
# Title and dates by agreement: html/meta_fill.py; bylines in the DOM: html/meta_bylines.py.
