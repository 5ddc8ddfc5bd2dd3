"""The fast XPath plans (id() anchors, descendant:: steps, substring pre-tests) select exactly
what the profile's own expression selects, on pages built to trip them up and on every fixture
page with every profile expression."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from newsclean.decode import decode
from newsclean.html.dom import drop, ids_defined_twice, parse, prune
from newsclean.html.sites import detect
from newsclean.html.sites.loader import load_profiles
from newsclean.html.xpath import descendant_steps, evaluate, matches

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# Generic pages, and each site profile's page (fixtures/sites/<profile>/page.html).
PAGES = sorted([*FIXTURES.glob("html/*/*.html"), *FIXTURES.glob("sites/*/page.html")])
XPATH_FIELDS = (
    "markers",
    "body",
    "drop",
    "title",
    "subtitle",
    "published",
    "modified",
    "byline",
    "section",
    "caption",
    "publisher_xpath",
)

TRICKY = """<html><head><title>t</title></head><body>
<div id="top"><a name="main">앵커</a><p>위</p></div>
<div id="main" class="news body"><p>첫 문단</p><p>둘째 <b>문단</b></p><span id="dup">하나</span>
  <ul><li>가</li><li>나</li></ul><ul><li>다</li><li>라</li></ul></div>
<section id="dup"><p>둘</p></section>
<div id="gone"><p id="inner">지울 상자</p></div>
<div class="x-y"><h2>제목</h2><em class="date">2024.01.02</em></div>
</body></html>"""

EXPRESSIONS = [
    "//*[@id='main']",
    "//div[@id='main']//p",
    "//section[@id='main']",
    "//*[@id='main']//li[1]",
    "//*[@id='main']/ul[2]/li",
    "//*[@id='dup']",
    "//*[@id='dup']//p",
    "//*[@id='gone']//p",
    "//*[@id='inner']",
    "//*[@id='nothing']//p",
    "//*[@id='main']//p/text()",
    "//*[@id='main']//b | //h2",
    "//li[1]",
    "//li[last()]",
    "//*[position() = 2]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' news ')]//p[2]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' x-y ')]//em[contains(@class, 'date')]/text()",
    "//*[.//h2]",
    "count(//*[@id='main']//p)",
    "boolean(//*[@id='gone'])",
    "string(//*[@id='main']//b)",
]


def _same(old: object, new: list[object]) -> bool:
    empty = old is None or old is False or old == ""  # not ``in``: 0.0 == False
    old_list = old if isinstance(old, list) else ([] if empty else [old])
    if len(old_list) != len(new):
        return False
    return all(a is b if isinstance(a, etree._Element) else a == b for a, b in zip(old_list, new, strict=True))


def _check_all(root: etree._Element, exprs: list[str]) -> None:
    for expr in exprs:
        old = etree.XPath(expr)(root)
        assert _same(old, evaluate(root, expr)), expr
        assert matches(root, expr) == (len(old) > 0 if isinstance(old, list) else bool(old)), expr


# Over a hundred parse errors before the ids: libxml2's log then may have lost the messages that
# name repeated ids, so the plans must scan the page's ids instead of trusting the log.
NOISY = TRICKY.replace("<body>", "<body>" + "<b><i>x</b></i>" * 120)


@pytest.mark.parametrize("page", [TRICKY, NOISY], ids=["ids-from-parse-log", "ids-from-scan"])
def test_plans_match_plain_xpath_before_and_after_elements_are_dropped(page: str) -> None:
    root = parse(page)
    assert root is not None
    assert (ids_defined_twice(root) is None) == (page is NOISY)
    _check_all(root, EXPRESSIONS)
    kept = root.xpath("//*[@id='gone']")[0]  # a live proxy keeps the dropped subtree (and its ids) alive
    drop(kept)
    _check_all(root, EXPRESSIONS)
    assert evaluate(root, "//*[@id='inner']") == []
    del kept  # now the dropped subtree is freed, and its ids leave libxml2's table
    _check_all(root, EXPRESSIONS)
    drop(root.xpath("//*[@id='main']")[0])  # the id an <a name> also holds
    _check_all(root, EXPRESSIONS)


def _scanned_twice(root: etree._Element) -> set[str]:
    ids = [str(v) for v in root.xpath("//@id")]
    return {v for v in ids if ids.count(v) > 1}


def _check_ids_from_log(pages: list[Path]) -> int:
    repeated = 0
    for page in pages:
        root = parse(decode(page.read_bytes()).text)
        assert root is not None
        twice = ids_defined_twice(root)
        assert twice is not None and twice == _scanned_twice(root), page.name
        repeated += len(twice)
        assert ids_defined_twice(parse("<p>another page</p>")) == frozenset()
        assert ids_defined_twice(root) is None  # only the last page parsed is known
    return repeated


def test_ids_defined_twice_from_the_parse_log_match_a_scan_on_fixtures() -> None:
    _check_ids_from_log(PAGES)


@pytest.mark.corpus
def test_ids_defined_twice_from_the_parse_log_match_a_scan_on_the_corpus(corpus_dir: Path) -> None:
    assert _check_ids_from_log(sorted((corpus_dir / "html").glob("*.htm*"))) > 0  # real pages repeat ids


def test_positional_steps_are_left_alone() -> None:
    assert descendant_steps("//li[1]") == "//li[1]"
    assert descendant_steps("//li[last()]") == "//li[last()]"
    assert descendant_steps("//x[count(y)]") == "//x[count(y)]"
    assert descendant_steps("//x[@a div @b]") == "//x[@a div @b]"
    assert descendant_steps("//div[@id='a']//p[.//h2]") == "/descendant::div[@id='a']/descendant::p[.//h2]"
    assert descendant_steps("//a//text()") == "//a//text()"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_profile_expression_on_fixture_pages(page: Path) -> None:
    exprs = sorted({e for p in load_profiles() for f in XPATH_FIELDS for e in getattr(p, f)})
    root = parse(decode(page.read_bytes()).text)
    assert root is not None
    profile = detect(root, None)
    _check_all(root, exprs)
    prune(root)
    for expr in profile.drop if profile else ():
        for el in evaluate(root, expr):
            if isinstance(el, etree._Element):
                drop(el)
    _check_all(root, exprs)


SHARED_STARTS = """<html><head><title>t</title></head><body>
<div class="lone box"><p>하나</p><p class="note">둘</p><img src="a.jpg" alt="사진"/></div>
<div class="pair"><p>셋</p><div class="pair"><p>넷</p></div></div>
<section class="pair"><p>다섯</p></section>
<div class="gone"><p>지울 문단</p></div>
</body></html>"""


def _token(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def test_shared_class_starts_follow_drops() -> None:
    """Expressions sharing a ``//tag[class-token]`` start agree with plain XPath as boxes go."""
    exprs = [
        f"//div[{_token('lone')}]",
        f"//div[{_token('lone')}]//p",
        f"//div[{_token('lone')}]/p[2]/text()",
        f"//div[{_token('lone')}]//img/@alt",
        f"//div[{_token('lone')}]//*[{_token('note')}]",
        f"//*[{_token('pair')}]/p",
        f"//div[{_token('pair')}]//p",
        f"//div[{_token('gone')}]//p",
        f"//div[{_token('gone')}]/..",
        f"//div[{_token('missing')}]//p",
    ]
    root = parse(SHARED_STARTS)
    assert root is not None
    _check_all(root, exprs)  # the starts are scanned here and kept for the page
    gone = root.xpath(f"//div[{_token('gone')}]")[0]  # a live proxy keeps the dropped box alive
    drop(gone)
    outer_pair = root.xpath(f"//div[{_token('pair')}]")[0]
    drop(outer_pair)  # two divs.pair were found at first, none is left
    _check_all(root, exprs)
    assert evaluate(root, f"//div[{_token('gone')}]//p") == []
    assert [p.text for p in evaluate(root, f"//*[{_token('pair')}]/p")] == ["다섯"]
    drop(root.xpath(f"//div[{_token('lone')}]")[0])
    _check_all(root, exprs)
    assert evaluate(root, f"//div[{_token('lone')}]//p") == []


META_PAGE = """<html><head><title>t</title>
<meta property="og:title" content="  첫 제목 "/><meta property="og:title" content="둘째 제목"/>
<meta name="author" content=""/><meta name="author"/><meta property="article:section"/>
</head><body><div class="box"><meta itemprop="datePublished" content="2024-01-02"/>
<meta name="author" content="상자 안 기자"/></div><p>본문</p></body></html>"""


def test_meta_contents_follow_plain_xpath_and_drops() -> None:
    exprs = [
        "//meta[@property='og:title']/@content",
        "//meta[@name='author']/@content",
        "//meta[@name = 'author']/@content",
        "//meta[@itemprop='datePublished']/@content",
        "//meta[@property='article:section']/@content",
        "//meta[@property='missing']/@content",
    ]
    root = parse(META_PAGE)
    assert root is not None
    _check_all(root, exprs)
    box = root.xpath("//div[@class='box']")[0]  # a live proxy keeps the dropped metas alive
    drop(box)
    _check_all(root, exprs)
    assert evaluate(root, "//meta[@itemprop='datePublished']/@content") == []
