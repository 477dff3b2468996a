"""The group seat records exactly what the group sees: the marked option, every change of who
agrees and of the rationale, and every key works from wherever the focus is."""

from __future__ import annotations

from typing import Any

from tui_helpers import drive, press, screen_name, settle, type_text

from varselspel.engine import (
    AddParticipant,
    AssignRole,
    ChooseOption,
    StartRound,
    StartSession,
)

PEOPLE = [
    ("g1", "Anna", "Tallmora kommun", ["kso", "naringslivschef", "kommunikationschef"]),
    ("g1", "Bo", "Tallmora Såg", ["foretagets-hr"]),
    ("g1", "Cia", "GS-facket", ["facket"]),
    ("g1", "Dan", "Af", ["arbetsformedlingen"]),
    ("g2", "Eva", "Tallmora kommun", ["kso", "naringslivschef", "kommunikationschef"]),
    ("g2", "Fia", "Tallmora Såg", ["foretagets-hr", "facket", "arbetsformedlingen"]),
]
"""Who sits in each group of the demo and the roles they hold."""


async def open_round(pilot: Any) -> Any:
    """Seat everyone, start the demo's first round and show the projector view."""
    from varselspel.tui import flow

    app = pilot.app
    await settle(pilot, "SetupScreen")
    session = app.session
    for gid, name, org, roles in PEOPLE:
        result = session.execute(AddParticipant(group=gid, name=name, organisation=org))
        pid = result.event.command.participant
        for role in roles:
            assert session.execute(AssignRole(group=gid, role=role, participant=pid)).ok
    assert session.execute(StartSession()).ok and session.execute(StartRound()).ok
    app.session_changed()
    flow.show_phase(app)
    await settle(pilot, "ProjectorScreen")
    return session


def plain(widget: Any) -> str:
    """Return the text a label or static shows."""
    content = widget.content
    return str(getattr(content, "plain", content))


async def burst(pilot: Any, keys: list[str]) -> None:
    """Send keys as a fast typist would, without waiting between them, then let the app settle."""
    import unicodedata

    from textual import events
    from textual.keys import _get_unicode_name_from_key

    for key in keys:
        try:
            char: str | None = unicodedata.lookup(_get_unicode_name_from_key(key))
        except KeyError:
            char = key if len(key) == 1 else None
        pilot.app._driver.send_message(events.Key(key, char))
    await settle(pilot)


def first_decision(session: Any, gid: str = "g1") -> Any:
    """Return the first decision put to a group."""
    return session.decisions_for(gid)[0]


def test_choosing_acts_on_the_marked_option_and_says_what_was_recorded(make_app: Any) -> None:
    """Defect 1: 1, Tab, Down, Down, v chooses the option marked, never a stale cursor."""
    app = make_app(open_target="demo")

    async def story(pilot: Any) -> None:
        session = await open_round(pilot)
        decision = first_decision(session)
        first = decision.available[0]
        # Another group moves its option cursor down and leaves the seat.
        await press(pilot, "2")
        await press(pilot, "down", "down")
        assert app.screen.query_one("#options").highlighted == 2
        await press(pilot, "escape")
        assert screen_name(app) == "ProjectorScreen"
        # The keys: the arrows move in the agreement list, so option 1 stays marked.
        await press(pilot, "1")
        assert app.screen.query_one("#options").highlighted == 0
        await press(pilot, "tab", "down", "down", "v")
        record = session.state.groups["g1"].choices[decision.key]
        assert record.option == first.id
        status = plain(app.screen.query_one("#choice-status"))
        assert f"Valt: {first.label}" in status

    drive(app, story)


def test_option_cursor_starts_on_the_chosen_or_the_first_option(make_app: Any) -> None:
    """Defect 1: each decision and each seat starts at its choice, or at its first option."""
    app = make_app(open_target="demo")

    async def story(pilot: Any) -> None:
        session = await open_round(pilot)
        key = first_decision(session, "g2").key
        session.execute(ChooseOption(group="g2", decision=key, option="avvakta"), actor="g2")
        app.session_changed()
        await press(pilot, "1")
        options = app.screen.query_one("#options")
        await press(pilot, "down")
        assert options.highlighted == 1
        # Next group: its choice is the third option.
        await press(pilot, "right_square_bracket")
        assert app.screen.group_id == "g2"
        assert options.highlighted == 2
        # The second decision of the round starts on its first option.
        await press(pilot, "d", "down")
        assert options.highlighted == 0
        await press(pilot, "enter", "down", "down")
        await press(pilot, "d", "up")
        assert options.highlighted == 2

    drive(app, story)


def test_agreement_changes_after_choosing_are_recorded(make_app: Any) -> None:
    """Defect 2: a tick after choosing is a recorded revision; the first press ticks that role."""
    app = make_app(open_target="demo")

    async def story(pilot: Any) -> None:
        session = await open_round(pilot)
        key = first_decision(session).key
        await press(pilot, "1", "enter")
        agreed = app.screen.query_one("#agreed")
        # Chosen with nothing ticked: the whole group stands behind it and no box is ticked.
        assert agreed.selected == []
        roles = [option.value for option in agreed.options]
        agreed.focus()
        await press(pilot, "home", *["down"] * roles.index("naringslivschef"), "space")
        assert agreed.selected == ["naringslivschef"]
        record = session.state.groups["g1"].choices[key]
        assert record.agreed_roles == ["naringslivschef"] and record.revisions == 1
        mandate = plain(app.screen.query_one("#mandate"))
        assert "KSO finns i gruppen men står inte bakom valet" in mandate
        assert "Ingen i gruppen har mandatet" not in mandate
        assert "Näringsliv" in plain(app.screen.query_one("#choice-status"))
        # Away to another decision and back: what was recorded is what shows.
        await press(pilot, "d", "down")
        await press(pilot, "up")
        assert agreed.selected == ["naringslivschef"]
        assert "står inte bakom valet" in plain(app.screen.query_one("#mandate"))
        # KSO ticks in as well: the mandate is held, and recorded so.
        agreed.focus()
        await press(pilot, "home", *["down"] * roles.index("kso"), "space")
        record = session.state.groups["g1"].choices[key]
        assert sorted(record.agreed_roles) == ["kso", "naringslivschef"]
        assert not record.outside_mandate
        assert "Gruppen har mandatet" in plain(app.screen.query_one("#mandate"))

    drive(app, story)


