"""Names inside sentences, and words that only look like names, as the ninth and tenth
development sets showed them (sentences written here, not copied from the sets): each rule
finds its form, and its look-alike stays."""

from __future__ import annotations

import pytest

from verhalen import herkenners as h
from verhalen.herkenners import namen, organisaties, publiek, woorden


def _replaced(pseudonymizer, text: str) -> list[str]:
    """What the whole pseudonymiser (deduce included) replaces in ``text``."""
    return [text[d.start : d.end] for d in pseudonymizer.detect(text)]


def _names(text: str) -> set[str]:
    return {d.text for d in h.find_names(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gisteren kwam Zjuul van de fanfare de sleutel brengen.", "Zjuul"),  # known by where he belongs
        ('"Vroeger stond hier een mijn," zei Bosman, "en nu een parkje."', "Bosman"),  # who speaks
        ('"Dat moet je niet doen," zegt Vos tegen de jongens.', "Vos"),  # a name that is a word
        ('Ze zei tegen me: "Gijs, jij moet nu echt gaan slapen."', "Gijs"),  # the one spoken to
        ("Hij riep: 'Dré, kom eens hier!'", "Dré"),
        ("ff gesproken met de nieuwe jongen. kuyt is 15 en zit nog op school.", "kuyt"),  # whose age is given
        ("- jordy (14) en zn neef kwamen binnen", "jordy"),
        ("Op zondag komt oma Door altijd koffie drinken.", "Door"),  # a relation's name that is a word
        ("Dit gaat goed; trainer Hub Ploumen noemt hem een harde werker.", "Hub Ploumen"),  # a word, with a surname after it
        ('Hij zei: "Die jongen van drie hoog, Radek, die helpt mij altijd."', "Radek"),  # in apposition
        ("wachten bij de bus [22-11, 21:05] Lies: kom eraan [22-11, 21:07] Jorn: top", "Lies"),  # a chat without a year
    ],
)
def test_names_inside_sentences(text, name):
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('"Nee, jij hoeft niet mee," zei ze.', "Nee"),  # a call, not a name
        ('Zijn moeder zei: "Jongen, wat doe je nou?"', "Jongen"),
        ("Vader (52) werkt bij de gemeente.", "Vader"),  # a relation with an age
        ("Het oudste kind is twaalf en gaat naar de brugklas.", "kind"),
        ("De voorzitter van de vereniging opende de avond.", "De"),
        ("Ahmet jarig (18), taart in de soos", "jarig"),
        ("bo is pas 13 en rookte, Quinten gaf haar de sigaretten", "rookte"),  # joined to a number, not a name
        ("S. Dassen (praktijkondersteuner GGZ, huisartsenpraktijk)", "GGZ"),  # an abbreviation after a title
    ],
)
def test_words_before_an_age_or_in_a_quote_stay(text, word):
    assert word not in _names(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("vrijdag weer ambulant, sanne belt de moeder terug", "ambulant"),  # a comma ends a clause
        ("Gesproken met Marloes Wetzels, POH-GGZ van de praktijk.", "POH"),  # an abbreviation
        ("Dhr. Peter Hanssen, BSN 123456782, woont alleen.", "BSN"),
        ("om 15u met Lotte en Bram naar de stad", "15u"),
    ],
)
def test_a_coordinated_word_is_not_always_a_name(text, word):
    assert word not in _names(text)


def test_a_lowercase_word_joined_by_en_is_a_name():
    assert "yass" in _names("bij het kooitje: yass en ilyas, rustig")


