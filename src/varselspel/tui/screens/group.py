"""Group play (hot seat): the round's decisions, the briefing, own actions and the cards.

The screen renders view models into its widgets and turns their messages into engine commands;
what the group has typed or ticked but not yet recorded is kept per group and decision.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, TabbedContent, TabPane

from varselspel.engine import CommandResult
from varselspel.engine.commands import (
    ActionFields,
    AddAction,
    ChooseNumber,
    ChooseOption,
    ChooseOptions,
    ClearChoice,
    Command,
    EditAction,
    RemoveAction,
)
from varselspel.tui.answers import restate, toggled
from varselspel.tui.guard import send
from varselspel.tui.screens.action_form import ActionFormScreen
from varselspel.tui.screens.ask import Answer, AskScreen
from varselspel.tui.screens.base import BaseScreen, t
from varselspel.tui.screens.confirm import ConfirmScreen
from varselspel.tui.widgets.action_list import ActionList
from varselspel.tui.widgets.agreement_picker import AgreementPicker
from varselspel.tui.widgets.briefing_view import BriefingView
from varselspel.tui.widgets.card_browser import CardBrowser
from varselspel.tui.widgets.decision_list import DecisionList
from varselspel.tui.widgets.decision_pane import DecisionPane, PaneView
from varselspel.tui.widgets.footer import KeyFooter
from varselspel.tui.widgets.number_picker import NumberPicker
from varselspel.tui.widgets.option_picker import OptionPicker
from varselspel.tui.widgets.rationale_box import RationaleBox
from varselspel.tui.widgets.seat_header import SeatHeader
from varselspel.view.actions import ActionRow, group_actions
from varselspel.view.cards import available_cards
from varselspel.view.decisions import (
    ChoiceView,
    DecisionItem,
    Selection,
    group_decisions,
    mandate_for,
)
from varselspel.view.injects import group_inbox
from varselspel.view.refs import group_refs, role_ref
from varselspel.view.roles import held_roles
from varselspel.view.status import round_view, timer_view

Key = tuple[str, str]
"""A decision of one group: (group id, decision key)."""


class GroupScreen(BaseScreen):
    """One group's seat: decisions with their mandate, rationale, own actions and cards."""

    CSS_PATH = "group.tcss"

    BINDINGS = [
        Binding("escape", "back", "key.projector", key_display="Esc"),
        Binding("v", "choose_marked", "key.choose_option"),
        Binding("r", "rationale", "key.rationale"),
        Binding("a", "actions", "key.own_actions"),
        Binding("l", "briefing", "key.briefing"),
        Binding("k", "cards", "key.cards"),
        Binding("d", "decisions", "key.decisions"),
        Binding("x", "clear_choice", "key.clear_choice"),
        Binding("n", "add_action", "key.add_action", show=False),
        Binding("e", "edit_action", "key.edit_action", show=False),
        Binding("delete", "remove_action", "key.remove_action", show=False, key_display="Del"),
        Binding(
            "right_square_bracket", "next_group", "key.next_group", show=False, key_display="]"
        ),
        Binding("left_square_bracket", "prev_group", "key.prev_group", show=False, key_display="["),
        *[Binding(str(n), f"group_number({n})", "key.group", show=False) for n in range(1, 9)],
    ]

    def __init__(self, group_id: str) -> None:
        super().__init__(id="group-screen")
        self.group_id = group_id
        self.decision_key: str | None = None
        """The decision under the cursor; None before the first is shown."""
        self.rationale_drafts: dict[Key, str] = {}
        """Rationales typed but not recorded, so switching decision or group never loses them."""
        self.tick_drafts: dict[Key, tuple[str, ...]] = {}
        """Roles ticked before choosing; they go with the choice."""

    def compose(self) -> ComposeResult:
        """Lay out the header and the tabs."""
        session = self.vapp.session
        assert session is not None
        yield Header()
        yield SeatHeader(id="seat-header")
        with TabbedContent(id="group-tabs"):
            with TabPane(t("group.decisions"), id="tab-decisions"), Horizontal(id="decisions-body"):
                yield DecisionList(id="decisions")
                yield DecisionPane(id="decision-pane")
            with (
                TabPane(t("group.briefing"), id="tab-briefing"),
                VerticalScroll(id="briefing-scroll"),
            ):
                yield BriefingView("", id="briefing", markup=False)
            with TabPane(t("group.actions"), id="tab-actions"):
                yield ActionList(id="action-list")
            with TabPane(t("group.cards"), id="tab-cards"):
                yield CardBrowser(session.scenario.cards, id="cards")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Draw the group's state and start the clock."""
        self.refresh_view()
        self.focus_options()
        if self.vapp.config.live_timer:
            self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        """Redraw the round's clock."""
        if self.is_current:
            self.draw_clock()

    # --- view models to widgets -----------------------------------------------------------------

    def items(self) -> tuple[DecisionItem, ...]:
        """The open round's decisions put to the seated group."""
        session = self.vapp.session
        return group_decisions(session, self.group_id) if session is not None else ()

    def current_item(self) -> DecisionItem | None:
        """The decision under the cursor."""
        items = self.items()
        return next((i for i in items if i.key == self.decision_key), None)

    def refresh_view(self) -> None:
        """Redraw everything the seat shows from the session's view models."""
        session = self.vapp.session
        if session is None:
            return
        items = self.items()
        if self.decision_key not in [i.key for i in items]:
            self.decision_key = items[0].key if items else None
        current = round_view(session)
        group = session.state.groups[self.group_id]
        self.query_one(SeatHeader).show(group.name, current, held_roles(session, self.group_id))
        self.draw_clock()
        empty = t("group.no_decisions") if session.state.round_open else t("group.no_round")
        self.query_one(DecisionList).show(items, self.decision_key, empty)
        pane = self.query_one(DecisionPane)
        pane.display = bool(items)
        self.draw_pane(items)
        self.query_one(BriefingView).show(
            current, session.scenario.summary, group_inbox(session, self.group_id)
        )
        self.query_one(CardBrowser).show_available(
            frozenset(card.id for card in available_cards(session, self.group_id))
        )
        prompt = current.own_actions_prompt if current is not None else ""
        self.query_one(ActionList).show(
            group_actions(session, self.group_id), prompt, self.key_for("add_action")
        )

    def draw_clock(self) -> None:
        """Show the time left in the round."""
        session = self.vapp.session
        timer = timer_view(session) if session is not None else None
        self.query_one(SeatHeader).show_clock(timer.remaining if timer is not None else None)

    def draw_pane(self, items: tuple[DecisionItem, ...] | None = None) -> None:
        """Show the decision under the cursor."""
        items = self.items() if items is None else items
        item = next((i for i in items if i.key == self.decision_key), None)
        if item is not None:
            self.query_one(DecisionPane).show(self.pane_view(item))

    def pane_view(self, item: DecisionItem) -> PaneView:
        """Return what the pane shows of `item`: the record, or the group's drafts before it."""
        session = self.vapp.session
        assert session is not None
        key = (self.group_id, item.key)
        held = held_roles(session, self.group_id)
        choice = item.choice
        if choice is not None:
            ticked = self.recorded_ticks(choice, held_ids={r.id for r in held})
            mandate = item.mandate
            rationale = self.rationale_drafts.get(key, choice.rationale)
        else:
            ticked = self.tick_drafts.get(key, ())
            mandate = mandate_for(session, self.group_id, item.key, ticked)
            rationale = self.rationale_drafts.get(key, "")
        return PaneView(self.group_id, item, held, ticked, mandate, rationale)

    @staticmethod
    def recorded_ticks(choice: ChoiceView, held_ids: set[str]) -> tuple[str, ...]:
        """Return the ticks for a recorded choice: none when every role the group holds agrees."""
        agreed = tuple(r.id for r in choice.agreed if r.id in held_ids)
        return () if set(agreed) == held_ids else agreed

    def key_for(self, action: str) -> str:
        """Return the key shown for one of the screen's actions."""
        binding = next(b for _, b in self._bindings if b.action == action)
        return binding.key_display or binding.key

    # --- the group's doing, from the widgets ----------------------------------------------------

    def on_decision_list_picked(self, message: DecisionList.Picked) -> None:
        """Follow the decision cursor; a rationale typed for the old one is kept."""
        self.save_draft()
        self.decision_key = message.key
        self.draw_pane()

    def on_decision_list_opened(self, message: DecisionList.Opened) -> None:
        """Enter on a decision moves to its options."""
        self.focus_options()

    def on_option_picker_chosen(self, message: OptionPicker.Chosen) -> None:
        """Enter or a click on an option chooses it."""
        self.choose(message.option)

    def on_agreement_picker_changed(self, message: AgreementPicker.Changed) -> None:
        """A tick after choosing is recorded at once; before choosing it waits for the choice."""
        session = self.vapp.session
        item = self.current_item()
        if session is None or item is None:
            return
        if item.choice is None:
            self.tick_drafts[(self.group_id, item.key)] = message.roles
            mandate = mandate_for(session, self.group_id, item.key, message.roles)
            self.query_one(DecisionPane).show_mandate(mandate)
            return
        choice = item.choice
        result = self.send(restate(self.group_id, item, choice, choice.rationale, message.roles))
        if result is None or not result.ok:
            # Refused (a decision that needs its owner behind it): show what is recorded.
            self.draw_pane()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Keep what is typed in the rationale as a draft of the decision under the cursor."""
        if event.input.id != "rationale" or self.decision_key is None:
            return
        event.stop()
        self.rationale_drafts[(self.group_id, self.decision_key)] = event.value.strip()

    def on_rationale_box_saved(self, message: RationaleBox.Saved) -> None:
        """Enter in the rationale records it with the choice, then goes back to the options."""
        item = self.current_item()
        if item is None:
            return
        if item.choice is None:
            self.notify(t("group.choose_first"), severity="warning")
            return
        self.record_rationale(item, item.choice, message.text)
        self.focus_options()

    def on_action_list_edit_requested(self, message: ActionList.EditRequested) -> None:
        """Enter or a click on an action edits it."""
        self.action_edit_action()

    def on_screen_suspend(self) -> None:
        """Leaving the seat (Esc, a dialog) records a rationale typed without Enter."""
        self.save_draft()

    def on_screen_resume(self) -> None:
        """Redraw whenever the seat is shown again, for the same or another group."""
        self.stale = False
        self.refresh_view()
        if self.active_tab == "tab-decisions" and not isinstance(self.focused, Input):
            self.focus_options()

    # --- commands -------------------------------------------------------------------------------

    def send(self, command: Command) -> CommandResult | None:
        """Send a command as the seated group; the guard reports the result."""
        return send(self.vapp, command, actor=self.group_id)

    def choose(self, option: str) -> None:
        """Record `option`; when it replaces another one, ask whether the rationale still holds."""
        item = self.current_item()
        if item is None:
            return
        rationale = self.query_one(RationaleBox).text
        ticks = self.query_one(AgreementPicker).ticked
        if item.selection is Selection.MANY:
            self.record_options(item, toggled(item, option), rationale, ticks)
            return
        choice = item.choice
        if choice is None or choice.option == option or not rationale:
            self.record_choice(item.key, option, rationale, ticks)
            return
        label = next((o.label for o in item.options if o.id == option), option)

        def answer(value: str | None) -> None:
            if value is not None:
                self.record_choice(item.key, option, rationale if value == "keep" else "", ticks)

        question = t("group.rationale_check", old=choice.label, new=label, text=rationale)
        answers = [
            Answer("keep", t("group.rationale_keep"), "b"),
            Answer("clear", t("group.rationale_clear"), "t"),
        ]
        self.open_dialog(AskScreen(t("group.rationale_check_title"), question, answers), answer)

    def record_options(
        self, item: DecisionItem, options: tuple[str, ...], rationale: str, ticks: tuple[str, ...]
    ) -> None:
        """Send a multi-select's options; unticking the last one withdraws the choice."""
        if not options:
            self.send(ClearChoice(group=self.group_id, decision=item.key))
            return
        command = ChooseOptions(
            group=self.group_id,
            decision=item.key,
            options=list(options),
            rationale=rationale,
            agreed_roles=list(ticks),
        )
        self.after_recorded(item.key, rationale, self.send(command))

    def on_number_picker_chosen(self, message: NumberPicker.Chosen) -> None:
        """Enter on a number in range records it as the group's answer."""
        item = self.current_item()
        if item is None:
            return
        rationale = self.query_one(RationaleBox).text
        ticks = self.query_one(AgreementPicker).ticked
        command = ChooseNumber(
            group=self.group_id,
            decision=item.key,
            value=message.value,
            rationale=rationale,
            agreed_roles=list(ticks),
        )
        self.after_recorded(item.key, rationale, self.send(command))

    def after_recorded(self, key: str, rationale: str, result: CommandResult | None) -> None:
        """Drop the drafts a recorded answer replaces."""
        if result is not None and result.ok:
            self.rationale_drafts.pop((self.group_id, key), None)
            self.tick_drafts.pop((self.group_id, key), None)
            self.query_one(RationaleBox).show(rationale)

    def record_choice(self, key: str, option: str, rationale: str, ticks: tuple[str, ...]) -> None:
        """Send the choice; what it replaces (drafts, an old rationale) goes once it is recorded."""
        result = self.send(
            ChooseOption(
                group=self.group_id,
                decision=key,
                option=option,
                rationale=rationale,
                agreed_roles=list(ticks),
            )
        )
        if result is not None and result.ok:
            self.rationale_drafts.pop((self.group_id, key), None)
            self.tick_drafts.pop((self.group_id, key), None)
            self.query_one(RationaleBox).show(rationale)

    def record_rationale(self, item: DecisionItem, choice: ChoiceView, text: str) -> bool:
        """Record a new rationale for a choice made; True when it is recorded (or unchanged)."""
        key = (self.group_id, item.key)
        if text == choice.rationale:
            self.rationale_drafts.pop(key, None)
            return True
        session = self.vapp.session
        assert session is not None
        held = {r.id for r in held_roles(session, self.group_id)}
        result = self.send(
            restate(self.group_id, item, choice, text, self.recorded_ticks(choice, held))
        )
        if result is None or not result.ok:
            return False
        self.rationale_drafts.pop(key, None)
        self.notify(t("group.rationale_saved"), markup=False)
        return True

    def save_draft(self) -> None:
        """Record a rationale typed for a chosen decision; before choosing it stays a draft."""
        item = self.current_item()
        if item is None or item.choice is None or not self.is_mounted:
            return
        text = self.rationale_drafts.get((self.group_id, item.key))
        if text is not None:
            self.record_rationale(item, item.choice, text)

    # --- keys -----------------------------------------------------------------------------------

    @property
    def active_tab(self) -> str:
        """The id of the tab shown."""
        return self.query_one("#group-tabs", TabbedContent).active

    def show_tab(self, tab: str) -> bool:
        """Show a tab; True when it was shown already."""
        tabs = self.query_one("#group-tabs", TabbedContent)
        if tabs.active == tab:
            return True
        tabs.active = tab
        return False

    def action_back(self) -> None:
        """Go back to the projector view."""
        self.app.pop_screen()

    def action_choose_marked(self) -> None:
        """Choose the option marked ▶; from another tab, show the options first."""
        if not self.show_tab("tab-decisions"):
            self.focus_options()
            return
        item = self.current_item()
        if item is not None and item.selection is Selection.NUMBER:
            self.focus_options()  # the number is chosen with Enter in its field
            return
        marked = self.query_one(OptionPicker).marked
        if marked is None:
            self.notify(t("group.choose_first"), severity="warning")
            return
        self.choose(marked.id)

    def action_decisions(self) -> None:
        """Move to the list of decisions."""
        self.show_tab("tab-decisions")
        self.call_after_refresh(self.query_one(DecisionList).focus)

    def action_briefing(self) -> None:
        """Show the round's briefing and the injects the group has received."""
        self.show_tab("tab-briefing")
        self.call_after_refresh(self.query_one("#briefing-scroll").focus)

    def action_actions(self) -> None:
        """Show the group's own actions."""
        self.show_tab("tab-actions")
        self.call_after_refresh(self.query_one("#actions").focus)

    def action_cards(self) -> None:
        """Open the card browser at its search field."""
        self.show_tab("tab-cards")
        self.call_after_refresh(self.query_one("#card-search").focus)

    def action_rationale(self) -> None:
        """Move to the rationale field."""
        self.show_tab("tab-decisions")
        self.call_after_refresh(self.query_one(RationaleBox).focus)

    def action_clear_choice(self) -> None:
        """Withdraw the choice of the decision shown; from another tab, show the decision first."""
        if not self.show_tab("tab-decisions"):
            self.focus_options()
            return
        item = self.current_item()
        if item is None or item.choice is None:
            return
        # The group may choose again; the rationale it wrote stays as a draft.
        self.rationale_drafts[(self.group_id, item.key)] = self.query_one(RationaleBox).text
        self.send(ClearChoice(group=self.group_id, decision=item.key))

    def role_titles(self) -> dict[str, str]:
        """Return the scenario's roles with their titles, for the action form."""
        session = self.vapp.session
        assert session is not None
        return {r.role: role_ref(session, r.role).title for r in session.scenario.roles}

    def action_add_action(self) -> None:
        """Open the form for a new own action."""
        session = self.vapp.session
        if session is None:
            return
        self.show_tab("tab-actions")
        gid = self.group_id

        def done(fields: ActionFields | None) -> None:
            if fields is not None:
                send(self.vapp, AddAction(group=gid, fields=fields), actor=gid)

        form = ActionFormScreen(
            session.scenario, self.role_titles(), game_time=self._game_time(session)
        )
        self.open_dialog(form, done)

    @staticmethod
    def _game_time(session: Any) -> str:
        """Return the current round's game time, when the action is decided (empty before)."""
        index = session.state.round_index
        rounds = session.scenario.rounds
        return rounds[index].game_time if 0 <= index < len(rounds) else ""

    def selected_action(self) -> ActionRow | None:
        """Return the action under the actions cursor."""
        return self.query_one(ActionList).selected

    def action_edit_action(self) -> None:
        """Open the form for the action under the cursor."""
        session = self.vapp.session
        action = self.selected_action()
        if session is None or action is None:
            return
        self.show_tab("tab-actions")
        gid, aid = self.group_id, action.id

        def done(fields: ActionFields | None) -> None:
            if fields is not None:
                send(self.vapp, EditAction(group=gid, action=aid, fields=fields), actor=gid)

        form = ActionFormScreen(
            session.scenario, self.role_titles(), action.fields, game_time=self._game_time(session)
        )
        self.open_dialog(form, done)

    def action_remove_action(self) -> None:
        """Remove the action under the cursor after a confirmation."""
        action = self.selected_action()
        if action is None:
            return
        self.show_tab("tab-actions")
        gid, aid = self.group_id, action.id

        def answer(yes: bool | None) -> None:
            if yes:
                send(self.vapp, RemoveAction(group=gid, action=aid), actor=gid)

        self.open_dialog(ConfirmScreen(t("action.remove_q", title=action.title)), answer)

    def open_dialog(self, dialog: Screen[Any], done: Callable[[Any], None]) -> None:
        """Show a dialog over the seat; `done` gets its answer."""
        self.app.push_screen(dialog, done)

    def focus_options(self) -> None:
        """Focus the options but keep the pane at its top, so the question stays in view."""
        item = self.current_item()
        if item is not None and item.selection is Selection.NUMBER:
            self.query_one("#number-value", Input).focus(scroll_visible=False)
        else:
            self.query_one(OptionPicker).focus(scroll_visible=False)
        pane = self.query_one(DecisionPane)
        pane.scroll_home(animate=False)
        self.call_after_refresh(pane.scroll_home, animate=False)

    # --- changing seats -------------------------------------------------------------------------

    def show_group(self, group_id: str) -> None:
        """Seat another group (or the same one again) before the screen is shown."""
        if group_id != self.group_id:
            self.seat(group_id)

    def seat(self, group_id: str) -> None:
        """Seat `group_id` at its first decision, with the decisions tab in front."""
        self.group_id = group_id
        self.decision_key = None
        if self.is_mounted:
            self.show_tab("tab-decisions")

    def _switch(self, step: int) -> None:
        """Move the hot seat `step` groups on."""
        session = self.vapp.session
        if session is None:
            return
        self.save_draft()
        ids = [g.id for g in group_refs(session)]
        self.seat(ids[(ids.index(self.group_id) + step) % len(ids)])
        self.refresh_view()
        self.focus_options()

    def action_group_number(self, number: int) -> None:
        """Seat group number `number`, as the same keys do on the projector."""
        session = self.vapp.session
        if session is None:
            return
        ids = [g.id for g in group_refs(session)]
        if 1 <= number <= len(ids):
            self._switch(number - 1 - ids.index(self.group_id))

    def action_next_group(self) -> None:
        """Seat the next group."""
        self._switch(1)

    def action_prev_group(self) -> None:
        """Seat the previous group."""
        self._switch(-1)
