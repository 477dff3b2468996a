"""The checker's rules for the format features of issue 14, each with message and position."""

from __future__ import annotations

from test_check_scenario import at, edit, one, run
from varselspel.diagnostics import Severity

NUMBER = """\
      - id: forhandling
        question: q
        mandate: facklig-forhandling
        number: {label: Platser, min: 0, max: 100, step: 10, unit: platser}
"""

OPTIONS_R2 = """\
      - id: forhandling
        question: q
        mandate: facklig-forhandling
        options:
          - {id: ja, label: J, effects: ["arbetslosa -= 20"]}
"""


def test_a_number_decision_is_clean() -> None:
    text = edit(OPTIONS_R2, NUMBER)
    assert [d.format() for d in run(text)] == []


def test_c026_a_decision_without_options_or_number() -> None:
    text = edit(OPTIONS_R2, OPTIONS_R2.split("        options:")[0])
    diag = one(text, "C026")
    assert diag.severity is Severity.ERROR
    assert (diag.line, diag.column) == at(text, "forhandling")
    assert diag.message == (
        "decision `forhandling` has neither options nor a number: give it `options` or `number`"
    )


def test_c027_a_decision_with_options_and_a_number() -> None:
    text = edit(OPTIONS_R2, OPTIONS_R2 + "        number: {label: P, min: 0, max: 5}\n")
    diag = one(text, "C027")
    assert (diag.line, diag.column) == at(text, "{label: P")
    assert diag.message.startswith("decision `forhandling` has both options and a number")


def test_c028_min_above_max_and_c116_max_choices_on_a_number() -> None:
    number = NUMBER.replace("min: 0, max: 100", "min: 50, max: 10")
    text = edit(
        OPTIONS_R2, number.replace("        number:", "        max_choices: 2\n        number:")
    )
    diag = one(text, "C028")
    assert (diag.line, diag.column) == at(text, "50, max")
    assert diag.message == "the number's min (50) is greater than its max (10)"
    warning = one(text, "C116")
    assert warning.severity is Severity.WARNING
    assert (warning.line, warning.column) == at(text, "2\n        number")
    assert warning.message == (
        "decision `forhandling` is answered with a number, so max_choices makes no difference"
    )


def test_c116_max_choices_above_the_options() -> None:
    text = edit(
        "        mandate: facklig-forhandling\n",
        "        mandate: facklig-forhandling\n        max_choices: 3\n",
    )
    diag = one(text, "C116")
    assert (diag.line, diag.column) == at(text, "3\n")
    assert diag.message == (
        "decision `forhandling` lets a group choose 3 options but has only 1; max_choices makes"
        " no difference beyond 1"
    )


def test_c029_unknown_figures_with_a_suggestion() -> None:
    reveal = "  reveal:\n    - {figures: [direct_job], available_from: r2}\n"
    text = edit(
        "  company: {name: C, employees: 100, affected: 50}\n",
        "  company: {name: C, employees: 100, affected: 50}\n" + reveal,
    )
    diag = one(text, "C029")
    assert (diag.line, diag.column) == at(text, "direct_job]")
    assert diag.message == (
        "`direct_job` is not a figure of the consequence model for a varsel scenario;"
        " did you mean `direct_jobs` or `indirect_jobs` or `other_indirect_jobs`?"
    )
    follows = edit(
        "start: 100, min: 0, max: 1000}",
        "start: 100, min: 0, max: 1000, follows: construction_peak}",
    )
    diag = one(follows, "C029")
    assert (diag.line, diag.column) == at(follows, "construction_peak")
    assert diag.message == (
        "`construction_peak` is not a figure of the consequence model for a varsel scenario"
    )


def test_c032_an_effect_on_an_indicator_that_follows_the_model() -> None:
    text = edit(
        "start: 100, min: 0, max: 1000}",
        "start: 100, min: 0, max: 1000, follows: unemployment_change}",
    )
    diag = one(text, "C032")
    assert diag.severity is Severity.ERROR
    assert (diag.line, diag.column) == at(text, "arbetslosa -= 20")
    assert diag.message == (
        "indicator `arbetslosa` follows the consequence model (`follows: unemployment_change`),"
        " so effects cannot change it; change a `model.*` value instead"
    )


def test_c033_unknown_round_and_c118_card_used_before_it_comes() -> None:
    text = edit(
        "{id: fakta, title: F, text: T}", "{id: fakta, title: F, text: T, available_from: r3}"
    )
    diag = one(text, "C033")
    assert (diag.line, diag.column) == at(text, "r3}")
    assert diag.message == "round `r3` does not exist"
    later = edit(
        "{id: fakta, title: F, text: T}", "{id: fakta, title: F, text: T, available_from: r2}"
    )
    warning = one(later, "C118")
    assert warning.severity is Severity.WARNING
    assert (warning.line, warning.column) == at(later, "fakta]")
    assert warning.message == (
        "card `fakta` only becomes available in round `r2`, later than round `r1` that points to it"
    )


