"""Fixes from the user test (UX-BUGS.md): each test drives the app through keys and clicks."""

from __future__ import annotations

from typing import Any

from tui_helpers import (
    add_participant,
    drive,
    leave_projector,
    press,
    press_each,
    screen_name,
    settle,
    start_round,
    toasts,
    type_text,
)

from conftest import MINI


async def fill_to_limit(pilot: Any, char: str, limit: int) -> None:
    """Fill the focused field to one below `limit`, then type three more characters."""
    field = pilot.app.focused
    field.value = char * (limit - 1)
    await pilot.press("end", char, char, char)


def test_reopened_session_group_seat_does_not_crash(make_app: Any) -> None:
    """F15: visit a group, leave to the launcher, reopen the session, visit a group again."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await start_round(pilot)
        await press(pilot, "1")
        assert screen_name(app) == "GroupScreen"
        await press(pilot, "escape")
        await leave_projector(pilot)
        assert screen_name(app) == "LauncherScreen"
        app.screen.open_row("sessions", 0)
        await settle(pilot, "ProjectorScreen")
        assert screen_name(app) == "ProjectorScreen"
        await press(pilot, "2")
        assert screen_name(app) == "GroupScreen"
        assert app.screen.group_id == "g2"
        await press(pilot, "escape", "1")
        assert app.screen.group_id == "g1"

    drive(app, story)


def test_long_text_is_cut_at_the_engine_limit_not_a_crash(make_app: Any) -> None:
    """F35/F36: over-long names and titles stop at the engine's limit; the app keeps running."""
    from varselspel.engine.commands import ActionFields, AddParticipant, RenameGroup

    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        session = app.session
        limit = AddParticipant.model_fields["name"].metadata[-1].max_length
        await pilot.press("p")
        await pilot.pause()
        await fill_to_limit(pilot, "x", limit)
        await press(pilot, "enter", "enter")
        names = [p.name for p in session.state.groups["g1"].participants.values()]
        assert names == ["x" * limit]
        group_limit = RenameGroup.model_fields["name"].metadata[-1].max_length
        await pilot.press("b")
        await pilot.pause()
        await fill_to_limit(pilot, "y", group_limit)
        await press(pilot, "enter")
        assert session.state.groups["g1"].name == "y" * group_limit
        # The safety net: a command that cannot be built is a message, not a traceback.
        assert screen_name(app) == "SetupScreen"
        ok = app.screen.run_command(lambda: AddParticipant(group="g1", name="z" * 999))
        await settle(pilot)
        assert ok is False
        assert any("högst" in m for m in toasts(app))
        # An empty required field names that field, not the action title.
        await press(pilot, "p", "enter", "enter")
        assert any("Deltagarens namn" in m for m in toasts(app))
        await press(pilot, "escape")
        await press_each(pilot, "f", "enter", "s", "j", "n", "1")
        assert screen_name(app) == "GroupScreen"
        title_limit = ActionFields.model_fields["title"].metadata[-1].max_length
        await press(pilot, "n")
        await fill_to_limit(pilot, "t", title_limit)
        await press(pilot, "ctrl+s")
        actions = list(session.state.groups["g1"].actions.values())
        assert [a.fields.title for a in actions] == ["t" * title_limit]

    drive(app, story)


def test_rationale_survives_switching_decision(make_app: Any) -> None:
    """F22: a rationale typed without Enter stays with its decision and is saved with the choice."""
    app = make_app(open_target="demo")

    async def story(pilot: Any) -> None:
        session = await start_round(pilot)
        await press(pilot, "1")
        keys = [v.key for v in session.decisions_for("g1")]
        assert len(keys) >= 2
        await pilot.press("d", "home", "down", "enter")
        await pilot.press("r")
        await type_text(pilot, "utkast")
        # Click the first decision and go back to the second by keys, without Enter.
        await pilot.click("#decisions", offset=(2, 0))
        await settle(pilot)
        assert app.screen.query_one("#rationale").value == ""
        await press(pilot, "d", "down")
        assert app.screen.query_one("#rationale").value == "utkast"
        # Choosing an option sends the draft with it.
        await press(pilot, "enter", "home", "enter")
        assert session.state.groups["g1"].choices[keys[1]].rationale == "utkast"
        # More text without Enter, then Esc to the projector: saved with the choice.
        await pilot.press("r", "end")
        await type_text(pilot, " mer")
        await press(pilot, "escape")
        assert screen_name(app) == "ProjectorScreen"
        assert session.state.groups["g1"].choices[keys[1]].rationale == "utkast mer"

    drive(app, story)


