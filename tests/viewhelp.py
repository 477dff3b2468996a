"""A small stored workshop for the view-layer tests: two groups on the engine's test scenario."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from varselspel.engine import FACILITATOR, AddParticipant, AssignRole, Session
from varselspel.loader import ScenarioBundle, load_bundle

FIXTURE = Path(__file__).parent / "fixtures" / "engine" / "scenario.yaml"


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def load() -> ScenarioBundle:
    """Load the engine's test scenario."""
    result = load_bundle(FIXTURE)
    assert result.bundle is not None, [d.format() for d in result.diagnostics]
    return result.bundle


def ok(session: Session, command: object, actor: str = FACILITATOR) -> int:
    """Execute a command that must be accepted; return the seq of its event."""
    result = session.execute(command, actor)  # type: ignore[arg-type]
    assert result.ok, result.reason
    assert result.event is not None
    return result.event.seq


def staff(session: Session) -> None:
    """Group 1: Anna holds KSO and AF, Bo the näringslivschef. Group 2: Cia, näringslivschef only."""
    ok(session, AddParticipant(group="g1", name="Anna", organisation="Provby kommun"))
    ok(session, AddParticipant(group="g1", name="Bo", organisation="Provby kommun"))
    ok(session, AddParticipant(group="g2", name="Cia", organisation="Region Test"))
    ok(session, AssignRole(group="g1", role="kso", participant="p1"))
    ok(session, AssignRole(group="g1", role="af", participant="p1"))
    ok(session, AssignRole(group="g1", role="naringslivschef", participant="p2"))
    ok(session, AssignRole(group="g2", role="naringslivschef", participant="p3"))
    ok(session, AssignRole(group="g2", role="af"))
