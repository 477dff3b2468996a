"""Messages of the expression language, in Swedish and English."""

from __future__ import annotations

from collections.abc import Mapping

from varselspel.expr.ast import ValueType
from varselspel.i18n import Catalog, tr

STRINGS: Catalog = {
    "X101": {
        "sv": "tecknet `{char}` är inte tillåtet i ett uttryck",
        "en": "the character `{char}` is not allowed in an expression",
    },
    "X102": {
        "sv": 'texten saknar avslutande citattecken (")',
        "en": 'the string has no closing double quote (")',
    },
    "X103": {
        "sv": "felaktigt tal `{text}`; skriv t.ex. 300 eller 0.5 (punkt som decimaltecken)",
        "en": "malformed number `{text}`; write e.g. 300 or 0.5 (point as decimal separator)",
    },
    "X104": {
        "sv": "uttrycket är för långt (högst {limit} tecken)",
        "en": "the expression is too long (at most {limit} characters)",
    },
    "X105": {
        "sv": "uttrycket är för djupt nästlat (högst {limit} nivåer)",
        "en": "the expression is nested too deeply (at most {limit} levels)",
    },
    "X106": {
        "sv": "här väntades ett värde eller ett namn, men det står {found}",
        "en": "a value or a name was expected here, but found {found}",
    },
    "X107": {
        "sv": "här väntades `{expected}`, men det står {found}",
        "en": "expected `{expected}` here, but found {found}",
    },
    "X108": {
        "sv": "oväntat {found} efter ett färdigt uttryck; saknas `and` eller `or`?",
        "en": "unexpected {found} after a complete expression; is `and` or `or` missing?",
    },
    "X109": {
        "sv": "ett villkor jämför med `==`, inte `=`",
        "en": "a condition compares with `==`, not `=`",
    },
    "X110": {
        "sv": "text i citattecken får bara stå som argument till valt, beslutat, har_roll, varde"
        " eller antal",
        "en": "a quoted string may only be an argument of valt, beslutat, har_roll, varde or antal",
    },
    "X111": {
        "sv": "okänd funktion `{name}`; funktionerna är valt, beslutat, chans, har_roll, varde,"
        " antal, min, max, round och abs",
        "en": "unknown function `{name}`; the functions are valt, beslutat, chans, har_roll,"
        " varde, antal, min, max, round and abs",
    },
    "X112": {
        "sv": "{func}(...) tar {expected} argument men fick {got}",
        "en": "{func}(...) takes {expected} argument(s) but got {got}",
    },
    "X113": {
        "sv": 'argument {n} till {func}(...) ska vara text i citattecken, t.ex. "r1.ledning"',
        "en": 'argument {n} of {func}(...) must be a string in double quotes, e.g. "r1.ledning"',
    },
    "X114": {
        "sv": "en effekt börjar med namnet på det som ändras (indikator, flagga eller model.<fält>), men det står {found}",
        "en": "an effect starts with the name of what it changes (indicator, flag or model.<field>), but found {found}",
    },
    "X115": {
        "sv": "efter `{name}` väntades `=`, `+=`, `-=` eller `*=`, men det står {found}",
        "en": "expected `=`, `+=`, `-=` or `*=` after `{name}`, but found {found}",
    },
    "X116": {
        "sv": "effekten är tom; skriv t.ex. `fortroende += 5`",
        "en": "the effect is empty; write e.g. `fortroende += 5`",
    },
    "X117": {
        "sv": "`{wrong}` fungerar inte i uttryck; skriv `{right}`",
        "en": "`{wrong}` does not work in expressions; write `{right}`",
    },
    "X201": {
        "sv": "okänt namn `{name}`: ingen indikator eller flagga heter så",
        "en": "unknown name `{name}`: no indicator or flag has that id",
    },
    "X202": {
        "sv": "okänt modellfält `model.{name}`",
        "en": "unknown model field `model.{name}`",
    },
    "X203": {
        "sv": '`{name}` är ett beslut, inte ett värde; skriv beslutat("{name}") eller valt("{name}", "ALTERNATIV")',
        "en": '`{name}` is a decision, not a value; write beslutat("{name}") or valt("{name}", "OPTION")',
    },
    "X204": {
        "sv": 'okänt beslut "{ref}"; skriv "OMGÅNG.BESLUT" med id:n ur scenariot',
        "en": 'unknown decision "{ref}"; write "ROUND.DECISION" with ids from the scenario',
    },
    "X205": {
        "sv": 'beslutet `{ref}` har inget alternativ "{option}"',
        "en": 'decision `{ref}` has no option "{option}"',
    },
    "X206": {
        "sv": "`{op}` räknar med tal, men här står {type}",
        "en": "`{op}` works on numbers, but this is {type}",
    },
    "X207": {
        "sv": "`{op}` kräver sant/falskt, men här står {type}",
        "en": "`{op}` needs true/false, but this is {type}",
    },
    "X208": {
        "sv": "kan inte jämföra {left} med {right} med `{op}`",
        "en": "cannot compare {left} with {right} using `{op}`",
    },
    "X209": {
        "sv": "ett villkor ska vara sant eller falskt, men detta är ett tal; jämför det, t.ex. `{text} > 0`",
        "en": "a condition must be true or false, but this is a number; compare it, e.g. `{text} > 0`",
    },
    "X210": {
        "sv": "flaggan `{name}` kan bara sättas med `=`, inte `{op}`",
        "en": "flag `{name}` can only be set with `=`, not `{op}`",
    },
    "X211": {
        "sv": "flaggan `{name}` ska få sant eller falskt, men värdet är ett tal",
        "en": "flag `{name}` must get true or false, but the value is a number",
    },
    "X212": {
        "sv": "`{name}` är ett tal och kan inte få värdet sant/falskt",
        "en": "`{name}` is a number and cannot get a true/false value",
    },
    "X213": {
        "sv": "chans(P) ska få en sannolikhet i procent (ett tal), men här står {type}",
        "en": "chans(P) needs a probability in percent (a number), but this is {type}",
    },
    "X214": {
        "sv": 'scenariot har ingen roll "{role}"',
        "en": 'the scenario has no role "{role}"',
    },
    "X215": {
        "sv": 'varde("{ref}") läser talet i ett talbeslut, men `{ref}` har alternativ; skriv'
        ' valt("{ref}", "ALTERNATIV")',
        "en": 'varde("{ref}") reads the number of a number decision, but `{ref}` has options;'
        ' write valt("{ref}", "OPTION")',
    },
    "X216": {
        "sv": "{func}(...) läser valda alternativ, men beslutet `{ref}` besvaras med ett tal;"
        ' skriv varde("{ref}")',
        "en": "{func}(...) reads chosen options, but decision `{ref}` is answered with a number;"
        ' write varde("{ref}")',
    },
    "expr.end": {"sv": "slutet av uttrycket", "en": "the end of the expression"},
    "expr.type.number": {"sv": "ett tal", "en": "a number"},
    "expr.type.bool": {"sv": "sant/falskt", "en": "true/false"},
    "expr.type.string": {"sv": "text", "en": "a string"},
    "expr.did_you_mean": {"sv": "; menade du {names}?", "en": "; did you mean {names}?"},
    "expr.or": {"sv": " eller ", "en": " or "},
}


def format_message(code: str, params: Mapping[str, object], lang: str | None = None) -> str:
    """Return the message for `code` with `params`, adding "did you mean" when suggestions exist."""
    filled: dict[str, object] = {}
    for key, value in params.items():
        if key == "suggestions":
            continue
        if isinstance(value, ValueType):
            filled[key] = tr(STRINGS, f"expr.type.{value.value}", lang)
        elif key == "found":
            filled[key] = f"`{value}`" if value else tr(STRINGS, "expr.end", lang)
        else:
            filled[key] = value
    return tr(STRINGS, code, lang, **filled) + suggestion_tail(params.get("suggestions"), lang)


def suggestion_tail(suggestions: object, lang: str | None) -> str:
    """Return the "; did you mean `a` or `b`?" tail, or "" when there is nothing to suggest."""
    if not isinstance(suggestions, list | tuple) or not suggestions:
        return ""
    names = tr(STRINGS, "expr.or", lang).join(f"`{s}`" for s in suggestions)
    return tr(STRINGS, "expr.did_you_mean", lang, names=names)
