"""Labels the plan builder writes into a plan (figures, generated next steps), in sv and en."""

from __future__ import annotations

from varselspel.i18n import Catalog

STRINGS: Catalog = {
    # Figures of the setting
    "figure.population": {"sv": "Invånare i kommunen", "en": "Residents of the municipality"},
    "figure.employed": {"sv": "Sysselsatta invånare", "en": "Employed residents"},
    "figure.unemployment_rate": {
        "sv": "Arbetslöshet före scenariot",
        "en": "Unemployment before the scenario",
    },
    "figure.region_population": {"sv": "Invånare i regionen", "en": "Residents of the region"},
    "figure.company_employees": {"sv": "Anställda på företaget", "en": "Employees of the company"},
    "figure.supplier_employees": {
        "sv": "Anställda hos lokala underleverantörer",
        "en": "Employees of local suppliers",
    },
    # Varsel impact
    "figure.direct_jobs": {"sv": "Varslade (direkta jobb)", "en": "Given notice (direct jobs)"},
    "figure.indirect_jobs": {"sv": "Indirekta lokala jobb", "en": "Indirect local jobs"},
    "figure.total_jobs": {"sv": "Jobb totalt", "en": "Jobs in total"},
    "figure.affected_residents": {
        "sv": "Varslade som bor i kommunen",
        "en": "Notified employees living in the municipality",
    },
    "figure.expected_dismissed": {"sv": "Väntas bli uppsagda", "en": "Expected to be dismissed"},
    "figure.dismissed_residents": {
        "sv": "Invånare som förlorar jobbet",
        "en": "Residents losing their job",
    },
    "figure.unemployed_0": {
        "sv": "Utan arbete vid uppsägningen",
        "en": "Without work at dismissal",
    },
    "figure.unemployed_6": {
        "sv": "Utan arbete efter 6 månader",
        "en": "Without work after 6 months",
    },
    "figure.unemployed_12": {
        "sv": "Utan arbete efter 12 månader",
        "en": "Without work after 12 months",
    },
    "figure.registered_unemployed": {
        "sv": "Väntas skriva in sig som arbetslösa",
        "en": "Expected to register as unemployed",
    },
    "figure.lost_tax_per_year": {
        "sv": "Förlorade skatteintäkter per år",
        "en": "Lost tax revenue per year",
    },
    "figure.households_moving": {
        "sv": "Hushåll som kan flytta",
        "en": "Households that may move away",
    },
    "figure.population_risk": {
        "sv": "Invånare som kan flytta",
        "en": "Residents who may move away",
    },
    # Etablering impact
    "figure.construction_peak": {
        "sv": "Byggarbetare vid topp",
        "en": "Construction workers at peak",
    },
    "figure.construction_residents": {
        "sv": "Byggarbetare som skriver sig",
        "en": "Construction workers registering",
    },
    "figure.permanent_jobs": {"sv": "Permanenta jobb", "en": "Permanent jobs"},
    "figure.in_mover_workers": {
        "sv": "Jobb som fylls av inflyttare",
        "en": "Jobs filled by in-movers",
    },
    "figure.in_movers": {"sv": "Inflyttade personer", "en": "Persons moving in"},
    "figure.housing_units": {"sv": "Bostäder som behövs", "en": "Homes needed"},
    "figure.temporary_housing": {"sv": "Tillfälliga boendeplatser", "en": "Temporary beds"},
    "figure.preschool_places": {
        "sv": "Förskoleplatser som behövs",
        "en": "Preschool places needed",
    },
    "figure.school_places": {"sv": "Skolplatser som behövs", "en": "School places needed"},
    "figure.tax_gain_per_year": {
        "sv": "Ökade skatteintäkter per år",
        "en": "Extra tax revenue per year",
    },
    "figure.commuting_in": {
        "sv": "Jobb som fylls av inpendlare",
        "en": "Jobs filled by in-commuters",
    },
    # Units
    "unit.persons": {"sv": "personer", "en": "persons"},
    "unit.jobs": {"sv": "jobb", "en": "jobs"},
    "unit.households": {"sv": "hushåll", "en": "households"},
    "unit.places": {"sv": "platser", "en": "places"},
    "unit.homes": {"sv": "bostäder", "en": "homes"},
    "unit.sek": {"sv": "kr", "en": "SEK"},
    "unit.percent": {"sv": "%", "en": "%"},
    # Generated next steps
    "next.anchor": {
        "sv": "Förankra beslutet ”{option}” ({question}) hos {roles}.",
        "en": "Anchor the decision “{option}” ({question}) with {roles}.",
    },
    "next.anchor_unknown": {
        "sv": "Förankra beslutet ”{option}” ({question}) hos den som har mandatet.",
        "en": "Anchor the decision “{option}” ({question}) with whoever holds the mandate.",
    },
    "and": {"sv": "och", "en": "and"},
}

GOAL_PREFIXES: tuple[str, ...] = ("mål:", "goal:")
"""A group note that starts with one of these (any case) is one of the group's own goals."""
