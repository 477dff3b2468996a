"""Build action plans from a session: one group's plan, or a synthesis across all groups."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from varselspel.i18n import get_lang, tr
from varselspel.model import (
    ActionItem,
    Decision,
    FinancingCard,
    Guide,
    Option,
    RoleCard,
    Round,
    Scenario,
    guide_of,
    phase_label,
    phase_number,
)
from varselspel.model.common import Level
from varselspel.plan.fit import check_fit, describe_fit, known_day_of
from varselspel.plan.impact import impact_figures, impact_notes
from varselspel.plan.model import (
    ActionPlan,
    BudgetLine,
    ChoiceByGroup,
    DecisionRecord,
    Difference,
    Figure,
    Financing,
    Goal,
    GroupVariant,
    IndicatorResult,
    LessonItem,
    Lessons,
    Organisation,
    Participant,
    PhaseRound,
    PlanAction,
    PlanPhase,
    PlanSource,
    Rating,
    Remark,
    RoleAssignment,
    Situation,
    Summary,
    TitlePage,
)
from varselspel.plan.strings import GOAL_PREFIXES, STRINGS

if TYPE_CHECKING:
    from varselspel.engine import ActionFields, GroupState, ScenarioIndex, Session

FACILITATOR = "facilitator"
"""The holder value of a role the facilitator plays."""

STEERING_GROUP_MAX = 7
"""Omställningsguiden recommends a steering group of 5-7 with mandate."""

# Mandate ids (or parts of them) that mean leading and convening the joint work.
LEAD_MANDATE_HINTS: tuple[str, ...] = ("sammankalla", "samordning", "samverkan", "leda")


class _Lookup:
    """Resolves role, card, indicator and theme ids of a scenario to the names a reader knows."""

    def __init__(self, index: ScenarioIndex, lang: str) -> None:
        scenario = index.scenario
        self.scenario = scenario
        self.roles: Mapping[str, RoleCard] = index.roles
        self.lang = lang
        self.network = {card.id: card for card in scenario.cards.network}
        self.financing = {card.id: card for card in scenario.cards.financing}
        self.indicators = {ind.id: ind for ind in scenario.indicators}
        self.themes = {theme.id: theme for theme in scenario.action_plan.themes}
        # The session's scenario index: decisions by key and in playing order.
        self.decisions: dict[str, tuple[Round, Decision]] = index.decisions
        self.order = index.order
        self.index = index
        self.rounds = {rnd.id: rnd for rnd in scenario.rounds}
        self.theme_titles = {theme.id: theme.title for theme in scenario.action_plan.themes}
        self.aliases = self._aliases()

    def _aliases(self) -> dict[str, str]:
        """Return folded names → the organisation they stand for: role organisations and labels.

        The role cards' generic `Kommunen`, `Regionen` and `Företaget` become the scenario's
        names, and a role's short label (`Af`) stands for its organisation, so free text typed
        at setup reads as the organisation it names.
        """
        setting = self.scenario.setting
        generic = {
            "kommunen": setting.municipality.name,
            "regionen": setting.region.name,
            "företaget": setting.company.name,
        }
        aliases = {normalise_title(name): name for name in generic.values()}
        aliases.update(generic)
        for entry in self.scenario.roles:
            card = self.roles.get(entry.role)
            if card is None or not card.organisation:
                continue
            name = generic.get(normalise_title(card.organisation), card.organisation)
            aliases.setdefault(normalise_title(name), name)
            aliases.setdefault(normalise_title(card.organisation), name)
            if card.short:
                aliases.setdefault(normalise_title(card.short), name)
        return aliases

    def canonical(self, organisation: str) -> str:
        """Return the organisation a free text names, as the plan writes it."""
        text = " ".join(organisation.split())
        return self.aliases.get(normalise_title(text), text)

    def card(self, card_id: str | None) -> FinancingCard | None:
        """Return a financing card, or None."""
        return self.financing.get(card_id) if card_id else None

    def known_day(self, round_id: str | None) -> int | None:
        """Return the day of game time a round starts on, or None."""
        rnd = self.rounds.get(round_id or "")
        return known_day_of(rnd.game_time) if rnd is not None else None

    def phase(self, round_id: str | None) -> str:
        """Return the phase id of a round, or an empty string."""
        rnd = self.rounds.get(round_id or "")
        return rnd.phase.value if rnd is not None and rnd.phase is not None else ""

    def role(self, role_id: str | None) -> str:
        """Return a role's title, a network actor's name, or the text itself."""
        if not role_id:
            return ""
        card = self.roles.get(role_id)
        if card is not None:
            return card.title
        net = self.network.get(role_id)
        if net is not None:
            return net.actor
        return role_id

    def short_labels(self) -> dict[str, str]:
        """Return role title → short label for the scenario's roles that have one."""
        out: dict[str, str] = {}
        for entry in self.scenario.roles:
            card = self.roles.get(entry.role)
            if card is not None and card.label != card.title:
                out[card.title] = card.label
        return out

    def organisation(self, role_id: str) -> str:
        """Return a role's organisation as the plan names it, or an empty string."""
        card = self.roles.get(role_id)
        return self.canonical(card.organisation) if card is not None and card.organisation else ""

    def financing_of(self, card_id: str | None) -> Financing | None:
        """Return the financing of an action, or None."""
        if not card_id:
            return None
        card = self.financing.get(card_id)
        if card is None:
            return Financing(card_id=card_id, name=card_id)
        return Financing(
            card_id=card.id,
            name=card.name,
            administrator=card.administrator,
            covers_share=card.covers_share,
            cofinancing_share=card.cofinancing_share,
            lead_time_weeks=card.lead_time_weeks,
        )

    def indicator(self, indicator_id: str | None) -> str:
        """Return an indicator's label, or the id itself."""
        if not indicator_id:
            return ""
        ind = self.indicators.get(indicator_id)
        return ind.label if ind is not None else indicator_id

    def theme(self, theme_id: str | None) -> str:
        """Return a theme's title, or the id itself."""
        if not theme_id:
            return ""
        theme = self.themes.get(theme_id)
        return theme.title if theme is not None else theme_id

    def option(self, key: str, option_id: str) -> Option | None:
        """Return the option of a decision, or None when the scenario has no such option."""
        return self.index.option(key, option_id)


