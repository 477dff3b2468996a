"""A group's own actions: the round's prompt and a table of what the group has added."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from varselspel.tui.paint import Row, fill_table
from varselspel.tui.paint import show as repaint
from varselspel.tui.text import Text, lit
from varselspel.tui.widgets.table import Table
from varselspel.tui.widgets.words import t
from varselspel.view.actions import ActionRow

COLUMNS = ("title", "responsible", "level", "timeframe", "financing")
"""The table's columns, by catalog key `col.*`."""


def prompt_text(own_prompt: str, empty: bool, add_key: str) -> Text:
    """Return the round's prompt and, without actions, which key adds one."""
    text = Text()
    if own_prompt:
        text.append(t("group.own_prompt", text=own_prompt), style="italic")
    if empty:
        if own_prompt:
            text.append("\n")
        text.append(t("group.no_actions", press=add_key), style="dim")
    return text


def action_row(action: ActionRow) -> Row:
    """Return one action as a table row."""
    responsible = action.responsible.label if action.responsible is not None else ""
    return Row(
        action.id,
        (
            lit(action.title),
            lit(responsible),
            lit(t(f"level.{action.level.value}")),
            lit(action.timeframe),
            lit(action.financing),
        ),
    )


class ActionList(Vertical):
    """The prompt and the actions; Enter or a click on a row asks to edit it."""

    class EditRequested(Message):
        """The group pressed Enter on (or clicked) an action."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action
            """Action id."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: tuple[ActionRow, ...] = ()

    def compose(self) -> ComposeResult:
        """The prompt above the table."""
        yield Static("", id="actions-prompt", markup=False)
        yield Table(id="actions", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Add the columns."""
        table = self.query_one(Table)
        for key in COLUMNS:
            table.add_column(t(f"col.{key}"), key=key)

    def show(self, rows: tuple[ActionRow, ...], own_prompt: str, add_key: str) -> None:
        """Show the actions and the prompt; `add_key` is the key that adds an action."""
        self.rows = rows
        repaint(
            self.query_one("#actions-prompt", Static), prompt_text(own_prompt, not rows, add_key)
        )
        fill_table(self.query_one(Table), [action_row(a) for a in rows])

    @property
    def selected(self) -> ActionRow | None:
        """The action under the cursor."""
        row = self.query_one(Table).cursor_row
        return self.rows[row] if self.rows and 0 <= row < len(self.rows) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Ask to edit the chosen action."""
        event.stop()
        key = event.row_key.value
        if key is not None:
            self.post_message(self.EditRequested(key))
