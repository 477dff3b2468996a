"""The round's briefing and the injects that reached one group."""

from __future__ import annotations

from textual.widgets import Static

from varselspel.tui.paint import show as repaint
from varselspel.tui.text import Text
from varselspel.tui.widgets.words import t
from varselspel.view.injects import Delivery
from varselspel.view.status import RoundView


def briefing_text(current: RoundView | None, summary: str, inbox: tuple[Delivery, ...]) -> Text:
    """Return the briefing with each inject the group received, or the scenario's summary."""
    if current is None:
        return Text(summary)
    text = Text(current.briefing + "\n")
    for delivery in inbox:
        inject = delivery.inject
        text.append("\n" + inject.title, style="bold")
        if inject.sender:
            text.append("  " + t("proj.from", sender=inject.sender), style="italic")
        text.append("\n" + inject.text + "\n")
    return text


class BriefingView(Static):
    """Shows `briefing_text`."""

    def show(self, current: RoundView | None, summary: str, inbox: tuple[Delivery, ...]) -> None:
        """Show the briefing of `current` and the group's `inbox`."""
        repaint(self, briefing_text(current, summary, inbox))
