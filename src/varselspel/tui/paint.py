"""Redrawing only what changed: screens redraw from view models on every change of the session,
and each widget that is given new content costs Textual a layout and a render."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from varselspel.tui.text import RichText, Text


def same(old: object, new: object) -> bool:
    """True when two pieces of content look the same (Rich's own `==` ignores the base style)."""
    # Any Rich text counts: content a widget holds may come from Textual itself.
    if isinstance(old, RichText) and isinstance(new, RichText):
        return (
            old.plain == new.plain
            and str(old.style) == str(new.style)
            and old.spans == new.spans
            and (old.justify, old.overflow, old.no_wrap) == (new.justify, new.overflow, new.no_wrap)
        )
    return type(old) is type(new) and old == new


def show(widget: Static, content: Text | str) -> None:
    """Give a label or static new content, unless it already shows exactly that.

    A widget whose width does not follow its content and whose new content needs as many lines
    as the old is repainted without laying out the whole screen again.
    """
    if same(widget.content, content):
        return
    size = widget.content_size
    width = widget.styles.width
    # No width set means the container gives it one; an auto width follows the content.
    if not widget.is_mounted or not size.width or (width is not None and width.is_auto):
        widget.update(content)
        return
    widget.update(content, layout=False)
    widget.clear_cached_dimensions()
    viewport = widget.app.size
    if widget.get_content_height(widget.container_size, viewport, size.width) != size.height:
        widget.refresh(layout=True)


def fill_options(options: OptionList, new: Sequence[Option]) -> bool:
    """Show `new` in an option list; return True when the list was rebuilt (its cursor reset).

    When the same options (by id) are listed, only the prompts that changed are replaced, so the
    cursor and the scroll position stay where they are.
    """
    old = options.options
    if [(o.id, o.disabled) for o in old] == [(o.id, o.disabled) for o in new]:
        for index, (was, now) in enumerate(zip(old, new, strict=True)):
            if not same(was.prompt, now.prompt):
                options.replace_option_prompt_at_index(index, now.prompt)
        return False
    options.clear_options()
    options.add_options(new)
    return True


@dataclass(frozen=True)
class Row:
    """One row of a table: its key, its cells and its height (None: as high as its cells)."""

    key: str | None
    """Row key."""
    cells: tuple[Any, ...]
    """The cells, each a Text or a string."""
    height: int | None = 1
    """Lines the row takes; None fits the cells."""


_shown_rows: WeakKeyDictionary[DataTable[Any], tuple[Row, ...]] = WeakKeyDictionary()


def _same_rows(old: Sequence[Row], new: Sequence[Row]) -> bool:
    """True when two lists of rows look the same."""
    return len(old) == len(new) and all(
        a.key == b.key
        and a.height == b.height
        and len(a.cells) == len(b.cells)
        and all(same(x, y) for x, y in zip(a.cells, b.cells, strict=True))
        for a, b in zip(old, new, strict=True)
    )


def fill_table(table: DataTable[Any], rows: Sequence[Row]) -> bool:
    """Show `rows` in a table unless it shows them already; return True when it was refilled.

    A refilled table keeps its cursor on the same row number, as far as the rows reach.
    """
    new = tuple(rows)
    old = _shown_rows.get(table)
    if old is not None and table.row_count == len(old) and _same_rows(old, new):
        return False
    coordinate = table.cursor_coordinate
    table.clear()
    for row in new:
        table.add_row(*row.cells, key=row.key, height=row.height)
    _shown_rows[table] = new
    if table.row_count and table.cursor_type != "none":
        table.move_cursor(
            row=min(max(coordinate.row, 0), table.row_count - 1),
            column=coordinate.column,
            animate=False,
        )
    return True
