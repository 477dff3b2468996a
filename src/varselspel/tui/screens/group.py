"""Group play (hot seat): the round's decisions, own actions and the card browser for one group."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import (
    DataTable,
    Header,
    Input,
    Label,
    OptionList,
    SelectionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from varselspel.engine.commands import (
    AddAction,
    ChooseOption,
    ClearChoice,
    EditAction,
    RemoveAction,
)
from varselspel.tui.guard import max_length, send
from varselspel.tui.paint import Row, fill_options, fill_table, show
from varselspel.tui.screens.action_form import ActionFormScreen
from varselspel.tui.screens.base import BaseScreen, t
from varselspel.tui.screens.confirm import ConfirmScreen
from varselspel.tui.text import Text, lit
from varselspel.tui.view import clock_text
from varselspel.tui.widgets.card_browser import CardBrowser
from varselspel.tui.widgets.footer import KeyFooter
from varselspel.tui.widgets.table import Table
from varselspel.tui.widgets.text_input import TextInput
from varselspel.view.actions import ActionRow, group_actions
from varselspel.view.decisions import DecisionItem, MandateStatus, group_decisions, mandate_for
from varselspel.view.injects import group_inbox
from varselspel.view.refs import group_refs, role_ref
from varselspel.view.roles import held_roles
from varselspel.view.status import round_view, timer_view


class GroupScreen(BaseScreen):
    """One group's seat: decisions with mandate warnings, rationale, own actions and cards."""

    BINDINGS = [
        Binding("escape", "back", "key.projector", key_display="Esc"),
        Binding("v", "choose_highlighted", "key.choose_option"),
        Binding("d", "decisions", "key.decisions"),
        Binding("l", "briefing", "key.briefing", show=False),
        Binding("r", "rationale", "key.rationale"),
        Binding("x", "clear_choice", "key.clear_choice"),
        Binding("a", "add_action", "key.add_action"),
        Binding("e", "edit_action", "key.edit_action"),
        Binding("delete", "remove_action", "key.remove_action", key_display="Del"),
        Binding("k", "cards", "key.cards"),
        Binding("right_square_bracket", "next_group", "key.next_group", key_display="]"),
        Binding("left_square_bracket", "prev_group", "key.prev_group", key_display="["),
        *[Binding(str(n), f"group_number({n})", "key.group", show=False) for n in range(1, 9)],
    ]

    def __init__(self, group_id: str) -> None:
        super().__init__(id="group-screen")
        self.group_id = group_id
        self.decision_index = 0
        self.drafts: dict[tuple[str, str], str] = {}
        """Rationales typed but not yet sent, by (group, decision), so switching never loses them."""

    def compose(self) -> ComposeResult:
        """Lay out the tabs."""
        session = self.vapp.session
        assert session is not None
        yield Header()
        with Horizontal(id="group-head"):
            yield Label("", id="group-title", classes="screen-title", markup=False)
            yield Label("", id="group-clock", markup=False)
        yield Label("", id="group-roles", markup=False)
        with TabbedContent(id="group-tabs"):
            with TabPane(t("group.decisions"), id="tab-decisions"), Horizontal(id="decisions-body"):
                yield OptionList(id="decisions")
                with VerticalScroll(id="decision-pane", can_focus=False):
                    yield Static("", id="decision-text", markup=False)
                    yield Static("", id="mandate", markup=False)
                    yield Static(t("group.choose_hint"), id="choose-hint", markup=False)
                    yield OptionList(id="options")
                    yield Label(t("group.agreed"), classes="field-label", markup=False)
                    yield SelectionList[str](id="agreed")
                    yield Label(t("group.rationale"), classes="field-label", markup=False)
                    yield TextInput(
                        placeholder=t("group.rationale_placeholder"),
                        id="rationale",
                        compact=True,
                        max_length=max_length(ChooseOption, "rationale"),
                    )
                    yield Static("", id="choice-status", markup=False)
            with TabPane(t("group.briefing"), id="tab-briefing"), VerticalScroll():
                yield Static("", id="briefing", markup=False)
            with TabPane(t("group.actions"), id="tab-actions"):
                yield Static("", id="actions-prompt", markup=False)
                yield Table(id="actions", cursor_type="row", zebra_stripes=True)
            with TabPane(t("group.cards"), id="tab-cards"):
                yield CardBrowser(session.scenario.cards, id="cards")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Draw the group's state."""
        table: DataTable[Any] = self.query_one("#actions", DataTable)
        for key in ("title", "responsible", "level", "timeframe", "financing"):
            table.add_column(t(f"col.{key}"), key=key)
        self.refresh_view()
        self.focus_options()
        if self.vapp.config.live_timer:
            self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        """Redraw the round's clock."""
        if self.is_current:
            self.draw_clock()

    def draw_clock(self) -> None:
        """Show the time left in the round."""
        session = self.vapp.session
        timer = timer_view(session) if session is not None else None
        remaining = timer.remaining if timer is not None else None
        show(self.query_one("#group-clock", Label), lit(clock_text(remaining), "bold"))

    # --- drawing --------------------------------------------------------------------------------

    @property
    def items(self) -> tuple[DecisionItem, ...]:
        """The open round's decisions put to this group."""
        session = self.vapp.session
        return group_decisions(session, self.group_id) if session is not None else ()

    def refresh_view(self) -> None:
        """Redraw the header, the decisions, the briefing and the actions."""
        session = self.vapp.session
        if session is None:
            return
        group = session.state.groups[self.group_id]
        current = round_view(session)
        title = group.name
        if current is not None:
            title += f" – {current.title} – {current.game_time}"
        show(self.query_one("#group-title", Label), lit(title))
        self.draw_clock()
        held = [role.label for role in held_roles(session, self.group_id)]
        show(
            self.query_one("#group-roles", Label),
            lit(t("group.roles", roles=", ".join(held) or "–"), "dim"),
        )
        self.draw_decisions()
        self.draw_briefing()
        self.draw_actions()

    def draw_decisions(self) -> None:
        """List the decisions and show the chosen one."""
        items = self.items
        decisions = self.query_one("#decisions", OptionList)
        if not items:
            message = (
                t("group.no_decisions")
                if self.vapp.session and self.vapp.session.state.round_open
                else t("group.no_round")
            )
            fill_options(decisions, [Option(Text(message, style="italic"), disabled=True)])
            self.query_one("#decision-pane").display = False
            return
        self.query_one("#decision-pane").display = True
        listed: list[Option] = []
        for item in items:
            prompt = Text("✓ " if item.chosen else "○ ")
            if item.choice is not None and item.choice.outside_mandate:
                # A choice outside the mandate stands out in the list, not only inside the decision.
                prompt = Text("! ", style="bold yellow")
            prompt.append(item.question)
            listed.append(Option(prompt, id=item.key))
        fill_options(decisions, listed)
        self.decision_index = min(self.decision_index, len(items) - 1)
        if decisions.highlighted != self.decision_index:
            decisions.highlighted = self.decision_index
        self.draw_decision(items)

    def draw_decision(self, items: tuple[DecisionItem, ...] | None = None) -> None:
        """Show the current decision: question, options, owners, mandate and the choice."""
        session = self.vapp.session
        items = self.items if items is None else items
        if session is None or not items:
            return
        item = items[self.decision_index]
        text = Text(item.question + "\n", style="bold")
        if item.context:
            text.append(item.context + "\n")
        if item.owners:
            text.append(
                t("group.owner", owners=", ".join(r.title for r in item.owners)), style="italic"
            )
        else:
            text.append(t("group.owner_none"), style="italic")
        show(self.query_one("#decision-text", Static), text)

        options = self.query_one("#options", OptionList)
        highlighted = options.highlighted
        listed: list[Option] = []
        for option in item.options:
            prompt = Text()
            prompt.append(
                "● " if option.chosen else "○ ", style="bold green" if option.chosen else ""
            )
            prompt.append(option.label, style="bold")
            if option.chosen:
                prompt.append("  " + t("group.chosen_mark"), style="bold green")
            if option.explanation:
                prompt.append("\n   " + option.explanation, style="dim")
            listed.append(Option(prompt, id=option.id))
        fill_options(options, listed)
        if options.option_count:
            if highlighted is None:
                highlighted = item.option_index(item.chosen)
            target = min(highlighted or 0, options.option_count - 1)
            if options.highlighted != target:
                options.highlighted = target

        agreed = self.query_one("#agreed", SelectionList)
        # Nothing ticked means "the roles the group holds" (the engine's rule, said on screen).
        choice = item.choice
        selected = {r.id for r in choice.agreed} if choice is not None else set()
        roles = held_roles(session, self.group_id)
        listed_roles = [(o.value, str(o.prompt)) for o in agreed.options]
        if listed_roles != [(r.id, r.label) for r in roles] or set(agreed.selected) != selected:
            agreed.clear_options()
            agreed.add_options([Selection(lit(r.label), r.id, r.id in selected) for r in roles])

        self.draw_mandate(item)
        rationale = self.query_one("#rationale", Input)
        if not rationale.has_focus:
            saved = choice.rationale if choice is not None else ""
            rationale.value = self.drafts.get((self.group_id, item.key), saved)
        status = Text()
        if choice is not None:
            status.append(t("group.chosen", option=choice.label), style="bold green")
            if choice.outside_mandate:
                status.append("  (" + t("group.outside_mandate") + ": ")
                status.append(
                    ", ".join(r.title for r in choice.anchor_with) + ")", style="bold yellow"
                )
            if choice.outcome:
                status.append("\n" + t("group.outcome", text=choice.outcome))
        else:
            status.append(t("group.not_chosen"), style="italic")
        show(self.query_one("#choice-status", Static), status)

    def draw_mandate(self, item: DecisionItem | None = None) -> None:
        """Say whether the agreeing roles hold the decision's mandate; warn plainly when not."""
        session = self.vapp.session
        if item is None:
            items = self.items
            item = items[self.decision_index] if items else None
        if session is None or item is None:
            return
        agreed = self.query_one("#agreed", SelectionList).selected
        mandate = mandate_for(session, self.group_id, item.key, agreed)
        widget = self.query_one("#mandate", Static)
        if mandate.status is MandateStatus.OPEN:
            show(widget, "")
        elif mandate.status is MandateStatus.HELD:
            show(widget, Text(t("group.has_mandate"), style="green"))
        elif mandate.refuse:
            show(widget, Text(t("group.no_mandate_refuse"), style="bold red"))
        else:
            owners = ", ".join(r.title for r in mandate.owners)
            show(widget, Text(t("group.no_mandate", owners=owners), style="bold yellow"))

    def draw_briefing(self) -> None:
        """Show the round's briefing and the injects that reached the group."""
        session = self.vapp.session
        assert session is not None
        current = round_view(session)
        text = Text()
        if current is None:
            text.append(session.scenario.summary)
        else:
            text.append(current.briefing + "\n")
            for delivery in group_inbox(session, self.group_id):
                inject = delivery.inject
                text.append("\n" + inject.title, style="bold")
                if inject.sender:
                    text.append("  " + t("proj.from", sender=inject.sender), style="italic")
                text.append("\n" + inject.text + "\n")
        show(self.query_one("#briefing", Static), text)

    def draw_actions(self) -> None:
        """List the group's own actions."""
        session = self.vapp.session
        assert session is not None
        rows = group_actions(session, self.group_id)
        current = round_view(session)
        prompt = Text()
        if current is not None and current.own_actions_prompt:
            prompt.append(t("group.own_prompt", text=current.own_actions_prompt), style="italic")
        if not rows:
            if prompt:
                prompt.append("\n")
            prompt.append(t("group.no_actions"), style="dim")
        show(self.query_one("#actions-prompt", Static), prompt)
        fill_table(
            self.query_one("#actions", DataTable),
            [
                Row(
                    action.id,
                    (
                        lit(action.title),
                        lit(action.responsible.label if action.responsible is not None else ""),
                        lit(t(f"level.{action.level.value}")),
                        lit(action.timeframe),
                        lit(action.financing),
                    ),
                )
                for action in rows
            ],
        )

    # --- events ---------------------------------------------------------------------------------

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Follow the decision cursor."""
        if event.option_list.id == "decisions" and event.option_index != self.decision_index:
            event.stop()
            self.save_draft()
            self.decision_index = event.option_index
            self.query_one("#options", OptionList).highlighted = None
            self.draw_decision()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on an option chooses it; on a decision moves to its options."""
        if event.option_list.id == "decisions":
            event.stop()
            self.focus_options()
        elif event.option_list.id == "options":
            event.stop()
            if event.option.id:
                self.choose(event.option.id)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        """Update the mandate warning when the agreeing roles change."""
        event.stop()
        self.draw_mandate()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the rationale records it with the current choice."""
        if event.input.id != "rationale":
            return
        event.stop()
        items = self.items
        if not items:
            return
        chosen = items[self.decision_index].chosen
        if chosen is None:
            self.notify(t("group.choose_first"), severity="warning")
            return
        self.choose(chosen)
        self.query_one("#options", OptionList).focus()

    def save_draft(self) -> None:
        """Keep the rationale in the field for the current decision; save it if already chosen."""
        items = self.items
        if not items or not self.is_mounted:
            return
        item = items[min(self.decision_index, len(items) - 1)]
        text = self.query_one("#rationale", Input).value.strip()
        choice = item.choice
        saved = choice.rationale if choice is not None else ""
        if text == saved:
            self.drafts.pop((self.group_id, item.key), None)
            return
        self.drafts[(self.group_id, item.key)] = text
        if choice is None:
            # Not chosen yet: the draft goes with the choice when an option is picked.
            return
        result = send(
            self.vapp,
            lambda: ChooseOption(
                group=self.group_id,
                decision=item.key,
                option=choice.option,
                rationale=text,
                agreed_roles=list(self.query_one("#agreed", SelectionList).selected),
            ),
            actor=self.group_id,
        )
        if result is not None and result.ok:
            self.drafts.pop((self.group_id, item.key), None)
            self.notify(t("group.rationale_saved"), markup=False)

    def on_screen_suspend(self) -> None:
        """Leaving the seat (Esc, a dialog) saves a rationale typed without Enter."""
        self.save_draft()

    def choose(self, option_id: str) -> None:
        """Send the group's choice with its rationale and agreeing roles."""
        items = self.items
        if not items:
            return
        item = items[self.decision_index]
        rationale = self.query_one("#rationale", Input).value.strip()
        agreed = list(self.query_one("#agreed", SelectionList).selected)
        result = send(
            self.vapp,
            lambda: ChooseOption(
                group=self.group_id,
                decision=item.key,
                option=option_id,
                rationale=rationale,
                agreed_roles=agreed,
            ),
            actor=self.group_id,
        )
        if result is not None and result.ok:
            self.drafts.pop((self.group_id, item.key), None)

    # --- actions --------------------------------------------------------------------------------

    def action_back(self) -> None:
        """Go back to the projector view."""
        self.app.pop_screen()

    def action_choose_highlighted(self) -> None:
        """Choose the option under the cursor of the options list."""
        options = self.query_one("#options", OptionList)
        if options.highlighted is None:
            self.notify(t("group.choose_first"), severity="warning")
            return
        option = options.get_option_at_index(options.highlighted)
        if option.id:
            self.choose(option.id)

    def action_decisions(self) -> None:
        """Move to the list of decisions."""
        self.query_one("#group-tabs", TabbedContent).active = "tab-decisions"
        self.query_one("#decisions", OptionList).focus()

    def action_briefing(self) -> None:
        """Show the round's briefing and the injects the group has received."""
        self.query_one("#group-tabs", TabbedContent).active = "tab-briefing"

    def action_rationale(self) -> None:
        """Move to the rationale field."""
        self.query_one("#group-tabs", TabbedContent).active = "tab-decisions"
        self.query_one("#rationale", Input).focus()

    def action_clear_choice(self) -> None:
        """Withdraw the choice of the current decision."""
        items = self.items
        if not items or items[self.decision_index].chosen is None:
            return
        # The group may choose again; keep the rationale it wrote as a draft.
        key = items[self.decision_index].key
        self.drafts[(self.group_id, key)] = self.query_one("#rationale", Input).value.strip()
        send(self.vapp, ClearChoice(group=self.group_id, decision=key), actor=self.group_id)

    def _role_labels(self) -> dict[str, str]:
        """Return the scenario's roles with their titles."""
        session = self.vapp.session
        assert session is not None
        return {r.role: role_ref(session, r.role).title for r in session.scenario.roles}

    def _run(self, command: Any) -> None:
        """Send a group command."""
        send(self.vapp, command, actor=self.group_id)

    def action_add_action(self) -> None:
        """Open the form for a new own action."""
        session = self.vapp.session
        if session is None:
            return
        self.query_one("#group-tabs", TabbedContent).active = "tab-actions"

        def done(fields: Any) -> None:
            if fields is not None:
                self._run(AddAction(group=self.group_id, fields=fields))

        form = ActionFormScreen(
            session.scenario, self._role_labels(), game_time=self._game_time(session)
        )
        self.app.push_screen(form, done)

    @staticmethod
    def _game_time(session: Any) -> str:
        """Return the current round's game time, when the action is decided (empty before)."""
        index = session.state.round_index
        rounds = session.scenario.rounds
        return rounds[index].game_time if 0 <= index < len(rounds) else ""

    def _selected_action(self) -> ActionRow | None:
        """Return the action under the cursor."""
        session = self.vapp.session
        table: DataTable[Any] = self.query_one("#actions", DataTable)
        if session is None or not table.row_count:
            return None
        rows = group_actions(session, self.group_id)
        return rows[table.cursor_row] if 0 <= table.cursor_row < len(rows) else None

    def action_edit_action(self) -> None:
        """Open the form for the action under the cursor."""
        session = self.vapp.session
        action = self._selected_action()
        if session is None or action is None:
            return
        self.query_one("#group-tabs", TabbedContent).active = "tab-actions"
        aid = action.id

        def done(fields: Any) -> None:
            if fields is not None:
                self._run(EditAction(group=self.group_id, action=aid, fields=fields))

        form = ActionFormScreen(
            session.scenario, self._role_labels(), action.fields, game_time=self._game_time(session)
        )
        self.app.push_screen(form, done)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter or a click on an action edits it."""
        if event.data_table.id == "actions":
            event.stop()
            self.action_edit_action()

    def action_remove_action(self) -> None:
        """Remove the action under the cursor after a confirmation."""
        action = self._selected_action()
        if action is None:
            return
        aid = action.id

        def answer(yes: bool | None) -> None:
            if yes:
                self._run(RemoveAction(group=self.group_id, action=aid))

        self.app.push_screen(ConfirmScreen(t("action.remove_q", title=action.title)), answer)

    def action_cards(self) -> None:
        """Open the card browser."""
        self.query_one("#group-tabs", TabbedContent).active = "tab-cards"
        self.query_one("#card-search", Input).focus()

    def on_screen_resume(self) -> None:
        """Redraw whenever the seat is shown again, for the same or another group."""
        self.stale = False
        self.refresh_view()
        tabs = self.query_one("#group-tabs", TabbedContent)
        if tabs.active == "tab-decisions" and not isinstance(self.focused, Input):
            self.focus_options()

    def focus_options(self) -> None:
        """Focus the options but keep the pane at its top, so the question stays in view."""
        self.query_one("#options", OptionList).focus(scroll_visible=False)
        pane = self.query_one("#decision-pane", VerticalScroll)
        pane.scroll_home(animate=False)
        self.call_after_refresh(pane.scroll_home, animate=False)

    def show_group(self, group_id: str) -> None:
        """Seat another group (or the same one again) before the screen is shown."""
        if group_id != self.group_id:
            self.group_id = group_id
            self.decision_index = 0
            if self.is_mounted:
                self.query_one("#rationale", Input).value = ""
                self.query_one("#group-tabs", TabbedContent).active = "tab-decisions"

    def _switch(self, step: int) -> None:
        """Move the hot seat to the next or previous group."""
        session = self.vapp.session
        if session is None:
            return
        self.save_draft()
        ids = [g.id for g in group_refs(session)]
        index = (ids.index(self.group_id) + step) % len(ids)
        self.group_id = ids[index]
        self.decision_index = 0
        self.query_one("#rationale", Input).value = ""
        self.refresh_view()

    def action_group_number(self, number: int) -> None:
        """Seat group number `number`, as the same keys do on the projector."""
        session = self.vapp.session
        if session is None:
            return
        ids = [g.id for g in group_refs(session)]
        if 1 <= number <= len(ids):
            self._switch(number - 1 - ids.index(self.group_id))

    def action_next_group(self) -> None:
        """Switch to the next group."""
        self._switch(1)

    def action_prev_group(self) -> None:
        """Switch to the previous group."""
        self._switch(-1)
