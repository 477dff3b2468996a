"""simulate plays the format features as the engine does: multi-select and number decisions,
delayed effects, revealed cards and figures, har_roll and indicators that follow the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from varselspel.cli import main
from varselspel.engine.simulate import simulate
from varselspel.loader import ScenarioBundle, load_bundle

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "scenario.yaml"


@pytest.fixture(scope="module")
def bundle() -> ScenarioBundle:
    result = load_bundle(FIXTURE)
    assert result.bundle is not None
    return result.bundle


def test_every_path_counts_the_new_parts(bundle: ScenarioBundle) -> None:
    report = simulate(bundle, runs=1000, seed=0)
    assert report.exhaustive
    runs = report.runs
    # The union's option and inject exist only where the role is held (har_roll).
    held = report.roles_held["facket"]
    assert 0 < held < runs
    assert report.injects["facket-ringer"] == held
    assert report.delayed["facket-ringer@0"] == held
    # A multi-select: every combination of at most two available options, counted.
    combos = report.combinations["r2.insatser"]
    assert set(combos) == {
        "egf",
        "matchning",
        "fack",
        "egf+matchning",
        "egf+fack",
        "matchning+fack",
    }
    assert sum(combos.values()) == report.decisions["r2.insatser"] == runs
    assert report.options["r2.insatser.egf"] == sum(n for c, n in combos.items() if "egf" in c)
    # The paths try the smallest, the middle and the largest number.
    komvux = report.numbers["r3.komvux"].to_json()
    assert (komvux["min"], komvux["median"], komvux["max"]) == (0, 50, 100)
    assert report.delayed["r3.komvux@0"] == runs
    # egf is chosen on every path where egf_sokt ends true, and then the follow-up card shows.
    assert report.flags_true["egf_sokt"] == report.options["r2.insatser.egf"]
    assert report.revealed["card:uppfoljningsstod"] == report.flags_true["egf_sokt"]
    assert report.revealed["figure:registered_unemployed"] == report.flags_true["egf_sokt"]
    assert report.revealed["card:egf"] == runs
    assert report.never_revealed == [] and report.delayed_never_applied == []
    # Indicators that follow the model vary with what the groups chose, never by effects.
    unemployed = report.indicators["arbetslosa"].to_json()
    assert 300 < unemployed["min"] < unemployed["max"]


def test_sampled_runs_choose_any_step_of_a_number(bundle: ScenarioBundle) -> None:
    report = simulate(bundle, runs=60, seed=2)
    assert not report.exhaustive
    data = report.numbers["r3.komvux"].to_json()
    assert data["min"] >= 0 and data["max"] <= 100
    assert report.to_json()["numbers"]["r3.komvux"] == data


def test_the_text_report_shows_the_new_sections(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "simulate", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert "\n      egf+matchning " in out
    assert "Delayed effects (share in which they apply):\n  facket-ringer@0" in out
    assert "  card:uppfoljningsstod " in out
    assert "Roles that har_roll asks about" in out
    assert "Number decisions, numbers chosen" in out
    assert "  r3.komvux  0 / 0 / 50 / 100 / 100 platser" in out
    assert "  delayed effects: none\n  cards and figures: none" in out
