"""Helpers every subcommand module shares."""

from __future__ import annotations

import argparse
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
