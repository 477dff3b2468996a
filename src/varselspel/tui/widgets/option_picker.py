"""The options of one decision: the one under the cursor is marked ▶, the chosen one ●."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from varselspel.tui.paint import fill_options, same
from varselspel.tui.text import Text
from varselspel.tui.widgets.words import t
from varselspel.view.decisions import DecisionItem, OptionItem

MARK = "▶ "
"""Marks the option a key press acts on, seen without colour and whether or not it has focus."""


def option_prompt(option: OptionItem, marked: bool) -> Text:
    """Return an option as the list shows it."""
    prompt = Text(MARK if marked else " " * len(MARK), style="bold")
    prompt.append("● " if option.chosen else "○ ", style="bold green" if option.chosen else "")
    prompt.append(option.label, style="bold")
    if option.chosen:
        prompt.append("  " + t("group.chosen_mark"), style="bold green")
    if option.explanation:
        prompt.append("\n     " + option.explanation, style="dim")
    return prompt


class OptionPicker(OptionList):
    """Shows a decision's options; Enter, a click or the screen's key chooses the marked one.

    The cursor starts on the chosen option, or on the first, each time another decision (or
    another group's copy of it) is shown.
    """

    class Chosen(Message):
        """The group chose an option with Enter or a click."""

        def __init__(self, option: str) -> None:
            super().__init__()
            self.option = option
            """Option id."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: tuple[str, str] | None = None
        """The (group, decision) whose options are listed."""
        self.options_shown: tuple[OptionItem, ...] = ()

    def show(self, group: str, item: DecisionItem) -> None:
        """List the options of `item` for `group`, keeping the cursor unless the decision changed."""
        fresh = self.shown != (group, item.key)
        self.shown = (group, item.key)
        self.options_shown = item.options
        at = self.highlighted
        if fresh or at is None or at >= len(item.options):
            at = item.option_index(item.chosen) or 0
        fill_options(
            self,
            [Option(option_prompt(o, i == at), id=o.id) for i, o in enumerate(item.options)],
        )
        if item.options and self.highlighted != at:
            self.highlighted = at

    @property
    def marked(self) -> OptionItem | None:
        """The option under the cursor, the one the ▶ marks."""
        at = self.highlighted
        return self.options_shown[at] if at is not None and at < len(self.options_shown) else None

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Move the ▶ with the cursor."""
        super().watch_highlighted(highlighted)
        for index, option in enumerate(self.options_shown):
            if index < self.option_count:
                prompt = option_prompt(option, index == highlighted)
                if not same(self.get_option_at_index(index).prompt, prompt):
                    self.replace_option_prompt_at_index(index, prompt)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Say which option the group chose."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(event.option.id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The cursor is this widget's own business."""
        event.stop()
