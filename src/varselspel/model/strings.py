"""Names of the guides' phases that rounds are labelled with, in sv and en."""

from __future__ import annotations

from varselspel.i18n import Catalog

STRINGS: Catalog = {
    # Omställningsguiden (Tillväxtverket): five phases
    "phase.forbered": {"sv": "Förbered", "en": "Prepare"},
    "phase.analysera": {"sv": "Analysera", "en": "Analyse"},
    "phase.planera": {"sv": "Planera och förankra", "en": "Plan and anchor"},
    "phase.genomfor": {"sv": "Genomför", "en": "Implement"},
    "phase.folj-upp": {"sv": "Följ upp", "en": "Follow up"},
    # Tillväxtverket's guide for large establishments: four steps
    "phase.samordna": {"sv": "Samordna och sätt en målbild", "en": "Coordinate and set a target"},
    "phase.forutsattningar": {
        "sv": "Säkra mark, el, bostäder och kompetens",
        "en": "Secure land, power, housing and skills",
    },
    "phase.leverantorer": {"sv": "Planera för leverantörerna", "en": "Plan for the suppliers"},
    "phase.eftervard": {"sv": "Eftervård", "en": "Aftercare"},
    "guide.omstallningsguiden": {"sv": "Omställningsguiden", "en": "Omställningsguiden"},
    "guide.etableringsguiden": {
        "sv": "Guiden för stora etableringar",
        "en": "The guide for large establishments",
    },
}