def normalise_title(text: str) -> str:
    """Fold a title for comparison: NFC, case-folded, punctuation and extra spaces removed."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _plan_date(session: Session, today: date | None) -> str:
    """Return the plan's date: the given day, else the day the session was created."""
    return (today or session.info.created_at.date()).isoformat()


def _sorted_choices(group: GroupState, look: _Lookup) -> list[tuple[str, Any]]:
    """Return a group's choices in playing order (scenario order of rounds and decisions)."""
    return sorted(
        group.choices.items(), key=lambda item: (look.order.get(item[0], len(look.order)), item[0])
    )


def _terms(look: _Lookup, action: ActionItem | ActionFields, round_id: str) -> dict[str, Any]:
    """Return the plan fields an option's action item and a group's own action share."""
    card = look.card(action.financing)
    share = action.financing_share
    if share is None and card is not None:
        share = card.covers_share
    remarks = []
    if card is not None:
        for fit in check_fit(
            action, card, known_day=look.known_day(round_id), themes=look.theme_titles
        ):
            remarks.append(Remark(code=fit.code, text=describe_fit(fit, look.lang)))
    return {
        "title": action.title,
        "result": action.result,
        "level": action.level,
        "responsible_id": action.responsible or "",
        "responsible": look.role(action.responsible),
        "partners": [look.role(p) for p in action.partners],
        "timeframe": action.timeframe,
        "start": action.start,
        "end": action.end,
        "amount": action.amount,
        "financing": look.financing_of(action.financing),
        "financing_share": share,
        "follow_up": action.follow_up,
        "baseline": action.baseline,
        "target": action.target,
        "follow_up_by_id": action.follow_up_by or "",
        "follow_up_by": look.role(action.follow_up_by),
        "remarks": remarks,
        "indicator_id": action.indicator or "",
        "indicator": look.indicator(action.indicator),
        "theme": look.theme(action.theme),
        "phase": look.phase(round_id),
    }


