"""The session state: what the fold of all events yields; callers treat it as read-only."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from varselspel.engine.commands import ActionFields, LessonKind, RatingValue


class StateModel(BaseModel):
    """Base of the state classes: plain fields, no validation on assignment."""

    model_config = ConfigDict(
        extra="forbid", use_attribute_docstrings=True, ser_json_inf_nan="constants"
    )


M = TypeVar("M", bound=StateModel)


def built(cls: type[M], values: dict[str, Any]) -> M:
    """Return a state object from values already valid, every field given (no defaults filled).

    What `model_construct` does for these plain models, without its alias and default handling;
    folding thousands of events spends most of its time making these objects.
    """
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


class Phase(StrEnum):
    """Where the session is in the workshop."""

    SETUP = "setup"
    """Groups, participants and roles are being set up."""
    READY = "ready"
    """Started; no round is open (before the first round or between rounds)."""
    ROUND = "round"
    """A round is open."""
    DEBRIEF = "debrief"
    """The debrief after the last round."""
    ENDED = "ended"
    """The session has ended."""


class Participant(StateModel):
    """A person in a group."""

    id: str
    """Participant id, e.g. `p3`."""
    name: str
    """The person's name."""
    organisation: str = ""
    """The person's real organisation."""


class TimerState(StateModel):
    """The open round's time box, computed from event timestamps only."""

    duration_s: float
    """Time box in seconds, including extensions."""
    started_at: datetime
    """When the round opened."""
    paused_at: datetime | None = None
    """When the timer was paused, if it is paused now."""
    paused_s: float = 0.0
    """Seconds spent paused before the current pause."""

    @property
    def paused(self) -> bool:
        """True while the timer is paused."""
        return self.paused_at is not None

    def elapsed(self, now: datetime) -> float:
        """Seconds the timer has run at `now`, not counting pauses."""
        end = self.paused_at or now
        return max(0.0, (end - self.started_at).total_seconds() - self.paused_s)

    def remaining(self, now: datetime) -> float:
        """Seconds left at `now`; negative when the time box is exceeded."""
        return self.duration_s - self.elapsed(now)


class InjectDelivery(StateModel):
    """An inject released to a group, or withheld because its condition was false for it."""

    inject: str
    """Inject id."""
    round: str
    """Round id the inject belongs to."""
    seq: int
    """Seq of the release event."""
    at: datetime
    """When it was released."""
    delivered: bool = True
    """False when the inject's condition was false for the group, so it never reached it."""
    backup: bool = False
    """True for an on-demand backup inject."""


class ChoiceRecord(StateModel):
    """A group's choice for one decision, with its reasons and mandate status."""

    decision: str
    """Decision key `ROUND.DECISION`."""
    round: str
    """Round id."""
    option: str
    """Option id; the first chosen of a multi-select, empty for a number decision."""
    options: list[str] = Field(default_factory=list)
    """Every option chosen, in the scenario's order, for a multi-select decision."""
    value: float | None = None
    """The number chosen, for a decision answered with a number."""
    rationale: str = ""
    """The group's reasons."""
    agreed_roles: list[str] = Field(default_factory=list)
    """Roles that agreed (the roles the group held when none were named)."""
    mandate: str | None = None
    """Mandate id the decision needs, if any."""
    owners: list[str] = Field(default_factory=list)
    """Role ids that own the decision (its mandate basis)."""
    outside_mandate: bool = False
    """True when no agreed role owns the decision and the scenario lets it be anchored later."""
    anchor_with: list[str] = Field(default_factory=list)
    """Owner role ids to anchor the choice with, when outside the mandate."""
    seq: int = 0
    """Seq of the event that made (or last revised) the choice."""
    at: datetime | None = None
    """When it was made or last revised."""
    revisions: int = 0
    """How many times the choice was revised after it was first made."""
    applied: bool = False
    """True once the round closed and the option's effects were applied."""

    @property
    def answer(self) -> str | tuple[str, ...] | float:
        """The choice as expressions read it: an option id, a tuple of option ids, or a number."""
        if self.value is not None:
            return self.value
        if self.options:
            return tuple(self.options)
        return self.option


class PendingEffects(StateModel):
    """Delayed effects of a group that wait for a later round to open."""

    source: str
    """Which list of delayed effects (see `Scheduled.source`)."""
    due: str
    """Id of the round at whose opening they apply (or the next round opened after it)."""
    round: str
    """Id of the round in which they were set off."""


class OwnAction(StateModel):
    """An action the group wrote itself."""

    id: str
    """Action id, e.g. `a4`."""
    fields: ActionFields
    """Its content."""
    round: str | None = None
    """Round id when it was added (None before the first round)."""
    seq: int = 0
    """Seq of the event that added it."""
    updated_seq: int = 0
    """Seq of the event that last changed it."""


class Note(StateModel):
    """A note by or about a group, or a facilitator note."""

    seq: int
    """Seq of the event that wrote it."""
    at: datetime
    """When it was written."""
    group: str | None
    """Group id, or None for a facilitator note."""
    round: str | None
    """Round id when it was written, if a round had started."""
    text: str
    """The note."""


