"""Every bundled scenario can be run from setup to debrief in the app without an error."""

from __future__ import annotations

from typing import Any

import pytest
from tui_helpers import drive, press, screen_name, settle

from varselspel.engine import AddParticipant, ChooseOption
from varselspel.tui.catalog import list_scenarios

SCENARIOS = [entry for entry in list_scenarios([]) if not entry.broken]


@pytest.mark.parametrize("entry", SCENARIOS, ids=[entry.scenario_id for entry in SCENARIOS])
def test_scenario_runs_through_the_app(entry: Any, make_app: Any) -> None:
    """Rounds are opened, shown on the projector and on each group's seat, closed, then debriefed."""
    app = make_app(open_target=str(entry.path))

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        session = app.session
        # Two people a group, so the union and the company can go to different people.
        for gid in session.state.groups:
            for name in ("Deltagare 1", "Deltagare 2"):
                session.execute(AddParticipant(group=gid, name=name))
        app.session_changed()
        await press(pilot, "f", "enter", "down", "f", "enter", "s")
        assert screen_name(app) == "ProjectorScreen"
        await press(pilot, "n")
        played = 0
        while session.state.round_open:
            played += 1
            await pilot.press("n", "n", "p", "p")
            for number, gid in enumerate(session.state.groups, start=1):
                # Every round is drawn on a group's seat; the other group decides off screen.
                if number == 1:
                    await press(pilot, "1")
                    assert screen_name(app) == "GroupScreen"
                for view in session.decisions_for(gid):
                    option = view.available[0] if number == 1 else view.available[-1]
                    session.execute(
                        ChooseOption(group=gid, decision=view.key, option=option.id), actor=gid
                    )
                if number == 1:
                    if played == 1:
                        await pilot.press("l", "k", "d")
                    await press(pilot, "escape")
            await press(pilot, "c", "j")
            if session.state.round_index < len(session.scenario.rounds) - 1:
                await press(pilot, "n")
        assert played >= 1
        await press(pilot, "u", "j")
        assert screen_name(app) == "DebriefScreen"
        await press(pilot, "i", "o", "1", "v")

    drive(app, story, size=(100, 30))
