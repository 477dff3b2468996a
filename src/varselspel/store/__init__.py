"""The session store: one SQLite file (WAL) per session with an append-only, versioned event log."""

from __future__ import annotations

from varselspel.store.errors import StoreError
from varselspel.store.schema import SCHEMA_VERSION
from varselspel.store.sessions import (
    SUFFIX,
    SessionSummary,
    copy_session,
    create_session,
    default_sessions_dir,
    list_sessions,
    load_stored_bundle,
    open_session,
    summarize,
)
from varselspel.store.sqlite import SessionStore

__all__ = [
    "SCHEMA_VERSION",
    "SUFFIX",
    "SessionStore",
    "SessionSummary",
    "StoreError",
    "copy_session",
    "create_session",
    "default_sessions_dir",
    "list_sessions",
    "load_stored_bundle",
    "open_session",
    "summarize",
]
