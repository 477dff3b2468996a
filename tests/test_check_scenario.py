"""The scenario checker: every rule with its code, message and file:line:column."""

from __future__ import annotations

import pytest

from varselspel.check import check_scenario
from varselspel.diagnostics import Diagnostic, Severity
from varselspel.loader import load_scenario_text
from varselspel.model import RoleCard

FILE = "s.yaml"

ROLES = {
    card["id"]: RoleCard.model_validate(card)
    for card in [
        {
            "id": "kso",
            "title": "Kommunstyrelsens ordförande",
            "organisation": "Kommunen",
            "mandate": [{"id": "sammankalla-lokal-samverkan", "text": "Sammankalla."}],
        },
        {
            "id": "facket",
            "title": "Klubbordförande",
            "organisation": "Facket",
            "mandate": [{"id": "facklig-forhandling", "text": "Förhandla."}],
        },
        {
            "id": "arbetsformedlingen",
            "title": "Arbetsförmedlingen",
            "organisation": "Arbetsförmedlingen",
            "mandate": [{"id": "egf-ansokan", "text": "EGF."}],
        },
    ]
}

BASE = """\
id: test
title: Test
kind: varsel
summary: Ett litet testscenario.
year: 2025
duration_minutes: 120
debrief_minutes: 20
setting:
  municipality: {name: M, population: 1000, employed: 500}
  region: {name: R, population: 10000}
  company: {name: C, employees: 100, affected: 50}
roles:
  - role: kso
  - role: facket
indicators:
  - {id: arbetslosa, label: A, start: 100, min: 0, max: 1000}
  - {id: fortroende, label: F, start: 50, min: 0, max: 100}
flags:
  - id: egf_sokt
cards:
  knowledge:
    - {id: fakta, title: F, text: T}
  network:
    - {id: af-kort, actor: AF, can_do: [matcha]}
  financing:
    - {id: esf, name: ESF, who_may_apply: kommuner}
action_plan:
  themes:
    - {id: kompetens, title: K}
rounds:
  - id: r1
    title: R1
    game_time: Dag 0
    minutes: 30
    briefing: b
    injects:
      - id: i1
        title: t
        text: x
        cards: [fakta]
    decisions:
      - id: ledning
        question: q
        mandate: sammankalla-lokal-samverkan
        options:
          - id: kommunen
            label: K
            effects: ["fortroende += 10", "egf_sokt = true"]
            actions:
              - title: A
                responsible: kso
                partners: [facket, af-kort]
                financing: esf
                indicator: arbetslosa
                theme: kompetens
          - id: ingen
            label: I
  - id: r2
    title: R2
    game_time: Vecka 1
    minutes: 30
    briefing: b
    condition: egf_sokt
    injects:
      - id: i2
        title: t
        text: x
        condition: valt("r1.ledning", "kommunen") and fortroende > 55
    decisions:
      - id: forhandling
        question: q
        mandate: facklig-forhandling
        options:
          - {id: ja, label: J, effects: ["arbetslosa -= 20"]}
"""


