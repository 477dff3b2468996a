"""A role card, as the participant who holds the role reads it."""

from __future__ import annotations

from functools import lru_cache

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from varselspel.model import RoleCard, RoleInScenario
from varselspel.tui.screens.base import BaseModal, t
from varselspel.tui.text import Text, lit


@lru_cache(maxsize=1)
def _library_titles() -> dict[str, str]:
    """Return the titles of the bundled role cards by id, to name contacts given as ids."""
    try:
        from varselspel.loader import load_role_library
        from varselspel.resources import bundled_roles_dir

        return {
            rid: card.title for rid, card in load_role_library([bundled_roles_dir()]).roles.items()
        }
    except Exception:
        return {}


def contact_name(contact: str) -> str:
    """Return a contact as a reader knows it: a role id becomes the role's title."""
    return _library_titles().get(contact, contact)


def role_card_text(card: RoleCard | None, role_id: str, in_scenario: RoleInScenario | None) -> Text:
    """Render a role card and its scenario briefing as literal text."""
    text = Text()
    if card is None:
        text.append(role_id, style="bold")
        return text
    text.append(card.title, style="bold")
    text.append(f"  ({card.label})\n" if card.short else "\n")
    text.append(t("card.organisation") + ": ", style="bold")
    text.append(card.organisation + "\n")
    if card.summary:
        text.append(card.summary + "\n")

    def section(title: str, items: list[str]) -> None:
        if not items:
            return
        text.append("\n" + title + "\n", style="bold underline")
        for item in items:
            text.append("• " + item + "\n")

    section(
        t("card.mandate"), [m.text + (f" ({m.basis})" if m.basis else "") for m in card.mandate]
    )
    section(
        t("card.limits"), [lim.text + (f" ({lim.rule})" if lim.rule else "") for lim in card.limits]
    )
    section(t("card.resources"), card.resources)
    section(t("card.interests"), card.interests)
    section(t("card.contacts"), [contact_name(c) for c in card.contacts])
    if in_scenario is not None:
        if in_scenario.briefing:
            text.append("\n" + t("card.briefing") + "\n", style="bold underline")
            text.append(in_scenario.briefing + "\n")
        section(t("card.private_goals"), in_scenario.private_goals)
    return text


class RoleCardScreen(BaseModal):
    """Shows one role card in a scrollable dialog."""

    BINDINGS = [Binding("escape,enter,q", "close", "key.close", key_display="Esc")]

    def __init__(self, body: Text, title: str) -> None:
        super().__init__(classes="dialog-screen")
        self.body = body
        self.title_text = title

    def compose(self) -> ComposeResult:
        """Show the card."""
        with Vertical(classes="dialog card-dialog"):
            yield Label(lit(self.title_text), classes="dialog-title")
            with VerticalScroll(id="card-scroll"):
                yield Static(self.body, markup=False)
            yield Button(t("key.close") + " (Esc)", id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close on the button."""
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        """Close by key."""
        self.dismiss(None)
