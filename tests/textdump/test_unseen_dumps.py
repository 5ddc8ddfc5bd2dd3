"""Naive text dumps of the synthetic pages no profile knows: ``clean_text`` must read them too.

``fixtures/text/unseen/<layout>.txt`` is ``scripts/naive_dump.py``'s dump of
``fixtures/html/unseen/<layout>.html`` and ``site_<name>.txt`` the dump of
``fixtures/sites/<name>/page.html`` (regenerate with
``python scripts/naive_dump.py fixtures/html/unseen/*.html -o fixtures/text/unseen`` and, per
site, ``python scripts/naive_dump.py fixtures/sites/<name>/page.html -o - >
fixtures/text/unseen/site_<name>.txt``). The expected record is the page's own (``.json`` next to
the HTML page, or the site's ``expected.json``): the same paragraphs, title, reporters and no
``must_not_contain`` text in the paragraphs.

A dump has no meta tags, so it is judged on what its visible lines hold (``fair``): a publisher
name, a reporter's e-mail or a date's time the dump does not show may come back as ``None``
(the published date then only to the precision shown, or None when no line shows its day).
A field ``clean_text`` is known to get wrong is listed in ``XFAIL`` with the reason; the test
fails once it passes (remove the entry).

Run as a script it prints body F1 (bag of tokens, as the shared scorer counts), leak and the
fields still wrong per dump.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsclean

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
DUMPS = ROOT / "text" / "unseen"
NAMES = sorted(p.stem for p in DUMPS.glob("*.txt"))
FIELDS = ("title", "publisher", "published", "reporters", "paragraphs", "must_not_contain")

# Fields clean_text still gets wrong on a dump, with why. Keyed by dump name, then field.
UNMARKED_CAPTION = "an unmarked photo caption (a noun phrase, no credit) reads as a subheading"
XFAIL: dict[str, dict[str, str]] = {
    "broadcaster_newstxt_2021": {
        "publisher": "the footer's brand '새벽방송' is read, the page's name '새벽방송뉴스' stands only in prose",
    },
    "site_cms-gnuboard5": {
        "title": "the headline line opens with its category ('교통 마을버스 …') and the header lines between it "
        "and the date ('작성자 …') read as headlines",
    },
    "site_cms-wordpress": {
        "publisher": "the name stands only in a footer line with the CMS's credit ('마루저널 · Proudly powered by …')",
        "paragraphs": UNMARKED_CAPTION,
        "reporters": "the name stands glued to the date line ('2022년 2월 7일 나가람') with no role word",
    },
    "site_daum-v-2016": {
        "paragraphs": "a subheading and an unmarked caption inside the story read alike; player and option "
        "labels ('음성 기사 옵션 조절 레이어') are kept",
        "reporters": "the name is glued to the date label ('정가상입력 2019. 09. 10. …') with no role word",
    },
    "site_donga-2014": {
        "paragraphs": "the '○' subheading ends the story after its first paragraph (a short line, then a "
        "short last paragraph); the series tag line '[기획/ 청소년]' is expected as a paragraph",
    },
    "site_edaily-2018": {"paragraphs": UNMARKED_CAPTION},
    "site_hani-2023": {
        "publisher": "the footer's synthetic brand '가상한겨레' is read; the page's '한겨레' comes from its profile",
    },
    "site_hankookilbo-2019": {
        "title": "headline, subtitle and a second subtitle stand as three headline-like lines: read as a list",
    },
    "site_hankookilbo-2025": {"title": "the page's headline is not in the dump (only its subheading is)"},
    "site_heraldcorp-2015": {"paragraphs": UNMARKED_CAPTION},
    "site_khan-h2-2015": {
        "publisher": "the footer's synthetic brand '가상경향' is read; the page's '경향신문' comes from its profile",
    },
    "site_mbc-2019": {"paragraphs": UNMARKED_CAPTION},
    "site_mbn-2020": {"paragraphs": UNMARKED_CAPTION},
    "site_naver-news-2017": {"paragraphs": UNMARKED_CAPTION},
    "site_naver-news-2020": {
        "paragraphs": "the summary line is glued to the lead by the dump ('… 원구청은 …'): no line break to cut at",
    },
    "site_news1-2014": {
        "paragraphs": "an ad's sentence under its label reads as prose",
        "must_not_contain": "an ad's sentence under its label reads as prose",
    },
}


def expected(name: str) -> dict[str, Any]:
    site = name.removeprefix("site_")
    path = ROOT / "sites" / site / "expected.json" if site != name else ROOT / "html" / "unseen" / f"{name}.json"
    want: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return want


def dump(name: str) -> str:
    return (DUMPS / f"{name}.txt").read_text(encoding="utf-8")


def record(name: str) -> dict[str, Any]:
    rec: dict[str, Any] = newsclean.clean_text(dump(name), entities=False).to_dict()
    return rec


def _shows_day(iso: str, text: str) -> bool:
    """The dump shows the day: its year (four or two digits), month and day in one date."""
    y, m, d = iso[:4], int(iso[5:7]), int(iso[8:10])
    return bool(re.search(rf"(?:{y}|\b{y[2:]})\s*[.\-/년]\s*0?{m}\s*[.\-/월]\s*0?{d}(?!\d)", text))


def _visible_published(want: str | None, text: str) -> str | None:
    """The expected date to the precision the dump shows: seconds and time only when visible."""
    if want is None or not _shows_day(want, text):
        return None
    hh, mm, ss = want[11:13], want[14:16], want[17:19]
    if re.search(rf"\b{hh}:{mm}:{ss}\b", text) or (ss == "00" and re.search(rf"\b{hh}:{mm}\b", text)):
        return want
    if re.search(rf"\b{hh}:{mm}\b", text):
        return f"{want[:17]}00{want[19:]}"
    return want[:10]


def _same_time(got: str | None, shown: str | None, page: str | None) -> bool:
    """The page's value, or the dump's to the precision it shows (its seconds may differ from a meta tag's)."""
    if got in {shown, page}:
        return True
    return got is not None and shown is not None and len(shown) > 10 and got[:16] == shown[:16]


def fair(want: dict[str, Any], text: str) -> dict[str, Any]:
    """What a dump can know of the expected record: only values its visible lines hold."""
    reporters = [
        {"name": r["name"], "email": r["email"] if r.get("email") and r["email"] in text else None}
        for r in want["reporters"]
        if r["name"] in text
    ]
    publisher = want.get("publisher")
    return {
        "title": want["title"],
        "publisher": publisher if publisher and publisher in text else None,
        "publisher_full": publisher,
        "published": _visible_published(want.get("published"), text),
        "published_full": want.get("published"),
        "reporters": reporters,
        "paragraphs": want["paragraphs"],
        "must_not_contain": want["must_not_contain"],
    }


def leaked(want: dict[str, Any], rec: dict[str, Any]) -> list[str]:
    text = "\n".join(rec["paragraphs"])
    return [junk for junk in want["must_not_contain"] if junk in text]


def mismatches(want: dict[str, Any], rec: dict[str, Any]) -> dict[str, str]:
    """Each fairly expected field the record gets wrong → what was wanted and what came.

    A publisher or a finer date the dump does not show is not required (None is fine), but a
    value given must be right.
    """
    bad: dict[str, str] = {}
    for k in ("title", "paragraphs"):
        if rec.get(k) != want[k]:
            bad[k] = f"want {want[k]!r}, got {rec.get(k)!r}"
    if rec.get("publisher") not in {want["publisher"], want.get("publisher_full", want["publisher"])}:
        bad["publisher"] = f"want {want['publisher']!r}, got {rec.get('publisher')!r}"
    if not _same_time(rec.get("published"), want["published"], want.get("published_full", want["published"])):
        bad["published"] = f"want {want['published']!r}, got {rec.get('published')!r}"
    got = [{"name": r["name"], "email": r.get("email")} for r in rec["reporters"]]
    if got != want["reporters"]:
        bad["reporters"] = f"want {want['reporters']!r}, got {got!r}"
    kept = leaked(want, rec)
    if kept:
        bad["must_not_contain"] = f"kept {kept!r}"
    return bad


def body_f1(gold: list[str], pred: list[str]) -> float:
    """Bag-of-tokens F1 of the paragraphs (whitespace tokens, as the shared scorer counts)."""
    from collections import Counter

    g, p = Counter(" ".join(gold).split()), Counter(" ".join(pred).split())
    hit = sum((g & p).values())
    if not hit:
        return 0.0
    prec, rec = hit / sum(p.values()), hit / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def test_every_page_has_its_dump() -> None:
    pages = {p.stem for p in (ROOT / "html" / "unseen").glob("*.html")}
    sites = {f"site_{p.parent.name}" for p in (ROOT / "sites").glob("*/page.html")}
    assert pages | sites == set(NAMES)
    assert set(XFAIL) <= set(NAMES)
    assert all(set(v) <= set(FIELDS) for v in XFAIL.values())


KnownFailures = Callable[[dict[str, str], dict[str, str], str], None]


@pytest.mark.parametrize("name", NAMES)
def test_clean_text_gives_the_expected_record(name: str, known_failures: KnownFailures) -> None:
    want = fair(expected(name), dump(name))
    rec = record(name)
    assert rec["status"] == "ok", rec.get("error")
    known_failures(mismatches(want, rec), XFAIL.get(name, {}), "XFAIL")


def test_fair_expects_only_what_the_dump_shows() -> None:
    want = {
        "title": "t", "publisher": "가상일보", "published": "2020-01-02T10:20:30+09:00",
        "reporters": [{"name": "홍가상", "email": "h@x.example"}], "paragraphs": ["p"], "must_not_contain": [],
    }  # fmt: skip
    seen = fair(want, "홍가상 기자\n2020.01.02 10:20")
    assert fair(want, "홍가상 기자")["published"] is None
    assert seen["publisher"] is None
    assert seen["published"] == "2020-01-02T10:20:00+09:00"
    assert seen["reporters"] == [{"name": "홍가상", "email": None}]
    assert fair(want, "가상일보 홍가상 h@x.example 2020.01.02")["published"] == "2020-01-02"


def main() -> int:
    print(f"{'dump':32} {'body_f1':>7} {'leak':>5}  wrong fields")
    for name in NAMES:
        want, rec = fair(expected(name), dump(name)), record(name)
        f1 = body_f1(want["paragraphs"], rec["paragraphs"])
        leak = len(leaked(want, rec)) / len(want["must_not_contain"]) if want["must_not_contain"] else 0.0
        wrong = ",".join(k for k in mismatches(want, rec) if k != "must_not_contain")
        print(f"{name:32} {f1:7.3f} {leak:5.2f}  {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
