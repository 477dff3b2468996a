"""Deciding: command + state -> the facts it records, or a refusal with a code and parameters.

This is the only place that evaluates a scenario's conditions and effects for a session; the
facts it returns carry every outcome, so folding them later decides nothing again.
"""

from __future__ import annotations

import math
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
from varselspel.engine.impact import figure_at
from varselspel.engine.index import ScenarioIndex, model_defaults
from varselspel.engine.journal import BundleLike
from varselspel.engine.result import Message, Param
from varselspel.engine.state import GroupState, Phase, SessionState
from varselspel.expr import EvalEnv, clamp
from varselspel.expr.evaluate import Choice
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
                return cmd, (f.SessionStarted(changes=self._first_reveals(state)),)
            case c.StartRound():
                return self._start_round(state, cmd)
            case c.ReleaseInject():
                return self._release_inject(state, cmd)
            case c.ChooseOption():
                return cmd, self._choose_option(state, cmd)
            case c.ChooseOptions():
                return cmd, self._choose_options(state, cmd)
            case c.ChooseNumber():
                return cmd, self._choose_number(state, cmd)
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
        delayed: dict[str, list[str]] = {}
        changes: dict[str, f.Values] = {}
        opened: dict[str, GroupState] = {}
        for g in groups:
            # Delayed effects due by now apply as the round opens, before its injects and
            # decisions (its own condition was tested on the state before them).
            due = [p for p in g.pending if self.index.gate(p.due) <= index]
            if not due and not self._gated():
                opened[g.id] = g
                continue
            env = self.expr.scratch(g)
            compiled = self.expr.compiled
            self.expr.apply(env, [compiled.delayed_effects(p.source) for p in due])
            if due:
                delayed[g.id] = [p.source for p in due]
            values = self._values(g, env, index)
            if values:
                changes[g.id] = values
            opened[g.id] = _with(g, env)
        put = {
            g.id: [
                key
                for key, _ in self.index.round_decisions(rnd)
                if self.expr.decision_ok(opened[g.id], key)
            ]
            for g in groups
            if played[g.id]
        }
        facts.append(
            f.RoundStarted(
                round=rnd.id,
                minutes=rnd.minutes,
                played=played,
                decisions_put=put,
                delayed=delayed,
                changes=changes,
            )
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
        scheduled: dict[str, list[f.Scheduled]] = {}
        later = self._scheduled(rnd, self.index.delayed_of_inject(inject_id))
        for group in targets:
            if self.handled(group, inject_id):
                continue
            if self.expr.inject_ok(group, inject_id):
                reached.append(group.id)
                env = self.expr.scratch(group)
                self.expr.apply(env, [self.expr.compiled.inject_effects(inject_id)])
                values = self._values(group, env, state.round_index)
                if values:
                    changes[group.id] = values
                if later:
                    scheduled[group.id] = list(later)
            else:
                withheld.append(group.id)
        released = f.InjectReleased(
            inject=inject_id,
            round=rnd.id,
            backup=inject.backup,
            reached=reached,
            withheld=withheld,
            changes=changes,
            scheduled=scheduled,
        )
        return cmd.model_copy(update={"inject": inject_id}), (released,)

    def _close(self, state: SessionState) -> f.RoundClosed:
        """Work out the close of the open round: the chosen options' effects in decision order,
        then the indicators that follow the model, then what that reveals."""
        rnd = self.rounds[state.round_index]
        applied: dict[str, list[str]] = {}
        changes: dict[str, f.Values] = {}
        scheduled: dict[str, list[f.Scheduled]] = {}
        for group in state.groups.values():
            chosen: list[tuple[str, Choice]] = []
            if self.played(state, group):
                chosen = [
                    (key, choice.answer)
                    for key, _ in self.index.round_decisions(rnd)
                    if (choice := group.choices.get(key)) is not None and not choice.applied
                ]
            if not chosen and not self.index.followers and not self._gated():
                continue
            env = self.expr.scratch(group)
            for key, answer in chosen:
                self.expr.apply(env, self.expr.choice_effects(key, answer))
            self._derive(env, rnd)
            if chosen:
                applied[group.id] = [key for key, _ in chosen]
                later = [
                    item
                    for key, answer in chosen
                    for item in self._scheduled(rnd, self.index.delayed_of_choice(key, answer))
                ]
                if later:
                    scheduled[group.id] = later
            values = self._values(group, env, state.round_index)
            if values:
                changes[group.id] = values
        return f.RoundClosed(round=rnd.id, applied=applied, changes=changes, scheduled=scheduled)

    # --- delayed effects, derived indicators and reveals ----------------------------------------

    def _scheduled(self, rnd: Round, delayed: list[tuple[str, int]]) -> list[f.Scheduled]:
        """Return the delayed effects set off in a round that fall due in a later one."""
        out: list[f.Scheduled] = []
        for source, after in delayed:
            due = self.index.due_round(rnd.id, after)
            if due is not None:
                out.append(f.Scheduled(source=source, due=due))
        return out

    def _derive(self, env: EvalEnv, rnd: Round) -> None:
        """Set each indicator that follows the model: start + scale × figure at the round's month."""
        for indicator in self.index.followers:
            assert indicator.follows is not None
            try:
                figure = figure_at(self.scenario, env.model, indicator.follows, rnd.model_month)
            except KeyError:
                continue  # a figure this kind of scenario lacks (the checker's C029)
            value = float(indicator.start) + indicator.follows_scale * figure
            if math.isfinite(value):
                # Rounded to a millionth: `0.000001 × SEK` should read as whole MSEK decimals.
                env.indicators[indicator.id] = clamp(round(value, 6), env.bounds.get(indicator.id))

    def _gated(self) -> bool:
        """True when the scenario has cards or lägesbild figures that are revealed later."""
        return bool(self.index.gated_cards or self.index.reveals)

    def _values(self, group: GroupState, env: EvalEnv, at: int) -> f.Values:
        """Return what `env` changed for the group, with the cards and figures it now reveals.

        `at` is the index of the current round (-1 before the first).
        """
        cards: list[str] = []
        figures: list[str] = []
        if self._gated():
            compiled = self.expr.compiled
            have = set(group.revealed_cards)
            cards = [
                card_id
                for card_id, gate in self.index.gated_cards
                if card_id not in have
                and gate <= at
                and self.expr.holds(compiled.card_condition(card_id), env)
            ]
            shown = set(group.revealed_figures)
            for number, codes, gate in self.index.reveals:
                new = [code for code in codes if code not in shown]
                if new and gate <= at and self.expr.holds(compiled.reveal_condition(number), env):
                    figures += new
                    shown.update(new)
        return self.expr.values(group, env, cards, figures)

    def _first_reveals(self, state: SessionState) -> dict[str, f.Values]:
        """Return the cards and figures each group sees from the start of the session."""
        if not self._gated():
            return {}
        out: dict[str, f.Values] = {}
        for group in state.groups.values():
            values = self._values(group, self.expr.scratch(group), -1)
            if values:
                out[group.id] = values
        return out

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
    def _choice_map(group: GroupState) -> dict[str, Choice]:
        """Return the group's choices as decision key -> answer, in the group's order."""
        return {key: choice.answer for key, choice in group.choices.items()}

    def _holds(
        self, group: GroupState, key: str, choice: Choice, choices: dict[str, Choice]
    ) -> bool:
        """Return True while a decision is put to the group and every chosen option is open."""
        if not self.expr.decision_ok(group, key, choices):
            return False
        if isinstance(choice, float | int):
            return True
        options = choice if isinstance(choice, tuple) else (choice,)
        return all(self.expr.option_ok(group, key, option, choices) for option in options)

    def _withdrawn(
        self, state: SessionState, group: GroupState, changed: str, after: dict[str, Choice]
    ) -> list[f.ChoiceWithdrawn]:
        """Return the open choices that held before a change of choices and no longer do.

        A choice may depend on another through `valt`/`beslutat`; when the group revises or
        clears that one, the dependent choice would otherwise apply without its condition.
        """
        before = {
            key: self._holds(group, key, choice.answer, self._choice_map(group))
            for key, choice in group.choices.items()
            if not choice.applied and choice.round == state.round_id and key != changed
        }
        out: list[f.ChoiceWithdrawn] = []
        again = True
        while again:
            again = False
            for key, answer in list(after.items()):
                if not before.get(key) or self._holds(group, key, answer, after):
                    continue
                del after[key]
                before[key] = False
                again = True
                out.append(f.ChoiceWithdrawn(group=group.id, decision=key))
        return out

    def _choose_option(self, state: SessionState, cmd: c.ChooseOption) -> tuple[Fact, ...]:
        """Record a choice of one option (of a multi-select: that option alone)."""
        group = self._group(state, cmd.group)
        decision = self._open_decision(state, group, cmd.decision)
        self._option_choice(group, cmd.decision, decision, [cmd.option])
        multi = decision.max_choices > 1
        return self._record(
            state,
            group,
            cmd.decision,
            decision,
            (cmd.option,) if multi else cmd.option,
            cmd.rationale,
            cmd.agreed_roles,
        )

    def _choose_options(self, state: SessionState, cmd: c.ChooseOptions) -> tuple[Fact, ...]:
        """Record a choice of several options of a multi-select decision."""
        group = self._group(state, cmd.group)
        decision = self._open_decision(state, group, cmd.decision)
        wanted = list(dict.fromkeys(cmd.options))
        self._option_choice(group, cmd.decision, decision, wanted)
        if len(wanted) > decision.max_choices:
            raise Refusal("too_many_options", decision=cmd.decision, max=decision.max_choices)
        order = list(self.options[cmd.decision])
        ordered = tuple(sorted(wanted, key=order.index))
        answer: Choice = ordered if decision.max_choices > 1 else ordered[0]
        return self._record(
            state, group, cmd.decision, decision, answer, cmd.rationale, cmd.agreed_roles
        )

    def _choose_number(self, state: SessionState, cmd: c.ChooseNumber) -> tuple[Fact, ...]:
        """Record the number a group answers a number decision with."""
        group = self._group(state, cmd.group)
        decision = self._open_decision(state, group, cmd.decision)
        number = decision.number
        if number is None or decision.options:
            raise Refusal("not_number_decision", decision=cmd.decision)
        value = float(cmd.value)
        if not number.min <= value <= number.max:
            raise Refusal(
                "number_out_of_range",
                decision=cmd.decision,
                min=number.min,
                max=number.max,
                value=value,
            )
        steps = (value - number.min) / number.step
        if abs(steps - round(steps)) > 1e-9 * max(1.0, abs(steps)):
            raise Refusal(
                "number_off_step", decision=cmd.decision, step=number.step, min=number.min
            )
        return self._record(
            state, group, cmd.decision, decision, value, cmd.rationale, cmd.agreed_roles
        )

    def _option_choice(
        self, group: GroupState, key: str, decision: Decision, options: list[str]
    ) -> None:
        """Refuse options that the decision lacks or that are not open to the group now."""
        if decision.number is not None and not decision.options:
            raise Refusal("number_decision", decision=key)
        for option in options:
            if option not in self.options[key]:
                raise Refusal("unknown_option", option=option, decision=key)
        for option in options:
            if not self.expr.option_ok(group, key, option):
                raise Refusal("option_unavailable", option=option)

    def _record(
        self,
        state: SessionState,
        group: GroupState,
        key: str,
        decision: Decision,
        answer: Choice,
        rationale: str,
        agreed_roles: Sequence[str],
    ) -> tuple[Fact, ...]:
        """Record a choice with its mandate basis, and withdraw the choices it undermines."""
        for role in agreed_roles:
            if role not in self.role_set:
                raise Refusal("unknown_role", role=role)
        owners = self.owners(key)
        agreed = self.agreed_roles(group, agreed_roles)
        outside = bool(owners) and not set(agreed) & set(owners)
        if outside and decision.outside_mandate == "refuse":
            raise Refusal("outside_mandate_refused", owners=owners)
        if isinstance(answer, tuple):
            option, options, value = answer[0], list(answer), None
        elif isinstance(answer, float | int):
            option, options, value = "", [], float(answer)
        else:
            option, options, value = answer, [], None
        chosen = f.OptionChosen(
            group=group.id,
            decision=key,
            round=self.decisions[key][0].id,
            option=option,
            options=options,
            value=value,
            rationale=rationale,
            agreed_roles=agreed,
            mandate=decision.mandate,
            mandate_basis=owners,
            outside_mandate=outside,
            anchor_with=owners if outside else [],
        )
        after = self._choice_map(group)
        after[key] = answer
        return (chosen, *self._withdrawn(state, group, key, after))


def _with(group: GroupState, env: EvalEnv) -> GroupState:
    """Return a copy of the group that has the values of `env` (to ask what would hold then)."""
    return group.model_copy(
        update={"indicators": env.indicators, "flags": env.flags, "model": env.model}
    )