def value_text(value: float, lang: str) -> str:
    """Write a chosen number as people read it: `40`, `2,5` (Swedish), `1 200`."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "sv":
        text = text.replace(",", " ").replace(".", ",")
    return text


def _label(look: _Lookup, key: str, option_id: str) -> str:
    """Return an option's label, or its id when the scenario no longer has it."""
    option = look.option(key, option_id)
    return option.label if option is not None else option_id


def _answer(look: _Lookup, key: str, choice: Any) -> tuple[list[str], float | None, str, str]:
    """Return a choice's option ids, its number, the number's unit and the choice in words."""
    found = look.decisions.get(key)
    decision = found[1] if found is not None else None
    if choice.value is not None:
        unit = decision.number.unit if decision is not None and decision.number else ""
        words = value_text(choice.value, look.lang)
        return [], choice.value, unit, f"{words} {unit}".strip()
    ids = list(choice.options) or [choice.option]
    return ids, None, "", "; ".join(_label(look, key, i) for i in ids)


def _option_action(
    look: _Lookup,
    key: str,
    option_id: str,
    source: str,
    index: int,
    item: ActionItem,
    group: str,
    value: str | None = None,
) -> PlanAction:
    """Turn an option's (or a number decision's) action item into a plan action.

    `source` is the option's label or the number chosen in words; `value`, for a number
    decision, replaces `{value}` in the title and the result.
    """

    def filled(text: str) -> str:
        return text if value is None else text.replace("{value}", value)

    return PlanAction(
        key=f"option:{key}.{option_id}#{index + 1}",
        **{
            **_terms(look, item, key.split(".", 1)[0]),
            "title": filled(item.title),
            "result": filled(item.result),
        },
        origin="option",
        source_decision=key,
        source_option=source,
        groups=[group],
    )


def _group_actions(group: GroupState, look: _Lookup) -> list[PlanAction]:
    """Return a group's actions: those of its chosen options, then its own, in order."""
    actions: list[PlanAction] = []
    for key, choice in _sorted_choices(group, look):
        ids, value, _unit, words = _answer(look, key, choice)
        if value is not None:
            found = look.decisions.get(key)
            number = found[1].number if found is not None else None
            if number is None:
                continue
            # A number's actions are keyed like an option's, with `=` for the option id.
            text = value_text(value, look.lang)
            actions.extend(
                _option_action(look, key, "=", words, index, item, group.name, text)
                for index, item in enumerate(number.actions)
            )
            continue
        for option_id in ids:
            option = look.option(key, option_id)
            if option is None:
                continue
            actions.extend(
                _option_action(look, key, option.id, option.label, index, item, group.name)
                for index, item in enumerate(option.actions)
            )
    for own in sorted(group.actions.values(), key=lambda a: a.seq):
        actions.append(
            PlanAction(
                key=f"own:{group.id}:{own.id}",
                **_terms(look, own.fields, own.round or ""),
                origin="own",
                groups=[group.name],
            )
        )
    return actions


def _budget(actions: list[PlanAction]) -> list[BudgetLine]:
    """Sum the actions' amounts per financing source, in order of first appearance."""
    lines: dict[str, BudgetLine] = {}
    for action in actions:
        fin = action.financing
        key = fin.card_id if fin is not None else ""
        line = lines.get(key) or BudgetLine(
            card_id=key,
            name=fin.name if fin is not None else "",
            actions=0,
            priced=0,
            amount=0,
            financed=0,
        )
        update: dict[str, Any] = {"actions": line.actions + 1}
        if action.amount is not None:
            update["priced"] = line.priced + 1
            update["amount"] = line.amount + action.amount
            share = action.financing_share if fin is not None else 0.0
            if share is None or line.financed is None:
                update["financed"] = None
            else:
                update["financed"] = line.financed + round(action.amount * share)
        lines[key] = line.model_copy(update=update)
    # Actions without financing last: their whole cost is still to be found.
    return sorted(lines.values(), key=lambda line: line.card_id == "")


