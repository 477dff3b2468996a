"""Hostile scenario and session text reaches no screen with a control code or bidi control in it.

Every screen and dialog is drawn from a session whose scenario copy, role cards and typed texts
all carry OSC 52, OSC 0, CSI, 8-bit CSI, NUL, DEL and a right-to-left override (`hostile.py`).
What the compositor would send to the terminal is checked segment by segment: only Textual's own
cursor moves and colours may hold an escape, never the text inside the segments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import drive, press, screen_name, settle, toasts

from hostile import HOSTILE, hostile_session, unsafe_in, write_hostile_scenario

SEEN: list[str] = []
"""Names of the screens checked by the test that is running, for its own completeness check."""


def frame_text(app: Any) -> str:
    """Return the text of every segment the compositor would draw for the screen on top."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "".join(segment.text for line in update.strips for strip in line for segment in strip)


async def check(pilot: Any, where: str) -> str:
    """Let the app settle, then fail if the frame holds any unsafe character; return the frame."""
    await settle(pilot)
    text = frame_text(pilot.app)
    leaks = unsafe_in(text) + [leak for toast in toasts(pilot.app) for leak in unsafe_in(toast)]
    assert not leaks, f"{where} ({screen_name(pilot.app)}): {leaks[:5]}"
    SEEN.append(screen_name(pilot.app))
    return text


async def close_dialog(pilot: Any) -> None:
    """Close the dialog on top with Esc and let the app settle."""
    await press(pilot, "escape")


def test_launcher_and_setup(make_app: Any, tmp_path: Path) -> None:
    """The launcher's lists, the setup tables and every setup dialog stay clean."""
    SEEN.clear()
    write_hostile_scenario(tmp_path / "scen")
    store = tmp_path / "sessions"
    setup = hostile_session(store, "setup")
    hostile_session(store, "round")
    app = make_app(scenario_dirs=[tmp_path / "scen"], store_dir=store)

    async def story(pilot: Any) -> None:
        await settle(pilot)
        text = await check(pilot, "launcher")
        # The texts are there, made visible: the escape shows as ␛, the markup stays literal.
        assert "Övning␛]52;c;" in text and "[bold]fet[/]" in text
        scenarios = [e.path.name for e in app.screen.entries]
        app.screen.query_one("#scenarios").focus()
        await press(pilot, "home", *["down"] * scenarios.index("hostile.yaml"))
        await check(pilot, "launcher, hostile scenario highlighted")
        app.screen.query_one("#sessions").focus()
        await press(pilot, "delete")
        assert screen_name(app) == "ConfirmScreen"
        await check(pilot, "delete-session question")
        await press(pilot, "n")
        app.open_target(str(setup))
        await settle(pilot)
        assert screen_name(app) == "SetupScreen"
        await check(pilot, "setup")
        for key, dialog in (
            ("b", "FormScreen"),
            ("p", "FormScreen"),
            ("t", "PickScreen"),
            ("k", "RoleCardScreen"),
            ("f1", "HelpScreen"),
        ):
            await press(pilot, key)
            assert screen_name(app) == dialog, key
            await check(pilot, f"setup, key {key}")
            await close_dialog(pilot)
        app.screen.query_one("#participants").focus()
        await press(pilot, "t")
        await check(pilot, "role for a participant")
        await close_dialog(pilot)
        await press(pilot, "x")
        await check(pilot, "remove-participant question")
        await press(pilot, "n")
        await press(pilot, "s")
        await check(pilot, "projector after start")
        await press(pilot, "n")
        await press(pilot, "n")
        text = await check(pilot, "projector, inject released (its toast)")
        assert "title:Lokaltidningen" in text
        assert any("Lokaltidningen" in message for message in toasts(app))

    drive(app, story)
    assert {"LauncherScreen", "SetupScreen", "RoleCardScreen", "HelpScreen"} <= set(SEEN)


def test_projector_and_group_play(make_app: Any, tmp_path: Path) -> None:
    """The projector, its panel and dialogs, and every tab and form of group play stay clean."""
    SEEN.clear()
    path = hostile_session(tmp_path / "sessions", "round")
    app = make_app(store_dir=tmp_path / "sessions")

    async def story(pilot: Any) -> None:
        await settle(pilot)
        app.open_target(str(path))
        await settle(pilot)
        assert screen_name(app) == "ProjectorScreen"
        await check(pilot, "projector")
        await press(pilot, "p")
        text = await check(pilot, "projector with the facilitator panel")
        assert "Anteckning␛" in text
        for key in ("b", "g", "c", "m", "escape"):
            await press(pilot, key)
            await check(pilot, f"projector, key {key}")
            await press(pilot, "escape" if screen_name(app) != "ConfirmScreen" else "n")
        await press(pilot, "n")
        await check(pilot, "projector, no inject left (toast)")
        await press(pilot, "1")
        assert screen_name(app) == "GroupScreen"
        await check(pilot, "group play, decisions")
        for key in ("l", "a", "k"):
            await press(pilot, key)
            await check(pilot, f"group play, key {key}")
        # The card search has the focus now; leave it as a mouse user would.
        app.screen.action_decisions()
        await press(pilot, "n")
        assert screen_name(app) == "ActionFormScreen"
        await check(pilot, "new action form")
        await close_dialog(pilot)
        app.screen.query_one("#actions").focus()
        await press(pilot, "e")
        assert screen_name(app) == "ActionFormScreen"
        text = await check(pilot, "edit action form, filled in")
        assert "Åtgärd␛" in text
        await close_dialog(pilot)
        await press(pilot, "delete")
        await check(pilot, "remove-action question")
        await press(pilot, "n")

    drive(app, story)
    assert {"ProjectorScreen", "GroupScreen", "ActionFormScreen", "PickScreen"} <= set(SEEN)


