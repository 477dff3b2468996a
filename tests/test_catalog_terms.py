"""The words the program itself shows use the terms officials use (DOMAIN.md), as scenarios do."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import varselspel

CATALOGS = sorted(
    m.name
    for m in pkgutil.walk_packages(varselspel.__path__, "varselspel.")
    if m.name.endswith(".strings")
)
"""Every string catalog module of the package."""


@pytest.mark.parametrize("module", CATALOGS)
def test_anchoring_is_with_the_holder_of_the_role(module: str) -> None:
    """A decision is anchored "hos" someone, never "med"."""
    catalog = importlib.import_module(module).STRINGS
    wrong = [key for key, texts in catalog.items() if re.search(r"förankras med\b", texts["sv"])]
    assert wrong == []


def test_the_catalogs_are_found() -> None:
    """The test above looks at the engine's and the UI's words, at least."""
    assert {"varselspel.engine.strings", "varselspel.tui.strings"} <= set(CATALOGS)
