"""Upcasting: schema-1 events (commands only) get the facts the rules of 0.1.0 gave them."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from test_engine_fold import BUNDLE, POOL
from varselspel import __version__
from varselspel.engine import (
    COMMAND_ADAPTER,
    AddGroup,
    ChooseOption,
    CloseRound,
    Command,
    Event,
    LegacyEvent,
    ReleaseInject,
    Session,
    StartRound,
    StartSession,
)
from varselspel.engine import facts as f
from varselspel.engine.decide import Rules
from varselspel.engine.upcast import (
    LegacyDeriver,
    decode,
    upcast_v1_v2,
    v1_start_values,
)
from varselspel.store import SessionStore, open_session

FIXTURES = Path(__file__).parent / "fixtures" / "sessions"
AT = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def legacy(events: list[Event]) -> list[LegacyEvent]:
    """Return events as a schema-1 log holds them: the command only."""
    return [LegacyEvent(seq=e.seq, at=e.at, actor=e.actor, command=e.command) for e in events]


def v1(seq: int, command: Command) -> LegacyEvent:
    """Return a schema-1 event sent by the facilitator a minute after the one before."""
    return LegacyEvent(
        seq=seq, at=AT + timedelta(minutes=seq), actor="facilitator", command=command
    )


def test_upcast_v1_v2_works_out_what_each_command_did() -> None:
    """Injects, choices and the round close get the groups reached and the values they left."""
    log = [
        v1(1, AddGroup(name="A", group="g1")),
        v1(2, AddGroup(name="B", group="g2")),
        v1(3, StartSession()),
        v1(4, StartRound(round="r1")),
        v1(5, ReleaseInject(inject="i1")),
        v1(6, ReleaseInject(inject="i2")),
        v1(7, ChooseOption(group="g1", decision="r1.ledning", option="kommunen")),
        v1(8, ChooseOption(group="g2", decision="r1.ledning", option="vanta")),
        v1(9, CloseRound()),
    ]
    events = upcast_v1_v2(log, BUNDLE, seed=1)
    assert [e.v for e in events] == [2] * 9
    assert [e.command for e in events] == [e.command for e in log]
    (added,) = events[0].facts
    assert isinstance(added, f.GroupAdded) and added.start.indicators["fortroende"] == 50
    (started,) = events[3].facts
    assert started == f.RoundStarted(
        round="r1",
        minutes=20,
        played={"g1": True, "g2": True},
        decisions_put={
            "g1": ["r1.ledning", "r1.kommunikation"],
            "g2": ["r1.ledning", "r1.kommunikation"],
        },
    )
    (first,) = events[4].facts
    assert isinstance(first, f.InjectReleased) and first.reached == ["g1", "g2"]
    assert first.changes["g1"].indicators == {"fortroende": 45.0}
    (second,) = events[5].facts  # needs fortroende < 40: withheld from both
    assert isinstance(second, f.InjectReleased) and second.withheld == ["g1", "g2"]
    assert second.changes == {}
    (chosen,) = events[6].facts
    assert isinstance(chosen, f.OptionChosen)
    assert (
        chosen.outside_mandate
        and chosen.mandate_basis == ["kso"]
        and chosen.mandate == "sammankalla"
    )
    (closed,) = events[8].facts
    assert closed == f.RoundClosed(
        round="r1",
        applied={"g1": ["r1.ledning"], "g2": ["r1.ledning"]},
        changes={
            "g1": f.Values(indicators={"fortroende": 55.0}),
            "g2": f.Values(indicators={"arbetslosa": 320.0, "fortroende": 35.0}),
        },
    )


V1_POOL = [(c, a) for c, a in POOL if c.type not in ("choose_options", "choose_number")]
"""The commands 0.1.0 knew (multi-select and number decisions came later)."""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(st.sampled_from(V1_POOL), max_size=70),
    seed=st.integers(min_value=0, max_value=2**31 - 1),
)
def test_upcast_gives_the_facts_todays_engine_records(
    steps: list[tuple[Command, str]], seed: int
) -> None:
    """The frozen rules of 0.1.0 agree with today's on every command of a random workshop.

    Today's engine starts groups with the 0.1.0 values here, so a changed default of a later
    impact model does not make the two differ.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Rules, "start_values", v1_start_values(BUNDLE.scenario))
        now = [AT]

        def clock() -> datetime:
            now[0] += timedelta(seconds=50)
            return now[0]

        session = Session.create(BUNDLE, ["A", "B"], seed=seed, clock=clock)
        for command, actor in steps:
            session.execute(command, actor)
    upcast = upcast_v1_v2(legacy(list(session.events)), BUNDLE, seed)
    assert upcast == list(session.events)


