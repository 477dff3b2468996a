"""The bundled scenarios and role cards: valid, playable end to end, complete and consistent."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from varselspel.engine import (
    AddParticipant,
    AssignRole,
    ChooseOption,
    CloseRound,
    EndSession,
    Phase,
    ReleaseInject,
    Session,
    StartDebrief,
    StartRound,
    StartSession,
)
from varselspel.expr import parse_condition, parse_effect, walk
from varselspel.expr.ast import Call, String, Var
from varselspel.loader import ScenarioBundle, load_bundle, load_role_library
from varselspel.model import RoleCard, Round, Scenario, ScenarioKind
from varselspel.plan import build_group_plan
from varselspel.resources import bundled_roles_dir, bundled_scenarios_dir

SCENARIO_FILES = sorted(bundled_scenarios_dir().glob("*.yaml"))
SCENARIO_IDS = [path.stem for path in SCENARIO_FILES]

DEMO_STEM = "demo"
"""File name (without .yaml) of the short demo scenario the README's play command opens."""

# The role ids and mandate ids of the role contract (scenarios refer to these). The first sixteen
# are the actors issue 3 requires; school and housing serve the establishment scenario.
ROLE_MANDATES: dict[str, set[str]] = {
    "kso": {"kommunens-politiska-linje", "sammankalla-lokal-samverkan"},
    "kommundirektor": {"kommunens-tjansteorganisation"},
    "naringslivschef": {"lokalt-naringslivsarbete"},
    "arbetsmarknadschef": {"vuxenutbildningsplatser", "kommunala-arbetsmarknadsinsatser"},
    "kommunikationschef": {"kommunens-kommunikation"},
    "samhallsbyggnadschef": {"prioritera-planarbete", "bostadsforsorjning"},
    "regionutvecklingsdirektor": {"regionala-tillvaxtmedel", "regional-samordning"},
    "lansstyrelsen": {"statlig-samordning-lan"},
    "arbetsformedlingen": {"arbetsformedlingens-insatser", "egf-ansokan"},
    "omstallningsradgivare": {"omstallningsstod-individ"},
    "facket": {"facklig-forhandling"},
    "foretagets-hr": {
        "uppsagningar-och-turordning",
        "foretagets-omstallningsinsatser",
        "anlaggningens-framtid",
    },
    "tillvaxtverket": {"tillvaxtverkets-medel"},
    "almi": {"almi-finansiering"},
    "business-sweden": {"investerarkontakt"},
    "natagare": {"natanslutning"},
    "utbildningschef": {"skol-och-forskoleplatser"},
    "bostadsbolag": {"kommunalt-bostadsbyggande"},
}

MAX_EXTRA_RUNS = 40
"""Targeted runs allowed after the rotating ones before coverage is declared impossible."""


@cache
def bundle_of(stem: str) -> ScenarioBundle:
    """Load a bundled scenario once per test process."""
    result = load_bundle(bundled_scenarios_dir() / f"{stem}.yaml")
    assert result.bundle is not None, [d.format() for d in result.diagnostics]
    return result.bundle


def option_keys(scenario: Scenario) -> set[str]:
    """Return `ROUND.DECISION.OPTION` for every option of every decision."""
    return {
        f"{rnd.id}.{dec.id}.{opt.id}"
        for rnd in scenario.rounds
        for dec in rnd.decisions
        for opt in dec.options
    }


Picker = Callable[[str, list[str]], str]
"""Chooses one option id for a decision key among the available ones."""


@dataclass
class Run:
    """What one play-through chose and produced."""

    chosen: set[str] = field(default_factory=set)
    played_rounds: set[str] = field(default_factory=set)
    plan_actions: int = 0
    idle: set[str] = field(default_factory=set)
    """`ROUND:ROLE` for roles that received no inject and owned no decision in a played round."""
    session: Session | None = None
    """The session at the end of the run, for checks of the end state."""


