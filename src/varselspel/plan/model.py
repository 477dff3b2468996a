"""The action plan (handlingsplan): a pure, language-neutral model built from a session."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from varselspel.model.common import Level

SCHEMA_VERSION = "1.3"
"""Version of the plan's JSON format; bump the major part on any incompatible change."""


class PlanModel(BaseModel):
    """Base of every plan model: frozen, strict and documented field by field."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Participant(PlanModel):
    """A person at the workshop and the roles they play."""

    name: str
    """The participant's name as entered at the start."""
    group: str
    """Name of the group the participant belongs to."""
    roles: list[str] = Field(default_factory=list)
    """Titles of the roles the participant plays."""
    organisations: list[str] = Field(default_factory=list)
    """The person's own organisation as entered; else the organisations of their roles."""


class TitlePage(PlanModel):
    """What the plan's title page shows."""

    scenario_id: str
    """The scenario's id."""
    scenario_title: str
    """The scenario's title."""
    scenario_version: str
    """The scenario's own version."""
    scenario_kind: str
    """`varsel` or `etablering`."""
    municipality: str
    """The fictional municipality."""
    region: str
    """The fictional region."""
    company: str
    """The company at the centre of the scenario."""
    date: str
    """The date of the workshop, ISO 8601 (YYYY-MM-DD)."""
    groups: list[str]
    """Names of the groups the plan covers: one for a group plan, all for a synthesis."""
    organisations: list[str] = Field(default_factory=list)
    """Organisations represented at the table, in role order."""
    participants: list[Participant] = Field(default_factory=list)
    """Participants and their roles."""


class Summary(PlanModel):
    """Counts that the summary paragraph is written from."""

    rounds_played: int
    """Rounds the group (or any group) reached."""
    decisions_taken: int
    """Decisions settled; in a synthesis counted over all groups."""
    actions_total: int
    """Actions in the plan (merged in a synthesis)."""
    actions_by_level: dict[str, int]
    """Actions per level: `lokal`, `regional`, `nationell`."""
    own_actions: int
    """Actions the groups wrote themselves."""
    needs_anchoring: int
    """Decisions taken outside mandate that need anchoring."""
    differences: int = 0
    """Decisions where the groups chose differently (synthesis only)."""
    key_choices: list[str] = Field(default_factory=list)
    """Labels of the options chosen, in playing order (group plan) or agreed by all (synthesis)."""


class PhaseRound(PlanModel):
    """A round that belongs to a phase of the plan."""

    round_id: str
    """Round id."""
    title: str
    """Round title."""
    game_time: str
    """Game time of the round, e.g. `Dag 0`."""


class PlanPhase(PlanModel):
    """A phase of Omställningsguiden (or a step of the establishment guide) that rounds rehearsed."""

    id: str
    """Phase id, e.g. `forbered` or `samordna`."""
    label: str
    """The phase's name in the plan's language, e.g. `Planera och förankra`."""
    guide: Literal["omstallningsguiden", "etableringsguiden"]
    """The guide the phase comes from."""
    number: int
    """The phase's place in its guide, from 1."""
    rounds: list[PhaseRound] = Field(default_factory=list)
    """The rounds played in this phase, in playing order."""


class Figure(PlanModel):
    """A number of the lägesbild from the consequence model or the setting."""

    id: str
    """Stable id of the figure, e.g. `direct_jobs`."""
    label: str
    """What the figure is, in the plan's language."""
    value: float
    """The value."""
    unit: str = ""
    """Unit shown after the value."""
    group: str = ""
    """Group the figure belongs to when it differs between groups; empty when shared."""


class IndicatorResult(PlanModel):
    """An indicator's value at the start and at the end of a group's game."""

    id: str
    """Indicator id."""
    label: str
    """Indicator label."""
    unit: str = ""
    """Unit of the value."""
    group: str
    """Group the value belongs to."""
    start: float
    """Value at the start."""
    end: float
    """Value at the end of the last round played."""
    good: Literal["up", "down"] = "up"
    """Which direction is good."""
    follows: str = ""
    """The consequence-model figure the indicator is derived from, if any (e.g.
    `unemployment_change`)."""


