"""A searchable browser of the scenario's knowledge, network and financing cards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from varselspel.i18n import tr
from varselspel.model import CardSet
from varselspel.tui.strings import STRINGS
from varselspel.tui.text import Text
from varselspel.tui.widgets.text_input import TextInput


def card_entries(cards: CardSet) -> list[tuple[str, str, Text]]:
    """Return every card as (id, list label, detail text), knowledge first."""
    entries: list[tuple[str, str, Text]] = []
    for k in cards.knowledge:
        body = Text(k.title + "\n", style="bold")
        body.append(k.text + "\n")
        if k.source:
            body.append("\n" + tr(STRINGS, "cards.source") + ": ", style="bold")
            body.append(k.source)
        entries.append((k.id, f"{tr(STRINGS, 'cards.knowledge')}: {k.title}", body))
    for n in cards.network:
        body = Text(n.actor + "\n", style="bold")
        body.append(tr(STRINGS, "cards.can_do") + ":\n", style="bold")
        for item in n.can_do:
            body.append("• " + item + "\n")
        if n.contact:
            body.append("\n" + n.contact)
        entries.append((n.id, f"{tr(STRINGS, 'cards.network')}: {n.actor}", body))
    for f in cards.financing:
        body = Text(f.name + "\n", style="bold")
        if f.administrator:
            body.append(tr(STRINGS, "cards.administrator") + ": ", style="bold")
            body.append(f.administrator + "\n")
        body.append(tr(STRINGS, "cards.who_may_apply") + ": ", style="bold")
        body.append(f.who_may_apply + "\n")
        if f.covers_share is not None:
            share = round(f.covers_share * 100)
            body.append(tr(STRINGS, "cards.covers", share=share, co=100 - share) + "\n")
        if f.conditions:
            body.append(tr(STRINGS, "cards.conditions") + ":\n", style="bold")
            for item in f.conditions:
                body.append("• " + item + "\n")
        if f.source:
            body.append(tr(STRINGS, "cards.source") + ": ", style="bold")
            body.append(f.source)
        entries.append((f.id, f"{tr(STRINGS, 'cards.financing')}: {f.name}", body))
    return entries


class CardBrowser(Vertical):
    """A search field, the matching cards and the chosen card's text."""

    def __init__(self, cards: CardSet, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries = card_entries(cards)
        self.shown: list[int] = list(range(len(self.entries)))
        self.available: frozenset[str] | None = None
        """Ids of the cards the group has; None: every card."""
        self.query_text = ""

    def compose(self) -> ComposeResult:
        """Lay out the search, the list and the detail."""
        yield TextInput(placeholder=tr(STRINGS, "group.search"), id="card-search")
        with Horizontal(id="card-body"):
            yield OptionList(id="card-list")
            with VerticalScroll(id="card-detail-scroll"):
                yield Static("", id="card-detail", markup=False)

    def on_mount(self) -> None:
        """Show every card."""
        self.filter("")

    def filter(self, query: str) -> None:
        """Show the cards whose text contains every word of the query."""
        self.query_text = query
        words = query.lower().split()
        self.shown = [
            index
            for index, (card_id, label, body) in enumerate(self.entries)
            if (self.available is None or card_id in self.available)
            and all(word in (label + " " + body.plain).lower() for word in words)
        ]
        options = self.query_one("#card-list", OptionList)
        options.clear_options()
        options.add_options(
            [Option(Text(self.entries[i][1]), id=self.entries[i][0]) for i in self.shown]
        )
        detail = self.query_one("#card-detail", Static)
        if self.shown:
            options.highlighted = 0
            detail.update(self.entries[self.shown[0]][2])
        else:
            detail.update(Text(tr(STRINGS, "cards.none"), style="italic"))

    def show_available(self, available: frozenset[str]) -> None:
        """Show only the cards the group has (a card revealed later is not listed before)."""
        if available == self.available:
            return
        self.available = available
        if self.is_mounted:
            self.filter(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        if event.input.id == "card-search":
            event.stop()
            self.filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search moves to the list."""
        if event.input.id == "card-search":
            event.stop()
            self.query_one("#card-list", OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted card."""
        if event.option_list.id == "card-list":
            event.stop()
            if 0 <= event.option_index < len(self.shown):
                self.query_one("#card-detail", Static).update(
                    self.entries[self.shown[event.option_index]][2]
                )
