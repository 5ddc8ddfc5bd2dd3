"""One-walk shortcuts of the HTML path read the same page as the walks they replace: ``by_tag``
gives each tag's elements in document order, ``prune`` (strip_elements in C) leaves the same text
as dropping each element with ``drop``."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from newsclean.decode import decode
from newsclean.html.dom import (
    _HIDING_ATTRS,
    PAGE_TAGS,
    by_tag,
    drop,
    is_hidden,
    parse,
    prune,
    text_content,
    vocabulary,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html"
PAGES = sorted(FIXTURES.rglob("*.html"))


def page(path: Path) -> etree._Element:
    root = parse(decode(path.read_bytes()).text)
    assert root is not None
    return root


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_by_tag_is_one_iter_per_tag(path: Path) -> None:
    root = page(path)
    got = by_tag(root)
    assert set(got) == set(PAGE_TAGS)
    for tag in PAGE_TAGS:
        assert got[tag] == list(root.iter(tag))


def prune_one_by_one(root: etree._Element) -> None:
    """What ``prune`` did before: find everything, then ``drop`` each element."""
    voc = vocabulary()
    etree.strip_elements(root, *voc.drop_tags, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    doomed = list(root.iter(*voc.chrome_tags))
    doomed.extend(el for el in _HIDING_ATTRS(root) if el.tag not in voc.chrome_tags and is_hidden(el))
    for el in doomed:
        drop(el)


def text_view(root: etree._Element) -> list[tuple[str, str | None, str | None]]:
    return [(el.tag, el.text, el.tail) for el in root.iter() if isinstance(el.tag, str)]


HIDDEN_AND_CHROME = """<html><body><div id="a">머리<nav>메뉴<p hidden>숨은</p></nav>꼬리
<p>본문<span style="display: none">숨김</span>이어짐<span aria-hidden="true">아이콘</span>끝</p>
<div style="VISIBILITY:hidden"><p>안 보임<span hidden>겹침</span></p></div>뒤
<aside>옆</aside><footer>발<span style="display:none">x</span></footer>마지막</div>
<p style="color: red">보이는 <b hidden></b>글</p></body></html>"""


@pytest.mark.parametrize("path", [None, *PAGES], ids=lambda p: "hidden-and-chrome" if p is None else p.name)
def test_prune_leaves_the_text_of_dropping_one_by_one(path: Path | None) -> None:
    def fresh() -> etree._Element:
        root = parse(HIDDEN_AND_CHROME) if path is None else page(path)
        assert root is not None
        return root

    ours, theirs = fresh(), fresh()
    prune(ours)
    prune_one_by_one(theirs)
    assert text_view(ours) == text_view(theirs)
    assert "".join(ours.itertext()) == "".join(theirs.itertext())
    if path is None:
        text = "".join(ours.itertext())
        assert "머리꼬리" in text and "본문이어짐끝" in text and "뒤" in text and "마지막" in text
        for gone in ("메뉴", "숨은", "숨김", "아이콘", "안 보임", "옆", "발"):
            assert gone not in text
        assert not list(ours.iter("newsclean-drop"))


@pytest.mark.parametrize("path", PAGES[::3], ids=lambda p: p.name)
def test_drop_and_text_content_match_lxml_html(path: Path) -> None:
    """The tree is plain lxml.etree; ``drop`` and ``text_content`` do what lxml.html's
    ``drop_tree`` and ``text_content`` did (tails join the previous sibling or the parent)."""
    import lxml.html

    text = decode(path.read_bytes()).text
    ours = parse(text)
    # The same parse options as newsclean's parser (comments and processing instructions gone).
    ref_parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    theirs = lxml.html.document_fromstring(text.encode("utf-8"), parser=ref_parser)
    assert ours is not None
    ours_els = [el for el in ours.iter() if isinstance(el.tag, str)]
    theirs_els = [el for el in theirs.iter() if isinstance(el.tag, str)]
    assert [e.tag for e in ours_els] == [e.tag for e in theirs_els]
    for a, b in list(zip(ours_els, theirs_els, strict=True))[::5]:
        assert text_content(a) == b.text_content()
    # Drop every 9th element still in the tree (its tail, if any, stays in place).
    for i, (a, b) in enumerate(zip(ours_els, theirs_els, strict=True)):
        if i % 9 == 4 and a.getparent() is not None and b.getparent() is not None:
            drop(a)
            b.drop_tree()
    assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")
    assert text_content(ours) == theirs.text_content()
