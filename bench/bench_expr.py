"""Expression and checker benchmarks: compile + check of the stress scenario, evaluation speed.

Run: `.venv/bin/python bench/bench_expr.py` (`--quick`: a small stress scenario and fewer
repeats, figures printed, no target asserted). Figures printed:
- compile_scenario and check_scenario on the stress scenario (60 rounds, 1 500 injects,
  600 decisions, 3 000 options) beside a bare `yaml.load(..., CSafeLoader)` of the same text
  (the issue's target is the whole `validate` at most 3x the bare YAML load);
- conditions evaluated and effects applied per second on the bundled scenarios (the engine's
  `simulate --runs 1000` must finish under 10 s for an ~8-round scenario).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_stress import generate

import varselspel.expr.compile as expr_compile
from varselspel.check import check_scenario
from varselspel.expr import compile_scenario
from varselspel.loader import load_role_library, load_scenario_file, load_scenario_text
from varselspel.resources import bundled_roles_dir, bundled_scenarios_dir


def _timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def stress(quick: bool) -> None:
    """Time the stress scenario's YAML load, compile and check."""
    text = generate(rounds=6, injects=30, decisions=12) if quick else generate()
    yaml_s, _ = _timed(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    load_s, load = _timed(lambda: load_scenario_text(text, "stress.yaml"))
    library = load_role_library([bundled_roles_dir()])
    expr_compile._last.clear()
    compile_s, (_, problems) = _timed(lambda: compile_scenario(load.scenario))
    expr_compile._last.clear()
    check_s, diags = _timed(
        lambda: check_scenario(
            load.scenario, library.roles, load.positions, "stress.yaml", text=load.text
        )
    )
    print(f"stress scenario: {len(text) / 1e6:.1f} MB, {len(problems)} expression problems")
    print(f"  yaml.load CSafeLoader      {yaml_s:6.3f} s")
    print(f"  loader (YAML + models)     {load_s:6.3f} s")
    print(f"  compile_scenario           {compile_s:6.3f} s")
    print(f"  check_scenario (+compile)  {check_s:6.3f} s  ({len(diags)} diagnostics)")
    total = load_s + check_s
    print(
        f"  loader + checker           {total:6.3f} s = {total / yaml_s:.2f}x bare YAML (target <= 3x)"
    )


def evaluation(quick: bool) -> None:
    """Measure evaluation speed over every condition and effect of the bundled scenarios."""
    for path in sorted(bundled_scenarios_dir().glob("*.yaml")):
        load = load_scenario_file(path)
        if load.scenario is None:
            continue
        compiled, _ = compile_scenario(load.scenario)
        conditions = [e.condition for e in compiled.expressions if e.condition is not None]
        effects = [e.effect for e in compiled.expressions if e.effect is not None]
        env = compiled.new_env()
        repeat = 20 if quick else 2000
        start = time.perf_counter()
        for _ in range(repeat):
            for condition in conditions:
                condition.evaluate(env)
        cond_s = time.perf_counter() - start
        start = time.perf_counter()
        for _ in range(repeat):
            fresh = compiled.new_env()
            for effect in effects:
                effect.apply(fresh)
        eff_s = time.perf_counter() - start
        cond_rate = len(conditions) * repeat / cond_s if conditions else 0.0
        eff_rate = len(effects) * repeat / eff_s if effects else 0.0
        print(
            f"{path.name}: {len(conditions)} conditions, {len(effects)} effects;"
            f" {cond_rate / 1e6:.2f} M conditions/s, {eff_rate / 1e6:.2f} M effects/s"
            f" (a whole play-through of all effects: {eff_s / repeat * 1e6:.0f} µs)"
        )


def main() -> int:
    """Run both benchmarks; the figures are read, not judged, so this always succeeds."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes, figures printed, no target asserted"
    )
    args = parser.parse_args()
    stress(args.quick)
    evaluation(args.quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
