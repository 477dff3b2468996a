"""Export benchmarks: a 6-group session with 300 actions in all four formats, and import hygiene.

Run: `.venv/bin/python bench/bench_export.py` (`--quick`: 2 groups and 20 actions, figures
printed, no target asserted). Targets (issue 6): all four formats for the session under 1 s
together; `varselspel export` does not import Textual.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from varselspel.engine import (
    ActionFields,
    AddAction,
    ChooseOption,
    CloseRound,
    StartDebrief,
    StartRound,
    StartSession,
)
from varselspel.export import export_session, render_plan
from varselspel.loader import load_bundle
from varselspel.model.common import Level
from varselspel.plan import build_group_plan, build_synthesis
from varselspel.resources import bundled_scenarios_dir
from varselspel.store import create_session

GROUPS = 6
ACTIONS = 300
TARGET_S = 1.0


def _clock():  # type: ignore[no-untyped-def]
    """A clock that ticks one second per call."""
    start = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
    counter = iter(range(10**9))
    return lambda: start + timedelta(seconds=next(counter))


def build_session(path: Path, groups: int = GROUPS, actions: int = ACTIONS):  # type: ignore[no-untyped-def]
    """Play the demo with groups that choose options and write own actions between them."""
    bundle = load_bundle(bundled_scenarios_dir() / "demo.yaml").bundle
    assert bundle is not None
    session = create_session(
        bundle, [f"Grupp {i + 1}" for i in range(groups)], seed=1, path=path, clock=_clock()
    )
    session.execute(StartSession())
    scenario = bundle.scenario
    role_ids = [r.role for r in scenario.roles]
    per_round = actions // (groups * len(scenario.rounds)) + 1
    written = 0
    for _ in scenario.rounds:
        session.execute(StartRound())
        for gi, gid in enumerate(session.state.groups):
            for view in session.decisions_for(gid):
                if view.available:
                    option = view.available[gi % len(view.available)]
                    session.execute(
                        ChooseOption(group=gid, decision=view.key, option=option.id), actor=gid
                    )
            for k in range(per_round):
                if written >= actions:
                    break
                fields = ActionFields(
                    title=f"Åtgärd {gi + 1}.{written} för omställningen",
                    result="Fler i arbete eller studier inom ett år; " * 3,
                    responsible=role_ids[k % len(role_ids)],
                    partners=role_ids[:3],
                    level=list(Level)[k % 3],
                    timeframe=f"vecka {k + 1}",
                    financing=scenario.cards.financing[0].id if scenario.cards.financing else None,
                    indicator=scenario.indicators[0].id if scenario.indicators else None,
                )
                assert session.execute(AddAction(group=gid, fields=fields), actor=gid).ok
                written += 1
        session.execute(CloseRound())
    session.execute(StartDebrief())
    return session


def main() -> int:
    """Print the figures and return 1 when a target is missed (never in quick mode)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes, figures printed, no target asserted"
    )
    quick: bool = parser.parse_args().quick
    groups, actions = (2, 20) if quick else (GROUPS, ACTIONS)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        session = build_session(folder / "bench.varselspel", groups, actions)
        own = sum(len(g.actions) for g in session.state.groups.values())
        print(
            f"session: {groups} groups, {own} own actions, built in {time.perf_counter() - t0:.2f} s"
        )

        t0 = time.perf_counter()
        synthesis = build_synthesis(session, today=date(2026, 3, 12))
        t_build = time.perf_counter() - t0
        print(
            f"synthesis plan: {len(synthesis.actions)} merged actions, built in {t_build * 1000:.0f} ms"
        )

        total = t_build
        for fmt in ("md", "docx", "html", "json"):
            t0 = time.perf_counter()
            data = render_plan(synthesis, fmt)
            elapsed = time.perf_counter() - t0
            total += elapsed
            print(f"  {fmt:5s} {len(data) / 1024:8.1f} KiB  {elapsed * 1000:7.0f} ms")
        print(f"synthesis, all four formats: {total:.3f} s (target < {TARGET_S} s)")
        ok &= total < TARGET_S

        t0 = time.perf_counter()
        plans = [build_group_plan(session, gid) for gid in session.state.groups]
        n_actions = sum(len(p.actions) for p in plans)
        for plan in plans:
            for fmt in ("md", "docx", "html", "json"):
                render_plan(plan, fmt)
        per_group = time.perf_counter() - t0
        print(
            f"{groups} group plans ({n_actions} actions), all four formats: {per_group:.3f} s (target < {TARGET_S} s)"
        )
        ok &= per_group < TARGET_S

        t0 = time.perf_counter()
        paths = export_session(session, "all", folder / "out")
        full = time.perf_counter() - t0
        print(
            f"export_session all ({groups} groups + synthesis, {len(paths)} files, atomic writes): {full:.3f} s"
        )
        session.close()

        code = (
            "import sys; from varselspel.cli import main; rc = main(sys.argv[1:]);"
            "print('textual loaded:', any(m.split('.')[0] == 'textual' for m in sys.modules)); sys.exit(rc)"
        )
        t0 = time.perf_counter()
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                code,
                "export",
                str(folder / "bench.varselspel"),
                "--out",
                str(folder / "cli"),
                "--format",
                "md",
            ],
            capture_output=True,
            text=True,
            env={**os.environ},
            check=False,
        )
        cli_s = time.perf_counter() - t0
        loaded = "textual loaded: True" in result.stdout
        print(
            f"`varselspel export --format md` in a fresh process: {cli_s:.2f} s, exit {result.returncode}, Textual imported: {loaded}"
        )
        ok &= result.returncode == 0 and not loaded
    if quick:
        print("quick run: figures only, targets not judged")
        return 0
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
