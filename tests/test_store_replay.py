"""Property test: a stored session reopens to exactly the state it had."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_engine_fold import BUNDLE, POOL
from varselspel.engine import Command
from varselspel.store import create_session, open_session


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(POOL), st.integers(min_value=0, max_value=600)), max_size=50
    ),
    seed=st.integers(min_value=0, max_value=2**31 - 1),
)
def test_stored_session_reopens_to_the_same_state(
    steps: list[tuple[tuple[Command, str], int]], seed: int
) -> None:
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    with tempfile.TemporaryDirectory() as tmp:
        session = create_session(
            BUNDLE,
            ["A", "B"],
            seed=seed,
            folder=Path(tmp),
            clock=lambda: now[0],
            durability="normal",
        )
        for (command, actor), seconds in steps:
            now[0] += timedelta(seconds=seconds)
            session.execute(command, actor)
        path = session.journal.path  # type: ignore[attr-defined]
        state, events = session.state, session.events
        session.close()
        again = open_session(path, clock=lambda: now[0])
        assert again.events == events
        assert again.state == state
        assert again.timer_remaining() == session.timer_remaining()
        again.close()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(st.tuples(st.sampled_from(POOL), st.booleans()), max_size=40),
    seed=st.integers(min_value=0, max_value=2**31 - 1),
)
def test_two_handles_interleaving_agree(
    steps: list[tuple[tuple[Command, str], bool]], seed: int
) -> None:
    """Commands sent through two handles on one file end in one shared, gap-free log."""
    with tempfile.TemporaryDirectory() as tmp:
        one = create_session(BUNDLE, ["A", "B"], seed=seed, folder=Path(tmp), durability="normal")
        path = one.journal.path  # type: ignore[attr-defined]
        two = open_session(path, durability="normal")
        accepted = 0
        for (command, actor), use_two in steps:
            handle = two if use_two else one
            if handle.execute(command, actor).ok:
                accepted += 1
        one.refresh()
        two.refresh()
        assert one.events == two.events
        assert [e.seq for e in one.events] == list(range(1, accepted + 3))
        assert one.state == two.state == one.rebuild()
        one.close()
        two.close()