class Rating(StateModel):
    """How a group met one debrief objective."""

    objective: str
    """Objective id."""
    rating: RatingValue
    """`without`, `some`, `major` or `unable`."""
    comment: str = ""
    """Why."""
    seq: int = 0
    """Seq of the event that set it."""


class Lesson(StateModel):
    """A strength or an improvement recorded in the debrief."""

    seq: int
    """Seq of the event that recorded it."""
    group: str | None
    """Group id, or None for the whole session."""
    kind: LessonKind
    """`strength` or `improvement`."""
    text: str
    """The lesson."""


class RoundRecord(StateModel):
    """How one round went for one group."""

    round: str
    """Round id."""
    played: bool = True
    """False when the round's condition was false for the group, so its round was empty."""
    started_at: datetime | None = None
    """When the round opened."""
    closed_at: datetime | None = None
    """When the round closed."""


class HistoryPoint(StateModel):
    """Indicator and model values of a group at the start, or at the end of a round."""

    round: str | None
    """Round id, or None for the start of the scenario."""
    indicators: dict[str, float]
    """Indicator values."""
    model: dict[str, float]
    """Consequence-model values (`model.*`)."""
    flags: dict[str, bool] = Field(default_factory=dict)
    """Flag values."""


class GroupState(StateModel):
    """Everything about one group."""

    id: str
    """Group id, e.g. `g1`."""
    name: str
    """The group's name."""
    participants: dict[str, Participant] = Field(default_factory=dict)
    """Participants by id, in the order added."""
    roles: dict[str, str] = Field(default_factory=dict)
    """Role id -> holder: a participant id, or `facilitator`."""
    indicators: dict[str, float] = Field(default_factory=dict)
    """Current indicator values."""
    flags: dict[str, bool] = Field(default_factory=dict)
    """Current flag values."""
    model: dict[str, float] = Field(default_factory=dict)
    """Current consequence-model values (`model.<field>`)."""
    choices: dict[str, ChoiceRecord] = Field(default_factory=dict)
    """Choices by decision key, for every round so far."""
    injects: list[InjectDelivery] = Field(default_factory=list)
    """Injects released to the group (and withheld ones), in release order."""
    actions: dict[str, OwnAction] = Field(default_factory=dict)
    """The group's own actions by id."""
    notes: list[Note] = Field(default_factory=list)
    """Notes about the group."""
    rounds: dict[str, RoundRecord] = Field(default_factory=dict)
    """Rounds started so far, by round id."""
    history: list[HistoryPoint] = Field(default_factory=list)
    """Values at the start and at the end of each closed round, for charts."""
    ratings: dict[str, Rating] = Field(default_factory=dict)
    """Debrief ratings by objective id."""
    lessons: list[Lesson] = Field(default_factory=list)
    """Debrief lessons of the group."""
    revealed_cards: list[str] = Field(default_factory=list)
    """Cards with `available_from` or a `condition` that are available to the group, in order."""
    revealed_figures: list[str] = Field(default_factory=list)
    """Lägesbild figures of `setting.reveal` shown to the group, in the order revealed."""
    pending: list[PendingEffects] = Field(default_factory=list)
    """Delayed effects waiting for a later round, in the order set off."""

    def holders(self, role: str) -> str | None:
        """Return who holds `role` (participant id or `facilitator`), or None."""
        return self.roles.get(role)

    def roles_of(self, participant: str) -> list[str]:
        """Return the role ids a participant holds."""
        return [role for role, holder in self.roles.items() if holder == participant]

    def delivered_injects(self) -> list[InjectDelivery]:
        """Return the injects that reached the group."""
        return [d for d in self.injects if d.delivered]


class SessionState(StateModel):
    """The whole session: phase, round, timer and the groups."""

    phase: Phase = Phase.SETUP
    """Where the session is."""
    round_index: int = -1
    """Index into the scenario's rounds of the current (open or last closed) round; -1 before."""
    round_id: str | None = None
    """Id of the current round, or None before the first."""
    round_open: bool = False
    """True while a round is open."""
    timer: TimerState | None = None
    """The open round's timer."""
    groups: dict[str, GroupState] = Field(default_factory=dict)
    """Groups by id, in the order added."""
    notes: list[Note] = Field(default_factory=list)
    """The facilitator's own notes."""
    lessons: list[Lesson] = Field(default_factory=list)
    """Lessons for the whole session."""
    last_seq: int = 0
    """Seq of the last event folded in (undone ones included)."""
    undone: list[int] = Field(default_factory=list)
    """Seqs of events that an undo cancelled."""
    started_at: datetime | None = None
    """When the session started."""
    ended_at: datetime | None = None
    """When the session ended."""
    next_ids: dict[str, int] = Field(default_factory=dict)
    """Counters for engine-assigned ids (`g`, `p`, `a`)."""