def test_decode_tells_the_schema_by_its_version() -> None:
    """A payload without `v` is schema 1; a newer or odd version is refused, never guessed at."""
    old = {"seq": 1, "at": "2026-01-01T00:00:00Z", "actor": "facilitator"}
    old["command"] = {"type": "start_session"}  # type: ignore[assignment]
    assert isinstance(decode(old), LegacyEvent)
    assert isinstance(decode({**old, "v": 2, "facts": [{"type": "session_started"}]}), Event)
    with pytest.raises(ValidationError):
        decode({**old, "v": 2})  # schema 2 without its facts
    with pytest.raises(ValidationError):
        decode({**old, "facts": []})  # facts without a version
    for bad, problem in (({**old, "v": 3}, "too_new"), ({**old, "v": "2"}, "bad_version")):
        with pytest.raises(ValueError, match=problem):
            decode(bad)
    with pytest.raises(ValueError, match="not_object"):
        decode([])


def test_v1_start_values_keep_the_defaults_of_0_1_0(monkeypatch: pytest.MonkeyPatch) -> None:
    """A later impact model with other start values does not change an old session's groups."""
    import varselspel.engine.impact as impact

    start = v1_start_values(BUNDLE.scenario)
    today = Rules(BUNDLE, 1).start_values.model
    # The consequence model gained `new_jobs` after 0.1.0; an old session's groups never see it.
    assert "new_jobs" in today
    assert "new_jobs" not in start.model
    assert {k: today[k] for k in start.model if k in today}.keys() <= start.model.keys()
    monkeypatch.setattr(impact, "setting_values", lambda setting: {"ny_faktor": 1.0})
    assert v1_start_values(BUNDLE.scenario) == start


def test_upcast_is_written_back_once_with_the_command_kept(tmp_path: Path) -> None:
    """A writable open stores the facts beside each command; later opens are pure data."""
    path = tmp_path / "demo.varselspel"
    shutil.copyfile(FIXTURES / "demo-complete.varselspel", path)
    before = sqlite3.connect(path)
    commands = {
        seq: json.loads(payload)["command"]
        for seq, payload in before.execute("SELECT seq, payload FROM events")
    }
    before.close()
    first = open_session(path)
    state = first.state
    assert first.upcast == tuple(range(1, first.seq + 1))
    first.close()
    store = SessionStore.open(path, read_only=True)
    assert {schema for _, schema, _ in store.writers()} == {2}
    assert {writer for _, _, writer in store.writers()} == {""}  # 0.1.0 did not record itself
    (record,) = store.meta("upcasts")
    assert record["from"] == 1 and record["to"] == 2 and record["by"] == __version__
    assert record["events"] == len(commands)
    store.close()
    after = sqlite3.connect(path)
    for seq, payload in after.execute("SELECT seq, payload FROM events"):
        data = json.loads(payload)
        assert data["v"] == 2
        assert COMMAND_ADAPTER.validate_python(data["command"]) == COMMAND_ADAPTER.validate_python(
            commands[seq]
        )
    after.close()
    # The rules of 0.1.0 are no longer needed: the facts are in the file.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(LegacyDeriver, "derive", _refuse)
        again = open_session(path)
        assert again.upcast == () and again.state == state
        again.close()


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the legacy rules were used")


def test_a_read_only_open_upcasts_in_memory_only(tmp_path: Path) -> None:
    """Viewing an old file works without writing the facts to it."""
    path = tmp_path / "demo.varselspel"
    shutil.copyfile(FIXTURES / "demo-complete.varselspel", path)
    data = path.read_bytes()
    viewer = open_session(path, read_only=True)
    assert viewer.upcast and viewer.read_only
    viewer.close()
    assert path.read_bytes() == data
    store = SessionStore.open(path, read_only=True)
    assert store.layout == 1 and {schema for _, schema, _ in store.writers()} == {1}
    store.close()
