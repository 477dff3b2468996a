"""How the app words the view models: holders, trends, lägesbild figures and the undo step."""

from __future__ import annotations

from varselspel.i18n import set_lang
from varselspel.model import ScenarioKind
from varselspel.tui.undo import describe_step
from varselspel.tui.view import figure_label, figure_text, holder_text, trend_mark
from varselspel.view.indicators import Direction, Tone, Trend
from varselspel.view.lagesbild import FigureRow, FigureUnit
from varselspel.view.refs import GroupRef
from varselspel.view.roles import Holder, HolderKind
from varselspel.view.undo import UndoTarget


def test_holders_and_trends_in_words() -> None:
    """A participant by name, the facilitator and nobody in the UI language; arrows by tone."""
    set_lang("sv")
    assert holder_text(Holder(HolderKind.PARTICIPANT, "p1", "Anna")) == "Anna"
    assert holder_text(Holder(HolderKind.FACILITATOR)) != holder_text(Holder(HolderKind.NOBODY))
    assert trend_mark(Trend(Direction.UP, Tone.BAD)) == ("↑", "red")
    assert trend_mark(Trend(Direction.DOWN, Tone.GOOD)) == ("↓", "green")
    assert trend_mark(Trend(Direction.FLAT, Tone.NEUTRAL)) == ("→", "dim")


def test_lagesbild_figures_read_by_kind_and_unit() -> None:
    """The same code reads as jobs at risk in a varsel and new jobs in an etablering."""
    set_lang("sv")
    varsel = FigureRow("total_jobs", ScenarioKind.VARSEL, FigureUnit.COUNT, ())
    etablering = FigureRow("total_jobs", ScenarioKind.ETABLERING, FigureUnit.COUNT, ())
    assert figure_label(varsel) != figure_label(etablering)
    assert figure_text(varsel, 1234.4) == "1 234"
    tax = FigureRow("revenue_change_per_year", ScenarioKind.VARSEL, FigureUnit.SEK_PER_YEAR, ())
    assert figure_text(tax, 12_340_000) == "12,3 Mkr"


def test_undo_step_names_what_it_was_about() -> None:
    """The step's kind in words, then its inject or decision, round, name and group."""
    set_lang("sv")
    target = UndoTarget(
        seq=7,
        kind="choose_option",
        phase_step=False,
        group=GroupRef("g2", "Älvgruppen"),
        inject_title=None,
        decision_question="Vem leder?",
        round_number=None,
        name=None,
    )
    assert describe_step(target) == "val i beslutet ”Vem leder?” (Älvgruppen)"
    start = UndoTarget(7, "start_round", True, None, None, None, 2, None)
    assert describe_step(start) == "start av omgång 2"
