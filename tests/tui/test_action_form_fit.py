"""The action form warns while a group types where the action does not fit its financing."""

from __future__ import annotations

from typing import Any

from test_snapshots import reach
from tui_helpers import drive, settle, type_text

from conftest import DATA, MINI
from varselspel.engine.commands import ActionFields


def test_the_form_warns_that_the_money_comes_too_late(make_app: Any) -> None:
    """A source paying out after 26 weeks cannot pay an action due within 2 weeks; saving keeps
    every new field."""
    from textual.widgets import Input, Label

    from varselspel.tui.screens.action_form import ActionFormScreen

    app = make_app(scenario_dirs=[DATA], open_target=MINI)
    saved: list[Any] = []

    async def story(pilot: Any) -> None:
        await reach(pilot, "group")
        scenario = app.session.scenario
        card = scenario.cards.financing[0].model_copy(update={"lead_time_weeks": 26})
        cards = scenario.cards.model_copy(update={"financing": [card]})
        scenario = scenario.model_copy(update={"cards": cards})
        fields = ActionFields(
            title="Rådgivning",
            timeframe="inom 2 veckor",
            financing=card.id,
            amount=150_000,
            follow_up="Andel uppsagda i arbete efter 6 månader",
            target="75 %",
        )
        form = ActionFormScreen(scenario, {}, fields, game_time="Dag 0")
        app.push_screen(form, saved.append)
        await settle(pilot, "ActionFormScreen")
        warning = str(form.query_one("#a-fit", Label).render())
        assert "vecka 26" in warning and "vecka 2" in warning
        # A time frame the money can meet clears the warning at once.
        form.query_one("#a-timeframe", Input).value = ""
        form.query_one("#a-start", Input).focus()
        await type_text(pilot, "vecka 30")
        await settle(pilot, until=lambda: not str(form.query_one("#a-fit", Label).render()))
        await pilot.press("ctrl+s")
        await settle(pilot, "GroupScreen")

    drive(app, story)
    (result,) = saved
    assert result.start == "vecka 30" and result.amount == 150_000
    assert result.follow_up.startswith("Andel") and result.target == "75 %"
