"""The help screen lists every key of the current screen; the palette runs the main actions."""

from __future__ import annotations

from typing import Any

import pytest
from test_snapshots import reach
from textual.binding import Binding
from tui_helpers import drive, press, screen_name, settle, type_text

from conftest import DATA, MINI
from varselspel.i18n import tr
from varselspel.tui.strings import STRINGS


@pytest.mark.parametrize("stage", ["launcher", "setup", "projector", "group", "debrief"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_help_lists_every_key_of_the_screen(stage: str, lang: str, make_app: Any) -> None:
    """F1 shows each binding of the screen with its description in the UI language."""
    target = None if stage == "launcher" else MINI
    app = make_app(scenario_dirs=[DATA], lang=lang, open_target=target)

    async def story(pilot: Any) -> None:
        await reach(pilot, stage)
        screen = app.screen
        expected = {
            tr(STRINGS, b.description, lang)
            for b in type(screen).BINDINGS
            if isinstance(b, Binding) and b.description
        }
        await press(pilot, "f1")
        assert screen_name(app) == "HelpScreen"
        shown = {description for _key, description in app.screen.rows}
        assert expected <= shown
        assert tr(STRINGS, "key.help", lang) in shown
        assert not any(description.startswith("key.") for description in shown)
        await press(pilot, "escape")
        assert app.screen is screen

    drive(app, story)


def test_palette_runs_a_main_action(make_app: Any) -> None:
    """Ctrl+P, a few letters and Enter pause the round's timer from the projector view."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "projector")
        session = app.session
        assert not session.state.timer.paused
        await press(pilot, "ctrl+p")
        await type_text(pilot, "Paus")
        await settle(pilot, "CommandPalette")
        await press(pilot, "enter")
        assert session.state.timer.paused

    drive(app, story)


def test_undo_and_timer_keys(make_app: Any) -> None:
    """Z undoes the last inject, + adds five minutes, Space pauses; all through the engine."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "projector")
        session = app.session
        released = [d.inject for d in session.state.groups["g1"].injects]
        assert released == ["tidningen", "facket"]
        duration = session.state.timer.duration_s
        await press(pilot, "plus")
        assert session.state.timer.duration_s == duration + 300
        await press(pilot, "z")
        assert session.state.timer.duration_s == duration
        # Then group 1's action, its choice, and the second inject, newest first.
        await press(pilot, "z")
        assert not session.state.groups["g1"].actions
        await press(pilot, "z")
        assert not session.state.groups["g1"].choices
        await press(pilot, "z")
        assert [d.inject for d in session.state.groups["g1"].injects] == ["tidningen"]
        await press(pilot, "space")
        assert session.state.timer.paused

    drive(app, story)


def test_play_command_needs_a_terminal(capsys: Any) -> None:
    """`varselspel play` without a terminal says so instead of drawing garbage."""
    from varselspel.cli import main

    assert main(["play", "demo"]) == 1
    assert "terminal" in capsys.readouterr().err


def test_undo_follows_the_phase(make_app: Any) -> None:
    """Undoing the start of the debrief goes back to the projector view."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "debrief")
        assert screen_name(app) == "DebriefScreen"
        for _ in range(5):
            await press(pilot, "z")
            # Undoing a phase change (debrief, round) asks first.
            if screen_name(app) == "ConfirmScreen":
                await press(pilot, "j")
        assert app.session.state.phase.value == "ready"
        assert screen_name(app) == "ProjectorScreen"

    drive(app, story)


def test_backup_inject_to_one_group(make_app: Any) -> None:
    """B, a backup inject and a group release it to that group only."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "projector")
        await press(pilot, "b")
        assert screen_name(app) == "PickScreen"
        await press(pilot, "enter")
        await press(pilot, "down", "down", "enter")
        groups = app.session.state.groups
        assert [d.inject for d in groups["g2"].injects if d.backup] == ["reserv"]
        assert not [d for d in groups["g1"].injects if d.backup]

    drive(app, story)
