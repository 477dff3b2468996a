"""The top of the group seat: the group, the round and its clock, and the roles the group holds."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from varselspel.tui.paint import show as repaint
from varselspel.tui.text import lit
from varselspel.tui.view import clock_text
from varselspel.tui.widgets.words import t
from varselspel.view.refs import RoleRef
from varselspel.view.status import RoundView


class SeatHeader(Vertical):
    """Group name, round and game time, the countdown, and the group's roles."""

    def compose(self) -> ComposeResult:
        """Title and clock on one line, roles below."""
        with Horizontal(id="group-head"):
            yield Label("", id="group-title", classes="screen-title", markup=False)
            yield Label("", id="group-clock", markup=False)
        yield Label("", id="group-roles", markup=False)

    def show(self, group: str, current: RoundView | None, held: tuple[RoleRef, ...]) -> None:
        """Show the group's name, the round and the roles it holds."""
        title = group if current is None else f"{group} – {current.title} – {current.game_time}"
        repaint(self.query_one("#group-title", Label), lit(title))
        roles = ", ".join(r.label for r in held) or "–"
        repaint(self.query_one("#group-roles", Label), lit(t("group.roles", roles=roles), "dim"))

    def show_clock(self, remaining: float | None) -> None:
        """Show the time left in the round."""
        repaint(self.query_one("#group-clock", Label), lit(clock_text(remaining), "bold"))
