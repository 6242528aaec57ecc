"""Organisations that tie a person to a place: schools, employers, clubs, small businesses,
care providers; and the same organisation named again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from verhalen.herkenners.basis import (
    INSTELLING,
    Detection,
    find_pattern,
    fold,
    phrase_pattern,
    sentence_start,
)
from verhalen.herkenners.publiek import WORK_WORDS, named_as_work, public_spans
from verhalen.herkenners.woorden import (
    HOLIDAYS,
    chains,
    everyday_words,
    first_names_folded,
    is_place_name,
    known_organisations,
    place_spans,
    public_folded,
    rare_in_dutch,
    stop_words,
    zipf,
)

# kinds of local organisation that precede or end their own name
ORG_HEAD = (
    r"(?:Bakkerij|Slagerij|Snackbar|Frituur|Cafetaria|Café|Cafe|Restaurant|Eetcafé|Brasserie|"
    r"Kapsalon|Kapper|Brouwerij|Drukkerij|Wasserij|Stomerij|Bouwbedrijf|Schoonmaakbedrijf|"
    r"Transportbedrijf|Autobedrijf|Garage|Installatiebedrijf|Schildersbedrijf|Hoveniersbedrijf|"
    r"Uitzendbureau|Zorgboerderij|Zorgcentrum|Woonzorgcentrum|Verpleeghuis|Thuiszorg|Dagbesteding|"
    r"Woonvorm|Woongroep|Gezinshuis|Logeerhuis|Hospice|Zorgvilla|Zorghoeve|"
    r"Begeleid\s+Wonen|Beschermd\s+Wonen|Jeugdhulp|Jeugdzorg|Gezinsbegeleiding|Budgetbeheer|Bewindvoering|"
    r"Administratiekantoor|Bewindvoerderskantoor|Kringloop|Kringloopwinkel|Sporthal|Sportpark|Zwembad|Fysio|"
    r"Moskee|Parochie|Kerk|Gebr\.|Gebroeders|Zorgcollectief|Kinderopvang|Kinderdagverblijf|Peuterspeelzaal|BSO|"
    r"Huisartsenpraktijk|Tandartspraktijk|Fysiotherapie|Apotheek|Praktijk|Huize|Huis|Basisschool|"
    r"Montessorischool|Daltonschool|School|College|Lyceum|Scholengemeenschap|OBS|RKBS|KBS|BS|IKC|SBO|"
    r"SO|VSO|Wandelclub|Voetbalclub|Tennisclub|Sportclub|Zwemclub|Judoclub|Boksschool|Dansschool|"
    r"Fitness|Sportschool|Harmonie|Fanfare|Schutterij|Carnavalsvereniging|Zangvereniging|Koor|"
    r"Buurthuis|Buurthoes|Gemeenschapshuis|Gemeenschapshoes|Wijkcentrum|Jongerencentrum|JC|Inloophuis|Verzorgingshuis|Wooncentrum|"
    r"Dagcentrum|Activiteitencentrum|Woonbegeleiding|Thuisbegeleiding|Kamertraining|Wooninitiatief|Werkplaats|"
    r"Zorg\s+aan\s+Huis|Vervoer|Salon|Kebab|Boxing|Mavo|Havo|Vmbo|Zorggroep|Gemengd\s+(?:Zang)?[Kk]oor|Zangkoor|Mannenkoor|Kerkkoor|CV|KBO|"
    r"Wasstraat|Autowasstraat|Patisserie|Lunchroom|IJssalon|Ijssalon|Bloemenwinkel|Kwekerij|"
    r"Vocaal\s+Ensemble|Ensemble|Stichting|Vereniging|Supermarkt|"
    r"Winkel|Boerderij|Camping|Hotel|Pension|Manege|Dierenkliniek|Rijschool|Reisbureau|Kinderboerderij|"
    r"Scouting|Chinees|Pizzeria|Grillroom|Shoarma|Eethuis|Bistro|Fietsenmaker|Fietsenwinkel|Bloemist|Drogisterij|"
    r"Kiosk|Sportcentrum|Muziekschool|Muziekvereniging|Turnvereniging|Atletiekvereniging|Handbalvereniging|"
    r"Zorgbureau|Thuiszorgbureau|Turnvereniging|Carnavalsvereiniging|Vereiniging|Rksv|Rkvv|RKVV|RKSV|RKHBS|[A-Z]{0,3}VV|SV|PV|HV|TV|ZV|WSV|VC|HC|BC|MHC|LHC)"
)
# 'Thuiszorg Hand in Hand', 'Jeugdzorg op Maat Parkstad', 'Gemengd Koor St. Caecilia', 'Olympia '56'
# ('in' only in 'Hand in Hand': elsewhere a place follows it, 'Garage Kicken in Ubach over Worms')
_NAME_PART = (
    r"(?:St\.|['’]\d\d|[A-ZÀ-Ý0-9][\w'’\-&+]*|'t|’t|De|de|het|Het|van|der|den|Van|&|en|Zn\.?|Zonen|"
    r"(?:da|di|del|la|le)(?=[^\S\n]+[A-ZÀ-Ý])|"
    r"(?:met|voor|op)(?=[^\S\n]+[A-ZÀ-Ý])|in(?=[^\S\n]+Hand\b))"
)
_ORG_HEADED = re.compile(
    r"(?<![\w\-])"
    + ORG_HEAD
    + r"(?:[^\S\n]+"
    + _NAME_PART
    + r")*[^\S\n]+(?:'t\s|’t\s|De\s|Het\s|de\s|het\s)?"
    r"[A-ZÀ-Ý][\w'’\-&+]*(?:[^\S\n]+['’]\d\d(?!\d))?(?:\s+(?:&\s+)?(?:Zn\.?|Zonen|BV|B\.V\.|VOF|V\.O\.F\.))?(?![\w])"
)
_CHURCH = re.compile(
    r"(?<![\w\-])(?:Evangelische|Protestantse|Baptisten|Pinkster|Christelijke|"
    r"Gereformeerde|Hervormde|Vrije|Islamitische)\s+(?:(?:Gemeente|Gemeenschap|Kerk|Stichting)\s+"
    r"[A-ZÀ-Ý][\w'’\-]*(?:\s+[A-ZÀ-Ý][\w'’\-]*)*|Broedergemeente|Broedergemeenschap)"
)
# a Roman Catholic sports club by its letters alone: 'RKSVN zoekt spelers', 'bij RKVVL'
_RK_CLUB = re.compile(r"(?<![\w\-])RK[A-Z]{2,5}(?![\w\-])")
_ORG_SUFFIXED = re.compile(
    r"(?<![\w\-])(?:[A-ZÀ-Ý][\w'’\-&]*\s+)(?:(?:[A-ZÀ-Ý][\w'’\-&]*|van|de|der|den|het|'t|ter|ten|&)\s+){0,3}(?:BV|B\.V\.|VOF|V\.O\.F\.|NV|N\.V\.|"
    r"&\s+Zn\.?|&\s+Zonen|Holding|Groep|Bakkerijen|Bedrijven)(?![\w])"
)
_ORG_WORD = re.compile(
    r"(?<![\w\-])[A-ZÀ-Ý][\w'’\-]*(?:bakkerij|slagerij|bedrijf|bedrijven|salon|praktijk|"
    r"boerderij|koor|club|school|college)(?![\w])"
    r"|(?<![\w\-])(?:(?:Sint|St\.?)-)?[A-ZÀ-Ý][a-zà-ÿ]*(?:us|ius|a|is)(?:kerk|kirk|kèrk|kapel|basiliek)(?![\w])"  # 'Sint-Amelbergakerk', 'Lambertuskirk'
)
# a compound kind of business with its own name after it: 'Jeugdzorgpraktijk Samen Sterk',
# 'Mijnwerkerswinkel Lambriks', 'Fysiotherapiepraktijk De Baan'
_ORG_WORD_NAMED = re.compile(
    r"(?<![\w\-])[A-ZÀ-Ý][\w'’\-]*(?:bakkerij|slagerij|kwekerij|makerij|bedrijf|salon|praktijk|boerderij|winkel|werkplaats|"
    r"zaak|opvang|centrum|club|school|vereniging|koor|hoeve|villa|kantoor|collectief|handel|wasserij|bureau)(?:[^\S\n]+"
    + _NAME_PART
    + r")*[^\S\n]+"
    r"(?:'t\s|’t\s|De\s|Het\s|de\s|het\s)?[A-ZÀ-Ý][\w'’\-&+]*(?![\w])"
)
# a name followed by the kind of organisation: 'Vista College', 'Hago Zorg', 'Gilde Opleidingen'
_ORG_TAILED = re.compile(
    r"(?<![\w\-])(?P<org>(?:[A-ZÀ-Ý][\w'’\-&]*[^\S\n]+)(?:(?:[A-ZÀ-Ý][\w'’\-&]*|van|de|der|den|het|'t|ter|ten|&)[^\S\n]+){0,3}(?:(?i:college|lyceum)|Gymnasium|Opleidingen|"
    r"Academie|Scholengemeenschap|Zorg|Thuiszorg|Kinderopvang|Installatietechniek|Techniek|"
    r"Schoonmaak|Schoonmaakdiensten|Logistiek|Transport|Catering|Services|Bouw|Uitzendbureau|Groenvoorziening|Metaal|Facilitair|"
    r"Uitzendgroep|Personeelsdiensten|Bewind|Bewindvoering|Advies|Administratie)(?:\s+(?:en|&)\s+[A-ZÀ-Ý][\w'’\-]*)?)(?![\w])"
)
# a kind of organisation in lowercase before its name: 'basisschool De Speelhof', 'obs De
# Horizon', 'buurthuis De Pottenbakker', 'voetbalclub RKSV Heidebloem' (the span is the name)
# kinds of organisation in lowercase: 'basisschool', 'frituur', 'buurthoes', 'boxschool'
_LOWER_KIND = (
    r"(?:[a-zà-ÿ]+(?:bedrijf|bureau|kantoor|praktijk|school|club|vereniging|opvang|zaak|winkel|studio)|"
    r"buurthoes|gemeenschapshoes|kringloop|sporthal|basisschool|school|obs|rkbs|kbs|bs|ikc|sbo|vso|montessorischool|daltonschool|"
    r"jenaplanschool|buurthuis|gemeenschapshuis|wijkcentrum|jongerencentrum|dagbesteding|inloophuis|inloop|"
    r"verpleeghuis|verpleeghoes|verzorgingshuis|bejaardenhuis|zorgcentrum|woonzorgcentrum|koor|"
    r"zorgboerderij|kinderopvang|kinderdagverblijf|peuterspeelzaal|bso|voetbalclub|"
    r"voetbalvereniging|tennisclub|sportclub|zwemclub|judoclub|turnvereniging|boksschool|"
    r"dansschool|sportschool|harmonie|fanfare|schutterij|carnavalsvereniging|zangkoor|koor|"
    r"woonvorm|woongroep|thuiszorg|bakkerij|slagerij|snackbar|frituur|kapsalon|garage|"
    r"supermarkt|restaurant|café|huisartsenpraktijk|apotheek|werkgever|bedrijf|firma|cafetaria|eetcafé|lunchroom|"
    r"pizzeria|grillroom|scouting|chinees|fietsenmaker|bloemist|drogisterij|kiosk|muziekschool|"
    r"scholengemeenschap|vereniging|club)"
)
_ORG_LOWER_HEAD = re.compile(
    r"(?<![\w\-])(?=[a-zà-ÿ]+\s+(?:de\s+|het\s+)?['’A-ZÀ-Ý])"
    + _LOWER_KIND
    + r"\s+(?P<org>(?:'t\s|’t\s|De\s|Het\s|de\s|het\s|St\.\s|Sint\s)?[A-ZÀ-Ý][\w'’\-&+]*(?:\s+(?:'t|De|de|het|van|der|den|&|"
    r"[A-ZÀ-Ý0-9][\w'’\-&+]*))*)"
)
# a quick note writes the name in lowercase too: 'bij frituur de zwaan', 'buurthuis de schakel'
# (the span takes the kind: a surrogate 'een frituur' reads)
_ORG_LOWER_NAMED = re.compile(
    r"(?<![\w\-])" + _LOWER_KIND + r"\s+(?:de|het|'t)\s+(?P<word>[a-zà-ÿ][a-zà-ÿ'’\-]{2,})(?![\w])"
)
# context: 'werkt bij X', 'lid van X', 'zit op X', 'voetbalt bij X', 'school (X)'
_ORG_CONTEXT = re.compile(
    r"(?i)\b(?:werk(?:t|te|ten|en|de|dje)?|gewerkt|wirk(?:t|de)?|gewirk|baan|bijbaan(?:tje)?|stage(?:plek)?|"
    r"vrijwilliger(?:swerk)?|schoonmaken|schoonmaakster|opleiding|studeert|studie|cursus|"
    r"(?:als|is|ben|was|werd|wordt)\s+[\w\-]*(?:medewerker|medewerkster|werker|kundige|monteur|verkoper|verkoopster|chauffeur|"
    r"bezorger|assistent|assistente|stagiair|stagiaire)|"
    r"werkzaam|(?:ploegen)?dienst|werkplek|leerwerkplek|werkervaringsplek|proefplaatsing|leerbaan|"
    r"baas|chef|collega|collega's|eigenaar|eigenares|voetballen|zwemmen|turnen|dansen|boksen|"
    r"hockeyen|tennissen|sporten|fitnessen|trainen|solliciteer(?:t|de)?|gesolliciteerd|sollicitatie|contract|groep\s+\d|klas|"
    r"lid|voetbal(?:t|de)?|train(?:t|de)|training|zit|zat|zitten|leerling|traint|speelt|speelde|"
    r"danst|zwemt|turnt|ingeschreven|aangenomen|ontslagen|schoonmaker|secretaresse|monteur|"
    r"helpende|(?:bus|vrachtwagen|vracht|taxi|bestel|pakket|heftruck)?chauffeur|kok|werkgever|school|club|vereniging|aanbieder|zorgaanbieder|gewerk|"
    r"beginnen|begint|begon|schoonmaak|zingt|zingen|zong|loon|salaris|loonstrook|uitzendbureau|als\s+[a-zà-ÿ\-]+(?=\s+(?:bij|bie)\s))"
    r"(?:\s+(?!(?:bij|op|van|via)\s+(?-i:(?:het\s+|de\s+|'t\s+)?[A-ZÀ-Ý]))[\w'’\-]+){0,5}?\s*(?:\(\s*|(?::|(?<=werkgever),|(?<=werkgever)\s+(?:is|was)|\s(?:bij|bie|op|van|via|voor))\s+)(?-i:het\s+|de\s+|'t\s+)?"
    r"(?P<org>(?-i:(?:'t\s|’t\s|De\s|Het\s)?[A-ZÀ-Ý][\w'’\-&+]*(?:\s+(?:'t|De|de|het|van|der|den|&|"
    r"[A-ZÀ-Ý0-9][\w'’\-&+]*))*))"
)
# the context is someone's work, their trade or their pay ('werkt bij', 'als monteur bij', 'loon van');
# not 'ontslagen uit Zuyderland', which is also leaving hospital
_EMPLOYER = re.compile(
    r"(?i)(?!ontslag)" + WORK_WORDS + r"|schoonma|secretaresse|monteur|helpende|(?:bus|vrachtwagen|vracht|taxi|bestel|pakket|heftruck)?chauffeur|"
    r"kok|loon|salaris|uitzendbureau|(?:als|is|ben|was|werd|wordt)\s|ploegendienst|leerwerkplek|werkervaringsplek|proefplaatsing|leerbaan|eigena"
)
_ORG_STOP = re.compile(r"\s+(?:in|te|aan|op|de|het|van|der|den|&)$")


_AT_BEFORE = re.compile(r"(?i)(?<![\w])(?:op|bij)\s+$")
_GEOGRAPHY_BEFORE = re.compile(r"(?i)\b(?:wijk|buurt|dorp|gemeente|stad|regio|kern|plaats)\s+$")
# 'die vroeger bij DSM werkten', 'bij Rolduc in de keuke gesjtange': the work verb comes after
_WORKED_AT = re.compile(
    r"\b(?i:bij|bie)\s+(?:(?i:de|het|'t)\s+)?(?P<org>[A-ZÀ-Ý][\w'’\-&+]*(?:\s+[A-ZÀ-Ý0-9][\w'’\-&+]*)*)"
    r"(?:\s+[\w'’\-]+){0,4}?\s+(?i:werkt|werkte|werkten|gewerkt|wirkde|gewirk|gesjtange|gestaan|maakte|maakten|"
    r"ingeschreven|aangenomen|ontslagen|begonnen|gestopt|in\s+de\s+jeugd|in\s+dienst|in\s+de\s+(?:kantine|keuken|keuke|fabriek|productie|winkel))\b"
)
# a name with a capitalised article inside a sentence: 'naar De Egelantier', 'bij Het Ateljee',
# '(De Overstap)'; places and public bodies excepted
_ARTICLE_NAME = re.compile(
    r"(?<=[a-zà-ÿ,(]\s)(?P<org>(?:De|Het|'t|’t)\s+[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+)?)(?![\w])"
    r"|(?<=\()(?P<org2>(?:De|Het|'t|’t)\s+[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+)?)(?=\))"
)
# 'Aldenborgh, 't verpleeghoes in Echt', 'De Egelantier, dat verpleeghuis'
_ORG_APPOSITION = re.compile(
    r"(?<![\w\-])(?P<org>[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,2}),?\s+(?i:dat\s+is\s+)?(?i:'t|het|dat|de|die|een)\s+"
    r"(?i:verpleeghuis|verpleeghoes|verzorgingshuis|verzorgingshoes|bejaardenhuis|zorgcentrum|woonzorgcentrum|basisschool|school|"
    r"bedrijf|fabriek|dagbesteding|inloophuis|buurthuis|jongerencentrum|supermarkt|winkel|club|vereniging|koor)\b"
)


def find_organisations(text: str) -> list[Detection]:
    """Local organisations that tie a person to a place: schools, employers, clubs, small
    businesses and small care providers.

    * a kind of organisation followed by its name ('Bakkerij Hendriks', 'OBS De Wingerd',
      'RKVV Almania', 'Snackbar 't Hoekske', 'Begeleid Wonen De Brug');
    * a name ending in BV, VOF, '& Zn' ('Hendriks Bakkerijen BV', 'Bouwbedrijf Pelzer & Zn');
    * a capitalised name after 'werkt bij', 'lid van', 'zit op', 'voetbalt bij', 'school (...)'.
      A public body (UWV, de gemeente, Zuyderland as care provider) stays, but an employer is
      always replaced ('werkt bij Zuyderland');
    * as quick notes write them: a lowercase employer rare as a word ('werkt bij hks'), a kind
      and its name in lowercase ('frituur de zwaan');
    * each with the adjective of its town before it ('Weerter Carnavalsvereniging De Kwiebus').
    """
    found = find_pattern(phrase_pattern(known_organisations(), ""), text, INSTELLING, "organisatie-lijst")
    found += [
        d
        for d in find_pattern(phrase_pattern(chains(), ""), text, INSTELLING, "organisatie-lijst")
        if named_as_work(text, d.start, d.end)
    ]
    public = public_folded()
    for pattern in (_ORG_HEADED, _ORG_SUFFIXED, _ORG_WORD, _ORG_WORD_NAMED, _CHURCH, _RK_CLUB):
        for m in pattern.finditer(text):
            value = _without_place_after(m.group())
            if fold(value) in public or is_place_name(value):
                continue
            found.append(Detection(m.start(), m.start() + len(value), INSTELLING, value, "organisatie"))
    for pattern in (_ORG_TAILED, _ORG_LOWER_HEAD):
        for m in pattern.finditer(text):
            start, value = m.start("org"), _ORG_STOP.sub("", m.group("org"))
            words = [w for w in value.split() if fold(w) not in {"de", "het", "'t", "’t"}]
            if not words or fold(value) in public or is_place_name(value):
                continue
            led_by_article = value.split()[0] in ("De", "Het", "de", "het", "'t", "’t")
            if (fold(words[0]) in everyday_words() and not led_by_article) or (
                len(words) == 1 and fold(words[0]) in first_names_folded()
            ):
                continue
            end = start + len(value)
            if pattern is _ORG_LOWER_HEAD:
                start = m.start()  # the kind goes with the name: a surrogate 'een school' reads
            found.append(Detection(start, end, INSTELLING, text[start:end], "organisatie"))
    spans = public_spans(text)
    for m in _ORG_CONTEXT.finditer(text):
        value = m.group("org")
        start, end = m.start("org"), m.end("org")
        while True:
            stripped = _ORG_STOP.sub("", value)
            stripped = stripped.rstrip(".,")
            if stripped == value:
                break
            value = stripped
        end = start + len(value)
        words = value.split()
        employer = _EMPLOYER.match(m.group())
        if not words or is_place_name(value):
            continue
        if not employer and (fold(value) in public or any(s <= start < e for s, e in spans)):
            continue  # 'begeleiding door het Leger des Heils' stops at 'Leger'; still public
        if len(words) == 1 and fold(value) in first_names_folded() and not employer:
            continue  # 'zit op Kevin ...' is rare; 'training bij Ramon' is a person
        if fold(words[0]) in {"de", "het", "'t"} and len(words) == 1:
            continue
        if fold(words[0]) in stop_words() - {"de", "het"}:
            continue  # 'werk (In de keuken)', 'werk (Bij een supermarkt)': a sentence, no name
        if value.isupper() and len(value) <= 4 and fold(value) in public:
            continue
        found.append(Detection(start, end, INSTELLING, value, "organisatie-context"))
    for pattern in (_WORKED_AT, _ARTICLE_NAME, _ORG_APPOSITION):
        for m in pattern.finditer(text):
            group = "org2" if "org2" in pattern.groupindex and m.group("org2") else "org"
            value = _ORG_STOP.sub("", m.group(group)).rstrip(".,")
            words = [w for w in value.split() if fold(w) not in {"de", "het", "'t", "’t"}]
            bare = " ".join(words)
            # 'op De Wissel': one is on a school or at a club, never on a village of that name
            at = bare != value and _AT_BEFORE.search(text, max(0, m.start(group) - 5), m.start(group))
            if not words or {fold(value), fold(bare)} & public or is_place_name(value) or (is_place_name(bare) and not at):
                continue
            if fold(words[0]) in HOLIDAYS or _GEOGRAPHY_BEFORE.search(
                text, max(0, m.start(group) - 12), m.start(group)
            ):
                continue  # 'naar de Koningsdag markt', 'naar de wijk De Kemp'
            if any(s <= m.start(group) < e for s, e in spans):
                continue
            if pattern is _ORG_APPOSITION and (
                fold(words[0]) in everyday_words() or sentence_start(text, m.start(group))
            ):
                continue
            if pattern is _WORKED_AT and len(words) == 1 and fold(value) in first_names_folded():
                continue  # 'bij Ramon gewerkt' is a person
            found.append(
                Detection(
                    m.start(group), m.start(group) + len(value), INSTELLING, value, "organisatie-context"
                )
            )
    for m in _GOES_TO.finditer(text):
        value = _ORG_STOP.sub("", m.group("org")).rstrip(".,")
        if not value or fold(value) in public or is_place_name(value) or fold(value) in first_names_folded():
            continue
        if fold(value.split()[0]) in HOLIDAYS:
            continue  # 'naar de Koningsdag markt'

        found.append(
            Detection(m.start("org"), m.start("org") + len(value), INSTELLING, value, "organisatie-context")
        )
    for m in _LOWER_EMPLOYER.finditer(text):
        word = fold(m.group("org"))
        if rare_in_dutch(word) and not (
            _BUSINESS_KIND.search(word)
            or word in everyday_words()
            or word in stop_words()
            or word in first_names_folded()
            or is_place_name(word)
        ):
            found.append(Detection(m.start("org"), m.end("org"), INSTELLING, m.group("org"), "organisatie-context"))
    for m in _ORG_LOWER_NAMED.finditer(text):
        word = fold(m.group("word"))
        if word in stop_words() or word in everyday_words() or is_place_name(word):
            continue
        if zipf(word) < _NAME_AFTER_ARTICLE:
            found.append(Detection(m.start(), m.end(), INSTELLING, m.group(), "organisatie"))
    found = [_with_place_adjective(text, d) for d in found]
    return found + _named_again(text, found)


# a lowercase employer in a quick note: 'werkt bij hks', 'proefdag bij hanos', 'werk bij de mac'
_LOWER_EMPLOYER = re.compile(
    r"(?i)\b" + WORK_WORDS + r"(?:\s+[\w'’]+){0,3}?\s+bij\s+(?:de\s+|het\s+|'t\s+)?"
    r"(?P<org>(?-i:[a-zà-ÿ][a-zà-ÿ0-9'’]{1,}))(?![\w\-])"
)
_NAME_AFTER_ARTICLE = 4.0  # Zipf: 'frituur de zwaan' (3,7) is a name; 'school de hele dag' (5,8) is not
# 'bij dierenspeciaalzaak de kwispel': the kind of business, not its name
_BUSINESS_KIND = re.compile(r"(?:zaak|winkel|bedrijf|school|centrum|praktijk|fabriek|bureau|kantoor|huis|hoes)$")
# 'Weerter Carnavalsvereniging De Kwiebus', 'Sittards Vrouwenkoor Cantabile'
_PLACE_ADJECTIVE_BEFORE = re.compile(r"(?<![\w\-])([A-ZÀ-Ý][\w\-]*?)(?:er|se|s)[ \t]$")


def _with_place_adjective(text: str, d: Detection) -> Detection:
    """An organisation keeps the adjective of its town before it ('Weerter', 'Sittards')."""
    m = _PLACE_ADJECTIVE_BEFORE.search(text, max(0, d.start - 30), d.start)
    if not m or not is_place_name(m.group(1)):
        return d
    return Detection(m.start(), d.end, d.kind, text[m.start() : d.end], d.source, d.key)


_PLACE_AFTER = re.compile(
    r"[^\S\n]+(?:op|voor|met)[^\S\n]+(?P<place>[A-ZÀ-Ý][\w'’\-]*(?:[^\S\n]+[\w'’\-]+){0,2})$"
)


def _without_place_after(value: str) -> str:
    """'Sabic op Geleen': the organisation without where it is; 'Zorg met Hart' keeps its name."""
    m = _PLACE_AFTER.search(value)
    if m and (is_place_name(m.group("place")) or place_spans(m.group("place"))):
        return value[: m.start()]
    return value


_ARTICLE_AND_NAME = re.compile(r"(?i)(?:^|\s)(?P<name>(?:de|het|'t|’t)\s+[\w'’\-]{4,})$")


def _named_again(text: str, organisations: list[Detection]) -> list[Detection]:
    """A found organisation named again by its article and name, in any case: 'buurthuis De
    Schakel' ... 'de schakel is op donderdag dicht'."""
    out = []
    names = {m.group("name").lower() for d in organisations if (m := _ARTICLE_AND_NAME.search(d.text))}
    for name in sorted(names):
        article, word = name.split(maxsplit=1)
        if fold(word) in public_folded() or is_place_name(word):
            continue
        pattern = r"(?i)(?<![\w'’])" + re.escape(article) + r"\s+" + re.escape(word) + r"(?![\w'’])"
        out += [
            Detection(m.start(), m.end(), INSTELLING, m.group(), "organisatie-herhaald")
            for m in re.finditer(pattern, text)
            if not any(d.start <= m.start() < d.end for d in organisations)
        ]
    return out


# 'gaat naar het Trevianum', 'ging naar de Jumbo', 'verwezen naar de Jumbo', 'is nu op het
# Leeuwenborgh': with an article, a name after 'naar' or 'op' is a school, shop or club
# (countries and towns take none; a square is caught as a street)
_GOES_TO = re.compile(
    r"(?i)\b(?:(?:ga|gaat|gaan|ging|gingen|gegaan|verwezen|doorverwezen|verwijs|gestuurd|gebracht)(?:\s+(?!naar\b)[\w'’]+){0,3}?\s+naar"
    r"|(?:is|was|ben|zit|zat)(?:\s+(?:nu|nog|al|toen))?\s+op)\s+(?-i:het|de|'t)\s+"
    r"(?P<org>(?-i:[A-ZÀ-Ý][\w'’\-&+]*(?:\s+(?:'t|De|de|het|van|der|den|&|[A-ZÀ-Ý0-9][\w'’\-&+]*))*))"
)


def find_institutions(text: str, names: Iterable[str] | None = None) -> list[Detection]:
    """Organisations: the names given, or the local-organisation detector."""
    if names is not None:
        names = tuple(names)
        return find_pattern(phrase_pattern(names, ""), text, INSTELLING, "instelling") if names else []
    return find_organisations(text)
