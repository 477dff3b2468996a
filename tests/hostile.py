"""A hostile scenario, role library and session: every free text carries terminal escapes.

Imported like conftest (`from hostile import ...`). The texts are made in the test, never
committed: each free-text value of the small app-test scenario and of its role cards gets
`HOSTILE` appended, and a session file holds the same in every text a workshop types.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from varselspel.safe_text import unsafe_characters

HOSTILE = (
    "\x1b]52;c;cHduZWQ=\x1b\\"  # OSC 52: write "pwned" to the clipboard
    "\x1b]0;PWNED\x07"  # OSC 0: set the window title
    "\x1b[2J"  # CSI 2J: clear the screen
    "\x9b31m"  # 8-bit CSI
    "\x00\x7f\r\x08"  # NUL, DEL, carriage return, backspace
    "\u202etxt.exe\u2066\u2069"  # right-to-left override and an isolate
    "[bold]fet[/]"  # markup that must stay literal
)
"""Control codes a terminal would obey, bidi controls that reorder text, and markup."""

MINI = Path(__file__).parent / "tui" / "data" / "mini.yaml"
"""The small scenario the app tests play."""

ROLES_DIR = Path(__file__).resolve().parents[1] / "roles"
"""The bundled role library."""

SCENARIO_IDS = frozenset(
    {
        "id",
        "kind",
        "role",
        "mandate",
        "good",
        "level",
        "responsible",
        "partners",
        "financing",
        "indicator",
        "theme",
        "to",
        "owners",
        "cards",
        "effects",
        "when",
        "requires",
        "if",
        "condition",
        "exclusive",
        "contacts",
    }
)
"""Keys whose values are ids, expressions or enumerations: left as they are."""


def _poison(node: Any, key: str | None = None) -> Any:
    """Return `node` with `HOSTILE` appended to every free-text string."""
    if isinstance(node, dict):
        return {k: _poison(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(item, key) for item in node]
    if isinstance(node, str) and key not in SCENARIO_IDS:
        return f"{key}:{node}{HOSTILE}"
    return node


def hostile_yaml(text: str) -> str:
    """Return a YAML text with every free-text value made hostile (escapes written as `\\e`)."""
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    return yaml.safe_dump(_poison(data), allow_unicode=True, sort_keys=False)


def hostile_scenario_text() -> str:
    """Return the app tests' scenario with every free text made hostile."""
    return hostile_yaml(MINI.read_text(encoding="utf-8"))


def hostile_role_texts() -> dict[str, str]:
    """Return the scenario's role cards with every free text made hostile, by role id."""
    data = yaml.load(MINI.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    ids = {entry["role"] for entry in data["roles"]}
    return {rid: hostile_yaml((ROLES_DIR / f"{rid}.yaml").read_text("utf-8")) for rid in ids}


def write_hostile_scenario(folder: Path) -> Path:
    """Write the hostile scenario and its hostile role cards (in `roles/` beside it)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "roles").mkdir(exist_ok=True)
    for rid, text in hostile_role_texts().items():
        (folder / "roles" / f"{rid}.yaml").write_text(text, encoding="utf-8")
    path = folder / "hostile.yaml"
    path.write_text(hostile_scenario_text(), encoding="utf-8")
    return path


def hostile_bundle() -> Any:
    """Return the hostile scenario as a playable bundle, as a stored session rebuilds it."""
    from varselspel.loader import load_bundle_from_texts

    result = load_bundle_from_texts(
        hostile_scenario_text(), hostile_role_texts(), "hostile.yaml", strict=False
    )
    assert result.bundle is not None, [d.format() for d in result.diagnostics]
    return result.bundle


def hostile_session(folder: Path, until: str = "debrief") -> Path:
    """Write a session file whose scenario copy and every typed text are hostile.

    `until` is where it stops: `setup`, `round` (round 1 open, injects out, choices made) or
    `debrief` (ratings and lessons recorded).
    """
    from varselspel import engine as e
    from varselspel.store import SUFFIX, create_session

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"hostile-{until}{SUFFIX}"
    session = create_session(
        hostile_bundle(),
        [f"Grupp 1{HOSTILE}", f"Grupp 2{HOSTILE}"],
        seed=1,
        path=path,
        title=f"Övning{HOSTILE}",
    )
    try:
        run = session.execute
        groups = list(session.state.groups)
        for gid in groups:
            assert run(
                e.AddParticipant(group=gid, name=f"Anna{HOSTILE}", organisation=f"Org{HOSTILE}")
            ).ok
            participant = next(iter(session.state.groups[gid].participants))
            for role in session.scenario.roles:
                assert run(e.AssignRole(group=gid, role=role.role, participant=participant)).ok
        assert run(e.WriteNote(text=f"Anteckning{HOSTILE}")).ok
        if until == "setup":
            return path
        assert run(e.StartSession()).ok
        assert run(e.StartRound()).ok
        while run(e.ReleaseInject()).ok:
            pass
        first = session.scenario.rounds[0]
        for gid in groups:
            decision = first.decisions[0]
            assert run(
                e.ChooseOption(
                    group=gid,
                    decision=f"{first.id}.{decision.id}",
                    option=decision.options[0].id,
                    rationale=f"Motivering{HOSTILE}",
                ),
                actor=gid,
            ).ok
            fields = e.ActionFields(
                title=f"Åtgärd{HOSTILE}",
                result=f"Resultat{HOSTILE}",
                responsible=session.scenario.roles[0].role,
                partners=[f"Partner{HOSTILE}"],
                timeframe=f"Vecka 1{HOSTILE}",
                financing=session.scenario.cards.financing[0].id,
                indicator=session.scenario.indicators[0].id,
            )
            assert run(e.AddAction(group=gid, fields=fields), actor=gid).ok
        if until == "round":
            return path
        assert run(e.CloseRound()).ok
        assert run(e.StartDebrief()).ok
        for gid in groups:
            for objective in session.scenario.debrief.objectives:
                assert run(
                    e.RateObjective(
                        group=gid,
                        objective=objective.id,
                        rating="some",
                        comment=f"Kommentar{HOSTILE}",
                    )
                ).ok
            assert run(e.RecordLesson(group=gid, kind="strength", text=f"Lärdom{HOSTILE}")).ok
        assert run(e.RecordLesson(kind="improvement", text=f"Hela{HOSTILE}")).ok
        return path
    finally:
        session.close()


def unsafe_in(text: str) -> list[tuple[int, str]]:
    """Return every control character or bidi control in `text` (empty when it is safe)."""
    return unsafe_characters(text)
