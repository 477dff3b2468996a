"""The launcher: choose a scenario to set up, or resume a saved session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Label, Static

from varselspel.tui import flow
from varselspel.tui.background import in_daemon_thread
from varselspel.tui.catalog import ScenarioEntry, list_scenarios
from varselspel.tui.screens.base import BaseScreen, t
from varselspel.tui.text import Text, lit
from varselspel.tui.widgets.footer import KeyFooter
from varselspel.tui.widgets.table import Table


class LauncherScreen(BaseScreen):
    """Lists scenarios (broken ones with their first error) and saved sessions."""

    BINDINGS = [
        Binding("o", "open", "key.open", key_display="Enter/o"),
        Binding("r", "refresh", "key.refresh"),
        Binding("delete", "delete_session", "key.delete_session", key_display="Del"),
        Binding("e", "export_session", "key.export_session"),
    ]

    def __init__(self) -> None:
        super().__init__(id="launcher")
        self.entries: list[ScenarioEntry] = []
        self.sessions: list[flow.SessionEntry] = []
        self.loaded = False
        self.focused_once = False
        """True once both lists have been read at least once."""

    def compose(self) -> ComposeResult:
        """Lay out the two lists and a detail pane."""
        yield Header()
        with Vertical(id="launcher-body"):
            yield Label(t("launcher.title"), classes="screen-title", markup=False)
            yield Label(t("launcher.scenarios"), classes="section-title", markup=False)
            scenarios: DataTable[Any] = Table(id="scenarios", cursor_type="row", zebra_stripes=True)
            yield scenarios
            yield Static("", id="scenario-detail", markup=False)
            yield Label(t("launcher.sessions"), classes="section-title", markup=False)
            sessions: DataTable[Any] = Table(id="sessions", cursor_type="row", zebra_stripes=True)
            yield sessions
        yield KeyFooter()

    def on_mount(self) -> None:
        """Set up the columns and load the lists in the background."""
        scenarios = self.query_one("#scenarios", DataTable)
        for key in ("title", "kind", "length", "rounds", "roles"):
            scenarios.add_column(t(f"launcher.col.{key}"), key=key)
        sessions = self.query_one("#sessions", DataTable)
        for key in ("session", "status", "updated"):
            sessions.add_column(t(f"launcher.col.{key}"), key=key)
        # Reading every scenario takes a moment; the app starts it once the first frame is shown.
        if getattr(self.app, "first_frame_shown", True):
            self.action_refresh()

    def action_refresh(self) -> None:
        """Reload scenarios and sessions."""
        self.load_lists()

    @work(exclusive=True, group="launcher-load")
    async def load_lists(self) -> None:
        """Read every scenario file and the session list without blocking the first frame.

        The files are read in a daemon thread: quitting cancels this worker, and a read that
        hangs (a named pipe, a share that went away) cannot keep the process alive.
        """
        dirs = self.vapp.config.scenario_dirs

        def read() -> tuple[list[ScenarioEntry], list[flow.SessionEntry]]:
            return list_scenarios(dirs), flow.list_sessions(self.vapp)

        entries, sessions = await in_daemon_thread(read)
        self.show_lists(entries, sessions)

    def show_lists(self, entries: list[ScenarioEntry], sessions: list[flow.SessionEntry]) -> None:
        """Fill both tables."""
        self.entries = entries
        self.sessions = sessions
        self.loaded = True
        table = self.query_one("#scenarios", DataTable)
        table.clear()
        if not entries:
            table.add_row(lit(t("launcher.no_scenarios"), "italic"), "", "", "", "", key="none")
        for index, entry in enumerate(entries):
            if entry.broken:
                title = Text()
                title.append(t("launcher.broken") + " ", style="bold reverse red")
                title.append(entry.title)
                table.add_row(title, "", "", "", "", key=f"s{index}")
            else:
                table.add_row(
                    lit(entry.title),
                    lit(t(f"kind.{entry.kind}")),
                    lit(t("launcher.minutes", n=entry.minutes)),
                    lit(entry.rounds),
                    lit(entry.roles),
                    key=f"s{index}",
                )
        stable = self.query_one("#sessions", DataTable)
        stable.clear()
        if not sessions:
            stable.add_row(lit(t("launcher.no_sessions"), "italic"), "", "", key="none")
        for index, session in enumerate(sessions):
            stable.add_row(
                lit(session.title), lit(session.status), lit(session.updated), key=f"x{index}"
            )
        self.show_detail()
        # A session in progress is what a returning facilitator wants; start on that list.
        if not self.focused_once and any(s.status for s in sessions):
            self.query_one("#sessions", DataTable).focus()
        self.focused_once = True

    def selected_entry(self) -> ScenarioEntry | None:
        """Return the scenario under the cursor."""
        table = self.query_one("#scenarios", DataTable)
        if not self.entries or not 0 <= table.cursor_row < len(self.entries):
            return None
        return self.entries[table.cursor_row]

    def show_detail(self) -> None:
        """Show the summary, or the first error, of the highlighted scenario."""
        entry = self.selected_entry()
        detail = self.query_one("#scenario-detail", Static)
        if entry is None:
            detail.update("")
        elif entry.broken:
            text = Text()
            text.append(t("launcher.broken") + ": ", style="bold red")
            text.append(entry.error)
            detail.update(text)
        else:
            detail.update(lit(entry.summary))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Follow the cursor in the detail pane."""
        if event.data_table.id == "scenarios":
            self.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Open the chosen row (Enter or a click)."""
        event.stop()
        self.open_row(event.data_table.id or "", event.cursor_row)

    def action_open(self) -> None:
        """Open the row under the cursor of the focused list."""
        focused = self.focused
        table_id = focused.id if isinstance(focused, DataTable) else "scenarios"
        table = self.query_one(f"#{table_id}", DataTable)
        self.open_row(table_id or "", table.cursor_row)

    def open_row(self, table_id: str, row: int) -> None:
        """Set up a new session from a scenario, or resume a saved session."""
        if table_id == "sessions":
            if 0 <= row < len(self.sessions):
                flow.resume_session(self.vapp, self.sessions[row].path)
            return
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        if entry.broken:
            self.notify(
                t("launcher.broken_open", error=entry.error), severity="error", markup=False
            )
            return
        flow.new_session(self.vapp, entry.path)

    def action_delete_session(self) -> None:
        """Delete the saved session under the cursor after a confirmation (a slip's clutter)."""
        from varselspel.tui.screens.confirm import ConfirmScreen

        table = self.query_one("#sessions", DataTable)
        if not table.has_focus or not 0 <= table.cursor_row < len(self.sessions):
            self.notify(t("launcher.delete_pick"), markup=False)
            return
        entry = self.sessions[table.cursor_row]

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                # The session file and SQLite's write-ahead companions, nothing else.
                for path in (
                    entry.path,
                    *(entry.path.with_name(entry.path.name + x) for x in ("-wal", "-shm")),
                ):
                    path.unlink(missing_ok=True)
            except OSError as error:
                self.notify(
                    t("launcher.delete_failed", error=error.strerror or str(error)),
                    severity="error",
                    markup=False,
                )
            self.action_refresh()

        self.app.push_screen(
            ConfirmScreen(t("launcher.delete_q", title=entry.title, status=entry.status)), answer
        )

    def action_export_session(self) -> None:
        """Copy the saved session under the cursor to a folder, safely even while it is open."""
        from varselspel.export import default_out_dir
        from varselspel.tui.screens.dialogs import FormScreen

        table = self.query_one("#sessions", DataTable)
        if not table.has_focus or not 0 <= table.cursor_row < len(self.sessions):
            self.notify(t("launcher.export_pick"), markup=False)
            return
        entry = self.sessions[table.cursor_row]

        def copy(values: dict[str, str]) -> bool:
            from varselspel.store import StoreError, copy_session

            try:
                written = copy_session(entry.path, Path(values["folder"]).expanduser())
            except StoreError as error:
                # The dialog stays open with the folder typed, so another one can be tried.
                self.notify(error.message(self.vapp.lang), severity="error", markup=False)
                return False
            self.notify(t("launcher.exported", path=str(written)), markup=False, timeout=10)
            return True

        fields = [("folder", t("launcher.export_folder"), str(default_out_dir()))]
        title = t("launcher.export_title", title=entry.title)
        self.app.push_screen(FormScreen(title, fields, required=("folder",), submit=copy))

    def on_screen_resume(self) -> None:
        """Refresh the session list when coming back to the launcher."""
        if self.entries:
            # Back from a session: start on the saved sessions again, so Enter resumes one.
            self.focused_once = False
            self.action_refresh()
