"""`varselspel validate PATH...`: check scenarios and role cards like a compiler would."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from varselspel.cli.authoring_strings import STRINGS
from varselspel.cli.common import add_subcommand
from varselspel.cli.output import print_json
from varselspel.diagnostics import Diagnostic, Severity
from varselspel.i18n import get_lang, tr

YAML_SUFFIXES = (".yaml", ".yml")


def register(subparsers: Any, lang: str) -> None:
    """Add the `validate` subcommand."""
    parser = add_subcommand(subparsers, "validate", tr(STRINGS, "validate.help", lang))
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help=tr(STRINGS, "validate.paths", lang)
    )
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help=tr(STRINGS, "validate.format", lang),
    )
    parser.add_argument(
        "--roles",
        action="append",
        default=[],
        metavar="DIR",
        help=tr(STRINGS, "validate.roles", lang),
    )
    parser.set_defaults(handler=run)


def _hidden(path: Path, root: Path) -> bool:
    """True when a folder or file below `root` is hidden (`.venv`, `.git`, `.schema` ...)."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _expand(paths: Sequence[str], lang: str) -> tuple[list[Path], list[Diagnostic]]:
    """Turn the given files and folders into a sorted list of YAML files."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in YAML_SUFFIXES and p.is_file() and not _hidden(p, path)
            )
            if not found:
                problems.append(
                    Diagnostic(Severity.ERROR, "V002", tr(STRINGS, "V002", lang), str(path))
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            # A device, a pipe or a socket exists but is no file to read as YAML.
            code = "V003" if path.exists() else "V001"
            problems.append(Diagnostic(Severity.ERROR, code, tr(STRINGS, code, lang), str(path)))
    unique = list(dict.fromkeys(files))
    return unique, problems


def check_paths(
    paths: Sequence[str], *, lang: str, extra_role_dirs: Iterable[str] = ()
) -> tuple[list[Path], dict[str, str], list[Diagnostic]]:
    """Check every file under `paths`; return the files, each file's kind and all diagnostics."""
    from varselspel.loader import classify_file, load_bundle
    from varselspel.loader.bundle import optional_checker
    from varselspel.loader.library import load_role_files

    files, diagnostics = _expand(paths, lang)
    kinds = {str(f): classify_file(f, lang) for f in files}
    role_groups: dict[Path, list[Path]] = {}
    for file in files:
        if kinds[str(file)] == "role":
            role_groups.setdefault(file.parent, []).append(file)
    # The checker pulls in pydantic and the models; import it only when role cards are present.
    check_role_library = optional_checker("check_role_library") if role_groups else None
    extra = [Path(d) for d in extra_role_dirs]
    # Contacts may name any role a scenario beside these cards would see: the bundled library
    # and every `--roles` folder count too.
    known = _other_roles(extra, lang) if check_role_library is not None else set()
    for group in role_groups.values():
        library = load_role_files(group, lang=lang)
        diagnostics.extend(library.diagnostics)
        if check_role_library is not None and library.roles:
            diagnostics.extend(
                check_role_library(
                    library.roles, library.positions, library.files, lang, known=known
                )
            )
    for folder in extra:
        if not folder.is_dir():
            code = "V004" if folder.exists() else "V001"
            diagnostics.append(
                Diagnostic(Severity.ERROR, code, tr(STRINGS, code, lang), str(folder))
            )
    for file in files:
        if kinds[str(file)] == "scenario":
            diagnostics.extend(
                load_bundle(file, extra_role_dirs=extra, lang=lang, compile=False).diagnostics
            )
    return files, kinds, _dedupe(diagnostics)


def _other_roles(extra: Sequence[Path], lang: str) -> set[str]:
    """Return the ids of the bundled roles and of the roles in the `--roles` folders."""
    from varselspel.loader.bundle import cached_role_library
    from varselspel.resources import bundled_roles_dir

    library = cached_role_library([bundled_roles_dir(), *extra], lang)
    return set(library.roles)


def _dedupe(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Drop repeats (a role card's problem reaches us through every scenario that uses it)."""
    seen: set[tuple[object, ...]] = set()
    result: list[Diagnostic] = []
    for diag in diagnostics:
        key = (diag.file, diag.line, diag.column, diag.code, diag.message)
        if key not in seen:
            seen.add(key)
            result.append(diag)
    result.sort(key=lambda d: (d.file, d.line or 0, d.column or 0))
    return result


def _plural(count: int, one: str, many: str, lang: str) -> str:
    """Pick the singular or plural word."""
    return tr(STRINGS, one if count == 1 else many, lang)


def _kind_of_other(name: str, lang: str) -> str:
    """Kind of a file named only by a diagnostic (a role card of a scenario's library, a bad path)."""
    from varselspel.loader import classify_file

    path = Path(name)
    return classify_file(path, lang) if path.is_file() else "unknown"


def run(args: argparse.Namespace) -> int:
    """Check the given paths, print the diagnostics and a summary, and return the exit code."""
    from varselspel.cli.startup import skip_pydantic_plugin_scan

    lang = get_lang()
    # varselspel uses no pydantic plugins; skipping pydantic's scan of every installed package's
    # entry points shortens start-up (the models are imported after this line).
    skip_pydantic_plugin_scan()
    files, kinds, diagnostics = check_paths(args.paths, lang=lang, extra_role_dirs=args.roles)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = len(diagnostics) - errors
    if args.format == "json":
        per_file: dict[str, dict[str, int]] = {str(f): {"errors": 0, "warnings": 0} for f in files}
        for diag in diagnostics:
            counts = per_file.setdefault(diag.file, {"errors": 0, "warnings": 0})
            counts["errors" if diag.severity is Severity.ERROR else "warnings"] += 1
        payload = {
            "version": 1,
            "files": [
                {"file": name, "kind": kinds.get(name) or _kind_of_other(name, lang), **counts}
                for name, counts in per_file.items()
            ],
            "diagnostics": [d.to_json() for d in diagnostics],
            "summary": {"files": len(files), "errors": errors, "warnings": warnings},
        }
        print_json(payload)
    else:
        labels = {
            Severity.ERROR: tr(STRINGS, "severity.error", lang),
            Severity.WARNING: tr(STRINGS, "severity.warning", lang),
        }
        out = sys.stdout
        for diag in diagnostics:
            out.write(diag.format(labels[diag.severity]) + "\n")
        summary = tr(
            STRINGS,
            "validate.summary",
            lang,
            files=len(files),
            file_word=_plural(len(files), "word.file", "word.files", lang),
            errors=errors,
            error_word=_plural(errors, "word.error", "word.errors", lang),
            warnings=warnings,
            warning_word=_plural(warnings, "word.warning", "word.warnings", lang),
        )
        out.write(summary + "\n")
    return 1 if errors else 0
