"""Helpers of the generic-path tests: synthetic pages of unknown sites, cleaned with no profile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import newsclean.html as html_path
from newsclean import clean
from newsclean.article import Article

GENERIC = Path(__file__).resolve().parents[2] / "fixtures" / "html" / "generic"


@pytest.fixture
def no_profiles(monkeypatch: pytest.MonkeyPatch) -> None:
    """These pages belong to no known site: make sure only the generic path runs."""
    monkeypatch.setattr(html_path, "_detect", None)


@pytest.fixture
def generic_page(no_profiles: None) -> Callable[[str], Article]:
    """Clean ``fixtures/html/generic/<name>`` with profiles off and entities off."""

    def run(name: str) -> Article:
        return clean((GENERIC / name).read_bytes(), source=name, entities=False)

    return run
