"""Workshop-app benchmarks with the targets of issue 5; prints its figures.

Run: `.venv/bin/python bench/bench_tui.py`. Targets:
- process start to the launcher's first interactive frame: at most 1.5 × a minimal Textual app
  showing one static line, both measured in this run (median of several starts each);
- key press to rendered result when choosing an option with 8 groups in play: median under 50 ms
  (through Pilot: the key is sent to the app's driver, the clock stops at the next frame
  drawn after the engine recorded the choice);
- peak memory (resident set) during a full demo play-through through the UI: under 150 MB.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RUNS = 7
FIXED_NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

MINIMAL_APP = """
import sys, time
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("varselspel")

    def on_ready(self):
        print(time.time())
        self.exit()

Minimal().run(headless=True)
"""

LAUNCHER_APP = """
import sys, time
from varselspel.tui.app import VarselApp, create_app

def on_ready(self):
    print(time.time())
    self.exit()

VarselApp.on_ready = on_ready
create_app(store_dir=sys.argv[1]).run(headless=True)
"""


def time_to_first_frame(code: str, *args: str) -> float:
    """Start a fresh interpreter running `code`; return seconds until its first frame."""
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip().splitlines()[-1]) - start


def bench_startup() -> tuple[float, float]:
    """Return the median start-up times of the minimal app and of the launcher."""
    store = tempfile.mkdtemp()
    minimal: list[float] = []
    launcher: list[float] = []
    time_to_first_frame(MINIMAL_APP)  # warm the file cache for both
    time_to_first_frame(LAUNCHER_APP, store)
    for _ in range(RUNS):
        minimal.append(time_to_first_frame(MINIMAL_APP))
        launcher.append(time_to_first_frame(LAUNCHER_APP, store))
    return statistics.median(minimal), statistics.median(launcher)


async def bench_choose(groups: int = 8, presses: int = 40) -> list[float]:
    """Choose options on the hot seat with `groups` groups; return key-to-frame times in seconds."""
    from textual import events

    from varselspel.engine import AddParticipant, AssignRole, StartRound, StartSession
    from varselspel.tui import flow
    from varselspel.tui.app import create_app

    app: Any = create_app(
        open_target="demo", store_dir=tempfile.mkdtemp(), clock=lambda: FIXED_NOW, live_timer=False
    )
    frames: list[float] = []
    original_display = app._display

    def display(*args: Any, **kwargs: Any) -> Any:
        frames.append(time.perf_counter())
        return original_display(*args, **kwargs)

    app._display = display
    times: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        session = app.session
        from varselspel.engine import AddGroup

        for n in range(3, groups + 1):
            session.execute(AddGroup(name=f"Grupp {n}"))
        for gid in session.state.groups:
            result = session.execute(AddParticipant(group=gid, name="Deltagare", organisation=""))
            pid = result.event.command.participant
            for role in session.scenario.roles:
                session.execute(AssignRole(group=gid, role=role.role, participant=pid))
        session.execute(StartSession())
        session.execute(StartRound())
        flow.show_phase(app)
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause(0.2)
        driver = app._driver
        for index in range(presses):
            # Alternate between the first two options: move, then choose with Enter.
            await pilot.press("up" if index % 2 else "down")
            await pilot.pause()
            before = session.seq
            frames.clear()
            sent = time.perf_counter()
            driver.send_message(events.Key("enter", "\r"))
            while True:
                await asyncio.sleep(0.0005)
                if session.seq > before and frames and frames[-1] > sent:
                    break
                if time.perf_counter() - sent > 5:
                    raise RuntimeError("no frame after the key press")
            # The frame that shows the choice is the first drawn after the engine recorded it.
            times.append(frames[-1] - sent)
            await pilot.pause()
    return times


PLAY_THROUGH = """
import asyncio, resource, sys
sys.path.insert(0, sys.argv[1])
from datetime import UTC, datetime
from varselspel.tui.app import create_app
from test_play_demo import drive

app = create_app(open_target="demo", store_dir=sys.argv[2],
                 clock=lambda: datetime(2026, 3, 2, 9, 0, tzinfo=UTC), live_timer=False)
asyncio.run(drive(app))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bench_memory() -> float:
    """Play the demo through the UI in a fresh process; return its peak resident set in MB."""
    tests = Path(__file__).resolve().parents[1] / "tests" / "tui"
    result = subprocess.run(
        [sys.executable, "-c", PLAY_THROUGH, str(tests), tempfile.mkdtemp()],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip().splitlines()[-1]) / 1024


def main() -> int:
    """Run the benchmarks and print the figures against their targets."""
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    ok = True
    minimal, launcher = bench_startup()
    ratio = launcher / minimal
    ok &= ratio <= 1.5
    print(
        f"start-up: minimal app {minimal * 1000:.0f} ms, launcher {launcher * 1000:.0f} ms, "
        f"ratio {ratio:.2f} (target <= 1.5) {'OK' if ratio <= 1.5 else 'MISSED'}"
    )
    times = asyncio.run(bench_choose())
    median = statistics.median(times) * 1000
    ok &= median < 50
    print(
        f"choose an option, 8 groups: median {median:.1f} ms, max {max(times) * 1000:.1f} ms "
        f"over {len(times)} presses (target < 50 ms) {'OK' if median < 50 else 'MISSED'}"
    )
    peak = bench_memory()
    ok &= peak < 150
    print(
        f"peak memory, demo play-through: {peak:.0f} MB (target < 150 MB) "
        f"{'OK' if peak < 150 else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
