"""Benchmark of the loader and `varselspel validate` against the targets of issue 2.

Prints, side by side in one run:
1. a generated stress scenario (60 rounds, 1 500 injects, 600 decisions, 3 000 options):
   `validate`'s work vs a bare `yaml.load(..., CSafeLoader)` of the same file (target: <= 3x);
2. `varselspel validate` on a normal bundled scenario as a subprocess (target: < 0.3 s wall,
   neither Textual nor python-docx imported);
3. every file in the bad-yaml fixtures (tests/fixtures/bad-yaml) (target: < 2 s and < 200 MB peak RSS each).

Run: `.venv/bin/python bench/bench_validate.py [--repeat N] [--quick]`. The exit code is 1 when a
target is missed. `--quick` measures a small stress scenario once or twice and prints the same
figures without holding them to the targets (the test suite runs it to keep the script working).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_stress import generate

REPO = Path(__file__).resolve().parents[1]
# Children run as a user's shell would: with bytecode caching on (some CI and sandbox shells set
# PYTHONDONTWRITEBYTECODE, which makes every start compile every module from source).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# The shared bad-yaml cases, as copied into the repository's test fixtures.
BAD_YAML = REPO / "tests" / "fixtures" / "bad-yaml"


def best_of(repeat: int, func: Callable[[], object]) -> tuple[float, float]:
    """Return the best and the median wall time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


_CHILD = (
    "import sys\n"
    "from varselspel.cli import main\n"
    "rc = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
    "sys.stderr.write('VMHWM ' + (hwm[0].split()[1] if hwm else '0') + '\\n')\n"
    "sys.exit(rc)\n"
)
"""A child that runs the CLI and reports its own peak RSS (VmHWM is reset by exec, unlike
ru_maxrss, which would include the forked parent's memory)."""


def run_child(args: list[str]) -> tuple[float, float, float, int]:
    """Run `varselspel ARGS` in a child; return wall s, CPU s (user+sys), peak RSS MB, exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, *args],
        env=CHILD_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak_kb = 0
    for line in err.splitlines():
        if line.startswith("VMHWM "):
            peak_kb = int(line.split()[1])
    return wall, usage.ru_utime + usage.ru_stime, peak_kb / 1024, proc.returncode


def run_plain(args: list[str]) -> tuple[float, float]:
    """Run a command; return its wall and CPU seconds."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, env=CHILD_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, _status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def verdict(ok: bool) -> str:
    """Return a short pass/fail mark."""
    return "OK  " if ok else "FAIL"


def bench_stress(repeat: int, quick: bool = False) -> bool:
    """Stress scenario: validate's work vs bare yaml.load, in process and as subprocesses."""
    from varselspel.cli.validate import check_paths
    from varselspel.diagnostics import Severity

    text = generate(rounds=6, injects=60, decisions=24, options_per=3) if quick else generate()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stress.yaml"
        path.write_text(text, encoding="utf-8")
        rounds = text.count("\n  - id: r")
        injects = text.count("\n      - id: r")
        decisions = text.count("\n      - id: b")
        options = text.count("\n          - id: a")
        print(
            f"stress scenario: {len(text.encode()) / 1e6:.2f} MB, {rounds} rounds, {injects} injects, "
            f"{decisions} decisions, {options} options"
        )

        def bare() -> object:
            with open(path, encoding="utf-8") as handle:
                return yaml.load(handle.read(), Loader=yaml.CSafeLoader)

        def validate() -> object:
            _files, _kinds, diags = check_paths([str(path)], lang="sv")
            errors = [d for d in diags if d.severity is Severity.ERROR]
            assert not errors, errors[:3]
            return diags

        validate()  # warm up: imports, schema building, role library
        bare_best, bare_med = best_of(repeat, bare)
        val_best, val_med = best_of(repeat, validate)
        ratio = val_best / bare_best
        print(f"  bare yaml.load(CSafeLoader)   best {bare_best:.3f} s  median {bare_med:.3f} s")
        print(f"  validate (in process)         best {val_best:.3f} s  median {val_med:.3f} s")
        print(f"  {verdict(ratio <= 3)} ratio validate / yaml.load = {ratio:.2f}x (target <= 3x)")

        load_code = (
            "import yaml,sys; yaml.load(open(sys.argv[1], encoding='utf-8').read(), "
            "Loader=yaml.CSafeLoader)"
        )
        sub_bare = min(
            run_plain([sys.executable, "-c", load_code, str(path)])[0] for _ in range(repeat)
        )
        sub_val = min(run_child(["validate", str(path)])[0] for _ in range(repeat))
        print(
            f"  as subprocesses (incl. start-up): yaml.load {sub_bare:.3f} s, "
            f"varselspel validate {sub_val:.3f} s, ratio {sub_val / sub_bare:.2f}x"
        )
        return ratio <= 3


