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
    "sessions.copy.help": {
        "sv": "kopiera en övningsfil säkert, även medan den är öppen (allt sparat följer med)",
        "en": "copy a session file safely, even while it is open (everything saved goes along)",
    },
    "sessions.copy.session": {
        "sv": "övningsfilen, eller övningens id eller titel i listan",
        "en": "the session file, or the session's id or title in the list",
    },
    "sessions.copy.dest": {
        "sv": "ny fil, eller en mapp att kopiera till med samma filnamn",
        "en": "a new file, or a folder to copy into under the same name",
    },
    "sessions.copy.done": {
        "sv": "Kopierade {source}\n  till {dest}",
        "en": "Copied {source}\n  to {dest}",
    },
    "sessions.copy.not_found": {
        "sv": "Hittar ingen övning '{session}'. Ange en fil, eller ett id eller en titel ur `varselspel sessions`.",
        "en": "No session '{session}' found. Give a file, or an id or title from `varselspel sessions`.",
    },
    "sessions.copy.ambiguous": {
        "sv": "'{session}' passar flera övningar: {files}. Ange filen.",
        "en": "'{session}' matches several sessions: {files}. Give the file.",
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
