"""The command that records (or re-records) a group's answer, whatever kind of decision it is."""

from __future__ import annotations

from collections.abc import Sequence

from varselspel.engine.commands import ChooseNumber, ChooseOption, ChooseOptions, Command
from varselspel.view.decisions import ChoiceView, DecisionItem, Selection


def toggled(item: DecisionItem, option: str) -> tuple[str, ...]:
    """Return a multi-select's options after `option` is ticked or unticked, in the list's order."""
    chosen = {o.id for o in item.options if o.chosen}
    chosen ^= {option}
    return tuple(o.id for o in item.options if o.id in chosen)


def restate(
    group: str,
    item: DecisionItem,
    choice: ChoiceView,
    rationale: str,
    agreed: Sequence[str],
) -> Command:
    """Return the command that records the same answer again with a new rationale or agreement."""
    if choice.value is not None:
        return ChooseNumber(
            group=group,
            decision=item.key,
            value=choice.value,
            rationale=rationale,
            agreed_roles=list(agreed),
        )
    if item.selection is Selection.MANY:
        return ChooseOptions(
            group=group,
            decision=item.key,
            options=list(choice.options) or [choice.option],
            rationale=rationale,
            agreed_roles=list(agreed),
        )
    return ChooseOption(
        group=group,
        decision=item.key,
        option=choice.option,
        rationale=rationale,
        agreed_roles=list(agreed),
    )
