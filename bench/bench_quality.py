"""Extraction quality, leave-one-site-out: newsclean beside readability-lxml and trafilatura.

    .venv/bin/python bench/bench_quality.py [--corpus DIR] [--extra DIR ...] [--no-peers] [--markdown]

Every page of a page set (``html/``, ``text/``, ``gold/`` and ``SOURCES.tsv`` in a folder; the
shared corpus by default, ``--extra`` for more sets in the same layout such as ``bench/unseen``)
is cleaned by newsclean with its own site switched off (``NEWSCLEAN_SITES_OFF=<site>``, see
``newsclean.holdout``): the site's profile file, its ``<site>.*`` chrome rules and its
publisher-table hosts are gone, so the generic path does the work, as it must on a publisher
newsclean has never seen. One newsclean process runs per site. The site of a page is the
``site`` column of ``SOURCES.tsv`` (``naver-sports`` is the ``naver`` profile) for HTML pages and
the file name's site (``NNN_site.txt``; the seed dump ``000_*.txt`` is a Daum page) for text
dumps. A site without a profile file switches nothing off. ``--sites-on`` runs everything with
all profiles on instead (the normal scores).

The peers read the same HTML pages in the same run: readability-lxml (``Document.summary()``'s
paragraphs, ``short_title()``) and trafilatura (``extract(..., output_format='json',
with_metadata=True)``: text lines, title, date, author, and the site name, which its JSON calls
``source-hostname``). Their output becomes records of the fields the shared scorer reads
(paragraphs, title, published, reporters, publisher; trafilatura's dates carry no time, so they
only count where the gold knows the date alone), and
every record is scored by the shared scorer's own functions (``../shared/eval/score.py``,
imported from its path): body F1, perfect (F1 >= 0.98), leak, title, published, reporters,
publisher, and the count of empty records (no paragraphs, or a status other than ``ok``).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))
DEFAULT_CORPUS = SHARED / "corpus"
DEFAULT_SCORER = SHARED / "eval" / "score.py"
# A corpus site name → the data/sites stem that holds its profile.
SITE_STEM = {"naver-sports": "naver"}
SEED_SITE = "daum"  # 000_<hash>.txt: the seed dump, a Daum page
COLUMNS = ("body_f1", "perfect", "leak", "title", "published", "reporters", "publisher")


@dataclass(frozen=True)
class Page:
    path: Path
    kind: str  # "html" or "text"
    site: str  # the data/sites stem switched off for it
    gold: dict[str, Any]


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsclean_shared_score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"bench_quality: cannot import the scorer {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def stem_of(site: str) -> str:
    site = site.strip().lower()
    return SITE_STEM.get(site, site)


def text_site(name: str) -> str:
    """``043_daum.txt`` → daum; ``000_d8ab….txt`` (the seed) → daum."""
    m = re.match(r"\d+_([a-z][a-z0-9-]*)\.txt$", name)
    if name.startswith("000_") or not m:
        return SEED_SITE
    return stem_of(m.group(1))


def load_pages(folder: Path) -> list[Page]:
    """The pages of one set that have a gold file, each with its site."""
    sites: dict[str, str] = {}
    sources = folder / "SOURCES.tsv"
    if sources.exists():
        with sources.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("file") and row.get("site"):
                    sites[row["file"].strip()] = stem_of(row["site"])
    golds: dict[str, dict[str, Any]] = {}
    for g in sorted((folder / "gold").glob("*.json")):
        doc = json.loads(g.read_text(encoding="utf-8"))
        golds[os.path.basename(doc["file"])] = doc
    pages: list[Page] = []
    for kind in ("html", "text"):
        for p in sorted((folder / kind).glob("*")):
            gold = golds.get(p.name)
            if gold is None or not p.is_file():
                continue
            if kind == "html":
                site = sites.get(p.name) or stem_of(p.stem.split("_", 1)[-1])
            else:
                site = sites.get(p.name) or text_site(p.name)
            pages.append(Page(p, kind, site, gold))
    return pages


def run_newsclean(pages: list[Page], *, sites_on: bool, src: Path = ROOT / "src") -> dict[str, dict[str, Any]]:
    """newsclean's records by file name: one process per site, that site switched off."""
    groups: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        groups["" if sites_on else page.site].append(page)
    records: dict[str, dict[str, Any]] = {}
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    for site, group in sorted(groups.items()):
        env["NEWSCLEAN_SITES_OFF"] = site
        cmd = [sys.executable, "-m", "newsclean", "--no-entities", "-q", "--no-progress"]
        proc = subprocess.run([*cmd, *(str(p.path) for p in group)], env=env, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"bench_quality: newsclean failed for {site or 'all'}: {proc.stderr[-2000:]}")
        for line in proc.stdout.splitlines():
            if line.strip():
                rec = json.loads(line)
                records[os.path.basename(str(rec.get("source") or ""))] = rec
    return records