def test_escape_on_projector_asks_before_leaving(make_app: Any) -> None:
    """F11: Esc during a running workshop asks; No stays, Yes goes to the launcher."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await start_round(pilot)
        await press(pilot, "escape")
        assert screen_name(app) == "ConfirmScreen"
        await press(pilot, "n")
        assert screen_name(app) == "ProjectorScreen"
        assert app.session is not None
        await press_each(pilot, "escape", "j")
        assert screen_name(app) == "LauncherScreen"

    drive(app, story)


def test_released_inject_is_in_view_and_confirmed(make_app: Any) -> None:
    """F05: each released inject (also a backup inject) scrolls into view and a toast says so."""
    app = make_app(open_target="demo")

    async def story(pilot: Any) -> None:
        session = await start_round(pilot)
        await press_each(pilot, "n", "n", "n")
        scroll = app.screen.query_one("#injects-scroll")
        assert scroll.max_scroll_y > 0
        assert scroll.scroll_y == scroll.max_scroll_y
        newest = session.current_round().injects
        titles = toasts(app)
        released = [d.inject for d in session.state.groups["g1"].injects]
        last = next(i.title for i in newest if i.id == released[-1])
        assert any(last in text and "alla grupper" in text for text in titles)
        await press_each(pilot, "b", "enter")
        await press(pilot, "down", "enter")
        assert scroll.scroll_y == scroll.max_scroll_y
        assert any("Grupp 1" in m for m in toasts(app))

    drive(app, story)


def test_undo_names_the_step_and_asks_before_a_phase_change(make_app: Any) -> None:
    """F18/F23: the undo toast names the step in words; undoing a round's start asks first."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        session = await start_round(pilot)
        title = session.current_round().injects[0].title
        await press(pilot, "z")
        messages = toasts(app)
        assert any("skickad händelse" in m and title in m for m in messages)
        assert not any("release_inject" in m for m in messages)
        assert session.state.round_open
        await press(pilot, "z")
        assert screen_name(app) == "ConfirmScreen"
        assert "omgång 1" in app.screen.question
        await press(pilot, "n")
        assert session.state.round_open
        await press_each(pilot, "z", "j")
        assert not session.state.round_open

    drive(app, story)


