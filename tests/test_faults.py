"""Fault tests: SIGKILL mid-stream or mid-create loses nothing acknowledged; writers interleave."""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
import typing
from pathlib import Path

import pytest

from varselspel.engine import WriteNote
from varselspel.engine.commands import Command
from varselspel.loader import load_bundle
from varselspel.store import create_session, list_sessions, open_session

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parent / "fixtures" / "engine" / "scenario.yaml"

COMMAND_TYPES = sorted(
    kind.model_fields["type"].default for kind in typing.get_args(typing.get_args(Command)[0])
)
"""Every command type the engine knows."""
SEED = int(os.environ.get("VARSELSPEL_FAULT_SEED") or int.from_bytes(os.urandom(4), "big"))
"""Seed of every random choice here; set VARSELSPEL_FAULT_SEED to replay a failed run."""

WRITER = r"""
import sys
from varselspel.engine import WriteNote
from varselspel.store import open_session

import os, time

path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
go = sys.argv[4] if len(sys.argv) > 4 else ""
pause = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
session = open_session(path)
print("READY", flush=True)
while go and not os.path.exists(go):
    time.sleep(0.001)
for n in range(count):
    result = session.execute(WriteNote(text=f"{tag}-{n}"))
    if not result.ok:
        print("REFUSED", result.reason, flush=True)
        sys.exit(3)
    # Acknowledge only after execute returned: the event is committed durably by then.
    print("ACK", result.event.seq, f"{tag}-{n}", flush=True)
    if pause:
        time.sleep(pause)
session.close()
print("DONE", flush=True)
"""

PLAYER = r"""
import json, random, sys
from varselspel.engine import COMMAND_ADAPTER
from varselspel.store import open_session

path, pool_file, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
pool = [(COMMAND_ADAPTER.validate_python(c), actor) for c, actor in json.load(open(pool_file))]
rng = random.Random(seed)
session = open_session(path)
print("READY", flush=True)
order = list(pool)
rng.shuffle(order)  # the first pass sends every command of the pool, so every type
while True:
    command, actor = order.pop() if order else rng.choice(pool)
    result = session.execute(command, actor)
    if result.ok:
        # Acknowledged only once execute returned: the event is committed durably by then.
        print("ACK", result.event.seq, command.type, flush=True)
    else:
        print("NO", command.type, flush=True)
"""

CREATOR = r"""
import sys, time
import varselspel.store.sqlite as sqlite_module
from varselspel.loader import load_bundle
from varselspel.store import create_session

fixture, target = sys.argv[1], sys.argv[2]
real = sqlite_module.SessionStore.append

def slow(self, event):
    time.sleep(0.02)  # stretch the creation so a kill lands anywhere inside it
    real(self, event)

sqlite_module.SessionStore.append = slow
bundle = load_bundle(fixture).bundle
print("GO", flush=True)
create_session(bundle, [f"Grupp {n}" for n in range(1, 9)], seed=1, path=target)
print("DONE", flush=True)
time.sleep(60)
"""


def new_session_file(tmp_path: Path) -> Path:
    bundle = load_bundle(FIXTURE).bundle
    assert bundle is not None
    session = create_session(bundle, ["A"], seed=1, folder=tmp_path)
    path: Path = session.journal.path  # type: ignore[attr-defined]
    session.close()
    return path


