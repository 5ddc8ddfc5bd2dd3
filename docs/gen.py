"""Generate the reference pages of the docs from the code and the data (run by conf.py on every build).

* ``_gen/schema.md``  — the record's fields, from ``newsclean/schema/record.schema.json``;
* ``_gen/cli.md``     — the command line, from ``newsclean.cli.build_parser()`` and
  ``newsclean.explain.build_parser()``;
* ``_gen/rules.md``   — the rules catalogue, from the rule registry alone (``newsclean.pipeline.rules()``:
  the strip rules and the sub-rules the phrase tables and the text-dump locator register).

Run by hand with ``python docs/gen.py`` (writes next to this file).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "_gen"

# What each record field means (the schema gives types and enums; the meaning is written here).
FIELD_DOCS: dict[str, str] = {
    "schema_version": "Version of this record layout: bumped when a field is removed, renamed or changes type "
    "or meaning incompatibly; a new field that readers may ignore (`canonical_url`) keeps it.",
    "source": "The input as given: a path, a URL or `<stdin>:N`.",
    "status": "`ok`, or why there is no article: `empty`, `error`, `timeout`, `skipped`.",
    "error": "`ExceptionType: message` when status is not `ok`.",
    "url": "The article's URL: the one given with the page (a WARC record's target URI), else the page's own.",
    "canonical_url": "The page's own canonical URL (`<link rel=canonical>`, else `og:url`); null when it declares none.",
    "portal": "`naver`, `daum`, `nate` ... when the page is a portal's copy of the article.",
    "publisher": "The press's Korean name (머니투데이, 연합뉴스 ...).",
    "title": "The headline.",
    "subtitle": "The deck or subheading under the headline, when the page has one.",
    "section": "The page's section (정치, 경제 ...), when it names one.",
    "published": "First publication time, ISO 8601 in Korean time (`+09:00`).",
    "modified": "Last modification time, ISO 8601.",
    "reporters": "Credited reporters: `name`, `email`, `role` (기자, 특파원 ...).",
    "paragraphs": "The article's paragraphs in reading order.",
    "text": "The paragraphs joined by a blank line; entity offsets point into it.",
    "captions": "Photo captions, apart from the body.",
    "entities": "Mentions found in `text` (see the entity types below).",
    "removed": "With `--explain`: every removed block as `{rule, text}`.",
    "stats": "Counts: blocks in and out, duplicates removed, characters out.",
    "encoding": "The codec the page was decoded with (`cp949`, `utf-8` ...).",
    "encoding_source": "Where the encoding came from: `bom`, `http`, `meta`, `utf-8`, `detector` ...",
    "meta_sources": "Where `title`, `published` and `publisher` came from (`og:title+heading`, "
    "`jsonld:datePublished`, `label:head`, `og:site_name`, `copyright` ...); see the architecture page.",
}

ENTITY_EXAMPLES: dict[str, tuple[str, str]] = {
    "ministry": ("중기부는 지역 정책을 발표했다.", "중기부 → norm 중소벤처기업부"),
    "agency": ("경찰청은 수사를 시작했다.", "경찰청 (처·청·위원회; may share `ministry`)"),
    "region": ("경북 포항시 호미곶", "경북 → norm 경상북도, code, level"),
    "organization": ("대구테크노파크와 협약을 맺었다.", "대구테크노파크"),
    "person": ("이영 장관은 말했다.", "이영, role 장관"),
    "count": ("13개 지방청과 함께", "value 13, unit 개, noun 지방청"),
    "quantity": ("제21대 국회, 5차 회의, 35도, 10배, 30대 남성", "norm ordinal / measure / multiplier / age"),
    "money": ("사업비는 1200억원 규모다.", "value 120000000000, currency KRW"),
    "percent": ("0.73%포인트 차로", "value 0.73"),
    "date": ("지난 8일 회의를 열었다.", "value: the ISO date resolved against `published`"),
}


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def code(text: str) -> str:
    """Inline code that survives backticks and pipes in the text."""
    text = text.replace("\n", " ").replace("|", "¦")
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _type_of(spec: dict[str, Any]) -> str:
    if "const" in spec:
        return "always " + code(json.dumps(spec["const"]))
    if "enum" in spec:
        return "one of " + ", ".join(code(str(v)) for v in spec["enum"])
    t = spec.get("type", "")
    types = t if isinstance(t, list) else [t]
    out = []
    for one in types:
        if one == "array":
            item = spec.get("items", {})
            out.append(f"array of {item.get('type', 'object')}")
        else:
            out.append(str(one))
    return " or ".join(out)


def schema_page() -> str:
    schema = json.loads(resources.files("newsclean").joinpath("schema", "record.schema.json").read_text("utf-8"))
    required = set(schema.get("required", []))
    props: dict[str, Any] = schema["properties"]
    parts = [
        "# The record\n",
        "Every input gives exactly one record (one JSON object per line in JSON Lines), also when it fails. "
        "This page is generated from the JSON Schema shipped in the package "
        f"(`newsclean/schema/record.schema.json`, {code(str(schema.get('$id', '')))}); "
        "a test keeps the dataclasses and the schema in agreement.\n",
        table(
            ["field", "type", "required", "meaning"],
            (
                [
                    code(name),
                    _type_of(spec),
                    "yes" if name in required else "",
                    md_escape(spec.get("description") or FIELD_DOCS.get(name, "")),
                ]
                for name, spec in props.items()
            ),
        ),
    ]
    for name in ("reporters", "entities", "removed", "stats"):
        spec = props.get(name)
        if not spec:
            continue
        inner = spec.get("items", spec)
        sub = inner.get("properties")
        if not sub:
            continue
        req = set(inner.get("required", []))
        parts.append(f"\n## `{name}`\n")
        parts.append(
            table(
                ["field", "type", "required"],
                ([code(k), _type_of(v), "yes" if k in req else ""] for k, v in sub.items()),
            )
        )
    types = props.get("entities", {}).get("items", {}).get("properties", {}).get("type", {}).get("enum", [])
    if types:
        parts.append("\n## Entity types\n")
        parts.append("See [Entities](../entities.md) for how each type is found and which fields it carries.\n\n")
        parts.append(
            table(
                ["type", "example sentence", "entity"],
                (
                    [code(t), md_escape(sentence), md_escape(found)]
                    for t in types
                    for sentence, found in [ENTITY_EXAMPLES.get(t, ("", ""))]
                ),
            )
        )
    return "\n".join(parts)


def _actions_table(parser: argparse.ArgumentParser) -> str:
    rows = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        name = ", ".join(action.option_strings) or (action.metavar or action.dest)
        if isinstance(action.metavar, str) and action.option_strings:
            name += f" {action.metavar}"
        extra = []
        if action.choices:
            extra.append("choices: " + ", ".join(str(c) for c in action.choices))
        help_text = (action.help or "") % {"default": action.default} if action.help else ""
        shown = action.default not in (None, False, argparse.SUPPRESS) and "default" not in help_text
        if shown and action.option_strings:
            extra.append(f"default: {action.default}")
        rows.append([code(name), md_escape(help_text + (f" ({'; '.join(extra)})" if extra else ""))])
    return table(["argument", "what"], rows)


def cli_page() -> str:
    from newsclean.cli import build_parser
    from newsclean.explain import build_parser as explain_parser

    main = build_parser()
    explain = explain_parser()
    parts = [
        "# Command line\n",
        "Generated from `newsclean.cli.build_parser()` and `newsclean.explain.build_parser()`.\n",
        "## `newsclean`\n",
        md_escape(main.description or "") + "\n",
        "```text\n" + main.format_usage().strip() + "\n```\n",
        _actions_table(main),
        "\n```text\n" + (main.epilog or "").rstrip() + "\n```\n",
        "\n## `newsclean explain`\n",
        md_escape(explain.description or "") + "\n",
        "```text\n" + explain.format_usage().strip() + "\n```\n",
        _actions_table(explain),
    ]
    return "\n".join(parts)


def rules_page() -> str:
    from newsclean.pipeline import rules
    from newsclean.strip import HTML_CHAIN, TEXT_CHAIN

    registry = rules()
    parts = [
        "# Rules catalogue\n",
        "Every removed block is logged with the name of the rule that removed it (`--explain`, "
        "`newsclean explain`). This page is generated from the rule registry alone (`newsclean.pipeline.rules()`): "
        "a rule can only log under its own registered name, so it lists every name a record can hold.\n",
        "## Strip rules\n",
        "The HTML chain runs " + ", ".join(code(r.name) for r in HTML_CHAIN) + ".\n\n"
        "The text-dump chain runs " + ", ".join(code(r.name) for r in TEXT_CHAIN) + ".\n\n",
        table(
            ["rule", "what it removes", "example"],
            (
                [code(r.name), md_escape(r.what), code(r.example) if r.example else ""]
                for r in registry.values()
                if r.parent is None
            ),
        ),
    ]
    parents = [r for r in registry.values() if r.parent is None]
    for parent in parents:
        subs = [r for r in registry.values() if r.parent == parent.name]
        if not subs:
            continue
        sources = sorted({r.source for r in subs if r.source})
        parts += [
            f"\n## Sub-rules of `{parent.name}`\n",
            f"Names `{parent.name}` logs removals under"
            + (" (from " + ", ".join(code(f"data/{s}") for s in sources) + ")" if sources else "")
            + ". `phrases` counts the entry's exact phrases, prefixes and patterns.\n\n",
            table(
                ["rule", "portal", "what it removes", "phrases", "example"],
                (
                    [
                        code(r.name),
                        r.portal or "",
                        md_escape(r.what),
                        str(len(r.phrases)) if r.phrases else "",
                        code(r.example) if r.example else (code(r.phrases[0]) if r.phrases else ""),
                    ]
                    for r in subs
                ),
            ),
        ]
    return "\n".join(parts)


def generate(out: Path = OUT) -> list[Path]:
    """Write the generated pages; only files whose text changed are rewritten."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("schema.md", schema_page()), ("cli.md", cli_page()), ("rules.md", rules_page())):
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in generate():
        print(p)