def test_close_round_question_names_undecided_groups_and_unsent_injects(make_app: Any) -> None:
    """F27/F33: closing a round says which groups have not decided and what was never sent."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        session = await start_round(pilot)
        injects = [i for i in session.current_round().injects if not i.backup]
        await press(pilot, "c")
        assert screen_name(app) == "ConfirmScreen"
        question = app.screen.question
        assert "Grupp 1 (0/1)" in question and "Grupp 2 (0/1)" in question
        assert injects[1].title in question and injects[0].title not in question

    drive(app, story)


def test_eight_groups_fit_on_projector_and_debrief(make_app: Any) -> None:
    """F37: with 8 groups every group column is inside the table at 120×36."""
    from varselspel.engine import (
        AddGroup,
        AssignRole,
        CloseRound,
        StartDebrief,
        StartRound,
        StartSession,
    )
    from varselspel.tui import flow

    app = make_app(open_target=MINI)

    def fits(table: Any) -> bool:
        return table.virtual_size.width <= table.size.width

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        session = app.session
        for n in range(3, 9):
            session.execute(AddGroup(name=f"Grupp {n}"))
        for gid in session.state.groups:
            for role in session.scenario.roles:
                session.execute(AssignRole(group=gid, role=role.role, participant="facilitator"))
        assert session.execute(StartSession()).ok and session.execute(StartRound()).ok
        flow.show_phase(app)
        await settle(pilot, "ProjectorScreen")
        assert screen_name(app) == "ProjectorScreen"
        for table_id in ("#indicators", "#lagesbild"):
            table = app.screen.query_one(table_id)
            assert len(table.columns) == 9 and fits(table), table_id
        for _ in session.scenario.rounds:
            session.execute(CloseRound())
            session.execute(StartRound())
        assert session.execute(StartDebrief()).ok
        flow.show_phase(app)
        await settle(pilot, "DebriefScreen")
        assert screen_name(app) == "DebriefScreen"
        choices = app.screen.query_one("#choices")
        assert len(choices.columns) == 9 and fits(choices)

    drive(app, story)


def test_agreed_roles_start_unticked_and_mean_the_whole_group(make_app: Any) -> None:
    """F09: no box is ticked before anyone agrees; the label says what that means."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        session = await start_round(pilot)
        await press(pilot, "1")
        agreed = app.screen.query_one("#agreed")
        assert agreed.option_count > 0 and agreed.selected == []
        labels = [str(label.render()) for label in app.screen.query("Label")]
        assert any("inget kryss = alla roller i gruppen" in text for text in labels)
        # Choosing without ticks records every role the group holds, as the engine says.
        await press(pilot, "home", "enter")
        record = session.state.groups["g1"].choices["r1.ledning"]
        held = [r for r, holder in session.state.groups["g1"].roles.items() if holder]
        assert sorted(record.agreed_roles) == sorted(held)

    drive(app, story)


def test_group_seat_opens_at_the_question_on_a_small_terminal(make_app: Any) -> None:
    """F25: at 80×24 the decision pane starts at its top, with the question in view."""
    app = make_app(open_target="demo")

    async def story(pilot: Any) -> None:
        await start_round(pilot)
        await press(pilot, "1")
        await settle(pilot, "GroupScreen")
        pane = app.screen.query_one("#decision-pane")
        assert pane.scroll_y == 0
        assert app.screen.focused.id == "options"

    drive(app, story, size=(80, 24))


def test_fast_typing_keeps_tab_between_fields(make_app: Any) -> None:
    """F02: a burst of keys (a fast typist or a paste) with Tab fills name and organisation."""
    from textual import events

    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        await press(pilot, "p")
        burst = [*"Åsa", "tab", *"Kommun"]
        for key in burst:
            char = key if len(key) == 1 else ("\t" if key == "tab" else None)
            app.post_message(events.Key(key, char))
        await settle(pilot)
        await press(pilot, "enter")
        people = list(app.session.state.groups["g1"].participants.values())
        assert [(p.name, p.organisation) for p in people] == [("Åsa", "Kommun")]

    drive(app, story)


def test_assign_role_from_the_participants_list(make_app: Any) -> None:
    """F04: T on the participants list asks which role that person should take."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        await add_participant(pilot, "Åsa", "Kommun")
        await pilot.click("#participants")
        await settle(pilot)
        assert app.focused.id == "participants"
        await press(pilot, "t")
        assert screen_name(app) == "PickScreen"
        assert "Åsa" in app.screen.title_text
        await press(pilot, "down", "enter")
        group = app.session.state.groups["g1"]
        second = app.session.scenario.roles[1].role
        assert group.roles.get(second) == "p1"

    drive(app, story)


def test_play_unknown_scenario_says_so_and_exits_1(capsys: Any) -> None:
    """F29: `varselspel play nonexist` names the problem and the bundled scenarios; exit 1."""
    from varselspel.cli import main

    code = main(["play", "finns-inte-alls"])
    err = capsys.readouterr().err
    assert code == 1
    assert "finns-inte-alls" in err and "demo" in err


def test_next_when_all_injects_are_out_says_what_to_do(make_app: Any) -> None:
    """F06: n after the last planned inject points to b (backup) and c (close)."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        session = await start_round(pilot)
        await press_each(pilot, "n", "n", "n")
        assert session.state.round_open
        assert any("Tryck b" in m and "c för att stänga" in m for m in toasts(app))

    drive(app, story)