def play(bundle: ScenarioBundle, pick: Picker) -> Run:
    """Play a scenario through the engine from setup to the end, one group holding every role."""
    scenario = bundle.scenario
    session = Session.create(bundle, ["Grupp 1"], seed=11)
    group = next(iter(session.state.groups))
    assert session.execute(AddParticipant(group=group, name="Alla roller"), actor=group)
    person = next(iter(session.state.groups[group].participants))
    for entry in scenario.roles:
        result = session.execute(
            AssignRole(group=group, role=entry.role, participant=person), actor=group
        )
        assert result.ok, result.reason
    assert session.missing_roles(group) == []
    assert session.execute(StartSession()).ok
    run = Run()
    for _ in scenario.rounds:
        result = session.execute(StartRound())
        if not result.ok:
            break  # the remaining rounds were skipped by their conditions
        round_id = session.state.round_id
        assert round_id is not None
        for inject in session.pending_injects(group):
            result = session.execute(ReleaseInject(inject=inject.id, group=group))
            assert result.ok, (inject.id, result.reason)
        assert session.pending_injects(group) == []
        if session.state.groups[group].rounds[round_id].played:
            run.played_rounds.add(round_id)
            run.idle |= {f"{round_id}:{role}" for role in idle_roles(session, group, round_id)}
        for view in session.decisions_for(group):
            available = [opt.id for opt in view.available]
            assert available, f"{view.key}: put to the group but no option is available"
            option = pick(view.key, available)
            result = session.execute(
                ChooseOption(group=group, decision=view.key, option=option, rationale="Test"),
                actor=group,
            )
            assert result.ok, (view.key, option, result.reason)
            run.chosen.add(f"{view.key}.{option}")
        assert session.execute(CloseRound()).ok
    assert session.execute(StartDebrief()).ok
    assert session.execute(EndSession()).ok
    assert session.state.phase is Phase.ENDED
    plan = build_group_plan(session, group)
    run.plan_actions = len(plan.actions)
    run.session = session
    return run


def idle_roles(session: Session, group: str, round_id: str) -> set[str]:
    """Return the roles that, on this path, got no delivered inject and own no decision put."""
    scenario = session.scenario
    everyone = {entry.role for entry in scenario.roles}
    by_id = {inject.id: inject for rnd in scenario.rounds for inject in rnd.injects}
    reached: set[str] = set()
    for delivery in session.state.groups[group].injects:
        if delivery.round == round_id and delivery.delivered and not delivery.backup:
            reached |= set(by_id[delivery.inject].to) or everyone
    for view in session.decisions_for(group):
        reached |= set(view.owners) or everyone
    return everyone - reached


def rotating(k: int) -> Picker:
    """Pick, for each decision, the k-th available option (modulo their count)."""
    return lambda _key, available: available[k % len(available)]


def preferring(missing: set[str], k: int) -> Picker:
    """Pick an option not chosen yet when one is available, else the k-th available option."""

    def pick(key: str, available: list[str]) -> str:
        fresh = [opt for opt in available if f"{key}.{opt}" in missing]
        return fresh[0] if fresh else available[k % len(available)]

    return pick


def cover_all_options(bundle: ScenarioBundle) -> tuple[set[str], list[Run]]:
    """Play deterministic runs until every option was chosen once (or the budget is spent)."""
    scenario = bundle.scenario
    wanted = option_keys(scenario)
    widest = max((len(d.options) for r in scenario.rounds for d in r.decisions), default=1)
    runs = [play(bundle, rotating(k)) for k in range(widest)]
    covered = set().union(*(run.chosen for run in runs))
    # Options gated by earlier choices need the right path: prefer the unchosen ones and vary
    # the fallback so that each earlier decision is tried with every position.
    for extra in range(MAX_EXTRA_RUNS):
        missing = wanted - covered
        if not missing:
            break
        run = play(bundle, preferring(missing, extra))
        runs.append(run)
        covered |= run.chosen
    return covered, runs


@pytest.fixture(scope="module")
def role_library() -> dict[str, RoleCard]:
    """The bundled role library."""
    result = load_role_library([bundled_roles_dir()])
    assert not result.diagnostics, [d.format() for d in result.diagnostics]
    return result.roles


