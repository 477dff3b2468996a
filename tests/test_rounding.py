"""People come in wholes and money in sensible steps: no "8 992,53 personer" anywhere."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from varselspel.engine.impact import etablering_impact, varsel_impact
from varselspel.export.numbers import fmt_number
from varselspel.i18n import get_lang, set_lang
from varselspel.loader import load_bundle
from varselspel.plan.build import shown
from varselspel.resources import bundled_scenarios_dir
from varselspel.tui.view import format_value


def _setting(stem: str):  # type: ignore[no-untyped-def]
    result = load_bundle(bundled_scenarios_dir() / f"{stem}.yaml")
    assert result.bundle is not None
    return result.bundle.scenario.setting


# Loaded once at import: a Hypothesis example must not pay for reading YAML.
NORRVIK = _setting("bruket-i-norrvik")
STORSUND = _setting("batterifabriken-i-storsund")


@given(share=st.floats(0, 1), multiplier=st.floats(0, 5), household=st.floats(0.5, 10))
def test_model_figures_are_whole_and_money_is_in_steps(
    share: float, multiplier: float, household: float
) -> None:
    values = {"in_mover_share": share, "local_multiplier": multiplier, "household_size": household}
    for impact in (
        varsel_impact(NORRVIK, values),
        etablering_impact(STORSUND, values),
    ):
        for name, value in impact.model_dump().items():
            if name == "kind":
                continue
            for number in value.values() if isinstance(value, dict) else [value]:
                assert isinstance(number, int), name
                if name.endswith("_per_year"):
                    assert number % 100_000 == 0, name


def test_indicator_values_are_rounded_for_reading() -> None:
    # 8 992,53 personer is read as 8 993; small values keep one decimal (−2,9 MSEK, 6,2 %).
    assert shown(8992.53) == 8993
    assert shown(-2.94) == -2.9
    assert shown(99.96) == 100.0
    before = get_lang()
    set_lang("sv")
    try:
        assert format_value(8992.53) == "8 993"
        assert format_value(-2.94) == "-2,9"
    finally:
        set_lang(before)


def test_negative_numbers_get_a_minus_sign() -> None:
    assert fmt_number(-4.4, "sv") == "−4,4"
    assert fmt_number(-1234, "en") == "−1,234"
    assert fmt_number(-0.001, "sv") == "0"


def test_impact_notes_never_count_fractional_people_or_jobs() -> None:
    """The plan's notes on the model say "17 jobb", never "16,8 jobb" (nor 16.8 jobs)."""
    import re

    from varselspel.engine import Session
    from varselspel.plan.impact import impact_notes

    # The decimal mark is `,` in Swedish and `.` in English (where `,` groups thousands).
    fraction = {
        "sv": re.compile(r"\d,\d+ (jobb|personer|invånare|hushåll)"),
        "en": re.compile(r"\d\.\d+ (jobs|people|residents|households)"),
    }
    seen = 0
    for path in sorted(bundled_scenarios_dir().glob("*.yaml")):
        result = load_bundle(path)
        assert result.bundle is not None
        session = Session.create(result.bundle, ["G"], seed=1)
        for lang in ("sv", "en"):
            for note in impact_notes(session, "g1", lang):
                seen += 1
                assert fraction[lang].search(note) is None, note
    assert seen >= 6
