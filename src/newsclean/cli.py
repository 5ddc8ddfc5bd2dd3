"""The ``newsclean`` command: files, folders, globs or stdin in; records out.

Exit codes: 0 every record ok; 1 some record is not ok (empty, error, timeout, skipped);
2 usage error; 130 interrupted (Ctrl-C; the records written so far are complete lines, and
``--resume`` goes on from there).

Inputs: files (``.txt`` text dumps, ``.html``/``.htm`` pages, ``.warc``/``.warc.gz`` crawls),
folders, globs, and ``-`` (stdin: see :mod:`newsclean.stdin`). A progress bar goes to stderr when
it is a terminal (needs tqdm: the ``progress`` extra), and a summary line goes to stderr at the
end (``-q`` silences it). Records go to stdout as JSON Lines — or, when stdout is a terminal and
no ``--format`` is given, as a readable Markdown view — or to ``-o FILE`` in the format its
suffix names.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from . import __version__
from .article import STATUSES, Article
from .batch import DEFAULT_TIMEOUT, clean_many
from .inputs import DEFAULT_MAX_BYTES, Item, expand_items, resume_key_of_item
from .output import FORMATS, ParquetOutput, RecordSink, Writer, done_keys, format_for
from .stdin import MODES, read_stdin

EXIT_OK, EXIT_NOT_OK, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, sized like ``shutil.get_terminal_size`` without importing shutil
    (which pulls in bz2, lzma and zlib: ~5 ms of every run's start-up, for help text)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``: $COLUMNS, else the terminal of stdout, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
        columns = columns or 80
    return columns


EPILOG = """\
subcommands:
  newsclean explain PAGE [-o report.html]
      one self-contained HTML report of PAGE: kept blocks, removed blocks
      with their rule, entities highlighted (newsclean explain --help)

