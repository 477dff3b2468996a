"""Property tests: a stored session reopens to exactly the state it had, deciding nothing again."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_engine_fold import BUNDLE, CASES, POOL
from varselspel.engine import Command
from varselspel.engine.fold import fold
from varselspel.expr import EvalEnv
from varselspel.store import create_session, open_session


def _raise(*args: object, **kwargs: object) -> None:
    raise AssertionError("replay consulted the rules")


def drop_saved_state(path: Path) -> None:
    """Delete the state a clean close saved, as a crash would have left the file."""
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM saved_state")
    conn.commit()
    conn.close()


def forbid_rules(patch: pytest.MonkeyPatch) -> None:
    """Make every expression evaluation and the impact model raise."""
    import varselspel.engine.exprs as exprs
    import varselspel.engine.impact as impact
    import varselspel.engine.index as index
    import varselspel.expr.compile as compile_module
    import varselspel.expr.program as program

    patch.setattr(program.Condition, "evaluate", _raise)
    patch.setattr(program.Effect, "apply", _raise)
    patch.setattr(program, "apply_effects", _raise)
    patch.setattr(compile_module, "apply_effects", _raise)
    for name in (
        "env",
        "round_ok",
        "inject_ok",
        "decision_ok",
        "option_ok",
        "_changes",
        "scratch",
        "apply",
        "holds",
        "choice_effects",
    ):
        patch.setattr(exprs.ExprRuntime, name, _raise)
    for module, name in (
        (impact, "setting_values"),
        (impact, "impact_for"),
        (impact, "figure_at"),
        (impact, "varsel_impact"),
        (impact, "etablering_impact"),
        (index, "setting_values"),
        (index, "model_defaults"),
    ):
        patch.setattr(module, name, _raise)


@pytest.mark.parametrize("case", sorted(CASES))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), seed=st.integers(min_value=0, max_value=2**31 - 1))
def test_stored_session_reopens_to_the_same_state(
    case: str, data: st.DataObject, seed: int
) -> None:
    """fold(facts) after a store round trip equals the live state, also with the rules raising."""
    bundle, pool = CASES[case]
    assert bundle is not None
    steps: list[tuple[tuple[Command, str], int]] = data.draw(
        st.lists(
            st.tuples(st.sampled_from(pool), st.integers(min_value=0, max_value=600)),
            max_size=60,
        )
    )
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    with tempfile.TemporaryDirectory() as tmp:
        session = create_session(
            bundle,
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
        # Replay is pure data: it still works when every expression and the impact model raise.
        with pytest.MonkeyPatch.context() as patch:
            forbid_rules(patch)
            with pytest.raises(AssertionError, match="consulted"):
                bundle.compiled.round_condition("r2").evaluate(EvalEnv())
            # Once from the state saved at the clean close, once folding every event's facts.
            for saved in (True, False):
                if not saved:
                    drop_saved_state(path)
                blind = open_session(path, clock=lambda: now[0])
                assert blind.state == state
                assert blind.rebuild() == state
                assert fold(list(blind.events), blind.index.round_index) == state
                blind.journal.close()  # not `blind.close()`: that would save the state again


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
