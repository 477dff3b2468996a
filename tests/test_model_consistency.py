"""Every path the tests play ends in a state that agrees with the consequence model.

The bundled scenarios move indicators such as unemployment, inhabitants and revenue with
effects, while the consequence model computes the same quantities from the group's `model.*`
values (docs/impact-model.md). These tests replay the paths of the other play-through tests and
fail when an end state contradicts the model (`tests/consistency.py` says what "contradicts"
means and which indicator follows which figure).
"""

from __future__ import annotations

from collections import Counter

import pytest

import test_bundled_content as content
import test_scenario_batterifabriken_i_storsund as storsund
import test_scenario_beredskap_i_hedkoping as hedkoping
import test_scenario_bruket_i_norrvik as norrvik
from consistency import FOLLOWS, contradictions
from exporthelp import bundled_scenarios, play
from varselspel.engine import Session


def _problems(session: Session, label: str) -> list[str]:
    """Return every group's contradictions, each prefixed with where it came from."""
    follows = FOLLOWS[session.scenario.id]
    return [
        f"{label} {group.name}: {problem}"
        for group in session.state.groups.values()
        for problem in contradictions(session, group.id, follows)
    ]


def test_every_bundled_scenario_has_a_consistency_table() -> None:
    assert {path.stem for path in bundled_scenarios()} <= set(FOLLOWS)


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_the_golden_export_play_agrees_with_the_model(path: object) -> None:
    """The two groups the golden exports are made from (tests/exporthelp.py)."""
    assert _problems(play(path), "golden") == []  # type: ignore[arg-type]


@pytest.mark.parametrize("stem", content.SCENARIO_IDS)
def test_every_option_path_agrees_with_the_model(stem: str) -> None:
    """The runs that together choose every option (test_bundled_content.py)."""
    _covered, runs = content.cover_all_options(content.bundle_of(stem))
    problems: list[str] = []
    for index, run in enumerate(runs):
        assert run.session is not None
        problems += _problems(run.session, f"run {index}")
    assert problems == []


def test_norrvik_least_chosen_paths_agree_with_the_model() -> None:
    """The twelve least-chosen-option runs of test_scenario_bruket_i_norrvik.py."""
    bundle = content.bundle_of("bruket-i-norrvik")
    counts: Counter[tuple[str, str]] = Counter()
    problems: list[str] = []
    for seed in range(12):
        problems += _problems(norrvik._play(bundle, counts, seed), f"seed {seed}")
    assert problems == []


@pytest.mark.parametrize("picks", ["CAREFUL", "RISKY"])
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_storsund_paths_agree_with_the_model(picks: str, seed: int) -> None:
    """The careful and the risky group of test_scenario_batterifabriken_i_storsund.py."""
    bundle = content.bundle_of("batterifabriken-i-storsund")
    session, _group = storsund._play(bundle, getattr(storsund, picks), seed=seed)
    assert _problems(session, f"{picks} seed {seed}") == []


@pytest.mark.parametrize("picks", ["PREPARED", "UNPREPARED"])
def test_hedkoping_paths_agree_with_the_model(picks: str) -> None:
    """The prepared and the unprepared group of test_scenario_beredskap_i_hedkoping.py."""
    bundle = content.bundle_of("beredskap-i-hedkoping")
    session, _group = hedkoping._play(bundle, hedkoping._fixed(getattr(hedkoping, picks)))
    assert _problems(session, picks) == []


def test_the_check_catches_a_rehearsal_alarm_that_moves_no_indicator() -> None:
    # A preparedness scenario has no real varsel: its alarm sets a hypothetical one, and the
    # indicator of those still without work must follow the model's figure for it.
    bundle = content.bundle_of("beredskap-i-hedkoping")
    session, group = hedkoping._play(bundle, hedkoping._fixed(hedkoping.UNPREPARED))
    assert _problems(session, "before") == []
    session.state.groups[group].indicators["utan_arbete"] = 0
    found = _problems(session, "after")
    assert len(found) == 1 and "utan_arbete" in found[0]


def _norrvik_end() -> Session:
    return norrvik._play(content.bundle_of("bruket-i-norrvik"), Counter(), 0)


def test_the_check_catches_unemployment_below_the_start() -> None:
    # Issue 13: unemployment ended at 310 (start 340) while the model said 104 still without work.
    session = _norrvik_end()
    group = next(iter(session.state.groups.values()))
    assert _problems(session, "before") == []
    group.indicators["arbetslosa"] = 310
    found = _problems(session, "after")
    assert len(found) == 1 and "arbetslosa" in found[0] and "the model says" in found[0]


def test_the_check_catches_revenue_with_the_wrong_sign_and_lost_new_jobs() -> None:
    # Issue 13: tax revenue ended at +1 MSEK after 480 job losses; 22 new jobs never reached
    # the model.
    session = _norrvik_end()
    group = next(iter(session.state.groups.values()))
    group.indicators["skatteintakt"] = 1
    group.indicators["nya_jobb"] += 22
    found = " ".join(_problems(session, "after"))
    assert "skatteintakt: change +1 MSEK but the model says -" in found
    assert "nya_jobb" in found and "model.new_jobs" in found


def test_the_check_catches_an_etablering_with_more_staff_than_jobs() -> None:
    bundle = content.bundle_of("batterifabriken-i-storsund")
    session, group = storsund._play(bundle, storsund.CAREFUL)
    session.state.groups[group].indicators["rekryterade"] = 1200
    assert any("rekryterade" in p for p in _problems(session, "after"))
