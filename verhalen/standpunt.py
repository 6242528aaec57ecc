"""A story's stance on a theme: vooruitgang, terugval, gemengd, neutraal or niet.

Mentioning a theme is not a stance: "het saneringskrediet is goedgekeurd" is progress on
finances although it is about debts, "23 schuldeisers" at an intake is a plain fact. The
stance comes from the content:

- when a story has **codings** for the theme (human codes, or accepted suggestions), only the
  coded segments' text is read for that theme; a coded theme is at least ``neutraal``;
- otherwise a **rule classifier** reads the story: Dutch cue words per theme (the codebook's
  keywords plus a lexicon) find the clauses about a theme; per clause a lexicon of movement
  and judgement words gives a direction, with rules for negation ("geen schulden meer" is
  progress, "geen contact meer" is a setback), recurrence ("weer een aanmaning"), plans,
  wishes, requests and procedures (neutral), conditionals and questions (neutral), and a
  "maar" that puts the weight on what follows. Opposite directions in separate sentences on
  one theme make ``gemengd``.

Labels and conventions follow ``tests/verhalen/standpunt/CONVENTIES.md``; the classifier is
measured on its held-out half (see ``tests/verhalen/test_standpunt.py``). It is a hint with a
known error rate, not a coding: a report says so next to every count it feeds.

Pure functions: DataFrame in, DataFrame out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from verhalen.codeboek import Codeboek

LABELS = ("vooruitgang", "terugval", "gemengd", "neutraal", "niet")
THEMAS = (
    "financien", "huisvesting", "sociaal_netwerk", "geestelijke_gezondheid", "werk_opleiding",
    "lichamelijke_gezondheid", "middelengebruik", "justitie",
)
KOLOMMEN = ["verhaal_id", "thema", "standpunt", "bron", "start", "eind", "fragment"]

# --- theme cues: a word starting with a cue (``cue*``) or equal to it ---------------------
# Written as "prefix*" or "exact"; a leading "~" matches anywhere inside a compound word.
_CUES: dict[str, list[str]] = {
    "financien": [
        "schuld*", "sjuld*", "geld", "inkomen*", "uitkering*", "bijstand*", "toeslag*",
        "huurtoeslag*", "huurachterstand*", "achterstand*", "aanmaning*", "deurwaarder*",
        "incasso*", "beslag", "loonbeslag*", "budget*", "bewind*", "schuldhulp*", "wsnp",
        "sanering*", "saneringskrediet*", "krediet*", "kwijtschel*", "gespaard", "sparen",
        "spaar*", "buffer", "rekening*", "betaal*", "betaald", "betaalt", "betalen",
        "boete*", "cjib", "schuldeiser*", "armoede", "loon", "salaris*", "verdien*",
        "geldzorg*", "financi*", "lasten", "energierekening*", "voedselbank*", "euro",
        "schone lei", "zakgeld", "beurs", "rondkomen", "huur", "~schuld", "gekort",
        "uht", "belastingdienst",
        "voedselpakket*", "leergeld", "aflossing*", "aflos*",
    ],
    "huisvesting": [
        "woning*", "~woning", "verhuiz*", "verhuisd", "appartement*", "flat*", "huis",
        "huisje", "huizen", "~opvang", "dakloos*", "ontruim*", "uithuiszet*", "huisuitzet*",
        "uit huis", "corporatie*", "woningcorporatie*", "sleutel*", "urgentie*", "schimmel*",
        "vervuil*", "tent", "trainingshuis*", "trainingswoning*", "beschermd wonen", "sloop*",
        "gesloopt", "traplift*", "kamer", "huurcontract*", "woonpunt", "zuyderland wonen",
        "woont", "wonen", "woonruimte*", "onderdak", "op straat", "in de auto", "bank slapen",
        "rommel", "opgeruimd", "woonhuis", "seniorenwoning*", "ribw", "overbewon*",
        "huurwoning*", "huurverhoging*", "bezichtiging*",
        "hoes", "woonplek*", "woonplaats", "onderkomen",
    ],
    "sociaal_netwerk": [
        "familie*", "vriend*", "vriendin*", "buren", "buurman", "buurvrouw*", "eenzaam*",
        "contact", "contacten", "moeder", "ma", "vader", "pa", "zus*", "broer*", "dochter*",
        "zoon", "kinderen", "kind", "partner*", "relatie*", "ruzie*", "scheiding", "gescheiden",
        "omgang*", "buurthuis*", "buurtcentrum*", "koor", "inloop*", "maatje*", "kennis*",
        "niemand*", "onder de mensen", "netwerk*", "isolement", "sloeg", "geslagen", "geweld",
        "vrouwenopvang", "samen", "elkaar", "ouders", "opa", "oma", "kleinkind*", "mantelzorg*",
        "echtgeno*", "vrouw", "man", "mam", "ex", "koffie", "eettafel", "spreekt", "spreken",
        "alleen", "mensen", "bezoek*", "bellen", "belt", "verjaardag*", "groep", "vriendinnen",
        "buurt", "groetten", "kent", "omgangsregeling*", "zoontje", "dochtertje",
        "buurjongen", "buurmeisje", "burendiner*", "buurtbewoners", "gezin", "kinder",
    ],
    "geestelijke_gezondheid": [
        "stress*", "somber*", "depress*", "angst*", "bang", "pieker*", "ggz", "~ggz",
        "psycholoog*", "psychiater*", "burn-out", "burnout", "overspannen", "psychos*",
        "psychotisch*", "stemmen", "suïcid*", "suicid*", "zelfmoord*", "zelfvertrouwen",
        "zelfbeeld", "zelfbeschadig*", "snijdt", "snijden", "eetstoorn*", "paniek*", "rust",
        "nutteloos", "vel", "mondriaan", "slaapt", "slapen", "slecht geslapen", "depri",
        "verward*", "down", "zenuw*", "gestrest", "durf", "durft", "iemand", "waard",
        "onrustig", "onrust", "lacht", "vrolijk*", "blij", "gelukkig", "rustiger", "piekert",
        "psychisch*", "trauma*", "emdr", "behandelaar", "paniekaanval*", "doodmoe",
        "hoofd", "vreet",
    ],
    "werk_opleiding": [
        "werk", "werkt", "werken", "gewerkt", "werkloos*", "vrijwilligerswerk*", "vrijwillig*",
        "baan", "banen", "ontslag*", "ww", "re-integr*", "reintegr*", "stage*", "school",
        "~school", "verzuim*", "diploma*", "opleiding*", "taalles*", "inburger*",
        "dagbesteding*", "sollicit*", "contract", "baas", "werkgever*", "mbo", "hbo", "studie",
        "studeert", "leerplicht*", "fabriek", "kringloop", "proefplaats*",
        "uitzendbureau*", "cijfers", "les", "klas", "huiswerk", "geschorst", "leerwerk*",
        "bezorger", "werkplaats*", "dienst", "vacature*", "uren", "examen*",
        "wirk", "bijbaan*", "uwv*", "werkzoekend*",
    ],
    "lichamelijke_gezondheid": [
        "ziek", "ziekte*", "pijn", "operatie*", "geopereerd", "revalid*", "conditie", "gewicht",
        "kilo", "afgevallen", "aangekomen", "voeding", "zicht", "medicatie", "medicijn*",
        "zwanger*", "diabetes", "suiker*", "hart*", "long*", "longontsteking", "rug", "knie*",
        "heup*", "gevallen", "valt", "vallen", "ziekenhuis*", "~ziekenhuis", "huisarts*",
        "dokter*", "traplopen", "lopen", "rolstoel*", "als", "kanker", "fysio*", "aansterken",
        "cardioloog", "hartklachten", "lichamelijk*", "astma", "copd", "gebroken", "lijf",
        "benen", "arm", "dieet", "bewegen", "wandel*", "sport*", "ademhaling", "ogen",
        "insuline", "bloeddruk", "bloedwaarde*", "leverwaarde*", "eten", "gezond*", "opname", "wond*", "ontstoken",
        "beroerte", "chemo*", "verzwakt", "slaap", "moe", "duizelig*",
    ],
    "middelengebruik": [
        "alcohol*", "drank*", "drinken", "drinkt", "dronk", "gedronken", "bier", "blikje",
        "nuchter", "droog", "drugs", "blow*", "geblowd", "joint*", "coke", "cocaïne", "speed",
        "xtc", "verslav*", "verslaafd*", "gok*", "gegokt", "afkick*", "roken", "rookt",
        "sigaret*", "onder invloed", "pillen", "tactus", "middelen", "wiet", "gebruik",
        "gebruikt", "gebruikte", "gebruikten", "terugval", "clean", "dronken", "zuipen",
        "kater", "methadon", "heroïne", "ghb",
        "casino*", "aa-groep", "rook", "pilletje*", "naalden", "spoten", "gebruiker*",
    ],
    "justitie": [
        "politie*", "wijkagent*", "agent*", "aangifte*", "aangehouden", "aanhouding*",
        "opgepakt", "arrest*", "voorarrest", "rechtszaak*", "straf*", "taakstraf*",
        "reclassering*", "contactverbod*", "halt", "gevangenis*", "cel", "overlast*",
        "inbra*", "inbraak*", "deal*", "gedeald", "justitie*", "justitiecontact*",
        "veroordeel*", "advocaat*", "zitting", "sluiting", "gesloten", "officier",
        "proeftijd", "enkelband", "bajes", "diefstal", "gestolen", "winkeldiefstal*",
        "bedreig*", "meldingen", "vechtpartij*", "gevochten", "vechten", "straat",
        "dealer*", "verdacht*", "veiliger", "veilig", "rijbewijs", "invloed",
    ],
}
# Codebook keywords that are too loose for finding a theme in a sentence.
_CUES_NIET = {"alleen", "contract", "gok*", "post", "cel", "boete*"}
# A cue that needs a nearby word to count (cue -> any of these in the same clause).
_FAMILIE_CONTEXT = ("contact", "ruzie", "samen", " zie", "ziet", "mis", "omgang", "band", "steun",
                    "helpt", "bij haar", "bij zijn", "bij ons", "bij m'n", "bij mijn", "bij z'n",
                    "een gezin", "hele gezin", "relatie", "sloeg", "geslagen", "scheiding", "terug naar huis",
                    "overlijden", "koffie", "spreekt", "praten", "praat", "uit beeld", "bezoek",
                    "langs", "komt", "opvang", "woont", "geweld", "bedreig", "ex",
                    "iets deden", "verjaardag", "weg", "kwijt", "alleen", "niemand", "dood",
                    "overleden", "gescheiden", "hele gezin", "thuis", "vriend", "buren")
_FAMILIE = ("moeder", "vader", "zus*", "broer*", "dochter*", "zoon", "kinderen", "ouders", "opa",
            "oma", "partner*", "echtgeno*", "mam", "zoontje", "dochtertje", "kleinkind*")
# A cue that does not count next to these words ("samen koffie drinken" is no drinking).
_CUES_ZONDER = {"drinken": ("koffie", "thee"), "drinkt": ("koffie", "thee"), "dronk": ("koffie", "thee")}
_CUES_MET = {
    "huis": ("uit", "eigen", "nieuw", "huur", "opgeruimd", "rommel", "verhuis", "woon", "in huis",
             "schimmel", "vies", "koop", "het huis"),
    "kamer": ("eigen", "vaste", "huur", "ribw", "gekregen", "nieuwe", "studio", "naar een kamer",
              "mijn kamer", "kamer kwijt", "zijn kamer", "haar kamer"),
    "woont": ("zelfstandig", "opvang", "woont in", "woont nog", "woont op", "woont nu"),
    "samen": ("koffie", "samen met", "eten", "doen", "gaan", "iets", "deden", "spelen"),
    "elkaar": ("kennen", "zien", "groet", "helpen", "spreken", "elkaar"),
    "mensen": ("onder de", "kent", "spreekt", "andere"),
    "ma": ("z'n", "zijn", "mijn", "me", "haar"),
    "pa": ("z'n", "zijn", "mijn", "me", "haar"),
    "vrouw": ("zijn vrouw", "mijn vrouw", "z'n vrouw"),
    "man": ("haar man", "mijn man", "m'n man"),
    "ex": ("mijn ex", "haar ex", "zijn ex", "m'n ex", "de ex", "mien ex"),
    "gezin": ("een gezin", "hele gezin", "ons gezin", "het gezin"),
    "kinder": ("de kinder",),
    "slaap": ("slaap slecht", "slaap bijna niet", "slaap niet"),
    "moe": ("erg moe", "minder moe", "heel moe", "moe en"),
    "rook": ("ik rook", "rook weer", "rook niet"),
    "kind": ("haar kind", "zijn kind", "mijn kind", "kinderen"),
    "iemand": ("voel me weer iemand", "weer iemand"),
    "lopen": ("trap", "kan", "stukken", "lopen met", "moeite", "rollator", "steeds"),
    "als": ("heeft als", "ziekte als"),
    "gebruik": ("drugs", "alcohol", "middel", "weer", "gebruik van"),
    "gebruikt": ("drugs", "weer", "alcohol", "nooit", "heeft"),
    "gebruikte": ("drugs", "weer", "vrienden"),
    "gebruikten": ("vrienden", "drugs"),
    "terugval": ("drank", "drinken", "gebruik", "gokken", "drugs", "alcohol"),
    "uren": ("werk", "minder", "uren verminderen", "uren per week"),
    "dienst": ("dienst", "in dienst", "vaste dienst"),
    "straat": ("op straat", "over straat"),
    "veilig": ("contactverbod", "politie", "aangifte", "geweld"),
    "veiliger": ("contactverbod", "politie", "aangifte", "buurt", "wijk"),
    "invloed": ("rijden onder invloed",),
    "rijbewijs": ("onder invloed", "ingevorderd", "kwijt", "terug"),
    "les": ("taalles", "les ", "lessen"),
    "cijfers": ("school", "cijfers gaan", "cijfers zijn", "rapport"),
    "eten": ("gezond", "eet", "eten koken", "weer eten", "niet meer zelf eten", "zelf eten"),
    "opname": ("ziekenhuis", "opname in", "opgenomen"),
    "spreekt": ("niemand", "spreekt niemand", "bijna niemand"),
    "bellen": ("durf te bellen", "durf", "vriend", "familie", "niemand"),
    "belt": ("dochter belt", "zoon belt", "vriend", "familie"),
    "groep": ("wandelgroep", "groep vriend", "lotgenoten"),
    "buurt": ("oude buurt", "in de buurt", "buurtgenoten", "de buurt"),
    "kent": ("niemand", "kent niemand"),
    "valt": ("valt vaak", "valt om", "valt steeds", "valt regelmatig", "is gevallen"),
    "vallen": ("bang om te vallen", "vallen door", "blijft vallen"),
    "niemand*": ("kent niemand", "spreekt", "niemand kwam bij", "niemand meer", "niemand om",
                 "heb niemand", "heeft niemand"),
    "rust": ("rust in", "verschil is rust", "meer rust", "rust in zijn hoofd", "rust in mijn hoofd"),
    "hoofd": ("rust in", "in zijn hoofd", "in mijn hoofd", "in haar hoofd", "m'n hoofd"),
    "slaapt": ("slecht", "zorgen", "stress", "piekert", "beter", "weer"),
    "slapen": ("niet slapen", "slecht", "kan niet"),
    "vel": ("in haar vel", "in zijn vel", "in mijn vel", "in m'n vel", "in hun vel"),
    "durf": ("weer durf", "durf weer", "durf te", "durf ik"),
    "durft": ("durft weer", "durft niet", "durft te"),
    "waard": ("niets waard", "niks waard"),
    "lacht": ("meer lacht", "lacht weer", "weer meer lacht", "lacht ze weer", "lacht hij weer"),
    "blij": ("weer blij", "blij met mezelf"),
    "gelukkig": ("voel me gelukkig", "gelukkiger", "is gelukkig"),
    "koffie": ("samen koffie", "koffie drinken", "koffie bij", "drinken we samen koffie"),
    "bank slapen": ("bank slapen",),
    "in de auto": ("slapen",),
    "huur": ("huur wordt", "huur betaald", "huur betalen", "huurachterstand", "huur niet"),
    "wonen": ("beschermd", "zelfstandig", "gaan wonen", "wonen in"),
    "gesloten": ("woning", "pand", "drugspand", "burgemeester"),
    "meldingen": ("overlast", "politie", "incident"),
    "euro": ("euro per", "euro schuld"),
    "beurs": ("krappe beurs",),
    "vechten": ("politie", "aangehouden", "school"),
    "alleen": ("alleen thuis", "voel me alleen", "alleenstaand"),
    "down": ("voel me down", "voelt zich down"),
    "sport*": ("sporten", "sportschool"),
    "gezond*": ("gezonder", "gezond eten"),
    "bezoek*": ("op bezoek", "bezoekt", "bezoekjes"),
    "rommel": ("tussen de rommel", "rommel"),
    "opgeruimd": ("huis", "woning", "opgeruimd"),
}

# --- direction lexicon -------------------------------------------------------------------
_POS = [
    "beter", "verbeter*", "verbeterd", "opgelost", "rond", "toegekend", "goedgekeurd",
    "ingestemd", "afgerond", "gehaald", "gevonden", "trots", "eindelijk", "opgeknapt",
    "opgeruimd", "rustiger", "fijn", "blij", "leuk", "gespaard", "schone lei",
    "kwijtgescholden", "afbetaald", "nuchter", "droog", "veiliger", "durf", "durft",
    "aansterken", "hersteld", "herstel*", "doorgestroomd", "gehalveerd", "genezen", "vrijgelaten", "geseponeerd", "toegewezen",
    "prachtig", "opgeknap", "best wel", "weer een gezin", "omlaag", "minder moe", "scherp", "geslaagd",
    "gelukt", "lukt", "bevalt", "lekker", "goed", "keurig", "chill", "weer contact",
    "aangenomen", "vaste baan", "gewonnen", "sterker", "minder stress",
    "redt", "zelf", "terug naar huis", "nieuwe vriend*", "maatje", "juichen", "opluchting",
    "buffer", "gehaald", "stabieler", "positief", "vooruit", "vooruitgang", "lacht",
    "meer lacht", "vrolijk*", "gezelliger", "gezellig", "opgebloeid", "opgeknapt", "ingeschreven",
    "verdwenen", "verlaagd", "kwijtschelding", "gelukkig", "enthousiast", "uitgekomen",
    "goed gegaan", "toekenning", "afgevallen", "sleutel", "in dienst", "vast contract",
    "weer naar school", "weer elke dag", "elke dag", "zonder ruzie", "weer werk",
    "nieuwe vriendinnen", "samen koffie", "waardevol", "geholpen", "steun", "helpt",
    "alle doelen", "doelen behaald", "rust", "iemand", "opgeruimd", "weer onder de mensen",
]
_NEG = [
    "slechter", "verslechter*", "achteruit", "erger", "afgewezen", "beëindigd", "ontslagen",
    "ontslagbrief", "geschorst", "opgepakt", "aangehouden", "zwaar", "moeilijk", "moeizaam",
    "lastig", "te weinig", "tegenvall*", "ging mis", "gaat mis", "mis", "teruggevallen",
    "terugval", "uitgezet", "gezet", "ontruimd", "eenzaam*", "niemand", "ruzie*", "sloeg",
    "geslagen", "huilt", "overbelast", "slaapt slecht", "burn-out", "verzuim*", "gemist",
    "ongerust", "vastgelopen", "zit vast", "kwijt", "verloren", "waarschuwing", "klachten",
    "bijgekomen", "opgelopen", "gestegen", "hoger", "loonbeslag", "beslag",
    "somber*", "depressief", "angstig", "paniek*", "randje", "vreet", "mist", "sneller dan",
    "niet gekomen", "slecht", "slechte", "pijn", "kapot", "is op", "op voor", "gestopt", "stopt", "stoppen",
    "afgebroken", "uitgevallen", "ziek", "bedreigd", "dreigde", "onder invloed",
    "incident", "overlast", "schimmel", "vervuild", "dicht", "gesloopt", "gesloopt worden",
    "moeten verhuizen", "nachtopvang", "uit beeld", "uitgeschreven", "nutteloos", "alleen",
    "blikje", "ja ja", "aanmaning*", "gebeurt niks", "gebeurt gewoon niks", "niks",
    "duurt en duurt", "huurverhoging", "sloopbesluit", "sluiten", "gestolen", "boos",
    "vechtpartij", "gevochten", "gebruikt weer", "weer gebruikt", "weer gedronken", "stress",
    "verwaarloosd", "geen geld", "minder", "verdrietig", "bang", "zwakker", "valt", "gevallen",
    "kan niet meer", "niet meer zelf", "kortere stukken", "verzuimt", "structureel",
    "afgenomen", "vertrokken", "helaas", "gebroken", "vernieling", "na een val", "ontregeld", "verzwakt", "stiller", "minder vaak",
    "valt weg", "huurverhoging", "omhoog", "overlijden", "verhuisd naar het buitenland", "overleden", "weggegaan",
]
# Problem words: a problem that disappears ("geen X meer", "minder X", "niet meer X") is
# progress, one that comes back or grows ("weer X", "nieuwe X", "meer X") a setback.
_PROBLEEM = [
    "schuld*", "sjuld*", "achterstand*", "aanmaning*", "stress*", "angst*", "bang", "somber*",
    "ruzie*", "pijn", "klachten", "incident*", "overlast", "inbra*", "drinkt", "drink",
    "drinken", "drank", "gedronken", "blowt", "blowen", "blow", "gebruikt", "gebruik", "gokt",
    "gokken", "gegokt", "snijdt", "snijden", "alcohol", "drugs", "eenzaam*", "zorgen",
    "problemen", "boetes", "boete", "deurwaarder*", "nachtmerries", "paniek*", "stemmen",
    "meldingen", "aangiftes", "politie", "justitiecontact*", "contact met politie", "herrie",
    "zo nutteloos", "nutteloos", "depressie*", "sigaret*", "roken", "rookt", "terugval",
    "dakloos", "rommel", "schimmel", "verzuim*", "spijbel*", "achterstanden", "last",
    "piekeren", "pieker*", "verslaafd", "agressie*", "geweld", "conflict*", "drugs",
    "wiet", "coke", "cocaïne", "gevochten", "vechtpartij*", "gedeald", "dealen", "moe",
    "gevangenis*", "cel", "nachtopvang", "opvang", "ziekenhuis*", "naalden", "enkelband",
    "ontruiming*", "uithuiszetting*", "beslag", "loonbeslag", "bloeddruk", "hoeven", "hoeft",
]
# Clause words that make a clause a plan, wish, request, procedure, condition or question.
_NEUTRAAL = [
    "wil", "wilt", "willen", "hoopt", "hoop", "hopen", "plan", "plannen", "voornemen",
    "afspraak", "afspraken", "aanvraag", "aangevraagd", "aanvragen", "aanmelding", "aangemeld",
    "aanmelden", "doorverwijz*", "doorverwezen", "verwijzing", "intake", "wachtlijst",
    "wachttijd", "bezichtiging", "misschien", "advies", "vermoeden", "vermoedelijk",
    "zou", "zouden", "als ik", "als hij", "als ze", "indien", "of hij", "of ze", "vraagt",
    "vraag", "gaat kijken", "gaan kijken", "gaat volgend", "volgend jaar", "volgende week",
    "wordt aangevraagd", "in behandeling", "uitzoeken", "besproken", "bespreken", "uitgezet",
    "onderzoek", "gestart", "start", "starten", "begint", "beginnen", "ingediend", "bezwaar",
    "verlengd", "moet nog", "moeten nog", "nog zoeken", "geen bijzonderheden", "stabiel",
    "ongewijzigd", "n.v.t", "dat geloof ik", "ontkent", "bang dat", "bang om", "zeggen dat", "niet zelf gezien",
    "volgens de buurt", "geruchten", "signalen", "belooft", "gaat proberen", "proberen",
    "eventueel", "binnenkort", "volgende maand", "na de zomer", "zoeken", "kan ze",
    "kan hij", "ingeschakeld", "geadviseerd", "scoort", "score", "scores", "zrm", "doorgegeven", "melding gedaan",
]
# A negation word before a word turns its direction (and a problem word into progress).
_ONTKENNING = {"geen", "niet", "nooit", "gein", "neet", "nie", "zonder", "niks", "niets", "nauwelijks"}
_MEER = {"meer", "mieë", "mier"}
_TERUG = {"weer", "nieuwe", "nieuw", "opnieuw", "alweer", "extra", "meer", "steeds"}
_WEG = {"minder", "geen", "zonder", "kwijt", "af", "gestopt", "stoppen", "gehalveerd",
        "verdwenen", "opgelost", "afgebouwd", "weg"}
# Problem verbs where "niet meer" means the problem stopped.
_STOPPEN = {"drinkt", "drink", "blowt", "blow", "gokt", "gebruikt", "snijdt", "rookt", "dealt",
            "bang", "somber", "eenzaam", "nutteloos", "gestrest", "piekert", "angstig",
            "depressief", "boos", "agressief", "ziek", "moe", "alleen"}

_BEGIN = re.compile(r"\b(vroeger|jarenlang|altijd|eerst|maandenlang|was .*\bnog\b|vorige maand nog|"
                    r"zat altijd|had ik|destijds|vorige (?:maand|week|jaar|zomer) nog|toen nog|toen ik|bij de start|bij aanvang)\b")
_WORD = re.compile(r"\w+(?:[-']\w+)*|€", re.UNICODE)
_ZIN = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[.!?]['’\"”])\s+")
_DEEL = re.compile(r"\s*(?:;|:|,?\s+maar\s+|,?\s+alleen\s+|,?\s+terwijl\s+|,?\s+toch\s+|"
                   r",\s+(?:en\s+)?(?=(?:ik|hij|ze|zij|we|mevrouw|meneer|dhr|mw|nu)\b)|\s+en\s+(?=(?:ik|hij|zij|we)\s))\s*",
                   re.IGNORECASE)


@functools.cache
def _vorm(cue: str) -> tuple[str, str]:
    """('prefix' | 'exact' | 'binnen' | 'frase', text) for one cue."""
    if cue.startswith("~"):
        return "binnen", cue[1:]
    if " " in cue:
        return "frase", cue.rstrip("*")
    if cue.endswith("*"):
        return "prefix", cue[:-1]
    return "exact", cue


def _treft(cue: str, tokens: list[str], zin: str) -> list[int]:
    """Token positions where ``cue`` matches (a phrase returns its first token position).

    ``zin`` is the tokens joined by spaces (or empty): every kind of match needs the cue's
    text (a phrase's words with single spaces) somewhere in it, so most cues are ruled out by
    one substring test."""
    soort, tekst = _vorm(cue)
    if tekst not in (zin or " ".join(tokens)):
        return []
    if soort == "frase":
        delen = tekst.split()
        n = len(delen)
        return [i for i in range(len(tokens) - n + 1)
                if all(tokens[i + k] == delen[k] or (k == n - 1 and tokens[i + k].startswith(delen[k])
                                                      and cue.endswith("*"))
                       for k in range(n))]
    if soort == "prefix":
        return [i for i, t in enumerate(tokens) if t.startswith(tekst)]
    if soort == "binnen":
        return [i for i, t in enumerate(tokens) if tekst in t]
    return [i for i, t in enumerate(tokens) if t == tekst]


def thema_cues(codeboek: Codeboek | None = None) -> dict[str, list[str]]:
    """Per theme the cue words: the lexicon above plus the codebook's keywords for codes in
    that domain (``*`` = prefix), without a few that are too loose to locate a theme."""
    cues = {th: list(v) for th, v in _CUES.items()}
    if codeboek is not None:
        for code in codeboek:
            domein = code.domein or codeboek.root_of(code.code_id).code_id
            if domein in cues:
                cues[domein] += [str(w).casefold() for w in code.trefwoorden
                                 if str(w).casefold() not in _CUES_NIET]
    return {th: list(dict.fromkeys(v)) for th, v in cues.items()}


_AFKORTING = re.compile(r"\b(?:dhr|mw|mevr|ca|bijv|nr|evt|o\.a|i\.v\.m|z\.s\.m|tel|mr|dr|st)\.$",
                        re.IGNORECASE)


def _grenzen(tekst: str, begin: int = 0) -> list[re.Match]:
    """Sentence boundaries, not after an abbreviation ("dhr.", "ca.")."""
    return [m for m in _ZIN.finditer(tekst, begin) if not _AFKORTING.search(tekst[max(0, m.start() - 8):m.start()])]


def _deelzinnen(tekst: str) -> list[tuple[int, int, int]]:
    """(sentence number, start, end) of every clause in ``tekst``."""
    uit = []
    begin = 0
    zinnen = []
    for m in _grenzen(tekst):
        if m.start() > begin:
            zinnen.append((begin, m.start()))
        begin = m.end()
    if begin < len(tekst):
        zinnen.append((begin, len(tekst)))
    for nr, (s, e) in enumerate(zinnen):
        zin = tekst[s:e]
        b = 0
        for m in _DEEL.finditer(zin):
            if m.start() > b:
                uit.append((nr, s + b, s + m.start()))
            b = m.end()
        if b < len(zin):
            uit.append((nr, s + b, e))
    return uit


def _tokens(tekst: str) -> list[str]:
    return [m.group().casefold() for m in _WORD.finditer(tekst)]


def _heeft(lijst: list[str], tokens: list[str], zin: str) -> list[int]:
    """Token positions where any cue of ``lijst`` matches (what :func:`_treft` finds per cue)."""
    exact, prefix, binnen, frasen = _lexicon(id(lijst), lijst)
    uit = {i for i, t in enumerate(tokens)
           if t in exact or (prefix is not None and prefix.match(t)) or (binnen is not None and binnen.search(t))}
    for cue in frasen:
        uit.update(_treft(cue, tokens, zin))
    return sorted(uit)


_LEXICONS: dict[int, tuple] = {}


def _lexicon(sleutel: int, lijst: list[str]) -> tuple:
    """A lexicon's cues by kind, one-word cues merged into a set and two patterns, so a token
    is tested once per lexicon instead of once per cue. Only for the module's own lexicons,
    which live as long as the module (hence the id as key)."""
    if sleutel not in _LEXICONS:
        per_soort: dict[str, list[str]] = {"exact": [], "prefix": [], "binnen": [], "frase": []}
        for cue in lijst:
            soort, tekst = _vorm(cue)
            per_soort[soort].append(cue if soort == "frase" else tekst)

        def patroon(delen: list[str]) -> re.Pattern | None:
            return re.compile("|".join(map(re.escape, delen))) if delen else None

        _LEXICONS[sleutel] = (frozenset(per_soort["exact"]), patroon(per_soort["prefix"]),
                              patroon(per_soort["binnen"]), tuple(per_soort["frase"]))
    return _LEXICONS[sleutel]


def _cue_geldig(cue: str, zin: str) -> bool:
    if any(w in zin for w in _CUES_ZONDER.get(cue, ())):
        return False
    eisen = _FAMILIE_CONTEXT if cue in _FAMILIE else _CUES_MET.get(cue)
    return eisen is None or any(e in zin for e in eisen)


class _Cues:
    """One theme's cue words, prepared once per run: a clause holding none of their (first)
    words mentions no cue (the test :func:`_treft` makes per cue, made once for the theme),
    and only the cues whose word is in the clause are tried."""

    def __init__(self, lijst: Iterable[str]) -> None:
        self.lijst = list(lijst)
        self.eerste = [(_vorm(c)[1].split(" ", 1)[0] if _vorm(c)[0] == "frase" else _vorm(c)[1], c)
                       for c in self.lijst]
        woorden = sorted({w for w, _ in self.eerste}, key=len, reverse=True)
        self.patroon = re.compile("|".join(map(re.escape, woorden)))

    def __add__(self, meer: list[str]) -> _Cues:
        return _Cues(self.lijst + meer)


def _over(thema: str, cues: _Cues, tokens: list[str], zin: str) -> bool:
    tekst = zin or " ".join(tokens)
    if not cues.patroon.search(tekst):
        return False
    return any(w in tekst and _treft(c, tokens, zin) and _cue_geldig(c, zin) for w, c in cues.eerste)


@functools.lru_cache(maxsize=1 << 16)  # a clause is read once per theme that it mentions
def richting_van(deel: str) -> int:
    """+1 (progress), -1 (setback) or 0 (no stance) for one clause."""
    zin = " ".join(_tokens(deel))
    tokens = zin.split()
    if not tokens:
        return 0
    if _heeft(_NEUTRAAL, tokens, zin) or deel.rstrip().endswith("?"):
        sterk = re.search(r"\b(toegekend|goedgekeurd|afgewezen|opgelost|gehaald|ontslagen|"
                          r"opgepakt|aangehouden|beëindigd|gezet|rond)\b", zin)
        if not sterk:
            return 0
    score = 0
    gebruikt: set[int] = set()
    # negation + meer: "geen schulden meer" (+), "geen contact meer" (-), "niet meer bang" (+)
    for i, t in enumerate(tokens):
        if t in _ONTKENNING:
            venster = tokens[i + 1:i + 6]
            if any(w in _MEER for w in venster) or (i > 0 and tokens[i - 1] in _MEER):
                probleem = _heeft(_PROBLEEM, venster, " ".join(venster))
                stop = [w for w in venster if w in _STOPPEN]
                vorig = tokens[max(0, i - 3):i]
                vorig_probleem = _heeft(_PROBLEEM, vorig, " ".join(vorig))
                if probleem or stop or vorig_probleem or any(w in _STOPPEN for w in vorig):
                    score += 1
                else:
                    score -= 1
                gebruikt.update(range(i, i + 6))
            elif _heeft(_PROBLEEM, venster[:3], " ".join(venster[:3])):
                if t == "nooit" or (venster and venster[0] == "bekend") or "bekend" in venster:
                    gebruikt.update(range(i, i + 4))
                    continue
                if any(w in ("nieuwe", "nieuw") for w in venster[:2]) or t in ("geen", "gein", "zonder"):
                    score += 1
                gebruikt.update(range(i, i + 4))
    # a problem that is turned down or lifted: "de ontruiming is afgewezen", "van zijn enkelband af"
    for i in _heeft(_PROBLEEM, tokens, zin):
        na = tokens[i + 1:i + 4]
        for k, w in enumerate(na):
            if w in ("afgewezen", "beëindigd", "opgeheven", "ingetrokken", "af", "geseponeerd",
                     "vernietigd", "kwijtgescholden", "afbetaald", "opgelost"):
                score += 1
                gebruikt.update({i, i + 1 + k})
                break
    pos = [i for i in _heeft(_POS, tokens, zin) if i not in gebruikt]
    neg = [i for i in _heeft(_NEG, tokens, zin) if i not in gebruikt]
    for i in pos:
        voor = tokens[max(0, i - 2):i]
        score += -1 if any(w in _ONTKENNING for w in voor) else 1
    for i in neg:
        voor = tokens[max(0, i - 2):i]
        if tokens[i] == "minder" and _heeft(_PROBLEEM, tokens[i + 1:i + 3], ""):
            score += 1
            continue
        if tokens[i] in ("gestopt", "stopt", "stoppen") and "met" in tokens[i + 1:i + 3]:
            # stopping with a problem is progress (counted below), with anything else a setback
            if not _heeft(_PROBLEEM, tokens[i + 1:i + 5], ""):
                score -= 1
            continue
        score += 1 if any(w in _ONTKENNING for w in voor) and tokens[i] not in ("niemand", "niks") else -1
    # recurrence or growth of a problem: "weer een aanmaning", "nieuwe schuld", "weer gegokt"
    for i in _heeft(_PROBLEEM, tokens, zin):
        if i in gebruikt:
            continue
        voor = tokens[max(0, i - 3):i]
        if any(w in _TERUG for w in voor) and not any(w in _ONTKENNING for w in voor):
            score -= 1
        elif any(w in _WEG for w in voor) or (i + 1 < len(tokens) and tokens[i + 1] in ("weg", "opgelost", "afbetaald", "kwijtgescholden")):
            score += 1
    # "weer" with an ordinary activity is a return to normal: "gaat weer naar school",
    # "groet hij me weer", "ik durf weer te bellen" (with a problem it is recurrence, above)
    if score == 0 and not neg:
        for i, t in enumerate(tokens):
            if t == "weer" and not _heeft(_PROBLEEM, tokens[max(0, i - 3):i + 4], "") and not any(
                    w in _ONTKENNING for w in tokens[max(0, i - 3):i]):
                score += 1
                break
    return int(np.sign(score))


def _classificeer(tekst: str, themas: Iterable[str], cues: dict[str, _Cues]
                  ) -> dict[str, tuple[str, int, int]]:
    """theme -> (label, start, end of the clause that carries the stance or first mention)."""
    delen = _deelzinnen(tekst)
    info = []
    for nr, s, e in delen:
        deel = tekst[s:e]
        toks = _tokens(deel)
        zin = " ".join(toks)
        info.append((nr, s, e, deel, toks, zin))
    gezien: dict[tuple[int, str], bool] = {}

    def over_thema(i: int, thema: str) -> bool:  # each clause tested once per theme
        if (i, thema) not in gezien:
            gezien[i, thema] = _over(thema, cues[thema], info[i][4], info[i][5])
        return gezien[i, thema]

    uit = {}
    for thema in themas:
        over = [d for i, d in enumerate(info) if over_thema(i, thema)]
        if not over:
            uit[thema] = ("niet", -1, -1)
            continue
        zinnen = {d[0] for d in over}
        # a clause without a theme of its own that shares a sentence with this theme's clause
        # speaks about it too ("Hij neemt het 'sportief op'" after the dismissal)
        alle_themas = {t for t in cues}
        ook = [d for i, d in enumerate(info) if d[0] in zinnen and d not in over
               and not any(over_thema(i, t) for t in alle_themas)]
        per_zin: dict[int, int] = {}
        bewijs: dict[int, tuple[int, int]] = {}
        kandidaten = sorted(over + ook, key=lambda d: d[1])
        richting = {d[1]: richting_van(d[3]) for d in kandidaten}
        # a starting situation ("vroeger", "jarenlang", "was vorige maand nog") is no movement
        # when a later clause says where things are now (rule: "eerst slecht, nu goed")
        begin = {d[1] for d in kandidaten if _BEGIN.search(d[5])}
        if any(richting[d[1]] for d in kandidaten if d[1] not in begin):
            for b in begin:
                richting[b] = 0
        gemengd_zin = False
        for d in kandidaten:
            r = richting[d[1]]
            if r:
                # within one sentence the last clause with a direction wins ("het is nog moeilijk,
                # maar hij gaat elke dag"), except a setback after progress ("weer scherp zicht,
                # maar twee keer gevallen"), which makes the sentence mixed
                if per_zin.get(d[0]) == 1 and r == -1:
                    gemengd_zin = True
                per_zin[d[0]] = r
                bewijs[r] = (d[1], d[2])
        richtingen = set(per_zin.values()) | ({1, -1} if gemengd_zin else set())
        if richtingen == {1, -1}:
            label = "gemengd"
            s, e = bewijs[-1]
        elif richtingen == {1}:
            label = "vooruitgang"
            s, e = bewijs[1]
        elif richtingen == {-1}:
            label = "terugval"
            s, e = bewijs[-1]
        else:
            label = "neutraal"
            s, e = over[0][1], over[0][2]
        uit[thema] = (label, s, e)
    return uit


def _zin_om(tekst: str, start: int, eind: int) -> tuple[int, int]:
    """The whole sentence around a clause, for a quote that reads on its own."""
    voor = [m.end() for m in _grenzen(tekst[:start + 1]) if m.end() <= start]
    s = voor[-1] if voor else 0
    na = [m.start() for m in _grenzen(tekst, max(eind - 1, 0))]
    e = na[0] if na else len(tekst)
    return s, max(e, eind)


def bepaal_standpunt(
    verhalen: pd.DataFrame, themas: Iterable[str] = THEMAS, coderingen: pd.DataFrame | None = None,
    codeboek: Codeboek | None = None,
) -> pd.DataFrame:
    """One row per (story, theme): ``standpunt`` (one of LABELS), ``bron`` ('codering' when the
    theme's coded segments were read, 'classifier' when the whole story was), and the
    ``start``/``eind``/``fragment`` of the sentence that carries the stance (-1 / None for
    ``niet``).

    ``coderingen`` (verhaal_id, code_id, start, eind) are read per theme: a code counts for a
    theme when its id is the theme or, with a codebook, its root code is. A story with codings
    for a theme is read only in those segments for that theme.
    """
    themas = list(themas)
    cues = {th: _Cues(lijst) for th, lijst in thema_cues(codeboek).items()}
    for th in themas:
        cues.setdefault(th, _Cues([th]))
    gecodeerd: dict[tuple[object, str], list[tuple[int, int]]] = {}
    if coderingen is not None and not coderingen.empty:
        for v, c, s, e in zip(coderingen["verhaal_id"], coderingen["code_id"], coderingen["start"],
                              coderingen["eind"], strict=True):
            root = c
            if codeboek is not None and c in codeboek:
                root = codeboek.root_of(c).code_id
            for th in themas:
                if c == th or root == th or str(c).startswith(th + "."):
                    gecodeerd.setdefault((v, th), []).append((int(s), int(e)))
    rijen = []
    for v, tekst in zip(verhalen["verhaal_id"], verhalen["tekst"].fillna("").astype(str), strict=True):
        auto = _classificeer(tekst, themas, cues)
        for th in themas:
            segmenten = gecodeerd.get((v, th))
            if segmenten:
                labels = []
                for s, e in sorted(segmenten):
                    r = _classificeer(tekst[s:e], [th], {**cues, th: cues[th] + ["*"]})[th]
                    # a coded segment is about the theme even without a cue word
                    lab = r[0] if r[0] != "niet" else "neutraal"
                    labels.append((lab, s + max(r[1], 0), s + (r[2] if r[2] >= 0 else e - s)))
                soorten = {lab for lab, _, _ in labels}
                if {"vooruitgang", "terugval"} <= soorten or "gemengd" in soorten:
                    label = "gemengd"
                elif "vooruitgang" in soorten:
                    label = "vooruitgang"
                elif "terugval" in soorten:
                    label = "terugval"
                else:
                    label = "neutraal"
                keuze = next((x for x in labels if x[0] == label), labels[0])
                s, e = _zin_om(tekst, keuze[1], keuze[2])
                rijen.append((v, th, label, "codering", s, e, tekst[s:e].strip()))
                continue
            label, s, e = auto[th]
            if label == "niet":
                rijen.append((v, th, label, "classifier", -1, -1, None))
            else:
                s, e = _zin_om(tekst, s, e)
                rijen.append((v, th, label, "classifier", s, e, tekst[s:e].strip()))
    return pd.DataFrame(rijen, columns=KOLOMMEN)


def evalueer(voorspeld: pd.DataFrame, verwacht: pd.DataFrame) -> pd.DataFrame:
    """Per label precision, recall and support, plus a row 'totaal' with the accuracy (in
    ``precisie`` and ``recall``) over all (story, theme) pairs. Both frames: verhaal_id, thema
    and ``standpunt`` (the expected one in ``verwacht``)."""
    paar = verwacht.merge(voorspeld, on=["verhaal_id", "thema"], suffixes=("_echt", ""))
    echt, voorsp = paar["standpunt_echt"], paar["standpunt"]
    rijen = []
    for lab in LABELS:
        tp = int(((echt == lab) & (voorsp == lab)).sum())
        n_v, n_e = int((voorsp == lab).sum()), int((echt == lab).sum())
        rijen.append({"label": lab, "precisie": tp / n_v if n_v else np.nan,
                      "recall": tp / n_e if n_e else np.nan, "aantal": n_e})
    nauw = float((echt == voorsp).mean()) if len(paar) else np.nan
    rijen.append({"label": "totaal", "precisie": nauw, "recall": nauw, "aantal": len(paar)})
    return pd.DataFrame(rijen)


def voorbeelden_uit_jsonl(tekst: str, ids: Iterable[str] | None = None
                          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(verhalen, verwacht) from the text of a labelled ``voorbeelden.jsonl`` (one JSON object
    per line: id, tekst, labels per theme), optionally only the stories in ``ids``."""
    import json

    gekozen = set(ids) if ids is not None else None
    verhalen, labels = [], []
    for regel in tekst.splitlines():
        if not regel.strip():
            continue
        r = json.loads(regel)
        if gekozen is not None and r["id"] not in gekozen:
            continue
        verhalen.append({"verhaal_id": r["id"], "tekst": r["tekst"]})
        labels += [{"verhaal_id": r["id"], "thema": th, "standpunt": lab}
                   for th, lab in r["labels"].items()]
    return pd.DataFrame(verhalen, columns=["verhaal_id", "tekst"]), pd.DataFrame(
        labels, columns=["verhaal_id", "thema", "standpunt"])
