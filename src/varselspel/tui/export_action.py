"""The export action of the debrief and projector views: ask where, confirm overwrites, say where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from varselspel.i18n import tr
from varselspel.tui.messages import MESSAGES

if TYPE_CHECKING:
    from varselspel.tui.app import VarselApp


def default_export_dir(app: VarselApp) -> Path:
    """Return the folder offered for exports: `varselspel-export` in the working folder."""
    return Path.cwd() / "varselspel-export"


def start_export(app: VarselApp) -> None:
    """Ask for a folder and formats, then export the session's action plans."""
    from varselspel.tui.screens.dialogs import FormScreen

    if app.session is None:
        return
    fields = [
        ("folder", tr(MESSAGES, "export.folder"), str(default_export_dir(app))),
        ("formats", tr(MESSAGES, "export.format") + " (md, docx, html, json, all)", "all"),
    ]

    def answered(values: dict[str, str] | None) -> None:
        if values:
            _check_and_export(
                app, Path(values["folder"]).expanduser(), values.get("formats") or "all"
            )

    app.push_screen(FormScreen(tr(MESSAGES, "export.title"), fields, ("folder",)), answered)


def _existing(app: VarselApp, folder: Path, formats: list[str]) -> list[Path]:
    """Return the files the export would overwrite."""
    from varselspel.export.api import build_plans, plan_files

    plans = build_plans(app.session, None, lang=app.lang)
    return [f.path for f in plan_files(plans, formats, folder) if f.path.exists()]


def _check_and_export(app: VarselApp, folder: Path, formats_text: str) -> None:
    """Confirm before overwriting, then export."""
    from varselspel.tui.screens.confirm import ConfirmScreen

    try:
        from varselspel.export.api import normalise_formats

        formats = normalise_formats(
            [f.strip() for f in formats_text.replace(",", " ").split() if f.strip()], app.lang
        )
        existing = _existing(app, folder, formats)
    except ImportError:
        app.notify(tr(MESSAGES, "export.unavailable"), severity="warning")
        return
    except Exception as exc:
        app.notify(tr(MESSAGES, "export.failed", error=str(exc)), severity="error", markup=False)
        return
    if existing:

        def answer(yes: bool | None) -> None:
            if yes:
                _export(app, folder, formats, force=True)

        app.push_screen(
            ConfirmScreen(tr(MESSAGES, "export.overwrite_q", folder=str(folder))), answer
        )
    else:
        _export(app, folder, formats, force=False)


def _export(app: VarselApp, folder: Path, formats: list[str], *, force: bool) -> None:
    """Write the files and show where they went."""
    from varselspel.export.api import export_session
    from varselspel.tui.screens.confirm import MessageScreen

    try:
        written: list[Any] = export_session(
            app.session, formats, folder, force=force, lang=app.lang
        )
    except Exception as exc:
        app.notify(tr(MESSAGES, "export.failed", error=str(exc)), severity="error", markup=False)
        return
    files = "\n".join(f"• {Path(p).name}" for p in written)
    app.push_screen(
        MessageScreen(
            tr(MESSAGES, "export.title"),
            tr(MESSAGES, "export.done", folder=str(folder), files=files),
        )
    )
