"""The starting scenario `varselspel new` writes, with Swedish comments, for each kind."""

from __future__ import annotations

_HEAD = """\
# Ett nytt scenario för varselspel. Ändra texterna, lägg till omgångar och kontrollera
# filen med:  varselspel validate {file}
#
# Editorstöd: kör `varselspel schema --out .schema` i den här mappen och gör sedan raden
# nedan till filens första rad (ta bort `# ` i början), så kompletterar och kontrollerar
# VS Code och andra editorer med YAML Language Server fälten medan du skriver:
# # yaml-language-server: $schema=.schema/scenario.schema.json
#
# Formatet beskrivs i docs/scenario-format.md. Id skrivs med små bokstäver a-z, siffror,
# `-` och `_`. Indikatorer och flaggor används i villkor och effekter och får inte innehålla `-`.

# --- Metadata --------------------------------------------------------------------------
id: {id}
title: {title}                   # härledd ur id:t; skriv den som den ska stå i startvyn
kind: {kind}                     # varsel (nedläggning, uppsägningar) eller etablering
summary: >-
  {summary}
language: sv                     # språket i scenariots texter: sv eller en
year: {year}                       # året vars regler och siffror scenariot utgår från
authors: [Ditt namn]
version: "0.1"                   # citattecken: annars blir 0.1 ett tal
duration_minutes: 90             # hela workshopen inklusive utvärdering
debrief_minutes: 20              # tid för utvärderingen i slutet
sources:                         # de offentliga fakta scenariot vilar på
  - title: Omställningsguiden (Tillväxtverket)
    url: https://tillvaxtverket.se/
    note: Faserna förbered, agera och följ upp.
"""

