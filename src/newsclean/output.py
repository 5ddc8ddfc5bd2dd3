"""Writers for the CLI's output formats: jsonl, json, text, markdown, parquet.

Every writer streams: records are written as they come (Parquet: in row groups of
``ParquetOutput.batch_size`` records), so memory does not grow with the batch.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any, Protocol, TextIO

from .article import Article
from .inputs import resume_key

FORMATS = ("jsonl", "json", "text", "markdown", "parquet")


class RecordSink(Protocol):
    count: int

    def write(self, art: Article) -> None: ...

    def close(self) -> None: ...


SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".parquet": "parquet",
}
"""The output formats that ``-o FILE``'s suffix names."""


def format_for(path: str | None, fmt: str | None, *, terminal: bool = False) -> str:
    """The format asked for; else the one the output file's suffix names (a file without a
    suffix, such as ``/dev/stdout``, gets jsonl); else markdown on a ``terminal``, jsonl on a pipe.

    Raises ``ValueError`` for a suffix that names no format (``out.csv``): newsclean never
    writes JSON Lines into a file whose name promises something else."""
    if fmt:
        return fmt
    if not path:
        return "markdown" if terminal else "jsonl"
    suffix = os.path.splitext(os.path.basename(path))[1].lower()
    if not suffix:
        return "jsonl"
    if suffix not in SUFFIX_FORMATS:
        known = " ".join(SUFFIX_FORMATS)
        raise ValueError(f"cannot tell the output format from {path!r}: use a suffix of {known}, or --format")
    return SUFFIX_FORMATS[suffix]


class ParquetOutput:
    """Records to a Parquet file with :data:`newsclean.arrow.RECORD_SCHEMA`, in row groups."""

    batch_size = 500

    def __init__(self, path: str, *, explain: bool = False) -> None:
        import pyarrow.parquet as pq

        from .arrow import RECORD_SCHEMA

        self.path, self.explain, self.count = path, explain, 0
        self.rows: list[dict[str, Any]] = []
        self.writer = pq.ParquetWriter(path, RECORD_SCHEMA, compression="zstd")

    def write(self, art: Article) -> None:
        self.rows.append(art.to_dict(explain=self.explain))
        self.count += 1
        if len(self.rows) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        from .arrow import records_to_batch

        if self.rows:
            self.writer.write_batch(records_to_batch(self.rows))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def done_keys(path: str) -> set[str]:
    """Resume keys of the records already in a JSON Lines output file.

    A last line cut off by an interrupted run is removed from the file (it is no record), so
    appending goes on from a clean line boundary.
    """
    keys: set[str] = set()
    if not os.path.exists(path):
        return keys
    with open(path, "rb+") as fh:
        data = fh.read()
        if data and not data.endswith(b"\n"):
            cut = data.rfind(b"\n") + 1
            fh.truncate(cut)
            data = data[:cut]
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and "source" in rec:
            keys.add(resume_key(rec.get("source"), rec))
    return keys


_SURROGATE = re.compile("[\ud800-\udfff]")


class Writer:
    """Writes records one at a time (streaming; ``json`` writes one array)."""

    def __init__(self, out: TextIO, fmt: str = "jsonl", *, explain: bool = False) -> None:
        self.out, self.fmt, self.explain, self.count = out, fmt, explain, 0

    def write(self, art: Article) -> None:
        rec = art.to_dict(explain=self.explain)
        if self.fmt == "jsonl":
            chunk = json.dumps(rec, ensure_ascii=False) + "\n"
        elif self.fmt == "json":
            chunk = ("[\n" if self.count == 0 else ",\n") + json.dumps(rec, ensure_ascii=False, indent=1)
        elif self.fmt == "text":
            chunk = ("\n" if self.count else "") + as_text(rec)
        else:
            chunk = ("\n---\n\n" if self.count else "") + as_markdown(rec)
        # A lone surrogate (from a JSON input's "\ud800") cannot be written as UTF-8: one U+FFFD
        # each, so every offset into the text stays true.
        self.out.write(_SURROGATE.sub("\ufffd", chunk) if _SURROGATE.search(chunk) else chunk)
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
            self.out.flush()


def _status_line(rec: dict[str, Any]) -> str:
    return f"[{rec['status']}] {rec['source']}: {rec['error']}\n"


def as_text(rec: dict[str, Any]) -> str:
    if rec["status"] not in ("ok",):
        return _status_line(rec)
    head = [rec.get("title") or ""]
    by = ", ".join(r["name"] + (f" <{r['email']}>" if r.get("email") else "") for r in rec["reporters"])
    info = " | ".join(x for x in (rec.get("publisher"), rec.get("published"), by) if x)
    if info:
        head.append(info)
    if "removed" in rec and rec.get("meta_sources"):  # --explain: where the metadata came from
        head.append("sources: " + "; ".join(f"{k}: {v}" for k, v in rec["meta_sources"].items()))
    return "\n".join(head) + "\n\n" + rec["text"] + "\n"


def as_markdown(rec: dict[str, Any]) -> str:
    if rec["status"] not in ("ok",):
        return _status_line(rec)
    lines = [f"# {rec.get('title') or '(untitled)'}", ""]
    for key, label in (("publisher", "Publisher"), ("published", "Published"), ("url", "URL")):
        if rec.get(key):
            lines.append(f"- {label}: {rec[key]}")
    if rec["reporters"]:
        lines.append("- Reporters: " + ", ".join(r["name"] for r in rec["reporters"]))
    lines.append("")
    lines.extend(p + "\n" for p in rec["paragraphs"])
    if rec["captions"]:
        lines.append("## Captions\n")
        lines.extend(f"> {c}\n" for c in rec["captions"])
    if rec["entities"]:
        lines.append("## Entities\n")
        lines.extend(_entity_lines(rec["entities"]))
        lines.append("")
    if "removed" in rec:
        lines.append(f"## Removed ({len(rec['removed'])} blocks)\n")
        lines.extend(f"- `{r['rule']}` {_short(r['text'])}" for r in rec["removed"])
        lines.append("")
    return "\n".join(lines)


def _short(text: str, limit: int = 100) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


def _entity_lines(entities: list[dict[str, Any]]) -> list[str]:
    """One line per entity type: its distinct names (normalised), most mentioned first."""
    by_type: dict[str, dict[str, int]] = {}
    for e in entities:
        names = by_type.setdefault(e["type"], {})
        key = str(e.get("norm") or e["text"])
        names[key] = names.get(key, 0) + 1
    out = []
    for typ, names in by_type.items():
        ranked = sorted(names.items(), key=lambda kv: -kv[1])
        shown = ", ".join(n + (f" ×{c}" if c > 1 else "") for n, c in ranked[:12])
        more = f", … (+{len(ranked) - 12})" if len(ranked) > 12 else ""
        out.append(f"- {typ}: {shown}{more}")
    return out
