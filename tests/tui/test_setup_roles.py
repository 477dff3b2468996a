"""Setup: a new group is the one selected, people move between groups, and `f` proposes a fair
distribution of the roles that the facilitator confirms before anything is assigned."""

from __future__ import annotations

from typing import Any

from test_group_seat import burst
from tui_helpers import add_participant, drive, press, screen_name, settle, type_text

from conftest import MINI
from varselspel.engine import AddParticipant, AssignRole


def add_people(app: Any, gid: str, people: list[tuple[str, str]]) -> dict[str, str]:
    """Add participants to a group through the engine; return their ids by name."""
    ids: dict[str, str] = {}
    for name, org in people:
        result = app.session.execute(AddParticipant(group=gid, name=name, organisation=org))
        ids[name] = result.event.command.participant
    app.session_changed()
    return ids


def holders(app: Any, gid: str) -> dict[str, str]:
    """Return role -> the name of the participant who holds it."""
    group = app.session.state.groups[gid]
    return {
        role: group.participants[pid].name
        for role, pid in group.roles.items()
        if pid in group.participants
    }


def loads(app: Any, gid: str) -> list[int]:
    """Return how many roles each participant of a group holds."""
    group = app.session.state.groups[gid]
    return [len(group.roles_of(pid)) for pid in group.participants]


def test_a_new_group_is_selected_and_gets_the_next_participant(make_app: Any) -> None:
    """Defect 5: after g and a name, the new group is selected and p adds to it."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        await press(pilot, "g")
        assert screen_name(app) == "FormScreen"
        app.screen.query_one("#f-name").value = ""
        await type_text(pilot, "Norr")
        await press(pilot, "enter")
        assert screen_name(app) == "SetupScreen"
        norr = next(g.id for g in app.session.state.groups.values() if g.name == "Norr")
        assert app.screen.group_id == norr
        groups = app.screen.query_one("#groups")
        assert groups.cursor_row == list(app.session.state.groups).index(norr)
        await add_participant(pilot, "Åsa", "Kommunen")
        names = [p.name for p in app.session.state.groups[norr].participants.values()]
        assert names == ["Åsa"]

    drive(app, story)


def test_a_participant_moves_to_another_group(make_app: Any) -> None:
    """Defect 5: m moves the participant under the cursor to a group picked from a list."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        ids = add_people(app, "g1", [("Åsa", "Kommunen"), ("Bo", "Af")])
        app.session.execute(AssignRole(group="g1", role="kso", participant=ids["Bo"]))
        app.session_changed()
        await settle(pilot, "SetupScreen")
        app.screen.query_one("#participants").focus()
        await press(pilot, "down", "m")
        assert screen_name(app) == "PickScreen"
        assert "Bo" in app.screen.title_text
        await press(pilot, "enter")
        groups = app.session.state.groups
        assert [p.name for p in groups["g2"].participants.values()] == ["Bo"]
        assert [p.name for p in groups["g1"].participants.values()] == ["Åsa"]
        assert "kso" not in groups["g1"].roles

    drive(app, story)


def test_f_shows_a_fair_proposal_and_assigns_only_when_confirmed(make_app: Any) -> None:
    """Defect 6: Af, GS-facket and the company match their roles; loads differ by at most one."""
    app = make_app(open_target="demo")
    people = [
        ("Ada", "GS-facket"),
        ("Bo", "Af"),
        ("Cia", "Tallmora kommun"),
        ("Dan", "Tallmora Såg"),
        ("Eva", "Tallmora kommun"),
    ]

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        add_people(app, "g1", people)
        await settle(pilot, "SetupScreen")
        await press(pilot, "f")
        assert screen_name(app) == "RolePlanScreen"
        assert holders(app, "g1") == {}
        await press(pilot, "escape")
        assert screen_name(app) == "SetupScreen"
        assert holders(app, "g1") == {}
        await press(pilot, "f", "enter")
        assert screen_name(app) == "SetupScreen"
        held = holders(app, "g1")
        assert held["facket"] == "Ada"
        assert held["arbetsformedlingen"] == "Bo"
        assert held["foretagets-hr"] == "Dan"
        assert {held[r] for r in ("kso", "naringslivschef", "kommunikationschef")} <= {"Cia", "Eva"}
        assert max(loads(app, "g1")) - min(loads(app, "g1")) <= 1

    drive(app, story)


