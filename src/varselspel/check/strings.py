"""Messages of the checker, in Swedish and English, by diagnostic code."""

from __future__ import annotations

from collections.abc import Mapping

from varselspel.expr.strings import suggestion_tail
from varselspel.i18n import Catalog, tr

STRINGS: Catalog = {
    # --- errors: duplicates -------------------------------------------------------------
    "C001": {
        "sv": "omgången `{id}` finns redan (omgång {first}); varje omgång behöver ett eget id",
        "en": "round `{id}` already exists (round {first}); every round needs its own id",
    },
    "C002": {
        "sv": "händelsen `{id}` finns redan; id:n för händelser måste vara unika i hela scenariot",
        "en": "inject `{id}` already exists; inject ids must be unique in the whole scenario",
    },
    "C003": {
        "sv": "beslutet `{id}` finns redan; id:n för beslut måste vara unika i hela scenariot",
        "en": "decision `{id}` already exists; decision ids must be unique in the whole scenario",
    },
    "C004": {
        "sv": "alternativet `{id}` finns redan i beslutet `{decision}`",
        "en": "option `{id}` already exists in decision `{decision}`",
    },
    "C005": {
        "sv": "kortet `{id}` finns redan (bland {kind}); kort-id:n måste vara unika bland alla kort",
        "en": "card `{id}` already exists (among {kind}); card ids must be unique across all cards",
    },
    "C006": {
        "sv": "indikatorn `{id}` finns redan",
        "en": "indicator `{id}` already exists",
    },
    "C007": {
        "sv": "flaggan `{id}` finns redan",
        "en": "flag `{id}` already exists",
    },
    "C008": {
        "sv": "`{id}` är både en indikator och en flagga; ge dem olika id",
        "en": "`{id}` is both an indicator and a flag; give them different ids",
    },
    "C009": {
        "sv": "temat `{id}` finns redan i handlingsplanen",
        "en": "theme `{id}` already exists in the action plan",
    },
    "C010": {
        "sv": "målet `{id}` finns redan i utvärderingen",
        "en": "objective `{id}` already exists in the debrief",
    },
    # --- errors: references -------------------------------------------------------------
    "C011": {
        "sv": "rollen `{id}` finns inte i rollbiblioteket",
        "en": "role `{id}` is not in the role library",
    },
    "C012": {
        "sv": "rollen `{id}` står redan med i scenariots roller",
        "en": "role `{id}` is already listed among the scenario's roles",
    },
    "C013": {
        "sv": "händelsen skickas till `{id}`, som inte är en roll i scenariot",
        "en": "the inject is sent to `{id}`, which is not a role of the scenario",
    },
    "C014": {
        "sv": "beslutets ägare `{id}` är inte en roll i scenariot",
        "en": "decision owner `{id}` is not a role of the scenario",
    },
    "C015": {
        "sv": "kortet `{id}` finns inte bland scenariots kort",
        "en": "card `{id}` is not among the scenario's cards",
    },
    "C016": {
        "sv": "ansvarig `{id}` är inte en roll i rollbiblioteket",
        "en": "responsible `{id}` is not a role in the role library",
    },
    "C017": {
        "sv": "partnern `{id}` är varken en roll eller ett nätverkskort",
        "en": "partner `{id}` is neither a role nor a network card",
    },
    "C018": {
        "sv": "finansieringen `{id}` är inte ett finansieringskort",
        "en": "financing `{id}` is not a financing card",
    },
    "C019": {
        "sv": "uppföljningsindikatorn `{id}` finns inte",
        "en": "follow-up indicator `{id}` does not exist",
    },
    "C020": {
        "sv": "temat `{id}` finns inte i handlingsplanens teman",
        "en": "theme `{id}` is not among the action plan's themes",
    },
    "C021": {
        "sv": "startvärdet {start} för `{id}` ligger utanför min/max ({min} till {max})",
        "en": "the start value {start} of `{id}` lies outside min/max ({min} to {max})",
    },
    "C022": {
        "sv": "min ({min}) är större än max ({max}) för `{id}`",
        "en": "min ({min}) is greater than max ({max}) for `{id}`",
    },
    "C023": {
        "sv": "ingen roll i rollbiblioteket har mandatet `{id}`",
        "en": "no role in the role library holds the mandate `{id}`",
    },
    "C024": {
        "sv": "nätverkskortets roll `{id}` finns inte i rollbiblioteket",
        "en": "the network card's role `{id}` is not in the role library",
    },
    "C025": {
        "sv": "`{id}` är ett reserverat ord i uttryck och kan inte användas som id",
        "en": "`{id}` is a reserved word in expressions and cannot be used as an id",
    },
    # --- errors: decisions, figures, timing, inline role cards ---------------------------
    "C026": {
        "sv": "beslutet `{id}` har varken alternativ eller tal: ge det `options` eller `number`",
        "en": "decision `{id}` has neither options nor a number: give it `options` or `number`",
    },
    "C027": {
        "sv": "beslutet `{id}` har både alternativ och tal: ett beslut besvaras antingen med alternativ eller med ett tal",
        "en": "decision `{id}` has both options and a number: a decision is answered either with options or with a number",
    },
    "C028": {
        "sv": "talets min ({min}) är större än dess max ({max})",
        "en": "the number's min ({min}) is greater than its max ({max})",
    },
    "C029": {
        "sv": "`{id}` är ingen siffra i konsekvensmodellen för ett scenario av typen {kind}",
        "en": "`{id}` is not a figure of the consequence model for a {kind} scenario",
    },
    "C032": {
        "sv": "indikatorn `{id}` följer konsekvensmodellen (`follows: {figure}`), så effekter kan inte ändra den; ändra ett `model.*`-värde i stället",
        "en": "indicator `{id}` follows the consequence model (`follows: {figure}`), so effects cannot change it; change a `model.*` value instead",
    },
    "C033": {
        "sv": "omgången `{id}` finns inte",
        "en": "round `{id}` does not exist",
    },
    "C034": {
        "sv": "rollkortet `{id}` finns redan under role_cards",
        "en": "role card `{id}` is already defined under role_cards",
    },
    # --- errors: role library -----------------------------------------------------------
    "C030": {
        "sv": "mandatet `{id}` är exklusivt men hålls också av rollen `{other}`",
        "en": "mandate `{id}` is exclusive but is also held by role `{other}`",
    },
    "C031": {
        "sv": "mandatet `{id}` står två gånger på samma rollkort",
        "en": "mandate `{id}` appears twice on the same role card",
    },
    # --- warnings -----------------------------------------------------------------------
    "C101": {
        "sv": "villkoret för {owner} kan aldrig bli sant: flaggan `{flag}` måste vara {value}, men den börjar som {start} och ingen effekt före denna punkt sätter den till {value}",
        "en": "the condition of {owner} can never be true: flag `{flag}` must be {value}, but it starts as {start} and no effect before this point sets it to {value}",
    },
    "C101.late": {
        "sv": "villkoret för {owner} kan aldrig bli sant: flaggan `{flag}` måste vara {value}, men det är alternativet `{setter}` i samma omgång som sätter den till {value}, och ett alternativs effekter gäller först när omgången stängs",
        "en": "the condition of {owner} can never be true: flag `{flag}` must be {value}, but it is option `{setter}` of the same round that sets it to {value}, and an option's effects apply only when the round closes",
    },
    "C102": {
        "sv": "villkoret för {owner} kan aldrig bli sant: `{indicator}` kan här bara ligga mellan {low} och {high}, så `{test}` gäller aldrig",
        "en": "the condition of {owner} can never be true: `{indicator}` can only lie between {low} and {high} here, so `{test}` never holds",
    },
    "C102.late": {
        "sv": "villkoret för {owner} kan aldrig bli sant: `{indicator}` kan här bara ligga mellan {low} och {high}, så `{test}` gäller aldrig; alternativet `{setter}` i samma omgång ändrar den, men ett alternativs effekter gäller först när omgången stängs",
        "en": "the condition of {owner} can never be true: `{indicator}` can only lie between {low} and {high} here, so `{test}` never holds; option `{setter}` of the same round changes it, but an option's effects apply only when the round closes",
    },
    "C103": {
        "sv": "villkoret för {owner} kan aldrig bli sant: beslutet `{decision}` fattas först {when}",
        "en": "the condition of {owner} can never be true: decision `{decision}` is only taken {when}",
    },
    "C104": {
        "sv": "villkoret för {owner} kan aldrig bli sant: `{test}` är alltid falskt",
        "en": "the condition of {owner} can never be true: `{test}` is always false",
    },
    "C105": {
        "sv": "omgången `{id}` spelas aldrig: {reason}",
        "en": "round `{id}` is never played: {reason}",
    },
    "C106": {
        "sv": "ingen roll i scenariot har mandatet `{mandate}` för beslutet `{id}`; lägg till en roll som har det eller ange `owners`",
        "en": "no role of the scenario holds the mandate `{mandate}` for decision `{id}`; add a role that holds it or set `owners`",
    },
    "C107": {
        "sv": "rollen `{role}` får ingenting i omgången `{round}`: ingen händelse till den och inget beslut den äger",
        "en": "role `{role}` receives nothing in round `{round}`: no inject to it and no decision it owns",
    },
    "C108": {
        "sv": "flaggan `{id}` sätts men läses aldrig i något villkor eller någon effekt",
        "en": "flag `{id}` is set but never read by any condition or effect",
    },
    "C109": {
        "sv": "flaggan `{id}` läses men sätts aldrig; den är alltid {start}",
        "en": "flag `{id}` is read but never set; it is always {start}",
    },
    "C110": {
        "sv": "omgångarnas tider ({rounds} min) plus utvärderingen ({debrief} min) blir {total} min, mer än workshopens {duration} min",
        "en": "the rounds' time boxes ({rounds} min) plus the debrief ({debrief} min) make {total} min, more than the workshop's {duration} min",
    },
    "C111": {
        "sv": "kortet `{id}` används aldrig (inget beslut eller händelse pekar på det och ingen åtgärd nämner det)",
        "en": "card `{id}` is never used (no decision or inject points to it and no action names it)",
    },
    "C112": {
        "sv": "kontakten `{id}` ser ut som ett roll-id men finns inte i rollbiblioteket",
        "en": "contact `{id}` looks like a role id but is not in the role library",
    },
    "C113": {
        "sv": "ansvarig `{id}` är inte en roll i scenariot, så ingen i gruppen spelar den; lägg till den under roles: eller välj en av scenariots roller",
        "en": "responsible `{id}` is not a role of the scenario, so nobody in the group plays it; add it under roles: or choose one of the scenario's roles",
    },
    "C114": {
        "sv": "chans({percent}) ligger utanför 0–100: chans tar en sannolikhet i procent, så {meaning}",
        "en": "chans({percent}) lies outside 0–100: chans takes a probability in percent, so {meaning}",
    },
    "C115": {
        "sv": "beslutet `{id}` har `outside_mandate: refuse` men varken `mandate` eller `owners`: hela gruppen äger det och inget val vägras; ange `mandate` eller `owners`, eller ta bort raden",
        "en": "decision `{id}` has `outside_mandate: refuse` but neither `mandate` nor `owners`: the whole group owns it and no choice is refused; set `mandate` or `owners`, or remove the line",
    },
    "C116": {
        "sv": "beslutet `{id}` låter en grupp välja {max} alternativ men har bara {count}; max_choices gör ingen skillnad över {count}",
        "en": "decision `{id}` lets a group choose {max} options but has only {count}; max_choices makes no difference beyond {count}",
    },
    "C116.number": {
        "sv": "beslutet `{id}` besvaras med ett tal, så max_choices gör ingen skillnad",
        "en": "decision `{id}` is answered with a number, so max_choices makes no difference",
    },
    "C117": {
        "sv": "effekterna skulle gälla {after} omgångar efter omgången `{round}`, efter den sista omgången, så de gäller aldrig",
        "en": "these effects would apply {after} rounds after round `{round}`, past the last round, so they never apply",
    },
    "C118": {
        "sv": "kortet `{id}` finns först från omgången `{start}`, senare än omgången `{round}` som pekar på det",
        "en": "card `{id}` only becomes available in round `{start}`, later than round `{round}` that points to it",
    },
    "C119": {
        "sv": "scenariots rollkort `{id}` ersätter bibliotekets kort med samma id",
        "en": "the scenario's role card `{id}` replaces the library's card with the same id",
    },
    "C120": {
        "sv": "rollkortet `{id}` finns men står inte under roles:, så ingen kan spela det",
        "en": "role card `{id}` is defined but not listed under roles:, so nobody can play it",
    },
    # --- words used inside messages -----------------------------------------------------
    "hint.add_role": {
        "sv": "den finns i rollbiblioteket, så lägg till den under roles:",
        "en": "it is in the role library, so add it under roles:",
    },
    "chance.always": {"sv": "den är alltid sann", "en": "it is always true"},
    "chance.never": {"sv": "den är aldrig sann", "en": "it is never true"},
    "owner.round": {"sv": "omgången `{id}`", "en": "round `{id}`"},
    "owner.inject": {"sv": "händelsen `{id}`", "en": "inject `{id}`"},
    "owner.decision": {"sv": "beslutet `{id}`", "en": "decision `{id}`"},
    "owner.option": {"sv": "alternativet `{id}`", "en": "option `{id}`"},
    "owner.card": {"sv": "kortet `{id}`", "en": "card `{id}`"},
    "owner.figures": {
        "sv": "lägesbildens siffror i `setting.reveal[{id}]`",
        "en": "the lägesbild figures of `setting.reveal[{id}]`",
    },
    "value.true": {"sv": "sann", "en": "true"},
    "value.false": {"sv": "falsk", "en": "false"},
    "when.later": {"sv": "i en senare omgång (`{round}`)", "en": "in a later round (`{round}`)"},
    "when.same": {
        "sv": "i samma omgång (`{round}`), efter att villkoret prövas",
        "en": "in the same round (`{round}`), after the condition is tested",
    },
    "when.self": {
        "sv": "när just detta beslut fattas",
        "en": "when this very decision is taken",
    },
    "reason.flag": {
        "sv": "flaggan `{flag}` måste vara {value}, men ingenting före omgången sätter den till {value}",
        "en": "flag `{flag}` must be {value}, but nothing before the round sets it to {value}",
    },
    "reason.indicator": {
        "sv": "`{indicator}` kan här bara ligga mellan {low} och {high}, så `{test}` gäller aldrig",
        "en": "`{indicator}` can only lie between {low} and {high} here, so `{test}` never holds",
    },
    "reason.decision": {
        "sv": "beslutet `{decision}` fattas först {when}",
        "en": "decision `{decision}` is only taken {when}",
    },
    "reason.false": {
        "sv": "`{test}` är alltid falskt",
        "en": "`{test}` is always false",
    },
    # --- C040: characters that can drive a terminal ----------------------------------
    "C040.control": {
        "sv": "texten innehåller styrtecken ({chars}), som kan styra terminalen den visas i; "
        "ta bort dem",
        "en": "the text contains control characters ({chars}), which can drive the terminal "
        "it is shown in; remove them",
    },
    "C040.bidi": {
        "sv": "texten innehåller riktningstecken ({chars}), som ändrar i vilken ordning texten "
        "visas; ta bort dem",
        "en": "the text contains bidirectional controls ({chars}), which change the order the "
        "text is shown in; remove them",
    },
}


def message(code: str, lang: str | None, params: Mapping[str, object]) -> str:
    """Return the message for `code`, with a "did you mean" tail when `suggestions` is given.

    A `hint` (already in the UI language) is added after the message instead of suggestions.
    """
    filled = {k: v for k, v in params.items() if k not in ("suggestions", "hint", "variant")}
    variant = params.get("variant")
    text = tr(STRINGS, f"{code}.{variant}" if variant else code, lang, **filled)
    hint = params.get("hint")
    if hint:
        return f"{text}; {hint}"
    return text + suggestion_tail(params.get("suggestions"), lang)
