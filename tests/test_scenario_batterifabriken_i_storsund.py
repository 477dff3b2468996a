"""The bundled etablering scenario `batterifabriken-i-storsund` branches on the groups' choices."""

from __future__ import annotations

import pytest

from varselspel.engine import (
    AssignRole,
    ChooseOption,
    CloseRound,
    ReleaseInject,
    Session,
    StartRound,
    StartSession,
)
from varselspel.loader import load_bundle
from varselspel.plan import build_group_plan
from varselspel.resources import bundled_scenarios_dir

SCENARIO = bundled_scenarios_dir() / "batterifabriken-i-storsund.yaml"

# A group that follows the establishment guide: coordinate, tie investments to milestones,
# spread the suppliers' risk and prepare for the downside.
CAREFUL = {
    "r1.ledning": "regional-koordinator",
    "r1.erbjudande": "villkorat",
    "r1.media": "bekrafta-kontakt",
    "r2.statlig-samordning": "tidigt-samrad",
    "r4.rekrytering": "rekryteringstraffar",
    "r2.planarbete": "parallellt",
    "r2.elanslutning": "etappvis",
    "r3.bostader": "etappvis-med-villkor",
    "r3.forskola": "paviljonger-och-nybygge",
    "r3.arbetarboende": "arbetarby",
    "r4.kompetens": "yh-och-vux",
    "r4.pendling": "skiftbussar",
    "r4.lokala-jobb": "lokal-rekrytering",
    "r5.leverantorer": "program-med-spridning",
    "r5.inflyttning": "welcome-house",
    "r5.eftervard": "eftervard-med-beredskap",
    "r6.varsel": "oppet-varsel",
    "r6.expansion": "pausa-nasta-etapp",
    "r6.matchning": "riktad-matchning",
    "r7.malbild": "industripark",
    "r7.egf": "soka-egf",
    "r7.kapacitet": "slapp-till-kon",
}

# A group that promises everything, builds ahead, bets the suppliers on one customer and waits.
RISKY = {
    "r1.ledning": "foretaget-driver",
    "r1.erbjudande": "maximalt",
    "r1.media": "inga-kommentarer",
    "r2.statlig-samordning": "ordinarie-remiss",
    "r4.rekrytering": "ordinarie-matchning",
    "r2.planarbete": "ordinarie",
    "r2.elanslutning": "ko-ordning",
    "r3.bostader": "bygga-i-forskott",
    "r3.forskola": "fylla-befintliga",
    "r3.arbetarboende": "sprida-ut",
    "r4.kompetens": "foretaget-utbildar",
    "r4.pendling": "lansplan",
    "r4.lokala-jobb": "acceptera",
    "r5.leverantorer": "program-fullt-fokus",
    "r5.inflyttning": "webbportal",
    "r5.eftervard": "ingen-eftervard",
    "r6.varsel": "avvakta-varsel",
    "r6.expansion": "fullfolja",
    "r6.matchning": "ordinarie-insatser",
    "r7.malbild": "vanta-pa-fabriken",
    "r7.egf": "avvakta-egf",
    "r7.kapacitet": "behall-reservationen",
}


@pytest.fixture(scope="module")
def bundle():  # type: ignore[no-untyped-def]
    """The scenario bundle with the bundled role library."""
    result = load_bundle(SCENARIO)
    assert result.bundle is not None, [str(d) for d in result.diagnostics]
    return result.bundle


def _play(bundle, picks: dict[str, str], seed: int = 1) -> tuple[Session, str]:  # type: ignore[no-untyped-def]
    """Play one group through every round with the given choices."""
    session = Session.create(bundle, ["Grupp"], seed=seed)
    group = next(iter(session.state.groups))
    for entry in bundle.scenario.roles:
        assert session.execute(AssignRole(group=group, role=entry.role)).ok
    assert session.execute(StartSession()).ok
    for _ in bundle.scenario.rounds:
        assert session.execute(StartRound()).ok
        while session.pending_injects(group):
            assert session.execute(ReleaseInject()).ok
        for view in session.decisions_for(group):
            command = ChooseOption(
                group=group,
                decision=view.key,
                option=picks[view.key],
                agreed_roles=list(view.owners),
            )
            result = session.execute(command, actor=group)
            assert result.ok, (view.key, result.reason)
        assert session.execute(CloseRound()).ok
    return session, group


