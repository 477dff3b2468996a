"""Snapshots of every screen at 120×36 and 80×24, in Swedish, and in English where text differs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_helpers import settle

from conftest import DATA
from varselspel.engine import (
    ActionFields,
    AddAction,
    AddParticipant,
    AssignRole,
    ChooseOption,
    CloseRound,
    RateObjective,
    RecordLesson,
    ReleaseInject,
    StartDebrief,
    StartRound,
    StartSession,
)

BIG = (120, 36)
SMALL = (80, 24)


def setup_groups(session: Any) -> None:
    """Give the two groups participants and roles; group 2 lacks one needed role."""
    session.execute(AddParticipant(group="g1", name="Anna Berg", organisation="Testby kommun"))
    session.execute(AddParticipant(group="g1", name="Bo Ek", organisation="Arbetsförmedlingen"))
    session.execute(AddParticipant(group="g2", name="Cia Lund", organisation="Region Test"))
    session.execute(AssignRole(group="g1", role="kso", participant="p1"))
    session.execute(AssignRole(group="g1", role="naringslivschef", participant="p2"))
    session.execute(AssignRole(group="g1", role="arbetsformedlingen", participant="p2"))
    session.execute(AssignRole(group="g2", role="naringslivschef", participant="p3"))


def play_round_one(session: Any) -> None:
    """Start the session and round 1, release two injects, and let group 1 decide."""
    session.execute(StartSession())
    session.execute(StartRound())
    session.execute(ReleaseInject())
    session.execute(ReleaseInject())
    session.execute(
        ChooseOption(
            group="g1", decision="r1.ledning", option="kommunen", rationale="KSO har mandatet"
        ),
        actor="g1",
    )
    fields = ActionFields(
        title="Öppna en omställningsmottagning", responsible="kso", timeframe="vecka 1"
    )
    session.execute(AddAction(group="g1", fields=fields), actor="g1")


def play_to_debrief(session: Any) -> None:
    """Play both rounds with different choices and rate the groups."""
    session.execute(
        ChooseOption(
            group="g2", decision="r1.ledning", option="vanta", rationale="Vi väntar in facket"
        ),
        actor="g2",
    )
    session.execute(CloseRound())
    session.execute(StartRound())
    session.execute(ChooseOption(group="g1", decision="r2.stod", option="matchning"), actor="g1")
    session.execute(ChooseOption(group="g2", decision="r2.stod", option="inget"), actor="g2")
    session.execute(CloseRound())
    session.execute(StartDebrief())
    session.execute(RateObjective(group="g1", objective="ledning", rating="without"))
    session.execute(RateObjective(group="g2", objective="ledning", rating="major"))
    session.execute(RecordLesson(group="g1", kind="strength", text="Tydlig ledning från dag 1"))
    session.execute(RecordLesson(kind="improvement", text="Bjud in Arbetsförmedlingen tidigare"))


STAGE_KEYS = {
    "projector-panel": "p",
    "debrief-objectives": "o",
    "debrief-trends": "i",
    "help": "f1",
    "export": "e",
    "close-round": "c",
}
"""The key that opens each stage's panel or dialog once its phase's screen is shown."""

GROUP_KEYS = {"group-form": "n", "group-cards": "k", "group-briefing": "l"}
"""The key that opens each group-seat stage's form or list once group 1 is seated."""


STAGE_SCREENS = {
    "launcher": "LauncherScreen",
    "setup": "SetupScreen",
    "setup-card": "RoleCardScreen",
    "setup-plan": "RolePlanScreen",
    "projector-panel": "ProjectorScreen",
    "debrief-objectives": "DebriefScreen",
    "debrief-trends": "DebriefScreen",
    "help": "HelpScreen",
    "export": "ExportScreen",
    "close-round": "ConfirmScreen",
    "group-form": "ActionFormScreen",
    "group-cards": "GroupScreen",
    "group-briefing": "GroupScreen",
    "debrief-lessons": "DebriefScreen",
}
"""The screen on top once a stage is reached, where its name does not say it."""


