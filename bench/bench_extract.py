"""Extraction speed: newsclean vs trafilatura over the same corpus pages, with lxml's bare parse
as the floor. Every mode reports wall time AND CPU time, and the ratios of both, in the same run.

    .venv/bin/python bench/bench_extract.py [--repeat 3] [--corpus DIR]       # in-process
    .venv/bin/python bench/bench_extract.py --process [--repeat 3]           # whole processes

In-process mode times ``newsclean.clean(..., entities=False)``, ``trafilatura.extract(...,
with_metadata=True, output_format='json')`` and ``lxml.html.document_fromstring`` over every page
``--repeat`` times (after one warm-up call each): wall time from ``time.perf_counter()``, CPU time
from ``time.process_time()``.

``--process`` times ``python -m newsclean --no-entities`` against a trafilatura script, each as
one subprocess over the corpus repeated ``--repeat`` times on one command line (start-up and
imports included, output to /dev/null): wall time around the subprocess, CPU time (user + sys)
from ``resource.getrusage(RUSAGE_CHILDREN)`` deltas around it. The floor is a subprocess that
imports lxml.html and parses every page. Before timing, newsclean's modules are byte-compiled
(``compileall``; ``--no-compile`` skips this): an installed wheel ships bytecode, like
trafilatura's site-packages, but an editable checkout under ``PYTHONDONTWRITEBYTECODE`` would
otherwise recompile every module from source in every process. For the same reason one untimed
newsclean run fills its compiled-pattern cache first (``newsclean.regexcache``: what any earlier
run on the machine leaves); ``--cold-cache`` instead times newsclean with that cache off
(``NEWSCLEAN_CACHE_DIR=off``), compiling every pattern in every process.

Trust the CPU times on a shared, loaded machine: wall time also counts the time the process waits
for a core that other work holds, which varies from run to run; CPU time counts only the work done.

``--process --instructions`` runs the same three commands once each under valgrind's cachegrind
(``--cache-sim=no``) and reports the instructions each executed: a count that does not depend on
what else the machine is doing, so two versions of newsclean (or the ratio to trafilatura) can be
compared exactly on a noisy machine. It counts work, not time (an instruction in libxml2's parser
and one in the Python interpreter cost different times), and takes minutes: valgrind runs the
programs ~50x slower.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
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

FLOOR_SCRIPT = """
import sys, lxml.html
for path in sys.argv[1:]:
    with open(path, 'rb') as fh:
        lxml.html.document_fromstring(fh.read())
"""


@dataclass(frozen=True)
class Timing:
    label: str
    pages: int
    wall: float
    cpu: float

    def line(self) -> str:
        wall_ms, cpu_ms = self.wall / self.pages * 1e3, self.cpu / self.pages * 1e3
        return (
            f"{self.label:12} {self.pages:5d} pages  wall {self.wall:7.3f} s ({wall_ms:6.2f} ms/page)"
            f"  cpu {self.cpu:7.3f} s ({cpu_ms:6.2f} ms/page)"
        )


def pages_of(corpus: Path) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in sorted(corpus.glob("*.htm*"))]


def ratios(ours: Timing, theirs: Timing, floor: Timing) -> None:
    print(
        f"trafilatura / newsclean: wall {theirs.wall / ours.wall:5.1f}x   cpu {theirs.cpu / ours.cpu:5.1f}x"
        "   (how many times faster newsclean is)"
    )
    print(
        f"newsclean / lxml floor:  wall {ours.wall / floor.wall:5.2f}x   cpu {ours.cpu / floor.cpu:5.2f}x"
        "   (newsclean's time in bare parses)"
    )


def timed(label: str, pages: list[tuple[str, bytes]], repeat: int, fn: Callable[[str, bytes], object]) -> Timing:
    fn(*pages[0])  # warm-up: imports, caches, compiled patterns
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for path, data in pages:
            fn(path, data)
    t = Timing(label, len(pages) * repeat, time.perf_counter() - wall0, time.process_time() - cpu0)
    print(t.line())
    return t


def in_process(pages: list[tuple[str, bytes]], repeat: int) -> None:
    import lxml.html
    import trafilatura

    import newsclean

    floor = timed("lxml parse", pages, repeat, lambda _p, d: lxml.html.document_fromstring(d))
    ours = timed("newsclean", pages, repeat, lambda p, d: newsclean.clean(d, source=p, entities=False))
    theirs = timed(
        "trafilatura",
        pages,
        repeat,
        lambda _p, d: trafilatura.extract(d, with_metadata=True, output_format="json"),
    )
    ratios(ours, theirs, floor)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_process(label: str, cmd: list[str], pages: int, env: dict[str, str] | None = None) -> Timing:
    cpu0, wall0 = children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    t = Timing(label, pages, time.perf_counter() - wall0, children_cpu() - cpu0)
    print(f"{t.line()}  exit {proc.returncode}")
    return t


_IREFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def count_instructions(label: str, cmd: list[str], env: dict[str, str] | None = None) -> int:
    """The instructions ``cmd`` executes (valgrind cachegrind, no cache simulation)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("--instructions needs valgrind on PATH (apt install valgrind)")
    proc = subprocess.run(
        [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *cmd],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False, env=env,
    )
    found = _IREFS.search(proc.stderr)
    if found is None:
        raise SystemExit(f"{label}: no instruction count in valgrind's output (exit {proc.returncode})")
    count = int(found[1].replace(",", ""))
    print(f"{label:12} {count:>16,} instructions  exit {proc.returncode}")
    return count


