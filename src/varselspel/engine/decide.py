"""Deciding: command + state -> the facts it records, or a refusal with a code and parameters.

This is the only place that evaluates a scenario's conditions and effects for a session; the
facts it returns carry every outcome, so folding them later decides nothing again.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import assert_never

from varselspel.engine import commands as c
from varselspel.engine import facts as f
from varselspel.engine.commands import FACILITATOR, GROUP_COMMANDS, Command
from varselspel.engine.events import Event
from varselspel.engine.exprs import ExprRuntime
from varselspel.engine.facts import Fact
from varselspel.engine.fold import undo_target
from varselspel.engine.index import ScenarioIndex, model_defaults
from varselspel.engine.journal import BundleLike
from varselspel.engine.result import Message, Param
from varselspel.engine.state import GroupState, Phase, SessionState
from varselspel.model import Decision, Inject, Option, Round
from varselspel.model.timepoint import ends_before_start, is_timepoint

MAX_GROUPS = 8
"""Most groups a session may have."""

_ID = re.compile(r"^[a-z][a-z0-9_\-]{0,63}$")


class Refusal(Exception):
    """A command is refused; carries the code and its parameters."""

    def __init__(self, code: str, **params: Param) -> None:
        """Keep the code and parameters."""
        super().__init__(code)
        self.message = Message(code=code, params=params)


@dataclass(frozen=True, slots=True)
class Decided:
    """An accepted command: with engine-assigned ids filled in, its facts and its remarks."""

    command: Command
    """The command as recorded."""
    facts: tuple[Fact, ...]
    """What it did."""
    notices: tuple[Message, ...] = ()
    """Remarks for whoever sent it (outside the mandate, a dependent choice withdrawn)."""


def notices_of(facts: Sequence[Fact]) -> tuple[Message, ...]:
    """Return the remarks a command's facts call for, in the order of the facts."""
    out: list[Message] = []
    for fact in facts:
        if isinstance(fact, f.OptionChosen) and fact.outside_mandate:
            out.append(Message(code="outside_mandate_anchor", params={"owners": fact.anchor_with}))
        elif isinstance(fact, f.ChoiceWithdrawn):
            out.append(Message(code="choice_withdrawn", params={"decision": fact.decision}))
    return tuple(out)