def test_c117_delayed_effects_past_the_last_round() -> None:
    text = edit(
        '          - {id: ja, label: J, effects: ["arbetslosa -= 20"]}\n',
        "          - id: ja\n            label: J\n            delayed_effects:\n"
        '              - after_rounds: 1\n                effects: ["arbetslosa -= 20"]\n',
    )
    diag = one(text, "C117")
    assert (diag.line, diag.column) == at(text, "1\n                effects")
    assert diag.message == (
        "these effects would apply 1 rounds after round `r2`, past the last round, so they never"
        " apply"
    )
    # One round later from r1 is r2: no warning.
    early = edit(
        '            effects: ["fortroende += 10", "egf_sokt = true"]\n',
        '            effects: ["egf_sokt = true"]\n            delayed_effects:\n'
        '              - {after_rounds: 1, effects: ["fortroende += 10"]}\n',
    )
    assert [d.format() for d in run(early)] == []


INLINE = """\
role_cards:
  - id: miljo
    title: Miljöinspektör
    organisation: Miljöförvaltningen
    mandate:
      - {id: tillsyn, text: Tillsyn.}
    contacts: [kso, okand-roll]
"""


def test_inline_role_cards() -> None:
    text = edit("  - role: facket\n", "  - role: facket\n  - role: miljo\n" + INLINE)
    found = [d for d in run(text) if d.code != "C107"]
    assert [(d.code, d.message) for d in found] == [
        ("C112", "contact `okand-roll` looks like a role id but is not in the role library")
    ]
    unlisted = edit("  - role: facket\n", "  - role: facket\n" + INLINE)
    diag = one(unlisted, "C120")
    assert (diag.line, diag.column) == at(unlisted, "miljo\n")
    assert diag.message == (
        "role card `miljo` is defined but not listed under roles:, so nobody can play it"
    )
    twice = edit("  - role: facket\n", "  - role: facket\n  - role: miljo\n" + INLINE + INLINE[12:])
    diag = one(twice, "C034")
    assert (diag.line, diag.column) == at(twice, "miljo\n", 2)
    assert diag.message == "role card `miljo` is already defined under role_cards"
    replacing = edit(
        "  - role: facket\n",
        "  - role: facket\n"
        + INLINE.replace("id: miljo", "id: kso").replace("tillsyn", "egf-ansokan"),
    )
    diag = one(replacing, "C119")
    assert (
        diag.message
        == "the scenario's role card `kso` replaces the library's card with the same id"
    )
    clash = edit(
        "  - role: facket\n",
        "  - role: facket\n  - role: miljo\n"
        + INLINE.replace(
            "{id: tillsyn, text: Tillsyn.}", "{id: egf-ansokan, text: E, exclusive: true}"
        ),
    )
    diag = one(clash, "C030")
    assert diag.message == (
        "mandate `egf-ansokan` is exclusive but is also held by role `arbetsformedlingen`"
    )


def test_an_inline_role_owns_a_decision_by_its_mandate() -> None:
    text = edit(
        "  - role: facket\n",
        "  - role: facket\n  - role: miljo\n" + INLINE.replace(", okand-roll", ""),
    )
    text = edit("        mandate: facklig-forhandling\n", "        mandate: tillsyn\n", text)
    assert [d.code for d in run(text) if d.code != "C107"] == []


def test_har_roll_varde_and_antal_are_checked() -> None:
    text = edit('condition: valt("r1.ledning", "kommunen")', 'condition: har_roll("facke")')
    diag = one(text, "X214")
    assert diag.message == 'the scenario has no role "facke"; did you mean `facket`?'
    assert (diag.line, diag.column) == at(text, '"facke"')
    numeric = edit(
        'condition: valt("r1.ledning", "kommunen")', 'condition: varde("r1.ledning") > 2'
    )
    diag = one(numeric, "X215")
    assert diag.message == (
        'varde("r1.ledning") reads the number of a number decision, but `r1.ledning` has options;'
        ' write valt("r1.ledning", "OPTION")'
    )
    with_number = edit(OPTIONS_R2, NUMBER)
    with_number = edit(
        '        condition: valt("r1.ledning", "kommunen") and fortroende > 55\n',
        '        condition: antal("r1.ledning") > 0\n',
        with_number,
    )
    assert [d.code for d in run(with_number)] == []
