"""Untrusted text made safe for a terminal: control characters and bidi controls made visible.

A scenario, a role card or a session file may come from anyone. A terminal obeys escape
sequences (ESC, the 8-bit C1 controls) wherever they appear in its output: an OSC 52 sequence
writes to the clipboard, OSC 0 sets the window title, CSI 2J clears the screen. Bidirectional
overrides and isolates reorder how the text around them is displayed, so `txt.exe` can read as
`exe.txt`. Every untrusted string that reaches a terminal passes through `terminal_safe` first.

Each unsafe character is replaced by exactly one visible character, so offsets and the styled
spans of a text stay where they were: a C0 control by its Unicode control picture (ESC shows as
␛), DEL by ␡, and a C1 control or a bidi control by the replacement character �. Tab and newline
stay as they are.
"""

from __future__ import annotations

import json
import re
from typing import Any

_C0 = "\x00-\x08\x0b-\x1f"
"""C0 controls except tab (U+0009) and newline (U+000A)."""
_C1 = "\x7f-\x9f"
"""DEL and the C1 controls (U+0080 to U+009F), which terminals may read as ESC sequences."""
_BIDI = "\u202a-\u202e\u2066-\u2069"
"""Bidirectional embeddings, overrides (U+202A to U+202E) and isolates (U+2066 to U+2069)."""
_RAW_C1 = "\udc80-\udc9f"
"""C1 bytes of a file name that is not UTF-8, kept by Python as lone surrogates."""

UNSAFE = re.compile(f"[{_C0}{_C1}{_BIDI}{_RAW_C1}]")
"""One character that must never reach a terminal as it is."""

_JSON_ESCAPE = re.compile(f"[{_C1}{_BIDI}\ud800-\udfff]")
"""Characters `json.dumps(ensure_ascii=False)` leaves raw that a terminal must not receive."""

REPLACEMENT = "\ufffd"
"""What a C1 control or a bidi control shows as."""

_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BS",
    0x0B: "VT",
    0x0C: "FF",
    0x0D: "CR",
    0x1B: "ESC",
    0x7F: "DEL",
    0x9B: "CSI",
    0x9D: "OSC",
    0x202A: "LRE",
    0x202B: "RLE",
    0x202C: "PDF",
    0x202D: "LRO",
    0x202E: "RLO",
    0x2066: "LRI",
    0x2067: "RLI",
    0x2068: "FSI",
    0x2069: "PDI",
}
"""Short names of the unsafe characters a reader is most likely to meet."""


def _placeholder(match: re.Match[str]) -> str:
    """Return the one visible character that stands in for an unsafe one."""
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return REPLACEMENT


def terminal_safe(text: str) -> str:
    """Return `text` with every control character and bidi control replaced by a visible one."""
    if not UNSAFE.search(text):
        return text
    return UNSAFE.sub(_placeholder, text)


def is_terminal_safe(text: str) -> bool:
    """Return True when `text` holds nothing `terminal_safe` would replace."""
    return UNSAFE.search(text) is None


def unsafe_characters(text: str) -> list[tuple[int, str]]:
    """Return the offset and character of every unsafe character in `text`."""
    return [(match.start(), match.group()) for match in UNSAFE.finditer(text)]


def is_bidi_control(char: str) -> bool:
    """Return True for a bidirectional embedding, override or isolate."""
    return 0x202A <= ord(char) <= 0x202E or 0x2066 <= ord(char) <= 0x2069


def describe(char: str) -> str:
    """Return a character as a reader can look it up: `U+001B (ESC)`."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDC9F:
        code -= 0xDC00
    name = _NAMES.get(code)
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"


def json_text(value: Any, *, indent: int | None = None) -> str:
    """Return `value` as JSON that keeps every character but puts no control code in the output.

    `json.dumps` escapes C0 controls already; DEL, C1 controls, bidi controls and lone
    surrogates are escaped here as `\\uXXXX`, which every JSON reader turns back into the same
    character.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
