"""Commands: every change to a session is one of these, validated against the current state."""

from __future__ import annotations

from typing import Annotated, Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from varselspel.model.common import Level
from varselspel.model.scenario import MAX_AMOUNT

FACILITATOR = "facilitator"
"""The actor id of the facilitator; groups act under their own group id."""

RatingValue = Literal["without", "some", "major", "unable"]
"""How a group met an objective: without challenges, some challenges, major challenges, unable."""

LessonKind = Literal["strength", "improvement"]
"""A lesson is either something that went well or something to improve."""


class CommandBase(BaseModel):
    """Base of all commands: frozen, no unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


# --- Setup: groups, participants, roles ---------------------------------------------------------


class AddGroup(CommandBase):
    """Add a group (1-8 per session); only before the session starts."""

    type: Literal["add_group"] = "add_group"
    name: str = Field(min_length=1, max_length=80)
    """The group's name, e.g. `Grupp 1`."""
    group: str | None = None
    """Group id; the engine assigns `g1`, `g2` ... when left out (the event records it)."""


class RenameGroup(CommandBase):
    """Rename a group."""

    type: Literal["rename_group"] = "rename_group"
    group: str
    """Group id."""
    name: str = Field(min_length=1, max_length=80)
    """The new name."""


class RemoveGroup(CommandBase):
    """Remove a group; only before the session starts, and never the last group."""

    type: Literal["remove_group"] = "remove_group"
    group: str
    """Group id."""


class AddParticipant(CommandBase):
    """Add a participant to a group."""

    type: Literal["add_participant"] = "add_participant"
    group: str
    """Group id."""
    name: str = Field(min_length=1, max_length=120)
    """The participant's name."""
    organisation: str = Field(default="", max_length=200)
    """The participant's real organisation."""
    participant: str | None = None
    """Participant id; the engine assigns `p1`, `p2` ... when left out (the event records it)."""


class RemoveParticipant(CommandBase):
    """Remove a participant; the roles they held become unheld."""

    type: Literal["remove_participant"] = "remove_participant"
    group: str
    """Group id."""
    participant: str
    """Participant id."""


class MoveParticipant(CommandBase):
    """Move a participant to another group; the roles they held in the old group become unheld."""

    type: Literal["move_participant"] = "move_participant"
    group: str
    """Group id the participant is in now."""
    participant: str
    """Participant id (kept in the new group)."""
    to_group: str
    """Group id the participant moves to."""


class AssignRole(CommandBase):
    """Give a scenario role in a group to a participant, or to the facilitator."""

    type: Literal["assign_role"] = "assign_role"
    group: str
    """Group id."""
    role: str
    """Role id of the scenario."""
    participant: str | None = None
    """Participant id; None leaves the role to the facilitator."""


class UnassignRole(CommandBase):
    """Make a role in a group unheld."""

    type: Literal["unassign_role"] = "unassign_role"
    group: str
    """Group id."""
    role: str
    """Role id."""


# --- Running the session ------------------------------------------------------------------------


class StartSession(CommandBase):
    """Finish the setup and show the lägesbild; groups and roles stay editable except add/remove."""

    type: Literal["start_session"] = "start_session"


class StartRound(CommandBase):
    """Open the next round (the first after `start_session`) and start its timer."""

    type: Literal["start_round"] = "start_round"
    round: str | None = None
    """Id of the round opened; the engine fills it in (the event records it)."""


class ReleaseInject(CommandBase):
    """Release an inject of the open round to all groups or to one group."""

    type: Literal["release_inject"] = "release_inject"
    inject: str | None = None
    """Inject id; None releases the next scheduled (non-backup) inject not yet released."""
    group: str | None = None
    """Group id; None releases to every group."""


class ChooseOption(CommandBase):
    """Record (or revise) a group's choice for a decision of the open round."""

    type: Literal["choose_option"] = "choose_option"
    group: str
    """Group id."""
    decision: str
    """Decision key `ROUND.DECISION`, e.g. `r1.ledning`."""
    option: str
    """Option id."""
    rationale: str = Field(default="", max_length=4000)
    """The group's reasons, in their own words."""
    agreed_roles: list[str] = Field(default_factory=list)
    """Role ids that agreed; empty means the roles the group holds."""


class ChooseOptions(CommandBase):
    """Record (or revise) a group's choice of several options of a multi-select decision."""

    type: Literal["choose_options"] = "choose_options"
    group: str
    """Group id."""
    decision: str
    """Decision key `ROUND.DECISION`."""
    options: list[str] = Field(min_length=1, max_length=50)
    """Option ids, at most the decision's `max_choices`; their order does not matter."""
    rationale: str = Field(default="", max_length=4000)
    """The group's reasons, in their own words."""
    agreed_roles: list[str] = Field(default_factory=list)
    """Role ids that agreed; empty means the roles the group holds."""


