"""Small modal dialogs: a form of text fields and a pick-one list."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from varselspel.tui.screens.base import BaseModal, t
from varselspel.tui.text import lit, safe
from varselspel.tui.widgets.text_input import TextInput

Field = tuple[str, str, str]
"""A form field: its key, its label and its starting value."""


class FormScreen(BaseModal):
    """Asks for a few lines of text; dismisses with the values by key, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", key_display="Esc"),
        Binding("ctrl+s", "save", "key.save", key_display="^s"),
        # Priority: the field changes before the next keys of a fast burst reach the old one.
        Binding("tab", "app.focus_next", "", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "", show=False, priority=True),
    ]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        required: tuple[str, ...] = (),
        limits: dict[str, int] | None = None,
        submit: Callable[[dict[str, str]], bool] | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.fields = fields
        self.required = required
        self.limits = limits or {}
        """The longest text each field takes, by key; the engine's limits, so no input is refused."""
        self.submit = submit
        """Sends the values; the dialog closes only when it returns True, so nothing typed is lost."""

    def compose(self) -> ComposeResult:
        """Show one labelled input per field."""
        with Vertical(classes="dialog"):
            yield Label(lit(self.title_text), classes="dialog-title")
            for key, label, value in self.fields:
                yield Label(lit(label), classes="field-label")
                yield TextInput(
                    value=value,
                    id=f"f-{key}",
                    placeholder=safe(label),
                    max_length=self.limits.get(key, 0),
                )
            with Horizontal(classes="buttons"):
                yield Button(t("key.save") + " (Enter)", id="save", variant="primary")
                yield Button(t("key.cancel") + " (Esc)", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the last field saves; in another field it moves on."""
        event.stop()
        inputs = list(self.query(Input))
        if event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel with the buttons."""
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        """Return the values, unless a required one is empty."""
        values = {
            key: self.query_one(f"#f-{key}", Input).value.strip() for key, _, _ in self.fields
        }
        labels = {key: label for key, label, _ in self.fields}
        for key in self.required:
            if not values.get(key):
                self.query_one(f"#f-{key}", Input).focus()
                self.notify(t("form.required", field=labels[key]), severity="warning")
                return
        if self.submit is not None and not self.submit(values):
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        """Return None."""
        self.dismiss(None)


class PickScreen(BaseModal):
    """Asks the user to pick one of a list; dismisses with the value, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel", key_display="Esc")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        """Show the choices in a list."""
        with Vertical(classes="dialog"):
            yield Label(lit(self.title_text), classes="dialog-title")
            yield OptionList(
                *[
                    Option(lit(label), id=f"o{index}")
                    for index, (_, label) in enumerate(self.choices)
                ],
                id="pick",
            )
            with Horizontal(classes="buttons"):
                yield Button(t("key.cancel") + " (Esc)", id="cancel")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen value."""
        event.stop()
        self.dismiss(self.choices[event.option_index][0])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Cancel with the button."""
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        """Return None."""
        self.dismiss(None)
