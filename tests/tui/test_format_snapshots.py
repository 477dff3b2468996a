"""Snapshots of the group seat with a multi-select (and the cards its options rest on) and a
number decision."""

from __future__ import annotations

from typing import Any

import pytest
from test_format_widgets import FORMATS, SCENARIO, seat_in_round
from textual.pilot import Pilot
from tui_helpers import settle


@pytest.mark.parametrize(
    ("rounds", "size"),
    [(2, (120, 36)), (3, (80, 24))],
    ids=["multi-select-120x36", "number-80x24"],
)
def test_group_seat_with_format_features(
    rounds: int, size: tuple[int, int], make_app: Any, snap_compare: Any
) -> None:
    """Round 2 shows a multi-select with the cards each option rests on; round 3 a number."""
    app = make_app(scenario_dirs=[FORMATS], open_target=SCENARIO)

    async def run_before(pilot: Pilot[Any]) -> None:
        await seat_in_round(pilot, rounds)
        await settle(pilot, "GroupScreen")

    assert snap_compare(app, terminal_size=size, run_before=run_before)
