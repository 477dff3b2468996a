"""The projector's countdown grows into block letters when the terminal has room for it."""

from __future__ import annotations

from typing import Any

import pytest
from tui_helpers import drive, start_round

from varselspel.tui.widgets.big_clock import render_block_text


def test_block_letters_scale_in_both_directions() -> None:
    """Each cell of the 5-row font becomes `scale` cells wide and `scale` rows high."""
    one = render_block_text("10:05")
    two = render_block_text("10:05", scale=2)
    assert len(one) == 5 and len(two) == 10
    assert len(two[0]) == 2 * len(one[0])
    assert two[0] == two[1] == "".join(cell * 2 for cell in one[0])
    assert one[1].startswith(" ██  ")


@pytest.mark.parametrize(
    ("size", "big", "rows"),
    [((120, 36), False, 0), ((160, 48), True, 5), ((200, 60), True, 10)],
)
def test_projector_clock_follows_the_terminal_size(
    make_app: Any, size: tuple[int, int], big: bool, rows: int
) -> None:
    """A projector-sized terminal shows the block clock; the usual sizes keep Textual's Digits."""

    async def story(pilot: Any) -> tuple[bool, bool, int, str]:
        await start_round(pilot)
        screen = pilot.app.screen
        clock = screen.query_one("#big-countdown")
        digits = screen.query_one("#countdown")
        lines = str(clock.render()).splitlines() if clock.display else []
        return clock.display, digits.display, len(lines), "".join(lines)

    shown, digits_shown, height, text = drive(make_app(open_target="demo"), story, size=size)
    assert shown is big
    assert digits_shown is not big
    assert height == rows
    if big:
        assert "█" in text
