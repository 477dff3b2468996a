"""`varselspel play`: start the workshop app (the launcher, a scenario's setup or a session)."""

from __future__ import annotations

import argparse
from typing import Any

from varselspel.cli.common import add_subcommand
from varselspel.i18n import Catalog, get_lang, tr

STRINGS: Catalog = {
    "play.help": {"sv": "starta workshopappen", "en": "start the workshop app"},
    "play.target": {
        "sv": "scenariofil, namn på ett medföljande scenario (t.ex. demo) eller en sparad övning",
        "en": "scenario file, name of a bundled scenario (e.g. demo) or a saved session",
    },
    "play.scenarios": {
        "sv": "mapp med fler scenarier att visa i startsidan (kan anges flera gånger)",
        "en": "folder of more scenarios to list on the start page (may be repeated)",
    },
    "play.theme": {
        "sv": "färgtema: normal eller projektor (hög kontrast)",
        "en": "colour theme: normal or projektor (high contrast)",
    },
    "play.session": {
        "sv": "fil att spara en ny övning i, eller en sparad övning att öppna",
        "en": "file to keep a new session in, or a saved session to open",
    },
    "play.not_found": {
        "sv": "Hittar inget scenario eller sparad övning som heter '{name}'. Medföljande scenarier: {names}.",
        "en": "No scenario or saved session called '{name}'. Bundled scenarios: {names}.",
    },
    "play.no_terminal": {
        "sv": "Appen behöver en terminal. Kör `varselspel play` i ett terminalfönster.",
        "en": "The app needs a terminal. Run `varselspel play` in a terminal window.",
    },
}


def register(subparsers: Any, lang: str) -> None:
    """Add the `play` subcommand."""
    parser = add_subcommand(subparsers, "play", tr(STRINGS, "play.help", lang))
    parser.add_argument(
        "target",
        nargs="?",
        default=None,
        metavar="SCENARIO_OR_SESSION",
        help=tr(STRINGS, "play.target", lang),
    )
    parser.add_argument(
        "--scenarios",
        action="append",
        default=[],
        metavar="DIR",
        help=tr(STRINGS, "play.scenarios", lang),
    )
    parser.add_argument(
        "--theme",
        choices=["normal", "projektor"],
        default="normal",
        help=tr(STRINGS, "play.theme", lang),
    )
    parser.add_argument(
        "--session", default=None, metavar="PATH", help=tr(STRINGS, "play.session", lang)
    )
    parser.set_defaults(handler=run)


def _known_target(target: str, scenario_dirs: list[Any]) -> bool:
    """Return True when `target` names a session file or a scenario the app can find."""
    from pathlib import Path

    from varselspel.tui.catalog import find_scenario

    candidate = Path(target)
    if candidate.is_file() and candidate.suffix not in {".yaml", ".yml"}:
        return True
    return find_scenario(target, scenario_dirs) is not None or candidate.is_file()


def run(args: argparse.Namespace) -> int:
    """Start the app and return its exit code."""
    import sys
    from pathlib import Path

    # Textual is imported here only, so other subcommands start without it.
    from varselspel.tui.app import create_app

    target = args.target
    session_path = Path(args.session) if args.session else None
    scenario_dirs = [Path(d) for d in args.scenarios]
    if target is not None and not _known_target(target, scenario_dirs):
        from varselspel.tui.catalog import scenario_files

        names = ", ".join(path.stem for path in scenario_files([]))
        print(tr(STRINGS, "play.not_found", name=target, names=names), file=sys.stderr)
        # Like simulate: a name that is neither a file nor a bundled scenario is a failure (1).
        return 1
    if not sys.stdout.isatty():
        print(tr(STRINGS, "play.no_terminal"), file=sys.stderr)
        return 1
    if target is None and session_path is not None and session_path.is_file():
        target = str(session_path)
        session_path = None
    app = create_app(
        scenario_dirs=scenario_dirs,
        lang=getattr(args, "lang", None) or get_lang(),
        theme=args.theme,
        open_target=target,
        session_path=session_path,
    )
    result = app.run()
    return int(result or 0)
