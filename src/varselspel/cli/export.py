"""`varselspel export SESSION`: write a session's action plans as Markdown, Word, HTML or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from varselspel.cli.common import add_subcommand
from varselspel.export.strings import STRINGS
from varselspel.i18n import get_lang, tr

if TYPE_CHECKING:
    from varselspel.engine import Session

FORMAT_CHOICES = ["md", "docx", "html", "json", "all"]


def register(subparsers: Any, lang: str) -> None:
    """Add the `export` subcommand."""
    parser = add_subcommand(subparsers, "export", tr(STRINGS, "cli.export.help", lang))
    parser.add_argument("session", metavar="SESSION", help=tr(STRINGS, "cli.export.session", lang))
    parser.add_argument(
        "--format",
        choices=FORMAT_CHOICES,
        default="all",
        help=tr(STRINGS, "cli.export.format", lang),
    )
    parser.add_argument("--group", metavar="NAME", help=tr(STRINGS, "cli.export.group", lang))
    parser.add_argument(
        "--out", metavar="DIR", default=".", help=tr(STRINGS, "cli.export.out", lang)
    )
    parser.add_argument("--force", action="store_true", help=tr(STRINGS, "cli.export.force", lang))
    parser.set_defaults(handler=run)


class SessionLookupError(Exception):
    """The SESSION argument names no session that can be opened; the message says why."""


def open_session_arg(value: str, lang: str) -> Session:
    """Open a session given as a file path, or as an id, id prefix or title from the list."""
    from varselspel import store

    path = Path(value)
    if not path.is_file():
        matches = _match_listed(value)
        if len(matches) > 1:
            files = ", ".join(str(m) for m in matches)
            raise SessionLookupError(
                tr(STRINGS, "error.session_ambiguous", lang, session=value, files=files)
            )
        if not matches:
            raise SessionLookupError(tr(STRINGS, "error.session_not_found", lang, session=value))
        path = matches[0]
    try:
        session: Session = store.open_session(path, read_only=True)
    except Exception as exc:  # StoreError and anything a foreign file provokes
        reason = (
            exc.message(lang) if hasattr(exc, "message") and callable(exc.message) else str(exc)
        )
        raise SessionLookupError(
            tr(STRINGS, "error.session_open", lang, session=str(path), reason=reason)
        ) from exc
    return session


def _match_listed(value: str) -> list[Path]:
    """Return the paths of listed sessions whose id, id prefix, title or file stem match."""
    from varselspel import store

    try:
        summaries = list(store.list_sessions())
    except Exception:  # an unreadable sessions folder means nothing matches
        return []
    wanted = value.strip().casefold()
    exact: list[Path] = []
    prefix: list[Path] = []
    for summary in summaries:
        sid = str(getattr(summary, "id", "")).casefold()
        title = str(getattr(summary, "title", "")).strip().casefold()
        spath = Path(summary.path)
        if wanted in (sid, title, spath.stem.casefold(), spath.name.casefold()):
            exact.append(spath)
        elif sid and len(wanted) >= 4 and sid.startswith(wanted):
            prefix.append(spath)
    if exact or prefix or len(wanted) < 4 or not all(c in "0123456789abcdef" for c in wanted):
        return exact or prefix
    # The list shows no ids; a hex string is compared with each file's session id.
    return [
        Path(summary.path)
        for summary in summaries
        if _session_id(Path(summary.path)).startswith(wanted)
    ]


def _session_id(path: Path) -> str:
    """Return the session id stored in a session file, or an empty string if unreadable."""
    from varselspel.store import SessionStore

    try:
        store = SessionStore.open(path, read_only=True)
    except Exception:  # a broken file simply does not match
        return ""
    try:
        return store.info().id.casefold()
    except Exception:
        return ""
    finally:
        store.close()


def run(args: argparse.Namespace) -> int:
    """Export the plans and print where the files went."""
    from varselspel.export import ExportError, describe_written, export_session

    lang = get_lang()
    try:
        session = open_session_arg(args.session, lang)
    except SessionLookupError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        paths = export_session(
            session, args.format, Path(args.out), group=args.group, force=args.force, lang=lang
        )
    except ExportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        session.close()
    print(describe_written(paths, lang))
    return 0
