"""A group's own actions: add, edit and remove through the form, and the card browser's search."""

from __future__ import annotations

import asyncio
from typing import Any

from test_snapshots import reach
from tui_helpers import add_action, settle, type_text

from conftest import DATA


def test_own_action_add_edit_remove(make_app: Any) -> None:
    """A adds, E edits (the form starts filled in), Del removes after a question."""
    app = make_app(scenario_dirs=[DATA], open_target=str(DATA / "mini.yaml"))

    async def run() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await reach(pilot, "group")
            group = lambda: app.session.state.groups["g1"]  # noqa: E731 - reads fresh state
            assert len(group().actions) == 1
            await add_action(pilot, "Ny mottagning", "v2")
            assert [a.fields.title for a in group().actions.values()][-1] == "Ny mottagning"
            await pilot.press("e")
            await settle(pilot)
            assert type(app.screen).__name__ == "ActionFormScreen"
            await pilot.press("end")
            await type_text(pilot, " i kommunhuset")
            await pilot.press("ctrl+s")
            await settle(pilot)
            titles = [a.fields.title for a in group().actions.values()]
            assert any(title.endswith(" i kommunhuset") for title in titles)
            await pilot.press("delete")
            await settle(pilot)
            assert type(app.screen).__name__ == "ConfirmScreen"
            await pilot.press("j")
            await settle(pilot)
            assert len(group().actions) == 1

    asyncio.run(run())


def test_card_search_filters_the_cards(make_app: Any) -> None:
    """K opens the cards; typing narrows the list to matching cards."""
    app = make_app(scenario_dirs=[DATA], open_target=str(DATA / "mini.yaml"))

    async def run() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await reach(pilot, "group")
            await pilot.press("k")
            await settle(pilot)
            browser = app.screen.query_one("#cards")
            assert len(browser.shown) == 3
            await type_text(pilot, "socialfonden")
            await settle(pilot)
            assert [browser.entries[i][0] for i in browser.shown] == ["esf"]

    asyncio.run(run())
