"""Creating, opening, copying and listing stored sessions."""

from __future__ import annotations

import errno
import os
import re
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from varselspel.engine import commands as c
from varselspel.engine.fold import FoldError
from varselspel.engine.journal import BundleLike
from varselspel.engine.session import Clock, Session, utc_now
from varselspel.engine.state import SessionState
from varselspel.store.errors import StoreError, classify, corrupt, writable
from varselspel.store.sqlite import Durability, SessionStore

SUFFIX = ".varselspel"
"""File name ending of a session file."""

COMPANIONS = ("-wal", "-shm")
"""SQLite's files beside an open session file; they belong to it while it is open."""


def default_sessions_dir() -> Path:
    """Return the folder sessions live in unless a path is given."""
    import platformdirs

    return Path(platformdirs.user_data_dir("varselspel", appauthor=False)) / "sessions"


def _slug(text: str) -> str:
    """Return a file-name-safe version of an id."""
    return re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")[:40] or "session"


def _remove(path: Path) -> None:
    """Delete a file and its SQLite companions, if they exist."""
    for suffix in ("", *COMPANIONS):
        with suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _temporary(target: Path) -> Path:
    """Return a hidden name beside `target` that no session list shows."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")


def _sync(path: Path) -> None:
    """Flush a file (or a folder's entries) to disk; best effort where the OS cannot."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _publish(temporary: Path, target: Path) -> None:
    """Move a finished file into place atomically, never over an existing file."""
    _sync(temporary)
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise StoreError("exists", target) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise classify(error, target) from error
        # No hard links here (FAT, some network shares): a checked rename is the next best.
        if target.exists():
            raise StoreError("exists", target) from None
        os.replace(temporary, target)
    else:
        temporary.unlink()
    _sync(target.parent)


@contextmanager
def _building(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on any failure, nothing of it is left behind."""
    if target.exists():
        raise StoreError("exists", target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise classify(error, target) from error
    temporary = _temporary(target)
    try:
        yield temporary
    finally:
        _remove(temporary)


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
    """Create a session stored in its own SQLite file and return it.

    The file is built under a temporary name in the same folder and renamed into place once its
    meta data, scenario copy and groups are written, so it is either whole or not there.
    """
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
    with _building(target) as temporary:
        # Synced once as a whole before it is published, so each setup commit need not be.
        building = SessionStore.create(temporary, durability="normal")
        try:
            made = Session.create(bundle, groups, seed, building, title=title, clock=clock)
        finally:
            building.close()
        _publish(temporary, target)
    store = SessionStore.open(target, durability=durability)
    try:
        return Session.resume(bundle, made.info, store, clock=clock)
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


def _read(store: SessionStore, clock: Clock | None) -> Session:
    """Rebuild the session a store holds; every problem is a StoreError."""
    info = store.info()
    bundle = load_stored_bundle(store)
    saved: tuple[int, SessionState] | None = None
    found = store.saved_state()
    if found is not None:
        with suppress(ValidationError):
            saved = found[0], SessionState.model_validate_json(found[1])
    try:
        return Session.resume(bundle, info, store, clock=clock, saved=saved)
    except FoldError as error:
        raise corrupt(
            store.path, "event", seq=error.seq, problem="fold", detail=str(error.__cause__)
        ) from error


def open_session(
    path: Path | str,
    *,
    clock: Clock | None = None,
    read_only: bool = False,
    durability: Durability = "full",
) -> Session:
    """Open a stored session and rebuild its state exactly as it was.

    The file is read and checked in full before anything is written, so a damaged file is never
    changed. A file on a read-only medium opens read-only (viewing and export still work). A
    writable open stores the facts of events of an older schema once, beside their commands.
    """
    target = Path(path)
    viewer = SessionStore.open(target, read_only=True)
    try:
        session = _read(viewer, clock)
    except BaseException:
        viewer.close()
        raise
    if read_only or not (writable(target) and writable(target.parent)):
        return session
    try:
        store = SessionStore.open(target, durability=durability)
    except StoreError as error:
        if error.code == "read_only":
            return session
        viewer.close()
        raise
    viewer.close()
    session.journal = store
    try:
        if session.upcast:
            wanted = set(session.upcast)
            store.write_upcast([e for e in session.events if e.seq in wanted], source=1)
        session.refresh()
    except BaseException:
        store.close()
        raise
    return session


def copy_session(source: Path | str, dest: Path | str) -> Path:
    """Copy a session file safely, even while it is open: everything acknowledged is in the copy.

    `dest` is a new file, or a folder to copy into under the same name. Uses SQLite's online
    backup, so events still in the `-wal` file are included; returns the path written.
    """
    origin = Path(source)
    target = Path(dest)
    if target.is_dir():
        target = target / origin.name
    if target.resolve() == origin.resolve():
        raise StoreError("exists", target)
    store = SessionStore.open(origin, read_only=True)
    try:
        store.info()
        with _building(target) as temporary:
            store.backup(temporary)
            copy = SessionStore.open(temporary, read_only=True)
            try:
                if copy.event_count() != store.event_count():
                    raise corrupt(target, "events", problem="missing")
            finally:
                copy.close()
            _remove_companions(temporary)
            _publish(temporary, target)
    finally:
        store.close()
    return target


def _remove_companions(path: Path) -> None:
    """Delete a closed file's empty SQLite companions (a copy travels as one file)."""
    for suffix in COMPANIONS:
        companion = Path(f"{path}{suffix}")
        with suppress(OSError):
            if companion.exists() and (suffix == "-shm" or companion.stat().st_size == 0):
                companion.unlink()


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
    """Why the file could not be read, when it could not (in the UI language)."""
    problem: StoreError | None = None
    """The error itself, to put into words in another language."""

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
            "error_code": self.problem.code if self.problem is not None else "",
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
        summary.error, summary.problem = str(error), error
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
        _follow(summary, store.commands(_SUMMARY_TYPES))
    except StoreError as error:
        summary.error, summary.problem = str(error), error
    finally:
        store.close()
    return summary


def _follow(summary: SessionSummary, commands: list[tuple[int, c.Command]]) -> None:
    """Fill in groups, phase and round from the commands that change them."""
    undone = {cmd.target for _, cmd in commands if isinstance(cmd, c.Undo)}
    groups: dict[str, str] = {}
    phase = "setup"
    round_id: str | None = None
    for seq, cmd in commands:
        if isinstance(cmd, c.Undo) or seq in undone:
            continue
        if isinstance(cmd, c.AddGroup | c.RenameGroup) and cmd.group is not None:
            groups[cmd.group] = cmd.name
        elif isinstance(cmd, c.RemoveGroup):
            groups.pop(cmd.group, None)
        elif isinstance(cmd, c.StartSession | c.CloseRound):
            phase = "ready"
        elif isinstance(cmd, c.StartRound):
            phase = "round"
            round_id = cmd.round or round_id
        elif isinstance(cmd, c.StartDebrief):
            phase = "debrief"
        elif isinstance(cmd, c.EndSession):
            phase = "ended"
    summary.groups = list(groups.values())
    summary.phase = phase
    summary.round_id = round_id


def _summary_of(path: Path) -> SessionSummary:
    """Summarize one file; whatever goes wrong stays in that file's row."""
    try:
        return summarize(path)
    except Exception as error:  # one odd file must never hide the others
        summary = SessionSummary(path=path)
        problem = StoreError("unreadable", path, detail=type(error).__name__)
        summary.error, summary.problem = str(problem), problem
        return summary


def list_sessions(folder: Path | str | None = None) -> list[SessionSummary]:
    """Return summaries of the session files in a folder, newest change first."""
    base = Path(folder) if folder is not None else default_sessions_dir()
    if not base.is_dir():
        return []
    found = [_summary_of(p) for p in sorted(base.glob(f"*{SUFFIX}")) if p.is_file()]
    epoch = datetime.min.replace(tzinfo=None)

    def key(s: SessionSummary) -> datetime:
        moment = s.last_change or s.created_at
        return moment.replace(tzinfo=None) if moment else epoch

    return sorted(found, key=key, reverse=True)
