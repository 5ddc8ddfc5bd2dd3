"""Writers for the CLI's output formats: jsonl, json, text, markdown."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .article import Article

FORMATS = ("jsonl", "json", "text", "markdown")


class Writer:
    """Writes records one at a time (streaming; ``json`` writes one array)."""

    def __init__(self, out: TextIO, fmt: str = "jsonl", *, explain: bool = False) -> None:
        self.out, self.fmt, self.explain, self.count = out, fmt, explain, 0

    def write(self, art: Article) -> None:
        rec = art.to_dict(explain=self.explain)
        if self.fmt == "jsonl":
            self.out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.out.write(("[\n" if self.count == 0 else ",\n") + json.dumps(rec, ensure_ascii=False, indent=1))
        elif self.fmt == "text":
            self.out.write(("\n" if self.count else "") + as_text(rec))
        else:
            self.out.write(("\n---\n\n" if self.count else "") + as_markdown(rec))
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
    return "\n".join(lines)
