"""Helpers every subcommand module shares."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_subcommand(
    subparsers: Any, name: str, help_text: str, description: str | None = None
) -> argparse.ArgumentParser:
    """Add a subcommand that also accepts `--lang` after its name."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=description or help_text
    )
    parser.add_argument(
        "--lang", choices=["sv", "en"], default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    return parser


def find_scenario(value: str) -> Path | None:
    """Return the scenario file given as a path, a bundled file name or a bundled scenario id."""
    from varselspel.resources import bundled_scenarios_dir

    path = Path(value)
    if path.is_file():
        return path
    folder = bundled_scenarios_dir()
    for name in (value, f"{value}.yaml", f"{value}.yml"):
        candidate = folder / name
        # Only plain names inside the bundled folder; never follow `..` out of it.
        if Path(name).name == name and candidate.is_file():
            return candidate
    return None