def test_a_list_after_a_colon_links_its_names():
    assert "jadiee" in _names("inloop aanwezig: jadiee, Demi, Sanne en Mo")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Het gesprek is voor een deel in het Engels gevoerd.", "Engels"),
        ("Hij spreekt geen Nederlands, wel Duits en een beetje Pools.", "Duits"),
        ("Er is een tolk Arabisch nodig bij het volgende gesprek.", "Arabisch"),
        ("Haar zoon woont in Duitsland en belt weinig.", "Duitsland"),
        ("Er ligt een brief van het CAK en van Enexis die hij niet openmaakt.", "Enexis"),  # a creditor of everyone
        ("ik heb de bespreking bij Gemeente Roermond over de subsidie", "Gemeente"),
        ("Ze kwam in 2019 uit Sierra Leone naar Nederland.", "Sierra Leone"),
        ("De jongens hangen vaak bij de Albert Heijn op de hoek.", "Albert Heijn"),
        ("Elke ochtend loopt hij met de hond langs de Maas.", "Maas"),
        ("Bereikbaar op 06-12345678 (ma, di, do).", "di"),
        ("Volgens Dmitri woont zijn broer nog in Kyiv.", "Volgens"),
        ("Kim: Jongens niet zomaar namen noemen in de groep.", "Jongens"),
        ("Aanvrager: dhr. Ruud Peeters\nAanvrager kan binnen zes weken reageren.", "Aanvrager"),
        ("[18:09] Guus: Top\n02-11 18:15 Sevda: morgen ben ik er", "Top"),
        ("eindigen om 22.00. morgen Sinterklaasintocht dus rustig verwacht.", "Sinterklaasintocht"),
        ("Hij krijgt warme maaltijden van Tafeltje-dek-je, geregeld via de kerk.", "Tafeltje-dek-je"),
        ("Wijkteam Stein-Centrum 046 - 477 77 00 (algemeen nummer)", "046 - 477 77 00"),
    ],
)
def test_words_that_look_like_names_stay(pseudonymizer, text, kept):
    assert not any(kept in r for r in _replaced(pseudonymizer, text)), _replaced(pseudonymizer, text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Hij werkt als vakkenvuller bij de Albert Heijn in Geleen.", "Albert Heijn"),  # an employer
        ("Ze is net begonnen bij Action in het winkelcentrum.", "Action"),
        ("Ik belde mevrouw Engels over de huur.", "Engels"),  # a person named like a language
        ("Ze noemt mevrouw Bosch van nummer 12.", "Bosch"),  # a title keeps a name that is also a place
        ("Daniel voetbalt bij de club, en Frans, de trainer, brengt hem thuis.", "Frans"),  # a name that is a language
        ("Daarna kreeg ik een huis via Wonen Limburg aan de Pastoor Vonckenstraat.", "Pastoor Vonckenstraat"),
    ],
)
def test_identifiers_among_those_look_alikes_still_go(pseudonymizer, text, gone):
    assert any(gone in r for r in _replaced(pseudonymizer, text)), _replaced(pseudonymizer, text)


def test_a_noun_made_of_a_verb_is_not_rare():
    assert not woorden.rare_in_dutch("Aanvrager")  # of 'aanvragen'
    assert woorden.rare_in_dutch("Olena")


def _organisations(text: str) -> list[str]:
    return [d.text for d in h.find_organisations(text)]


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Ze werkt sinds mei bij Thuiszorg Hand in Hand.", "Thuiszorg Hand in Hand"),  # a link inside a name
        ("Begeleiding via Jeugdzorg op Maat Parkstad, twee keer per week.", "Jeugdzorg op Maat Parkstad"),
        ("Zijn vrouw zingt al jaren bij Gemengd Koor St. Joseph.", "Gemengd Koor St. Joseph"),
        ("Ze turnt bij Turnvereniging Olympia '56.", "Turnvereniging Olympia '56"),
        ("Elke zondag naar de mis in de Sint-Lambertuskerk.", "Sint-Lambertuskerk"),
        ("Hij traint drie keer per week bij Rksv Merefeldia.", "Rksv Merefeldia"),
        ("Hij werkt bij Houthandel Coenen in de loods.", "Houthandel Coenen"),
        ("Een baantje van twee avonden bij Pizzeria da Marco aan de Markt.", "Pizzeria da Marco"),
        ("En 's zondigs nao de kirk, de Servatiuskirk, mer det lök neet.", "Servatiuskirk"),
    ],
)
def test_organisation_names_with_links_and_abbreviations(text, organisation):
    assert organisation in _organisations(text)


def test_an_organisation_named_again_in_lowercase_goes_too():
    text = "Ze komt elke week in buurthuis De Boog. sorry, de boog is op donderdag dicht."
    assert "de boog" in _organisations(text)


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Hij werkt bij Garage Kicken in Ubach over Worms.", "Garage Kicken"),  # the place is not part of it
        ("Werkt nu bij Zorgcentrum De Linde in Sittard\n\nSignaal\nSinds mei", "Zorgcentrum De Linde"),
    ],
)
def test_an_organisation_ends_before_its_place_and_its_line(text, organisation):
    assert organisation in _organisations(text), _organisations(text)


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("nieuwe jongen bij de groep. zegt 15 maar lijkt 13, navragen", ["13", "15"]),  # what he says, what he seems
        ("een meisje (zegt 16, lijkt jonger) kwam mee", ["16"]),
        ("Een van de jongens zou 19 zijn volgens de anderen.", ["19"]),
        ("hij is 18 nu dus mag hij mee als vrijwilliger", ["18"]),
        ("Ich bin zeuvenenveftig en woon nog alleen.", ["zeuvenenveftig"]),  # a Limburgish fifty
        ("In '48 gebore, dus ich bin noe zevenensiebezeg.", ["zevenensiebezeg"]),  # Kerkrade's seventy
        ("Met 59 vind je niks meer, dat zeg ik je.", ["59"]),
        ("[22-11, 21:08] Lies: 15j, wordt in januari 16", ["15", "16"]),  # a chat's compact year
        ("bij de bushalte: sky (16/17) vertelde trots dat ze is aangenomen", ["16", "17"]),
        ("sterre (15, zei eerst 17) wil bij de carnavalsvereniging", ["15", "17"]),
    ],
)
def test_ages_someone_gives_or_seems(text, ages):
    assert sorted({d.text for d in h.find_ages(text)}) == ages


