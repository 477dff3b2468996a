"""The bundled preparedness scenario `beredskap-i-hedkoping`: no varsel until a rehearsal alarm.

It plays every option, keeps every role busy in every round, shows a lägesbild of zero until the
alarm sets a hypothetical varsel, rewards preparation in the alarm round and exports a
preparedness plan whose actions all have an owner, a timeline, financing and a follow-up measure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

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
from varselspel.engine.impact import listed_supplier_jobs, varsel_impact
from varselspel.export import render_plan
from varselspel.loader import ScenarioBundle, load_bundle
from varselspel.model import Phase
from varselspel.plan import build_group_plan
from varselspel.resources import bundled_scenarios_dir
from varselspel.view.lagesbild import lagesbild_rows

SCENARIO = bundled_scenarios_dir() / "beredskap-i-hedkoping.yaml"

# A group that prepares: a named uppstartsgrupp, delegation, a joint message, mapping and
# prepared support, and a plan that the kommunstyrelse adopts and follows up every year.
PREPARED = {
    "r1.uppstartsgrupp": "namngiven",
    "r1.signaler": "besok",
    "r1.dialog": "samma-morgon",
    "r2.beslutsvagar": "delegation",
    "r2.talesperson": "gemensam-plan",
    "r2.klubben": "lokalt-avtal",
    "r3.forsta-dygnet": "gruppen-moter",
    "r3.forsta-beskedet": "gemensamt",
    "r3.af-pa-plats": "gemensamt-kontor",
    "r4.kartlaggning": "besok-och-enkat",
    "r4.raps": "raps-region",
    "r4.kompetensunderlag": "validering",
    "r5.utbildningsberedskap": "ansokan-och-avtal",
    "r5.omstallningsstod": "rutin-med-parterna",
    "r5.egf-beredskap": "underlag",
    "r6.beredskapsplan": "anta-och-ova",
    "r6.regional-del": "rus-indikator",
    "r6.uppfoljning": "arlig-rapport",
}

# A group that waits for the varsel before it does anything.
UNPREPARED = {
    "r1.uppstartsgrupp": "vanta",
    "r1.signaler": "som-i-dag",
    "r1.dialog": "offentligt",
    "r2.beslutsvagar": "ordinarie",
    "r2.talesperson": "var-for-sig",
    "r2.klubben": "fria-hander",
    "r3.forsta-dygnet": "kso-kallar",
    "r3.forsta-beskedet": "tyst",
    "r3.af-pa-plats": "digitalt",
    "r4.kartlaggning": "nationell-siffra",
    "r4.raps": "kommunen-sjalv",
    "r4.kompetensunderlag": "inget",
    "r5.utbildningsberedskap": "vanta",
    "r5.omstallningsstod": "som-vanligt",
    "r5.egf-beredskap": "nar-det-hander",
    "r6.beredskapsplan": "ingen-plan",
    "r6.regional-del": "ta-del",
    "r6.uppfoljning": "vid-behov",
}

Picker = Callable[[str, list[str]], str]
"""Chooses an option id for a decision key among the available ones."""


@pytest.fixture(scope="module")
def bundle() -> ScenarioBundle:
    """The scenario bundle with the bundled role library."""
    result = load_bundle(SCENARIO)
    assert result.bundle is not None, [str(d) for d in result.diagnostics]
    return result.bundle


def _play(
    bundle: ScenarioBundle,
    pick: Picker,
    after_round: Callable[[Session, str, str], None] | None = None,
) -> tuple[Session, str]:
    """Play one group holding every role through every round, to the debrief."""
    session = Session.create(bundle, ["Grupp"], seed=3)
    group = next(iter(session.state.groups))
    for entry in bundle.scenario.roles:
        assert session.execute(AssignRole(group=group, role=entry.role)).ok
    assert session.execute(StartSession()).ok
    for rnd in bundle.scenario.rounds:
        assert session.execute(StartRound()).ok
        while session.pending_injects(group):
            assert session.execute(ReleaseInject()).ok
        if after_round is not None:
            after_round(session, group, rnd.id)
        views = session.decisions_for(group)
        assert views, f"{rnd.id}: no decision put to the group"
        for view in views:
            available = [option.id for option in view.available]
            assert available, f"dead end at {view.key}"
            command = ChooseOption(
                group=group,
                decision=view.key,
                option=pick(view.key, available),
                agreed_roles=list(view.owners),
            )
            result = session.execute(command, actor=group)
            assert result.ok, (view.key, result.reason)
        assert session.execute(CloseRound()).ok
    assert session.execute(StartDebrief()).ok
    return session, group


def _fixed(picks: dict[str, str]) -> Picker:
    return lambda key, _available: picks[key]


def _delivered(session: Session, group: str) -> set[str]:
    """Return the ids of the injects that reached the group."""
    return {d.inject for d in session.state.groups[group].injects if d.delivered}


def test_loads_without_errors_or_warnings() -> None:
    assert [str(d) for d in load_bundle(SCENARIO).diagnostics] == []


def test_the_two_paths_name_every_decision(bundle: ScenarioBundle) -> None:
    keys = {f"{r.id}.{d.id}" for r in bundle.scenario.rounds for d in r.decisions}
    assert set(PREPARED) == keys == set(UNPREPARED)


def _reached(session: Session, group: str, round_id: str) -> set[str]:
    """Roles that got a delivered scheduled inject or own a decision put in the round."""
    scenario = session.scenario
    everyone = {entry.role for entry in scenario.roles}
    by_id = {inject.id: inject for rnd in scenario.rounds for inject in rnd.injects}
    reached: set[str] = set()
    for delivery in session.state.groups[group].injects:
        if delivery.round == round_id and delivery.delivered and not delivery.backup:
            reached |= set(by_id[delivery.inject].to) or everyone
    for view in session.decisions_for(group):
        reached |= set(view.owners) or everyone
    return reached


def test_every_option_is_reached_and_every_role_is_active_every_round(
    bundle: ScenarioBundle,
) -> None:
    """Least-chosen-first runs choose every option; no run leaves a role idle in a round."""
    scenario = bundle.scenario
    wanted = {
        (f"{rnd.id}.{dec.id}", opt.id)
        for rnd in scenario.rounds
        for dec in rnd.decisions
        for opt in dec.options
    }
    required = {entry.role for entry in scenario.roles if entry.required}
    everyone = {entry.role for entry in scenario.roles}
    assert required and required < everyone  # the TSL adviser is optional
    counts: Counter[tuple[str, str]] = Counter()
    idle: list[str] = []

    def least_chosen(key: str, available: list[str]) -> str:
        option = min(available, key=lambda o: (counts[(key, o)], o))
        counts[(key, option)] += 1
        return option

    def check(session: Session, group: str, round_id: str) -> None:
        idle.extend(
            f"{round_id}:{r}" for r in sorted(everyone - _reached(session, group, round_id))
        )

    runs = 0
    while not wanted <= set(counts) and runs < 6:
        _play(bundle, least_chosen, check)
        runs += 1
    assert wanted - set(counts) == set()
    assert idle == []
    # The required roles each own a decision in some round, not only receive injects.
    session = Session.create(bundle, ["Grupp"], seed=1)
    owners = {
        role
        for rnd in scenario.rounds
        for dec in rnd.decisions
        for role in session.decision_owners(f"{rnd.id}.{dec.id}")
    }
    assert required <= owners


def test_no_varsel_until_the_rehearsal_alarm(bundle: ScenarioBundle) -> None:
    """The lägesbild is zero in the two preparation rounds and shows the alarm's varsel after."""
    seen: dict[str, tuple[float, float, float]] = {}

    def look(session: Session, group: str, round_id: str) -> None:
        rows = {row.code: row.values[0][1] for row in lagesbild_rows(session)}
        state = session.state.groups[group]
        seen[round_id] = (
            state.model["affected"],
            rows["total_jobs"],
            state.indicators["utan_arbete"],
        )

    _play(bundle, _fixed(PREPARED), look)
    assert seen["r1"] == seen["r2"] == (0, 0, 0)
    affected, total, without_work = seen["r3"]
    assert affected == 420 and total == 574
    # The alarm's indicator is the model's figure with the defaults: 274 × 15 % = 41.
    defaults = varsel_impact(bundle.scenario.setting, {"affected": 420})
    assert without_work == defaults.unemployed[12] == 41
    alarm = next(i for i in bundle.scenario.rounds[2].injects if i.id == "r3-ovningslarm")
    text = " ".join(alarm.text.split())
    assert "420 av 1 250" in text and "cirka 570 jobb" in text and "cirka 40 invånare" in text
    assert alarm.to == [] and not alarm.backup and not alarm.condition
    # More than 100 affected: at least six months' notice (lag 1974:13).
    assert "fler än 100 berörda gäller minst sex månaders" in " ".join(
        bundle.scenario.rounds[2].briefing.split()
    )


