"""Property tests: the incremental state always equals a fold of the events from scratch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from varselspel.engine import (
    FACILITATOR,
    ActionFields,
    AddAction,
    AddGroup,
    AddParticipant,
    AssignRole,
    ChooseNumber,
    ChooseOption,
    ChooseOptions,
    ClearChoice,
    CloseRound,
    Command,
    EditAction,
    EndSession,
    ExtendTimer,
    MoveParticipant,
    PauseTimer,
    RateObjective,
    RecordLesson,
    ReleaseInject,
    RemoveAction,
    RemoveGroup,
    RemoveParticipant,
    RenameGroup,
    ResumeTimer,
    Session,
    StartDebrief,
    StartRound,
    StartSession,
    UnassignRole,
    Undo,
    WriteNote,
)
from varselspel.loader import load_bundle

FIXTURE = Path(__file__).parent / "fixtures" / "engine" / "scenario.yaml"
BUNDLE = load_bundle(FIXTURE).bundle
assert BUNDLE is not None
FORMATS_FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "scenario.yaml"
FORMATS_BUNDLE = load_bundle(FORMATS_FIXTURE).bundle
"""A scenario with every format feature: revealed cards and figures, delayed effects,
indicators that follow the model, a multi-select and a number decision, an inline role."""
assert FORMATS_BUNDLE is not None


def _pool() -> list[tuple[Command, str]]:
    """Commands of every type, valid and invalid, with the actors that might send them."""
    groups = ["g1", "g2", "g3"]
    pool: list[tuple[Command, str]] = [
        (AddGroup(name="Extra"), FACILITATOR),
        (AddGroup(name="Extra 2"), FACILITATOR),
        (RemoveGroup(group="g2"), FACILITATOR),
        (RenameGroup(group="g1", name="Norr"), FACILITATOR),
        (StartSession(), FACILITATOR),
        (StartRound(), FACILITATOR),
        (StartRound(), FACILITATOR),
        (ReleaseInject(), FACILITATOR),
        (ReleaseInject(group="g1"), FACILITATOR),
        (ReleaseInject(inject="ib"), FACILITATOR),
        (ReleaseInject(inject="i2", group="g2"), FACILITATOR),
        (PauseTimer(), FACILITATOR),
        (ResumeTimer(), FACILITATOR),
        (ExtendTimer(minutes=3), FACILITATOR),
        (CloseRound(), FACILITATOR),
        (CloseRound(), FACILITATOR),
        (Undo(), FACILITATOR),
        (Undo(), FACILITATOR),
        (WriteNote(text="processledaren"), FACILITATOR),
        (RecordLesson(kind="improvement", text="mer tid"), FACILITATOR),
    ]
    for gid in groups:
        pool += [
            (AddParticipant(group=gid, name="Anna"), gid),
            (RemoveParticipant(group=gid, participant="p1"), FACILITATOR),
            (MoveParticipant(group=gid, participant="p1", to_group="g1"), FACILITATOR),
            (MoveParticipant(group=gid, participant="p2", to_group="g3"), FACILITATOR),
            (AssignRole(group=gid, role="kso", participant="p1"), FACILITATOR),
            (AssignRole(group=gid, role="af"), FACILITATOR),
            (UnassignRole(group=gid, role="kso"), gid),
            (AddAction(group=gid, fields=ActionFields(title="Åtgärd", responsible="kso")), gid),
            (EditAction(group=gid, action="a1", fields=ActionFields(title="Ny")), gid),
            (RemoveAction(group=gid, action="a1"), gid),
            (WriteNote(group=gid, text="anteckning"), gid),
            (RateObjective(group=gid, objective="o1", rating="major"), FACILITATOR),
            (RecordLesson(group=gid, kind="strength", text="bra"), FACILITATOR),
            (ClearChoice(group=gid, decision="r1.ledning"), gid),
        ]
        for key, options in {
            "r1.ledning": ["kommunen", "vanta"],
            "r1.kommunikation": ["presser", "tyst"],
            "r2.egf": ["sok", "avsta", "tur"],
            "r3.folj": ["egf-projekt", "annat"],
        }.items():
            for option in options:
                pool.append((ChooseOption(group=gid, decision=key, option=option), gid))
                pool.append((ChooseOptions(group=gid, decision=key, options=[option]), gid))
                pool.append(
                    (
                        ChooseOption(
                            group=gid, decision=key, option=option, agreed_roles=["kso", "af"]
                        ),
                        FACILITATOR,
                    )
                )
        # This scenario has no number decision: refused, but sent.
        pool.append((ChooseNumber(group=gid, decision="r1.ledning", value=1), gid))
    return pool


def _formats_pool() -> list[tuple[Command, str]]:
    """Commands for the scenario with every format feature, valid and invalid."""
    pool: list[tuple[Command, str]] = []
    for gid in ("g1", "g2"):
        pool += [
            (AssignRole(group=gid, role="kso"), FACILITATOR),
            (AssignRole(group=gid, role="facket"), FACILITATOR),
            (UnassignRole(group=gid, role="facket"), FACILITATOR),
            (AssignRole(group=gid, role="miljoinspektor"), FACILITATOR),
            (ChooseOption(group=gid, decision="r1.ledning", option="kommunen"), gid),
            (ChooseOption(group=gid, decision="r1.ledning", option="vanta"), gid),
            (ChooseOption(group=gid, decision="r2.insatser", option="egf"), gid),
            (ChooseOption(group=gid, decision="r3.komvux", option="x"), gid),
            (ChooseOption(group=gid, decision="r3.sanering", option="forelagg"), FACILITATOR),
            (ChooseOption(group=gid, decision="r3.sanering", option="avvakta"), gid),
            (ChooseOption(group=gid, decision="r4.fortsatt", option="egf-projekt"), gid),
            (ChooseOption(group=gid, decision="r4.fortsatt", option="avsluta"), gid),
            (ClearChoice(group=gid, decision="r2.insatser"), gid),
            (ClearChoice(group=gid, decision="r3.komvux"), gid),
        ]
        for options in (["egf"], ["matchning", "egf"], ["fack", "matchning"], ["egf", "fack"]):
            pool.append((ChooseOptions(group=gid, decision="r2.insatser", options=options), gid))
        pool.append(
            (
                ChooseOptions(
                    group=gid, decision="r2.insatser", options=["egf", "matchning", "fack"]
                ),
                gid,
            )
        )
        for value in (0, 40, 100, 35, 110):
            pool.append((ChooseNumber(group=gid, decision="r3.komvux", value=value), gid))
    return pool


FLOW: list[tuple[Command, str]] = [
    (StartSession(), FACILITATOR),
    (StartRound(), FACILITATOR),
    (CloseRound(), FACILITATOR),
    (ReleaseInject(), FACILITATOR),
]
POOL = _pool() + FLOW * 6
FORMATS_POOL = (
    _formats_pool()
    + FLOW * 8
    + [(ReleaseInject(), FACILITATOR), (Undo(), FACILITATOR), (StartDebrief(), FACILITATOR)]
)
"""Commands for `FORMATS_BUNDLE`."""
CASES = {"engine": (BUNDLE, POOL), "formats": (FORMATS_BUNDLE, FORMATS_POOL)}
"""Each fixture scenario with the commands the property tests draw from."""
ENDINGS: list[tuple[Command, str]] = [(StartDebrief(), FACILITATOR), (EndSession(), FACILITATOR)]


@pytest.mark.parametrize("case", sorted(CASES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), seed=st.integers(min_value=0, max_value=2**31 - 1))
def test_incremental_state_equals_fold(case: str, data: st.DataObject, seed: int) -> None:
    """After any sequence of commands, the state equals the fold of the events."""
    bundle, pool = CASES[case]
    assert bundle is not None
    steps = data.draw(
        st.lists(
            st.tuples(st.sampled_from(pool), st.integers(min_value=0, max_value=400)),
            max_size=80,
        )
    )
    endings = data.draw(st.lists(st.sampled_from(ENDINGS + pool), max_size=6))
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    session = Session.create(bundle, ["A", "B"], seed=seed, clock=lambda: now[0])
    for (command, actor), seconds in [*steps, *((e, 1) for e in endings)]:
        now[0] += timedelta(seconds=seconds)
        before = session.state
        seq = session.seq
        result = session.execute(command, actor)
        if not result.ok:
            assert session.seq == seq
            assert session.state == before
        else:
            assert session.seq == seq + 1
    assert session.state == session.rebuild()
    # Replaying the log into a fresh session (as the store does) gives the same state too.
    replay = Session(bundle, session.info)
    replay.journal.events.extend(session.events)  # type: ignore[attr-defined]
    replay.refresh()
    assert replay.state == session.state
