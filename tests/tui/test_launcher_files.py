"""The launcher reads only regular files, and nothing it reads can keep the app from quitting.

Each case runs the app in a child process with a time limit: the failure this guards against is
a hang (a worker waiting in `open` on a named pipe, a process that outlives its window), which
inside the test process would hang the whole suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")

LIST_SCENARIOS = """
import asyncio, json, sys
from varselspel.tui.app import create_app

async def main() -> None:
    app = create_app(scenario_dirs=[sys.argv[1]], store_dir=sys.argv[2])
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(400):
            await pilot.pause()
            if getattr(app.screen, "loaded", False):
                break
        entries = [
            {"name": e.path.name, "broken": e.broken, "error": e.error}
            for e in getattr(app.screen, "entries", [])
        ]
        print(json.dumps({"loaded": app.screen.loaded, "entries": entries}))
        await pilot.press("ctrl+q", "j")

asyncio.run(main())
"""

BLOCKED_READ = """
import asyncio, sys, threading
import varselspel.tui.catalog as catalog
from varselspel.tui.app import create_app

# Stand-in for a read that never returns: a pipe nobody writes to, a share that went away.
catalog.list_scenarios = lambda dirs: threading.Event().wait()

async def main() -> None:
    app = create_app(store_dir=sys.argv[1])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q", "j")
        await pilot.pause()
    print("closed", flush=True)

asyncio.run(main())
"""


def child(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `script` in a fresh interpreter, failing the test if it has not ended in 60 s."""
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}
    try:
        return subprocess.run(
            [sys.executable, "-c", script, *args],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as hung:
        raise AssertionError(f"the app did not finish: {hung.stdout!r} {hung.stderr!r}") from None


def test_a_named_pipe_among_scenarios_is_listed_as_broken(tmp_path: Path) -> None:
    """A pipe named like a scenario is listed with its reason; the real scenarios still show."""
    folder = tmp_path / "scen"
    folder.mkdir()
    os.mkfifo(folder / "x.yaml")
    (folder / "mini.yaml").write_text(Path(MINI).read_text(encoding="utf-8"), encoding="utf-8")
    done = child(LIST_SCENARIOS, str(folder), str(tmp_path / "sessions"))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["loaded"]
    entries = {e["name"]: e for e in report["entries"]}
    assert "demo.yaml" in entries and not entries["mini.yaml"]["broken"]
    assert entries["x.yaml"]["broken"]
    assert "not a regular file" in entries["x.yaml"]["error"] or (
        "ingen vanlig fil" in entries["x.yaml"]["error"]
    )


def test_a_read_that_never_returns_does_not_keep_the_app_alive(tmp_path: Path) -> None:
    """Quitting while the launcher still reads ends the process."""
    done = child(BLOCKED_READ, str(tmp_path / "sessions"))
    assert done.returncode == 0, done.stderr
    assert "closed" in done.stdout


def test_the_loader_refuses_a_pipe_without_opening_it(tmp_path: Path) -> None:
    """Loading a pipe as a scenario or a role card gives Y000 at once."""
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    script = (
        "import sys; from varselspel.loader import load_scenario_file, load_role_file; "
        "a = load_scenario_file(sys.argv[1], lang='en').diagnostics; "
        "b = load_role_file(sys.argv[1], lang='en').diagnostics; "
        "print(a[0].code, b[0].code, a[0].message)"
    )
    done = child(script, str(pipe))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Y000 Y000 the file cannot be read: it is not a regular file")
