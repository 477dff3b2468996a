"""Workshop-app benchmarks with the targets of issue 9; prints its figures.

Run: `.venv/bin/python bench/bench_tui.py` (`--quick`: fewer starts and key presses, figures
printed, no target asserted). Targets:
- process start to the launcher's first interactive frame: at most 1.3 × a minimal Textual app
  showing one static line, both measured in this run (median of several starts each);
- key press to rendered result when choosing an option with 8 groups in play: median under 30 ms
  (through Pilot: the key is sent to the app's driver, the clock stops at the next frame
  drawn after the engine recorded the choice);
- peak memory (resident set) during a full demo play-through through the UI: under 120 MB.
"""

from __future__ import annotations

import argparse
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

TESTS_TUI = Path(__file__).resolve().parents[1] / "tests" / "tui"
"""The app tests, whose helpers drive the app here exactly as the tests do."""

FIXED_NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

STARTUP_RATIO = 1.3
CHOOSE_MS = 30.0
PEAK_MB = 120.0

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

PLAY_THROUGH = """
import resource, sys
sys.path.insert(0, sys.argv[1])
from datetime import UTC, datetime
from varselspel.tui.app import create_app
from test_play_demo import play_workshop
from tui_helpers import drive

app = create_app(open_target="demo", store_dir=sys.argv[2],
                 clock=lambda: datetime(2026, 3, 2, 9, 0, tzinfo=UTC), live_timer=False)
app.animation_level = "none"
drive(app, play_workshop)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def time_to_first_frame(code: str, *args: str) -> float:
    """Start a fresh interpreter running `code`; return seconds until its first frame."""
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return float(result.stdout.strip().splitlines()[-1]) - start


def bench_startup(runs: int) -> tuple[float, float]:
    """Return the median start-up times of the minimal app and of the launcher."""
    store = tempfile.mkdtemp()
    minimal: list[float] = []
    launcher: list[float] = []
    time_to_first_frame(MINIMAL_APP)  # warm the file cache for both
    time_to_first_frame(LAUNCHER_APP, store)
    for _ in range(runs):
        minimal.append(time_to_first_frame(MINIMAL_APP))
        launcher.append(time_to_first_frame(LAUNCHER_APP, store))
    return statistics.median(minimal), statistics.median(launcher)


async def bench_choose(groups: int, presses: int) -> list[float]:
    """Choose options on the hot seat with `groups` groups; return key-to-frame times in seconds."""
    from textual import events
    from tui_helpers import settle

    from varselspel.engine import AddGroup, AddParticipant, AssignRole, StartRound, StartSession
    from varselspel.tui import flow
    from varselspel.tui.app import create_app

    app: Any = create_app(
        open_target="demo", store_dir=tempfile.mkdtemp(), clock=lambda: FIXED_NOW, live_timer=False
    )
    app.animation_level = "none"
    frames: list[float] = []
    original_display = app._display

    def display(*args: Any, **kwargs: Any) -> Any:
        frames.append(time.perf_counter())
        return original_display(*args, **kwargs)

    app._display = display
    times: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, "SetupScreen")
        session = app.session
        for n in range(3, groups + 1):
            session.execute(AddGroup(name=f"Grupp {n}"))
        for gid in session.state.groups:
            result = session.execute(AddParticipant(group=gid, name="Deltagare", organisation=""))
            pid = result.event.command.participant
            for role in session.scenario.roles:
                session.execute(AssignRole(group=gid, role=role.role, participant=pid))
        session.execute(StartSession())
        session.execute(StartRound())
        app.session_changed()
        flow.show_phase(app)
        await settle(pilot, "ProjectorScreen")
        await pilot.press("1")
        await settle(pilot, "GroupScreen")
        driver = app._driver
        for index in range(presses):
            # Alternate between the first two options: move, then choose with Enter.
            await pilot.press("up" if index % 2 else "down")
            await settle(pilot, "GroupScreen")
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
            await settle(pilot, "GroupScreen")
    return times


def bench_memory() -> float:
    """Play the demo through the UI in a fresh process; return its peak resident set in MB."""
    with tempfile.TemporaryDirectory() as store:
        result = subprocess.run(
            [sys.executable, "-c", PLAY_THROUGH, str(TESTS_TUI), store],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
        )
    if result.returncode != 0:
        raise RuntimeError(f"the demo play-through failed:\n{result.stderr[-4000:]}")
    return int(result.stdout.strip().splitlines()[-1]) / 1024


def verdict(good: bool, quick: bool) -> str:
    """Say whether a figure meets its target (not judged in quick mode)."""
    if quick:
        return "(quick: not judged)"
    return "OK" if good else "MISSED"


def main() -> int:
    """Run the benchmarks and print the figures against their targets."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes, figures printed, no target asserted"
    )
    args = parser.parse_args()
    quick: bool = args.quick
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    sys.path.insert(0, str(TESTS_TUI))
    ok = True
    minimal, launcher = bench_startup(runs=1 if quick else 7)
    ratio = launcher / minimal
    ok &= ratio <= STARTUP_RATIO
    print(
        f"start-up: minimal app {minimal * 1000:.0f} ms, launcher {launcher * 1000:.0f} ms, "
        f"ratio {ratio:.2f} (target <= {STARTUP_RATIO}) {verdict(ratio <= STARTUP_RATIO, quick)}"
    )
    times = asyncio.run(bench_choose(groups=8, presses=4 if quick else 40))
    median = statistics.median(times) * 1000
    ok &= median < CHOOSE_MS
    print(
        f"choose an option, 8 groups: median {median:.1f} ms, max {max(times) * 1000:.1f} ms "
        f"over {len(times)} presses (target < {CHOOSE_MS:.0f} ms) "
        f"{verdict(median < CHOOSE_MS, quick)}"
    )
    peak = bench_memory()
    ok &= peak < PEAK_MB
    print(
        f"peak memory, demo play-through: {peak:.0f} MB (target < {PEAK_MB:.0f} MB) "
        f"{verdict(peak < PEAK_MB, quick)}"
    )
    return 0 if ok or quick else 1


if __name__ == "__main__":
    sys.exit(main())
