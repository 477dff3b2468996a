"""View models of a round: injects and their recipients, progress, timer, indicators, undo."""

from __future__ import annotations

import pytest

from varselspel.engine import (
    AddGroup,
    ChooseOption,
    CloseRound,
    PauseTimer,
    RateObjective,
    RecordLesson,
    ReleaseInject,
    Session,
    StartDebrief,
    StartRound,
    StartSession,
    WriteNote,
)
from varselspel.engine.impact import impact_for
from varselspel.model import ScenarioKind
from varselspel.view.debrief import choice_rows, lesson_rows, objective_rows
from varselspel.view.indicators import Direction, Tone, indicator_rows, trajectories
from varselspel.view.injects import (
    backup_injects,
    group_inbox,
    next_inject,
    pending_injects,
    release_of,
    round_releases,
    unsent_injects,
)
from varselspel.view.lagesbild import VARSEL_FIGURES, FigureUnit, lagesbild_rows
from varselspel.view.status import (
    facilitator_view,
    group_status,
    round_view,
    timer_view,
    undecided_groups,
)
from varselspel.view.undo import undo_target
from viewhelp import FakeClock, load, ok, staff


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(clock: FakeClock) -> Session:
    session = Session.create(load(), ["Grupp 1", "Grupp 2"], seed=42, clock=clock)
    staff(session)
    ok(session, StartSession())
    ok(session, StartRound())
    return session


def names(groups: tuple[object, ...]) -> list[str]:
    return [g.name for g in groups]  # type: ignore[attr-defined]


def test_released_inject_names_its_recipients(session: Session) -> None:
    """An inject to every group reached both; the next one in order is the conditional one."""
    assert next_inject(session) is not None and next_inject(session).id == "i1"  # type: ignore[union-attr]
    seq = ok(session, ReleaseInject())
    release = release_of(session, seq)
    assert release is not None and release.inject.title == "Tidningen ringer"
    assert names(release.recipients) == ["Grupp 1", "Grupp 2"]
    assert release.reached_all and not release.reached_none
    assert [p.inject.id for p in pending_injects(session)] == ["i2"]


def test_an_inject_that_reached_no_group_is_told_apart(session: Session) -> None:
    """A conditional inject false for every group was released but reached nobody."""
    ok(session, ReleaseInject())
    seq = ok(session, ReleaseInject())
    release = release_of(session, seq)
    assert release is not None and release.inject.id == "i2"
    assert release.recipients == () and release.reached_none and not release.reached_all
    assert names(release.withheld) == ["Grupp 1", "Grupp 2"]
    assert [d.inject.id for d in group_inbox(session, "g1")] == ["i1"]
    assert pending_injects(session) == () and next_inject(session) is None


def test_backup_to_one_group_waits_for_the_others(session: Session) -> None:
    """A backup released to one group names it; the other group is still waiting."""
    first = ok(session, ReleaseInject())
    backup = ok(session, ReleaseInject(inject="ib", group="g2"))
    release = release_of(session, backup)
    assert release is not None
    assert names(release.recipients) == ["Grupp 2"] and names(release.waiting) == ["Grupp 1"]
    assert not release.reached_all and not release.reached_none
    assert [r.inject.id for r in round_releases(session)] == ["i1", "ib"]
    assert [r.seq for r in round_releases(session)] == [first, backup]
    assert [(b.inject.id, names(b.released_to)) for b in backup_injects(session)] == [
        ("ib", ["Grupp 2"])
    ]
    assert [d.inject.id for d in group_inbox(session, "g2")] == ["i1", "ib"]
    assert [d.inject.id for d in group_inbox(session, "g1")] == ["i1"]


def test_unsent_and_pending_injects(session: Session) -> None:
    """Scheduled injects nobody has had are unsent; pending ones name the groups waiting."""
    assert [i.id for i in unsent_injects(session)] == ["i1", "i2"]
    pending = pending_injects(session)
    assert [(p.inject.id, names(p.waiting)) for p in pending] == [
        ("i1", ["Grupp 1", "Grupp 2"]),
        ("i2", ["Grupp 1", "Grupp 2"]),
    ]
    ok(session, ReleaseInject())
    assert [i.id for i in unsent_injects(session)] == ["i2"]
    ok(session, CloseRound())
    assert unsent_injects(session) == () and pending_injects(session) == ()


def test_round_timer_and_group_status(session: Session, clock: FakeClock) -> None:
    """The round's number, the time left, and who has decided how much."""
    view = round_view(session)
    assert view is not None
    assert (view.number, view.total, view.title, view.open, view.last) == (
        1,
        3,
        "Varslet",
        True,
        False,
    )
    clock.advance(90)
    ok(session, PauseTimer())
    clock.advance(600)
    timer = timer_view(session)
    assert timer is not None and timer.paused and timer.remaining == 20 * 60 - 90
    assert not timer.overtime
    ok(session, ChooseOption(group="g1", decision="r1.ledning", option="vanta"), "g1")
    rows = group_status(session)
    assert [(r.group.name, r.decided, r.total, r.all_decided) for r in rows] == [
        ("Grupp 1", 1, 2, False),
        ("Grupp 2", 0, 2, False),
    ]
    assert names(tuple(r.group for r in undecided_groups(session))) == ["Grupp 1", "Grupp 2"]
    ok(session, CloseRound())
    assert timer_view(session) is None and undecided_groups(session) == ()
    closed = round_view(session)
    assert closed is not None and not closed.open


