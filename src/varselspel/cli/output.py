"""The one way out of every command: text to stdout and stderr with no terminal control codes.

Commands print titles, group names, YAML keys, file names and error details that come from
files anyone may have written. `guarded_output` puts a `SafeStream` in front of `sys.stdout` and
`sys.stderr` while a command runs, so every line (argparse's own messages too) passes through
`varselspel.safe_text.terminal_safe`; `print_json` writes JSON whose strings keep every character
but carry no control code.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from varselspel.safe_text import json_text, terminal_safe


class SafeStream:
    """A text stream that writes through to another one with unsafe characters made visible."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner
        """The stream written to."""

    def write(self, text: str) -> int:
        """Write `text` made terminal-safe; return the number of characters given."""
        self.inner.write(terminal_safe(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        """Write each line made terminal-safe."""
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        """Everything else (flush, fileno, isatty, encoding) is the inner stream's."""
        return getattr(self.inner, name)


@contextlib.contextmanager
def guarded_output() -> Iterator[None]:
    """Make `sys.stdout` and `sys.stderr` terminal-safe until the block ends."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def print_json(value: Any, *, indent: int | None = 2, file: TextIO | None = None) -> None:
    """Print `value` as JSON on one or more lines, escaping what a terminal must not receive."""
    print(json_text(value, indent=indent), file=file or sys.stdout)
