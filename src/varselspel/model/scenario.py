"""The scenario: a fictional varsel or etablering played in rounds."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, Field, model_validator

from varselspel.model.common import (
    Identifier,
    Level,
    NameId,
    StrictModel,
    WholeNumber,
    empty_list,
)
from varselspel.model.phase import Phase
from varselspel.model.role import RoleCard
from varselspel.model.timepoint import (
    TIMEPOINT_EXAMPLES,
    TIMEPOINT_PATTERN,
    check_timepoint,
    ends_before_start,
)

MAX_AMOUNT = 100_000_000_000
"""The largest amount an action may state, in kronor (100 billion)."""

TimePointText = Annotated[
    str,
    AfterValidator(check_timepoint),
    Field(
        max_length=40,
        json_schema_extra={"pattern": TIMEPOINT_PATTERN, "examples": list(TIMEPOINT_EXAMPLES)},
    ),
]
"""A time point as text: `dag N`, `vecka N`, `månad N` after day 0, or `YYYY-MM(-DD)`; may be empty."""


def _choices(*values: str) -> dict[str, Any]:
    """JSON Schema `enum` for a text field checked by a pattern, so editors offer the values."""
    return {"enum": list(values)}


class ScenarioKind(StrEnum):
    """Whether the scenario is a closure or an establishment."""

    VARSEL = "varsel"
    ETABLERING = "etablering"


class Source(StrictModel):
    """A public fact the scenario rests on."""

    title: str = Field(min_length=1)
    """What the source is, e.g. `Lag (1974:13) om vissa anställningsfrämjande åtgärder`."""
    url: str = ""
    """Where it can be read."""
    note: str = ""
    """What the scenario takes from it."""


class Municipality(StrictModel):
    """The fictional municipality the scenario happens in."""

    name: str = Field(min_length=1)
    """Name of the municipality, e.g. `Älvsby kommun`."""
    population: WholeNumber = Field(gt=0)
    """Number of residents."""
    employed: WholeNumber = Field(ge=0)
    """Residents in employment (day-time population is not used)."""
    unemployment_rate: float = Field(default=0.06, ge=0, le=1)
    """Share of the labour force that is unemployed before the scenario starts."""
    tax_rate: float = Field(default=0.3237, gt=0, lt=1)
    """Total kommunalskatt, kommun plus region, as a share (0.3237 = 32.37 %, the 2024 average)."""
    municipal_tax_rate: float = Field(default=0.21, gt=0, lt=1)
    """The municipality's own part of the tax rate, as a share (about 21 points of the total)."""
    revenue_per_inhabitant: WholeNumber = Field(default=65_000, gt=0)
    """The municipality's revenue from tax and utjämning per inhabitant, SEK per year."""
    average_income: WholeNumber = Field(default=360_000, gt=0)
    """Average taxable income per employed resident, SEK per year."""
    description: str = ""
    """A few sentences on the place: industries, commuting, housing, schools."""


class Region(StrictModel):
    """The fictional region the municipality lies in."""

    name: str = Field(min_length=1)
    """Name of the region, e.g. `Region Nordanå`."""
    population: WholeNumber = Field(gt=0)
    """Number of residents in the region."""
    description: str = ""
    """A few sentences on the region: labour-market region, other large employers."""


class Company(StrictModel):
    """The company that gives varsel or establishes."""

    name: str = Field(min_length=1)
    """The company's fictional name."""
    sector: str = ""
    """The industry, e.g. `massa och papper`."""
    employees: WholeNumber = Field(ge=0)
    """Employees today (for an etablering: before the expansion, often 0)."""
    affected: WholeNumber = Field(default=0, ge=0)
    """Employees given varsel (varsel) or permanent jobs planned (etablering)."""
    construction_peak: WholeNumber = Field(default=0, ge=0)
    """Workers on site at the peak of construction (etablering)."""
    resident_share: float = Field(default=1.0, ge=0, le=1)
    """Share of the employees (or of new employees) who live in the municipality."""
    commuters_from: list[str] = Field(default_factory=empty_list)
    """Where the other employees commute from."""
    description: str = ""
    """A few sentences on the company and the site."""


class Supplier(StrictModel):
    """A local supplier that depends on the company."""

    name: str = Field(min_length=1)
    """The supplier's fictional name."""
    employees: WholeNumber = Field(ge=0)
    """Its employees in the municipality."""
    dependence: float = Field(default=0.5, ge=0, le=1)
    """Share of its turnover that comes from the company."""
    description: str = ""
    """What it delivers."""


