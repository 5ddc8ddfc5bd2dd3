"""Load the package's data files (phrase tables, profiles, gazetteers) once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any


@cache
def data_dir() -> Traversable:
    """The package's data folder (looked up once: ``resources.files`` is slow to call)."""
    return resources.files("newsclean").joinpath("data")


@cache
def load_json(name: str) -> Any:
    """Parse ``newsclean/data/<name>`` (a path relative to the data folder)."""
    ref = data_dir().joinpath(*name.split("/"))
    with ref.open("r", encoding="utf-8") as fh:
        return json.load(fh)
