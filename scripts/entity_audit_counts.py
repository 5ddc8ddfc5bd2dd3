#!/usr/bin/env python3
"""Audit counts page by page: every distinct extracted count, right or wrong, and the gold misses.

    newsclean PAGES... > records.jsonl
    python scripts/entity_audit_counts.py records.jsonl [--gold ../shared/corpus/gold] [--only html/]
                                          [--fp] [--score ../shared/eval/score.py]

Matching is the shared score.py's own (``_matches`` / ``_pred_key`` imported from it): a count is
right when its value and unit equal a gold count's; precision is over distinct (value, unit, noun)
items, only on the gold files that list counts exhaustively. Each wrong item is printed with the
text around its first mention, so an error class (ordinal, age, measure, numeral inside a word,
counted noun) can be read off. ``--fp`` prints only the wrong items.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from entity_recall import DEFAULT_GOLD, DEFAULT_SCORE, load_score  # noqa: E402


def _context(text: str, start: int, end: int, width: int = 18) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", type=Path)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE)
    ap.add_argument("--only", default="")
    ap.add_argument("--fp", action="store_true", help="print only the wrong items")
    args = ap.parse_args(argv)
    score = load_score(args.score)
    recs: dict[str, dict[str, Any]] = {}
    for line in args.records.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            recs[Path(str(rec.get("source", ""))).name] = rec
    right = total = found = wanted = 0
    for path in sorted(args.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if args.only not in gold["file"]:
            continue
        ents = gold.get("entities") or {}
        rec = recs.get(Path(gold["file"]).name)
        if rec is None or "count" not in (ents.get("exhaustive") or []):
            continue
        wants = ents.get("count") or []
        text = rec.get("text") or ""
        items: dict[tuple[Any, ...], dict[str, Any]] = {}
        for e in rec.get("entities") or []:
            if e.get("type") == "count":
                items.setdefault(score._pred_key("count", e), e)
        lines = []
        for e in items.values():
            ok = any(score._matches("count", w, e) for w in wants)
            right += ok
            total += 1
            if not ok or not args.fp:
                ctx = _context(text, e["start"], e["end"])
                lines.append(f"  {'ok' if ok else 'FP'} {e['value']}{e['unit']} noun={e.get('noun')!r}  {ctx}")
        res = score.entity_scores({"count": wants}, rec.get("entities") or [])
        f, n = res.get("count", (0, 0))
        found += f
        wanted += n
        for w in wants:
            if not score.entity_scores({"count": [w]}, rec.get("entities") or [])["count"][0]:
                lines.append(f"  MISS {w}")
        if lines:
            print(path.name)
            print("\n".join(lines))
    print(f"count precision {right}/{total} = {right / max(total, 1):.3f}; recall {found}/{wanted}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
