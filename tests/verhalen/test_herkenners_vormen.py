"""Forms of ages, organisations and decoys that the third development set showed missing
(sentences written here, not copied from it): each rule found, and its look-alike kept."""

from __future__ import annotations

from functools import lru_cache

import pytest

from verhalen import herkenners as h


@lru_cache(maxsize=1)
def _pseudonymizer():
    from verhalen.pseudonimisering import Pseudonymizer

    return Pseudonymizer()


def _replaced(text: str) -> list[str]:
    """What the whole pseudonymiser (deduce included) replaces in ``text``."""
    return [text[d.start : d.end] for d in _pseudonymizer().detect(text)]


def _ages(text: str) -> list[str]:
    return sorted({d.text for d in h.find_ages(text)})


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Hij is op zijn 16e van school gegaan.", ["16", "16e"]),  # merged to one span
        ("Ze heeft een baby van 4 maanden.", ["4"]),
        ("Kinderen: Levi (10), Finn (zeventien maanden)", ["10", "zeventien"]),
        ("een moeder van eind twintig die volgens juf", ["twintig"]),
        ("diens nieuwe partner Jennifer, die 28 is.", ["28"]),
        ("een jongen die zei dat hij 18 was, maar", ["18"]),
        ("hij is ouder, ik schat 20-21. niet prettig.", ["20", "21"]),
        ("Twan, 'ne jóng van zestien van de sjötterie", ["zestien"]),
        ("Vanaf haar twaalfde zat ze op turnen.", ["twaalfde"]),
        ("Op mijn zeventigste stop ik ermee.", ["zeventigste"]),
        ("Oma is vorige maand negentig geworden.", ["negentig"]),
        ("Ich bin verleje waek vieftig gewoare.", ["vieftig"]),
        ("De jongste is in maart 3 geworden.", ["3"]),
        ("die volgend jaar zestig wordt.", ["zestig"]),
        ("omdat Sem net vier is en", ["vier"]),
        ("Daarna sprak ik Petra (moeder, 42) en haar zus.", ["42"]),
        ("twee jongens (beiden 16) bij de kiosk", ["16"]),
        ("een groepje (ca 14-15) op het plein", ["14", "15"]),
        ("Kinderen: 4, 9 en 12 jaar.", ["12", "4", "9"]),
        ("Meneer Peters van 81 kwam ook.", ["81"]),
        ("met vijftien ging ik werken", ["vijftien"]),
        ("toen was ich al in de zestig.", ["zestig"]),
        ("Ze schatte hem 'ruim 50'.", ["50"]),
        ("een jongen, zeker 17 of 18.", ["17", "18"]),
        ("sinds ich zestieën waor", ["zestieën"]),
        ("Verteller: Kevin, 17, Heerlen", ["17"]),  # a listed first name, at the start of a line
        ("Over: Sanne Janssen, 14, 2 vmbo", ["14"]),
        ("onbekende jongen, ik schat hem 16.", ["16"]),
        ("Ich bin zeuvenenzeventig en kal nog good.", ["zeuvenenzeventig"]),
        ("Ik was zeventien toen ik op mezelf ging.", ["zeventien"]),
        ("De buurvrouw, zelf achtenzeventig, kookt voor hem.", ["achtenzeventig"]),
        ("de tweeling van 4 speelt buiten", ["4"]),
        ("drie jongens, rond 14/15, op het plein", ["14", "15"]),
        ("ik ben pas 12 😭", ["12"]),
        ("geb. 3 juni 1961 (63)", ["63"]),
        ("twee jongens, een van 17 en een van 14, zonder jas", ["14", "17"]),
        ("Zie waor 74. Wat ich mis?", ["74"]),
        ("een meisje, is 14 of 15 denk ik", ["14", "15"]),
        ("die is 18 gew. en werkt", ["18"]),
        ("Klopt het dat hij nog steeds 72 is?", ["72"]),
        ("Ich bin vieftig gewoorde in fibberwarie.", ["vieftig"]),
        ("J.W., 53, Kerkrade", ["53"]),
        ("Dan Omar van 12, die voetbalt.", ["12"]),
    ],
)
def test_age_forms(text, ages):
    assert _ages(text) == ages


@pytest.mark.parametrize(
    "text",
    [
        "Het zijn er 12 geworden, meer dan vorig jaar.",
        "De schutterij bestaat 111 jaar.",
        "jongeren van 12 tot 23 jaar",
        "op nummer 14 wonen ze al jaren",
        "Adres: Kerkstraat, 12, 14 en 16 zijn gesloopt.",
        "Mevrouw Janssen van 12 maart tot 3 april weg.",
        "ZRM bij start (financiën, 2) en nu (financiën, 3).",
        "een contract van 12 maanden",
        "eerst minnelijk traject (36 maanden).",
        "Beschikking Jeugdwet aangevraagd (12 maanden).",
        "de score die 3 is gebleven",
        "voor jongeren, leeftijd 12 t/m 16",
        "doelgroep 16 tot 27 jaar",
        "leerplicht tot 16 jaar",
        "ZRM: Financiën 3 (was 2), Werk 4",
        "Het wijkteam is 24/7 bereikbaar.",
        "Restaurant De Gouden Leeuw, vijftien jaar. Toen",
        "Sittard van 12 tot 14 uur open",
    ],
)
def test_age_look_alikes_stay(text):
    assert _ages(text) in ([], ["111"])  # the anniversary is dropped after detection (next test)


