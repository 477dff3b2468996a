"""Messages of the `sessions` command, in Swedish and English."""

from __future__ import annotations

from varselspel.i18n import Catalog

STRINGS: Catalog = {
    "sessions.help": {
        "sv": "lista sparade övningar (titel, scenario, grupper, läge, senast ändrad, fil)",
        "en": "list saved sessions (title, scenario, groups, phase, last change, file)",
    },
    "sessions.folder": {
        "sv": "mapp med övningar (standard: användarens datamapp)",
        "en": "folder of sessions (default: the user data folder)",
    },
    "format": {
        "sv": "utdata: table (standard) eller json",
        "en": "output: table (default) or json",
    },
    "sessions.none": {
        "sv": "Inga sparade övningar i {folder}.",
        "en": "No saved sessions in {folder}.",
    },
    "sessions.folder_missing": {
        "sv": "Mappen {folder} finns inte.",
        "en": "The folder {folder} does not exist.",
    },
    "sessions.not_a_folder": {
        "sv": "{folder} är en fil, inte en mapp; ange mappen där övningarna ligger.",
        "en": "{folder} is a file, not a folder; give the folder the sessions are in.",
    },
    "col.title": {"sv": "Titel", "en": "Title"},
    "col.scenario": {"sv": "Scenario", "en": "Scenario"},
    "col.groups": {"sv": "Grupper", "en": "Groups"},
    "col.phase": {"sv": "Läge", "en": "Phase"},
    "col.changed": {"sv": "Senast ändrad", "en": "Last change"},
    "col.path": {"sv": "Fil", "en": "File"},
    "unreadable": {"sv": "Oläslig: {error}", "en": "Unreadable: {error}"},
    "unreadable.short": {"sv": "oläslig (se nedan)", "en": "unreadable (see below)"},
}
"""Every message of the command, by key."""
