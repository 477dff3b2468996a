"""View models of the format features: revealed cards, the cards an option rests on,
multi-select and number decisions, hidden lägesbild figures, delayed effects, followed
indicators."""

from __future__ import annotations

from pathlib import Path

import pytest

from varselspel.engine import (
    FACILITATOR,
    AssignRole,
    ChooseNumber,
    ChooseOptions,
    CloseRound,
    Command,
    Session,
    StartRound,
    StartSession,
)
from varselspel.loader import load_bundle
from varselspel.view.cards import CardKind, available_cards, card_ref, group_cards
from varselspel.view.decisions import Selection, group_decisions
from varselspel.view.delayed import DelayedOrigin, parse_source, pending_effects
from varselspel.view.indicators import indicator_rows
from varselspel.view.lagesbild import figure_shown, lagesbild_rows

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "scenario.yaml"


def ok(session: Session, command: Command) -> None:
    result = session.execute(command, FACILITATOR)
    assert result.ok, result.reason


@pytest.fixture
def session() -> Session:
    result = load_bundle(FIXTURE)
    assert result.bundle is not None
    s = Session.create(result.bundle, ["Norr", "Syd"], seed=3)
    for gid in ("g1", "g2"):
        for role in ("kso", "arbetsformedlingen", "naringslivschef", "miljoinspektor"):
            ok(s, AssignRole(group=gid, role=role))
    ok(s, AssignRole(group="g1", role="facket"))
    ok(s, StartSession())
    ok(s, StartRound())
    return s


def test_cards_are_available_only_once_revealed(session: Session) -> None:
    assert [c.id for c in available_cards(session, "g1")] == ["tidig-samverkan"]
    items = {item.ref.id: item for item in group_cards(session, "g1")}
    assert items["egf"].available_from == "r2" and not items["egf"].ref.available
    assert items["uppfoljningsstod"].conditional
    assert card_ref(session, "g1", "egf").kind is CardKind.FINANCING
    assert card_ref(session, "g1", "egf").title == "EGF"
    missing = card_ref(session, "g1", "saknas")
    assert (missing.kind, missing.available) == (None, False)
    # The option points to its card; the view says whether the group has it yet.
    ledning = next(d for d in group_decisions(session, "g1") if d.key == "r1.ledning")
    assert ledning.selection is Selection.ONE
    kommunen = ledning.options[0]
    assert [(c.id, c.available) for c in kommunen.cards] == [("tidig-samverkan", True)]
    ok(session, CloseRound())
    ok(session, StartRound())
    ids = [c.id for c in available_cards(session, "g1")]
    assert ids == ["tidig-samverkan", "egf-fakta", "egf"]


def test_multi_select_and_number_decisions(session: Session) -> None:
    ok(session, CloseRound())
    ok(session, StartRound())
    insatser = next(d for d in group_decisions(session, "g1") if d.key == "r2.insatser")
    assert (insatser.selection, insatser.max_choices, insatser.number) == (
        Selection.MANY,
        2,
        None,
    )
    egf = next(o for o in insatser.options if o.id == "egf")
    assert [(c.id, c.available) for c in egf.cards] == [("egf", True), ("egf-fakta", True)]
    # The union's option is open only where the role is held.
    assert [o.id for o in insatser.options] == ["egf", "matchning", "fack"]
    other = next(d for d in group_decisions(session, "g2") if d.key == "r2.insatser")
    assert [o.id for o in other.options] == ["egf", "matchning"]
    ok(session, ChooseOptions(group="g1", decision="r2.insatser", options=["matchning", "egf"]))
    insatser = next(d for d in group_decisions(session, "g1") if d.key == "r2.insatser")
    assert [o.id for o in insatser.options if o.chosen] == ["egf", "matchning"]
    assert insatser.choice is not None
    assert insatser.choice.labels == ("Sök EGF", "Matchningsträffar")
    ok(session, CloseRound())
    ok(session, StartRound())
    komvux = next(d for d in group_decisions(session, "g1") if d.key == "r3.komvux")
    assert komvux.selection is Selection.NUMBER and komvux.options == ()
    spec = komvux.number
    assert spec is not None
    assert (spec.label, spec.min, spec.max, spec.step, spec.unit) == (
        "Komvux-platser",
        0,
        100,
        10,
        "platser",
    )
    assert spec.values() == tuple(float(n) for n in range(0, 101, 10))
    assert spec.allows(40) and not spec.allows(45) and not spec.allows(110)
    ok(session, ChooseNumber(group="g1", decision="r3.komvux", value=40))
    komvux = next(d for d in group_decisions(session, "g1") if d.key == "r3.komvux")
    assert komvux.choice is not None
    assert (komvux.choice.value, komvux.choice.unit, komvux.choice.options) == (40, "platser", ())
    # The delayed effects the group set off wait for r4, for the facilitator to see.
    ok(session, CloseRound())
    pending = pending_effects(session, "g1")
    assert [(p.origin, p.decision, p.option, p.set_in, p.due) for p in pending] == [
        (DelayedOrigin.OPTION, "r2.insatser", "egf", "r2", "r4"),
        (DelayedOrigin.NUMBER, "r3.komvux", None, "r3", "r4"),
    ]
    assert pending[1].effects == ('model.new_jobs += varde("r3.komvux") * 0.1',)


def test_parse_source() -> None:
    assert parse_source("rykte@0") == (DelayedOrigin.INJECT, "rykte", None, 0)
    assert parse_source("r2.insatser/egf@1") == (DelayedOrigin.OPTION, "r2.insatser", "egf", 1)
    assert parse_source("r3.komvux@0") == (DelayedOrigin.NUMBER, "r3.komvux", None, 0)


def test_figures_hidden_until_revealed(session: Session) -> None:
    assert not figure_shown(session, "g1", "direct_jobs")
    assert figure_shown(session, "g1", "unemployment_change")  # no reveal names it
    codes = [row.code for row in lagesbild_rows(session)]
    assert "direct_jobs" not in codes and "unemployment_change" in codes
    partial = {row.code: row for row in lagesbild_rows(session, partial=True)}
    assert [ref.id for ref in partial["direct_jobs"].hidden] == ["g1", "g2"]
    assert partial["direct_jobs"].values == ()
    ok(session, CloseRound())
    ok(session, StartRound())
    row = {r.code: r for r in lagesbild_rows(session)}["direct_jobs"]
    assert ([ref.id for ref, _ in row.values], row.hidden) == (["g1", "g2"], ())
    ok(session, ChooseOptions(group="g1", decision="r2.insatser", options=["egf"]))
    ok(session, CloseRound())
    # registered_unemployed is revealed to g1 (egf_sokt) and still hidden from g2.
    assert figure_shown(session, "g1", "registered_unemployed")
    assert not figure_shown(session, "g2", "registered_unemployed")


def test_indicator_rows_name_what_they_follow(session: Session) -> None:
    follows = {row.id: row.follows for row in indicator_rows(session)}
    assert follows == {
        "arbetslosa": "unemployment_change",
        "befolkning": "population_change",
        "skatteintakt": "revenue_change_per_year",
        "fortroende": None,
    }
