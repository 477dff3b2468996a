"""The group seat with the format features: a multi-select, a number decision, the cards an
option rests on, and cards that are revealed later (tests/fixtures/formats)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from tui_helpers import drive, press, settle, type_text

from varselspel.engine import AssignRole, CloseRound, StartRound, StartSession
from varselspel.tui.answers import toggled
from varselspel.tui.widgets.card_refs import cards_line
from varselspel.tui.widgets.number_picker import parse_number
from varselspel.view.cards import CardRef

FORMATS = Path(__file__).parents[1] / "fixtures" / "formats"
SCENARIO = str(FORMATS / "scenario.yaml")


async def seat_in_round(pilot: Pilot[Any], rounds: int) -> Any:
    """Staff both groups, play `rounds` − 1 empty rounds, open the next and seat group 1."""
    from varselspel.tui import flow

    app: Any = pilot.app
    await settle(pilot, "SetupScreen")
    session = app.session
    for gid in session.state.groups:
        for role in ("kso", "arbetsformedlingen", "naringslivschef", "miljoinspektor"):
            session.execute(AssignRole(group=gid, role=role))
    session.execute(AssignRole(group="g1", role="facket"))
    session.execute(StartSession())
    for _ in range(rounds - 1):
        session.execute(StartRound())
        session.execute(CloseRound())
    session.execute(StartRound())
    app.session_changed()
    flow.show_phase(app)
    await settle(pilot, "ProjectorScreen")
    await pilot.press("1")
    await settle(pilot, "GroupScreen")
    return session


def test_cards_line_names_the_cards_the_group_has_and_only_counts_the_others() -> None:
    refs = (
        CardRef("egf", None, "EGF", True),
        CardRef("stod", None, "Hemligt stöd", False),
    )
    line = cards_line(refs)
    assert line is not None
    assert line.plain == "Bygger på: EGF (+1 kort som kommer senare)"
    assert cards_line(()) is None


def test_parse_number_reads_what_people_type() -> None:
    assert parse_number("40") == 40
    assert parse_number("2,5") == 2.5
    assert parse_number("1 200") == 1200
    assert parse_number("-3") == -3
    assert parse_number("") is None
    assert parse_number("4,") is None


def test_a_multi_select_ticks_and_unticks_options(make_app: Any) -> None:
    app = make_app(scenario_dirs=[FORMATS], open_target=SCENARIO)

    async def story(pilot: Any) -> None:
        session = await seat_in_round(pilot, 2)
        screen = app.screen
        item = screen.current_item()
        assert item.key == "r2.insatser"
        hint = screen.query_one("#choose-hint").render()
        assert "högst 2 alternativ" in str(hint)
        picker = screen.query_one("#options")
        first = str(picker.get_option_at_index(0).prompt)
        assert "Bygger på: EGF, Om EGF" in first
        choices = lambda: session.state.groups["g1"].choices  # noqa: E731 - reads fresh state
        await press(pilot, "enter")
        assert choices()["r2.insatser"].options == ["egf"]
        await press(pilot, "down", "enter")
        assert choices()["r2.insatser"].options == ["egf", "matchning"]
        status = str(screen.query_one("#choice-status").render())
        assert "Valt: Sök EGF; Matchningsträffar" in status
        # A third option is refused (at most two); unticking one frees a place.
        await press(pilot, "down", "enter")
        assert choices()["r2.insatser"].options == ["egf", "matchning"]
        await press(pilot, "up", "enter")
        assert choices()["r2.insatser"].options == ["egf"]
        assert toggled(screen.current_item(), "egf") == ()
        await press(pilot, "up", "enter")
        assert "r2.insatser" not in choices()

    drive(app, story)


def test_a_number_decision_takes_a_number_in_its_range(make_app: Any) -> None:
    app = make_app(scenario_dirs=[FORMATS], open_target=SCENARIO)

    async def story(pilot: Any) -> None:
        session = await seat_in_round(pilot, 3)
        screen = app.screen
        assert screen.current_item().key == "r3.komvux"
        assert not screen.query_one("#options").display
        assert "Komvux-platser: 0–100 platser, i steg om 10" in str(
            screen.query_one("#number-range").render()
        )
        await press(pilot, "v")  # v puts the cursor in the number field
        assert app.focused is screen.query_one("#number-value")
        await type_text(pilot, "35")
        await press(pilot, "enter")
        assert "r3.komvux" not in session.state.groups["g1"].choices
        problem = str(screen.query_one("#number-problem").render())
        assert problem == "Talet ska ligga mellan 0 och 100, i steg om 10 från 0."
        await press(pilot, "backspace", "backspace")
        await type_text(pilot, "40")
        await press(pilot, "enter")
        choice = session.state.groups["g1"].choices["r3.komvux"]
        assert choice.value == 40
        assert "Valt: 40 platser" in str(screen.query_one("#choice-status").render())
        # A rationale recorded afterwards keeps the number (Tab leaves the number field).
        await press(pilot, "tab", "r")
        await type_text(pilot, "Efterfrågan i regionen")
        await press(pilot, "enter")
        choice = session.state.groups["g1"].choices["r3.komvux"]
        assert (choice.value, choice.rationale) == (40, "Efterfrågan i regionen")

    drive(app, story)


def test_the_card_browser_lists_only_revealed_cards(make_app: Any) -> None:
    app = make_app(scenario_dirs=[FORMATS], open_target=SCENARIO)

    async def story(pilot: Any) -> None:
        session = await seat_in_round(pilot, 1)
        browser = app.screen.query_one("#cards")
        listed = lambda: [browser.entries[i][0] for i in browser.shown]  # noqa: E731
        assert listed() == ["tidig-samverkan"]
        session.execute(CloseRound())
        session.execute(StartRound())
        app.session_changed()
        await settle(pilot, "GroupScreen", until=lambda: len(listed()) == 3)
        assert listed() == ["tidig-samverkan", "egf-fakta", "egf"]

    drive(app, story)
