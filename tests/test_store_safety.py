"""Session files that copy, create, list and fail safely: each fault of issue 10 has its test."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from varselspel import __version__
from varselspel.cli import main
from varselspel.engine import Session, StartRound, StartSession, WriteNote
from varselspel.export import export_session
from varselspel.i18n import set_lang
from varselspel.loader import ScenarioBundle, load_bundle
from varselspel.store import (
    SUFFIX,
    SessionStore,
    StoreError,
    copy_session,
    create_session,
    list_sessions,
    open_session,
)

FIXTURE = Path(__file__).parent / "fixtures" / "engine" / "scenario.yaml"
MARK = "HEMLIG\x1b]0;titel\x07"
"""Text planted in damaged payloads: a message must never repeat it."""


@pytest.fixture(scope="module")
def bundle() -> ScenarioBundle:
    result = load_bundle(FIXTURE)
    assert result.bundle is not None
    return result.bundle


def stored(bundle: ScenarioBundle, folder: Path, notes: int = 3, title: str = "") -> Path:
    """Create a closed session file with a few notes and return its path."""
    session = create_session(bundle, ["A", "B"], seed=1, folder=folder, title=title)
    for n in range(notes):
        assert session.execute(WriteNote(text=f"anteckning {n}")).ok
    path = session.path
    assert path is not None
    session.close()
    return path


def set_payload(path: Path, seq: int, payload: object) -> None:
    """Overwrite one event's stored payload (text or bytes) behind the store's back."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET payload = ? WHERE seq = ?", (payload, seq))
    conn.commit()
    conn.close()


def files(folder: Path) -> list[str]:
    """Return the names in a folder, sorted."""
    return sorted(p.name for p in folder.iterdir())


# --- every decoding error names the file, the event and what is wrong ------------------------

PAYLOADS = {
    "list": ("[]", "not_object", ""),
    "cut": ('{"seq": 2, "broken' + MARK, "not_json", ""),
    "bytes": (b"\xff\xfe" + MARK.encode(), "not_utf8", ""),
    "no-facts": (
        json.dumps(
            {
                "v": 2,
                "seq": 2,
                "at": "2026-01-01T00:00:00Z",
                "actor": "facilitator",
                "command": {"type": "add_group", "name": MARK, "group": "g2"},
            }
        ),
        "invalid",
        "facts",
    ),
    "newer": (json.dumps({"v": 9, "seq": 2, "note": MARK}), "too_new", ""),
    "wrong-seq": (
        json.dumps(
            {
                "v": 2,
                "seq": 7,
                "at": "2026-01-01T00:00:00Z",
                "actor": "facilitator",
                "command": {"type": "add_group", "name": "B", "group": "g2"},
                "facts": [],
            }
        ),
        "seq",
        "",
    ),
}


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_every_damaged_payload_is_a_store_error_with_file_seq_and_problem(
    bundle: ScenarioBundle, tmp_path: Path, kind: str
) -> None:
    payload, problem, field = PAYLOADS[kind]
    path = stored(bundle, tmp_path)
    set_payload(path, 2, payload)  # the second group's add_group, which the list reads too
    before = path.read_bytes()
    set_lang("en")
    with pytest.raises(StoreError) as caught:
        open_session(path)
    error = caught.value
    assert (error.code, error.seq, error.params["problem"]) == ("corrupt", 2, problem)
    assert error.params.get("field", "") == field
    text = str(error)
    assert str(path) in text and "event 2" in text
    assert "HEMLIG" not in text and "\x1b" not in text and "\\x" not in text
    assert path.read_bytes() == before
    # The list shows the same reason in the file's own row.
    (row,) = list_sessions(tmp_path)
    assert row.problem is not None and row.problem.seq == 2 and "event 2" in row.error


