"""Lay out printable role cards: one card per page, private goals only on the role's own card."""

from __future__ import annotations

from collections.abc import Mapping

from varselspel.export.document import Document
from varselspel.export.strings import STRINGS
from varselspel.i18n import tr
from varselspel.model import RoleCard, Scenario


def role_cards_document(
    scenario: Scenario, roles: Mapping[str, RoleCard], lang: str = "sv"
) -> Document:
    """Lay out one card per scenario role with mandate, limits, resources, contacts and briefing."""
    doc = Document(
        title=f"{tr(STRINGS, 'cards.title', lang)}: {scenario.title}",
        lang=lang,
    )
    first = True
    for entry in scenario.roles:
        card = roles.get(entry.role)
        if card is None:
            # The loader reports unknown roles; a card cannot be printed without its text.
            continue
        if not first:
            doc.page_break()
        first = False
        shown_short = card.short not in ("", card.title, card.organisation)
        title = f"{card.title} ({card.short})" if shown_short else card.title
        doc.heading(1, title)
        doc.paragraph(card.organisation, "subtitle")
        doc.paragraph(tr(STRINGS, "cards.for_scenario", lang, scenario=scenario.title), "note")
        if not entry.required:
            doc.paragraph(tr(STRINGS, "cards.optional", lang), "note")
        if card.summary:
            doc.heading(2, tr(STRINGS, "cards.summary", lang))
            doc.paragraph(card.summary)
        doc.heading(2, tr(STRINGS, "cards.scenario_briefing", lang))
        doc.paragraph(scenario.summary)
        if entry.briefing:
            doc.heading(2, tr(STRINGS, "cards.briefing", lang))
            doc.paragraph(entry.briefing)
        if card.mandate:
            doc.heading(2, tr(STRINGS, "cards.mandate", lang))
            doc.bullets(
                [
                    item.text
                    + (
                        f" ({tr(STRINGS, 'cards.basis', lang, basis=item.basis)})"
                        if item.basis
                        else ""
                    )
                    for item in card.mandate
                ]
            )
        if card.limits:
            doc.heading(2, tr(STRINGS, "cards.limits", lang))
            doc.bullets(
                [
                    limit.text
                    + (
                        f" ({tr(STRINGS, 'cards.rule', lang, rule=limit.rule)})"
                        if limit.rule
                        else ""
                    )
                    for limit in card.limits
                ]
            )
        if card.resources:
            doc.heading(2, tr(STRINGS, "cards.resources", lang))
            doc.bullets(card.resources)
        if card.interests:
            doc.heading(2, tr(STRINGS, "cards.interests", lang))
            doc.bullets(card.interests)
        if card.contacts:
            doc.heading(2, tr(STRINGS, "cards.contacts", lang))
            doc.bullets([_contact(contact, roles) for contact in card.contacts])
        if entry.private_goals:
            doc.heading(2, tr(STRINGS, "cards.private_goals", lang))
            doc.bullets(entry.private_goals)
    return doc


def _contact(contact: str, roles: Mapping[str, RoleCard]) -> str:
    """Show a contact given as a role id by its title and organisation."""
    card = roles.get(contact)
    if card is None:
        return contact
    return f"{card.title} ({card.organisation})" if card.organisation != card.title else card.title
