"""Facts from /work/shared/DOMAIN.md that the bundled texts must state rightly, each pinned here.

Every test checks both sides: the wrong phrasing is gone from every text that could carry it, and
the right one is present where it belongs, so a test cannot pass because a text was deleted.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from exporthelp import EXPORT_DAY, play
from varselspel.cli.new_template import render
from varselspel.loader import load_bundle, load_role_library
from varselspel.model import FinancingCard, RoleCard, Scenario
from varselspel.plan import build_synthesis
from varselspel.resources import bundled_roles_dir, bundled_scenarios_dir

REPO = Path(__file__).resolve().parent.parent
SCENARIO_FILES = sorted(bundled_scenarios_dir().glob("*.yaml"))
ROLE_FILES = sorted(bundled_roles_dir().glob("*.yaml"))
STRING_FILES = [
    REPO / "src" / "varselspel" / "plan" / "strings.py",
    REPO / "src" / "varselspel" / "export" / "strings.py",
]


def flat(text: str) -> str:
    """Fold a YAML text's line breaks and indentation into single spaces."""
    return " ".join(text.split())


@cache
def texts() -> dict[str, str]:
    """Every text that states domain facts, by name, folded onto one line."""
    found = {p.name: flat(p.read_text(encoding="utf-8")) for p in [*SCENARIO_FILES, *ROLE_FILES]}
    found["docs/scenarios.md"] = flat((REPO / "docs" / "scenarios.md").read_text(encoding="utf-8"))
    for kind in ("varsel", "etablering"):
        found[f"new_template ({kind})"] = flat(render("x", kind, 2026, "x.yaml"))
    for path in STRING_FILES:
        found[f"{path.parent.name}/strings.py"] = flat(path.read_text(encoding="utf-8"))
    return found


def where(pattern: str, *, flags: int = 0, setting: bool = True) -> list[str]:
    """Return `name: match` for every text in which the pattern occurs.

    With `setting=False` the scenarios' `setting:` blocks are left out: their wording belongs to
    the consequence model and is pinned by its own tests.
    """
    out = []
    for name, text in texts().items():
        if not setting and name in SETTINGS:
            text = text.replace(SETTINGS[name], " ")
        out += [f"{name}: {m.group(0)!r}" for m in re.finditer(pattern, text, flags)]
    return out


def _setting_block(path: Path) -> str:
    """Return a scenario file's `setting:` block, folded like `texts()`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("setting:")
    end = next(i for i in range(start + 1, len(lines)) if re.match(r"[a-z_]+:", lines[i]))
    return flat("\n".join(lines[start:end]))


SETTINGS = {path.name: _setting_block(path) for path in SCENARIO_FILES}


@cache
def scenario(stem: str) -> Scenario:
    """A bundled scenario, loaded and checked."""
    result = load_bundle(bundled_scenarios_dir() / f"{stem}.yaml")
    assert result.bundle is not None, [d.format() for d in result.diagnostics]
    return result.bundle.scenario


@cache
def roles() -> dict[str, RoleCard]:
    """The bundled role library."""
    return load_role_library([bundled_roles_dir()]).roles


def scenario_text(stem: str) -> str:
    """A bundled scenario's file text, folded."""
    return texts()[f"{stem}.yaml"]


def financing(stem: str) -> dict[str, FinancingCard]:
    """A scenario's financing cards by id."""
    return {card.id: card for card in scenario(stem).cards.financing}


def actions(stem: str) -> list[tuple[str, str, str | None]]:
    """Every option action as (option key, title, financing card)."""
    return [
        (f"{r.id}.{d.id}.{o.id}", a.title, a.financing)
        for r in scenario(stem).rounds
        for d in r.decisions
        for o in d.options
        for a in o.actions
    ]


STEMS = ["demo", "bruket-i-norrvik", "batterifabriken-i-storsund", "beredskap-i-hedkoping"]


# --- EGF (regulation (EU) 2021/691 art. 4) ---------------------------------------------------


def test_egf_needs_at_least_200_and_allows_less_in_small_labour_markets() -> None:
    assert where(r"\b(fler än|över|mer än) 200 (uppsagda|sägs upp)") == []
    assert where(r"EGF kan bara sökas") == []
    for stem in STEMS:
        text = scenario_text(stem)
        assert re.search(r"minst 200 (uppsagda|sägs upp)", text), stem
        assert "små arbetsmarknader" in text, stem
    assert "minst 200" in texts()["arbetsformedlingen.yaml"]
    # The EGF options in Norrvik open at 200 dismissed, not above it.
    egf = next(d for r in scenario("bruket-i-norrvik").rounds for d in r.decisions if d.id == "egf")
    gated = [o.condition for o in egf.options if "dismissed_share" in o.condition]
    assert gated and all(">= 200" in c for c in gated)