_SETTING_VARSEL = """
# --- Lägesbilden: den påhittade orten, regionen och företaget ------------------------------
setting:
  municipality:
    name: Norrby kommun
    population: 14000            # invånare
    employed: 6500               # förvärvsarbetande invånare
    unemployment_rate: 0.06      # andel arbetslösa före varslet (0.06 = 6 %)
    tax_rate: 0.3237             # kommunalskatt som andel, kommun plus region
    municipal_tax_rate: 0.21     # kommunens egen del av skattesatsen
    revenue_per_inhabitant: 65000  # skatt och utjämning per invånare och år, kr
    description: En bruksort med en stor arbetsgivare och många underleverantörer.
  region:
    name: Region Mellanå
    population: 280000
  company:
    name: Norrby Bruk AB
    sector: massa och papper
    employees: 450
    affected: 300                # antal som varslas
    resident_share: 0.8          # andel av de anställda som bor i kommunen
    commuters_from: [Grannby]
  suppliers:
    - name: Norrby Verkstad AB
      employees: 40
      dependence: 0.7            # andel av omsättningen som kommer från bruket
  assumptions:                   # konsekvensmodellens antaganden; ändra och diskutera dem
    local_multiplier: 0.3        # indirekta jobb per varslad hos andra företag än de ovan
    dismissed_share: 0.6
    unemployed_share: 0.2

# --- Roller från rollbiblioteket (roles/*.yaml), med vad just detta scenario berättar ------
roles:
  - role: kso
    briefing: Du får beskedet om varslet av företagets vd en timme innan det blir offentligt.
    private_goals:
      - Visa att kommunen tar ledningen utan att lova pengar som inte finns.
  - role: naringslivschef
    briefing: Du känner underleverantörerna och vet vilka som är mest beroende av bruket.
  - role: arbetsformedlingen
    briefing: Varslet har kommit in till er. Ni planerar insatser för dem som sägs upp.
  - role: facket
    briefing: Era medlemmar är oroliga. Förhandlingarna med företaget börjar nästa vecka.

# --- Indikatorer: tal som följs per grupp -----------------------------------------------
indicators:
  - id: arbetslosa
    label: Arbetslösa i kommunen
    unit: personer
    start: 420
    min: 0
    good: down                   # lägre är bättre
  - id: fortroende
    label: Förtroende för kommunens ledning
    unit: index 0–100
    start: 50
    min: 0
    max: 100
    good: up

# --- Flaggor: ja/nej-fakta som effekter sätter och villkor läser -------------------------
flags:
  - id: samverkan_startad
    description: En lokal samverkansgrupp har startats.

# --- Omgångar i spelordning -------------------------------------------------------------
rounds:
  - id: r1
    title: Varslet blir offentligt
    game_time: Dag 0
    minutes: 25                  # diskussionstid
    briefing: >-
      Norrby Bruk varslar 300 anställda. Lokaltidningen har nyheten på nätet och telefonerna
      ringer. Vem gör vad det första dygnet?
    injects:                     # händelser som släpps under omgången
      - id: tidningen-ringer
        title: "Lokaltidningen: 'Bruket varslar 300'"
        text: Reportern vill ha en kommentar från kommunen inom en timme.
        sender: lokaltidningen
        channel: samtal
        to: [kso]                # tom lista = alla roller får den
      - id: oroad-foralder
        title: En oroad förälder hör av sig
        text: Både jag och min man jobbar på bruket. Vad händer nu med oss?
        sender: en oroad förälder
        channel: sociala medier
        backup: true             # reserv: processledaren släpper den vid behov
    decisions:
      - id: ledning
        question: Vem leder och sammankallar arbetet?
        context: Flera aktörer vill vara med, men någon måste hålla ihop arbetet.
        mandate: sammankalla-lokal-samverkan   # mandat-id från rollkorten
        cards: [tidigt-samarbete, af-natverk]  # kort som hjälper gruppen att besluta
        options:
          - id: kommunen
            label: Kommunen leder och sammankallar
            explanation: KSO sammankallar en lokal grupp med företaget, facket och staten.
            effects:
              - fortroende += 10
              - samverkan_startad = true
            outcome: Gruppen möts inom ett dygn och får en gemensam bild av läget.
            actions:             # åtgärder som alternativet bidrar med till handlingsplanen
              - title: Starta lokal samverkansgrupp
                responsible: kso
                partners: [arbetsformedlingen, facket]
                level: lokal
                timeframe: inom en vecka
                indicator: arbetslosa
          - id: vanta
            label: Vänta på företagets besked
            explanation: Kommunen avvaktar tills företaget vet mer.
            effects:
              - fortroende -= 10
            outcome: Medierna frågar varför ingen tar ansvar.
    own_actions_prompt: Skriv egna åtgärder för den första veckan.
    facilitator:                 # syns bara för processledaren
      notes: Låt grupperna diskutera vem som talar med medierna.
      expected:
        - Någon sammankallar inom ett dygn.
        - Ett gemensamt budskap till de anställda.

  - id: r2
    title: Omställningen börjar
    game_time: Vecka 2
    minutes: 25
    briefing: Förhandlingarna är klara. De första uppsägningarna sker om tre månader.
    injects:
      - id: samverkan-haller
        title: Samverkansgruppen har mötts
        text: Gruppen föreslår ett gemensamt omställningskontor.
        sender: kommunen
        condition: samverkan_startad          # visas bara om gruppen startat samverkan
      - id: ingen-samordning
        title: Ingen samordning
        text: Arbetsförmedlingen undrar vem som håller i trådarna.
        sender: arbetsformedlingen
        condition: not samverkan_startad
        effects:
          - arbetslosa += 20
    decisions:
      - id: kompetens
        question: Hur ska de som sägs upp få ny kompetens?
        owners: [arbetsformedlingen]           # roller som äger beslutet (i stället för mandat)
        cards: [egf]
        options:
          - id: utbildning
            label: Gemensam utbildningssatsning
            effects:
              - arbetslosa -= 60
              - fortroende += 5
          - id: individuellt
            label: Varje myndighet gör sitt
            effects:
              - arbetslosa -= 20
"""

