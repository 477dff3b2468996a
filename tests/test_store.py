"""The SQLite session store: round trips, the scenario copy, listing and clear failures."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from varselspel.engine import (
    AddParticipant,
    ChooseOption,
    CloseRound,
    ReleaseInject,
    StartRound,
    StartSession,
    WriteNote,
)
from varselspel.i18n import set_lang
from varselspel.loader import ScenarioBundle, load_bundle
from varselspel.store import (
    SCHEMA_VERSION,
    SUFFIX,
    SessionStore,
    StoreError,
    create_session,
    default_sessions_dir,
    list_sessions,
    open_session,
)
from varselspel.store.errors import classify

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "engine"


@pytest.fixture(scope="module")
def bundle() -> ScenarioBundle:
    result = load_bundle(FIXTURE_DIR / "scenario.yaml")
    assert result.bundle is not None
    return result.bundle


def play_a_little(session: object) -> None:
    from varselspel.engine import Session

    assert isinstance(session, Session)
    for command in (
        AddParticipant(group="g1", name="Åsa", organisation="Provby kommun"),
        StartSession(),
        StartRound(),
        ReleaseInject(),
        ChooseOption(group="g1", decision="r1.ledning", option="kommunen", rationale="Vi leder"),
        CloseRound(),
        WriteNote(group="g2", text="Svår start"),
    ):
        result = session.execute(command)
        assert result.ok, result.reason


def test_round_trip_resumes_exactly(bundle: ScenarioBundle, tmp_path: Path) -> None:
    session = create_session(bundle, ["Norr", "Syd"], seed=9, folder=tmp_path)
    play_a_little(session)
    path = session.path
    assert path is not None
    state, events, info = session.state, session.events, session.info
    session.close()
    assert path.parent == tmp_path and path.name.endswith(SUFFIX)
    again = open_session(path)
    assert again.info == info
    assert again.events == events
    assert again.state == state
    assert again.execute(StartRound()).ok
    again.close()


def test_default_folder_is_the_user_data_dir(bundle: ScenarioBundle) -> None:
    session = create_session(bundle, ["A"], seed=1)
    path = session.journal.path  # type: ignore[attr-defined]
    session.close()
    assert path.parent == default_sessions_dir()
    assert str(default_sessions_dir()).startswith(os.environ["XDG_DATA_HOME"])
    assert [s.path for s in list_sessions()] == [path]


def test_session_survives_edited_and_deleted_scenario(tmp_path: Path) -> None:
    folder = tmp_path / "scen"
    shutil.copytree(FIXTURE_DIR, folder)
    result = load_bundle(folder / "scenario.yaml")
    assert result.bundle is not None
    session = create_session(result.bundle, ["A"], seed=2, folder=tmp_path / "sessions")
    play_a_little_single(session)
    path, state = session.journal.path, session.state  # type: ignore[attr-defined]
    session.close()
    (folder / "scenario.yaml").write_text("id: broken\n", encoding="utf-8")
    again = open_session(path)
    assert again.state == state
    assert again.scenario.title == "Testbruket i Provby"
    again.close()
    shutil.rmtree(folder)
    assert open_session(path).state == state


def play_a_little_single(session: object) -> None:
    from varselspel.engine import Session

    assert isinstance(session, Session)
    assert session.execute(StartSession()).ok
    assert session.execute(StartRound()).ok
    assert session.execute(ChooseOption(group="g1", decision="r1.ledning", option="vanta")).ok


def test_list_sessions_reports_each_file(bundle: ScenarioBundle, tmp_path: Path) -> None:
    first = create_session(bundle, ["A", "B"], seed=1, folder=tmp_path, title="Förmiddag")
    play_a_little(first)
    second = create_session(bundle, ["C"], seed=1, folder=tmp_path, title="Eftermiddag")
    first.close()
    second.close()
    (tmp_path / f"trasig{SUFFIX}").write_bytes(b"not a database at all")
    found = {s.title or s.path.name: s for s in list_sessions(tmp_path)}
    assert found["Förmiddag"].groups == ["A", "B"]
    assert found["Förmiddag"].phase == "ready"
    assert found["Förmiddag"].events == 9
    assert found["Eftermiddag"].phase == "setup"
    assert found[f"trasig{SUFFIX}"].error
    data = found["Förmiddag"].to_json()
    assert data["scenario_id"] == "testbruket" and data["last_change"]
    assert len(str(data["id"])) == 32


def test_corrupt_file_gives_clear_error_and_stays_unchanged(tmp_path: Path) -> None:
    path = tmp_path / f"x{SUFFIX}"
    path.write_bytes(b"garbage" * 100)
    with pytest.raises(StoreError) as caught:
        open_session(path)
    assert caught.value.code == "corrupt"
    assert "skadad" in str(caught.value)
    assert path.read_bytes() == b"garbage" * 100


def test_damaged_pages_are_reported(bundle: ScenarioBundle, tmp_path: Path) -> None:
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    for n in range(200):
        assert session.execute(WriteNote(text=f"anteckning {n} " * 20)).ok
    path = session.journal.path  # type: ignore[attr-defined]
    session.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\xff" * (4096 * 4)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as caught:
        open_session(path)
    assert caught.value.code == "corrupt"


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / f"other{SUFFIX}"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as caught:
        open_session(path)
    assert caught.value.code == "corrupt"


def test_newer_file_format_is_refused(bundle: ScenarioBundle, tmp_path: Path) -> None:
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    path = session.journal.path  # type: ignore[attr-defined]
    session.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    set_lang("en")
    with pytest.raises(StoreError) as caught:
        open_session(path)
    assert caught.value.code == "too_new"
    assert "Update varselspel" in str(caught.value)


def test_migrations_are_recorded(bundle: ScenarioBundle, tmp_path: Path) -> None:
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    store = session.journal
    assert isinstance(store, SessionStore)
    assert [m[0] for m in store.migrations()] == list(range(1, SCHEMA_VERSION + 1))
    session.close()


def test_missing_and_existing_files(bundle: ScenarioBundle, tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        open_session(tmp_path / "nope.varselspel")
    assert caught.value.code == "not_found"
    first = create_session(bundle, ["A"], seed=1, path=tmp_path / "s.varselspel")
    first.close()
    with pytest.raises(StoreError) as again:
        create_session(bundle, ["A"], seed=1, path=tmp_path / "s.varselspel")
    assert again.value.code == "exists"


def test_read_only_folder_gives_clear_error(bundle: ScenarioBundle, tmp_path: Path) -> None:
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    path = session.journal.path  # type: ignore[attr-defined]
    session.close()
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        try:
            with pytest.raises(StoreError) as caught:
                create_session(bundle, ["A"], seed=1, folder=locked)
            assert caught.value.code == "read_only"
        finally:
            locked.chmod(0o755)
    # Root ignores file modes, so also check a read-only connection: refused, file unchanged.
    before = path.read_bytes()
    viewer = open_session(path, read_only=True)
    with pytest.raises(StoreError) as caught:
        viewer.execute(WriteNote(text="x"))
    assert caught.value.code == "read_only"
    assert viewer.seq == 1
    viewer.close()
    assert path.read_bytes() == before


def test_full_disk_keeps_earlier_events_and_recovers(
    bundle: ScenarioBundle, tmp_path: Path
) -> None:
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    store = session.journal
    assert isinstance(store, SessionStore)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
    accepted = 0
    with pytest.raises(StoreError) as caught:
        for n in range(500):
            result = session.execute(WriteNote(text=f"{n} " + "lång anteckning " * 200))
            assert result.ok
            accepted += 1
    assert caught.value.code == "disk_full"
    assert "full" in str(caught.value)
    assert session.seq == accepted + 1
    assert len(session.state.notes) == accepted
    assert session.state == session.rebuild()
    # Space comes back: the session continues where it was.
    store.conn.execute("PRAGMA max_page_count = 1000000")
    assert session.execute(WriteNote(text="efteråt")).ok
    path = store.path
    state = session.state
    session.close()
    assert open_session(path).state == state


def test_two_handles_on_one_file_share_events(bundle: ScenarioBundle, tmp_path: Path) -> None:
    one = create_session(bundle, ["A", "B"], seed=1, folder=tmp_path)
    path = one.journal.path  # type: ignore[attr-defined]
    two = open_session(path)
    assert one.execute(WriteNote(text="från ett")).ok
    assert two.execute(WriteNote(text="från två")).ok  # sees "från ett" first
    assert [n.text for n in two.state.notes] == ["från ett", "från två"]
    assert one.refresh() == 1
    assert one.state == two.state
    assert [e.seq for e in one.events] == list(range(1, 5))
    one.close()
    two.close()


def test_older_file_is_migrated(tmp_path: Path) -> None:
    from varselspel.store.schema import APPLICATION_ID

    path = tmp_path / f"old{SUFFIX}"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 0")
    conn.execute("CREATE TABLE placeholder (x)")
    conn.commit()
    conn.close()
    store = SessionStore.open(path)
    assert [m[0] for m in store.migrations()] == list(range(1, SCHEMA_VERSION + 1))
    assert store.event_count() == 0
    store.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    check.close()


@pytest.mark.parametrize("schema", [1, 2])
def test_event_that_does_not_apply_is_reported(
    bundle: ScenarioBundle, tmp_path: Path, schema: int
) -> None:
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    path = session.journal.path  # type: ignore[attr-defined]
    session.close()
    conn = sqlite3.connect(path)
    event = {
        "seq": 2,
        "at": "2026-01-01T00:00:00Z",
        "actor": "facilitator",
        "command": {"type": "remove_group", "group": "g9"},
    }
    if schema == 2:
        event |= {"v": 2, "facts": [{"type": "group_removed", "group": "g9"}]}
    conn.execute(
        "INSERT INTO events (seq, at, actor, type, payload, schema)"
        " VALUES (2, '2026-01-01T00:00:00Z', 'facilitator', 'remove_group', ?, ?)",
        (json.dumps(event), schema),
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    set_lang("en")
    with pytest.raises(StoreError) as caught:
        open_session(path)
    assert caught.value.code == "corrupt" and caught.value.seq == 2
    assert "event 2" in str(caught.value) and "does not fit" in str(caught.value)
    assert path.read_bytes() == before


def test_summary_names_the_current_round(bundle: ScenarioBundle, tmp_path: Path) -> None:
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    play_a_little_single(session)
    session.close()
    (summary,) = list_sessions(tmp_path)
    assert summary.phase == "round" and summary.round_id == "r1"


def test_damaged_event_payload_is_reported(bundle: ScenarioBundle, tmp_path: Path) -> None:
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    assert session.execute(WriteNote(text="ok")).ok
    path = session.journal.path  # type: ignore[attr-defined]
    session.close()
    conn = sqlite3.connect(path)
    conn.execute('UPDATE events SET payload = \'{"seq": 2, "broken\' WHERE seq = 2')
    conn.commit()
    conn.close()
    set_lang("en")
    with pytest.raises(StoreError) as caught:
        open_session(path)
    assert caught.value.code == "corrupt" and caught.value.seq == 2
    assert "event 2: not valid JSON" in str(caught.value)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (OSError(errno.EACCES, "Permission denied"), "read_only"),
        (OSError(errno.EROFS, "Read-only file system"), "read_only"),
        (OSError(errno.ENOSPC, "No space left on device"), "disk_full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read_only"),
        (sqlite3.OperationalError("database or disk is full"), "disk_full"),
        (sqlite3.OperationalError("database is locked"), "busy"),
        (sqlite3.DatabaseError("file is not a database"), "corrupt"),
        (sqlite3.DatabaseError("database disk image is malformed"), "corrupt"),
    ],
)
def test_errors_are_classified_for_the_user(error: BaseException, code: str) -> None:
    found = classify(error, "/x/s.varselspel")
    assert found.code == code
    assert "/x/s.varselspel" in str(found) and "Traceback" not in str(found)


def test_read_only_folder_even_for_root(
    bundle: ScenarioBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root may write anywhere, so make SQLite fail the way it does in a folder without write
    # permission: the user must get "read-only", not a generic failure.
    import varselspel.store.errors as errors_module
    import varselspel.store.sqlite as sqlite_module

    def refuse(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite_module, "_connect", refuse)
    monkeypatch.setattr(errors_module, "writable", lambda folder: False)
    set_lang("en")
    with pytest.raises(StoreError) as caught:
        create_session(bundle, ["A"], seed=1, folder=tmp_path)
    assert caught.value.code == "read_only"
    assert "read-only" in str(caught.value)
    assert list(tmp_path.iterdir()) == []