def test_the_setting_states_the_dependence(bundle: ScenarioBundle) -> None:
    setting = bundle.scenario.setting
    assert setting.company.affected == 0
    largest, second, private_jobs = setting.company.employees, 880, 7100
    assert round((largest + second) / private_jobs * 100) == 30
    text = " ".join(setting.municipality.description.split())
    assert "1 250" in text and "880" in text and "7 100" in text and "30 %" in text
    dependence = next(i for i in bundle.scenario.indicators if i.id == "beroende")
    assert dependence.start == 30
    # The mapping's result names the suppliers' jobs the model counts: Σ employees × dependence.
    assert round(listed_supplier_jobs(setting)) == 82
    r5 = next(r for r in bundle.scenario.rounds if r.id == "r5")
    mapped = next(i for i in r5.injects if i.id == "r5-kartlaggningen-klar")
    assert "82 jobb" in mapped.text and "29 av 48" in mapped.text
    sources = " ".join(s.title + " " + s.note for s in bundle.scenario.sources)
    for fact in ("Omställningsguiden", "RAPS", "37,1 %", "1974:13", "6 kap. 39 §", "2023:603"):
        assert fact in sources, fact


def test_preparation_pays_off_in_the_alarm(bundle: ScenarioBundle) -> None:
    prepared, g1 = _play(bundle, _fixed(PREPARED))
    unprepared, g2 = _play(bundle, _fixed(UNPREPARED))
    good, bad = _delivered(prepared, g1), _delivered(unprepared, g2)
    good_only = {
        "r3-vd-ringer",
        "r3-gruppen-samlas",
        "r3-lokalen-i-dag",
        "r3-avtalet-finns",
        "r3-besked-samordnat",
        "r4-ledaren",
        "r4-leverantorerna-svarar",
        "r4-arbetsgivarna",
        "r5-kartlaggningen-klar",
        "r5-raps-klar",
        "r6-grannkommunerna",
        "r6-departementet",
        "r6-analysen-sprids",
    }
    bad_only = {
        "r2-var-ar-gruppen",
        "r3-tidningen-forst",
        "r3-ingen-lista",
        "r3-lokalen-vantar",
        "r3-tre-besked",
        "r4-ryktet",
        "r5-beroendet-okant",
        "r6-vem-foljer-upp",
    }
    assert good_only <= good and not bad_only & good
    assert bad_only <= bad and not good_only & bad
    end_good = prepared.state.groups[g1].indicators
    end_bad = unprepared.state.groups[g2].indicators
    assert (end_good["svarstid"], end_bad["svarstid"]) == (6, 72)
    assert end_good["beredskap"] > end_bad["beredskap"] + 50
    assert end_good["fortroende"] > end_bad["fortroende"]
    # Prepared support raises re-employment in the model and lowers the indicator with it.
    assert prepared.impact(g1).unemployed[12] == 19 and end_good["utan_arbete"] == 21
    assert unprepared.impact(g2).unemployed[12] == 41 and end_bad["utan_arbete"] == 41


