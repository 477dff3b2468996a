"""The export action of the debrief and projector views: ask where, confirm overwrites, say where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from varselspel.i18n import tr
from varselspel.tui.strings import STRINGS

if TYPE_CHECKING:
    from varselspel.tui.app import VarselApp


def default_export_dir(app: VarselApp) -> Path:
    """Return the folder offered for exports: `varselspel` in the user's documents folder."""
    for name in ("Dokument", "Documents"):
        documents = Path.home() / name
        if documents.is_dir():
            return documents / "varselspel"
    return Path.cwd() / "varselspel-export"


def start_export(app: VarselApp) -> None:
    """Ask for a folder, a format and a plan, then export; problems keep the dialog open."""
    from varselspel.tui.screens.export import ExportRequest, ExportScreen

    if app.session is None:
        return
    groups = [(g.id, g.name) for g in app.session.state.groups.values()]

    def answered(request: ExportRequest | None) -> None:
        if request is not None:
            _check_and_export(app, request)

    app.push_screen(ExportScreen(default_export_dir(app), groups), answered)


def _existing(app: VarselApp, request: Any) -> list[Path]:
    """Return the files the export would overwrite."""
    from varselspel.export.api import build_plans, plan_files

    plans = build_plans(app.session, request.group, lang=app.lang)
    return [f.path for f in plan_files(plans, request.formats, request.folder) if f.path.exists()]


def _check_and_export(app: VarselApp, request: Any) -> None:
    """Confirm before overwriting, then export."""
    from varselspel.tui.screens.confirm import ConfirmScreen

    try:
        existing = _existing(app, request)
    except ImportError:
        app.notify(tr(STRINGS, "export.unavailable"), severity="warning")
        return
    except Exception as exc:
        _retry(app, request, str(exc))
        return
    if existing:

        def answer(yes: bool | None) -> None:
            if yes:
                _export(app, request, force=True)

        app.push_screen(
            ConfirmScreen(tr(STRINGS, "export.overwrite_q", folder=str(request.folder))), answer
        )
    else:
        _export(app, request, force=False)


def _retry(app: VarselApp, request: Any, error: str) -> None:
    """Open the dialog again with what was entered and the error under it."""
    from varselspel.tui.screens.export import ExportScreen

    groups = [(g.id, g.name) for g in app.session.state.groups.values()]
    screen = ExportScreen(request.folder, groups)

    def answered(again: Any) -> None:
        if again is not None:
            _check_and_export(app, again)

    app.push_screen(screen, answered)
    app.call_after_refresh(screen.show_error, tr(STRINGS, "export.failed", error=error))


def _export(app: VarselApp, request: Any, *, force: bool) -> None:
    """Write the files and show where they went."""
    from varselspel.export.api import export_session
    from varselspel.tui.screens.confirm import MessageScreen

    app.notify(tr(STRINGS, "export.working"), markup=False, timeout=2)
    try:
        written: list[Any] = export_session(
            app.session, request.formats, request.folder, request.group, force=force, lang=app.lang
        )
    except Exception as exc:
        _retry(app, request, str(exc))
        return
    files = "\n".join(f"• {Path(p).name}" for p in written)
    app.push_screen(
        MessageScreen(
            tr(STRINGS, "export.title"),
            tr(STRINGS, "export.done", folder=str(request.folder.resolve()), files=files),
        )
    )
