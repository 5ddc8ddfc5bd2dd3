"""Every site profile is a tested unit: a fixture page and the record ``clean()`` must give for it.

``fixtures/sites/<profile>/page.html`` is a synthetic page that reproduces the profile's layout
(head metas, container, in-body chrome, captions, byline, related lists and footer around it);
``expected.json`` next to it holds the URL the page is cleaned with and the record fields it
must give (``title`` … ``captions``), plus ``must_not_contain``: chrome strings no paragraph or
caption may hold. A field ``clean()`` is known to get wrong is listed under ``xfail`` with the
reason; the test then fails if that field starts to pass (so the entry is removed). Keys that
start with ``_`` are notes (why an expectation is what it is).
A loaded profile without a folder, or a folder without a loaded profile, fails the suite.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import newsclean
from newsclean.decode import decode
from newsclean.html import sites
from newsclean.html.dom import Element, parse

UNITS = Path(__file__).resolve().parents[2] / "fixtures" / "sites"
FOLDERS = sorted(p.name for p in UNITS.iterdir() if p.is_dir())
SCALARS = ("title", "subtitle", "publisher", "portal", "published", "modified", "section")
LISTS = ("paragraphs", "captions")
REQUIRED = {"url", "title", "publisher", "portal", "published", "reporters", "section", *LISTS, "must_not_contain"}
KNOWN = {*REQUIRED, *SCALARS, "xfail"}
_SELF_URL = "//meta[@property='og:url'] | //link[@rel='canonical']"


def expected(name: str) -> dict[str, Any]:
    want: dict[str, Any] = json.loads((UNITS / name / "expected.json").read_text(encoding="utf-8"))
    return want


def page(name: str) -> bytes:
    return (UNITS / name / "page.html").read_bytes()


def parsed(raw: bytes) -> Element:
    """The page as the HTML path parses it (same decoding and parser)."""
    root = parse(decode(raw).text)
    assert root is not None
    return root


def mismatches(want: dict[str, Any], rec: dict[str, Any]) -> dict[str, str]:
    """Each expected field the record gets wrong → what was wanted and what came."""
    bad: dict[str, str] = {}
    for key in (*SCALARS, *LISTS):
        if key in want and rec.get(key) != want[key]:
            bad[key] = f"want {want[key]!r}, got {rec.get(key)!r}"
    got_reporters = [{"name": r["name"], "email": r.get("email")} for r in rec["reporters"]]
    if got_reporters != want["reporters"]:
        bad["reporters"] = f"want {want['reporters']!r}, got {got_reporters!r}"
    text = "\n".join([*rec["paragraphs"], *rec["captions"]])
    leaked = [junk for junk in want["must_not_contain"] if junk in text]
    if leaked:
        bad["must_not_contain"] = f"kept {leaked!r}"
    return bad


def test_every_loaded_profile_has_a_fixture_folder() -> None:
    missing = sorted({p.name for p in sites.all_profiles()} - set(FOLDERS))
    assert not missing, f"profiles without fixtures/sites/<name>/ (page.html + expected.json): {', '.join(missing)}"


def test_every_fixture_folder_is_a_loaded_profile() -> None:
    stale = sorted(set(FOLDERS) - {p.name for p in sites.all_profiles()})
    assert not stale, f"fixtures/sites folders with no profile of that name: {', '.join(stale)}"


KnownFailures = Callable[[dict[str, str], dict[str, str], str], None]


@pytest.mark.parametrize("name", FOLDERS)
def test_folder_holds_a_page_and_a_complete_expectation(name: str) -> None:
    assert (UNITS / name / "page.html").is_file()
    want = expected(name)
    assert not REQUIRED - set(want), sorted(REQUIRED - set(want))
    unknown = {k for k in want if not k.startswith("_")} - KNOWN
    assert not unknown, sorted(unknown)
    assert want["paragraphs"] and want["must_not_contain"], "a unit proves both a body and the chrome it drops"
    assert set(want.get("xfail", {})) <= {*SCALARS, *LISTS, "reporters", "must_not_contain"}


@pytest.mark.parametrize("name", FOLDERS)
def test_detection_picks_the_folders_profile(name: str) -> None:
    root = parsed(page(name))
    profile = sites.detect(root, expected(name)["url"])
    assert profile is not None and profile.name == name
    # Archive pages often come without a URL: the markers alone must recognise the template.
    for el in root.xpath(_SELF_URL):
        el.getparent().remove(el)
    profile = sites.detect(root)
    assert profile is not None and profile.name == name


@pytest.mark.parametrize("name", FOLDERS)
def test_clean_gives_the_expected_record(name: str, known_failures: KnownFailures) -> None:
    want = expected(name)
    rec = newsclean.clean(page(name), url=want["url"], entities=False).to_dict()
    assert rec["status"] == "ok", rec.get("error")
    known_failures(mismatches(want, rec), want.get("xfail", {}), "expected.json")


def test_host_beats_markers_and_unknown_hosts_fall_back_to_markers() -> None:
    tree = parsed(page("naver-news-2020"))
    assert sites.detect(tree, "https://news.naver.com/main/read.naver?oid=1").name == "naver-news-2020"
    # A mirror of the page on an unknown host is still recognised by its markers.
    tree = parsed(page("daum-v-2016"))
    for el in tree.xpath(_SELF_URL):
        el.getparent().remove(el)
    assert sites.detect(tree, "https://mirror.example/x").name == "daum-v-2016"


def test_a_host_with_no_matching_markers_still_gets_its_site_profile() -> None:
    tree = lxml.html.fromstring("<html><body><div id='other'><p>본문</p></div></body></html>")
    profile = sites.detect(tree, "https://www.hankookilbo.com/news/article/A1")
    assert profile is not None and profile.publisher == "한국일보"
