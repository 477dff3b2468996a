r"""Control characters and bidi controls in scenario and role text: never needed, always an error.

A workshop text needs letters, digits, punctuation, tabs and newlines. A control character (ESC,
the C1 controls, DEL, NUL ...) could drive the terminal of whoever opens the file, and a bidi
override or isolate makes text read differently from what it says (`txt.exe` for `exe.txt`).
Every string of the model is walked, with its YAML path. A string with control characters gets
one `C040` naming them, a string with bidi controls another; each points at the first such
character when it stands literally in the file, else at the string (an escape like `\e` in a
quoted string).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from varselspel.check.strings import STRINGS
from varselspel.diagnostics import Diagnostic, Path, PositionMap, Severity
from varselspel.i18n import tr
from varselspel.safe_text import describe, is_bidi_control, unsafe_characters

CODE = "C040"
"""The checker code of a control character or bidi control in a text."""


_SHOWN = 5
"""How many different characters one message names."""


def strings_of(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Yield every string inside a model, list or mapping with its YAML path (keys too)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, item in value:
            yield from strings_of(item, (*path, name))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str):
                yield (*path, key), key
            yield from strings_of(item, (*path, str(key)))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from strings_of(item, (*path, index))


def check_characters(
    model: BaseModel,
    positions: PositionMap,
    file: str,
    lang: str | None = None,
    text: str | None = None,
) -> list[Diagnostic]:
    """Report every control character and bidi control in the strings of `model`."""
    lines = text.splitlines() if text is not None else None
    found: list[Diagnostic] = []
    for path, value in strings_of(model):
        unsafe = unsafe_characters(value)
        for key in ("C040.control", "C040.bidi"):
            hits = [(o, c) for o, c in unsafe if is_bidi_control(c) == (key == "C040.bidi")]
            if not hits:
                continue
            chars = list(dict.fromkeys(describe(char) for _, char in hits))
            shown = ", ".join(chars[:_SHOWN]) + (", …" if len(chars) > _SHOWN else "")
            pos = positions.find(path)
            line = pos.line if pos else None
            column = pos.column if pos else None
            if pos is not None and _literal(lines, pos.line, pos.column, value, hits[0][0]):
                column = pos.column + hits[0][0]
            message = tr(STRINGS, key, lang, chars=shown)
            found.append(Diagnostic(Severity.ERROR, CODE, message, file, line, column, path))
    return found


def _literal(lines: list[str] | None, line: int, column: int, value: str, offset: int) -> bool:
    """True when `value` up to `offset` stands as it is at line:column of the file."""
    prefix = value[: offset + 1]
    if lines is None or "\n" in prefix or not 0 < line <= len(lines):
        return False
    start = column - 1
    return lines[line - 1][start : start + len(prefix)] == prefix


def check_role_characters(
    roles: Mapping[str, BaseModel],
    positions: Mapping[str, PositionMap] | None = None,
    files: Mapping[str, str] | None = None,
    lang: str | None = None,
) -> list[Diagnostic]:
    """Report control characters and bidi controls in every card of a role library."""
    positions = positions or {}
    files = files or {}
    found: list[Diagnostic] = []
    for role_id in sorted(roles):
        found.extend(
            check_characters(
                roles[role_id],
                positions.get(role_id, PositionMap()),
                files.get(role_id, role_id),
                lang,
            )
        )
    return found
