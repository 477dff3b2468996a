"""A DataTable that never shows rows rendered before its columns were sized."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class Table(DataTable[Any]):
    """A DataTable whose cached lines are dropped once new rows have sized the columns.

    Textual's DataTable sizes its columns when it is idle, but the lines it cached when it was
    drawn before that stay keyed as valid: on a busy machine a freshly filled table can keep
    showing cells cut at the width of the column headers until its cursor moves.
    """

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Size the columns for the new rows, then let every line be drawn again at that size."""
        super()._update_dimensions(new_rows)
        # Part of every render cache key of the pinned Textual version; a bump invalidates them.
        self._update_count += 1
