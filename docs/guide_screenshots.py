"""Save the SVG screenshots of the facilitator guide, made by the app itself with the demo.

Run: `.venv/bin/python docs/guide_screenshots.py` (writes `docs/img/*.svg`).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

IMG = Path(__file__).resolve().parent / "img"
SIZE = (120, 36)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def shoot(pilot: Any, name: str) -> None:
    """Let the screen settle and save it as `docs/img/<name>.svg`."""
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if getattr(pilot.app.screen, "loaded", True):
            break
    await pilot.pause(0.1)
    pilot.app.save_screenshot(f"{name}.svg", path=str(IMG))
    print(f"docs/img/{name}.svg")


async def main() -> None:
    """Walk through a workshop with the demo scenario and save a picture of each step."""
    from varselspel.engine import (
        AddParticipant,
        ChooseOption,
        CloseRound,
        RateObjective,
        RecordLesson,
        StartRound,
    )
    from varselspel.tui.app import create_app

    store = tempfile.mkdtemp()
    app: Any = create_app(store_dir=store, clock=lambda: NOW, live_timer=False)
    async with app.run_test(size=SIZE) as pilot:
        await shoot(pilot, "launcher")
        app.open_target("demo")
        await pilot.pause()
        session = app.session
        people = [
            ("Anna Berg", "Tallmora kommun"),
            ("Bo Ek", "Arbetsförmedlingen"),
            ("Cia Lund", "GS-facket"),
        ]
        for gid in session.state.groups:
            for name, org in people:
                session.execute(AddParticipant(group=gid, name=name, organisation=org))
        app.screen.refresh_view()
        await pilot.press("f", "down", "f", "up")
        await shoot(pilot, "setup")
        await pilot.press("tab", "tab", "k")
        await shoot(pilot, "role-card")
        await pilot.press("escape", "s")
        await pilot.press("n", "n", "n")
        await shoot(pilot, "projector")
        await pilot.press("p")
        await shoot(pilot, "projector-panel")
        await pilot.press("p", "1")
        await pilot.press("enter", "r", *"Vi har mandatet", "enter")
        await shoot(pilot, "group-decisions")
        await pilot.press("a", *"Starta en omställningsgrupp")
        await shoot(pilot, "group-action")
        await pilot.press("ctrl+s", "k", *"fond")
        await shoot(pilot, "group-cards")
        await pilot.press("escape")
        for index, round_ in enumerate(session.scenario.rounds):
            if index:
                session.execute(StartRound())
            for number, gid in enumerate(session.state.groups):
                for view in session.decisions_for(gid):
                    option = view.available[0] if number == 0 else view.available[-1]
                    session.execute(
                        ChooseOption(
                            group=gid, decision=view.key, option=option.id, rationale="Motivering"
                        ),
                        actor=gid,
                    )
            session.execute(CloseRound())
            del round_
        app.screen.refresh_view()
        await pilot.press("u", "j")
        objectives = session.scenario.debrief.objectives
        for gid, rating in zip(session.state.groups, ("without", "some"), strict=False):
            for objective in objectives[:3]:
                session.execute(RateObjective(group=gid, objective=objective.id, rating=rating))
        session.execute(
            RecordLesson(group="g1", kind="strength", text="Tydlig ledning från första dagen")
        )
        session.execute(
            RecordLesson(kind="improvement", text="Bjud in Arbetsförmedlingen tidigare")
        )
        app.screen.refresh_view()
        await shoot(pilot, "debrief-choices")
        await pilot.press("i")
        await shoot(pilot, "debrief-trends")
        await pilot.press("o")
        await shoot(pilot, "debrief-objectives")
        await pilot.press("f1")
        await shoot(pilot, "help")
        await pilot.press("escape", "ctrl+t")
        await pilot.press("v")
        await shoot(pilot, "debrief-projektor-theme")


if __name__ == "__main__":
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    asyncio.run(main())
    sys.exit(0)