def test_f_matches_known_abbreviations_and_never_gives_both_sides_to_one(make_app: Any) -> None:
    """Defect 6: TSL and Pappersförbundet find their roles; the union and the company stay apart."""
    app = make_app(open_target="bruket-i-norrvik")
    people = [
        ("Per", "Pappersförbundet"),
        ("Lisa", "TSL"),
        ("Kim", "Norrviks kommun"),
        ("Mo", "Region Västernorrland"),
    ]

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        add_people(app, "g1", people)
        await settle(pilot, "SetupScreen")
        await press(pilot, "f", "enter")
        held = holders(app, "g1")
        assert held["facket"] == "Per"
        assert held["omstallningsradgivare"] == "Lisa"
        assert held["regionutvecklingsdirektor"] == "Mo"
        assert held.get("foretagets-hr") not in (None, "Per")
        group = app.session.state.groups["g1"]
        assert max(loads(app, "g1")) - min(loads(app, "g1")) <= 1
        assert len(group.roles) == len(app.session.scenario.roles)

    drive(app, story)


def test_f_with_one_person_leaves_one_side_of_the_negotiation_open(make_app: Any) -> None:
    """Defect 6: one participant never holds both the union and the company; the plan says so."""
    app = make_app(open_target="demo")

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        add_people(app, "g1", [("Ada", "Konsult")])
        await settle(pilot, "SetupScreen")
        await press(pilot, "f")
        assert screen_name(app) == "RolePlanScreen"
        assert "båda sidor" in app.screen.summary
        await press(pilot, "enter")
        held = holders(app, "g1")
        assert ("facket" in held) != ("foretagets-hr" in held)
        assert len(held) == len(app.session.scenario.roles) - 1

    drive(app, story)


def test_roles_table_shows_every_column_at_80x24(make_app: Any) -> None:
    """Defect 7: at 80×24 "Innehas av" and "Behövs" stay in view and nothing scrolls sideways."""
    app = make_app(open_target="bruket-i-norrvik")

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        add_people(app, "g1", [("Per Persson", "Pappersförbundet"), ("Lisa Ek", "TSL")])
        await press(pilot, "f", "enter")
        for table_id in ("#groups", "#participants", "#roles"):
            table = app.screen.query_one(table_id)
            assert table.virtual_size.width <= table.scrollable_content_region.width, table_id
        roles = app.screen.query_one("#roles")
        labels = [str(column.label) for column in roles.ordered_columns]
        assert labels == ["Roll", "Innehas av", "Behövs"]

    drive(app, story, size=(80, 24))


def test_every_setup_key_reaches_its_action_from_every_list(make_app: Any) -> None:
    """Defect 8: no table swallows a key the footer or F1 lists for the setup."""
    app = make_app(open_target=MINI)

    async def story(pilot: Any) -> None:
        await settle(pilot, "SetupScreen")
        add_people(app, "g1", [("Åsa", "Kommunen")])
        await settle(pilot, "SetupScreen")
        screen = app.screen
        listed = {key for key, _ in app.key_rows(screen)}
        own = {b.key for b in type(screen).BINDINGS}
        bindings = [b for _, b in screen._bindings if b.description and b.key in own]
        assert {app.get_key_display(b) for b in bindings} <= listed
        called: list[str] = []
        for binding in bindings:
            name = binding.action.split("(")[0]
            setattr(screen, f"action_{name}", lambda *_, name=name: called.append(name))
        for widget_id in ("groups", "participants", "roles"):
            screen.query_one(f"#{widget_id}").focus()
            await settle(pilot)
            called.clear()
            await burst(pilot, [b.key for b in bindings])
            assert called == [b.action.split("(")[0] for b in bindings], widget_id
            assert app.focused.id == widget_id

    drive(app, story)
