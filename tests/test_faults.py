"""Fault tests: SIGKILL mid-stream loses no acknowledged command; concurrent writers interleave."""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from varselspel.engine import WriteNote
from varselspel.loader import load_bundle
from varselspel.store import create_session, open_session

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parent / "fixtures" / "engine" / "scenario.yaml"

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


def test_sigkill_loses_no_acknowledged_command(tmp_path: Path) -> None:
    """Kill a writing process at random moments; every acknowledged command is in the file."""
    path = new_session_file(tmp_path)
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    acknowledged: dict[int, str] = {}
    for round_no in range(5):
        proc = start_writer(path, f"k{round_no}", 100_000)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "READY"
        wanted = rng.randint(1, 60)
        for _ in range(wanted):
            line = proc.stdout.readline().split()
            assert line and line[0] == "ACK", line
            acknowledged[int(line[1])] = line[2]
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
        session = open_session(path)
        texts = {e.seq: getattr(e.command, "text", None) for e in session.events}
        for seq, text in acknowledged.items():
            assert texts.get(seq) == text, f"acknowledged event {seq} lost"
        assert [e.seq for e in session.events] == list(range(1, session.seq + 1))
        assert session.state == session.rebuild()
        # The file accepts new commands after the crash.
        assert session.execute(WriteNote(text=f"after-{round_no}")).ok
        session.close()


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