def test_ticks_before_choosing_go_with_the_choice(make_app: Any) -> None:
    """Ticks made before choosing stay with their decision and are sent with the choice."""
    app = make_app(open_target="demo")

    async def story(pilot: Any) -> None:
        session = await open_round(pilot)
        key = first_decision(session).key
        await press(pilot, "1")
        agreed = app.screen.query_one("#agreed")
        roles = [option.value for option in agreed.options]
        agreed.focus()
        await press(pilot, "home", *["down"] * roles.index("facket"), "space")
        assert key not in session.state.groups["g1"].choices
        assert "KSO finns i gruppen men står inte bakom" in plain(app.screen.query_one("#mandate"))
        await press(pilot, "d", "down")
        assert agreed.selected == []
        await press(pilot, "up")
        assert agreed.selected == ["facket"]
        await press(pilot, "v")
        assert session.state.groups["g1"].choices[key].agreed_roles == ["facket"]

    drive(app, story)


def test_changing_the_option_asks_whether_the_rationale_still_holds(make_app: Any) -> None:
    """Defect 3: a new option with a rationale asks keep or clear; Esc changes nothing."""
    app = make_app(open_target="demo")

    async def story(pilot: Any) -> None:
        session = await open_round(pilot)
        decision = first_decision(session)
        ids = [o.id for o in decision.available]
        record = lambda: session.state.groups["g1"].choices[decision.key]  # noqa: E731
        await press(pilot, "1", "enter", "r")
        await type_text(pilot, "Vi leder")
        await press(pilot, "enter")
        assert (record().option, record().rationale) == (ids[0], "Vi leder")
        await press(pilot, "down", "v")
        assert screen_name(app) == "AskScreen"
        assert "Vi leder" in app.screen.question
        await press(pilot, "escape")
        assert screen_name(app) == "GroupScreen"
        assert (record().option, record().rationale) == (ids[0], "Vi leder")
        await press(pilot, "v", "b")
        assert (record().option, record().rationale) == (ids[1], "Vi leder")
        await press(pilot, "down", "v", "t")
        assert (record().option, record().rationale) == (ids[2], "")
        assert app.screen.query_one("#rationale").value == ""
        # Without a rationale there is nothing to ask.
        await press(pilot, "home", "v")
        assert screen_name(app) == "GroupScreen"
        assert record().option == ids[0]

    drive(app, story)


def test_tab_keys_work_from_the_option_list(make_app: Any) -> None:
    """Defect 8: l shows the briefing and a opens the own actions from the option list."""
    app = make_app(open_target="demo")

    async def story(pilot: Any) -> None:
        await open_round(pilot)
        await press(pilot, "1")
        tabs = app.screen.query_one("#group-tabs")
        assert app.focused.id == "options"
        await press(pilot, "l")
        assert tabs.active == "tab-briefing"
        await press(pilot, "d")
        assert tabs.active == "tab-decisions" and app.focused.id == "decisions"
        await press(pilot, "enter")
        assert app.focused.id == "options"
        await press(pilot, "a")
        assert tabs.active == "tab-actions"
        # The empty list names the key that really adds an action.
        key = next(b.key for _, b in app.screen._bindings if b.action == "add_action")
        prompt = plain(app.screen.query_one("#actions-prompt"))
        assert f"Tryck {key} " in prompt
        await press(pilot, key)
        assert screen_name(app) == "ActionFormScreen"

    drive(app, story)


def test_every_listed_key_reaches_its_action_from_every_focus(make_app: Any) -> None:
    """Defect 8: no list or table swallows a key the footer or F1 lists for the seat."""
    app = make_app(open_target="demo")
    places = {
        "tab-decisions": ["decisions", "options", "agreed"],
        "tab-actions": ["actions"],
        "tab-cards": ["card-list"],
    }

    async def story(pilot: Any) -> None:
        await open_round(pilot)
        await press(pilot, "1")
        screen = app.screen
        listed = {key for key, _ in app.key_rows(screen)}
        own = {b.key for b in type(screen).BINDINGS}
        bindings = [b for _, b in screen._bindings if b.description and b.key in own]
        assert {app.get_key_display(b) for b in bindings if not b.key.isdigit()} <= listed
        # One number key stands for all eight.
        bindings = [b for b in bindings if not b.key.isdigit() or b.key == "1"]
        called: list[str] = []
        for binding in bindings:
            name = binding.action.split("(")[0]
            setattr(screen, f"action_{name}", lambda *_, name=name: called.append(name))
        for tab, widget_ids in places.items():
            screen.query_one("#group-tabs").active = tab
            await settle(pilot)
            for widget_id in widget_ids:
                screen.query_one(f"#{widget_id}").focus()
                await settle(pilot)
                called.clear()
                await burst(pilot, [b.key for b in bindings])
                expected = [b.action.split("(")[0] for b in bindings]
                assert list(zip(bindings, called, strict=False)) == list(
                    zip(bindings, expected, strict=False)
                ), widget_id
                assert called == expected, widget_id
                assert app.focused.id == widget_id

    drive(app, story)
