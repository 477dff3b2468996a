"""The decisions of the round put to one group, with a mark for those it has chosen."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from varselspel.tui.paint import fill_options
from varselspel.tui.text import Text
from varselspel.view.decisions import DecisionItem


def decision_prompt(item: DecisionItem) -> Text:
    """Return a decision as the list shows it: ✓ chosen, ! outside the mandate, ○ open."""
    if item.choice is not None and item.choice.outside_mandate:
        # A choice outside the mandate stands out in the list, not only inside the decision.
        prompt = Text("! ", style="bold yellow")
    else:
        prompt = Text("✓ " if item.chosen else "○ ")
    prompt.append(item.question)
    return prompt


class DecisionList(OptionList):
    """Lists the decisions; says which one the group moved to and when it opens one."""

    class Picked(Message):
        """The group moved the cursor to another decision."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key
            """Decision key `ROUND.DECISION`."""

    class Opened(Message):
        """The group pressed Enter on (or clicked) a decision, to go to its options."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key
            """Decision key `ROUND.DECISION`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current: str | None = None
        """The decision shown; a highlight that moves elsewhere is the group's doing."""

    def show(self, items: tuple[DecisionItem, ...], current: str | None, empty: str) -> None:
        """List `items` with the cursor on `current`, or say `empty` when there are none."""
        self.current = current
        if not items:
            fill_options(self, [Option(Text(empty, style="italic"), disabled=True)])
            return
        fill_options(self, [Option(decision_prompt(item), id=item.key) for item in items])
        keys = [item.key for item in items]
        index = keys.index(current) if current in keys else 0
        if self.highlighted != index:
            self.highlighted = index

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Tell the screen when the group moved to another decision."""
        event.stop()
        key = event.option.id
        if key is not None and key != self.current:
            self.current = key
            self.post_message(self.Picked(key))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Tell the screen the group wants the decision's options."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Opened(event.option.id))
