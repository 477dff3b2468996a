"""Loading scenarios and role cards: safe YAML with positions and limits, then pydantic models."""

from __future__ import annotations

from varselspel.loader.bundle import (
    BundleResult,
    ScenarioBundle,
    check_loaded,
    load_bundle,
    load_bundle_from_texts,
    role_dirs_for,
)
from varselspel.loader.files import (
    LoadResult,
    RoleLoadResult,
    classify_file,
    load_role_file,
    load_role_text,
    load_scenario_file,
    load_scenario_text,
    looks_like_role,
)
from varselspel.loader.library import (
    RoleLibraryResult,
    load_role_files,
    load_role_library,
    load_role_library_from_texts,
)
from varselspel.loader.yamlread import (
    MAX_ALIAS_CHARS,
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    read_yaml,
)

__all__ = [
    "MAX_ALIAS_CHARS",
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "BundleResult",
    "LoadResult",
    "RoleLibraryResult",
    "RoleLoadResult",
    "ScenarioBundle",
    "check_loaded",
    "classify_file",
    "load_bundle",
    "load_bundle_from_texts",
    "load_role_file",
    "load_role_files",
    "load_role_library",
    "load_role_library_from_texts",
    "load_role_text",
    "load_scenario_file",
    "load_scenario_text",
    "looks_like_role",
    "read_yaml",
    "role_dirs_for",
]
