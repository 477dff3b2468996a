"""The role library: role cards from one or more folders, later folders overriding by id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from varselspel.diagnostics import Diagnostic, PositionMap
from varselspel.loader.files import RoleLoadResult, error_at, load_role_file, load_role_text

if TYPE_CHECKING:
    from varselspel.model import RoleCard


@dataclass(slots=True)
class RoleLibraryResult:
    """Role cards by id, with their texts, files, positions and any problems."""

    roles: dict[str, RoleCard] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    """Role id -> the YAML text of its card."""
    files: dict[str, str] = field(default_factory=dict)
    """Role id -> the file it was loaded from."""
    positions: dict[str, PositionMap] = field(default_factory=dict)
    """Role id -> positions of its card's nodes."""


def role_files(folder: Path) -> list[Path]:
    """Return the role-card files of a folder, sorted so loading is deterministic."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def _add(
    library: RoleLibraryResult,
    loaded: RoleLoadResult,
    seen_here: dict[str, str],
    lang: str | None,
) -> None:
    """Add one loaded role card; ids must be unique within one folder."""
    library.diagnostics.extend(loaded.diagnostics)
    role = loaded.role
    if role is None:
        return
    other = seen_here.get(role.id)
    if other is not None:
        library.diagnostics.append(
            error_at(
                "R001", loaded.file, lang, loaded.positions, ("id",), role=role.id, other=other
            )
        )
        return
    seen_here[role.id] = loaded.file
    library.roles[role.id] = role
    library.texts[role.id] = loaded.text
    library.files[role.id] = loaded.file
    library.positions[role.id] = loaded.positions


def load_role_library(dirs: Iterable[Path | str], *, lang: str | None = None) -> RoleLibraryResult:
    """Load every `*.yaml`/`*.yml` role card in `dirs`; a later folder overrides an earlier by id."""
    library = RoleLibraryResult()
    seen_dirs: set[Path] = set()
    for folder in dirs:
        path = Path(folder)
        try:
            resolved = path.resolve()
        except OSError:
            resolved = path
        if resolved in seen_dirs:
            continue
        seen_dirs.add(resolved)
        seen_here: dict[str, str] = {}
        for file in role_files(path):
            _add(library, load_role_file(file, lang=lang), seen_here, lang)
    return library


def load_role_library_from_texts(
    texts: dict[str, str], *, lang: str | None = None, lenient: bool = False
) -> RoleLibraryResult:
    """Load role cards from texts keyed by a name (e.g. the role id they were saved under)."""
    library = RoleLibraryResult()
    seen_here: dict[str, str] = {}
    for name in sorted(texts):
        loaded = load_role_text(texts[name], f"<roll {name}>", lang=lang, lenient=lenient)
        _add(library, loaded, seen_here, lang)
    return library


def load_role_files(files: Iterable[Path | str], *, lang: str | None = None) -> RoleLibraryResult:
    """Load the given role-card files as one library; ids must be unique among them."""
    library = RoleLibraryResult()
    seen_here: dict[str, str] = {}
    for file in files:
        _add(library, load_role_file(file, lang=lang), seen_here, lang)
    return library
