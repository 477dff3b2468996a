"""Words for the engine's codes, in Swedish and English; `varselspel.messages` fills them in.

The engine itself never picks a language: it returns codes and parameters (`Message`).
"""

from __future__ import annotations

from varselspel.i18n import Catalog

STRINGS: Catalog = {
    "not_facilitator": {
        "sv": "Bara processledaren får göra detta ({command}).",
        "en": "Only the facilitator may do this ({command}).",
    },
    "not_own_group": {
        "sv": "En grupp får bara ändra sina egna uppgifter.",
        "en": "A group may only change its own data.",
    },
    "wrong_phase": {
        "sv": "Det går inte just nu: övningen är i läget {phase}.",
        "en": "Not possible now: the session is in phase {phase}.",
    },
    "session_ended": {
        "sv": "Övningen är avslutad; inget mer kan ändras.",
        "en": "The session has ended; nothing more can be changed.",
    },
    "too_many_groups": {
        "sv": "En övning kan ha högst {max} grupper.",
        "en": "A session can have at most {max} groups.",
    },
    "last_group": {
        "sv": "Den sista gruppen kan inte tas bort.",
        "en": "The last group cannot be removed.",
    },
    "no_groups": {
        "sv": "Lägg till minst en grupp först.",
        "en": "Add at least one group first.",
    },
    "group_exists": {
        "sv": "Det finns redan en grupp som heter '{group}'.",
        "en": "There is already a group with the id or name '{group}'.",
    },
    "bad_id": {
        "sv": "Ogiltigt id '{value}': använd små bokstäver a-z, siffror, '_' eller '-'.",
        "en": "Invalid id '{value}': use lower-case letters a-z, digits, '_' or '-'.",
    },
    "unknown_group": {"sv": "Okänd grupp '{group}'.", "en": "Unknown group '{group}'."},
    "unknown_participant": {
        "sv": "Okänd deltagare '{participant}' i gruppen.",
        "en": "Unknown participant '{participant}' in the group.",
    },
    "same_group": {
        "sv": "Deltagaren är redan i gruppen '{group}'.",
        "en": "The participant is already in the group '{group}'.",
    },
    "participant_exists": {
        "sv": "Deltagar-id '{participant}' används redan.",
        "en": "Participant id '{participant}' is already used.",
    },
    "unknown_role": {
        "sv": "Rollen '{role}' finns inte i scenariot.",
        "en": "The role '{role}' is not in the scenario.",
    },
    "role_not_held": {
        "sv": "Ingen har rollen '{role}' i gruppen.",
        "en": "Nobody holds the role '{role}' in the group.",
    },
    "no_more_rounds": {
        "sv": "Det finns inga fler omgångar; starta utvärderingen.",
        "en": "There are no more rounds; start the debrief.",
    },
    "round_not_open": {
        "sv": "Ingen omgång pågår.",
        "en": "No round is open.",
    },
    "unknown_inject": {
        "sv": "Händelsen '{inject}' finns inte i den pågående omgången.",
        "en": "The inject '{inject}' is not in the open round.",
    },
    "no_pending_inject": {
        "sv": "Alla planerade händelser i omgången är redan skickade.",
        "en": "All scheduled injects of the round have been released.",
    },
    "inject_already_released": {
        "sv": "Händelsen '{inject}' är redan skickad till {target}.",
        "en": "The inject '{inject}' was already released to {target}.",
    },
    "round_skipped": {
        "sv": "Omgången gäller inte gruppen '{group}' (villkoret är inte uppfyllt).",
        "en": "The round does not apply to group '{group}' (its condition is false).",
    },
    "unknown_decision": {
        "sv": "Beslutet '{decision}' finns inte i den pågående omgången.",
        "en": "The decision '{decision}' is not in the open round.",
    },
    "decision_not_open": {
        "sv": "Beslutet '{decision}' ställs inte till gruppen (villkoret är inte uppfyllt).",
        "en": "The decision '{decision}' is not put to the group (its condition is false).",
    },
    "unknown_option": {
        "sv": "Alternativet '{option}' finns inte för beslutet '{decision}'.",
        "en": "The option '{option}' does not exist for the decision '{decision}'.",
    },
    "number_decision": {
        "sv": "Beslutet '{question}' besvaras med ett tal, inte med ett alternativ.",
        "en": "The decision '{question}' is answered with a number, not with an option.",
    },
    "not_number_decision": {
        "sv": "Beslutet '{question}' besvaras med alternativ, inte med ett tal.",
        "en": "The decision '{question}' is answered with options, not with a number.",
    },
    "too_many_options": {
        "sv": "I beslutet '{question}' får gruppen välja högst {max} alternativ.",
        "en": "In the decision '{question}' the group may choose at most {max} options.",
    },
    "number_out_of_range": {
        "sv": "Talet {value} ligger utanför {min}–{max} för beslutet '{question}'.",
        "en": "The number {value} lies outside {min}–{max} for the decision '{question}'.",
    },
    "number_off_step": {
        "sv": "Talet i beslutet '{question}' ska vara {min} plus ett helt antal steg om {step}.",
        "en": "The number of the decision '{question}' must be {min} plus whole steps of {step}.",
    },
    "option_unavailable": {
        "sv": "Alternativet '{option}' är inte tillgängligt för gruppen just nu.",
        "en": "The option '{option}' is not available to the group now.",
    },
    "outside_mandate_refused": {
        "sv": "Beslutet kräver mandat som bara {owners} har; ingen av dem är med på valet.",
        "en": "The decision needs a mandate only {owners} hold; none of them agreed to the choice.",
    },
    "outside_mandate_anchor": {
        "sv": "Valet görs utanför mandatet och behöver förankras hos {owners}.",
        "en": "The choice is outside the mandate and needs anchoring with {owners}.",
    },
    "choice_withdrawn": {
        "sv": 'Valet för "{question}" togs bort: det går inte längre att välja efter ändringen.',
        "en": 'The choice for "{question}" was withdrawn: it is no longer available after the change.',
    },
    "no_choice": {
        "sv": "Gruppen har inte valt något för beslutet '{decision}'.",
        "en": "The group has not chosen anything for the decision '{decision}'.",
    },
    "own_actions_off": {
        "sv": "Scenariot tillåter inga egna åtgärder.",
        "en": "The scenario does not allow actions of the group's own.",
    },
    "unknown_action": {
        "sv": "Okänd åtgärd '{action}'.",
        "en": "Unknown action '{action}'.",
    },
    "action_exists": {
        "sv": "Åtgärds-id '{action}' används redan.",
        "en": "Action id '{action}' is already used.",
    },
    "unknown_financing": {
        "sv": "Finansieringskortet '{card}' finns inte i scenariot.",
        "en": "The financing card '{card}' is not in the scenario.",
    },
    "unknown_indicator": {
        "sv": "Indikatorn '{indicator}' finns inte i scenariot.",
        "en": "The indicator '{indicator}' is not in the scenario.",
    },
    "unknown_theme": {
        "sv": "Temat '{theme}' finns inte i scenariots handlingsplan.",
        "en": "The theme '{theme}' is not in the scenario's action plan.",
    },
    # --- an own action's time points (start, end) ---------------------------------------------
    "bad_start": {
        "sv": "Starten '{value}' är ingen tidpunkt: skriv t.ex. 'vecka 3', 'månad 6', '2026-09' "
        "eller '2026-09-30'.",
        "en": "The start '{value}' is not a time point: write e.g. 'week 3', 'month 6', '2026-09' "
        "or '2026-09-30'.",
    },
    "bad_end": {
        "sv": "Slutet '{value}' är ingen tidpunkt: skriv t.ex. 'vecka 3', 'månad 6', '2026-09' "
        "eller '2026-09-30'.",
        "en": "The end '{value}' is not a time point: write e.g. 'week 3', 'month 6', '2026-09' "
        "or '2026-09-30'.",
    },
    "end_before_start": {
        "sv": "Slutet ({end}) kommer före starten ({start}).",
        "en": "The end ({end}) comes before the start ({start}).",
    },
    # ------------------------------------------------------------------------------------------
    "timer_paused": {"sv": "Klockan är redan pausad.", "en": "The timer is already paused."},
    "timer_running": {"sv": "Klockan går redan.", "en": "The timer is already running."},
    "not_debrief": {
        "sv": "Utvärderingen har inte börjat.",
        "en": "The debrief has not started.",
    },
    "unknown_objective": {
        "sv": "Målet '{objective}' finns inte i scenariots utvärdering.",
        "en": "The objective '{objective}' is not in the scenario's debrief.",
    },
    "nothing_to_undo": {"sv": "Det finns inget att ångra.", "en": "There is nothing to undo."},
    "engine_field": {
        "sv": "Fältet '{field}' fylls i av motorn och ska lämnas tomt.",
        "en": "The field '{field}' is filled in by the engine and must be left empty.",
    },
    "invalid_command": {
        "sv": "Ogiltigt kommando: fel i {fields}.",
        "en": "Invalid command: wrong {fields}.",
    },
    "phase.setup": {"sv": "förberedelse", "en": "setup"},
    "phase.ready": {"sv": "mellan omgångar", "en": "between rounds"},
    "phase.round": {"sv": "omgång pågår", "en": "round open"},
    "phase.debrief": {"sv": "utvärdering", "en": "debrief"},
    "phase.ended": {"sv": "avslutad", "en": "ended"},
    "all_groups": {"sv": "alla grupper", "en": "all groups"},
}
"""Every message of the engine by code, and the words for the codes in its parameters."""
