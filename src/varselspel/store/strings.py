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
        "sv": "Övningsfilen {path} är skadad eller ingen varselspel-övning: {detail}. Filen har inte ändrats.",
        "en": "The session file {path} is damaged or not a varselspel session: {detail}. The file was not changed.",
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
    "store.unreadable": {
        "sv": "Övningsfilen {path} kunde inte läsas: {detail}. Filen har inte ändrats.",
        "en": "The session file {path} could not be read: {detail}. The file was not changed.",
    },
    "store.incomplete": {
        "sv": "Övningsfilen {path} har osparade ändringar i {wal} som inte kan läsas här (mappen är skrivskyddad). Kopiera filen tillsammans med {wal} till en skrivbar mapp, eller öppna den där den skrevs.",
        "en": "The session file {path} has changes in {wal} that cannot be read here (the folder is read-only). Copy the file together with {wal} to a writable folder, or open it where it was written.",
    },
    "part.file": {"sv": "filen", "en": "the file"},
    "part.header": {"sv": "filhuvudet", "en": "the file header"},
    "part.application_id": {
        "sv": "filen kommer från ett annat program",
        "en": "the file is from another program",
    },
    "part.tables": {"sv": "tabellerna", "en": "the tables"},
    "part.meta": {"sv": "uppgifterna om övningen", "en": "the session's details"},
    "part.texts": {"sv": "scenariokopian ({name})", "en": "the scenario copy ({name})"},
    "part.events": {"sv": "händelseloggen", "en": "the event log"},
    "part.event": {"sv": "händelse {seq}", "en": "event {seq}"},
    "problem.not_utf8": {"sv": "texten är inte UTF-8", "en": "the text is not UTF-8"},
    "problem.not_json": {"sv": "inte giltig JSON", "en": "not valid JSON"},
    "problem.not_object": {"sv": "inte ett JSON-objekt", "en": "not a JSON object"},
    "problem.invalid": {
        "sv": "fältet {field} saknas eller har fel värde",
        "en": "the field {field} is missing or wrong",
    },
    "problem.too_new": {
        "sv": "skriven av en nyare varselspel; uppdatera varselspel",
        "en": "written by a newer varselspel; update varselspel",
    },
    "problem.bad_version": {"sv": "okänd version", "en": "unknown version"},
    "problem.seq": {"sv": "fel löpnummer", "en": "wrong sequence number"},
    "problem.gap": {"sv": "händelsen före saknas", "en": "the event before it is missing"},
    "problem.fold": {
        "sv": "passar inte ihop med händelserna före ({detail})",
        "en": "does not fit the events before it ({detail})",
    },
    "problem.missing": {"sv": "saknas", "en": "missing"},
    "problem.sha256": {"sv": "kontrollsumman stämmer inte", "en": "the checksum does not match"},
    "problem.sqlite": {"sv": "{detail}", "en": "{detail}"},
}
"""Every message the store shows, by key."""
