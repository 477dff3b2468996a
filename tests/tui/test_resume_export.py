"""A session reopened after the app closed continues exactly; the export action writes the plans."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from tui_helpers import add_participant, settle

from conftest import DATA
from varselspel.engine import (
    ChooseOption,
    CloseRound,
    RateObjective,
    StartDebrief,
    StartRound,
)


async def play_some(app: Any) -> Any:
    """Set up, start round 1, release an inject and let group 1 choose, all by keys."""
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await add_participant(pilot, "A", "K")
        for key in ("f", "s", "j", "n", "n", "1", "enter", "escape"):
            await pilot.press(key)
            await settle(pilot)
        assert type(app.screen).__name__ == "ProjectorScreen"
        return app.session


def test_reopened_session_continues_exactly(make_app: Any) -> None:
    """Closing the app and opening the session file (or its launcher row) shows the same state."""
    first = make_app(open_target=str(DATA / "mini.yaml"))
    session = asyncio.run(play_some(first))
    before = session.state
    path = session.path
    assert path is not None and path.is_file()
    assert "r1.ledning" in before.groups["g1"].choices

    again = make_app(open_target=str(path))

    async def reopen() -> Any:
        async with again.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert type(again.screen).__name__ == "ProjectorScreen"
            return again.session.state

    assert asyncio.run(reopen()) == before

    launcher = make_app()

    async def from_launcher() -> Any:
        async with launcher.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert [entry.path for entry in launcher.screen.sessions] == [path]
            await pilot.click("#sessions")
            await pilot.press("enter")
            await settle(pilot)
            assert type(launcher.screen).__name__ == "ProjectorScreen"
            return launcher.session.state

    assert asyncio.run(from_launcher()) == before


def test_export_from_debrief(make_app: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """E in the debrief writes the plans, says where, and asks before overwriting them."""
    out = tmp_path / "ut"
    monkeypatch.setattr("varselspel.tui.export_action.default_export_dir", lambda app: out)
    app = make_app(open_target=str(DATA / "mini.yaml"))

    async def run() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await add_participant(pilot, "A", "K")
            for key in ("f", "s", "j", "n"):
                await pilot.press(key)
                await settle(pilot)
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
            await settle(pilot)
            assert type(app.screen).__name__ == "DebriefScreen"
            await pilot.press("e")
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert type(app.screen).__name__ == "MessageScreen"
            assert str(out) in app.screen.message
            written = sorted(p.suffix for p in out.iterdir())
            assert {".md", ".docx", ".html", ".json"} <= set(written)
            stamps = {p: p.stat().st_mtime_ns for p in out.iterdir()}
            await pilot.press("escape")
            # A second export asks first; saying no leaves the files alone.
            await pilot.press("e")
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert type(app.screen).__name__ == "ConfirmScreen"
            await pilot.press("n")
            await settle(pilot)
            assert {p: p.stat().st_mtime_ns for p in out.iterdir()} == stamps
            assert type(app.screen).__name__ == "DebriefScreen"

    asyncio.run(run())


def test_export_problem_stays_in_the_dialog(
    make_app: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """A folder that cannot be written keeps the dialog open with the reason and the typed folder."""
    blocked = tmp_path / "fil"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(
        "varselspel.tui.export_action.default_export_dir", lambda app: blocked / "ut"
    )
    app = make_app(open_target=str(DATA / "mini.yaml"))

    async def run() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            for key in ("s", "j", "e"):
                await pilot.press(key)
                await settle(pilot)
            assert type(app.screen).__name__ == "ExportScreen"
            await pilot.press("enter")
            await settle(pilot)
            await pilot.pause(0.2)
            screen = app.screen
            assert type(screen).__name__ == "ExportScreen"
            assert str(screen.query_one("#export-error").render()).strip()
            assert screen.query_one("#export-folder").value == str(blocked / "ut")

    asyncio.run(run())
