"""Site-profile files: validation on load, XPath shorthand, host/marker detection rules."""

from __future__ import annotations

import lxml.html
import pytest

from newsclean.html import sites
from newsclean.html.sites.loader import ProfileError, expand, load_profiles, profiles_from, site_files


def doc(**profile: object) -> dict[str, object]:
    base: dict[str, object] = {"name": "x-2020", "markers": ["//div[@id='a']"], "body": ["//div[@id='a']"]}
    base.update(profile)
    return {"profiles": [base]}


def test_every_shipped_file_loads_and_names_are_unique() -> None:
    profiles = load_profiles()
    assert len(profiles) >= len(site_files()) >= 10
    assert len({p.name for p in profiles}) == len(profiles)
    for p in profiles:
        assert p.body and p.markers, p.name
        assert all(h == h.lower() and not h.startswith(".") for h in p.hosts), p.name


def test_unknown_key_names_file_and_profile() -> None:
    with pytest.raises(ProfileError, match=r"data/sites/x\.json.*bodyy"):
        profiles_from(doc(bodyy=["//p"]), "data/sites/x.json")


def test_bad_xpath_fails_at_load_naming_the_profile() -> None:
    with pytest.raises(ProfileError, match=r"profile 'x-2020'.*'title'"):
        profiles_from(doc(title=["//h1[@class="]), "data/sites/x.json")


def test_wrong_types_and_missing_keys_are_rejected() -> None:
    with pytest.raises(ProfileError, match="missing required"):
        profiles_from({"profiles": [{"name": "y", "markers": ["//p"]}]}, "f.json")
    with pytest.raises(ProfileError, match="priority"):
        profiles_from(doc(priority="high"), "f.json")
    with pytest.raises(ProfileError, match="unknown top-level"):
        profiles_from({"profile": []}, "f.json")


def test_defaults_merge_and_private_keys_are_ignored() -> None:
    profile = {"name": "d", "_what": "note", "markers": "//p", "body": "//p"}
    raw = {"defaults": {"portal": "daum"}, "profiles": [profile]}
    (p,) = profiles_from(raw, "f.json")
    assert p.portal == "daum" and p.markers == ("//p",)


def test_class_token_shorthand_matches_whole_tokens_only() -> None:
    tree = lxml.html.fromstring(
        "<html><body><div class='news_view fs1'>a</div><div class='news_viewer'>b</div></body></html>"
    )
    xp = expand("//div[@class~='news_view']")
    assert "~=" not in xp
    assert [d.text for d in tree.xpath(xp)] == ["a"]


def test_required_id_only_for_plain_leading_id_steps() -> None:
    assert sites.required_id("//div[@id='dic_area']//p") == "dic_area"
    assert sites.required_id('//*[@id="x"]') == "x"
    assert sites.required_id("//div[@id='a'] | //div[@id='b']") is None
    assert sites.required_id("//div[@class='a']") is None


def test_detect_returns_none_for_unknown_pages() -> None:
    tree = lxml.html.fromstring("<html><head><title>t</title></head><body><p>본문</p></body></html>")
    assert sites.detect(tree) is None
    assert sites.detect(tree, "https://example.org/a/1") is None


def test_every_marker_is_cheap_to_rule_out() -> None:
    """Markers start with an id step (ruled out by one id scan) or a <head> meta test."""
    for p in load_profiles():
        for marker in p.markers:
            assert sites.required_id(marker) or marker.startswith("/html/head/"), (p.name, marker)


def test_every_shipped_xpath_compiles() -> None:
    # The loader compiles expressions when first used; this is where they are all checked.
    from newsclean.html.sites.loader import check_xpaths

    check_xpaths(load_profiles())


def test_bad_xpath_loaded_unchecked_is_named_when_first_compiled() -> None:
    from newsclean.html.sites.loader import compiled

    (p,) = profiles_from(doc(title=["//h2[@class="]), "data/sites/y.json", check=False)
    with pytest.raises(ProfileError, match=r"data/sites/y\.json.*profile 'x-2020'.*'title'"):
        compiled(p.title[0])