def _decisions(group: GroupState, look: _Lookup) -> list[DecisionRecord]:
    """Return the group's decisions in playing order."""
    records: list[DecisionRecord] = []
    for key, choice in _sorted_choices(group, look):
        found = look.decisions.get(key)
        ids, value, unit, words = _answer(look, key, choice)
        rnd, dec = found if found is not None else (None, None)
        records.append(
            DecisionRecord(
                group=group.name,
                round_id=choice.round,
                round_title=rnd.title if rnd is not None else choice.round,
                game_time=rnd.game_time if rnd is not None else "",
                phase=look.phase(choice.round),
                decision_key=key,
                question=dec.question if dec is not None else key,
                option_id=choice.option,
                option=words,
                option_ids=ids,
                options=[_label(look, key, i) for i in ids],
                value=value,
                unit=unit,
                rationale=choice.rationale,
                agreed_by=[look.role(r) for r in choice.agreed_roles],
                within_mandate=not choice.outside_mandate,
                needs_anchoring_with=[look.role(r) for r in choice.anchor_with]
                if choice.outside_mandate
                else [],
            )
        )
    return records


def _assignments(group: GroupState, look: _Lookup) -> list[RoleAssignment]:
    """Return role → person for the roles held in the group, in the scenario's role order."""
    out: list[RoleAssignment] = []
    for entry in look.scenario.roles:
        holder = group.roles.get(entry.role)
        if holder is None:
            continue
        persons = [] if holder == FACILITATOR else [_person(group, holder)]
        out.append(
            RoleAssignment(
                group=group.name,
                role_id=entry.role,
                role=look.role(entry.role),
                organisation=look.organisation(entry.role),
                persons=[p for p in persons if p],
            )
        )
    return out


def _person(group: GroupState, participant_id: str) -> str:
    """Return a participant's name (with their own organisation when given)."""
    person = group.participants.get(participant_id)
    if person is None:
        return participant_id
    return f"{person.name} ({person.organisation})" if person.organisation else person.name


def _participants(group: GroupState, look: _Lookup) -> list[Participant]:
    """Return the group's participants with their roles and their own organisation."""
    out: list[Participant] = []
    for pid, person in group.participants.items():
        role_ids = [r for r in (e.role for e in look.scenario.roles) if group.roles.get(r) == pid]
        # The organisation typed at setup is the person's own; a role's (generic) organisation,
        # e.g. "Fackförbundet (t.ex. IF Metall)", is only a fallback when none was given.
        own = look.canonical(person.organisation) if person.organisation.strip() else ""
        role_orgs = (look.organisation(r) for r in role_ids)
        orgs = [own] if own else list(dict.fromkeys(o for o in role_orgs if o))
        out.append(
            Participant(
                name=person.name,
                group=group.name,
                roles=[look.role(r) for r in role_ids],
                organisations=orgs,
            )
        )
    return out


def _organisations(groups: Iterable[GroupState], look: _Lookup) -> list[str]:
    """Return the organisations at the table, in role order: a holder's own, else the role's."""
    groups = list(groups)
    found: list[str] = []
    for entry in look.scenario.roles:
        for group in groups:
            holder = group.roles.get(entry.role)
            if holder is None:
                continue
            person = group.participants.get(holder)
            own = person.organisation if person is not None else ""
            found.append(look.canonical(own) if own.strip() else look.organisation(entry.role))
    # Participants without a role still represent their own organisation.
    found += [look.canonical(p.organisation) for g in groups for p in g.participants.values()]
    if not any(found):
        found = [look.organisation(e.role) for e in look.scenario.roles]
    # One entry per organisation however it was typed: `Af` and `Arbetsförmedlingen` are one.
    unique: dict[str, str] = {}
    for name in found:
        if name:
            unique.setdefault(normalise_title(name), name)
    return list(unique.values())


