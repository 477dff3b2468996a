"""Untrusted scenario text renders literally, and a broken scenario never crashes the launcher."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console
from tui_helpers import drive, press, screen_name, settle, start_round

from conftest import DATA

HOSTILE = "[bold]Fet[/] [@click=app.quit]Klicka[/]"
"""Markup that would make text bold and quit the app if it were parsed."""


def hostile_scenario(folder: Path) -> Path:
    """Write a copy of the test scenario whose title and inject carry markup."""
    text = (DATA / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("title: Bruket i Testby", f"title: '{HOSTILE}'")
    text = text.replace("title: Lokaltidningen ringer", f"title: '{HOSTILE}'")
    text = text.replace("sender: lokaltidningen", "sender: '[/][red]x'")
    path = folder / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def screen_text(app: Any) -> str:
    """Return the current screen as plain text, as the terminal shows it."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, color_system=None
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def test_markup_in_scenario_text_is_shown_literally(make_app: Any, tmp_path: Path) -> None:
    """The launcher, the projector and a click on the text leave the markup visible and inert."""
    path = hostile_scenario(tmp_path)
    app = make_app(scenario_dirs=[tmp_path])

    async def story(pilot: Any) -> None:
        await settle(pilot, "LauncherScreen")
        assert "[bold]Fet[/]" in screen_text(app)
        assert "[@click=app.quit]Klicka[/]" in screen_text(app)
        app.open_target(str(path))
        await start_round(pilot)
        await settle(pilot, "ProjectorScreen")
        text = screen_text(app)
        assert "[@click=app.quit]Klicka[/]" in text
        assert "[/][red]x" in text
        # Clicking where the would-be link is does nothing.
        await pilot.click("#injects", offset=(25, 0))
        await pilot.click("#proj-scenario", offset=(25, 0))
        await settle(pilot)
        assert app.is_running
        assert screen_name(app) == "ProjectorScreen"

    drive(app, story)


def test_broken_scenario_is_listed_with_its_error(make_app: Any, tmp_path: Path) -> None:
    """A scenario that does not load is listed as broken with its first error; opening it only warns."""
    (tmp_path / "trasig.yaml").write_text("id: trasig\ntitle: [oavslutad\n", encoding="utf-8")
    good = (DATA / "mini.yaml").read_text(encoding="utf-8")
    (tmp_path / "mini.yaml").write_text(good, encoding="utf-8")
    app = make_app(scenario_dirs=[tmp_path])

    async def story(pilot: Any) -> None:
        await settle(pilot, "LauncherScreen")
        screen = app.screen
        entries = screen.entries
        broken = [e for e in entries if e.broken]
        assert [e.path.name for e in broken] == ["trasig.yaml"]
        assert "trasig.yaml:" in broken[0].error
        assert any(e.title == "Bruket i Testby" for e in entries if not e.broken)
        index = entries.index(broken[0])
        await pilot.press("home", *["down"] * index)
        await pilot.pause()
        assert "TRASIG" in screen_text(app)
        await press(pilot, "enter")
        assert screen_name(app) == "LauncherScreen"
        assert app.session is None

    drive(app, story)