def stage_screen(stage: str) -> str:
    """Return the name of the screen on top at a stage."""
    if stage in STAGE_SCREENS:
        return STAGE_SCREENS[stage]
    return {"projector": "ProjectorScreen", "group": "GroupScreen", "debrief": "DebriefScreen"}[
        stage.split("-")[0]
    ]


async def reach(pilot: Pilot[Any], stage: str) -> None:
    """Bring the app to a stage through the engine, then show the screen for it.

    Every step waits for the screen it leads to, so a busy machine only makes the test slower.
    """
    from varselspel.tui import flow

    app: Any = pilot.app
    if stage == "launcher":
        await settle(pilot, "LauncherScreen")
        return
    await settle(pilot, "SetupScreen")
    session = app.session
    setup_groups(session)
    app.session_changed()
    if stage.startswith("setup"):
        await settle(pilot, "SetupScreen")
        if stage == "setup-card":
            await pilot.press("k")
        if stage == "setup-plan":
            # Group 2 lacks roles: the plan for them waits for confirmation.
            await pilot.press("down", "f")
        await settle(pilot, stage_screen(stage))
        return
    play_round_one(session)
    if stage.startswith("debrief"):
        play_to_debrief(session)
    app.session_changed()
    flow.show_phase(app)
    phase_screen = "DebriefScreen" if stage.startswith("debrief") else "ProjectorScreen"
    await settle(pilot, phase_screen)
    if stage in STAGE_KEYS:
        await pilot.press(STAGE_KEYS[stage])
    elif stage.startswith("group"):
        await pilot.press("1")
        await settle(pilot, "GroupScreen")
        if stage in GROUP_KEYS:
            await pilot.press(GROUP_KEYS[stage])
    elif stage == "debrief-lessons":
        app.screen.query_one("#debrief-tabs").active = "tab-lessons"
    await settle(pilot, stage_screen(stage))


CASES = [
    ("launcher", BIG, "sv"),
    ("launcher", SMALL, "sv"),
    ("launcher", BIG, "en"),
    ("setup", BIG, "sv"),
    ("setup", SMALL, "sv"),
    ("setup", BIG, "en"),
    ("setup-card", SMALL, "sv"),
    ("setup-plan", SMALL, "sv"),
    ("projector", BIG, "sv"),
    ("projector", SMALL, "sv"),
    ("projector", BIG, "en"),
    ("projector-panel", BIG, "sv"),
    ("projector-theme", BIG, "sv"),
    ("group", BIG, "sv"),
    ("group", SMALL, "sv"),
    ("group", BIG, "en"),
    ("group-form", SMALL, "sv"),
    ("group-cards", BIG, "sv"),
    ("debrief", BIG, "sv"),
    ("debrief", SMALL, "sv"),
    ("debrief-objectives", BIG, "en"),
    ("debrief-trends", SMALL, "sv"),
    ("help", SMALL, "sv"),
    ("group-briefing", SMALL, "sv"),
    ("export", SMALL, "sv"),
    ("close-round", BIG, "sv"),
    ("debrief-lessons", BIG, "sv"),
]


@pytest.mark.parametrize(
    ("stage", "size", "lang"), CASES, ids=[f"{s}-{w}x{h}-{lang}" for s, (w, h), lang in CASES]
)
def test_screen(
    stage: str,
    size: tuple[int, int],
    lang: str,
    make_app: Any,
    snap_compare: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The screen looks as recorded."""
    # Only the test scenario is listed, so new bundled scenarios do not change the snapshots.
    empty = tmp_path / "no-bundled"
    empty.mkdir()
    monkeypatch.setattr("varselspel.tui.catalog.bundled_scenarios_dir", lambda: empty)
    # The export dialog shows its folder; keep it the same on every machine.
    monkeypatch.setattr(
        "varselspel.tui.export_action.default_export_dir", lambda app: Path("/exempel/varselspel")
    )
    target = None if stage == "launcher" else str(DATA / "mini.yaml")
    theme = "projektor" if stage.endswith("theme") else "normal"
    app = make_app(scenario_dirs=[DATA], lang=lang, open_target=target, theme=theme)

    async def run_before(pilot: Pilot[Any]) -> None:
        await reach(pilot, stage)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
