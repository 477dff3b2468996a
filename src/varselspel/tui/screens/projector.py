"""The projector view: round, countdown, injects, group status, indicators and the lägesbild."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Digits, Header, Label, Static

from varselspel.engine.commands import (
    CloseRound,
    ExtendTimer,
    PauseTimer,
    ReleaseInject,
    ResumeTimer,
    StartDebrief,
    StartRound,
)
from varselspel.engine.state import Phase
from varselspel.tui import flow
from varselspel.tui.guard import max_length, send
from varselspel.tui.paint import Row, fill_table, same, show
from varselspel.tui.screens.base import BaseScreen, t
from varselspel.tui.screens.confirm import ConfirmScreen
from varselspel.tui.screens.dialogs import FormScreen, PickScreen
from varselspel.tui.text import Text, lit
from varselspel.tui.view import clock_text, figure_label, figure_text, format_value, trend_mark
from varselspel.tui.widgets.big_clock import BigClock
from varselspel.tui.widgets.footer import KeyFooter
from varselspel.tui.widgets.table import Table
from varselspel.view.indicators import indicator_rows
from varselspel.view.injects import (
    backup_injects,
    next_inject,
    release_of,
    round_releases,
    unsent_injects,
)
from varselspel.view.lagesbild import lagesbild_rows
from varselspel.view.refs import group_refs
from varselspel.view.status import (
    facilitator_view,
    group_status,
    round_view,
    timer_view,
    undecided_groups,
)

BIG_CLOCK_MIN_SIZE = (150, 45)
"""Terminal columns and rows from which the countdown is drawn in block letters."""


class ProjectorScreen(BaseScreen):
    """What the room sees; the facilitator panel shows only when toggled, under a clear banner."""

    BINDINGS = [
        Binding("escape", "launcher", "key.back", show=False, key_display="Esc"),
        Binding("n", "next", "key.next_inject"),
        Binding("b", "backup", "key.backup_inject"),
        Binding("space", "pause", "key.pause", key_display="Space"),
        Binding("plus,equals_sign", "add_time", "key.add_time", show=False, key_display="+"),
        Binding("minus", "remove_time", "key.remove_time", show=False, key_display="-"),
        Binding("c", "close_round", "key.close_round"),
        Binding("g", "group", "key.group"),
        Binding("z", "undo", "key.undo", show=False),
        Binding("p", "toggle_panel", "key.facilitator"),
        Binding("m", "note", "key.notes", show=False),
        Binding("u", "debrief", "key.debrief"),
        Binding("e", "export", "key.export", show=False),
        *[Binding(str(n), f"group_number({n})", "key.group", show=False) for n in range(1, 9)],
    ]

    PHASES = frozenset({"ready", "round"})

    def __init__(self) -> None:
        super().__init__(id="projector")
        self.panel_visible = False

    def compose(self) -> ComposeResult:
        """Lay out the projected view and the hidden facilitator panel."""
        yield Header()
        yield Static(t("proj.facilitator_banner"), id="fac-banner", markup=False)
        with Horizontal(id="proj-head"):
            with Vertical(id="proj-titles"):
                yield Label("", id="proj-scenario", classes="screen-title", markup=False)
                yield Label("", id="proj-round", markup=False)
                yield Label("", id="proj-gametime", markup=False)
                yield Label("", id="proj-timer-state", markup=False)
            yield Digits("--:--", id="countdown")
            yield BigClock("--:--", id="big-countdown")
        with Horizontal(id="proj-body"):
            with Vertical(id="proj-left"):
                yield Label(t("proj.injects"), classes="section-title", markup=False)
                with VerticalScroll(id="injects-scroll"):
                    yield Static("", id="injects", markup=False)
            with Vertical(id="proj-right"):
                yield Label(t("proj.groups"), classes="section-title", markup=False)
                yield Table(id="group-status", cursor_type="row", zebra_stripes=True)
                yield Label(t("proj.indicators"), classes="section-title", markup=False)
                yield Table(id="indicators", cursor_type="none", zebra_stripes=True)
                yield Label(t("proj.lagesbild"), classes="section-title", markup=False)
                yield Table(id="lagesbild", cursor_type="none", zebra_stripes=True)
            with VerticalScroll(id="fac-panel"):
                yield Static("", id="fac-notes", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Add the columns, draw the state and start the countdown."""
        session = self.vapp.session
        assert session is not None
        self.fit_clock(self.app.size.width, self.app.size.height)
        status: DataTable[Any] = self.query_one("#group-status", DataTable)
        status.add_column(t("setup.col.group"), key="group")
        status.add_column(t("launcher.col.status"), key="status")
        groups = group_refs(session)
        many = len(groups) > 4
        # Many groups need the room for their columns: a narrower inject list and label column.
        self.set_class(many, "-many-groups")
        # Every group's column must fit beside the labels (8 groups at 120 columns): group
        # columns take what their values need, names are cut, the label column gets the rest.
        right = self.app.size.width * (4 if many else 3) // 5
        group_width = 7 if len(groups) > 6 else 8 if many else 9
        label_width = max(12, min(48, right - len(groups) * (group_width + 2) - 4))
        for table_id in ("#indicators", "#lagesbild"):
            table: DataTable[Any] = self.query_one(table_id, DataTable)
            table.add_column("", key="label", width=label_width)
            for group in groups:
                name = (
                    group.name
                    if len(group.name) <= group_width
                    else group.name[: group_width - 1] + "…"
                )
                table.add_column(lit(name), key=group.id, width=group_width)
        self.refresh_view()
        if self.vapp.config.live_timer:
            self.set_interval(1.0, self.tick)
        self.query_one("#group-status", DataTable).focus()

    # --- drawing --------------------------------------------------------------------------------

    def tick(self) -> None:
        """Redraw the countdown (a hidden projector would make the screen on top repaint)."""
        session = self.vapp.session
        if session is None or not self.in_view():
            return
        timer = timer_view(session)
        remaining = timer.remaining if timer is not None else None
        self.query_one("#countdown", Digits).update(clock_text(remaining))
        self.query_one("#big-countdown", BigClock).set_time(clock_text(remaining))
        state_label = self.query_one("#proj-timer-state", Label)
        if timer is not None and timer.paused:
            show(state_label, Text(t("proj.paused"), style="bold reverse yellow"))
        elif timer is not None and timer.overtime:
            show(state_label, Text(t("proj.overtime"), style="bold reverse red"))
        else:
            show(state_label, "")
        overtime = timer is not None and timer.overtime
        for clock in (self.query_one("#countdown"), self.query_one("#big-countdown")):
            clock.set_class(overtime, "overtime")

    def on_resize(self, event: events.Resize) -> None:
        """Fit the countdown to the new terminal size."""
        self.fit_clock(event.size.width, event.size.height)

    def fit_clock(self, width: int, height: int) -> None:
        """On a large terminal (a projector with room to spare) show the countdown in block letters."""
        big = width >= BIG_CLOCK_MIN_SIZE[0] and height >= BIG_CLOCK_MIN_SIZE[1]
        self.set_class(big, "-big-clock")
        self.query_one("#big-countdown", BigClock).set_scale(
            2 if height >= 60 and width >= 190 else 1
        )

    def refresh_view(self) -> None:
        """Redraw everything from the session's view models."""
        session = self.vapp.session
        if session is None:
            return
        show(self.query_one("#proj-scenario", Label), lit(session.scenario.title))
        current = round_view(session)
        round_label = self.query_one("#proj-round", Label)
        game_time = self.query_one("#proj-gametime", Label)
        if current is None:
            show(round_label, lit(t("proj.not_started")))
            show(game_time, lit(t("proj.start_hint"), "italic"))
        else:
            show(
                round_label,
                Text(
                    t("proj.round", n=current.number, total=current.total, title=current.title),
                    style="bold",
                ),
            )
            hint = ""
            if not current.open:
                hint = "  " + t("proj.all_done" if current.last else "proj.between")
            show(game_time, lit(t("proj.game_time", time=current.game_time) + hint))
        self.tick()
        self.draw_injects()
        self.draw_groups()
        self.draw_indicators()
        self.draw_lagesbild()
        self.draw_panel()

    def draw_injects(self) -> None:
        """List the injects released so far in the current round, in arrival order."""
        session = self.vapp.session
        assert session is not None
        current = round_view(session)
        text = Text()
        if current is not None:
            text.append(current.briefing, style="italic")
            for release in round_releases(session):
                inject = release.inject
                if text:
                    text.append("\n\n")
                text.append(inject.title, style="bold")
                if inject.sender:
                    text.append("  " + t("proj.from", sender=inject.sender), style="italic")
                if not release.reached_all:
                    recipients = ", ".join(g.name for g in release.recipients)
                    text.append("  [" + recipients + "]", style="dim")
                text.append("\n" + inject.text)
        else:
            text.append(session.scenario.summary, style="italic")
        injects = self.query_one("#injects", Static)
        if same(injects.content, text):
            return
        injects.update(text)
        # The newest inject is at the bottom; keep it in view once the new text is laid out.
        scroll = self.query_one("#injects-scroll", VerticalScroll)
        scroll.scroll_end(animate=False)
        self.call_after_refresh(scroll.scroll_end, animate=False)

    def draw_groups(self) -> None:
        """Show each group's decision status in the open round."""
        session = self.vapp.session
        assert session is not None
        rows: list[Row] = []
        for status in group_status(session):
            if status.round_open:
                word = t("proj.decided") if status.all_decided else t("proj.deciding")
                style = "bold green" if status.all_decided else "bold yellow"
                done = t("proj.decided_n", done=status.decided, total=status.total)
                cell = Text(f"{word} ({done})", style=style)
            else:
                cell = Text("–", style="dim")
            rows.append(Row(status.group.id, (lit(status.group.name), cell)))
        fill_table(self.query_one("#group-status", DataTable), rows)

    def draw_indicators(self) -> None:
        """Show each indicator per group with its trend since the last round."""
        session = self.vapp.session
        assert session is not None
        rows: list[Row] = []
        for indicator in indicator_rows(session):
            cells: list[Any] = [
                lit(indicator.label + (f" ({indicator.unit})" if indicator.unit else ""))
            ]
            for value in indicator.cells:
                arrow, style = trend_mark(value.trend)
                cell = Text(format_value(value.value) + " ")
                cell.append(arrow, style=style)
                cells.append(cell)
            rows.append(Row(indicator.id, tuple(cells), height=None))
        fill_table(self.query_one("#indicators", DataTable), rows)

    def draw_lagesbild(self) -> None:
        """Show the consequence model's figures per group."""
        session = self.vapp.session
        assert session is not None
        rows = [
            Row(
                figure.code,
                (
                    lit(figure_label(figure)),
                    *[lit(figure_text(figure, value)) for _group, value in figure.values],
                ),
            )
            for figure in lagesbild_rows(session)
            if figure.values
        ]
        fill_table(self.query_one("#lagesbild", DataTable), rows)

    def draw_panel(self) -> None:
        """Fill the facilitator panel and show or hide it with its banner."""
        session = self.vapp.session
        assert session is not None
        self.query_one("#fac-panel").display = self.panel_visible
        self.query_one("#fac-banner").display = self.panel_visible
        if not self.panel_visible:
            return
        current = round_view(session)
        notes = facilitator_view(session)
        text = Text()
        if current is not None:
            text.append(t("proj.notes") + "\n", style="bold underline")
            text.append((notes.notes or "–") + "\n\n")
            text.append(t("proj.expected") + "\n", style="bold underline")
            for item in notes.expected or ("–",):
                text.append("• " + item + "\n")
            if current.open:
                text.append("\n" + t("proj.backup_injects") + "\n", style="bold underline")
                for backup in backup_injects(session):
                    text.append("• " + backup.inject.title + "\n")
        for note in notes.own_notes:
            text.append("\n✎ " + note)
        show(self.query_one("#fac-notes", Static), text)

    # --- commands -------------------------------------------------------------------------------

    def run_command(self, command: Any) -> bool:
        """Send a command (or build it); bad input or a refusal is said, not raised."""
        result = send(self.vapp, command)
        return result is not None and result.ok

    def action_launcher(self) -> None:
        """Go back to the launcher after a confirmation, since a workshop is running."""
        session = self.vapp.session
        if session is None:
            super().action_launcher()
            return
        timer = timer_view(session)
        running = timer is not None and not timer.paused
        question = t("proj.leave_q_clock" if running else "proj.leave_q")

        def answer(yes: bool | None) -> None:
            if yes:
                BaseScreen.action_launcher(self)

        self.app.push_screen(ConfirmScreen(question), answer)

    def action_next(self) -> None:
        """Release the next inject, or start the next round when none is open."""
        session = self.vapp.session
        if session is None:
            return
        if session.state.round_open:
            if next_inject(session) is None:
                # Say what the facilitator can do instead of only that nothing is left.
                self.notify(t("proj.all_injects_sent"), markup=False, timeout=8)
                return
            self.release(ReleaseInject())
        else:
            self.run_command(StartRound())

    def release(self, command: ReleaseInject) -> None:
        """Release an inject and confirm to whom it went."""
        session = self.vapp.session
        result = send(self.vapp, command)
        if session is None or result is None or not result.ok or result.event is None:
            return
        done = result.event.command
        assert isinstance(done, ReleaseInject)
        release = release_of(session, result.event.seq)
        title = release.inject.title if release is not None else done.inject or ""
        target = (
            session.state.groups[done.group].name
            if done.group in session.state.groups
            else t("proj.all_groups").lower()
        )
        self.notify(t("proj.released", title=title, target=target), markup=False)

    def action_backup(self) -> None:
        """Pick a backup inject and who gets it, then release it."""
        session = self.vapp.session
        if session is None or not session.state.round_open:
            return
        backups = backup_injects(session)
        if not backups:
            self.notify(t("proj.no_backup"))
            return
        choices = [(backup.inject.id, backup.inject.title) for backup in backups]

        def picked_inject(inject_id: str | None) -> None:
            if inject_id is None:
                return
            groups = [("", t("proj.all_groups"))] + [(g.id, g.name) for g in group_refs(session)]

            def picked_group(group_id: str | None) -> None:
                if group_id is not None:
                    self.release(ReleaseInject(inject=inject_id, group=group_id or None))

            self.app.push_screen(PickScreen(t("proj.pick_group"), groups), picked_group)

        self.app.push_screen(PickScreen(t("proj.pick_backup"), choices), picked_inject)

    def action_pause(self) -> None:
        """Pause or resume the countdown."""
        session = self.vapp.session
        timer = timer_view(session) if session is not None else None
        if timer is None:
            return
        self.run_command(ResumeTimer() if timer.paused else PauseTimer())

    def action_add_time(self) -> None:
        """Give the round five more minutes."""
        self.run_command(ExtendTimer(minutes=5))

    def action_remove_time(self) -> None:
        """Take five minutes from the round."""
        self.run_command(ExtendTimer(minutes=-5))

    def action_close_round(self) -> None:
        """Close the round after a confirmation and open the next one, if there is one."""
        session = self.vapp.session
        if session is None or not session.state.round_open:
            return
        question = self.close_question()

        def answer(yes: bool | None) -> None:
            # The next round waits for n, so the room can take in the new lägesbild first.
            if yes:
                self.run_command(CloseRound())

        self.app.push_screen(ConfirmScreen(question), answer)

    def close_question(self) -> str:
        """Return the close-round question, naming undecided groups and injects not yet sent."""
        session = self.vapp.session
        assert session is not None
        lines = [t("proj.close_q")]
        undecided = [
            f"{row.group.name} ({row.decided}/{row.total})" for row in undecided_groups(session)
        ]
        if undecided:
            lines.append(t("proj.close_undecided", groups=", ".join(undecided)))
        unsent = [f"”{inject.title}”" for inject in unsent_injects(session)]
        if unsent:
            lines.append(t("proj.close_unsent", injects=", ".join(unsent)))
        return "\n\n".join(lines)

    def action_group(self) -> None:
        """Pick a group and switch to its hot seat."""
        session = self.vapp.session
        if session is None:
            return
        choices = [(g.id, g.name) for g in group_refs(session)]
        self.app.push_screen(PickScreen(t("proj.pick_group"), choices), self.open_group)

    def action_group_number(self, number: int) -> None:
        """Switch straight to group number `number`."""
        session = self.vapp.session
        if session is None:
            return
        groups = group_refs(session)
        if 1 <= number <= len(groups):
            self.open_group(groups[number - 1].id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter or a click on a group opens its hot seat."""
        event.stop()
        if (
            event.data_table.id == "group-status"
            and event.row_key is not None
            and event.row_key.value
        ):
            self.open_group(event.row_key.value)

    def open_group(self, group_id: str | None) -> None:
        """Show the group play screen for one group."""
        if not group_id:
            return
        self.app.push_screen(self.vapp.group_screen(group_id))

    def action_undo(self) -> None:
        """Undo the last step still in effect."""
        from varselspel.tui.undo import undo_step

        undo_step(self)

    def action_toggle_panel(self) -> None:
        """Show or hide the facilitator panel."""
        self.panel_visible = not self.panel_visible
        self.draw_panel()

    def action_note(self) -> None:
        """Write a facilitator note."""
        from varselspel.engine.commands import WriteNote

        def done(values: dict[str, str] | None) -> None:
            if values and values.get("text"):
                self.run_command(lambda: WriteNote(text=values["text"]))

        self.app.push_screen(
            FormScreen(
                t("proj.note_prompt"),
                [("text", t("proj.note_prompt"), "")],
                ("text",),
                {"text": max_length(WriteNote, "text")},
            ),
            done,
        )

    def action_debrief(self) -> None:
        """Go to the debrief after a confirmation."""
        session = self.vapp.session
        if session is None:
            return

        def answer(yes: bool | None) -> None:
            if yes and self.run_command(StartDebrief()):
                flow.show_phase(self.vapp)

        # Name the rounds that will not be played, so nobody skips them by mistake.
        total = len(session.scenario.rounds)
        first = session.state.round_index + 2  # an open round is closed, not skipped
        if first < total:
            rounds = f"{first}–{total}"
        elif first == total:
            rounds = str(total)
        else:
            rounds = ""
        question = t("proj.debrief_q_rounds", rounds=rounds) if rounds else t("proj.debrief_q")
        self.app.push_screen(ConfirmScreen(question), answer)

    def action_export(self) -> None:
        """Export the action plan."""
        from varselspel.tui.export_action import start_export

        start_export(self.vapp)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys that do nothing in the current phase."""
        session = self.vapp.session
        if session is None:
            return True
        open_round = session.state.round_open
        if action in {"backup", "pause", "add_time", "remove_time", "close_round"}:
            return True if open_round else None
        if action == "debrief":
            return True if session.state.phase in (Phase.READY, Phase.ROUND) else None
        return True
