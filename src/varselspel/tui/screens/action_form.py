"""The form for a group's own action: title, responsible role, partners, level, time, money, follow-up."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select

from varselspel.engine.commands import ActionFields
from varselspel.i18n import get_lang
from varselspel.model import Level, Scenario
from varselspel.plan.fit import check_fit, describe_fit, known_day_of
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
        self,
        scenario: Scenario,
        role_labels: dict[str, str],
        fields: ActionFields | None = None,
        *,
        game_time: str = "",
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.scenario = scenario
        self.role_labels = role_labels
        self.fields = fields
        self.known_day = known_day_of(game_time)
        """The day the action is decided on (its round's game time), for the financing check."""

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
                yield from self._text("action.start", "a-start", f.start if f else "", "start")
                yield from self._text("action.end", "a-end", f.end if f else "", "end")
                amount = f"{f.amount}" if f and f.amount is not None else ""
                yield from self._text("action.amount", "a-amount", amount, None)
                yield Label(t("action.financing"), classes="field-label", markup=False)
                cards = {card.id: card.name for card in self.scenario.cards.financing}
                yield Select(
                    [(lit(name), cid) for cid, name in cards.items()],
                    prompt=none,
                    value=f.financing if f and f.financing in cards else Select.NULL,
                    id="a-financing",
                    compact=True,
                )
                share = _percent(f.financing_share) if f and f.financing_share is not None else ""
                yield from self._text("action.financing_share", "a-share", share, None)
                yield Label("", id="a-fit", classes="field-warning", markup=False)
                yield from self._text(
                    "action.follow_up", "a-follow-up", f.follow_up if f else "", "follow_up"
                )
                yield from self._text(
                    "action.baseline", "a-baseline", f.baseline if f else "", "baseline"
                )
                yield from self._text("action.target", "a-target", f.target if f else "", "target")
                yield Label(t("action.follow_up_by"), classes="field-label", markup=False)
                yield Select(
                    [(lit(label), rid) for rid, label in self.role_labels.items()],
                    prompt=none,
                    value=(
                        f.follow_up_by if f and f.follow_up_by in self.role_labels else Select.NULL
                    ),
                    id="a-follow-up-by",
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

    def _text(self, key: str, widget_id: str, value: str, field: str | None) -> ComposeResult:
        """Yield a labelled one-line text field, limited as `ActionFields` limits `field`."""
        yield Label(t(key), classes="field-label", markup=False)
        limit = max_length(ActionFields, field) if field else 40
        yield TextInput(value, id=widget_id, compact=True, max_length=limit)

    def on_mount(self) -> None:
        """Start in the title field and say at once whether the action fits its financing."""
        self.query_one("#a-title", Input).focus()
        self._check_fit()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Check the financing again when a time, the share or the time frame changes."""
        if event.input.id in ("a-start", "a-end", "a-share", "a-timeframe"):
            self._check_fit()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Check the financing again when another card is chosen."""
        if event.select.id == "a-financing":
            self._check_fit()

    def _check_fit(self) -> None:
        """Show where the action does not fit the financing it names (the plan says the same)."""
        label = self.query_one("#a-fit", Label)
        card_id = self._select("#a-financing")
        card = next((c for c in self.scenario.cards.financing if c.id == card_id), None)
        try:
            fields = self._time_and_share()
        except ValueError:
            fields = None
        if card is None or fields is None:
            label.update("")
            return
        themes = {theme.id: theme.title for theme in self.scenario.action_plan.themes}
        remarks = check_fit(fields, card, known_day=self.known_day, themes=themes)
        lang = get_lang()
        label.update(lit("\n".join("⚠ " + describe_fit(r, lang) for r in remarks)))

    def _time_and_share(self) -> ActionFields:
        """Return the fields the financing check reads; ValueError when one cannot be read."""
        try:
            return ActionFields(
                title="-",
                timeframe=self.query_one("#a-timeframe", Input).value.strip(),
                start=self.query_one("#a-start", Input).value.strip(),
                end=self.query_one("#a-end", Input).value.strip(),
                financing_share=_share(self.query_one("#a-share", Input).value),
                theme=self.fields.theme if self.fields else None,
            )
        except ValidationError as error:
            raise ValueError(str(error)) from error

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
            amount = _amount(self.query_one("#a-amount", Input).value)
            share = _share(self.query_one("#a-share", Input).value)
        except ValueError:
            self.notify(t("action.bad_number"), severity="error", markup=False, timeout=10)
            return
        try:
            fields = ActionFields(
                title=title,
                result=self.query_one("#a-result", Input).value.strip(),
                responsible=self._select("#a-responsible"),
                partners=partners,
                level=Level(self._select("#a-level") or Level.LOKAL.value),
                timeframe=self.query_one("#a-timeframe", Input).value.strip(),
                start=self.query_one("#a-start", Input).value.strip(),
                end=self.query_one("#a-end", Input).value.strip(),
                amount=amount,
                financing=self._select("#a-financing"),
                financing_share=share,
                follow_up=self.query_one("#a-follow-up", Input).value.strip(),
                baseline=self.query_one("#a-baseline", Input).value.strip(),
                target=self.query_one("#a-target", Input).value.strip(),
                follow_up_by=self._select("#a-follow-up-by"),
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


def _amount(text: str) -> int | None:
    """Read an amount of kronor typed with or without spaces (`150 000`); empty: None."""
    digits = "".join(text.split()).removesuffix("kr")
    if not digits:
        return None
    if not digits.isdigit():
        raise ValueError(text)
    return int(digits)


def _share(text: str) -> float | None:
    """Read a share typed as a percentage (`60`, `60 %`, `62,5`); empty: None."""
    number = "".join(text.split()).removesuffix("%").replace(",", ".")
    if not number:
        return None
    value = float(number)
    if not 0 <= value <= 100:
        raise ValueError(text)
    return value / 100


def _percent(share: float) -> str:
    """Write a share as the percentage the field takes (`0.6` → `60`)."""
    return f"{share * 100:.1f}".rstrip("0").rstrip(".")
