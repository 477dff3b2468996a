"""The export entry points the CLI and the app call: render plans and write them safely."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from varselspel.export.errors import ExportError
from varselspel.export.files import (
    atomic_write,
    check_overwrite,
    ensure_folder,
    existing,
    safe_stem,
)
from varselspel.export.strings import STRINGS
from varselspel.i18n import get_lang, tr
from varselspel.model import RoleCard, Scenario
from varselspel.plan.model import ActionPlan

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.export.document import Document

FORMATS: tuple[str, ...] = ("md", "docx", "html", "json")
"""Export formats, in the order `all` writes them."""

SUFFIXES: dict[str, str] = {"md": ".md", "docx": ".docx", "html": ".html", "json": ".json"}
"""File-name suffix per format."""

_PREFIX = {"sv": "handlingsplan", "en": "action-plan"}
_SYNTHESIS = {"sv": "sammanställning", "en": "synthesis"}


def normalise_formats(formats: str | Iterable[str], lang: str | None = None) -> list[str]:
    """Expand `all` and check format names; raise ExportError for an unknown one."""
    items = [formats] if isinstance(formats, str) else list(formats)
    out: list[str] = []
    for item in items:
        names = FORMATS if item == "all" else (item,)
        for name in names:
            if name not in FORMATS:
                raise ExportError(
                    tr(
                        STRINGS,
                        "error.unknown_format",
                        lang,
                        format=name,
                        choices=", ".join([*FORMATS, "all"]),
                    )
                )
            if name not in out:
                out.append(name)
    return out


def render_plan(plan: ActionPlan, fmt: str, lang: str | None = None) -> bytes:
    """Render a plan in one format as the bytes of the file."""
    code = lang or plan.language
    if fmt == "json":
        from varselspel.export.jsonout import render_json

        return render_json(plan).encode("utf-8")
    document = plan_to_document(plan, code)
    return render_document(document, fmt)


def plan_to_document(plan: ActionPlan, lang: str) -> Document:
    """Lay out a plan as document blocks."""
    from varselspel.export.plan_document import plan_document

    return plan_document(plan, lang)


def render_document(document: Document, fmt: str) -> bytes:
    """Render document blocks as Markdown, HTML or Word."""
    if fmt == "md":
        from varselspel.export.markdown import render_markdown

        return render_markdown(document).encode("utf-8")
    if fmt == "html":
        from varselspel.export.html import render_html

        return render_html(document).encode("utf-8")
    if fmt == "docx":
        from varselspel.export.word import render_docx

        return render_docx(document)
    raise ExportError(
        tr(STRINGS, "error.unknown_format", document.lang, format=fmt, choices="md, docx, html")
    )


def plan_stem(plan: ActionPlan) -> str:
    """Return the safe file-name stem of a plan: prefix, scenario and group (or synthesis)."""
    lang = plan.language
    who = _SYNTHESIS[lang] if plan.kind == "synthesis" else (plan.title_page.groups or ["grupp"])[0]
    return safe_stem(f"{_PREFIX[lang]}-{plan.title_page.scenario_id}-{who}", fallback=_PREFIX[lang])


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """A file an export will write: where, in which format, from which plan."""

    path: Path
    fmt: str
    plan: ActionPlan


def build_plans(
    session: Session,
    group: str | None = None,
    *,
    lang: str | None = None,
    today: date | None = None,
) -> list[ActionPlan]:
    """Build the plans to export: one group's, or every group's plus a synthesis (2+ groups)."""
    from varselspel.plan.build import build_group_plan, build_synthesis, find_group

    code = lang or get_lang()
    groups = session.state.groups
    if group is not None:
        gid = find_group(session, group)
        if gid is None:
            names = ", ".join(g.name for g in groups.values())
            raise ExportError(tr(STRINGS, "error.unknown_group", code, group=group, groups=names))
        return [build_group_plan(session, gid, lang=code, today=today)]
    plans = [build_group_plan(session, gid, lang=code, today=today) for gid in groups]
    if len(groups) > 1:
        plans.append(build_synthesis(session, lang=code, today=today))
    return plans


def plan_files(
    plans: Sequence[ActionPlan], formats: Iterable[str], out_dir: Path
) -> list[PlannedFile]:
    """Return the files the plans will be written to; same-named groups get a number."""
    files: list[PlannedFile] = []
    used: set[str] = set()
    fmts = normalise_formats(formats)
    for plan in plans:
        stem = plan_stem(plan)
        unique = stem
        counter = 2
        while unique.casefold() in used:
            # Two groups whose names fold to the same stem must not overwrite each other.
            unique = f"{stem}-{counter}"
            counter += 1
        used.add(unique.casefold())
        files.extend(PlannedFile(out_dir / f"{unique}{SUFFIXES[fmt]}", fmt, plan) for fmt in fmts)
    return files


def files_to_overwrite(
    session: Session,
    formats: str | Iterable[str],
    out_dir: Path,
    group: str | None = None,
    *,
    lang: str | None = None,
) -> list[Path]:
    """Return the existing files an export would overwrite (for a confirmation dialog)."""
    plans = build_plans(session, group, lang=lang)
    return existing(
        f.path for f in plan_files(plans, normalise_formats(formats, lang), Path(out_dir))
    )


def export_session(
    session: Session,
    formats: str | Iterable[str],
    out_dir: Path | str,
    group: str | None = None,
    force: bool = False,
    *,
    lang: str | None = None,
    today: date | None = None,
) -> list[Path]:
    """Export a session's plans and return the paths written; raise a localised ExportError."""
    code = lang or get_lang()
    fmts = normalise_formats(formats, code)
    folder = Path(out_dir)
    plans = build_plans(session, group, lang=code, today=today)
    files = plan_files(plans, fmts, folder)
    # Check everything first so a refused export writes nothing at all.
    check_overwrite((f.path for f in files), force, code)
    ensure_folder(folder, code)
    rendered = [(f.path, render_plan(f.plan, f.fmt, code)) for f in files]
    return [atomic_write(path, data, force=force, lang=code) for path, data in rendered]


