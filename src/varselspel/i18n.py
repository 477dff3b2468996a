"""The UI language and message look-up shared by every layer."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

Lang = Literal["sv", "en"]
"""A language the UI speaks."""

LANGUAGES: tuple[Lang, ...] = ("sv", "en")
"""Supported UI languages; the first is the default."""

Catalog = Mapping[str, Mapping[str, str]]
"""Messages by key, then by language code; each package keeps its own catalog."""

_current: Lang | None = None


def resolve_lang(value: str | None = None) -> Lang:
    """Return the language to use: the given value, else `VARSELSPEL_LANG`, else Swedish."""
    for candidate in (value, os.environ.get("VARSELSPEL_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code == "en":
                return "en"
            if code == "sv":
                return "sv"
    return "sv"


def set_lang(value: str | None) -> Lang:
    """Set the process-wide UI language and return it."""
    global _current
    _current = resolve_lang(value)
    return _current


def get_lang() -> Lang:
    """Return the process-wide UI language."""
    return _current if _current is not None else resolve_lang()


def tr(catalog: Catalog, key: str, lang: str | None = None, /, **params: object) -> str:
    """Look up `key` in `catalog` for `lang` (default: the current language) and fill in `params`."""
    entry = catalog.get(key)
    if entry is None:
        return key
    code = lang or get_lang()
    template = entry.get(code) or entry.get("sv") or next(iter(entry.values()))
    return template.format(**params) if params else template