inputs:
  page.html, page.htm  an HTML page, any encoding
  dump.txt             a text dump (a scraper's text of a page)
  crawl.warc[.gz]      every HTML response in a WARC file (extra 'warc')
  folder/              the files above inside it, walked in sorted order
  'crawl/**/*.html'    a glob (quoted: newsclean expands it)
  -                    stdin: one HTML page or text dump, or one path or
                       JSON object {"source", "html"|"text", "url"} a line
  Files that are no page (images, PDFs, archives) become 'skipped' records.

output:
  -o FILE takes the format its suffix names: .jsonl .json .md .txt .parquet
  Without -o: JSON Lines on a pipe or file, a Markdown view on a terminal.

exit codes:
  0    every record ok
  1    some record not ok (empty, error, timeout or skipped; still written)
  2    usage error
  130  interrupted (Ctrl-C); the records written are whole lines: --resume
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsclean",
        formatter_class=_HelpFormatter,
        description="Turn Korean news pages (HTML) and text dumps into clean JSON records,\n"
        "one record per input, in input order.",
        epilog=EPILOG,
    )
    p.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files (.html/.htm/.txt/.warc/.warc.gz), folders, globs, or -"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write records here instead of stdout")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: from the suffix of -o; jsonl on a pipe, markdown on a terminal)",
    )
    p.add_argument(
        "--stdin",
        choices=MODES,
        default="auto",
        help="what '-' holds: one HTML page (html), one text dump (text), a path per line (paths: "
        "literal, no globs), a JSON object per line (jsonl); auto (default) tells them apart",
    )
    p.add_argument("--explain", action="store_true", help="add the removed blocks (rule, text) to each record")
    p.add_argument("--no-entities", action="store_true", help="skip entity extraction (faster)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per input; past it the input becomes a 'timeout' record; 0: none "
        f"(default: {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"inputs larger than this become 'skipped' records (default: {DEFAULT_MAX_BYTES})",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="with -o FILE (jsonl): skip inputs whose record is already in FILE and append the rest",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    p.add_argument("--version", action="version", version=f"newsclean {__version__}")
    return p


def iter_inputs(
    args: Sequence[str], stdin: TextIO, max_bytes: int = DEFAULT_MAX_BYTES, stdin_mode: str = "auto"
) -> Iterator[Item]:
    for arg in args:
        if arg == "-":
            yield from read_stdin(stdin, max_bytes, stdin_mode)
        else:
            yield from expand_items([arg], max_bytes=max_bytes)


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    parser.print_usage(sys.stderr)
    print(f"newsclean: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _skip_done(items: Iterable[Item], done: set[str], counter: Counter[str]) -> Iterator[Item]:
    for item in items:
        if resume_key_of_item(item) in done:
            counter["resumed"] += 1
            continue
        yield item


def _progress(enabled: bool) -> Any:
    """A tqdm bar on stderr when it is a terminal and tqdm is installed, else None."""
    if not enabled or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(file=sys.stderr, unit="page", dynamic_ncols=True, smoothing=0.1)


def summary_line(counts: Counter[str], seconds: float) -> str:
    total = sum(counts[s] for s in STATUSES)
    parts = ", ".join(f"{counts[s]} {s}" for s in STATUSES)
    noun = "record" if total == 1 else "records"
    line = f"newsclean: {total} {noun} ({parts}) in {seconds:.1f} s"
    if total > 1:  # a rate of one page is mostly start-up (the model's load), not throughput
        line += f", {total / seconds if seconds > 0 else 0.0:.1f} pages/s"
    if counts["resumed"]:
        done = counts["resumed"]
        line += f"; {done} input{'' if done == 1 else 's'} already in the output (--resume)"
    return line


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["explain"]:
        from .explain import main as explain_main

        return explain_main(argv[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    if args.jobs < 1:
        return _usage_error(parser, "--jobs must be at least 1")
    if args.timeout < 0 or args.max_bytes < 1:
        return _usage_error(parser, "--timeout must be >= 0 and --max-bytes >= 1")
    try:
        fmt = format_for(args.output, args.format, terminal=_stdout_is_terminal())
    except ValueError as exc:
        return _usage_error(parser, str(exc))
    if args.resume and (not args.output or fmt != "jsonl"):
        return _usage_error(parser, "--resume needs -o FILE in jsonl format")
    if fmt == "parquet" and not args.output:
        return _usage_error(parser, "--format parquet needs -o FILE")
    counts: Counter[str] = Counter()
    done = done_keys(args.output) if args.resume else set()
    try:
        sink, out = _open_sink(args.output, fmt, args.explain, append=args.resume)
    except ImportError:
        print("newsclean: error: Parquet output needs pyarrow: pip install 'newsclean[parquet]'", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"newsclean: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    items: Iterable[Item] = iter_inputs(args.inputs, sys.stdin, args.max_bytes, args.stdin)
    if args.resume:
        items = _skip_done(items, done, counts)
    bar = _progress(not args.no_progress)
    started = time.monotonic()
    code = EXIT_OK
    records: Iterator[Article] | None = None
    try:
        records = clean_many(
            items,
            jobs=args.jobs,
            entities=not args.no_entities,
            timeout=args.timeout or None,
            max_bytes=args.max_bytes,
        )
        for art in records:
            sink.write(art)
            if not counts:
                # What the first record left alive (modules, tables, compiled patterns) lives as
                # long as the process: the collector need not scan it again in every full pass.
                gc.freeze()
            counts[art.status] += 1
            if bar is not None:
                bar.update(1)
                if art.status != "ok":
                    bar.set_postfix(not_ok=sum(counts[s] for s in STATUSES if s != "ok"), refresh=False)
        sink.close()
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        code = EXIT_NOT_OK
        if out is sys.stdout:
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
        print("newsclean: interrupted", file=sys.stderr)
        _close_quietly(sink)
    finally:
        if records is not None and hasattr(records, "close"):
            records.close()  # stops the workers now, not at garbage collection
        if bar is not None:
            bar.close()
        if out is not None and out is not sys.stdout:
            out.close()
    if not args.quiet:
        print(summary_line(counts, time.monotonic() - started), file=sys.stderr)
    if code != EXIT_OK:
        return code
    return EXIT_NOT_OK if any(counts[s] for s in STATUSES if s != "ok") else EXIT_OK


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _open_sink(path: str | None, fmt: str, explain: bool, *, append: bool) -> tuple[RecordSink, TextIO | None]:
    if fmt == "parquet":
        assert path is not None
        return ParquetOutput(path, explain=explain), None
    out: TextIO = open(path, "a" if append else "w", encoding="utf-8") if path else sys.stdout  # noqa: SIM115
    return Writer(out, fmt, explain=explain), out


def _close_quietly(sink: RecordSink) -> None:
    with contextlib.suppress(Exception):
        sink.close()
