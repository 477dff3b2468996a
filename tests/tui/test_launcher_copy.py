"""The launcher's "Exportera övningsfil": a safe copy of a saved session, even one still open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import drive, leave_projector, press, screen_name, start_round, toasts

from conftest import MINI
from varselspel.store import open_session


def test_export_session_file_copies_everything_saved(make_app: Any, tmp_path: Path) -> None:
    """e on a saved session asks for a folder and copies the whole file there, -wal included."""
    app = make_app(open_target=MINI)
    dest = tmp_path / "usb"
    dest.mkdir()
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")

    async def story(pilot: Any) -> tuple[Path, Any]:
        session = await start_round(pilot)
        path, state = session.path, session.state
        await leave_projector(pilot)
        assert app.focused.id == "sessions"
        await press(pilot, "e")
        assert screen_name(app) == "FormScreen"
        # A file is no folder: the dialog stays open with the message, so the user can fix it.
        app.screen.query_one("#f-folder").value = str(blocker)
        await press(pilot, "enter")
        assert screen_name(app) == "FormScreen"
        assert any("finns redan" in m for m in toasts(app))
        app.screen.query_one("#f-folder").value = str(dest)
        await press(pilot, "enter")
        assert screen_name(app) == "LauncherScreen"
        assert any(str(dest / path.name) in m for m in toasts(app))
        return dest / path.name, state

    copied, state = drive(app, story)
    again = open_session(copied, read_only=True)
    assert again.state == state
    again.close()


def test_export_needs_a_saved_session_under_the_cursor(make_app: Any) -> None:
    """On the scenario list, e says where to go instead of doing nothing."""
    app = make_app()

    async def story(pilot: Any) -> None:
        await press(pilot, "e")
        assert screen_name(app) == "LauncherScreen"
        assert any("Sparade övningar" in m for m in toasts(app))

    drive(app, story)