def test_an_anniversary_is_no_age():
    replaced = _replaced("De schutterij bestaat 111 jaar.")
    assert not any("111" in r for r in replaced), replaced


def _organisations(text: str) -> list[str]:
    return sorted({d.text for d in h.find_organisations(text)})


@pytest.mark.parametrize(
    ("text", "organisatie"),
    [
        ("Hij werkt via een uitzendbureau nog steeds bij Vossen Metaal.", "Vossen Metaal"),
        ("Vroeger heeft hij bij Philips in de fabriek gestaan.", "Philips"),
        ("Ze was juf op basisschool De Zon.", "De Zon"),
        ("Hij gaat elke week naar De Wingerd, een dagbesteding.", "De Wingerd"),
        ("Begeleiding bij Het Anker in Geleen.", "Het Anker"),
        ("Ze zingt bij Gemengd Koor Sint Joseph.", "Gemengd Koor Sint Joseph"),
        ("Opa woont nu in Glorieux, het verpleeghuis achter de kerk.", "Glorieux"),
        ("Hij begint maandag bij Tempo Flex.", "Tempo Flex"),
        ("open inloop JC De Kiosk op dinsdag", "JC De Kiosk"),
        ("Ik ben verwezen naar de Lidl aan de markt.", "Lidl"),
        ("Hij is nu op het Bisschoppelijk College maar spijbelt.", "Bisschoppelijk College"),
        ("donderdag inloop de Oase, veel jongeren", "de Oase"),
        ("Hij werkt nog 16 uur per week bij de Jumbo aan de Rijksweg.", "Jumbo"),
        ("ze werkt als kassière bij Plus Janssen in Born", "Plus Janssen"),
        ("Hij is nog bij Gilde ingeschreven maar gaat niet.", "Gilde"),
        ("ze helpt mee bij de CV De Kuulkes", "CV De Kuulkes"),
        ("Ze kookt in de keuken van Hanzehof, dat is het verzorgingshuis hier.", "Hanzehof"),
        # a known school or employer in any case, without a context
        ("zn moeder werkt bij sabic, pa is weg", "sabic"),
        ("zit officieel nog op trevianum maar gaat niet", "trevianum"),
        ("moet eerst mn school afmaken bij vista", "vista"),
        ("esmee heeft ook een baantje bij Kwalitaria Brunssum nu", "Kwalitaria"),
        ("ze vertelt dat ze is aangenomen bij de hema in de stad", "hema"),
        ("RKSVN zoekt nog spelers o15", "RKSVN"),
        ("pauze bij cafetaria De Pits, Fabio kwam binnen", "De Pits"),
        ("Via Bas ben ik bij Fietsenwerkplaats De Trapper gaan werken", "Fietsenwerkplaats De Trapper"),
        ("mee met dat weekend van Scouting Sint Joris Echt", "Scouting Sint Joris"),
    ],
)
def test_organisation_forms(text, organisatie):
    assert any(organisatie in o for o in _organisations(text)), _organisations(text)