def test_resumed_running_round_says_the_clock_kept_going(make_app: Any) -> None:
    """F13: reopening a session whose round clock runs says so."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await start_round(pilot)
        await leave_projector(pilot)
        app.screen.open_row("sessions", 0)
        await settle(pilot, "ProjectorScreen")
        assert any("Klockan har gått" in m for m in toasts(app))

    drive(app, story)


def test_back_on_the_launcher_enter_resumes_the_session(make_app: Any) -> None:
    """F11: after leaving a session, the launcher focuses the saved sessions, not the scenarios."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        session = await start_round(pilot)
        path = session.path
        await leave_projector(pilot)
        assert screen_name(app) == "LauncherScreen"
        assert app.focused.id == "sessions"
        await press(pilot, "enter")
        assert screen_name(app) == "ProjectorScreen"
        assert app.session.path == path

    drive(app, story)


def test_saved_session_can_be_deleted_from_the_launcher(make_app: Any) -> None:
    """F11: a session started by a slip can be removed (Del, then yes); No keeps it."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        session = await start_round(pilot)
        path = session.path
        await leave_projector(pilot)
        assert app.focused.id == "sessions"
        await press(pilot, "delete")
        assert screen_name(app) == "ConfirmScreen"
        await press(pilot, "n")
        assert path.is_file()
        await press_each(pilot, "delete", "j")
        assert not path.exists()
        assert app.screen.sessions == []

    drive(app, story)


def test_refused_name_keeps_the_dialog_and_the_text(make_app: Any) -> None:
    """A name the engine refuses (a duplicate) leaves the dialog open with what was typed."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        await press(pilot, "g")
        await type_text(pilot, "Grupp 2")
        await press(pilot, "enter")
        assert screen_name(app) == "FormScreen"
        assert app.screen.query_one("#f-name").value == "Grupp 2"
        assert "Det finns redan en grupp som heter 'Grupp 2'." in toasts(app)
        await type_text(pilot, "b")
        await press(pilot, "enter")
        assert screen_name(app) == "SetupScreen"
        names = [g.name for g in app.session.state.groups.values()]
        assert names == ["Grupp 1", "Grupp 2", "Grupp 2b"]

    drive(app, story)


def test_f1_opens_help_inside_a_dialog_and_closes_it_again(make_app: Any) -> None:
    """F39: F1 in a dialog lists that dialog's keys; F1 again closes the help."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        await press(pilot, "p")
        assert screen_name(app) == "FormScreen"
        await press(pilot, "f1")
        assert screen_name(app) == "HelpScreen"
        assert ("Esc", "Avbryt") in app.screen.rows
        await press(pilot, "f1")
        assert screen_name(app) == "FormScreen"

    drive(app, story)


def test_paste_keeps_every_line_and_refuses_too_long_with_a_message(make_app: Any) -> None:
    """A pasted rationale keeps all its lines; a paste over the limit says so, keeps the field."""
    from textual import events

    from varselspel.engine.commands import ChooseOption

    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await start_round(pilot)
        await press(pilot, "1")
        await pilot.press("r")
        field = app.focused
        assert field.id == "rationale"
        field.post_message(events.Paste("Första raden\nandra raden\n"))
        await settle(pilot)
        assert field.value == "Första raden andra raden"
        limit = ChooseOption.model_fields["rationale"].metadata[-1].max_length
        field.post_message(events.Paste("x" * limit))
        await settle(pilot)
        assert field.value == "Första raden andra raden"
        assert any("för lång" in m for m in toasts(app))

    drive(app, story)
