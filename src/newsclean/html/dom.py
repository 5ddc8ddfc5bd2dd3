"""Parsing and pruning: decoded text → an lxml tree without scripts, comments or hidden nodes."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple, TypeAlias

from lxml import etree

from ..resources import load_json
from .depth import flatten_deep

# The tree is made of plain ``lxml.etree`` elements: the ``lxml.html`` element classes are
# Python subclasses (slower to create and free for every element the code touches, ~20 % in
# element-heavy loops) and ``lxml.html`` costs ~6 ms to import. What this package used from them
# is here: :func:`text_content` and :func:`drop`.
Element: TypeAlias = etree._Element

_OPTIONS = {"remove_comments": True, "remove_pis": True, "no_network": True, "recover": True, "huge_tree": True}
PARSER = etree.HTMLParser(**_OPTIONS)
# For bytes known to be UTF-8: the encoding is given, so no <meta> or XML declaration in the
# page can switch it.
UTF8_PARSER = etree.HTMLParser(encoding="utf-8", **_OPTIONS)
_STRING = etree.XPath("string()", smart_strings=False)


def text_content(el: Element) -> str:
    """The text of ``el`` and everything in it (``lxml.html``'s ``text_content``)."""
    return str(_STRING(el))


def document(data: str | bytes, parser: etree.HTMLParser = PARSER) -> Element:
    """The root of the page ``data`` (``lxml.html.document_fromstring``)."""
    root = etree.fromstring(data, parser)
    if root is None:
        raise etree.ParserError("Document is empty")
    return root

# Linear patterns (no nested repeats): the stdlib ``re`` is enough and cheaper to import.
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
# Control characters and non-characters; compiled by ``re`` (and cached) only when a page has one.
_NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]"
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_CONTROL_BYTE_STRINGS = tuple(bytes([c]) for c in _CONTROL_BYTES)


def _has_non_xml(text: str) -> bool:
    """Whether ``text`` holds a character XML forbids: ~4x cheaper than scanning with ``_NOT_XML``
    (UTF-8 encoding and a byte deletion run in C; surrogates make the encoding fail)."""
    if "\ufffe" in text or "\uffff" in text:
        return True
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return len(raw.translate(None, _CONTROL_BYTES)) != len(raw)


_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class Vocabulary(NamedTuple):
    drop_tags: tuple[str, ...]
    chrome_tags: frozenset[str]
    chrome_tokens: frozenset[str]
    hidden_tokens: frozenset[str]
    caption_tokens: frozenset[str]
    body_tokens: frozenset[str]
    suffix_separators: tuple[str, ...]


@cache
def vocabulary() -> Vocabulary:
    d = load_json("html.json")
    return Vocabulary(
        tuple(d["drop_tags"]),
        frozenset(d["chrome_tags"]),
        frozenset(d["chrome_tokens"]),
        frozenset(d["hidden_tokens"]),
        frozenset(d["caption_tokens"]),
        frozenset(d["body_tokens"]),
        tuple(d["site_suffix_separators"]),
    )


def bytes_xml_safe(data: bytes, encoding: str) -> bool:
    """True when ``data`` strictly decoded as ``encoding`` cannot hold a character XML forbids,
    judged on the bytes (no text encoding): UTF-8 and cp949 give control characters only for the
    same bytes, never surrogates, and U+FFFE/U+FFFF only for their UTF-8 sequences."""
    if encoding not in ("utf-8", "cp949"):
        return False
    i = data.find(b"\xef")  # U+FFFE/U+FFFF are EF BF BE/BF; EF is rare, and memchr finds it fast
    while i != -1:
        if data[i + 1 : i + 3] in (b"\xbf\xbe", b"\xbf\xbf"):
            return False
        i = data.find(b"\xef", i + 1)
    # One memchr per control byte: ~3x faster than deleting them with bytes.translate.
    return not any(c in data for c in _CONTROL_BYTE_STRINGS)


def parse(text: str, xml_safe: bool = False, utf8: bytes | None = None) -> Element | None:
    """Parse decoded HTML; None when there is nothing to parse. ``xml_safe``: the caller knows
    the text holds no character XML forbids (see :func:`bytes_xml_safe`). ``utf8``: the bytes
    the text was strictly decoded from as UTF-8 (see :func:`newsclean.decode.utf8_source`):
    libxml2 reads them as they are, ~0.13 ms a page cheaper than converting the text back."""
    decl = _XML_DECL.match(text)  # lxml refuses text that declares an encoding
    if decl:
        text = text[decl.end() :]
    if not xml_safe and _has_non_xml(text):  # libxml2 keeps them in text; lxml refuses them when a node is edited
        text = re.sub(_NOT_XML, "", text)
    if not text or text.isspace():
        return None
    if utf8 is not None and xml_safe:
        return _parse_with(UTF8_PARSER, utf8, text)
    return _parse_with(PARSER, text, text)


def _parse_with(parser: etree.HTMLParser, data: str | bytes, text: str) -> Element | None:
    """Parse ``data`` (``text``, or the bytes it was decoded from) and note what the log says."""
    global _last_parse
    try:
        root = document(data, parser)
        log = parser.error_log
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in log):
            # Nested deeper than libxml2 allows: it dropped the rest. Flatten and parse again.
            root = document(flatten_deep(text))
            log = PARSER.error_log
    except (etree.ParserError, ValueError):
        return None
    _last_parse = (root, _ids_defined_twice(log))
    return root


