"""The `varselspel` command: parse arguments and hand over to one subcommand module."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import os
import sys
from collections.abc import Iterator, Sequence

from varselspel import __version__
from varselspel.cli.output import guarded_output
from varselspel.cli.strings import ARGPARSE, STRINGS
from varselspel.i18n import resolve_lang, set_lang, tr

# Each subcommand lives in its own module with `register(subparsers, lang)` and `run(args) -> int`.
# Modules keep heavy imports (Textual, python-docx) inside `run` so `validate` starts fast.
SUBCOMMANDS: tuple[str, ...] = (
    "play",
    "validate",
    "schema",
    "new",
    "sessions",
    "simulate",
    "export",
    "role_cards",
)


def _pre_lang(argv: Sequence[str]) -> str:
    """Find `--lang` before full parsing so help texts come out in the right language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return resolve_lang(argv[index + 1])
        if arg.startswith("--lang="):
            return resolve_lang(arg.split("=", 1)[1])
    return resolve_lang(None)


def _chosen(argv: Sequence[str]) -> str | None:
    """Return the module of the subcommand named on the command line, if any."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            name = arg.replace("-", "_")
            if name in SUBCOMMANDS and importlib.util.find_spec(f"varselspel.cli.{name}"):
                return name
            return None
    return None


def build_parser(lang: str, only: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with every available subcommand, or just `only`.

    Registering only the chosen subcommand keeps start-up lean: other subcommand modules may
    import heavy packages, and `validate` must start fast.
    """
    parser = argparse.ArgumentParser(
        prog="varselspel",
        description=tr(STRINGS, "cli.description", lang),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"varselspel {__version__}",
        help=tr(STRINGS, "cli.version", lang),
    )
    parser.add_argument(
        "--lang",
        choices=["sv", "en"],
        default=None,
        help=tr(STRINGS, "cli.lang", lang),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (only,) if only else SUBCOMMANDS:
        module_name = f"varselspel.cli.{name}"
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        module.register(subparsers, lang)
    return parser


@contextlib.contextmanager
def _argparse_speaks(lang: str) -> Iterator[None]:
    """Let argparse's own texts (usage, errors, help headings) follow the UI language.

    argparse looks its texts up through its module-level gettext functions `_` and `ngettext`;
    they are swapped for look-ups in our catalog while the parser is built and used.
    """
    original = vars(argparse).get("_")
    original_n = vars(argparse).get("ngettext")
    if original is None or original_n is None:
        yield
        return

    def gettext(text: str) -> str:
        return tr(ARGPARSE, text, lang) if text in ARGPARSE else str(original(text))

    def ngettext(singular: str, plural: str, count: int) -> str:
        text = singular if count == 1 else plural
        if text in ARGPARSE:
            return tr(ARGPARSE, text, lang)
        return str(original_n(singular, plural, count))

    setattr(argparse, "_", gettext)  # noqa: B010 - argparse has no public hook for this
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", original)  # noqa: B010
        setattr(argparse, "ngettext", original_n)  # noqa: B010


def _silence_stdout() -> None:
    """Point stdout at the null device so the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _tolerant_streams() -> None:
    """Never fail on a character the output cannot encode: print it as best it can instead.

    File names may hold bytes that are not UTF-8 (Python keeps them as surrogates), and a
    terminal may not be UTF-8 at all; either must not end in a traceback.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = str(getattr(stream, "encoding", "") or "").lower().replace("-", "")
        errors = "surrogateescape" if encoding == "utf8" else "backslashreplace"
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors=errors)  # type: ignore[union-attr]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    _tolerant_streams()
    # A reader that stops early (`| head -1`) closes the pipe; that is not an error to report.
    try:
        # Titles, names, keys and file names printed below may come from anyone's files.
        with guarded_output():
            try:
                return _main(argv)
            finally:
                sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return 1


def _main(argv: Sequence[str] | None) -> int:
    """Parse the arguments and run the chosen subcommand."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _pre_lang(args_list)
    with _argparse_speaks(lang):
        parser = build_parser(lang, _chosen(args_list))
        args = parser.parse_args(args_list)
        set_lang(args.lang or lang)
        if args.command is None:
            # No subcommand opens the launcher, like `varselspel play` with no scenario.
            if importlib.util.find_spec("varselspel.cli.play") is None:
                parser.print_help()
                return 0
            args = parser.parse_args(["play", *args_list])
            set_lang(args.lang or lang)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return 0
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        print(tr(STRINGS, "cli.interrupted"), file=sys.stderr)
        return 130
    except (BrokenPipeError, SystemExit):
        raise
    except Exception as exc:
        # A file nobody foresaw must end in one sentence, never in a traceback full of its text.
        if os.environ.get("VARSELSPEL_DEBUG"):
            raise
        error = f"{type(exc).__name__}: {exc}"[:300]
        print(tr(STRINGS, "cli.internal_error", error=error), file=sys.stderr)
        return 70
