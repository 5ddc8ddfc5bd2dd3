#!/usr/bin/env python3
"""Entity recall on the gold files: run the extractor over each gold body, score like score.py.

    python scripts/entity_recall.py [--gold ../shared/corpus/gold] [--score ../shared/eval/score.py]
                                    [--rows] [--misses] [--min ministry=0.9 ...]

The body is the gold's ``paragraphs`` joined with a blank line (the article's ``text``), the date
its ``published``. Scoring is ``entity_scores`` of the shared score.py, imported from there.
Exit status 1 when a --min bound is not met.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "corpus" / "gold"
DEFAULT_SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def load_score(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsclean_gold_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"entity_recall: cannot import {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE)
    ap.add_argument("--rows", action="store_true", help="one line per gold file")
    ap.add_argument("--misses", action="store_true", help="list the gold entities not found")
    ap.add_argument("--min", action="append", default=[], metavar="TYPE=V")
    args = ap.parse_args(argv)

    from newsclean.entities import extract_entities

    score = load_score(args.score)
    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for path in sorted(args.gold.glob("*.json")):
        gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if not gold.get("entities"):
            continue
        text = "\n\n".join(gold["paragraphs"])
        ents = [e.to_dict() for e in extract_entities(text, gold.get("published"))]
        res = score.entity_scores(gold["entities"], ents)
        for k, (found, total) in res.items():
            totals[k][0] += found
            totals[k][1] += total
        if args.rows:
            print(f"{path.name[:36]:36} " + " ".join(f"{k}={a}/{b}" for k, (a, b) in res.items()))
        if args.misses:
            for etype, items in gold["entities"].items():
                if etype.endswith("_absent"):
                    continue
                for want in items:
                    if score.entity_scores({etype: [want]}, ents)[etype][0] == 0:
                        print(f"  MISS {path.name[:24]} {etype} {json.dumps(want, ensure_ascii=False)}")
    summary = {k: (a / b if b else 1.0) for k, (a, b) in sorted(totals.items())}
    print(" ".join(f"{k}={v:.3f} ({totals[k][0]}/{totals[k][1]})" for k, v in summary.items()))
    failed = []
    for spec in args.min:
        key, _, val = spec.partition("=")
        if summary.get(key, 0.0) < float(val):
            failed.append(f"{key}={summary.get(key, 0.0):.3f} (bound {val})")
    if failed:
        print("below bound: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