class ChooseNumber(CommandBase):
    """Record (or revise) a group's answer to a decision answered with a number."""

    type: Literal["choose_number"] = "choose_number"
    group: str
    """Group id."""
    decision: str
    """Decision key `ROUND.DECISION`."""
    value: float = Field(allow_inf_nan=False)
    """The number, within the decision's range and on its step."""
    rationale: str = Field(default="", max_length=4000)
    """The group's reasons, in their own words."""
    agreed_roles: list[str] = Field(default_factory=list)
    """Role ids that agreed; empty means the roles the group holds."""


class ClearChoice(CommandBase):
    """Withdraw a group's choice for a decision while the round is open."""

    type: Literal["clear_choice"] = "clear_choice"
    group: str
    """Group id."""
    decision: str
    """Decision key `ROUND.DECISION`."""


FormKind = Literal[
    "text",
    "long_text",
    "role",
    "partners",
    "level",
    "time",
    "amount",
    "share",
    "financing",
    "indicator",
    "theme",
]
"""How a form shows a field of an action: free text, a choice among the scenario's roles,
financing cards, indicators or themes, a time point, an amount in kronor or a share 0-1."""


def _form(kind: FormKind) -> dict[str, Any]:
    """Return the JSON Schema extra that names a field's form control (`x-form`)."""
    return {"x-form": kind}


def _unset(value: object) -> bool:
    """True for an empty optional field, which a dump leaves out so older records read the same."""
    return value is None or value == ""


class ActionFields(CommandBase):
    """The editable fields of a group's own action, in the order a form shows them.

    Each field's JSON Schema carries `x-form` (see `FormKind`), so a front end can build the form
    from `ActionFields.model_fields`; the engine refuses references the scenario lacks and time
    points it cannot read (codes in the catalog's block for actions).
    """

    title: str = Field(min_length=1, max_length=300, json_schema_extra=_form("text"))
    """What is done."""
    result: str = Field(default="", max_length=2000, json_schema_extra=_form("long_text"))
    """The intended result."""
    responsible: str | None = Field(default=None, json_schema_extra=_form("role"))
    """Role id of the responsible actor."""
    partners: list[str] = Field(default_factory=list, json_schema_extra=_form("partners"))
    """Role ids, network card ids or free names of partners."""
    level: Level = Field(default=Level.LOKAL, json_schema_extra=_form("level"))
    """lokal, regional or nationell."""
    timeframe: str = Field(default="", max_length=200, json_schema_extra=_form("text"))
    """When, in words, e.g. `inom 2 veckor` or `varje vecka under varseltiden`."""
    start: str = Field(
        default="", max_length=40, exclude_if=_unset, json_schema_extra=_form("time")
    )
    """When it starts: `dag N`, `vecka N`, `månad N` after day 0, or `YYYY-MM(-DD)`."""
    end: str = Field(default="", max_length=40, exclude_if=_unset, json_schema_extra=_form("time"))
    """When it ends or is due, written as `start`; not before it."""
    amount: int | None = Field(
        default=None, ge=0, le=MAX_AMOUNT, exclude_if=_unset, json_schema_extra=_form("amount")
    )
    """What it costs in all, in kronor."""
    financing: str | None = Field(default=None, json_schema_extra=_form("financing"))
    """Financing card id, if any."""
    financing_share: float | None = Field(
        default=None, ge=0, le=1, exclude_if=_unset, json_schema_extra=_form("share")
    )
    """Share of the amount the financing pays, 0-1; None: the card's largest share."""
    follow_up: str = Field(
        default="", max_length=300, exclude_if=_unset, json_schema_extra=_form("text")
    )
    """The measurable indicator it is followed up with, e.g. `andel i arbete efter 6 månader`."""
    baseline: str = Field(
        default="", max_length=200, exclude_if=_unset, json_schema_extra=_form("text")
    )
    """The indicator's value at the start (utgångsläge)."""
    target: str = Field(
        default="", max_length=200, exclude_if=_unset, json_schema_extra=_form("text")
    )
    """The value aimed at, and by when."""
    follow_up_by: str | None = Field(
        default=None, exclude_if=_unset, json_schema_extra=_form("role")
    )
    """Role id of the actor who owns the follow-up."""
    indicator: str | None = Field(default=None, json_schema_extra=_form("indicator"))
    """The game's indicator the group links it to, if any."""
    theme: str | None = Field(default=None, json_schema_extra=_form("theme"))
    """Action-plan theme id, if any."""


