"""Swedish descriptions for the JSON Schema, by model and field; English comes from docstrings."""

from __future__ import annotations

SV: dict[str, str] = {
    # --- types shared by many fields ----------------------------------------------------
    "type.Identifier": "Id med små bokstäver: en bokstav, sedan a-z, siffror, '_' eller '-'.",
    "type.NameId": "Namn med små bokstäver som kan användas i uttryck: en bokstav, sedan a-z,"
    " siffror eller '_'.",
    # --- scenario -----------------------------------------------------------------------
    "Scenario": "Ett komplett scenario för en workshop.",
    "Scenario.id": "Scenariots id, t.ex. `bruket-i-alvsby`.",
    "Scenario.title": "Titeln som visas i startvyn och på projektorn.",
    "Scenario.kind": "`varsel` eller `etablering`.",
    "Scenario.summary": "Två eller tre meningar för startvyn.",
    "Scenario.language": "Språket i scenariots texter: `sv` eller `en`.",
    "Scenario.year": "Året vars regler och siffror scenariot utgår från.",
    "Scenario.authors": "Vem som har skrivit det.",
    "Scenario.version": "Scenariots egen version.",
    "Scenario.duration_minutes": "Hela workshopens längd i minuter, utvärderingen inräknad.",
    "Scenario.debrief_minutes": "Minuter som avsätts för utvärderingen.",
    "Scenario.sources": "De offentliga fakta scenariot vilar på.",
    "Scenario.setting": "Orten, företaget och siffrorna i lägesbilden.",
    "Scenario.roles": "Rollerna scenariot använder, med sina briefingar.",
    "Scenario.role_cards": "Scenariots egna rollkort, för roller som biblioteket saknar; lista"
    " dem också under `roles`.",
    "Scenario.indicators": "Tal som följs per grupp.",
    "Scenario.flags": "Ja/nej-fakta som effekter sätter och villkor läser.",
    "Scenario.rounds": "Omgångarna i spelordning.",
    "Scenario.cards": "Kunskaps-, nätverks- och finansieringskort.",
    "Scenario.action_plan": "Hur handlingsplanen är ordnad.",
    "Scenario.debrief": "Mål och frågor för utvärderingen.",
    "ScenarioKind": "Om scenariot gäller en nedläggning (varsel) eller en etablering.",
    "Phase": "En fas i Omställningsguiden eller ett steg i guiden för stora etableringar.",
    "Source": "Ett offentligt faktum som scenariot vilar på.",
    "Source.title": "Vad källan är, t.ex. `Lag (1974:13) om vissa anställningsfrämjande åtgärder`.",
    "Source.url": "Var den kan läsas.",
    "Source.note": "Vad scenariot hämtar ur den.",
    "Setting": "Orten, företaget och siffrorna som en lägesbild behöver.",
    "Setting.municipality": "Kommunen där scenariot utspelar sig.",
    "Setting.region": "Regionen runt omkring.",
    "Setting.company": "Företaget som scenariot kretsar kring.",
    "Setting.suppliers": "Lokala underleverantörer som är beroende av företaget.",
    "Setting.assumptions": "Konsekvensmodellens antaganden, namngivna så att processledaren"
    " kan diskutera dem.",
    "Setting.reveal": "Lägesbildens siffror som visas först från en viss omgång eller när ett"
    " villkor håller; de övriga visas från början.",
    "FigureReveal": "Konsekvensmodellens siffror som lägesbilden döljer tills de avslöjas.",
    "FigureReveal.figures": "Siffrornas koder i konsekvensmodellen, t.ex. `direct_jobs`,"
    " `unemployed_12`.",
    "FigureReveal.available_from": "Omgångs-id från vars start siffrorna får visas.",
    "FigureReveal.condition": "Uttryck som måste vara sant (från `available_from`) innan"
    " siffrorna visas.",
    "Municipality": "Den påhittade kommunen där scenariot utspelar sig.",
    "Municipality.name": "Kommunens namn, t.ex. `Älvsby kommun`.",
    "Municipality.population": "Antal invånare.",
    "Municipality.employed": "Förvärvsarbetande invånare (dagbefolkningen används inte).",
    "Municipality.unemployment_rate": "Andel av arbetskraften som är arbetslös innan scenariot"
    " börjar.",
    "Municipality.tax_rate": "Hela kommunalskatten, kommun och region, som andel (0.3237 ="
    " 32,37 %, snittet 2024).",
    "Municipality.municipal_tax_rate": "Kommunens egen del av skattesatsen, som andel (ungefär"
    " 21 procentenheter av den totala).",
    "Municipality.revenue_per_inhabitant": "Kommunens intäkter från skatt och utjämning per"
    " invånare, kronor per år.",
    "Municipality.average_income": "Genomsnittlig beskattningsbar inkomst per förvärvsarbetande"
    " invånare, kronor per år.",
    "Municipality.description": "Några meningar om orten: näringar, pendling, bostäder, skolor.",
    "Region": "Den påhittade regionen som kommunen ligger i.",
    "Region.name": "Regionens namn, t.ex. `Region Nordanå`.",
    "Region.population": "Antal invånare i regionen.",
    "Region.description": "Några meningar om regionen: arbetsmarknadsregion, andra stora"
    " arbetsgivare.",
    "Company": "Företaget som varslar eller etablerar sig.",
    "Company.name": "Företagets påhittade namn.",
    "Company.sector": "Branschen, t.ex. `massa och papper`.",
    "Company.employees": "Anställda i dag (vid en etablering: före utbyggnaden, ofta 0).",
    "Company.affected": "Anställda som varslas (varsel) eller planerade fasta jobb (etablering).",
    "Company.construction_peak": "Byggarbetare på plats när bygget är som störst (etablering).",
    "Company.resident_share": "Andel av de anställda (eller de nyanställda) som bor i kommunen.",
    "Company.commuters_from": "Var de övriga anställda pendlar från.",
    "Company.description": "Några meningar om företaget och anläggningen.",
    "Supplier": "En lokal underleverantör som är beroende av företaget.",
    "Supplier.name": "Underleverantörens påhittade namn.",
    "Supplier.employees": "Dess anställda i kommunen.",
    "Supplier.dependence": "Andel av omsättningen som kommer från företaget.",
    "Supplier.description": "Vad den levererar.",
    "ImpactAssumptions": "Antaganden som konsekvensmodellen använder; författaren får ändra"
    " vart och ett.",
    "ImpactAssumptions.local_multiplier": "Indirekta jobb i leverantörskedjan hos lokala företag"
    " som inte står som underleverantörer, per direkt jobb.",
    "ImpactAssumptions.dismissed_share": "Andel av de varslade som till slut sägs upp"
    " (Arbetsförmedlingen: ungefär 6 av 10).",
    "ImpactAssumptions.unemployed_share": "Andel av de varslade som blir arbetslösa"
    " (Arbetsförmedlingen: ungefär 2 av 10).",
    "ImpactAssumptions.reemployed_12m": "Andel av de uppsagda som arbetar eller studerar efter"
    " 12 månader (TSL 87-94 %, TRR ungefär 8 av 10).",
    "ImpactAssumptions.move_away_share": "Andel av invånarna som mister jobbet vars hushåll"
    " flyttar (varsel).",
    "ImpactAssumptions.household_size": "Genomsnittligt antal personer per hushåll som flyttar"
    " in eller ut.",
    "ImpactAssumptions.in_mover_share": "Andel av de nya jobben som går till personer som flyttar"
    " in till kommunen (etablering).",
    "ImpactAssumptions.children_preschool_per_household": "Förskolebarn (1-5 år) per inflyttat"
    " hushåll (etablering).",
    "ImpactAssumptions.children_school_per_household": "Skolbarn (6-15 år) per inflyttat hushåll"
    " (etablering).",
    "ImpactAssumptions.new_jobs": "Nya lokala jobb sedan varslet (nya företag, avknoppningar);"
    " effekter lägger till (varsel).",
    "ImpactAssumptions.new_jobs_local_share": "Andel av de nya lokala jobben som går till"
    " invånare utan arbete (varsel).",
    "ImpactAssumptions.construction_resident_share": "Andel av byggarbetarna som folkbokför sig"
    " i kommunen under bygget (etablering).",
    "RoleInScenario": "En roll ur rollbiblioteket, med det som just detta scenario berättar för"
    " den.",
    "RoleInScenario.role": "Roll-id ur rollbiblioteket.",
    "RoleInScenario.briefing": "Vad rollen vet när scenariot börjar.",
    "RoleInScenario.private_goals": "Mål som bara den här rollens kort visar.",
    "RoleInScenario.organisation": "Organisationen som rollen står för i just detta scenario,"
    " t.ex. `Pappers avdelning 14`; tomt behåller rollkortets (ofta allmänna) organisation.",
    "RoleInScenario.required": "Sant när scenariot behöver att någon (eller processledaren)"
    " har rollen.",
    "Indicator": "Ett tal som scenariot följer per grupp.",
    "Indicator.id": "Namnet som används i villkor och effekter, t.ex. `arbetslosa`.",
    "Indicator.label": "Etiketten som visas på skärmen, t.ex. `Arbetslösa i kommunen`.",
    "Indicator.unit": "Enheten efter värdet, t.ex. `personer`, `%`, `MSEK`.",
    "Indicator.start": "Värdet när scenariot börjar.",
    "Indicator.min": "Lägsta värde; effekter stannar vid det.",
    "Indicator.max": "Högsta värde; effekter stannar vid det.",
    "Indicator.good": "Vilket håll som är bra: `up` (uppåt) eller `down` (nedåt).",
    "Indicator.description": "Vad talet betyder och var startvärdet kommer ifrån.",
    "Indicator.follows": "En siffra i konsekvensmodellen som indikatorn följer: efter varje omgång"
    " är den `start` plus siffran (gånger `follows_scale`) vid omgångens `model_month`;"
    " effekter får inte ändra den.",
    "Indicator.follows_scale": "Gångrar den följda siffran, t.ex. `0.000001` för att visa kronor"
    " som MSEK.",
    "Flag": "Ett ja/nej-faktum i spelets läge, som effekter sätter och villkor läser.",
    "Flag.id": "Namnet som används i villkor och effekter, t.ex. `egf_sokt`.",
    "Flag.description": "Vad det betyder när flaggan är sann.",
    "Flag.start": "Värdet när scenariot börjar.",
    "Round": "Ett steg i speltiden med en tidsram för diskussionen.",
    "Round.id": "Id, unikt i scenariot, t.ex. `r1`.",
    "Round.title": "Titel, t.ex. `Varslet blir offentligt`.",
    "Round.phase": "Fasen som omgången övar: Omställningsguidens `forbered`, `analysera`,"
    " `planera`, `genomfor`, `folj-upp`, eller etableringsguidens `samordna`, `forutsattningar`,"
    " `leverantorer`, `eftervard`; handlingsplanen ordnas efter den.",
    "Round.game_time": "Speltid, t.ex. `Dag 0`, `Vecka 2`, `Månad 6`.",
    "Round.minutes": "Diskussionstiden i minuter.",
    "Round.briefing": "Vad alla grupper får höra när omgången börjar.",
    "Round.condition": "Uttryck som måste vara sant för att omgången ska spelas; annars hoppas"
    " den över.",
    "Round.model_month": "Månader efter uppsägningarna (varsel) eller efter produktionsstarten"
    " (etablering) som omgångens slut motsvarar; indikatorer som följer modellen läser dess"
    " siffror då.",
    "Round.injects": "Händelserna i den ordning de släpps.",
    "Round.decisions": "Besluten som grupperna fattar i omgången.",
    "Round.own_actions_prompt": "Uppmaning till grupperna att skriva egna åtgärder i omgången.",
    "Round.facilitator": "Anteckningar och förväntade svar som bara processledaren ser.",
    "Inject": "En nyhet som kommer under en omgång.",
    "Inject.id": "Id, unikt i scenariot.",
    "Inject.title": "Rubrik, t.ex. `Lokaltidningen: 'Bruket stänger'`.",
    "Inject.text": "Själva meddelandet.",
    "Inject.sender": "Vem den kommer från, t.ex. `lokaltidningen`, `facket`, `en oroad förälder`.",
    "Inject.channel": "Hur den kommer, som fri text; de vanliga orden är artikel, samtal, mejl,"
    " sms, möte, sociala medier.",
    "Inject.to": "Roll-id:n som tar emot den; tom betyder alla roller.",
    "Inject.condition": "Uttryck som måste vara sant för att händelsen ska komma, t.ex."
    " `not egf_sokt`.",
    "Inject.backup": "Sant för en reservhändelse som processledaren släpper för hand till en"
    " grupp som har kört fast.",
    "Inject.effects": "Effekter på en grupp när händelsen når den, t.ex. `fortroende -= 5`.",
    "Inject.cards": "Kort-id:n som händelsen pekar på.",
    "Inject.delayed_effects": "Effekter som gäller från starten av en senare omgång, räknat från"
    " händelsens omgång.",
    "DelayedEffects": "Effekter som gäller från starten av en senare omgång i stället för direkt.",
    "DelayedEffects.after_rounds": "Hur många omgångar senare: 1 är starten av nästa omgång.",
    "DelayedEffects.effects": "Effekterna, t.ex. `arbetslosa -= 30`; de räknas ut när de gäller.",
    "Decision": "En fråga som en grupp ska avgöra i en omgång.",
    "Decision.id": "Id, unikt i scenariot; uttryck skriver det som `omgång.beslut`.",
    "Decision.question": "Frågan, t.ex. `Vem leder och sammankallar arbetet?`.",
    "Decision.context": "Bakgrunden som gruppen behöver för att resonera.",
    "Decision.mandate": "Mandat-id som beslutet kräver; de roller vars kort har det äger beslutet.",
    "Decision.owners": "Roll-id:n som äger beslutet; går före rollerna som `mandate` ger.",
    "Decision.outside_mandate": "`anchor`: ett val utan mandatet noteras som att det behöver"
    " förankras; `refuse`: valet vägras.",
    "Decision.condition": "Uttryck som måste vara sant för att beslutet ska ställas till gruppen.",
    "Decision.cards": "Kort-id:n som hjälper gruppen att besluta.",
    "Decision.options": "Alternativen, i den ordning de visas.",
    "Decision.max_choices": "Hur många alternativ en grupp får välja tillsammans (1: ett"
    " alternativ; fler: flerval).",
    "Decision.number": "I stället för alternativ: gruppen svarar med ett tal inom ett intervall.",
    "NumberChoice": "Ett beslut som besvaras med ett tal inom ett intervall, t.ex. hur många"
    " Komvux-platser som öppnas.",
    "NumberChoice.label": "Vad talet räknar, t.ex. `Antal Komvux-platser`.",
    "NumberChoice.min": "Minsta tal som gruppen får välja.",
    "NumberChoice.max": "Största tal som gruppen får välja.",
    "NumberChoice.step": "Talet måste vara `min` plus ett helt antal steg.",
    "NumberChoice.unit": "Enheten efter talet, t.ex. `platser`, `MSEK`.",
    "NumberChoice.effects": 'Effekter när omgången stängs; `varde("OMGÅNG.BESLUT")` är det valda'
    " talet.",
    "NumberChoice.delayed_effects": "Effekter som gäller från starten av en senare omgång.",
    "NumberChoice.outcome": "Vad gruppen får höra när den har valt.",
    "NumberChoice.actions": "Åtgärder till handlingsplanen; `{value}` i en titel eller ett"
    " resultat byts mot det valda talet.",
    "NumberChoice.cards": "Kort-id:n som talet vilar på; de visas bredvid det.",
    "Option": "Ett möjligt svar på ett beslut.",
    "Option.id": "Id, unikt inom beslutet.",
    "Option.label": "Kort etikett, t.ex. `Kommunen leder och sammankallar`.",
    "Option.explanation": "Vad alternativet innebär och vad det kostar.",
    "Option.condition": "Uttryck som måste vara sant för att alternativet ska gå att välja.",
    "Option.effects": "Effekter på indikatorer, flaggor och modellens antaganden, t.ex."
    " `fortroende += 5`.",
    "Option.outcome": "Vad gruppen får höra när den har valt det.",
    "Option.actions": "Åtgärder som alternativet bidrar med till handlingsplanen.",
    "Option.delayed_effects": "Effekter som gäller från starten av en senare omgång, räknat från"
    " omgången då alternativet väljs.",
    "Option.cards": "Kort-id:n som alternativet vilar på; de visas bredvid det.",
    "ActionItem": "En åtgärd i utkastet till handlingsplan.",
    "ActionItem.title": "Vad som görs, t.ex. `Starta lokal omställningsgrupp`.",
    "ActionItem.result": "Det avsedda resultatet.",
    "ActionItem.responsible": "Roll-id för den ansvariga aktören.",
    "ActionItem.partners": "Roll-id:n eller nätverkskortens id för de viktigaste partnerna.",
    "ActionItem.level": "lokal, regional eller nationell.",
    "ActionItem.timeframe": "När, t.ex. `inom 2 veckor`, `vecka 1-8`, `2027`.",
    "ActionItem.financing": "Id för finansieringskortet som betalar, om något.",
    "ActionItem.indicator": "Id för indikatorn som används för uppföljning, om någon.",
    "ActionItem.theme": "Id för temat i handlingsplanen som åtgärden hör till, om scenariot har"
    " teman.",
    "ActionItem.amount": "Vad åtgärden kostar totalt, i kronor; skriv i en kommentar var beloppet"
    " är ett antagande.",
    "ActionItem.financing_share": "Andel av beloppet som den angivna finansieringen betalar"
    " (0.6 = 60 %); tomt: kortets `covers_share`.",
    "ActionItem.start": "När åtgärden börjar: speltid efter dag 0 (`dag 2`, `vecka 3`, `månad 6`)"
    " eller `ÅÅÅÅ-MM(-DD)`.",
    "ActionItem.end": "När åtgärden slutar (eller ska vara klar), skrivet som `start`; inte före"
    " `start`.",
    "ActionItem.follow_up": "Den mätbara indikator som åtgärden följs upp med, t.ex. `Andel"
    " uppsagda i arbete eller studier efter 6 och 12 månader`.",
    "ActionItem.baseline": "Indikatorns värde när åtgärden börjar (utgångsläge), t.ex. `0 av 68`.",
    "ActionItem.target": "Värdet som eftersträvas, och till när, t.ex. `minst 85 % efter 12"
    " månader`.",
    "ActionItem.follow_up_by": "Roll-id för aktören som äger uppföljningen.",
    "Level": "Den samhällsnivå som en åtgärd hör till.",
    "FacilitatorNotes": "Det som bara processledaren ser för en omgång.",
    "FacilitatorNotes.notes": "Hur omgången leds och vad man ska hålla utkik efter.",
    "FacilitatorNotes.expected": "Svar som en väl förberedd grupp förväntas ge.",
    "CardSet": "Kunskaps-, nätverks- och finansieringskorten som scenariot erbjuder.",
    "CardSet.knowledge": "Fakta och lärdomar från tidigare fall.",
    "CardSet.network": "Aktörer och vad de kan göra.",
    "CardSet.financing": "Finansieringskällor.",
    "KnowledgeCard": "Ett faktum eller en lärdom från ett tidigare fall.",
    "KnowledgeCard.id": "Kortets id, unikt bland alla kort.",
    "KnowledgeCard.title": "Kortets titel.",
    "KnowledgeCard.text": "Faktumet eller lärdomen.",
    "KnowledgeCard.source": "Var det kommer ifrån.",
    "KnowledgeCard.available_from": "Omgångs-id från vars start kortet finns; inget: från början.",
    "KnowledgeCard.condition": "Uttryck som måste vara sant (från `available_from`) innan kortet"
    " finns.",
    "NetworkCard": "En aktör och vad den kan göra.",
    "NetworkCard.id": "Kortets id, unikt bland alla kort.",
    "NetworkCard.actor": "Aktören, t.ex. `Arbetsförmedlingen`.",
    "NetworkCard.can_do": "Vad aktören kan göra i det här läget.",
    "NetworkCard.role": "Roll-id när aktören också är en spelbar roll.",
    "NetworkCard.contact": "Hur man når den, i fiktionen.",
    "NetworkCard.available_from": "Omgångs-id från vars start kortet finns; inget: från början.",
    "NetworkCard.condition": "Uttryck som måste vara sant (från `available_from`) innan kortet"
    " finns.",
    "FinancingCard": "En källa till pengar: vem som får söka och på vilka villkor.",
    "FinancingCard.id": "Kortets id, unikt bland alla kort.",
    "FinancingCard.name": "Källans namn, t.ex. `Fonden för en rättvis omställning (FRO)`.",
    "FinancingCard.administrator": "Vem som förvaltar den, t.ex. `Tillväxtverket`.",
    "FinancingCard.who_may_apply": "Vem som får söka.",
    "FinancingCard.covers_share": "Den största andel av kostnaderna som källan betalar"
    " (0.5 = 50 %); medfinansiering täcker resten.",
    "FinancingCard.conditions": "Villkor och fallgropar.",
    "FinancingCard.source": "Var villkoren står.",
    "FinancingCard.lead_time_weeks": "Veckor från beslutet att söka tills pengarna tidigast kan"
    " betalas ut; en åtgärd som ska vara klar tidigare kan inte räkna med dem. Tomt: inte angivet.",
    "FinancingCard.pays_for": "Id:n för de teman i handlingsplanen vars åtgärder källan får"
    " betala; tomt: inte angivet.",
    "FinancingCard.available_from": "Omgångs-id från vars start kortet finns; inget: från början.",
    "FinancingCard.condition": "Uttryck som måste vara sant (från `available_from`) innan kortet"
    " finns.",
    "ActionPlanSettings": "Hur scenariots handlingsplan är ordnad och var gruppernas egna"
    " åtgärder hamnar.",
    "ActionPlanSettings.themes": "Teman som åtgärderna samlas under; en grupps egen åtgärd väljer"
    " ett (eller inget).",
    "ActionPlanSettings.own_actions": "Sant när grupperna får lägga till egna åtgärder i fri text.",
    "ActionPlanSettings.communication": "Kommunikationspunkter som planen alltid tar upp.",
    "ActionPlanSettings.risks": "Risker som planen alltid nämner.",
    "ActionPlanSettings.next_steps": "Nästa steg efter workshopen.",
    "ActionTheme": "En rubrik i handlingsplanen som åtgärder samlas under.",
    "ActionTheme.id": "Temats id.",
    "ActionTheme.title": "Rubrik, t.ex. `Kompetensförsörjning`.",
    "ActionTheme.description": "Vad som hör hit.",
    "Debrief": "Mål att bedöma och frågor att diskutera efter sista omgången.",
    "Debrief.objectives": "Mål som grupperna bedöms mot.",
    "Debrief.questions": "Frågor till det avslutande samtalet.",
    "Objective": "Ett lärandemål som grupperna bedöms mot i utvärderingen.",
    "Objective.id": "Målets id.",
    "Objective.text": "Målet, t.ex. `Gruppen utser vem som leder och sammankallar inom ett dygn`.",
    # --- role card ----------------------------------------------------------------------
    "RoleCard": "En aktör i en workshop: vem den är, vad den beslutar, vad den inte får göra.",
    "RoleCard.id": "Roll-id som scenarierna hänvisar till, t.ex. `kso`.",
    "RoleCard.title": "Rollens titel som den står på kortet, t.ex. `Kommunstyrelsens ordförande`.",
    "RoleCard.short": "En kort etikett för smala skärmar, t.ex. `KSO`; titeln används när den är"
    " tom.",
    "RoleCard.organisation": "Organisationen som rollen hör till, t.ex. `Kommunen`.",
    "RoleCard.aliases": "Andra namn som deltagare ger rollens organisation, t.ex. `Af` eller"
    " `Pappers`; förberedelsen matchar deltagare mot roller med dem.",
    "RoleCard.kind": "Slags aktör: kommun, region, stat, företag, fack, omställning, finansiär,"
    " energi.",
    "RoleCard.summary": "En eller två meningar om vem rollen är.",
    "RoleCard.mandate": "Besluten som rollen får fatta på egen hand.",
    "RoleCard.limits": "Vad rollen inte får göra, vart och ett med regeln bakom.",
    "RoleCard.resources": "Vad rollen bidrar med: pengar, personal, kunskap, kontakter, lokaler.",
    "RoleCard.interests": "Vad rollen vill uppnå eller skydda.",
    "RoleCard.contacts": "Typiska kontakter, helst som roll-id:n ur biblioteket.",
    "RoleCard.sources": "Offentliga källor som kortet vilar på.",
    "MandateItem": "En sak som en roll får besluta på egen hand.",
    "MandateItem.id": "Mandat-id som beslut i scenarier hänvisar till, t.ex."
    " `sammankalla-lokal-samverkan`.",
    "MandateItem.text": "Vad rollen får besluta, med vanliga ord.",
    "MandateItem.basis": "Regeln eller dokumentet som mandatet vilar på, t.ex."
    " `kommunallagen 6 kap.`.",
    "MandateItem.exclusive": "Sant när ingen annan roll i biblioteket får ha samma mandat-id.",
    "Limit": "En sak som en roll inte får göra, och varför.",
    "Limit.text": "Vad rollen inte får göra.",
    "Limit.rule": "Regeln bakom begränsningen, t.ex. `kommunallagen 2 kap. 8 §`.",
}
"""Swedish descriptions: `Model` for a model or enum, `Model.field` for a field, `type.X` for
the shared id types of `varselspel.model.common`."""