@pytest.mark.parametrize(
    "text",
    ["Hij zegt 3 keer per week dat hij wil stoppen.", "Dat zou 2 weken duren.", "De wachttijd lijkt 16 weken."],
)
def test_numbers_after_says_or_seems_that_are_no_age_stay(text):
    assert not h.find_ages(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hij werkte 26 jaar als buschauffeur bij Arriva.",  # a duration, not an age
        "Ze heeft 31 jaar in de keuken van het verpleeghuis gestaan.",
        "Wiel is al twintig jaar droog.",
        "De wachtlijst bij de corporatie is 5 jaar, zeggen ze.",
    ],
)
def test_years_that_last_are_no_age(text):
    assert not h.find_ages(text), h.find_ages(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [("Ze is 34 jaar en woont alleen.", "34"), ("Keisha is 17 jr. doorverwezen naar de GGD", "17")],
)
def test_an_age_in_years_still_counts(text, age):
    assert age in {d.text for d in h.find_ages(text)}


def test_a_date_leaves_the_hour_after_it(pseudonymizer):
    replaced = _replaced(pseudonymizer, "Gebeld op ma 17 november 15.40 door de moeder van Daan.")
    assert "17 november" in replaced and not any(r.endswith("15") for r in replaced), replaced


def test_a_capital_initial_signs_a_note():
    assert "R" in _names("skatebaan leeg, koud.\n\n-R\n")


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Van mijn vijftiende tot mijn negentiende heb ik veel gedronken.", ["negentiende", "vijftiende"]),
        ("Mam wordt 84 volgende maand, zullen we wat regelen?", ["84"]),
        ("ome Wiel (vrijwilliger, 70+) kwam zijn fietsen laten zien", ["70"]),
        ("Partner: Denise Esposito-Houben, 32\nKinderen: 3, 7 en 11", ["11", "3", "32", "7"]),
        ("Dat is lang voor iemand van 74 met een nieuwe heup.", ["74"]),
    ],
)
def test_more_forms_of_an_age(text, ages):
    assert sorted({d.text for d in h.find_ages(text)}) == ages


def test_a_phone_number_with_an_en_dash():
    assert [d.text for d in h.find_phones("Tel: 045 – 532 18 40 (mevrouw)")] == ["045 – 532 18 40"]


def test_the_one_spoken_to_after_a_colon():
    assert "Hub" in _names("Mijn vrouw Lies zei na een half jaar: Hub, je moet de deur uit.")


def test_a_season_and_a_letter_closing_are_no_name():
    names = _names("Winter zelf is de rustigste tijd.\n\nHoogachtend,\nJ.H. Pieters")
    assert "Winter" not in names and "Hoogachtend" not in names


def test_a_saint_after_a_lowercase_kind_of_club():
    assert "harmonie St. Caecilia" in _organisations("Meneer is lid van harmonie St. Caecilia in Schaesberg.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("rustige avond. joep heeft de sleutel, tijn komt later", "joep"),  # a listed name, in lowercase
        ("koud buiten.\nbram heeft weer ruzie gehad met zn broer", "bram"),  # also an ordinary word
        ("ff bij de kooi gekeken. jaydn zat er weer, alleen", "jaydn"),  # in no list, rare in Dutch
    ],
)
def test_a_lowercase_name_opening_a_sentence_of_a_quick_note(text, name):
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("ff gesproken. vgm is het rustig gebleven", "vgm"),  # an abbreviation
        ("in de tuin gewerkt. roos is uitgebloeid, de rest staat er nog", "roos"),  # a word that is also a name, before 'is'
        ("stageplek is bij de bakker op de hoek", "stageplek"),  # two words
        ("jij vroeg of Daan (mijn zoon, 13) mee kan doen", "mee"),  # not after a parenthesis
        ("s'middags kan ik beter, zei ze", "s'middags"),
    ],
)
def test_a_lowercase_word_opening_a_sentence_is_not_always_a_name(text, word):
    assert word not in _names(text)


