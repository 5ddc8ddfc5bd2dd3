"""``newsclean explain PAGE -o report.html``: one self-contained HTML page showing what was kept and why.

The page is cleaned as usual inside :func:`newsclean.strip.base.tracing`, which records every
block the strip rules saw, in order, and the rule that dropped each one. The report lists
those blocks in reading order: kept blocks plainly (entities highlighted by type), removed
blocks struck through and labelled with their rule, pieces cut from a kept block (a trailing
byline, a dateline) struck through inside it. The record's metadata stands at the top; the
header counts every struck-through piece (removed blocks and pieces cut from kept blocks). For
an HTML page a last section accounts for the text outside the article container, which the
strip rules never saw (:mod:`newsclean.explain_outside`): grouped by reason, with counts and
samples. Inline CSS only: no scripts, no external resources; every piece of page text is escaped.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from . import regexcache
from .article import Article, Entity
from .blocks import CAPTION, Block
from .explain_outside import OutsideGroup, outside_groups
from .inputs import Options, kind_of_path, process
from .strip.base import TraceEntry, tracing

KEPT = "kept"

CSS = """
body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}
h1{font-size:1.4rem}
table.meta{border-collapse:collapse;margin-bottom:1.5rem}
table.meta th{text-align:left;padding:.15rem .8rem .15rem 0;color:#555;font-weight:normal;vertical-align:top}
table.meta td{padding:.15rem 0}
.summary{color:#555;margin-bottom:1rem}
.block{margin:.35rem 0;padding:.3rem .5rem;border-left:3px solid #2a7}
.block.removed{border-left-color:#c33;background:#fbf3f3;color:#777}
.block.removed del{text-decoration:line-through}
.block.caption{border-left-color:#88a;font-style:italic}
.rule{display:inline-block;font-size:.75rem;font-family:monospace;background:#c33;color:#fff;
 border-radius:3px;padding:0 .35rem;margin-right:.5rem;text-decoration:none}
del.cut{color:#a33}
mark.ent{border-radius:3px;padding:0 .1rem}
.ent-ministry,.ent-agency{background:#ffe08a}
.ent-region{background:#b9e4c9}
.ent-organization{background:#cfe0ff}
.ent-person{background:#ffd0e0}
.ent-count,.ent-money,.ent-percent{background:#e3d4ff}
.ent-date{background:#d6f0f5}
.legend span{margin-right:.4rem;padding:0 .2rem;border-radius:3px}
#outside{margin-top:2rem;color:#555}
#outside q.sample{color:#777}
"""


@dataclass(slots=True)
class Row:
    """One block of the report: kept (rule is None) or removed by ``rule``."""

    text: str
    rule: str | None
    original: str
    kind: str = "paragraph"
    cuts: list[tuple[str, str]] = field(default_factory=list)  # (rule, text) cut from a kept block
    offset: int | None = None  # where a kept paragraph starts in the record's text


def _line_no(block: Block) -> int | None:
    if block.path.startswith("line:"):
        try:
            return int(block.path[5:])
        except ValueError:
            return None
    return None


def rows_from_trace(trace: Sequence[TraceEntry], art: Article) -> list[Row]:
    """The blocks in reading order with their fate (kept, or the rule that dropped them)."""
    order: list[Block] = []
    first_text: dict[int, str] = {}
    fate: dict[int, str | None] = {}
    for block, rule_name, text in trace:
        key = id(block)
        if key not in first_text:
            order.append(block)
            first_text[key] = text
            fate[key] = None
        if rule_name is not None:
            fate[key] = rule_name
    lines = [_line_no(b) for b in order]
    if order and all(n is not None for n in lines):  # a text dump: its own line order
        order = [b for _, b in sorted(zip(lines, order, strict=True), key=lambda p: p[0] or 0)]
    cuts = [(r.rule, r.text) for r in art.removed]
    dropped_texts = {first_text[id(b)] for b in order if fate[id(b)] is not None}
    rows: list[Row] = []
    for b in order:
        rule_name = fate[id(b)]
        original = first_text[id(b)]
        row = Row(b.text if rule_name is None else original, rule_name, original, b.kind)
        if rule_name is None and b.text != original:
            row.cuts = [(r, t) for r, t in cuts if t in original and t not in dropped_texts]
        rows.append(row)
    _place_paragraphs(rows, art)
    return rows


def _place_paragraphs(rows: list[Row], art: Article) -> None:
    """Give each kept paragraph its offset in ``art.text`` (for entity highlighting)."""
    offsets: list[int] = []
    pos = 0
    for p in art.paragraphs:
        offsets.append(pos)
        pos += len(p) + 2
    i = 0
    for row in rows:
        if row.rule is not None or row.kind == CAPTION or i >= len(art.paragraphs):
            continue
        if row.text == art.paragraphs[i]:
            row.offset = offsets[i]
            i += 1


def _highlight(text: str, offset: int | None, entities: Sequence[Entity]) -> str:
    """Escaped ``text`` with the entities that fall inside it wrapped in ``<mark>``."""
    if offset is None or not entities:
        return escape(text)
    end = offset + len(text)
    inside = sorted((e for e in entities if offset <= e.start and e.end <= end), key=lambda e: (e.start, -e.end))
    out: list[str] = []
    pos = 0
    for e in inside:
        s, t = e.start - offset, e.end - offset
        if s < pos:
            continue  # overlapping mention: the first one wins
        out.append(escape(text[pos:s]))
        label = e.type + (f": {e.norm}" if e.norm and e.norm != e.text else "")
        out.append(
            f'<mark class="ent ent-{escape(e.type)}" data-type="{escape(e.type)}" title="{escape(label)}">'
            f"{escape(text[s:t])}</mark>"
        )
        pos = t
    out.append(escape(text[pos:]))
    return "".join(out)


def _with_cuts(row: Row, body_html: str) -> str:
    """A kept block whose pieces were cut: show the cut pieces struck through in place."""
    html = body_html
    for rule_name, piece in row.cuts:
        label = escape(rule_name)
        struck = f'<del class="cut" title="{label}"><span class="rule">{label}</span>{escape(piece)}</del>'
        html = struck + " " + html if row.original.find(piece) == 0 else html + " " + struck
    return html


def render_row(row: Row, entities: Sequence[Entity]) -> str:
    if row.rule is not None:
        return (
            f'<div class="block removed" data-rule="{escape(row.rule)}">'
            f'<span class="rule">{escape(row.rule)}</span><del>{escape(row.text)}</del></div>'
        )
    cls = "block kept caption" if row.kind == CAPTION else "block kept"
    inner = _highlight(row.text, row.offset, entities)
    if row.cuts:
        inner = _with_cuts(row, inner)
    return f'<div class="{cls}">{inner}</div>'


def sources_line(sources: Mapping[str, str] | None) -> str | None:
    """Where the metadata came from: ``title: og:title+heading; published: jsonld:datePublished``."""
    return "; ".join(f"{k}: {v}" for k, v in sources.items()) if sources else None


def _meta_rows(art: Article) -> str:
    reporters = ", ".join(r.name + (f" <{r.email}>" if r.email else "") for r in art.reporters)
    fields = [
        ("title", art.title),
        ("publisher", art.publisher),
        ("portal", art.portal),
        ("published", art.published),
        ("modified", art.modified),
        ("reporters", reporters or None),
        ("url", art.url),
        ("canonical_url", art.canonical_url),
        ("encoding", f"{art.encoding} ({art.encoding_source})" if art.encoding else None),
        ("status", art.status + (f": {art.error}" if art.error else "")),
        ("sources", sources_line(art.meta_sources)),
    ]
    return "".join(
        f'<tr><th>{name}</th><td class="meta-{name}">{escape(value) if value else "—"}</td></tr>'
        for name, value in fields
    )


def _summary(rows: Sequence[Row], entities: int, outside: Sequence[OutsideGroup]) -> str:
    """The header line: what is kept, and every struck-through piece counted by rule."""
    kept = sum(1 for r in rows if r.rule is None)
    removed = len(rows) - kept
    cuts = sum(len(r.cuts) for r in rows if r.rule is None)
    by_rule: dict[str, int] = {}
    for r in rows:
        for name in [r.rule] if r.rule is not None else [c for c, _ in r.cuts]:
            by_rule[name] = by_rule.get(name, 0) + 1
    rules_line = ", ".join(f"{escape(k)} ×{v}" for k, v in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])))
    line = (
        f"{_n(kept, 'block')} kept, {removed + cuts} struck through "
        f"({_n(removed, 'block')} removed, {_n(cuts, 'piece')} cut from kept blocks"
    )
    line += f": {rules_line})" if rules_line else ")"
    line += f"; {entities} entities."
    if outside:
        n = sum(g.count for g in outside)
        line += f' <a href="#outside">{_n(n, "block")} outside the article container</a>: never candidates.'
    return line


def _n(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _outside_section(groups: Sequence[OutsideGroup]) -> str:
    if not groups:
        return ""
    items = "".join(
        f'<li data-reason="{escape(g.reason)}"><span class="count">{g.count}</span> × {escape(g.label)}'
        f' <span class="chars">({g.chars} characters)</span>: '
        + ", ".join(f'<q class="sample">{escape(s)}</q>' for s in g.samples)
        + "</li>"
        for g in groups
    )
    return (
        '<section id="outside"><h2>Outside the article container</h2>'
        "<p>Text blocks of the page that were never article candidates, by reason (the strip "
        "rules above only see the container's blocks).</p>"
        f"<ul>{items}</ul></section>\n"
    )


def render(art: Article, rows: Sequence[Row], outside: Sequence[OutsideGroup] = ()) -> str:
    """The whole report as one HTML document."""
    types = sorted({e.type for e in art.entities})
    legend = "".join(f'<span class="ent-{escape(t)}">{escape(t)}</span>' for t in types)
    body = "\n".join(render_row(r, art.entities) for r in rows)
    title = escape(art.title or art.source or "newsclean explain")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="ko"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{CSS}</style></head><body>\n"
        f"<h1>newsclean explain: {escape(art.source or '')}</h1>\n"
        f'<table class="meta">{_meta_rows(art)}</table>\n'
        f'<p class="summary">{_summary(rows, len(art.entities), outside)}</p>\n'
        + (f'<p class="legend">{legend}</p>\n' if legend else "")
        + f'<main id="blocks">\n{body}\n</main>\n'
        + _outside_section(outside)
        + "</body></html>\n"
    )


_SUFFIXES = (".html", ".htm", ".txt", ".text")
_SAFE_SOURCE = regexcache.compile(r"^[^\x00]+$")


def explain_file(path: str, *, entities: bool = True) -> tuple[Article, list[Row]]:
    """Clean ``path`` with tracing on; the record and the report's rows."""
    with tracing() as trace:
        art = process(path, Options(entities=entities))
    return art, rows_from_trace(trace, art)


def outside_of(path: str, art: Article, rows: Sequence[Row]) -> list[OutsideGroup]:
    """For an HTML page that was read: its text outside the article container, by reason."""
    if kind_of_path(path) != "html" or art.status not in ("ok", "empty"):
        return []
    seen = [r.original for r in rows] + [art.title or "", art.subtitle or "", *art.captions, *art.paragraphs]
    return outside_groups(Path(path).read_bytes(), seen)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsclean explain",
        description="Write one self-contained HTML page showing which blocks of PAGE were kept, "
        "which were removed and by which rule, with entities highlighted.",
    )
    p.add_argument("page", metavar="PAGE", help="an .html/.htm page or a .txt dump")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report here (default: stdout)")
    p.add_argument("--no-entities", action="store_true", help="skip entity extraction")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return 2 if exc.code not in (0, None) else 0
    page = Path(args.page)
    if page.is_dir():
        print(
            f"newsclean explain: error: {args.page} is a folder; explain takes one page "
            "(.html, .htm or .txt): newsclean --explain FOLDER lists the removals of every page in it",
            file=sys.stderr,
        )
        return 2
    if not page.is_file() or not _SAFE_SOURCE.match(args.page):
        print(f"newsclean explain: error: no such file: {args.page}", file=sys.stderr)
        return 2
    if page.suffix.lower() not in _SUFFIXES:
        print(f"newsclean explain: error: PAGE must be .html, .htm or .txt: {args.page}", file=sys.stderr)
        return 2
    art, rows = explain_file(str(page), entities=not args.no_entities)
    html = render(art, rows, outside_of(str(page), art, rows))
    if args.output:
        try:
            Path(args.output).write_text(html, encoding="utf-8")
        except OSError as exc:
            print(f"newsclean explain: error: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(html)
    return 0 if art.ok else 1
