"""Headless simulation: reachability, dead ends, indicator ranges and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from varselspel.cli import main
from varselspel.engine.simulate import simulate
from varselspel.loader import ScenarioBundle, load_bundle, load_bundle_from_texts

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "engine"
TEXT = (FIXTURE_DIR / "scenario.yaml").read_text(encoding="utf-8")
ROLES = {p.stem: p.read_text(encoding="utf-8") for p in (FIXTURE_DIR / "roles").glob("*.yaml")}


def bundle_from(text: str) -> ScenarioBundle:
    result = load_bundle_from_texts(text, ROLES, "variant.yaml")
    assert result.bundle is not None, [d.format() for d in result.diagnostics]
    return result.bundle


def test_reports_unreached_inject_and_ranges() -> None:
    bundle = load_bundle(FIXTURE_DIR / "scenario.yaml").bundle
    assert bundle is not None
    report = simulate(bundle, runs=300, seed=4)
    assert not report.exhaustive  # the scenario uses chans()
    assert report.runs == 300
    assert report.injects_never_reached == ["i2"]  # fortroende never drops below 40 in round 1
    assert report.options_never_chosen == []
    assert report.dead_ends == {}
    unemployed = report.indicators["arbetslosa"].to_json()
    # Lowest: sok (-50) + tur (-100) + egf-projekt (-30) from 300 = 120 is impossible in one run
    # (sok and tur exclude each other); the extremes are 300-100-10 = 190 and 300+20-10 = 310.
    assert unemployed["min"] == 190 and unemployed["max"] == 310
    assert 190 < unemployed["mean"] < 310
    # 50 - 5 (i1) + 10 (kommunen) + 5 (presser); the backup inject's +3 is not applied.
    assert report.indicators["fortroende"].max == 60
    assert 0 < report.flags_true["egf_sokt"] < 300
    assert simulate(bundle, runs=300, seed=4).to_json() == report.to_json()


def test_dead_end_and_never_put_decision_are_reported() -> None:
    text = TEXT.replace(
        "          - id: annat\n            label: Annat\n",
        "          - id: annat\n            label: Annat\n            condition: fortroende > 1000\n",
    )
    report = simulate(bundle_from(text), runs=200, seed=1)
    assert report.dead_ends["r3.folj"] > 0
    assert "r3.folj.annat" in report.options_never_chosen
    blocked = TEXT.replace(
        "    condition: fortroende >= 50\n", "    condition: fortroende > 1000\n"
    )
    report = simulate(bundle_from(blocked), runs=50, seed=1)
    assert report.rounds_never_played == ["r2"]
    assert report.decisions_never_put == ["r2.egf"]
    assert {"r2.egf.sok", "r2.egf.avsta", "r2.egf.tur"} <= set(report.options_never_chosen)


def test_few_paths_are_played_exhaustively() -> None:
    text = TEXT.replace("            condition: chans(50)\n", "")
    bundle = bundle_from(text)
    first = simulate(bundle, runs=1000, seed=1)
    assert first.exhaustive
    # r1: (kommunen × presser/tyst) + (vanta × tyst) = 3 paths; only kommunen keeps fortroende
    # >= 50 for r2 (3 options); r3 has 2 options, or 1 when egf_sokt is false.
    # kommunen: 2 × (sok × 2 + avsta × 1 + tur × 1) = 8; vanta: 1 × 1 = 1.
    assert first.runs == 9
    assert (
        simulate(bundle, runs=1000, seed=99).to_json()["indicators"]
        == first.to_json()["indicators"]
    )
    assert simulate(bundle, runs=5, seed=1).exhaustive is False  # more paths than runs


def test_cli_json_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIXTURE_DIR / "scenario.yaml")
    assert main(["simulate", path, "--runs", "100", "--seed", "3", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["runs"] == 100 and data["injects_never_reached"] == ["i2"]
    assert set(data["indicators"]["fortroende"]) == {"min", "max", "mean"}
    assert main(["--lang", "en", "simulate", path, "--runs", "20"]) == 0
    out = capsys.readouterr().out
    assert "Injects that never reach a group: i2" in out
    assert "Indicators at the end" in out


def test_cli_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["simulate", "no-such-scenario"]) == 1
    assert "no-such-scenario" in capsys.readouterr().err
    assert main(["simulate", str(FIXTURE_DIR / "scenario.yaml"), "--runs", "0"]) == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    assert main(["simulate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "validate" in err
    # Diagnostics use the UI language's severity word, like `validate`.
    assert ": fel S" in err or ": fel Y" in err or ": fel C" in err, err
    assert ": error " not in err
    assert main(["simulate", str(bad), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] and {"code", "line", "column", "message"} <= set(data["errors"][0])


def test_cli_folder_and_bundled_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--lang", "en", "simulate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "is a folder" in err and "No scenario" not in err
    # A bundled scenario by id; `..` never leaves the bundled folder.
    assert main(["simulate", "demo", "--runs", "2", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["scenario"] == "demo"
    role = tmp_path / "roles" / "kso.yaml"
    role.parent.mkdir()
    role.write_text("id: kso\ntitle: KSO\n", encoding="utf-8")
    assert main(["--lang", "en", "simulate", str(role)]) == 1
    err = capsys.readouterr().err
    assert "is a role card, not a scenario" in err and "S001" not in err
    assert main(["--lang", "en", "simulate", "../roles/kso"]) == 1
    assert "No scenario '../roles/kso' found" in capsys.readouterr().err