# --- the helpers themselves, so that each one's own job is pinned ---------------------------

from verhalen import pseudonimisering as ps  # noqa: E402
from verhalen.herkenners import Detection  # noqa: E402


def test_an_organisation_loses_the_place_after_it_only():
    assert organisaties._without_place_after("Garage Kicken op Ubach over Worms") == "Garage Kicken"  # a place of three words
    assert organisaties._without_place_after("Snackbar De Hoek op Schinveld") == "Snackbar De Hoek"
    assert organisaties._without_place_after("Thuiszorg Zorg met Hart") == "Thuiszorg Zorg met Hart"


def test_an_organisation_named_again_is_found_once_per_mention():
    text = "Buurthuis De Boog en Kapsalon De Kroon. de boog is dicht, de kroon niet. De Boog opent weer."
    found = [d for d in h.find_organisations(text) if d.source != "organisatie-herhaald"]
    again = organisaties._named_again(text, found)
    assert sorted(d.text for d in again) == ["De Boog", "de boog", "de kroon"]
    assert all(d.start != o.start for d in again for o in found)  # not the first mention again


def test_joined_by_en_or_by_a_comma():
    assert namen._joined("yass en ", "yass") and namen._joined(" en ilyas", "ilyas")
    assert not namen._joined("ambulant, ", "ambulant")


def test_two_words_of_four_letters_or_more():
    assert namen._two_words("stageplek") and namen._two_words("huisarts")
    assert not namen._two_words("keesie") and not namen._two_words("jaydn")


def test_a_shop_where_someone_works_is_no_kept_place():
    assert publiek.shop_spans("Hij werkt als vakkenvuller bij de Albert Heijn in Geleen.") == []
    assert publiek.shop_spans("De jongens hangen bij de Albert Heijn.") == [(25, 37)]
    assert publiek.river_spans("We fietsen langs de Maas.") == [(11, 24)]


def test_a_date_loses_only_an_hour_with_minutes_after_it():
    text = "op 17 november 15.40 gebeld; op 3 maart 12 mensen"
    d = Detection(3, 17, "datum", "17 november 15", "deduce")
    assert ps._without_time(text, d) == Detection(3, 14, "datum", "17 november", "deduce")
    other = Detection(32, 42, "datum", "3 maart 12", "deduce")
    assert ps._without_time(text, other) == other  # '12 mensen' is no hour


def test_deduce_loses_an_opening_word_of_its_own_name_only():
    d = Detection(10, 24, "persoon", "Volgens Dmitri", "deduce")
    assert ps._without_leading_word(d) == Detection(18, 24, "persoon", "Dmitri", "deduce")
    assert ps._without_leading_word(Detection(10, 24, "persoon", "Volgens Dmitri", "naamlijst")) .text == "Volgens Dmitri"
    assert ps._without_leading_word(Detection(10, 24, "persoon", "Volgens Dmitri", "deduce", "client")).start == 10
    assert ps._without_leading_word(Detection(0, 13, "persoon", "Sandra Jansen", "deduce")).text == "Sandra Jansen"


def test_a_name_that_begins_inside_a_public_body_keeps_what_follows_it():
    text = "Daarna kreeg ik een huis via Wonen Limburg aan de Kapelaan Sarsstraat."
    spans = publiek.public_spans(text)
    start = text.index("Wonen")
    d = Detection(start, len(text) - 1, "persoon", text[start:-1], "deduce")
    cut = ps._cut_before_public(text, d, spans)
    assert cut is not None and cut.text == "Kapelaan Sarsstraat" and cut.start == text.index("Kapelaan")
    only_public = Detection(start, start + len("Wonen Limburg aan"), "persoon", "Wonen Limburg aan", "deduce")
    assert ps._cut_before_public(text, only_public, spans) is None
    client = Detection(start, len(text) - 1, "persoon", text[start:-1], "deduce", "client")
    assert ps._cut_before_public(text, client, spans) == client  # a known identity is never cut


def test_named_again_skips_a_public_body_and_the_mention_it_starts_from():
    text = "Via het Jeugdfonds en buurthuis het Kompas. het jeugdfonds betaalt, het kompas is open."
    public = Detection(4, 18, "instelling", "het Jeugdfonds", "organisatie-context")
    kompas = Detection(text.index("het Kompas"), text.index("het Kompas") + 10, "instelling", "het Kompas", "organisatie")
    again = organisaties._named_again(text, [public, kompas])
    assert [d.text for d in again] == ["het kompas"]  # not 'het jeugdfonds', a public body; not 'het Kompas' itself


