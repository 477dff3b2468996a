"""A group's own actions: add, edit and remove through the form, and the card browser's search."""

from __future__ import annotations

from typing import Any

from test_snapshots import reach
from tui_helpers import add_action, drive, press, screen_name, settle, type_text

from conftest import DATA, MINI


def test_own_action_add_edit_remove(make_app: Any) -> None:
    """A adds, E edits (the form starts filled in), Del removes after a question."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "group")
        group = lambda: app.session.state.groups["g1"]  # noqa: E731 - reads fresh state
        assert len(group().actions) == 1
        await add_action(pilot, "Ny mottagning", "v2")
        assert [a.fields.title for a in group().actions.values()][-1] == "Ny mottagning"
        await press(pilot, "e")
        assert screen_name(app) == "ActionFormScreen"
        await pilot.press("end")
        await type_text(pilot, " i kommunhuset")
        await press(pilot, "ctrl+s")
        titles = [a.fields.title for a in group().actions.values()]
        assert any(title.endswith(" i kommunhuset") for title in titles)
        await press(pilot, "delete")
        assert screen_name(app) == "ConfirmScreen"
        await press(pilot, "j")
        assert len(group().actions) == 1

    drive(app, story)


def test_card_search_filters_the_cards(make_app: Any) -> None:
    """K opens the cards; typing narrows the list to matching cards."""
    app = make_app(scenario_dirs=[DATA], open_target=MINI)

    async def story(pilot: Any) -> None:
        await reach(pilot, "group")
        await press(pilot, "k")
        browser = app.screen.query_one("#cards")
        assert len(browser.shown) == 3
        await type_text(pilot, "socialfonden")
        await settle(pilot)
        assert [browser.entries[i][0] for i in browser.shown] == ["esf"]

    drive(app, story)
