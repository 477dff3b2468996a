"""Fixes from the user test (UX-BUGS.md): each test drives the app through keys and clicks."""

from __future__ import annotations

import asyncio
from typing import Any

from tui_helpers import add_participant, settle

from conftest import DATA


async def leave_projector(pilot: Any) -> None:
    """Press Esc on the projector and confirm leaving when the app asks."""
    await pilot.press("escape")
    await settle(pilot)
    if type(pilot.app.screen).__name__ == "ConfirmScreen":
        await pilot.press("j")
        await settle(pilot)


async def start_mini(pilot: Any) -> Any:
    """Set up the mini scenario with one participant and open round 1 with one inject."""
    await settle(pilot)
    await add_participant(pilot, "A", "K")
    for key in ("f", "s", "j", "n", "n"):
        await pilot.press(key)
        await settle(pilot)
    assert type(pilot.app.screen).__name__ == "ProjectorScreen"
    return pilot.app.session


def test_reopened_session_group_seat_does_not_crash(make_app: Any) -> None:
    """F15: visit a group, leave to the launcher, reopen the session, visit a group again."""
    app = make_app(open_target=str(DATA / "mini.yaml"))

    async def run() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await start_mini(pilot)
            await pilot.press("1")
            await settle(pilot)
            assert type(app.screen).__name__ == "GroupScreen"
            await pilot.press("escape")
            await settle(pilot)
            await leave_projector(pilot)
            assert type(app.screen).__name__ == "LauncherScreen"
            app.screen.open_row("sessions", 0)
            await settle(pilot)
            assert type(app.screen).__name__ == "ProjectorScreen"
            await pilot.press("2")
            await settle(pilot)
            assert type(app.screen).__name__ == "GroupScreen"
            assert app.screen.group_id == "g2"
            await pilot.press("escape", "1")
            await settle(pilot)
            assert app.screen.group_id == "g1"

    asyncio.run(run())
