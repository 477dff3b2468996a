"""The export dialog: folder, format and which plan, with errors shown in the dialog itself."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from varselspel.tui.screens.base import BaseModal, t
from varselspel.tui.text import Text, lit
from varselspel.tui.widgets.text_input import TextInput

FORMAT_CHOICES: tuple[tuple[str, str], ...] = (
    ("all", "export.fmt.all"),
    ("docx", "export.fmt.docx"),
    ("html", "export.fmt.html"),
    ("md", "export.fmt.md"),
    ("json", "export.fmt.json"),
)
"""Format codes of the exporter with the words a facilitator knows, most useful first."""


@dataclass(frozen=True)
class ExportRequest:
    """What the facilitator asked to export."""

    folder: Path
    """Where the files go."""
    formats: list[str]
    """Format codes: md, docx, html, json."""
    group: str | None
    """One group's plan, or None for every group and the synthesis."""


class ExportScreen(BaseModal):
    """Asks where and what to export; `check` may keep it open with an error under the fields."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", key_display="Esc"),
        Binding("ctrl+s", "save", "key.export", key_display="Ctrl+S"),
        # Priority: the field changes before the next keys of a fast burst reach the old one.
        Binding("tab", "app.focus_next", "", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "", show=False, priority=True),
    ]

    def __init__(self, folder: Path, groups: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.folder = folder
        self.groups = groups

    def compose(self) -> ComposeResult:
        """Show the folder, the format and the plan to export."""
        with Vertical(classes="dialog"):
            yield Label(t("export.title"), classes="dialog-title", markup=False)
            yield Label(t("export.folder"), classes="field-label", markup=False)
            yield TextInput(str(self.folder), id="export-folder")
            yield Label(t("export.format"), classes="field-label", markup=False)
            yield Select(
                [(t(key), code) for code, key in FORMAT_CHOICES],
                allow_blank=False,
                value="all",
                id="export-format",
            )
            yield Label(t("export.which"), classes="field-label", markup=False)
            yield Select(
                [(t("export.all_groups"), ""), *[(lit(name), gid) for gid, name in self.groups]],
                allow_blank=False,
                value="",
                id="export-group",
            )
            yield Static("", id="export-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("key.export") + " (Enter)", id="save", variant="primary")
                yield Button(t("key.cancel") + " (Esc)", id="cancel")

    def on_mount(self) -> None:
        """Start in the folder field."""
        self.query_one("#export-folder", Input).focus()

    def show_error(self, message: str) -> None:
        """Say what went wrong under the fields and keep the dialog open."""
        self.query_one("#export-error", Static).update(Text(message, style="bold red"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the folder field exports."""
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Export or cancel with the buttons."""
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        """Return the request, unless the folder is empty."""
        folder = self.query_one("#export-folder", Input).value.strip()
        if not folder:
            self.show_error(t("form.required", field=t("export.folder")))
            return
        fmt = str(self.query_one("#export-format", Select).value)
        group = str(self.query_one("#export-group", Select).value) or None
        formats = ["md", "docx", "html", "json"] if fmt == "all" else [fmt]
        self.dismiss(ExportRequest(Path(folder).expanduser(), formats, group))

    def action_cancel(self) -> None:
        """Return None."""
        self.dismiss(None)