def _setting_figures(scenario: Scenario, lang: str) -> list[Figure]:
    """Return the lägesbild figures that come straight from the setting."""
    s = scenario.setting
    persons = tr(STRINGS, "unit.persons", lang)
    figures = [
        Figure(
            id="population",
            label=tr(STRINGS, "figure.population", lang),
            value=s.municipality.population,
            unit=persons,
        ),
        Figure(
            id="employed",
            label=tr(STRINGS, "figure.employed", lang),
            value=s.municipality.employed,
            unit=persons,
        ),
        Figure(
            id="unemployment_rate",
            label=tr(STRINGS, "figure.unemployment_rate", lang),
            value=round(s.municipality.unemployment_rate * 100, 2),
            unit=tr(STRINGS, "unit.percent", lang),
        ),
        Figure(
            id="region_population",
            label=tr(STRINGS, "figure.region_population", lang),
            value=s.region.population,
            unit=persons,
        ),
        Figure(
            id="company_employees",
            label=tr(STRINGS, "figure.company_employees", lang),
            value=s.company.employees,
            unit=persons,
        ),
    ]
    if s.suppliers:
        figures.append(
            Figure(
                id="supplier_employees",
                label=tr(STRINGS, "figure.supplier_employees", lang),
                value=sum(sup.employees for sup in s.suppliers),
                unit=persons,
            )
        )
    return figures


def shown(value: float) -> float:
    """Round an indicator value as a reader wants it: one decimal below 100, whole from 100."""
    return float(round(value)) if abs(value) >= 100 else round(value, 1)


def _indicators(group: GroupState, scenario: Scenario) -> list[IndicatorResult]:
    """Return each indicator's start and current value for the group, rounded for reading."""
    start = group.history[0].indicators if group.history else {}
    return [
        IndicatorResult(
            id=ind.id,
            label=ind.label,
            unit=ind.unit,
            group=group.name,
            start=shown(float(start.get(ind.id, ind.start))),
            end=shown(float(group.indicators.get(ind.id, ind.start))),
            good="down" if ind.good == "down" else "up",
            follows=ind.follows or "",
        )
        for ind in scenario.indicators
    ]


def _situation(
    scenario: Scenario,
    figures: list[Figure],
    indicators: list[IndicatorResult],
    notes: list[str],
) -> Situation:
    """Return the lägesbild."""
    s = scenario.setting
    return Situation(
        municipality=s.municipality.name,
        municipality_description=s.municipality.description,
        region=s.region.name,
        region_description=s.region.description,
        company=s.company.name,
        company_sector=s.company.sector,
        company_description=s.company.description,
        suppliers=[
            f"{sup.name} ({sup.employees})" + (f": {sup.description}" if sup.description else "")
            for sup in s.suppliers
        ],
        figures=figures,
        model_notes=notes,
        indicators=indicators,
    )


def _phases(groups: Iterable[GroupState], look: _Lookup) -> list[PlanPhase]:
    """Return the phases of the rounds any of the groups played, in order of first appearance."""
    groups = list(groups)
    lang = look.lang
    phases: dict[str, PlanPhase] = {}
    for rnd in look.scenario.rounds:
        if rnd.phase is None:
            continue
        record = (g.rounds.get(rnd.id) for g in groups)
        if not any(r is not None and r.played for r in record):
            continue
        entry = phases.get(rnd.phase.value)
        if entry is None:
            entry = PlanPhase(
                id=rnd.phase.value,
                label=phase_label(rnd.phase, lang),
                guide="omstallningsguiden"
                if guide_of(rnd.phase) is Guide.OMSTALLNING
                else "etableringsguiden",
                number=phase_number(rnd.phase),
            )
        played = PhaseRound(round_id=rnd.id, title=rnd.title, game_time=rnd.game_time)
        phases[rnd.phase.value] = entry.model_copy(update={"rounds": [*entry.rounds, played]})
    return list(phases.values())


def _group_goals(group: GroupState) -> list[str]:
    """Return the group's own goals: its notes that start with `Mål:` or `Goal:`."""
    goals: list[str] = []
    for note in group.notes:
        text = note.text.strip()
        for prefix in GOAL_PREFIXES:
            if text.casefold().startswith(prefix):
                goal = text[len(prefix) :].strip()
                if goal:
                    goals.append(goal)
                break
    return goals


def _ratings(group: GroupState, scenario: Scenario) -> list[Rating]:
    """Return the group's debrief ratings in the scenario's objective order."""
    out: list[Rating] = []
    for objective in scenario.debrief.objectives:
        rated = group.ratings.get(objective.id)
        if rated is None:
            continue
        out.append(
            Rating(
                group=group.name,
                objective_id=objective.id,
                objective=objective.text,
                rating=rated.rating,
                comment=rated.comment,
            )
        )
    return out


