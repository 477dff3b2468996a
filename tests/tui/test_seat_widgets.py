"""The group seat's widgets, each on its own: what it shows for a view model, and what it says."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widget import Widget

from varselspel.tui.role_match import Placement, Why
from varselspel.tui.screens.role_plan import PlanRow, plan_summary, plan_text
from varselspel.tui.widgets.agreement_picker import AgreementPicker
from varselspel.tui.widgets.choice_confirmation import confirmation_text
from varselspel.tui.widgets.decision_list import DecisionList, decision_prompt
from varselspel.tui.widgets.mandate_line import mandate_text
from varselspel.tui.widgets.option_picker import MARK, OptionPicker, option_prompt
from varselspel.tui.widgets.rationale_box import RationaleBox
from varselspel.tui.widgets.table import fitted_widths
from varselspel.view.decisions import (
    ChoiceView,
    DecisionItem,
    MandateStatus,
    MandateView,
    OptionItem,
)
from varselspel.view.refs import RoleRef

KSO = RoleRef("kso", "KSO", "Kommunstyrelsens ordförande")
AF = RoleRef("af", "Af", "Områdeschef på Arbetsförmedlingen")


def mandate(status: MandateStatus, *, refuse: bool = False) -> MandateView:
    """Return a mandate owned by KSO, with KSO in the group unless nobody owns it."""
    owners = () if status is MandateStatus.OPEN else (KSO,)
    in_group = (KSO,) if status in (MandateStatus.HELD, MandateStatus.OWNER_NOT_AGREED) else ()
    agreeing = (KSO,) if status is MandateStatus.HELD else ()
    return MandateView(status, owners, in_group, agreeing, refuse)


def choice(option: str = "b", **changes: Any) -> ChoiceView:
    """Return a recorded choice of option `option`."""
    fields: dict[str, Any] = {
        "option": option,
        "label": option.upper(),
        "outcome": "",
        "rationale": "",
        "agreed": (KSO, AF),
        "outside_mandate": False,
        "anchor_with": (),
        "revisions": 0,
        "seq": 1,
        "applied": False,
    }
    fields.update(changes)
    return ChoiceView(**fields)


def item(key: str = "r1.a", chosen: str | None = None) -> DecisionItem:
    """Return a decision with options a, b, c, chosen as given."""
    options = tuple(OptionItem(o, o.upper(), "", o == chosen) for o in "abc")
    made = choice(chosen) if chosen is not None else None
    return DecisionItem(
        key, f"Fråga {key}?", "", (KSO,), options, made, mandate(MandateStatus.HELD), ()
    )


class Host(App[None]):
    """An app with one widget, recording the messages the widget posts."""

    AUTO_FOCUS = None

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget
        self.said: list[Message] = []

    def compose(self) -> ComposeResult:
        yield self.widget

    def on_option_picker_chosen(self, message: OptionPicker.Chosen) -> None:
        self.said.append(message)

    def on_agreement_picker_changed(self, message: AgreementPicker.Changed) -> None:
        self.said.append(message)

    def on_rationale_box_saved(self, message: RationaleBox.Saved) -> None:
        self.said.append(message)

    def on_decision_list_picked(self, message: DecisionList.Picked) -> None:
        self.said.append(message)

    def on_decision_list_opened(self, message: DecisionList.Opened) -> None:
        self.said.append(message)


def run(widget: Widget, story: Callable[[Any, Host], Awaitable[None]]) -> None:
    """Mount `widget` alone and play `story` on it."""
    host = Host(widget)

    async def go() -> None:
        async with host.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            await story(pilot, host)

    asyncio.run(go())


# --- words ----------------------------------------------------------------------------------------


def test_the_marked_option_carries_the_mark_and_the_chosen_one_says_so() -> None:
    option = OptionItem("a", "Kommunen leder", "KSO sammankallar.", chosen=True)
    marked = option_prompt(option, marked=True).plain
    assert marked.startswith(MARK + "● Kommunen leder") and "✓ valt" in marked
    assert "KSO sammankallar." in marked
    other = option_prompt(OptionItem("b", "Vänta", "", chosen=False), marked=False).plain
    assert other.startswith(" " * len(MARK) + "○ Vänta") and MARK not in other


def test_a_decision_outside_the_mandate_stands_out_in_the_list() -> None:
    assert decision_prompt(item()).plain == "○ Fråga r1.a?"
    assert decision_prompt(item(chosen="a")).plain == "✓ Fråga r1.a?"
    outside = item(chosen="a")
    outside = DecisionItem(
        outside.key,
        outside.question,
        "",
        (KSO,),
        outside.options,
        choice("a", outside_mandate=True),
        outside.mandate,
        (),
    )
    assert decision_prompt(outside).plain.startswith("! ")


def test_the_mandate_line_names_an_owner_who_does_not_agree() -> None:
    assert "KSO står bakom valet" in mandate_text(mandate(MandateStatus.HELD)).plain
    not_agreed = mandate_text(mandate(MandateStatus.OWNER_NOT_AGREED)).plain
    assert not_agreed.startswith("KSO finns i gruppen men står inte bakom valet")
    refused = mandate_text(mandate(MandateStatus.OWNER_NOT_AGREED, refuse=True)).plain
    assert "kan inte tas utan KSO" in refused
    assert "Ingen i gruppen har mandatet" in mandate_text(mandate(MandateStatus.NOT_IN_GROUP)).plain
    assert "Alla i gruppen" in mandate_text(mandate(MandateStatus.OPEN)).plain


def test_the_confirmation_reads_back_what_was_recorded() -> None:
    assert confirmation_text(None, whole_group=True).plain == "Inget val ännu."
    made = choice("b", rationale="Vi leder", revisions=2)
    text = confirmation_text(made, whole_group=True).plain
    assert text.splitlines() == [
        "Valt: B  (ändrat 2 gånger)",
        "Står bakom: hela gruppen (KSO, Af)",
        "Motivering: Vi leder",
    ]
    some = confirmation_text(choice("b", agreed=(AF,)), whole_group=False).plain
    assert "Står bakom: Af" in some and "hela gruppen" not in some
    outside = choice("b", agreed=(AF,), outside_mandate=True, anchor_with=(KSO,))
    assert "Kommunstyrelsens ordförande" in confirmation_text(outside, whole_group=False).plain


def test_the_role_plan_says_what_it_does_and_why_a_role_stays_open() -> None:
    rows = (
        PlanRow(Placement("facket", "p1", Why.ORGANISATION), "Facket", "Ada"),
        PlanRow(Placement("hr", None, Why.OPPOSING), "Företagets HR", ""),
    )
    assert "1 roller" in plan_summary(rows) and "båda sidor" in plan_summary(rows)
    lines = plan_text(rows).plain.splitlines()
    assert lines == [
        "Facket → Ada  (samma organisation)",
        "Företagets HR → ingen (lämnas tom)  (motpart)",
    ]
    assert "båda sidor" not in plan_summary(rows[:1])


@given(
    natural=st.lists(st.integers(1, 60), min_size=1, max_size=6),
    room=st.integers(1, 120),
    data=st.data(),
)
def test_fitted_columns_fit_and_never_go_below_their_longest_word(
    natural: list[int], room: int, data: st.DataObject
) -> None:
    floors = [data.draw(st.integers(1, w)) for w in natural]
    widths = fitted_widths(natural, room, floors)
    assert all(f <= w <= n for f, w, n in zip(floors, widths, natural, strict=True))
    if sum(floors) <= room:
        assert sum(widths) <= room
    if sum(natural) <= room:
        assert widths == natural


# --- widgets --------------------------------------------------------------------------------------


def test_the_option_cursor_starts_at_the_choice_and_stays_within_a_decision() -> None:
    picker = OptionPicker(id="options")

    async def story(pilot: Any, host: Host) -> None:
        picker.show("g1", item("r1.a"))
        assert picker.highlighted == 0 and picker.marked is not None
        picker.focus()
        await pilot.press("down", "down")
        assert picker.marked is not None and picker.marked.id == "c"
        # The same decision drawn again keeps the cursor; another one starts at its choice.
        picker.show("g1", item("r1.a"))
        assert picker.highlighted == 2
        picker.show("g2", item("r1.a", chosen="b"))
        assert picker.highlighted == 1
        picker.show("g2", item("r1.b"))
        assert picker.highlighted == 0
        await pilot.press("enter")
        assert [m.option for m in host.said if isinstance(m, OptionPicker.Chosen)] == ["a"]
        prompt = picker.get_option_at_index(0).prompt
        assert str(getattr(prompt, "plain", prompt)).startswith(MARK)

    run(picker, story)


def test_the_agreement_picker_says_only_what_the_group_changed() -> None:
    picker = AgreementPicker(id="agreed")

    async def story(pilot: Any, host: Host) -> None:
        picker.show((KSO, AF), ())
        await pilot.pause()
        assert host.said == [] and picker.ticked == ()
        picker.focus()
        await pilot.press("home", "down", "space")
        await pilot.pause()
        changes = [m.roles for m in host.said if isinstance(m, AgreementPicker.Changed)]
        assert changes == [("af",)]
        # Drawing the record again says nothing.
        picker.show((KSO, AF), ("kso",))
        await pilot.pause()
        assert picker.ticked == ("kso",) and len(host.said) == 1

    run(picker, story)


def test_the_rationale_box_keeps_what_is_being_typed() -> None:
    box = RationaleBox(id="rationale")

    async def story(pilot: Any, host: Host) -> None:
        box.show("Sparad")
        assert box.value == "Sparad"
        box.focus()
        await pilot.press("end", "space", "x")
        box.show("Sparad")
        assert box.value == "Sparad x"
        await pilot.press("enter")
        await pilot.pause()
        assert [m.text for m in host.said if isinstance(m, RationaleBox.Saved)] == ["Sparad x"]

    run(box, story)


def test_the_decision_list_says_when_the_group_moves_and_opens() -> None:
    decisions = DecisionList(id="decisions")

    async def story(pilot: Any, host: Host) -> None:
        decisions.show((item("r1.a"), item("r1.b")), "r1.a", "Inga beslut")
        await pilot.pause()
        assert host.said == []
        decisions.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        said = [(type(m).__name__, m.key) for m in host.said]
        assert said == [("Picked", "r1.b"), ("Opened", "r1.b")]
        decisions.show((), None, "Inga beslut")
        prompt = decisions.get_option_at_index(0).prompt
        assert str(getattr(prompt, "plain", prompt)) == "Inga beslut"

    run(decisions, story)