class ImpactAssumptions(StrictModel):
    """Assumptions the consequence model uses; each is the author's to change."""

    local_multiplier: float = Field(default=0.5, ge=0, le=5)
    """Indirect supplier-chain jobs at local firms not listed as suppliers, per direct job."""
    dismissed_share: float = Field(default=0.6, ge=0, le=1)
    """Share of those given varsel who are finally dismissed (Arbetsförmedlingen: about 6 in 10)."""
    unemployed_share: float = Field(default=0.2, ge=0, le=1)
    """Share of those given varsel who become unemployed (Arbetsförmedlingen: about 2 in 10)."""
    reemployed_12m: float = Field(default=0.85, ge=0, le=1)
    """Share of the dismissed in work or studies after 12 months (TSL 87-94 %, TRR about 8 in 10)."""
    move_away_share: float = Field(default=0.05, ge=0, le=1)
    """Share of the residents losing their job whose households move away (varsel)."""
    household_size: float = Field(default=2.2, gt=0, le=10)
    """Average persons per household that moves in or out."""
    in_mover_share: float = Field(default=0.5, ge=0, le=1)
    """Share of new jobs filled by people who move into the municipality (etablering)."""
    children_preschool_per_household: float = Field(default=0.3, ge=0, le=5)
    """Preschool children (1-5 years) per in-moving household (etablering)."""
    children_school_per_household: float = Field(default=0.5, ge=0, le=5)
    """School children (6-15 years) per in-moving household (etablering)."""
    construction_resident_share: float = Field(default=0.2, ge=0, le=1)
    """Share of construction workers who register as residents during the build (etablering)."""
    new_jobs: float = Field(default=0, ge=0, le=100_000)
    """New local jobs since the varsel (new firms, spin-offs); effects add to it (varsel)."""
    new_jobs_local_share: float = Field(default=0.5, ge=0, le=1)
    """Share of the new local jobs that go to residents without work (varsel)."""


class FigureReveal(StrictModel):
    """Consequence-model figures that the lägesbild keeps hidden until they are revealed."""

    figures: list[str] = Field(min_length=1)
    """Figure codes of the consequence model, e.g. `direct_jobs`, `unemployed_12`."""
    available_from: Identifier | None = None
    """Round id from whose start the figures may be shown."""
    condition: str = ""
    """Expression that must hold (from `available_from` on) before the figures are shown."""


class Setting(StrictModel):
    """The place, the company and the numbers a lägesbild needs."""

    municipality: Municipality
    """The municipality the scenario happens in."""
    region: Region
    """The region around it."""
    company: Company
    """The company at the centre of the scenario."""
    suppliers: list[Supplier] = Field(default_factory=empty_list)
    """Local suppliers that depend on the company."""
    assumptions: ImpactAssumptions = Field(default_factory=ImpactAssumptions)
    """The consequence model's assumptions, named so the facilitator can discuss them."""
    reveal: list[FigureReveal] = Field(default_factory=empty_list)
    """Lägesbild figures shown only from a round on, or once a condition holds; the others show
    from the start."""


class RoleInScenario(StrictModel):
    """A role from the library, with what this scenario tells it."""

    role: Identifier
    """Role id from the roles library."""
    organisation: str = ""
    """The organisation the role stands for in this scenario, e.g. `Pappers avdelning 14`;
    empty keeps the role card's (often generic) organisation."""
    briefing: str = ""
    """What this role knows when the scenario starts."""
    private_goals: list[str] = Field(default_factory=empty_list)
    """Goals only this role's card shows."""
    required: bool = True
    """True when the scenario needs someone (or the facilitator) to hold the role."""


class Indicator(StrictModel):
    """A number the scenario tracks per group."""

    id: NameId
    """Name used in conditions and effects, e.g. `arbetslosa`."""
    label: str = Field(min_length=1)
    """Label shown on screen, e.g. `Arbetslösa i kommunen`."""
    unit: str = ""
    """Unit shown after the value, e.g. `personer`, `%`, `MSEK`."""
    start: float
    """Value at the start of the scenario."""
    min: float | None = None
    """Lowest value; effects are clamped to it."""
    max: float | None = None
    """Highest value; effects are clamped to it."""
    good: str = Field(
        default="up", pattern=r"^(up|down)$", json_schema_extra=_choices("up", "down")
    )
    """Which direction is good: `up` or `down`."""
    description: str = ""
    """What the number means and where the start value comes from."""
    follows: str | None = None
    """A consequence-model figure the indicator follows: after every round it is `start` plus
    the figure (times `follows_scale`) at the round's `model_month`; effects may not change it."""
    follows_scale: float = Field(default=1.0, gt=-1e9, lt=1e9)
    """Multiplies the followed figure, e.g. `0.000001` to show SEK as MSEK."""