def start_writer(path: Path, tag: str, count: int, go: Path | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    extra = [str(go), "0.002"] if go is not None else []
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), tag, str(count), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def start(script: str, *args: str) -> subprocess.Popen[str]:
    """Start a Python child process running `script` with `args`."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_sigkill_loses_no_acknowledged_command(tmp_path: Path) -> None:
    """Kill a process playing every kind of command at random moments; nothing acknowledged is lost."""
    print(f"fault seed: {SEED} (VARSELSPEL_FAULT_SEED={SEED} replays it)")
    from test_engine_fold import ENDINGS, POOL

    rng = random.Random(SEED)
    bundle = load_bundle(FIXTURE).bundle
    assert bundle is not None
    session = create_session(bundle, ["A", "B", "C"], seed=SEED % 1000, folder=tmp_path)
    path = session.path
    assert path is not None
    session.close()
    pool_file = tmp_path / "pool.json"
    pool_file.write_text(
        json.dumps([[c.model_dump(mode="json"), actor] for c, actor in [*POOL, *ENDINGS]]),
        encoding="utf-8",
    )
    acknowledged: dict[int, str] = {}
    sent: set[str] = set()
    for kill in range(5):
        proc = start(PLAYER, str(path), str(pool_file), str(rng.randrange(2**31)))
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "READY", f"seed {SEED}"
        wanted = rng.randint(20, 90)
        while wanted:
            line = proc.stdout.readline().split()
            assert line and line[0] in ("ACK", "NO"), (line, f"seed {SEED}")
            sent.add(line[-1])
            if line[0] == "ACK":
                acknowledged[int(line[1])] = line[2]
                wanted -= 1
        time.sleep(rng.random() * 0.02)  # let it run on into an uncommitted write
        proc.send_signal(signal.SIGKILL)
        # Complete lines printed before the kill were acknowledged too; a line cut short by the
        # kill was not yet an acknowledgement.
        for rest in proc.stdout.read().splitlines(keepends=True):
            parts = rest.split()
            if rest.endswith("\n") and len(parts) == 3 and parts[0] == "ACK":
                acknowledged[int(parts[1])] = parts[2]
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        again = open_session(path)
        kinds = {e.seq: e.command.type for e in again.events}
        for seq, kind in acknowledged.items():
            assert kinds.get(seq) == kind, f"acknowledged event {seq} lost (seed {SEED})"
        assert [e.seq for e in again.events] == list(range(1, again.seq + 1))
        assert again.state == again.rebuild(), f"seed {SEED}"
        # The file accepts new commands after the crash (an ended session only an undo).
        after = again.execute(WriteNote(text=f"after-{kill}"))
        if after.code == "session_ended":
            after = again.undo()
        assert after.ok, (after.reason, f"seed {SEED}")
        again.close()
    assert sent == set(COMMAND_TYPES), f"seed {SEED}"


def test_sigkill_during_create_leaves_a_whole_session_or_none(tmp_path: Path) -> None:
    """Kill `create_session` at random points: each file is complete with all groups, or absent."""
    print(f"fault seed: {SEED} (VARSELSPEL_FAULT_SEED={SEED} replays it)")
    rng = random.Random(SEED)
    folder = tmp_path / "sessions"
    folder.mkdir()
    outcomes = {"none": 0, "whole": 0}
    for attempt in range(12):
        target = folder / f"s{attempt}.varselspel"
        proc = start(CREATOR, str(FIXTURE), str(target))
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "GO", f"seed {SEED}"
        time.sleep(rng.uniform(0.0, 0.35))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        if not target.exists():
            outcomes["none"] += 1
            continue
        outcomes["whole"] += 1
        session = open_session(target, read_only=True)
        names = [g.name for g in session.state.groups.values()]
        assert names == [f"Grupp {n}" for n in range(1, 9)], f"seed {SEED}"
        assert session.info.scenario_id == "testbruket"
        session.close()
    print(f"killed before the file appeared: {outcomes['none']}, after: {outcomes['whole']}")
    # No half-made file is ever listed, damaged or otherwise.
    assert [s.error for s in list_sessions(folder)] == [""] * outcomes["whole"], f"seed {SEED}"


def test_two_processes_never_lose_or_duplicate_events(tmp_path: Path) -> None:
    """Two processes appending to one session interleave without losing or repeating events."""
    path = new_session_file(tmp_path)
    count = 150
    go = tmp_path / "go"
    writers = [start_writer(path, tag, count, go) for tag in ("left", "right")]
    for proc in writers:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "READY"
    go.touch()  # both start appending at the same moment
    outputs = []
    for proc in writers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outputs.append(out)
    session = open_session(path)
    notes = [n.text for n in session.state.notes]
    assert len(notes) == 2 * count
    assert len(set(notes)) == 2 * count
    for tag in ("left", "right"):
        mine = [n for n in notes if n.startswith(f"{tag}-")]
        assert mine == [f"{tag}-{n}" for n in range(count)]  # each writer's order is kept
    assert [e.seq for e in session.events] == list(range(1, 2 * count + 2))
    acked = [
        int(line.split()[1])
        for out in outputs
        for line in out.splitlines()
        if line.startswith("ACK")
    ]
    assert sorted(acked) == list(range(2, 2 * count + 2))
    switches = sum(1 for a, b in itertools.pairwise(notes) if a[:4] != b[:4])
    assert switches > 2  # the writers really did interleave
    session.close()
