"""The phases of Tillväxtverket's method material that a round can be labelled with."""

from __future__ import annotations

from enum import StrEnum

from varselspel.i18n import tr
from varselspel.model.strings import STRINGS


class Guide(StrEnum):
    """The Tillväxtverket guide a phase comes from."""

    OMSTALLNING = "omstallningsguiden"
    """Omställningsguiden, for a varsel or closure: five phases."""
    ETABLERING = "etableringsguiden"
    """The guide for large establishments: four steps."""


class Phase(StrEnum):
    """A phase of Omställningsguiden or a step of the guide for large establishments."""

    FORBERED = "forbered"
    """Omställningsguiden 1: start group with decision mandate, decision routes, media."""
    ANALYSERA = "analysera"
    """Omställningsguiden 2: business base, labour market and skills, funding."""
    PLANERA = "planera"
    """Omställningsguiden 3: steering group adopts an implementation and communication plan."""
    GENOMFOR = "genomfor"
    """Omställningsguiden 4: individual measures, renewal of the business base, the site."""
    FOLJ_UPP = "folj-upp"
    """Omställningsguiden 5: follow-up, dependence on large employers."""
    SAMORDNA = "samordna"
    """Establishment guide: a coordinator convenes a steering group, who does what, target picture."""
    FORUTSATTNINGAR = "forutsattningar"
    """Establishment guide: the main obstacles, zoned land, power, housing and skills."""
    LEVERANTORER = "leverantorer"
    """Establishment guide: plan for local suppliers."""
    EFTERVARD = "eftervard"
    """Establishment guide: aftercare of the investment."""


OMSTALLNING_PHASES: tuple[Phase, ...] = (
    Phase.FORBERED,
    Phase.ANALYSERA,
    Phase.PLANERA,
    Phase.GENOMFOR,
    Phase.FOLJ_UPP,
)
"""Omställningsguiden's five phases, in order."""

ETABLERING_STEPS: tuple[Phase, ...] = (
    Phase.SAMORDNA,
    Phase.FORUTSATTNINGAR,
    Phase.LEVERANTORER,
    Phase.EFTERVARD,
)
"""The establishment guide's steps, in order."""


def guide_of(phase: Phase) -> Guide:
    """Return the guide a phase belongs to."""
    return Guide.OMSTALLNING if phase in OMSTALLNING_PHASES else Guide.ETABLERING


def phase_number(phase: Phase) -> int:
    """Return the phase's 1-based place in its own guide."""
    steps = OMSTALLNING_PHASES if guide_of(phase) is Guide.OMSTALLNING else ETABLERING_STEPS
    return steps.index(phase) + 1


def phase_label(phase: Phase | str, lang: str | None = None) -> str:
    """Return a phase's name in the UI language, e.g. `Planera och förankra`."""
    return tr(STRINGS, f"phase.{Phase(phase).value}", lang)


def guide_label(guide: Guide | str, lang: str | None = None) -> str:
    """Return a guide's name in the UI language, e.g. `Omställningsguiden`."""
    return tr(STRINGS, f"guide.{Guide(guide).value}", lang)
