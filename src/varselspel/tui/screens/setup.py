"""Setup: name the groups, enter participants, give out the roles and preview role cards."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Label, Static

from varselspel.engine.commands import (
    FACILITATOR,
    AddGroup,
    AddParticipant,
    AssignRole,
    MoveParticipant,
    RemoveGroup,
    RemoveParticipant,
    RenameGroup,
    StartSession,
    UnassignRole,
)
from varselspel.tui import flow
from varselspel.tui.guard import max_length, send
from varselspel.tui.paint import Row, fill_table, show
from varselspel.tui.role_match import Person, plan_roles, seats_to_fill
from varselspel.tui.screens.base import BaseScreen, t
from varselspel.tui.screens.confirm import ConfirmScreen
from varselspel.tui.screens.dialogs import FormScreen, PickScreen
from varselspel.tui.screens.role_card import RoleCardScreen, role_card_text
from varselspel.tui.screens.role_plan import PlanRow, RolePlanScreen
from varselspel.tui.text import Text, lit
from varselspel.tui.view import holder_text
from varselspel.tui.widgets.footer import KeyFooter
from varselspel.tui.widgets.table import Table
from varselspel.view.refs import role_ref
from varselspel.view.roles import missing_roles, participants, role_holders, setup_groups


class SetupScreen(BaseScreen):
    """Groups on the left; the chosen group's participants and roles on the right."""

    BINDINGS = [
        Binding("s", "start", "key.start"),
        Binding("p", "add_participant", "key.add_participant"),
        Binding("f", "auto_roles", "key.auto_roles"),
        Binding("t", "assign_role", "key.assign_role"),
        Binding("k", "role_card", "key.role_card"),
        Binding("g", "add_group", "key.add_group"),
        Binding("escape", "launcher", "key.back", key_display="Esc"),
        Binding("b", "rename_group", "key.rename_group", show=False),
        Binding("delete", "remove_group", "key.remove_group", show=False, key_display="Del"),
        Binding("x", "remove_participant", "key.remove_participant", show=False),
        Binding("m", "move_participant", "key.move_participant", show=False),
        Binding("z", "undo", "key.undo", show=False),
    ]

    PHASES = frozenset({"setup"})

    def __init__(self, running: bool = False) -> None:
        super().__init__(id="setup-running" if running else "setup")
        self.group_id: str | None = None
        self.running = running
        """True when opened from a running workshop: people and roles change, groups do not."""
        if running:
            self.PHASES = frozenset({"ready", "round"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In a running workshop, hide what only the setup may do."""
        return not (self.running and action in {"add_group", "remove_group", "start"})

    def action_launcher(self) -> None:
        """Go back: to the projector view in a running workshop, else to the launcher."""
        if self.running:
            self.app.pop_screen()
        else:
            super().action_launcher()

    def compose(self) -> ComposeResult:
        """Lay out the three tables and the missing-roles line."""
        session = self.vapp.session
        assert session is not None
        yield Header()
        title = session.scenario.title
        if self.running:
            title += " – " + t("setup.running")
        yield Label(lit(title), classes="screen-title", id="setup-scenario")
        with Horizontal(id="setup-body"):
            with Vertical(id="setup-groups-col"):
                yield Label(t("setup.groups"), classes="section-title", markup=False)
                yield Table(id="groups", cursor_type="row", zebra_stripes=True, fit=True)
            with Vertical(id="setup-right"):
                yield Label("", classes="section-title", id="participants-title", markup=False)
                yield Table(id="participants", cursor_type="row", zebra_stripes=True, fit=True)
                yield Label("", classes="section-title", id="roles-title", markup=False)
                yield Table(id="roles", cursor_type="row", zebra_stripes=True, fit=True)
        yield Static("", id="missing", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Add the columns and show the state."""
        groups: DataTable[Any] = self.query_one("#groups", DataTable)
        groups.add_column(t("setup.col.group"), key="name")
        groups.add_column(t("setup.col.people"), key="people")
        groups.add_column(t("setup.col.missing"), key="missing")
        people: DataTable[Any] = self.query_one("#participants", DataTable)
        people.add_column(t("setup.col.name"), key="name")
        people.add_column(t("setup.col.organisation"), key="org")
        people.add_column(t("setup.col.role"), key="roles")
        roles: DataTable[Any] = self.query_one("#roles", DataTable)
        roles.add_column(t("setup.col.role"), key="role")
        roles.add_column(t("setup.col.holder"), key="holder")
        roles.add_column(t("setup.col.needed"), key="needed")
        self.refresh_view()
        groups.focus()

    # --- state to screen ------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Redraw every table from the session's view models."""
        session = self.vapp.session
        if session is None:
            return
        rows = setup_groups(session)
        group_ids = [row.group.id for row in rows]
        if self.group_id not in group_ids:
            self.group_id = group_ids[0] if group_ids else None
        groups: DataTable[Any] = self.query_one("#groups", DataTable)
        fill_table(
            groups,
            [
                Row(
                    row.group.id,
                    (
                        lit(row.group.name),
                        lit(row.people),
                        lit(len(row.missing), "bold red" if row.missing else "green"),
                    ),
                    height=None,
                )
                for row in rows
            ],
        )
        if self.group_id is not None:
            groups.move_cursor(row=group_ids.index(self.group_id), animate=False)
        self.refresh_group()

    def refresh_group(self) -> None:
        """Redraw the participants and roles of the chosen group."""
        session = self.vapp.session
        people: DataTable[Any] = self.query_one("#participants", DataTable)
        roles: DataTable[Any] = self.query_one("#roles", DataTable)
        if session is None or self.group_id is None:
            fill_table(people, [])
            fill_table(roles, [])
            return
        name = session.state.groups[self.group_id].name
        show(self.query_one("#participants-title", Label), lit(t("setup.participants", group=name)))
        show(self.query_one("#roles-title", Label), lit(t("setup.roles", group=name)))
        fill_table(
            people,
            [
                Row(
                    person.id,
                    (
                        lit(person.name),
                        lit(person.organisation),
                        lit(", ".join(role.label for role in person.roles)),
                    ),
                    height=None,
                )
                for person in participants(session, self.group_id)
            ],
        )
        holders: list[Row] = []
        for entry in role_holders(session, self.group_id):
            needed = Text(t("yes") if entry.required else t("no"))
            if entry.missing:
                needed = Text(t("yes") + " !", style="bold red")
            holders.append(
                Row(
                    entry.role.id,
                    (lit(entry.role.title), lit(holder_text(entry.holder)), needed),
                    height=None,
                )
            )
        fill_table(roles, holders)
        labels = [role.label for role in missing_roles(session, self.group_id)]
        text = (
            Text(t("setup.missing", roles=", ".join(labels)), style="bold red")
            if labels
            else Text(t("setup.none_missing"), style="green")
        )
        show(self.query_one("#missing", Static), text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Follow the group cursor."""
        key = event.row_key.value if event.row_key is not None else None
        if event.data_table.id == "groups" and key is not None and key != self.group_id:
            self.group_id = key
            self.refresh_group()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a role assigns it; on a group moves to its participants."""
        event.stop()
        if event.data_table.id == "roles":
            self.action_assign_role()
        elif event.data_table.id == "groups":
            self.query_one("#participants", DataTable).focus()

    # --- commands -------------------------------------------------------------------------------

    def run_command(self, command: Any) -> bool:
        """Send a command (or build it); bad input or a refusal is said, not raised."""
        result = send(self.vapp, command)
        return result is not None and result.ok

    def action_add_group(self) -> None:
        """Ask for a name and add a group."""
        session = self.vapp.session
        n = len(session.state.groups) + 1 if session else 1

        def submit(values: dict[str, str]) -> bool:
            # A refused name keeps the dialog open with what was typed.
            before = set(session.state.groups) if session else set()
            if not self.run_command(lambda: AddGroup(name=values["name"])):
                return False
            # The new group is the one the next participant goes to.
            added = [gid for gid in session.state.groups if gid not in before] if session else []
            if added:
                self.select_group(added[0])
            return True

        self.app.push_screen(
            FormScreen(
                t("key.add_group"),
                [("name", t("setup.group_name"), t("setup.default_group", n=n))],
                ("name",),
                {"name": max_length(AddGroup, "name")},
                submit,
            )
        )

    def action_rename_group(self) -> None:
        """Rename the chosen group."""
        session = self.vapp.session
        if session is None or self.group_id is None:
            return
        gid = self.group_id
        current = session.state.groups[gid].name

        def submit(values: dict[str, str]) -> bool:
            if values["name"] == current:
                return True
            return self.run_command(lambda: RenameGroup(group=gid, name=values["name"]))

        self.app.push_screen(
            FormScreen(
                t("key.rename_group"),
                [("name", t("setup.group_name"), current)],
                ("name",),
                {"name": max_length(RenameGroup, "name")},
                submit,
            )
        )

    def action_remove_group(self) -> None:
        """Remove the chosen group after a confirmation."""
        session = self.vapp.session
        if session is None or self.group_id is None:
            return
        gid = self.group_id
        name = session.state.groups[gid].name

        def done(yes: bool | None) -> None:
            if yes:
                self.run_command(RemoveGroup(group=gid))

        self.app.push_screen(ConfirmScreen(t("setup.remove_group_q", group=name)), done)

    def action_add_participant(self) -> None:
        """Ask for a name and an organisation and add a participant to the chosen group."""
        if self.group_id is None:
            return
        gid = self.group_id

        def submit(values: dict[str, str]) -> bool:
            return self.run_command(
                lambda: AddParticipant(
                    group=gid, name=values["name"], organisation=values.get("org", "")
                )
            )

        self.app.push_screen(
            FormScreen(
                t("key.add_participant"),
                [
                    ("name", t("setup.participant_name"), ""),
                    ("org", t("setup.participant_org"), ""),
                ],
                ("name",),
                {
                    "name": max_length(AddParticipant, "name"),
                    "org": max_length(AddParticipant, "organisation"),
                },
                submit,
            )
        )

    def action_remove_participant(self) -> None:
        """Remove the participant under the cursor after a confirmation."""
        session = self.vapp.session
        people: DataTable[Any] = self.query_one("#participants", DataTable)
        if session is None or self.group_id is None or not people.row_count:
            return
        gid = self.group_id
        pid = list(session.state.groups[gid].participants)[people.cursor_row]
        name = session.state.groups[gid].participants[pid].name

        def done(yes: bool | None) -> None:
            if yes:
                self.run_command(RemoveParticipant(group=gid, participant=pid))

        self.app.push_screen(ConfirmScreen(t("setup.remove_participant_q", name=name)), done)

    def select_group(self, gid: str) -> None:
        """Put the group cursor on `gid` and show its participants and roles."""
        self.group_id = gid
        self.refresh_view()

    def action_move_participant(self) -> None:
        """Move the participant under the cursor to a group picked from a list."""
        session = self.vapp.session
        people: DataTable[Any] = self.query_one("#participants", DataTable)
        if session is None or self.group_id is None or not people.row_count:
            return
        gid = self.group_id
        ids = list(session.state.groups[gid].participants)
        if not 0 <= people.cursor_row < len(ids):
            return
        pid = ids[people.cursor_row]
        choices = [(g.id, g.name) for g in session.state.groups.values() if g.id != gid]
        if not choices:
            self.notify(t("setup.move_nowhere"), severity="warning")
            return

        def done(to_group: str | None) -> None:
            if to_group:
                self.run_command(MoveParticipant(group=gid, participant=pid, to_group=to_group))

        name = session.state.groups[gid].participants[pid].name
        self.app.push_screen(PickScreen(t("setup.move_to", name=name), choices), done)

    def role_plan(self) -> tuple[PlanRow, ...]:
        """Return a fair plan for the chosen group's roles nobody holds, in words."""
        session = self.vapp.session
        if session is None or self.group_id is None:
            return ()
        group = session.state.groups[self.group_id]
        cards = dict(session.bundle.roles)
        held: dict[str, str | None] = dict(group.roles)
        seats = seats_to_fill(
            [(r.role, r.required, r.organisation) for r in session.scenario.roles], held, cards
        )
        people = [
            Person(pid, p.organisation, tuple(group.roles_of(pid)))
            for pid, p in group.participants.items()
        ]
        plan = plan_roles(seats, people, cards, session.scenario.setting.company.name)
        names = {pid: p.name for pid, p in group.participants.items()}
        return tuple(
            PlanRow(placement, role_ref(session, placement.role).title, names.get(pid, ""))
            for placement in plan
            for pid in [placement.participant or ""]
        )

    def action_auto_roles(self) -> None:
        """Propose a fair share of the unheld roles; assign them once the facilitator confirms."""
        session = self.vapp.session
        if session is None or self.group_id is None:
            return
        gid = self.group_id
        if not session.state.groups[gid].participants:
            self.notify(t("setup.plan.nobody"), severity="warning")
            return
        rows = self.role_plan()
        if not rows:
            self.notify(t("setup.none_missing"), markup=False)
            return

        def done(yes: bool | None) -> None:
            if not yes:
                return
            for row in rows:
                pid = row.placement.participant
                if pid is not None:
                    self.run_command(
                        AssignRole(group=gid, role=row.placement.role, participant=pid)
                    )

        name = session.state.groups[gid].name
        self.app.push_screen(RolePlanScreen(name, rows), done)

    def selected_role(self) -> str | None:
        """Return the role id under the roles cursor."""
        session = self.vapp.session
        roles: DataTable[Any] = self.query_one("#roles", DataTable)
        if session is None or not roles.row_count:
            return None
        return session.scenario.roles[roles.cursor_row].role

    def action_assign_role(self) -> None:
        """Pick who holds the role under the cursor: a participant, the facilitator or nobody.

        With the participants list focused, pick a role for the participant under its cursor.
        """
        session = self.vapp.session
        people: DataTable[Any] = self.query_one("#participants", DataTable)
        if session is not None and self.group_id is not None and people.has_focus:
            ids = list(session.state.groups[self.group_id].participants)
            if 0 <= people.cursor_row < len(ids):
                self.pick_role_for(ids[people.cursor_row])
                return
        role = self.selected_role()
        if session is None or self.group_id is None or role is None:
            return
        gid = self.group_id
        group = session.state.groups[gid]
        choices = [(pid, p.name) for pid, p in group.participants.items()]
        choices.append((FACILITATOR, t("setup.facilitator")))
        choices.append(("", t("setup.unheld")))

        def done(value: str | None) -> None:
            if value is None:
                return
            if value == "":
                self.run_command(UnassignRole(group=gid, role=role))
            else:
                participant = None if value == FACILITATOR else value
                self.run_command(AssignRole(group=gid, role=role, participant=participant))

        self.app.push_screen(
            PickScreen(t("setup.pick_holder", role=role_ref(session, role).title), choices), done
        )

    def pick_role_for(self, pid: str) -> None:
        """Ask which role a participant should take over, showing who holds each one now."""
        session = self.vapp.session
        if session is None or self.group_id is None:
            return
        gid = self.group_id
        group = session.state.groups[gid]
        choices = [
            (entry.role.id, f"{entry.role.title} – {holder_text(entry.holder)}")
            for entry in role_holders(session, gid)
        ]

        def done(role: str | None) -> None:
            if role:
                self.run_command(AssignRole(group=gid, role=role, participant=pid))

        name = group.participants[pid].name
        self.app.push_screen(PickScreen(t("setup.pick_role_for", name=name), choices), done)

    def action_role_card(self) -> None:
        """Preview the card of the role under the cursor."""
        session = self.vapp.session
        role = self.selected_role()
        if session is None or role is None:
            return
        in_scenario = next((r for r in session.scenario.roles if r.role == role), None)
        body = role_card_text(session.bundle.roles.get(role), role, in_scenario)
        self.app.push_screen(RoleCardScreen(body, role_ref(session, role).title))

    def action_undo(self) -> None:
        """Undo the last setup step."""
        from varselspel.tui.undo import undo_step

        undo_step(self)

    def action_start(self) -> None:
        """Start the session (after a confirmation when needed roles are missing)."""
        session = self.vapp.session
        if session is None:
            return
        missing = any(session.missing_roles(gid) for gid in session.state.groups)

        def go(yes: bool | None = True) -> None:
            if not yes:
                return
            # The facilitator holds every needed role nobody else holds, as the question said.
            for gid in session.state.groups:
                for role in missing_roles(session, gid):
                    self.run_command(AssignRole(group=gid, role=role.id, participant=None))
            if self.run_command(StartSession()):
                flow.show_phase(self.vapp)

        if missing:
            self.app.push_screen(ConfirmScreen(t("setup.start_missing")), go)
        else:
            go()
