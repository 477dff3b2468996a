"""Every benchmark runs in its quick mode, so a benchmark that no longer works fails the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
SCRIPTS = sorted(BENCH.glob("bench_*.py"))
LIMIT_S = 1200
"""Longest a quick run may take on a busy machine before it counts as hung (a bound, not a wait)."""


def test_there_are_benchmarks() -> None:
    """The glob finds the benchmark scripts (a moved folder would otherwise pass silently)."""
    assert len(SCRIPTS) >= 3, SCRIPTS


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_benchmark_runs_quick(script: Path) -> None:
    """`bench/<script> --quick` prints its figures and exits 0."""
    if "--quick" not in script.read_text(encoding="utf-8"):
        pytest.fail(f"{script.name} has no --quick mode: every bench script needs one", False)
    result = subprocess.run(
        [sys.executable, str(script), "--quick"],
        capture_output=True,
        text=True,
        timeout=LIMIT_S,
        cwd=BENCH.parent,
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
        check=False,
    )
    assert result.returncode == 0, (
        f"{script.name} --quick exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    )
    assert any(ch.isdigit() for ch in result.stdout), f"{script.name} printed no figures"
