"""The rules: validate a command against the state, and fold events into the state."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import Any

from pydantic import BaseModel

from varselspel.engine import commands as c
from varselspel.engine.commands import FACILITATOR, GROUP_COMMANDS, Command
from varselspel.engine.events import Event
from varselspel.engine.exprs import ExprRuntime
from varselspel.engine.impact import setting_values
from varselspel.engine.journal import BundleLike
from varselspel.engine.result import CommandResult
from varselspel.engine.state import (
    ChoiceRecord,
    GroupState,
    HistoryPoint,
    InjectDelivery,
    Lesson,
    Note,
    OwnAction,
    Participant,
    Phase,
    Rating,
    RoundRecord,
    SessionState,
    TimerState,
)
from varselspel.engine.strings import STRINGS
from varselspel.i18n import tr
from varselspel.model import Decision, Inject, Option, Round, Scenario

MAX_GROUPS = 8
"""Most groups a session may have."""

_ID = re.compile(r"^[a-z][a-z0-9_\-]{0,63}$")


class FoldError(Exception):
    """An event in a log cannot be applied to the state its predecessors produce."""

    def __init__(self, seq: int, cause: BaseException) -> None:
        """Keep the event's seq and what went wrong."""
        super().__init__(f"event {seq}: {type(cause).__name__}: {cause}")
        self.seq = seq


