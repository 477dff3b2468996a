"""Every bundled scenario can be run from setup to debrief in the app without an error."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from tui_helpers import settle

from varselspel.engine import AddParticipant, ChooseOption
from varselspel.tui.catalog import list_scenarios

SCENARIOS = [entry for entry in list_scenarios([]) if not entry.broken]


@pytest.mark.parametrize("entry", SCENARIOS, ids=[entry.scenario_id for entry in SCENARIOS])
def test_scenario_runs_through_the_app(entry: Any, make_app: Any) -> None:
    """Rounds are opened, shown on the projector and on each group's seat, closed, then debriefed."""
    app = make_app(open_target=str(entry.path))

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            session = app.session
            for gid in session.state.groups:
                session.execute(AddParticipant(group=gid, name="Deltagare"))
            app.screen.refresh_view()
            await pilot.press("f", "down", "f", "s")
            await settle(pilot)
            assert type(app.screen).__name__ == "ProjectorScreen"
            await pilot.press("n")
            await settle(pilot)
            played = 0
            while session.state.round_open:
                played += 1
                await pilot.press("n", "n", "p", "p")
                for number, gid in enumerate(session.state.groups, start=1):
                    # Every round is drawn on a group's seat; the other group decides off screen.
                    if number == 1:
                        await pilot.press("1")
                        await settle(pilot)
                        assert type(app.screen).__name__ == "GroupScreen"
                    for view in session.decisions_for(gid):
                        option = view.available[0] if number == 1 else view.available[-1]
                        session.execute(
                            ChooseOption(group=gid, decision=view.key, option=option.id), actor=gid
                        )
                    if number == 1:
                        if played == 1:
                            await pilot.press("l", "k", "d")
                        await pilot.press("escape")
                        await settle(pilot)
                await pilot.press("c", "j")
                await settle(pilot)
                if session.state.round_index < len(session.scenario.rounds) - 1:
                    await pilot.press("n")
                    await settle(pilot)
            assert played >= 1
            await pilot.press("u", "j")
            await settle(pilot)
            assert type(app.screen).__name__ == "DebriefScreen"
            await pilot.press("i", "o", "1", "v")
            await settle(pilot)

    asyncio.run(run())
