"""Load the package's data files (phrase tables, profiles, gazetteers) once per process.

The data folder is read with plain ``os`` calls when it is a folder on disk (an installed wheel,
an editable checkout): ``importlib.resources`` costs ~15 ms of imports (pathlib, tempfile,
zipfile ...) at every start-up. A package inside a zip archive goes through it as before.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from importlib.abc import Traversable

_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


@cache
def _on_disk() -> bool:
    return os.path.isdir(_DATA)


@cache
def data_dir() -> Traversable:
    """The package's data folder (looked up once: ``resources.files`` is slow to call)."""
    if _on_disk():
        from pathlib import Path

        return Path(_DATA)
    from importlib import resources

    return resources.files("newsclean").joinpath("data")


def data_names(folder: str, suffix: str = ".json") -> list[str]:
    """The sorted names of the files in ``newsclean/data/<folder>`` that end with ``suffix``."""
    if _on_disk():
        names = os.listdir(os.path.join(_DATA, *folder.split("/")))
    else:
        names = [f.name for f in data_dir().joinpath(*folder.split("/")).iterdir()]
    return sorted(n for n in names if n.endswith(suffix))


@cache
def load_json(name: str) -> Any:
    """Parse ``newsclean/data/<name>`` (a path relative to the data folder)."""
    if _on_disk():
        with open(os.path.join(_DATA, *name.split("/")), encoding="utf-8") as fh:
            return json.load(fh)
    with data_dir().joinpath(*name.split("/")).open("r", encoding="utf-8") as fh:
        return json.load(fh)