class Situation(PlanModel):
    """The lägesbild: the setting in words and figures."""

    municipality: str
    """The municipality's name."""
    municipality_description: str = ""
    """A few sentences on the municipality."""
    region: str
    """The region's name."""
    region_description: str = ""
    """A few sentences on the region."""
    company: str
    """The company's name."""
    company_sector: str = ""
    """The company's industry."""
    company_description: str = ""
    """A few sentences on the company."""
    suppliers: list[str] = Field(default_factory=list)
    """Local suppliers that depend on the company: `name (employees): description`."""
    figures: list[Figure] = Field(default_factory=list)
    """Figures of the setting and the consequence model."""
    model_notes: list[str] = Field(default_factory=list)
    """How the consequence model computed its key figures, in sentences with the numbers."""
    indicators: list[IndicatorResult] = Field(default_factory=list)
    """Indicator values per group at the start and the end."""


class Goal(PlanModel):
    """A goal of the plan."""

    text: str
    """The goal in words."""
    origin: Literal["scenario", "group"]
    """`scenario` for the scenario's objectives, `group` for goals the group wrote."""
    groups: list[str] = Field(default_factory=list)
    """Groups that set the goal (group goals only)."""


class RoleAssignment(PlanModel):
    """Who played a role in a group."""

    group: str
    """The group."""
    role_id: str
    """The role's id."""
    role: str
    """The role's title."""
    organisation: str
    """The role's organisation."""
    persons: list[str] = Field(default_factory=list)
    """Participants holding the role; empty when the facilitator held it."""


class DecisionRecord(PlanModel):
    """A decision a group took, with who agreed and whether it needs anchoring."""

    group: str
    """The group that decided."""
    round_id: str
    """Round id."""
    round_title: str
    """Round title."""
    game_time: str
    """Game time of the round, e.g. `Vecka 1`."""
    phase: str = ""
    """Phase id of the round (see `ActionPlan.phases`); empty when the round has none."""
    decision_key: str
    """`ROUND.DECISION`."""
    question: str
    """The decision's question."""
    option_id: str
    """The chosen option's id (the first of a multi-select; empty for a number decision)."""
    option: str
    """The choice in words: the option's label, the labels of a multi-select joined by `; `,
    or a number decision's number with its unit (e.g. `40 platser`)."""
    option_ids: list[str] = Field(default_factory=list)
    """Every option id chosen, in the scenario's order (empty for a number decision)."""
    options: list[str] = Field(default_factory=list)
    """The labels of every option chosen, in the same order."""
    value: float | None = None
    """The number chosen, for a decision answered with a number."""
    unit: str = ""
    """The number's unit, for a decision answered with a number."""
    rationale: str = ""
    """The group's reason, as written."""
    agreed_by: list[str] = Field(default_factory=list)
    """Titles of the roles that agreed."""
    within_mandate: bool = True
    """False when no role holding the mandate agreed."""
    needs_anchoring_with: list[str] = Field(default_factory=list)
    """Titles of the roles the decision must be anchored with (empty when within mandate)."""


class Organisation(PlanModel):
    """Who leads, who steers, who plays which role, and what needs anchoring."""

    lead: list[str] = Field(default_factory=list)
    """Roles that lead and convene the work (from the decisions taken)."""
    steering_group: list[str] = Field(default_factory=list)
    """Roles in the steering group: the actors responsible for actions."""
    assignments: list[RoleAssignment] = Field(default_factory=list)
    """Role to person, per group."""
    decisions: list[DecisionRecord] = Field(default_factory=list)
    """Every decision taken, in playing order."""
    short_labels: dict[str, str] = Field(default_factory=dict)
    """Role title → the role's short label (e.g. `KSO`), used where tables are narrow."""


