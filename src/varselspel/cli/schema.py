"""`varselspel schema [--out DIR]`: write JSON Schema files for editors' YAML language servers."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from varselspel.cli.authoring_messages import MESSAGES
from varselspel.cli.common import add_subcommand
from varselspel.i18n import get_lang, tr

SCENARIO_SCHEMA = "scenario.schema.json"
"""File name of the scenario schema."""
ROLE_SCHEMA = "role.schema.json"
"""File name of the role-card schema."""
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def register(subparsers: Any, lang: str) -> None:
    """Add the `schema` subcommand."""
    parser = add_subcommand(subparsers, "schema", tr(MESSAGES, "schema.help", lang))
    parser.add_argument(
        "--out", type=Path, default=Path("."), metavar="DIR", help=tr(MESSAGES, "schema.out", lang)
    )
    parser.set_defaults(handler=run)


def build_schemas() -> dict[str, dict[str, Any]]:
    """Return the JSON Schemas by file name, built from the pydantic models and their docstrings."""
    from varselspel.model import RoleCard, Scenario

    result: dict[str, dict[str, Any]] = {}
    for name, model in ((SCENARIO_SCHEMA, Scenario), (ROLE_SCHEMA, RoleCard)):
        schema = model.model_json_schema(mode="validation")
        result[name] = {"$schema": _DIALECT, **schema}
    return result


def run(args: argparse.Namespace) -> int:
    """Write both schema files into the output folder."""
    lang = get_lang()
    out: Path = args.out
    for name, schema in build_schemas().items():
        path = out / name
        try:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(
                json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        except OSError as exc:
            print(tr(MESSAGES, "schema.failed", lang, path=path, reason=exc.strerror or exc))
            return 1
        print(tr(MESSAGES, "schema.wrote", lang, path=path))
    return 0
