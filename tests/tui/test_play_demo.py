"""The demo scenario played end to end with two groups, through keys and clicks only."""

from __future__ import annotations

from typing import Any

from tui_helpers import (
    add_action,
    add_participant,
    drive,
    play_decision,
    press,
    screen_name,
    settle,
    type_text,
)

from varselspel.engine.state import Phase


def test_demo_end_to_end(make_app: Any) -> None:
    """Setup, three rounds, group play, debrief: the engine state holds what was done."""
    app = make_app(open_target="demo")
    session = drive(app, play_workshop)
    check_state(session)


async def play_workshop(pilot: Any) -> Any:
    """Play the whole workshop through the UI and return the session."""
    app = pilot.app
    await settle(pilot, "SetupScreen")
    assert screen_name(app) == "SetupScreen"
    # Two groups with two participants each; roles are shared out automatically.
    for group_index in range(2):
        await add_participant(pilot, f"A{group_index}", "K")
        await add_participant(pilot, f"B{group_index}", "AF")
        # F proposes a plan; Enter confirms it.
        await press(pilot, "f", "enter", "down")
    session = app.session
    assert all(not session.missing_roles(gid) for gid in session.state.groups)
    await press(pilot, "s")
    assert screen_name(app) == "ProjectorScreen"
    assert session.state.phase is Phase.READY

    # Round 1 starts with N, then two injects; the groups play on the hot seat.
    await pilot.press("n")
    await press(pilot, "n", "n")
    assert session.state.round_id == "r1"
    released = [d.inject for d in session.state.groups["g1"].injects]
    assert released[:2] == ["r1-tidningen-ringer", "r1-varslet-registrerat"]

    rounds = len(session.scenario.rounds)
    for round_number in range(rounds):
        for group_number, group_id in enumerate(("g1", "g2"), start=1):
            await press(pilot, str(group_number))
            assert screen_name(app) == "GroupScreen"
            views = session.decisions_for(group_id)
            for index, _view in enumerate(views):
                # Group 1 takes the first option, group 2 the last one.
                option = 0 if group_id == "g1" else len(views[index].available) - 1
                await play_decision(pilot, index, option, f"m{round_number}{index}")
            if round_number == 0:
                await add_action(pilot, f"Egen {group_id}", "v1")
            await press(pilot, "escape")
        # Close the round with a click on the confirmation's yes button.
        await pilot.press("c")
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
        assert not session.state.round_open
        if round_number < rounds - 1:
            # The next round starts when the facilitator says so.
            await press(pilot, "n")
            assert session.state.round_open

    # Every round is closed; go to the debrief.
    await pilot.press("u")
    await pilot.pause()
    await press(pilot, "j")
    assert screen_name(app) == "DebriefScreen"
    assert session.state.phase is Phase.DEBRIEF

    # Rate the first objective for both groups: O opens the objectives, digits rate.
    await pilot.press("o")
    await pilot.pause()
    await pilot.press("1")
    await pilot.press("right", "3")
    await pilot.pause()
    # A lesson for group 1: a strength.
    await pilot.press("l")
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await type_text(pilot, "Snabb start")
    await press(pilot, "enter")

    return session


def check_state(session: Any) -> None:
    """Assert what the play-through must have left in the engine."""
    state = session.state
    scenario = session.scenario
    g1, g2 = state.groups["g1"], state.groups["g2"]
    keys = [f"{r.id}.{d.id}" for r in scenario.rounds for d in r.decisions]
    # Both groups decided every decision put to them, with their rationale.
    assert set(g1.choices) == set(keys)
    assert set(g2.choices) == set(keys)
    first_options = {
        f"{r.id}.{d.id}": d.options[0].id for r in scenario.rounds for d in r.decisions
    }
    assert all(g1.choices[key].option == first_options[key] for key in keys)
    assert any(g2.choices[key].option != first_options[key] for key in keys)
    assert g1.choices["r1.ledning"].rationale == "m00"
    assert all(choice.applied for choice in g1.choices.values())
    # Own actions from the form.
    assert [a.fields.title for a in g1.actions.values()] == ["Egen g1"]
    assert [a.fields.timeframe for a in g2.actions.values()] == ["v1"]
    # The groups chose differently, so their indicators moved apart.
    assert g1.indicators != g2.indicators
    assert len(g1.history) == len(scenario.rounds) + 1
    # Debrief ratings and the lesson.
    objective = scenario.debrief.objectives[0].id
    assert g1.ratings[objective].rating == "without"
    assert g2.ratings[objective].rating == "major"
    assert [lesson.text for lesson in g1.lessons] == ["Snabb start"]
    assert g1.lessons[0].kind == "strength"