class Financing(PlanModel):
    """How an action is financed."""

    card_id: str
    """The financing card's id."""
    name: str
    """The financing source's name."""
    administrator: str = ""
    """Who administers it."""
    covers_share: float | None = None
    """Largest share of the cost the source pays, 0-1."""
    cofinancing_share: float | None = None
    """Share the applicant must find elsewhere, 0-1."""
    lead_time_weeks: int | None = None
    """Weeks from deciding to apply until the source can pay out at the earliest; None: not stated."""


class Remark(PlanModel):
    """A way an action does not fit the financing it names."""

    code: Literal["too_late", "prefinance", "theme", "share"]
    """`too_late` (due before the money can come), `prefinance` (starts before it),
    `theme` (the source does not pay for this kind of action), `share` (counts on more than the
    source's largest share)."""
    text: str
    """The remark in the plan's language."""


class GroupVariant(PlanModel):
    """How one group's version of a merged action differs (synthesis only)."""

    group: str
    """The group."""
    timeframe: str = ""
    """The group's time frame when it differs."""
    responsible: str = ""
    """The group's responsible actor when it differs."""
    level: Level | None = None
    """The group's level when it differs; None when the same."""


class PlanAction(PlanModel):
    """One action (åtgärd) of the plan."""

    key: str
    """Stable key: `option:ROUND.DECISION.OPTION#N` or `own:GROUP_ID:ACTION_ID`; a merge keeps the first."""
    title: str
    """What is done."""
    result: str = ""
    """The intended result."""
    level: Level
    """lokal, regional or nationell."""
    responsible_id: str = ""
    """Role id of the responsible actor (empty when written as free text)."""
    responsible: str
    """The responsible actor's title."""
    partners: list[str] = Field(default_factory=list)
    """Titles of the key partners."""
    timeframe: str = ""
    """When."""
    start: str = ""
    """When it starts: game time after day 0 (`vecka 3`) or a calendar date or month; empty when not stated."""
    end: str = ""
    """When it ends or is due, written as `start`."""
    amount: int | None = None
    """What it costs in all, in kronor; None when not stated."""
    financing: Financing | None = None
    """How it is financed."""
    financing_share: float | None = None
    """Share of the amount the financing pays, 0-1: as the action states, else the card's largest
    share (1 for a source that pays in full); None when not known."""
    follow_up: str = ""
    """The measurable indicator the action is followed up with."""
    baseline: str = ""
    """The indicator's value at the start (utgångsläge)."""
    target: str = ""
    """The value aimed at, and by when."""
    follow_up_by_id: str = ""
    """Role id of the actor who owns the follow-up (empty when none)."""
    follow_up_by: str = ""
    """The title of the actor who owns the follow-up."""
    remarks: list[Remark] = Field(default_factory=list)
    """Where the action does not fit its financing (timing, what the source pays for, share)."""
    indicator_id: str = ""
    """The game's indicator the action is linked to (not a follow-up measure)."""
    indicator: str = ""
    """Label of the game's indicator."""
    theme: str = ""
    """Title of the plan theme the action belongs under."""
    phase: str = ""
    """Phase id of the round the action came from; empty when the round has none."""
    origin: Literal["option", "own"]
    """`option` when the action came with a chosen option, `own` when the group wrote it."""
    source_decision: str = ""
    """`ROUND.DECISION` of the option it came from (option actions only)."""
    source_option: str = ""
    """Label of the option it came from, or the number chosen with its unit (option actions
    only)."""
    groups: list[str] = Field(default_factory=list)
    """Groups whose plan holds the action."""
    variants: list[GroupVariant] = Field(default_factory=list)
    """Where merged groups' versions differ (synthesis only)."""


class BudgetLine(PlanModel):
    """What the plan's actions cost, per financing source."""

    card_id: str
    """The financing card's id; empty for actions that name no financing."""
    name: str
    """The source's name; empty for actions that name no financing."""
    actions: int
    """Actions that name the source."""
    priced: int
    """Of them, actions that state an amount."""
    amount: int
    """What the priced actions cost in all, in kronor."""
    financed: int | None = None
    """The source's part of that amount, in kronor; None when a priced action's share is unknown."""


