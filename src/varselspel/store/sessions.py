"""Creating, opening and listing stored sessions."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from varselspel.engine.fold import FoldError
from varselspel.engine.journal import BundleLike
from varselspel.engine.session import Clock, Session, utc_now
from varselspel.store.errors import StoreError
from varselspel.store.sqlite import Durability, SessionStore

SUFFIX = ".varselspel"
"""File name ending of a session file."""


def default_sessions_dir() -> Path:
    """Return the folder sessions live in unless a path is given."""
    import platformdirs

    return Path(platformdirs.user_data_dir("varselspel", appauthor=False)) / "sessions"


def _slug(text: str) -> str:
    """Return a file-name-safe version of an id."""
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")[:40] or "session"


def create_session(
    bundle: BundleLike,
    groups: Sequence[str] = (),
    seed: int | None = None,
    *,
    folder: Path | str | None = None,
    path: Path | str | None = None,
    title: str = "",
    clock: Clock | None = None,
    durability: Durability = "full",
) -> Session:
    """Create a session stored in its own SQLite file and return it."""
    now = (clock or utc_now)()
    if path is None:
        base = Path(folder) if folder is not None else default_sessions_dir()
        stem = f"{now:%Y%m%d-%H%M%S}-{_slug(bundle.scenario.id)}"
        target = base / f"{stem}{SUFFIX}"
        n = 1
        while target.exists():
            n += 1
            target = base / f"{stem}-{n}{SUFFIX}"
    else:
        target = Path(path)
    store = SessionStore.create(target, durability=durability)
    try:
        return Session.create(bundle, groups, seed, store, title=title, clock=clock)
    except BaseException:
        store.close()
        raise


def load_stored_bundle(store: SessionStore) -> BundleLike:
    """Rebuild the scenario bundle from the copy kept in a session file."""
    from varselspel.loader import load_bundle_from_texts

    name, text, roles = store.texts()
    result = load_bundle_from_texts(text, roles, name, strict=False)
    if result.bundle is None:
        detail = "; ".join(d.format() for d in result.diagnostics[:3])
        raise StoreError("scenario_invalid", store.path, detail=detail)
    return result.bundle


def open_session(
    path: Path | str,
    *,
    clock: Clock | None = None,
    read_only: bool = False,
    durability: Durability = "full",
) -> Session:
    """Open a stored session and rebuild its state exactly as it was."""
    store = SessionStore.open(path, read_only=read_only, durability=durability)
    try:
        info = store.info()
        bundle = load_stored_bundle(store)
        try:
            return Session.resume(bundle, info, store, clock=clock)
        except FoldError as error:
            raise StoreError("corrupt", store.path, detail=str(error)) from error
    except BaseException:
        store.close()
        raise


@dataclass(slots=True)
class SessionSummary:
    """One line of the session list."""

    path: Path
    """The session file."""
    id: str = ""
    """The session id (32 hex digits)."""
    title: str = ""
    """The session's title."""
    scenario_id: str = ""
    """Id of the scenario played."""
    scenario_title: str = ""
    """Title of the scenario played."""
    groups: list[str] = field(default_factory=list)
    """Names of the groups."""
    phase: str = ""
    """Where the session is: setup, ready, round, debrief, ended."""
    round_id: str | None = None
    """The current round, if one has started."""
    events: int = 0
    """How many events the file holds."""
    created_at: datetime | None = None
    """When the session was created."""
    last_change: datetime | None = None
    """When the last event was recorded."""
    error: str = ""
    """Why the file could not be read, when it could not."""

    def to_json(self) -> dict[str, object]:
        """Return a JSON-ready dict with stable field names."""
        return {
            "path": str(self.path),
            "id": self.id,
            "title": self.title,
            "scenario_id": self.scenario_id,
            "scenario_title": self.scenario_title,
            "groups": list(self.groups),
            "phase": self.phase,
            "round": self.round_id,
            "events": self.events,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "last_change": self.last_change.isoformat() if self.last_change else None,
            "error": self.error,
        }


_SUMMARY_TYPES = (
    "add_group",
    "rename_group",
    "remove_group",
    "start_session",
    "start_round",
    "close_round",
    "start_debrief",
    "end_session",
    "undo",
)


def summarize(path: Path) -> SessionSummary:
    """Read a session file's summary without rebuilding the whole state."""
    summary = SessionSummary(path=path)
    try:
        store = SessionStore.open(path, read_only=True)
    except StoreError as error:
        summary.error = str(error)
        return summary
    try:
        info = store.info()
        summary.id = info.id
        summary.title = info.title
        summary.scenario_id = info.scenario_id
        summary.scenario_title = info.scenario_title
        summary.created_at = info.created_at
        summary.events = store.event_count()
        summary.last_change = store.last_change()
        rows = store.rows(_SUMMARY_TYPES)
        undone = {cmd.get("target") for _, kind, cmd in rows if kind == "undo"}
        groups: dict[str, str] = {}
        phase = "setup"
        round_id: str | None = None
        for seq, kind, cmd in rows:
            if kind == "undo" or seq in undone:
                continue
            if kind in ("add_group", "rename_group"):
                groups[cmd["group"]] = cmd["name"]
            elif kind == "remove_group":
                groups.pop(cmd["group"], None)
            elif kind in ("start_session", "close_round"):
                phase = "ready"
            elif kind == "start_round":
                phase = "round"
                round_id = cmd.get("round") or round_id
            elif kind == "start_debrief":
                phase = "debrief"
            elif kind == "end_session":
                phase = "ended"
        summary.groups = list(groups.values())
        summary.phase = phase
        summary.round_id = round_id
    except (StoreError, sqlite3.Error, KeyError, ValueError) as error:
        summary.error = str(error)
    finally:
        store.close()
    return summary


def list_sessions(folder: Path | str | None = None) -> list[SessionSummary]:
    """Return summaries of the session files in a folder, newest change first."""
    base = Path(folder) if folder is not None else default_sessions_dir()
    if not base.is_dir():
        return []
    found = [summarize(p) for p in sorted(base.glob(f"*{SUFFIX}")) if p.is_file()]
    epoch = datetime.min.replace(tzinfo=None)

    def key(s: SessionSummary) -> datetime:
        moment = s.last_change or s.created_at
        return moment.replace(tzinfo=None) if moment else epoch

    return sorted(found, key=key, reverse=True)
