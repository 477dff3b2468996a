"""Participants and roles can change during a running workshop; roles go to matching organisations."""

from __future__ import annotations

import asyncio
from typing import Any

from test_snapshots import reach
from tui_helpers import add_participant, settle, type_text

from conftest import DATA
from varselspel.engine import AddParticipant


def test_latecomer_joins_a_running_workshop(make_app: Any) -> None:
    """From the projector, the palette opens participants and roles; Esc returns to the projector."""
    app = make_app(scenario_dirs=[DATA], open_target=str(DATA / "mini.yaml"))

    async def run() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await reach(pilot, "projector")
            await pilot.press("ctrl+p")
            await settle(pilot)
            await type_text(pilot, "Deltagare och roller")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await settle(pilot)
            assert type(app.screen).__name__ == "SetupScreen"
            await pilot.press("down")
            await add_participant(pilot, "Sen", "Region Test")
            assert [p.name for p in app.session.state.groups["g2"].participants.values()] == [
                "Cia Lund",
                "Sen",
            ]
            # Starting again or adding groups is not offered while the workshop runs.
            await pilot.press("s", "g")
            await settle(pilot)
            assert type(app.screen).__name__ == "SetupScreen"
            assert len(app.session.state.groups) == 2
            await pilot.press("escape")
            await settle(pilot)
            assert type(app.screen).__name__ == "ProjectorScreen"

    asyncio.run(run())


def test_roles_go_to_people_from_the_roles_organisation(make_app: Any) -> None:
    """F gives Arbetsförmedlingen's role to the person from Arbetsförmedlingen, whatever the order."""
    app = make_app(scenario_dirs=[DATA], open_target=str(DATA / "mini.yaml"))

    async def run() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            session = app.session
            session.execute(
                AddParticipant(group="g1", name="Ola", organisation="Arbetsförmedlingen")
            )
            session.execute(AddParticipant(group="g1", name="Kim", organisation="Testby kommun"))
            app.screen.refresh_view()
            await pilot.press("f")
            await settle(pilot)
            roles = session.state.groups["g1"].roles
            names = {pid: p.name for pid, p in session.state.groups["g1"].participants.items()}
            assert names[roles["arbetsformedlingen"]] == "Ola"
            assert names[roles["kso"]] == "Kim"

    asyncio.run(run())
