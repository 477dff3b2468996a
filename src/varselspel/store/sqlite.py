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

from pydantic import TypeAdapter, ValidationError

from varselspel import __version__
from varselspel.engine.commands import Command
from varselspel.engine.events import EVENT_VERSION, Event, LegacyEvent, StoredEvent
from varselspel.engine.journal import BundleLike, SessionInfo
from varselspel.engine.upcast import decode
from varselspel.store.errors import StoreError, classify, corrupt
from varselspel.store.schema import APPLICATION_ID, MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_VERSION

Durability = Literal["full", "normal"]
"""`full`: every commit is synced to disk (survives a power cut); `normal`: survives a crash
of the program (SIGKILL) but not of the machine, and commits are much faster."""

_SYNCHRONOUS: dict[str, str] = {"full": "FULL", "normal": "NORMAL"}

_EVENTS: TypeAdapter[list[Event]] = TypeAdapter(list[Event])
_LEGACY: TypeAdapter[list[LegacyEvent]] = TypeAdapter(list[LegacyEvent])

BUSY_TIMEOUT_MS = 15_000
"""How long a writer waits for another process's write lock before giving up."""

SQLITE_HEADER = b"SQLite format 3\x00"


def sha256_text(text: str) -> str:
    """Return the sha256 hex digest of a text as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _connect(path: Path, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """Open a connection in autocommit mode (transactions are explicit)."""
    if read_only:
        mode = "?immutable=1" if immutable else "?mode=ro"
        uri = f"{path.resolve().as_uri()}{mode}"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _problem(error: ValidationError) -> tuple[str, str]:
    """Return the first problem of a validation error as (code, field), never the input."""
    problems = error.errors(include_input=False)
    if not problems:
        return "invalid", "type"
    if problems[0]["type"] == "json_invalid":
        return "not_json", ""
    return "invalid", ".".join(str(part) for part in problems[0]["loc"]) or "type"


def decode_row(path: Path, seq: int, raw: bytes) -> StoredEvent:
    """Decode one stored payload; every way it can be wrong is a StoreError naming the event."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise corrupt(path, "event", seq=seq, problem="not_utf8") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise corrupt(path, "event", seq=seq, problem="not_json") from None
    try:
        event = decode(data)
    except ValidationError as error:
        problem, field = _problem(error)
        raise corrupt(path, "event", seq=seq, problem=problem, field=field) from None
    except ValueError as error:
        raise corrupt(path, "event", seq=seq, problem=str(error)) from None
    if event.seq != seq:
        raise corrupt(path, "event", seq=seq, problem="seq")
    return event


