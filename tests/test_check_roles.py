"""The role-library checker: exclusive mandates held twice, repeated mandates, unknown contacts."""

from __future__ import annotations

from pathlib import Path

from varselspel.check import check_role_library
from varselspel.diagnostics import Severity
from varselspel.loader import load_role_library
from varselspel.resources import bundled_roles_dir

KSO = """\
id: kso
title: KSO
organisation: Kommunen
mandate:
  - id: sammankalla-lokal-samverkan
    text: Sammankalla.
contacts: [kommundirektor, Länsstyrelsen i länet]
"""

DIREKTOR = """\
id: kommundirektor
title: Kommundirektör
organisation: Kommunen
mandate:
  - id: kommunens-tjansteorganisation
    text: Tjänsteorganisationen.
  - id: delad
    text: Delat.
    exclusive: false
contacts: [kso]
"""


def _library(tmp_path: Path, **cards: str) -> list[tuple[str, int | None, int | None, str]]:
    for name, text in cards.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    library = load_role_library([tmp_path])
    assert library.diagnostics == []
    diags = check_role_library(library.roles, library.positions, library.files, lang="en")
    return [(d.code, d.line, d.column, d.message) for d in diags]


def test_clean_library(tmp_path: Path) -> None:
    assert _library(tmp_path, kso=KSO, kommundirektor=DIREKTOR) == []


def test_exclusive_mandate_held_by_two_roles(tmp_path: Path) -> None:
    second = DIREKTOR.replace("kommunens-tjansteorganisation", "sammankalla-lokal-samverkan")
    found = _library(tmp_path, kso=KSO, kommundirektor=second)
    assert found == [
        (
            "C030",
            5,
            9,
            "mandate `sammankalla-lokal-samverkan` is exclusive but is also held by role"
            " `kommundirektor`",
        )
    ]


def test_shared_mandate_may_be_held_by_two_roles(tmp_path: Path) -> None:
    kso = KSO.replace(
        "contacts:", "  - id: delad\n    text: Delat.\n    exclusive: false\ncontacts:"
    )
    assert _library(tmp_path, kso=kso, kommundirektor=DIREKTOR) == []


def test_same_mandate_twice_on_one_card(tmp_path: Path) -> None:
    kso = KSO.replace(
        "contacts:", "  - id: sammankalla-lokal-samverkan\n    text: Igen.\ncontacts:"
    )
    found = _library(tmp_path, kso=kso, kommundirektor=DIREKTOR)
    assert found == [
        ("C031", 7, 9, "mandate `sammankalla-lokal-samverkan` appears twice on the same role card")
    ]


def test_contact_that_looks_like_an_unknown_role_id(tmp_path: Path) -> None:
    kso = KSO.replace("[kommundirektor,", "[kommundirektorn,")
    found = _library(tmp_path, kso=kso, kommundirektor=DIREKTOR)
    assert found == [
        (
            "C112",
            7,
            12,
            "contact `kommundirektorn` looks like a role id but is not in the role library",
        )
    ]


def test_swedish_message_and_severity(tmp_path: Path) -> None:
    kso = KSO.replace("[kommundirektor,", "[kommundirektorn,")
    (tmp_path / "kso.yaml").write_text(kso, encoding="utf-8")
    (tmp_path / "kommundirektor.yaml").write_text(DIREKTOR, encoding="utf-8")
    library = load_role_library([tmp_path])
    (diag,) = check_role_library(library.roles, library.positions, library.files, lang="sv")
    assert diag.severity is Severity.WARNING
    assert diag.file == str(tmp_path / "kso.yaml")
    assert diag.message == (
        "kontakten `kommundirektorn` ser ut som ett roll-id men finns inte i rollbiblioteket"
    )


def test_bundled_library_has_no_errors() -> None:
    library = load_role_library([bundled_roles_dir()])
    diags = check_role_library(library.roles, library.positions, library.files)
    assert [d.format() for d in diags if d.severity is Severity.ERROR] == []