# libxml2 registers every ``id`` (and ``<a name>``) in the document's ID table while it parses,
# and logs each value registered a second time ("ID x already defined"). That log tells which
# ids are not unique without a scan of the page's attributes. It holds at most ~100 messages a
# level, so a log that long may have lost some: then the page's ids are unknown.
_LOG_CAP = 100
_ID_MESSAGE = ("ID ", " already defined")
_last_parse: tuple[Element, frozenset[str] | None] | None = None


def _redefined(log: etree._ListErrorLog) -> frozenset[str]:
    head, tail = _ID_MESSAGE
    return frozenset(
        e.message[len(head) : -len(tail)]
        for e in log
        if e.type_name == "DTD_ID_REDEFINED" and e.message.startswith(head) and e.message.endswith(tail)
    )


def _ids_defined_twice(log: etree._ListErrorLog) -> frozenset[str] | None:
    if len(log) >= _LOG_CAP or not _id_log_works():
        return None
    return _redefined(log)


@cache
def _id_log_works() -> bool:
    """Whether this libxml2 logs repeated ids the way :func:`_redefined` reads them."""
    document('<p id="a b">1</p><p id="a b">2</p><p id="가">3</p><p id="가">4</p><p id="c">5</p>')
    return _redefined(PARSER.error_log) == {"a b", "가"}


def ids_defined_twice(root: etree._Element) -> frozenset[str] | None:
    """The ids that more than one element of ``root``'s page carried when it was parsed (by
    :func:`parse`, the last page parsed only); None when unknown (then scan the page)."""
    last = _last_parse
    if last is None or last[0] is not root:
        return None
    return last[1]


@cache
def _tokens_of(value: str) -> frozenset[str]:
    words: set[str] = set()
    for name in value.split():
        low = name.lower()
        words.add(low)
        words.update(w for w in _WORD_SPLIT.split(_CAMEL.sub("_", name).lower()) if w)
    return frozenset(words)


# The elements the metadata and JSON-LD readers take from the unpruned page, by tag.
PAGE_TAGS = ("meta", "link", "script", "time")


def by_tag(root: Element, tags: tuple[str, ...] = PAGE_TAGS) -> dict[str, list[Element]]:
    """The elements of each tag in ``tags``, in document order: one walk of the page in C
    instead of one per tag (each walk touches every node: ~90 µs on a large portal page)."""
    out: dict[str, list[Element]] = {t: [] for t in tags}
    for el in root.iter(*tags):
        out[el.tag].append(el)
    return out


def tokens(el: Element) -> frozenset[str]:
    """The words of an element's class and id (``article_body`` → article_body, article, body)."""
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return frozenset()
    return _tokens_of(f"{cls or ''} {ident or ''}")


def is_hidden(el: Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _DISPLAY_NONE.search(style))


def drop(el: Element) -> None:
    """Remove an element but keep its tail text (an ad script inside a word joins the word):
    the tail joins the previous sibling's tail or the parent's text (``lxml.html``'s
    ``drop_tree``)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + tail
        else:
            previous.tail = (previous.tail or "") + tail
    parent.remove(el)


# The elements that carry an attribute ``is_hidden`` reads. Attribute steps are one cheap pass in
# libxml2; ``//*[@hidden or ...]`` would test every element's attributes through the XPath engine.
# ``/descendant::*/@x`` rather than ``//@x``: libxml2 lists the elements only, not every node.
_HIDING_ATTRS = etree.XPath(
    "/descendant::*/@hidden/.. | /descendant::*/@aria-hidden/.. | /descendant::*/@style/.."
)


# The tag hidden elements get before one ``strip_elements`` removes them all (not an HTML name).
_DOOMED = "newsclean-drop"


def prune(root: Element) -> None:
    """Drop non-text elements, page furniture and hidden nodes, in place (the search runs in C).

    Removal is ``strip_elements`` (one pass in C, tails kept) rather than ``drop`` per element,
    which moves each removed subtree to a document of its own first: ~0.3 ms a page. A removed
    element's tail then stays a text node of its own, so ``text()`` steps may see two where
    ``drop`` left one; ``.text``, ``.tail``, ``itertext()`` and ``string()`` read the same.
    """
    voc = vocabulary()
    etree.strip_elements(
        root, *voc.drop_tags, *voc.chrome_tags, etree.Comment, etree.ProcessingInstruction, with_tail=False
    )
    # Hidden elements: marked with a tag of their own, then removed in one more pass.
    marked = False
    for el in _HIDING_ATTRS(root):
        if is_hidden(el) and el.getparent() is not None:
            el.tag = _DOOMED
            marked = True
    if marked:
        etree.strip_elements(root, _DOOMED, with_tail=False)


def drop_chrome_inside(container: Element) -> int:
    """Drop boxes inside the article container whose class/id names them chrome or hidden text.

    A box holding most of the container's text is kept (a badly named wrapper, not a widget).
    """
    voc = vocabulary()
    total = len(text_content(container)) or 1
    doomed = []
    for el in container.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        toks = tokens(el)
        if not toks:
            continue
        if toks & voc.hidden_tokens or (toks & voc.chrome_tokens and not toks & voc.caption_tokens):
            doomed.append(el)
    n = 0
    for el in doomed:
        if el.getparent() is None or _detached(el, container):
            continue
        if len(text_content(el)) > 0.5 * total:
            continue
        drop(el)
        n += 1
    return n


def _detached(el: Element, container: Element) -> bool:
    return all(anc is not container for anc in el.iterancestors())
