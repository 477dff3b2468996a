"""A yes/no question before anything that cannot be undone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from varselspel.tui.screens.base import BaseModal, t
from varselspel.tui.text import lit


class ConfirmScreen(BaseModal):
    """Asks a question; dismisses with True for yes and False for no."""

    BINDINGS = [
        Binding("y,j", "answer(True)", "key.yes"),
        Binding("n,escape", "answer(False)", "key.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(classes="dialog-screen")
        self.question = question

    def compose(self) -> ComposeResult:
        """Show the question and two buttons."""
        with Vertical(classes="dialog"):
            yield Label(t("confirm.title"), classes="dialog-title", markup=False)
            yield Static(lit(self.question), markup=False, id="question")
            with Horizontal(classes="buttons"):
                yield Button(
                    t("key.yes") + f" ({t('confirm.yes_key')})", id="yes", variant="primary"
                )
                yield Button(t("key.no") + " (N)", id="no")

    def on_mount(self) -> None:
        """Put the focus on the safe answer."""
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the pressed button."""
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        """Answer by key."""
        self.dismiss(value)


class MessageScreen(BaseModal):
    """Shows a message until the user closes it."""

    BINDINGS = [Binding("escape,enter", "close", "key.close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        """Show the message and a close button."""
        with Vertical(classes="dialog"):
            yield Label(lit(self.title_text), classes="dialog-title")
            yield Static(lit(self.message), markup=False, id="message")
            with Horizontal(classes="buttons"):
                yield Button(t("key.close"), id="close", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close on the button."""
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        """Close by key."""
        self.dismiss(None)
