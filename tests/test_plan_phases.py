"""Rounds labelled with the guides' phases: the model, the plan organised by phase, its renderings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exporthelp import EXPORT_DAY, load, play
from varselspel.engine import CloseRound, Session, StartRound, StartSession
from varselspel.export import render_plan
from varselspel.export.jsonout import plan_schema
from varselspel.i18n import LANGUAGES
from varselspel.loader import load_scenario_text
from varselspel.model import (
    ETABLERING_STEPS,
    OMSTALLNING_PHASES,
    Guide,
    Phase,
    guide_label,
    guide_of,
    phase_label,
    phase_number,
)
from varselspel.model.strings import STRINGS
from varselspel.plan import build_group_plan, build_synthesis
from varselspel.resources import bundled_scenarios_dir

DEMO = bundled_scenarios_dir() / "demo.yaml"


@pytest.fixture(scope="module")
def session() -> Session:
    """The demo played by two groups."""
    return play(DEMO)


def test_every_phase_has_a_guide_a_place_and_a_name_in_both_languages() -> None:
    assert set(OMSTALLNING_PHASES) | set(ETABLERING_STEPS) == set(Phase)
    assert [phase_number(p) for p in OMSTALLNING_PHASES] == [1, 2, 3, 4, 5]
    assert [phase_number(p) for p in ETABLERING_STEPS] == [1, 2, 3, 4]
    assert {guide_of(p) for p in OMSTALLNING_PHASES} == {Guide.OMSTALLNING}
    assert {guide_of(p) for p in ETABLERING_STEPS} == {Guide.ETABLERING}
    for lang in LANGUAGES:
        for phase in Phase:
            assert f"phase.{phase.value}" in STRINGS
            assert phase_label(phase, lang) != f"phase.{phase.value}"
        for guide in Guide:
            assert guide_label(guide, lang) != f"guide.{guide.value}"
    # Omställningsguiden's own names, as Tillväxtverket writes them.
    assert [phase_label(p, "sv") for p in OMSTALLNING_PHASES] == [
        "Förbered",
        "Analysera",
        "Planera och förankra",
        "Genomför",
        "Följ upp",
    ]


def test_a_round_accepts_a_known_phase_and_rejects_any_other() -> None:
    text = DEMO.read_text(encoding="utf-8")
    good = load_scenario_text(text, "demo.yaml")
    assert good.scenario is not None
    assert good.scenario.rounds[0].phase is Phase.FORBERED
    bad = load_scenario_text(text.replace("phase: forbered", "phase: forberedelse", 1), "x.yaml")
    assert bad.scenario is None
    codes = [(d.code, d.line) for d in bad.diagnostics]
    line = text.splitlines().index("    phase: forbered") + 1
    assert codes == [("S010", line)]
    assert "`forbered`" in bad.diagnostics[0].message


def test_the_group_plan_lists_the_phases_of_the_rounds_in_playing_order(session: Session) -> None:
    plan = build_group_plan(session, "g1", lang="sv", today=EXPORT_DAY)
    rounds = session.scenario.rounds
    assert [p.id for p in plan.phases] == [r.phase.value for r in rounds if r.phase]
    assert [p.label for p in plan.phases] == ["Förbered", "Planera och förankra", "Genomför"]
    assert [p.number for p in plan.phases] == [1, 3, 4]
    assert {p.guide for p in plan.phases} == {"omstallningsguiden"}
    assert [[r.round_id for r in p.rounds] for p in plan.phases] == [["r1"], ["r2"], ["r3"]]
    english = build_group_plan(session, "g1", lang="en", today=EXPORT_DAY)
    assert [p.label for p in english.phases] == ["Prepare", "Plan and anchor", "Implement"]


def test_decisions_and_actions_carry_the_phase_of_their_round(session: Session) -> None:
    plan = build_group_plan(session, "g1", lang="sv", today=EXPORT_DAY)
    phase_of = {r.id: r.phase.value for r in session.scenario.rounds if r.phase}
    assert plan.organisation.decisions
    for record in plan.organisation.decisions:
        assert record.phase == phase_of[record.round_id]
    for action in plan.actions:
        if action.origin == "option":
            assert action.phase == phase_of[action.source_decision.split(".")[0]]
    own = {a.id: a for a in session.state.groups["g1"].actions.values()}
    own_plan = [a for a in plan.actions if a.origin == "own"]
    assert own_plan
    for action in own_plan:
        written = own[action.key.rsplit(":", 1)[1]]
        assert action.phase == phase_of[written.round or ""]
    # Every action of the plan falls under exactly one phase of the spine.
    assert sum(len(plan.actions_in(p.id)) for p in plan.phases) == len(plan.actions)


def test_only_played_rounds_count_and_a_scenario_without_phases_has_none(tmp_path: Path) -> None:
    bundle = load(DEMO)
    session = Session.create(bundle, ["Grupp 1"], seed=3)
    assert session.execute(StartSession()).ok
    assert session.execute(StartRound()).ok and session.execute(CloseRound()).ok
    plan = build_group_plan(session, "g1", lang="sv", today=EXPORT_DAY)
    assert [p.id for p in plan.phases] == ["forbered"]

    plain = tmp_path / "utan-faser.yaml"
    text = DEMO.read_text(encoding="utf-8")
    for phase in ("forbered", "planera", "genomfor"):
        text = text.replace(f"    phase: {phase}\n", "")
    plain.write_text(text, encoding="utf-8")
    session = play(plain)
    plan = build_group_plan(session, "g1", lang="sv", today=EXPORT_DAY)
    assert plan.phases == []
    assert {a.phase for a in plan.actions} == {""}
    markdown = render_plan(plan, "md").decode("utf-8")
    assert "Planen fas för fas" not in markdown
    assert "(Förbered)" not in markdown


def test_every_rendering_shows_the_plan_phase_by_phase(session: Session) -> None:
    plan = build_synthesis(session, lang="sv", today=EXPORT_DAY)
    markdown = render_plan(plan, "md").decode("utf-8")
    section = markdown.split("## Planen fas för fas", 1)[1].split("\n## ", 1)[0]
    # One list item per phase; its nested lines (wrapped) name the phase's actions.
    blocks = section.split("\n- **")[1:]
    assert [b.split("**", 1)[0] for b in blocks] == [
        "Fas 1: Förbered",
        "Fas 3: Planera och förankra",
        "Fas 4: Genomför",
    ]
    for block, phase in zip(blocks, plan.phases, strict=True):
        flat = " ".join(block.split())
        for action in plan.actions_in(phase.id):
            assert " ".join(action.title.split()) in flat
    assert "Dag 0: Varslet blir känt (Förbered)" in markdown
    html = render_plan(plan, "html").decode("utf-8")
    assert "<h1>Planen fas för fas</h1>" in html and "Fas 3: Planera och förankra" in html
    english = build_synthesis(session, lang="en", today=EXPORT_DAY)
    assert "## The plan phase by phase" in render_plan(english, "md").decode("utf-8")
    data = json.loads(render_plan(plan, "json"))
    assert data["schema_version"] == "1.3"
    assert [p["id"] for p in data["phases"]] == ["forbered", "planera", "genomfor"]
    assert all(a["phase"] for a in data["actions"])
    import jsonschema

    jsonschema.validate(data, plan_schema())


def test_the_word_plan_holds_the_phase_table(session: Session) -> None:
    import io

    import docx

    plan = build_group_plan(session, "g1", lang="sv", today=EXPORT_DAY)
    document = docx.Document(io.BytesIO(render_plan(plan, "docx")))
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Fas"]
    assert len(tables) == 1
    assert [r.cells[0].text for r in tables[0].rows[1:]] == [
        "Fas 1: Förbered",
        "Fas 3: Planera och förankra",
        "Fas 4: Genomför",
    ]


def test_an_etablering_that_turns_into_a_varsel_uses_both_guides() -> None:
    session = play(bundled_scenarios_dir() / "batterifabriken-i-storsund.yaml")
    plan = build_group_plan(session, "g1", lang="sv", today=EXPORT_DAY)
    assert [(p.guide, p.id) for p in plan.phases] == [
        ("etableringsguiden", "samordna"),
        ("etableringsguiden", "forutsattningar"),
        ("etableringsguiden", "leverantorer"),
        ("omstallningsguiden", "forbered"),
        ("omstallningsguiden", "planera"),
    ]
    assert [len(p.rounds) for p in plan.phases] == [1, 3, 1, 1, 1]
    markdown = render_plan(plan, "md").decode("utf-8")
    assert "Steg 1: Samordna och sätt en målbild" in markdown
    assert (
        "stegen i Tillväxtverkets guide för stora etableringar och Omställningsguidens faser"
        in (" ".join(markdown.split()))
    )
