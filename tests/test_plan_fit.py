"""Actions against the financing they name, their time points, and the money in the plan."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporthelp import EXPORT_DAY, load
from varselspel.engine import Session
from varselspel.engine.commands import ActionFields, AddAction, StartRound, StartSession
from varselspel.model import FinancingCard
from varselspel.model.timepoint import ends_before_start, game_day, parse_timepoint
from varselspel.plan import build_group_plan
from varselspel.plan.fit import action_span, check_fit, describe_fit
from varselspel.resources import bundled_scenarios_dir

DEMO = bundled_scenarios_dir() / "demo.yaml"

EGF = FinancingCard(
    id="egf",
    name="EGF",
    administrator="Svenska ESF-rådet",
    who_may_apply="Arbetsförmedlingen",
    covers_share=0.6,
    lead_time_weeks=26,
    pays_for=["individ"],
)
THEMES = {"individ": "Stöd till de uppsagda", "ledning": "Ledning och samverkan"}


@pytest.mark.parametrize(
    ("text", "day"),
    [("dag 2", 2), ("vecka 3", 21), ("Månad 6", 180), ("week 1", 7), ("day 0", 0)],
)
def test_game_time_points_count_days_after_day_0(text: str, day: int) -> None:
    point = parse_timepoint(text)
    assert point is not None and point.day == day and point.calendar is None


def test_calendar_points_and_what_is_not_one() -> None:
    month = parse_timepoint("2026-02")
    assert month is not None and month.month_only and str(month.end_day()) == "2026-02-28"
    assert parse_timepoint("2026-02-30") is None
    assert parse_timepoint("nästa vecka") is None
    assert parse_timepoint("vecka") is None
    assert ends_before_start("vecka 4", "vecka 3")
    assert not ends_before_start("2026-09", "2026-09-01"), "the month covers its first day"
    assert not ends_before_start("vecka 4", "2026-01"), "game time and dates are not compared"
    assert game_day("Vecka 6–8: Förhandlingen") == 42 and game_day("Efter sommaren") is None


@given(st.sampled_from(["dag", "vecka", "månad"]), st.integers(0, 9999), st.integers(0, 9999))
def test_end_before_start_is_the_order_of_days(unit: str, first: int, second: int) -> None:
    assert ends_before_start(f"{unit} {first}", f"{unit} {second}") == (second < first)


def test_egf_cannot_pay_an_action_due_within_two_weeks() -> None:
    action = ActionFields(title="Rådgivning", timeframe="inom 2 veckor", theme="individ")
    (remark,) = check_fit(action, EGF, known_day=0, themes=THEMES)
    assert remark.code == "too_late"
    assert remark.params["due"] == 2 and remark.params["arrives"] == 26
    text = describe_fit(remark, "sv")
    assert "EGF" in text and "vecka 26" in text and "vecka 2" in text
    # Starting early but running past the money's arrival needs someone to pay in advance.
    long = ActionFields(title="Utbildning", start="vecka 1", end="månad 12", theme="individ")
    assert [r.code for r in check_fit(long, EGF, known_day=0, themes=THEMES)] == ["prefinance"]
    late = ActionFields(title="Utbildning", start="vecka 30", end="månad 12", theme="individ")
    assert check_fit(late, EGF, known_day=0, themes=THEMES) == []


def test_a_source_that_does_not_pay_for_the_theme_or_the_share() -> None:
    action = ActionFields(
        title="Styrgrupp", start="vecka 30", end="vecka 40", theme="ledning", financing_share=0.8
    )
    codes = [r.code for r in check_fit(action, EGF, known_day=0, themes=THEMES)]
    assert codes == ["theme", "share"]
    share = check_fit(action, EGF, known_day=0, themes=THEMES)[1]
    assert (
        describe_fit(share, "sv")
        == "EGF betalar högst 60 % av kostnaden, men åtgärden räknar med 80 %."
    )


def test_inom_counts_from_the_round_and_a_span_reads_as_written() -> None:
    action = ActionFields(title="x", timeframe="inom 48 timmar")
    assert action_span(action, 21).start == 21 and action_span(action, 21).end == 23
    assert action_span(ActionFields(title="x", timeframe="vecka 3–16"), None).end == 112
    assert action_span(ActionFields(title="x", timeframe="varje vecka"), 0).end is None


def _demo_session() -> Session:
    session = Session.create(load(DEMO), ["Grupp Norr"], seed=1)
    assert session.execute(StartSession()).ok and session.execute(StartRound()).ok
    return session


def test_the_engine_refuses_time_points_it_cannot_read() -> None:
    session = _demo_session()
    for fields, code in (
        (ActionFields(title="x", start="snart"), "bad_start"),
        (ActionFields(title="x", end="31/12"), "bad_end"),
        (ActionFields(title="x", start="vecka 5", end="vecka 2"), "end_before_start"),
        (ActionFields(title="x", follow_up_by="ingen-sadan-roll"), "unknown_role"),
    ):
        result = session.execute(AddAction(group="g1", fields=fields))
        assert not result.ok and result.code == code, fields


def test_the_plan_remarks_on_an_own_action_its_financing_cannot_pay_in_time() -> None:
    session = _demo_session()
    fields = ActionFields(
        title="Leverantörsprojekt",
        timeframe="inom 2 veckor",
        amount=400_000,
        financing="f-regionala-tillvaxtmedel",
        financing_share=0.5,
        follow_up="Antal leverantörer med nya kunder efter 12 månader",
        follow_up_by="naringslivschef",
        theme="naringsliv",
    )
    assert session.execute(AddAction(group="g1", fields=fields)).ok
    plan = build_group_plan(session, "g1", lang="sv", today=EXPORT_DAY)
    own = next(a for a in plan.actions if a.title == "Leverantörsprojekt")
    assert [r.code for r in own.remarks] == ["too_late"]
    assert own.follow_up_by == "Näringslivschef" and own.amount == 400_000
    line = next(b for b in plan.budget if b.card_id == "f-regionala-tillvaxtmedel")
    assert line.financed is not None and line.financed <= line.amount
    priced = [
        a
        for a in plan.actions
        if a.financing and a.financing.card_id == line.card_id and a.amount is not None
    ]
    assert line.amount == sum(a.amount or 0 for a in priced)
    assert line.financed == sum(round((a.amount or 0) * (a.financing_share or 0)) for a in priced)


def test_every_demo_option_action_names_a_measurable_follow_up() -> None:
    """The demo's action items carry a time, a measure, a baseline, a target and an owner."""
    scenario = load(DEMO).scenario
    items = [a for r in scenario.rounds for d in r.decisions for o in d.options for a in o.actions]
    assert items
    for item in items:
        assert item.follow_up and item.baseline and item.target and item.follow_up_by, item.title
        assert item.start and item.end, item.title
        assert not any(word in item.follow_up.casefold() for word in ("index", "poäng")), item
