"""One decision as the group works on it: question, mandate, options, agreement, rationale and
what was recorded."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from varselspel.engine.commands import ChooseOption
from varselspel.tui.guard import max_length
from varselspel.tui.paint import show as repaint
from varselspel.tui.text import Text
from varselspel.tui.widgets.agreement_picker import AgreementPicker
from varselspel.tui.widgets.choice_confirmation import ChoiceConfirmation
from varselspel.tui.widgets.mandate_line import MandateLine
from varselspel.tui.widgets.option_picker import OptionPicker
from varselspel.tui.widgets.rationale_box import RationaleBox
from varselspel.tui.widgets.words import t
from varselspel.view.decisions import DecisionItem, MandateView
from varselspel.view.refs import RoleRef


@dataclass(frozen=True, slots=True)
class PaneView:
    """What the pane shows: a decision for a group, and what the group has not recorded yet."""

    group: str
    """Group id in the seat."""
    item: DecisionItem
    """The decision, its options and the recorded choice."""
    held: tuple[RoleRef, ...]
    """Roles the group holds, to tick."""
    ticked: tuple[str, ...]
    """Role ids ticked: the recorded ones, or a draft before choosing; empty is the whole group."""
    mandate: MandateView
    """The mandate behind the ticked roles."""
    rationale: str
    """The rationale in the field: recorded, or a draft."""

    @property
    def whole_group(self) -> bool:
        """True when no role is ticked, so every role the group holds stands behind the choice."""
        return not self.ticked


def question_text(item: DecisionItem) -> Text:
    """Return the question, its background and who decides it."""
    text = Text(item.question + "\n", style="bold")
    if item.context:
        text.append(item.context + "\n")
    owners = ", ".join(r.title for r in item.owners)
    text.append(
        t("group.owner", owners=owners) if owners else t("group.owner_none"), style="italic"
    )
    return text


class DecisionPane(VerticalScroll, can_focus=False):
    """The decision under the seat's cursor; its parts post their own messages up."""

    def compose(self) -> ComposeResult:
        """Lay out the parts, top to bottom."""
        yield Static("", id="decision-text", markup=False)
        yield MandateLine("", id="mandate", markup=False)
        yield Static(t("group.choose_hint"), id="choose-hint", markup=False)
        yield OptionPicker(id="options")
        yield Label(t("group.agreed"), classes="field-label", markup=False)
        yield AgreementPicker(id="agreed")
        yield Label(t("group.rationale"), classes="field-label", markup=False)
        yield RationaleBox(
            placeholder=t("group.rationale_placeholder"),
            id="rationale",
            compact=True,
            max_length=max_length(ChooseOption, "rationale"),
        )
        yield ChoiceConfirmation("", id="choice-status", markup=False)

    def show(self, view: PaneView) -> None:
        """Show `view`."""
        repaint(self.query_one("#decision-text", Static), question_text(view.item))
        self.query_one(OptionPicker).show(view.group, view.item)
        self.query_one(AgreementPicker).show(view.held, view.ticked)
        self.query_one(MandateLine).show(view.mandate)
        self.query_one(RationaleBox).show(view.rationale)
        self.query_one(ChoiceConfirmation).show(view.item.choice, view.whole_group)

    def show_mandate(self, mandate: MandateView) -> None:
        """Say what the mandate is for roles just ticked, before anything is recorded."""
        self.query_one(MandateLine).show(mandate)
