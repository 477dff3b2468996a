"""`varselspel sessions`: list saved sessions; `sessions copy` copies one safely, even while open."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from varselspel.cli.common import add_subcommand
from varselspel.cli.output import print_json
from varselspel.cli.session_strings import STRINGS
from varselspel.i18n import get_lang, tr


def register(subparsers: Any, lang: str) -> None:
    """Add the `sessions` subcommand."""
    parser = add_subcommand(subparsers, "sessions", tr(STRINGS, "sessions.help", lang))
    parser.add_argument(
        "--folder", metavar="DIR", default=None, help=tr(STRINGS, "sessions.folder", lang)
    )
    parser.add_argument(
        "--format", choices=["table", "json"], default="table", help=tr(STRINGS, "format", lang)
    )
    parser.set_defaults(handler=run)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    copy = add_subcommand(actions, "copy", tr(STRINGS, "sessions.copy.help", lang))
    copy.add_argument("session", metavar="SESSION", help=tr(STRINGS, "sessions.copy.session", lang))
    copy.add_argument("dest", metavar="DEST", help=tr(STRINGS, "sessions.copy.dest", lang))
    copy.set_defaults(handler=run_copy)


def run_copy(args: argparse.Namespace) -> int:
    """Copy one session file with SQLite's online backup and say where the copy went."""
    from varselspel.cli.export import _match_listed
    from varselspel.store import StoreError, copy_session

    lang = get_lang()
    source = Path(args.session)
    if not source.is_file():
        matches = _match_listed(args.session)
        if len(matches) != 1:
            key = "sessions.copy.ambiguous" if matches else "sessions.copy.not_found"
            files = ", ".join(str(m) for m in matches)
            print(tr(STRINGS, key, lang, session=args.session, files=files), file=sys.stderr)
            return 1
        source = matches[0]
    try:
        written = copy_session(source, Path(args.dest))
    except StoreError as error:
        print(error.message(lang), file=sys.stderr)
        return 1
    print(tr(STRINGS, "sessions.copy.done", lang, source=str(source), dest=str(written)))
    return 0


def run(args: argparse.Namespace) -> int:
    """Print the session list."""
    from varselspel.store import default_sessions_dir, list_sessions

    folder = Path(args.folder) if args.folder else default_sessions_dir()
    if args.folder and not folder.is_dir():
        key = "sessions.not_a_folder" if folder.exists() else "sessions.folder_missing"
        print(tr(STRINGS, key, folder=str(folder)), file=sys.stderr)
        return 1
    found = list_sessions(folder)
    if args.format == "json":
        print_json([s.to_json() for s in found])
        return 0
    if not found:
        print(tr(STRINGS, "sessions.none", folder=str(folder)))
        return 0
    headers = [
        tr(STRINGS, key)
        for key in (
            "col.title",
            "col.scenario",
            "col.groups",
            "col.phase",
            "col.changed",
            "col.path",
        )
    ]
    rows: list[list[str]] = []
    problems: list[str] = []
    for s in found:
        if s.error:
            # The reason is long; keep the table narrow and explain below it.
            rows.append(["", "", "", tr(STRINGS, "unreadable.short"), "", str(s.path)])
            problems.append(tr(STRINGS, "unreadable", error=s.error))
            continue
        changed = s.last_change or s.created_at
        rows.append(
            [
                s.title,
                s.scenario_id,
                ", ".join(s.groups),
                tr(_PHASES, s.phase) if s.phase in _PHASES else s.phase,
                changed.astimezone().strftime("%Y-%m-%d %H:%M") if changed else "",
                str(s.path),
            ]
        )
    print(_table(headers, rows))
    if problems:
        print("\n" + "\n".join(problems))
    return 0


_PHASES = {
    "setup": {"sv": "förberedelse", "en": "setup"},
    "ready": {"sv": "mellan omgångar", "en": "between rounds"},
    "round": {"sv": "omgång pågår", "en": "round open"},
    "debrief": {"sv": "utvärdering", "en": "debrief"},
    "ended": {"sv": "avslutad", "en": "ended"},
}


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """Return rows as aligned plain-text columns (no markup: titles are user text)."""
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )
    return "\n".join(lines)