class Refusal(Exception):
    """A command is refused; carries the message key and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        """Keep the code and parameters."""
        super().__init__(code)
        self.code = code
        self.params = params


def model_defaults(scenario: Scenario) -> dict[str, float]:
    """Return the starting `model.*` values: the assumptions plus the company figures."""
    return setting_values(scenario.setting)


class Rules:
    """Everything the engine knows about one scenario: lookups, validation and the fold."""

    def __init__(self, bundle: BundleLike, seed: int) -> None:
        """Index the scenario for fast look-ups."""
        self.bundle = bundle
        self.scenario = scenario = bundle.scenario
        self.seed = seed
        self.rounds: list[Round] = list(scenario.rounds)
        self.round_index: dict[str, int] = {r.id: i for i, r in enumerate(self.rounds)}
        self.decisions: dict[str, tuple[Round, Decision]] = {}
        self.options: dict[str, dict[str, Option]] = {}
        self.injects: dict[str, tuple[Round, Inject]] = {}
        for rnd in self.rounds:
            for dec in rnd.decisions:
                key = f"{rnd.id}.{dec.id}"
                self.decisions[key] = (rnd, dec)
                self.options[key] = {o.id: o for o in dec.options}
            for inj in rnd.injects:
                self.injects[inj.id] = (rnd, inj)
        self.role_ids: list[str] = [r.role for r in scenario.roles]
        self.role_set = set(self.role_ids)
        self.objectives = {o.id for o in scenario.debrief.objectives}
        self.financing = {f.id for f in scenario.cards.financing}
        self.indicator_ids = {i.id for i in scenario.indicators}
        self.themes = {t.id for t in scenario.action_plan.themes}
        self.start_model = model_defaults(scenario)
        self.expr = ExprRuntime(bundle, seed)
        self._owners: dict[str, list[str]] = {
            key: self._find_owners(d) for key, (_, d) in self.decisions.items()
        }

    # --- look-ups -------------------------------------------------------------------------------

    def _find_owners(self, decision: Decision) -> list[str]:
        """Return the decision's owners, or the scenario roles whose card holds its mandate."""
        if decision.owners:
            return list(decision.owners)
        if decision.mandate is None:
            return []
        found = []
        for role_id in self.role_ids:
            card = self.bundle.roles.get(role_id)
            if card is not None and any(m.id == decision.mandate for m in card.mandate):
                found.append(role_id)
        return found

    def owners(self, decision_key: str) -> list[str]:
        """Return the role ids that own a decision (empty: anyone may decide)."""
        return list(self._owners.get(decision_key, []))

    def round_at(self, index: int) -> Round | None:
        """Return the round at `index`, or None."""
        return self.rounds[index] if 0 <= index < len(self.rounds) else None

    def initial_state(self) -> SessionState:
        """Return the state before any event."""
        return SessionState()

    def new_group(self, group_id: str, name: str) -> GroupState:
        """Return a fresh group with the scenario's start values."""
        scenario = self.scenario
        indicators = {i.id: float(i.start) for i in scenario.indicators}
        flags = {f.id: f.start for f in scenario.flags}
        group = GroupState(
            id=group_id, name=name, indicators=indicators, flags=flags, model=dict(self.start_model)
        )
        group.history.append(self._point(group, None))
        return group

    def missing_roles(self, state: SessionState, group: str) -> list[str]:
        """Return required scenario roles nobody in the group holds."""
        held = state.groups[group].roles
        return [r.role for r in self.scenario.roles if r.required and r.role not in held]

    def _played(self, state: SessionState, group: GroupState) -> bool:
        """Return True when the open round applies to the group."""
        if state.round_id is None:
            return False
        record = group.rounds.get(state.round_id)
        return record is not None and record.played

    def _played_groups(self, state: SessionState) -> list[GroupState]:
        """Return the groups the open round applies to."""
        return [g for g in state.groups.values() if self._played(state, g)]

    def decision_open(self, state: SessionState, group: GroupState, key: str) -> bool:
        """Return True when a decision of the open round is put to the group."""
        found = self.decisions.get(key)
        if found is None or not state.round_open or found[0].id != state.round_id:
            return False
        return self._played(state, group) and self.expr.decision_ok(group, key)

    def available_options(self, state: SessionState, group: str, key: str) -> list[Option]:
        """Return the options of a decision whose condition is true for the group now."""
        g = state.groups[group]
        if not self.decision_open(state, g, key):
            return []
        return [o for o in self.options[key].values() if self.expr.option_ok(g, key, o.id)]

    def _handled(self, group: GroupState, inject_id: str) -> bool:
        """Return True when an inject was released (or withheld) for the group."""
        return any(d.inject == inject_id for d in group.injects)

    def pending_injects(self, state: SessionState, group: str) -> list[Inject]:
        """Return scheduled injects of the open round not yet released to the group."""
        rnd = self.round_at(state.round_index)
        g = state.groups[group]
        if rnd is None or not state.round_open or not self._played(state, g):
            return []
        return [i for i in rnd.injects if not i.backup and not self._handled(g, i.id)]

    def backup_injects(self, state: SessionState) -> list[Inject]:
        """Return the open round's backup injects."""
        rnd = self.round_at(state.round_index)
        if rnd is None or not state.round_open:
            return []
        return [i for i in rnd.injects if i.backup]

    # --- validation -----------------------------------------------------------------------------

    def refuse(self, code: str, **params: Any) -> CommandResult:
        """Return a refusal with a localised reason."""
        return CommandResult(ok=False, code=code, reason=tr(STRINGS, code, **params), params=params)

    def validate(
        self, state: SessionState, events: Sequence[Event], cmd: Command, actor: str
    ) -> tuple[CommandResult | None, Command]:
        """Return (None, normalized command) when valid, else (refusal, command)."""
        try:
            return None, self._validate(state, events, cmd, actor)
        except Refusal as refusal:
            return self.refuse(refusal.code, **refusal.params), cmd

    def _group(self, state: SessionState, group_id: str) -> GroupState:
        """Return a group or refuse."""
        group = state.groups.get(group_id)
        if group is None:
            raise Refusal("unknown_group", group=group_id)
        return group

    def _phase(self, state: SessionState, *allowed: Phase) -> None:
        """Refuse unless the session is in one of the allowed phases."""
        if state.phase not in allowed:
            if state.phase is Phase.ENDED:
                raise Refusal("session_ended")
            raise Refusal("wrong_phase", phase=tr(STRINGS, f"phase.{state.phase.value}"))

    def _participant(self, group: GroupState, participant: str | None) -> None:
        """Refuse a participant the group does not have (None means the facilitator)."""
        if participant is not None and participant not in group.participants:
            raise Refusal("unknown_participant", participant=participant)

    def _action(self, state: SessionState, group_id: str, action: str) -> None:
        """Refuse unless the session is on and the group has the action."""
        self._not_ended(state)
        if action not in self._group(state, group_id).actions:
            raise Refusal("unknown_action", action=action)

    def _not_ended(self, state: SessionState) -> None:
        """Refuse once the session has ended."""
        if state.phase is Phase.ENDED:
            raise Refusal("session_ended")

    def _next_id(self, state: SessionState, prefix: str, taken: Callable[[str], bool]) -> str:
        """Return the next free engine-assigned id with `prefix`."""
        n = state.next_ids.get(prefix, 0)
        while True:
            n += 1
            candidate = f"{prefix}{n}"
            if not taken(candidate):
                return candidate

    def _with_id(
        self,
        state: SessionState,
        cmd: Command,
        field: str,
        prefix: str,
        taken: Collection[str],
        exists: str,
    ) -> Command:
        """Return the command with an engine-assigned id, or check the id the sender gave."""
        given: str | None = getattr(cmd, field)
        if given is None:
            assigned = self._next_id(state, prefix, taken.__contains__)
            return cmd.model_copy(update={field: assigned})
        if not _ID.match(given) or given == FACILITATOR:
            raise Refusal("bad_id", value=given)
        if given in taken:
            raise Refusal(exists, **{field: given})
        return cmd

    def _validate(
        self, state: SessionState, events: Sequence[Event], cmd: Command, actor: str
    ) -> Command:
        """Check one command; return it with engine-assigned ids filled in."""
        if actor != FACILITATOR:
            if cmd.type not in GROUP_COMMANDS:
                raise Refusal("not_facilitator", command=cmd.type)
            if actor not in state.groups or getattr(cmd, "group", None) != actor:
                raise Refusal("not_own_group")
        handler = getattr(self, f"_v_{cmd.type}")
        result: Command = handler(state, events, cmd)
        return result

    def _v_add_group(
        self, state: SessionState, events: Sequence[Event], cmd: c.AddGroup
    ) -> Command:
        self._phase(state, Phase.SETUP)
        if len(state.groups) >= MAX_GROUPS:
            raise Refusal("too_many_groups", max=MAX_GROUPS)
        names = {g.name.casefold() for g in state.groups.values()}
        if cmd.name.casefold() in names:
            raise Refusal("group_exists", group=cmd.name)
        return self._with_id(state, cmd, "group", "g", state.groups.keys(), "group_exists")

    def _v_rename_group(
        self, state: SessionState, events: Sequence[Event], cmd: c.RenameGroup
    ) -> Command:
        self._not_ended(state)
        self._group(state, cmd.group)
        for g in state.groups.values():
            if g.id != cmd.group and g.name.casefold() == cmd.name.casefold():
                raise Refusal("group_exists", group=cmd.name)
        return cmd

    def _v_remove_group(
        self, state: SessionState, events: Sequence[Event], cmd: c.RemoveGroup
    ) -> Command:
        self._phase(state, Phase.SETUP)
        self._group(state, cmd.group)
        if len(state.groups) <= 1:
            raise Refusal("last_group")
        return cmd

    def _v_add_participant(
        self, state: SessionState, events: Sequence[Event], cmd: c.AddParticipant
    ) -> Command:
        self._not_ended(state)
        self._group(state, cmd.group)
        taken = {p for g in state.groups.values() for p in g.participants}
        return self._with_id(state, cmd, "participant", "p", taken, "participant_exists")

    def _v_remove_participant(
        self, state: SessionState, events: Sequence[Event], cmd: c.RemoveParticipant
    ) -> Command:
        self._not_ended(state)
        self._participant(self._group(state, cmd.group), cmd.participant)
        return cmd

    def _v_assign_role(
        self, state: SessionState, events: Sequence[Event], cmd: c.AssignRole
    ) -> Command:
        self._not_ended(state)
        group = self._group(state, cmd.group)
        if cmd.role not in self.role_set:
            raise Refusal("unknown_role", role=cmd.role)
        self._participant(group, cmd.participant)
        return cmd

    def _v_unassign_role(
        self, state: SessionState, events: Sequence[Event], cmd: c.UnassignRole
    ) -> Command:
        self._not_ended(state)
        group = self._group(state, cmd.group)
        if cmd.role not in group.roles:
            raise Refusal("role_not_held", role=cmd.role)
        return cmd

    def _v_start_session(
        self, state: SessionState, events: Sequence[Event], cmd: c.StartSession
    ) -> Command:
        self._phase(state, Phase.SETUP)
        if not state.groups:
            raise Refusal("no_groups")
        return cmd

    def _v_start_round(
        self, state: SessionState, events: Sequence[Event], cmd: c.StartRound
    ) -> Command:
        self._phase(state, Phase.READY)
        if state.round_index + 1 >= len(self.rounds):
            raise Refusal("no_more_rounds")
        if cmd.round is not None:
            raise Refusal("engine_field", field="round")
        return cmd.model_copy(update={"round": self.rounds[self._next_round(state)].id})

    def _next_round(self, state: SessionState) -> int:
        """Return the index of the round `start_round` opens: skips rounds false for all groups."""
        index = state.round_index + 1
        while index + 1 < len(self.rounds):
            rid = self.rounds[index].id
            if any(self.expr.round_ok(g, rid) for g in state.groups.values()):
                break
            index += 1
        return index

    def _v_release_inject(
        self, state: SessionState, events: Sequence[Event], cmd: c.ReleaseInject
    ) -> Command:
        self._phase(state, Phase.ROUND)
        if cmd.group is not None:
            targets = [self._group(state, cmd.group)]
            if not self._played(state, targets[0]):
                raise Refusal("round_skipped", group=cmd.group)
        else:
            targets = self._played_groups(state)
        rnd = self.rounds[state.round_index]
        if cmd.inject is None:
            for inj in rnd.injects:
                if not inj.backup and any(not self._handled(g, inj.id) for g in targets):
                    return cmd.model_copy(update={"inject": inj.id})
            raise Refusal("no_pending_inject")
        found = self.injects.get(cmd.inject)
        if found is None or found[0].id != rnd.id:
            raise Refusal("unknown_inject", inject=cmd.inject)
        if all(self._handled(g, cmd.inject) for g in targets):
            target = cmd.group if cmd.group is not None else tr(STRINGS, "all_groups")
            raise Refusal("inject_already_released", inject=cmd.inject, target=target)
        return cmd

    def _open_decision(self, state: SessionState, group: GroupState, key: str) -> None:
        """Refuse unless the decision is in the open round and put to the group."""
        self._phase(state, Phase.ROUND)
        found = self.decisions.get(key)
        if found is None or found[0].id != state.round_id:
            raise Refusal("unknown_decision", decision=key)
        if not self._played(state, group):
            raise Refusal("round_skipped", group=group.id)
        if not self.expr.decision_ok(group, key):
            raise Refusal("decision_not_open", decision=key)

    def agreed_roles(self, group: GroupState, given: Sequence[str]) -> list[str]:
        """Return the roles that agreed: those named, else those the group holds."""
        if given:
            return list(dict.fromkeys(given))
        return [r for r in self.role_ids if r in group.roles]

    def _mandate(self, group: GroupState, cmd: c.ChooseOption) -> tuple[list[str], list[str], bool]:
        """Return a choice's owners, the roles that agreed, and whether it is outside the mandate."""
        owners = self.owners(cmd.decision)
        agreed = self.agreed_roles(group, cmd.agreed_roles)
        return owners, agreed, bool(owners) and not set(agreed) & set(owners)

    def _v_choose_option(
        self, state: SessionState, events: Sequence[Event], cmd: c.ChooseOption
    ) -> Command:
        group = self._group(state, cmd.group)
        self._open_decision(state, group, cmd.decision)
        if cmd.option not in self.options[cmd.decision]:
            raise Refusal("unknown_option", option=cmd.option, decision=cmd.decision)
        if not self.expr.option_ok(group, cmd.decision, cmd.option):
            raise Refusal("option_unavailable", option=cmd.option)
        for role in cmd.agreed_roles:
            if role not in self.role_set:
                raise Refusal("unknown_role", role=role)
        owners, _, outside = self._mandate(group, cmd)
        decision = self.decisions[cmd.decision][1]
        if outside and decision.outside_mandate == "refuse":
            raise Refusal("outside_mandate_refused", owners=", ".join(self.role_labels(owners)))
        return cmd

    def role_labels(self, roles: Sequence[str]) -> list[str]:
        """Return the short labels of role ids (the id when the card is missing)."""
        out = []
        for role in roles:
            card = self.bundle.roles.get(role)
            out.append(card.label if card is not None else role)
        return out

    def _v_clear_choice(
        self, state: SessionState, events: Sequence[Event], cmd: c.ClearChoice
    ) -> Command:
        group = self._group(state, cmd.group)
        self._open_decision(state, group, cmd.decision)
        if cmd.decision not in group.choices:
            raise Refusal("no_choice", decision=cmd.decision)
        return cmd

    def _check_action_fields(self, fields: c.ActionFields) -> None:
        """Refuse references to things the scenario does not have."""
        if fields.responsible is not None and fields.responsible not in self.role_set:
            raise Refusal("unknown_role", role=fields.responsible)
        if fields.financing is not None and fields.financing not in self.financing:
            raise Refusal("unknown_financing", card=fields.financing)
        if fields.indicator is not None and fields.indicator not in self.indicator_ids:
            raise Refusal("unknown_indicator", indicator=fields.indicator)
        if fields.theme is not None and fields.theme not in self.themes:
            raise Refusal("unknown_theme", theme=fields.theme)

    def _v_add_action(
        self, state: SessionState, events: Sequence[Event], cmd: c.AddAction
    ) -> Command:
        self._not_ended(state)
        self._group(state, cmd.group)
        if not self.scenario.action_plan.own_actions:
            raise Refusal("own_actions_off")
        self._check_action_fields(cmd.fields)
        taken = {a for g in state.groups.values() for a in g.actions}
        return self._with_id(state, cmd, "action", "a", taken, "action_exists")

    def _v_edit_action(
        self, state: SessionState, events: Sequence[Event], cmd: c.EditAction
    ) -> Command:
        self._action(state, cmd.group, cmd.action)
        self._check_action_fields(cmd.fields)
        return cmd

    def _v_remove_action(
        self, state: SessionState, events: Sequence[Event], cmd: c.RemoveAction
    ) -> Command:
        self._action(state, cmd.group, cmd.action)
        return cmd

    def _v_write_note(
        self, state: SessionState, events: Sequence[Event], cmd: c.WriteNote
    ) -> Command:
        self._not_ended(state)
        if cmd.group is not None:
            self._group(state, cmd.group)
        return cmd

    def _v_pause_timer(
        self, state: SessionState, events: Sequence[Event], cmd: c.PauseTimer
    ) -> Command:
        self._phase(state, Phase.ROUND)
        if state.timer is not None and state.timer.paused:
            raise Refusal("timer_paused")
        return cmd

    def _v_resume_timer(
        self, state: SessionState, events: Sequence[Event], cmd: c.ResumeTimer
    ) -> Command:
        self._phase(state, Phase.ROUND)
        if state.timer is None or not state.timer.paused:
            raise Refusal("timer_running")
        return cmd

    def _v_extend_timer(
        self, state: SessionState, events: Sequence[Event], cmd: c.ExtendTimer
    ) -> Command:
        self._phase(state, Phase.ROUND)
        return cmd

    def _v_close_round(
        self, state: SessionState, events: Sequence[Event], cmd: c.CloseRound
    ) -> Command:
        self._phase(state, Phase.ROUND)
        return cmd

    def _v_start_debrief(
        self, state: SessionState, events: Sequence[Event], cmd: c.StartDebrief
    ) -> Command:
        self._phase(state, Phase.READY, Phase.ROUND)
        return cmd

    def _v_rate_objective(
        self, state: SessionState, events: Sequence[Event], cmd: c.RateObjective
    ) -> Command:
        self._phase(state, Phase.DEBRIEF)
        self._group(state, cmd.group)
        if cmd.objective not in self.objectives:
            raise Refusal("unknown_objective", objective=cmd.objective)
        return cmd

    def _v_record_lesson(
        self, state: SessionState, events: Sequence[Event], cmd: c.RecordLesson
    ) -> Command:
        self._phase(state, Phase.DEBRIEF)
        if cmd.group is not None:
            self._group(state, cmd.group)
        return cmd

    def _v_end_session(
        self, state: SessionState, events: Sequence[Event], cmd: c.EndSession
    ) -> Command:
        self._not_ended(state)
        return cmd

    def _v_undo(self, state: SessionState, events: Sequence[Event], cmd: c.Undo) -> Command:
        if cmd.target is not None:
            raise Refusal("engine_field", field="target")
        target = undo_target(events)
        if target is None:
            raise Refusal("nothing_to_undo")
        return cmd.model_copy(update={"target": target})

    # --- the fold -------------------------------------------------------------------------------

    def fold(self, events: Sequence[Event]) -> SessionState:
        """Fold events from scratch, skipping undo events and the events they undid."""
        undone = {
            e.command.target for e in events if isinstance(e.command, c.Undo) and e.command.target
        }
        state = self.initial_state()
        for event in events:
            if isinstance(event.command, c.Undo) or event.seq in undone:
                state.last_seq = event.seq
                continue
            try:
                self.apply(state, event)
            except (KeyError, AssertionError, IndexError, TypeError, ValueError) as error:
                # Only a damaged or foreign log can hold an event that does not apply.
                raise FoldError(event.seq, error) from error
        state.undone = sorted(undone)
        return state

    def apply(self, state: SessionState, event: Event) -> list[str]:
        """Apply one valid event to the state in place; return localised notices.

        State objects are built with `model_construct`: every value comes from a validated
        command or from the scenario, so validating again would only cost time.
        """
        state.last_seq = event.seq
        handler = getattr(self, f"_a_{event.command.type}")
        notices: list[str] | None = handler(state, event, event.command)
        return notices or []

    def _bump(self, state: SessionState, prefix: str, assigned: str) -> None:
        """Advance an id counter past an id that was assigned (or given)."""
        if assigned.startswith(prefix) and assigned[len(prefix) :].isdigit():
            n = int(assigned[len(prefix) :])
            if n > state.next_ids.get(prefix, 0):
                state.next_ids[prefix] = n

    def _a_add_group(self, state: SessionState, event: Event, cmd: c.AddGroup) -> None:
        assert cmd.group is not None
        state.groups[cmd.group] = self.new_group(cmd.group, cmd.name)
        self._bump(state, "g", cmd.group)

    def _a_rename_group(self, state: SessionState, event: Event, cmd: c.RenameGroup) -> None:
        state.groups[cmd.group].name = cmd.name

    def _a_remove_group(self, state: SessionState, event: Event, cmd: c.RemoveGroup) -> None:
        del state.groups[cmd.group]

    def _a_add_participant(self, state: SessionState, event: Event, cmd: c.AddParticipant) -> None:
        assert cmd.participant is not None
        state.groups[cmd.group].participants[cmd.participant] = Participant.model_construct(
            id=cmd.participant, name=cmd.name, organisation=cmd.organisation
        )
        self._bump(state, "p", cmd.participant)

    def _a_remove_participant(
        self, state: SessionState, event: Event, cmd: c.RemoveParticipant
    ) -> None:
        group = state.groups[cmd.group]
        del group.participants[cmd.participant]
        for role in group.roles_of(cmd.participant):
            del group.roles[role]

    def _a_assign_role(self, state: SessionState, event: Event, cmd: c.AssignRole) -> None:
        state.groups[cmd.group].roles[cmd.role] = cmd.participant or FACILITATOR

    def _a_unassign_role(self, state: SessionState, event: Event, cmd: c.UnassignRole) -> None:
        del state.groups[cmd.group].roles[cmd.role]

    def _a_start_session(self, state: SessionState, event: Event, cmd: c.StartSession) -> None:
        state.phase = Phase.READY
        state.started_at = event.at

    def _a_start_round(self, state: SessionState, event: Event, cmd: c.StartRound) -> None:
        # Rounds whose condition is false for every group are skipped for all of them.
        while True:
            state.round_index += 1
            rnd = self.rounds[state.round_index]
            played = {gid: self.expr.round_ok(g, rnd.id) for gid, g in state.groups.items()}
            last = state.round_index + 1 >= len(self.rounds)
            for gid, g in state.groups.items():
                g.rounds[rnd.id] = RoundRecord.model_construct(
                    round=rnd.id, played=played[gid], started_at=event.at
                )
            if any(played.values()) or last:
                break
            for g in state.groups.values():
                g.rounds[rnd.id].closed_at = event.at
                g.history.append(self._point(g, rnd.id))
        state.round_id = rnd.id
        state.round_open = True
        state.phase = Phase.ROUND
        state.timer = TimerState.model_construct(duration_s=rnd.minutes * 60.0, started_at=event.at)

    def _a_release_inject(self, state: SessionState, event: Event, cmd: c.ReleaseInject) -> None:
        assert cmd.inject is not None
        rnd, inject = self.injects[cmd.inject]
        targets = [state.groups[cmd.group]] if cmd.group is not None else self._played_groups(state)
        for group in targets:
            if self._handled(group, inject.id):
                continue
            reached = self.expr.inject_ok(group, inject.id)
            group.injects.append(
                InjectDelivery.model_construct(
                    inject=inject.id,
                    round=rnd.id,
                    seq=event.seq,
                    at=event.at,
                    delivered=reached,
                    backup=inject.backup,
                )
            )
            if reached:
                self.expr.apply_inject(group, inject.id)

    def _holds(self, group: GroupState, key: str, option: str) -> bool:
        """Return True while the decision is put to the group and the chosen option is open."""
        return self.expr.decision_ok(group, key) and self.expr.option_ok(group, key, option)

    def _open_choices(self, state: SessionState, group: GroupState) -> dict[str, bool]:
        """Return, for the group's unapplied choices of the open round, whether they still hold."""
        return {
            key: self._holds(group, key, choice.option)
            for key, choice in group.choices.items()
            if not choice.applied and choice.round == state.round_id
        }

    def _withdraw_dependent(self, group: GroupState, before: dict[str, bool]) -> list[str]:
        """Withdraw choices that held before a change of choices and no longer do.

        A choice may depend on another through `valt`/`beslutat`; when the group revises or
        clears that one, the dependent choice would otherwise apply without its condition.
        """
        notices: list[str] = []
        changed = True
        while changed:
            changed = False
            for key, choice in list(group.choices.items()):
                if not before.get(key) or self._holds(group, key, choice.option):
                    continue
                del group.choices[key]
                before[key] = False
                changed = True
                question = self.decisions[key][1].question
                notices.append(tr(STRINGS, "choice_withdrawn", decision=question))
        return notices

    def _a_choose_option(self, state: SessionState, event: Event, cmd: c.ChooseOption) -> list[str]:
        group = state.groups[cmd.group]
        before = self._open_choices(state, group)
        before.pop(cmd.decision, None)
        owners, agreed, outside = self._mandate(group, cmd)
        previous = group.choices.get(cmd.decision)
        decision = self.decisions[cmd.decision][1]
        group.choices[cmd.decision] = ChoiceRecord.model_construct(
            decision=cmd.decision,
            round=self.decisions[cmd.decision][0].id,
            option=cmd.option,
            rationale=cmd.rationale,
            agreed_roles=agreed,
            mandate=decision.mandate,
            owners=owners,
            outside_mandate=outside,
            anchor_with=owners if outside else [],
            seq=event.seq,
            at=event.at,
            revisions=0 if previous is None else previous.revisions + 1,
        )
        notices = []
        if outside:
            owners_text = ", ".join(self.role_labels(owners))
            notices.append(tr(STRINGS, "outside_mandate_anchor", owners=owners_text))
        return notices + self._withdraw_dependent(group, before)

    def _a_clear_choice(self, state: SessionState, event: Event, cmd: c.ClearChoice) -> list[str]:
        group = state.groups[cmd.group]
        before = self._open_choices(state, group)
        del group.choices[cmd.decision]
        before.pop(cmd.decision, None)
        return self._withdraw_dependent(group, before)

    def _a_add_action(self, state: SessionState, event: Event, cmd: c.AddAction) -> None:
        assert cmd.action is not None
        state.groups[cmd.group].actions[cmd.action] = OwnAction.model_construct(
            id=cmd.action,
            fields=cmd.fields,
            round=state.round_id,
            seq=event.seq,
            updated_seq=event.seq,
        )
        self._bump(state, "a", cmd.action)

    def _a_edit_action(self, state: SessionState, event: Event, cmd: c.EditAction) -> None:
        action = state.groups[cmd.group].actions[cmd.action]
        action.fields = cmd.fields
        action.updated_seq = event.seq

    def _a_remove_action(self, state: SessionState, event: Event, cmd: c.RemoveAction) -> None:
        del state.groups[cmd.group].actions[cmd.action]

    def _a_write_note(self, state: SessionState, event: Event, cmd: c.WriteNote) -> None:
        note = Note.model_construct(
            seq=event.seq, at=event.at, group=cmd.group, round=state.round_id, text=cmd.text
        )
        if cmd.group is None:
            state.notes.append(note)
        else:
            state.groups[cmd.group].notes.append(note)

    def _a_pause_timer(self, state: SessionState, event: Event, cmd: c.PauseTimer) -> None:
        if state.timer is not None:
            state.timer.paused_at = event.at

    def _a_resume_timer(self, state: SessionState, event: Event, cmd: c.ResumeTimer) -> None:
        timer = state.timer
        if timer is not None and timer.paused_at is not None:
            timer.paused_s += max(0.0, (event.at - timer.paused_at).total_seconds())
            timer.paused_at = None

    def _a_extend_timer(self, state: SessionState, event: Event, cmd: c.ExtendTimer) -> None:
        if state.timer is not None:
            state.timer.duration_s = max(0.0, state.timer.duration_s + cmd.minutes * 60.0)

    def _point(self, group: GroupState, round_id: str | None) -> HistoryPoint:
        """Return the group's values now, as a history point."""
        return HistoryPoint.model_construct(
            round=round_id,
            indicators=dict(group.indicators),
            model=dict(group.model),
            flags=dict(group.flags),
        )

    def _close(self, state: SessionState, event: Event) -> None:
        """Close the open round: apply chosen options' effects, record history."""
        rnd = self.rounds[state.round_index]
        for group in state.groups.values():
            if self._played(state, group):
                for dec in rnd.decisions:
                    key = f"{rnd.id}.{dec.id}"
                    choice = group.choices.get(key)
                    if choice is not None and not choice.applied:
                        self.expr.apply_option(group, key, choice.option)
                        choice.applied = True
            record = group.rounds.get(rnd.id)
            if record is not None:
                record.closed_at = event.at
            group.history.append(self._point(group, rnd.id))
        state.round_open = False
        state.timer = None
        state.phase = Phase.READY

    def _a_close_round(self, state: SessionState, event: Event, cmd: c.CloseRound) -> None:
        self._close(state, event)

    def _a_start_debrief(self, state: SessionState, event: Event, cmd: c.StartDebrief) -> None:
        if state.round_open:
            self._close(state, event)
        state.phase = Phase.DEBRIEF

    def _a_rate_objective(self, state: SessionState, event: Event, cmd: c.RateObjective) -> None:
        state.groups[cmd.group].ratings[cmd.objective] = Rating.model_construct(
            objective=cmd.objective, rating=cmd.rating, comment=cmd.comment, seq=event.seq
        )

    def _a_record_lesson(self, state: SessionState, event: Event, cmd: c.RecordLesson) -> None:
        lesson = Lesson.model_construct(
            seq=event.seq, group=cmd.group, kind=cmd.kind, text=cmd.text
        )
        if cmd.group is None:
            state.lessons.append(lesson)
        else:
            state.groups[cmd.group].lessons.append(lesson)

    def _a_end_session(self, state: SessionState, event: Event, cmd: c.EndSession) -> None:
        if state.round_open:
            self._close(state, event)
        state.phase = Phase.ENDED
        state.ended_at = event.at

    def _a_undo(self, state: SessionState, event: Event, cmd: c.Undo) -> None:
        # Undo is folded by `fold`, which skips the target; nothing to do incrementally.
        return None


def undo_target(events: Sequence[Event]) -> int | None:
    """Return the seq of the last event still in effect that is not itself an undo."""
    undone = {e.command.target for e in events if isinstance(e.command, c.Undo)}
    for event in reversed(events):
        if isinstance(event.command, c.Undo) or event.seq in undone:
            continue
        return event.seq
    return None


def dump(model: BaseModel) -> dict[str, Any]:
    """Return a JSON-ready dict of a state or command model."""
    return model.model_dump(mode="json")
