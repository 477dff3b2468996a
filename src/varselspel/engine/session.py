"""The session facade the UI, the CLI and the tests use."""

from __future__ import annotations

import gc
import secrets
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from varselspel.engine.commands import (
    COMMAND_ADAPTER,
    FACILITATOR,
    AddGroup,
    Command,
    Undo,
)
from varselspel.engine.decide import Rules
from varselspel.engine.events import EVENT_VERSION, Event
from varselspel.engine.fold import apply_event, fold, is_undo, undo_target
from varselspel.engine.index import ScenarioIndex
from varselspel.engine.journal import BundleLike, Journal, MemoryJournal, SessionInfo
from varselspel.engine.queries import DecisionView, decisions_for
from varselspel.engine.result import CommandResult, Message
from varselspel.engine.state import SessionState
from varselspel.engine.upcast import Upcaster
from varselspel.model import Inject, MandateItem, Option, Round, Scenario

Clock = Callable[[], datetime]
"""Returns the current UTC time; tests pass a fake clock."""


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many objects are built (halves a rebuild)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def utc_now() -> datetime:
    """Return the current time in UTC."""
    return datetime.now(UTC)


class Session:
    """One workshop run: a scenario, its groups and the log of everything they did."""

    def __init__(
        self,
        bundle: BundleLike,
        info: SessionInfo,
        journal: Journal | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        """Wrap an empty or existing journal; use `create` or `varselspel.store.open_session`."""
        self.bundle = bundle
        self.info = info
        self.journal: Journal = journal if journal is not None else MemoryJournal()
        self.clock: Clock = clock or utc_now
        self.rules = Rules(bundle, info.seed)
        self._upcaster = Upcaster(bundle, info.seed)
        self._events: list[Event] = []
        self._skipped = 0
        """Events before `_events` not read yet: a state saved at the last close stands for them."""
        self._saved = 0
        """Seq of the state the journal holds saved, if any."""
        self._state = self.rules.initial_state()
        self._snapshot: SessionState | None = None

    # --- creating and opening -------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        bundle: BundleLike,
        groups: Sequence[str] = (),
        seed: int | None = None,
        store: Journal | None = None,
        *,
        title: str = "",
        clock: Clock | None = None,
    ) -> Session:
        """Start a new session with the named groups (each an `add_group` event)."""
        now = (clock or utc_now)()
        scenario = bundle.scenario
        info = SessionInfo(
            id=uuid.uuid4().hex,
            title=title or f"{scenario.title} {now:%Y-%m-%d %H:%M}",
            scenario_id=scenario.id,
            scenario_title=scenario.title,
            seed=secrets.randbelow(2**31) if seed is None else seed,
            created_at=now,
            sha256=bundle.sha256,
        )
        journal = store if store is not None else MemoryJournal()
        journal.initialize(info, bundle)
        session = cls(bundle, info, journal, clock=clock)
        for name in groups:
            result = session.execute(AddGroup(name=name))
            if not result.ok:
                raise ValueError(result.reason)
        return session

    @classmethod
    def resume(
        cls,
        bundle: BundleLike,
        info: SessionInfo,
        journal: Journal,
        *,
        clock: Clock | None = None,
        saved: tuple[int, SessionState] | None = None,
    ) -> Session:
        """Rebuild a session from the events its journal holds.

        `saved` is the state after some event, saved at a clean close; then only the events after
        it are folded, and the earlier ones are read when first asked for.
        """
        session = cls(bundle, info, journal, clock=clock)
        if saved is not None:
            session._skipped = session._saved = saved[0]
            session._state = saved[1]
        session.refresh()
        return session

    # --- reading --------------------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        """The scenario played."""
        return self.bundle.scenario

    @property
    def state(self) -> SessionState:
        """A snapshot of the current state; it does not change when the session does.

        Treat it as read-only: it is the live state until the next change, which then works on
        a copy (so reading after opening or after a change costs nothing).
        """
        self._snapshot = self._state
        return self._state

    def _own_state(self) -> SessionState:
        """Return the live state to change, copying it first if a snapshot was handed out."""
        if self._snapshot is self._state:
            # A dump and validate round trip is about twice as fast as a deep copy.
            with gc_paused():
                self._state = SessionState.model_validate(self._state.model_dump())
        self._snapshot = None
        return self._state

    @property
    def events(self) -> Sequence[Event]:
        """All events so far, in order (undo events and undone events included)."""
        return tuple(self._all())

    def _all(self) -> list[Event]:
        """Return every event, reading those a saved state stood for when not read yet."""
        if self._skipped:
            with gc_paused():
                stored = self.journal.events_after(0)[: self._skipped]
                head = self._upcaster.current(stored, tuple)
            self._events[:0] = head
            self._skipped = 0
        return self._events

    @property
    def path(self) -> Path | None:
        """The session file when the session is stored, else None."""
        found = getattr(self.journal, "path", None)
        return Path(found) if found is not None else None

    @property
    def seq(self) -> int:
        """Seq of the last event."""
        return self._skipped + len(self._events)

    @property
    def index(self) -> ScenarioIndex:
        """The scenario's look-ups: rounds, decisions by key, options, injects, owners."""
        return self.rules.index

    @property
    def read_only(self) -> bool:
        """True when the session can be viewed and exported but not changed."""
        return bool(getattr(self.journal, "read_only", False))

    @property
    def upcast(self) -> Sequence[int]:
        """Seqs of events whose facts were worked out from an older schema when they were read."""
        return tuple(self._upcaster.upcast)

    def rebuild(self) -> SessionState:
        """Fold all events' facts from scratch (the incremental state must equal this)."""
        with gc_paused():
            return fold(self._all(), self.rules.round_index)

    # --- changing -------------------------------------------------------------------------------

    def execute(
        self, command: Command | Mapping[str, Any], actor: str = FACILITATOR
    ) -> CommandResult:
        """Decide a command against the current state and record its facts when accepted."""
        if isinstance(command, Mapping):
            try:
                cmd: Command = COMMAND_ADAPTER.validate_python(dict(command))
            except ValidationError as error:
                return _invalid(error)
        else:
            cmd = command
        with self.journal.write_lock():
            self._pull()
            decided = self.rules.decide(self._state, self._log_for(cmd), cmd, actor)
            if isinstance(decided, Message):
                return CommandResult(ok=False, code=decided.code, params=decided.params)
            event = Event(
                v=EVENT_VERSION,
                seq=self.seq + 1,
                at=self.clock(),
                actor=actor,
                command=decided.command,
                facts=decided.facts,
            )
            self.journal.append(event)
        # Only once the journal has committed the event does the in-memory state change.
        self._apply(event)
        return CommandResult(ok=True, event=event, notices=list(decided.notices))

    def check(self, command: Command, actor: str = FACILITATOR) -> CommandResult:
        """Tell whether a command would be accepted now, without recording it."""
        decided = self.rules.decide(self._state, self._log_for(command), command, actor)
        if isinstance(decided, Message):
            return CommandResult(ok=False, code=decided.code, params=decided.params)
        return CommandResult(ok=True, notices=list(decided.notices))

    def _log_for(self, command: Command) -> Sequence[Event]:
        """Return the events deciding a command needs: all of them for an undo, else none."""
        return self._all() if isinstance(command, Undo) else ()

    def undo(self, actor: str = FACILITATOR) -> CommandResult:
        """Undo the last command still in effect (facilitator only)."""
        return self.execute(Undo(), actor)

    def last_undoable(self) -> Event | None:
        """The event `undo` would cancel now (to show before undoing), or None."""
        events = self._all()
        target = undo_target(events)
        return events[target - 1] if target is not None else None

    def refresh(self) -> int:
        """Fold in events other processes appended; return how many arrived."""
        return self._pull()

    def close(self) -> None:
        """Save the state for a quick next open (when it changed), then release the journal."""
        if not self.read_only and self.seq > self._saved:
            with suppress(Exception):  # the state saved is only a shortcut; the log has it all
                self.journal.save_state(self.seq, self._state.model_dump_json())
        self.journal.close()

    def _pull(self) -> int:
        """Fold in events the journal has that this object has not seen yet."""
        with gc_paused():
            stored = self.journal.events_after(self.seq)
            if not stored:
                return 0
            new = self._upcaster.current(stored, self._all)
            if len(new) > 1 and (self.seq == 0 or any(is_undo(e) for e in new)):
                # Many events at once (opening a session): one fold from scratch is cheapest.
                events = self._all()
                events.extend(new)
                self._state = fold(events, self.rules.round_index)
                self._snapshot = None
                return len(new)
            for event in new:
                self._apply(event)
            return len(new)

    def _apply(self, event: Event) -> None:
        """Add one event to the log and fold its facts into the state."""
        self._events.append(event)
        if is_undo(event):
            with gc_paused():
                self._state = fold(self._all(), self.rules.round_index)
            self._snapshot = None
            return
        apply_event(self._own_state(), event, self.rules.round_index)

    # --- questions the UI asks ------------------------------------------------------------------

    def current_round(self) -> Round | None:
        """The current round (open, or last closed), or None before the first."""
        return self.rules.round_at(self._state.round_index)

    def decisions_for(self, group: str) -> list[DecisionView]:
        """The open round's decisions put to a group (condition true), with available options."""
        return decisions_for(self.rules, self._state, group)

    def available_options(self, group: str, decision_key: str) -> list[Option]:
        """Options of a decision whose condition is true for the group now."""
        return self.rules.available_options(self._state, group, decision_key)

    def decision_owners(self, decision_key: str) -> list[str]:
        """Role ids that own a decision: its `owners`, else the roles holding its mandate."""
        return self.rules.owners(decision_key)

    def role_mandate(self, role: str) -> list[MandateItem]:
        """What a role may decide on its own: the mandate items of its role card."""
        card = self.bundle.roles.get(role)
        return list(card.mandate) if card is not None else []

    def decisions_owned_by(self, role: str) -> list[str]:
        """Decision keys the role owns (through `owners` or its mandate)."""
        return [key for key in self.index.decisions if role in self.index.owners(key)]

    def missing_roles(self, group: str) -> list[str]:
        """Required scenario roles that nobody in the group (nor the facilitator) holds."""
        return self.rules.missing_roles(self._state, group)

    def pending_injects(self, group: str) -> list[Inject]:
        """Scheduled injects of the open round not yet released to the group."""
        return self.rules.pending_injects(self._state, group)

    def backup_injects(self) -> list[Inject]:
        """Backup injects of the open round that the facilitator may release."""
        return self.rules.backup_injects(self._state)

    def timer_remaining(self, now: datetime | None = None) -> float | None:
        """Seconds left in the open round, or None when no round is open."""
        timer = self._state.timer
        if timer is None or not self._state.round_open:
            return None
        return timer.remaining(now or self.clock())

    def impact(self, group: str) -> Any:
        """The consequence model for a group (`VarselImpact` or `EtableringImpact`)."""
        from varselspel.engine.impact import impact_for

        return impact_for(self.scenario, self._state.groups[group].model)


def _invalid(error: ValidationError) -> CommandResult:
    """Return the refusal of a command that does not validate: the fields at fault, as codes."""
    fields = [".".join(str(part) for part in e.get("loc", ())) or "type" for e in error.errors()]
    return CommandResult(
        ok=False, code="invalid_command", params={"fields": list(dict.fromkeys(fields))}
    )