class Flag(StrictModel):
    """A yes/no fact of the game state, set by effects and read by conditions."""

    id: NameId
    """Name used in conditions and effects, e.g. `egf_sokt`."""
    description: str = ""
    """What it means when the flag is true."""
    start: bool = False
    """Value at the start of the scenario."""


class DelayedEffects(StrictModel):
    """Effects that apply at the start of a later round instead of at once."""

    after_rounds: WholeNumber = Field(ge=1, le=50)
    """How many rounds later: 1 is the start of the next round."""
    effects: list[str] = Field(min_length=1)
    """The effects, e.g. `arbetslosa -= 30`; evaluated when they apply."""


class Inject(StrictModel):
    """News that arrives during a round."""

    id: Identifier
    """Id, unique in the scenario."""
    title: str = Field(min_length=1)
    """Headline, e.g. `Lokaltidningen: 'Bruket stänger'`."""
    text: str = Field(min_length=1)
    """The message itself."""
    sender: str = ""
    """Who it comes from, e.g. `lokaltidningen`, `facket`, `en oroad förälder`."""
    channel: str = Field(
        default="",
        json_schema_extra={
            "examples": ["artikel", "samtal", "mejl", "sms", "möte", "sociala medier"]
        },
    )
    """How it arrives, in free text; the usual words are artikel, samtal, mejl, sms, möte, sociala medier."""
    to: list[Identifier] = Field(default_factory=empty_list)
    """Role ids that receive it; empty means every role."""
    condition: str = ""
    """Expression that must be true for the inject to appear, e.g. `not egf_sokt`."""
    backup: bool = False
    """True for an on-demand inject the facilitator releases by hand for a stalled group."""
    effects: list[str] = Field(default_factory=empty_list)
    """Effects applied to a group when the inject reaches it, e.g. `fortroende -= 5`."""
    delayed_effects: list[DelayedEffects] = Field(default_factory=empty_list)
    """Effects that apply at the start of a later round, counted from the inject's round."""
    cards: list[Identifier] = Field(default_factory=empty_list)
    """Card ids the inject points to."""


class ActionItem(StrictModel):
    """An item of the draft action plan (åtgärd)."""

    title: str = Field(min_length=1)
    """What is done, e.g. `Starta lokal omställningsgrupp`."""
    result: str = ""
    """The intended result."""
    responsible: Identifier
    """Role id of the responsible actor."""
    partners: list[Identifier] = Field(default_factory=empty_list)
    """Role ids or network card ids of the key partners."""
    level: Level = Field(default=Level.LOKAL, strict=False)
    """lokal, regional or nationell."""
    timeframe: str = ""
    """When, e.g. `inom 2 veckor`, `vecka 1-8`, `2027`."""
    financing: Identifier | None = None
    """Financing card id that pays for it, if any."""
    indicator: NameId | None = None
    """Indicator id used to follow it up, if any."""
    theme: Identifier | None = None
    """Action-plan theme id it belongs under, if the scenario defines themes."""
    amount: WholeNumber | None = Field(default=None, ge=0, le=MAX_AMOUNT)
    """What the action costs in all, in kronor (SEK); say in a comment where it is an assumption."""
    financing_share: float | None = Field(default=None, ge=0, le=1)
    """Share of the amount the named financing pays (0.6 = 60 %); empty: the card's `covers_share`."""
    start: TimePointText = ""
    """When it starts: game time after day 0 (`dag 2`, `vecka 3`, `månad 6`) or `YYYY-MM(-DD)`."""
    end: TimePointText = ""
    """When it ends (or is due), written as `start`; not before `start`."""
    follow_up: str = ""
    """The measurable indicator it is followed up with, e.g. `Andel uppsagda i arbete eller
    studier efter 6 och 12 månader`."""
    baseline: str = ""
    """The indicator's value at the start (utgångsläge), e.g. `0 av 68`."""
    target: str = ""
    """The value aimed at, and by when, e.g. `minst 85 % efter 12 månader`."""
    follow_up_by: Identifier | None = None
    """Role id of the actor who owns the follow-up."""

    @model_validator(mode="after")
    def _end_not_before_start(self) -> ActionItem:
        """Refuse an end that comes before the start."""
        if ends_before_start(self.start, self.end):
            raise ValueError(f"end `{self.end}` comes before start `{self.start}`")
        return self


