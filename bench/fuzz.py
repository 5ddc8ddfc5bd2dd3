"""Fuzz the public API for a fixed time budget: hostile building blocks, Hypothesis-driven.

    .venv/bin/python bench/fuzz.py --seconds 60            # all targets, 60 s in total
    .venv/bin/python bench/fuzz.py --seconds 30 --target html --entities

Targets: ``html`` (``clean`` on bytes in several encodings), ``text`` (``clean_text``),
``bytes`` (``clean`` on raw bytes), ``entities`` (``extract_entities``). Each example must give
one well-formed record: a status from the contract, an error when not ok, ``text`` equal to the
paragraphs joined, entity offsets that slice the text, and no more than ``--slow`` seconds
(a slow example is a finding too). Findings are printed with a reproducer and the run exits 1;
keep each as a case in ``tests/robustness/test_regressions.py`` once fixed.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisException

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "robustness"))

from hostile import BODY

import newsclean
from newsclean.article import STATUSES, Article

TAGS = [
    "p",
    "div",
    "span",
    "a",
    "b",
    "br",
    "article",
    "section",
    "table",
    "tr",
    "td",
    "li",
    "ul",
    "h1",
    "h2",
    "figure",
    "figcaption",
    "script",
    "style",
    "iframe",
    "svg",
    "math",
    "template",
    "noscript",
    "xmp",
]
ATTRS = [
    "",
    ' class="article_body"',
    ' id="articleBody"',
    ' style="display:none"',
    " hidden",
    ' class="reporter"',
    ' class="copyright"',
    ' class="photo_caption"',
    " class='",
    ' data-x="<p>"',
]
TEXT = [
    *BODY,
    "홍길동 기자 hong@example.com",
    "[가상일보=홍길동 기자]",
    "ⓒ 가상일보 무단전재 및 재배포 금지",
    "▶ 관련기사",
    "▲ 사진 설명 /연합뉴스",
    "3개 5명 20% 3조5000억원",
    "2024년 5월 1일 오전 9시 30분",
    "중기부는",
    "서울시 강남구",
    "뷁",
    "\x00",
    "\ufeff",
    "\u200b",
    "\ufffd",
    "&nbsp;",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "&lol;",
    "<![CDATA[x]]>",
    "<!-- c -->",
    "<!--",
    "-->",
    "<?php ?>",
    "<",
    ">",
    '"',
    "'",
    "=" * 40,
    "-" * 40,
    "(" * 30,
    ")" * 30,
    "1" * 40,
    "기자 " * 20,
    "다." * 20,
    "\n",
    "\r",
    "\t",
    " " * 10,
]
HEADS = [
    "",
    '<meta charset="euc-kr">',
    '<meta charset="utf-8">',
    '<meta charset="x-unknown">',
    '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol "lol">]>',
    '<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"본문입니다."}</script>',
    '<script type="application/ld+json">{"@type": [1, {"x": null}], "articleBody": 3}</script>',
]


@st.composite
def html_docs(draw: st.DrawFn) -> str:
    parts = [draw(st.sampled_from(HEADS))]
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            tag = draw(st.sampled_from(TAGS))
            parts.append(f"<{tag}{draw(st.sampled_from(ATTRS))}>")
        elif kind == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(TEXT)) * draw(st.integers(1, 3)))
        else:
            parts.append(draw(st.text(max_size=15)))
    if draw(st.booleans()):
        nest = draw(st.sampled_from(["<div>", "<span>", "<table><tr><td>", "<ul><li>"]))
        parts.insert(1, nest * draw(st.integers(1, 3000)))
    return "".join(parts)


text_docs = st.lists(st.sampled_from(TEXT) | st.text(max_size=30), max_size=60).map(lambda xs: "\n".join(xs))


class Finding(Exception):
    pass


def check(art: Any, seconds: float, slow: float, text_given: str | None = None) -> None:
    if not isinstance(art, Article):
        raise Finding(f"not an Article: {type(art).__name__}")
    if art.status not in STATUSES or (art.status != "ok" and not art.error):
        raise Finding(f"bad status {art.status!r} / error {art.error!r}")
    if (art.status == "ok") != bool(art.paragraphs):
        raise Finding(f"status {art.status} with {len(art.paragraphs)} paragraphs")
    if art.status == "error":
        raise Finding(f"error record: {art.error}")
    text = art.text
    for e in art.entities:
        if text[e.start : e.end] != e.text:
            raise Finding(f"entity offsets do not slice the text: {e}")
    if seconds > slow:
        raise Finding(f"slow: {seconds:.1f} s")


def run(target: str, seconds: float, slow: float, entities: bool, out: Path) -> list[str]:
    findings: list[str] = []
    deadline = time.monotonic() + seconds

    def one(label: str, call: Any, reproducer: str | bytes) -> None:
        if time.monotonic() > deadline:
            return
        t = time.perf_counter()
        try:
            art = call()
            check(art, time.perf_counter() - t, slow)
            return
        except Finding as exc:
            what = f"{label}: {exc}"
        except Exception:
            what = f"{label}: raised\n{traceback.format_exc()}"
        out.mkdir(parents=True, exist_ok=True)
        case = out / f"{label}-{len(findings):03d}.{'bin' if isinstance(reproducer, bytes) else 'txt'}"
        if isinstance(reproducer, bytes):
            case.write_bytes(reproducer)
        else:
            case.write_text(reproducer, encoding="utf-8", errors="surrogatepass")
        findings.append(f"{what}\n    input: {case}")

    cfg = settings(
        max_examples=10**6,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )

    if target == "html":

        @cfg
        @given(doc=html_docs(), enc=st.sampled_from(["utf-8", "cp949", "utf-16", "utf-8-sig"]))
        def body(doc: str, enc: str) -> None:
            data = doc.encode(enc, "replace")
            one("html", lambda: newsclean.clean(data, entities=entities), data)
            if time.monotonic() > deadline:
                raise _Stop
    elif target == "bytes":

        @cfg
        @given(data=st.binary(max_size=5000))
        def body(data: bytes) -> None:  # type: ignore[misc]
            one("bytes", lambda: newsclean.clean(data, entities=False), data)
            if time.monotonic() > deadline:
                raise _Stop
    elif target == "text":

        @cfg
        @given(doc=text_docs)
        def body(doc: str) -> None:  # type: ignore[misc]
            one("text", lambda: newsclean.clean_text(doc, entities=entities), doc)
            if time.monotonic() > deadline:
                raise _Stop
    else:
        from newsclean.entities import extract_entities

        extract_entities("중기부는 3개 기관을 늘렸다.")  # build Kiwi before the clock runs

        @cfg
        @given(doc=text_docs)
        def body(doc: str) -> None:  # type: ignore[misc]
            def call() -> Article:
                ents = extract_entities(doc)
                return Article(status="ok", paragraphs=(doc,), entities=tuple(ents))

            one("entities", call, doc)
            if time.monotonic() > deadline:
                raise _Stop

    try:
        body()
    except _Stop:
        pass
    except HypothesisException as exc:  # pragma: no cover - a fuzzer problem, not a finding
        print(f"hypothesis stopped: {exc}", file=sys.stderr)
    return findings


class _Stop(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seconds", type=float, default=60.0, help="total time budget (default 60)")
    p.add_argument("--target", choices=["all", "html", "bytes", "text", "entities"], default="all")
    p.add_argument("--entities", action="store_true", help="run entity extraction inside html/text targets")
    p.add_argument("--slow", type=float, default=5.0, help="an example slower than this is a finding")
    p.add_argument("--out", type=Path, default=Path("/tmp/newsclean-fuzz"), help="where failing inputs are saved")
    args = p.parse_args(argv)
    logging.getLogger("bs4").setLevel(logging.ERROR)  # "Some characters could not be decoded"
    if args.entities or args.target in ("all", "entities"):
        newsclean.extract_entities("중기부는 3개 기관을 늘렸다.")  # build Kiwi before the clock runs
    targets = ["html", "bytes", "text", "entities"] if args.target == "all" else [args.target]
    findings: list[str] = []
    for t in targets:
        start = time.monotonic()
        got = run(t, args.seconds / len(targets), args.slow, args.entities, args.out)
        print(f"{t}: {len(got)} findings in {time.monotonic() - start:.0f} s", file=sys.stderr)
        findings += got
    for f in dict.fromkeys(findings):
        print(f)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
