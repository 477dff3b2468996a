"""The one dependency rule: nothing outside the UI imports Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "varselspel.model",
    "varselspel.i18n",
    "varselspel.resources",
    "varselspel.safe_text",
    "varselspel.cli",
    "varselspel.loader",
    "varselspel.cli.validate",
    "varselspel.cli.schema",
    "varselspel.cli.new",
    "varselspel.expr",
    "varselspel.check",
    "varselspel.plan",
    "varselspel.export",
    "varselspel.export.api",
    "varselspel.cli.export",
    "varselspel.cli.role_cards",
    "varselspel.engine",
    "varselspel.engine.simulate",
    "varselspel.store",
    "varselspel.cli.sessions",
    "varselspel.cli.simulate",
    "varselspel.view.decisions",
    "varselspel.view.live",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    """Importing a core module in a fresh interpreter leaves Textual unloaded."""
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'docx'}); "
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
