"""The word lists the detectors consult: first names and surnames (deduce's lists), ordinary,
common and dialect words, places and streets, public bodies, known organisations and shop chains.
"""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache
from importlib import resources

from verhalen.herkenners.basis import fold, phrases_pattern

TWO_LETTER_WORDS = {
    "en", "de", "op", "in", "is", "te", "om", "al", "na", "of", "nu", "ik", "je", "ze", "we", "er",
    "zo", "ja", "uw", "me", "ge", "an", "as", "at", "to", "by", "he", "be", "it", "on", "or",
    "eu", "pp", "kg", "km", "cm", "mm", "ml", "uur", "nr", "st", "ct", "ex", "hh",
}  # fmt: skip


@lru_cache(maxsize=1)
def regional_streets() -> tuple[str, ...]:
    """Real street names of Brunssum, Weert, Sittard-Geleen and Roermond (shipped data)."""
    with resources.files("verhalen.data").joinpath("straten_regio.csv").open(encoding="utf-8") as f:
        return tuple(row["straat"] for row in csv.DictReader(f))


@cache
def _data_lines(name: str) -> tuple[str, ...]:
    text = resources.files("verhalen.data").joinpath(name).read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def public_institutions() -> tuple[str, ...]:
    """Public bodies, laws, national charities and large regional care/housing institutions:
    they tie nobody to a place and stay, except as an employer ('werkt bij Zuyderland')."""
    return _data_lines("publieke_instellingen.txt")


def known_organisations() -> tuple[str, ...]:
    """Schools and employers people name as their school or work ('zit op Vista', 'werkt bij
    Sabic'): replaced wherever they appear, in any case."""
    return _data_lines("bekende_organisaties.txt")


def chains() -> tuple[str, ...]:
    """Shop and restaurant chains: replaced as someone's work ('bijbaan bij de Jumbo'), kept as
    the shop where someone buys groceries."""
    return _data_lines("winkelketens.txt")


@lru_cache(maxsize=1)
def _deduce_list(*parts: str) -> frozenset[str]:
    """One of deduce's lookup lists (names, streets, places), as written."""
    base = resources.files("deduce").joinpath("data/lookup/src", *parts, "items.txt")
    return frozenset(line.strip() for line in base.read_text("utf-8").splitlines() if line.strip())


