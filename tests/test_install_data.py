"""The installed package carries its data, and the command works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from varselspel import __version__
from varselspel.resources import bundled_scenarios_dir

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DATA_PATTERNS = ("*.tcss", "*.schema.json")
"""Non-Python files inside the package source that the wheel must carry."""


def _source_checkout() -> bool:
    """True when the tests run from a source checkout with the project's files."""
    return (REPO_ROOT / "pyproject.toml").is_file() and (REPO_ROOT / "src" / "varselspel").is_dir()


def _command() -> list[str]:
    """Return the `varselspel` console script of this interpreter, else `python -m varselspel`."""
    script = Path(sys.executable).with_name("varselspel")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "varselspel"]


def expected_wheel_data() -> set[str]:
    """Return the data paths the wheel must hold, from the source tree."""
    expected = {f"varselspel/scenarios/{p.name}" for p in (REPO_ROOT / "scenarios").glob("*.yaml")}
    expected |= {f"varselspel/roles/{p.name}" for p in (REPO_ROOT / "roles").glob("*.yaml")}
    package = REPO_ROOT / "src" / "varselspel"
    for pattern in PACKAGE_DATA_PATTERNS:
        expected |= {
            "varselspel/" + p.relative_to(package).as_posix() for p in package.rglob(pattern)
        }
    return expected


@pytest.mark.slow
@pytest.mark.skipif(not _source_checkout(), reason="needs a source checkout")
def test_wheel_contains_all_data(tmp_path: Path) -> None:
    expected = expected_wheel_data()
    assert any(name.startswith("varselspel/scenarios/") for name in expected)
    assert any(name.startswith("varselspel/roles/") for name in expected)
    out = tmp_path / "wheel"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), "."],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wheels = list(out.glob("varselspel-*.whl"))
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(wheels[0]) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert sorted(expected - names) == []
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "varselspel = varselspel.cli:main" in (tmp_path / "site" / entry_points).read_text()
    # The unpacked wheel on its own finds its bundled data and validates it cleanly.
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    probe = (
        "import varselspel, varselspel.resources as r;"
        "print(varselspel.__file__); print(r.bundled_scenarios_dir()); print(r.bundled_roles_dir())"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert shown.returncode == 0, shown.stderr
    site = str((tmp_path / "site").resolve())
    lines = shown.stdout.splitlines()
    assert all(line.startswith(site) for line in lines), lines
    checked = subprocess.run(
        [sys.executable, "-m", "varselspel", "validate", lines[1], lines[2]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", sorted(bundled_scenarios_dir().glob("*.yaml")), ids=lambda p: p.stem
)
def test_validate_bundled_scenario_from_any_folder(tmp_path: Path, path: Path) -> None:
    proc = subprocess.run(
        [*_command(), "validate", str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


SOURCE_SCENARIOS = REPO_ROOT / "scenarios"
BUNDLED_IDS = sorted(
    path.stem
    for path in (SOURCE_SCENARIOS if SOURCE_SCENARIOS.is_dir() else bundled_scenarios_dir()).glob(
        "*.yaml"
    )
)
"""The scenario ids of the checkout (else of the installed package), which an install must carry."""


@pytest.mark.slow
def test_launcher_lists_every_bundled_scenario_from_the_installed_package(tmp_path: Path) -> None:
    probe = (
        "import varselspel.tui.catalog as c, varselspel.resources as r;"
        "print(r.bundled_scenarios_dir());"
        "[print(e.scenario_id, e.broken, e.path) for e in c.list_scenarios([])]"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert shown.returncode == 0, shown.stderr
    folder, *rows = shown.stdout.splitlines()
    entries = {row.split()[0]: row.split(maxsplit=2)[1:] for row in rows}
    assert sorted(entries) == BUNDLED_IDS
    for scenario_id, (broken, path) in entries.items():
        assert broken == "False", scenario_id
        assert Path(path).parent == Path(folder), (scenario_id, path)


@pytest.mark.slow
@pytest.mark.parametrize("scenario_id", BUNDLED_IDS)
def test_play_finds_every_bundled_scenario_by_id(tmp_path: Path, scenario_id: str) -> None:
    # Without a terminal the app cannot start, but only after the name was found.
    proc = subprocess.run(
        [*_command(), "--lang", "en", "play", scenario_id],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "No scenario or saved session called" not in proc.stderr, proc.stderr
    assert "The app needs a terminal" in proc.stderr, proc.stderr
    unknown = subprocess.run(
        [*_command(), "--lang", "en", "play", scenario_id + "-x"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert unknown.returncode == 1
    assert "No scenario or saved session called" in unknown.stderr
    assert scenario_id in unknown.stderr  # the bundled names are listed


@pytest.mark.slow
def test_module_version(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "varselspel", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"varselspel {__version__}"


def _run_into_closed_pipe(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run the command with stdout a pipe whose reader has already gone, like `| head -0`."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "varselspel", *args],
            cwd=cwd,
            stdout=write_end,
            stderr=subprocess.PIPE,
        )
    finally:
        os.close(write_end)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err.decode("utf-8", "replace")


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--format", "json", str(bundled_scenarios_dir())],
        ["validate", str(bundled_scenarios_dir())],
        ["--help"],
    ],
    ids=["validate-json", "validate-text", "help"],
)
def test_closed_pipe_is_quiet(tmp_path: Path, args: list[str]) -> None:
    code, err = _run_into_closed_pipe(args, tmp_path)
    assert "Traceback" not in err, err
    assert "BrokenPipeError" not in err, err
    assert code in (0, 1), (code, err)


@pytest.mark.slow
def test_head_reads_first_line(tmp_path: Path) -> None:
    # The reader stops after one line while the command may still be writing.
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "varselspel",
            "validate",
            "--format",
            "json",
            str(bundled_scenarios_dir()),
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = proc.wait(timeout=60)
    assert first.strip()
    assert "Traceback" not in err, err
    assert code in (0, 1), (code, err)
