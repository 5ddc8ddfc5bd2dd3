"""Extraction speed: newsclean vs trafilatura over the same corpus pages, with lxml's bare parse
as the floor.

    .venv/bin/python bench/bench_extract.py [--repeat 3] [--corpus DIR]       # in-process pages/s
    .venv/bin/python bench/bench_extract.py --process [--repeat 3]           # whole-process wall time

In-process mode times ``newsclean.clean(..., entities=False)``, ``trafilatura.extract`` and
``lxml.html.fromstring`` over every page ``--repeat`` times in the same run. ``--process`` times
``python -m newsclean --no-entities`` against a trafilatura script, each as one subprocess over the
corpus repeated ``--repeat`` times (start-up and imports included).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared")) / "corpus" / "html"

TRAFILATURA_SCRIPT = """
import sys, trafilatura
for path in sys.argv[1:]:
    with open(path, 'rb') as fh:
        out = trafilatura.extract(fh.read(), with_metadata=True, output_format='json')
    sys.stdout.write((out or '{}') + '\\n')
"""


def pages_of(corpus: Path) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in sorted(corpus.glob("*.htm*"))]


def timed(label: str, pages: list[tuple[str, bytes]], repeat: int, fn: Callable[[str, bytes], object]) -> float:
    fn(*pages[0])  # warm-up: imports, caches, compiled patterns
    start = time.perf_counter()
    for _ in range(repeat):
        for path, data in pages:
            fn(path, data)
    elapsed = time.perf_counter() - start
    n = len(pages) * repeat
    print(f"{label:14} {n:5d} pages  {elapsed:8.3f} s  {n / elapsed:9.1f} pages/s")
    return n / elapsed


def in_process(pages: list[tuple[str, bytes]], repeat: int) -> None:
    import lxml.html
    import trafilatura

    import newsclean

    floor = timed("lxml parse", pages, repeat, lambda _p, d: lxml.html.fromstring(d))
    ours = timed("newsclean", pages, repeat, lambda p, d: newsclean.clean(d, source=p, entities=False))
    theirs = timed("trafilatura", pages, repeat, lambda _p, d: trafilatura.extract(d, with_metadata=True))
    print(f"newsclean / trafilatura speed: {ours / theirs:.1f}x   newsclean / lxml floor: {ours / floor:.2f}x")


def whole_process(pages: list[tuple[str, bytes]], repeat: int) -> None:
    paths = [p for p, _ in pages] * repeat
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(TRAFILATURA_SCRIPT)
        script = fh.name
    try:
        runs = {
            "newsclean": [sys.executable, "-m", "newsclean", "--no-entities", *paths],
            "trafilatura": [sys.executable, script, *paths],
        }
        times: dict[str, float] = {}
        for label, cmd in runs.items():
            start = time.perf_counter()
            proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times[label] = time.perf_counter() - start
            print(f"{label:14} {len(paths):5d} pages  {times[label]:8.3f} s  exit {proc.returncode}")
    finally:
        os.unlink(script)
    print(f"whole-process speed-up: {times['trafilatura'] / times['newsclean']:.1f}x")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .html pages")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus (default 3)")
    ap.add_argument("--process", action="store_true", help="time whole processes instead of in-process calls")
    args = ap.parse_args()
    pages = pages_of(args.corpus)
    if not pages:
        print(f"no pages in {args.corpus}", file=sys.stderr)
        return 2
    if args.process:
        whole_process(pages, args.repeat)
    else:
        in_process(pages, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