def _lines(text: str | None) -> list[str]:
    return [" ".join(x.split()) for x in (text or "").splitlines() if x.strip()]


def run_readability(page: Page) -> dict[str, Any]:
    from lxml import html as lxml_html
    from readability import Document

    doc = Document(page.path.read_bytes())
    summary = doc.summary(html_partial=True)
    paragraphs: list[str] = []
    if summary.strip():
        tree = lxml_html.fromstring(summary)
        blocks = tree.xpath("//p | //li | //h1 | //h2 | //h3 | //h4 | //blockquote | //pre | //td[not(.//p)]")
        for el in blocks or [tree]:
            paragraphs.extend(_lines(el.text_content()))
        if not paragraphs:
            paragraphs = _lines(tree.text_content())
    return {"source": page.path.name, "paragraphs": paragraphs, "title": doc.short_title() or None,
            "status": "ok" if paragraphs else "empty"}


def run_trafilatura(page: Page) -> dict[str, Any]:
    import trafilatura

    raw = trafilatura.extract(page.path.read_bytes(), output_format="json", with_metadata=True)
    got = json.loads(raw) if raw else {}
    paragraphs = _lines(got.get("text") or got.get("raw_text"))
    authors = [a.strip() for a in re.split(r"[;,]", got.get("author") or "") if a.strip()]
    return {
        "source": page.path.name,
        "paragraphs": paragraphs,
        "title": got.get("title"),
        "published": got.get("date"),
        "reporters": [{"name": a} for a in authors],
        "publisher": got.get("sitename") or got.get("source-hostname"),
        "status": "ok" if paragraphs else "empty",
    }


def run_peer(name: str, pages: Iterable[Page]) -> dict[str, dict[str, Any]]:
    run = run_readability if name == "readability-lxml" else run_trafilatura
    out: dict[str, dict[str, Any]] = {}
    for page in pages:
        try:
            out[page.path.name] = run(page)
        except Exception as exc:  # a peer's crash is its empty record, not the bench's
            out[page.path.name] = {"source": page.path.name, "status": "error", "error": repr(exc)}
    return out