# --- omställningsstudiestöd (lag 2022:856, csn.se) ------------------------------------------


def test_omstallningsstudiestod_age_limit_rises_to_63_from_2026() -> None:
    assert where(r"\b27–62 år") == []
    for stem in ("demo", "bruket-i-norrvik", "beredskap-i-hedkoping"):
        text = scenario_text(stem)
        assert "fyller 63" in text and "2026" in text, stem
        assert "10 veckor från" in text, stem
    # Bruket's workforce is old: the card says what the limit means for those over 55.
    assert "38 % av de varslade över 55 år" in scenario_text("bruket-i-norrvik")


# --- lag (2010:630) om regionalt utvecklingsansvar and Almi ---------------------------------


def test_regional_development_act_paragraphs_and_almi() -> None:
    assert where(r"2010:630\)? om regionalt utvecklingsansvar,? 4–5 §§") == []
    region = texts()["regionutvecklingsdirektor.yaml"]
    assert "2010:630) om regionalt utvecklingsansvar 5 §" in region
    assert "6 §" in region
    almi = texts()["almi.yaml"]
    assert "regionens ägande i Almi)" not in almi
    assert "frivillig uppgift, inte en uppgift enligt lag (2010:630)" in almi


def test_regional_investment_aid_ordinance_has_its_title() -> None:
    assert where(r"2022:1467\) om regionalt investeringsstöd") == []
    for name in ("regionutvecklingsdirektor.yaml", "bruket-i-norrvik.yaml"):
        assert "(2022:1467) om statligt stöd till regionala investeringar" in texts()[name], name
    assert "(2022:1467) om statligt stöd till regionala investeringar" in scenario_text(
        "batterifabriken-i-storsund"
    )
    assert "stödområde 1–3" in texts()["regionutvecklingsdirektor.yaml"]


def test_appropriation_1_1_is_regionala_utvecklingsatgarder() -> None:
    assert where(r"Regionala tillväxtåtgärder") == []
    for stem in STEMS:
        names = [card.name for card in financing(stem).values() if "1:1" in card.name]
        assert names and all("Regionala utvecklingsåtgärder" in n for n in names), stem


# --- lönegaranti and företagsrekonstruktion -------------------------------------------------


def test_lonegaranti_also_applies_in_a_reconstruction_which_the_company_leads() -> None:
    assert where(r"[Ll]önegaranti gäller bara vid konkurs\b(?! och)") == []
    assert where(r"bara vid konkurs\.") == []
    assert where(r"[Rr]ekonstruktören varslar") == []
    bruket = scenario_text("bruket-i-norrvik")
    assert "Lönegaranti gäller vid konkurs och företagsrekonstruktion" in bruket
    assert "fyra prisbasbelopp" in bruket
    rounds = {r.id: r for r in scenario("batterifabriken-i-storsund").rounds}
    injects = {i.id: i for i in rounds["r7"].injects}
    reconstruction = flat(injects["r7-rekonstruktion"].text)
    assert "fortfarande arbetsgivare" in reconstruction
    assert "Rekonstruktören beslutar om lönegaranti" in reconstruction
    assert "fyra prisbasbelopp" in reconstruction
    assert injects["r7-andra-varslet"].sender == "Ferrolit"
    assert flat(injects["r7-andra-varslet"].text).startswith("Ferrolit varslar")
    assert "rekonstruktören" in texts()["lansstyrelsen.yaml"]


# --- MBL 21 § binds the parties, not the municipality --------------------------------------


def test_the_municipality_is_not_bound_by_mbl_21() -> None:
    card = roles()["kommunikationschef"]
    assert all("MBL" not in limit.rule for limit in card.limits)
    assert any("inte part" in limit.text for limit in card.limits)
    assert any("offentlighets- och sekretesslagen" in limit.rule for limit in card.limits)
    # The union, a party to the negotiation, is bound by it.
    assert any(limit.rule == "MBL 21 §" for limit in roles()["facket"].limits)


# --- Tillväxtverket can finance projects ----------------------------------------------------


def test_tillvaxtverket_can_grant_project_money() -> None:
    assert where(r"inga pengar direkt till kommunen") == []
    assert where(r"delar inte ut pengar direkt") == []
    assert "2003:596" in texts()["tillvaxtverket.yaml"]
    assert "2003:596" in scenario_text("bruket-i-norrvik")
    card = financing("bruket-i-norrvik")["fin-tillvaxtverket-uppdrag"]
    assert any("2003:596" in condition for condition in card.conditions)


# --- Saab's 1 000 adult-education places: one sourced statement -----------------------------


