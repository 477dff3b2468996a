"""A DataTable that never shows rows rendered before its columns were sized, and can fit its width."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey


def fitted_widths(
    natural: Sequence[int], room: int, floors: Sequence[int] | None = None
) -> list[int]:
    """Return column widths that fit `room`: the widest columns give up width first.

    No column goes below its floor (its longest word, so no word is cut) nor above its natural
    width; when the floors alone do not fit, the columns get their floors and the table scrolls.
    """
    floors = [min(f, w) for f, w in zip(floors or [1] * len(natural), natural, strict=True)]

    def widths(cap: int) -> list[int]:
        return [max(f, min(w, cap)) for f, w in zip(floors, natural, strict=True)]

    cap = max(natural, default=0)
    while cap > 0 and sum(widths(cap)) > room:
        cap -= 1
    return widths(cap)


class Table(DataTable[Any]):
    """A DataTable whose cached lines are dropped once new rows have sized the columns.

    Textual's DataTable sizes its columns when it is idle, but the lines it cached when it was
    drawn before that stay keyed as valid: on a busy machine a freshly filled table can keep
    showing cells cut at the width of the column headers until its cursor moves.

    With `fit=True` the table never scrolls sideways while it could wrap: its widest columns
    narrow to the width it has, and rows added with `height=None` wrap their cells at word
    boundaries.
    """

    def __init__(self, *args: Any, fit: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fit = fit
        """True when the columns narrow to the table's width."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Size the columns for the new rows, then let every line be drawn again at that size."""
        super()._update_dimensions(new_rows)
        if self.fit and self.fit_columns():
            # Wrapped rows are measured again at the widths just set.
            for row in self.rows.values():
                if row.auto_height:
                    row.height = 0
            self._clear_caches()
            super()._update_dimensions(list(self.rows))
        # Part of every render cache key of the pinned Textual version; a bump invalidates them.
        self._update_count += 1

    def fit_columns(self) -> bool:
        """Narrow the widest columns to the table's width; True when a width changed."""
        room = self.scrollable_content_region.width
        columns = self.ordered_columns
        if room <= 0 or not columns:
            return False
        padding = 2 * self.cell_padding * len(columns)
        natural = [c.content_width for c in columns]
        floors = [self.longest_word(c.key) for c in columns]
        widths = fitted_widths(natural, room - padding, floors)
        changed = False
        for column, natural_width, width in zip(columns, natural, widths, strict=True):
            auto = width >= natural_width
            if column.auto_width != auto or (not auto and column.width != width):
                column.auto_width, column.width = auto, width
                changed = True
        return changed

    def longest_word(self, key: ColumnKey) -> int:
        """Return the width of the longest word in a column, its label included."""
        texts = [str(self.columns[key].label), *(str(cell) for cell in self.get_column(key))]
        return max((cell_len(word) for text in texts for word in text.split()), default=1)

    def _on_resize(self, event: events.Resize) -> None:
        """Fit the columns again to the new width."""
        super()._on_resize(event)
        if self.fit and self.row_count:
            self._update_dimensions(list(self.rows))
            self.refresh()
