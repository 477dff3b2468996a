"""View models of decisions, choices and mandates, and of who holds which role."""

from __future__ import annotations

import pytest

from varselspel.engine import (
    ChooseOption,
    CloseRound,
    Session,
    StartRound,
    StartSession,
    UnassignRole,
)
from varselspel.view.decisions import MandateStatus, group_decisions, mandate_for
from varselspel.view.roles import (
    HolderKind,
    held_roles,
    missing_roles,
    participants,
    role_holders,
    setup_groups,
)
from viewhelp import FakeClock, load, ok, staff


@pytest.fixture
def session() -> Session:
    session = Session.create(load(), ["Grupp 1", "Grupp 2"], seed=42, clock=FakeClock())
    staff(session)
    return session


def play(session: Session) -> Session:
    ok(session, StartSession())
    ok(session, StartRound())
    return session


def test_mandate_held_by_an_agreeing_owner(session: Session) -> None:
    """KSO owns the lead decision through its mandate; with KSO agreeing the group holds it."""
    play(session)
    view = mandate_for(session, "g1", "r1.ledning", ["kso", "naringslivschef"])
    assert view.status is MandateStatus.HELD
    assert [r.id for r in view.owners] == ["kso"]
    assert [r.label for r in view.agreeing_owners] == ["KSO"]
    assert view.held and not view.refuse


def test_mandate_owner_in_group_but_not_agreeing_differs_from_no_owner(session: Session) -> None:
    """ "KSO is in the group but does not stand behind it" is not "nobody holds the mandate"."""
    play(session)
    dissent = mandate_for(session, "g1", "r1.ledning", ["naringslivschef"])
    assert dissent.status is MandateStatus.OWNER_NOT_AGREED
    assert [r.title for r in dissent.owners_in_group] == ["Kommunstyrelsens ordförande"]
    assert dissent.agreeing_owners == ()
    absent = mandate_for(session, "g2", "r1.ledning", ["naringslivschef"])
    assert absent.status is MandateStatus.NOT_IN_GROUP
    assert absent.owners_in_group == ()
    assert not dissent.held and not absent.held


def test_no_agreed_roles_means_every_role_the_group_holds(session: Session) -> None:
    """As in the engine, an empty agreement stands for the roles the group holds."""
    play(session)
    assert mandate_for(session, "g1", "r1.ledning").status is MandateStatus.HELD
    assert mandate_for(session, "g2", "r1.ledning").status is MandateStatus.NOT_IN_GROUP


def test_mandate_open_and_refusing_decisions(session: Session) -> None:
    """A decision without owners is open to all; `outside_mandate: refuse` is carried along."""
    play(session)
    assert mandate_for(session, "g2", "r1.kommunikation").refuse
    ok(session, ChooseOption(group="g1", decision="r1.ledning", option="vanta"), "g1")
    ok(session, ChooseOption(group="g2", decision="r1.ledning", option="vanta"), "g2")
    ok(session, CloseRound())
    ok(session, StartRound())
    # Round 2's condition was false for both groups, so the last round opens.
    assert session.state.round_id == "r3"
    assert mandate_for(session, "g2", "r3.folj").status is MandateStatus.OPEN


def test_group_decisions_carry_options_choice_and_mandate(session: Session) -> None:
    """Options follow their conditions; a choice names its option, roles and anchoring."""
    play(session)
    before = group_decisions(session, "g1")
    assert [d.key for d in before] == ["r1.ledning", "r1.kommunikation"]
    assert [o.id for o in before[1].options] == ["tyst"]  # presser needs kommunen chosen
    assert all(d.choice is None and d.chosen is None for d in before)
    ok(
        session,
        ChooseOption(
            group="g1",
            decision="r1.ledning",
            option="kommunen",
            rationale="Vi tar ansvar",
            agreed_roles=["naringslivschef"],
        ),
        "g1",
    )
    lead, talk = group_decisions(session, "g1")
    assert lead.chosen == "kommunen"
    assert [(o.id, o.chosen) for o in lead.options] == [("kommunen", True), ("vanta", False)]
    assert lead.option_index("vanta") == 1 and lead.option_index("nej") is None
    choice = lead.choice
    assert choice is not None
    assert (choice.label, choice.rationale) == ("Kommunen leder", "Vi tar ansvar")
    assert [r.id for r in choice.agreed] == ["naringslivschef"]
    assert choice.outside_mandate and [r.label for r in choice.anchor_with] == ["KSO"]
    assert lead.mandate.status is MandateStatus.OWNER_NOT_AGREED
    assert [o.id for o in talk.options] == ["presser", "tyst"]


def test_no_decisions_outside_an_open_round(session: Session) -> None:
    """Before the first round nothing is put to a group."""
    assert group_decisions(session, "g1") == ()


def test_role_holders_name_who_holds_each_role(session: Session) -> None:
    """Participant, facilitator or nobody; a needed role nobody holds is missing."""
    ok(session, UnassignRole(group="g2", role="naringslivschef"))
    rows = {row.role.id: row for row in role_holders(session, "g2")}
    assert list(rows) == ["kso", "naringslivschef", "af", "fack"]
    assert rows["af"].holder.kind is HolderKind.FACILITATOR
    assert rows["kso"].holder.kind is HolderKind.NOBODY and rows["kso"].missing
    assert not rows["fack"].required and not rows["fack"].missing
    g1 = {row.role.id: row.holder for row in role_holders(session, "g1")}
    assert g1["kso"].kind is HolderKind.PARTICIPANT and g1["kso"].name == "Anna"
    assert [r.id for r in missing_roles(session, "g2")] == ["kso", "naringslivschef"]
    assert [r.label for r in held_roles(session, "g1")] == ["KSO", "AF", "Näringslivschef"]


def test_participants_and_setup_rows(session: Session) -> None:
    """Setup lists each group's head count and missing roles, and each person's roles."""
    people = participants(session, "g1")
    assert [(p.name, [r.id for r in p.roles]) for p in people] == [
        ("Anna", ["kso", "af"]),
        ("Bo", ["naringslivschef"]),
    ]
    rows = setup_groups(session)
    assert [(r.group.name, r.people, [m.id for m in r.missing]) for r in rows] == [
        ("Grupp 1", 2, []),
        ("Grupp 2", 1, ["kso"]),
    ]
