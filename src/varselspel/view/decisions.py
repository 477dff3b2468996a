"""The decisions put to a group, its choices, and whether the roles behind a choice hold the mandate."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from varselspel.view.cards import CardRef, card_refs
from varselspel.view.refs import RoleRef, role_ref, role_refs

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.engine.state import ChoiceRecord
    from varselspel.model import Decision


class Selection(StrEnum):
    """How a decision is answered."""

    ONE = "one"
    """One option."""
    MANY = "many"
    """Up to `max_choices` options together (a multi-select)."""
    NUMBER = "number"
    """A number in a range."""


@dataclass(frozen=True, slots=True)
class NumberSpec:
    """The range a number decision is answered in."""

    label: str
    """What the number counts (untrusted text)."""
    min: float
    """Smallest number allowed."""
    max: float
    """Largest number allowed."""
    step: float
    """The number is `min` plus whole steps."""
    unit: str
    """Unit after the number (untrusted text); may be empty."""
    cards: tuple[CardRef, ...]
    """Cards the number rests on, with whether the group has them yet."""

    def allows(self, value: float) -> bool:
        """True when `value` lies in the range and on a step (the engine's own rule)."""
        if not self.min <= value <= self.max:
            return False
        steps = (value - self.min) / self.step
        return abs(steps - round(steps)) <= 1e-9 * max(1.0, abs(steps))

    def values(self) -> tuple[float, ...]:
        """Every allowed number, smallest first (for a picker; at most 1 001 of them)."""
        count = min(1000, int((self.max - self.min) / self.step + 1e-9))
        return tuple(self.min + n * self.step for n in range(count + 1))


class MandateStatus(StrEnum):
    """Whether the roles that stand behind a choice may make it."""

    OPEN = "open"
    """The decision has no owner: any group may decide it."""
    HELD = "held"
    """An owner of the decision is in the group and stands behind the choice."""
    OWNER_NOT_AGREED = "owner_not_agreed"
    """An owner is in the group but does not stand behind the choice."""
    NOT_IN_GROUP = "not_in_group"
    """Nobody in the group holds a role that owns the decision."""


@dataclass(frozen=True, slots=True)
class MandateView:
    """The mandate behind a choice (made, or about to be made with some roles agreeing)."""

    status: MandateStatus
    """What the caller words: held, an owner not agreeing, no owner in the group, or open."""
    owners: tuple[RoleRef, ...]
    """Roles that own the decision (empty: anyone may decide)."""
    owners_in_group: tuple[RoleRef, ...]
    """Owners that someone in the group (or the facilitator for it) holds."""
    agreeing_owners: tuple[RoleRef, ...]
    """Owners among the roles that stand behind the choice."""
    refuse: bool
    """True when the scenario refuses a choice without the mandate instead of asking to anchor it."""

    @property
    def held(self) -> bool:
        """True when the choice may be made as it stands."""
        return self.status in (MandateStatus.OPEN, MandateStatus.HELD)


@dataclass(frozen=True, slots=True)
class OptionItem:
    """One option of a decision as the group sees it."""

    id: str
    """Option id."""
    label: str
    """The option's label (untrusted text)."""
    explanation: str
    """What choosing it means (untrusted text)."""
    chosen: bool
    """True when it is the group's current choice (or among the options of a multi-select)."""
    cards: tuple[CardRef, ...] = ()
    """Cards the option rests on, shown beside it, with whether the group has them yet."""


@dataclass(frozen=True, slots=True)
class ChoiceView:
    """A group's recorded choice for one decision."""

    option: str
    """Option id chosen."""
    label: str
    """The chosen option's label; its id when the scenario no longer has it."""
    outcome: str
    """The option's outcome text, shown once chosen (untrusted text)."""
    rationale: str
    """The group's reasons (untrusted text)."""
    agreed: tuple[RoleRef, ...]
    """Roles recorded as standing behind the choice."""
    outside_mandate: bool
    """True when no agreeing role owns the decision, so the choice must be anchored."""
    anchor_with: tuple[RoleRef, ...]
    """Owners to anchor the choice with when it is outside the mandate."""
    revisions: int
    """How many times the choice was revised after it was first made."""
    seq: int
    """Seq of the event that made or last revised it."""
    applied: bool
    """True once the round closed and the option's effects were applied."""
    options: tuple[str, ...] = ()
    """Every option id chosen (one for a plain decision, none for a number)."""
    labels: tuple[str, ...] = ()
    """Their labels, in the same order (an id when the scenario no longer has the option)."""
    value: float | None = None
    """The number chosen, for a number decision."""
    unit: str = ""
    """The number's unit (untrusted text), for a number decision."""


@dataclass(frozen=True, slots=True)
class DecisionItem:
    """A decision of the open round put to one group, with its options, choice and mandate."""

    key: str
    """Decision key `ROUND.DECISION`."""
    question: str
    """The question (untrusted text)."""
    context: str
    """Background for the group (untrusted text)."""
    owners: tuple[RoleRef, ...]
    """Roles that own the decision (empty: anyone may decide)."""
    options: tuple[OptionItem, ...]
    """Options open to the group now, in the scenario's order."""
    choice: ChoiceView | None
    """The group's choice, if it has made one."""
    mandate: MandateView
    """The mandate behind the choice, or behind the roles the group holds before it chooses."""
    cards: tuple[str, ...]
    """Card ids that help the group decide."""
    selection: Selection = Selection.ONE
    """How the decision is answered: one option, several, or a number."""
    max_choices: int = 1
    """Most options the group may choose together (1 unless a multi-select)."""
    number: NumberSpec | None = None
    """The range, for a number decision."""
    card_refs: tuple[CardRef, ...] = ()
    """The decision's cards, with whether the group has them yet."""

    @property
    def chosen(self) -> str | None:
        """Option id chosen (the first of a multi-select), if any."""
        return self.choice.option if self.choice is not None else None

    def option_index(self, option: str | None) -> int | None:
        """Return the position of an option among those open now, or None."""
        ids = [o.id for o in self.options]
        return ids.index(option) if option in ids else None


def find_decision(session: Session, decision_key: str) -> Decision | None:
    """Return the scenario's decision with key `ROUND.DECISION`, or None."""
    round_id, _, decision_id = decision_key.partition(".")
    for rnd in session.scenario.rounds:
        if rnd.id == round_id:
            return next((d for d in rnd.decisions if d.id == decision_id), None)
    return None


def agreeing_roles(session: Session, group: str, agreed: Collection[str]) -> list[str]:
    """Return the roles that stand behind a choice: those named, else every role the group holds.

    This mirrors the engine's rule for `choose_option` with no `agreed_roles`.
    """
    if agreed:
        return list(dict.fromkeys(agreed))
    held = session.state.groups[group].roles
    return [entry.role for entry in session.scenario.roles if entry.role in held]


def mandate_for(
    session: Session, group: str, decision_key: str, agreed: Collection[str] = ()
) -> MandateView:
    """Return the mandate behind a choice of `decision_key` that the `agreed` roles stand behind."""
    owners = session.rules.owners(decision_key)
    decision = find_decision(session, decision_key)
    refuse = decision is not None and decision.outside_mandate == "refuse"
    held = session.state.groups[group].roles
    backing = set(agreeing_roles(session, group, agreed))
    in_group = [r for r in owners if held.get(r)]
    agreeing = [r for r in owners if r in backing]
    if not owners:
        status = MandateStatus.OPEN
    elif agreeing:
        status = MandateStatus.HELD
    elif in_group:
        status = MandateStatus.OWNER_NOT_AGREED
    else:
        status = MandateStatus.NOT_IN_GROUP
    return MandateView(
        status=status,
        owners=role_refs(session, owners),
        owners_in_group=role_refs(session, in_group),
        agreeing_owners=role_refs(session, agreeing),
        refuse=refuse,
    )


def choice_view(session: Session, decision: Decision, record: ChoiceRecord) -> ChoiceView:
    """Return a recorded choice in words the scenario gives it."""
    by_id = {o.id: o for o in decision.options}
    option = by_id.get(record.option)
    ids = tuple(record.options) or ((record.option,) if record.value is None else ())
    outcomes = [by_id[i].outcome for i in ids if i in by_id and by_id[i].outcome]
    if record.value is not None:
        outcome = decision.number.outcome if decision.number is not None else ""
        label = ""
    else:
        outcome = "\n".join(outcomes) if record.options else (option.outcome if option else "")
        label = option.label if option is not None else record.option
    return ChoiceView(
        option=record.option,
        label=label,
        outcome=outcome,
        rationale=record.rationale,
        agreed=role_refs(session, record.agreed_roles),
        outside_mandate=record.outside_mandate,
        anchor_with=role_refs(session, record.anchor_with),
        revisions=record.revisions,
        seq=record.seq,
        applied=record.applied,
        options=ids,
        labels=tuple(by_id[i].label if i in by_id else i for i in ids),
        value=record.value,
        unit=decision.number.unit if decision.number is not None else "",
    )


def selection_of(decision: Decision) -> Selection:
    """Return how a decision is answered."""
    if decision.number is not None and not decision.options:
        return Selection.NUMBER
    return Selection.MANY if decision.max_choices > 1 else Selection.ONE


def group_decisions(session: Session, group: str) -> tuple[DecisionItem, ...]:
    """Return the open round's decisions put to a group, in the scenario's order."""
    choices = session.state.groups[group].choices
    items: list[DecisionItem] = []
    for view in session.decisions_for(group):
        record = choices.get(view.key)
        agreed = record.agreed_roles if record is not None else ()
        chosen = set(record.options) if record is not None and record.options else {view.chosen}
        number = view.decision.number
        selection = selection_of(view.decision)
        spec = None
        if selection is Selection.NUMBER and number is not None:
            spec = NumberSpec(
                label=number.label,
                min=number.min,
                max=number.max,
                step=number.step,
                unit=number.unit,
                cards=card_refs(session, group, number.cards),
            )
        items.append(
            DecisionItem(
                key=view.key,
                question=view.decision.question,
                context=view.decision.context,
                owners=tuple(role_ref(session, r) for r in view.owners),
                options=tuple(
                    OptionItem(
                        id=o.id,
                        label=o.label,
                        explanation=o.explanation,
                        chosen=o.id in chosen,
                        cards=card_refs(session, group, o.cards),
                    )
                    for o in view.available
                ),
                choice=choice_view(session, view.decision, record) if record else None,
                mandate=mandate_for(session, group, view.key, agreed),
                cards=tuple(view.decision.cards),
                selection=selection,
                max_choices=view.decision.max_choices if selection is Selection.MANY else 1,
                number=spec,
                card_refs=card_refs(session, group, view.decision.cards),
            )
        )
    return tuple(items)