def write_jsonl(records: dict[str, dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for rec in records.values():
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def score(scorer: ModuleType, pages: list[Page], jsonl: Path) -> dict[str, dict[str, Any]]:
    """Rows by file name, scored by the shared scorer from the JSON Lines it reads."""
    preds = scorer.load_pred(str(jsonl))
    rows = {}
    for page in pages:
        row = scorer.score_one(page.gold, preds.get(page.path.name))
        rec = preds.get(page.path.name)
        row["empty"] = int(rec is None or rec.get("status", "ok") != "ok" or not scorer.paragraphs_of(rec))
        rows[page.path.name] = row
    return rows


def summary(scorer: ModuleType, rows: list[dict[str, Any]]) -> dict[str, Any]:
    s = dict(scorer.summarize(rows)) if rows else {k: 0.0 for k in COLUMNS}
    s["docs"] = len(rows)
    s["empty"] = sum(r["empty"] for r in rows)
    return s


def table(title: str, results: dict[str, dict[str, Any]], markdown: bool) -> str:
    head = ["set", "tool", "docs", *COLUMNS, "empty"]
    lines: list[list[str]] = []
    for (group, tool), s in results.items():
        lines.append([group, tool, str(s["docs"]), *(f"{s[c]:.3f}" for c in COLUMNS), str(s["empty"])])
    if markdown:
        out = [f"**{title}**", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(r) + " |" for r in lines]
        return "\n".join(out) + "\n"
    widths = [max(len(x) for x in col) for col in zip(head, *lines, strict=False)]
    fmt = "  ".join(f"{{:{'<' if i < 2 else '>'}{w}}}" for i, w in enumerate(widths))
    return "\n".join([title, fmt.format(*head), *(fmt.format(*r) for r in lines)]) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="page set (default: ../shared/corpus)")
    ap.add_argument("--extra", type=Path, action="append", default=[], help="another page set in the same layout")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="the shared score.py")
    ap.add_argument("--no-peers", action="store_true", help="newsclean only")
    ap.add_argument("--sites-on", action="store_true", help="every profile on (the normal scores), no LOSO")
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the newsclean source to run (an A/B)")
    ap.add_argument("--markdown", action="store_true", help="Markdown tables (for docs)")
    ap.add_argument("--rows", action="store_true", help="also print one line per page and tool")
    ap.add_argument("--keep", type=Path, help="write each tool's JSON Lines into this folder")
    args = ap.parse_args(argv)

    scorer = load_scorer(args.scorer)
    sets = [(args.corpus.name if args.corpus != DEFAULT_CORPUS else "corpus", args.corpus)]
    sets += [(d.name, d) for d in args.extra]
    tools = ["newsclean"] if args.no_peers else ["newsclean", "readability-lxml", "trafilatura"]
    mode = "all profiles on" if args.sites_on else "leave-one-site-out"
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="bench_quality."))
    tmp.mkdir(parents=True, exist_ok=True)
    per_site: dict[tuple[str, str], dict[str, Any]] = {}
    overall: dict[tuple[str, str], dict[str, Any]] = {}
    for set_name, folder in sets:
        pages = load_pages(folder)
        if not pages:
            print(f"bench_quality: no scored pages in {folder}", file=sys.stderr)
            continue
        html_pages = [p for p in pages if p.kind == "html"]
        for tool in tools:
            if tool == "newsclean":
                recs = run_newsclean(pages, sites_on=args.sites_on, src=args.src)
                tool_pages = pages
            else:
                recs = run_peer(tool, html_pages)
                tool_pages = html_pages
            jsonl = tmp / f"{set_name}.{tool}.jsonl"
            write_jsonl(recs, jsonl)
            rows = score(scorer, tool_pages, jsonl)
            for kind in ("html", "text"):
                kind_pages = [p for p in tool_pages if p.kind == kind]
                if not kind_pages:
                    continue
                overall[(f"{set_name} {kind}", tool)] = summary(scorer, [rows[p.path.name] for p in kind_pages])
                by_site: dict[str, list[dict[str, Any]]] = defaultdict(list)
                for p in kind_pages:
                    by_site[p.site].append(rows[p.path.name])
                for site, site_rows in sorted(by_site.items()):
                    per_site[(f"{set_name} {kind} {site}", tool)] = summary(scorer, site_rows)
            if args.rows:
                for name, r in rows.items():
                    print(f"{tool:16} {name:32} f1={r['body_f1']:.3f} leak={r['leak']:.2f} t={r['title']} "
                          f"d={r['published']} a={r['reporters']} pub={r['publisher']} empty={r['empty']}")
    print(table(f"Per site ({mode})", dict(sorted(per_site.items())), args.markdown))
    print(table(f"Overall ({mode})", overall, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
