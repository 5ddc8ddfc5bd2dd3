#!/usr/bin/env python3
"""False positives and negatives of one entity type per page, against the shared gold files.

    python scripts/entity_audit.py --pred records.jsonl [--type person] [--gold DIR] [--score score.py]
    python scripts/entity_audit.py --type organization     # no --pred: extract from the gold bodies

With ``--pred`` it reads the CLI's JSON Lines (what score.py scores); without, it runs
``extract_entities`` over each gold body (its paragraphs joined by a blank line). A false positive
(``FP``) is a distinct extracted item that matches no gold entity, listed only where the gold marks
the type exhaustive; a false negative (``FN``) is a gold entity not found (as score.py decides,
with roles). The matching rules are those of the shared score.py, imported from there.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entity_recall import DEFAULT_GOLD, DEFAULT_SCORE, load_score


def _records(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[Path(str(rec.get("source") or rec.get("file") or "")).name] = rec
    return out


def _show(e: dict[str, Any], text: str) -> str:
    extra = {k: e[k] for k in ("norm", "role", "kind", "value", "unit", "noun") if e.get(k) is not None}
    where = f"@{e['start']}" if "start" in e else ""
    around = ""
    if text and isinstance(e.get("start"), int):
        s, t = e["start"], e["end"]
        around = " | " + (text[max(0, s - 15) : s] + "[" + text[s:t] + "]" + text[t : t + 15]).replace("\n", " ")
    return f"{e.get('text') or e.get('name') or e.get('norm')}{where} {json.dumps(extra, ensure_ascii=False)}{around}"


def audit(
    gold: dict[str, Any], ents: list[dict[str, Any]], etype: str, score: Any, text: str = ""
) -> tuple[list[str], list[str]]:
    """(false positives, false negatives) of ``etype`` for one gold file (``text``: the body the
    offsets index, shown around each false positive)."""
    want = gold["entities"].get(etype) or []
    fps: list[str] = []
    if etype in (gold["entities"].get("exhaustive") or []):
        seen: set[tuple[Any, ...]] = set()
        for e in ents:
            if e.get("type") != etype:
                continue
            key = score._pred_key(etype, e)
            if key in seen:
                continue
            seen.add(key)
            if not any(score._matches(etype, w, e) for w in want):
                fps.append(_show(e, text))
    fns = [json.dumps(w, ensure_ascii=False) for w in want if score.entity_scores({etype: [w]}, ents)[etype][0] == 0]
    return fps, fns


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", type=Path, help="the CLI's JSON Lines (default: extract from gold bodies)")
    ap.add_argument("--type", default="person", help="entity type (person, organization, count, ...)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE)
    args = ap.parse_args(argv)
    score = load_score(args.score)
    recs = _records(args.pred) if args.pred else {}
    totals: collections.Counter[str] = collections.Counter()
    for path in sorted(args.gold.glob("*.json")):
        gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if not gold.get("entities"):
            continue
        if args.pred:
            rec = recs.get(Path(gold["file"]).name)
            ents = list((rec or {}).get("entities") or [])
            text = str((rec or {}).get("text") or "")
        else:
            from newsclean.entities import extract_entities

            text = "\n\n".join(gold["paragraphs"])
            ents = [e.to_dict() for e in extract_entities(text, gold.get("published"))]
        fps, fns = audit(gold, ents, args.type, score, text)
        totals["FP"] += len(fps)
        totals["FN"] += len(fns)
        for line in fps:
            print(f"FP {path.name[:28]:28} {line}")
        for line in fns:
            print(f"FN {path.name[:28]:28} {line}")
    print(f"{args.type}: {totals['FP']} false positives, {totals['FN']} false negatives")
    return 0


if __name__ == "__main__":
    sys.exit(main())
