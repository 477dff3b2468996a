"""`varselspel role-cards SCENARIO`: print one role card per page as Word or HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from varselspel.cli.common import add_subcommand, find_scenario
from varselspel.export.strings import STRINGS
from varselspel.i18n import get_lang, tr


def register(subparsers: Any, lang: str) -> None:
    """Add the `role-cards` subcommand."""
    parser = add_subcommand(subparsers, "role-cards", tr(STRINGS, "cli.cards.help", lang))
    parser.add_argument(
        "scenario", metavar="SCENARIO", help=tr(STRINGS, "cli.cards.scenario", lang)
    )
    parser.add_argument(
        "--format",
        choices=["docx", "html"],
        default="html",
        help=tr(STRINGS, "cli.cards.format", lang),
    )
    parser.add_argument(
        "--out", metavar="DIR", default=".", help=tr(STRINGS, "cli.export.out", lang)
    )
    parser.add_argument("--force", action="store_true", help=tr(STRINGS, "cli.export.force", lang))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Lay out and write the role cards, then print where the file went."""
    from varselspel.export import ExportError, describe_written, export_role_cards
    from varselspel.export.role_cards import role_cards_document
    from varselspel.loader import load_bundle, load_role_library, role_dirs_for

    lang = get_lang()
    path = find_scenario(args.scenario)
    if path is None:
        print(
            tr(STRINGS, "error.scenario_not_found", lang, scenario=args.scenario), file=sys.stderr
        )
        return 1
    result = load_bundle(path, lang=lang)
    if result.bundle is None:
        print(tr(STRINGS, "error.scenario", lang, path=str(path)), file=sys.stderr)
        return 1
    bundle = result.bundle
    # Contacts may name roles the scenario does not use; the whole library gives their titles.
    library = dict(load_role_library(role_dirs_for(path)).roles)
    library.update(bundle.roles)
    document = role_cards_document(bundle.scenario, library, lang)
    try:
        written = export_role_cards(
            document, bundle.scenario.id, args.format, Path(args.out), force=args.force
        )
    except ExportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(describe_written([written], lang))
    return 0