def _lead_and_steering(
    decisions: list[DecisionRecord], actions: list[PlanAction], look: _Lookup, session: Session
) -> tuple[list[str], list[str]]:
    """Find who leads and convenes, and the steering group (responsible actors by weight)."""
    lead: list[str] = []
    for record in decisions:
        found = look.decisions.get(record.decision_key)
        if found is None:
            continue
        mandate = found[1].mandate or ""
        if not any(hint in mandate for hint in LEAD_MANDATE_HINTS):
            continue
        option = look.option(record.decision_key, record.option_id)
        # The option's first action is the one that sets up the lead (e.g. `Starta startgrupp`).
        names = [a.responsible for a in _option_items(look, option)][:1] if option else []
        if not names:
            names = [look.role(r) for r in session.decision_owners(record.decision_key)]
        for name in names:
            if name and name not in lead:
                lead.append(name)
    weights = Counter(a.responsible for a in actions if a.responsible)
    steering = [name for name, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))]
    if not lead and steering:
        lead = steering[:1]
    return lead, steering[:STEERING_GROUP_MAX]


def _option_items(look: _Lookup, option: Option) -> list[PlanAction]:
    """Return an option's action items as plan actions (for their resolved responsible)."""
    return [
        _option_action(look, "", option.id, option.label, index, item, "")
        for index, item in enumerate(option.actions)
    ]


def _anchor_steps(decisions: list[DecisionRecord], lang: str, with_group: bool) -> list[str]:
    """Return a next step for every decision that needs anchoring."""
    steps: list[str] = []
    for record in decisions:
        if record.within_mandate:
            continue
        roles = _join(record.needs_anchoring_with, lang)
        key = "next.anchor" if roles else "next.anchor_unknown"
        step = tr(STRINGS, key, lang, option=record.option, question=record.question, roles=roles)
        steps.append(f"{step} ({record.group})" if with_group else step)
    return steps


def _join(items: list[str], lang: str) -> str:
    """Join names as prose."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {tr(STRINGS, 'and', lang)} " + items[-1]


def _summary(
    rounds: int,
    decisions: list[DecisionRecord],
    actions: list[PlanAction],
    key_choices: list[str],
    differences: int = 0,
) -> Summary:
    """Count what the summary paragraph reports."""
    return Summary(
        rounds_played=rounds,
        decisions_taken=len(decisions),
        actions_total=len(actions),
        actions_by_level={level.value: sum(a.level == level for a in actions) for level in Level},
        own_actions=sum(a.origin == "own" for a in actions),
        needs_anchoring=sum(not d.within_mandate for d in decisions),
        differences=differences,
        key_choices=key_choices,
    )


def _title_page(
    session: Session, groups: list[GroupState], look: _Lookup, today: date | None
) -> TitlePage:
    """Return the title page."""
    sc = look.scenario
    return TitlePage(
        scenario_id=sc.id,
        scenario_title=sc.title,
        scenario_version=sc.version,
        scenario_kind=sc.kind.value,
        municipality=sc.setting.municipality.name,
        region=sc.setting.region.name,
        company=sc.setting.company.name,
        date=_plan_date(session, today),
        groups=[g.name for g in groups],
        organisations=_organisations(groups, look),
        participants=[p for g in groups for p in _participants(g, look)],
    )


def _rounds_played(group: GroupState) -> int:
    """Count the rounds the group played."""
    return sum(1 for record in group.rounds.values() if record.played)


def _lookup(session: Session, lang: str) -> _Lookup:
    """Return the id resolver of the session's scenario."""
    return _Lookup(session.index, lang)


def find_group(session: Session, name_or_id: str) -> str | None:
    """Return the id of the group whose id or name matches (case-insensitively), or None."""
    groups = session.state.groups
    if name_or_id in groups:
        return name_or_id
    wanted = normalise_title(name_or_id)
    for gid, group in groups.items():
        if group.name == name_or_id or normalise_title(group.name) == wanted:
            return gid
    return None


