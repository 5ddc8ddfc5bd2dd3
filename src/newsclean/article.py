"""The record types: what newsclean returns for every input.

All types are frozen, slotted dataclasses. ``Article.to_dict()`` gives the JSON record of
``schema/record.schema.json`` (schema_version 1); a test keeps the two in agreement.

``schema_version`` changes when a field is removed or renamed, or its type or meaning changes
incompatibly. A new field that readers may ignore (``canonical_url``, added in 0.2) keeps the
version: it is always written, but not ``required`` by the schema, so records written before
it still validate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

Status = Literal["ok", "empty", "error", "timeout", "skipped"]
STATUSES: tuple[str, ...] = ("ok", "empty", "error", "timeout", "skipped")

ENTITY_TYPES: tuple[str, ...] = (
    "ministry",
    "agency",
    "region",
    "organization",
    "person",
    "count",
    "quantity",
    "money",
    "percent",
    "date",
)


@dataclass(frozen=True, slots=True)
class Reporter:
    """A person credited in the byline; ``email`` when the page gives one."""

    name: str
    email: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "role": self.role}


@dataclass(frozen=True, slots=True)
class Removal:
    """One block removed by one named strip rule (kept for ``--explain``)."""

    rule: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "text": self.text}


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention found in the clean text.

    ``start``/``end`` are code-point offsets into the text that was analysed (the article's
    ``text``), so ``text == article.text[start:end]``. Type-specific fields are ``None`` when
    they do not apply: count → value, unit, noun; quantity → value, unit, norm (ordinal, measure,
    multiplier or age); money → value, currency; percent → value;
    date → value (ISO date or partial such as ``2023-03``); person → role;
    region → code (행정구역 code), level (sido / sigungu); organization → kind (party, union,
    university, company, media, government, international ...) where known.
    """

    type: str
    text: str
    start: int
    end: int
    norm: str | None = None
    value: float | int | str | None = None
    unit: str | None = None
    noun: str | None = None
    currency: str | None = None
    role: str | None = None
    code: str | None = None
    level: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "norm": self.norm,
        }
        for key in ("value", "unit", "noun", "currency", "role", "code", "level", "kind"):
            val = getattr(self, key)
            if val is not None:
                out[key] = val
        return out


@dataclass(frozen=True, slots=True)
class Stats:
    blocks_in: int = 0
    blocks_out: int = 0
    duplicates_removed: int = 0
    chars_out: int = 0
    body_route: str | None = None  # HTML: profile, generic, page-prose or state:<form>

    def to_dict(self) -> dict[str, Any]:
        return {
            "blocks_in": self.blocks_in,
            "blocks_out": self.blocks_out,
            "duplicates_removed": self.duplicates_removed,
            "chars_out": self.chars_out,
            "body_route": self.body_route,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """One record: the clean article, or the reason there is none (``status``/``error``)."""

    source: str | None = None
    status: Status = "ok"
    error: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    portal: str | None = None
    publisher: str | None = None
    title: str | None = None
    subtitle: str | None = None
    section: str | None = None
    published: str | None = None
    modified: str | None = None
    reporters: tuple[Reporter, ...] = ()
    paragraphs: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    removed: tuple[Removal, ...] = ()
    stats: Stats = field(default_factory=Stats)
    encoding: str | None = None
    encoding_source: str | None = None
    # Where title, published and publisher came from: {"title": "og:title+heading", ...}.
    meta_sources: dict[str, str] | None = None
    extra: tuple[tuple[str, Any], ...] = ()

    @property
    def text(self) -> str:
        """The paragraphs joined by a blank line: the text entity offsets point into."""
        return "\n\n".join(self.paragraphs)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "status": self.status,
            "error": self.error,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "portal": self.portal,
            "publisher": self.publisher,
            "title": self.title,
            "subtitle": self.subtitle,
            "section": self.section,
            "published": self.published,
            "modified": self.modified,
            "reporters": [r.to_dict() for r in self.reporters],
            "paragraphs": list(self.paragraphs),
            "text": self.text,
            "captions": list(self.captions),
            "entities": [e.to_dict() for e in self.entities],
            "stats": self.stats.to_dict(),
            "encoding": self.encoding,
            "encoding_source": self.encoding_source,
            "meta_sources": dict(self.meta_sources) if self.meta_sources else None,
        }
        if explain:
            out["removed"] = [r.to_dict() for r in self.removed]
        for key, val in self.extra:
            out[key] = val
        return out

    @classmethod
    def failure(cls, source: str | None, status: Status, error: str) -> Article:
        """A record for an input that could not be cleaned: never a lost record."""
        return cls(source=source, status=status, error=error)


def error_text(exc: BaseException) -> str:
    """``"ExceptionType: message"`` (just the type when there is no message): a record's error."""
    msg = str(exc)
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