def whole_process(
    pages: list[tuple[str, bytes]],
    repeat: int,
    compile_first: bool,
    runs_per_side: int,
    instructions: bool = False,
    cold_cache: bool = False,
) -> None:
    if compile_first:
        import newsclean

        compileall.compile_dir(str(Path(newsclean.__file__).parent), quiet=1)
    env = {**os.environ, "NEWSCLEAN_CACHE_DIR": "off"} if cold_cache else None
    print(f"newsclean's compiled-pattern cache: {'off (--cold-cache)' if cold_cache else 'on, filled'}")
    paths = [p for p, _ in pages] * repeat
    scripts: dict[str, str] = {}
    try:
        for name, text in (("trafilatura", TRAFILATURA_SCRIPT), ("floor", FLOOR_SCRIPT)):
            with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
                fh.write(text)
                scripts[name] = fh.name
        commands = {
            "lxml parse": [sys.executable, scripts["floor"], *paths],
            "newsclean": [sys.executable, "-m", "newsclean", "--no-entities", "-q", *paths],
            "trafilatura": [sys.executable, scripts["trafilatura"], *paths],
        }
        if not cold_cache:  # one untimed run fills the compiled-pattern cache, as any earlier run would
            subprocess.run(commands["newsclean"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if instructions:
            counts = {
                label: count_instructions(label, cmd, env if label == "newsclean" else None)
                for label, cmd in commands.items()
            }
            print(
                f"trafilatura / newsclean: {counts['trafilatura'] / counts['newsclean']:5.1f}x instructions"
                f"   newsclean / lxml floor: {counts['newsclean'] / counts['lxml parse']:5.2f}x"
            )
            return
        # Interleaved runs, best of each: on a shared machine the minimum is the time least
        # disturbed by other work, and interleaving gives both sides the same conditions.
        runs: dict[str, list[Timing]] = {label: [] for label in commands}
        for _ in range(max(1, runs_per_side)):
            for label, cmd in commands.items():
                runs[label].append(run_process(label, cmd, len(paths), env if label == "newsclean" else None))
        floor, ours, theirs = (min(runs[k], key=lambda t: t.cpu) for k in ("lxml parse", "newsclean", "trafilatura"))
        print(f"best of {runs_per_side} run(s) each:")
        for t in (floor, ours, theirs):
            print("  " + t.line())
    finally:
        for script in scripts.values():
            os.unlink(script)
    ratios(ours, theirs, floor)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .html pages")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus (default 3)")
    ap.add_argument("--process", action="store_true", help="time whole processes instead of in-process calls")
    ap.add_argument("--no-compile", action="store_true", help="--process: do not byte-compile newsclean first")
    ap.add_argument("--runs", type=int, default=3, help="--process: runs of each command; the best counts (default 3)")
    ap.add_argument(
        "--cold-cache", action="store_true", help="--process: newsclean without its compiled-pattern cache"
    )
    ap.add_argument(
        "--instructions", action="store_true", help="--process: count instructions under valgrind instead of timing"
    )
    args = ap.parse_args()
    pages = pages_of(args.corpus)
    if not pages:
        print(f"no pages in {args.corpus}", file=sys.stderr)
        return 2
    if args.process:
        whole_process(pages, args.repeat, not args.no_compile, args.runs, args.instructions, args.cold_cache)
    else:
        in_process(pages, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
