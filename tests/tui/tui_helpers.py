"""Steps shared by the app tests: drive the app through keys and clicks only."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable

T = TypeVar("T")


SETTLE_LIMIT_S = 120.0
"""Longest a test waits for the app to settle before it fails (a bound, not a pause)."""


def unsettled(app: Any, expect: str | None = None) -> str | None:
    """Return what the app is still busy with, or None when it has done all it started.

    Busy means: a worker runs; another screen than `expect` is on top, or the top screen is not
    mounted yet; the launcher has not read its lists; a widget has messages or callbacks
    queued; the screen has a layout, scroll or repaint pending; a table has not yet worked out
    its column widths (Textual does that when the table is idle).
    """
    if any(not worker.is_finished for worker in app.workers):
        return "a worker is running"
    top = app.screen
    if expect is not None and type(top).__name__ != expect:
        return f"{type(top).__name__} is on top, not {expect}"
    if not top.is_mounted:
        return f"{type(top).__name__} is not mounted yet"
    if not getattr(top, "loaded", True):
        return "the launcher has not read its lists"
    # Private state of the pinned Textual version: what the next idle or timer update does.
    if (
        top._layout_required
        or top._scroll_required
        or top._repaint_required
        or top._recompose_required
        or top._dirty_widgets
        or top._callbacks
    ):
        return f"{type(top).__name__} has a refresh pending"
    for node in (app, *top.walk_children(with_self=True)):
        if not node._message_queue.empty() or node._next_callbacks:
            return f"{node!r} has messages to process"
        if isinstance(node, DataTable) and (
            node._require_update_dimensions
            or node._updated_cells
            or node._new_rows
            or not columns_fit(node)
        ):
            return f"{node!r} has not sized its columns"
    return None


def cell_width(cell: object) -> int:
    """Return the columns the widest line of a table cell takes."""
    plain = cell.plain if isinstance(cell, Text) else str(cell)
    return max((Text(line).cell_len for line in plain.split("\n")), default=0)


def columns_fit(table: DataTable[Any]) -> bool:
    """True when every column that takes its width from its cells is as wide as its widest cell.

    This is what a picture of the table shows, checked on the table itself.
    """
    return all(
        column.content_width >= max(map(cell_width, table.get_column(column.key)), default=0)
        for column in table.ordered_columns
        if column.auto_width
    )


async def settle(
    pilot: Pilot[Any], expect: str | None = None, until: Callable[[], bool] | None = None
) -> None:
    """Wait until the app has done everything it started (see `unsettled`).

    `expect` names the screen that must be on top; `until` is a further condition to wait for.
    Settled twice in a row counts, so work started by the last step is seen too.
    """
    app = pilot.app
    deadline = time.monotonic() + SETTLE_LIMIT_S
    calm = 0
    while True:
        await app.workers.wait_for_complete()
        await pilot.pause()
        reason = unsettled(app, expect)
        if reason is None and until is not None and not until():
            reason = "the awaited condition is not met"
        calm = calm + 1 if reason is None else 0
        if calm >= 2:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"the app did not settle: {reason}")


def frame(app: Any) -> str:
    """Return the text and styles of everything the screen on top would draw."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "".join(
        f"{segment.text}{segment.style}"
        for line in update.strips
        for strip in line
        for segment in strip
    )


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type text key by key."""
    keys = ["space" if ch == " " else ch for ch in text]
    await pilot.press(*keys)


async def add_participant(pilot: Pilot[Any], name: str, organisation: str) -> None:
    """Add a participant to the group under the cursor in setup."""
    await pilot.press("p")
    await settle(pilot, "FormScreen")
    await type_text(pilot, name)
    await pilot.press("tab")
    await type_text(pilot, organisation)
    await pilot.press("enter")
    await settle(pilot, "SetupScreen")


async def play_decision(pilot: Pilot[Any], index: int, option: int, rationale: str = "") -> None:
    """In group play, choose option number `option` of decision number `index`, with a rationale."""
    await pilot.press("d")
    await pilot.press("home", *["down"] * index, "enter")
    await settle(pilot)
    await pilot.press("home", *["down"] * option, "enter")
    await settle(pilot)
    if rationale:
        await pilot.press("r")
        await type_text(pilot, rationale)
        await pilot.press("enter")
        await settle(pilot)


async def add_action(pilot: Pilot[Any], title: str, timeframe: str) -> None:
    """In group play, add an own action with a title and a time frame."""
    await pilot.press("n")
    await settle(pilot, "ActionFormScreen")
    await type_text(pilot, title)
    # Title, result, responsible, partners, level, then the time frame.
    await pilot.press("tab", "tab", "tab", "tab", "tab")
    await type_text(pilot, timeframe)
    await pilot.press("ctrl+s")
    await settle(pilot, "GroupScreen")


def drive(
    app: Any, story: Callable[[Pilot[Any]], Awaitable[T]], size: tuple[int, int] = (120, 36)
) -> T:
    """Run the app headless at `size`, play `story` on it through a pilot and return its result."""

    async def run() -> T:
        async with app.run_test(size=size) as pilot:
            return await story(pilot)

    return asyncio.run(run())


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press the keys in one go, then let the app settle."""
    await pilot.press(*keys)
    await settle(pilot)


async def press_each(pilot: Pilot[Any], *keys: str) -> None:
    """Press the keys one at a time, letting the app settle after each."""
    for key in keys:
        await press(pilot, key)


def screen_name(app: Any) -> str:
    """Name the class of the screen on top, the way the tests compare screens."""
    return str(type(app.screen).__name__)


def toasts(app: Any) -> list[str]:
    """Return the text of every notification the app has shown (also those that expired)."""
    return list(app.toasts_shown)


async def start_round(pilot: Pilot[Any]) -> Any:
    """Add one participant, fill the roles, start, open round 1 and send one inject."""
    await settle(pilot, "SetupScreen")
    await add_participant(pilot, "A", "K")
    await press_each(pilot, "f", "enter", "s", "j", "n", "n")
    assert screen_name(pilot.app) == "ProjectorScreen"
    return pilot.app.session


async def leave_projector(pilot: Pilot[Any]) -> None:
    """Press Esc on the projector and confirm leaving when the app asks."""
    await press(pilot, "escape")
    if screen_name(pilot.app) == "ConfirmScreen":
        await press(pilot, "j")
