"""The consequence model's part of the lägesbild: its figures and how they were computed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from varselspel.engine.impact import EtableringImpact, VarselImpact, listed_supplier_jobs
from varselspel.i18n import tr
from varselspel.plan.model import Figure
from varselspel.plan.strings import STRINGS

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.model import Setting

UNITS: dict[str, str] = {
    "direct_jobs": "jobs",
    "supplier_jobs": "jobs",
    "other_indirect_jobs": "jobs",
    "indirect_jobs": "jobs",
    "total_jobs": "jobs",
    "permanent_jobs": "jobs",
    "in_mover_workers": "jobs",
    "commuting_in": "jobs",
    "resident_jobs": "jobs",
    "new_jobs": "jobs",
    "households_moving": "households",
    "housing_units": "homes",
    "temporary_housing": "beds",
    "preschool_places": "places",
    "school_places": "places",
}
"""Unit of each figure of the consequence model; people when not listed, MSEK for money."""


def _is_money(name: str) -> bool:
    """Return True for a money figure (SEK per year)."""
    return name.endswith("_per_year")


def impact_figures(
    session: Session, group_id: str, lang: str, group_label: str = ""
) -> list[Figure]:
    """Return the consequence model's figures for a group: people whole, money in MSEK."""
    values: dict[str, Any] = session.impact(group_id).model_dump()
    hidden = _hidden(session, group_id)
    figures: list[Figure] = []
    for name, value in values.items():
        if isinstance(value, dict):
            items = [(f"{name}_{k}", v) for k, v in value.items()]
        elif isinstance(value, int | float) and not isinstance(value, bool):
            items = [(name, value)]
        else:
            continue
        for fid, raw in items:
            if fid in hidden:
                continue
            label_key = f"figure.{fid}"
            label = tr(STRINGS, label_key, lang)
            money = _is_money(name)
            unit = "msek_per_year" if money else UNITS.get(name, "persons")
            figures.append(
                Figure(
                    id=fid,
                    label=fid if label == label_key else label,
                    value=round(float(raw) / 1e6, 1) if money else round(float(raw)),
                    unit=tr(STRINGS, f"unit.{unit}", lang),
                    group=group_label,
                )
            )
    return figures


def _hidden(session: Session, group_id: str) -> frozenset[str]:
    """Return the figures `setting.reveal` still hides from the group at the end of its game."""
    revealed = session.state.groups[group_id].revealed_figures
    return session.index.hidden_figures.difference(revealed)


NOTE_FIGURES: dict[str, tuple[str, ...]] = {
    "note.varsel.jobs": ("supplier_jobs", "other_indirect_jobs"),
    "note.varsel.unemployment": (
        "dismissed_residents",
        "unemployed_12",
        "new_jobs",
        "unemployment_change",
    ),
    "note.varsel.revenue": (
        "households_moving",
        "population_change",
        "revenue_change_per_year",
        "tax_base_change_per_year",
    ),
    "note.etablering.jobs": (
        "supplier_jobs",
        "other_indirect_jobs",
        "total_jobs",
        "in_mover_workers",
        "commuting_in",
        "resident_jobs",
    ),
    "note.etablering.construction": (
        "construction_peak",
        "construction_residents",
        "temporary_housing",
    ),
    "note.etablering.revenue": (
        "in_movers",
        "revenue_change_per_year",
        "construction_residents",
        "construction_revenue_per_year",
        "tax_base_change_per_year",
    ),
}
"""The figures each note states; a note is left out while any of them is hidden."""


def _num(value: float, lang: str, decimals: int = 0) -> str:
    """Write a number for a sentence: thousands grouped, decimal comma in Swedish, minus sign."""
    rounded = round(value, decimals)
    text = f"{abs(rounded):,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", " ").replace(".", ",")
    return ("−" if rounded < 0 else "") + text


def _signed(value: float, lang: str, decimals: int = 0) -> str:
    """Write a change with its sign: +102, −67, 0."""
    text = _num(value, lang, decimals)
    return "+" + text if round(value, decimals) > 0 else text


def _msek(value: int, lang: str) -> str:
    """Write a change in SEK as MSEK with one decimal and its sign."""
    return _signed(value / 1e6, lang, 1)


