"""Messages of the authoring commands `validate`, `schema` and `new`, in Swedish and English."""

from __future__ import annotations

import errno

from varselspel.i18n import Catalog, tr

STRINGS: Catalog = {
    "validate.help": {
        "sv": "kontrollera scenarier och rollkort (filer eller mappar)",
        "en": "check scenarios and role cards (files or folders)",
    },
    "validate.paths": {
        "sv": "filer eller mappar; mappar genomsöks efter *.yaml och *.yml",
        "en": "files or folders; folders are searched for *.yaml and *.yml",
    },
    "validate.format": {
        "sv": "utdata: text (standard) eller json för editorer och CI",
        "en": "output: text (default) or json for editors and CI",
    },
    "validate.roles": {
        "sv": "extra mapp med rollkort (kan anges flera gånger; senare vinner)",
        "en": "extra folder of role cards (may be given several times; later wins)",
    },
    "severity.error": {"sv": "fel", "en": "error"},
    "severity.warning": {"sv": "varning", "en": "warning"},
    "V001": {
        "sv": "sökvägen finns inte",
        "en": "the path does not exist",
    },
    "V002": {
        "sv": "inga YAML-filer (*.yaml, *.yml) hittades",
        "en": "no YAML files (*.yaml, *.yml) were found",
    },
    "V003": {
        "sv": "sökvägen är varken en vanlig fil eller en mapp",
        "en": "the path is neither a regular file nor a folder",
    },
    "V004": {
        "sv": "--roles ska vara en mapp med rollkort, inte en fil",
        "en": "--roles must be a folder of role cards, not a file",
    },
    "validate.summary": {
        "sv": "Kontrollerade {files} {file_word}: {errors} fel, {warnings} {warning_word}.",
        "en": "{files} {file_word} checked: {errors} {error_word}, {warnings} {warning_word}.",
    },
    "word.file": {"sv": "fil", "en": "file"},
    "word.files": {"sv": "filer", "en": "files"},
    "word.error": {"sv": "fel", "en": "error"},
    "word.errors": {"sv": "fel", "en": "errors"},
    "word.warning": {"sv": "varning", "en": "warning"},
    "word.warnings": {"sv": "varningar", "en": "warnings"},
    "schema.help": {
        "sv": "skriv JSON Schema för scenarier och rollkort (för editorns YAML-stöd)",
        "en": "write JSON Schema for scenarios and role cards (for the editor's YAML support)",
    },
    "schema.out": {
        "sv": "mapp att skriva scenario.schema.json och role.schema.json i (standard: .)",
        "en": "folder to write scenario.schema.json and role.schema.json in (default: .)",
    },
    "schema.lang": {
        "sv": "Beskrivningarna i schemat är på gränssnittets språk (svenska; --lang en för engelska).",
        "en": "The schema's descriptions are in the interface language (English here; Swedish by default).",
    },
    "schema.wrote": {"sv": "Skrev {path}", "en": "Wrote {path}"},
    "schema.failed": {
        "sv": "Kunde inte skriva {path}: {reason}",
        "en": "Could not write {path}: {reason}",
    },
    "new.help": {
        "sv": "skapa ett nytt, kommenterat scenario att utgå från",
        "en": "create a new, commented scenario to start from",
    },
    "new.id": {
        "sv": "scenariots id, t.ex. fabriken-i-norrby (små bokstäver, siffror, - och _)",
        "en": "the scenario's id, e.g. fabriken-i-norrby (lower case, digits, - and _)",
    },
    "new.out": {
        "sv": "mapp att skriva SCENARIO_ID.yaml i (standard: .)",
        "en": "folder to write SCENARIO_ID.yaml in (default: .)",
    },
    "new.kind": {
        "sv": "varsel (nedläggning) eller etablering",
        "en": "varsel (layoffs) or etablering (establishment)",
    },
    "new.bad_id": {
        "sv": "Ogiltigt id `{id}`: använd små bokstäver a-z, siffror, - och _, och börja med en bokstav (högst 64 tecken).",
        "en": "Invalid id `{id}`: use lower-case letters a-z, digits, - and _, starting with a letter (at most 64 characters).",
    },
    "new.exists": {
        "sv": "{path} finns redan; den skrivs inte över. Välj ett annat id eller en annan mapp (--out).",
        "en": "{path} already exists; it is not overwritten. Choose another id or folder (--out).",
    },
    "new.wrote": {
        "sv": "Skrev {path}. Kontrollera den med: varselspel validate {path}",
        "en": "Wrote {path}. Check it with: varselspel validate {path}",
    },
    "new.failed": {
        "sv": "Kunde inte skriva {path}: {reason}",
        "en": "Could not write {path}: {reason}",
    },
}

_ERRNO_KEYS = {
    errno.EACCES: "os.EACCES",
    errno.EPERM: "os.EACCES",
    errno.ENOTDIR: "os.ENOTDIR",
    errno.EEXIST: "os.ENOTDIR",
    errno.EROFS: "os.EROFS",
    errno.ENOSPC: "os.ENOSPC",
    errno.EISDIR: "os.EISDIR",
    errno.ENOENT: "os.ENOENT",
}

OS_REASONS: Catalog = {
    "os.EACCES": {"sv": "behörighet saknas", "en": "permission denied"},
    "os.ENOTDIR": {
        "sv": "en del av sökvägen är en fil, inte en mapp",
        "en": "part of the path is a file, not a folder",
    },
    "os.EROFS": {"sv": "filsystemet är skrivskyddat", "en": "the file system is read-only"},
    "os.ENOSPC": {"sv": "disken är full", "en": "the disk is full"},
    "os.EISDIR": {"sv": "det är en mapp", "en": "it is a folder"},
    "os.ENOENT": {
        "sv": "mappen finns inte och kan inte skapas där",
        "en": "the folder does not exist and cannot be created there",
    },
}


def os_reason(exc: OSError, lang: str) -> str:
    """Say why a file could not be written, in the UI language when the reason is a common one."""
    key = _ERRNO_KEYS.get(exc.errno or 0)
    if key is not None:
        return tr(OS_REASONS, key, lang)
    return str(exc.strerror or exc)
