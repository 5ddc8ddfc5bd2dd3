"""Layouts newsclean has no profile for: the generic path (and the CMS families) must read them.

``fixtures/html/unseen/<layout>.html`` is a synthetic page that reproduces the DOM of a kind of
Korean news page outside the profiled sites (a broadcaster's 2021+ end page, a wire service's
2022 story page, small-publisher, mobile, AMP and portal pages: container ids and classes,
where the byline, date, related boxes, reporter cards, promos, rankings and captions sit), with
invented text. ``<layout>.json`` holds the URL it is cleaned with (a host no profile lists), the
record fields it must give and ``must_not_contain``: chrome no paragraph or caption may hold.
``_layout`` says what the page reproduces. A field ``clean()`` is known to get wrong is listed
under ``xfail`` with the reason; the test then fails once the field passes (remove the entry).

Run as a script (``python tests/html/test_unseen_layouts.py``) it prints body F1 (bag of
tokens, as the shared scorer counts it), leak (share of ``must_not_contain`` kept) and the
body route per page.
"""

from __future__ import annotations

import collections
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsclean

UNSEEN = Path(__file__).resolve().parents[2] / "fixtures" / "html" / "unseen"
NAMES = sorted(p.stem for p in UNSEEN.glob("*.html"))
FIELDS = ("title", "publisher", "published", "paragraphs", "captions")
REQUIRED = {"url", *FIELDS, "reporters", "must_not_contain"}


def expected(name: str) -> dict[str, Any]:
    want: dict[str, Any] = json.loads((UNSEEN / f"{name}.json").read_text(encoding="utf-8"))
    return want


def record(name: str) -> dict[str, Any]:
    raw = (UNSEEN / f"{name}.html").read_bytes()
    rec: dict[str, Any] = newsclean.clean(raw, url=expected(name)["url"], entities=False).to_dict()
    return rec


def leaked(want: dict[str, Any], rec: dict[str, Any]) -> list[str]:
    text = "\n".join([*rec["paragraphs"], *rec["captions"]])
    return [junk for junk in want["must_not_contain"] if junk in text]


def mismatches(want: dict[str, Any], rec: dict[str, Any]) -> dict[str, str]:
    """Each expected field the record gets wrong → what was wanted and what came."""
    bad = {k: f"want {want[k]!r}, got {rec.get(k)!r}" for k in FIELDS if rec.get(k) != want[k]}
    got = [{"name": r["name"], "email": r.get("email")} for r in rec["reporters"]]
    if got != want["reporters"]:
        bad["reporters"] = f"want {want['reporters']!r}, got {got!r}"
    kept = leaked(want, rec)
    if kept:
        bad["must_not_contain"] = f"kept {kept!r}"
    return bad


def body_f1(gold: list[str], pred: list[str]) -> float:
    """Bag-of-tokens F1 of the paragraphs (whitespace tokens, as the shared scorer counts)."""
    g = collections.Counter(" ".join(gold).split())
    p = collections.Counter(" ".join(pred).split())
    hit = sum((g & p).values())
    if not hit:
        return 0.0
    prec, rec = hit / sum(p.values()), hit / sum(g.values())
    return 2 * prec * rec / (prec + rec)


KnownFailures = Callable[[dict[str, str], dict[str, str], str], None]


@pytest.mark.parametrize("name", NAMES)
def test_fixture_is_complete_and_on_an_unknown_host(name: str) -> None:
    want = expected(name)
    assert not REQUIRED - set(want), sorted(REQUIRED - set(want))
    assert want["paragraphs"] and want["must_not_contain"], "a fixture proves both a body and the chrome it drops"
    assert ".example/" in want["url"], "cleaned on a host no profile or publisher table knows"
    assert set(want.get("xfail", {})) <= {*FIELDS, "reporters", "must_not_contain"}


@pytest.mark.parametrize("name", NAMES)
def test_clean_gives_the_expected_record(name: str, known_failures: KnownFailures) -> None:
    want = expected(name)
    rec = record(name)
    assert rec["status"] == "ok", rec.get("error")
    known_failures(mismatches(want, rec), want.get("xfail", {}), "the expectation")


def test_the_table_scores_a_kept_chrome_line() -> None:
    # The scorer the table prints: a chrome line kept costs precision and counts as a leak.
    want = {"paragraphs": ["가상시가 새 다리를 놓는다."], "must_not_contain": ["많이 본 뉴스"]}
    rec = {"paragraphs": ["가상시가 새 다리를 놓는다.", "많이 본 뉴스"], "captions": []}
    assert body_f1(want["paragraphs"], rec["paragraphs"]) < 1.0
    assert leaked(want, rec) == ["많이 본 뉴스"]


def main() -> int:
    print(f"{'layout':32} {'body_f1':>7} {'leak':>5}  route    wrong fields")
    for name in NAMES:
        want, rec = expected(name), record(name)
        f1 = body_f1(want["paragraphs"], rec["paragraphs"])
        leak = len(leaked(want, rec)) / len(want["must_not_contain"])
        wrong = ",".join(k for k in mismatches(want, rec) if k != "must_not_contain")
        print(f"{name:32} {f1:7.3f} {leak:5.2f}  {rec['stats'].get('body_route', ''):8} {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