class Option(StrictModel):
    """One possible answer to a decision."""

    id: Identifier
    """Id, unique within its decision."""
    label: str = Field(min_length=1)
    """Short label, e.g. `Kommunen leder och sammankallar`."""
    explanation: str = ""
    """What the option means and what it costs."""
    condition: str = ""
    """Expression that must be true for the option to be available."""
    effects: list[str] = Field(default_factory=empty_list)
    """Effects on indicators, flags and model assumptions, e.g. `fortroende += 5`."""
    delayed_effects: list[DelayedEffects] = Field(default_factory=empty_list)
    """Effects that apply at the start of a later round, counted from the round it is chosen in."""
    outcome: str = ""
    """What the group hears after choosing it."""
    actions: list[ActionItem] = Field(default_factory=empty_list)
    """Action-plan items the option contributes."""
    cards: list[Identifier] = Field(default_factory=empty_list)
    """Card ids the option rests on, shown beside it."""


class NumberChoice(StrictModel):
    """A decision answered with a number in a range, e.g. how many Komvux places to open."""

    label: str = Field(min_length=1)
    """What the number counts, e.g. `Antal Komvux-platser`."""
    min: float
    """Smallest number the group may choose."""
    max: float
    """Largest number the group may choose."""
    step: float = Field(default=1, gt=0)
    """The number must be `min` plus a whole number of steps."""
    unit: str = ""
    """Unit shown after the number, e.g. `platser`, `MSEK`."""
    effects: list[str] = Field(default_factory=empty_list)
    """Effects when the round closes; `varde("ROUND.DECISION")` is the number chosen."""
    delayed_effects: list[DelayedEffects] = Field(default_factory=empty_list)
    """Effects that apply at the start of a later round."""
    outcome: str = ""
    """What the group hears after choosing."""
    actions: list[ActionItem] = Field(default_factory=empty_list)
    """Action-plan items; `{value}` in a title or result is replaced by the number chosen."""
    cards: list[Identifier] = Field(default_factory=empty_list)
    """Card ids the number rests on, shown beside it."""


class Decision(StrictModel):
    """A question a group must settle in a round."""

    id: Identifier
    """Id, unique in the scenario; expressions refer to it as `round.decision`."""
    question: str = Field(min_length=1)
    """The question, e.g. `Vem leder och sammankallar arbetet?`."""
    context: str = ""
    """Background the group needs to reason about it."""
    mandate: Identifier | None = None
    """Mandate id the decision needs; roles whose card holds it own the decision."""
    owners: list[Identifier] = Field(default_factory=empty_list)
    """Role ids that own the decision; overrides the roles found through `mandate`."""
    outside_mandate: str = Field(
        default="anchor",
        pattern=r"^(anchor|refuse)$",
        json_schema_extra=_choices("anchor", "refuse"),
    )
    """`anchor`: a choice without the mandate is recorded as needing anchoring; `refuse`: refused."""
    condition: str = ""
    """Expression that must be true for the decision to be put to the group."""
    cards: list[Identifier] = Field(default_factory=empty_list)
    """Card ids that help the group decide."""
    options: list[Option] = Field(default_factory=empty_list)
    """The options, in the order shown; a decision has options or a `number`."""
    max_choices: WholeNumber = Field(default=1, ge=1, le=50)
    """How many options a group may choose together (1: one option; more: a multi-select)."""
    number: NumberChoice | None = None
    """Instead of options: the group answers with a number in a range."""


class FacilitatorNotes(StrictModel):
    """What only the facilitator sees for a round."""

    notes: str = ""
    """How to run the round, what to watch for."""
    expected: list[str] = Field(default_factory=empty_list)
    """Responses a well-prepared group is expected to give."""


