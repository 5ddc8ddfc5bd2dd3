"""The contract between an input path and the pipeline: one ``Extracted`` per document.

``html.extract_html`` (HTML pages) and ``textdump.extract_text`` (text dumps) each turn their
input into blocks, run the strip chain and return an ``Extracted``; only
:func:`newsclean.pipeline.assemble` turns one into an :class:`~newsclean.article.Article`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .article import Reporter, Status
from .blocks import Block
from .strip.base import Context


@dataclass(slots=True)
class DocMeta:
    """The record's metadata fields as an input path found them (None: not found).

    Each input path decides every field here, the strip rules' findings (the copyright line's
    press, the portal chrome, bylines) included: :func:`pipeline.assemble` only copies them.
    ``meta_sources`` says where title, published and publisher came from; ``body_route`` which
    body the HTML path kept (``profile``, ``generic``, ``page-prose``, ``state:<form>``).
    """

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
    encoding: str | None = None
    encoding_source: str | None = None
    body_route: str | None = None
    meta_sources: dict[str, str] | None = None


@dataclass(slots=True)
class Extracted:
    """What an input path found in one document.

    ``blocks`` are the blocks the strip chain kept, ``ctx`` what its rules removed and found,
    ``blocks_in`` how many blocks went into the chain (dropped before it included), ``meta``
    the record's metadata fields (:class:`DocMeta`). A document that could not be extracted has a ``status`` other than
    ``"ok"`` and an ``error``; its ``meta`` still says what is known (url, encoding).
    """

    blocks: list[Block] = field(default_factory=list)
    ctx: Context = field(default_factory=Context)
    blocks_in: int = 0
    meta: DocMeta = field(default_factory=DocMeta)
    status: Status = "ok"
    error: str | None = None

    @classmethod
    def failure(
        cls, status: Status, error: str, *, url: str | None, encoding: str | None, encoding_source: str | None
    ) -> Extracted:
        meta = DocMeta(url=url, encoding=encoding, encoding_source=encoding_source)
        return cls(meta=meta, status=status, error=error)
