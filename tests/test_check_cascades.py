"""One mistake, one diagnostic: no cascades after a typo, and the warnings authors missed."""

from __future__ import annotations

from test_check_scenario import at, edit, one, run
from varselspel.diagnostics import Severity

# A scenario whose third role is misspelt, while everything else names the intended role.
TYPO = edit("  - role: facket\n", "  - role: facket\n  - role: arbetsformedlingn\n")
TYPO = edit(
    "        cards: [fakta]\n",
    "        cards: [fakta]\n        to: [arbetsformedlingen, facket]\n",
    TYPO,
)
TYPO = edit(
    "        mandate: facklig-forhandling\n",
    "        mandate: egf-ansokan\n",
    TYPO,
)
TYPO = edit(
    "      - id: i2\n",
    "      - id: i3\n        title: t\n        text: x\n        to: [kso, arbetsformedlingen]\n"
    "      - id: i2\n",
    TYPO,
)
TYPO = edit(
    "                responsible: kso\n", "                responsible: arbetsformedlingen\n", TYPO
)


def codes(text: str) -> list[str]:
    return [d.code for d in run(text)]


def test_a_misspelt_role_is_reported_once() -> None:
    """References to the intended id are not reported against the typo (no C013, C106, C113)."""
    diags = run(TYPO)
    assert [(d.code, d.line, d.column, d.message) for d in diags] == [
        (
            "C011",
            *at(TYPO, "arbetsformedlingn"),
            "role `arbetsformedlingn` is not in the role library;"
            " did you mean `arbetsformedlingen`?",
        )
    ]
    (sv,) = run(TYPO, lang="sv")
    assert sv.message == (
        "rollen `arbetsformedlingn` finns inte i rollbiblioteket; menade du `arbetsformedlingen`?"
    )


def test_suggestions_never_point_to_an_id_in_error() -> None:
    """Another misspelling is offered the intended id, never the typo that is itself an error."""
    text = edit("to: [kso, arbetsformedlingen]", "to: [kso, arbetsformedlingm]", TYPO)
    diag = one(text, "C013")
    assert (diag.line, diag.column) == at(text, "arbetsformedlingm")
    assert diag.message == (
        "the inject is sent to `arbetsformedlingm`, which is not a role of the scenario;"
        " did you mean `arbetsformedlingen`?"
    )
    assert one(text, "C013", lang="sv").message == (
        "händelsen skickas till `arbetsformedlingm`, som inte är en roll i scenariot;"
        " menade du `arbetsformedlingen`?"
    )


def test_without_the_typo_the_same_references_are_reported() -> None:
    """The suppression rests on the typo: with the role simply missing, each reference counts."""
    text = edit("  - role: arbetsformedlingn\n", "", TYPO)
    assert sorted(codes(text)) == ["C013", "C013", "C106", "C113"]


def test_library_role_missing_from_the_scenario_says_add_it() -> None:
    """An inject to a library role the scenario does not list: "add it under roles:"."""
    text = edit("  - role: arbetsformedlingn\n", "", TYPO)
    diag = next(d for d in run(text) if d.code == "C013")
    assert (diag.line, diag.column) == at(text, "arbetsformedlingen, facket")
    assert diag.message == (
        "the inject is sent to `arbetsformedlingen`, which is not a role of the scenario;"
        " it is in the role library, so add it under roles:"
    )
    diag = next(d for d in run(text, lang="sv") if d.code == "C013")
    assert diag.message == (
        "händelsen skickas till `arbetsformedlingen`, som inte är en roll i scenariot;"
        " den finns i rollbiblioteket, så lägg till den under roles:"
    )


def test_flag_effect_with_wrong_operator_adds_no_flag_warnings() -> None:
    """`egf_sokt += 1` is X210 only: the flag still counts as set (no C109, no C105/C101)."""
    text = edit('"egf_sokt = true"', '"egf_sokt += 1"')
    diags = run(text)
    assert [(d.code, d.line, d.column) for d in diags] == [("X210", *at(text, "egf_sokt += 1"))]
    assert diags[0].message == "flag `egf_sokt` can only be set with `=`, not `+=`"


def test_flag_effect_with_number_value_adds_no_flag_warnings() -> None:
    text = edit('"egf_sokt = true"', '"egf_sokt = 3"')
    assert [(d.code, d.line, d.column) for d in run(text)] == [("X211", *at(text, '3"]'))]


def test_effect_with_unknown_name_still_sets_its_target() -> None:
    """A typo in an effect's value is one X201; the flag and indicator it sets stay settable."""
    text = edit('"egf_sokt = true"', '"egf_sokt = fortroend > 3"')
    text = edit('"fortroende += 10"', '"fortroende += arbetslos"', text)
    assert codes(text) == ["X201", "X201"]


