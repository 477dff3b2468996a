"""Messages of the command line, in Swedish and English."""

from __future__ import annotations

from varselspel.i18n import Catalog

STRINGS: Catalog = {
    "cli.description": {
        "sv": "varselspel: ett workshopspel om varsel, nedläggning och etablering för kommuner och regioner.",
        "en": "varselspel: a workshop game on layoffs, closures and establishments for municipalities and regions.",
    },
    "cli.lang": {
        "sv": "språk i gränssnittet (standard: sv, eller VARSELSPEL_LANG)",
        "en": "language of the interface (default: sv, or VARSELSPEL_LANG)",
    },
    "cli.interrupted": {"sv": "Avbrutet.", "en": "Interrupted."},
    "cli.internal_error": {
        "sv": "varselspel: ett oväntat fel ({error}). "
        "Kör igen med VARSELSPEL_DEBUG=1 för detaljer, och rapportera gärna felet.",
        "en": "varselspel: an unexpected error ({error}). "
        "Run again with VARSELSPEL_DEBUG=1 for details, and please report it.",
    },
    "cli.version": {
        "sv": "visa programmets version och avsluta",
        "en": "show the program's version number and exit",
    },
}

ARGPARSE: Catalog = {
    # argparse's own texts, by their English original (argparse looks them up through `_`).
    "usage: ": {"sv": "användning: ", "en": "usage: "},
    "%(prog)s: error: %(message)s\n": {
        "sv": "%(prog)s: fel: %(message)s\n",
        "en": "%(prog)s: error: %(message)s\n",
    },
    "argument %(argument_name)s: %(message)s": {
        "sv": "argumentet %(argument_name)s: %(message)s",
        "en": "argument %(argument_name)s: %(message)s",
    },
    "invalid choice: %(value)r (choose from %(choices)s)": {
        "sv": "ogiltigt val: %(value)r (välj bland %(choices)s)",
        "en": "invalid choice: %(value)r (choose from %(choices)s)",
    },
    "the following arguments are required: %s": {
        "sv": "följande argument krävs: %s",
        "en": "the following arguments are required: %s",
    },
    "unrecognized arguments: %s": {
        "sv": "okända argument: %s",
        "en": "unrecognized arguments: %s",
    },
    "expected one argument": {"sv": "ett värde krävs", "en": "expected one argument"},
    "expected at least one argument": {
        "sv": "minst ett värde krävs",
        "en": "expected at least one argument",
    },
    "expected at most one argument": {
        "sv": "högst ett värde tillåts",
        "en": "expected at most one argument",
    },
    "expected %s argument": {"sv": "%s värde krävs", "en": "expected %s argument"},
    "expected %s arguments": {"sv": "%s värden krävs", "en": "expected %s arguments"},
    "invalid %(type)s value: %(value)r": {
        "sv": "ogiltigt värde (%(type)s): %(value)r",
        "en": "invalid %(type)s value: %(value)r",
    },
    "ambiguous option: %(option)s could match %(matches)s": {
        "sv": "tvetydig flagga: %(option)s kan betyda %(matches)s",
        "en": "ambiguous option: %(option)s could match %(matches)s",
    },
    "not allowed with argument %s": {
        "sv": "får inte användas tillsammans med %s",
        "en": "not allowed with argument %s",
    },
    "one of the arguments %s is required": {
        "sv": "ett av argumenten %s krävs",
        "en": "one of the arguments %s is required",
    },
    "ignored explicit argument %r": {
        "sv": "argumentet %r ignorerades",
        "en": "ignored explicit argument %r",
    },
    "positional arguments": {"sv": "argument", "en": "positional arguments"},
    "options": {"sv": "flaggor", "en": "options"},
    "show this help message and exit": {
        "sv": "visa den här hjälpen och avsluta",
        "en": "show this help message and exit",
    },
    "can't open '%(filename)s': %(error)s": {
        "sv": "kan inte öppna '%(filename)s': %(error)s",
        "en": "can't open '%(filename)s': %(error)s",
    },
}
"""argparse's messages in Swedish and English; texts argparse has that are missing stay English."""
