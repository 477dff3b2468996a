"""The debrief: choices side by side, indicator trajectories, objective ratings and lessons."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import (
    DataTable,
    Header,
    Label,
    Static,
    TabbedContent,
    TabPane,
)

from varselspel.engine.commands import EndSession, RateObjective, RecordLesson
from varselspel.tui.guard import max_length, send
from varselspel.tui.paint import Row, fill_table, show
from varselspel.tui.screens.base import BaseScreen, t
from varselspel.tui.screens.confirm import ConfirmScreen
from varselspel.tui.screens.dialogs import FormScreen, PickScreen
from varselspel.tui.text import Text, lit
from varselspel.tui.view import format_value
from varselspel.tui.widgets.footer import KeyFooter
from varselspel.tui.widgets.table import Table
from varselspel.tui.widgets.trend import scale_for, trend_bars
from varselspel.view.debrief import choice_rows, lesson_rows, objective_rows
from varselspel.view.indicators import history_rounds, trajectories
from varselspel.view.refs import group_refs

RATINGS: tuple[str, ...] = ("without", "some", "major", "unable")
"""The four steps of the rating scale, best first."""

RATING_STYLES: dict[str, str] = {
    "without": "bold green",
    "some": "bold yellow",
    "major": "bold dark_orange",
    "unable": "bold red",
}
"""How each rating is coloured."""


class DebriefScreen(BaseScreen):
    """Everything the closing discussion needs, and where ratings and lessons are recorded."""

    BINDINGS = [
        Binding("escape", "launcher", "key.back", show=False, key_display="Esc"),
        Binding("v", "tab('tab-choices')", "debrief.choices", show=False),
        Binding("i", "tab('tab-trends')", "debrief.trends", show=False),
        Binding("o", "objectives", "key.objectives"),
        Binding("enter", "rate", "key.rate", key_display="Enter"),
        *[Binding(str(n), f"rate_quick({n})", "key.rate", show=False) for n in range(1, 5)],
        Binding("l", "lesson", "key.lesson"),
        Binding("e", "export", "key.export"),
        Binding("z", "undo", "key.undo", show=False),
        Binding("s", "end_session", "key.end_session"),
    ]

    PHASES = frozenset({"debrief", "ended"})

    def __init__(self) -> None:
        super().__init__(id="debrief")

    def compose(self) -> ComposeResult:
        """Lay out one tab per part of the debrief."""
        yield Header()
        yield Label(t("debrief.title"), id="debrief-title", classes="screen-title", markup=False)
        with TabbedContent(id="debrief-tabs"):
            with TabPane(t("debrief.choices"), id="tab-choices"):
                yield Table(id="choices", cursor_type="row", zebra_stripes=True)
            with TabPane(t("debrief.trends"), id="tab-trends"), VerticalScroll(id="trends"):
                yield from self.trend_widgets()
            with TabPane(t("debrief.objectives"), id="tab-objectives"):
                yield Static("", id="rating-help", markup=False)
                yield Table(id="objectives", cursor_type="cell", zebra_stripes=True)
            with TabPane(t("debrief.lessons"), id="tab-lessons"):
                yield Table(id="lessons", cursor_type="row", zebra_stripes=True)
                yield Static("", id="questions", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Draw the state."""
        session = self.vapp.session
        assert session is not None
        self.add_columns()
        self.refresh_view()
        self.query_one("#choices", DataTable).focus()

    def draw_title(self) -> None:
        """Show the scenario, and say plainly when the workshop has ended."""
        session = self.vapp.session
        assert session is not None
        title = Text(t("debrief.title") + ": " + session.scenario.title)
        if session.state.phase.value == "ended":
            title.append("  " + t("debrief.ended"), style="bold reverse")
        show(self.query_one("#debrief-title", Label), title)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """After the end, offer only reading and exporting."""
        session = self.vapp.session
        ended = session is not None and session.state.phase.value == "ended"
        return not (ended and action in {"rate", "rate_quick", "lesson", "end_session", "undo"})

    def add_columns(self) -> None:
        """Add the columns once; the groups do not change after setup."""
        session = self.vapp.session
        assert session is not None
        groups = group_refs(session)
        n = max(1, len(groups))
        many = n > 4
        first = 24 if self.app.size.width < 100 or many else 32
        if many:
            # Every group gets an equal share (down to 9 columns), so 8 groups fit at 120
            # columns: 2 for each column's padding, 3 for the scrollbar and the borders.
            width = max(9, (self.app.size.width - first - 2 * (n + 1) - 3) // n)
        else:
            width = max(16, (self.app.size.width - first - 4 * (n + 1)) // n)
        choices: DataTable[Any] = self.query_one("#choices", DataTable)
        choices.add_column(t("group.decisions"), key="decision", width=first)
        objectives: DataTable[Any] = self.query_one("#objectives", DataTable)
        objectives.add_column(
            t("debrief.objectives"), key="objective", width=first if many else first + 4
        )
        for group in groups:
            choices.add_column(lit(group.name), key=group.id, width=width)
            objectives.add_column(lit(group.name), key=group.id, width=width if many else None)
        lessons: DataTable[Any] = self.query_one("#lessons", DataTable)
        lessons.add_column(t("setup.col.group"), key="group")
        lessons.add_column(t("debrief.kind"), key="kind")
        lessons.add_column(t("debrief.lesson_text"), key="text")

    def refresh_view(self) -> None:
        """Redraw the title, the tables and which keys apply."""
        self.draw_title()
        self.refresh_bindings()
        self.draw_choices()
        self.draw_objectives()
        self.draw_lessons()

    def draw_choices(self) -> None:
        """Show each decision with every group's choice and rationale side by side."""
        session = self.vapp.session
        assert session is not None
        rows: list[Row] = []
        for row in choice_rows(session):
            head = Text(row.game_time + ": ", style="dim")
            head.append(row.question)
            cells: list[Any] = [head]
            for _group, choice in row.choices:
                if choice is None:
                    cells.append(Text(t("debrief.no_choice"), style="dim italic"))
                    continue
                cell = Text(choice.label, style="bold")
                if choice.outside_mandate:
                    cell.append(" ⚠", style="bold yellow")
                if choice.rationale:
                    cell.append("\n" + choice.rationale, style="italic")
                cells.append(cell)
            rows.append(Row(row.key, tuple(cells), height=None))
        fill_table(self.query_one("#choices", DataTable), rows)

    def trend_widgets(self) -> ComposeResult:
        """Yield each indicator's trajectory per group as bars on one shared scale, with values."""
        session = self.vapp.session
        assert session is not None
        groups = group_refs(session)
        game_times = {r.id: r.game_time for r in session.scenario.rounds}
        points = [game_times.get(rid or "", t("debrief.start")) for rid in history_rounds(session)]
        width = max([len(g.name) for g in groups] + [8]) + 2
        for trajectory in trajectories(session):
            unit = f" ({trajectory.unit})" if trajectory.unit else ""
            yield Label(lit(trajectory.label + unit), classes="section-title")
            data = [list(values) for _group, values in trajectory.series]
            lo, hi = scale_for(data, trajectory.low, trajectory.high)
            block = Text(
                " " * width + t("debrief.axis", points=" · ".join(points)) + "\n", style="dim"
            )
            for group, values in trajectory.series:
                block.append(group.name[: width - 1].ljust(width))
                block.append(
                    trend_bars(
                        list(values), lo, hi, style="bold $accent".replace("$accent", "cyan")
                    )
                )
                block.append("  " + " → ".join(format_value(v) for v in values) + "\n")
            yield Static(block, classes="trend-block", markup=False)

    def draw_objectives(self) -> None:
        """Show the rating of every objective per group."""
        session = self.vapp.session
        assert session is not None
        scale = Text()
        for number, rating in enumerate(RATINGS, start=1):
            scale.append(f"{number} = ")
            scale.append(t(f"rating.{rating}"), style=RATING_STYLES[rating])
            scale.append("   ")
        show(self.query_one("#rating-help", Static), scale)
        rows: list[Row] = []
        for objective in objective_rows(session):
            cells: list[Any] = [lit(objective.text)]
            for rating in objective.cells:
                if rating.rating is None:
                    cells.append(Text(t("debrief.not_rated"), style="dim italic"))
                else:
                    cells.append(
                        Text(t(f"rating.{rating.rating}"), style=RATING_STYLES[rating.rating])
                    )
            rows.append(Row(objective.id, tuple(cells), height=None))
        table: DataTable[Any] = self.query_one("#objectives", DataTable)
        fill_table(table, rows)
        # The first column names the objective; the cursor rates, so it stays on a group.
        if table.row_count and table.cursor_coordinate.column < 1:
            table.move_cursor(column=1, animate=False)

    def draw_lessons(self) -> None:
        """List the lessons recorded so far and the questions to discuss."""
        session = self.vapp.session
        assert session is not None
        lessons = lesson_rows(session)
        rows: list[Row] = []
        for lesson in lessons:
            who = lesson.group.name if lesson.group is not None else t("debrief.whole_session")
            kind = t("debrief.strength" if lesson.kind == "strength" else "debrief.improvement")
            rows.append(
                Row(
                    str(lesson.seq),
                    (
                        lit(who),
                        lit(kind, "green" if lesson.kind == "strength" else "yellow"),
                        lit(lesson.text),
                    ),
                )
            )
        fill_table(self.query_one("#lessons", DataTable), rows)
        questions = Text()
        if not lessons:
            questions.append(t("debrief.no_lessons") + "\n", style="italic")
        if session.scenario.debrief.questions:
            questions.append("\n" + t("debrief.questions") + "\n", style="bold underline")
            for question in session.scenario.debrief.questions:
                questions.append("• " + question + "\n")
        show(self.query_one("#questions", Static), questions)

    # --- commands -------------------------------------------------------------------------------

    def run_command(self, command: Any) -> bool:
        """Send a command (or build it); bad input or a refusal is said, not raised."""
        result = send(self.vapp, command)
        return result is not None and result.ok

    def _cell(self) -> tuple[str, str] | None:
        """Return the (group id, objective id) under the objectives cursor."""
        session = self.vapp.session
        table: DataTable[Any] = self.query_one("#objectives", DataTable)
        objectives = session.scenario.debrief.objectives if session else []
        if session is None or not objectives:
            return None
        groups = list(session.state.groups)
        row, column = table.cursor_coordinate.row, table.cursor_coordinate.column
        if not 0 <= row < len(objectives):
            return None
        column = max(1, column)
        if column - 1 >= len(groups):
            return None
        return groups[column - 1], objectives[row].id

    def action_tab(self, tab: str) -> None:
        """Show one tab of the debrief."""
        self.query_one("#debrief-tabs", TabbedContent).active = tab

    def action_objectives(self) -> None:
        """Show the objectives to rate."""
        self.query_one("#debrief-tabs", TabbedContent).active = "tab-objectives"
        self.query_one("#objectives", DataTable).focus()

    def action_rate(self) -> None:
        """Pick a rating for the group and objective under the cursor."""
        tabs = self.query_one("#debrief-tabs", TabbedContent)
        if tabs.active != "tab-objectives":
            tabs.active = "tab-objectives"
            self.query_one("#objectives", DataTable).focus()
            return
        cell = self._cell()
        session = self.vapp.session
        if cell is None or session is None:
            return
        group_id, objective_id = cell
        objective = next(o for o in session.scenario.debrief.objectives if o.id == objective_id)
        choices = [
            (rating, f"{n}. {t(f'rating.{rating}')}") for n, rating in enumerate(RATINGS, start=1)
        ]

        def picked(value: str | None) -> None:
            if value:
                self.run_command(
                    RateObjective(group=group_id, objective=objective_id, rating=value)
                )

        title = t(
            "debrief.pick_rating",
            group=session.state.groups[group_id].name,
            objective=objective.text,
        )
        self.app.push_screen(PickScreen(title, choices), picked)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        """Enter or a click on a rating cell asks for a rating."""
        if event.data_table.id == "objectives":
            event.stop()
            self.action_rate()

    def action_rate_quick(self, number: int) -> None:
        """Set the rating under the cursor with a number key (1 best … 4 unable)."""
        tabs = self.query_one("#debrief-tabs", TabbedContent)
        cell = self._cell()
        if tabs.active != "tab-objectives" or cell is None:
            return
        self.run_command(
            RateObjective(group=cell[0], objective=cell[1], rating=RATINGS[number - 1])
        )

    def action_lesson(self) -> None:
        """Record a lesson: for which group, strength or improvement, and the text."""
        session = self.vapp.session
        if session is None:
            return
        who = [("", t("debrief.whole_session"))] + [
            (g.id, g.name) for g in session.state.groups.values()
        ]
        kinds = [("strength", t("debrief.strength")), ("improvement", t("debrief.improvement"))]

        def picked_group(group_id: str | None) -> None:
            if group_id is None:
                return

            def picked_kind(kind: str | None) -> None:
                if kind is None:
                    return

                def written(values: dict[str, str] | None) -> None:
                    if values and values.get("text"):
                        self.query_one("#debrief-tabs", TabbedContent).active = "tab-lessons"
                        self.run_command(
                            lambda: RecordLesson(
                                group=group_id or None, kind=kind, text=values["text"]
                            )
                        )

                who_name = (
                    self.vapp.session.state.groups[group_id].name
                    if self.vapp.session and group_id
                    else t("debrief.whole_session")
                )
                kind_word = t("debrief.strength" if kind == "strength" else "debrief.improvement")
                self.app.push_screen(
                    FormScreen(
                        t("debrief.lesson_for", kind=kind_word, who=who_name),
                        [("text", t("debrief.lesson_text"), "")],
                        ("text",),
                        {"text": max_length(RecordLesson, "text")},
                    ),
                    written,
                )

            self.app.push_screen(PickScreen(t("key.lesson"), kinds), picked_kind)

        self.app.push_screen(PickScreen(t("proj.pick_group"), who), picked_group)

    def action_export(self) -> None:
        """Export the action plans."""
        from varselspel.tui.export_action import start_export

        start_export(self.vapp)

    def action_undo(self) -> None:
        """Undo the last step."""
        from varselspel.tui.undo import undo_step

        undo_step(self)

    def action_end_session(self) -> None:
        """End the session after a confirmation."""

        def answer(yes: bool | None) -> None:
            if yes:
                self.run_command(EndSession())

        self.app.push_screen(ConfirmScreen(t("debrief.end_q")), answer)
