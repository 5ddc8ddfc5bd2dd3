"""Every corpus page of a known site is detected as a profile of that site (markers only: no URL)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import lxml.html
import pytest

from newsclean.html import sites
from newsclean.html.xpath import first_elements

CORPUS = Path(os.environ.get("NEWSCLEAN_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "corpus"

# SOURCES.tsv 'site' column → the profile-name prefix of that site family.
FAMILY = {
    "naver": "naver-news-",
    "naver-sports": "naver-sports-",
    "daum": "daum-v-",
    "nate": "nate-",
    "kinds": "kinds-",
}


def decoded(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")  # some pages declare euc-kr but are UTF-8
    except UnicodeDecodeError:
        return raw.decode("cp949", errors="replace")


def rows() -> list[dict[str, str]]:
    tsv = CORPUS / "SOURCES.tsv"
    if not tsv.is_file():
        return []
    with tsv.open(encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh, delimiter="\t") if r.get("site")]


@pytest.mark.corpus
@pytest.mark.parametrize("row", rows(), ids=lambda r: r["file"])
def test_corpus_page_detected_as_its_site_family(row: dict[str, str]) -> None:
    tree = lxml.html.fromstring(decoded(CORPUS / "html" / row["file"]))
    for el in tree.xpath("//meta[@property='og:url'] | //link[@rel='canonical']"):
        el.drop_tree()  # prove the markers alone recognise the template
    profile = sites.detect(tree)
    want = FAMILY.get(row["site"], row["site"] + "-")
    assert profile is not None and profile.name.startswith(want), (row["site"], profile and profile.name)
    assert first_elements(tree, profile.body), "the profile's body XPath finds the container"
