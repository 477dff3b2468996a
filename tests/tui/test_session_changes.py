"""The app follows the session: its own commands, and events another process appends."""

from __future__ import annotations

from typing import Any

import pytest
from test_snapshots import reach
from tui_helpers import drive, press, screen_name, settle, toasts

from conftest import DATA, MINI
from varselspel.engine import ChooseOption, ReleaseInject, StartDebrief
from varselspel.store import StoreError, open_session


def shown(app: Any, widget: str) -> str:
    """Return the text a widget of the current screen shows."""
    return str(app.screen.query_one(widget).render())


def row(app: Any, table: str, key: str) -> list[str]:
    """Return the cells of one row of a table on the current screen, as text."""
    return [str(cell) for cell in app.screen.query_one(table).get_row(key)]


def test_projector_shows_what_another_process_records(make_app: Any) -> None:
    """A second handle on the session file (a web server, a second terminal) writes; the
    projector shows it without a key press, within about a second."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "projector")
        other = open_session(app.session.path)
        try:
            assert other.execute(
                ChooseOption(group="g2", decision="r1.ledning", option="vanta"), actor="g2"
            ).ok
            assert other.execute(ReleaseInject(inject="reserv", group="g2")).ok
        finally:
            other.close()
        await settle(
            pilot, "ProjectorScreen", until=lambda: "1/1" in row(app, "#group-status", "g2")[1]
        )
        assert "En oroad förälder" in shown(app, "#injects")
        assert app.session.state.groups["g2"].choices["r1.ledning"].option == "vanta"

    drive(app, story)


def test_a_phase_change_elsewhere_moves_the_app_along(make_app: Any) -> None:
    """When another process starts the debrief, the projector gives way to the debrief."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "projector")
        other = open_session(app.session.path)
        try:
            assert other.execute(StartDebrief()).ok
        finally:
            other.close()
        await settle(pilot, "DebriefScreen")

    drive(app, story)


def test_hidden_screen_redraws_when_shown_again(make_app: Any) -> None:
    """A choice on the group seat shows on the projector when the facilitator returns to it."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "projector")
        assert "0/1" in row(app, "#group-status", "g2")[1]
        await press(pilot, "2")
        assert screen_name(app) == "GroupScreen"
        await press(pilot, "home", "enter")
        assert "r1.ledning" in app.session.state.groups["g2"].choices
        await press(pilot, "escape")
        assert screen_name(app) == "ProjectorScreen"
        assert "1/1" in row(app, "#group-status", "g2")[1]

    drive(app, story)


def test_a_burst_of_commands_redraws_once(make_app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sharing out the roles sends a command per role; the setup screen redraws once for all."""
    from varselspel.tui.screens.setup import SetupScreen

    app = make_app(scenario_dirs=[DATA], open_target=MINI)
    redraws: list[int] = []
    original = SetupScreen.refresh_view

    def counted(self: Any) -> None:
        redraws.append(app.session.seq)
        original(self)

    async def story(pilot: Any) -> None:
        await reach(pilot, "setup")
        before = app.session.seq
        monkeypatch.setattr(SetupScreen, "refresh_view", counted)
        await press(pilot, "down", "f", "enter")
        assert app.session.seq > before + 1
        assert redraws == [app.session.seq]

    drive(app, story)


def test_an_unreadable_session_file_is_said_once(make_app: Any) -> None:
    """When the file cannot be read while watching it, the app says so once, not every second."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "projector")
        journal = app.session.journal
        healthy = journal.events_after

        def broken(seq: int) -> Any:
            raise StoreError("corrupt", app.session.path, detail="test")

        journal.events_after = broken
        for _ in range(3):
            app.poll_session()
        journal.events_after = healthy
        app.poll_session()
        await settle(pilot, "ProjectorScreen")
        problems = [m for m in toasts(app) if str(app.session.path) in m]
        assert len(problems) == 1

    drive(app, story)
