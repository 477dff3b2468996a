"""Every file in the shared bad-yaml folder gets exactly the behaviour its README asks for."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BAD_YAML_DIR
from varselspel.diagnostics import Severity
from varselspel.loader import load_bundle, load_scenario_file

# file -> (code, line, column, Swedish message, English message)
EXPECTED: dict[str, tuple[str, int | None, int | None, str, str]] = {
    "tab-indent.yaml": (
        "Y004",
        4,
        1,
        "YAML-syntaxfel: tabbar är inte tillåtna för indrag; använd mellanslag",
        "YAML syntax error: tabs are not allowed for indentation; use spaces",
    ),
    "duplicate-key.yaml": (
        "Y006",
        4,
        1,
        "nyckeln `title` finns två gånger i samma mappning (rad 2 och rad 4)",
        "the key `title` appears twice in the same mapping (line 2 and line 4)",
    ),
    "python-tag.yaml": (
        "Y007",
        2,
        8,
        "okänd tagg `!!python/object/apply:os.system` vägras; en scenariofil får bara innehålla vanliga YAML-värden",
        "unknown tag `!!python/object/apply:os.system` refused; a scenario file may only hold plain YAML values",
    ),
    "alias-bomb.yaml": (
        "Y008",
        6,
        8,
        "för många alias: att expandera dem skulle ge mer än 100000 värden; filen vägras",
        "too many aliases: expanding them would produce more than 100000 values; the file is refused",
    ),
    "latin1-encoded.yaml": (
        "Y001",
        2,
        12,
        "filen är inte UTF-8: byten 0xE4 på rad 2, kolumn 12 är ogiltig; spara filen som UTF-8",
        "the file is not UTF-8: byte 0xE4 at line 2, column 12 is invalid; save the file as UTF-8",
    ),
    "empty.yaml": ("Y002", None, None, "filen är tom", "the file is empty"),
    "top-level-list.yaml": (
        "Y012",
        1,
        1,
        "ett scenario måste vara en mappning (nyckel: värde), inte en lista",
        "a scenario must be a mapping (key: value), not a list",
    ),
    "unclosed-quote.yaml": (
        "Y005",
        2,
        8,
        "YAML-syntaxfel: citattecknet här stängs aldrig",
        "YAML syntax error: the quote here is never closed",
    ),
}

PWNED = Path("/tmp/varselspel-pwned")


def test_every_bad_file_is_covered() -> None:
    """The table above names exactly the files in the folder and in its README."""
    on_disk = {p.name for p in BAD_YAML_DIR.glob("*.yaml")}
    readme = (BAD_YAML_DIR / "README.md").read_text(encoding="utf-8")
    in_readme = set(re.findall(r"^\| ([\w.-]+\.yaml) \|", readme, flags=re.MULTILINE))
    assert on_disk == set(EXPECTED) == in_readme


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_bad_file_gives_exact_diagnostic(name: str, lang: str) -> None:
    """Loading the file yields exactly one error with the expected code, message and position."""
    code, line, column, sv, en = EXPECTED[name]
    path = BAD_YAML_DIR / name
    result = load_scenario_file(path, lang=lang)
    assert result.scenario is None
    assert len(result.diagnostics) == 1, result.diagnostics
    diag = result.diagnostics[0]
    assert diag.severity is Severity.ERROR
    assert diag.code == code
    assert diag.message == (sv if lang == "sv" else en)
    assert (diag.line, diag.column) == (line, column)
    assert diag.file == str(path)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bundle_of_bad_file_has_no_bundle(name: str) -> None:
    """The bundle loader reports the same single error and builds nothing."""
    result = load_bundle(BAD_YAML_DIR / name)
    assert result.bundle is None
    assert [d.code for d in result.diagnostics] == [EXPECTED[name][0]]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_command_on_bad_file(name: str, tmp_path: Path) -> None:
    """`varselspel validate FILE` exits 1 with `file:line:col: fel CODE: message`, no traceback."""
    code, line, column, sv, _en = EXPECTED[name]
    path = BAD_YAML_DIR / name
    before = sorted(p.name for p in tmp_path.iterdir())
    env = {**os.environ, "VARSELSPEL_LANG": "sv"}
    done = subprocess.run(
        [sys.executable, "-m", "varselspel", "validate", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=30,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    where = ":".join(str(part) for part in (path, line, column) if part is not None)
    assert f"{where}: fel {code}: {sv}" in done.stdout.splitlines()
    assert done.stdout.splitlines()[-1] == "Kontrollerade 1 fil: 1 fel, 0 varningar."
    # Nothing was written: not in the working folder, and the python tag never ran.
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not PWNED.exists()


def test_python_tag_is_never_executed() -> None:
    """Loading the python-tag file in-process runs nothing."""
    load_scenario_file(BAD_YAML_DIR / "python-tag.yaml")
    assert not PWNED.exists()


def test_windows_file_with_bom_and_crlf_loads(tmp_path: Path) -> None:
    """UTF-8 with BOM and CRLF line endings is valid and reads like the plain file."""
    text = "id: fönster\ntitle: 'Åre'\nnested:\n  key: värde\n"
    plain = tmp_path / "plain.yaml"
    windows = tmp_path / "windows.yaml"
    plain.write_bytes(text.encode("utf-8"))
    windows.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    a = load_scenario_file(plain)
    b = load_scenario_file(windows)
    # Both fail the schema the same way (it is not a full scenario) but read identically.
    assert [d.code for d in a.diagnostics] == [d.code for d in b.diagnostics]
    assert [(d.line, d.column) for d in a.diagnostics] == [
        (d.line, d.column) for d in b.diagnostics
    ]
    assert a.positions == b.positions
    assert "Y" not in "".join(d.code[0] for d in b.diagnostics)


def test_windows_copy_of_a_real_scenario_validates(tmp_path: Path) -> None:
    """A bundled scenario saved the Windows way (BOM, CRLF) loads into a bundle, positions equal."""
    from varselspel.resources import bundled_scenarios_dir

    source = bundled_scenarios_dir() / "demo.yaml"
    text = source.read_text(encoding="utf-8")
    windows = tmp_path / "scenarios" / "demo.yaml"
    windows.parent.mkdir()
    windows.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = load_bundle(windows)
    assert [d.format() for d in result.diagnostics if d.severity is Severity.ERROR] == []
    assert result.bundle is not None
    assert result.load is not None
    assert result.load.positions == load_scenario_file(source).positions


BOUNDS_SCRIPT = """
import json, resource, sys, time
from pathlib import Path
from varselspel.loader import load_bundle