_SETTING_ETABLERING = """
# --- Lägesbilden: den påhittade orten, regionen och företaget ------------------------------
setting:
  municipality:
    name: Norrby kommun
    population: 9000             # invånare
    employed: 4200               # förvärvsarbetande invånare
    description: En liten kommun där en stor fabrik ska byggas.
  region:
    name: Region Mellanå
    population: 280000
  company:
    name: Norrby Batteri AB
    sector: batteritillverkning
    employees: 0                 # anställda i dag
    affected: 1500               # planerade permanenta jobb
    construction_peak: 2500      # byggarbetare på plats när bygget är som störst
    resident_share: 0.6
  assumptions:
    in_mover_share: 0.5          # andel av de nya jobben som går till inflyttare

# --- Roller från rollbiblioteket (roles/*.yaml) -----------------------------------------
roles:
  - role: kso
    briefing: Företaget har valt Norrby. Beskedet blir offentligt i dag.
  - role: naringslivschef
    briefing: Du har lotsat företaget genom etableringen och vet vad det väntar sig av kommunen.
  - role: samhallsbyggnadschef
    briefing: Det finns detaljplaner för 200 bostäder, men behovet är många gånger större.
  - role: utbildningschef
    briefing: Förskolorna är redan nästan fulla.

# --- Indikatorer ------------------------------------------------------------------------
indicators:
  - id: bostader
    label: Planerade bostäder
    unit: bostäder
    start: 200
    min: 0
    good: up
  - id: fortroende
    label: Förtroende för kommunens ledning
    unit: index 0–100
    start: 60
    min: 0
    max: 100
    good: up

# --- Flaggor ----------------------------------------------------------------------------
flags:
  - id: bostadsplan_antagen
    description: Kommunen har en plan för bostadsbyggandet.

# --- Omgångar ---------------------------------------------------------------------------
rounds:
  - id: r1
    title: Etableringen blir offentlig
    game_time: Dag 0
    minutes: 25
    briefing: >-
      Norrby Batteri bygger en fabrik med 1 500 jobb. Bygget börjar om ett halvår.
      Vad behöver kommunen göra först?
    injects:
      - id: tidningen-ringer
        title: "Lokaltidningen: 'Batterifabrik till Norrby'"
        text: Reportern frågar var alla nya invånare ska bo.
        sender: lokaltidningen
        channel: samtal
        to: [kso]
      - id: foretaget-hor-av-sig
        title: Företaget vill ha ett möte
        text: Företagets HR-chef vill veta hur kommunen kan hjälpa till med rekrytering och förskola.
        sender: Norrby Batteri AB
        channel: mejl
        to: [naringslivschef, utbildningschef]
        cards: [tidig-planering]
    decisions:
      - id: bostader
        question: Hur ska kommunen få fram bostäder?
        mandate: prioritera-planarbete        # mandat-id från rollkorten
        cards: [plankontoret, statligt-stod]
        options:
          - id: planera
            label: Prioritera planarbetet för bostäder
            effects:
              - bostader += 600
              - bostadsplan_antagen = true
            actions:
              - title: Ta fram en bostadsförsörjningsplan
                responsible: samhallsbyggnadschef
                partners: [naringslivschef]
                level: lokal
                timeframe: inom sex månader
                indicator: bostader
          - id: marknaden
            label: Låt marknaden lösa det
            effects:
              - fortroende -= 10
    facilitator:
      notes: Fråga grupperna hur de vet hur många som flyttar in.
      expected:
        - En plan för bostäder, förskola och skola.

  - id: r2
    title: Bygget startar
    game_time: Månad 6
    minutes: 25
    briefing: Tvåtusen byggarbetare är på plats. Förskolekön växer.
    injects:
      - id: kon-vaxer
        title: Förskolekön växer
        text: Föräldrar skriver till kommunen om platsbristen.
        sender: en oroad förälder
        condition: not bostadsplan_antagen
        effects:
          - fortroende -= 10
    decisions:
      - id: forskola
        question: Hur ska kommunen klara förskoleplatserna?
        mandate: skol-och-forskoleplatser
        options:
          - id: bygga
            label: Bygga en ny förskola
            effects:
              - fortroende += 5
          - id: paviljonger
            label: Tillfälliga paviljonger
            condition: bostadsplan_antagen
            effects:
              - fortroende += 2
"""