def build_group_plan(
    session: Session, group_id: str, *, lang: str | None = None, today: date | None = None
) -> ActionPlan:
    """Build the draft action plan of one group."""
    code = "en" if (lang or get_lang()) == "en" else "sv"
    look = _lookup(session, code)
    state = session.state
    group = state.groups[group_id]
    scenario = session.scenario
    decisions = _decisions(group, look)
    actions = _group_actions(group, look)
    lead, steering = _lead_and_steering(decisions, actions, look, session)
    figures = _setting_figures(scenario, code) + impact_figures(session, group_id, code)
    session_lessons = [lesson for lesson in state.lessons if lesson.group is None]
    all_lessons = [*group.lessons, *session_lessons]
    return ActionPlan(
        kind="group",
        language=code,
        session_id=session.info.id,
        title_page=_title_page(session, [group], look, today),
        summary=_summary(_rounds_played(group), decisions, actions, [d.option for d in decisions]),
        phases=_phases([group], look),
        situation=_situation(
            scenario, figures, _indicators(group, scenario), impact_notes(session, group_id, code)
        ),
        goals=[Goal(text=o.text, origin="scenario") for o in scenario.debrief.objectives]
        + [Goal(text=g, origin="group", groups=[group.name]) for g in _group_goals(group)],
        organisation=Organisation(
            lead=lead,
            steering_group=steering,
            assignments=_assignments(group, look),
            decisions=decisions,
            short_labels=look.short_labels(),
        ),
        actions=actions,
        budget=_budget(actions),
        communication=list(scenario.action_plan.communication),
        risks=list(scenario.action_plan.risks),
        lessons=Lessons(
            ratings=_ratings(group, scenario),
            strengths=[
                LessonItem(text=x.text, group=group.name if x.group else "")
                for x in all_lessons
                if x.kind == "strength"
            ],
            improvements=[
                LessonItem(text=x.text, group=group.name if x.group else "")
                for x in all_lessons
                if x.kind == "improvement"
            ],
        ),
        next_steps=_anchor_steps(decisions, code, with_group=False)
        + list(scenario.action_plan.next_steps),
        sources=[PlanSource(title=s.title, url=s.url, note=s.note) for s in scenario.sources],
    )


def _group_notes(per_group: list[tuple[str, list[str]]]) -> list[str]:
    """Return the model's notes once where all groups' notes agree, else one per group, named."""
    notes: list[str] = []
    for texts in zip(*(group_notes for _name, group_notes in per_group), strict=True):
        if len(set(texts)) == 1:
            notes.append(texts[0])
        else:
            notes += [
                f"{name}: {text}" for (name, _notes), text in zip(per_group, texts, strict=True)
            ]
    return notes


def merge_actions(per_group: list[list[PlanAction]]) -> list[PlanAction]:
    """Merge the groups' actions: same normalised title (so the same option action) becomes one."""
    merged: dict[str, PlanAction] = {}
    variants: dict[str, list[GroupVariant]] = {}
    groups_of: dict[str, list[str]] = {}
    for actions in per_group:
        for action in actions:
            key = normalise_title(action.title) or action.key
            first = merged.get(key)
            if first is None:
                merged[key] = action
                groups_of[key] = list(action.groups)
                variants[key] = []
                continue
            for name in action.groups:
                if name not in groups_of[key]:
                    groups_of[key].append(name)
            if (
                action.timeframe != first.timeframe
                or action.responsible != first.responsible
                or action.level != first.level
            ):
                variants[key].append(
                    GroupVariant(
                        group=", ".join(action.groups),
                        timeframe=action.timeframe if action.timeframe != first.timeframe else "",
                        responsible=action.responsible
                        if action.responsible != first.responsible
                        else "",
                        level=action.level if action.level != first.level else None,
                    )
                )
    return [
        action.model_copy(update={"groups": groups_of[key], "variants": variants[key]})
        for key, action in merged.items()
    ]


