"""Upcasting: events of an older schema become current events, each once and for good.

Schema 1 (varselspel 0.1.0) stored only the command; its facts are worked out here, once, with
the rules of 0.1.0 frozen in `LegacyDeriver`. Nothing else uses these rules: the engine decides
new commands with `varselspel.engine.decide`, and a change there never reaches an old log. The
store writes the upcast events back when it may, so later opens are pure data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, assert_never

from varselspel.engine import commands as c
from varselspel.engine import facts as f
from varselspel.engine.commands import FACILITATOR
from varselspel.engine.events import EVENT_VERSION, Event, LegacyEvent, StoredEvent
from varselspel.engine.exprs import ExprRuntime
from varselspel.engine.facts import Fact
from varselspel.engine.fold import FoldError, apply_event, fold
from varselspel.engine.index import ScenarioIndex
from varselspel.engine.journal import BundleLike
from varselspel.engine.state import GroupState, SessionState
from varselspel.model import Scenario

V1_MODEL_DEFAULTS: dict[str, float] = {
    "local_multiplier": 0.5,
    "dismissed_share": 0.6,
    "unemployed_share": 0.2,
    "reemployed_12m": 0.85,
    "move_away_share": 0.1,
    "household_size": 2.2,
    "in_mover_share": 0.5,
    "children_preschool_per_household": 0.3,
    "children_school_per_household": 0.5,
    "construction_resident_share": 0.2,
}
"""The `model.*` assumptions of 0.1.0 and their defaults, in the order its groups held them."""

V1_COMPANY_DEFAULTS: dict[str, float | None] = {
    "affected": 0.0,
    "construction_peak": 0.0,
    "employees": None,
    "resident_share": 1.0,
}
"""The company figures 0.1.0 copied into `model.*`, with their defaults (None: required)."""


def v1_start_values(scenario: Scenario) -> f.Values:
    """Return the values a group started with in 0.1.0: what the scenario sets, else its defaults.

    A later release may add an assumption or change a default; a group of an old session keeps
    the values it had.
    """
    setting = scenario.setting
    model: dict[str, float] = {}
    for part, defaults in (
        (setting.assumptions, V1_MODEL_DEFAULTS),
        (setting.company, V1_COMPANY_DEFAULTS),
    ):
        given = part.model_fields_set
        for name, default in defaults.items():
            value = getattr(part, name, None) if name in given or default is None else default
            model[name] = float(value if value is not None else 0.0)
    return f.Values(
        indicators={i.id: float(i.start) for i in scenario.indicators},
        flags={fl.id: fl.start for fl in scenario.flags},
        model=model,
    )


class LegacyDeriver:
    """The rules of 0.1.0, frozen: works out the facts a schema-1 command had when it was sent."""

    def __init__(self, bundle: BundleLike, seed: int) -> None:
        """Prepare the scenario's look-ups and expressions for one session."""
        self.scenario = bundle.scenario
        self.index = ScenarioIndex(bundle.scenario, bundle.roles)
        self.expr = ExprRuntime(bundle, seed)
        self.start = v1_start_values(bundle.scenario)
        self.events: list[Event] = []
        self.state = SessionState()

    def follow(self, event: Event) -> None:
        """Take in a current event (a log that a newer release continued)."""
        self.events.append(event)
        if any(isinstance(x, f.Undone) for x in event.facts):
            self.state = fold(self.events, self.index.round_index)
        elif event.seq not in self.state.undone:
            apply_event(self.state, event, self.index.round_index)

    def derive(self, old: LegacyEvent) -> Event:
        """Return a schema-1 event as a current one, with the facts 0.1.0 gave its command."""
        try:
            facts = self._facts(self.state, old.command)
        except (KeyError, AssertionError, IndexError, TypeError, ValueError) as error:
            # Only a damaged or foreign log holds a command that does not fit its state.
            raise FoldError(old.seq, error) from error
        event = Event(
            v=EVENT_VERSION,
            seq=old.seq,
            at=old.at,
            actor=old.actor,
            command=old.command,
            facts=facts,
        )
        self.follow(event)
        return event

    # --- the rules of 0.1.0 ---------------------------------------------------------------------

    def _played(self, state: SessionState, group: GroupState) -> bool:
        """Return True when the open round applies to the group."""
        record = group.rounds.get(state.round_id) if state.round_id is not None else None
        return record is not None and record.played

    def _facts(self, state: SessionState, cmd: c.Command) -> tuple[Fact, ...]:
        """Return the facts a command had in 0.1.0, given the state before it."""
        match cmd:
            case c.AddGroup():
                assert cmd.group is not None
                return (f.GroupAdded(group=cmd.group, name=cmd.name, start=self.start),)
            case c.RenameGroup():
                return (f.GroupRenamed(group=cmd.group, name=cmd.name),)
            case c.RemoveGroup():
                return (f.GroupRemoved(group=cmd.group),)
            case c.AddParticipant():
                assert cmd.participant is not None
                return (
                    f.ParticipantAdded(
                        group=cmd.group,
                        participant=cmd.participant,
                        name=cmd.name,
                        organisation=cmd.organisation,
                    ),
                )
            case c.RemoveParticipant():
                roles = state.groups[cmd.group].roles_of(cmd.participant)
                return (
                    f.ParticipantRemoved(group=cmd.group, participant=cmd.participant, roles=roles),
                )
            case c.MoveParticipant():
                # 0.1.0 had no such command; its facts are what the rules record today.
                roles = state.groups[cmd.group].roles_of(cmd.participant)
                moved = f.ParticipantMoved(
                    group=cmd.group, participant=cmd.participant, to_group=cmd.to_group, roles=roles
                )
                return (moved,)
            case c.AssignRole():
                holder = cmd.participant or FACILITATOR
                return (f.RoleAssigned(group=cmd.group, role=cmd.role, holder=holder),)
            case c.UnassignRole():
                return (f.RoleUnassigned(group=cmd.group, role=cmd.role),)
            case c.StartSession():
                return (f.SessionStarted(),)
            case c.StartRound():
                return self._start_round(state)
            case c.ReleaseInject():
                return self._release(state, cmd)
            case c.ChooseOption():
                return self._choose(state, cmd)
            case c.ChooseOptions() | c.ChooseNumber():
                # Multi-select and number decisions came after 0.1.0: a log of it has none.
                raise ValueError("not_in_schema_1")
            case c.ClearChoice():
                group = state.groups[cmd.group]
                after = {k: ch.option for k, ch in group.choices.items() if k != cmd.decision}
                cleared = f.ChoiceCleared(group=cmd.group, decision=cmd.decision)
                return (cleared, *self._withdrawn(state, group, cmd.decision, after))
            case c.AddAction():
                assert cmd.action is not None
                return (f.ActionAdded(group=cmd.group, action=cmd.action, fields=cmd.fields),)
            case c.EditAction():
                return (f.ActionEdited(group=cmd.group, action=cmd.action, fields=cmd.fields),)
            case c.RemoveAction():
                return (f.ActionRemoved(group=cmd.group, action=cmd.action),)
            case c.WriteNote():
                return (f.NoteWritten(group=cmd.group, text=cmd.text),)
            case c.PauseTimer():
                return (f.TimerPaused(),) if state.timer is not None else ()
            case c.ResumeTimer():
                timer = state.timer
                return (f.TimerResumed(),) if timer is not None and timer.paused else ()
            case c.ExtendTimer():
                extended = f.TimerExtended(minutes=cmd.minutes)
                return (extended,) if state.timer is not None else ()
            case c.CloseRound():
                return (self._close(state),)
            case c.StartDebrief():
                return (*self._close_if_open(state), f.DebriefStarted())
            case c.RateObjective():
                return (
                    f.ObjectiveRated(
                        group=cmd.group,
                        objective=cmd.objective,
                        rating=cmd.rating,
                        comment=cmd.comment,
                    ),
                )
            case c.RecordLesson():
                return (f.LessonRecorded(group=cmd.group, kind=cmd.kind, text=cmd.text),)
            case c.EndSession():
                return (*self._close_if_open(state), f.SessionEnded())
            case c.Undo():
                assert cmd.target is not None
                return (f.Undone(target=cmd.target),)
            case _:
                assert_never(cmd)

    def _start_round(self, state: SessionState) -> tuple[Fact, ...]:
        """Open the next round; rounds false for every group open and close at once."""
        rounds = self.index.rounds
        index = state.round_index
        out: list[Fact] = []
        while True:
            index += 1
            rnd = rounds[index]
            played = {gid: self.expr.round_ok(g, rnd.id) for gid, g in state.groups.items()}
            if any(played.values()) or index + 1 >= len(rounds):
                break
            out.append(f.RoundSkipped(round=rnd.id))
        put = {
            gid: [k for k, _ in self.index.round_decisions(rnd) if self.expr.decision_ok(g, k)]
            for gid, g in state.groups.items()
            if played[gid]
        }
        out.append(
            f.RoundStarted(round=rnd.id, minutes=rnd.minutes, played=played, decisions_put=put)
        )
        return tuple(out)

    def _release(self, state: SessionState, cmd: c.ReleaseInject) -> tuple[Fact, ...]:
        """Release an inject to the groups it was sent to that had not had it."""
        assert cmd.inject is not None
        rnd, inject = self.index.injects[cmd.inject]
        targets = (
            [state.groups[cmd.group]]
            if cmd.group is not None
            else [g for g in state.groups.values() if self._played(state, g)]
        )
        reached: list[str] = []
        withheld: list[str] = []
        changes: dict[str, f.Values] = {}
        for group in targets:
            if any(d.inject == inject.id for d in group.injects):
                continue
            if self.expr.inject_ok(group, inject.id):
                reached.append(group.id)
                values = self.expr.inject_changes(group, inject.id)
                if values:
                    changes[group.id] = values
            else:
                withheld.append(group.id)
        return (
            f.InjectReleased(
                inject=inject.id,
                round=rnd.id,
                backup=inject.backup,
                reached=reached,
                withheld=withheld,
                changes=changes,
            ),
        )

    def _holds(self, group: GroupState, key: str, option: str, choices: dict[str, str]) -> bool:
        """Return True while a decision is put to the group and the chosen option is open."""
        return self.expr.decision_ok(group, key, choices) and self.expr.option_ok(
            group, key, option, choices
        )

    def _withdrawn(
        self, state: SessionState, group: GroupState, changed: str, after: dict[str, str]
    ) -> list[f.ChoiceWithdrawn]:
        """Return the open choices of the round that held before a change and no longer do."""
        current = {k: ch.option for k, ch in group.choices.items()}
        before = {
            key: self._holds(group, key, choice.option, current)
            for key, choice in group.choices.items()
            if not choice.applied and choice.round == state.round_id and key != changed
        }
        out: list[f.ChoiceWithdrawn] = []
        again = True
        while again:
            again = False
            for key, option in list(after.items()):
                if before.get(key) and not self._holds(group, key, option, after):
                    del after[key]
                    before[key] = False
                    again = True
                    out.append(f.ChoiceWithdrawn(group=group.id, decision=key))
        return out

    def _choose(self, state: SessionState, cmd: c.ChooseOption) -> tuple[Fact, ...]:
        """Record a choice with its mandate basis; withdraw the choices that depended on another."""
        group = state.groups[cmd.group]
        rnd, decision = self.index.decisions[cmd.decision]
        owners = self.index.owners(cmd.decision)
        agreed = (
            list(dict.fromkeys(cmd.agreed_roles))
            if cmd.agreed_roles
            else [r for r in self.index.role_ids if r in group.roles]
        )
        outside = bool(owners) and not set(agreed) & set(owners)
        chosen = f.OptionChosen(
            group=cmd.group,
            decision=cmd.decision,
            round=rnd.id,
            option=cmd.option,
            rationale=cmd.rationale,
            agreed_roles=agreed,
            mandate=decision.mandate,
            mandate_basis=owners,
            outside_mandate=outside,
            anchor_with=owners if outside else [],
        )
        after = {k: ch.option for k, ch in group.choices.items()}
        after[cmd.decision] = cmd.option
        return (chosen, *self._withdrawn(state, group, cmd.decision, after))

    def _close(self, state: SessionState) -> f.RoundClosed:
        """Close the open round: each played group's chosen options take effect in order."""
        rnd = self.index.rounds[state.round_index]
        applied: dict[str, list[str]] = {}
        changes: dict[str, f.Values] = {}
        for gid, group in state.groups.items():
            if not self._played(state, group):
                continue
            chosen = []
            for key, _ in self.index.round_decisions(rnd):
                choice = group.choices.get(key)
                if choice is not None and not choice.applied:
                    chosen.append((key, choice.option))
            if chosen:
                applied[gid] = [key for key, _ in chosen]
                values = self.expr.option_changes(group, chosen)
                if values:
                    changes[gid] = values
        return f.RoundClosed(round=rnd.id, applied=applied, changes=changes)

    def _close_if_open(self, state: SessionState) -> tuple[Fact, ...]:
        """Return the close of the open round, if one is open."""
        return (self._close(state),) if state.round_open else ()