def test_deduce_loses_an_everyday_word_that_opens_its_name():
    d = Detection(0, 16, "persoon", "Vanmorgen Harrie", "deduce")  # an everyday word, less common than 'volgens'
    assert ps._without_leading_word(d).text == "Harrie"


def test_a_name_that_runs_into_a_public_body_ends_before_it():
    text = "Gisteren sprak ik Truus van de Leger des Heils over de maaltijden."
    spans = publiek.public_spans(text)
    start = text.index("Truus")
    d = Detection(start, text.index(" over"), "persoon", text[start : text.index(" over")], "deduce")
    cut = ps._cut_before_public(text, d, spans)
    assert cut is not None and cut.text == "Truus" and (cut.start, cut.end) == (start, start + 5)


# --- session 10: names no Dutch list holds, greetings, a name again in lowercase, a last line ---


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Op de vergadering was ook Oksana, die sinds kort in de wijk woont.", "Oksana"),  # a Ukrainian name
        ("De nieuwe vrijwilliger is Dariusz; hij helpt bij het inpakken.", "Dariusz"),
        ("Hoi jan\n\nik kan morgen niet komen", "jan"),  # greeted, though 'jan' is also short for januari
        ("19:05 - Esther: Hey mirel, waar ben je nu?", "mirel"),  # greeted, no list holds it
        ("[10:02] Storm: ben er bijna\n[10:03] Karin: top, tot zo storm", "storm"),  # the speaker again
        ("Kevin was er ook; ik heb kevn daarna nog gebeld.", "kevn"),  # misspelt again, in lowercase
        ("rustige avond, iedereen om tien uur weg.\nWiel", "Wiel"),  # who signs the note
        ("rustige avond, iedereen om tien uur naar huis. Bèr", "Bèr"),
        ("ik zag hem gisteren nog met storm en bo bij de snackbar", "bo"),  # after 'met' or 'en', no article
        ("volgende keer bij demi thuis langs", "demi"),
        ("Gisteren kwam Bas laat. denis noemde bas een held", "bas"),  # a verb in the past is no adjective
        ("rustige avond.\njade is ziek, komt volgende week weer", "jade"),  # a word-name, then what only a person is
        ("wo: rustig.\nbo is bij sky thuis", "bo"),
        ("dienst tot 22 uur: fleur (coll) en ik op het plein", "fleur"),  # lowercase, with a role
        ("Shirley: doei leike 😘", "leike"),  # a leave-taking
        ("kreeg zn rijbewijs via zn oom, ome Zjeng? navragen.", "Zjeng"),  # a title after a title
        ("Oma Door komt zondag koffie drinken.", "Door"),  # a title opening the text
        ("kort: mees, storm en luuk waren er", "storm"),  # a word-name in a list of names
        ("wo 18/11 – koen + floor op het schoolplein", "floor"),  # joined by '+'
        ("marco en ruud v bij de bankjes", "ruud v"),  # a surname's initial in lowercase
        ("Hij wist niet meer waar hij woonde. Riet (vrijwilliger) heeft hem gebracht.", "Riet"),  # a role
        ("ik kan morgen niet komen sorry!!\n\nkelly\n", "kelly"),  # who signs on the last line
        ("groepje bij de kerk. jaydn (is net 15, zegt ie) stond te roken", "jaydn"),  # the age in parentheses
    ],
)
def test_names_of_session_10(text, name):
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Binnenkort gaat Oksana weer naar school.", "Binnenkort"),  # a common word is no name
        ("Dariusz belde; Tigrinya spreekt hij niet.", "Tigrinya"),  # a language
        ("Hoi allemaal, de inloop is morgen dicht.", "allemaal"),  # greeted, but nobody by name
        ("Hey man, alles goed?", "man"),
        ("Ik denk er nog elke dag aan.", "aan"),  # 'dag' opens no message here
        ("marco en ruud u bij de bankjes", "ruud u"),  # 'u' is a word, no initial
        ("De hele dag regen.\n\noke\n", "oke"),  # a reply, no signature
        ("-----Oorspronkelijk bericht-----\nVan: Ellen Schiffelers\nVerzonden: 3 november", "Van"),  # a header
        ("[10:02] Storm: ben er bijna\n[10:03] Karin: die storm van gisteren was heftig", "storm"),  # the word again
        ("Gesprek met Roos over de tuin; ze kocht een roos voor haar moeder.", "roos"),
        ("Maar Wil wil niet mee.", "wil"),  # a name that is a very common word
        ("niks bijzonders vandaag.\nGroetjes", "Groetjes"),  # a closing, not a signature
        ("alles rustig. Top", "Top"),
        ("Uithuiszetting", "Uithuiszetting"),  # a title on its own, not a signature
        ("De woning is ontruimd.\nAfgehandeld", "Afgehandeld"),  # no name list holds it
        ("ze zorgt veel voor haar broertje en zusje", "zusje"),  # kin after 'en'
        ("we gaan samen naar de stad met de storm van vorige week", "storm"),  # with an article
        ("Vandaag belde Storm. daarna kwam er een zware storm over de wijk", "storm"),  # after an adjective
        ("Vandaag belde Storm. vannacht was het zware storm", "storm"),  # 'zware' of 'zwaar', no article
        ("Gisteren belde Roos. daarna kocht ze rode roos voor op tafel", "roos"),  # 'rode' of 'rood'
        ("Gisteren belde Roos. in de vaas stond één kale roos", "roos"),  # 'kaal': common, not very
        ("tuin bekeken.\nroos is bij de schuur gezet", "roos"),  # a thing put somewhere
        ("storm is voorbij, iedereen weer naar buiten", "storm"),
        ('Gisteren belde King. "ik ben zo king man" zei hij', "king"),  # a word of degree before it
        ("ze zorgt voor haar moeder (zus helpt soms)", "moeder"),  # kin, not a name with a role
    ],
)
def test_look_alikes_of_session_10_stay(text, word):
    assert word not in _names(text)


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Moeder en drie kinderen (Lana 10, Omar 7, Karim 2) wonen er nu.", ["10", "7", "2"]),  # after a name
        ("de oudste is bijna 15, en fleur 12. moeder werkt", ["15", "12"]),
        ("geen school nu, broertjes 6 en 8 thuis.", ["6", "8"]),  # after a word for children
        ("Kim belt om 10.30 terug; Omar 2 keer gebeld.", []),  # a time and a count
        ("de jongens 2 en 3 keer gewaarschuwd", []),
        ("mo zei dat ie thuis was 16:05 - Dani: ok", []),  # a time
    ],
)
def test_ages_in_lists_of_people(text, ages):
    assert {d.text for d in h.find_all(text) if d.kind == h.LEEFTIJD} == set(ages)


