"""The engine: commands, validation, mandates, injects, rounds, undo and the fold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from varselspel.engine import (
    FACILITATOR,
    ActionFields,
    AddAction,
    AddGroup,
    AddParticipant,
    AssignRole,
    ChooseOption,
    ClearChoice,
    CloseRound,
    EditAction,
    EndSession,
    ExtendTimer,
    MoveParticipant,
    PauseTimer,
    Phase,
    RateObjective,
    RecordLesson,
    ReleaseInject,
    RemoveAction,
    RemoveGroup,
    RemoveParticipant,
    RenameGroup,
    ResumeTimer,
    Session,
    StartDebrief,
    StartRound,
    StartSession,
    UnassignRole,
    Undo,
    WriteNote,
)
from varselspel.engine.exprs import chance_draw
from varselspel.i18n import set_lang
from varselspel.loader import ScenarioBundle, load_bundle
from varselspel.messages import describe

FIXTURE = Path(__file__).parent / "fixtures" / "engine" / "scenario.yaml"


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture(scope="module")
def bundle() -> ScenarioBundle:
    result = load_bundle(FIXTURE)
    assert result.bundle is not None, [d.format() for d in result.diagnostics]
    return result.bundle


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(bundle: ScenarioBundle, clock: FakeClock) -> Session:
    return Session.create(bundle, ["Grupp 1", "Grupp 2"], seed=42, clock=clock)


def started(session: Session) -> Session:
    assert session.execute(StartSession()).ok
    assert session.execute(StartRound()).ok
    return session


def ok(session: Session, command: object, actor: str = FACILITATOR) -> None:
    result = session.execute(command, actor)  # type: ignore[arg-type]
    assert result.ok, result.reason


def refused(session: Session, command: object, code: str, actor: str = FACILITATOR) -> None:
    before = session.state
    seq = session.seq
    result = session.execute(command, actor)  # type: ignore[arg-type]
    assert not result.ok
    assert result.code == code, result.reason
    assert result.reason
    assert session.seq == seq
    assert session.state == before


def test_create_assigns_group_ids_and_start_values(session: Session) -> None:
    state = session.state
    assert list(state.groups) == ["g1", "g2"]
    assert state.groups["g1"].indicators == {"arbetslosa": 300.0, "fortroende": 50.0}
    assert state.groups["g1"].flags == {"egf_sokt": False}
    assert state.groups["g1"].model["affected"] == 300.0
    assert state.groups["g1"].history[0].round is None
    assert state.phase is Phase.SETUP


def test_group_setup_rules(session: Session) -> None:
    refused(session, AddGroup(name="grupp 1"), "group_exists")
    for n in range(3, 9):
        ok(session, AddGroup(name=f"Grupp {n}"))
    refused(session, AddGroup(name="Grupp 9"), "too_many_groups")
    ok(session, RemoveGroup(group="g8"))
    ok(session, RenameGroup(group="g1", name="Norr"))
    assert session.state.groups["g1"].name == "Norr"
    ok(session, StartSession())
    refused(session, AddGroup(name="Sen"), "wrong_phase")
    refused(session, RemoveGroup(group="g2"), "wrong_phase")


def test_ids_given_by_the_sender_are_checked(session: Session) -> None:
    # A second device may send its own ids; the engine checks them like the ones it assigns.
    ok(session, AddGroup(name="Väst", group="vast"))
    refused(session, AddGroup(name="Öst", group="vast"), "group_exists")
    refused(session, AddGroup(name="Öst", group="Öst!"), "bad_id")
    refused(session, AddGroup(name="Öst", group=FACILITATOR), "bad_id")
    ok(session, AddParticipant(group="g1", name="Anna", participant="p7"))
    refused(session, AddParticipant(group="g2", name="Bo", participant="p7"), "participant_exists")
    ok(session, AddParticipant(group="g1", name="Bo"))
    assert list(session.state.groups["g1"].participants) == ["p7", "p8"]  # counts on past p7
    fields = ActionFields(title="Jobbmässa")
    ok(session, AddAction(group="g1", fields=fields, action="a5"))
    refused(session, AddAction(group="g2", fields=fields, action="a5"), "action_exists")
    refused(session, AddAction(group="g2", fields=fields, action="5a"), "bad_id")
    ok(session, AddAction(group="g2", fields=fields))
    assert list(session.state.groups["g2"].actions) == ["a6"]
    assert session.state == session.rebuild()


def test_cannot_remove_last_group(bundle: ScenarioBundle) -> None:
    s = Session.create(bundle, ["Ensam"], seed=1)
    refused(s, RemoveGroup(group="g1"), "last_group")


def test_participants_roles_and_missing_roles(session: Session) -> None:
    assert session.missing_roles("g1") == ["kso", "naringslivschef", "af"]
    ok(session, AddParticipant(group="g1", name="Anna", organisation="Provby kommun"))
    ok(session, AddParticipant(group="g1", name="Bo"))
    ok(session, AssignRole(group="g1", role="kso", participant="p1"))
    ok(session, AssignRole(group="g1", role="naringslivschef", participant="p1"))
    ok(session, AssignRole(group="g1", role="af"))  # left to the facilitator
    g1 = session.state.groups["g1"]
    assert g1.roles == {"kso": "p1", "naringslivschef": "p1", "af": FACILITATOR}
    assert g1.roles_of("p1") == ["kso", "naringslivschef"]
    assert session.missing_roles("g1") == []
    refused(session, AssignRole(group="g1", role="borgmastare"), "unknown_role")
    refused(session, AssignRole(group="g1", role="kso", participant="p9"), "unknown_participant")
    ok(session, RemoveParticipant(group="g1", participant="p1"))
    assert session.missing_roles("g1") == ["kso", "naringslivschef"]
    ok(session, UnassignRole(group="g1", role="af"))
    refused(session, UnassignRole(group="g1", role="af"), "role_not_held")


def test_a_participant_moves_to_another_group_without_their_roles(session: Session) -> None:
    ok(session, AddParticipant(group="g1", name="Anna"))
    ok(session, AssignRole(group="g1", role="kso", participant="p1"))
    ok(session, MoveParticipant(group="g1", participant="p1", to_group="g2"))
    g1, g2 = session.state.groups["g1"], session.state.groups["g2"]
    assert "p1" not in g1.participants and "kso" not in g1.roles
    assert g2.participants["p1"].name == "Anna" and g2.roles_of("p1") == []
    assert session.state == session.rebuild()
    refused(session, MoveParticipant(group="g2", participant="p1", to_group="g2"), "same_group")
    refused(
        session, MoveParticipant(group="g1", participant="p1", to_group="g2"), "unknown_participant"
    )
    refused(session, MoveParticipant(group="g2", participant="p1", to_group="g9"), "unknown_group")
    refused(
        session,
        MoveParticipant(group="g2", participant="p1", to_group="g1"),
        "not_facilitator",
        actor="g2",
    )
    ok(session, Undo())
    assert "p1" in session.state.groups["g1"].participants


def test_groups_may_only_act_for_themselves(session: Session) -> None:
    started(session)
    refused(session, StartRound(), "not_facilitator", actor="g1")
    refused(
        session,
        ChooseOption(group="g2", decision="r1.ledning", option="kommunen"),
        "not_own_group",
        actor="g1",
    )
    ok(session, ChooseOption(group="g1", decision="r1.ledning", option="kommunen"), actor="g1")


def test_scheduled_injects_respect_conditions_per_group(session: Session) -> None:
    started(session)
    ok(session, ReleaseInject())  # i1 to both: fortroende 45
    g1 = session.state.groups["g1"]
    assert [d.inject for d in g1.injects] == ["i1"]
    assert g1.indicators["fortroende"] == 45
    # i2 needs fortroende < 40: false for both, so it is withheld and has no effect.
    ok(session, ReleaseInject())
    g1 = session.state.groups["g1"]
    assert [(d.inject, d.delivered) for d in g1.injects] == [("i1", True), ("i2", False)]
    assert g1.indicators["fortroende"] == 45
    refused(session, ReleaseInject(), "no_pending_inject")
    # Backup injects go out only by id, and to one group when asked.
    ok(session, ReleaseInject(inject="ib", group="g2"))
    assert session.state.groups["g2"].indicators["fortroende"] == 48
    assert all(d.inject != "ib" for d in session.state.groups["g1"].injects)
    refused(session, ReleaseInject(inject="ib", group="g2"), "inject_already_released")
    refused(session, ReleaseInject(inject="nope"), "unknown_inject")
    assert [i.id for i in session.backup_injects()] == ["ib"]
    assert session.pending_injects("g1") == []


def test_choices_mandates_and_close_round(session: Session) -> None:
    started(session)
    ok(session, AddParticipant(group="g1", name="Anna"))
    # No owner of the mandate agreed: recorded outside the mandate, to anchor with the KSO.
    result = session.execute(
        ChooseOption(group="g1", decision="r1.ledning", option="kommunen", rationale="Snabbt"),
        "g1",
    )
    assert result.ok and result.notices
    choice = session.state.groups["g1"].choices["r1.ledning"]
    assert choice.outside_mandate and choice.anchor_with == ["kso"]
    assert choice.owners == ["kso"] and choice.mandate == "sammankalla"
    # `refuse` decisions are refused without an owner.
    refused(
        session,
        ChooseOption(group="g1", decision="r1.kommunikation", option="presser"),
        "outside_mandate_refused",
        actor="g1",
    )
    ok(session, AssignRole(group="g1", role="kso", participant="p1"))
    ok(session, ChooseOption(group="g1", decision="r1.kommunikation", option="presser"), "g1")
    assert not session.state.groups["g1"].choices["r1.kommunikation"].outside_mandate
    # The option needs valt("r1.ledning", "kommunen"): g2 has not chosen it.
    refused(
        session,
        ChooseOption(
            group="g2", decision="r1.kommunikation", option="presser", agreed_roles=["kso"]
        ),
        "option_unavailable",
        actor="g2",
    )
    assert [o.id for o in session.available_options("g2", "r1.kommunikation")] == ["tyst"]
    # Revising and clearing while the round is open.
    ok(session, ChooseOption(group="g2", decision="r1.ledning", option="kommunen"), "g2")
    ok(session, ChooseOption(group="g2", decision="r1.ledning", option="vanta"), "g2")
    assert session.state.groups["g2"].choices["r1.ledning"].revisions == 1
    ok(session, ClearChoice(group="g2", decision="r1.ledning"), "g2")
    refused(session, ClearChoice(group="g2", decision="r1.ledning"), "no_choice", actor="g2")
    ok(session, ChooseOption(group="g2", decision="r1.ledning", option="vanta"), "g2")
    # Effects apply at close: g1 50+10+5 = 65; g2 50-10 = 40 and 320 unemployed.
    assert session.state.groups["g1"].indicators["fortroende"] == 50
    ok(session, CloseRound())
    g1, g2 = session.state.groups["g1"], session.state.groups["g2"]
    assert g1.indicators["fortroende"] == 65
    assert g2.indicators == {"arbetslosa": 320.0, "fortroende": 40.0}
    assert [p.round for p in g2.history] == [None, "r1"]
    assert g2.history[1].indicators["fortroende"] == 40
    assert g1.choices["r1.ledning"].applied
    refused(
        session,
        ChooseOption(group="g1", decision="r1.ledning", option="vanta"),
        "wrong_phase",
        actor="g1",
    )


def test_revising_a_choice_withdraws_choices_that_depended_on_it(session: Session) -> None:
    started(session)
    ok(session, ChooseOption(group="g1", decision="r1.ledning", option="kommunen"))
    ok(
        session,
        ChooseOption(
            group="g1", decision="r1.kommunikation", option="presser", agreed_roles=["kso"]
        ),
    )
    # "presser" needs valt("r1.ledning", "kommunen"): revising that withdraws it, with a notice.
    result = session.execute(ChooseOption(group="g1", decision="r1.ledning", option="vanta"))
    words = [describe(n, "sv", session.bundle) for n in result.notices]
    assert result.ok and any("Vad säger vi?" in w for w in words), words
    assert "r1.kommunikation" not in session.state.groups["g1"].choices
    assert session.state == session.rebuild()
    ok(session, ChooseOption(group="g1", decision="r1.ledning", option="kommunen"))
    ok(
        session,
        ChooseOption(
            group="g1", decision="r1.kommunikation", option="presser", agreed_roles=["kso"]
        ),
    )
    cleared = session.execute(ClearChoice(group="g1", decision="r1.ledning"))
    assert cleared.ok and cleared.notices
    assert session.state.groups["g1"].choices == {}
    # An independent choice stays: "tyst" has no condition.
    ok(session, ChooseOption(group="g1", decision="r1.ledning", option="kommunen"))
    ok(
        session,
        ChooseOption(group="g1", decision="r1.kommunikation", option="tyst", agreed_roles=["kso"]),
    )
    kept = session.execute(ChooseOption(group="g1", decision="r1.ledning", option="vanta"))
    assert kept.ok and not any(n.code == "choice_withdrawn" for n in kept.notices)
    ok(session, CloseRound())
    g1 = session.state.groups["g1"]
    assert set(g1.choices) == {"r1.ledning", "r1.kommunikation"}
    assert g1.indicators["fortroende"] == 50 - 10 - 3  # no +5 from a withdrawn "presser"


def test_round_condition_false_makes_the_round_empty_for_that_group(session: Session) -> None:
    started(session)
    ok(session, ChooseOption(group="g2", decision="r1.ledning", option="vanta"))
    ok(session, CloseRound())
    ok(session, StartRound())  # r2 needs fortroende >= 50: g1 50, g2 40
    state = session.state
    assert state.round_id == "r2"
    assert state.groups["g1"].rounds["r2"].played
    assert not state.groups["g2"].rounds["r2"].played
    assert session.decisions_for("g2") == []
    assert [d.key for d in session.decisions_for("g1")] == ["r2.egf"]
    refused(
        session,
        ChooseOption(group="g2", decision="r2.egf", option="sok"),
        "round_skipped",
    )
    ok(session, ChooseOption(group="g1", decision="r2.egf", option="sok", agreed_roles=["af"]))
    ok(session, CloseRound())
    g1 = session.state.groups["g1"]
    assert g1.flags["egf_sokt"] is True
    assert g1.model["reemployed_12m"] == pytest.approx(0.90)
    assert g1.indicators["arbetslosa"] == 250
    ok(session, StartRound())
    assert [o.id for o in session.available_options("g1", "r3.folj")] == ["egf-projekt", "annat"]
    assert [o.id for o in session.available_options("g2", "r3.folj")] == ["annat"]
    refused(session, StartRound(), "wrong_phase")
    ok(session, CloseRound())
    refused(session, StartRound(), "no_more_rounds")


def test_round_false_for_every_group_is_skipped(bundle: ScenarioBundle) -> None:
    s = Session.create(bundle, ["A"], seed=3)
    started(s)
    ok(s, ChooseOption(group="g1", decision="r1.ledning", option="vanta"))
    ok(s, CloseRound())
    ok(s, StartRound())
    state = s.state
    assert state.round_id == "r3"
    assert s.events[-1].command.round == "r3"  # type: ignore[union-attr]
    assert not state.groups["g1"].rounds["r2"].played
    assert [p.round for p in state.groups["g1"].history] == [None, "r1", "r2"]


def test_chance_is_seeded_per_session_group_and_place(bundle: ScenarioBundle) -> None:
    assert chance_draw(1, "g1", "x") == chance_draw(1, "g1", "x")
    draws = {chance_draw(seed, "g1", "x") for seed in range(50)}
    assert len(draws) == 50 and all(0 <= d < 100 for d in draws)

    def availability(seed: int) -> list[bool]:
        s = Session.create(bundle, [f"G{n}" for n in range(8)], seed=seed)
        started(s)
        for gid in s.state.groups:
            ok(s, ChooseOption(group=gid, decision="r1.ledning", option="kommunen"))
        ok(s, CloseRound())
        ok(s, StartRound())
        return [
            "tur" in {o.id for o in s.available_options(gid, "r2.egf")} for gid in s.state.groups
        ]

    first = availability(7)
    assert first == availability(7)
    outcomes = [availability(seed) for seed in range(6)]
    assert any(any(o) for o in outcomes) and any(not all(o) for o in outcomes)


def test_own_actions(session: Session) -> None:
    fields = ActionFields(
        title="Starta jobbcenter",
        responsible="af",
        financing="fro",
        indicator="arbetslosa",
        theme="kompetens",
    )
    ok(session, AddAction(group="g1", fields=fields), "g1")
    ok(session, AddAction(group="g2", fields=fields), "g2")
    assert list(session.state.groups["g2"].actions) == ["a2"]
    changed = fields.model_copy(update={"title": "Starta jobbcenter i centrum"})
    ok(session, EditAction(group="g1", action="a1", fields=changed), "g1")
    assert session.state.groups["g1"].actions["a1"].fields.title == "Starta jobbcenter i centrum"
    refused(
        session,
        AddAction(group="g1", fields=fields.model_copy(update={"financing": "okand"})),
        "unknown_financing",
    )
    refused(
        session,
        AddAction(group="g1", fields=fields.model_copy(update={"theme": "x"})),
        "unknown_theme",
    )
    refused(session, EditAction(group="g1", action="a2", fields=fields), "unknown_action")
    ok(session, RemoveAction(group="g1", action="a1"), "g1")
    assert session.state.groups["g1"].actions == {}


def test_memory_session_has_no_path(session: Session) -> None:
    assert session.path is None


def test_notes(session: Session) -> None:
    ok(session, WriteNote(text="Kom ihåg fika"))
    ok(session, WriteNote(group="g1", text="Gruppen vill ringa AF"), "g1")
    assert [n.text for n in session.state.notes] == ["Kom ihåg fika"]
    assert session.state.groups["g1"].notes[0].round is None


def test_timer_uses_event_times(session: Session, clock: FakeClock) -> None:
    started(session)
    assert session.timer_remaining() == 20 * 60
    clock.advance(300)
    assert session.timer_remaining() == 15 * 60
    ok(session, PauseTimer())
    refused(session, PauseTimer(), "timer_paused")
    clock.advance(600)
    assert session.timer_remaining() == 15 * 60
    ok(session, ResumeTimer())
    refused(session, ResumeTimer(), "timer_running")
    clock.advance(60)
    ok(session, ExtendTimer(minutes=5))
    assert session.timer_remaining() == 19 * 60
    assert session.rebuild().timer == session.state.timer
    ok(session, CloseRound())
    assert session.timer_remaining() is None


def test_debrief_and_end(session: Session) -> None:
    started(session)
    refused(session, RateObjective(group="g1", objective="o1", rating="some"), "wrong_phase")
    ok(session, StartDebrief())
    assert session.state.groups["g1"].history[-1].round == "r1"
    ok(session, RateObjective(group="g1", objective="o1", rating="some", comment="Sent"))
    ok(session, RateObjective(group="g1", objective="o1", rating="without"))
    refused(session, RateObjective(group="g1", objective="o9", rating="major"), "unknown_objective")
    ok(session, RecordLesson(group="g1", kind="strength", text="Snabb start"))
    ok(session, RecordLesson(kind="improvement", text="Mer tid för finansiering"))
    state = session.state
    assert state.groups["g1"].ratings["o1"].rating == "without"
    assert [lesson.text for lesson in state.lessons] == ["Mer tid för finansiering"]
    ok(session, EndSession())
    assert session.state.phase is Phase.ENDED
    refused(session, WriteNote(text="för sent"), "session_ended")
    refused(session, EndSession(), "session_ended")


def test_undo_reopens_an_ended_session(session: Session) -> None:
    # The facilitator can correct an accidental "end session"; nothing else is accepted after it.
    started(session)
    ok(session, EndSession())
    refused(session, StartDebrief(), "session_ended")
    assert session.undo().ok
    assert session.state.phase is Phase.ROUND and session.state.ended_at is None


def test_undo_is_logged_and_walks_back(session: Session) -> None:
    started(session)
    ok(session, ChooseOption(group="g1", decision="r1.ledning", option="kommunen"))
    before_note = session.state
    ok(session, WriteNote(text="fel"))
    preview = session.last_undoable()
    assert preview is not None and preview.command.type == "write_note"
    result = session.undo()
    assert result.ok and result.event is not None
    assert result.event.command.target == session.seq - 1  # type: ignore[union-attr]
    assert session.state.notes == []
    assert session.state.groups == before_note.groups
    ok(session, WriteNote(text="rätt"))
    assert session.undo().ok  # undoes "rätt"
    assert session.undo().ok  # undoes the choice
    assert "r1.ledning" not in session.state.groups["g1"].choices
    assert session.state == session.rebuild()
    assert len(session.state.undone) == 3
    refused(session, Undo(), "not_facilitator", actor="g1")
    refused(session, Undo(target=1), "engine_field")


def test_undo_everything_then_nothing_left(bundle: ScenarioBundle) -> None:
    s = Session.create(bundle, ["A"], seed=1)
    assert s.undo().ok  # the add_group
    assert s.state.groups == {}
    refused(s, Undo(), "nothing_to_undo")
    ok(s, AddGroup(name="B"))
    assert list(s.state.groups) == ["g1"]


def test_dict_commands_and_bad_input(session: Session) -> None:
    result = session.execute({"type": "write_note", "text": "från dict"})
    assert result.ok
    bad = session.execute({"type": "write_note", "text": ""})
    assert not bad.ok and bad.code == "invalid_command"
    unknown = session.execute({"type": "explode"})
    assert not unknown.ok and unknown.code == "invalid_command"


def test_refusals_are_codes_that_callers_put_into_words(session: Session) -> None:
    # The engine picks no language, whatever the process-wide one is; the caller names it.
    set_lang("en")
    result = session.execute(CloseRound())
    assert (result.code, result.params) == ("wrong_phase", {"phase": "setup"})
    assert describe(result.message, "sv").startswith("Det går inte just nu")
    assert "förberedelse" in describe(result.message, "sv")
    assert describe(result.message, "en") == "Not possible now: the session is in phase setup."
    set_lang("sv")


def test_notices_name_roles_and_questions_in_words(session: Session) -> None:
    started(session)
    result = session.execute(ChooseOption(group="g1", decision="r1.ledning", option="kommunen"))
    (notice,) = result.notices
    assert (notice.code, notice.params) == ("outside_mandate_anchor", {"owners": ["kso"]})
    label = session.bundle.roles["kso"].label
    assert label in describe(notice, "sv", session.bundle)
    assert "kso" in describe(notice, "en")  # without the bundle the id stands in for the label


def test_engine_calls_no_language_function() -> None:
    # Words are chosen by the UI, the CLI and the exporters; the engine only has codes.
    import varselspel.engine as engine

    for path in Path(engine.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "get_lang" not in text and "import tr" not in text, path.name


def test_state_is_a_snapshot(session: Session) -> None:
    snapshot = session.state
    ok(session, WriteNote(text="ny"))
    assert snapshot.notes == []
    assert session.state.notes[0].text == "ny"


def test_impact_follows_model_effects(session: Session) -> None:
    started(session)
    before = session.impact("g1")
    ok(session, ChooseOption(group="g1", decision="r1.ledning", option="kommunen"))
    ok(session, CloseRound())
    ok(session, StartRound())
    ok(session, ChooseOption(group="g1", decision="r2.egf", option="sok"))
    ok(session, CloseRound())
    after = session.impact("g1")
    assert after.unemployed[12] < before.unemployed[12]  # type: ignore[union-attr]


def test_what_each_role_may_decide(session: Session) -> None:
    assert [m.id for m in session.role_mandate("kso")] == ["sammankalla"]
    assert session.role_mandate("naringslivschef") == []
    assert session.decisions_owned_by("kso") == ["r1.ledning", "r1.kommunikation"]
    assert session.decisions_owned_by("af") == ["r2.egf"]
    assert session.decision_owners("r3.folj") == []
