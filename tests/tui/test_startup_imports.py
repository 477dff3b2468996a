"""The launcher's first frame does not wait for the engine, the store or the view layer."""

from __future__ import annotations

import subprocess
import sys


def test_launcher_starts_without_the_engine() -> None:
    """Importing the app and the launcher leaves the engine's pydantic models unloaded."""
    code = (
        "import sys, varselspel.tui.app, varselspel.tui.screens.launcher; "
        "heavy = ('varselspel.engine', 'varselspel.store', 'varselspel.view.status', "
        "'varselspel.loader'); "
        "print(','.join(sorted(m for m in sys.modules if m.startswith(heavy))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
