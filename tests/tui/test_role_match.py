"""Sharing out roles: organisations matched by whole words and aliases, loads even, sides apart."""

from __future__ import annotations

from collections import Counter
from functools import cache
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from varselspel.loader import ScenarioBundle, load_bundle
from varselspel.resources import bundled_scenarios_dir
from varselspel.tui.role_match import (
    ALIAS,
    KIND,
    ORGANISATION,
    Person,
    Why,
    assignment,
    fit,
    plan_roles,
    same_word,
    seats_to_fill,
    side,
)


@cache
def bundle(name: str) -> ScenarioBundle:
    """Return a bundled scenario with its role cards."""
    loaded = load_bundle(bundled_scenarios_dir() / f"{name}.yaml").bundle
    assert loaded is not None
    return loaded


def test_fit_knows_abbreviations_aliases_and_the_scenarios_organisations() -> None:
    roles = bundle("bruket-i-norrvik").roles
    assert fit("Af", roles["arbetsformedlingen"]) == ALIAS
    assert fit("AF Sundsvall", roles["arbetsformedlingen"]) == ALIAS
    assert fit("Pappersförbundet", roles["facket"]) == ALIAS
    assert fit("Pappers avd 14", roles["facket"]) == ALIAS
    assert fit("TSL", roles["omstallningsradgivare"]) == ALIAS
    assert fit("Norrviks kommun", roles["kso"]) == ORGANISATION
    assert fit("Regionen Västernorrland", roles["regionutvecklingsdirektor"]) == ALIAS
    assert fit("Norrvik Kartong", roles["foretagets-hr"], "", "Norrvik Kartong AB") == ORGANISATION
    grid = bundle("batterifabriken-i-storsund").roles["natagare"]
    assert fit("Energibolaget", grid) == 0
    assert fit("Storsund Energi", grid) == KIND
    assert fit("Nätbolaget", grid) == ALIAS


def test_fit_matches_whole_words_only() -> None:
    roles = bundle("bruket-i-norrvik").roles
    # The union Kommunal is not the municipality; a municipality is not the union Kommunal.
    assert fit("Kommunal", roles["kso"]) == 0
    assert fit("Norrviks kommun", roles["facket"]) == 0
    assert fit("Lagerbolaget Afrika", roles["arbetsformedlingen"]) == 0
    assert fit("", roles["kso"]) == 0
    assert fit("Kommunen", None) == 0
    assert same_word("regionen", "region") and same_word("norrviks", "norrvik")
    assert not same_word("kommunal", "kommun") and not same_word("pappersförbundet", "pappers")


def test_assignment_finds_the_cheapest_matching() -> None:
    assert assignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]) == [1, 0, 2]
    assert assignment([[7, 1, 9, 9]]) == [1]


def plan_for(name: str, orgs: list[str]) -> tuple[dict[str, str | None], dict[str, Why]]:
    """Plan every role of a bundled scenario for people from `orgs` (ids p0, p1, …)."""
    b = bundle(name)
    seats = seats_to_fill(
        [(r.role, r.required, r.organisation) for r in b.scenario.roles], {}, b.roles
    )
    people = [Person(f"p{i}", org) for i, org in enumerate(orgs)]
    plan = plan_roles(seats, people, dict(b.roles), b.scenario.setting.company.name)
    return {p.role: p.participant for p in plan}, {p.role: p.why for p in plan}


def test_a_plan_says_why_each_role_goes_where_it_goes() -> None:
    given_to, why = plan_for("demo", ["GS-facket", "Konsult", "Tallmora kommun"])
    assert given_to["facket"] == "p0" and why["facket"] is Why.ORGANISATION
    assert given_to["kso"] == "p2" and why["kso"] is Why.ORGANISATION
    assert why["arbetsformedlingen"] is Why.EVEN
    assert given_to["foretagets-hr"] != "p0"


def test_roles_already_held_count_and_keep_their_side() -> None:
    b = bundle("demo")
    held = {"kso": "p0", "naringslivschef": "p0", "foretagets-hr": "p1"}
    seats = seats_to_fill(
        [(r.role, r.required, r.organisation) for r in b.scenario.roles], held, b.roles
    )
    assert [s.role for s in seats] == ["facket", "arbetsformedlingen", "kommunikationschef"]
    people = [
        Person("p0", "Kommunen", ("kso", "naringslivschef")),
        Person("p1", "Konsult", ("foretagets-hr",)),
        Person("p2", "Konsult"),
    ]
    plan = {p.role: p.participant for p in plan_roles(seats, people, dict(b.roles))}
    assert plan["facket"] == "p2"
    assert Counter(plan.values()) == Counter({"p2": 2, "p1": 1})


ORGS = [
    "Af",
    "GS-facket",
    "Pappersförbundet",
    "TSL",
    "Tallmora kommun",
    "Norrviks kommun",
    "Regionen",
    "Länsstyrelsen",
    "Tallmora Såg",
    "Norrvik Kartong AB",
    "Konsult",
    "",
]


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(["demo", "bruket-i-norrvik", "batterifabriken-i-storsund"]),
    orgs=st.lists(st.sampled_from(ORGS), min_size=1, max_size=8),
)
def test_every_plan_is_even_and_keeps_the_sides_apart(name: str, orgs: list[str]) -> None:
    """Loads differ by at most one, nobody holds both sides, and only a side is ever left open."""
    b = bundle(name)
    given_to, why = plan_for(name, orgs)
    load = Counter(p for p in given_to.values() if p is not None)
    counts = [load.get(f"p{i}", 0) for i in range(len(orgs))]
    assert max(counts) - min(counts) <= 1
    for person in load:
        sides = {side(b.roles.get(r)) for r, p in given_to.items() if p == person} - {None}
        assert len(sides) <= 1
    left_open = [r for r, p in given_to.items() if p is None]
    assert all(why[r] is Why.OPPOSING and side(b.roles.get(r)) for r in left_open)
    sided = {"GS-facket", "Pappersförbundet", "Tallmora Såg", "Norrvik Kartong AB"}
    if len(orgs) > 1 and not sided & set(orgs):
        assert left_open == []
    if len(orgs) == 1:
        assert len(left_open) <= 1
    # Needed roles come first in the plan.
    required = {r.role: r.required for r in b.scenario.roles}
    assert all(required[a] >= required[b2] for a, b2 in pairwise(given_to))