def test_one_sourced_statement_on_saabs_adult_education_places() -> None:
    for stem in STEMS:
        text = scenario_text(stem)
        sentences = [s for s in re.split(r"(?<=[.;])\s", text) if "1 000 extra" in s]
        assert sentences, stem
        assert all("taten finansierade" in s for s in sentences), (stem, sentences)
        assert "Trollhättans stad, Omställning i Trollhättan" in text, stem
    assert where(r"kommunen ordnade 1 000") == []
    assert where(r"Staten och regionen ordnade 1 000") == []


# --- the union ------------------------------------------------------------------------------


def test_each_scenario_names_its_union_and_the_plan_shows_it() -> None:
    card = roles()["facket"]
    assert "IF Metall" not in card.organisation
    assert "avtalsområde" in flat(card.summary) and "Pappers" in flat(card.summary)
    unions = {
        "demo": "GS-facket",
        "bruket-i-norrvik": "Pappers avdelning 14 (Norrvik)",
        "beredskap-i-hedkoping": "IF Metall-klubben på Drivlina",
    }
    for stem, union in unions.items():
        entry = next(e for e in scenario(stem).roles if e.role == "facket")
        assert entry.organisation == union
        session = play(bundled_scenarios_dir() / f"{stem}.yaml")
        organisations = build_synthesis(session, lang="sv", today=EXPORT_DAY).title_page
        assert union in organisations.organisations
        assert "Fackförbundet (t.ex. IF Metall)" not in organisations.organisations
    bruket = scenario_text("bruket-i-norrvik")
    assert "klubbordförande" not in bruket.casefold()
    assert "Unionen, Ledarna och Sveriges Ingenjörer" in bruket
    storsund = scenario_text("batterifabriken-i-storsund")
    assert "IF Metall för arbetarna, Unionen för tjänstemännen" in storsund


def test_hr_and_the_union_face_las_for_the_80_jobs_kept_at_the_mill() -> None:
    rounds = {r.id: r for r in scenario("bruket-i-norrvik").rounds}
    dismissal = next(d for d in rounds["r3"].decisions if d.id == "turordning")
    context = flat(dismissal.context)
    assert "omplaceras" in context and "hela driftsenheten" in context
    assert "kraftvärmeverket och på vedgården" in context
    inject = next(i for i in rounds["r3"].injects if i.id == "r3-vedgarden")
    assert set(inject.to) == {"facket", "foretagets-hr"}
    assert "omplacering" in flat(inject.text) and "turordningen" in flat(inject.text)
    assert "(7 §)" in scenario_text("bruket-i-norrvik")


def test_tsl_and_trr_are_separate_and_tsl_works_through_providers() -> None:
    assert where(r"samordnar TSL:s och TRR:s") == []
    card = texts()["omstallningsradgivare.yaml"]
    assert "två skilda organisationer" in card and "upphandlade leverantörer" in card
    bruket = scenario("bruket-i-norrvik")
    adviser = next(e for e in bruket.roles if e.role == "omstallningsradgivare")
    assert adviser.organisation == "TSL"
    assert "upphandlad leverantör" in flat(adviser.briefing)
    assert "egen organisation" in flat(adviser.briefing)


# --- the terms officials use ----------------------------------------------------------------

TERMS: list[tuple[str, str]] = [
    # (wrong, right): the wrong pattern is nowhere, the right one somewhere.
    (r"(?<![Uu]pp)[Ss]tartgrupp", r"uppstartsgrupp"),
    (r"\b(studie)?intyg\b", r"\byttrande\b"),
    (r"\butlåtande\b", r"\byttrande\b"),
    (r"förankras med\b|Förankra beslutet ”\{option\}” \(\{question\}\) med\b", r"förankras hos"),
    (r"[Mm]atchmässa|[Mm]atchmöte", r"[Mm]atchningsträff"),
    (r"\bVD\b", r"\b[Vv]d\b"),
    (r"[Bb]rukstjänst", r"jobb på bruket"),
    (r"frågor-och-svar", r"en gemensam sida med frågor och svar"),
    (r"chef för region/område", r"Områdeschef på Arbetsförmedlingen"),
]


@pytest.mark.parametrize(("wrong", "right"), TERMS, ids=[right for _, right in TERMS])
def test_terms_officials_use(wrong: str, right: str) -> None:
    assert where(wrong, setting=False) == []
    assert where(right), right


def test_trust_is_an_index_not_a_percentage() -> None:
    for stem in STEMS:
        for indicator in scenario(stem).indicators:
            if indicator.id in {"fortroende", "risk"}:
                assert indicator.unit == "index 0–100", (stem, indicator.id)
    for kind in ("varsel", "etablering"):
        assert 'unit: "%"' not in render("x", kind, 2026, "x.yaml")
