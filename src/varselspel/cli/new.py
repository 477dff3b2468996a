"""`varselspel new SCENARIO_ID`: write a well-commented starting scenario that validates clean."""

from __future__ import annotations

import argparse
import datetime
import re
from pathlib import Path
from typing import Any

from varselspel.cli.authoring_strings import STRINGS, os_reason
from varselspel.cli.common import add_subcommand
from varselspel.i18n import get_lang, tr

_ID = re.compile(r"^[a-z][a-z0-9_\-]{0,63}$")


def register(subparsers: Any, lang: str) -> None:
    """Add the `new` subcommand."""
    parser = add_subcommand(subparsers, "new", tr(STRINGS, "new.help", lang))
    parser.add_argument("scenario_id", metavar="SCENARIO_ID", help=tr(STRINGS, "new.id", lang))
    parser.add_argument(
        "--out", type=Path, default=Path("."), metavar="DIR", help=tr(STRINGS, "new.out", lang)
    )
    parser.add_argument(
        "--kind",
        choices=["varsel", "etablering"],
        default="varsel",
        help=tr(STRINGS, "new.kind", lang),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write `SCENARIO_ID.yaml` into the output folder unless it already exists."""
    from varselspel.cli.new_template import render

    lang = get_lang()
    scenario_id: str = args.scenario_id
    if not _ID.match(scenario_id):
        print(tr(STRINGS, "new.bad_id", lang, id=scenario_id))
        return 2
    out: Path = args.out
    path = out / f"{scenario_id}.yaml"
    text = render(scenario_id, args.kind, datetime.date.today().year, str(path))
    try:
        # A file in the way of the folder is a failure to write, not "the scenario exists".
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(tr(STRINGS, "new.failed", lang, path=path, reason=os_reason(exc, lang)))
        return 1
    try:
        # Mode "x" refuses to overwrite, atomically, even if the file appears meanwhile.
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        print(tr(STRINGS, "new.exists", lang, path=path))
        return 1
    except OSError as exc:
        print(tr(STRINGS, "new.failed", lang, path=path, reason=os_reason(exc, lang)))
        return 1
    print(tr(STRINGS, "new.wrote", lang, path=path))
    return 0
