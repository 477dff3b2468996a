"""A scenario with everything a session needs: its role cards and its compiled expressions."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from varselspel.diagnostics import Diagnostic, PositionMap, Severity, has_errors
from varselspel.i18n import tr
from varselspel.loader.files import (
    LoadResult,
    error_at,
    load_scenario_file,
    load_scenario_text,
)
from varselspel.loader.library import (
    RoleLibraryResult,
    load_role_library,
    load_role_library_from_texts,
    role_files,
)
from varselspel.loader.strings import STRINGS

if TYPE_CHECKING:
    from varselspel.model import NumberChoice, Option, RoleCard, Scenario


@dataclass(frozen=True, slots=True)
class ScenarioBundle:
    """A valid scenario, the role cards it uses, its compiled expressions and its source texts."""

    scenario: Scenario
    roles: dict[str, RoleCard]
    """Only the roles the scenario uses, by id."""
    compiled: Any
    """The `CompiledScenario` from `varselspel.expr.compile_scenario`."""
    scenario_text: str
    role_texts: dict[str, str]
    """Role id -> YAML text of the card, for the roles the scenario uses."""
    sha256: str
    """SHA-256 of the scenario text."""
    file: str


@dataclass(slots=True)
class BundleResult:
    """A bundle when everything is valid, and the diagnostics either way."""

    bundle: ScenarioBundle | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    load: LoadResult | None = None
    """The scenario file's own load result (positions, text)."""
    library: RoleLibraryResult | None = None
    """The role library the scenario was checked against."""


def role_dirs_for(path: Path, extra_role_dirs: Iterable[Path | str] = ()) -> list[Path]:
    """Return the role folders for a scenario file, weakest first (later ones override by id)."""
    from varselspel.resources import bundled_roles_dir

    folder = path.resolve().parent
    dirs = [bundled_roles_dir(), folder.parent / "roles", folder / "roles"]
    dirs.extend(Path(d) for d in extra_role_dirs)
    return dirs


_LIBRARY_CACHE: dict[tuple[object, ...], RoleLibraryResult] = {}


def _library_key(dirs: list[Path], lang: str | None) -> tuple[object, ...]:
    """A cache key that changes when any role file in `dirs` changes."""
    parts: list[object] = [lang]
    for folder in dirs:
        for file in role_files(folder):
            try:
                stat = file.stat()
            except OSError:
                continue
            parts.append((str(file), stat.st_mtime_ns, stat.st_size))
        parts.append(str(folder))
    return tuple(parts)


def cached_role_library(dirs: list[Path], lang: str | None = None) -> RoleLibraryResult:
    """Load a role library, reusing an earlier load when no file changed (validate of many files)."""
    key = _library_key(dirs, lang)
    found = _LIBRARY_CACHE.get(key)
    if found is None:
        found = load_role_library(dirs, lang=lang)
        _LIBRARY_CACHE.clear()
        _LIBRARY_CACHE[key] = found
    return found


def _optional(module: str, name: str) -> Any:
    """Return `module.name` when that module exists, else None (the checker may be absent)."""
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def optional_checker(name: str) -> Any:
    """Return a function of `varselspel.check` by name, or None while the checker is absent."""
    return _optional("varselspel.check", name)


def _missing_roles(
    scenario: Scenario, load: LoadResult, library: RoleLibraryResult, lang: str | None
) -> list[Diagnostic]:
    """Report scenario roles missing from the library (used only when the checker is absent)."""
    import difflib

    problems: list[Diagnostic] = []
    own = scenario_card_ids(scenario)
    for index, entry in enumerate(scenario.roles):
        if entry.role in library.roles or entry.role in own:
            continue
        close = difflib.get_close_matches(entry.role, list(library.roles), n=1)
        hint = tr(STRINGS, "S002.hint", lang, suggestion=close[0]) if close else ""
        path = ("roles", index, "role")
        problems.append(
            error_at("B001", load.file, lang, load.positions, path, role=entry.role, hint=hint)
        )
    return problems


def referenced_roles(scenario: Scenario, library: RoleLibraryResult) -> set[str]:
    """Return the role ids the scenario names anywhere (roles, owners, actions, cards) that the
    library or the scenario's own role cards hold."""
    names: set[str] = {entry.role for entry in scenario.roles}
    for round_ in scenario.rounds:
        for inject in round_.injects:
            names.update(inject.to)
        for decision in round_.decisions:
            names.update(decision.owners)
            sources: list[Option | NumberChoice] = [*decision.options]
            if decision.number is not None:
                sources.append(decision.number)
            for source in sources:
                for action in source.actions:
                    names.add(action.responsible)
                    names.update(action.partners)
    for card in scenario.cards.network:
        if card.role:
            names.add(card.role)
    own = {card.id for card in scenario.role_cards}
    # Scenario roles stay even when missing, so the checker and the bundle agree on what is used.
    return {n for n in names if n in library.roles or n in own} | {
        entry.role for entry in scenario.roles
    }