def form_kind(name: str) -> FormKind:
    """Return the form control of a field of `ActionFields` (its `x-form`)."""
    extra = ActionFields.model_fields[name].json_schema_extra
    kind = extra.get("x-form") if isinstance(extra, dict) else None
    return cast("FormKind", kind or "text")


class AddAction(CommandBase):
    """Add an action of the group's own to its draft action plan."""

    type: Literal["add_action"] = "add_action"
    group: str
    """Group id."""
    fields: ActionFields
    """The action's content."""
    action: str | None = None
    """Action id; the engine assigns `a1`, `a2` ... when left out (the event records it)."""


class EditAction(CommandBase):
    """Replace the fields of one of the group's own actions."""

    type: Literal["edit_action"] = "edit_action"
    group: str
    """Group id."""
    action: str
    """Action id."""
    fields: ActionFields
    """The new content."""


class RemoveAction(CommandBase):
    """Remove one of the group's own actions."""

    type: Literal["remove_action"] = "remove_action"
    group: str
    """Group id."""
    action: str
    """Action id."""


class WriteNote(CommandBase):
    """Write a note for a group, or a facilitator note when `group` is None."""

    type: Literal["write_note"] = "write_note"
    group: str | None = None
    """Group id; None for the facilitator's own notes."""
    text: str = Field(min_length=1, max_length=8000)
    """The note."""


class PauseTimer(CommandBase):
    """Pause the round timer."""

    type: Literal["pause_timer"] = "pause_timer"


class ResumeTimer(CommandBase):
    """Resume a paused round timer."""

    type: Literal["resume_timer"] = "resume_timer"


class ExtendTimer(CommandBase):
    """Give the open round more (or, negative, less) minutes."""

    type: Literal["extend_timer"] = "extend_timer"
    minutes: int = Field(ge=-240, le=240)
    """Minutes to add."""


class CloseRound(CommandBase):
    """Close the open round: apply the chosen options' effects and record indicator history."""

    type: Literal["close_round"] = "close_round"


class StartDebrief(CommandBase):
    """Start the debrief after the last round (closes an open last round first)."""

    type: Literal["start_debrief"] = "start_debrief"


class RateObjective(CommandBase):
    """Rate how a group met a debrief objective."""

    type: Literal["rate_objective"] = "rate_objective"
    group: str
    """Group id."""
    objective: str
    """Objective id of the scenario's debrief."""
    rating: RatingValue
    """`without`, `some`, `major` (challenges) or `unable`."""
    comment: str = Field(default="", max_length=2000)
    """Why."""


class RecordLesson(CommandBase):
    """Record a lesson: a strength or an improvement, for a group or for the whole session."""

    type: Literal["record_lesson"] = "record_lesson"
    group: str | None = None
    """Group id; None for the whole session."""
    kind: LessonKind
    """`strength` or `improvement`."""
    text: str = Field(min_length=1, max_length=4000)
    """The lesson."""


class EndSession(CommandBase):
    """End the session; afterwards only notes, lessons and ratings are refused too."""

    type: Literal["end_session"] = "end_session"


class Undo(CommandBase):
    """Undo the last command that is still in effect (facilitator only)."""

    type: Literal["undo"] = "undo"
    target: int | None = None
    """Seq of the undone event; the engine fills it in (the event records it)."""


Command = Annotated[
    AddGroup
    | RenameGroup
    | RemoveGroup
    | AddParticipant
    | RemoveParticipant
    | MoveParticipant
    | AssignRole
    | UnassignRole
    | StartSession
    | StartRound
    | ReleaseInject
    | ChooseOption
    | ChooseOptions
    | ChooseNumber
    | ClearChoice
    | AddAction
    | EditAction
    | RemoveAction
    | WriteNote
    | PauseTimer
    | ResumeTimer
    | ExtendTimer
    | CloseRound
    | StartDebrief
    | RateObjective
    | RecordLesson
    | EndSession
    | Undo,
    Field(discriminator="type"),
]
"""Any command, told apart by its `type`."""

COMMAND_ADAPTER: TypeAdapter[Command] = TypeAdapter(Command)
"""Validates a dict or JSON into the right command class."""

GROUP_COMMANDS: frozenset[str] = frozenset(
    {
        "choose_option",
        "choose_options",
        "choose_number",
        "clear_choice",
        "add_action",
        "edit_action",
        "remove_action",
        "write_note",
        "add_participant",
        "assign_role",
        "unassign_role",
        "remove_participant",
    }
)
"""Command types a group may send for itself; every other command is the facilitator's."""