def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

report = {"base_mb": peak_mb(), "files": {}}
for name in sys.argv[1:]:
    started = time.perf_counter()
    result = load_bundle(Path(name))
    report["files"][Path(name).name] = {
        "seconds": time.perf_counter() - started,
        "peak_mb": peak_mb(),
        "codes": sorted({d.code for d in result.diagnostics}),
    }
print(json.dumps(report))
"""

SECONDS_PER_FILE = 5.0
""""Within a few seconds": the most one bad file may take to be refused."""
MEMORY_GROWTH_MB = 256
""""Modest memory": how much the whole run may grow the process beyond its imports."""
ADDRESS_SPACE = 2 * 1024**3
"""The child's address-space limit: a file that tried to expand for real would fail on it."""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="resource limits need POSIX")
def test_every_bad_file_is_refused_within_time_and_memory(tmp_path: Path) -> None:
    """The README's promise, measured: each file is refused in seconds, memory stays modest.

    All files load in one child process under an address-space and a CPU-time limit; the
    4 MB string aliased 1 000 times (4 GB expanded) is made here and measured with them.
    """
    import json
    import resource

    big = tmp_path / "alias-4mb.yaml"
    big.write_text(
        "id: x\nbig: &big " + "a" * 4_000_000 + "\nmany:\n" + "  - *big\n" * 1000,
        encoding="utf-8",
    )
    files = [str(BAD_YAML_DIR / name) for name in sorted(EXPECTED)] + [str(big)]

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))

    done = subprocess.run(
        [sys.executable, "-c", BOUNDS_SCRIPT, *files],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limits,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    measured = report["files"]
    assert set(measured) == {Path(f).name for f in files}
    for name, figures in measured.items():
        assert figures["seconds"] < SECONDS_PER_FILE, (name, figures)
        assert figures["codes"], name
    assert measured["alias-4mb.yaml"]["codes"] == ["Y019"]
    assert measured["alias-bomb.yaml"]["codes"] == ["Y008"]
    growth = max(f["peak_mb"] for f in measured.values()) - report["base_mb"]
    assert growth < MEMORY_GROWTH_MB, report