def test_responsible_role_not_in_the_scenario() -> None:
    text = edit(
        "                responsible: kso\n", "                responsible: arbetsformedlingen\n"
    )
    diag = one(text, "C113")
    assert diag.severity is Severity.WARNING
    assert (diag.line, diag.column) == at(text, "arbetsformedlingen\n")
    assert diag.path == ("rounds", 0, "decisions", 0, "options", 0, "actions", 0, "responsible")
    assert diag.message == (
        "responsible `arbetsformedlingen` is not a role of the scenario, so nobody in the group"
        " plays it; add it under roles: or choose one of the scenario's roles"
    )
    assert one(text, "C113", lang="sv").message == (
        "ansvarig `arbetsformedlingen` är inte en roll i scenariot, så ingen i gruppen spelar den;"
        " lägg till den under roles: eller välj en av scenariots roller"
    )


def test_chance_outside_zero_to_hundred() -> None:
    text = edit("and fortroende > 55", "and chans(600)")
    diag = one(text, "C114")
    assert diag.severity is Severity.WARNING
    assert (diag.line, diag.column) == at(text, "chans(600)")
    assert diag.message == (
        "chans(600) lies outside 0–100: chans takes a probability in percent, so it is always true"
    )
    assert one(text, "C114", lang="sv").message == (
        "chans(600) ligger utanför 0–100: chans tar en sannolikhet i procent, så den är alltid sann"
    )


def test_negative_chance_and_chance_in_an_effect() -> None:
    text = edit('"egf_sokt = true"', '"egf_sokt = chans(-5)"')
    diag = one(text, "C114")
    assert (diag.line, diag.column) == at(text, "chans(-5)")
    assert diag.message.startswith("chans(-5) lies outside 0–100")
    assert diag.message.endswith("so it is never true")


def test_chance_within_range_is_fine() -> None:
    for percent in ("0.5", "100", "50"):
        text = edit("and fortroende > 55", f"and chans({percent})")
        assert "C114" not in codes(text)


def test_refuse_without_mandate_or_owners() -> None:
    text = edit("        mandate: facklig-forhandling\n", "        outside_mandate: refuse\n")
    diag = one(text, "C115")
    assert diag.severity is Severity.WARNING
    assert (diag.line, diag.column) == at(text, "refuse")
    assert diag.message == (
        "decision `forhandling` has `outside_mandate: refuse` but neither `mandate` nor `owners`:"
        " the whole group owns it and no choice is refused; set `mandate` or `owners`,"
        " or remove the line"
    )
    assert one(text, "C115", lang="sv").message.startswith(
        "beslutet `forhandling` har `outside_mandate: refuse` men varken `mandate` eller `owners`"
    )
    with_owner = edit(
        "outside_mandate: refuse\n", "outside_mandate: refuse\n        owners: [kso]\n", text
    )
    assert "C115" not in codes(with_owner)


def test_flag_set_by_an_option_of_the_same_round_says_why() -> None:
    """C101 explains that an option's effects apply only when its round closes."""
    text = edit("        cards: [fakta]\n", "        cards: [fakta]\n        condition: egf_sokt\n")
    diag = one(text, "C101")
    assert (diag.line, diag.column) == at(text, "egf_sokt\n", 1)
    assert diag.message == (
        "the condition of inject `i1` can never be true: flag `egf_sokt` must be true, but it is"
        " option `r1.ledning/kommunen` of the same round that sets it to true, and an option's"
        " effects apply only when the round closes"
    )
    assert one(text, "C101", lang="sv").message == (
        "villkoret för händelsen `i1` kan aldrig bli sant: flaggan `egf_sokt` måste vara sann,"
        " men det är alternativet `r1.ledning/kommunen` i samma omgång som sätter den till sann,"
        " och ett alternativs effekter gäller först när omgången stängs"
    )


def test_indicator_changed_by_an_option_of_the_same_round_says_why() -> None:
    text = edit(
        "        cards: [fakta]\n", "        cards: [fakta]\n        condition: fortroende > 55\n"
    )
    diag = one(text, "C102")
    assert (diag.line, diag.column) == at(text, "fortroende > 55")
    assert diag.message == (
        "the condition of inject `i1` can never be true: `fortroende` can only lie between 50"
        " and 50 here, so `fortroende > 55` never holds; option `r1.ledning/kommunen` of the same"
        " round changes it, but an option's effects apply only when the round closes"
    )