_CARDS_VARSEL = """
# --- Kort: kunskap, nätverk och finansiering som injects och beslut kan peka på ----------
cards:
  knowledge:
    - id: tidigt-samarbete
      title: Samverka tidigt
      text: Erfarenheter från tidigare fall visar att tidig lokal samverkan kortar omställningen.
      source: Tillväxtverket, Omställningsguiden
  network:
    - id: af-natverk
      actor: Arbetsförmedlingen
      can_do:
        - Rusta och matcha dem som sägs upp.
      role: arbetsformedlingen
  financing:
    - id: egf
      name: Europeiska fonden för justering för fördrivna arbetstagare (EGF)
      administrator: Svenska ESF-rådet
      who_may_apply: Medlemsstaten, efter ansökan via regeringen
      conditions:
        - Minst 200 uppsagda inom en referensperiod på fyra månader (på små arbetsmarknader kan färre räcka).
        - Arbetsförmedlingen förbereder ansökan åt regeringen.
        - Fondens andel av kostnaderna är begränsad; resten måste medfinansieras.

"""

_CARDS_ETABLERING = """
# --- Kort: kunskap, nätverk och finansiering som injects och beslut kan peka på ----------
cards:
  knowledge:
    - id: tidig-planering
      title: Planera tidigt
      text: Erfarenheter från tidigare etableringar visar att bostäder och förskolor tar år att få fram.
      source: Tillväxtverket
  network:
    - id: plankontoret
      actor: Länsstyrelsen
      can_do:
        - Samordna statens myndigheter kring etableringen.
  financing:
    - id: statligt-stod
      name: Regionala projektmedel
      administrator: Region Mellanå
      who_may_apply: Kommuner, organisationer och företag i regionen
      covers_share: 0.5          # högst hälften; resten är medfinansiering (exempel, kontrollera)
      conditions:
        - Projektet ska stärka regionens utveckling, inte driva ordinarie verksamhet.
"""

_TAIL = """
# --- Handlingsplanen --------------------------------------------------------------------
action_plan:
  themes:
    - id: kompetens
      title: Kompetensförsörjning
  own_actions: true              # grupperna får skriva egna åtgärder
  communication:
    - Ett gemensamt budskap från kommun, företag och fack.
  risks:
    - Att de mest utsatta faller mellan stolarna.
  next_steps:
    - Boka ett uppföljningsmöte om tre månader.

# --- Utvärdering efter sista omgången ---------------------------------------------------
debrief:
  objectives:
    - id: ledning
      text: Gruppen utser vem som leder och sammankallar inom ett dygn.
  questions:
    - Vad gjorde vi tidigt som vi vill göra igen på riktigt?
"""


_PLACE_WORDS = frozenset({"i", "på", "pa", "vid", "kring"})
"""Words after which an id usually names a place, whose name is written with a capital."""


def title_from_id(scenario_id: str) -> str:
    """Derive a readable title from an id: `fabriken-i-norrby` -> `Fabriken i Norrby`."""
    words = [word for word in scenario_id.replace("_", "-").split("-") if word]
    shown: list[str] = []
    for index, word in enumerate(words):
        if index == 0 or words[index - 1] in _PLACE_WORDS:
            word = word[:1].upper() + word[1:]
        shown.append("på" if word == "pa" else word)
    return " ".join(shown)


def _yaml_text(text: str) -> str:
    """Quote a title that some YAML reader would take for a truth value or null.

    A title from an id holds only letters, digits and spaces, so nothing else needs quotes.
    """
    if text.lower() in ("yes", "no", "true", "false", "null", "on", "off", "y", "n"):
        return f'"{text}"'
    return text


def render(scenario_id: str, kind: str, year: int, file: str) -> str:
    """Return the starting scenario's YAML text for `kind` (`varsel` or `etablering`)."""
    title = _yaml_text(title_from_id(scenario_id))
    if kind == "etablering":
        summary = (
            "En stor fabrik etableras i en liten kommun. Grupperna planerar bostäder, skola och "
            "kompetensförsörjning tillsammans."
        )
        body = _SETTING_ETABLERING + _CARDS_ETABLERING
    else:
        summary = (
            "Ett bruk varslar 300 anställda. Grupperna leder omställningen lokalt tillsammans med "
            "staten, regionen och facket."
        )
        body = _SETTING_VARSEL + _CARDS_VARSEL
    head = _HEAD.format(
        id=scenario_id, title=title, kind=kind, summary=summary, year=year, file=file
    )
    return head + body + _TAIL
