"""newsclean: Korean news pages (HTML or text dumps) to clean, structured articles."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .article import Article, Entity, Removal, Reporter, Stats

# The library's logger: quiet unless the application configures logging (debug records trace the
# profile chosen, the body route, fallbacks and each rule's removals; see docs/architecture.md).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Entity",
    "Removal",
    "Reporter",
    "Stats",
    "__version__",
    "clean",
    "clean_many",
    "clean_text",
    "extract_entities",
]

if TYPE_CHECKING:  # pragma: no cover
    from .batch import clean_many
    from .entities import extract_entities
    from .pipeline import clean, clean_text

_LAZY = {
    "clean": ("pipeline", "clean"),
    "clean_text": ("pipeline", "clean_text"),
    "clean_many": ("batch", "clean_many"),
    "extract_entities": ("entities", "extract_entities"),
}


def __getattr__(name: str) -> Any:
    """Import the heavy parts (lxml, Kiwi) only when they are first used."""
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsclean' has no attribute {name!r}")