def upcast_v1_v2(events: Sequence[LegacyEvent], bundle: BundleLike, seed: int) -> list[Event]:
    """Return a whole schema-1 log as schema-2 events, facts worked out by the rules of 0.1.0."""
    deriver = LegacyDeriver(bundle, seed)
    return [deriver.derive(event) for event in events]


class Upcaster:
    """Turns a log as stored (any schema) into current events, remembering what it upcast."""

    def __init__(self, bundle: BundleLike, seed: int) -> None:
        """Prepare for one session; the legacy rules are set up only when a log needs them."""
        self.bundle = bundle
        self.seed = seed
        self._legacy: LegacyDeriver | None = None
        self.upcast: list[int] = []
        """Seqs of the events worked out from an older schema, for the store to write back."""

    def current(
        self, stored: Iterable[StoredEvent], before: Callable[[], Sequence[Event]]
    ) -> list[Event]:
        """Return stored events as current ones; `before()` gives the session's events so far."""
        out: list[Event] = []
        for event in stored:
            if isinstance(event, Event):
                if self._legacy is not None:
                    self._legacy.follow(event)
                out.append(event)
                continue
            if self._legacy is None:
                self._legacy = LegacyDeriver(self.bundle, self.seed)
                for earlier in before():
                    self._legacy.follow(earlier)
                for earlier in out:
                    self._legacy.follow(earlier)
            out.append(self._legacy.derive(event))
            self.upcast.append(event.seq)
        return out


def decode(data: Any) -> StoredEvent:
    """Validate one stored payload (a dict from JSON) as the event of its schema version.

    Raises `ValueError` (a pydantic `ValidationError`, or a plain one for a bad version).
    """
    if not isinstance(data, dict):
        raise ValueError("not_object")
    version = data.get("v", 1)
    if version == EVENT_VERSION:
        return Event.model_validate(data)
    if version == 1 and "v" not in data:
        return LegacyEvent.model_validate(data)
    if isinstance(version, int) and not isinstance(version, bool) and version > EVENT_VERSION:
        raise ValueError("too_new")
    raise ValueError("bad_version")