def default_out_dir() -> Path:
    """Return the folder the app offers for exports: `varselspel` in the user's documents."""
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "varselspel"


def describe_written(paths: Sequence[Path], lang: str | None = None) -> str:
    """Say where the files went, one path per line, for the CLI and the app."""
    key = "cli.export.wrote_one" if len(paths) == 1 else "cli.export.wrote"
    head = tr(STRINGS, key, lang, count=len(paths))
    return "\n".join([head, *(f"  {path}" for path in paths)])


def role_cards_stem(scenario_id: str, lang: str) -> str:
    """Return the safe file-name stem of a scenario's role cards."""
    return safe_stem(
        f"{'rollkort' if lang == 'sv' else 'role-cards'}-{scenario_id}", fallback="rollkort"
    )


def export_role_cards(
    document: Document, scenario_id: str, fmt: str, out_dir: Path | str, force: bool = False
) -> Path:
    """Write role cards laid out as a document to one file and return its path."""
    if fmt not in ("docx", "html"):
        raise ExportError(
            tr(STRINGS, "error.unknown_format", document.lang, format=fmt, choices="docx, html")
        )
    folder = Path(out_dir)
    path = folder / f"{role_cards_stem(scenario_id, document.lang)}{SUFFIXES[fmt]}"
    check_overwrite([path], force, document.lang)
    ensure_folder(folder, document.lang)
    return atomic_write(path, render_document(document, fmt), force=force, lang=document.lang)


def write_role_cards(
    scenario: Scenario,
    roles: Mapping[str, RoleCard],
    fmt: str,
    out_dir: Path | str,
    *,
    lang: str | None = None,
    force: bool = False,
) -> Path:
    """Lay out and write a scenario's role cards (one per page) and return the file's path."""
    from varselspel.export.role_cards import role_cards_document

    document = role_cards_document(scenario, roles, lang or get_lang())
    return export_role_cards(document, scenario.id, fmt, out_dir, force=force)
