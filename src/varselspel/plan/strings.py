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
    "figure.supplier_jobs": {
        "sv": "Jobb hos de listade underleverantörerna",
        "en": "Jobs at the listed suppliers",
    },
    "figure.other_indirect_jobs": {
        "sv": "Indirekta jobb hos andra lokala företag",
        "en": "Indirect jobs at other local firms",
    },
    "figure.indirect_jobs": {
        "sv": "Indirekta jobb i leverantörskedjan",
        "en": "Indirect supplier-chain jobs",
    },
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
    "figure.new_jobs": {"sv": "Nya jobb på orten", "en": "New local jobs"},
    "figure.unemployment_change": {
        "sv": "Förändring av antalet arbetslösa efter 12 månader",
        "en": "Change in the unemployed after 12 months",
    },
    "figure.registered_unemployed": {
        "sv": "Väntas skriva in sig som arbetslösa",
        "en": "Expected to register as unemployed",
    },
    "figure.households_moving": {
        "sv": "Hushåll som kan flytta",
        "en": "Households that may move away",
    },
    "figure.population_change": {
        "sv": "Förändring av antalet invånare",
        "en": "Change in inhabitants",
    },
    "figure.revenue_change_per_year": {
        "sv": "Förändrade intäkter från skatt och utjämning",
        "en": "Change in revenue from tax and utjämning",
    },
    "figure.tax_base_change_per_year": {
        "sv": "Förändrad egen kommunalskatt före utjämning",
        "en": "Change in own municipal tax before utjämning",
    },
    # Etablering impact
    "figure.construction_peak": {
        "sv": "Byggarbetare vid topp",
        "en": "Construction workers at peak",
    },
    "figure.construction_residents": {
        "sv": "Byggarbetare som folkbokför sig",
        "en": "Construction workers registering as residents",
    },
    "figure.temporary_housing": {
        "sv": "Tillfälliga bäddar som behövs",
        "en": "Temporary beds needed",
    },
    "figure.permanent_jobs": {"sv": "Permanenta jobb", "en": "Permanent jobs"},
    "figure.in_mover_workers": {
        "sv": "Jobb som fylls av inflyttare",
        "en": "Jobs filled by in-movers",
    },
    "figure.in_movers": {"sv": "Inflyttade personer", "en": "Persons moving in"},
    "figure.commuting_in": {
        "sv": "Jobb som fylls av inpendlare",
        "en": "Jobs filled by in-commuters",
    },
    "figure.resident_jobs": {
        "sv": "Jobb till dem som redan bor i kommunen",
        "en": "Jobs filled by current residents",
    },
    "figure.housing_units": {"sv": "Bostäder som behövs", "en": "Homes needed"},
    "figure.preschool_places": {
        "sv": "Förskoleplatser som behövs",
        "en": "Preschool places needed",
    },
    "figure.school_places": {"sv": "Skolplatser som behövs", "en": "School places needed"},
    "figure.construction_revenue_per_year": {
        "sv": "Intäkter från folkbokförda byggarbetare under byggtiden",
        "en": "Revenue from registered construction workers during the build",
    },
    # How the consequence model computed the figures
    "note.varsel.jobs": {
        "sv": "Indirekta jobb är jobb i leverantörskedjan, inte inducerade jobb: {suppliers} hos "
        "de listade underleverantörerna (deras {listed} jobb som hänger på företaget × de "
        "{stopped} % av företaget som varslas) och {others} hos andra lokala företag "
        "({multiplier} per varslad – ett antagande).",
        "en": "Indirect jobs are supplier-chain jobs, not induced jobs: {suppliers} at the "
        "listed suppliers (their {listed} jobs that depend on the company × the {stopped} % of "
        "the company given notice) and {others} at other local firms ({multiplier} per "
        "notified employee – an assumption).",
    },
    "note.varsel.unemployment": {
        "sv": "Av {losing} invånare som förlorar jobbet väntas {left} vara utan arbete eller "
        "studier efter 12 månader ({reemployed} % i arbete eller studier). Av {new_jobs} nya "
        "jobb på orten går {taken} till invånare utan arbete, så antalet arbetslösa i kommunen "
        "förändras med {change}.",
        "en": "Of {losing} residents losing their job, {left} are expected to be without work "
        "or studies after 12 months ({reemployed} % in work or studies). Of {new_jobs} new "
        "local jobs, {taken} go to residents without work, so the number of unemployed "
        "residents changes by {change}.",
    },
    "note.varsel.revenue": {
        "sv": "Kommunens intäkter följer befolkningen mer än inkomsterna: {households} hushåll "
        "flyttar ({people} invånare) × {per_inhabitant} kr i skatt och utjämning per invånare "
        "ger {revenue} MSEK per år. Före utjämning skulle kommunens egen skatt på "
        "invånarnas inkomster förändras med {tax_base} MSEK per år (kommunens del {own_rate} % av "
        "kommunalskatten {total_rate} %; resten går till regionen). Inkomstutjämningen väger "
        "upp det mesta av den förändringen, medan varje invånare som flyttar tar med sig hela "
        "intäkten per invånare.",
        "en": "The municipality's revenue follows its population more than its residents' "
        "incomes: {households} households move away ({people} inhabitants) × SEK "
        "{per_inhabitant} in tax and utjämning per inhabitant gives {revenue} MSEK a year. "
        "Before utjämning, the municipality's own tax on its residents' incomes would change by "
        "{tax_base} MSEK a year (its {own_rate} % of the {total_rate} % kommunalskatt; the rest "
        "goes to the region). The income equalisation offsets most of that change, while each "
        "inhabitant who moves away takes the whole revenue per inhabitant along.",
    },
    "note.etablering.jobs": {
        "sv": "Indirekta jobb är jobb i leverantörskedjan, inte inducerade jobb: {suppliers} hos "
        "de listade underleverantörerna (anställda × andel av omsättningen från företaget) och "
        "{others} hos andra lokala företag ({multiplier} per fast jobb – ett antagande). Av "
        "{total} jobb går {in_movers} till inflyttare, {commuters} till inpendlare och "
        "{residents} ({share} %) till dem som redan bor i kommunen.",
        "en": "Indirect jobs are supplier-chain jobs, not induced jobs: {suppliers} at the "
        "listed suppliers (employees × share of turnover from the company) and {others} at "
        "other local firms ({multiplier} per permanent job – an assumption). Of {total} jobs, "
        "{in_movers} go to in-movers, {commuters} to in-commuters and {residents} ({share} %) "
        "to people who already live in the municipality.",
    },
    "note.etablering.construction": {
        "sv": "Av {peak} byggarbetare vid byggtoppen väntas {registered} folkbokföra sig och "
        "räknas som invånare; de övriga {beds} behöver tillfälliga bäddar och betalar inte "
        "skatt i kommunen.",
        "en": "Of {peak} construction workers at the peak, {registered} are expected to "
        "register as residents and count as inhabitants; the other {beds} need temporary beds "
        "and pay no tax in the municipality.",
    },
    "note.etablering.revenue": {
        "sv": "Kommunens intäkter följer befolkningen mer än inkomsterna: {people} inflyttade × "
        "{per_inhabitant} kr i skatt och utjämning per invånare ger {revenue} MSEK per år vid "
        "full produktion; under byggtiden ger de {registered} byggarbetare som folkbokför sig "
        "{construction} MSEK per år. Före utjämning skulle de nya jobb som invånarna har ge "
        "{tax_base} MSEK per år i kommunens egen skatt (kommunens del {own_rate} % av "
        "kommunalskatten {total_rate} %). Inkomstutjämningen tar ut det mesta av den ökningen, "
        "medan varje ny invånare ger hela intäkten per invånare.",
        "en": "The municipality's revenue follows its population more than its residents' "
        "incomes: {people} in-movers × SEK {per_inhabitant} in tax and utjämning per "
        "inhabitant gives {revenue} MSEK a year at full production; during the build the "
        "{registered} construction workers who register give {construction} MSEK a year. "
        "Before utjämning, the new jobs held by residents would give {tax_base} MSEK a year in the "
        "municipality's own tax (its {own_rate} % of the {total_rate} % kommunalskatt). The "
        "income equalisation takes most of that rise, while each new inhabitant brings the "
        "whole revenue per inhabitant.",
    },
    # Units
    "unit.persons": {"sv": "personer", "en": "persons"},
    "unit.jobs": {"sv": "jobb", "en": "jobs"},
    "unit.households": {"sv": "hushåll", "en": "households"},
    "unit.places": {"sv": "platser", "en": "places"},
    "unit.beds": {"sv": "bäddar", "en": "beds"},
    "unit.homes": {"sv": "bostäder", "en": "homes"},
    "unit.msek_per_year": {"sv": "MSEK per år", "en": "MSEK per year"},
    "unit.percent": {"sv": "%", "en": "%"},
    # How an action fits the financing it names (plan/fit.py)
    "fit.too_late": {
        "sv": "{source} kan betala ut tidigast cirka vecka {arrives} ({weeks} veckor efter "
        "beslutet att söka), men åtgärden ska vara klar vecka {due}: räkna med annan finansiering "
        "eller att någon ligger ute med pengarna.",
        "en": "{source} can pay out in about week {arrives} at the earliest ({weeks} weeks after "
        "deciding to apply), but the action is due in week {due}: count on other money, or on "
        "someone paying in advance.",
    },
    "fit.prefinance": {
        "sv": "Åtgärden börjar vecka {begins} men {source} kan betala ut tidigast cirka vecka "
        "{arrives}: någon måste ligga ute med pengarna till dess.",
        "en": "The action starts in week {begins} but {source} can pay out in about week {arrives} "
        "at the earliest: someone must pay in advance until then.",
    },
    "fit.theme": {
        "sv": "{source} betalar inte för åtgärder inom ”{theme}”, bara inom: {allowed}.",
        "en": "{source} does not pay for actions under “{theme}”, only under: {allowed}.",
    },
    "fit.share": {
        "sv": "{source} betalar högst {covers} av kostnaden, men åtgärden räknar med {share}.",
        "en": "{source} pays at most {covers} of the cost, but the action counts on {share}.",
    },
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
