"""The bundled varsel scenario `bruket-i-norrvik` loads clean and plays through every option."""

from __future__ import annotations

from collections import Counter

import pytest

from varselspel.engine import (
    AssignRole,
    ChooseOption,
    CloseRound,
    ReleaseInject,
    Session,
    StartDebrief,
    StartRound,
    StartSession,
)
from varselspel.loader import load_bundle
from varselspel.plan import build_group_plan
from varselspel.resources import bundled_scenarios_dir

SCENARIO = bundled_scenarios_dir() / "bruket-i-norrvik.yaml"


@pytest.fixture(scope="module")
def bundle():  # type: ignore[no-untyped-def]
    """The scenario bundle with the bundled role library."""
    result = load_bundle(SCENARIO)
    assert result.bundle is not None, [str(d) for d in result.diagnostics]
    return result.bundle


def test_loads_without_errors_or_warnings(bundle) -> None:  # type: ignore[no-untyped-def]
    """The scenario and its roles give no diagnostics at all."""
    assert [str(d) for d in load_bundle(SCENARIO).diagnostics] == []


def test_every_card_is_referenced(bundle) -> None:  # type: ignore[no-untyped-def]
    """Each knowledge, network and financing card is pointed to by an inject, decision or action."""
    scenario = bundle.scenario
    cards = scenario.cards
    ids = {c.id for c in [*cards.knowledge, *cards.network, *cards.financing]}
    used: set[str] = set()
    for rnd in scenario.rounds:
        for inject in rnd.injects:
            used.update(inject.cards)
        for decision in rnd.decisions:
            used.update(decision.cards)
            for option in decision.options:
                for action in option.actions:
                    used.update(action.partners)
                    if action.financing:
                        used.add(action.financing)
    assert ids - used == set()


def test_option_actions_are_concrete(bundle) -> None:  # type: ignore[no-untyped-def]
    """Every action an option carries names who, what, when, money and a follow-up indicator."""
    for rnd in bundle.scenario.rounds:
        for decision in rnd.decisions:
            for option in decision.options:
                for action in option.actions:
                    where = f"{rnd.id}.{decision.id}.{option.id}"
                    assert action.result and action.timeframe, where
                    assert action.financing and action.indicator and action.theme, where


def _play(bundle, counts: Counter[tuple[str, str]], seed: int) -> Session:  # type: ignore[no-untyped-def]
    """Play one group through, each decision taking the least-chosen option available so far."""
    session = Session.create(bundle, ["Grupp"], seed=seed)
    group = next(iter(session.state.groups))
    for entry in bundle.scenario.roles:
        assert session.execute(AssignRole(group=group, role=entry.role)).ok
    assert session.execute(StartSession()).ok
    for _ in bundle.scenario.rounds:
        assert session.execute(StartRound()).ok
        while session.pending_injects(group):
            assert session.execute(ReleaseInject()).ok
        views = session.decisions_for(group)
        assert views, "every round puts at least one decision to the group"
        for view in views:
            assert view.available, f"dead end at {view.key}"
            option = min(view.available, key=lambda o: (counts[(view.key, o.id)], o.id))
            command = ChooseOption(
                group=group, decision=view.key, option=option.id, agreed_roles=list(view.owners)
            )
            result = session.execute(command, actor=group)
            assert result.ok, result.reason
            counts[(view.key, option.id)] += 1
        assert session.execute(CloseRound()).ok
    assert session.execute(StartDebrief()).ok
    return session


def test_every_option_is_chosen_across_runs_and_the_plan_is_not_empty(bundle) -> None:  # type: ignore[no-untyped-def]
    """Twelve play-throughs together choose every option of every decision at least once."""
    counts: Counter[tuple[str, str]] = Counter()
    everything = {
        (f"{rnd.id}.{decision.id}", option.id)
        for rnd in bundle.scenario.rounds
        for decision in rnd.decisions
        for option in decision.options
    }
    for seed in range(12):
        session = _play(bundle, counts, seed)
        group = next(iter(session.state.groups))
        plan = build_group_plan(session, group, lang="sv")
        assert plan.actions, f"empty action plan in run {seed}"
        if everything <= set(counts):
            break
    assert everything - set(counts) == set()
