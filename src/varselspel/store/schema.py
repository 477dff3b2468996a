"""The session file's tables, its format version and the migrations between versions."""

from __future__ import annotations

APPLICATION_ID = 0x56535350
"""SQLite `application_id` of a varselspel session file ("VSSP")."""

SCHEMA_VERSION = 2
"""The newest file format this code writes and reads (SQLite `user_version`)."""

MIGRATIONS: dict[int, tuple[str, tuple[str, ...]]] = {
    1: (
        "initial schema: meta, texts, events",
        (
            """CREATE TABLE IF NOT EXISTS meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS texts (
                kind TEXT NOT NULL CHECK (kind IN ('scenario', 'role')),
                name TEXT NOT NULL,
                text TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                PRIMARY KEY (kind, name)
            )""",
            """CREATE TABLE IF NOT EXISTS events (
                seq INTEGER PRIMARY KEY CHECK (seq > 0),
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                type TEXT NOT NULL,
                payload TEXT NOT NULL
            )""",
        ),
    ),
    2: (
        "events record their schema version and the varselspel version that wrote them;"
        " the state saved at a clean close",
        (
            "ALTER TABLE events ADD COLUMN schema INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE events ADD COLUMN written_by TEXT NOT NULL DEFAULT ''",
            """CREATE TABLE IF NOT EXISTS saved_state (
                seq INTEGER PRIMARY KEY,
                schema INTEGER NOT NULL,
                digest TEXT NOT NULL,
                state TEXT NOT NULL
            )""",
        ),
    ),
}
"""Version -> (description, statements) that bring a file from the version before to it."""

MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""
"""Records which migrations ran on a file, and when."""
