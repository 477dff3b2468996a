"""Who stands behind a choice: a tick per role the group holds; no tick means the whole group."""

from __future__ import annotations

from collections.abc import Collection

from textual.message import Message
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from varselspel.tui.text import lit
from varselspel.view.refs import RoleRef


class AgreementPicker(SelectionList[str]):
    """Ticks for the roles that agree; says when the group changed them, never when the screen did."""

    class Changed(Message):
        """The group ticked or unticked a role."""

        def __init__(self, roles: tuple[str, ...]) -> None:
            super().__init__()
            self.roles = roles
            """The ticked role ids, in the list's order; empty means the whole group."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: tuple[tuple[str, str], ...] = ()
        self.ticked_shown: frozenset[str] = frozenset()

    def show(self, roles: tuple[RoleRef, ...], ticked: Collection[str]) -> None:
        """List `roles` with `ticked` ticked, unless that is what the list shows already."""
        listed = tuple((r.id, r.label) for r in roles)
        wanted = frozenset(ticked) & {r.id for r in roles}
        if listed == self.shown and wanted == self.ticked_shown == frozenset(self.selected):
            return
        self.shown, self.ticked_shown = listed, wanted
        at = self.highlighted
        with self.prevent(SelectionList.SelectedChanged):
            self.clear_options()
            self.add_options([Selection(lit(label), rid, rid in wanted) for rid, label in listed])
        if at is not None and listed:
            self.highlighted = min(at, len(listed) - 1)

    @property
    def ticked(self) -> tuple[str, ...]:
        """The ticked role ids in the list's order."""
        selected = set(self.selected)
        return tuple(rid for rid, _ in self.shown if rid in selected)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        """Pass a change the group made on as `Changed`."""
        event.stop()
        self.ticked_shown = frozenset(self.selected)
        self.post_message(self.Changed(self.ticked))
