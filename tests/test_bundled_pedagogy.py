"""The bundled scenarios teach what the workshop concept asks for: phases, roles, real options."""

from __future__ import annotations

from functools import cache

import pytest

from varselspel.engine import Session
from varselspel.loader import ScenarioBundle, load_bundle
from varselspel.model import (
    ETABLERING_STEPS,
    OMSTALLNING_PHASES,
    ActionItem,
    Decision,
    Phase,
    Round,
    Scenario,
    ScenarioKind,
)
from varselspel.resources import bundled_scenarios_dir

STEMS = [path.stem for path in sorted(bundled_scenarios_dir().glob("*.yaml"))]


@cache
def bundle(stem: str) -> ScenarioBundle:
    """A bundled scenario with its roles."""
    result = load_bundle(bundled_scenarios_dir() / f"{stem}.yaml")
    assert result.bundle is not None, [d.format() for d in result.diagnostics]
    return result.bundle


def scenario(stem: str) -> Scenario:
    """A bundled scenario."""
    return bundle(stem).scenario


def decisions(stem: str) -> list[tuple[Round, Decision]]:
    """Every decision of a scenario with its round."""
    return [(rnd, dec) for rnd in scenario(stem).rounds for dec in rnd.decisions]


def option_actions(dec: Decision) -> list[tuple[str, ActionItem]]:
    """Every action of a decision's options, with the option id."""
    return [(opt.id, action) for opt in dec.options for action in opt.actions]


def owners(stem: str) -> dict[str, set[str]]:
    """Decision key → the roles that own it."""
    session = Session.create(bundle(stem), ["Grupp"], seed=1)
    return {
        f"{rnd.id}.{dec.id}": set(session.decision_owners(f"{rnd.id}.{dec.id}"))
        for rnd, dec in decisions(stem)
    }


def _in_order(phases: list[Phase], guide: tuple[Phase, ...]) -> bool:
    """True when the phases all come from the guide and never go back."""
    places = [guide.index(p) for p in phases if p in guide]
    return len(places) == len(phases) and places == sorted(places)


@pytest.mark.parametrize("stem", STEMS)
def test_every_round_is_labelled_with_its_phase_in_order(stem: str) -> None:
    rounds = scenario(stem).rounds
    phases = [rnd.phase for rnd in rounds]
    assert None not in phases, [rnd.id for rnd in rounds if rnd.phase is None]
    labelled = [p for p in phases if p is not None]
    if scenario(stem).kind is ScenarioKind.VARSEL:
        assert labelled[0] is Phase.FORBERED
        assert _in_order(labelled, OMSTALLNING_PHASES), labelled
    else:
        # An etablering follows the establishment guide and may turn into a varsel once.
        steps = [p for p in labelled if p in ETABLERING_STEPS]
        after = labelled[len(steps) :]
        assert steps and labelled[: len(steps)] == steps, labelled
        assert _in_order(steps, ETABLERING_STEPS) and _in_order(after, OMSTALLNING_PHASES)


def test_norrvik_walks_through_all_five_phases() -> None:
    assert {rnd.phase for rnd in scenario("bruket-i-norrvik").rounds} == set(OMSTALLNING_PHASES)


@pytest.mark.parametrize("stem", STEMS)
def test_every_required_role_owns_a_decision(stem: str) -> None:
    owned = set().union(*owners(stem).values())
    required = {entry.role for entry in scenario(stem).roles if entry.required}
    assert sorted(required - owned) == []


def test_the_union_owns_a_decision_in_the_demo() -> None:
    assert [k for k, who in owners("demo").items() if "facket" in who] == ["r1.klubbens-linje"]


def test_the_region_owns_its_regional_tasks_in_norrvik() -> None:
    stem = "bruket-i-norrvik"
    regional = [k for k, who in owners(stem).items() if "regionutvecklingsdirektor" in who]
    assert {"r2.regionens-ansvar", "r4.rus-och-kompetens", "r6.kompetenslyft"} <= set(regional)
    by_key = {f"{rnd.id}.{dec.id}": dec for rnd, dec in decisions(stem)}
    titles = {
        action.title: action
        for key in regional
        for _, action in option_actions(by_key[key])
        if action.responsible == "regionutvecklingsdirektor"
    }
    raps = next(a for title, a in titles.items() if "RAPS" in title)
    assert "tillvaxtverket" in raps.partners
    assert any("samordningsgrupp" in t and "Hällsjö" in t for t in titles)
    assert any("Kompetensplattform" in t for t in titles)
    assert any("RUS" in t for t in titles)


