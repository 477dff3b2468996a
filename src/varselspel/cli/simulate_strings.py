"""Messages of the `simulate` command, in Swedish and English."""

from __future__ import annotations

from varselspel.i18n import Catalog

STRINGS: Catalog = {
    "simulate.help": {
        "sv": "spela ett scenario automatiskt och rapportera hur ofta varje del nås",
        "en": "play a scenario automatically and report how often each part is reached",
    },
    "simulate.scenario": {
        "sv": "scenariofil, eller namnet på ett medföljande scenario",
        "en": "scenario file, or the name of a bundled scenario",
    },
    "simulate.runs": {
        "sv": "antal spel (standard 1000); har scenariot högst så många vägar spelas alla",
        "en": "number of runs (default 1000); a scenario with at most that many paths plays them all",
    },
    "simulate.seed": {"sv": "slumpfrö (standard 0)", "en": "random seed (default 0)"},
    "simulate.time_limit": {
        "sv": "tidsgräns i sekunder för själva simuleringen (standard 5)",
        "en": "time limit in seconds for the simulation itself (default 5)",
    },
    "simulate.format": {
        "sv": "utdata: text (standard) eller json",
        "en": "output: text (default) or json",
    },
    "simulate.bad_runs": {
        "sv": "--runs måste vara mellan 1 och 1 000 000.",
        "en": "--runs must be between 1 and 1,000,000.",
    },
    "simulate.bad_time_limit": {
        "sv": "--time-limit måste vara ett antal sekunder större än 0 (högst 86 400).",
        "en": "--time-limit must be a number of seconds above 0 (at most 86,400).",
    },
    "simulate.not_found": {
        "sv": "Hittar inget scenario '{name}'. Ange en fil eller ett av: {choices}.",
        "en": "No scenario '{name}' found. Give a file or one of: {choices}.",
    },
    "simulate.is_folder": {
        "sv": "'{name}' är en mapp; ange en scenariofil (.yaml) eller namnet på ett medföljande scenario.",
        "en": "'{name}' is a folder; give a scenario file (.yaml) or the name of a bundled scenario.",
    },
    "simulate.is_role": {
        "sv": "{name} är ett rollkort, inte ett scenario; ange scenariofilen som använder rollen.",
        "en": "{name} is a role card, not a scenario; give the scenario file that uses the role.",
    },
    "severity.error": {"sv": "fel", "en": "error"},
    "simulate.invalid": {
        "sv": "Scenariot har fel; kör `varselspel validate {path}` först.",
        "en": "The scenario has errors; run `varselspel validate {path}` first.",
    },
    "simulate.title": {
        "sv": "Simulering av {scenario} (frö {seed})",
        "en": "Simulation of {scenario} (seed {seed})",
    },
    "simulate.mode.all_paths": {
        "sv": "Alla vägar genom scenariot spelades, var och en en gång: {runs} {path_word}. Andelarna nedan är andelar av vägarna, inte vägda efter hur troligt det är att en grupp väljer dem.",
        "en": "Every path through the scenario was played once: {runs} {path_word}. The shares below are shares of the paths, not weighted by how likely a group is to choose them.",
    },
    "simulate.mode.sampled": {
        "sv": "{runs} slumpade spel ({reason}), där gruppen väljer slumpvis bland de alternativ som finns. Andelarna nedan är andelar av spelen; det som aldrig nåddes kan ändå gå att nå.",
        "en": "{runs} random {run_word} ({reason}), in which the group chooses at random among the available options. The shares below are shares of the runs; what was never reached may still be reachable.",
    },
    "simulate.reason.chance": {
        "sv": "scenariot använder chans()",
        "en": "the scenario uses chans()",
    },
    "simulate.reason.paths": {
        "sv": "fler än {runs} vägar",
        "en": "more than {runs} paths",
    },
    "simulate.reason.time": {
        "sv": "vägarna hann inte räknas upp inom halva tidsgränsen",
        "en": "the paths could not be listed within half the time limit",
    },
    "simulate.stopped": {
        "sv": "Tidsgränsen på {limit} s nåddes efter {runs} av {requested} spel; allt nedan bygger bara på dessa {runs}.",
        "en": "The time limit of {limit} s was reached after {runs} of {requested} runs; everything below rests on these {runs} only.",
    },
    "word.path": {"sv": "väg", "en": "path"},
    "word.paths": {"sv": "vägar", "en": "paths"},
    "word.run": {"sv": "spel", "en": "run"},
    "word.runs": {"sv": "spel", "en": "runs"},
    "simulate.rounds": {
        "sv": "Omgångar och händelser (andel där omgången spelas och där händelsen når gruppen):",
        "en": "Rounds and injects (share in which the round is played and the inject reaches the group):",
    },
    "simulate.decisions": {
        "sv": "Beslut och alternativ (andel där beslutet ställs och där alternativet väljs):",
        "en": "Decisions and options (share in which the decision is put and the option chosen):",
    },
    "simulate.flags": {
        "sv": "Flaggor (andel som slutar sanna):",
        "en": "Flags (share that end true):",
    },
    "simulate.delayed": {
        "sv": "Fördröjda effekter (andel där de verkställs):",
        "en": "Delayed effects (share in which they apply):",
    },
    "simulate.revealed": {
        "sv": "Kort och lägesbildssiffror som visas senare (andel där de visats vid slutet):",
        "en": "Cards and lägesbild figures shown later (share in which they were shown by the end):",
    },
    "simulate.roles_held": {
        "sv": "Roller som har_roll frågar efter (andel där gruppen har rollen):",
        "en": "Roles that har_roll asks about (share in which the group holds the role):",
    },
    "simulate.numbers": {
        "sv": "Talbeslut, valda tal (min / kvartil 1 / median / kvartil 3 / max):",
        "en": "Number decisions, numbers chosen (min / quartile 1 / median / quartile 3 / max):",
    },
    "simulate.never.delayed": {"sv": "fördröjda effekter", "en": "delayed effects"},
    "simulate.never.revealed": {"sv": "kort och siffror", "en": "cards and figures"},
    "simulate.dead_ends": {
        "sv": "Återvändsgränder (beslut som ställs utan något alternativ att välja):",
        "en": "Dead ends (decisions put with no option to choose):",
    },
    "simulate.indicators": {
        "sv": "Indikatorer vid slutet (min / kvartil 1 / median / kvartil 3 / max):",
        "en": "Indicators at the end (min / quartile 1 / median / quartile 3 / max):",
    },
    "simulate.never": {
        "sv": "Aldrig nått ({where}):",
        "en": "Never reached ({where}):",
    },
    "simulate.never.all_paths": {"sv": "på någon väg", "en": "on any path"},
    "simulate.never.sampled": {
        "sv": "i något av de {runs} spelen",
        "en": "in any of the {runs} runs",
    },
    "simulate.never.rounds": {"sv": "omgångar", "en": "rounds"},
    "simulate.never.injects": {"sv": "händelser", "en": "injects"},
    "simulate.never.decisions": {"sv": "beslut", "en": "decisions"},
    "simulate.never.options": {"sv": "alternativ", "en": "options"},
    "simulate.backup": {"sv": "reserv", "en": "backup"},
    "simulate.none": {"sv": "inga", "en": "none"},
    "simulate.never_mark": {"sv": "aldrig", "en": "never"},
}
"""Every message of the command, by key."""
