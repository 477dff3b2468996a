"""The engine benchmark runs in its quick mode and prints every figure (no target checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_engine.py"


def test_bench_engine_quick_prints_its_figures() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for figure in (
        "apply one command to a session holding",
        "durability=full",
        "reopen 600 events (clean close)",
        "reopen 600 events (after a crash)",
        "simulate --runs 50",
        "modules importing Textual: none",
    ):
        assert figure in out, out
    assert " ms" in out and " s wall" in out
