"""Facts: what an accepted command did, in the past tense; the state is a fold of these alone.

A fact holds every outcome the rules worked out when the command was accepted (which groups an
inject reached, the values a round's effects left, whether a choice was outside the mandate), so
folding facts evaluates no expression and consults neither the impact model nor the checker.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from varselspel.engine.commands import ActionFields, LessonKind, RatingValue


class FactBase(BaseModel):
    """Base of all facts: frozen, no unknown fields; infinite values survive JSON too."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True, ser_json_inf_nan="constants"
    )


class Values(FactBase):
    """Indicator, flag and `model.*` values of a group: whole at the start, else what changed.

    Also the cards and lägesbild figures that became available to the group at that moment.
    """

    indicators: dict[str, float] = Field(default_factory=dict)
    """Indicator id -> value."""
    flags: dict[str, bool] = Field(default_factory=dict)
    """Flag id -> value."""
    model: dict[str, float] = Field(default_factory=dict)
    """`model.*` name -> value."""
    revealed_cards: list[str] = Field(default_factory=list)
    """Ids of cards (with `available_from` or a `condition`) that became available now."""
    revealed_figures: list[str] = Field(default_factory=list)
    """Codes of lägesbild figures (of `setting.reveal`) that are shown from now on."""

    def __bool__(self) -> bool:
        """True when any value is set."""
        return bool(
            self.indicators
            or self.flags
            or self.model
            or self.revealed_cards
            or self.revealed_figures
        )


class Scheduled(FactBase):
    """Delayed effects that will apply when a later round opens."""

    source: str
    """Which list of delayed effects: `INJECT@N`, `ROUND.DECISION/OPTION@N` or
    `ROUND.DECISION@N` (a number decision), N its place in `delayed_effects`."""
    due: str
    """Id of the round at whose opening they apply (or the next round opened after it)."""


# --- Setup ------------------------------------------------------------------------------------


class GroupAdded(FactBase):
    """A group joined the session with the scenario's start values."""

    type: Literal["group_added"] = "group_added"
    group: str
    """Group id."""
    name: str
    """The group's name."""
    start: Values
    """Every indicator, flag and `model.*` value the group starts with."""


class GroupRenamed(FactBase):
    """A group got a new name."""

    type: Literal["group_renamed"] = "group_renamed"
    group: str
    """Group id."""
    name: str
    """The new name."""


class GroupRemoved(FactBase):
    """A group left the session during the setup."""

    type: Literal["group_removed"] = "group_removed"
    group: str
    """Group id."""


class ParticipantAdded(FactBase):
    """A person joined a group."""

    type: Literal["participant_added"] = "participant_added"
    group: str
    """Group id."""
    participant: str
    """Participant id."""
    name: str
    """The person's name."""
    organisation: str = ""
    """The person's real organisation."""


class ParticipantRemoved(FactBase):
    """A person left a group; the roles they held became unheld."""

    type: Literal["participant_removed"] = "participant_removed"
    group: str
    """Group id."""
    participant: str
    """Participant id."""
    roles: list[str] = Field(default_factory=list)
    """Role ids the person held, now unheld."""


class ParticipantMoved(FactBase):
    """A person moved to another group; the roles they held in the old one became unheld."""

    type: Literal["participant_moved"] = "participant_moved"
    group: str
    """Group id the person left."""
    participant: str
    """Participant id, the same in the new group."""
    to_group: str
    """Group id the person joined."""
    roles: list[str] = Field(default_factory=list)
    """Role ids the person held in the old group, now unheld."""


class RoleAssigned(FactBase):
    """A role of a group got a holder."""

    type: Literal["role_assigned"] = "role_assigned"
    group: str
    """Group id."""
    role: str
    """Role id."""
    holder: str
    """Participant id, or `facilitator`."""


class RoleUnassigned(FactBase):
    """A role of a group became unheld."""

    type: Literal["role_unassigned"] = "role_unassigned"
    group: str
    """Group id."""
    role: str
    """Role id."""


# --- Rounds and injects -----------------------------------------------------------------------


class SessionStarted(FactBase):
    """The setup ended and the lägesbild was shown."""

    type: Literal["session_started"] = "session_started"
    changes: dict[str, Values] = Field(default_factory=dict)
    """Group id -> the cards and figures whose condition already held (nothing else changes)."""


class RoundSkipped(FactBase):
    """A round's condition was false for every group, so it opened and closed at once."""

    type: Literal["round_skipped"] = "round_skipped"
    round: str
    """Round id."""


class RoundStarted(FactBase):
    """A round opened and its timer started."""

    type: Literal["round_started"] = "round_started"
    round: str
    """Round id."""
    minutes: int
    """The round's time box."""
    played: dict[str, bool]
    """Group id -> whether the round's condition held for it (False: an empty round)."""
    decisions_put: dict[str, list[str]] = Field(default_factory=dict)
    """Group id -> keys of the decisions put to it when the round opened."""
    delayed: dict[str, list[str]] = Field(default_factory=dict)
    """Group id -> sources of the delayed effects that applied as the round opened."""
    changes: dict[str, Values] = Field(default_factory=dict)
    """Group id -> the values the delayed effects changed, as they are afterwards, and the
    cards and figures revealed as the round opened."""


class InjectReleased(FactBase):
    """An inject went out: it reached some groups and was withheld from others."""

    type: Literal["inject_released"] = "inject_released"
    inject: str
    """Inject id."""
    round: str
    """Round id the inject belongs to."""
    backup: bool = False
    """True for an on-demand backup inject."""
    reached: list[str] = Field(default_factory=list)
    """Group ids the inject reached (its condition held)."""
    withheld: list[str] = Field(default_factory=list)
    """Group ids it was withheld from (its condition was false)."""
    changes: dict[str, Values] = Field(default_factory=dict)
    """Group id -> the values its effects changed, as they are afterwards."""
    scheduled: dict[str, list[Scheduled]] = Field(default_factory=dict)
    """Group id -> the inject's delayed effects, waiting for a later round."""