# --- session 11: streets with particles, a quarter or an adjective in their name; named with a preposition ---


def _streets(text: str) -> set[str]:
    return {d.text for d in h.find_streets(text)}


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Sinds mei woont ze aan de Burgemeester van der Heijdenlaan 7.", "Burgemeester van der Heijdenlaan 7"),
        ("Overlast op de Tiny van Meurslaan, volgens de wijkagent.", "Tiny van Meurslaan"),  # a rare word before 'van'
        ("Adres: Jhr. Michiels van Kessenichstraat 14", "Jhr. Michiels van Kessenichstraat 14"),
        ("Hij is verhuisd naar de Bergerweg Noord, boven de bakker.", "Bergerweg Noord"),  # a quarter after the street
        ("Afspraak aan de Rijksweg Zuid 212 om tien uur.", "Rijksweg Zuid 212"),
        ("We liepen over de Lange Kruisstraat naar huis.", "Lange Kruisstraat"),
        ("Zij woont op de Grote Straat, vlak bij de kerk.", "Grote Straat"),  # an adjective and 'Straat'
        ("de groep hing rond op de Romeinse Kampstraat", "Romeinse Kampstraat"),  # an adjective after the article
        ("Hij stond met zijn brommer achter de Dorpsweg te wachten.", "Dorpsweg"),  # behind the street
        ("Ze wonen Op de Berg 3 in Eys.", "Op de Berg 3"),  # named with a preposition, with a number
        ("ff langs bij haar thuis op Op de Bongerd, moeder was er", "Op de Bongerd"),
        ("We zien elkaar aan de Markt, bij de fontein.", "Markt"),  # the square where one lives or meets
        ("vader woont aan de tunnelweg in een flatje", "tunnelweg"),  # lowercase, but rare as a word
        ("Het gesprek was op het kantoor aan de Wolfeynde 2.", "Wolfeynde 2"),
        ("Zijn moeder woont op Stationsstraat 3, zijn vader Kruiseind 12.", "Kruiseind 12"),  # an -eind with a number
        ("Post graag naar p/a Molenstr. 4, bij zijn zus.", "Molenstr. 4"),  # an abbreviated street
        ("ergens in de Pr. Hendrikstr wordt geklaagd", "Pr. Hendrikstr"),
        ("ze wonen op de Heerlerbaan nr 77 (2e verd)", "Heerlerbaan nr 77"),  # 'nr' before the number
        ("Adres: Dorpstraat 14/2, Hoensbroek", "Dorpstraat 14/2"),  # a floor after a slash
        ("hij slaapt bij zijn tante op de molenstr nr. 3", "molenstr nr. 3"),  # lowercase and abbreviated
        ("terug langs pancratiusplein, daar zat niemand", "pancratiusplein"),  # lowercase, rare as a word
        ("gasten gingen via de heigank naar huis", "heigank"),
        ("We spraken af bij de Jumbo op de Kissel om drie uur.", "Kissel"),  # after a shop: the street
        ("Hij zit vaak met zijn hond in het Kloosterwandpark op een bankje.", "Kloosterwandpark"),
        ("Ik woon al jaren in de Gats, boven de kapper.", "Gats"),  # rare and in the street list
        ("Ze woonde bij haar ex, In de Cramer, en nu bij mij.", "In de Cramer"),  # after a comma
        ("Hij werkt bij de snackbar aan de Pepinusbrug.", "Pepinusbrug"),  # a bridge
    ],
)
def test_streets_of_session_11(text, street):
    assert street in _streets(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Bezoek van Kerkstraat naar het station duurde lang.", "Bezoek van Kerkstraat"),  # 'Bezoek' is a word
        ("Herrie van de Kerkstraat tot laat.", "Herrie van de Kerkstraat"),  # common, though in no word list
        ("Hij doet mee aan het traject Aan de Slag.", "Aan de Slag"),  # an ordinary word after the preposition
        ("Ze keek gisteren naar In de Knel op tv.", "In de Knel"),  # no place word before it
        ("Vrijdag is er weer markt; het was druk op de markt.", "markt"),  # the market, not the square
        ("op de snelweg stond file", "snelweg"),  # a common word in lowercase
        ("Hij komt uit Kuileneind, een gehucht.", "Kuileneind"),  # a hamlet without article or number
        ("Aan de Maas, bij het Julianakanaal, zaten we te vissen.", "Julianakanaal"),  # water, by a preposition
        ("vr avond bij de Munsterkerk een groepje van zes", "Munsterkerk"),  # a church, not a street
        ("ze fietst via de nieuwe weg naar school", "nieuwe weg"),  # common words in lowercase
        ("afspraak op de markt bij de kraam", "markt"),
        ("ik ga bij kevin langs", "kevin"),  # a first name, not a street
    ],
)
def test_look_alikes_of_streets_stay(text, word):
    assert word not in _streets(text)


