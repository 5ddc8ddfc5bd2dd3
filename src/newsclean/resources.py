"""Load the package's data files (phrase tables, profiles, gazetteers) once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """Parse ``newsclean/data/<name>`` (a path relative to the data folder)."""
    ref = resources.files("newsclean").joinpath("data", *name.split("/"))
    with ref.open("r", encoding="utf-8") as fh:
        return json.load(fh)
