"""The form for a group's own action: title, responsible role, partners, level, time, money, follow-up."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select

from varselspel.engine.commands import ActionFields
from varselspel.model import Level, Scenario
from varselspel.tui.guard import describe, max_length
from varselspel.tui.screens.base import BaseModal, t
from varselspel.tui.text import lit
from varselspel.tui.widgets.text_input import TextInput


class ActionFormScreen(BaseModal):
    """Edits an action's fields; dismisses with `ActionFields`, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", key_display="Esc"),
        Binding("ctrl+s", "save", "key.save", key_display="^s"),
        # Priority: the field changes before the next keys of a fast burst reach the old one.
        Binding("tab", "app.focus_next", "", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "", show=False, priority=True),
    ]

    def __init__(
        self, scenario: Scenario, role_labels: dict[str, str], fields: ActionFields | None = None
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.scenario = scenario
        self.role_labels = role_labels
        self.fields = fields

    def compose(self) -> ComposeResult:
        """Show one control per field, filled in when editing."""
        f = self.fields
        none = t("action.none")
        with Vertical(classes="dialog action-dialog"):
            yield Label(
                t("action.edit" if f else "action.new"), classes="dialog-title", markup=False
            )
            with VerticalScroll(id="action-fields"):
                yield Label(t("action.title"), classes="field-label", markup=False)
                yield TextInput(
                    f.title if f else "",
                    id="a-title",
                    compact=True,
                    max_length=max_length(ActionFields, "title"),
                )
                yield Label(t("action.result"), classes="field-label", markup=False)
                yield TextInput(
                    f.result if f else "",
                    id="a-result",
                    compact=True,
                    max_length=max_length(ActionFields, "result"),
                )
                yield Label(t("action.responsible"), classes="field-label", markup=False)
                yield Select(
                    [(lit(label), rid) for rid, label in self.role_labels.items()],
                    prompt=none,
                    value=f.responsible if f and f.responsible in self.role_labels else Select.NULL,
                    id="a-responsible",
                    compact=True,
                )
                yield Label(t("action.partners"), classes="field-label", markup=False)
                yield TextInput(", ".join(f.partners) if f else "", id="a-partners", compact=True)
                yield Label(t("action.level"), classes="field-label", markup=False)
                yield Select(
                    [(t(f"level.{lvl.value}"), lvl.value) for lvl in Level],
                    allow_blank=False,
                    value=(f.level.value if f else Level.LOKAL.value),
                    id="a-level",
                    compact=True,
                )
                yield Label(t("action.timeframe"), classes="field-label", markup=False)
                yield TextInput(
                    f.timeframe if f else "",
                    id="a-timeframe",
                    compact=True,
                    max_length=max_length(ActionFields, "timeframe"),
                )
                yield Label(t("action.financing"), classes="field-label", markup=False)
                cards = {card.id: card.name for card in self.scenario.cards.financing}
                yield Select(
                    [(lit(name), cid) for cid, name in cards.items()],
                    prompt=none,
                    value=f.financing if f and f.financing in cards else Select.NULL,
                    id="a-financing",
                    compact=True,
                )
                yield Label(t("action.indicator"), classes="field-label", markup=False)
                indicators = {ind.id: ind.label for ind in self.scenario.indicators}
                yield Select(
                    [(lit(label), iid) for iid, label in indicators.items()],
                    prompt=none,
                    value=f.indicator if f and f.indicator in indicators else Select.NULL,
                    id="a-indicator",
                    compact=True,
                )
            with Horizontal(classes="buttons"):
                yield Button(t("key.save") + " (^s)", id="save", variant="primary")
                yield Button(t("key.cancel") + " (Esc)", id="cancel")

    def on_mount(self) -> None:
        """Start in the title field."""
        self.query_one("#a-title", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field."""
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel with the buttons."""
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def _select(self, widget_id: str) -> Any:
        """Return a select's value, or None when nothing is chosen."""
        value = self.query_one(widget_id, Select).value
        return None if value is Select.NULL else value

    def action_save(self) -> None:
        """Return the fields, unless the title is empty."""
        title = self.query_one("#a-title", Input).value.strip()
        if not title:
            self.notify(t("action.title_needed"), severity="warning")
            self.query_one("#a-title", Input).focus()
            return
        partners = [
            p.strip() for p in self.query_one("#a-partners", Input).value.split(",") if p.strip()
        ]
        try:
            fields = ActionFields(
                title=title,
                result=self.query_one("#a-result", Input).value.strip(),
                responsible=self._select("#a-responsible"),
                partners=partners,
                level=Level(self._select("#a-level") or Level.LOKAL.value),
                timeframe=self.query_one("#a-timeframe", Input).value.strip(),
                financing=self._select("#a-financing"),
                indicator=self._select("#a-indicator"),
                theme=self.fields.theme if self.fields else None,
            )
        except ValidationError as error:
            # Keep the dialog open with everything typed; say which field to fix.
            self.notify(describe(error), severity="error", markup=False, timeout=10)
            return
        self.dismiss(fields)

    def action_cancel(self) -> None:
        """Return None."""
        self.dismiss(None)
