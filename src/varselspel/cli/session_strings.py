"""Messages of the `sessions` and `simulate` commands, in Swedish and English."""

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
    "simulate.help": {
        "sv": "spela ett scenario automatiskt och rapportera det som aldrig nås",
        "en": "play a scenario automatically and report what is never reached",
    },
    "simulate.scenario": {
        "sv": "scenariofil, eller namnet på ett medföljande scenario",
        "en": "scenario file, or the name of a bundled scenario",
    },
    "simulate.runs": {
        "sv": "antal spelomgångar (standard 1000)",
        "en": "number of runs (default 1000)",
    },
    "simulate.seed": {"sv": "slumpfrö (standard 0)", "en": "random seed (default 0)"},
    "simulate.bad_runs": {
        "sv": "--runs måste vara mellan 1 och 1 000 000.",
        "en": "--runs must be between 1 and 1,000,000.",
    },
    "simulate.not_found": {
        "sv": "Hittar inget scenario '{name}'. Ange en fil eller ett av: {choices}.",
        "en": "No scenario '{name}' found. Give a file or one of: {choices}.",
    },
    "simulate.is_folder": {
        "sv": "'{name}' är en mapp; ange en scenariofil (.yaml) eller namnet på ett medföljande scenario.",
        "en": "'{name}' is a folder; give a scenario file (.yaml) or the name of a bundled scenario.",
    },
    "simulate.is_role": {
        "sv": "{name} är ett rollkort, inte ett scenario; ange scenariofilen som använder rollen.",
        "en": "{name} is a role card, not a scenario; give the scenario file that uses the role.",
    },
    "severity.error": {"sv": "fel", "en": "error"},
    "simulate.invalid": {
        "sv": "Scenariot har fel; kör `varselspel validate {path}` först.",
        "en": "The scenario has errors; run `varselspel validate {path}` first.",
    },
    "simulate.title": {
        "sv": "Simulering av {scenario}: {runs} spel, frö {seed}{mode}",
        "en": "Simulation of {scenario}: {runs} runs, seed {seed}{mode}",
    },
    "simulate.exhaustive": {"sv": " (alla vägar)", "en": " (every path)"},
    "simulate.rounds_never_played": {
        "sv": "Omgångar som aldrig spelas",
        "en": "Rounds never played",
    },
    "simulate.injects_never_reached": {
        "sv": "Händelser som aldrig når en grupp",
        "en": "Injects that never reach a group",
    },
    "simulate.decisions_never_put": {
        "sv": "Beslut som aldrig ställs",
        "en": "Decisions never put",
    },
    "simulate.options_never_chosen": {
        "sv": "Alternativ som aldrig kan väljas",
        "en": "Options never chosen",
    },
    "simulate.dead_ends": {
        "sv": "Återvändsgränder (beslut utan tillgängligt alternativ)",
        "en": "Dead ends (decisions with no available option)",
    },
    "simulate.dead_end_runs": {"sv": "{key}: i {count} spel", "en": "{key}: in {count} runs"},
    "simulate.none": {"sv": "inga", "en": "none"},
    "simulate.indicators": {
        "sv": "Indikatorer vid slutet (min / medel / max)",
        "en": "Indicators at the end (min / mean / max)",
    },
    "simulate.flags": {
        "sv": "Flaggor sanna vid slutet (andel av spelen)",
        "en": "Flags true at the end (share of runs)",
    },
}
"""Every message of the two commands, by key."""
