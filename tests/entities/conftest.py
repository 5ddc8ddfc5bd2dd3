from __future__ import annotations

from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "gold"
REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference"


@pytest.fixture(scope="session")
def extract():
    from newsclean.entities import extract_entities

    return extract_entities
