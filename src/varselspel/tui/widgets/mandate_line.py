"""One line saying whether the roles behind a choice hold the decision's mandate."""

from __future__ import annotations

from textual.widgets import Static

from varselspel.tui.paint import show as repaint
from varselspel.tui.text import Text
from varselspel.tui.widgets.words import t
from varselspel.view.decisions import MandateStatus, MandateView


def mandate_text(mandate: MandateView) -> Text:
    """Return what the mandate means for the group, plainly; a warning when it is not held."""
    owners = ", ".join(r.title for r in mandate.owners)
    if mandate.status is MandateStatus.OPEN:
        return Text(t("group.mandate_open"), style="dim")
    if mandate.status is MandateStatus.HELD:
        agreeing = ", ".join(r.label for r in mandate.agreeing_owners)
        return Text(t("group.mandate_held", owners=agreeing), style="green")
    if mandate.status is MandateStatus.OWNER_NOT_AGREED:
        present = ", ".join(r.label for r in mandate.owners_in_group)
        key = "group.mandate_not_agreed_refuse" if mandate.refuse else "group.mandate_not_agreed"
        return Text(t(key, owners=present), style="bold red" if mandate.refuse else "bold yellow")
    if mandate.refuse:
        return Text(t("group.no_mandate_refuse"), style="bold red")
    return Text(t("group.no_mandate", owners=owners), style="bold yellow")


class MandateLine(Static):
    """Shows `mandate_text` for the mandate it is given."""

    def show(self, mandate: MandateView) -> None:
        """Say what `mandate` means."""
        repaint(self, mandate_text(mandate))
