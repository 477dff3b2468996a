"""Messages of the session store, in Swedish and English."""

from __future__ import annotations

from varselspel.i18n import Catalog

STRINGS: Catalog = {
    "store.read_only": {
        "sv": "Kan inte skriva i {path}: mappen eller filen är skrivskyddad. Välj en annan mapp eller kopiera övningsfilen till en skrivbar mapp.",
        "en": "Cannot write to {path}: the folder or file is read-only. Choose another folder or copy the session file to a writable one.",
    },
    "store.disk_full": {
        "sv": "Disken är full; det senaste kommandot sparades inte ({path}). Frigör utrymme och försök igen; tidigare sparade kommandon finns kvar.",
        "en": "The disk is full; the last command was not saved ({path}). Free some space and try again; commands saved before are kept.",
    },
    "store.corrupt": {
        "sv": "Övningsfilen {path} är skadad eller ingen varselspel-övning ({detail}). Filen har inte ändrats.",
        "en": "The session file {path} is damaged or not a varselspel session ({detail}). The file was not changed.",
    },
    "store.not_found": {
        "sv": "Övningsfilen {path} finns inte.",
        "en": "The session file {path} does not exist.",
    },
    "store.exists": {
        "sv": "Övningsfilen {path} finns redan.",
        "en": "The session file {path} already exists.",
    },
    "store.too_new": {
        "sv": "Övningsfilen {path} har filformat {version}, men den här versionen av varselspel kan bara läsa upp till {supported}. Uppdatera varselspel.",
        "en": "The session file {path} has file format {version}, but this version of varselspel reads up to {supported}. Update varselspel.",
    },
    "store.cannot_open": {
        "sv": "Kan inte öppna {path}: {detail}",
        "en": "Cannot open {path}: {detail}",
    },
    "store.busy": {
        "sv": "Övningsfilen {path} är låst av ett annat program för länge. Försök igen.",
        "en": "The session file {path} was locked by another program for too long. Try again.",
    },
    "store.scenario_invalid": {
        "sv": "Scenariot som sparats i {path} går inte att läsa in: {detail}",
        "en": "The scenario saved in {path} cannot be loaded: {detail}",
    },
    "store.conflict": {
        "sv": "Händelse {seq} i {path} har redan skrivits av ett annat program.",
        "en": "Event {seq} in {path} was already written by another program.",
    },
    "store.failed": {
        "sv": "Övningsfilen {path} kunde inte sparas: {detail}",
        "en": "The session file {path} could not be saved: {detail}",
    },
}
"""Every message the store shows, by key."""