def _short(value: float, lang: str) -> str:
    """Write a number with at most two decimals and no trailing zeros: 0,4; 22,2; 33,45."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "sv" else text


def _pct(share: float, lang: str) -> str:
    """Write a share as a percentage: 0.222 → 22,2."""
    return _short(share * 100, lang)


def _varsel_notes(
    impact: VarselImpact, setting: Setting, model: dict[str, float], lang: str
) -> list[str]:
    m = setting.municipality
    affected = model.get("affected", 0.0)
    employees = model.get("employees", 0.0)
    stopped = min(1.0, affected / employees) if employees > 0 else 1.0
    taken = impact.new_jobs * model.get("new_jobs_local_share", 0.5)
    return [
        tr(
            STRINGS,
            "note.varsel.jobs",
            lang,
            suppliers=_num(impact.supplier_jobs, lang),
            listed=_num(listed_supplier_jobs(setting), lang),
            stopped=_num(stopped * 100, lang),
            others=_num(impact.other_indirect_jobs, lang),
            multiplier=_short(model.get("local_multiplier", 0.5), lang),
        ),
        tr(
            STRINGS,
            "note.varsel.unemployment",
            lang,
            losing=_num(impact.dismissed_residents, lang),
            left=_num(impact.unemployed[12], lang),
            reemployed=_num(model.get("reemployed_12m", 0.85) * 100, lang),
            new_jobs=_num(impact.new_jobs, lang),
            taken=_num(taken, lang),
            change=_signed(impact.unemployment_change, lang),
        ),
        tr(
            STRINGS,
            "note.varsel.revenue",
            lang,
            households=_num(impact.households_moving, lang),
            people=_signed(impact.population_change, lang),
            per_inhabitant=_num(m.revenue_per_inhabitant, lang),
            revenue=_msek(impact.revenue_change_per_year, lang),
            tax_base=_msek(impact.tax_base_change_per_year, lang),
            own_rate=_pct(m.municipal_tax_rate, lang),
            total_rate=_pct(m.tax_rate, lang),
        ),
    ]


def _etablering_notes(
    impact: EtableringImpact, setting: Setting, model: dict[str, float], lang: str
) -> list[str]:
    m = setting.municipality
    share = impact.resident_jobs / impact.total_jobs if impact.total_jobs else 0.0
    return [
        tr(
            STRINGS,
            "note.etablering.jobs",
            lang,
            suppliers=_num(impact.supplier_jobs, lang),
            others=_num(impact.other_indirect_jobs, lang),
            multiplier=_short(model.get("local_multiplier", 0.5), lang),
            total=_num(impact.total_jobs, lang),
            in_movers=_num(impact.in_mover_workers, lang),
            commuters=_num(impact.commuting_in, lang),
            residents=_num(impact.resident_jobs, lang),
            share=_num(share * 100, lang),
        ),
        tr(
            STRINGS,
            "note.etablering.construction",
            lang,
            peak=_num(impact.construction_peak, lang),
            registered=_num(impact.construction_residents, lang),
            beds=_num(impact.temporary_housing, lang),
        ),
        tr(
            STRINGS,
            "note.etablering.revenue",
            lang,
            people=_num(impact.in_movers, lang),
            per_inhabitant=_num(m.revenue_per_inhabitant, lang),
            revenue=_msek(impact.revenue_change_per_year, lang),
            registered=_num(impact.construction_residents, lang),
            construction=_msek(impact.construction_revenue_per_year, lang),
            tax_base=_msek(impact.tax_base_change_per_year, lang),
            own_rate=_pct(m.municipal_tax_rate, lang),
            total_rate=_pct(m.tax_rate, lang),
        ),
    ]


def impact_notes(session: Session, group_id: str, lang: str) -> list[str]:
    """Return sentences that say how the group's key figures were computed, with the numbers."""
    impact = session.impact(group_id)
    setting = session.scenario.setting
    model = dict(session.state.groups[group_id].model)
    if isinstance(impact, VarselImpact):
        keys = ("note.varsel.jobs", "note.varsel.unemployment", "note.varsel.revenue")
        notes = _varsel_notes(impact, setting, model, lang)
    elif isinstance(impact, EtableringImpact):
        keys = ("note.etablering.jobs", "note.etablering.construction", "note.etablering.revenue")
        notes = _etablering_notes(impact, setting, model, lang)
    else:
        return []
    hidden = _hidden(session, group_id)
    return [
        note
        for key, note in zip(keys, notes, strict=True)
        if not hidden.intersection(NOTE_FIGURES[key])
    ]