def test_bundled_scenarios_exist() -> None:
    assert bundled_scenarios_dir().is_dir()
    assert DEMO_STEM in SCENARIO_IDS
    kinds = {bundle_of(stem).scenario.kind for stem in SCENARIO_IDS}
    assert kinds == {ScenarioKind.VARSEL, ScenarioKind.ETABLERING}


def test_validate_reports_no_errors_and_no_warnings(tmp_path: Path) -> None:
    # Lay the bundled folders out like a checkout and run the command exactly as documented.
    shutil.copytree(bundled_scenarios_dir(), tmp_path / "scenarios")
    shutil.copytree(bundled_roles_dir(), tmp_path / "roles")
    proc = subprocess.run(
        [sys.executable, "-m", "varselspel", "--lang", "en", "validate", "scenarios", "roles"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert re.search(r"\b0 errors?\b", output), output
    assert re.search(r"\b0 warnings?\b", output), output
    checked = len(SCENARIO_FILES) + len(list(bundled_roles_dir().glob("*.yaml")))
    assert re.search(rf"\b{checked} files?\b", output), output


@pytest.mark.parametrize("stem", SCENARIO_IDS)
def test_play_every_option_to_a_plan(stem: str) -> None:
    bundle = bundle_of(stem)
    covered, runs = cover_all_options(bundle)
    never = sorted(option_keys(bundle.scenario) - covered)
    assert never == [], f"{stem}: options never chosen in {len(runs)} runs: {never}"
    played = set().union(*(run.played_rounds for run in runs))
    assert played == {rnd.id for rnd in bundle.scenario.rounds}
    for index, run in enumerate(runs):
        assert run.plan_actions > 0, f"{stem}: run {index} ended with an empty action plan"
        # Issue 3: every role has something to receive or decide in every round, on every path.
        assert sorted(run.idle) == [], f"{stem}: run {index} left roles idle"


def _roles_busy(session: Session, scenario: Scenario, rnd: Round) -> set[str]:
    """Return the scenario roles that receive a scheduled inject or own a decision in `rnd`."""
    everyone = {entry.role for entry in scenario.roles}
    busy: set[str] = set()
    for inject in rnd.injects:
        # Backup injects are only for a stalled group, so they do not keep a role busy.
        if not inject.backup:
            busy |= set(inject.to) if inject.to else everyone
    for decision in rnd.decisions:
        busy |= set(session.decision_owners(f"{rnd.id}.{decision.id}"))
    return busy


@pytest.mark.parametrize("stem", SCENARIO_IDS)
def test_no_round_leaves_a_role_idle(stem: str) -> None:
    bundle = bundle_of(stem)
    scenario = bundle.scenario
    session = Session.create(bundle, ["Grupp 1"], seed=1)
    idle = {
        rnd.id: sorted({e.role for e in scenario.roles} - _roles_busy(session, scenario, rnd))
        for rnd in scenario.rounds
    }
    assert {k: v for k, v in idle.items() if v} == {}


def _referenced_cards(scenario: Scenario) -> set[str]:
    """Return the card ids that injects, decisions and option actions refer to."""
    network = {card.id for card in scenario.cards.network}
    refs: set[str] = set()
    for rnd in scenario.rounds:
        for inject in rnd.injects:
            refs |= set(inject.cards)
        for decision in rnd.decisions:
            refs |= set(decision.cards)
            for option in decision.options:
                for action in option.actions:
                    if action.financing:
                        refs.add(action.financing)
                    refs |= {p for p in action.partners if p in network}
    return refs


@pytest.mark.parametrize("stem", SCENARIO_IDS)
def test_every_card_is_defined_and_referenced(stem: str) -> None:
    scenario = bundle_of(stem).scenario
    cards = scenario.cards
    defined = [c.id for c in (*cards.knowledge, *cards.network, *cards.financing)]
    assert len(defined) == len(set(defined)), "a card id is defined twice"
    refs = _referenced_cards(scenario)
    assert sorted(refs - set(defined)) == [], "referenced but not defined"
    assert sorted(set(defined) - refs) == [], "defined but never referenced"


@pytest.mark.parametrize("stem", SCENARIO_IDS)
def test_every_scenario_is_complete(stem: str) -> None:
    scenario = bundle_of(stem).scenario
    assert scenario.sources, "no sources"
    assert all(src.title.strip() for src in scenario.sources)
    for rnd in scenario.rounds:
        # The facilitator's backup list comes from the open round, so every round needs one.
        assert any(i.backup for i in rnd.injects), f"{rnd.id}: no backup inject"
        assert rnd.facilitator.notes.strip(), f"{rnd.id}: no facilitator notes"
        assert [e for e in rnd.facilitator.expected if e.strip()], f"{rnd.id}: no expected"
    assert scenario.debrief.objectives, "no debrief objectives"
    assert [q for q in scenario.debrief.questions if q.strip()], "no debrief questions"
    assert scenario.cards.knowledge, "no knowledge cards"
    assert scenario.cards.network, "no network cards"
    assert scenario.cards.financing, "no financing cards"
    # The multiplier must be written in the scenario, not left to the model's default.
    assumptions = scenario.setting.assumptions
    assert "local_multiplier" in assumptions.model_fields_set, "local multiplier not named"
    assert assumptions.local_multiplier > 0


def test_demo_is_short() -> None:
    scenario = bundle_of(DEMO_STEM).scenario
    assert len(scenario.rounds) == 3
    assert 4 <= len(scenario.roles) <= 6
    assert scenario.duration_minutes <= 35
    assert sum(rnd.minutes for rnd in scenario.rounds) <= 35


def _full(kind: ScenarioKind) -> list[Scenario]:
    """Return the bundled scenarios of a kind other than the demo."""
    found = [
        bundle_of(stem).scenario
        for stem in SCENARIO_IDS
        if stem != DEMO_STEM and bundle_of(stem).scenario.kind is kind
    ]
    assert found, f"no full {kind} scenario"
    return found


def _conditions(rnd: Round) -> Iterator[tuple[str, str]]:
    """Yield (kind, text) for the non-empty conditions of a round."""
    if rnd.condition:
        yield "round", rnd.condition
    for inject in rnd.injects:
        if inject.condition:
            yield "inject", inject.condition
    for decision in rnd.decisions:
        if decision.condition:
            yield "decision", decision.condition
        for option in decision.options:
            if option.condition:
                yield "option", option.condition


def _reads(text: str) -> tuple[set[str], set[str]]:
    """Return the decision keys (valt/beslutat) and the bare names a condition reads."""
    node = parse_condition(text).node
    keys: set[str] = set()
    names: set[str] = set()
    if node is None:
        return keys, names
    for item in walk(node):
        if isinstance(item, Call) and item.func in {"valt", "beslutat"}:
            first = item.args[0] if item.args else None
            if isinstance(first, String):
                keys.add(first.value)
        elif isinstance(item, Var):
            names.add(item.name)
    return keys, names


def branching_decisions(scenario: Scenario) -> list[str]:
    """Return decisions whose choice a later round's inject condition reads."""
    flag_ids = {flag.id for flag in scenario.flags}
    found: list[str] = []
    for index, rnd in enumerate(scenario.rounds):
        later = [
            _reads(text)
            for after in scenario.rounds[index + 1 :]
            for kind, text in _conditions(after)
            if kind == "inject"
        ]
        for decision in rnd.decisions:
            key = f"{rnd.id}.{decision.id}"
            flags = {
                effect.target.name
                for option in decision.options
                for effect in map(parse_effect, option.effects)
                if effect.target.name in flag_ids
            }
            if any(key in keys or flags & names for keys, names in later):
                found.append(key)
    return found


def test_varsel_scenario_branches() -> None:
    for scenario in _full(ScenarioKind.VARSEL):
        assert 6 <= len(scenario.rounds) <= 8, scenario.id
        branching = branching_decisions(scenario)
        assert len(branching) >= 4, (scenario.id, branching)


def test_etablering_scenario_scale() -> None:
    for scenario in _full(ScenarioKind.ETABLERING):
        company = scenario.setting.company
        assert company.affected >= 1000, scenario.id
        assert company.construction_peak > 0, scenario.id
        assert len(branching_decisions(scenario)) >= 4, scenario.id


def test_branching_detects_reads() -> None:
    # The helper must see both a valt() reference and a flag set by an option.
    scenario = bundle_of(DEMO_STEM).scenario
    assert branching_decisions(scenario), "the demo reads none of its choices later"
    last = scenario.rounds[-1]
    assert all(not key.startswith(f"{last.id}.") for key in branching_decisions(scenario))


def test_role_library(role_library: dict[str, RoleCard]) -> None:
    assert len(role_library) >= 14
    assert sorted(set(ROLE_MANDATES) - set(role_library)) == []
    for role_id, mandates in ROLE_MANDATES.items():
        held = {item.id for item in role_library[role_id].mandate}
        assert mandates <= held, (role_id, sorted(mandates - held))
    for card in role_library.values():
        assert card.mandate, f"{card.id}: no mandate"
        assert card.limits, f"{card.id}: no limits"
        assert card.resources and card.interests and card.contacts, card.id


def test_no_two_roles_share_an_exclusive_mandate(role_library: dict[str, RoleCard]) -> None:
    holders: dict[str, list[str]] = {}
    exclusive: set[str] = set()
    for card in role_library.values():
        for item in card.mandate:
            holders.setdefault(item.id, []).append(card.id)
            if item.exclusive:
                exclusive.add(item.id)
    shared = {m: sorted(r) for m, r in holders.items() if m in exclusive and len(r) > 1}
    assert shared == {}


def test_scenario_roles_exist_in_library(role_library: dict[str, RoleCard]) -> None:
    for stem in SCENARIO_IDS:
        scenario = bundle_of(stem).scenario
        missing = [e.role for e in scenario.roles if e.role not in role_library]
        assert missing == [], stem


def test_content_checks_can_fail() -> None:
    # Guard against checks that pass vacuously: break a copy of the demo and expect findings.
    bundle = bundle_of(DEMO_STEM)
    scenario = bundle.scenario
    session = Session.create(bundle, ["Grupp 1"], seed=1)
    first = scenario.rounds[0]
    lonely = first.model_copy(
        update={
            "decisions": [],
            "injects": [
                i.model_copy(update={"to": [scenario.roles[0].role]}) for i in first.injects
            ],
        }
    )
    busy = _roles_busy(session, scenario, lonely)
    assert busy == {scenario.roles[0].role}
    # Before any inject is released, the roles that own no decision are idle.
    assert session.execute(StartSession()).ok and session.execute(StartRound()).ok
    owners = {r for view in session.decisions_for("g1") for r in view.owners}
    assert idle_roles(session, "g1", first.id) == {e.role for e in scenario.roles} - owners != set()
    spare = scenario.cards.knowledge[0].model_copy(update={"id": "k-aldrig-anvand"})
    cards = scenario.cards.model_copy(update={"knowledge": [*scenario.cards.knowledge, spare]})
    assert "k-aldrig-anvand" not in _referenced_cards(scenario.model_copy(update={"cards": cards}))


@pytest.mark.parametrize("stem", SCENARIO_IDS)
def test_option_actions_are_concrete(stem: str) -> None:
    # An exported plan must say who does what, with whom, by when and paid by what.
    scenario = bundle_of(stem).scenario
    roles = {entry.role for entry in scenario.roles}
    network = {card.id for card in scenario.cards.network}
    vague: list[str] = []
    for rnd in scenario.rounds:
        for decision in rnd.decisions:
            for option in decision.options:
                for index, action in enumerate(option.actions):
                    place = f"{rnd.id}.{decision.id}.{option.id}#{index + 1}"
                    if not (action.title.strip() and action.result.strip()):
                        vague.append(f"{place}: what")
                    if not action.timeframe.strip():
                        vague.append(f"{place}: by when")
                    if action.financing is None:
                        vague.append(f"{place}: paid by what")
                    if action.responsible not in roles:
                        vague.append(f"{place}: responsible {action.responsible}")
                    vague += [
                        f"{place}: partner {p}" for p in action.partners if p not in roles | network
                    ]
    assert vague == []
    assert any(
        option.actions for rnd in scenario.rounds for d in rnd.decisions for option in d.options
    )


# Facts from /work/shared/DOMAIN.md that the bundled texts state in several places. Each rule
# finds a claim with a pattern and says which captured values agree with DOMAIN.md.
NOTICE_MONTHS = {"högst 25": {"2", "två"}, "26–100": {"4", "fyra"}, "fler än 100": {"6", "sex"}}
FACT_RULES: list[tuple[str, str, Callable[[tuple[str, ...]], bool]]] = [
    (
        # Regulation (EU) 2021/691 art. 4(2): at least 200 dismissed within four months.
        "EGF needs at least 200 dismissed",
        r"\b(minst|fler än|över|mer än|från) 200 (?:uppsagda|sägs upp)",
        lambda g: g[0] == "minst",
    ),
    ("EGF pays 60 %", r"EU betalar (\d+) ?%", lambda g: g[0] == "60"),
    ("FRO pays at most 50 %", r"FRO betalar högst (\d+) ?%", lambda g: g[0] == "50"),
    ("de minimis is 300 000 EUR", r"(\d{3} \d{3}) euro per företag", lambda g: g[0] == "300 000"),
    (
        "omställningsstudiestöd: 80 % of income",
        r"(\d+) ?% av inkomsten",
        lambda g: g[0] == "80",
    ),
    ("omställningsstudiestöd: 44 weeks", r"(\d+) veckor (?:på )?heltid", lambda g: g[0] == "44"),
    (
        "varsel notice by size (lag 1974:13)",
        r"(\w+) månader\S* (?:\(|vid )(högst 25|26–100|fler än 100)",
        lambda g: g[0] in NOTICE_MONTHS[g[1]],
    ),
    (
        "six months' notice above 100",
        r"fler än 100 berörda (?:ger|gäller) minst (\w+) månaders",
        lambda g: g[0] in {"6", "sex"},
    ),
]


def fact_findings(text: str) -> tuple[list[str], set[str]]:
    """Return (claims that disagree with DOMAIN.md, rules that found a claim) in a text."""
    flat = " ".join(text.split())
    wrong: list[str] = []
    seen: set[str] = set()
    for name, pattern, agrees in FACT_RULES:
        for match in re.finditer(pattern, flat):
            seen.add(name)
            if not agrees(match.groups()):
                wrong.append(f"{name}: {match.group(0)!r}")
    return wrong, seen


def test_facts_agree_with_domain() -> None:
    files = [*SCENARIO_FILES, *sorted(bundled_roles_dir().glob("*.yaml"))]
    wrong: list[str] = []
    seen: set[str] = set()
    for path in files:
        found, rules = fact_findings(path.read_text(encoding="utf-8"))
        wrong += [f"{path.name}: {item}" for item in found]
        seen |= rules
    assert wrong == []
    # Every rule must have found a claim, or it checks nothing.
    assert seen == {name for name, _, _ in FACT_RULES}


def test_fact_rules_catch_wrong_claims() -> None:
    wrong, _ = fact_findings(
        "EGF kräver fler än 200\n uppsagda. EU betalar 65 %. Högst 200 000 euro per företag. "
        "Minst tre månader vid 26–100 berörda. 50 % av inkomsten i 40 veckor heltid."
    )
    assert len(wrong) == 6, wrong


@pytest.mark.parametrize("stem", SCENARIO_IDS)
def test_every_role_has_a_network_card(stem: str) -> None:
    # Issue 3: network cards for every actor, so each role is reachable through the cards.
    scenario = bundle_of(stem).scenario
    carded = {card.role for card in scenario.cards.network if card.role}
    assert sorted({entry.role for entry in scenario.roles} - carded) == []