@pytest.mark.parametrize(
    "text",
    [
        "Er speelt een huurachterstand bij HEEMwonen.",  # a housing corporation: public
        "Hij is in 't Zuyderland overleden.",  # the hospital as care provider
        "We gingen wandelen in De Peel.",  # no organisation leads in: 'in De Peel' stays a region
    ],
)
def test_organisation_look_alikes_stay(text):
    assert not [o for o in _organisations(text) if "HEEM" in o or "Zuyderland" in o]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Mevrouw heeft sinds 2020 MS.", "2020 MS"),
        ("Met Kerst komt haar zoon.", "Kerst"),
        ("Bellen kan via het algemeen nummer: 045-560 00 00.", "045-560 00 00"),
        ("Algemeen: 046-477 77 77", "046-477 77 77"),
        ("In Bleijerheide is het feest.", "Bleijerheide"),
        ("J. Pelzer\nConsulent Sociaal Wijkteam\n", "Sociaal"),
        ("Bel het team op 046-420 00 00 (algemeen) of mij.", "046-420 00 00"),
        ("een groepje van 5/6 gasten bij de kiosk", "5/6"),
        ("Gaan we zaterdag naar de Koningsdag markt?", "Koningsdag"),
        ("afspraak bij de revalidatiearts in Adelante", "Adelante"),
        ("Partners in Welzijn T 046 - 458 80 00 | M 06 - 834 12 979", "046 - 458 80 00"),
        ("het telefoonnummer van het wijkteam (0475 - 47 97 00) doorgegeven", "0475 - 47 97 00"),
        ("De wijk Fatima in Weert kent iedereen.", "Fatima"),
        ("Ik heb 42 jaar bij de mijn gewerkt.", "42"),
        ("in de week na Sint-Maarten", "Sint-Maarten"),
        ("De andere rekening van ING is van mijn ex.", "ING"),
        # the writer's own welfare organisation, also in a compound
        ("Begeleiding vanuit het wijkteam en inzet van Xonar-crisiszorg in oktober.", "Xonar"),
        ("Opgetekend door Bas Mulders, jongerenwerker Trajekt, 2 december 2024", "Trajekt"),
        ("Doorverwezen naar het Juridisch Loket en het UWV.", "Juridisch Loket"),
        ("De UWV-uitkering is stopgezet.", "UWV-uitkering"),
        # a form repeats its labels, a chat its speakers
        ("Aanvrager: Debby Linders\nPartner: geen\nAanvrager: Participatiewet\nPartner: n.v.t.", "Aanvrager"),
        ("Mevrouw belt omdat haar zoon ziek is. mw belt terug.", "belt"),
        ("we zien elkaar donderdag\nok\n", "ok"),
        # a chain as the shop where someone buys groceries; as work it is replaced (below)
        ("Mevrouw doet de boodschappen zelf bij de Jumbo op de hoek.", "Jumbo"),
        # a capitalised word before a verb that is no unlisted name
        ("Gelukkig is het weer rustig.", "Gelukkig"),
        ("Herinrichting is nodig, zegt de buurt.", "Herinrichting"),
        ("Dagbestedingsplek was er niet.", "Dagbestedingsplek"),
        ("Niemand in Bergerhof had dat gedacht.", "Bergerhof"),
        ("Vervoer via de regiotaxi (Valys is voor verder weg).", "Valys"),
        ("Terugblik op de begeleiding van meneer Jansen (Vroegsignalering).", "Vroegsignalering"),
        # a score after a life domain's name, whatever the learned labeller makes of it
        ("Zij zit al lange tijd zonder werk en ziet daar weinig kans op. ZRM afgenomen begin april "
         "2025; de laagste scores zijn financiën (2) en werk en opleiding (2). E-mail: x@y.nl.", "(2)"),
    ],
)
def test_decoys_stay(text, kept):
    replaced = _replaced(text)
    assert not any(kept in r or r in kept for r in replaced), replaced




@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ja, zie je dan. – MK", "MK"),
        ("Tot morgen!\n– NvdW", "NvdW"),
        ("einde inloop 21.30 – JB", "JB"),
        ("[19:02] Roos (coach): Hoi allemaal", "Roos"),  # a listed first name that is also a word
        ("Mien naam is Door, eigenlijk Theodora.", "Door"),
        # a chat without time stamps: names that each open two lines or more
        ("Jamal JW: yo ben je er\nDjayson: ja man\nDjayson: hoe laat\nJamal JW: 8 uur", "Djayson"),
        ("kort: mw hermans (Kloosterstraat 6) belde", "hermans"),
        ("ze hebben een zoontje van 4, Kuba. Dhr. vroeg", "Kuba"),
        ("die jongen van Trevianum die ze \"Prof\" noemen.", "Prof"),
        ("Rayan vertelde dat Shurandy (neef van Kiki, is 17) er was", "Shurandy"),
        ("dominee Kartodikromo rijdt ons", "Kartodikromo"),
        ("Monique regelt het via het Rode Kruis.\njv\n", "jv"),
        ("buurtvereniging Oos Hoes. \n-- bm\n", "bm"),
        # an unlisted name as the subject of what people do
        ("Er wonen vier gezinnen. Yerlan, een van hen, helpt nu mee.", "Yerlan"),
        ("Wat ik moet doen weet ik niet. Meryem van het wijkteam helpt.", "Meryem"),
        ("De koffie staat klaar. Gjèr is weer terug na de operatie.", "Gjèr"),
        ("Hij woont verderop. Kidane Woldemariam kwam in 2016 hier.", "Kidane Woldemariam"),
        ("Voor de deur. Tiziana (haar zus, nog maar 15) was er ook.", "Tiziana"),
    ],
)
def test_names_in_fixed_places(text, name):
    replaced = _replaced(text)
    assert name in replaced, replaced



@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("jongerenwerker | Partners in Welzijn 06-24190385 b.jansen@pinw.nl", "06-24190385"),  # the worker's own
        ("Fatima woont in Weert.", "Fatima"),
    ],
)
def test_identifiers_next_to_public_things_still_go(text, number):
    replaced = _replaced(text)
    assert number in replaced, replaced
