"""The store's one error type: a stable code, the file, and what is wrong as codes."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

from varselspel.i18n import tr
from varselspel.store.strings import STRINGS

MAX_DETAIL = 160
"""Longest piece of a foreign error text (SQLite's or the OS's) a message repeats."""


def plain(text: str) -> str:
    """Return text safe to show: printable characters only, at most `MAX_DETAIL` of them."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in text)
    return cleaned if len(cleaned) <= MAX_DETAIL else cleaned[: MAX_DETAIL - 1] + "…"


class StoreError(Exception):
    """A session file could not be read or written; `str()` is the message in the UI language.

    For a damaged file (`code="corrupt"`) the parameters say where: `part` (`header`, `meta`,
    `texts`, `event` ...), and for an event its `seq`, the `problem` and the `field` at fault.
    """

    def __init__(self, code: str, path: Path | str, **params: Any) -> None:
        """Keep the code, the file and the message parameters."""
        self.code = code
        self.path = Path(path)
        self.params = {"path": str(path), **params}
        super().__init__(self.message())

    @property
    def seq(self) -> int | None:
        """The event at fault, when there is one."""
        seq = self.params.get("seq")
        return seq if isinstance(seq, int) else None

    def message(self, lang: str | None = None) -> str:
        """Return the message in `lang` (default: the UI language)."""
        params = dict(self.params)
        if self.code == "corrupt":
            params["detail"] = self._where(lang)
        return tr(STRINGS, f"store.{self.code}", lang, **params)

    def _where(self, lang: str | None) -> str:
        """Return which part of a damaged file is at fault, and how, in words."""
        part = str(self.params.get("part", "file"))
        where = tr(STRINGS, f"part.{part}", lang, **self.params)
        problem = self.params.get("problem")
        if problem:
            how = tr(STRINGS, f"problem.{problem}", lang, **self.params)
            where = f"{where}: {how}"
        return where

    def __str__(self) -> str:
        """The message in the current UI language."""
        return self.message()


def corrupt(path: Path | str, part: str, **params: Any) -> StoreError:
    """Return the error for a damaged part of a session file."""
    return StoreError("corrupt", path, part=part, **params)


def classify(error: BaseException, path: Path | str, *, writing: bool = True) -> StoreError:
    """Turn an sqlite3 or OS error into a StoreError with a code a user understands.

    `writing` tells whether the failed operation wrote: a failed read is never "not saved".
    """
    if isinstance(error, StoreError):
        return error
    text = str(error)
    lowered = text.lower()
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(error, OSError):
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return StoreError("read_only", path)
        if error.errno == errno.ENOSPC:
            return StoreError("disk_full", path)
        return StoreError("cannot_open", path, detail=plain(error.strerror or text))
    if "could not decode" in lowered:
        # SQLite's text repeats the undecodable bytes; say only what is wrong.
        return corrupt(path, "file", problem="not_utf8")
    if (
        code == sqlite3.SQLITE_FULL
        or "disk is full" in lowered
        or "database or disk is full" in lowered
    ):
        return StoreError("disk_full", path)
    if code == sqlite3.SQLITE_READONLY or "readonly" in lowered or "read-only" in lowered:
        return StoreError("read_only", path)
    if code == sqlite3.SQLITE_BUSY or "database is locked" in lowered:
        return StoreError("busy", path)
    if (
        code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
        or "not a database" in lowered
        or "malformed" in lowered
    ):
        return corrupt(path, "file", problem="sqlite", detail=plain(text))
    if code == sqlite3.SQLITE_CANTOPEN or "unable to open" in lowered:
        folder = Path(path).parent
        if folder.exists() and not writable(folder):
            return StoreError("read_only", path)
        return StoreError("cannot_open", path, detail=plain(text))
    if not writing:
        return StoreError("unreadable", path, detail=plain(text))
    return StoreError("failed", path, detail=plain(text))


def writable(path: Path) -> bool:
    """Return True when `path` (a file or a folder) may be written, read-only media included."""
    return os.access(path, os.W_OK)
