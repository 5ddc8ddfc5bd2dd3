"""Each profile against a synthetic page that reproduces its site's DOM (fixtures/html/sites/).

expected.json lists, per profile, the page URL, metadata the profile's XPaths must read, the
body sentences the container must keep and the chrome its drop XPaths must remove.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from newsclean import sites

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "html" / "sites"
EXPECTED: dict[str, dict[str, Any]] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(EXPECTED)
META_FIELDS = {
    "title": "title",
    "subtitle": "subtitle",
    "published": "published",
    "byline": "byline",
    "section": "section",
    "caption": "caption",
    "publisher": "publisher_xpath",
}


def load(name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((FIXTURES / f"{name}.html").read_text(encoding="utf-8"))


def without_self_url(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    for el in tree.xpath("//meta[@property='og:url'] | //link[@rel='canonical']"):
        el.drop_tree()
    return tree


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_shipped_profile_family_has_a_fixture_for_portals() -> None:
    portals = {p.name for p in sites.all_profiles() if p.portal}
    for name in ("naver-news-2017", "naver-news-2020", "naver-sports-2017", "daum-v-2016", "daum-v-2023"):
        assert name in portals and name in EXPECTED
    assert any(n.startswith("nate-") for n in EXPECTED)
    assert sum(1 for n in EXPECTED if sites.by_name()[n].portal is None) >= 8


@pytest.mark.parametrize("name", NAMES)
def test_detected_by_markers_without_url(name: str) -> None:
    profile = sites.detect(without_self_url(load(name)))
    assert profile is not None and profile.name == name


@pytest.mark.parametrize("name", [n for n in NAMES if EXPECTED[n]["url"]])
def test_detected_by_url(name: str) -> None:
    profile = sites.detect(load(name), EXPECTED[name]["url"])
    assert profile is not None and profile.name == name
    assert any(sites.host_of(EXPECTED[name]["url"]).endswith(h) for h in profile.hosts)


@pytest.mark.parametrize("name", NAMES)
def test_metadata_xpaths_read_the_template(name: str) -> None:
    tree = load(name)
    profile = sites.by_name()[name]
    for key, want in EXPECTED[name]["meta"].items():
        got = sites.first_text(tree, getattr(profile, META_FIELDS[key]))
        assert got is not None and squash(got) == squash(want), (key, got)


@pytest.mark.parametrize("name", NAMES)
def test_body_container_keeps_text_and_drop_removes_chrome(name: str) -> None:
    tree = load(name)
    profile = sites.by_name()[name]
    chrome = EXPECTED[name]["chrome"]
    before = sites.select(tree, profile.body)
    assert before, "the body XPath finds no container"
    before_text = squash(" ".join(el.text_content() for el in before))
    # The fixture puts its chrome inside the container, so the drops have something to prove.
    assert any(c in before_text for c in chrome) or not chrome
    sites.drop_chrome(tree, profile)
    after = sites.select(tree, profile.body)
    text = squash(" ".join(el.text_content() for el in after))
    for sentence in EXPECTED[name]["body"]:
        assert squash(sentence) in text
    for junk in chrome:
        assert junk not in text, junk


def test_host_beats_markers_and_unknown_hosts_fall_back_to_markers() -> None:
    tree = load("naver-news-2020")
    assert sites.detect(tree, "https://news.naver.com/main/read.naver?oid=1").name == "naver-news-2020"
    # A mirror of the page on an unknown host is still recognised by its markers.
    assert sites.detect(without_self_url(load("daum-v-2016")), "https://mirror.example/x").name == "daum-v-2016"


def test_a_host_with_no_matching_markers_still_gets_its_site_profile() -> None:
    tree = lxml.html.fromstring("<html><body><div id='other'><p>본문</p></div></body></html>")
    profile = sites.detect(tree, "https://www.hankookilbo.com/news/article/A1")
    assert profile is not None and profile.publisher == "한국일보"


def test_daum_summary_layer_and_translate_notice_are_dropped_around_the_body() -> None:
    tree = load("daum-v-2023")
    sites.drop_chrome(tree, sites.by_name()["daum-v-2023"])
    page = squash(tree.text_content())
    assert "내일 중부에 비 소식이 있다." not in page  # the AI-summary box repeats the story
    assert "번역중 Now in translation" not in page
    assert "중부 지방 내일 비" in page  # the head (title) is untouched
