"""What the engine recorded for a decision, in words: the option, who agrees, the reasons."""

from __future__ import annotations

from textual.widgets import Static

from varselspel.tui.paint import show as repaint
from varselspel.tui.text import Text
from varselspel.tui.widgets.words import t
from varselspel.view.decisions import ChoiceView


def confirmation_text(choice: ChoiceView | None, whole_group: bool) -> Text:
    """Return the recorded choice as the group should read it back; `whole_group` if all agree."""
    if choice is None:
        return Text(t("group.not_chosen"), style="italic")
    text = Text(t("group.chosen", option=choice.label), style="bold green")
    if choice.revisions:
        text.append("  " + t("group.revised", n=choice.revisions), style="dim")
    roles = ", ".join(r.label for r in choice.agreed)
    agreed = t("group.agreed_whole", roles=roles) if whole_group else roles
    text.append("\n" + t("group.agreed_recorded", roles=agreed or "–"))
    text.append("\n" + t("group.rationale_recorded", text=choice.rationale or "–"))
    if choice.outside_mandate:
        text.append("\n" + t("group.outside_mandate") + ": ", style="bold yellow")
        text.append(", ".join(r.title for r in choice.anchor_with), style="bold yellow")
    if choice.outcome:
        text.append("\n" + t("group.outcome", text=choice.outcome))
    return text


class ChoiceConfirmation(Static):
    """Shows `confirmation_text` for the choice it is given."""

    def show(self, choice: ChoiceView | None, whole_group: bool) -> None:
        """Say what was recorded."""
        repaint(self, confirmation_text(choice, whole_group))