class SessionStore:
    """One session file: meta data, a copy of the scenario and role texts, and the events."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, *, read_only: bool = False, layout: int = 0
    ) -> None:
        """Wrap an open, checked connection; use `create` or `open`."""
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self.layout = layout or SCHEMA_VERSION
        """The file format version of the file as opened (older ones are read, not written)."""
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
        """Open an existing session file; a writable open brings an older format up to date.

        A read-only open changes nothing in the file, and reads older formats as they are.
        """
        target = Path(path)
        if not target.is_file():
            raise StoreError("not_found", target)
        _check_header(target)
        conn = cls._connect_checked(target, read_only)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise corrupt(target, "application_id")
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
                    version = SCHEMA_VERSION
            if version < 1:
                raise corrupt(target, "tables")
            conn.execute("SELECT count(*) FROM events").fetchone()
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as error:
            conn.close()
            raise classify(error, target, writing=not read_only) from error
        return cls(target, conn, read_only=read_only, layout=version)

    @staticmethod
    def _connect_checked(target: Path, read_only: bool) -> sqlite3.Connection:
        """Connect; on a read-only medium without a `-wal` file read it as immutable."""
        try:
            conn = _connect(target, read_only=read_only)
            conn.execute("PRAGMA application_id").fetchone()
            return conn
        except (OSError, sqlite3.Error) as error:
            failure = classify(error, target, writing=not read_only)
        wal = Path(f"{target}-wal")
        if read_only and failure.code in ("read_only", "cannot_open"):
            if wal.exists() and wal.stat().st_size > 0:
                raise StoreError("incomplete", target, wal=wal.name) from None
            # SQLite cannot make the `-shm` file beside it; nobody else can write there either.
            try:
                conn = _connect(target, read_only=True, immutable=True)
                conn.execute("PRAGMA application_id").fetchone()
                return conn
            except (OSError, sqlite3.Error) as error:
                raise classify(error, target, writing=False) from error
        raise failure

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
        rows = self._query("SELECT CAST(value AS BLOB) FROM meta WHERE key = 'info'")
        if not rows:
            raise corrupt(self.path, "meta", problem="missing")
        try:
            return SessionInfo.model_validate_json(bytes(rows[0][0]))
        except ValidationError as error:
            problem, field = _problem(error)
            raise corrupt(self.path, "meta", problem=problem, field=field) from None

    def meta(self, key: str) -> Any:
        """Return the JSON value stored under a meta key, or None."""
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        if not rows:
            return None
        try:
            return json.loads(rows[0][0])
        except ValueError:
            raise corrupt(self.path, "meta", problem="not_json") from None

    def texts(self) -> tuple[str, str, dict[str, str]]:
        """Return (scenario file name, scenario text, role texts by id), checking their hashes."""
        rows = self._query("SELECT kind, CAST(name AS BLOB), CAST(text AS BLOB), sha256 FROM texts")
        scenario: tuple[str, str] | None = None
        roles: dict[str, str] = {}
        for kind, raw_name, raw_text, digest in rows:
            try:
                name = bytes(raw_name).decode("utf-8")
            except UnicodeDecodeError:
                raise corrupt(self.path, "texts", name="?", problem="not_utf8") from None
            try:
                text = bytes(raw_text).decode("utf-8")
            except UnicodeDecodeError:
                raise corrupt(self.path, "texts", name=name, problem="not_utf8") from None
            if sha256_text(text) != digest:
                raise corrupt(self.path, "texts", name=name, problem="sha256")
            if kind == "scenario":
                scenario = (name, text)
            else:
                roles[name] = text
        if scenario is None:
            raise corrupt(self.path, "texts", name="scenario", problem="missing")
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

    def events_after(self, seq: int) -> Sequence[StoredEvent]:
        """Return the events with a seq above `seq`, in order, each as its schema stored it."""
        rows = self._query(
            "SELECT seq, CAST(payload AS BLOB) FROM events WHERE seq > ? ORDER BY seq", (seq,)
        )
        if not rows:
            return []
        for offset, (number, _payload) in enumerate(rows):
            if number != seq + 1 + offset:
                raise corrupt(self.path, "event", seq=number, problem="gap")
        # One JSON array validates much faster than one call per event.
        blob = b"[" + b",".join(bytes(row[1]) for row in rows) + b"]"
        events: Sequence[StoredEvent]
        try:
            events = _EVENTS.validate_json(blob)
        except ValidationError:
            try:
                events = _LEGACY.validate_json(blob)
            except ValidationError:
                events = [decode_row(self.path, number, bytes(raw)) for number, raw in rows]
        for offset, event in enumerate(events):
            if event.seq != seq + 1 + offset:
                raise corrupt(self.path, "event", seq=seq + 1 + offset, problem="seq")
        return events

    def append(self, event: Event) -> None:
        """Insert one event; a seq another process already wrote is a conflict."""
        if not self._in_lock:
            raise RuntimeError("append outside write_lock")
        try:
            self.conn.execute(
                "INSERT INTO events (seq, at, actor, type, payload, schema, written_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    event.seq,
                    event.at.isoformat(),
                    event.actor,
                    event.command.type,
                    event.compact_json(),
                    EVENT_VERSION,
                    __version__,
                ),
            )
        except sqlite3.IntegrityError as error:
            raise StoreError("conflict", self.path, seq=event.seq) from error
        except sqlite3.Error as error:
            raise classify(error, self.path) from error

    def write_upcast(self, events: Sequence[Event], source: int) -> int:
        """Store events worked out from schema `source` in place of their old payloads.

        The command inside each payload stays as it was; only its facts are added. Returns how
        many rows changed (another process may have written them already).
        """
        changed = 0
        with self._transaction():
            for event in events:
                cursor = self.conn.execute(
                    "UPDATE events SET payload = ?, schema = ? WHERE seq = ? AND schema = ?",
                    (event.compact_json(), EVENT_VERSION, event.seq, source),
                )
                changed += cursor.rowcount
            if changed:
                done = self.meta("upcasts") or []
                done.append(
                    {
                        "from": source,
                        "to": EVENT_VERSION,
                        "events": changed,
                        "by": __version__,
                        "at": datetime.now(UTC).isoformat(),
                    }
                )
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('upcasts', ?)",
                    (json.dumps(done),),
                )
        return changed

    def _digest(self, seq: int, state: bytes) -> str:
        """Return the sha256 of the payloads of events 1 to `seq` and of a state's JSON."""
        digest = hashlib.sha256()
        rows = self.conn.execute(
            "SELECT CAST(payload AS BLOB) FROM events WHERE seq <= ? ORDER BY seq", (seq,)
        )
        for (payload,) in rows:
            digest.update(hashlib.sha256(bytes(payload)).digest())
        digest.update(state)
        return digest.hexdigest()

    def save_state(self, seq: int, state_json: str) -> None:
        """Keep the state after event `seq` with a digest of the log it is the fold of."""
        if self.layout < 2:
            return
        with self._transaction():
            digest = self._digest(seq, state_json.encode("utf-8"))
            self.conn.execute("DELETE FROM saved_state")
            self.conn.execute(
                "INSERT INTO saved_state (seq, schema, digest, state) VALUES (?, ?, ?, ?)",
                (seq, EVENT_VERSION, digest, state_json),
            )

    def saved_state(self) -> tuple[int, str] | None:
        """Return (seq, state JSON) saved at a clean close, if the log is still what it folded.

        Any change to an event it covers, to the state itself, or a newer schema, and it is
        ignored: the events are then folded again, and read in full.
        """
        if self.layout < 2:
            return None
        try:
            rows = self._query(
                "SELECT seq, schema, digest, CAST(state AS BLOB) FROM saved_state"
                " ORDER BY seq DESC LIMIT 1"
            )
            if not rows:
                return None
            seq, schema, digest, state = rows[0]
            if schema != EVENT_VERSION or self.event_count() < seq:
                return None
            if self._digest(int(seq), bytes(state)) != digest:
                return None
            return int(seq), bytes(state).decode("utf-8")
        except (StoreError, sqlite3.Error, UnicodeDecodeError):
            return None

    def event_count(self) -> int:
        """Return how many events the file holds."""
        return int(self._query("SELECT count(*) FROM events")[0][0])

    def last_change(self) -> datetime | None:
        """Return when the last event was recorded."""
        rows = self._query("SELECT seq, CAST(at AS BLOB) FROM events ORDER BY seq DESC LIMIT 1")
        if not rows:
            return None
        try:
            return datetime.fromisoformat(bytes(rows[0][1]).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise corrupt(
                self.path, "event", seq=rows[0][0], problem="invalid", field="at"
            ) from None

    def commands(self, types: Sequence[str] | None = None) -> list[tuple[int, Command]]:
        """Return (seq, command) of events, optionally only of some types, decoded and checked."""
        sql = "SELECT seq, CAST(payload AS BLOB) FROM events"
        params: tuple[Any, ...] = ()
        if types:
            sql += f" WHERE type IN ({','.join('?' for _ in types)})"
            params = tuple(types)
        rows = self._query(sql + " ORDER BY seq", params)
        return [(seq, decode_row(self.path, seq, bytes(raw)).command) for seq, raw in rows]

    def writers(self) -> list[tuple[int, int, str]]:
        """Return (seq, schema version, varselspel version that wrote it) of every event."""
        if self.layout < 2:
            return [(int(s), 1, "") for (s,) in self._query("SELECT seq FROM events ORDER BY seq")]
        rows = self._query("SELECT seq, schema, written_by FROM events ORDER BY seq")
        return [(int(s), int(v), str(w)) for s, v, w in rows]

    def migrations(self) -> list[tuple[int, str, str]]:
        """Return the migrations applied to the file: (version, description, applied_at)."""
        rows = self._query(
            "SELECT version, description, applied_at FROM migrations ORDER BY version"
        )
        return [(int(v), str(d), str(a)) for v, d, a in rows]

    def backup(self, target: Path) -> None:
        """Copy the whole session, including what is still only in `-wal`, into a new file."""
        try:
            dest = sqlite3.connect(target, isolation_level=None)
        except sqlite3.Error as error:
            raise classify(error, target) from error
        try:
            self.conn.backup(dest)
            check = dest.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise corrupt(self.path, "file", problem="sqlite", detail=str(check)[:80])
            dest.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as error:
            raise classify(error, target) from error
        finally:
            dest.close()

    def close(self) -> None:
        """Fold the write-ahead log into the file, then close (so the file alone is complete)."""
        if not self.read_only:
            with suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
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
        """Run a read query, turning sqlite errors into StoreErrors that say it was a read."""
        try:
            return list(self.conn.execute(sql, params).fetchall())
        except sqlite3.Error as error:
            raise classify(error, self.path, writing=False) from error


def _check_header(path: Path) -> None:
    """Refuse files that are not SQLite databases before SQLite touches them."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise classify(error, path, writing=False) from error
    if header != SQLITE_HEADER:
        raise corrupt(path, "header")


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
