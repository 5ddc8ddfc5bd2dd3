"""The contract between an input path and the pipeline: one ``Extracted`` per document.

``html.extract_html`` (HTML pages) and ``textdump.extract_text`` (text dumps) each turn their
input into blocks, run the strip chain and return an ``Extracted``; only
:func:`newsclean.pipeline.assemble` turns one into an :class:`~newsclean.article.Article`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .article import Status
from .blocks import Block
from .strip.base import Context


@dataclass(slots=True)
class Extracted:
    """What an input path found in one document.

    ``blocks`` are the blocks the strip chain kept, ``ctx`` what its rules removed and found,
    ``blocks_in`` how many blocks went into the chain (dropped before it included), ``meta``
    the metadata fields of the record (``url``, ``title``, ``published``, ``reporters``,
    ``encoding`` ...). A document that could not be extracted has a ``status`` other than
    ``"ok"`` and an ``error``; its ``meta`` still says what is known (url, encoding).
    """

    blocks: list[Block] = field(default_factory=list)
    ctx: Context = field(default_factory=Context)
    blocks_in: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    status: Status = "ok"
    error: str | None = None

    @classmethod
    def failure(cls, status: Status, error: str, **meta: Any) -> Extracted:
        return cls(meta=meta, status=status, error=error)
