"""A session reopened after the app closed continues exactly; the export action writes the plans."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import add_participant, drive, press, press_each, screen_name, settle

from conftest import MINI
from varselspel.engine import (
    ChooseOption,
    CloseRound,
    RateObjective,
    StartDebrief,
    StartRound,
)


def test_reopened_session_continues_exactly(make_app: Any) -> None:
    """Closing the app and opening the session file (or its launcher row) shows the same state."""
    first = make_app(open_target=MINI)

    async def play_some(pilot: Any) -> Any:
        # Set up, start round 1, release an inject and let group 1 choose, all by keys.
        await settle(pilot, "SetupScreen")
        await add_participant(pilot, "A", "K")
        await press_each(pilot, "f", "enter", "s", "j", "n", "n", "1", "enter", "escape")
        assert screen_name(first) == "ProjectorScreen"
        return first.session

    session = drive(first, play_some)
    before = session.state
    path = session.path
    assert path is not None and path.is_file()
    assert "r1.ledning" in before.groups["g1"].choices

    again = make_app(open_target=str(path))

    async def reopen(pilot: Any) -> Any:
        await settle(pilot, "ProjectorScreen")
        assert screen_name(again) == "ProjectorScreen"
        return again.session.state

    assert drive(again, reopen) == before

    launcher = make_app()

    async def from_launcher(pilot: Any) -> Any:
        await settle(pilot, "LauncherScreen")
        assert [entry.path for entry in launcher.screen.sessions] == [path]
        await pilot.click("#sessions")
        await press(pilot, "enter")
        assert screen_name(launcher) == "ProjectorScreen"
        return launcher.session.state

    assert drive(launcher, from_launcher) == before


def test_export_from_debrief(make_app: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """E in the debrief writes the plans, says where, and asks before overwriting them."""
    out = tmp_path / "ut"
    monkeypatch.setattr("varselspel.tui.export_action.default_export_dir", lambda app: out)
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        await add_participant(pilot, "A", "K")
        await press_each(pilot, "f", "enter", "s", "j", "n")
        session = app.session
        session.execute(
            ChooseOption(group="g1", decision="r1.ledning", option="kommunen"), actor="g1"
        )
        session.execute(CloseRound())
        session.execute(StartRound())
        session.execute(StartDebrief())
        session.execute(RateObjective(group="g1", objective="ledning", rating="some"))
        from varselspel.tui import flow

        flow.show_phase(app)
        await settle(pilot, "DebriefScreen")
        assert screen_name(app) == "DebriefScreen"
        await press_each(pilot, "e", "ctrl+s")
        assert screen_name(app) == "MessageScreen"
        assert str(out) in app.screen.message
        written = sorted(p.suffix for p in out.iterdir())
        assert {".md", ".docx", ".html", ".json"} <= set(written)
        stamps = {p: p.stat().st_mtime_ns for p in out.iterdir()}
        await pilot.press("escape")
        # A second export asks first; saying no leaves the files alone.
        await press_each(pilot, "e", "ctrl+s")
        assert screen_name(app) == "ConfirmScreen"
        await press(pilot, "n")
        assert {p: p.stat().st_mtime_ns for p in out.iterdir()} == stamps
        assert screen_name(app) == "DebriefScreen"

    drive(app, story)


def test_export_problem_stays_in_the_dialog(
    make_app: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """A folder that cannot be written keeps the dialog open with the reason and the typed folder."""
    blocked = tmp_path / "fil"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(
        "varselspel.tui.export_action.default_export_dir", lambda app: blocked / "ut"
    )
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        await press_each(pilot, "s", "j", "e")
        assert screen_name(app) == "ExportScreen"
        await press(pilot, "enter")
        await settle(pilot, "ExportScreen")
        screen = app.screen
        assert type(screen).__name__ == "ExportScreen"
        assert str(screen.query_one("#export-error").render()).strip()
        assert screen.query_one("#export-folder").value == str(blocked / "ut")

    drive(app, story)