class Round(StrictModel):
    """A step of game time with a discussion time box."""

    id: Identifier
    """Id, unique in the scenario, e.g. `r1`."""
    title: str = Field(min_length=1)
    """Title, e.g. `Varslet blir offentligt`."""
    game_time: str = Field(min_length=1)
    """Game time, e.g. `Dag 0`, `Vecka 2`, `Månad 6`."""
    minutes: WholeNumber = Field(ge=1, le=240)
    """Discussion time box in minutes."""
    briefing: str = Field(min_length=1)
    """What every group hears when the round starts."""
    phase: Phase | None = Field(default=None, strict=False)
    """The phase the round rehearses: Omställningsguiden's `forbered`, `analysera`, `planera`,
    `genomfor`, `folj-upp`, or the establishment guide's `samordna`, `forutsattningar`,
    `leverantorer`, `eftervard`; the plan is organised by it."""
    condition: str = ""
    """Expression that must be true for the round to be played; otherwise it is skipped."""
    model_month: float | None = Field(default=None, ge=-120, le=240)
    """Months after the dismissals (varsel) or after production starts (etablering) that the
    end of the round stands for; indicators that follow the model read its figures then."""
    injects: list[Inject] = Field(default_factory=empty_list)
    """Injects in the order they are released."""
    decisions: list[Decision] = Field(default_factory=empty_list)
    """Decisions the groups settle in this round."""
    own_actions_prompt: str = ""
    """Invitation to the groups to write actions of their own in this round."""
    facilitator: FacilitatorNotes = Field(default_factory=FacilitatorNotes)
    """Facilitator-only notes and expected responses."""


class KnowledgeCard(StrictModel):
    """A fact or a lesson from an earlier case."""

    id: Identifier
    """Card id, unique among all cards."""
    title: str = Field(min_length=1)
    """Card title."""
    text: str = Field(min_length=1)
    """The fact or lesson."""
    source: str = ""
    """Where it comes from."""
    available_from: Identifier | None = None
    """Round id from whose start the card is available; none: from the start."""
    condition: str = ""
    """Expression that must hold (from `available_from` on) before the card is available."""


class NetworkCard(StrictModel):
    """An actor and what it can do."""

    id: Identifier
    """Card id, unique among all cards."""
    actor: str = Field(min_length=1)
    """The actor, e.g. `Arbetsförmedlingen`."""
    can_do: list[str] = Field(min_length=1)
    """What the actor can do in this situation."""
    role: Identifier | None = None
    """Role id when the actor is also a playable role."""
    contact: str = ""
    """How to reach it, in the fiction."""
    available_from: Identifier | None = None
    """Round id from whose start the card is available; none: from the start."""
    condition: str = ""
    """Expression that must hold (from `available_from` on) before the card is available."""


class FinancingCard(StrictModel):
    """A source of money, who may apply and on what terms."""

    id: Identifier
    """Card id, unique among all cards."""
    name: str = Field(min_length=1)
    """Name of the source, e.g. `Fonden för en rättvis omställning (FRO)`."""
    administrator: str = ""
    """Who administers it, e.g. `Tillväxtverket`."""
    who_may_apply: str = Field(min_length=1)
    """Who may apply."""
    covers_share: float | None = Field(default=None, ge=0, le=1)
    """The largest share of costs the source pays (0.5 = 50 %); co-financing covers the rest."""
    conditions: list[str] = Field(default_factory=empty_list)
    """Conditions and pitfalls."""
    source: str = ""
    """Where the terms are stated."""
    lead_time_weeks: WholeNumber | None = Field(default=None, ge=0, le=520)
    """Weeks from deciding to apply until the money can be paid out at the earliest; an action
    due sooner cannot count on it. Empty: not stated."""
    pays_for: list[Identifier] = Field(default_factory=empty_list)
    """Action-plan theme ids of the actions the source may pay for; empty: not stated."""
    available_from: Identifier | None = None
    """Round id from whose start the card is available; none: from the start."""
    condition: str = ""
    """Expression that must hold (from `available_from` on) before the card is available."""

    @property
    def cofinancing_share(self) -> float | None:
        """The share the applicant must find elsewhere, when the source caps its share."""
        return None if self.covers_share is None else round(1 - self.covers_share, 4)


AnyCard = KnowledgeCard | NetworkCard | FinancingCard
"""Any card of a scenario."""


class CardSet(StrictModel):
    """The knowledge, network and financing cards the scenario offers."""

    knowledge: list[KnowledgeCard] = Field(default_factory=empty_list)
    """Facts and lessons from earlier cases."""
    network: list[NetworkCard] = Field(default_factory=empty_list)
    """Actors and what they can do."""
    financing: list[FinancingCard] = Field(default_factory=empty_list)
    """Financing sources."""

    def by_kind(self) -> tuple[tuple[str, list[AnyCard]], ...]:
        """Return the cards by kind (`knowledge`, `network`, `financing`), in that order."""
        return (
            ("knowledge", list(self.knowledge)),
            ("network", list(self.network)),
            ("financing", list(self.financing)),
        )