def _differences(groups: list[GroupState], look: _Lookup) -> list[Difference]:
    """Return the decisions where the groups' choices differ."""
    keys = sorted(
        {key for g in groups for key in g.choices},
        key=lambda k: (look.order.get(k, len(look.order)), k),
    )
    out: list[Difference] = []
    for key in keys:
        chosen = [g.choices[key].answer if key in g.choices else None for g in groups]
        if len(set(chosen)) <= 1:
            continue
        found = look.decisions.get(key)
        choices = []
        for g in groups:
            record = g.choices.get(key)
            label = _answer(look, key, record)[3] if record is not None else ""
            choices.append(ChoiceByGroup(group=g.name, option=label))
        out.append(
            Difference(
                decision_key=key,
                question=found[1].question if found is not None else key,
                choices=choices,
            )
        )
    return out


def build_synthesis(
    session: Session, *, lang: str | None = None, today: date | None = None
) -> ActionPlan:
    """Build one plan across all groups: actions merged, with where the groups differed."""
    code = "en" if (lang or get_lang()) == "en" else "sv"
    look = _lookup(session, code)
    state = session.state
    scenario = session.scenario
    groups = list(state.groups.values())
    decisions = [d for g in groups for d in _decisions(g, look)]
    decisions.sort(key=lambda d: look.order.get(d.decision_key, len(look.order)))
    actions = merge_actions([_group_actions(g, look) for g in groups])
    differences = _differences(groups, look)
    lead, steering = _lead_and_steering(decisions, actions, look, session)

    # Figures shared by all groups appear once; ones that differ appear per group.
    per_group = {g.id: impact_figures(session, g.id, code, g.name) for g in groups}
    figures = _setting_figures(scenario, code)
    notes: list[str] = []
    if per_group:
        first = next(iter(per_group.values()))
        if all([f.value for f in v] == [f.value for f in first] for v in per_group.values()):
            figures += [f.model_copy(update={"group": ""}) for f in first]
            notes = impact_notes(session, groups[0].id, code)
        else:
            figures += [f for v in per_group.values() for f in v]
            notes = _group_notes([(g.name, impact_notes(session, g.id, code)) for g in groups])

    # Options every group chose alike, in playing order.
    different = {d.decision_key for d in differences}
    agreed: list[str] = []
    for d in decisions:
        if d.decision_key not in different and d.option not in agreed:
            agreed.append(d.option)

    goal_groups: dict[str, tuple[str, list[str]]] = {}
    for g in groups:
        for text in _group_goals(g):
            entry = goal_groups.setdefault(normalise_title(text), (text, []))
            if g.name not in entry[1]:
                entry[1].append(g.name)

    ratings = [r for g in groups for r in _ratings(g, scenario)]
    lessons = [
        *(x for g in groups for x in g.lessons),
        *(x for x in state.lessons if x.group is None),
    ]
    names = {g.id: g.name for g in groups}

    def item(lesson: Any) -> LessonItem:
        return LessonItem(
            text=lesson.text, group=names.get(lesson.group, "") if lesson.group else ""
        )

    return ActionPlan(
        kind="synthesis",
        language=code,
        session_id=session.info.id,
        title_page=_title_page(session, groups, look, today),
        summary=_summary(
            max((_rounds_played(g) for g in groups), default=0),
            decisions,
            actions,
            agreed,
            len(differences),
        ),
        phases=_phases(groups, look),
        situation=_situation(
            scenario, figures, [i for g in groups for i in _indicators(g, scenario)], notes
        ),
        goals=[Goal(text=o.text, origin="scenario") for o in scenario.debrief.objectives]
        + [Goal(text=text, origin="group", groups=gs) for text, gs in goal_groups.values()],
        organisation=Organisation(
            lead=lead,
            steering_group=steering,
            assignments=[a for g in groups for a in _assignments(g, look)],
            decisions=decisions,
            short_labels=look.short_labels(),
        ),
        actions=actions,
        budget=_budget(actions),
        differences=differences,
        communication=list(scenario.action_plan.communication),
        risks=list(scenario.action_plan.risks),
        lessons=Lessons(
            ratings=ratings,
            strengths=[item(x) for x in lessons if x.kind == "strength"],
            improvements=[item(x) for x in lessons if x.kind == "improvement"],
        ),
        next_steps=_anchor_steps(decisions, code, with_group=True)
        + list(scenario.action_plan.next_steps),
        sources=[PlanSource(title=s.title, url=s.url, note=s.note) for s in scenario.sources],
    )