class Rules:
    """One session's rules: validates commands, works out their facts, answers open questions."""

    def __init__(self, bundle: BundleLike, seed: int) -> None:
        """Index the scenario and prepare its compiled expressions."""
        self.bundle = bundle
        self.scenario = bundle.scenario
        self.seed = seed
        self.index = index = ScenarioIndex(bundle.scenario, bundle.roles)
        self.rounds: list[Round] = index.rounds
        self.round_index = index.round_index
        self.decisions = index.decisions
        self.options = index.options
        self.injects = index.injects
        self.role_ids = index.role_ids
        self.role_set = index.role_set
        self.expr = ExprRuntime(bundle, seed)

    # --- questions ------------------------------------------------------------------------------

    def owners(self, decision_key: str) -> list[str]:
        """Return the role ids that own a decision (empty: anyone may decide)."""
        return self.index.owners(decision_key)

    def round_at(self, index: int) -> Round | None:
        """Return the round at `index`, or None."""
        return self.index.round_at(index)

    def initial_state(self) -> SessionState:
        """Return the state before any event."""
        return SessionState()

    @cached_property
    def start_values(self) -> f.Values:
        """The values a new group starts with (worked out when a group is first added)."""
        scenario = self.scenario
        return f.Values(
            indicators={i.id: float(i.start) for i in scenario.indicators},
            flags={fl.id: fl.start for fl in scenario.flags},
            model=model_defaults(scenario),
        )

    def missing_roles(self, state: SessionState, group: str) -> list[str]:
        """Return required scenario roles nobody in the group holds."""
        held = state.groups[group].roles
        return [r.role for r in self.scenario.roles if r.required and r.role not in held]

    def played(self, state: SessionState, group: GroupState) -> bool:
        """Return True when the open round applies to the group."""
        if state.round_id is None:
            return False
        record = group.rounds.get(state.round_id)
        return record is not None and record.played

    def played_groups(self, state: SessionState) -> list[GroupState]:
        """Return the groups the open round applies to."""
        return [g for g in state.groups.values() if self.played(state, g)]

    def decision_open(self, state: SessionState, group: GroupState, key: str) -> bool:
        """Return True when a decision of the open round is put to the group."""
        found = self.decisions.get(key)
        if found is None or not state.round_open or found[0].id != state.round_id:
            return False
        return self.played(state, group) and self.expr.decision_ok(group, key)

    def available_options(self, state: SessionState, group: str, key: str) -> list[Option]:
        """Return the options of a decision whose condition is true for the group now."""
        g = state.groups[group]
        if not self.decision_open(state, g, key):
            return []
        return [o for o in self.options[key].values() if self.expr.option_ok(g, key, o.id)]

    @staticmethod
    def handled(group: GroupState, inject_id: str) -> bool:
        """Return True when an inject was released (or withheld) for the group."""
        return any(d.inject == inject_id for d in group.injects)

    def pending_injects(self, state: SessionState, group: str) -> list[Inject]:
        """Return scheduled injects of the open round not yet released to the group."""
        rnd = self.round_at(state.round_index)
        g = state.groups[group]
        if rnd is None or not state.round_open or not self.played(state, g):
            return []
        return [i for i in rnd.injects if not i.backup and not self.handled(g, i.id)]

    def backup_injects(self, state: SessionState) -> list[Inject]:
        """Return the open round's backup injects."""
        rnd = self.round_at(state.round_index)
        if rnd is None or not state.round_open:
            return []
        return [i for i in rnd.injects if i.backup]

    def agreed_roles(self, group: GroupState, given: Sequence[str]) -> list[str]:
        """Return the roles that agreed: those named, else those the group holds."""
        if given:
            return list(dict.fromkeys(given))
        return [r for r in self.role_ids if r in group.roles]

    # --- deciding -------------------------------------------------------------------------------

    def decide(
        self, state: SessionState, events: Sequence[Event], cmd: Command, actor: str
    ) -> Decided | Message:
        """Return the accepted command with its facts, or the refusal."""
        try:
            if actor != FACILITATOR:
                if cmd.type not in GROUP_COMMANDS:
                    raise Refusal("not_facilitator", command=cmd.type)
                if actor not in state.groups or getattr(cmd, "group", None) != actor:
                    raise Refusal("not_own_group")
            command, facts = self._decide(state, events, cmd)
        except Refusal as refusal:
            return refusal.message
        return Decided(command=command, facts=facts, notices=notices_of(facts))

    def _decide(
        self, state: SessionState, events: Sequence[Event], cmd: Command
    ) -> tuple[Command, tuple[Fact, ...]]:
        """Check one command against the state and work out its facts."""
        match cmd:
            case c.AddGroup():
                return self._add_group(state, cmd)
            case c.RenameGroup():
                self._not_ended(state)
                self._group(state, cmd.group)
                for g in state.groups.values():
                    if g.id != cmd.group and g.name.casefold() == cmd.name.casefold():
                        raise Refusal("group_exists", group=cmd.name)
                return cmd, (f.GroupRenamed(group=cmd.group, name=cmd.name),)
            case c.RemoveGroup():
                self._phase(state, Phase.SETUP)
                self._group(state, cmd.group)
                if len(state.groups) <= 1:
                    raise Refusal("last_group")
                return cmd, (f.GroupRemoved(group=cmd.group),)
            case c.AddParticipant():
                return self._add_participant(state, cmd)
            case c.RemoveParticipant():
                self._not_ended(state)
                group = self._group(state, cmd.group)
                self._participant(group, cmd.participant)
                roles = group.roles_of(cmd.participant)
                return cmd, (
                    f.ParticipantRemoved(group=cmd.group, participant=cmd.participant, roles=roles),
                )
            case c.MoveParticipant():
                self._not_ended(state)
                group = self._group(state, cmd.group)
                self._participant(group, cmd.participant)
                self._group(state, cmd.to_group)
                if cmd.to_group == cmd.group:
                    raise Refusal("same_group", group=cmd.group)
                roles = group.roles_of(cmd.participant)
                moved = f.ParticipantMoved(
                    group=cmd.group, participant=cmd.participant, to_group=cmd.to_group, roles=roles
                )
                return cmd, (moved,)
            case c.AssignRole():
                self._not_ended(state)
                group = self._group(state, cmd.group)
                if cmd.role not in self.role_set:
                    raise Refusal("unknown_role", role=cmd.role)
                self._participant(group, cmd.participant)
                holder = cmd.participant or FACILITATOR
                return cmd, (f.RoleAssigned(group=cmd.group, role=cmd.role, holder=holder),)
            case c.UnassignRole():
                self._not_ended(state)
                if cmd.role not in self._group(state, cmd.group).roles:
                    raise Refusal("role_not_held", role=cmd.role)
                return cmd, (f.RoleUnassigned(group=cmd.group, role=cmd.role),)
            case c.StartSession():
                self._phase(state, Phase.SETUP)
                if not state.groups:
                    raise Refusal("no_groups")
                return cmd, (f.SessionStarted(),)
            case c.StartRound():
                return self._start_round(state, cmd)
            case c.ReleaseInject():
                return self._release_inject(state, cmd)
            case c.ChooseOption():
                return cmd, self._choose_option(state, cmd)
            case c.ClearChoice():
                group = self._group(state, cmd.group)
                self._open_decision(state, group, cmd.decision)
                if cmd.decision not in group.choices:
                    raise Refusal("no_choice", decision=cmd.decision)
                choices = self._choice_map(group)
                del choices[cmd.decision]
                cleared = f.ChoiceCleared(group=cmd.group, decision=cmd.decision)
                return cmd, (cleared, *self._withdrawn(state, group, cmd.decision, choices))
            case c.AddAction():
                return self._add_action(state, cmd)
            case c.EditAction():
                self._action(state, cmd.group, cmd.action)
                self._check_action_fields(cmd.fields)
                edited = f.ActionEdited(group=cmd.group, action=cmd.action, fields=cmd.fields)
                return cmd, (edited,)
            case c.RemoveAction():
                self._action(state, cmd.group, cmd.action)
                return cmd, (f.ActionRemoved(group=cmd.group, action=cmd.action),)
            case c.WriteNote():
                self._not_ended(state)
                if cmd.group is not None:
                    self._group(state, cmd.group)
                return cmd, (f.NoteWritten(group=cmd.group, text=cmd.text),)
            case c.PauseTimer():
                self._phase(state, Phase.ROUND)
                if state.timer is not None and state.timer.paused:
                    raise Refusal("timer_paused")
                return cmd, (f.TimerPaused(),)
            case c.ResumeTimer():
                self._phase(state, Phase.ROUND)
                if state.timer is None or not state.timer.paused:
                    raise Refusal("timer_running")
                return cmd, (f.TimerResumed(),)
            case c.ExtendTimer():
                self._phase(state, Phase.ROUND)
                return cmd, (f.TimerExtended(minutes=cmd.minutes),)
            case c.CloseRound():
                self._phase(state, Phase.ROUND)
                return cmd, (self._close(state),)
            case c.StartDebrief():
                self._phase(state, Phase.READY, Phase.ROUND)
                return cmd, (*self._close_if_open(state), f.DebriefStarted())
            case c.RateObjective():
                self._phase(state, Phase.DEBRIEF)
                self._group(state, cmd.group)
                if cmd.objective not in self.index.objectives:
                    raise Refusal("unknown_objective", objective=cmd.objective)
                rated = f.ObjectiveRated(
                    group=cmd.group, objective=cmd.objective, rating=cmd.rating, comment=cmd.comment
                )
                return cmd, (rated,)
            case c.RecordLesson():
                self._phase(state, Phase.DEBRIEF)
                if cmd.group is not None:
                    self._group(state, cmd.group)
                lesson = f.LessonRecorded(group=cmd.group, kind=cmd.kind, text=cmd.text)
                return cmd, (lesson,)
            case c.EndSession():
                self._not_ended(state)
                return cmd, (*self._close_if_open(state), f.SessionEnded())
            case c.Undo():
                if cmd.target is not None:
                    raise Refusal("engine_field", field="target")
                target = undo_target(events)
                if target is None:
                    raise Refusal("nothing_to_undo")
                return cmd.model_copy(update={"target": target}), (f.Undone(target=target),)
            case _:
                assert_never(cmd)

    # --- shared checks --------------------------------------------------------------------------

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
            raise Refusal("wrong_phase", phase=state.phase.value)

    def _not_ended(self, state: SessionState) -> None:
        """Refuse once the session has ended."""
        if state.phase is Phase.ENDED:
            raise Refusal("session_ended")

    def _participant(self, group: GroupState, participant: str | None) -> None:
        """Refuse a participant the group does not have (None means the facilitator)."""
        if participant is not None and participant not in group.participants:
            raise Refusal("unknown_participant", participant=participant)

    def _action(self, state: SessionState, group_id: str, action: str) -> None:
        """Refuse unless the session is on and the group has the action."""
        self._not_ended(state)
        if action not in self._group(state, group_id).actions:
            raise Refusal("unknown_action", action=action)

    def _given_id(
        self,
        state: SessionState,
        given: str | None,
        prefix: str,
        taken: Collection[str],
        exists: str,
    ) -> str:
        """Return the id the sender gave after checking it, or the next free engine id."""
        if given is None:
            n = state.next_ids.get(prefix, 0)
            while f"{prefix}{n + 1}" in taken:
                n += 1
            return f"{prefix}{n + 1}"
        if not _ID.match(given) or given == FACILITATOR:
            raise Refusal("bad_id", value=given)
        if given in taken:
            raise Refusal(exists, **{exists.removesuffix("_exists"): given})
        return given

    def _check_action_fields(self, fields: c.ActionFields) -> None:
        """Refuse references to things the scenario does not have."""
        index = self.index
        if fields.responsible is not None and fields.responsible not in index.role_set:
            raise Refusal("unknown_role", role=fields.responsible)
        if fields.financing is not None and fields.financing not in index.financing:
            raise Refusal("unknown_financing", card=fields.financing)
        if fields.indicator is not None and fields.indicator not in index.indicator_ids:
            raise Refusal("unknown_indicator", indicator=fields.indicator)
        if fields.theme is not None and fields.theme not in index.themes:
            raise Refusal("unknown_theme", theme=fields.theme)
        if fields.follow_up_by is not None and fields.follow_up_by not in index.role_set:
            raise Refusal("unknown_role", role=fields.follow_up_by)
        if not is_timepoint(fields.start):
            raise Refusal("bad_start", value=fields.start)
        if not is_timepoint(fields.end):
            raise Refusal("bad_end", value=fields.end)
        if ends_before_start(fields.start, fields.end):
            raise Refusal("end_before_start", start=fields.start, end=fields.end)

    # --- setup ----------------------------------------------------------------------------------

    def _add_group(self, state: SessionState, cmd: c.AddGroup) -> tuple[Command, tuple[Fact, ...]]:
        """Add a group in the setup, with the scenario's start values."""
        self._phase(state, Phase.SETUP)
        if len(state.groups) >= MAX_GROUPS:
            raise Refusal("too_many_groups", max=MAX_GROUPS)
        if cmd.name.casefold() in {g.name.casefold() for g in state.groups.values()}:
            raise Refusal("group_exists", group=cmd.name)
        gid = self._given_id(state, cmd.group, "g", state.groups.keys(), "group_exists")
        added = f.GroupAdded(group=gid, name=cmd.name, start=self.start_values)
        return cmd.model_copy(update={"group": gid}), (added,)

    def _add_participant(
        self, state: SessionState, cmd: c.AddParticipant
    ) -> tuple[Command, tuple[Fact, ...]]:
        """Add a person to a group."""
        self._not_ended(state)
        self._group(state, cmd.group)
        taken = {p for g in state.groups.values() for p in g.participants}
        pid = self._given_id(state, cmd.participant, "p", taken, "participant_exists")
        added = f.ParticipantAdded(
            group=cmd.group, participant=pid, name=cmd.name, organisation=cmd.organisation
        )
        return cmd.model_copy(update={"participant": pid}), (added,)

    def _add_action(
        self, state: SessionState, cmd: c.AddAction
    ) -> tuple[Command, tuple[Fact, ...]]:
        """Add an action of the group's own."""
        self._not_ended(state)
        self._group(state, cmd.group)
        if not self.scenario.action_plan.own_actions:
            raise Refusal("own_actions_off")
        self._check_action_fields(cmd.fields)
        taken = {a for g in state.groups.values() for a in g.actions}
        aid = self._given_id(state, cmd.action, "a", taken, "action_exists")
        added = f.ActionAdded(group=cmd.group, action=aid, fields=cmd.fields)
        return cmd.model_copy(update={"action": aid}), (added,)

    # --- rounds and injects ---------------------------------------------------------------------

    def _start_round(
        self, state: SessionState, cmd: c.StartRound
    ) -> tuple[Command, tuple[Fact, ...]]:
        """Open the next round; rounds whose condition is false for every group are skipped."""
        self._phase(state, Phase.READY)
        if state.round_index + 1 >= len(self.rounds):
            raise Refusal("no_more_rounds")
        if cmd.round is not None:
            raise Refusal("engine_field", field="round")
        groups = list(state.groups.values())
        facts: list[Fact] = []
        index = state.round_index + 1
        while True:
            rnd = self.rounds[index]
            played = {g.id: self.expr.round_ok(g, rnd.id) for g in groups}
            if any(played.values()) or index + 1 >= len(self.rounds):
                break
            # A skipped round changes no value, so the next round's condition sees the same state.
            facts.append(f.RoundSkipped(round=rnd.id))
            index += 1
        put = {
            g.id: [
                key for key, _ in self.index.round_decisions(rnd) if self.expr.decision_ok(g, key)
            ]
            for g in groups
            if played[g.id]
        }
        facts.append(
            f.RoundStarted(round=rnd.id, minutes=rnd.minutes, played=played, decisions_put=put)
        )
        return cmd.model_copy(update={"round": rnd.id}), tuple(facts)

    def _release_inject(
        self, state: SessionState, cmd: c.ReleaseInject
    ) -> tuple[Command, tuple[Fact, ...]]:
        """Release an inject; its condition decides per group whether it reaches it."""
        self._phase(state, Phase.ROUND)
        if cmd.group is not None:
            targets = [self._group(state, cmd.group)]
            if not self.played(state, targets[0]):
                raise Refusal("round_skipped", group=cmd.group)
        else:
            targets = self.played_groups(state)
        rnd = self.rounds[state.round_index]
        inject_id = cmd.inject
        if inject_id is None:
            for inj in rnd.injects:
                if not inj.backup and any(not self.handled(g, inj.id) for g in targets):
                    inject_id = inj.id
                    break
            else:
                raise Refusal("no_pending_inject")
        else:
            found = self.injects.get(inject_id)
            if found is None or found[0].id != rnd.id:
                raise Refusal("unknown_inject", inject=inject_id)
            if all(self.handled(g, inject_id) for g in targets):
                raise Refusal("inject_already_released", inject=inject_id, group=cmd.group)
        inject = self.injects[inject_id][1]
        reached: list[str] = []
        withheld: list[str] = []
        changes: dict[str, f.Values] = {}
        for group in targets:
            if self.handled(group, inject_id):
                continue
            if self.expr.inject_ok(group, inject_id):
                reached.append(group.id)
                values = self.expr.inject_changes(group, inject_id)
                if values:
                    changes[group.id] = values
            else:
                withheld.append(group.id)
        released = f.InjectReleased(
            inject=inject_id,
            round=rnd.id,
            backup=inject.backup,
            reached=reached,
            withheld=withheld,
            changes=changes,
        )
        return cmd.model_copy(update={"inject": inject_id}), (released,)

    def _close(self, state: SessionState) -> f.RoundClosed:
        """Work out the close of the open round: the chosen options' effects, in decision order."""
        rnd = self.rounds[state.round_index]
        applied: dict[str, list[str]] = {}
        changes: dict[str, f.Values] = {}
        for group in state.groups.values():
            if not self.played(state, group):
                continue
            chosen = [
                (key, choice.option)
                for key, _ in self.index.round_decisions(rnd)
                if (choice := group.choices.get(key)) is not None and not choice.applied
            ]
            if not chosen:
                continue
            applied[group.id] = [key for key, _ in chosen]
            values = self.expr.option_changes(group, chosen)
            if values:
                changes[group.id] = values
        return f.RoundClosed(round=rnd.id, applied=applied, changes=changes)

    def _close_if_open(self, state: SessionState) -> tuple[Fact, ...]:
        """Return the close of the open round, if one is open."""
        return (self._close(state),) if state.round_open else ()

    # --- choices --------------------------------------------------------------------------------

    def _open_decision(self, state: SessionState, group: GroupState, key: str) -> Decision:
        """Refuse unless the decision is in the open round and put to the group."""
        self._phase(state, Phase.ROUND)
        found = self.decisions.get(key)
        if found is None or found[0].id != state.round_id:
            raise Refusal("unknown_decision", decision=key)
        if not self.played(state, group):
            raise Refusal("round_skipped", group=group.id)
        if not self.expr.decision_ok(group, key):
            raise Refusal("decision_not_open", decision=key)
        return found[1]

    @staticmethod
    def _choice_map(group: GroupState) -> dict[str, str]:
        """Return the group's choices as decision key -> option id, in the group's order."""
        return {key: choice.option for key, choice in group.choices.items()}

    def _holds(self, group: GroupState, key: str, option: str, choices: dict[str, str]) -> bool:
        """Return True while a decision is put to the group and the chosen option is open."""
        return self.expr.decision_ok(group, key, choices) and self.expr.option_ok(
            group, key, option, choices
        )

    def _withdrawn(
        self, state: SessionState, group: GroupState, changed: str, after: dict[str, str]
    ) -> list[f.ChoiceWithdrawn]:
        """Return the open choices that held before a change of choices and no longer do.

        A choice may depend on another through `valt`/`beslutat`; when the group revises or
        clears that one, the dependent choice would otherwise apply without its condition.
        """
        before = {
            key: self._holds(group, key, choice.option, self._choice_map(group))
            for key, choice in group.choices.items()
            if not choice.applied and choice.round == state.round_id and key != changed
        }
        out: list[f.ChoiceWithdrawn] = []
        again = True
        while again:
            again = False
            for key, option in list(after.items()):
                if not before.get(key) or self._holds(group, key, option, after):
                    continue
                del after[key]
                before[key] = False
                again = True
                out.append(f.ChoiceWithdrawn(group=group.id, decision=key))
        return out

    def _choose_option(self, state: SessionState, cmd: c.ChooseOption) -> tuple[Fact, ...]:
        """Record a choice with its mandate basis, and withdraw the choices it undermines."""
        group = self._group(state, cmd.group)
        decision = self._open_decision(state, group, cmd.decision)
        if cmd.option not in self.options[cmd.decision]:
            raise Refusal("unknown_option", option=cmd.option, decision=cmd.decision)
        if not self.expr.option_ok(group, cmd.decision, cmd.option):
            raise Refusal("option_unavailable", option=cmd.option)
        for role in cmd.agreed_roles:
            if role not in self.role_set:
                raise Refusal("unknown_role", role=role)
        owners = self.owners(cmd.decision)
        agreed = self.agreed_roles(group, cmd.agreed_roles)
        outside = bool(owners) and not set(agreed) & set(owners)
        if outside and decision.outside_mandate == "refuse":
            raise Refusal("outside_mandate_refused", owners=owners)
        chosen = f.OptionChosen(
            group=cmd.group,
            decision=cmd.decision,
            round=self.decisions[cmd.decision][0].id,
            option=cmd.option,
            rationale=cmd.rationale,
            agreed_roles=agreed,
            mandate=decision.mandate,
            mandate_basis=owners,
            outside_mandate=outside,
            anchor_with=owners if outside else [],
        )
        after = self._choice_map(group)
        after[cmd.decision] = cmd.option
        return (chosen, *self._withdrawn(state, group, cmd.decision, after))
