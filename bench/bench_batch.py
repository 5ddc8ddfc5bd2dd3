"""Batch throughput: --jobs 1 against --jobs 2 over the shared pages (entities on).

The batch is the 33 shared HTML pages six times with a missing file in the middle: 199 inputs.
Both runs must give 199 records in input order (the missing file an error record) and the same
records; the script prints records/s for each and the speed-up.

    .venv/bin/python bench/bench_batch.py                 # library: clean_many, Kiwi preloaded once
    .venv/bin/python bench/bench_batch.py --cli           # the newsclean command end to end
    .venv/bin/python bench/bench_batch.py --no-entities --jobs 1 4

Library mode times ``clean_many`` after Kiwi is loaded (the load is the same for every --jobs
and is reported apart); ``--cli`` times whole ``newsclean`` processes, Kiwi load included.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))


def batch_inputs(pages_dir: Path, repeat: int) -> list[str]:
    pages = sorted(str(p) for p in pages_dir.glob("*.html"))
    if not pages:
        sys.exit(f"bench_batch: no .html pages in {pages_dir}")
    items = pages * repeat
    items.insert(len(items) // 2, str(pages_dir / "missing-page.html"))
    return items


def check(records: list[dict], items: list[str]) -> None:
    assert len(records) == len(items), (len(records), len(items))
    assert [r["source"] for r in records] == items, "records out of input order"
    missing = [r for r in records if r["source"].endswith("missing-page.html")]
    assert len(missing) == 1 and missing[0]["status"] == "error", missing


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers, once joined)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_library(items: list[str], jobs: int, entities: bool) -> tuple[float, list[dict]]:
    from newsclean.batch import clean_many

    t0 = time.perf_counter()
    records = [a.to_dict() for a in clean_many(items, jobs=jobs, entities=entities)]
    return time.perf_counter() - t0, records


def run_cli(items: list[str], jobs: int, entities: bool) -> tuple[float, list[dict]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        cmd = [sys.executable, "-m", "newsclean", "-q", "--jobs", str(jobs), "-o", str(out), "-"]
        if not entities:
            cmd.insert(3, "--no-entities")
        t0 = time.perf_counter()
        subprocess.run(cmd, input="\n".join(items), text=True, check=False)
        seconds = time.perf_counter() - t0
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return seconds, records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=SHARED / "corpus" / "html", help="folder of .html pages")
    ap.add_argument("--repeat", type=int, default=6, help="times each page is in the batch (default: 6)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to compare (default: 1 2)")
    ap.add_argument("--no-entities", action="store_true", help="entities off")
    ap.add_argument("--cli", action="store_true", help="time the newsclean command end to end")
    args = ap.parse_args()
    items = batch_inputs(args.pages, args.repeat)
    entities = not args.no_entities
    print(
        f"inputs: {len(items)} ({args.repeat} x {len(items) // args.repeat} pages + 1 missing file); "
        f"entities {'on' if entities else 'off'}; cpus: {len(os.sched_getaffinity(0))}; "
        f"load average: {os.getloadavg()[0]:.2f}"
    )
    if not args.cli and entities:
        from newsclean.batch import preload

        t0 = time.perf_counter()
        preload(True)
        print(f"Kiwi + gazetteer warm-up (once, not in the timings): {time.perf_counter() - t0:.1f} s")
    runner = run_cli if args.cli else run_library
    results: dict[int, tuple[float, list[dict]]] = {}
    for jobs in args.jobs:
        cpu0, load0 = cpu_seconds(), os.getloadavg()[0]
        seconds, records = runner(items, jobs, entities)
        cpu = cpu_seconds() - cpu0
        check(records, items)
        results[jobs] = (seconds, records)
        statuses = {s: sum(r["status"] == s for r in records) for s in ("ok", "empty", "error", "timeout", "skipped")}
        print(
            f"--jobs {jobs}: {len(records)} records in {seconds:.2f} s = {len(records) / seconds:.1f} records/s "
            f"(cpu {cpu:.1f} s, load average before {load0:.2f})  {statuses}"
        )
    base_jobs = args.jobs[0]
    base_seconds, base_records = results[base_jobs]
    for jobs in args.jobs[1:]:
        seconds, records = results[jobs]
        same = records == base_records
        print(f"speed-up --jobs {jobs} vs --jobs {base_jobs}: {base_seconds / seconds:.2f}x; identical records: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
