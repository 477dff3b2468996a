"""Renderings of action plans and role cards: Markdown, Word, HTML, JSON; safe, atomic files."""

from __future__ import annotations

from varselspel.export.api import (
    FORMATS,
    build_plans,
    default_out_dir,
    describe_written,
    export_role_cards,
    export_session,
    files_to_overwrite,
    normalise_formats,
    plan_files,
    render_plan,
    write_role_cards,
)
from varselspel.export.errors import ExportError
from varselspel.export.files import atomic_write, safe_filename, safe_stem

__all__ = [
    "FORMATS",
    "ExportError",
    "atomic_write",
    "build_plans",
    "default_out_dir",
    "describe_written",
    "export_role_cards",
    "export_session",
    "files_to_overwrite",
    "normalise_formats",
    "plan_files",
    "render_plan",
    "safe_filename",
    "safe_stem",
    "write_role_cards",
]
