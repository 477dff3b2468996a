"""The SQLite event log of one session: WAL, durable commits, safe for several processes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import TypeAdapter

from varselspel.engine.events import Event
from varselspel.engine.journal import BundleLike, SessionInfo
from varselspel.store.errors import StoreError, classify
from varselspel.store.schema import APPLICATION_ID, MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_VERSION

Durability = Literal["full", "normal"]
"""`full`: every commit is synced to disk (survives a power cut); `normal`: survives a crash
of the program (SIGKILL) but not of the machine, and commits are much faster."""

_SYNCHRONOUS: dict[str, str] = {"full": "FULL", "normal": "NORMAL"}

_EVENT_LIST: TypeAdapter[list[Event]] = TypeAdapter(list[Event])

BUSY_TIMEOUT_MS = 15_000
"""How long a writer waits for another process's write lock before giving up."""


def sha256_text(text: str) -> str:
    """Return the sha256 hex digest of a text as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open a connection in autocommit mode (transactions are explicit)."""
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


class SessionStore:
    """One session file: meta data, a copy of the scenario and role texts, and the events."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool = False) -> None:
        """Wrap an open, checked connection; use `create` or `open`."""
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._in_lock = False

    # --- opening --------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, *, durability: Durability = "full") -> SessionStore:
        """Create a new, empty session file (the folder is created when missing)."""
        target = Path(path)
        if target.exists():
            raise StoreError("exists", target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            conn = _connect(target)
        except (OSError, sqlite3.Error) as error:
            raise classify(error, target) from error
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA synchronous = {_SYNCHRONOUS[durability]}")
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(MIGRATIONS_TABLE)
            _migrate(conn, 0)
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            conn.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            raise classify(error, target) from error
        return cls(target, conn)

    @classmethod
    def open(
        cls, path: Path | str, *, read_only: bool = False, durability: Durability = "full"
    ) -> SessionStore:
        """Open an existing session file, migrating it to the current format when older."""
        target = Path(path)
        if not target.is_file():
            raise StoreError("not_found", target)
        try:
            conn = _connect(target, read_only=read_only)
        except (OSError, sqlite3.Error) as error:
            raise classify(error, target) from error
        try:
            _check_header(target)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise StoreError("corrupt", target, detail="application_id")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise StoreError("too_new", target, version=version, supported=SCHEMA_VERSION)
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(f"PRAGMA synchronous = {_SYNCHRONOUS[durability]}")
                if version < SCHEMA_VERSION:
                    conn.execute("BEGIN IMMEDIATE")
                    _migrate(conn, version)
                    conn.execute("COMMIT")
            elif version < SCHEMA_VERSION:
                raise StoreError("read_only", target)
            conn.execute("SELECT count(*) FROM events").fetchone()
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as error:
            conn.close()
            raise classify(error, target) from error
        return cls(target, conn, read_only=read_only)

    # --- meta data and texts --------------------------------------------------------------------

    def initialize(self, info: SessionInfo, bundle: BundleLike) -> None:
        """Record the session's facts and a copy of the scenario and role texts."""
        with self._transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('info', ?)",
                (info.model_dump_json(),),
            )
            self.conn.execute(
                "INSERT OR REPLACE INTO texts (kind, name, text, sha256) VALUES ('scenario', ?, ?, ?)",
                (
                    getattr(bundle, "file", "") or info.scenario_id,
                    bundle.scenario_text,
                    sha256_text(bundle.scenario_text),
                ),
            )
            for role_id, text in sorted(bundle.role_texts.items()):
                self.conn.execute(
                    "INSERT OR REPLACE INTO texts (kind, name, text, sha256) VALUES ('role', ?, ?, ?)",
                    (role_id, text, sha256_text(text)),
                )

    def info(self) -> SessionInfo:
        """Return the session's facts."""
        row = self._query("SELECT value FROM meta WHERE key = 'info'")
        if not row:
            raise StoreError("corrupt", self.path, detail="meta.info")
        try:
            return SessionInfo.model_validate_json(row[0][0])
        except ValueError as error:
            raise StoreError("corrupt", self.path, detail="meta.info") from error

    def texts(self) -> tuple[str, str, dict[str, str]]:
        """Return (scenario file name, scenario text, role texts by id), checking their hashes."""
        rows = self._query("SELECT kind, name, text, sha256 FROM texts")
        scenario: tuple[str, str] | None = None
        roles: dict[str, str] = {}
        for kind, name, text, digest in rows:
            if sha256_text(text) != digest:
                raise StoreError("corrupt", self.path, detail=f"sha256 {kind} {name}")
            if kind == "scenario":
                scenario = (name, text)
            else:
                roles[name] = text
        if scenario is None:
            raise StoreError("corrupt", self.path, detail="texts.scenario")
        return scenario[0], scenario[1], roles

    # --- the journal ----------------------------------------------------------------------------

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Hold SQLite's write lock (BEGIN IMMEDIATE) and commit durably when the block ends."""
        if self._in_lock:
            yield
            return
        with self._transaction():
            self._in_lock = True
            try:
                yield
            finally:
                self._in_lock = False

    def events_after(self, seq: int) -> Sequence[Event]:
        """Return the events with a seq above `seq`, in order."""
        rows = self._query("SELECT seq, payload FROM events WHERE seq > ? ORDER BY seq", (seq,))
        if not rows:
            return []
        for offset, (number, _payload) in enumerate(rows):
            if number != seq + 1 + offset:
                raise StoreError("corrupt", self.path, detail=f"gap before event {number}")
        try:
            # One JSON array validates much faster than one call per event.
            events = _EVENT_LIST.validate_json("[" + ",".join(row[1] for row in rows) + "]")
        except ValueError as error:
            for number, payload in rows:
                try:
                    Event.model_validate_json(payload)
                except ValueError as bad:
                    raise StoreError("corrupt", self.path, detail=f"event {number}") from bad
            raise StoreError("corrupt", self.path, detail="events") from error
        for offset, event in enumerate(events):
            if event.seq != seq + 1 + offset:
                raise StoreError("corrupt", self.path, detail=f"event {seq + 1 + offset}")
        return events

    def append(self, event: Event) -> None:
        """Insert one event; a seq another process already wrote is a conflict."""
        if not self._in_lock:
            raise RuntimeError("append outside write_lock")
        try:
            self.conn.execute(
                "INSERT INTO events (seq, at, actor, type, payload) VALUES (?, ?, ?, ?, ?)",
                (
                    event.seq,
                    event.at.isoformat(),
                    event.actor,
                    event.command.type,
                    event.model_dump_json(),
                ),
            )
        except sqlite3.IntegrityError as error:
            raise StoreError("conflict", self.path, seq=event.seq) from error
        except sqlite3.Error as error:
            raise classify(error, self.path) from error

    def event_count(self) -> int:
        """Return how many events the file holds."""
        return int(self._query("SELECT count(*) FROM events")[0][0])

    def last_change(self) -> datetime | None:
        """Return when the last event was recorded."""
        rows = self._query("SELECT at FROM events ORDER BY seq DESC LIMIT 1")
        return datetime.fromisoformat(rows[0][0]) if rows else None

    def rows(self, types: Sequence[str] | None = None) -> list[tuple[int, str, dict[str, Any]]]:
        """Return (seq, type, command dict) of events, optionally only of some types."""
        if types:
            marks = ",".join("?" for _ in types)
            sql = f"SELECT seq, type, payload FROM events WHERE type IN ({marks}) ORDER BY seq"
            found = self._query(sql, tuple(types))
        else:
            found = self._query("SELECT seq, type, payload FROM events ORDER BY seq")
        return [(seq, kind, json.loads(payload)["command"]) for seq, kind, payload in found]

    def migrations(self) -> list[tuple[int, str, str]]:
        """Return the migrations applied to the file: (version, description, applied_at)."""
        rows = self._query(
            "SELECT version, description, applied_at FROM migrations ORDER BY version"
        )
        return [(int(v), str(d), str(a)) for v, d, a in rows]

    def close(self) -> None:
        """Close the connection (SQLite checkpoints the WAL when the last one closes)."""
        with suppress(sqlite3.Error):
            self.conn.close()

    # --- helpers --------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """Run a block in BEGIN IMMEDIATE ... COMMIT, rolling back on any error."""
        if self.read_only:
            raise StoreError("read_only", self.path)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise classify(error, self.path) from error
        try:
            yield
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise classify(error, self.path) from error

    def _rollback(self) -> None:
        """Roll back the open transaction, if any."""
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Run a read query, turning sqlite errors into StoreErrors."""
        try:
            return list(self.conn.execute(sql, params).fetchall())
        except sqlite3.Error as error:
            raise classify(error, self.path) from error


def _check_header(path: Path) -> None:
    """Refuse files that are not SQLite databases before SQLite touches them."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise classify(error, path) from error
    if header != b"SQLite format 3\x00":
        raise StoreError("corrupt", path, detail="header")


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    """Apply every migration above `version` inside the caller's transaction."""
    conn.execute(MIGRATIONS_TABLE)
    now = datetime.now(UTC).isoformat()
    for target in sorted(v for v in MIGRATIONS if v > version):
        description, statements = MIGRATIONS[target]
        for statement in statements:
            conn.execute(statement)
        conn.execute(
            "INSERT OR REPLACE INTO migrations (version, description, applied_at) VALUES (?, ?, ?)",
            (target, description, now),
        )
        conn.execute(f"PRAGMA user_version = {target}")