@pytest.mark.parametrize("stem", ["demo", "bruket-i-norrvik"])
def test_the_uppstartsgrupp_becomes_a_styrgrupp_that_adopts_a_plan(stem: str) -> None:
    found = [
        (rnd, dec)
        for rnd, dec in decisions(stem)
        if "styrgrupp" in dec.question and "genomförandeplan" in dec.question
    ]
    assert len(found) == 1
    rnd, dec = found[0]
    assert rnd.phase is Phase.PLANERA
    assert owners(stem)[f"{rnd.id}.{dec.id}"] == {"kso"}
    adopting = [a for _, a in option_actions(dec) if "genomförandeplan" in a.title]
    assert adopting and all(a.responsible == "kso" for a in adopting)
    # The option without a plan is a real choice, and the next round answers it.
    assert any(not opt.actions for opt in dec.options)


@pytest.mark.parametrize("stem", ["bruket-i-norrvik", "batterifabriken-i-storsund"])
def test_the_yrkesvux_grant_for_closures_and_establishments_is_an_option(stem: str) -> None:
    cards = {card.id: card for card in scenario(stem).cards.financing}
    grant = [cid for cid, card in cards.items() if "2023:603" in card.source]
    assert len(grant) == 1
    financed = [
        (f"{rnd.id}.{dec.id}.{opt}", a)
        for rnd, dec in decisions(stem)
        for opt, a in option_actions(dec)
        if a.financing == grant[0]
    ]
    assert financed
    assert all(a.responsible == "arbetsmarknadschef" for _, a in financed)
    assert not cards[grant[0]].who_may_apply.startswith("Minst tre kommuner")


def test_storsund_asks_who_gets_the_jobs_with_the_models_in_mover_share() -> None:
    sc = scenario("batterifabriken-i-storsund")
    setting = sc.setting
    local_share = setting.company.resident_share - setting.assumptions.in_mover_share
    assert round(local_share * 100) == 5
    assert round(setting.company.affected * local_share) == 60
    unemployed = next(i for i in sc.indicators if i.id == "arbetslosa")
    assert unemployed.start == 1360
    rnd, dec = next(
        (r, d) for r, d in decisions("batterifabriken-i-storsund") if d.id == "lokala-jobb"
    )
    context = " ".join(dec.context.split())
    assert "5 %" in context and "cirka 60 av 1 200" in context and "1 360" in context
    assert owners("batterifabriken-i-storsund")[f"{rnd.id}.{dec.id}"] == {"kso"}
    target = next(o for o in dec.options if o.id == "lokal-rekrytering")
    assert any(e.startswith("model.in_mover_share -=") for e in target.effects)


def test_financing_cards_fit_their_actions() -> None:
    stem = "batterifabriken-i-storsund"
    every = [(opt, a) for _, dec in decisions(stem) for opt, a in option_actions(dec)]
    norrheden_plans = [a for _, a in every if "Detaljplan för Norrheden" in a.title]
    assert len(norrheden_plans) == 3
    assert {a.financing for a in norrheden_plans} == {"fc-planavtal"}
    roads = [a for _, a in every if "länsplan" in a.title]
    assert roads and {a.financing for a in roads} == {"fc-lansplan"}
    facilities = [a for _, a in every if a.financing == "fc-kollektivtrafik"]
    assert facilities and all(
        "hållplats" in a.title or "Pendlarparkering" in a.title for a in facilities
    )
    buses = [a for _, a in every if "busslinjer" in a.title]
    assert buses and {a.financing for a in buses} == {"fc-trafikforsorjning"}
    demo = [a for _, dec in decisions("demo") for _, a in option_actions(dec)]
    meeting = next(a for a in demo if a.title.startswith("Matchningsträff"))
    assert meeting.responsible == "arbetsformedlingen"
    assert meeting.financing == "f-arbetsformedlingens-anslag"


def test_the_site_for_one_krona_points_to_miljobalken_10_kap() -> None:
    sc = scenario("bruket-i-norrvik")
    inject = next(i for rnd in sc.rounds for i in rnd.injects if i.id == "r5-backup-en-krona")
    knowledge = {card.id: card for card in sc.cards.knowledge}
    cards = [knowledge[c] for c in inject.cards if c in knowledge]
    mb = [card for card in cards if "Miljöbalken" in card.source and "10 kap" in card.source]
    assert len(mb) == 1
    text = " ".join(mb[0].text.split())
    assert "verksamhetsutövaren" in text.casefold()
    assert "kände till eller borde ha upptäckt" in text