def test_no_round_before_the_first() -> None:
    """Before the first round there is no round, no timer and nothing to release."""
    session = Session.create(load(), ["Grupp 1"], seed=1, clock=FakeClock())
    assert round_view(session) is None and timer_view(session) is None
    assert round_releases(session) == () and backup_injects(session) == ()


def test_indicator_trend_and_trajectory(session: Session) -> None:
    """After a round the values move; the arrow's tone follows the indicator's good direction."""
    ok(session, ReleaseInject())
    ok(session, ChooseOption(group="g1", decision="r1.ledning", option="kommunen"), "g1")
    ok(session, ChooseOption(group="g2", decision="r1.ledning", option="vanta"), "g2")
    ok(session, CloseRound())
    rows = {row.id: row for row in indicator_rows(session)}
    trust = {cell.group.id: cell for cell in rows["fortroende"].cells}
    assert (trust["g1"].value, trust["g1"].before) == (55, 50)
    assert trust["g1"].trend.direction is Direction.UP and trust["g1"].trend.tone is Tone.GOOD
    assert (trust["g2"].value, trust["g2"].trend.direction) == (35, Direction.DOWN)
    assert trust["g2"].trend.tone is Tone.BAD
    trajectory = {t.id: t for t in trajectories(session)}["fortroende"]
    assert (trajectory.low, trajectory.high) == (0, 100)
    assert [(g.id, values) for g, values in trajectory.series] == [
        ("g1", (50, 55)),
        ("g2", (50, 35)),
    ]


def test_lagesbild_figures_follow_the_impact_model(session: Session) -> None:
    """Each varsel figure with every group's unrounded value from the consequence model."""
    rows = lagesbild_rows(session)
    assert [r.code for r in rows] == list(VARSEL_FIGURES)
    assert all(r.kind is ScenarioKind.VARSEL for r in rows)
    impact = impact_for(session.scenario, session.state.groups["g1"].model)
    by_code = {r.code: r for r in rows}
    assert by_code["total_jobs"].values[0][1] == impact.total_jobs
    assert by_code["unemployed_12"].values[1][1] == impact.unemployed[12]  # type: ignore[union-attr]
    assert by_code["revenue_change_per_year"].unit is FigureUnit.SEK_PER_YEAR
    assert by_code["direct_jobs"].unit is FigureUnit.COUNT


def test_undo_target_says_what_it_cancels(session: Session) -> None:
    """The last step in effect, with its group, decision, inject or round."""
    target = undo_target(session)
    assert target is not None and target.kind == "start_round"
    assert target.phase_step and target.round_number == 1
    ok(session, ReleaseInject())
    target = undo_target(session)
    assert target is not None and target.inject_title == "Tidningen ringer"
    assert not target.phase_step and target.group is None
    ok(session, ChooseOption(group="g2", decision="r1.ledning", option="vanta"), "g2")
    target = undo_target(session)
    assert target is not None and target.kind == "choose_option"
    assert (target.decision_question, target.group and target.group.name) == (
        "Vem leder?",
        "Grupp 2",
    )
    ok(session, CloseRound())
    target = undo_target(session)
    assert target is not None and (target.kind, target.round_number) == ("close_round", 1)


def test_undo_target_of_a_new_group_names_it() -> None:
    """Adding a group is described by the name it was given."""
    session = Session.create(load(), ["Grupp 1"], seed=1, clock=FakeClock())
    ok(session, AddGroup(name="Älvgruppen"))
    target = undo_target(session)
    assert target is not None and (target.kind, target.name) == ("add_group", "Älvgruppen")


def test_facilitator_view_keeps_the_last_notes(session: Session) -> None:
    """The round's notes and expectations, and the facilitator's last own notes."""
    for n in range(7):
        ok(session, WriteNote(text=f"not {n}"))
    view = facilitator_view(session)
    assert view.own_notes == tuple(f"not {n}" for n in range(2, 7))


def test_debrief_rows(session: Session) -> None:
    """Choices side by side, ratings per objective, lessons in the order recorded."""
    ok(
        session,
        ChooseOption(group="g1", decision="r1.ledning", option="kommunen", rationale="Vi leder"),
        "g1",
    )
    ok(session, StartDebrief())
    ok(session, RecordLesson(kind="improvement", text="Mer tid"))
    ok(session, RateObjective(group="g2", objective="o1", rating="major", comment="Oklart"))
    ok(session, RecordLesson(group="g1", kind="strength", text="Tydligt"))
    rows = {row.key: row for row in choice_rows(session)}
    assert list(rows)[:2] == ["r1.ledning", "r1.kommunikation"]
    (g1, chosen), (g2, none) = rows["r1.ledning"].choices
    assert chosen is not None and (chosen.label, chosen.rationale) == ("Kommunen leder", "Vi leder")
    assert (g1.name, g2.name, none) == ("Grupp 1", "Grupp 2", None)
    first = objective_rows(session)[0]
    assert [(c.group.id, c.rating, c.comment) for c in first.cells] == [
        ("g1", None, ""),
        ("g2", "major", "Oklart"),
    ]
    lessons = lesson_rows(session)
    assert [(lesson.group and lesson.group.id, lesson.text) for lesson in lessons] == [
        (None, "Mer tid"),
        ("g1", "Tydligt"),
    ]