@lru_cache(maxsize=1)
def street_names() -> frozenset[str]:
    """Every Dutch street name deduce knows (BAG), folded to lowercase, plus our regional ones."""
    return frozenset(fold(s) for s in _deduce_list("locations", "lst_street")) | frozenset(
        fold(s) for s in regional_streets()
    )


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Dutch residences, municipalities, regions and provinces (deduce's lists) and the wijken of
    the region (data/wijken_regio.txt, without those that are also a first name or surname), folded."""
    out: set[str] = set()
    for sub in ("lst_residence", "lst_municipality", "lst_region", "lst_province"):
        out |= {fold(s) for s in _deduce_list("locations", "lst_placename", sub)}
    names = first_names_folded() | surnames_folded()
    out |= {w for w in map(fold, _data_lines("wijken_regio.txt")) if w not in names}
    return frozenset(out)


_PLACE_CONNECTED = re.compile(
    r"(?i)[A-Z][\w'’\-]+(?: (?:over|aan|op|en|bij|onder|in|ten|ter|te)(?: de| den| het)?)(?: [\w'’\-]+)+"
)


@lru_cache(maxsize=1)
def _connected_places() -> re.Pattern[str]:
    """Place names of several words joined by a preposition ('Ubach over Worms', 'Bergen op
    Zoom', 'Busch en Dam'), from deduce's lists: the capitalised words inside are no names."""
    names = {
        re.sub(r"\s*\(\w+\)$", "", p)
        for sub in ("lst_residence", "lst_municipality")
        for p in _deduce_list("locations", "lst_placename", sub)
    }
    connected = {n for n in names if _PLACE_CONNECTED.fullmatch(n)}
    return re.compile(r"(?i)(?<![\w\-])(?:" + phrases_pattern(connected, separators=False) + r")(?![\w\-])")


def place_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a place of several words joined by a preposition."""
    return [m.span() for m in _connected_places().finditer(text)]


_PLACE_SUFFIX = re.compile(r"(?i)[- ](?:noord|zuid|oost|west|centrum|midden|stad|dorp)$")


def is_place_name(value: str) -> bool:
    """'Brunssum', 'Kerkrade-West', 'Weert-Zuid', 'Sittard-Geleen': geography, never a person's."""
    v = fold(value.strip(" .,"))
    if v in place_names():
        return True
    if "-" in v and all(p in place_names() for p in v.split("-")):
        return True
    base = _PLACE_SUFFIX.sub("", v)
    return base != v and base in place_names()


RIVERS = frozenset("maas roer geul geleenbeek jeker worm swalm rur rijn waal".split())


@lru_cache(maxsize=1)
def public_folded() -> frozenset[str]:
    return frozenset(fold(p) for p in public_institutions())


@lru_cache(maxsize=1)
def chains_folded() -> frozenset[str]:
    return frozenset(fold(c) for c in chains())


@lru_cache(maxsize=1)
def first_names_folded() -> frozenset[str]:
    return frozenset(fold(n) for n in _deduce_list("names", "lst_first_name"))


@lru_cache(maxsize=1)
def world_first_names() -> frozenset[str]:
    """First names of some fifty countries (Jörg Michael's list, as gender-guesser ships it),
    folded: the Ukrainian, Polish, Balkan and Arabic names deduce's Dutch list lacks ('Oksana',
    'Dariusz', 'Bèr'). Looser than deduce's list: only for a capitalised word that is rare in Dutch."""
    text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text("utf-8")
    names = set()
    for line in text.splitlines():
        if line[:1] in ("#", "=") or len(line) < 30:
            continue  # a comment, or a short form given with its long one
        names.update(fold(part) for part in re.split(r"[ +\-]", line[3:29].strip()) if len(part) >= 3)
    return frozenset(names)


@lru_cache(maxsize=1)
def surnames_folded() -> frozenset[str]:
    return frozenset(fold(n) for n in _deduce_list("names", "lst_surname"))


@lru_cache(maxsize=1)
def names_that_are_words() -> frozenset[str]:
    """First names and surnames that are also ordinary Dutch words ('roos', 'bakker', 'wiel')."""
    return frozenset(fold(w) for w in _data_lines("namen_ook_woord.txt"))


# Limburgish and spoken-Dutch function words that deduce's name list also holds ('Mien vrouw'
# = my wife, 'noe' = now). Never a name on their own.
DIALECT_WORDS = frozenset(
    "mien dien zien ós oos ich neet nieks noe mer mie waal good hie dao dat wo went wie zeen "
    "haer hae heer ze ziech os uch geer jao nae veur ouch auch allein gein kin kins kint "
    "ff zn z'n m'n d'r mn dr hun hen ons jij jou wij zij hij zijn haar mam pap ma pa opa oma "
    "bin dae moos das niks veer höbbe hobbe kiek "
    # greetings open a letter or a message, they do not name anyone
    "goedemorgen goedemiddag goedenavond goedendag hallo hoi hey hee doei groetjes groeten hoogachtend sins".split()
)
# Limburgish words that are a name only when capitalised ('zoe' = so, 'Zoë' a girl)
DIALECT_WORDS_LOWER = frozenset("zoe aaf".split())
TITLE_WORDS = (
    r"(?:mevrouw|mevr\.?|mvr\.?|mvrw\.?|mw\.?|meneer|mnr\.?|dhr\.?|de\s+heer|heer|mr\.?|dr\.?|drs\.?|ir\.?|ing\.?|"
    r"tante|oom|opa|oma|juf|juffrouw|meester|pastoor|zuster|broeder|buurman|buurvrouw|buurjongen|"
    r"buurmeisje|vriend|vriendin|vriendje|vriendinnetje|maat|maatje|collega|broer|broertje|zus|"
    r"zusje|zoon|zoontje|dochter|dochtertje|neef|nicht|vader|moeder|stiefvader|stiefmoeder|"
    r"partner|vrouw|man|echtgenoot|echtgenote|ex|vriendje|kleinzoon|kleindochter|kleinkind|"
    r"schoonzoon|schoondochter|schoonmoeder|schoonvader|zwager|schoonzus|baas|chef|leidinggevende|"
    r"trainer|coach|mentor|docent|leerkracht|jongerenwerker|straatwerker|wijkagent|agent|huisarts|"
    r"dominee|pastor|pastoor|imam|pater|kapelaan|predikant|rabbijn|tantchi|tanchi|tia|tio|ome|omi|opi|"
    r"consulent|casemanager|begeleider|bewindvoerder|mentor|hulpverlener|wijkverpleegkundige|"
    r"verpleegkundige|praktijkondersteuner|poh|klantmanager|schuldhulpverlener|maatschappelijk\s+werker|"
    r"opbouwwerker|vrijwilliger|beheerder|conciërge|huismeester|conducteur|buschauffeur|tolk|"
    r"cliënt|client|klant|bewoner|bewoonster|mam|pap|mama|papa|ma|pa|"
    r"familie|fam\.?|gezin|bedankt|dankjewel|bijnaam|roepnaam|alias|"
    r"hoi|hallo|hey|hee|hi|dag|beste|goedemorgen|goedemiddag|goedenavond|morgen|groet|groetjes|gr|mvg|vr\.?\s*gr\.?|liefs|namens|aan|cc|van|door|met)"
)


HOLIDAYS = frozenset(
    "kerst kerstmis pasen pinksteren carnaval vastelaovend vastelaovond koningsdag sinterklaas "
    "hemelvaart oudjaar nieuwjaar oud-en-nieuw ramadan suikerfeest offerfeest allerheiligen "
    "allerzielen driekoningen halloween moederdag vaderdag sint-maarten sintmaarten".split()
)  # never a person's name, whatever a name list says ('met Kerst', 'uitje met Pasen')


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """deduce's Dutch stop words ('in', 'als', 'bij', 'een')."""
    base = resources.files("deduce").joinpath("data/lookup/src/whitelist/lst_stop_word/items.txt")
    return frozenset(w.strip().lower() for w in base.read_text("utf-8").splitlines() if w.strip())


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Dutch names of countries and regions of the world (CLDR): 'Duitsland', 'Sierra Leone'."""
    from babel import Locale

    return frozenset(fold(n) for n in Locale("nl").territories.values())


@lru_cache(maxsize=1)
def language_and_country_words() -> frozenset[str]:
    """Dutch names of languages (Babel's CLDR data: 'Nederlands', 'Pools') and of countries."""
    from babel import Locale

    return frozenset(fold(n) for n in Locale("nl").languages.values()) | countries()


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """deduce's common and stop words, without its medical terms ('lies' is also a name)."""
    base = resources.files("deduce").joinpath("data/lookup/src/whitelist")
    return frozenset(
        w.strip().lower()
        for sub in ("lst_common_word", "lst_stop_word")
        for w in base.joinpath(sub, "items.txt").read_text("utf-8").splitlines()
    )


# Zipf frequency (wordfreq: log10 of uses per thousand million words) under which a word is
# rare in Dutch text: 'gelukkig' 5,2, 'kapper' 3,9 and 'marieke' 3,6 are not, 'olena' 1,9 and
# 'bemelmans' 2,0 are, and 'tesfay' is not in the list at all.
RARE_IN_DUTCH = 3.0
# a word this common is a word even when a name list holds it: 'volgens' 5,7, 'jongens' 5,3,
# 'toen' 6,1, 'door' 6,9 and 'wil' 6,3; but 'storm' 4,7, 'bo' 4,1 and 'Dmitri' 3,5
VERY_COMMON = 5.0


@lru_cache(maxsize=8192)
def zipf(word: str) -> float:
    """How common a word is in Dutch, on wordfreq's Zipf scale (6: 'toen', 3: 'consulent')."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


def english_zipf(word: str) -> float:
    """How common a word is in English: Dutch youth write 'lucky' and 'happy' as words."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary Dutch words (deduce's whitelist) that a misspelled name must not swallow."""
    words: set[str] = set()
    base = resources.files("deduce").joinpath("data/lookup/src/whitelist")
    for sub in ("lst_common_word", "lst_stop_word", "lst_medical_term"):
        words |= {w.strip().lower() for w in base.joinpath(sub, "items.txt").read_text("utf-8").splitlines()}
    words |= {
        "willen", "bakken", "vissen", "dekken", "jassen", "markt", "linde", "linden", "mensen",
        "kerken", "samen", "maand", "maanden", "zoon", "zonen", "broer", "zus", "vader",
        "moeder", "hebben", "wonen", "woning", "geld", "schuld", "schulden", "wijk", "werk",
    }  # fmt: skip
    return frozenset(words)


COMMON_PART = 2.5  # each part of a compound ('vroeg' + 'signalering' 2,7) is at least this common
COMMON_VERB = 3.5  # the verb of a noun in -er: 'aanvragen' 4,2 ('peten', of 'Peter', is no word)


@lru_cache(maxsize=8192)
def rare_in_dutch(word: str) -> bool:
    """Rare in Dutch, and no compound of two common words ('ziekenhuisopname') and no noun
    made of a common verb ('aanvrager' of 'aanvragen', 'melder' of 'melden')."""
    if zipf(word) >= RARE_IN_DUTCH:
        return False
    w = word.lower()

    def common(part: str) -> bool:
        return zipf(part) >= COMMON_PART

    if w.endswith("er") and zipf(w[:-2] + "en") >= COMMON_VERB:
        return False

    # the second part with or without a linking s ('dagbesteding-s-plek', 'vroeg-signalering')
    return len(w) < 10 or not any(
        common(w[:i]) and (common(w[i:]) or (w[i] == "s" and common(w[i + 1 :])))
        for i in range(4, len(w) - 3)
    )
