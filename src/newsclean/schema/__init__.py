"""The JSON Schema of the record, shipped with the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def record_schema() -> dict[str, Any]:
    """The record's JSON Schema (draft 2020-12) as a dict."""
    with resources.files(__name__).joinpath("record.schema.json").open(encoding="utf-8") as fh:
        return json.load(fh)
