"""English catalogue: Dutch message id -> English text (gettext style, Dutch is the source).

A message without an entry falls back to Dutch; ``tests/rapporten/test_opmaak.py`` checks that
every literal message in the package has an English entry.
"""

ENGELS: dict[str, str] = {
    # general
    "Inhoud": "Contents",
    "In het kort": "Summary",
    "Naar de inhoud": "Skip to content",
    "Over dit rapport": "About this report",
    "Bronnen per onderdeel": "Sources per section",
    "Let op": "Note",
    "Toelichting": "Explanation",
    "Gegevens bij deze figuur": "Data for this figure",
    "Tabblad": "Sheet",
    "Tabel": "Table",
    "Totaal": "Total",
    "Jaar": "Year",
    "Groep": "Group",
    "Gemeente": "Municipality",
    "gemeente": "municipality",
    "Wijk": "Neighbourhood",
    "wijk": "neighbourhood",
    "Domein": "Domain",
    "domein": "domain",
    "Interventie": "Intervention",
    "interventie": "intervention",
    "groep: interventie": "group: intervention",
    "groep: vergelijking": "group: comparison",
    "geen traject (vergelijkingsgroep)": "no programme (comparison group)",
    "Overzicht": "Overview",
    "Dashboard voor beleid": "Policy dashboard",
    "Verantwoording": "Accountability",
    "Dialoog tussen beleid en uitvoering": "Dialogue between policy and practice",
    "Casusbeschrijving": "Case description",
    "Wijkverhalen": "Neighbourhood stories",
    "Voor inwoners": "For residents",
    "Aantallen kleiner dan {d} worden getoond als “< {d}”; percentages en gemiddelden alleen "
    "over minstens {m} personen.": "Counts below {d} are shown as “< {d}”; percentages and means "
    "only over at least {m} people.",
    "< {d} = minder dan {d} personen; × = niet getoond zodat een kleine groep niet is terug te "
    "rekenen; n < {m} = over minder dan {m} personen wordt geen percentage of gemiddelde getoond.": "< {d} = fewer than {d} people; × = hidden so that a small group cannot be worked out; "
    "n < {m} = no percentage or mean over fewer than {m} people.",
    # provenance
    "geen (alle gegevens)": "none (all data)",
    "Vingerafdruk van de gegevens (SHA-256)": "Data fingerprint (SHA-256)",
    "Filters": "Filters",
    "Parameters": "Parameters",
    "Versie prijslijst": "Price list version",
    "Versie van de bibliotheek impact": "Version of the impact library",
    "Gemaakt op": "Generated on",
    "geen prijslijst gebruikt": "no price list used",
    "niet beschikbaar ({m} bestaat nog niet)": "not available ({m} does not exist yet)",
    "Dit onderdeel ({wat}) kan nog niet worden getoond: de module {m} is nog niet beschikbaar. "
    "Er staan hier bewust geen voorlopige of verzonnen cijfers.": "This section ({wat}) cannot be shown yet: the module {m} is not available. On purpose, "
    "there are no provisional or made-up figures here.",
    # ZRM domains
    "Financiën": "Finances",
    "Werk & opleiding": "Work & education",
    "Tijdsbesteding": "Daytime activities",
    "Huisvesting": "Housing",
    "Huiselijke relaties": "Domestic relations",
    "Geestelijke gezondheid": "Mental health",
    "Lichamelijke gezondheid": "Physical health",
    "Middelengebruik": "Substance use",
    "Basale ADL": "Basic ADL",
    "Instrumentele ADL": "Instrumental ADL",
    "Sociaal netwerk": "Social network",
    "Maatschappelijke participatie": "Community participation",
    "Justitie": "Justice",
    # stories
    "clientverhaal": "client story",
    "casusnotitie": "case note",
    "wijkverhaal": "neighbourhood story",
    "msc_verhaal": "most significant change story",
    "casusbeschrijving": "case description",
    "professional": "professional",
    "client": "client",
    "naaste": "relative",
    "student": "student",
    "burger": "resident",
    "beleid": "policy",
    "geschreven door: {rol}": "written by: {rol}",
    "Pseudonimisering van verhalen": "Pseudonymisation of stories",
    "eenvoudige regelset in rapporten (verhalen.pseudonimisering nog niet beschikbaar)": "simple rule set in rapporten (verhalen.pseudonimisering not yet available)",
    "Er zijn (nog) geen passende verhalen met toestemming om te publiceren.": "There are no (suitable) stories with consent to publish yet.",
    "Verhalen zijn gepseudonimiseerd met een eenvoudige regelset: alleen verhalen met toestemming "
    "om (geanonimiseerd) te publiceren; alle namen, adressen, BSN's, telefoonnummers en "
    "e-mailadressen die in de database bekend zijn, zijn vervangen, en patronen voor e-mail, BSN, "
    "telefoon, postcode en datum ook. Namen die nergens geregistreerd zijn, vindt deze regelset "
    "niet; de module verhalen.pseudonimisering is nog niet beschikbaar.": "Stories were pseudonymised with a simple rule set: only stories with consent to publish "
    "(anonymised); every name, address, citizen service number, phone number and e-mail "
    "address known in the database was replaced, as were patterns for e-mail, citizen "
    "service number, phone, postcode and date. Names registered nowhere are not found by "
    "this rule set; the module verhalen.pseudonimisering is not available yet.",
    "Alleen verhalen met toestemming om (geanonimiseerd) te publiceren. Namen, adressen, nummers "
    "en datums zijn vervangen door verhalen.pseudonimisering (deduce en eigen herkenners), daarna "
    "nog eens alle in de database bekende persoonsgegevens van alle cliënten.": "Only stories with consent to publish (anonymised). Names, addresses, numbers and dates "
    "were replaced by verhalen.pseudonimisering (deduce and our own detectors), then once "
    "more every personal detail of any client known in the database.",
    # shared tables and figures
    "Aantal cliënten per {r} en interventie": "Number of clients per {r} and intervention",
    "Bereik per {r} en interventie": "Reach per {r} and intervention",
    "Cliënten per {r}, gestapeld naar interventie.": "Clients per {r}, stacked by intervention.",
    "De meeste cliënten komen uit {g} ({n}).": "Most clients come from {g} ({n}).",
    "Kleine groepen zijn niet getekend.": "Small groups are not drawn.",
    "aantal cliënten": "number of clients",
    "Aantal cliënten": "Number of clients",
    "Maanden na start": "Months after start",
    "Gemiddelde score": "Mean score",
    "Standaardafwijking": "Standard deviation",
    "Gemiddelde ZRM-score per {g} en meetmoment": "Mean ZRM score per {g} and measurement moment",
    "gemiddelde ZRM-score (1–5)": "mean ZRM score (1–5)",
    "maanden na start van het traject": "months after the start of the programme",
    "Te weinig cliënten per meetmoment om een verloop te tonen.": "Too few clients per moment to show a trajectory.",
    "Gemiddelde score per meetmoment; alleen punten met minstens {m} cliënten. De grootste "
    "stijging: {a} ({v} punt tot maand {mnd}).": "Mean score per measurement moment; only points "
    "with at least {m} clients. The largest rise: {a} ({v} points up to month {mnd}).",
    "De kleinste verandering: {a} ({v} punt).": "The smallest change: {a} ({v} points).",
    "Dit zijn gemiddelden van wie er op dat moment gemeten is; uitval kan het beeld kleuren.": "These are means of whoever was measured at that moment; drop-out can colour the picture.",
    "Gemiddeld bij start": "Mean at start",
    "Gemiddeld bij laatste meting": "Mean at last measurement",
    "Gemiddelde verandering": "Mean change",
    "Aandeel minstens 1 punt verbeterd": "Share improved by at least 1 point",
    "Aandeel op minstens één domein 1 punt verbeterd": "Share improved by 1 point on at least one domain",
    "Verandering op de ZRM van start tot laatste meting, per {p}": "Change on the ZRM from start to last measurement, per {p}",
    "Cliënten met een startmeting en een meting minstens drie maanden later. Beschrijvend: zonder "
    "vergelijking zegt dit niets over oorzaak en gevolg.": "Clients with a baseline and a "
    "measurement at least three months later. Descriptive: without a comparison this says "
    "nothing about cause and effect.",
    "Te weinig cliënten om gemiddelden te tonen.": "Too few clients to show means.",
    "gemiddelde score": "mean score",
    "Gemiddelde score bij de start en bij de laatste meting. De grootste vooruitgang is er op {a} "
    "({v} punt), de kleinste op {b} ({w} punt).": "Mean score at the start and at the last "
    "measurement. The largest progress is on {a} ({v} points), the smallest on {b} ({w} points).",
    "Cliënten met startmeting": "Clients with baseline",
    "Met meting na 6 maanden": "Measured after 6 months",
    "Aandeel na 6 maanden": "Share after 6 months",
    "Met meting na 12 maanden": "Measured after 12 months",
    "Aandeel na 12 maanden": "Share after 12 months",
    "Uitval: wie is na 6 en 12 maanden nog gemeten": "Drop-out: who is still measured after 6 and 12 months",
    "Cliënten van wie het traject nog niet zo lang loopt, tellen mee als 'niet gemeten'; dat "
    "drukt de aandelen.": "Clients whose programme has not run that long count as 'not "
    "measured'; that lowers the shares.",
    "Kosten en baten": "Costs and benefits",
    "kosten en baten": "costs and benefits",
    "Saldo per financier (zonder minus met interventie)": "Balance per funder (without minus with intervention)",
    "Financier": "Funder",
    "Gemiddeld saldo per casus": "Mean balance per case",
    "Ondergrens 95%-interval": "Lower bound 95% interval",
    "Bovengrens 95%-interval": "Upper bound 95% interval",
    "Totaal over de casussen": "Total over the cases",
    "Positief: deze partij is minder kwijt dankzij de interventie; negatief: zij investeert. "
    "Interval: bootstrap over {n} casussen.": "Positive: this party spends less thanks to the "
    "intervention; negative: it invests. Interval: bootstrap over {n} cases.",
    "euro per casus": "euro per case",
    "Wie betaalt en wie baat heeft, gemiddeld per casus. Het meeste voordeel heeft {a} ({v}); het "
    "meeste kwijt is {b} ({w}).": "Who pays and who benefits, on average per case. {a} gains most "
    "({v}); {b} pays most ({w}).",
    "{n} casus(sen) konden niet worden doorgerekend en zijn weggelaten.": "{n} case(s) could not be computed and were left out.",
    "Er zijn geen Effectencalculator-casussen in de gegevens; daarom staan hier geen kosten en "
    "baten.": "There are no Effectencalculator cases in the data; so no costs and benefits here.",
    "Geen enkele casus kon worden doorgerekend.": "No case could be computed.",
    "zorgverzekeraar": "health insurer",
    "Rijk": "national government",
    "woningcorporatie": "housing association",
    "werkgever": "employer",
    "politie/justitie": "police/justice",
    # overzicht
    "Impact van sociaal werk: overzicht": "Impact of social work: overview",
    "Bereik, verloop op de Zelfredzaamheid-Matrix en verhalen uit de praktijk": "Reach, trajectories on the Self-Sufficiency Matrix and stories from practice",
    "Wie zijn bereikt": "Who was reached",
    "Hoe het de cliënten vergaat: de Zelfredzaamheid-Matrix": "How clients are doing: the Self-Sufficiency Matrix",
    "Over deze cijfers": "About these figures",
    "ZRM-verloop op zes kerndomeinen": "ZRM trajectory on six core domains",
    "Gemiddelde ZRM-score per domein en meetmoment (alle domeinen)": "Mean ZRM score per domain and moment (all domains)",
    "{n} cliënten in {g} gemeenten, {m} ZRM- en andere metingen.": "{n} clients in {g} municipalities, {m} ZRM and other measurements.",
    "De verhalen laten zien wat achter de gemiddelden zit; ze zijn gekozen als voorbeeld, niet "
    "als steekproef.": "The stories show what lies behind the means; they were chosen as "
    "examples, not as a sample.",
    "In deze gegevens staan {n} cliënten en {m} metingen. De figuur telt elke cliënt één keer per "
    "interventie waaraan die deelnam.": "These data hold {n} clients and {m} measurements. The "
    "figure counts each client once per intervention they took part in.",
    "De Zelfredzaamheid-Matrix (ZRM) scoort per levensdomein van 1 (acute problematiek) tot 5 "
    "(volledig zelfredzaam). Hieronder het gemiddelde per meetmoment, gerekend vanaf de start van "
    "het eerste traject.": "The Self-Sufficiency Matrix (ZRM) scores each life domain from 1 "
    "(acute problems) to 5 (fully self-sufficient). Below, the mean per measurement moment, "
    "counted from the start of the first programme.",
    "Dit overzicht is beschrijvend: het laat zien wat er gemeten is, niet wat de interventies "
    "veroorzaakt hebben. Voor effecten, betrouwbare verandering en kosten en baten zijn er de "
    "rapporten voor beleid en verantwoording.": "This overview is descriptive: it shows what was "
    "measured, not what the interventions caused. For effects, reliable change and costs and "
    "benefits, see the policy and accountability reports.",
    "Aantallen onder de {d} worden niet getoond en gemiddelden alleen over minstens {m} cliënten, "
    "zodat niemand herkenbaar is.": "Counts below {d} are not shown and means only over at least "
    "{m} clients, so that nobody can be recognised.",
    # beleid
    "Dashboard sociaal werk voor beleid": "Social work dashboard for policy makers",
    "Bereik, uitkomsten en kosten en baten per gemeente, wijk en interventie": "Reach, outcomes, costs and benefits per municipality, neighbourhood and intervention",
    "Nieuwe trajecten per jaar en interventie": "New programmes per year and intervention",
    "Gemiddelde ZRM-score": "Mean ZRM score",
    "Gemiddelde ZRM-score (alle domeinen): interventie- en vergelijkingsgroep": "Mean ZRM score (all domains): intervention and comparison group",
    "Instroom per jaar": "Intake per year",
    "Aantal nieuwe trajecten per startjaar, per interventie.": "Number of new programmes per starting year, per intervention.",
    "Betrouwbare verandering": "Reliable change",
    "Interventiegroep naast vergelijkingsgroep": "Intervention group next to comparison group",
    "Gemiddelde over alle ZRM-domeinen per meetmoment. De vergelijkingsgroep kreeg de gebruikelijke "
    "zorg; de groepen zijn niet gerandomiseerd, dus een verschil is geen bewezen effect.": "Mean over "
    "all ZRM domains per moment. The comparison group received usual care; the groups were not "
    "randomised, so a difference is not a proven effect.",
    "nieuwe trajecten": "new programmes",
    "betrouwbare verandering (RCI)": "reliable change (RCI)",
    "De module voor betrouwbare verandering is beschikbaar; de koppeling in dit dashboard volgt.": "The reliable change module is available; linking it into this dashboard follows.",
    "Bereik en uitkomsten per gemeente": "Reach and outcomes per municipality",
    "Ontwikkeling in de tijd": "Development over time",
    "Wie betaalt, wie heeft baat": "Who pays, who benefits",
    "{n} cliënten, {g} gemeenten.": "{n} clients, {g} municipalities.",
    "gemiddelde ZRM-score": "mean ZRM score",
    "maanden na start": "months after start",
    "Alle gemeenten": "All municipalities",
    "Kies een gemeente om de cijfers per wijk te zien. Alle cijfers zijn beschermd: kleine "
    "groepen worden niet getoond.": "Choose a municipality to see the figures per neighbourhood. "
    "All figures are protected: small groups are not shown.",
    # verantwoording
    "Effectgroottes": "Effect sizes",
    "Groeimodellen": "Growth models",
    "Verantwoording: uitkomsten van sociaal werk": "Accountability: outcomes of social work",
    "Uitkomsten, onzekerheid, uitval, kosten en baten, en hoe dit is berekend": "Outcomes, uncertainty, drop-out, costs and benefits, and how this was computed",
    "Uitkomsten": "Outcomes",
    "Effectgroottes en onzekerheid": "Effect sizes and uncertainty",
    "Uitval": "Drop-out",
    "Methode en beperkingen": "Method and limitations",
    "{n} cliënten, {m} metingen.": "{n} clients, {m} measurements.",
    "effectgroottes met betrouwbaarheidsintervallen": "effect sizes with confidence intervals",
    "De module modellen.verandering is beschikbaar; de koppeling in dit rapport volgt.": "The module modellen.verandering is available; linking it into this report follows.",
    "groeimodellen": "growth models",
    "Over {n} casussen is het maatschappelijk saldo gemiddeld {v} per casus (95%-interval {a} tot "
    "{b}, bootstrap).": "Over {n} cases the social balance is on average {v} per case (95% "
    "interval {a} to {b}, bootstrap).",
    "Start en laatste meting per domein": "Start and last measurement per domain",
    "Verandering op de Zelfredzaamheid-Matrix van de startmeting tot de laatste meting, voor {n} "
    "cliënten met minstens twee metingen.": "Change on the Self-Sufficiency Matrix from baseline "
    "to the last measurement, for {n} clients with at least two measurements.",
    "Gegevens: metingen met de Zelfredzaamheid-Matrix (ZRM 2017, schaal 1–5) door professionals, "
    "bij de start van een traject en ongeveer elk half jaar daarna.": "Data: Self-Sufficiency "
    "Matrix measurements (ZRM 2017, scale 1–5) by professionals, at the start of a programme "
    "and about every six months after.",
    "Beschrijvend: verschillen tussen start en laatste meting zijn geen effecten. Zonder "
    "vergelijkbare controlegroep kunnen ook tijd, regressie naar het gemiddelde en selectieve "
    "uitval de verandering verklaren.": "Descriptive: differences between start and last "
    "measurement are not effects. Without a comparable control group, time, regression to the "
    "mean and selective drop-out can also explain the change.",
    "Uitval: wie niet meer gemeten is, telt niet mee in de laatste meting. Als vooral cliënten "
    "met een goed verloop gemeten blijven, is het beeld te rooskleurig.": "Drop-out: whoever is "
    "no longer measured does not count in the last measurement. If mainly clients who do well "
    "stay measured, the picture is too rosy.",
    "Privacy: aantallen kleiner dan {d} en gemiddelden over minder dan {m} cliënten worden niet "
    "getoond; een tweede cel wordt verborgen als een klein aantal anders uit de totalen terug te "
    "rekenen is.": "Privacy: counts below {d} and means over fewer than {m} clients are not "
    "shown; a second cell is hidden when a small count could otherwise be worked out from the "
    "totals.",
    # burger
    "Wat sociaal werk doet in uw buurt": "What social work does in your neighbourhood",
    "Een korte uitleg in gewone taal": "A short explanation in plain language",
    "Ongeveer {n} mensen kregen hulp van sociaal werkers in {g}.": "About {n} people got help from social workers in {g}.",
    "Wat deden sociaal werkers?": "What did social workers do?",
    "Wat is er bereikt?": "What was achieved?",
    "Verhalen": "Stories",
    "Hoe gaan we om met jouw gegevens?": "How do we handle your data?",
    "Van de mensen die we twee keer spraken, ging het bij ongeveer {p} op minstens één punt "
    "beter. Bijvoorbeeld met geld, wonen of contact met anderen.": "Of the people we spoke to "
    "twice, about {p} were better off on at least one point. For example with money, housing "
    "or contact with others.",
    "{x} van de 10": "{x} in 10",
    "Cijfers vertellen niet alles. Daarom laten we ook mensen zelf aan het woord.": "Numbers do not tell everything. That is why people speak for themselves here too.",
    "Sociaal werkers helpen mensen die het even niet alleen redden. Bijvoorbeeld met schulden, "
    "met wonen of als je je alleen voelt.": "Social workers help people who cannot manage alone "
    "for a while. For example with debts, with housing or when you feel lonely.",
    "Ze praten met mensen, zoeken samen naar oplossingen en helpen bij instanties.": "They talk with people, look for solutions together and help with agencies.",
    "In dit verslag staan geen namen. Verhalen staan er alleen in als de schrijver dat goed vond. "
    "Namen, adressen en telefoonnummers hebben we weggehaald.": "This report contains no names. "
    "Stories are only included if the writer agreed. We removed names, addresses and phone "
    "numbers.",
    "Als een groep heel klein is, noemen we het aantal niet. Zo kan niemand zien over wie het "
    "gaat.": "If a group is very small, we do not give the number. That way nobody can tell who it is about.",
    # casus
    "Kosten per jaar in beide scenario's": "Costs per year in both scenarios",
    "euro (prijspeil {j})": "euro ({j} prices)",
    "Casusbeschrijving met de Effectencalculator": "Case description with the Effectencalculator",
    "Wat er gebeurde, wat er zonder hulp was gebeurd, en wie wat betaalt": "What happened, what would have happened without help, and who pays what",
    "Twee scenario's in de tijd": "Two scenarios over time",
    "Kosten per jaar met de interventie en in het referentiescenario (wat er zonder de "
    "interventie waarschijnlijk was gebeurd). Totaal verschil: {v}.": "Costs per year with the "
    "intervention and in the reference scenario (what would probably have happened without "
    "it). Total difference: {v}.",
    "Kosten en baten per financier": "Costs and benefits per funder",
    "Met interventie": "With intervention",
    "Zonder interventie (referentie)": "Without intervention (reference)",
    "Verschil": "Difference",
    "Zonder interventie": "Without intervention",
    "Saldo": "Balance",
    "Contante waarde saldo": "Present value of balance",
    "Saldo = kosten zonder minus kosten met interventie; positief is voordeel. Discontovoet {r}.": "Balance = costs without minus costs with intervention; positive is a gain. Discount "
    "rate {r}.",
    "Meer casussen": "More cases",
    "Casussen": "Cases",
    "Het verhaal van de casus": "The story of the case",
    "interventie: {i}": "intervention: {i}",
    "Dit rapport toont de eerste {k} van {n} casussen; `impact kosten-baten casussen` rekent ze "
    "allemaal samen door.": "This report shows the first {k} of {n} cases; `impact kosten-baten "
    "casussen` computes them all together.",
    # dialoog
    "Of verhalen positief of negatief zijn, is hier geteld met een eenvoudige lijst trefwoorden; "
    "lees de verhalen zelf voordat u conclusies trekt.": "Whether stories are positive or "
    "negative was counted here with a simple keyword list; read the stories yourself before "
    "drawing conclusions.",
    "Perspectief": "Perspective",
    "Wat telt als succes": "What counts as success",
    "Beoordeelde cliënten": "Clients assessed",
    "Voldoet": "Meets it",
    "Aandeel": "Share",
    "Succes volgens drie perspectieven": "Success according to three perspectives",
    "Een lege cel bij 'Voldoet' betekent: dit is (nog) niet gemeten.": "An empty 'Meets it' cell means: this is not measured (yet).",
    "Gemiddelde verandering van start tot laatste meting: {v} punt.": "Mean change from start to last measurement: {v} points.",
    "Te weinig cliënten om een verandering te tonen.": "Too few clients to show a change.",
    "Cijfers: {th}": "Figures: {th}",
    "Niet te vergelijken: er zijn te weinig cijfers of verhalen over {th}.": "Cannot compare: too few figures or stories about {th}.",
    "Over {th} weten we te weinig ({n} verhalen). Wie kan hier meer over vertellen, en wat "
    "zouden we moeten meten?": "We know too little about {th} ({n} stories). Who can tell us "
    "more, and what should we measure?",
    "Joint display": "Joint display",
    "Criterium": "Criterion",
    "aandeel cliënten": "share of clients",
    "Wat is succesvol, en wie bepaalt dat?": "What is success, and who decides?",
    "Dezelfde cliënten, beoordeeld met de maatstaf van beleid, professional en burger. Waar een "
    "maatstaf niet gemeten is, staat geen staaf.": "The same clients, judged by the yardstick of "
    "policy, professional and resident. Where a yardstick is not measured, there is no bar.",
    "Dialoog: cijfers en verhalen naast elkaar": "Dialogue: figures and stories side by side",
    "Voor het gesprek tussen beleid en uitvoering": "For the conversation between policy and practice",
    "Cijfers en verhalen wijzen dezelfde kant op.": "Figures and stories point the same way.",
    "Cijfers ({v} punt) en verhalen ({p} van {n} positief) wijzen op {th} dezelfde kant op. Wat "
    "maakt dat het hier werkt of niet werkt, en hoe houden we dat vast?": "Figures ({v} points) "
    "and stories ({p} of {n} positive) point the same way on {th}. What makes it work or not "
    "work here, and how do we hold on to that?",
    "De module verhalen.joint_display (codering van verhalen per thema) is nog niet beschikbaar.": "The module verhalen.joint_display (coding stories per theme) is not available yet.",
    "Waarover gaat dit gesprek?": "What is this conversation about?",
    "Gespreksvragen": "Questions for the conversation",
    "Cijfers en verhalen lopen uiteen.": "Figures and stories diverge.",
    "De cijfers laten op {th} weinig verandering zien ({v} punt), terwijl {p} van de {n} verhalen "
    "over {th} vooruitgang beschrijven. Wat verklaart het verschil?": "The figures show little "
    "change on {th} ({v} points), while {p} of the {n} stories about {th} describe progress. "
    "What explains the difference?",
    "Op {th} gaan de cijfers gemiddeld {v} punt, terwijl de verhalen een ander beeld geven ({p} "
    "positief, {q} negatief van {n}). Meten we wat voor de mensen zelf telt?": "On {th} the "
    "figures move {v} points on average, while the stories paint another picture ({p} positive, "
    "{q} negative of {n}). Do we measure what counts for people themselves?",
    "De vragen zijn gemaakt uit de verschillen tussen cijfers en verhalen hierboven.": "The questions were generated from the differences between figures and stories above.",
    "Per thema staan de cijfers en de verhalen naast elkaar. Waar ze uiteenlopen, begint het "
    "gesprek: niet om te bepalen wie gelijk heeft, maar om te begrijpen wat er gebeurt.": "Per "
    "theme, figures and stories stand side by side. Where they diverge, the conversation "
    "starts: not to decide who is right, but to understand what is happening.",
    "Werk gevonden tijdens of na het traject": "Found work during or after the programme",
    "Geen uithuiszetting": "No eviction",
    "Minstens 1 punt vooruit op drie of meer ZRM-domeinen": "At least 1 point up on three or more ZRM domains",
    "Ervaren kwaliteit van leven 7 of hoger (Positieve Gezondheid)": "Experienced quality of life 7 or higher (Positive Health)",
    # wijkverhalen
    "Cliënten per wijk in {g}": "Clients per neighbourhood in {g}",
    "Wijkverhalen {j}": "Neighbourhood stories {j}",
    "Verhalen uit de wijken, met een paar cijfers per wijk": "Stories from the neighbourhoods, with a few figures per neighbourhood",
    "Er zijn (nog) geen wijkverhalen met toestemming om te publiceren. Dit boekje toont daarom "
    "alleen de cijfers per wijk.": "There are no neighbourhood stories with consent to publish "
    "(yet). This booklet therefore only shows the figures per neighbourhood.",
    "In {w} veranderde de gemiddelde ZRM-score van cliënten met twee metingen met {v} punt.": "In {w} the mean ZRM score of clients with two measurements changed by {v} points.",
    "In {w} zijn te weinig cliënten twee keer gemeten om een gemiddelde te tonen.": "In {w} too few clients were measured twice to show a mean.",
    # effect sizes and reliable change
    "95%-interval, onder": "95% interval, lower",
    "95%-interval, boven": "95% interval, upper",
    "Effectgrootte (Hedges' g_av)": "Effect size (Hedges' g_av)",
    "g_av 95%-interval, onder": "g_av 95% interval, lower",
    "g_av 95%-interval, boven": "g_av 95% interval, upper",
    "Verandering en effectgrootte per domein (start tot laatste meting)": "Change and effect size per domain (start to last measurement)",
    "Berekend met modellen.verandering: gemiddelde verandering met t-interval; g_av = verandering "
    "gedeeld door de gemiddelde standaardafwijking van voor- en nameting, met Hedges-correctie. "
    "Zonder controlegroep is dit geen effect van de interventie.": "Computed with "
    "modellen.verandering: mean change with t interval; g_av = change divided by the mean "
    "standard deviation of pre and post measurement, Hedges-corrected. Without a control group "
    "this is not an effect of the intervention.",
    "effectgrootte (Hedges' g_av) met 95%-interval": "effect size (Hedges' g_av) with 95% interval",
    "Effectgrootte per domein met 95%-interval; rechts van de nul is vooruitgang. Het grootst op "
    "{a} (g = {v}).": "Effect size per domain with 95% interval; right of zero is progress. "
    "Largest on {a} (g = {v}).",
    "Te weinig cliënten om effectgroottes te tonen.": "Too few clients to show effect sizes.",
    "Effectgroottes per domein": "Effect sizes per domain",
    "hersteld": "recovered",
    "verbeterd": "improved",
    "onveranderd": "unchanged",
    "verslechterd": "deteriorated",
    "Betrouwbare verandering per domein (aantal cliënten)": "Reliable change per domain (number of clients)",
    "Jacobson–Truax: een verandering is betrouwbaar als ze groter is dan de meetfout (RCI > 1,96; "
    "mediaan over de domeinen {d} punt). 'Hersteld' = betrouwbaar verbeterd én over het "
    "afkappunt van de ZRM (3,5). Betrouwbaarheid: {b}.": "Jacobson–Truax: a change is reliable "
    "when it exceeds measurement error (RCI > 1.96; median over the domains {d} points). "
    "'Recovered' = reliably improved and across the ZRM cut-off (3.5). Reliability: {b}.",
    "Betrouwbare verandering per domein": "Reliable change per domain",
    "Per domein het aantal cliënten dat hersteld, betrouwbaar verbeterd, onveranderd of "
    "betrouwbaar verslechterd is tussen de eerste en de laatste meting.": "Per domain, the "
    "number of clients who recovered, reliably improved, stayed unchanged or reliably "
    "deteriorated between the first and the last measurement.",
    "{v}; {m} bestaat, maar is in dit rapport nog niet gekoppeld": "{v}; {m} exists but is not linked into this report yet",
    "{v}; {m} bestaat nog niet": "{v}; {m} does not exist yet",
    "trefwoordenlijst per thema in rapporten.dialoog": "keyword list per theme in rapporten.dialoog",
    "De gecodeerde joint display van verhalen.joint_display is in dit rapport nog niet gekoppeld.": "The coded joint display of verhalen.joint_display is not linked into this report yet.",
    "niet getoond": "not shown",
    "Rapporten": "Reports",
    "Alle rapporten uit dezelfde gegevens, elk voor een eigen publiek.": "All reports from the same data, each for its own audience.",
    "Van de mensen die we twee keer spraken, ging het bij ongeveer {p} gemiddeld beter dan bij het "
    "begin. Bijvoorbeeld met geld, wonen of contact met anderen.": "Of the people we spoke to "
    "twice, about {p} were better off on average than at the start. For example with money, "
    "housing or contact with others.",
    # dialoog / wijkverhalen / burger: verhalen modules linked
    "Aandeel over dit thema": "Share about this theme",
    "Betrouwbare verandering op dit domein": "Reliable change on this domain",
    "Cijfers van {w} per jaar": "Figures for {w} per year",
    "Cliënten gemeten": "Clients measured",
    "Cliënten die op {th} betrouwbaar achteruitgingen, vertellen er vaker over dan wie verbeterde "
    "({v} procentpunt verschil): cijfers en verhalen wijzen dezelfde kant op. Wat maakt dat het "
    "hier werkt of niet werkt, en hoe houden we dat vast?": "Clients who reliably deteriorated on "
    "{th} tell about it more often than those who improved ({v} percentage points difference): "
    "figures and stories point the same way. What makes it work or not work here, and how do we "
    "hold on to that?",
    "Cliënten die op {th} volgens de ZRM betrouwbaar verbeterden, vertellen er juist vaker over als "
    "probleem ({v} procentpunt verschil). Meten we wat voor de mensen zelf telt?": "Clients who "
    "reliably improved on {th} according to the ZRM tell about it as a problem more often ({v} "
    "percentage points difference). Are we measuring what matters to people themselves?",
    "Codes bij verhalen": "Codes on stories",
    "Convergentie: cijfers en verhalen wijzen dezelfde kant op.": "Convergence: figures and stories point the same way.",
    "De koppeling met verhalen.joint_display gaf een fout; daarom is hier de trefwoordenlijst "
    "gebruikt.": "Linking verhalen.joint_display failed; the keyword list was used here instead.",
    "Divergentie: cijfers en verhalen lopen uiteen.": "Divergence: figures and stories differ.",
    "Gemiddelde over alle ZRM-metingen van dat jaar (schaal 1 tot 5), uit verhalen.wijkverhalen.": "Mean over all ZRM measurements of that year (scale 1 to 5), from verhalen.wijkverhalen.",
    "Joint display: {th} in de verhalen, per uitkomst in de cijfers": "Joint display: {th} in the stories, per outcome in the figures",
    "Keuze van de verhalen: {r}": "Choice of stories: {r}",
    "Keuze van verhalen": "Choice of stories",
    "Niet te beoordelen: te weinig cliënten gingen betrouwbaar vooruit of achteruit.": "Cannot be judged: too few clients reliably improved or deteriorated.",
    "Onbeslist: de verhalen verschillen nauwelijks tussen wie verbeterde en wie achteruitging.": "Undecided: the stories hardly differ between those who improved and those who deteriorated.",
    "Op {th} gingen te weinig cliënten betrouwbaar vooruit of achteruit om cijfers en verhalen te "
    "vergelijken. Wat zien de professionals zelf gebeuren?": "On {th} too few clients reliably "
    "improved or deteriorated to compare figures and stories. What do the professionals see happening?",
    "Op {th} lopen cijfers en verhalen uiteen. Meten we wat voor de mensen zelf telt?": "On {th} figures and stories differ. Are we measuring what matters to people themselves?",
    "Op {th} vertellen cliënten die verbeterden en die achteruitgingen ongeveer even vaak over het "
    "thema. Wat zegt dat over wat de ZRM-score hier meet?": "On {th} clients who improved and "
    "clients who deteriorated tell about the theme about equally often. What does that say about "
    "what the ZRM score measures here?",
    "Op {th} wijzen cijfers en verhalen dezelfde kant op. Wat maakt dat het hier werkt of niet "
    "werkt, en hoe houden we dat vast?": "On {th} figures and stories point the same way. What "
    "makes it work or not work here, and how do we hold on to that?",
    "Over {th} gaan bijna geen verhalen, terwijl het in de cijfers wel gemeten wordt. Wie kan hier "
    "meer over vertellen, en vragen we er wel naar?": "Hardly any stories are about {th}, although "
    "the figures do measure it. Who can tell us more, and do we ask about it?",
    "Per thema staan de cliënten in groepen naar hun betrouwbare verandering op dat domein "
    "(Jacobson–Truax). Een verhaal dat het thema noemt, telt als een verhaal over een probleem op "
    "dat domein. Regel van de joint display (verhalen.joint_display): {r}": "Per theme, clients are "
    "grouped by their reliable change on that domain (Jacobson–Truax). A story that mentions the "
    "theme counts as a story about a problem on that domain. Rule of the joint display "
    "(verhalen.joint_display): {r}",
    "Stilte: er zijn bijna geen verhalen over {th}.": "Silence: there are hardly any stories about {th}.",
    "Telling per verhaal over cliënten met een voor- en nameting op dit domein. Een citaat staat er "
    "alleen bij als de groep groot genoeg is, het verhaal toestemming heeft om geanonimiseerd te "
    "publiceren, en na pseudonimisering.": "Count per story about clients with a baseline and "
    "follow-up measurement on this domain. A quote is shown only when the group is large enough, "
    "the story has consent for anonymised publication, and after pseudonymisation.",
    "Uitkomstgroepen": "Outcome groups",
    "Verhalen over dit thema": "Stories about this theme",
    "Verhalen over iets anders": "Stories about something else",
    "Verhalen uit {j}": "Stories from {j}",
    "Voorbeeldcitaat": "Example quote",
    "Welke verhalen over welk thema gaan, is hier niet met de hand gecodeerd: de demowereld heeft "
    "geen handmatige coderingen. De codes zijn suggesties van verhalen.suggesties met het "
    "meegeleverde ZRM-codeboek (trefwoorden en patronen per domein). Lees de verhalen zelf voordat "
    "u conclusies trekt.": "Which stories are about which theme was not coded by hand here: the "
    "demo world has no manual codings. The codes are suggestions from verhalen.suggesties with the "
    "shipped ZRM codebook (keywords and patterns per domain). Read the stories yourself before "
    "drawing conclusions.",
    "Wijkverhalen per wijk en jaar": "Neighbourhood stories per neighbourhood and year",
    "trefwoordenlijst per thema in rapporten.dialoog, omdat de koppeling met verhalen.joint_display "
    "een fout gaf ({f})": "keyword list per theme in rapporten.dialoog, because linking "
    "verhalen.joint_display failed ({f})",
    "verhalen.suggesties met het meegeleverde ZRM-codeboek (verhalen.codeboek.zrm_codeboek); er "
    "zijn geen handmatige coderingen": "verhalen.suggesties with the shipped ZRM codebook "
    "(verhalen.codeboek.zrm_codeboek); there are no manual codings",
    # longitudinal models (verantwoording, beleid)
    'Afname van de winst per jaar': 'Loss of the gain per year',
    'Afname: 95%-interval, boven': 'Loss: 95% interval, upper',
    'Afname: 95%-interval, onder': 'Loss: 95% interval, lower',
    'Alle domeinen (gemiddelde)': 'All domains (mean)',
    'Beginscore (gemiddelde over de ZRM-domeinen): wie bleef en wie uitviel': 'Baseline score (mean over the ZRM domains): who stayed and who dropped out',
    'Berekend met modellen.duurzaamheid: winst = score min startscore; een gemengd model van de winst op jaren na uitstroom geeft de winst bij uitstroom en de verandering per jaar. Afname per jaar = het deel van de winst dat per jaar verloren gaat (0% = de winst blijft); interval met de deltamethode. Getoond als minstens {m} cliënten na uitstroom gemeten zijn.': 'Computed with modellen.duurzaamheid: gain = score minus baseline score; a mixed model of the gain on years since exit gives the gain at exit and the change per year. Loss per year = the share of the gain lost per year (0% = the gain lasts); interval by the delta method. Shown when at least {m} clients were measured after exit.',
    'Berekend met modellen.keerpunten: een sprong tussen twee opeenvolgende metingen van dezelfde cliënt is een keerpunt als hij groter is dan de meetfout (Jacobson–Truax, RCI > 1,96). Op de ZRM is omhoog een verbetering. Het aantal sprongen, niet het aantal cliënten: één cliënt kan meer keerpunten hebben.': 'Computed with modellen.keerpunten: a jump between two consecutive measurements of the same client is a turning point when it exceeds measurement error (Jacobson–Truax, RCI > 1.96). On the ZRM, up is an improvement. The number of jumps, not of clients: one client can have several turning points.',
    "Berekend met modellen.vergelijking: (na min voor in de interventiegroep) min (na min voor in de vergelijkingsgroep). 'Voor' is de meting bij de start, 'na' elke meting vanaf drie maanden later. Alleen cliënten met een meting voor én na. Interval: standaardfouten geclusterd per cliënt, omdat metingen van één persoon samenhangen.": "Computed with modellen.vergelijking: (after minus before in the intervention group) minus (after minus before in the comparison group). 'Before' is the measurement at the start, 'after' every measurement from three months later. Only clients with a measurement before and after. Interval: standard errors clustered by client, because measurements of one person are related.",
    'Bij de start verschilde wie uitviel niet aantoonbaar van wie bleef (Welch-toets, p = {p}); dat sluit niet uit dat zij daarna anders verliepen.': 'At the start, those who dropped out did not differ demonstrably from those who stayed (Welch test, p = {p}); that does not rule out that they fared differently later.',
    'Blijft de vooruitgang na uitstroom?': 'Does the progress last after exit?',
    'Blijft de vooruitgang na uitstroom? Afname per jaar met 95%-interval': 'Does the progress last after exit? Loss per year with 95% interval',
    'Cliënten': 'Clients',
    'Cliënten interventiegroep': 'Clients in the intervention group',
    'Cliënten met afgesloten traject': 'Clients with a completed programme',
    'Cliënten vergelijkingsgroep': 'Clients in the comparison group',
    'Duurzaamheid na uitstroom': 'Durability after exit',
    'Een groeimodel volgt elke cliënt over alle metingen en schat het gemiddelde verloop per groep: waar de groep begint en hoe snel de score stijgt. Zo tellen ook cliënten mee die later niet meer gemeten zijn.': 'A growth model follows every client over all measurements and estimates the mean course per group: where the group starts and how fast the score rises. Clients who were no longer measured later still count.',
    'Extra groei per jaar in de interventiegroep': 'Extra growth per year in the intervention group',
    'Extra vooruitgang in de interventiegroep': 'Extra progress in the intervention group',
    'Extra vooruitgang interventiegroep (punt)': 'Extra progress, intervention group (points)',
    'Geen metingen om uitval te beschrijven.': 'No measurements to describe drop-out.',
    'Gemeten winst sinds de start, bij en na uitstroom': 'Measured gain since the start, at and after exit',
    'Gemiddeld over alle domeinen ging de interventiegroep {v} punt meer vooruit dan de vergelijkingsgroep (95%-interval {a} tot {b}). Rechts van de nul: meer vooruitgang in de interventiegroep; raakt het interval de nul, dan kan het verschil toeval zijn.': 'Averaged over all domains, the intervention group progressed {v} points more than the comparison group (95% interval {a} to {b}). Right of zero: more progress in the intervention group; if the interval touches zero, the difference may be chance.',
    'Gemiddeld verloop op {d} volgens het groeimodel, met 95%-interval rond het gemiddelde. Na {m} maanden voorspelt het model {a} punt in de interventiegroep en {b} punt in de vergelijkingsgroep. Per jaar groeit de interventiegroep {c} punt meer (95%-interval {l} tot {h}).': 'Mean course on {d} according to the growth model, with a 95% interval around the mean. After {m} months the model predicts {a} points in the intervention group and {b} points in the comparison group. Per year the intervention group grows {c} points more (95% interval {l} to {h}).',
    'Gemiddelde beginscore': 'Mean baseline score',
    'Gemiddelde winst sinds de start, bij uitstroom en daarna, met 95%-interval. Op {d} is de winst bij uitstroom {w} punt; daarna gaat er volgens het model {p} per jaar van af (95%-interval {a} tot {b}).': 'Mean gain since the start, at exit and after, with 95% interval. On {d} the gain at exit is {w} points; after that the model says {p} of it is lost per year (95% interval {a} to {b}).',
    'Gemiddelde winst sinds start (punt)': 'Mean gain since start (points)',
    'Groei per jaar, vergelijkingsgroep': 'Growth per year, comparison group',
    'Groeimodel en vergelijkingsgroep: de vergelijkingsgroep is niet door loting ingedeeld. Een verschil in groei is een waarneming, geen bewezen effect van de interventie: de groepen kunnen ook op andere punten verschillen.': 'Growth model and comparison group: the comparison group was not assigned by lottery. A difference in growth is an observation, not a proven effect of the intervention: the groups may also differ in other ways.',
    'Groeimodel per domein: vaste effecten met 95%-interval': 'Growth model per domain: fixed effects with 95% interval',
    'Groeimodel: verloop in de tijd naast de vergelijkingsgroep': 'Growth model: course over time next to the comparison group',
    'Grote uitval: {p} van de cliënten heeft geen vervolgmeting na drie maanden. Verandering alleen onder wie bleef kan vertekend zijn; het groeimodel (alle metingen) blijft geldig als de uitval samenhangt met wat gemeten is (MAR).': 'Large drop-out: {p} of the clients have no follow-up measurement after three months. Change among those who stayed only may be biased; the growth model (all measurements) stays valid when drop-out depends on what was measured (MAR).',
    'Hoeveel meer ging de interventiegroep vooruit dan de vergelijkingsgroep? We vergelijken de verandering in beide groepen (verschil-in-verschillen), zodat vooruitgang die er ook zonder de interventie was geweest niet wordt meegeteld.': 'How much more did the intervention group progress than the comparison group? We compare the change in both groups (difference-in-differences), so that progress that would have happened without the intervention is not counted.',
    'Interventiegroep vergeleken met de vergelijkingsgroep': 'Intervention group compared with the comparison group',
    'Keerpunten': 'Turning points',
    'Keerpunten per domein: omhoog en omlaag': 'Turning points per domain: up and down',
    'Keerpunten: betrouwbare sprongen tussen twee metingen, per domein (aantal)': 'Turning points: reliable jumps between two measurements, per domain (number)',
    'Lineair gemengd model (modellen.groei, REML) van de ZRM-score op maanden sinds de start, met groep × tijd en per cliënt een eigen startniveau en eigen helling. Groei per maand is omgerekend naar per jaar. Alle metingen tellen mee, ook van wie later uitviel. Interval: Wald, 95%.': 'Linear mixed model (modellen.groei, REML) of the ZRM score on months since the start, with group × time and a starting level and slope per client. Growth per month is converted to per year. All measurements count, including those of clients who later dropped out. Interval: Wald, 95%.',
    'Maanden na uitstroom': 'Months after exit',
    'Per domein hoe vaak een score tussen twee metingen betrouwbaar omhoog of omlaag sprong. Veel sprongen omlaag wijzen op terugval; in gesprek met de uitvoering kan worden uitgezocht wat er toen gebeurde. Dit zegt niet waardoor de sprongen kwamen.': 'Per domain, how often a score jumped reliably up or down between two measurements. Many jumps down point to relapse; talking with practitioners can show what happened then. This does not say what caused the jumps.',
    'Per moment na uitstroom de cliënten met een meting binnen drie maanden van dat moment; t-interval rond het gemiddelde.': 'Per moment after exit, the clients with a measurement within three months of that moment; t interval around the mean.',
    'Schatting (punt)': 'Estimate (points)',
    'Sprongen omhoog (verbetering)': 'Jumps up (improvement)',
    'Sprongen omlaag (verslechtering)': 'Jumps down (deterioration)',
    'Startniveau vergelijkingsgroep': 'Starting level, comparison group',
    'Te weinig cliënten in een van de groepen om de groepen te vergelijken.': 'Too few clients in one of the groups to compare the groups.',
    'Te weinig cliënten in een van de groepen om het verloop op {d} te tonen.': 'Too few clients in one of the groups to show the course on {d}.',
    'Te weinig cliënten met metingen na uitstroom om iets te zeggen over blijvende winst.': 'Too few clients with measurements after exit to say anything about lasting gain.',
    'Te weinig cliënten na uitstroom gemeten om iets te zeggen over blijvende winst.': 'Too few clients measured after exit to say anything about lasting gain.',
    'Te weinig gegevens in de interventie- of vergelijkingsgroep voor een groeimodel.': 'Too little data in the intervention or comparison group for a growth model.',
    'Te weinig metingen om keerpunten te bepalen.': 'Too few measurements to find turning points.',
    'Uitval: cliënten met en zonder vervolgmeting (minstens drie maanden na de eerste)': 'Drop-out: clients with and without a follow-up measurement (at least three months after the first)',
    'Uitval: wie bleef en wie viel uit': 'Drop-out: who stayed and who dropped out',
    'Van de {n} cliënten heeft {p} geen vervolgmeting minstens drie maanden na de eerste meting.': 'Of the {n} clients, {p} have no follow-up measurement at least three months after the first.',
    'Van hen gemeten na uitstroom': 'Of whom measured after exit',
    'Vast effect': 'Fixed effect',
    'Verandering per jaar na uitstroom (punt)': 'Change per year after exit (points)',
    'Vergelijking met de vergelijkingsgroep': 'Comparison with the comparison group',
    'Verloop op {d}: interventie- en vergelijkingsgroep': 'Course on {d}: intervention and comparison group',
    'Verschil bij de start (interventie min vergelijking)': 'Difference at the start (intervention minus comparison)',
    'Verschil in uitval tussen interventie- en vergelijkingsgroep: chi-kwadraattoets p = {p}.': 'Difference in drop-out between intervention and comparison group: chi-square test p = {p}.',
    'Verschil-in-verschillen: extra vooruitgang in de interventiegroep': 'Difference-in-differences: extra progress in the intervention group',
    'Voorspeld gemiddeld verloop op {d} per groep (groeimodel)': 'Predicted mean course on {d} per group (growth model)',
    'Voorspelde gemiddelde score': 'Predicted mean score',
    'Wat dit betekent: het groeimodel hierboven gebruikt alle metingen en blijft geldig als uitval samenhangt met wat we gemeten hebben (‘missing at random’, MAR). Hangt uitval samen met hoe het iemand later verging zonder dat dat in eerdere metingen zichtbaar was, dan is ook het groeimodel vertekend; dat kunnen deze gegevens niet uitsluiten.': 'What this means: the growth model above uses all measurements and stays valid when drop-out depends on what we measured (‘missing at random’, MAR). If drop-out depends on how someone fared later without that showing in earlier measurements, the growth model is biased too; these data cannot rule that out.',
    'Wat dit niet zegt: de groepen zijn niet door loting ingedeeld. Dit is een observationele vergelijking, geen gerandomiseerd experiment. Het klopt alleen als beide groepen zonder interventie even snel zouden zijn veranderd (parallelle trends). Verschillen in wie er in de groepen zit, of in wie gemeten blijft, kunnen het verschil ook verklaren.': 'What this does not say: the groups were not assigned by lottery. This is an observational comparison, not a randomised trial. It holds only if both groups would have changed equally fast without the intervention (parallel trends). Differences in who is in the groups, or in who stays measured, can also explain the difference.',
    'Wat dit niet zegt: de interventie- en vergelijkingsgroep zijn niet door loting ingedeeld. Dit is een observationele vergelijking, geen gerandomiseerd experiment; de extra groei is daarom geen bewezen effect van de interventie. Het interval gaat over het gemiddelde van de groep, niet over één cliënt, en het model neemt een rechte lijn in de tijd aan.': 'What this does not say: the intervention and comparison groups were not assigned by lottery. This is an observational comparison, not a randomised trial; the extra growth is therefore not a proven effect of the intervention. The interval is about the group mean, not about one client, and the model assumes a straight line over time.',
    'Wat dit niet zegt: na uitstroom worden alleen sommige cliënten nog gemeten, en zij lijken misschien niet op wie niet meer in beeld is. Er is na uitstroom geen vergelijkingsgroep, dus dit zegt niet hoe het zonder traject was gegaan. De afname per jaar is een rechte-lijnbenadering over de eerste jaren.': 'What this does not say: after exit only some clients are still measured, and they may not resemble those who are out of sight. There is no comparison group after exit, so this does not say how things would have gone without a programme. The loss per year is a straight-line approximation over the first years.',
    'Wie uitviel had bij de start een andere gemiddelde score dan wie bleef (Welch-toets, p = {p}); uitval kan het beeld dus kleuren.': 'Those who dropped out had a different mean score at the start than those who stayed (Welch test, p = {p}); drop-out may therefore colour the picture.',
    'Winst na uitstroom': 'Gain after exit',
    'Winst sinds start bij uitstroom (punt)': 'Gain since start at exit (points)',
    'aantal sprongen': 'number of jumps',
    'duurzaamheid na uitstroom': 'durability after exit',
    'een groot deel': 'a large share',
    'extra vooruitgang': 'extra progress',
    'extra vooruitgang in ZRM-punten, met 95%-interval': 'extra progress in ZRM points, with 95% interval',
    'keerpunten': 'turning points',
    'maanden na uitstroom': 'months after exit',
    'met vervolgmeting': 'with follow-up',
    'uitvalanalyse': 'drop-out analysis',
    'verschil-in-verschillen': 'difference-in-differences',
    'voorspelde ZRM-score (1–5)': 'predicted ZRM score (1–5)',
    'winst sinds de start (punt)': 'gain since the start (points)',
    'zonder vervolgmeting': 'without follow-up',
}
