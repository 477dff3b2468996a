"""Where the bundled scenarios and role cards live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def _bundled(name: str) -> Path:
    """Return the bundled folder `name`, from the installed package or the source tree."""
    installed = Path(__file__).resolve().parent / name
    if installed.is_dir():
        return installed
    # Running from a source checkout without installing: the folders sit at the repo root.
    return Path(__file__).resolve().parents[2] / name


def bundled_scenarios_dir() -> Path:
    """Return the folder of the bundled scenarios."""
    return _bundled("scenarios")


def bundled_roles_dir() -> Path:
    """Return the folder of the bundled role cards."""
    return _bundled("roles")
