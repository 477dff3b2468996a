"""The fair role plan shown for confirmation: who gets which role and why, before anything is assigned."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from varselspel.tui.role_match import Placement, Why
from varselspel.tui.screens.base import BaseModal, t
from varselspel.tui.text import Text, lit


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One placement of the plan in words the facilitator reads."""

    placement: Placement
    """The role and who gets it."""
    role: str
    """The role's title."""
    person: str
    """The participant's name; empty when the role stays open."""


def plan_text(rows: tuple[PlanRow, ...]) -> Text:
    """Return the plan as lines `Role → Person (why)`."""
    text = Text()
    for index, row in enumerate(rows):
        if index:
            text.append("\n")
        text.append(row.role, style="bold")
        text.append(" → ")
        if row.placement.participant is None:
            text.append(t("setup.plan.open"), style="bold yellow")
        else:
            text.append(row.person)
        text.append(f"  ({t('setup.plan.why.' + row.placement.why.value)})", style="dim")
    return text


def plan_summary(rows: tuple[PlanRow, ...]) -> str:
    """Return one sentence on what the plan does, and why a role stays open if one does."""
    given = sum(1 for row in rows if row.placement.participant is not None)
    summary = t("setup.plan.summary", n=given)
    if any(row.placement.why is Why.OPPOSING for row in rows):
        summary += " " + t("setup.plan.opposing")
    return summary


class RolePlanScreen(BaseModal):
    """Shows a role plan; dismisses with True when the facilitator confirms it, else None."""

    BINDINGS = [
        Binding("enter", "confirm", "key.confirm_plan", key_display="Enter"),
        Binding("escape", "cancel", "key.cancel", key_display="Esc"),
    ]

    def __init__(self, group: str, rows: tuple[PlanRow, ...]) -> None:
        super().__init__(classes="dialog-screen")
        self.group = group
        self.rows = rows
        self.summary = plan_summary(rows)
        """The plan in one sentence, above the list."""

    def compose(self) -> ComposeResult:
        """The summary, the plan and the two buttons."""
        with Vertical(classes="dialog"):
            yield Label(lit(t("setup.plan.title", group=self.group)), classes="dialog-title")
            yield Static(lit(self.summary), markup=False, id="plan-summary")
            yield Static(plan_text(self.rows), markup=False, id="plan")
            with Horizontal(classes="buttons"):
                yield Button(t("key.confirm_plan") + " (Enter)", id="confirm", variant="primary")
                yield Button(t("key.cancel") + " (Esc)", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the button pressed."""
        event.stop()
        self.dismiss(True if event.button.id == "confirm" else None)

    def action_confirm(self) -> None:
        """Assign as shown."""
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Leave every role as it is."""
        self.dismiss(None)