def edit(old: str, new: str, text: str = BASE) -> str:
    """Replace exactly one occurrence of `old` in the base scenario."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Return the 1-based line and column of the `nth` occurrence of `needle`."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def run(text: str, lang: str = "en", roles: dict[str, RoleCard] = ROLES) -> list[Diagnostic]:
    """Load `text` and check it."""
    load = load_scenario_text(text, FILE)
    assert load.scenario is not None, [d.format() for d in load.diagnostics]
    assert not load.diagnostics
    return check_scenario(load.scenario, roles, load.positions, FILE, lang=lang, text=load.text)


def one(text: str, code: str, lang: str = "en") -> Diagnostic:
    """Check `text` and return the single diagnostic with `code`."""
    found = [d for d in run(text, lang) if d.code == code]
    assert len(found) == 1, [d.format() for d in run(text, lang)]
    return found[0]


def test_base_scenario_is_clean() -> None:
    assert [d.format() for d in run(BASE)] == []


# --- expression problems --------------------------------------------------------------


def test_unknown_name_in_plain_scalar_points_at_the_name() -> None:
    text = edit("condition: egf_sokt", "condition: egf_sokth")
    diag = one(text, "X201")
    assert diag.severity is Severity.ERROR
    assert (diag.line, diag.column) == at(text, "egf_sokth")
    assert diag.message == (
        "unknown name `egf_sokth`: no indicator or flag has that id; did you mean `egf_sokt`?"
    )
    assert diag.path == ("rounds", 1, "condition")


def test_unknown_name_message_in_swedish() -> None:
    text = edit("condition: egf_sokt", "condition: egf_sokth")
    diag = one(text, "X201", lang="sv")
    assert diag.message == (
        "okänt namn `egf_sokth`: ingen indikator eller flagga heter så; menade du `egf_sokt`?"
    )


def test_unknown_option_in_valt_points_at_the_string() -> None:
    text = edit('"kommunen") and', '"komunen") and')
    diag = one(text, "X205")
    assert (diag.line, diag.column) == at(text, '"komunen"')
    assert diag.message == 'decision `r1.ledning` has no option "komunen"; did you mean `kommunen`?'


def test_unknown_decision_in_valt_suggests_the_right_round() -> None:
    text = edit('valt("r1.ledning"', 'valt("r2.ledning"')
    diag = one(text, "X204")
    assert (diag.line, diag.column) == at(text, '"r2.ledning"')
    assert diag.message.endswith("did you mean `r1.ledning`?")


def test_problem_in_double_quoted_effect_points_inside_the_quotes() -> None:
    text = edit('"fortroende += 10"', '"fortroende += true"')
    diag = one(text, "X212")
    assert (diag.line, diag.column) == at(text, 'true"')
    assert diag.message == "`fortroende` is a number and cannot get a true/false value"


def test_problem_in_block_scalar_points_at_the_scalar() -> None:
    text = edit("    condition: egf_sokt\n", "    condition: |\n      egf_sokt and\n      nisse\n")
    diag = one(text, "X201")
    assert (diag.line, diag.column) == at(text, "|")


def test_problem_in_block_list_item_points_at_the_name() -> None:
    text = edit(
        '          - {id: ja, label: J, effects: ["arbetslosa -= 20"]}\n',
        "          - id: ja\n            label: J\n            effects:\n"
        "              - arbetslosa -= 20\n              - arbetslos += 1\n",
    )
    diag = one(text, "X201")
    assert (diag.line, diag.column) == at(text, "arbetslos +=")
    assert diag.path == ("rounds", 1, "decisions", 0, "options", 0, "effects", 1)


def test_character_at_an_escape_is_still_found() -> None:
    text = edit("condition: egf_sokt\n", "condition: 'egf_sokt or valt(''r1.ledning'', \"x\")'\n")
    diag = one(text, "X117")
    assert (diag.line, diag.column) == at(text, "''r1")


def test_problem_after_an_escape_points_at_the_scalar() -> None:
    text = edit(
        "condition: egf_sokt\n",
        'condition: "egf_sokt and valt(\\"r1.ledning\\", \\"kommun\\")"\n',
    )
    # YAML turns \" into ", so the text inside the quotes differs from the file after that.
    load = load_scenario_text(text, FILE)
    assert load.scenario is not None
    assert load.scenario.rounds[1].condition == 'egf_sokt and valt("r1.ledning", "kommun")'
    diag = one(text, "X205")
    assert (diag.line, diag.column) == at(text, "egf_sokt and")


def test_flag_plus_equals_is_a_type_error() -> None:
    text = edit('"egf_sokt = true"', '"egf_sokt += 1"')
    diag = one(text, "X210")
    assert (diag.line, diag.column) == at(text, "egf_sokt +=")
    assert diag.message == "flag `egf_sokt` can only be set with `=`, not `+=`"


def test_syntax_error_has_its_column() -> None:
    text = edit("fortroende > 55", "fortroende >> 55")
    diag = one(text, "X106")
    assert (diag.line, diag.column) == at(text, "> 55")
    assert diag.message == "a value or a name was expected here, but found `>`"


# --- duplicates -------------------------------------------------------------------------


def test_duplicate_round_id() -> None:
    text = edit("  - id: r2\n", "  - id: r1\n")
    diag = one(text, "C001")
    assert diag.severity is Severity.ERROR
    assert (diag.line, diag.column) == at(text, "r1\n", 1)
    assert diag.message == "round `r1` already exists (round 1); every round needs its own id"


def test_duplicate_inject_id() -> None:
    text = edit("      - id: i2\n", "      - id: i1\n")
    diag = one(text, "C002")
    assert (diag.line, diag.column) == at(text, "i1\n", 1)
    assert (
        diag.message
        == "inject `i1` already exists; inject ids must be unique in the whole scenario"
    )


def test_duplicate_decision_id() -> None:
    text = edit("      - id: forhandling\n", "      - id: ledning\n")
    diags = [d for d in run(text) if d.code == "C003"]
    assert len(diags) == 1
    assert (diags[0].line, diags[0].column) == at(text, "ledning\n", 1)
    assert diags[0].message == (
        "decision `ledning` already exists; decision ids must be unique in the whole scenario"
    )


def test_duplicate_option_id() -> None:
    text = edit("          - id: ingen\n", "          - id: kommunen\n")
    diag = one(text, "C004")
    assert (diag.line, diag.column) == at(text, "kommunen\n", 1)
    assert diag.message == "option `kommunen` already exists in decision `ledning`"


def test_duplicate_card_id_across_kinds() -> None:
    text = edit("{id: esf, name", "{id: fakta, name")
    diags = [d for d in run(text) if d.code == "C005"]
    assert len(diags) == 1
    assert (diags[0].line, diags[0].column) == at(text, "fakta, name")
    assert diags[0].message == (
        "card `fakta` already exists (among knowledge); card ids must be unique across all cards"
    )


def test_duplicate_indicator_and_flag_ids() -> None:
    text = edit(
        "  - {id: fortroende, label: F,",
        "  - {id: arbetslosa, label: F,",
    )
    text = edit("flags:\n  - id: egf_sokt\n", "flags:\n  - id: egf_sokt\n  - id: egf_sokt\n", text)
    text = text.replace("fortroende", "arbetslosa")
    codes = {d.code: d for d in run(text)}
    assert (codes["C006"].line, codes["C006"].column) == at(text, "arbetslosa, label: F")
    assert codes["C006"].message == "indicator `arbetslosa` already exists"
    assert (codes["C007"].line, codes["C007"].column) == at(text, "egf_sokt\n", 1)
    assert codes["C007"].message == "flag `egf_sokt` already exists"


def test_indicator_and_flag_sharing_an_id() -> None:
    text = edit("flags:\n  - id: egf_sokt\n", "flags:\n  - id: egf_sokt\n  - id: fortroende\n")
    diag = one(text, "C008")
    assert (diag.line, diag.column) == at(text, "fortroende\n")
    assert diag.message == "`fortroende` is both an indicator and a flag; give them different ids"


def test_duplicate_theme_and_objective() -> None:
    text = edit(
        "    - {id: kompetens, title: K}\n",
        "    - {id: kompetens, title: K}\n    - {id: kompetens, title: L}\n",
    )
    text += "debrief:\n  objectives:\n    - {id: mal, text: A}\n    - {id: mal, text: B}\n"
    codes = {d.code: d for d in run(text)}
    assert (codes["C009"].line, codes["C009"].column) == at(text, "kompetens, title: L")
    assert codes["C009"].message == "theme `kompetens` already exists in the action plan"
    assert (codes["C010"].line, codes["C010"].column) == at(text, "mal, text: B")
    assert codes["C010"].message == "objective `mal` already exists in the debrief"


def test_reserved_word_as_flag_id() -> None:
    text = edit("flags:\n  - id: egf_sokt\n", "flags:\n  - id: egf_sokt\n  - id: model\n")
    diag = one(text, "C025")
    assert (diag.line, diag.column) == at(text, "model\n")
    assert diag.message == "`model` is a reserved word in expressions and cannot be used as an id"


# --- references -------------------------------------------------------------------------


def test_role_missing_from_library() -> None:
    text = edit("  - role: facket\n", "  - role: facket\n  - role: ksoo\n")
    diag = one(text, "C011")
    assert (diag.line, diag.column) == at(text, "ksoo")
    assert diag.message == "role `ksoo` is not in the role library; did you mean `kso`?"


def test_role_listed_twice() -> None:
    text = edit("  - role: facket\n", "  - role: facket\n  - role: kso\n")
    diag = one(text, "C012")
    assert (diag.line, diag.column) == at(text, "kso\n", 1)
    assert diag.message == "role `kso` is already listed among the scenario's roles"


def test_inject_to_unknown_role() -> None:
    text = edit("        cards: [fakta]\n", "        cards: [fakta]\n        to: [kso, fackett]\n")
    diag = one(text, "C013")
    assert (diag.line, diag.column) == at(text, "fackett")
    assert diag.message == (
        "the inject is sent to `fackett`, which is not a role of the scenario; did you mean `facket`?"
    )


def test_decision_owner_not_in_scenario() -> None:
    text = edit(
        "        mandate: facklig-forhandling\n",
        "        mandate: facklig-forhandling\n        owners: [arbetsformedlingen]\n",
    )
    diag = one(text, "C014")
    assert (diag.line, diag.column) == at(text, "arbetsformedlingen]")
    assert diag.message == (
        "decision owner `arbetsformedlingen` is not a role of the scenario; "
        "it is in the role library, so add it under roles:"
    )
    assert one(text, "C014", lang="sv").message == (
        "beslutets ägare `arbetsformedlingen` är inte en roll i scenariot; "
        "den finns i rollbiblioteket, så lägg till den under roles:"
    )


def test_unknown_card_reference() -> None:
    text = edit("cards: [fakta]", "cards: [fakta, fakt]")
    diag = one(text, "C015")
    assert (diag.line, diag.column) == at(text, "fakt]")
    assert diag.message == "card `fakt` is not among the scenario's cards; did you mean `fakta`?"


@pytest.mark.parametrize(
    ("old", "new", "code", "needle", "message"),
    [
        (
            "responsible: kso",
            "responsible: ks",
            "C016",
            "ks\n",
            "responsible `ks` is not a role in the role library; did you mean `kso`?",
        ),
        (
            "partners: [facket, af-kort]",
            "partners: [facket, af-kortet]",
            "C017",
            "af-kortet",
            "partner `af-kortet` is neither a role nor a network card; did you mean `af-kort`?",
        ),
        (
            "financing: esf",
            "financing: fakta",
            "C018",
            "fakta\n",
            "financing `fakta` is not a financing card",
        ),
        (
            "indicator: arbetslosa",
            "indicator: arbetslos",
            "C019",
            "arbetslos\n",
            "follow-up indicator `arbetslos` does not exist; did you mean `arbetslosa`?",
        ),
        (
            "theme: kompetens",
            "theme: kompetenser",
            "C020",
            "kompetenser",
            "theme `kompetenser` is not among the action plan's themes; did you mean `kompetens`?",
        ),
    ],
)
def test_action_references(old: str, new: str, code: str, needle: str, message: str) -> None:
    text = edit(old, new)
    diag = one(text, code)
    assert diag.severity is Severity.ERROR
    assert (diag.line, diag.column) == at(text, needle)
    assert diag.message == message


def test_partner_may_be_a_library_role_outside_the_scenario() -> None:
    text = edit("partners: [facket, af-kort]", "partners: [arbetsformedlingen, af-kort]")
    assert [d.code for d in run(text)] == []


def test_indicator_start_outside_bounds() -> None:
    text = edit("start: 50, min: 0, max: 100", "start: 150, min: 0, max: 100")
    diag = one(text, "C021")
    assert (diag.line, diag.column) == at(text, "150")
    assert diag.message == "the start value 150 of `fortroende` lies outside min/max (0 to 100)"


def test_indicator_min_above_max() -> None:
    text = edit("start: 50, min: 0, max: 100", "start: 50, min: 60, max: 40")
    diag = one(text, "C022")
    assert (diag.line, diag.column) == at(text, "60, max")
    assert diag.message == "min (60) is greater than max (40) for `fortroende`"


def test_unknown_mandate() -> None:
    text = edit("mandate: facklig-forhandling", "mandate: facklig-forhandlingar")
    diag = one(text, "C023")
    assert (diag.line, diag.column) == at(text, "facklig-forhandlingar")
    assert diag.message == (
        "no role in the role library holds the mandate `facklig-forhandlingar`;"
        " did you mean `facklig-forhandling`?"
    )


def test_network_card_role_unknown() -> None:
    text = edit("can_do: [matcha]}", "can_do: [matcha], role: af}")
    diag = one(text, "C024")
    assert (diag.line, diag.column) == at(text, "af}")
    assert diag.message == "the network card's role `af` is not in the role library"


# --- warnings ---------------------------------------------------------------------------


def test_flag_read_before_it_can_be_set() -> None:
    text = edit("    condition: egf_sokt\n", "")
    text = edit(
        "        cards: [fakta]\n", "        cards: [fakta]\n        condition: egf_sokt\n", text
    )
    text = edit('"egf_sokt = true"', '"fortroende = 5"', text)
    text = edit('"arbetslosa -= 20"', '"arbetslosa -= 20", "egf_sokt = true"', text)
    diag = one(text, "C101")
    assert diag.severity is Severity.WARNING
    assert (diag.line, diag.column) == at(text, "egf_sokt\n", 1)
    assert diag.message == (
        "the condition of inject `i1` can never be true: flag `egf_sokt` must be true, but it"
        " starts as false and no effect before this point sets it to true"
    )


def test_option_effects_come_only_when_the_round_closes() -> None:
    text = edit("        cards: [fakta]\n", "        cards: [fakta]\n        condition: egf_sokt\n")
    diag = one(text, "C101")
    assert (diag.line, diag.column) == at(text, "egf_sokt\n", 1)
    assert "inject `i1`" in diag.message


def test_inject_effects_of_the_same_round_count() -> None:
    text = edit(
        "        cards: [fakta]\n",
        '        cards: [fakta]\n        effects: ["fortroende = 100"]\n',
    )
    text = edit("fortroende > 55", "fortroende == 100", text)
    text = edit('"fortroende += 10", ', "", text)
    assert [d.code for d in run(text)] == []
    text = edit(
        "      - id: i2\n",
        "      - id: i0\n        title: t\n        text: x\n"
        "        condition: fortroende <= 50\n      - id: i2\n",
        text,
    )
    assert [d.code for d in run(text)] == []


def test_flag_needed_false_but_starts_true_and_never_cleared() -> None:
    text = edit("  - id: egf_sokt\n", "  - id: egf_sokt\n    start: true\n")
    text = edit("valt(", "not egf_sokt and valt(", text)
    diag = one(text, "C101", lang="sv")
    assert (diag.line, diag.column) == at(text, "egf_sokt and")
    assert diag.message == (
        "villkoret för händelsen `i2` kan aldrig bli sant: flaggan `egf_sokt` måste vara falsk,"
        " men den börjar som sann och ingen effekt före denna punkt sätter den till falsk"
    )


def test_indicator_compared_outside_its_range() -> None:
    text = edit("fortroende > 55", "fortroende > 100")
    diag = one(text, "C102")
    assert (diag.line, diag.column) == at(text, "fortroende > 100")
    assert diag.message == (
        "the condition of inject `i2` can never be true: `fortroende` can only lie between 50"
        " and 100 here, so `fortroende > 100` never holds"
    )


def test_indicator_without_effects_stays_at_start() -> None:
    text = edit("fortroende > 55", "arbetslosa > 200")
    text = edit('"arbetslosa -= 20"', '"fortroende -= 1"', text)
    diag = one(text, "C102")
    assert "between 100 and 100" in diag.message


def test_indicator_reachable_through_an_earlier_effect_is_fine() -> None:
    text = edit("fortroende > 55", "fortroende == 100")
    assert [d.code for d in run(text)] == []


def test_valt_of_a_later_round() -> None:
    text = edit(
        "        cards: [fakta]\n",
        '        cards: [fakta]\n        condition: valt("r2.forhandling", "ja")\n',
    )
    diag = one(text, "C103")
    assert (diag.line, diag.column) == at(text, '"r2.forhandling"')
    assert diag.message == (
        "the condition of inject `i1` can never be true: decision `r2.forhandling` is only taken"
        " in a later round (`r2`)"
    )


def test_option_that_needs_its_own_decision() -> None:
    text = edit(
        "            label: I\n",
        '            label: I\n            condition: beslutat("r1.ledning")\n',
    )
    diag = one(text, "C103")
    assert (diag.line, diag.column) == at(text, '"r1.ledning")')
    assert diag.message == (
        "the condition of option `r1.ledning/ingen` can never be true: decision `r1.ledning`"
        " is only taken when this very decision is taken"
    )


def test_constant_false_condition() -> None:
    text = edit("fortroende > 55", "1 > 2")
    diag = one(text, "C104")
    assert (diag.line, diag.column) == at(text, "1 > 2")
    assert diag.message == (
        "the condition of inject `i2` can never be true: `1 > 2` is always false"
    )


def test_unreachable_round() -> None:
    text = edit("    condition: egf_sokt\n", '    condition: beslutat("r2.forhandling")\n')
    text = edit('"egf_sokt = true"', '"fortroende += 1"', text)
    text = edit("and fortroende > 55", "and egf_sokt", text)
    diag = one(text, "C105")
    assert (diag.line, diag.column) == at(text, '"r2.forhandling"')
    assert diag.message == (
        "round `r2` is never played: decision `r2.forhandling` is only taken in the same round"
        " (`r2`), after the condition is tested"
    )


def test_unreachable_round_by_flag_set_only_in_it() -> None:
    text = edit('"egf_sokt = true"', '"fortroende += 1"')
    text = edit('"arbetslosa -= 20"', '"arbetslosa -= 20", "egf_sokt = true"', text)
    diag = one(text, "C105", lang="sv")
    assert diag.message == (
        "omgången `r2` spelas aldrig: flaggan `egf_sokt` måste vara sann, men ingenting före"
        " omgången sätter den till sann"
    )


def test_decision_nobody_has_the_mandate_for() -> None:
    text = edit("mandate: facklig-forhandling", "mandate: egf-ansokan")
    diag = one(text, "C106")
    assert (diag.line, diag.column) == at(text, "egf-ansokan")
    assert diag.message == (
        "no role of the scenario holds the mandate `egf-ansokan` for decision `forhandling`;"
        " add a role that holds it or set `owners`"
    )


def test_owners_silence_the_mandate_warning() -> None:
    text = edit(
        "mandate: facklig-forhandling",
        "mandate: egf-ansokan\n        owners: [facket]",
    )
    assert [d.code for d in run(text)] == []


def test_role_that_receives_nothing_in_a_round() -> None:
    text = edit("        cards: [fakta]\n", "        cards: [fakta]\n        to: [kso]\n")
    diag = one(text, "C107")
    assert (diag.line, diag.column) == at(text, "r1\n")
    assert diag.message == (
        "role `facket` receives nothing in round `r1`: no inject to it and no decision it owns"
    )


def test_flag_set_but_never_read() -> None:
    text = edit("    condition: egf_sokt\n", "")
    diag = one(text, "C108")
    assert (diag.line, diag.column) == at(text, "egf_sokt\n")
    assert diag.message == "flag `egf_sokt` is set but never read by any condition or effect"


def test_flag_read_but_never_set() -> None:
    text = edit('"egf_sokt = true"', '"fortroende -= 1"')
    text = edit("    condition: egf_sokt\n", "    condition: not egf_sokt\n", text)
    diag = one(text, "C109")
    assert (diag.line, diag.column) == at(text, "egf_sokt\n")
    assert diag.message == "flag `egf_sokt` is read but never set; it is always false"


def test_agenda_longer_than_the_workshop() -> None:
    text = edit("duration_minutes: 120", "duration_minutes: 70")
    diag = one(text, "C110")
    assert diag.severity is Severity.WARNING
    assert (diag.line, diag.column) == at(text, "70")
    assert diag.message == (
        "the rounds' time boxes (60 min) plus the debrief (20 min) make 80 min,"
        " more than the workshop's 70 min"
    )


def test_card_never_referenced() -> None:
    text = edit("cards: [fakta]", "cards: []")
    diag = one(text, "C111")
    assert (diag.line, diag.column) == at(text, "fakta")
    assert diag.message == (
        "card `fakta` is never used (no decision or inject points to it and no action names it)"
    )


def test_errors_and_warnings_are_separate_and_sorted() -> None:
    text = edit("duration_minutes: 120", "duration_minutes: 70")
    text = edit("condition: egf_sokt", "condition: egf_sokth", text)
    diags = run(text)
    assert [(d.severity, d.code) for d in diags] == [
        (Severity.WARNING, "C110"),
        (Severity.WARNING, "C108"),
        (Severity.ERROR, "X201"),
    ]
    assert [d.line for d in diags] == sorted(d.line or 0 for d in diags)


def test_default_language_is_swedish_and_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = edit("duration_minutes: 120", "duration_minutes: 70")
    load = load_scenario_text(text, FILE)
    assert load.scenario is not None
    (diag,) = check_scenario(load.scenario, ROLES, load.positions, FILE)
    assert diag.message.startswith("omgångarnas tider (60 min)")
    monkeypatch.setenv("VARSELSPEL_LANG", "en")
    (diag,) = check_scenario(load.scenario, ROLES, load.positions, FILE)
    assert diag.message.startswith("the rounds' time boxes (60 min)")


def test_a_round_never_played_makes_a_later_one_unreachable() -> None:
    text = edit("    condition: egf_sokt\n", "    condition: fortroende > 100\n")
    text += (
        "  - id: r3\n    title: R3\n    game_time: Vecka 2\n    minutes: 10\n    briefing: b\n"
        "    condition: arbetslosa < 100\n"
    )
    found = [(d.code, d.line, d.column, d.message) for d in run(text) if d.code == "C105"]
    assert found == [
        (
            "C105",
            *at(text, "fortroende > 100"),
            "round `r2` is never played: `fortroende` can only lie between 50 and 100 here,"
            " so `fortroende > 100` never holds",
        ),
        (
            "C105",
            *at(text, "arbetslosa < 100"),
            "round `r3` is never played: `arbetslosa` can only lie between 100 and 100 here,"
            " so `arbetslosa < 100` never holds",
        ),
    ]
    assert not [d for d in run(text) if d.code in {"C101", "C102", "C103", "C104", "C107"}]