def test_one_malformed_file_does_not_hide_the_others(
    bundle: ScenarioBundle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = stored(bundle, tmp_path, title="Förmiddag")
    bad = stored(bundle, tmp_path, title="Eftermiddag")
    # `[]` in an add_group row: the summary reads that row, and it used to raise TypeError.
    set_payload(bad, 1, "[]")
    found = {s.path: s for s in list_sessions(tmp_path)}
    assert set(found) == {good, bad}
    assert found[good].error == "" and found[good].groups == ["A", "B"]
    assert found[bad].problem is not None and found[bad].problem.code == "corrupt"
    assert found[bad].to_json()["error_code"] == "corrupt"
    assert main(["--lang", "en", "sessions", "--folder", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Förmiddag" in out and str(bad) in out and "event 1: not a JSON object" in out


def test_corrupt_text_is_reported_as_damage_not_as_a_failed_save(
    bundle: ScenarioBundle, tmp_path: Path
) -> None:
    path = stored(bundle, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE texts SET text = CAST(? AS TEXT) WHERE kind = 'scenario'",
        (b"id: x\n\xff\xfe " + MARK.encode(),),
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    for lang, saved in (("sv", "kunde inte sparas"), ("en", "could not be saved")):
        set_lang(lang)
        with pytest.raises(StoreError) as caught:
            open_session(path)
        text = str(caught.value)
        assert caught.value.code == "corrupt" and saved not in text
        assert "HEMLIG" not in text and "\x1b" not in text
    assert "UTF-8" in text
    assert path.read_bytes() == before


# --- opening a damaged file never changes it ----------------------------------------------------


def _rollback_journal_with_bad_event(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("UPDATE events SET payload = '[]' WHERE seq = 2")
    conn.commit()
    conn.close()


def _no_meta(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("DELETE FROM meta")
    conn.commit()
    conn.close()


def _older_format_without_tables(path: Path) -> None:
    from varselspel.store.schema import APPLICATION_ID

    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE placeholder (x)")
    conn.commit()
    conn.close()


def _bad_checksum(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("UPDATE texts SET sha256 = 'x' WHERE kind = 'scenario'")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "damage",
    [_rollback_journal_with_bad_event, _no_meta, _older_format_without_tables, _bad_checksum],
)
def test_opening_a_damaged_file_never_changes_it(
    bundle: ScenarioBundle, tmp_path: Path, damage: object
) -> None:
    path = stored(bundle, tmp_path)
    damage(path)  # type: ignore[operator]
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_session(path)
    assert caught.value.code == "corrupt"
    assert "Filen har inte ändrats" in str(caught.value)
    assert path.read_bytes() == before  # journal mode, format version and pages as they were
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


# --- read-only media ----------------------------------------------------------------------------


def test_a_session_on_read_only_media_opens_for_viewing_and_export(
    bundle: ScenarioBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import varselspel.store.sessions as sessions_module

    path = stored(bundle, tmp_path)
    before = path.read_bytes()
    # Root may write anywhere; make the medium read-only the way os.access reports it.
    monkeypatch.setattr(sessions_module, "writable", lambda target: False)
    session = open_session(path)
    assert session.read_only and session.seq == 5
    written = export_session(session, "md", tmp_path / "out", lang="sv", today=date(2026, 1, 1))
    assert written and written[0].is_file()
    with pytest.raises(StoreError) as caught:
        session.execute(WriteNote(text="x"))
    assert caught.value.code == "read_only"
    session.close()
    assert path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file modes")
def test_a_read_only_folder_really_opens_read_only(bundle: ScenarioBundle, tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    path = stored(bundle, folder)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        session = open_session(path)
        assert session.read_only and len(session.state.notes) == 3
        session.close()
    finally:
        folder.chmod(0o755)


def test_read_only_media_without_room_for_sqlites_files_read_as_immutable(
    bundle: ScenarioBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import varselspel.store.sqlite as sqlite_module

    path = stored(bundle, tmp_path)
    real = sqlite_module._connect

    def no_shm(
        target: Path, *, read_only: bool = False, immutable: bool = False
    ) -> sqlite3.Connection:
        if read_only and not immutable:
            raise sqlite3.OperationalError("unable to open database file")
        return real(target, read_only=read_only, immutable=immutable)

    monkeypatch.setattr(sqlite_module, "_connect", no_shm)
    session = open_session(path, read_only=True)
    assert len(session.state.notes) == 3
    session.close()
    # With unsaved changes in `-wal` an immutable read would miss them: say so instead.
    Path(f"{path}-wal").write_bytes(b"x" * 100)
    set_lang("en")
    with pytest.raises(StoreError) as caught:
        open_session(path, read_only=True)
    assert caught.value.code == "incomplete" and "-wal" in str(caught.value)


# --- copying, checkpointing, creating -----------------------------------------------------------


def test_copy_while_open_holds_every_acknowledged_event(
    bundle: ScenarioBundle, tmp_path: Path
) -> None:
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path / "live")
    for n in range(40):
        assert session.execute(WriteNote(text=f"n{n}")).ok
    path = session.path
    assert path is not None
    # A plain copy of the main file misses what is still only in `-wal`.
    naive = tmp_path / f"naive{SUFFIX}"
    shutil.copyfile(path, naive)
    viewer = open_session(naive, read_only=True)
    assert viewer.state.notes == []
    viewer.close()
    target = copy_session(path, tmp_path)
    assert target == tmp_path / path.name
    copy = open_session(target)
    assert copy.events == session.events and copy.state == session.state
    copy.close()
    assert [name for name in files(tmp_path) if not name.startswith("naive")] == sorted(
        ["live", path.name]
    )
    with pytest.raises(StoreError) as again:
        copy_session(path, tmp_path)
    assert again.value.code == "exists"
    session.close()


def test_sessions_copy_command(
    bundle: ScenarioBundle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = stored(bundle, tmp_path / "src", title="Workshop i mars")
    dest = tmp_path / "kopia.varselspel"
    assert main(["--lang", "en", "sessions", "copy", str(path), str(dest)]) == 0
    assert str(dest) in capsys.readouterr().out
    assert len(open_session(dest, read_only=True).state.notes) == 3
    assert main(["--lang", "en", "sessions", "copy", str(path), str(dest)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["--lang", "en", "sessions", "copy", "ingen-sådan", str(tmp_path)]) == 1
    assert "No session" in capsys.readouterr().err


def test_clean_close_leaves_the_main_file_complete(bundle: ScenarioBundle, tmp_path: Path) -> None:
    one = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    path = one.path
    assert path is not None
    other = open_session(path)  # another handle keeps the file open
    for n in range(30):
        assert one.execute(WriteNote(text=f"n{n}")).ok
    one.close()
    alone = tmp_path / "alone" / path.name
    alone.parent.mkdir()
    shutil.copyfile(path, alone)  # the main file only, as `cp` of it would
    assert len(open_session(alone).state.notes) == 30
    other.close()


def test_a_failed_create_leaves_nothing_behind(
    bundle: ScenarioBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real = SessionStore.append

    def disk_fills(self: SessionStore, event: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise StoreError("disk_full", self.path)
        real(self, event)  # type: ignore[arg-type]

    monkeypatch.setattr(SessionStore, "append", disk_fills)
    with pytest.raises(StoreError) as caught:
        create_session(bundle, ["A", "B", "C"], seed=1, folder=tmp_path)
    assert caught.value.code == "disk_full"
    assert files(tmp_path) == []
    assert list_sessions(tmp_path) == []


def test_events_record_their_schema_and_the_version_that_wrote_them(
    bundle: ScenarioBundle, tmp_path: Path
) -> None:
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    assert session.execute(StartSession()).ok and session.execute(StartRound()).ok
    path = session.path
    session.close()
    store = SessionStore.open(path, read_only=True)  # type: ignore[arg-type]
    assert store.writers() == [(1, 2, __version__), (2, 2, __version__), (3, 2, __version__)]
    store.close()
    payload = sqlite3.connect(path).execute("SELECT payload FROM events WHERE seq = 3").fetchone()
    data = json.loads(payload[0])
    assert data["v"] == 2 and data["command"]["type"] == "start_round"
    assert [fact["type"] for fact in data["facts"]] == ["round_started"]


def test_memory_session_is_not_read_only(bundle: ScenarioBundle) -> None:
    assert not Session.create(bundle, ["A"], seed=1).read_only


# --- the state saved at a clean close -----------------------------------------------------------


def test_a_clean_close_saves_the_state_and_the_next_open_folds_nothing(
    bundle: ScenarioBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import varselspel.engine.session as session_module

    first = create_session(bundle, ["A", "B"], seed=1, folder=tmp_path)
    for command in (StartSession(), StartRound(), WriteNote(text="x")):
        assert first.execute(command).ok
    path, state, events = first.path, first.state, first.events
    assert path is not None
    first.close()
    with monkeypatch.context() as patch:
        patch.setattr(session_module, "fold", _no_fold)
        patch.setattr(session_module, "apply_event", _no_fold)
        again = open_session(path)
        assert again.state == state and again.seq == len(events)
        assert again.events == events  # read when first asked for
        again.journal.close()
    # An undo needs the whole log: it is read, and the fold takes the event out.
    again = open_session(path)
    assert again.undo().ok and len(again.state.notes) == 0
    again.close()


def _no_fold(*args: object) -> None:
    raise AssertionError("folded")


def test_a_saved_state_that_does_not_fit_the_log_is_ignored(
    bundle: ScenarioBundle, tmp_path: Path
) -> None:
    path = stored(bundle, tmp_path)
    conn = sqlite3.connect(path)
    (state,) = conn.execute("SELECT state FROM saved_state").fetchone()
    conn.execute("UPDATE saved_state SET state = ?", (state.replace("anteckning 1", "ändrad"),))
    conn.commit()
    conn.close()
    session = open_session(path)
    assert [n.text for n in session.state.notes] == ["anteckning 0", "anteckning 1", "anteckning 2"]
    session.close()


def test_events_after_the_saved_state_are_folded_on_top(
    bundle: ScenarioBundle, tmp_path: Path
) -> None:
    path = stored(bundle, tmp_path)  # closed cleanly: a saved state at seq 5
    crashing = open_session(path)
    for n in range(3):
        assert crashing.execute(WriteNote(text=f"efter {n}")).ok
    state = crashing.state
    crashing.journal.close()  # as if the process died: no new state saved
    again = open_session(path)
    assert again.state == state == again.rebuild()
    again.close()
