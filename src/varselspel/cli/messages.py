"""Messages of the command line, in Swedish and English."""

from __future__ import annotations

from varselspel.i18n import Catalog

MESSAGES: Catalog = {
    "cli.description": {
        "sv": "varselspel: ett workshopspel om varsel, nedläggning och etablering för kommuner och regioner.",
        "en": "varselspel: a workshop game on layoffs, closures and establishments for municipalities and regions.",
    },
    "cli.lang": {
        "sv": "språk i gränssnittet (standard: sv, eller VARSELSPEL_LANG)",
        "en": "language of the interface (default: sv, or VARSELSPEL_LANG)",
    },
    "cli.interrupted": {"sv": "Avbrutet.", "en": "Interrupted."},
}