def check_loaded(
    load: LoadResult,
    library: RoleLibraryResult,
    *,
    lang: str | None = None,
    compile: bool = True,
    strict: bool = True,
) -> BundleResult:
    """Check a loaded scenario against a role library and, unless told not to, build the bundle.

    With `strict=False` only problems the engine cannot play around (schema errors, expressions
    that do not compile, roles missing from the library) keep the bundle from being built.
    """
    result = BundleResult(None, list(load.diagnostics), load, library)
    scenario = load.scenario
    if scenario is None:
        return result
    used = referenced_roles(scenario, library)
    # Problems in the cards the scenario uses matter here; the rest belong to the library's own
    # check, unless a role is missing: then a broken card may be the one that should define it.
    used_files = {library.files[r] for r in used if r in library.files}
    from varselspel.model import with_inline_roles

    roles = with_inline_roles(scenario, library.roles)
    missing = any(entry.role not in roles for entry in scenario.roles)
    result.diagnostics.extend(d for d in library.diagnostics if missing or d.file in used_files)
    check_scenario = optional_checker("check_scenario")
    if check_scenario is not None:
        result.diagnostics.extend(
            check_scenario(
                scenario, library.roles, load.positions, load.file, lang=lang, text=load.text
            )
        )
    else:
        result.diagnostics.extend(_missing_roles(scenario, load, library, lang))
    if not compile:
        return result
    compile_scenario = _optional("varselspel.expr", "compile_scenario")
    compiled: Any = None
    problems: list[Any] = []
    if compile_scenario is not None:
        compiled, problems = compile_scenario(scenario)
        if problems and check_scenario is None:
            result.diagnostics.extend(_expr_problems(problems, load.positions, load.file, lang))
    playable = compiled is not None and not problems and not missing
    if has_errors(result.diagnostics) and (strict or not playable):
        return result
    result.bundle = ScenarioBundle(
        scenario=scenario,
        roles={r: _cast(roles[r], scenario) for r in sorted(used) if r in roles},
        compiled=compiled,
        scenario_text=load.text,
        # A role card of the scenario's own travels inside the scenario text.
        role_texts={
            r: library.texts[r]
            for r in sorted(used)
            if r in library.texts and r not in scenario_card_ids(scenario)
        },
        sha256=load.sha256,
        file=load.file,
    )
    return result


def scenario_card_ids(scenario: Scenario) -> set[str]:
    """Return the ids of the role cards the scenario defines itself."""
    return {card.id for card in scenario.role_cards}


def _cast(card: RoleCard, scenario: Scenario) -> RoleCard:
    """Return the role card as the scenario casts it: with the scenario's organisation, if any."""
    entry = next((e for e in scenario.roles if e.role == card.id), None)
    if entry is None or not entry.organisation.strip():
        return card
    return card.model_copy(update={"organisation": entry.organisation.strip()})


def _expr_problems(
    problems: Iterable[Any], positions: PositionMap, file: str, lang: str | None
) -> list[Diagnostic]:
    """Report expression problems plainly when the checker that places them exactly is absent."""
    result: list[Diagnostic] = []
    for problem in problems:
        path = tuple(problem.path)
        pos = positions.find(path)
        column = pos.column if pos else None
        # On a one-line string the offset is a column offset from where the string starts.
        if pos is not None and path in positions.values and "\n" not in problem.source:
            column = pos.column + problem.offset
        detail = f"{problem.code}: {problem.message(lang)}"
        result.append(
            Diagnostic(
                Severity.ERROR,
                "B002",
                tr(STRINGS, "B002", lang, detail=detail),
                file,
                pos.line if pos else None,
                column,
                path,
            )
        )
    return result


def load_bundle(
    path: str | os.PathLike[str],
    *,
    extra_role_dirs: Iterable[Path | str] = (),
    lang: str | None = None,
    compile: bool = True,
) -> BundleResult:
    """Load a scenario file with its role library, check it and compile its expressions.

    With `compile=False` only the diagnostics are produced (what `validate` needs).
    """
    file_path = Path(path)
    load = load_scenario_file(file_path, lang=lang)
    if load.scenario is None:
        return BundleResult(None, list(load.diagnostics), load, None)
    library = cached_role_library(role_dirs_for(file_path, extra_role_dirs), lang)
    return check_loaded(load, library, lang=lang, compile=compile)


def load_bundle_from_texts(
    scenario_text: str,
    role_texts: dict[str, str],
    name: str = "<scenario>",
    *,
    lang: str | None = None,
    strict: bool = True,
) -> BundleResult:
    """Rebuild a bundle from saved texts (a session's own copy), without touching the disk.

    A stored session passes `strict=False`: its copy was accepted when the session began, so a
    checker rule or a stricter type added in a later version must not lock a facilitator out of
    their own workshop.
    """
    load = load_scenario_text(scenario_text, name, lang=lang, lenient=not strict)
    if load.scenario is None:
        return BundleResult(None, list(load.diagnostics), load, None)
    library = load_role_library_from_texts(role_texts, lang=lang, lenient=not strict)
    return check_loaded(load, library, lang=lang, strict=strict)