class ActionTheme(StrictModel):
    """A heading of the action plan that actions are grouped under."""

    id: Identifier
    """Theme id."""
    title: str = Field(min_length=1)
    """Heading, e.g. `Kompetensförsörjning`."""
    description: str = ""
    """What belongs here."""


class ActionPlanSettings(StrictModel):
    """How the scenario's action plan is organised and where groups' own actions go."""

    themes: list[ActionTheme] = Field(default_factory=empty_list)
    """Themes actions are grouped under; a group's own action picks one (or none)."""
    own_actions: bool = True
    """True when groups may add free-text actions of their own to the plan."""
    communication: list[str] = Field(default_factory=empty_list)
    """Communication points the plan always carries."""
    risks: list[str] = Field(default_factory=empty_list)
    """Risks the plan always names."""
    next_steps: list[str] = Field(default_factory=empty_list)
    """Next steps after the workshop."""


class Objective(StrictModel):
    """A learning objective groups are rated against in the debrief."""

    id: Identifier
    """Objective id."""
    text: str = Field(min_length=1)
    """The objective, e.g. `Gruppen utser vem som leder och sammankallar inom ett dygn`."""


class Debrief(StrictModel):
    """Objectives to rate and questions to discuss after the last round."""

    objectives: list[Objective] = Field(default_factory=empty_list)
    """Objectives groups are rated against."""
    questions: list[str] = Field(default_factory=empty_list)
    """Questions for the closing discussion."""


class Scenario(StrictModel):
    """A complete workshop scenario."""

    id: Identifier
    """Scenario id, e.g. `bruket-i-alvsby`."""
    title: str = Field(min_length=1)
    """Title shown in the launcher and on the projector."""
    kind: ScenarioKind = Field(strict=False)
    """`varsel` or `etablering`."""
    summary: str = Field(min_length=1)
    """Two or three sentences for the launcher."""
    language: str = Field(
        default="sv", pattern=r"^(sv|en)$", json_schema_extra=_choices("sv", "en")
    )
    """Language of the scenario text: `sv` or `en`."""
    year: WholeNumber = Field(ge=1990, le=2100)
    """The year the scenario's rules and figures assume."""
    authors: list[str] = Field(default_factory=empty_list)
    """Who wrote it."""
    version: str = "1.0"
    """The scenario's own version."""
    duration_minutes: WholeNumber = Field(ge=5, le=1440)
    """Length of the whole workshop in minutes, including the debrief."""
    debrief_minutes: WholeNumber = Field(default=20, ge=0, le=480)
    """Minutes set aside for the debrief."""
    sources: list[Source] = Field(default_factory=empty_list)
    """The public facts the scenario rests on."""
    setting: Setting
    """The place, the company and the numbers of the lägesbild."""
    roles: list[RoleInScenario] = Field(min_length=1)
    """The roles the scenario uses, with briefings."""
    role_cards: list[RoleCard] = Field(default_factory=empty_list)
    """Role cards of the scenario's own, for roles the library lacks; list them under `roles`."""
    indicators: list[Indicator] = Field(default_factory=empty_list)
    """Numbers tracked per group."""
    flags: list[Flag] = Field(default_factory=empty_list)
    """Yes/no facts set by effects and read by conditions."""
    rounds: list[Round] = Field(min_length=1)
    """Rounds in playing order."""
    cards: CardSet = Field(default_factory=CardSet)
    """Knowledge, network and financing cards."""
    action_plan: ActionPlanSettings = Field(default_factory=ActionPlanSettings)
    """How the action plan is organised."""
    debrief: Debrief = Field(default_factory=Debrief)
    """Objectives and questions for the debrief."""


def with_inline_roles(scenario: Scenario, roles: Mapping[str, RoleCard]) -> dict[str, RoleCard]:
    """Return a role library with the scenario's own role cards added (they replace by id)."""
    merged = dict(roles)
    seen: set[str] = set()
    for card in scenario.role_cards:
        # The first definition wins, as for every other repeated id (the checker reports C034).
        if card.id not in seen:
            seen.add(card.id)
            merged[card.id] = card
    return merged
