"""Messages of the loader, in Swedish and English, by diagnostic code or purpose."""

from __future__ import annotations

from varselspel.i18n import Catalog

STRINGS: Catalog = {
    # --- reading the file ---------------------------------------------------------------
    "Y000": {
        "sv": "filen kan inte läsas: {reason}",
        "en": "the file cannot be read: {reason}",
    },
    "Y001": {
        "sv": "filen är inte UTF-8: byten {byte} på rad {line}, kolumn {column} är ogiltig; spara filen som UTF-8",
        "en": "the file is not UTF-8: byte {byte} at line {line}, column {column} is invalid; save the file as UTF-8",
    },
    "Y002": {
        "sv": "filen är tom",
        "en": "the file is empty",
    },
    "Y003": {
        "sv": "YAML-syntaxfel: {detail}",
        "en": "YAML syntax error: {detail}",
    },
    "Y004": {
        "sv": "YAML-syntaxfel: tabbar är inte tillåtna för indrag; använd mellanslag",
        "en": "YAML syntax error: tabs are not allowed for indentation; use spaces",
    },
    "Y005": {
        "sv": "YAML-syntaxfel: citattecknet här stängs aldrig",
        "en": "YAML syntax error: the quote here is never closed",
    },
    "Y005.swallowed": {
        "sv": "YAML-syntaxfel: citattecknet här stängs inte på sin rad, så texten fortsätter ända till rad {end} och tar med sig raderna emellan; stäng citattecknet",
        "en": "YAML syntax error: the quote here is not closed on its line, so the text runs on to line {end} and takes the lines in between with it; close the quote",
    },
    "Y006": {
        "sv": "nyckeln `{key}` finns två gånger i samma mappning (rad {first} och rad {second})",
        "en": "the key `{key}` appears twice in the same mapping (line {first} and line {second})",
    },
    "Y007": {
        "sv": "okänd tagg `{tag}` vägras; en scenariofil får bara innehålla vanliga YAML-värden",
        "en": "unknown tag `{tag}` refused; a scenario file may only hold plain YAML values",
    },
    "Y008": {
        "sv": "för många alias: att expandera dem skulle ge mer än {limit} värden; filen vägras",
        "en": "too many aliases: expanding them would produce more than {limit} values; the file is refused",
    },
    "Y019": {
        "sv": "aliasen når tillsammans mer än {limit} tecken text; skriv ut texten eller använd "
        "färre och kortare alias; filen vägras",
        "en": "the aliases reach more than {limit} characters of text together; write the text "
        "out or use fewer and shorter aliases; the file is refused",
    },
    "Y009": {
        "sv": "för djup nästling: mer än {limit} nivåer",
        "en": "nesting too deep: more than {limit} levels",
    },
    "Y010": {
        "sv": "filen är för stor: {size} byte, högst {limit} byte tillåts",
        "en": "the file is too large: {size} bytes, at most {limit} bytes are allowed",
    },
    "Y011": {
        "sv": "filen innehåller mer än ett YAML-dokument; en fil får bara innehålla ett",
        "en": "the file holds more than one YAML document; a file may hold only one",
    },
    "Y012": {
        "sv": "ett scenario måste vara en mappning (nyckel: värde), inte {found}",
        "en": "a scenario must be a mapping (key: value), not {found}",
    },
    "Y013": {
        "sv": "en rollkort måste vara en mappning (nyckel: värde), inte {found}",
        "en": "a role card must be a mapping (key: value), not {found}",
    },
    "Y014": {
        "sv": "en nyckel måste vara enkel text, inte en lista, mappning eller ett alias",
        "en": "a key must be plain text, not a list, a mapping or an alias",
    },
    "Y015": {
        "sv": "aliaset `*{name}` pekar inte på något tidigare ankare `&{name}`",
        "en": "the alias `*{name}` does not refer to an earlier anchor `&{name}`",
    },
    "Y016": {
        "sv": "värdet `{value}` passar inte taggen `{tag}`",
        "en": "the value `{value}` does not fit the tag `{tag}`",
    },
    "Y017": {
        "sv": "`<<` (sammanslagning) kräver en mappning eller en lista av mappningar",
        "en": "`<<` (merge) needs a mapping or a list of mappings",
    },
    "Y018": {
        "sv": "talet är för långt: högst {limit} tecken; skriv det inom citattecken om det är text",
        "en": "the number is too long: at most {limit} characters; put it in quotes if it is text",
    },
    "os.EACCES": {"sv": "behörighet saknas", "en": "permission denied"},
    "os.EISDIR": {"sv": "det är en mapp", "en": "it is a folder"},
    "os.ENOENT": {"sv": "filen finns inte", "en": "the file does not exist"},
    "os.not_regular": {
        "sv": "det är ingen vanlig fil (en namngiven rörledning, en enhet eller en socket)",
        "en": "it is not a regular file (a named pipe, a device or a socket)",
    },
    "found.list": {"sv": "en lista", "en": "a list"},
    "found.scalar": {"sv": "ett enkelt värde", "en": "a single value"},
    # Plain-language forms of libyaml's most common problems.
    "yaml.found character that cannot start any token": {
        "sv": "ett tecken som inte kan inleda något YAML-värde",
        "en": "a character that cannot start any YAML value",
    },
    "yaml.mapping values are not allowed here": {
        "sv": "ett kolon på fel ställe; sätt citattecken runt text som innehåller ': '",
        "en": "a colon in the wrong place; put quotes around text that contains ': '",
    },
    "yaml.mapping values are not allowed in this context": {
        "sv": "ett kolon på fel ställe; sätt citattecken runt text som innehåller ': '",
        "en": "a colon in the wrong place; put quotes around text that contains ': '",
    },
    "yaml.indent_deeper": {
        "sv": "indraget skiljer sig från raden ovanför: den här nyckeln är indragen {here} blanksteg, nyckeln ovanför {above}; nycklar i samma mappning ska stå rakt under varandra",
        "en": "the indentation differs from the line above: this key is indented {here} spaces, the key above {above}; keys of one mapping must line up",
    },
    "yaml.indent_between": {
        "sv": "indraget stämmer inte med raderna ovanför: raden är indragen {here} blanksteg, men raderna ovanför är indragna {levels} blanksteg",
        "en": "the indentation does not match the lines above: the line is indented {here} spaces, but the lines above are indented {levels} spaces",
    },
    "yaml.indent_item": {
        "sv": "raden står där listans `- ` står men är inget listelement; hör nyckeln till elementet ovanför ska den stå {spaces} blanksteg längre in",
        "en": "the line stands where the list's `- ` stand but is no list item; if the key belongs to the item above, indent it {spaces} more spaces",
    },
    "yaml.or": {"sv": " eller ", "en": " or "},
    "yaml.unclosed_list": {
        "sv": "listan som börjar med `[` här stängs aldrig med `]`, eller så saknas ett kommatecken",
        "en": "the list opened with `[` here is never closed with `]`, or a comma is missing",
    },
    "yaml.unclosed_map": {
        "sv": "mappningen som börjar med `{` här stängs aldrig med `}`, eller så saknas ett kommatecken",
        "en": "the mapping opened with `{` here is never closed with `}`, or a comma is missing",
    },
    "yaml.found unknown escape character": {
        "sv": "okänd escape-sekvens efter `\\` inom dubbla citattecken; använd enkla citattecken eller skriv `\\\\`",
        "en": "unknown escape sequence after `\\` in double quotes; use single quotes or write `\\\\`",
    },
    "yaml.bad_character": {
        "sv": "tecknet {char} är inte tillåtet i YAML (styrtecken)",
        "en": "the character {char} is not allowed in YAML (a control character)",
    },
    "yaml.found unexpected end of stream": {
        "sv": "filen tar slut mitt i ett värde",
        "en": "the file ends in the middle of a value",
    },
    "yaml.did not find expected key": {
        "sv": "förväntade en nyckel här; kontrollera indraget",
        "en": "expected a key here; check the indentation",
    },
    "yaml.did not find expected node content": {
        "sv": "ett värde väntades här; kontrollera att listor (`[`) och mappningar (`{`) stängs och att indraget stämmer",
        "en": "a value was expected here; check that lists (`[`) and mappings (`{`) are closed and the indentation is right",
    },
    "yaml.could not find expected ':'": {
        "sv": "ett `:` saknas efter nyckeln på raden ovan, eller så är indraget fel",
        "en": "a `:` is missing after the key on the line above, or the indentation is wrong",
    },
    "yaml.did not find expected alphabetic or numeric character": {
        "sv": "ett namn på ett ankare eller alias (efter `&` eller `*`) saknas; sätt citattecken runt text som börjar med `&` eller `*`",
        "en": "an anchor or alias name (after `&` or `*`) is missing; put quotes around text that starts with `&` or `*`",
    },
    "yaml.found undefined tag handle": {
        "sv": "okänd tagg (text som börjar med `!`); sätt citattecken runt text som börjar med `!`",
        "en": "unknown tag (text starting with `!`); put quotes around text that starts with `!`",
    },
    "yaml.found an indentation indicator equal to 0": {
        "sv": "indragsangivelsen efter `|` eller `>` får inte vara 0",
        "en": "the indentation indicator after `|` or `>` must not be 0",
    },
    "yaml.did not find expected <document start>": {
        "sv": "oväntad text på översta nivån; kontrollera indraget (eller ta bort `...`)",
        "en": "unexpected text at the top level; check the indentation (or remove `...`)",
    },
    "yaml.did not find expected comment or line break": {
        "sv": "oväntad text efter värdet på samma rad; sätt citattecken runt hela texten",
        "en": "unexpected text after the value on the same line; put quotes around the whole text",
    },
    "yaml.block sequence entries are not allowed in this context": {
        "sv": "ett listelement (`- `) på fel ställe; kontrollera indraget",
        "en": "a list item (`- `) in the wrong place; check the indentation",
    },
    "yaml.did not find expected '-' indicator": {
        "sv": "förväntade ett listelement (`- `) här; kontrollera indraget",
        "en": "expected a list item (`- `) here; check the indentation",
    },
    # --- schema (pydantic) ----------------------------------------------------------------
    "S001": {
        "sv": "fältet `{field}` saknas men måste finnas",
        "en": "the field `{field}` is missing but required",
    },
    "S002": {
        "sv": "okänd nyckel `{field}`{hint}",
        "en": "unknown key `{field}`{hint}",
    },
    "S002.hint": {"sv": "; menade du `{suggestion}`?", "en": "; did you mean `{suggestion}`?"},
    "S002.deeper": {
        "sv": "; den hör till `{parent}` ovanför (rad {line}) och ska stå {spaces} blanksteg längre in",
        "en": "; it belongs to `{parent}` above (line {line}) and should stand {spaces} spaces further in",
    },
    "S002.under": {
        "sv": "; den hör hemma under `{parent}:`",
        "en": "; it belongs under `{parent}:`",
    },
    "S002.allowed": {
        "sv": "; tillåtna nycklar här: {allowed}",
        "en": "; keys allowed here: {allowed}",
    },
    "S003": {
        "sv": "`{field}` ska vara text{hint}",
        "en": "`{field}` must be text{hint}",
    },
    "S003.hint": {
        "sv": " (skriv `{value}` inom citattecken)",
        "en": " (write `{value}` in quotes)",
    },
    "S003.colon": {
        "sv": " (texten innehåller `: ` och blev därför en mappning; sätt citattecken runt hela texten)",
        "en": " (the text contains `: ` and so became a mapping; put quotes around the whole text)",
    },
    "S004": {
        "sv": "`{field}` ska vara ett heltal, inte `{value}`{hint}",
        "en": "`{field}` must be a whole number, not `{value}`{hint}",
    },
    "S004.quoted": {
        "sv": " (talet står inom citattecken och är därför text; ta bort citattecknen)",
        "en": " (the number is in quotes and so is text; remove the quotes)",
    },
    "S005": {
        "sv": "`{field}` ska vara ett tal, inte `{value}`{hint}",
        "en": "`{field}` must be a number, not `{value}`{hint}",
    },
    "S005.hint": {
        "sv": " (använd decimalpunkt, t.ex. 0.5)",
        "en": " (use a decimal point, e.g. 0.5)",
    },
    "S006": {
        "sv": "`{field}` ska vara true eller false, inte `{value}`{hint}",
        "en": "`{field}` must be true or false, not `{value}`{hint}",
    },
    "S006.yesno": {
        "sv": " (`yes` och `no` är text i YAML 1.2; skriv true eller false)",
        "en": " (`yes` and `no` are text in YAML 1.2; write true or false)",
    },
    "S006.quoted": {
        "sv": " (inom citattecken är det text; ta bort citattecknen)",
        "en": " (in quotes it is text; remove the quotes)",
    },
    "S007": {
        "sv": "`{field}` måste ha minst {min} element",
        "en": "`{field}` must have at least {min} items",
    },
    "S007.text": {
        "sv": "`{field}` får inte vara tom",
        "en": "`{field}` must not be empty",
    },
    "S007.textmin": {
        "sv": "`{field}` måste vara minst {min} tecken",
        "en": "`{field}` must be at least {min} characters",
    },
    "S008": {
        "sv": "`{field}` får ha högst {max} {unit}",
        "en": "`{field}` may have at most {max} {unit}",
    },
    "unit.items": {"sv": "element", "en": "items"},
    "unit.chars": {"sv": "tecken", "en": "characters"},
    "S009": {
        "sv": "`{value}` är inte giltigt för `{field}`: {rule}",
        "en": "`{value}` is not valid for `{field}`: {rule}",
    },
    "rule.identifier": {
        "sv": "ett id skrivs med små bokstäver: en bokstav a-z först, sedan a-z, siffror, `_` eller `-`",
        "en": "an id is lower case: a letter a-z first, then a-z, digits, `_` or `-`",
    },
    "rule.nameid": {
        "sv": "ett namn som används i uttryck skrivs med små bokstäver: en bokstav a-z först, sedan a-z, siffror eller `_` (inget `-`)",
        "en": "a name used in expressions is lower case: a letter a-z first, then a-z, digits or `_` (no `-`)",
    },
    "rule.choices": {"sv": "välj en av {choices}", "en": "choose one of {choices}"},
    "rule.pattern": {
        "sv": "det måste matcha mönstret {pattern}",
        "en": "it must match the pattern {pattern}",
    },
    "S010": {
        "sv": "`{value}` är inte giltigt för `{field}`: välj en av {choices}",
        "en": "`{value}` is not valid for `{field}`: choose one of {choices}",
    },
    "S011": {
        "sv": "`{field}` måste vara {relation} {limit}, inte {value}",
        "en": "`{field}` must be {relation} {limit}, not {value}",
    },
    "rel.gt": {"sv": "större än", "en": "greater than"},
    "rel.ge": {"sv": "minst", "en": "at least"},
    "rel.lt": {"sv": "mindre än", "en": "less than"},
    "rel.le": {"sv": "högst", "en": "at most"},
    "S013": {
        "sv": "`{field}` ska vara en lista (rader som börjar med `- `)",
        "en": "`{field}` must be a list (lines starting with `- `)",
    },
    "S014": {
        "sv": "`{field}` ska vara en mappning (nyckel: värde)",
        "en": "`{field}` must be a mapping (key: value)",
    },
    "S099": {
        "sv": "`{field}` är ogiltigt: {detail}",
        "en": "`{field}` is invalid: {detail}",
    },
    # --- role library and bundle ----------------------------------------------------------
    "R001": {
        "sv": "rollen `{role}` finns redan i {other}; id måste vara unika i en rollmapp",
        "en": "the role `{role}` is already defined in {other}; ids must be unique in a roles folder",
    },
    "B001": {
        "sv": "rollen `{role}` finns inte i rollbiblioteket{hint}",
        "en": "the role `{role}` is not in the role library{hint}",
    },
    "B002": {
        "sv": "uttrycket kunde inte kompileras: {detail}",
        "en": "the expression could not be compiled: {detail}",
    },
    "top": {"sv": "dokumentet", "en": "the document"},
}