def test_the_exported_plan_is_a_preparedness_plan_with_owners_and_follow_up(
    bundle: ScenarioBundle,
) -> None:
    session, group = _play(bundle, _fixed(PREPARED))
    plan = build_group_plan(session, group, lang="sv")
    assert [p.id for p in plan.phases] == [Phase.FORBERED, Phase.ANALYSERA, Phase.PLANERA]
    assert plan.actions
    for action in plan.actions:
        where = action.title
        assert action.responsible and action.responsible_id, where
        assert action.timeframe and action.financing is not None, where
        assert action.indicator and action.theme, where
    themes = {action.theme for action in plan.actions}
    assert themes == {theme.title for theme in bundle.scenario.action_plan.themes}
    adopt = [a for a in plan.actions if "antar beredskapsplanen" in a.title]
    assert len(adopt) == 1 and adopt[0].responsible_id == "kso"
    assert adopt[0].phase == Phase.PLANERA
    follow_up = [a for a in plan.actions if a.theme == "Uppföljning och övning"]
    owners = {a.responsible_id for a in follow_up}
    assert {"kso", "naringslivschef", "regionutvecklingsdirektor"} <= owners
    measures = {a.indicator_id for a in follow_up}
    assert {"svarstid", "beroende"} <= measures
    markdown = render_plan(plan, "md").decode("utf-8")
    assert "Kommunstyrelsen antar beredskapsplanen för stora varsel" in markdown
    assert "Årlig uppföljning av beredskapsplanen med tre mått" in markdown


def test_the_unprepared_plan_has_no_adopted_plan(bundle: ScenarioBundle) -> None:
    session, group = _play(bundle, _fixed(UNPREPARED))
    plan = build_group_plan(session, group, lang="sv")
    assert not [a for a in plan.actions if "beredskapsplan" in a.title]
    # The drill still leaves one lesson: name the uppstartsgrupp next time.
    assert [a.title for a in plan.actions] == [
        "Utse uppstartsgruppen i förväg, med lärdomarna från övningen"
    ]