class OptionChosen(FactBase):
    """A group chose (or revised its choice of) an option, with its mandate basis."""

    type: Literal["option_chosen"] = "option_chosen"
    group: str
    """Group id."""
    decision: str
    """Decision key `ROUND.DECISION`."""
    round: str
    """Round id of the decision."""
    option: str
    """Option id; the first in the scenario's order for a multi-select, empty for a number."""
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
    mandate_basis: list[str] = Field(default_factory=list)
    """Role ids that own the decision."""
    outside_mandate: bool = False
    """True when no agreed role owns the decision."""
    anchor_with: list[str] = Field(default_factory=list)
    """Owner role ids to anchor the choice with, when outside the mandate."""


class ChoiceCleared(FactBase):
    """A group withdrew its choice for a decision."""

    type: Literal["choice_cleared"] = "choice_cleared"
    group: str
    """Group id."""
    decision: str
    """Decision key."""


class ChoiceWithdrawn(FactBase):
    """A choice no longer held after another choice changed, so it was withdrawn."""

    type: Literal["choice_withdrawn"] = "choice_withdrawn"
    group: str
    """Group id."""
    decision: str
    """Decision key of the withdrawn choice."""


class RoundClosed(FactBase):
    """The open round closed: chosen options took effect and the values were recorded."""

    type: Literal["round_closed"] = "round_closed"
    round: str
    """Round id."""
    applied: dict[str, list[str]] = Field(default_factory=dict)
    """Group id -> decision keys whose chosen option took effect now."""
    changes: dict[str, Values] = Field(default_factory=dict)
    """Group id -> the values the effects changed and the indicators that follow the model, as
    they are afterwards, and the cards and figures revealed at the close."""
    scheduled: dict[str, list[Scheduled]] = Field(default_factory=dict)
    """Group id -> the chosen options' delayed effects, waiting for a later round."""


class TimerPaused(FactBase):
    """The round timer was paused."""

    type: Literal["timer_paused"] = "timer_paused"


class TimerResumed(FactBase):
    """The round timer runs again."""

    type: Literal["timer_resumed"] = "timer_resumed"


class TimerExtended(FactBase):
    """The open round got more (or, negative, fewer) minutes."""

    type: Literal["timer_extended"] = "timer_extended"
    minutes: int
    """Minutes added."""


# --- A group's own work -----------------------------------------------------------------------


class ActionAdded(FactBase):
    """A group added an action of its own to its draft action plan."""

    type: Literal["action_added"] = "action_added"
    group: str
    """Group id."""
    action: str
    """Action id."""
    fields: ActionFields
    """The action's content."""


class ActionEdited(FactBase):
    """A group changed one of its own actions."""

    type: Literal["action_edited"] = "action_edited"
    group: str
    """Group id."""
    action: str
    """Action id."""
    fields: ActionFields
    """The new content."""


class ActionRemoved(FactBase):
    """A group removed one of its own actions."""

    type: Literal["action_removed"] = "action_removed"
    group: str
    """Group id."""
    action: str
    """Action id."""


class NoteWritten(FactBase):
    """A note was written for a group, or by the facilitator."""

    type: Literal["note_written"] = "note_written"
    group: str | None = None
    """Group id; None for a facilitator note."""
    text: str
    """The note."""


# --- Debrief and end --------------------------------------------------------------------------


class DebriefStarted(FactBase):
    """The debrief began."""

    type: Literal["debrief_started"] = "debrief_started"


class ObjectiveRated(FactBase):
    """How a group met a debrief objective."""

    type: Literal["objective_rated"] = "objective_rated"
    group: str
    """Group id."""
    objective: str
    """Objective id."""
    rating: RatingValue
    """`without`, `some`, `major` or `unable`."""
    comment: str = ""
    """Why."""


class LessonRecorded(FactBase):
    """A lesson was recorded for a group or for the whole session."""

    type: Literal["lesson_recorded"] = "lesson_recorded"
    group: str | None = None
    """Group id; None for the whole session."""
    kind: LessonKind
    """`strength` or `improvement`."""
    text: str
    """The lesson."""


class SessionEnded(FactBase):
    """The session ended."""

    type: Literal["session_ended"] = "session_ended"


class Undone(FactBase):
    """An earlier event stopped being in effect; the fold skips it."""

    type: Literal["undone"] = "undone"
    target: int
    """Seq of the event undone."""


Fact = Annotated[
    GroupAdded
    | GroupRenamed
    | GroupRemoved
    | ParticipantAdded
    | ParticipantRemoved
    | ParticipantMoved
    | RoleAssigned
    | RoleUnassigned
    | SessionStarted
    | RoundSkipped
    | RoundStarted
    | InjectReleased
    | OptionChosen
    | ChoiceCleared
    | ChoiceWithdrawn
    | RoundClosed
    | TimerPaused
    | TimerResumed
    | TimerExtended
    | ActionAdded
    | ActionEdited
    | ActionRemoved
    | NoteWritten
    | DebriefStarted
    | ObjectiveRated
    | LessonRecorded
    | SessionEnded
    | Undone,
    Field(discriminator="type"),
]
"""Any fact, told apart by its `type`."""

FACT_ADAPTER: TypeAdapter[Fact] = TypeAdapter(Fact)
"""Validates a dict or JSON into the right fact class."""
