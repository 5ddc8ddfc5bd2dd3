"""Script state on real pages: with the article's DOM container deleted (a redesign that moved
the article into scripts), a corpus page whose scripts carry a framework state (flight rows,
``__NEXT_DATA__``, a state assignment) still gives its article."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from newsclean import clean
from newsclean.html import sites
from newsclean.html.dom import by_tag, parse
from newsclean.html.state_scan import payloads
from newsclean.html.xpath import first_elements


def _without_container(raw: bytes) -> tuple[str, bool]:
    """The page with its profile's body container(s) removed, and whether it had any."""
    tree = lxml.html.fromstring(raw)
    profile = sites.detect(tree)
    found = first_elements(tree, profile.body) if profile is not None else []
    for el in found:
        if isinstance(el, lxml.etree._Element) and el.getparent() is not None:
            el.getparent().remove(el)
    return lxml.etree.tostring(tree, encoding="unicode"), bool(found)


@pytest.mark.corpus
def test_article_comes_back_from_framework_state(corpus_dir: Path) -> None:
    checked = 0
    for page in sorted((corpus_dir / "html").glob("*.html")):
        raw = page.read_bytes()
        root = parse(raw.decode("utf-8", "replace"))
        assert root is not None
        if not {route for route, _ in payloads(by_tag(root)["script"])} & {"flight", "json", "assign"}:
            continue
        html, had = _without_container(raw)
        if not had:
            continue
        gold = json.loads((corpus_dir / "gold" / f"{page.stem}.json").read_text(encoding="utf-8"))["paragraphs"]
        art = clean(html, entities=False)
        assert art.status == "ok" and (art.stats.body_route or "").startswith("state:"), page.name
        found = sum(any(p[:40] in q for q in art.paragraphs) for p in gold)
        assert found >= 0.9 * len(gold), (page.name, found, len(gold))
        checked += 1
    assert checked >= 1  # the corpus holds at least one such page (an App Router rebuild)
