"""The scenarios the launcher lists: bundled ones and those in folders given on the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from varselspel.diagnostics import Severity
from varselspel.resources import bundled_scenarios_dir


@dataclass(frozen=True)
class ScenarioEntry:
    """One scenario file as the launcher shows it; `error` is set when it cannot be played."""

    path: Path
    """The scenario file."""
    scenario_id: str = ""
    """The scenario's id, or the file's stem when it is broken."""
    title: str = ""
    """The scenario's title, or the file name when it is broken."""
    kind: str = ""
    """`varsel` or `etablering`."""
    minutes: int = 0
    """Length of the whole workshop in minutes."""
    rounds: int = 0
    """Number of rounds."""
    roles: int = 0
    """Number of roles."""
    summary: str = ""
    """The scenario's summary."""
    error: str = ""
    """The first error found, as `file:line:col: message`; empty when the file loads."""

    @property
    def broken(self) -> bool:
        """True when the scenario cannot be played."""
        return bool(self.error)


def scenario_files(dirs: list[Path]) -> list[Path]:
    """Return the YAML files directly in each folder (bundled first), without duplicates."""
    seen: set[Path] = set()
    files: list[Path] = []
    for folder in [bundled_scenarios_dir(), *dirs]:
        if folder.is_file():
            candidates = [folder]
        elif folder.is_dir():
            candidates = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
        else:
            continue
        for path in candidates:
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                files.append(path)
    return files


def describe(path: Path) -> ScenarioEntry:
    """Load one scenario file and describe it; any failure becomes the entry's error."""
    try:
        from varselspel.loader import load_scenario_file

        result = load_scenario_file(path)
    except Exception as exc:
        return ScenarioEntry(
            path=path, scenario_id=path.stem, title=path.name, error=f"{path.name}: {exc}"
        )
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    scenario = result.scenario
    if scenario is None or errors:
        first = errors[0] if errors else None
        message = f"{first.location()}: {first.message}" if first else path.name
        title = scenario.title if scenario is not None else path.name
        return ScenarioEntry(path=path, scenario_id=path.stem, title=title, error=message)
    return ScenarioEntry(
        path=path,
        scenario_id=scenario.id,
        title=scenario.title,
        kind=str(scenario.kind),
        minutes=scenario.duration_minutes,
        rounds=len(scenario.rounds),
        roles=len(scenario.roles),
        summary=scenario.summary,
    )


def list_scenarios(dirs: list[Path]) -> list[ScenarioEntry]:
    """Describe every scenario file in the bundled folder and in `dirs`."""
    return [describe(path) for path in scenario_files(dirs)]


def find_scenario(name: str, dirs: list[Path]) -> Path | None:
    """Return the scenario file for a path, a file stem or a scenario id, if there is one."""
    candidate = Path(name)
    if candidate.suffix in {".yaml", ".yml"} and candidate.is_file():
        return candidate
    for path in scenario_files(dirs):
        if path.stem == name:
            return path
    for entry in list_scenarios(dirs):
        if entry.scenario_id == name and not entry.broken:
            return entry.path
    return None
