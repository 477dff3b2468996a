"""Steps shared by the app tests: drive the app through keys and clicks only."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from textual.pilot import Pilot

T = TypeVar("T")


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and the screen redraw; on the launcher, wait until its lists are read.

    Ends only when two frames in a row are the same: widgets such as a DataTable finish their
    layout (column widths) a moment after their content changed, later still on a busy machine.
    """
    previous: str | None = None
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        # A screen pushed a moment ago may not have composed its widgets yet.
        if not pilot.app.screen.is_mounted or not getattr(pilot.app.screen, "loaded", True):
            previous = None
            continue
        current = frame(pilot.app)
        if current == previous:
            return
        previous = current
    raise AssertionError("the screen never settled (the launcher's lists, or a redraw)")


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
    await pilot.pause()
    await type_text(pilot, name)
    await pilot.press("tab")
    await type_text(pilot, organisation)
    await pilot.press("enter")
    await pilot.pause()


async def play_decision(pilot: Pilot[Any], index: int, option: int, rationale: str = "") -> None:
    """In group play, choose option number `option` of decision number `index`, with a rationale."""
    await pilot.press("d")
    await pilot.press("home", *["down"] * index, "enter")
    await pilot.pause()
    await pilot.press("home", *["down"] * option, "enter")
    await pilot.pause()
    if rationale:
        await pilot.press("r")
        await type_text(pilot, rationale)
        await pilot.press("enter")
        await pilot.pause()


async def add_action(pilot: Pilot[Any], title: str, timeframe: str) -> None:
    """In group play, add an own action with a title and a time frame."""
    await pilot.press("a")
    await pilot.pause()
    await type_text(pilot, title)
    # Title, result, responsible, partners, level, then the time frame.
    await pilot.press("tab", "tab", "tab", "tab", "tab")
    await type_text(pilot, timeframe)
    await pilot.press("ctrl+s")
    await pilot.pause()


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
    """Return the text of every notification the app has shown."""
    return [str(n.message) for n in app._notifications]


async def start_round(pilot: Pilot[Any]) -> Any:
    """Add one participant, fill the roles, start, open round 1 and send one inject."""
    await settle(pilot)
    await add_participant(pilot, "A", "K")
    await press_each(pilot, "f", "s", "j", "n", "n")
    assert screen_name(pilot.app) == "ProjectorScreen"
    return pilot.app.session


async def leave_projector(pilot: Pilot[Any]) -> None:
    """Press Esc on the projector and confirm leaving when the app asks."""
    await press(pilot, "escape")
    if screen_name(pilot.app) == "ConfirmScreen":
        await press(pilot, "j")
