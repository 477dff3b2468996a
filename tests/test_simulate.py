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


def test_cli_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIXTURE_DIR / "scenario.yaml")
    assert main(["simulate", path, "--runs", "100", "--seed", "3", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["runs"] == 100 and data["injects_never_reached"] == ["i2"]
    assert (data["mode"], data["sampled_because"], data["runs_requested"]) == (
        "sampled",
        "chance",
        100,
    )
    assert data["stopped_by_time_limit"] is False and data["time_limit"] == 5
    assert set(data["indicators"]["fortroende"]) == {"min", "q1", "median", "q3", "max", "mean"}
    assert data["injects"]["i2"] == {"runs": 0, "share": 0}
    assert data["rounds"]["r1"] == {"runs": 100, "share": 1}
    chosen = data["options"]["r1.ledning.kommunen"]
    assert 0 < chosen["runs"] < 100 and chosen["share"] == chosen["runs"] / 100
    assert main(["--lang", "en", "simulate", path, "--runs", "20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "Simulation of Testbruket i Provby (seed 0)",
        "20 random runs (the scenario uses chans()), in which the group chooses at random among"
        " the available options. The shares below are shares of the runs; what was never"
        " reached may still be reachable.",
    ]
    assert "    i2                  0%  never" in lines
    assert "  r1                  100%" in lines
    assert "Never reached (in any of the 20 runs):" in lines
    assert "  injects: i2" in lines
    assert "Indicators at the end (min / quartile 1 / median / quartile 3 / max):" in lines
    # `table`, the older name of the text format, still works.
    assert main(["simulate", path, "--runs", "5", "--format", "table"]) == 0
    assert capsys.readouterr().out.startswith("Simulering av Testbruket i Provby (frö 0)\n")


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


def test_shares_and_quartiles_over_every_path() -> None:
    """Every path once: each option's share of the paths and the quartiles of the end values."""
    report = simulate(bundle_from(TEXT.replace("            condition: chans(50)\n", "")))
    assert (report.mode, report.runs, report.sampled_because) == ("all_paths", 9, None)
    assert report.options["r1.ledning.kommunen"] == 8
    assert report.options["r1.ledning.vanta"] == 1
    assert report.rounds == {"r1": 9, "r2": 8, "r3": 9}
    assert report.options["r2.egf.sok"] == 4
    assert report.options["r3.folj.egf-projekt"] == 2
    assert report.flags_true == {"egf_sokt": 4}
    assert report.injects == {"i1": 9, "i2": 0, "ib": 9}
    # arbetslosa ends at 190, 190, 220, 220, 240, 240, 290, 290 and 310.
    assert report.indicators["arbetslosa"].to_json() == {
        "min": 190,
        "q1": 220,
        "median": 240,
        "q3": 290,
        "max": 310,
        "mean": pytest.approx(2190 / 9),
    }
    data = report.to_json()
    assert data["options"]["r1.ledning.vanta"] == {"runs": 1, "share": 0.1111}


def test_quartiles_interpolate_between_runs() -> None:
    from varselspel.engine.simulate import Distribution

    dist = Distribution()
    for value in (40, 45, 60, 65, 140, 160):
        dist.add(value)
    assert dist.to_json() == {
        "min": 40,
        "q1": 48.75,
        "median": 62.5,
        "q3": 121.25,
        "max": 160,
        "mean": 85,
    }
    assert Distribution().to_json()["median"] == 0


class FakeClock:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.now = -1.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


def test_time_limit_stops_random_runs_and_says_so() -> None:
    """The budget is read once per run; at least one run is always played."""
    bundle = load_bundle(FIXTURE_DIR / "scenario.yaml").bundle
    assert bundle is not None
    report = simulate(bundle, runs=1000, seed=1, time_limit=10.5, clock=FakeClock())
    assert (report.runs, report.runs_requested, report.stopped_by_time_limit) == (11, 1000, True)
    assert report.rounds["r1"] == 11  # every count rests on the runs actually done
    assert report.indicators["arbetslosa"].count == 11
    unlimited = simulate(bundle, runs=11, seed=1)
    assert not unlimited.stopped_by_time_limit
    assert unlimited.to_json()["options"] == report.to_json()["options"]
    assert simulate(bundle, runs=5, seed=1, time_limit=0.001, clock=FakeClock()).runs == 1


def test_time_limit_while_listing_paths_falls_back_to_random_runs() -> None:
    """Listing the paths may take half the budget; the rest goes to random runs."""
    bundle = bundle_from(TEXT.replace("            condition: chans(50)\n", ""))
    report = simulate(bundle, runs=1000, seed=1, time_limit=4, clock=FakeClock())
    assert (report.mode, report.sampled_because) == ("sampled", "time")
    assert (report.runs, report.stopped_by_time_limit) == (2, True)


def _many_options(rounds: int = 50, decisions: int = 10, options: int = 6) -> str:
    """A valid scenario with rounds x decisions x options options (3 000 by default)."""
    head, _, _ = TEXT.partition("rounds:\n")
    out = [head + "rounds:"]
    for r in range(rounds):
        out += [
            f"  - id: r{r}",
            f"    title: Omgång {r}",
            "    game_time: Vecka 1",
            "    minutes: 5",
            "    briefing: Läget.",
            "    decisions:",
        ]
        for d in range(decisions):
            out += [f"      - id: b{r}-{d}", "        question: Vad gör ni?", "        options:"]
            for o in range(options):
                effect = "arbetslosa -= 1" if o % 2 else "fortroende += 1"
                out += [
                    f"          - id: a{o}",
                    f"            label: Alternativ {o}",
                    f'            effects: ["{effect}"]',
                ]
    tail = TEXT[TEXT.index("cards:\n") :]
    return "\n".join(out) + "\n" + tail


def test_thousands_of_options_stop_at_the_time_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario with 3 000 options and a million runs asked for stops at a short time limit."""
    folder = tmp_path / "stor"
    (folder / "roles").mkdir(parents=True)
    for name, text in ROLES.items():
        (folder / "roles" / f"{name}.yaml").write_text(text, encoding="utf-8")
    path = folder / "stor.yaml"
    path.write_text(_many_options(), encoding="utf-8")
    bundle = load_bundle(path).bundle
    assert bundle is not None
    assert sum(len(d.options) for r in bundle.scenario.rounds for d in r.decisions) == 3000
    args = ["simulate", str(path), "--runs", "1000000", "--time-limit", "0.2"]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # Listing the paths ends at once (too many) or at half the budget, whichever comes first.
    assert data["mode"] == "sampled" and data["sampled_because"] in {"paths", "time"}
    assert data["stopped_by_time_limit"] is True
    assert 1 <= data["runs"] < 1_000_000
    assert data["rounds"]["r0"]["runs"] == data["runs"]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    runs = lines[1].split(" slumpade spel (", 1)[0]
    assert runs.replace(" ", "").isdigit()
    assert lines[2].startswith(
        f"Tidsgränsen på 0,2 s nåddes efter {runs} av 1 000 000 spel; allt nedan bygger bara på"
    )


def test_too_many_paths_are_seen_after_one_path() -> None:
    """One path of 500 decisions with 6 options each shows 2 501+ paths: no time is spent listing."""
    bundle = bundle_from(_many_options())
    report = simulate(bundle, runs=2000, seed=1, time_limit=10, clock=FakeClock())
    assert (report.mode, report.sampled_because) == ("sampled", "paths")
    # Clock reads: start, the half budget for listing, one check before the only path listed;
    # then one per random run after the first, until ten seconds have passed.
    assert (report.runs, report.stopped_by_time_limit) == (8, True)


def test_bad_time_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIXTURE_DIR / "scenario.yaml")
    for value in ("0", "-1", "nan", "100000"):
        assert main(["simulate", path, "--time-limit", value]) == 2
        assert "--time-limit" in capsys.readouterr().err


def test_every_path_is_said_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    """With runs to spare, every path of the bundled demo is played, and the report says so."""
    assert main(["simulate", "demo", "--runs", "20000", "--time-limit", "3600"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("Alla vägar genom scenariot spelades, var och en en gång: ")
    assert lines[1].endswith(
        " vägar. Andelarna nedan är andelar av vägarna, inte vägda efter hur troligt det är att"
        " en grupp väljer dem."
    )
    assert "Aldrig nått (på någon väg):" in lines
