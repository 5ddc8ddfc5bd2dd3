#!/usr/bin/env python3
"""Entity throughput against Kiwi's bare tokenize, in one process, on the KLUE news sentences.

    python bench/bench_entities.py [--tsv ../shared/corpus/klue/klue-ner-dev-even.tsv] [--repeat 3]

Prints Kiwi's load time, peak RSS, chars/s of ``kiwi.tokenize`` alone and of
``extract_entities`` (which does one tokenize pass plus regex/gazetteer work) and their ratio.
Both are timed on the same texts (the news sentences joined into ~2,000-character paragraphs,
the size of a news article's paragraphs), best of ``--repeat`` runs, after a warm-up.
Exit status 1 when the ratio is above --max-ratio (default 1.35). ``--clock cpu`` times with
the process's CPU time instead of wall time: on a shared machine other processes then cost
neither side, so the ratio is far less noisy.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TSV = ROOT.parent / "shared" / "corpus" / "klue" / "klue-ner-dev-even.tsv"


def news_sentences(path: Path) -> list[str]:
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"## klue-ner-v1(?:\.1)?_dev_\d+-wikitree\t(.*)$", line)
        if m:
            out.append(re.sub(r"<([^<>:]+):[A-Z]{2}>", r"\1", m.group(1)))
    return out


def articles(sents: list[str], size: int = 2000) -> list[str]:
    docs, cur = [], ""
    for s in sents:
        cur = f"{cur} {s}" if cur else s
        if len(cur) >= size:
            docs.append(cur)
            cur = ""
    if cur:
        docs.append(cur)
    return docs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tsv", type=Path, default=DEFAULT_TSV)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--max-ratio", type=float, default=1.35)
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall", help="wall time or this process's CPU time")
    args = ap.parse_args()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter

    docs = articles(news_sentences(args.tsv))
    chars = sum(len(d) for d in docs)
    rss0 = peak_rss_mb()
    t0 = time.perf_counter()
    from newsclean.entities import extract_entities, get_kiwi

    kiwi = get_kiwi()
    load = time.perf_counter() - t0
    rss_kiwi = peak_rss_mb()
    extract_entities(docs[0], "2016-09-18")  # warm the gazetteer patterns

    def run_kiwi() -> float:
        t = clock()
        for d in docs:
            kiwi.tokenize(d)
        return clock() - t

    def run_entities() -> tuple[float, int]:
        t = clock()
        n = 0
        for d in docs:
            n += len(extract_entities(d, "2016-09-18"))
        return clock() - t, n

    best_k = best_e = float("inf")
    n_ents = 0
    for _ in range(args.repeat):  # interleaved so both see the same machine state
        best_k = min(best_k, run_kiwi())
        spent, n_ents = run_entities()
        best_e = min(best_e, spent)
    ratio = best_e / best_k
    print(f"texts={len(docs)} chars={chars} entities={n_ents}")
    print(
        f"kiwi_load_s={load:.2f} peak_rss_mb={peak_rss_mb():.0f} (before load {rss0:.0f}, after load {rss_kiwi:.0f})"
    )
    print(f"kiwi_tokenize chars/s={chars / best_k:,.0f}  extract_entities chars/s={chars / best_e:,.0f}")
    print(f"overhead ratio={ratio:.3f} ({args.clock} time; bound {args.max_ratio})")
    return 0 if ratio <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