def bench_normal(repeat: int) -> bool:
    """A normal bundled scenario: subprocess wall time and what gets imported."""
    from varselspel.resources import bundled_scenarios_dir

    candidates = sorted(bundled_scenarios_dir().glob("*.yaml"))
    if not candidates:
        print("normal scenario: none bundled yet")
        return False
    path = candidates[0]
    for candidate in candidates:
        if candidate.name == "demo.yaml":
            path = candidate
    exe = Path(sys.executable).with_name("varselspel")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "varselspel"]
    run_plain([*command, "validate", str(path)])  # warm up: writes the bytecode caches
    runs = [run_plain([*command, "validate", str(path)]) for _ in range(repeat)]
    walls = [wall for wall, _cpu in runs]
    best, median = min(walls), statistics.median(walls)
    cpu = statistics.median(c for _wall, c in runs)
    probe = (
        "import sys\nfrom varselspel.cli import main\n"
        f"main(['validate', {str(path)!r}])\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'docx'})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=CHILD_ENV
    )
    heavy = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    heavy = "" if heavy.endswith(".") else heavy  # the summary line means nothing was printed
    print(
        f"normal scenario {path.name}: `varselspel validate` wall best {best:.3f} s, "
        f"median {median:.3f} s; CPU median {cpu:.3f} s"
    )
    print(f"  {verdict(median < 0.3)} median < 0.3 s   (best {'<' if best < 0.3 else '>='} 0.3 s)")
    print(f"  {verdict(not heavy)} imports textual/docx: {heavy or 'neither'}")
    return median < 0.3 and not heavy


def bench_bad_yaml(quick: bool = False) -> bool:
    """Every bad-yaml file: wall time and peak RSS of `varselspel validate FILE`."""
    ok = True
    print("bad-yaml inputs (`varselspel validate FILE` in a fresh interpreter):")
    run_child(["validate", str(BAD_YAML / "empty.yaml")])  # warm up the bytecode caches
    paths = sorted(BAD_YAML.glob("*.yaml"))
    for path in paths[:2] if quick else paths:
        wall, cpu, peak, code = run_child(["validate", str(path)])
        good = wall < 2 and 0 < peak < 200 and code == 1
        ok = ok and good
        print(
            f"  {verdict(good)} {path.name:22s} exit {code}  wall {wall:.3f} s  CPU {cpu:.3f} s  "
            f"peak RSS {peak:.0f} MB"
        )
    return ok


def main() -> int:
    """Run every benchmark and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--quick", action="store_true", help="small inputs, figures only, no target asserted"
    )
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    # Bad inputs first, so the parent is still small when the children are forked.
    bad = bench_bad_yaml(args.quick)
    normal = bench_normal(2 if args.quick else max(repeat, 10))
    stress = bench_stress(repeat, args.quick)
    results = [bad, normal, stress]
    if args.quick:
        print("quick run: figures only, targets not asserted")
        return 0
    print("all targets met" if all(results) else "some targets missed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
