"""Batches: one record per input, in input order, whatever happens to any one input."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .article import Article
from .inputs import Item, Options, process


def clean_many(inputs: Iterable[Item], *, jobs: int = 1, entities: bool = True) -> Iterator[Article]:
    """Clean every input; yields exactly one Article per input, in input order."""
    opts = Options(entities=entities)
    for item in inputs:
        yield process(item, opts)
