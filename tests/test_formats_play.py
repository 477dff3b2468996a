"""The format features of issue 14 played through the engine: revealed cards and figures,
delayed effects, multi-select and number decisions, har_roll, an inline role card, and
indicators that follow the consequence model (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from varselspel.engine import (
    FACILITATOR,
    AssignRole,
    ChooseNumber,
    ChooseOption,
    ChooseOptions,
    ClearChoice,
    CloseRound,
    Command,
    ReleaseInject,
    Session,
    StartRound,
    StartSession,
)
from varselspel.engine.facts import RoundClosed, RoundStarted
from varselspel.engine.impact import figure_at
from varselspel.loader import ScenarioBundle, load_bundle
from varselspel.messages import describe

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "scenario.yaml"
ROLES = ("kso", "arbetsformedlingen", "naringslivschef", "miljoinspektor")


@pytest.fixture(scope="module")
def bundle() -> ScenarioBundle:
    result = load_bundle(FIXTURE)
    assert [d.format() for d in result.diagnostics] == []
    assert result.bundle is not None
    return result.bundle


def ok(session: Session, command: Command) -> None:
    result = session.execute(command, FACILITATOR)
    assert result.ok, result.reason


def refused(session: Session, command: Command, code: str) -> str:
    before, seq = session.state, session.seq
    result = session.execute(command, FACILITATOR)
    assert (result.ok, result.code) == (False, code)
    assert (session.state, session.seq) == (before, seq)
    assert result.message is not None
    return describe(result.message, "sv", session.bundle)


@pytest.fixture
def session(bundle: ScenarioBundle) -> Session:
    """Two groups; only g1 holds the optional union role."""
    s = Session.create(bundle, ["Norr", "Syd"], seed=3)
    for gid in ("g1", "g2"):
        for role in ROLES:
            ok(s, AssignRole(group=gid, role=role))
    ok(s, AssignRole(group="g1", role="facket"))
    ok(s, StartSession())
    return s


def test_the_inline_role_card_is_a_role_that_owns_a_decision(bundle: ScenarioBundle) -> None:
    card = bundle.roles["miljoinspektor"]
    # The scenario's organisation replaces the card's own, as for a library role.
    assert card.organisation == "Provby miljöförvaltning"
    assert [m.id for m in card.mandate] == ["miljotillsyn"]
    assert "miljoinspektor" not in bundle.role_texts  # it travels inside the scenario text


def test_round_one_har_roll_min_max_round_and_a_delayed_effect(session: Session) -> None:
    g1 = session.state.groups["g1"]
    assert (g1.revealed_cards, g1.revealed_figures) == ([], [])
    ok(session, StartRound())
    ok(session, ReleaseInject())  # rykte: fortroende -= max(2, round(50 * 0.1)) = 5
    ok(session, ReleaseInject())  # facket-ringer: only where the union role is held
    g1, g2 = session.state.groups["g1"], session.state.groups["g2"]
    assert g1.indicators["fortroende"] == g2.indicators["fortroende"] == 45
    assert [(d.inject, d.delivered) for d in g2.injects] == [
        ("rykte", True),
        ("facket-ringer", False),
    ]
    assert [(p.source, p.due, p.round) for p in g1.pending] == [("facket-ringer@0", "r2", "r1")]
    assert g2.pending == []
    ok(session, ChooseOption(group="g1", decision="r1.ledning", option="kommunen"))
    ok(session, ChooseOption(group="g2", decision="r1.ledning", option="vanta"))
    ok(session, CloseRound())
    assert session.state.groups["g1"].indicators["fortroende"] == 55
    assert session.state.groups["g2"].indicators["fortroende"] == 40  # -= abs(-5)
    ok(session, StartRound())
    event = session.events[-1]
    started = event.facts[-1]
    assert isinstance(started, RoundStarted)
    assert started.delayed == {"g1": ["facket-ringer@0"]}
    g1 = session.state.groups["g1"]
    assert g1.indicators["fortroende"] == 59
    assert g1.pending == []
    # From r2 the varsel's figures and the r2 cards show, to both groups.
    for gid in ("g1", "g2"):
        group = session.state.groups[gid]
        assert group.revealed_cards == ["egf-fakta", "egf"]
        assert group.revealed_figures == [
            "direct_jobs",
            "total_jobs",
            "dismissed_residents",
            "unemployed_0",
            "unemployed_6",
            "unemployed_12",
        ]
    assert session.rebuild() == session.state


def _to_round_two(session: Session) -> None:
    ok(session, StartRound())
    ok(session, CloseRound())
    ok(session, StartRound())


def test_a_multi_select_decision(session: Session) -> None:
    _to_round_two(session)
    words = refused(
        session,
        ChooseOptions(group="g1", decision="r2.insatser", options=["egf", "matchning", "fack"]),
        "too_many_options",
    )
    assert words == "I beslutet 'Vilka insatser startar ni?' får gruppen välja högst 2 alternativ."
    # har_roll("facket") is false in g2, so its option is closed there.
    refused(
        session,
        ChooseOptions(group="g2", decision="r2.insatser", options=["fack"]),
        "option_unavailable",
    )
    refused(
        session,
        ChooseOptions(group="g1", decision="r2.insatser", options=["egf", "nej"]),
        "unknown_option",
    )
    ok(session, ChooseOptions(group="g1", decision="r2.insatser", options=["matchning", "egf"]))
    choice = session.state.groups["g1"].choices["r2.insatser"]
    # Kept in the scenario's order, whatever the order sent.
    assert (choice.option, choice.options, choice.value) == ("egf", ["egf", "matchning"], None)
    assert choice.answer == ("egf", "matchning")
    # A single ChooseOption on a multi-select chooses that option alone.
    ok(session, ChooseOption(group="g2", decision="r2.insatser", option="matchning"))
    assert session.state.groups["g2"].choices["r2.insatser"].options == ["matchning"]
    ok(session, CloseRound())
    closed = session.events[-1].facts[-1]
    assert isinstance(closed, RoundClosed)
    assert [(s.source, s.due) for s in closed.scheduled["g1"]] == [("r2.insatser/egf@0", "r4")]
    g1, g2 = session.state.groups["g1"], session.state.groups["g2"]
    # Both options' effects applied: egf_sokt, new_jobs += 20, fortroende += 3.
    assert g1.flags["egf_sokt"] is True
    assert g1.model["new_jobs"] == g2.model["new_jobs"] == 20
    assert g1.indicators["fortroende"] == 50 + 3  # no inject was released in r1
    # Once egf_sokt holds, the follow-up card and the registration figure are revealed.
    assert g1.revealed_cards == ["egf-fakta", "egf", "uppfoljningsstod"]
    assert g1.revealed_figures[-1] == "registered_unemployed"
    assert "uppfoljningsstod" not in g2.revealed_cards
    assert closed.changes["g1"].revealed_cards == ["uppfoljningsstod"]
    assert session.rebuild() == session.state


def test_a_number_decision(session: Session) -> None:
    _to_round_two(session)
    ok(session, ChooseOptions(group="g1", decision="r2.insatser", options=["egf"]))
    ok(session, CloseRound())
    ok(session, StartRound())
    komvux = "r3.komvux"
    words = refused(session, ChooseNumber(group="g1", decision=komvux, value=35), "number_off_step")
    assert words == (
        "Talet i beslutet 'Hur många Komvux-platser öppnar ni?' ska vara 0 plus ett helt antal"
        " steg om 10."
    )
    words = refused(
        session, ChooseNumber(group="g1", decision=komvux, value=110), "number_out_of_range"
    )
    assert words == (
        "Talet 110 ligger utanför 0–100 för beslutet 'Hur många Komvux-platser öppnar ni?'."
    )
    refused(session, ChooseOption(group="g1", decision=komvux, option="x"), "number_decision")
    refused(
        session, ChooseNumber(group="g1", decision="r3.sanering", value=1), "not_number_decision"
    )
    ok(session, ChooseNumber(group="g1", decision=komvux, value=60))
    ok(session, ChooseNumber(group="g1", decision=komvux, value=40))  # revised
    ok(session, ChooseNumber(group="g2", decision=komvux, value=0))
    ok(session, ClearChoice(group="g2", decision=komvux))
    assert komvux not in session.state.groups["g2"].choices
    choice = session.state.groups["g1"].choices[komvux]
    assert (choice.option, choice.options, choice.value, choice.answer) == ("", [], 40, 40)
    # kso owns the number; the inline role miljoinspektor owns r3.sanering.
    assert choice.owners == ["kso"]
    ok(session, ChooseOption(group="g1", decision="r3.sanering", option="forelagg"))
    assert session.state.groups["g1"].choices["r3.sanering"].owners == ["miljoinspektor"]
    before = session.state.groups["g1"]
    ok(session, CloseRound())
    g1 = session.state.groups["g1"]
    # min(0.05, 40 × 0.0005) = 0.02 and round(40 / 20) = 2.
    assert g1.model["reemployed_12m"] == pytest.approx(before.model["reemployed_12m"] + 0.02)
    assert g1.indicators["fortroende"] == before.indicators["fortroende"] + 2
    assert [p.source for p in g1.pending] == ["r2.insatser/egf@0", "r3.komvux@0"]
    ok(session, StartRound())
    g1 = session.state.groups["g1"]
    # Both delayed lists applied as r4 opened: +0.05 and new_jobs += 40 × 0.1.
    assert g1.model["reemployed_12m"] == pytest.approx(before.model["reemployed_12m"] + 0.07)
    assert g1.model["new_jobs"] == before.model["new_jobs"] + 4
    assert g1.pending == []
    assert session.rebuild() == session.state


def test_indicators_follow_the_model_at_each_rounds_month(session: Session) -> None:
    """`arbetslosa` is start + unemployment_change at the round's model_month, after every
    close, and the derived values are recorded in RoundClosed (replay recomputes nothing)."""
    scenario = session.scenario
    months = {r.id: r.model_month for r in scenario.rounds}
    for _ in scenario.rounds:
        ok(session, StartRound())
        rid = session.state.round_id
        assert rid is not None
        if rid == "r2":
            ok(session, ChooseOptions(group="g1", decision="r2.insatser", options=["matchning"]))
        if rid == "r3":
            ok(session, ChooseNumber(group="g1", decision="r3.komvux", value=100))
        ok(session, CloseRound())
        closed = session.events[-1].facts[-1]
        assert isinstance(closed, RoundClosed)
        for gid, group in session.state.groups.items():
            model = group.model
            change = figure_at(scenario, model, "unemployment_change", months[rid])
            assert group.indicators["arbetslosa"] == 300 + change
            population = figure_at(scenario, model, "population_change", months[rid])
            assert group.indicators["befolkning"] == population
            revenue = figure_at(scenario, model, "revenue_change_per_year", months[rid])
            assert group.indicators["skatteintakt"] == pytest.approx(revenue * 1e-6)
            recorded = closed.changes.get(gid)
            if recorded is not None and "arbetslosa" in recorded.indicators:
                assert recorded.indicators["arbetslosa"] == group.indicators["arbetslosa"]
    g1, g2 = session.state.groups["g1"], session.state.groups["g2"]
    # Six months after the dismissals unemployment is above its start, and g1's 20 new jobs
    # and 100 Komvux places leave it lower than g2's.
    assert g2.indicators["arbetslosa"] > 300
    assert g1.indicators["arbetslosa"] < g2.indicators["arbetslosa"]
    assert g1.indicators["befolkning"] < 0
    assert session.rebuild() == session.state


def test_figure_at_phases_figures_in_and_keeps_construction_before_month_zero() -> None:
    from varselspel.engine.impact import figure_values, impact_for

    result = load_bundle(FIXTURE)
    assert result.bundle is not None
    scenario = result.bundle.scenario
    from varselspel.engine.index import model_defaults

    model = model_defaults(scenario)
    full = figure_values(impact_for(scenario, model))
    assert figure_at(scenario, model, "direct_jobs", -6) == full["direct_jobs"]
    assert figure_at(scenario, model, "population_change", -1) == 0
    assert figure_at(scenario, model, "population_change", 12) == full["population_change"]
    assert figure_at(scenario, model, "unemployed", 12) == full["unemployed_12"]
    assert figure_at(scenario, model, "unemployed", None) == full["unemployed_12"]
    assert figure_at(scenario, model, "unemployed", -3) == 0
    with pytest.raises(KeyError):
        figure_at(scenario, model, "construction_peak", 0)
