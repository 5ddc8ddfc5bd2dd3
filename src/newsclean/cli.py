"""The ``newsclean`` command: files, folders, globs or stdin in; records out.

Exit codes: 0 every record ok; 1 some record is not ok (empty, error, timeout, skipped);
2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from . import __version__
from .batch import clean_many
from .inputs import Item, expand_paths
from .output import FORMATS, Writer

EXIT_OK, EXIT_NOT_OK, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsclean",
        description="Turn Korean news pages (HTML) and text dumps into clean JSON records.",
        epilog="Exit codes: 0 all records ok, 1 some records not ok, 2 usage error. "
        "Stdin ('-'): one path per line, or JSON Lines of {\"source\", \"html\"|\"text\", \"url\"}.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files (.html/.htm/.txt), folders, globs, or -")
    p.add_argument("-o", "--output", metavar="FILE", help="write records here instead of stdout")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    p.add_argument("--explain", action="store_true", help="add the removed blocks (rule, text) to each record")
    p.add_argument("--no-entities", action="store_true", help="skip entity extraction (faster)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    p.add_argument("--version", action="version", version=f"newsclean {__version__}")
    return p


def read_stdin(stream: TextIO) -> Iterator[Item]:
    """Stdin lines: a path each, or a JSON object with the document itself."""
    for n, line in enumerate(stream, 1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield {"source": f"<stdin>:{n}", "_error": f"JSONDecodeError: {exc}"}
                continue
            if isinstance(obj, dict):
                obj.setdefault("source", f"<stdin>:{n}")
                yield obj
            else:
                yield {"source": f"<stdin>:{n}", "_error": "InvalidInput: not a JSON object"}
        else:
            yield from expand_paths([line])


def iter_inputs(args: Sequence[str], stdin: TextIO) -> Iterator[Item]:
    for arg in args:
        if arg == "-":
            yield from read_stdin(stdin)
        else:
            yield from expand_paths([arg])


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
        parser.print_usage(sys.stderr)
        print("newsclean: error: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        print(f"newsclean: error: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    writer = Writer(out, args.format, explain=args.explain)
    not_ok = 0
    try:
        for art in clean_many(iter_inputs(args.inputs, sys.stdin), jobs=args.jobs, entities=not args.no_entities):
            writer.write(art)
            not_ok += art.status != "ok"
        writer.close()
    except BrokenPipeError:
        return EXIT_NOT_OK
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_NOT_OK if not_ok else EXIT_OK