def test_a_name_deduce_reads_across_a_shop_and_a_street_is_two_things(pseudonymizer):
    text = "Mijn broer werkt bij de Albert Heijn op de Schaesbergerweg in Heerlen."
    assert _replaced(pseudonymizer, text) == ["Albert Heijn", "Schaesbergerweg"]


def _organisations(text: str) -> set[str]:
    return {d.text for d in organisaties.find_organisations(text)}


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("hij heeft morgen een proefdag bij sligro in Geleen", "sligro"),
        ("werkt nu bij hks, zwaar werk", "hks"),  # a lowercase employer, rare as a word
        ("Elke donderdag kaarten in het Buurthoes De Sjpriet.", "Buurthoes De Sjpriet"),  # the dialect kind
        ("Hij woont nu bij Wooninitiatief De Sjtek in Sittard.", "Wooninitiatief De Sjtek"),
        ("Moeder werkt in Salon Knip en Kleur aan de Markt.", "Salon Knip en Kleur"),
        ("De taxi van Vervoer Op Maat Limburg kwam te laat.", "Vervoer Op Maat Limburg"),
        ("Hij werkt bij Aspergekwekerij Van Dijk in Grubbenvorst.", "Aspergekwekerij Van Dijk"),  # a compound kind
        ("Ze zingt bij het Gemengd Zangkoor Sint-Cecilia.", "Gemengd Zangkoor Sint-Cecilia"),
        ("De Geleense Schutterij Sint Joris zoekt leden.", "Geleense Schutterij Sint Joris"),  # the town's adjective
        ("Hij zit bij de Weerter Fanfare Sint Martinus.", "Weerter Fanfare Sint Martinus"),
        ("groepje bij frituur de zwaan, niemand bekend", "frituur de zwaan"),  # kind and name in lowercase
        ("ze loopt stage bij dierenspeciaalzaak de kwispel", "dierenspeciaalzaak de kwispel"),
        ("zit nu op bs Kakertsbeek, groep 5", "bs Kakertsbeek"),  # 'bs' in lowercase
        ("Jesse zit sinds september op De Wissel in groep 4.", "De Wissel"),  # on it: a school, not the village
        ("Zij werkt 20 uur; haar werkgever is Vebego.", "Vebego"),
        ("bijbaantje, vakkenvullen bij de AH op de Rijksweg", "AH"),  # the chain, in short
    ],
)
def test_organisations_of_session_11(text, organisation):
    assert organisation in _organisations(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("hij werkt bij ons op de afdeling", "ons"),  # a word
        ("zijn zus werkt bij kevin in de zaak", "kevin"),  # a first name is a person
        ("ze heeft een proefdag bij brasserij-achtige zaken", "brasserij-achtige"),  # a compound with a hyphen
        ("ze begint bij dierenspeciaalzaak de Kwispel", "dierenspeciaalzaak"),  # the kind alone, lowercase
        ("hij was op school de hele dag", "school de hele"),  # a common word after the article
        ("Iedereen werkte vroeger bij de staatsmijn hier.", "staatsmijn"),  # a compound of common words
        ("De harmonie geloupe, en daarna naar huis.", "harmonie geloupe"),  # no article: no name
        ("Ze fietst elke dag naar De Wissel en terug.", "De Wissel"),  # to it: the village may be meant
    ],
)
def test_look_alikes_of_organisations_stay(text, word):
    assert word not in _organisations(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ze wonen sinds vorig jaar in de Kemp, vlak bij de school.", "Kemp"),  # a wijk with an article
        ("Ich kom oet de Kemp, mien moder woont dao nog.", "Kemp"),
        ("Hij blijft tot zijn 18e kwalificatieplichtig.", "18e"),  # a legal age, not his
        ("na haar 18e verjaardag gaat de jeugdhulp over", "18e"),
        ("Lucky kwam langs. was wel lucky dat ik hem zag", "lucky"),  # an English word, after the name
        ("Vervoer gaat via Omnibuzz, maaltijden via Tafeltje Dekje.", "Omnibuzz"),  # for everyone in the region
        ("Gezinsvoogd is mevrouw Smeets van de William Schrikker Stichting.", "William Schrikker Stichting"),
        ("Hij huurt van Woningstichting Simpelveld.", "Woningstichting Simpelveld"),  # a housing corporation
    ],
)
def test_decoys_of_session_11_stay(pseudonymizer, text, word):
    assert not any(word in r or r in word for r in _replaced(pseudonymizer, text) if r.strip())


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ik heb het gevraagd aan mevrouw de Kemp van de school.", "de Kemp"),  # a person after a title
        ("Ik werk sinds mijn 16e in de horeca.", "16e"),  # since: his own age
        ("Tommy belde. daarna kwam tommy toch nog langs", "tommy"),  # a name, though English knows it
    ],
)
def test_what_session_11_still_replaces(pseudonymizer, text, word):
    assert any(word in r for r in _replaced(pseudonymizer, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Moeder belt morgen terug.\n\nIK\n", "IK"),  # initials in capitals on the last line, though 'ik' is a word
        ("Overleg met school gepland.\nPJ/MvdL\n", "PJ/MvdL"),  # two writers' initials
        ("Afspraak staat voor dinsdag.\nT. & Ilse\n", "T."),
        ("bus gemist, 22.10 naar huis. K.\n", "K."),  # an initial after the last sentence
        ("volgende week weer. -jv\n", "jv"),
        ("alles rustig vanavond\nmvdb\n", "mvdb"),  # four letters without a vowel: initials
        ("bij de bank o.a. sven, luuk en jayden v d berg gezien", "jayden v d berg"),  # a surname in short
        ("ook romy vd broek was er", "romy vd broek"),
        ("tot volgende week,\ngroetjes lisa jacobs\n", "lisa jacobs"),  # a listed surname in lowercase
        ("met die jongen, jay-jay ofzo", "jay-jay"),  # two first names joined in lowercase
        ("lieke + jo-anne (14 allebei)", "jo-anne"),
        ("o.a. ricardo en jay-r. ricardo vertelt", "jay-r"),  # a first name and a letter
    ],
)
def test_names_of_session_11(text, name):
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Alles besproken.\nOK\n", "OK"),  # a reply, no initials
        ("Zie de brief van het\nUWV\n", "UWV"),  # a public body
        ("kevin van de club kwam ook", "kevin van de club"),  # 'van de club' is no surname
        ("jayden van school was er", "jayden van school"),
        ("sem bakker was er niet", "sem bakker"),  # 'bakker' is a word
        ("mijn ex-vriend kwam langs", "ex-vriend"),  # no first name before the hyphen
        ("een roos-achtige struik in de tuin", "roos-achtige"),  # a name that is a word, and no name after it
        ("Alles besproken.\nO.K.\n", "O.K."),  # a reply with dots, no initials
        ("alles rustig vanavond\npff\n", "pff"),  # a sigh
    ],
)
def test_look_alikes_of_session_11_names_stay(text, word):
    assert word not in _names(text)
