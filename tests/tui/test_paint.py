"""Redrawing only what changed: labels, option lists and tables keep what did not change."""

from __future__ import annotations

import asyncio
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from varselspel.tui.paint import Row, fill_options, fill_table, same, show


class Canvas(App[None]):
    """One static, one option list and one table to paint on."""

    def compose(self) -> ComposeResult:
        yield Static("", id="static")
        yield OptionList(id="options")
        yield DataTable(id="table", cursor_type="row")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("a", "b")


def run(story: Any) -> None:
    """Run `story(app, pilot)` against a fresh canvas."""

    async def main() -> None:
        app = Canvas()
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            await story(app, pilot)

    asyncio.run(main())


def test_same_tells_styles_apart() -> None:
    """Rich's own equality ignores a text's style; a repaint must not."""
    assert same(Text("x", style="bold"), Text("x", style="bold"))
    assert not same(Text("x", style="bold"), Text("x", style="dim"))
    assert not same(Text("x"), "x")
    assert same("x", "x")


def test_show_keeps_identical_content_and_lays_out_only_for_a_new_height() -> None:
    """The same content is not given again; one line for another needs no layout, two lines do."""

    async def story(app: Any, pilot: Any) -> None:
        widget = app.query_one("#static", Static)
        first = Text("en rad", style="bold")
        show(widget, first)
        await pilot.pause()
        show(widget, Text("en rad", style="bold"))
        assert widget.content is first
        show(widget, Text("en annan rad", style="bold"))
        assert str(widget.content) == "en annan rad" and not widget._layout_required
        await pilot.pause()
        show(widget, Text("två\nrader"))
        assert widget._layout_required
        await pilot.pause()
        assert widget.size.height == 2

    run(story)


def test_fill_options_replaces_changed_prompts_and_keeps_the_cursor() -> None:
    """Same options by id: prompts change in place; other ids: the list is rebuilt."""

    async def story(app: Any, pilot: Any) -> None:
        options = app.query_one(OptionList)
        assert fill_options(options, [Option("a", id="a"), Option("b", id="b")])
        options.highlighted = 1
        assert not fill_options(options, [Option("a", id="a"), Option("b ✓", id="b")])
        assert options.highlighted == 1
        assert str(options.get_option_at_index(1).prompt) == "b ✓"
        assert fill_options(options, [Option("c", id="c")])
        assert options.option_count == 1

    run(story)


def test_fill_table_refills_only_on_a_change_and_keeps_the_row() -> None:
    """Equal rows leave the table alone; a changed cell refills it with the cursor where it was."""

    async def story(app: Any, pilot: Any) -> None:
        table = app.query_one(DataTable)
        rows = [Row("r1", (Text("1"), "x")), Row("r2", (Text("2"), "y"))]
        assert fill_table(table, rows)
        table.move_cursor(row=1)
        assert not fill_table(table, [Row("r1", (Text("1"), "x")), Row("r2", (Text("2"), "y"))])
        assert fill_table(table, [Row("r1", (Text("1", style="red"), "x")), rows[1]])
        assert table.cursor_row == 1
        table.clear()
        assert fill_table(table, rows) and table.row_count == 2

    run(story)
