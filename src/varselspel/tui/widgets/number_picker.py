"""A number decision: what the number counts, its range, and a field to type the number in."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from varselspel.tui.paint import show as repaint
from varselspel.tui.text import Text
from varselspel.tui.widgets.card_refs import cards_line
from varselspel.tui.widgets.text_input import TextInput
from varselspel.tui.widgets.words import t
from varselspel.view.decisions import DecisionItem, NumberSpec

NUMBER = r"-?[0-9 ]*[.,]?[0-9]*"
"""What the field lets through while typing: digits, a space, one decimal mark, a minus sign."""


def number_words(value: float) -> str:
    """Write a number as the app shows it: `40`, `2,5` in Swedish."""
    text = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return text.replace(".", t("number.decimal_mark"))


def parse_number(text: str) -> float | None:
    """Read what the group typed (`40`, `2,5`, `1 200`); None when it is no number."""
    cleaned = text.replace(" ", "").replace(",", ".")
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", cleaned):
        return None
    return float(cleaned)


def range_text(spec: NumberSpec) -> Text:
    """Return `Komvux-platser: 0–100 platser, i steg om 10`."""
    text = Text(spec.label + ": ", style="bold")
    unit = f" {spec.unit}" if spec.unit else ""
    text.append(
        t(
            "number.range",
            min=number_words(spec.min),
            max=number_words(spec.max),
            unit=unit,
            step=number_words(spec.step),
        )
    )
    line = cards_line(spec.cards)
    if line is not None:
        text.append("\n")
        text.append_text(line)
    return text


class NumberPicker(Vertical):
    """Enter in the field chooses the number typed, once it lies in the range and on a step."""

    DEFAULT_CSS = """
    NumberPicker { height: auto; }
    NumberPicker #number-value { width: 28; }
    NumberPicker #number-problem { height: auto; }
    """

    class Chosen(Message):
        """The group chose a number."""

        def __init__(self, value: float) -> None:
            super().__init__()
            self.value = value
            """The number, within the range."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.spec: NumberSpec | None = None
        self.shown: tuple[str, str] | None = None
        """The (group, decision) whose number is shown."""

    def compose(self) -> ComposeResult:
        """Lay out the range, the field and what is wrong with the number typed."""
        yield Static("", id="number-range", markup=False)
        yield TextInput(
            placeholder=t("number.placeholder"), id="number-value", compact=True, restrict=NUMBER
        )
        yield Static("", id="number-problem", markup=False)

    def show(self, group: str, item: DecisionItem) -> None:
        """Show the decision's range; a new decision shows its recorded number (or nothing)."""
        spec = item.number
        self.spec = spec
        if spec is None:
            return
        repaint(self.query_one("#number-range", Static), range_text(spec))
        fresh = self.shown != (group, item.key)
        self.shown = (group, item.key)
        if fresh:
            chosen = item.choice.value if item.choice is not None else None
            field = self.query_one("#number-value", Input)
            field.value = number_words(chosen) if chosen is not None else ""
            repaint(self.query_one("#number-problem", Static), Text(""))

    def problem(self, text: str) -> str | None:
        """Return what is wrong with `text` as this decision's number, or None."""
        spec = self.spec
        value = parse_number(text)
        if spec is None or value is None:
            return t("number.not_a_number")
        if not spec.allows(value):
            return t(
                "number.not_allowed",
                min=number_words(spec.min),
                max=number_words(spec.max),
                step=number_words(spec.step),
            )
        return None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter chooses the number, or says why it cannot be chosen."""
        if event.input.id != "number-value":
            return
        event.stop()
        problem = self.problem(event.value)
        repaint(
            self.query_one("#number-problem", Static),
            Text(problem or "", style="bold yellow"),
        )
        value = parse_number(event.value)
        if problem is None and value is not None:
            self.post_message(self.Chosen(value))

    def on_input_changed(self, event: Input.Changed) -> None:
        """What is typed here is the number's, not the rationale's."""
        if event.input.id == "number-value":
            event.stop()