class ChoiceByGroup(PlanModel):
    """One group's choice in a decision."""

    group: str
    """The group."""
    option: str
    """The choice in words (see `DecisionRecord.option`); empty when the group did not decide."""


class Difference(PlanModel):
    """A decision where the groups chose differently (synthesis only)."""

    decision_key: str
    """`ROUND.DECISION`."""
    question: str
    """The decision's question."""
    choices: list[ChoiceByGroup]
    """Each group's choice."""


RatingValue = Literal["without", "some", "major", "unable"]
"""How a group met an objective: without challenges, some challenges, major challenges, unable."""


class Rating(PlanModel):
    """A debrief rating of one objective for one group."""

    group: str
    """The group rated."""
    objective_id: str
    """The objective's id."""
    objective: str
    """The objective's text."""
    rating: RatingValue | None = None
    """`without`, `some`, `major` (challenges) or `unable`; None when not rated."""
    comment: str = ""
    """The facilitator's comment."""


class LessonItem(PlanModel):
    """A strength or an improvement from the debrief."""

    text: str
    """The lesson."""
    group: str = ""
    """The group it is about; empty when it is about the whole session."""


class Lessons(PlanModel):
    """What the debrief found."""

    ratings: list[Rating] = Field(default_factory=list)
    """Ratings per group and objective."""
    strengths: list[LessonItem] = Field(default_factory=list)
    """What worked well."""
    improvements: list[LessonItem] = Field(default_factory=list)
    """What to do better."""


class PlanSource(PlanModel):
    """A public source the plan rests on."""

    title: str
    """What the source is."""
    url: str = ""
    """Where it can be read."""
    note: str = ""
    """What the plan takes from it."""


class ActionPlan(PlanModel):
    """A draft action plan for one group, or a synthesis across all groups."""

    schema_version: str = SCHEMA_VERSION
    """Version of this format."""
    kind: Literal["group", "synthesis"]
    """`group` for one group's plan, `synthesis` for all groups combined."""
    language: Literal["sv", "en"] = "sv"
    """Language of the generated labels in the plan (scenario text keeps its own language)."""
    session_id: str = ""
    """Id of the session the plan was built from."""
    title_page: TitlePage
    """The title page."""
    summary: Summary
    """Counts behind the summary."""
    phases: list[PlanPhase] = Field(default_factory=list)
    """The phases the played rounds rehearsed, in playing order; the plan's spine."""
    situation: Situation
    """The lägesbild."""
    goals: list[Goal] = Field(default_factory=list)
    """Goals of the plan."""
    organisation: Organisation
    """Organisation and mandate."""
    actions: list[PlanAction] = Field(default_factory=list)
    """Actions in plan order; renderers split them by level."""
    budget: list[BudgetLine] = Field(default_factory=list)
    """Costs per financing source, in the order the sources first appear among the actions."""
    differences: list[Difference] = Field(default_factory=list)
    """Decisions where the groups differed (synthesis only)."""
    communication: list[str] = Field(default_factory=list)
    """Communication points."""
    risks: list[str] = Field(default_factory=list)
    """Risks to manage."""
    lessons: Lessons = Field(default_factory=Lessons)
    """Lessons from the debrief."""
    next_steps: list[str] = Field(default_factory=list)
    """Next steps after the workshop."""
    sources: list[PlanSource] = Field(default_factory=list)
    """Public sources."""

    def actions_at(self, level: Level) -> list[PlanAction]:
        """Return the actions of one level, in plan order."""
        return [action for action in self.actions if action.level == level]

    def actions_in(self, phase: str) -> list[PlanAction]:
        """Return the actions that came from rounds of one phase, in plan order."""
        return [action for action in self.actions if action.phase == phase]
