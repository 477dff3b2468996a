"""The help screen: every key of the screen it was opened from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, DataTable, Label, Static

from varselspel.tui.screens.base import BaseModal, t
from varselspel.tui.text import lit
from varselspel.tui.widgets.table import Table

KeyRow = tuple[str, str]
"""A key as displayed and what it does."""


class HelpScreen(BaseModal):
    """Lists the keys of the screen below it with what they do."""

    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "key.close")]

    def __init__(self, rows: list[KeyRow]) -> None:
        super().__init__(classes="dialog-screen")
        self.rows = rows

    def compose(self) -> ComposeResult:
        """Show the keys in a table."""
        with Vertical(classes="dialog help-dialog"):
            yield Label(t("help.title"), classes="dialog-title", markup=False)
            yield Static(lit(t("help.intro")), markup=False)
            table: DataTable[object] = Table(id="help-keys", cursor_type="row", zebra_stripes=True)
            table.add_column(t("help.key"))
            table.add_column(t("help.action"))
            for key, description in self.rows:
                table.add_row(lit(key), lit(description))
            yield table
            yield Button(t("key.close") + " (Esc)", id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close on the button."""
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        """Close by key."""
        self.dismiss(None)