def test_debrief_and_export(make_app: Any, tmp_path: Path) -> None:
    """Every debrief tab, the rating and lesson dialogs and the export dialog stay clean."""
    SEEN.clear()
    path = hostile_session(tmp_path / "sessions", "debrief")
    app = make_app(store_dir=tmp_path / "sessions")

    async def story(pilot: Any) -> None:
        await settle(pilot)
        app.open_target(str(path))
        await settle(pilot)
        assert screen_name(app) == "DebriefScreen"
        text = await check(pilot, "debrief, choices")
        assert "Motivering␛" in text
        for key in ("i", "o"):
            await press(pilot, key)
            await check(pilot, f"debrief, key {key}")
        await press(pilot, "enter")
        assert screen_name(app) == "PickScreen"
        await check(pilot, "rating dialog")
        await close_dialog(pilot)
        await press(pilot, "l")
        await check(pilot, "lesson: for whom")
        await press(pilot, "down", "enter")
        await settle(pilot)
        await check(pilot, "lesson: which kind")
        await press(pilot, "enter")
        await settle(pilot)
        assert screen_name(app) == "FormScreen"
        await check(pilot, "lesson form")
        await close_dialog(pilot)
        app.screen.query_one("#debrief-tabs").active = "tab-lessons"
        text = await check(pilot, "debrief, lessons")
        assert "Lärdom␛" in text
        await press(pilot, "e")
        assert screen_name(app) == "ExportScreen"
        await check(pilot, "export dialog")
        app.screen.query_one("#export-group").focus()
        await press(pilot, "enter")
        await check(pilot, "export dialog, the plans to choose from")
        await press(pilot, "escape")
        assert screen_name(app) == "ExportScreen"
        folder = app.screen.query_one("#export-folder")
        folder.value = str(tmp_path / "out")
        await press(pilot, "ctrl+s")
        for _ in range(50):
            if screen_name(app) == "MessageScreen":
                break
            await settle(pilot)
        assert screen_name(app) == "MessageScreen"
        await check(pilot, "export done, the files named")

    drive(app, story)
    assert {"DebriefScreen", "PickScreen", "FormScreen", "ExportScreen"} <= set(SEEN)


def test_every_dialog_and_plain_string_api_is_guarded(make_app: Any) -> None:
    """Dialogs, toasts and titles given hostile strings directly show them made safe."""
    from textual.widgets import Header

    from varselspel.tui.screens.base import BaseScreen, t
    from varselspel.tui.screens.confirm import ConfirmScreen, MessageScreen
    from varselspel.tui.screens.dialogs import FormScreen, PickScreen
    from varselspel.tui.screens.role_card import RoleCardScreen
    from varselspel.tui.text import Text

    class Plain(BaseScreen):
        def compose(self) -> Any:
            yield Header()

    assert not unsafe_in(t("launcher.delete_q", title=HOSTILE, status=HOSTILE))
    app = make_app()

    async def story(pilot: Any) -> None:
        await settle(pilot)
        app.title = HOSTILE
        app.sub_title = HOSTILE
        app.notify(HOSTILE, title=HOSTILE)
        await check(pilot, "app title and a toast")
        screen = Plain()
        await app.push_screen(screen)
        screen.title = HOSTILE
        screen.sub_title = HOSTILE
        await check(pilot, "screen title")
        for dialog in (
            ConfirmScreen(HOSTILE),
            MessageScreen(HOSTILE, HOSTILE),
            PickScreen(HOSTILE, [("a", HOSTILE)]),
            FormScreen(HOSTILE, [("k", HOSTILE, HOSTILE)]),
            RoleCardScreen(Text(HOSTILE), HOSTILE),
        ):
            await app.push_screen(dialog)
            text = await check(pilot, type(dialog).__name__)
            assert "␛]52;c;" in text
            app.pop_screen()

    drive(app, story)


def test_the_hostile_texts_are_hostile() -> None:
    """The fixture carries what it claims: escapes, C1, DEL and bidi controls."""
    kinds = {char for _, char in unsafe_in(HOSTILE)}
    assert {"\x1b", "\x9b", "\x7f", "\x00", "\u202e", "\u2066"} <= kinds


def test_screens_build_text_only_through_the_boundary() -> None:
    """A new screen cannot forget the boundary: no Rich Text, no markup, no bare Input.

    Every module of the UI but `tui/text.py` takes its `Text` from there, never parses markup
    and asks for text through `TextInput`, which makes its value terminal-safe.
    """
    import ast

    import varselspel.tui

    root = Path(varselspel.tui.__file__).parent
    problems: list[str] = []
    for path in sorted(root.rglob("*.py")):
        name = str(path.relative_to(root))
        if name == "text.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in {"rich.text", "textual.content"}:
                problems.append(f"{name}: imports {node.module}")
            elif isinstance(node, ast.Attribute) and node.attr in {"from_markup", "from_ansi"}:
                problems.append(f"{name}: {node.attr}")
            elif isinstance(node, ast.keyword) and node.arg == "markup":
                if not (isinstance(node.value, ast.Constant) and node.value.value is False):
                    problems.append(f"{name}: markup on")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Input"
            ):
                problems.append(f"{name}: a bare Input")
    assert problems == []
