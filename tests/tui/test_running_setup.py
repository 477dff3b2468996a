"""Participants and roles can change during a running workshop; roles go to matching organisations."""

from __future__ import annotations

from typing import Any

from test_snapshots import reach
from tui_helpers import add_participant, drive, press, screen_name, settle, type_text

from conftest import DATA, MINI
from varselspel.engine import AddParticipant


def test_latecomer_joins_a_running_workshop(make_app: Any) -> None:
    """From the projector, the palette opens participants and roles; Esc returns to the projector."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "projector")
        await press(pilot, "ctrl+p")
        await type_text(pilot, "Deltagare och roller")
        await settle(pilot, "CommandPalette")
        await press(pilot, "enter")
        assert screen_name(app) == "SetupScreen"
        await pilot.press("down")
        await add_participant(pilot, "Sen", "Region Test")
        assert [p.name for p in app.session.state.groups["g2"].participants.values()] == [
            "Cia Lund",
            "Sen",
        ]
        # Starting again or adding groups is not offered while the workshop runs.
        await press(pilot, "s", "g")
        assert screen_name(app) == "SetupScreen"
        assert len(app.session.state.groups) == 2
        await press(pilot, "escape")
        assert screen_name(app) == "ProjectorScreen"

    drive(app, story)


def test_roles_go_to_people_from_the_roles_organisation(make_app: Any) -> None:
    """F gives Arbetsförmedlingen's role to the person from Arbetsförmedlingen, whatever the order."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        session = app.session
        session.execute(AddParticipant(group="g1", name="Ola", organisation="Arbetsförmedlingen"))
        session.execute(AddParticipant(group="g1", name="Kim", organisation="Testby kommun"))
        app.session_changed()
        await settle(pilot, "SetupScreen")
        # F proposes; Enter confirms the plan.
        await press(pilot, "f", "enter")
        roles = session.state.groups["g1"].roles
        names = {pid: p.name for pid, p in session.state.groups["g1"].participants.items()}
        assert names[roles["arbetsformedlingen"]] == "Ola"
        assert names[roles["kso"]] == "Kim"

    drive(app, story)