def _delivered(session: Session, group: str) -> set[str]:
    """Return the ids of the injects that reached the group."""
    return {d.inject for d in session.state.groups[group].injects if d.delivered}


def test_careful_group_meets_the_twist_prepared(bundle) -> None:  # type: ignore[no-untyped-def]
    """Preparation in early rounds shows up as the good variants of the twist's injects."""
    session, group = _play(bundle, CAREFUL)
    got = _delivered(session, group)
    expected = {
        "r2-styrgrupp",
        "r2-kommunikationsplan",
        "r3-samrad-klart",
        "r3-avsiktsforklaring",
        "r6-af-kanner",
        "r6-kommunikation-klar",
        "r4-etapp-utlost",
        "r6-beredskap",
        "r6-forvarning",
        "r6-bostader-villkor",
        "r6-leverantorer-spridda",
        "r7-tillstand-ny-jobb",
        "r7-welcome-house",
        "r7-yh-breddas",
        "r7-intresse-el",
        "r5-lokal-rekrytering",
    }
    assert expected <= got, expected - got
    unexpected = {
        "r5-intern-rekrytering",
        "r2-overlovat",
        "r6-ingen-beredskap",
        "r7-tomma-lagenheter",
        "r7-sent-varsel",
    }
    assert not unexpected & got


def test_risky_group_pays_for_its_choices_later(bundle) -> None:  # type: ignore[no-untyped-def]
    """Promises, building ahead and waiting come back as injects in later rounds."""
    session, group = _play(bundle, RISKY)
    got = _delivered(session, group)
    expected = {
        "r2-overlovat",
        "r2-motstridiga-svar",
        "r2-tystnad",
        "r3-granskning-forsenad",
        "r3-planforsening",
        "r3-elbrist",
        "r4-platsbrist",
        "r5-intern-rekrytering",
        "r6-leverantorer-hart",
        "r6-forskott-tomt",
        "r6-ingen-beredskap",
        "r7-sent-varsel",
        "r7-tillstand-lamnade",
        "r7-tomma-lagenheter",
        "r7-leverantorer-konkurs",
        "r7-lite-el",
    }
    assert expected <= got, expected - got
    assert not {"r6-beredskap", "r6-af-kanner", "r7-welcome-house", "r7-intresse-el"} & got


def test_choices_move_risk_and_trust_apart(bundle) -> None:  # type: ignore[no-untyped-def]
    """The careful group ends with lower risk and higher trust than the risky one."""
    careful, g1 = _play(bundle, CAREFUL)
    risky, g2 = _play(bundle, RISKY)
    good = careful.state.groups[g1].indicators
    bad = risky.state.groups[g2].indicators
    assert good["risk"] < bad["risk"]
    assert good["fortroende"] > bad["fortroende"]
    assert good["arbetslosa"] < bad["arbetslosa"]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_twist_ends_with_a_new_owner_or_a_reconstruction(bundle, seed: int) -> None:  # type: ignore[no-untyped-def]
    """Exactly one of the two outcomes reaches the group, and the model's jobs follow it."""
    session, group = _play(bundle, CAREFUL, seed=seed)
    got = _delivered(session, group)
    assert len({"r7-ny-agare", "r7-rekonstruktion"} & got) == 1
    jobs = session.state.groups[group].model["affected"]
    assert jobs == (500 if "r7-ny-agare" in got else 350)


def test_careful_plan_covers_every_theme(bundle) -> None:  # type: ignore[no-untyped-def]
    """The careful group's action plan has actions under every theme the scenario defines."""
    session, group = _play(bundle, CAREFUL)
    plan = build_group_plan(session, group, lang="sv")
    themes = {action.theme for action in plan.actions}
    wanted = {theme.title for theme in bundle.scenario.action_plan.themes}
    assert wanted <= themes, wanted - themes
