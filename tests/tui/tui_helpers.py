"""Steps shared by the app tests: drive the app through keys and clicks only."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and the screen redraw; on the launcher, wait until its lists are read."""
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if getattr(pilot.app.screen, "loaded", True):
            return
    raise AssertionError("the launcher never finished reading its lists")


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
