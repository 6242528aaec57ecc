"""Names of people nobody told us about: after a title or a relation, in a signature or a chat,
in lowercase in a quick note, coordinated with another name; and the words that only look like one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from verhalen.herkenners.basis import INITIALS, MONTH_NAMES, PERSOON, Detection, fold, sentence_start
from verhalen.herkenners.bekende_identiteiten import INTERFIXES, tokens_match
from verhalen.herkenners.leeftijden import find_ages, number_words, score_words
from verhalen.herkenners.organisaties import ORG_HEAD
from verhalen.herkenners.publiek import public_spans
from verhalen.herkenners.woorden import (
    DIALECT_WORDS,
    DIALECT_WORDS_LOWER,
    HOLIDAYS,
    RARE_IN_DUTCH,
    TITLE_WORDS,
    TWO_LETTER_WORDS,
    VERY_COMMON,
    chains,
    common_words,
    english_zipf,
    everyday_words,
    first_names_folded,
    is_place_name,
    known_organisations,
    language_and_country_words,
    names_that_are_words,
    place_spans,
    public_folded,
    public_institutions,
    rare_in_dutch,
    surnames_folded,
    world_first_names,
    zipf,
)

# particles that deduce's first-name list also holds: part of a surname ('De Vries'), never a
# first name of their own
_PARTICLES = frozenset("de van der den het ten ter te aan door onder men".split())
# abbreviated titles before a lowercase surname in a quick note ('mw hermans', 'dhr jansen');
# the word after 'Mevrouw' in full is as often a verb ('Mevrouw belt', and Belt is a surname)
_VERB_AFTER_NAME = re.compile(
    r"\s+(?:omdat|zelf|terug|dat|aan|op|met|naar|om|niet|wel|morgen|vandaag|nog|ook|al)\b"
)
_FORMAL_TITLES = frozenset("mevr mevr. mvr mw mw. mnr dhr dhr. fam fam.".split())
# words that close a letter or message: the name may follow on the next line ('groet,\nMarjo')
_CLOSINGS = frozenset("groet groeten groetjes gr mvg vr.gr. liefs namens van door".split())
_RELATION_TITLES = frozenset(
    "vrouw man partner echtgenoot echtgenote vriend vriendin broer zus zoon dochter moeder vader "
    "oma opa tante oom ome omi opi neef nicht buurman buurvrouw kleinzoon kleindochter schoonzoon "
    "schoondochter ex juf meester".split()
)
_TOKEN_NAME = r"[A-Za-zÀ-ÿ][a-zà-ÿ'’]+(?:-[A-Za-zÀ-ÿ][a-zà-ÿ'’]+)?"
_AFTER_TITLE = re.compile(
    r"(?i)(?<![\w])" + TITLE_WORDS + r"(?:\s*[—–,])?\s+(?P<name>(?-i:[A-ZÀ-Ý][\w'’\-]*|[a-zà-ÿ][a-zà-ÿ'’]+))"
)
_CAPITALISED = re.compile(r"(?<![\w'’\-])[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?(?![\w'’])")
_LOWER = re.compile(r"(?<![\w'’\-@.])[a-zà-ÿ][a-zà-ÿ]{2,}(?![\w'’@])")
# one letter after a first name in lowercase, no word of its own ('u' is one)
_LOWER_INITIAL_AFTER = re.compile(
    r"[^\S\n]+(?P<s>(?:v\.?[^\S\n]?d\.?|vd|v/d)[^\S\n]+[a-zà-ÿ]{3,}|[a-tv-z]\.?(?![\w'’@]))"
)  # 'ruud v', 'jayden v d berg', 'dylan vd berg'
_LOWER_SURNAME_AFTER = re.compile(r"[^\S\n]+(?P<s>[a-zà-ÿ]{3,})(?![\w'’@\-])")
LOWER_SURNAME = 4.0  # Zipf: a listed surname in lowercase below it follows a first name ('jacobs'; not 'bakker', a word)
_SURNAME_AFTER = re.compile(
    r"\s+(?P<s>(?:(?:van|de|der|den|het|ten|ter|te|el|al|van der|van den|van de|in 't|op de|'t|d'|"
    r"v\.?\s?d\.?|v/d)\s+)?"
    r"(?:[A-ZÀ-Ý][\w'’]*(?:-[A-ZÀ-Ý]?[\w'’]+)?))(?![\w])"
)


def _ordinary(word: str) -> bool:
    f = fold(word)
    return f in common_words() or f in names_that_are_words() or f in DIALECT_WORDS


_WEEKDAY_ABBREVIATIONS = frozenset("ma di wo do vr za zo".split())
_CALENDAR_WORDS = (
    frozenset(
        MONTH_NAMES
        + "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag lente zomer herfst winter voorjaar najaar".split()
    )
    | HOLIDAYS
)
_DIMINUTIVE = re.compile(r"(?:tje|pje|kje|je|ie|ke|ske|y|ey)$")
# 'ik heet Sjra', 'mien naam is Sjra', 'ich bin Sjra,', 'iedereen zegt Pat.', 'ze neume mich Lei'
_INTRODUCTION = re.compile(
    r"(?i)\b(?:(?:ik|ich|hij|hae|ze|zij|zie)\s+(?:heet|hiet|heit)|(?:mijn|mien|m'n|zijn|haar)\s+naam\s+is|"
    r"noem(?:en|t|de|den)\s+(?:me|mij|mich|hem|haar|zich|zichzelf)|neume\s+(?:mich|hem|häör|heur)|"
    r"iedere[ei]n\s+(?:zegt|zeet|zeg|zaet|zieët|zaeg)|"
    r"(?:ik\s+ben|ich\s+bin)(?=\s+(?-i:[A-ZÀ-Ý][a-zà-ÿ'’]+)\s*(?:[,.!;]|\sen\s)))"
    r"\s+[\"“‘']?(?P<name>(?-i:[A-ZÀ-Ý][a-zà-ÿ'’]+))(?![\w'’])"
)
# 'X en Y', 'X, Y', 'sjonnie en zn maat kevin': a word coordinated with a name
_BEFORE_NAME = re.compile(
    r"(?<![\w'’])(?P<w>[\w'’]{2,})(?:\s*[,/]\s*|\s+(?:en|of|&|\+)\s+)"
    r"(?:(?:zn|z'n|zijn|haar|d'r|mijn|m'n|mien|diens)\s+[a-zà-ÿ]+\s+)?$"
)
_AFTER_NAME = re.compile(
    r"^(?:\s*[,/]\s*|\s+(?:en|of|&|\+)\s+)(?:(?:zn|z'n|zijn|haar|d'r|mijn|m'n|mien)\s+[a-zà-ÿ]+\s+)?"
    r"(?P<w>[\w'’]{2,})(?![\w'’])"
)
# 'Ilias, ', 'aanwezig: ' before a word, ', Tygo' after it: a link to another word ('pas 13 en
# rookte, Quinten' links 'rookte' to a number, not to a name)
_LINK_BEFORE = re.compile(r"(?:[^\W\d_][\w'’]*\s*[,/:]\s*|[^\W\d_][\w'’]*\s+(?:en|of|&|\+)\s+)$")
_LINK_AFTER = re.compile(r"\s*[,/]\s*[^\W\d_]|\s+(?:en|of|&|\+)\s+[^\W\d_]")


def _joined(link: str, word: str) -> bool:
    """Whether the link between a word and a name is 'en', 'of', '&' or '+', not a comma."""
    return re.search(r"\s(?:en|of|&|\+)\s", link.replace(word, " ", 1)) is not None


_LOWER_PAIR = re.compile(r"(?<![\w'’])(?P<a>[a-zà-ÿ]{2,})\s+(?:en|\+)\s+(?P<b>[a-zà-ÿ]{2,})(?![\w'’])")


ENGLISH_WORD = 4.6  # Zipf in English: 'lucky' 4,8 and 'happy' 5,4 are words; 'jimmy' 4,4 is a name


def _diminutive_of_name(folded: str) -> bool:
    """'bertje', 'noortje', 'sjonnie' (sjon), 'pietje': a first name with a diminutive ending
    whose stem is a listed first name that is not also an ordinary word ('roosje' stays)."""
    m = _DIMINUTIVE.search(folded)
    if not m or folded in DIALECT_WORDS or english_zipf(folded) >= ENGLISH_WORD:
        return False  # 'was wel lucky': an English word, though 'luc' is a name ('jimmy' is 4,4)
    stem = folded[: m.start()]
    if len(stem) >= 4 and stem[-1] == stem[-2]:  # 'sjonn-ie' -> 'sjon'
        stem = stem[:-1]
    if len(stem) < 3 or stem not in first_names_folded() or stem in names_that_are_words():
        return False
    return stem not in common_words()


def _stop_word(folded: str) -> bool:
    return folded in DIALECT_WORDS or folded in TWO_LETTER_WORDS or folded in everyday_words()


def _coordinated_names(text: str, names: list[Detection]) -> list[Detection]:
    """Words coordinated with a found name are names too ('Bèr en Trees', 'sjonnie en zn maat
    kevin'): capitalised mid-sentence and not an ordinary word, or in lowercase a listed first
    name; and two listed first names in lowercase coordinated ('mo en ilias')."""
    first = first_names_folded()
    out: list[Detection] = []
    seen = {(d.start, d.end) for d in names}

    def accept(start: int, word: str, linked_beyond: bool) -> Detection | None:
        """``linked_beyond``: the word is joined to the name by 'en' ('yass en ilyas') or
        coordinated on its other side too ('Ilias, kev, Tygo'); a comma alone often ends a
        clause ('vrijdag weer ambulant, ramon belt')."""
        f = fold(word)
        if (start, start + len(word)) in seen or any(c.isdigit() for c in word) or f in _CALENDAR_WORDS:
            return None  # '15u', '2e'
        if len(word) > 2 and word.isupper():
            return (
                None  # 'Marieke Schins, POH-GGZ', 'René Hoofs, BSN ...': an abbreviation ('DJ' may be a name)
            )
        if any(d.start <= start < d.end for d in names):
            return None
        if (is_place_name(word) and f not in first) or f in public_folded() or f in number_words():
            return None
        rare = rare_in_dutch(word) and not _stop_word(f) and f not in DIALECT_WORDS_LOWER
        if word[0].isupper():
            if _ordinary(word) or (sentence_start(text, start) and not rare):
                return None  # 'Filmon, Senait en Tsega': an unlisted name may open the sentence
        elif not (
            (f in first and not _stop_word(f))
            or (rare and len(f) >= 3 and linked_beyond)
            # in a list of names a listed word-name is one too: 'noa, storm en luuk'
            or (f in first and linked_beyond and f not in TWO_LETTER_WORDS and zipf(f) < VERY_COMMON)
        ):
            return None  # 'oa Ilias, kev, Tygo': in lowercase a listed name, or an unlisted one between names
        seen.add((start, start + len(word)))
        new = Detection(start, start + len(word), PERSOON, word, "nevenschikking")
        out.append(new)
        return new

    queue = list(names)
    while queue:  # a list 'A, B en C' is followed link by link
        d = queue.pop()
        offset = max(0, d.start - 40)
        before = _BEFORE_NAME.search(text[offset : d.start])
        after = _AFTER_NAME.match(text[d.end : d.end + 40])
        for new in (
            accept(
                offset + before.start("w"),
                before.group("w"),
                _joined(before.group(), before.group("w"))
                or _LINK_BEFORE.search(
                    text, max(0, offset + before.start("w") - 6), offset + before.start("w")
                )
                is not None,
            )
            if before
            else None,
            accept(
                d.end + after.start("w"),
                after.group("w"),
                _joined(after.group(), after.group("w"))
                or _LINK_AFTER.match(text, d.end + after.end("w")) is not None,
            )
            if after
            else None,
        ):
            if new is not None:
                queue.append(new)
    for m in _LOWER_PAIR.finditer(text):
        a, b = fold(m.group("a")), fold(m.group("b"))
        if a in first and b in first and not _stop_word(a) and not _stop_word(b):
            for g in ("a", "b"):
                if (m.start(g), m.end(g)) not in seen:
                    seen.add((m.start(g), m.end(g)))
                    out.append(Detection(m.start(g), m.end(g), PERSOON, m.group(g), "nevenschikking"))
    return out


# a kind of organisation is never a name ('van Buurtvereniging ...', 'Kleijnen van Bakkerij')
_ORG_KIND_WORD = re.compile(
    ORG_HEAD + r"|(?i:[\w'’\-]*(?:bakkerij|slagerij|bedrijf|bedrijven|salon|praktijk|boerderij|"
    r"winkel|zaak|opvang|centrum|club|school|college|vereniging|koor|hoeve|villa))"
)
# 'dhr. H.J.M. (Harrie) Lemmens': initials after a formal title are a person's
_TITLE_INITIALS = re.compile(
    r"(?i)(?<![\w])(?:mevrouw|mevr\.?|mw\.?|meneer|mnr\.?|dhr\.?|de\s+heer|mr\.?|dr\.?|drs\.?|ir\.?|"
    r"(?:notulist|notulen|voorzitter|verslag|aanwezig|afwezig)\s*:)"
    r"\s*(?P<name>(?-i:[A-Z]\.(?:\s?[A-Z]\.)*))"
)
# who speaks in an exported chat: '[12-05-24, 21:14] Ilias:', '02/09/2024 22:43 - Tamara:'
_CHAT_SPEAKER = re.compile(
    r"(?m)(?:^|(?<=\s))\s*(?:\[\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?,?\s+\d{1,2}[:.]\d{2}(?::\d{2})?\]|\[\d{1,2}[:.]\d{2}\]|"
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?\s+\d{1,2}[:.]\d{2}\s+[-–])\s*(?P<name>[^:\n\[\]]{1,40}?):"
)
_ROLE_WORD = re.compile(r"(?i)(?:er|ster|ent|ant|eur|ist|ing|heid|tie|nis|ie)$")
_CHAT_SPEAKER_BARE = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-ZÀ-Ý][\w'’\-]*(?:[ \t][A-ZÀ-Ý][\w'’\-]*){0,2}):[ \t]+(?=\S)"
)
# a line with only initials signs a note: '– R.', 'EvdB', 'JvdL', 'M.K.'
_SHORT_REPLIES = frozenset(
    "ok oke oké thx tnx top gr grt mvg ps nb bvd lol xx xxx hoi doei dag tot ja nee jep yes kus fijn "
    "pff pfff hmm hmmm grr brr sst zzz".split()
)
# ('koffie. -mv', 'mvdl': four letters only without a vowel, no word has none)
_LAST_LINE_INITIALS = re.compile(
    r"(?:^|\n|(?<=[.!?])[ \t]+(?=-))[ \t]*(?:--?[ \t]*|[–—][ \t]*)?"
    r"(?P<name>[a-z]{2,3}|[b-df-hj-np-tv-z]{4}|(?<=-)[A-Z])[ \t]*\s*\Z"
)
_INITIALS_WORD = r"(?:[A-Z]\.(?:\s?[A-Z]\.){0,3}|[A-Z](?:vd|v|d|t|te)?[A-Z]{1,2})"
_SIGNATURE = re.compile(
    r"(?m)(?:^[ \t]*(?:[–—-][ \t]*)?|(?<=[.!?)])[ \t]+[–—-][ \t]*|(?<=\S)[ \t]+[–—][ \t]*|(?<=[.!?])[ \t]+(?=[A-Z]\.[ \t]*$))"
    r"(?P<name>" + _INITIALS_WORD + r"(?:/" + _INITIALS_WORD + r")*)[ \t]*(?:$|(?=&[ \t]*[A-ZÀ-Ý][a-zà-ÿ]+[ \t]*$))"
)  # a line of initials ('LH/MvdB', 'R. & Wendy'), or initials closing the last sentence ('agenda. – MK', 'weg. H.')


# 'Yonas (12), Hiwet (10)', 'Abrham Tesfay (vader)': a name with the person's age or role
_NAME_WITH_ROLE = re.compile(
    r"(?<![\w'’\-])(?P<name>[A-ZÀ-Ý][\w'’\-]+(?: [A-ZÀ-Ý][\w'’\-]+)?) \((?P<role>\d{1,2}|vader|moeder|zoon|"
    r"dochter|broer|zus|opa|oma|oom|tante|partner|echtgenoot|echtgenote|stiefvader|stiefmoeder|"
    r"pleegvader|pleegmoeder|neef|nicht|buurman|buurvrouw|vrijwilliger|vrijwilligster|stagiair|stagiaire|"
    r"mentor|collega|coll\.?|tolk|trainer|coach)(?:\)|\s+van\s|,)"
)
# the same in lowercase, for a listed first name: 'bo (coll)', 'bas (de jongen van de club)'
_LOWER_NAME_WITH_ROLE = re.compile(
    r"(?<![\w'’\-])(?P<name>[a-zà-ÿ][a-zà-ÿ'’]+) \((?:coll\.?|collega|stagiair\w*|vrijwillig\w*|mentor|tolk|trainer|"
    r"vader|moeder|zoon|dochter|broer|zus|opa|oma|oom|tante|neef|nicht|buurman|buurvrouw|"
    r"de\s+(?:jongen|vriend|vriendin|broer|zus|zoon|dochter)|het\s+meisje)(?![\w'’])"
)
_RELATION_THEN_NAME = re.compile(
    r"(?i:\b(?:zoon|zoontje|dochter|dochtertje|kind|kindje|baby|broer|broertje|zus|zusje|kleinzoon|kleindochter|"
    r"neef|nicht|neefje|nichtje)\s+van\s+(?:\d{1,2}|[a-zà-ÿ]+)(?:\s+(?:jaar|maanden|weken))?),\s+"
    r"(?P<name>[A-ZÀ-Ý][\w'’\-]+)(?=\s*[.,;:!?)]|\s+(?:en|die|is|was|heeft|woont|gaat|zit)\b)"
)
# a nickname in quotes in parentheses, 'Servaas ("Vaas") Ruijters'; an alias, 'dj (= Dejan)'
_NICKNAME_EXPLAINED = re.compile(r"(?<![\w'’\-])(?P<name>[A-ZÀ-Ý][\w'’\-]+)\s*\((?:bijnaam|roepnaam|alias)\b")
_NICKNAME = re.compile(
    r"\(\s*[\"“‘'](?P<name>[A-ZÀ-Ý][\w'’\-]+)[\"”’']\s*\)"
    r"|(?i:noem(?:en|t|de|den)\s+(?:hem|haar|hen|ze|hij|zij)\s+|die\s+(?:ze|we|wij|ik|hij|zij)\s+)[\"“‘'](?P<name2>[A-ZÀ-Ý][\w'’\-]+)[\"”’'](?:\s+(?i:noem\w*))?"
)
# an unlisted capitalised word as the subject of what people do: 'Olena, een van hen, helpt',
# 'Mevlüde van het wijkteam helpt', 'Bèr is weer terug', 'Tesfay Gebremedhin kwam'
# what one person does, as a verb right after its subject ('bram heeft ruzie', 'Olena helpt')
_ONE_PERSON_VERB = (
    r"(?:belde|belt|zegt|zei|vertelt|vertelde|vroeg|vraagt|kwam|komt|zat|zit|helpt|hielp|lachte|lacht|"
    r"huilde|huilt|woont|woonde|werkt|werkte|appte|appt|liep|loopt|stond|staat|vindt|vond|wil|wilde|wou|"
    r"heeft|had|ging|gaat|kan|kon|moet|moest|mag|mocht|weet|wist|speelt|speelde|"
    r"kreeg|krijgt|maakt|maakte|deed|doet|is|was)"
)
# ... more of it, and what several do, after a capitalised subject ('Filmon, Senait en Tsega volgen')
_PERSON_VERB = (
    r"(?:" + _ONE_PERSON_VERB + r"|mailde|mailt|durft|durfde|bracht|brengt|haalde|haalt|kookt|kookte|bakt|"
    r"bakte|schreef|schrijft|sliep|slaapt|zorgt|zorgde|past|paste|lijkt|leek|zeggen|zijn|waren|hebben|"
    r"hadden|komen|kwamen|gaan|gingen|volgen|volgden|wonen|woonden|werken|werkten|spelen|speelden|willen|"
    r"wilden|zitten|zaten)"
)
# in a quick note written in lowercase, a name opens a sentence or line in lowercase too
_LOWER_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n)|(?<=[-–:][ \t]))(?P<name>[a-zà-ÿ][a-zà-ÿ'’]*(?:-[a-zà-ÿ][a-zà-ÿ'’]*)?)"
    r"[ \t]+(?P<verb>" + _ONE_PERSON_VERB + r"|regelt|regelde)(?![\w'’\-])"  # 'roosje regelt de lampions'
)
# what only a person is: after 'is' a word-name is someone ('jade is ziek'), not the thing
_PERSON_STATE = re.compile(
    r"[ \t]+(?:ook\s+|weer\s+|nog\s+|al\s+|niet\s+)?(?:(?:ziek|jarig|thuis|boos|bang|blij|verdrietig|zwanger|"
    r"geschorst|opgepakt|verhuisd|geslaagd|gezakt)(?![\w'’])|bij\s+(?!(?:de|het|'t)(?![\w'’]))[a-zà-ÿ])"
)
_SUBJECT_OF_VERB = re.compile(
    r"(?<![\w'’\-])(?P<name>[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?)"
    r"(?:\s+(?P<sur>[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?))?"
    r"(?:\s*,[^,\n]{2,40},|\s*\([^)\n]{1,40}\)|\s+[–—][^–—\n]{2,40}[–—]|\s+van\s+(?:de\s+|het\s+|'t\s+)?[a-zà-ÿ\-]+)?"
    r"\s+" + _PERSON_VERB + r"(?![\w'’\-])"
)
_ARTICLE_END = re.compile(  # 'de Kapper heeft', 'in Malpertuis had': no person
    r"(?i)(?<![\w'’])(?:de|het|'t|een|die|dat|deze|dit|ons|onze|mijn|je|zijn|haar|hun|in|uit|naar|bij|op|te)\s+$"
)
# 'een zekere "Kolja"': someone the writer does not know by more than a name
_A_CERTAIN = re.compile(r"(?i:\been\s+zekere)\s+[\"“‘']?(?P<name>[A-ZÀ-Ý][a-zà-ÿ'’\-]+)")
# 'Kacper (pools, 15 jr)', 'Jiayi (chinees meisje, ...)': a name with where someone is from
_NAME_WITH_ORIGIN = re.compile(r"(?<![\w'’\-])(?P<name>[A-ZÀ-Ý][\w'’\-]+)\s*\((?P<w>[a-zà-ÿ]+)(?=[,\s)])")
# 'Gerardus Houben (Sjra)': a name someone goes by, in parentheses after the name
_CALLED_AFTER = re.compile(r"\s*\((?P<name>[A-ZÀ-Ý][a-zà-ÿ'’]+)\)")
# a forwarded e-mail: 'Op di 2 dec 2025 om 09:31 schreef Claessen, H. <helga@...>:'
_FORWARD_HEADER = re.compile(
    r"(?i:\bschreef)\s+(?P<name>[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+)*,\s+[A-Z]\.(?:\s?[A-Z]\.)*)\s*<"
)
# a single capitalised word closing a note, on a line of its own or after its last sentence:
# who wrote it ('...naar huis.\nWiel', '22.30 naar huis. Wiel'); never a text of one word (a title)
_LAST_LINE_WORD = re.compile(
    r"(?:(?<=\S)[ \t]*\n|(?<=[.!?])[ \t]+)[ \t]*(?:[-–—][ \t]*)?(?P<name>[A-ZÀ-Ý][a-zà-ÿ'’]{1,14})[ \t]*\s*\Z"
)
# a listed first name in lowercase on the last line of its own: 'ik kan morgen niet komen\n\nkelly'
_LAST_LINE_LOWER = re.compile(r"(?<=\S)[ \t]*\n\s*(?P<name>[a-zà-ÿ]{3,12})[ \t]*\s*\Z")
# a first name in lowercase after a dash that ends a note: '-jeroen', 'ik sluit af. -iris'
_LAST_LINE_NAME = re.compile(r"(?:^|\n|(?<=[.!?])[ \t]+)[ \t]*[-–—][ \t]*(?P<name>[a-zà-ÿ]{3,12})[ \t]*\s*\Z")
_ALIAS = re.compile(r"(?<![\w'’])(?P<alias>[\w'’]{2,})\s*\(\s*=\s*(?P<name>[A-ZÀ-Ý][\w'’\-]+)\s*\)")
# 'ich bin van Orleans', 'ik kom uit Polen': a place of origin follows
_ORIGIN_BEFORE = re.compile(r"(?i)(?<![\w])(?:ben|bin|kom|kóm|kum|koom|kwam|kwame|kome|komen)\s+$")
# 'Die jongen van drie hoog, Pawel, die helpt mij': a name in apposition, between commas
_NAME_BETWEEN_COMMAS = re.compile(r",\s+(?P<name>[A-ZÀ-Ý][a-zà-ÿ'’]+),\s+(?:die|dat|wie)\b")
# 'Bèr van de schutterij', 'Zjeng van de snackbar': someone known by where they belong
_NAME_OF_A_PLACE = re.compile(
    r"(?<![\w'’\-])(?P<name>[A-ZÀ-Ý][a-zà-ÿ'’]+)\s+van\s+(?:de|het|'t)\s+[a-zà-ÿ]{4,}(?![\w'’\-])"
)
# '"... niks," zei Berg': who says what is quoted is a person, even with a name that is a word
_SPEECH_VERB = (
    r"(?:zei|zegt|zeet|zaet|vroeg|vraagt|riep|roept|antwoordde|antwoordt|lachte|lacht|zuchtte|zucht|"
    r"fluisterde|mompelde|vertelde|vertelt|schreeuwde)"
)
_SAID_AFTER_QUOTE = re.compile(
    r"[\"”’']\s*,?\s*" + _SPEECH_VERB + r"\s+(?P<name>[A-ZÀ-Ý][\w'’\-]+)(?![\w'’\-])"
)
# '"Jer, jij bent de volgende"', "'Net, doe moos neet'": the one spoken to, at the start of a quote
_VOCATIVE = re.compile(
    r"(?:[\"“‘'„]|:[^\S\n])\s*(?P<name>[A-ZÀ-Ý][a-zà-ÿ'’]+),\s+(?=(?:jij|je|u|doe|kom|ga|wees|luister|kijk|blijf|zeg|"
    r"hou|stop|moos|ben\s+je|heb\s+je|kun\s+je|kan\s+je|wil\s+je|ga\s+je|wat|waar|hoe|waarom)(?![\w'’]))"
)
# words that open a quote as a call or an exclamation, not as a name ('"Nee, jij ...', '"Mam, kom')
_CALLS = frozenset(
    "nee ja jawel oke ok goh he hee hoi hallo hey jongens meiden mam mama pap papa ma pa schat lieverd "
    "lieve liefje meid jongen man kind mens mensen dokter mevrouw meneer juf meester oma opa tante oom "
    "kerel gast bro sorry tja nou ach och oh joh zeg kom luister kijk hoor wauw jeetje kinjd kiend jóng".split()
)
# what a noun or an adjective takes before it and a name does not: an article, a pronoun, a
# word of degree ('die storm', 'een roos', 'zo king', 'echt storm'); 'dat' only goes with a
# het-word, and no first name is one
_DETERMINER_BEFORE = re.compile(
    r"(?i)(?<![\w'’])(?:de|het|'t|een|die|deze|dit|zo'n|zon|geen|elke|iedere|ieder|mijn|m'n|mn|zijn|z'n|zn|"
    r"haar|hun|onze|ons|jouw|je|uw|welke|veel|weinig|(?<!tot\s)zo|heel|erg|echt|te|best|nogal|super|zeer|helemaal)"
    r"[^\S\n]+$"  # ('tot zo storm': a goodbye)
)
_WORD_BEFORE = re.compile(r"(?<![\w'’])(?P<w>[a-zà-ÿ]{3,}e)[^\S\n]+$")


def _noun_before(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows an article, a pronoun or an adjective ('zware storm'):
    an adjective in -e whose base form is a common word ('zwaar', 'groot'), not a verb
    in the past ('noemde bas')."""
    if _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
        return True
    if not (m := _WORD_BEFORE.search(text, max(0, start - 20), start)):
        return False
    base = m.group("w")[:-1]
    doubled = (
        base[:-1] + base[-2] + base[-1]
        if len(base) >= 3 and base[-2] in "aeou" and base[-3] not in "aeiou"
        else base
    )
    return zipf(base) >= COMMON_BASE or zipf(doubled) >= COMMON_BASE


# in lowercase, a first name that is also a word, where a person goes and a noun does not: after
# 'met', 'bij', 'volgens' or 'en' with no article ('met storm en bo', 'bij demi'); after a comma only in a
# list of found names (:func:`_coordinated_names`), for 'ma, di, do' and 'sla, tomaten' are words
_LOWER_NAME_WORD = re.compile(
    r"(?<![\w'’])(?:met|bij|aan|voor|zonder|volgens|samen\s+met|en|of)[^\S\n]+(?P<name>[a-zà-ÿ]{2,})(?![\w'’@\-.])"
)
# who a message greets or takes leave of, as it opens a line, a chat message or a quote: 'hoi
# jan,', 'Esther: Hey mirel, ik ben er', 'doei leike 😘'; not 'elke dag aan.'
_GREETED = re.compile(
    r"(?im)(?:^|(?<=:)|(?<=[\"“‘'„]))[^\S\n]*(?:hoi|hey|hee|hai|hi|hallo|hello|dag|beste|lieve|goedemorgen|goedemiddag|goedenavond|yo|doei|doeg)"
    r"[^\S\n]+(?P<name>[^\W\d_][\w'’]*)(?=[^\S\n]*(?:[^\w\s]|\n|$))"
)
# 'koster is 66', 'storm is zestien', 'ilias (16)': whose age is given is a person
_BEFORE_AGE = re.compile(
    r"(?<![\w'’\-])(?P<name>[\w'’\-]{3,})(?:\s*\(\s*(?:(?:is|was|wordt)\s+)?|\s+(?:is|was|wordt|werd)\s+)"
    r"(?:al\s+|pas\s+|net\s+|bijna\s+|ruim\s+)?$"  # 'jordy (14)', 'kuyt is 15', 'jaydn (is net 15'
)
# who someone is to another, or how old: before an age, but no name ('Vader (41)', 'jarig (18)')
_KIN_AND_AGE_WORDS = _RELATION_TITLES | frozenset(
    "moeder vader moder vadder mam pap mama papa ma pa kind kinjd kinderen baby zoontje dochtertje broertje "
    "zusje tweeling kleinkind jarig oud jong oudste jongste".split()
)
_SUPERLATIVE_END = re.compile(r"(?i)\w{2,}ste\s+$")
# a title or a particle: the name, if any, follows it ('zei mevrouw Jansen', 'zei De Vries')
_TITLE_OR_PARTICLE = frozenset(
    "mevrouw meneer mevr mw dhr heer oma opa tante oom ome juf meester dokter de van het ter ten".split()
)
# weak 'titles' ('van', 'met'): no word that ends like a place or a street ('van Heksenberg')
_WEAK_TITLES = frozenset("van met door aan namens cc".split())
_GEOGRAPHIC_END = re.compile(
    r"(?i)(?:berg|veld|heide|broek|rade|hoven|dal|bosch|bos|heuvel|kamp|hof|weg|straat|laan|plein|dorp)$"
)


def _after_titles(text: str) -> Iterator[re.Match[str]]:
    """Every word after a title, also where the word is a title itself ('zn oom, ome Zjeng')."""
    pos = 0
    while m := _AFTER_TITLE.search(text, pos):
        yield m
        pos = m.start("name")


def _unlisted_word_is_no_name(word: str, start: int, taken: tuple[tuple[int, int], ...]) -> bool:
    """Whether a capitalised word that no name list holds is something else: common in Dutch
    text, an ordinary, dialect or calendar word, a place, a language or country, a kind of
    organisation, or part of a public body or a known organisation (``taken``: the spans of
    places and public bodies in the text)."""
    f = fold(word)
    return (
        not rare_in_dutch(word)
        or _ordinary(word)
        or f in everyday_words()
        or f in _CALENDAR_WORDS
        or f in score_words()
        or f in language_and_country_words()
        or is_place_name(word)
        or _kind_of_organisation(word)
        or f in _known_organisation_words()
        or any(s <= start < e for s, e in taken)
    )


COMMON_BASE = 3.5  # the base of an adjective in -e: 'zwaar' 4,6, 'groot' 5,4 ('noemd' is no word)


def _two_words(folded: str) -> bool:
    """'stageplek' (stage + plek): two words of four letters or more, each common in Dutch."""
    return any(
        zipf(folded[:i]) >= RARE_IN_DUTCH and zipf(folded[i:]) >= RARE_IN_DUTCH
        for i in range(4, len(folded) - 3)
    )


@lru_cache(maxsize=1)
def _known_organisation_words() -> frozenset[str]:
    return frozenset(
        fold(w) for n in (*known_organisations(), *chains(), *public_institutions()) for w in n.split()
    )


def _kind_of_organisation(word: str) -> bool:
    return bool(_ORG_KIND_WORD.fullmatch(word))


# the fields of an e-mail's header, which open a line with a colon like a chat's speaker
_MAIL_HEADERS = frozenset(
    "van aan cc bcc onderwerp verzonden datum betreft from to subject sent date".split()
)


def _chat_speakers(text: str) -> list[Detection]:
    """The name before the colon of each line of an exported chat (not a title or a body);
    without time stamps, names that each open two lines or more ('Djayson: ja man')."""
    found = []
    bare = list(_CHAT_SPEAKER_BARE.finditer(text))
    repeated = {
        n
        for n, c in Counter(m.group("name") for m in bare).items()
        if c >= 2 and (fold(n) in first_names_folded() or not _ROLE_WORD.search(n))
    }  # 'Aanvrager:', 'Begeleiding:' open the lines of a form, not of a chat
    if len(repeated) < 2:
        repeated = set()  # a conversation has two speakers; one repeated 'Aanvrager:' is a form
    for m in [*_CHAT_SPEAKER.finditer(text), *(m for m in bare if m.group("name") in repeated)]:
        name = re.sub(r"\s*\([^()]*\)$", "", m.group("name").strip())  # 'Lies (gezinscoach)': the name only
        lead = re.match(r"(?i)(?:" + TITLE_WORDS + r")\s+", name)
        if lead:  # 'Jongerenwerker Ramon': the name only
            name = name[lead.end() :]
        words = name.split()
        for i, word in enumerate(words[1:], start=1):  # 'Joep JW Heerlen-Noord': the name only
            place = (is_place_name(word) or fold(word) in public_folded()) and fold(
                words[i - 1]
            ) not in INTERFIXES
            if (word.isupper() and len(word) > 1) or place:
                name = " ".join(words[:i])
                break
        f = fold(name)
        if (
            not re.search(r"[^\W\d_]", name)
            or f in DIALECT_WORDS
            or f in public_folded()
            or f in _MAIL_HEADERS
        ):
            continue
        listed = name[:1].isupper() and f in first_names_folded()  # 'Lies' speaks: a name, though also a word
        if ((is_place_name(name) or f in everyday_words()) and not listed) or _ORG_KIND_WORD.match(name):
            continue
        start = m.start("name") + m.group("name").index(name)
        found.append(Detection(start, start + len(name), PERSOON, name, "chat"))
    return found


def _no_initials(name: str) -> bool:
    """'UWV', 'OK', 'Ja': no one's initials; 'IK' on a line of its own is ('ik' is a word in lowercase)."""
    f = fold(name.replace(".", ""))
    return f in public_folded() or f in _SHORT_REPLIES or (f in everyday_words() and not name.isupper())


def _signatures(text: str) -> list[Detection]:
    found = [
        Detection(m.start("name"), m.end("name"), PERSOON, m.group("name"), "ondertekening")
        for m in _SIGNATURE.finditer(text)
        if not _no_initials(m.group("name"))
    ]
    # initials in lowercase as the note's last line ('mk', '-- bm'): a quick note signed off
    if (m := _LAST_LINE_INITIALS.search(text)) and fold(m.group("name")) not in (
        everyday_words() | DIALECT_WORDS_LOWER | _SHORT_REPLIES
    ):
        found.append(Detection(m.start("name"), m.end("name"), PERSOON, m.group("name"), "ondertekening"))
    return found


_FIRST_NAME_BEFORE = re.compile(r"(?<![\w'’\-])([A-ZÀ-Ý][a-zà-ÿ'’]+) $")
_PARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:De|Van|Van de|Van der|Van den|Ten|Ter|El|Al)\s$")


def _with_surname(text: str, d: Detection) -> Detection:
    """A found name with the capitalised surname after it, initials or a particle before it."""
    end = d.end
    m = _SURNAME_AFTER.match(text, end)
    if m and not sentence_start(text, m.start("s")) and "\n" not in text[end : m.start("s")]:
        last = m.group("s").split()[-1]
        if not (
            is_place_name(last)
            or _ordinary(last)
            or fold(last) in public_folded()
            or _kind_of_organisation(last)
        ):
            end = m.end("s")
            if re.fullmatch(r"[A-Z]", last) and text[end : end + 1] == ".":
                end += 1  # 'bryan B.': the initial of the surname
    elif d.text[:1].islower() and (initial := _LOWER_INITIAL_AFTER.match(text, end)):
        end = initial.end("s")  # 'ruud v bij de bankjes', 'dylan w (14)': a quick note's surname initial
    elif d.text[:1].islower() and (surname := _LOWER_SURNAME_AFTER.match(text, end)):
        f = fold(surname.group("s"))
        if f in surnames_folded() and not (_ordinary(f) or _stop_word(f) or is_place_name(f) or zipf(f) >= LOWER_SURNAME):
            end = surname.end("s")  # 'groetjes kevin jacobs': a listed surname, rare as a word
    start = d.start
    initials = INITIALS.search(text[max(0, start - 12) : start])
    first = _FIRST_NAME_BEFORE.search(text, max(0, start - 20), start)
    if initials:
        start -= len(initials.group())
    elif first and fold(first.group(1)) in first_names_folded() and not sentence_start(text, first.start(1)):
        start = first.start(1)  # 'Lies Dohmen': a first name that is also a word, before a surname
    else:
        particle = _PARTICLE_BEFORE.search(text, max(0, start - 8), start)
        if particle and fold(d.text.split()[0]) not in first_names_folded():
            # 'De Vries', 'Van der Linden': the particle is part of a surname
            start -= len(particle.group())
    if (start, end) == (d.start, d.end):
        return d
    return Detection(start, end, PERSOON, text[start:end], d.source)


# what a rule of :func:`find_names` is given (the spans of places of several words) and yields
# (start, end and source of each name it finds)
_Spans = list[tuple[int, int]]
_Found = Iterator[tuple[int, int, str]]


def _listed_capitalised(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """A capitalised word in deduce's name lists, or rare and in the first names of other countries."""
    first, sur = first_names_folded(), surnames_folded()
    for m in _CAPITALISED.finditer(text):
        word = m.group()
        f = fold(word)
        if f in DIALECT_WORDS or f in _CALENDAR_WORDS or f in _PARTICLES or is_place_name(word):
            continue
        if any(s <= m.start() < e for s, e in places):
            continue  # 'Worms' in 'Ubach over Worms'
        if _diminutive_of_name(f) and not sentence_start(text, m.start()):
            yield (m.start(), m.end(), "verkleinwoord")
            continue
        if f in first or f in sur or all(p in first or p in sur for p in f.split("-")):
            if sentence_start(text, m.start()) or (f in sur and f not in first):
                if _ordinary(word) or f in common_words():
                    continue
            elif f in common_words() and f not in first:
                continue
            yield (m.start(), m.end(), "naamlijst")
        elif (
            f in world_first_names()
            and not sentence_start(text, m.start())
            and rare_in_dutch(word)
            and not _unlisted_word_is_no_name(word, m.start(), places)
        ):
            yield (m.start(), m.end(), "naamlijst-wereld")  # 'komt ook Oksana uit Oekraïne'


def _word_name_after_preposition(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """A lowercase word-name after 'met', 'bij', 'volgens' or 'en': 'met storm en bo'."""
    first = first_names_folded()
    for m in _LOWER_NAME_WORD.finditer(text):
        f = fold(m.group("name"))
        if (
            f in first
            and f in names_that_are_words()
            and zipf(f) < VERY_COMMON
            and not (
                f in common_words() or f in everyday_words() or f in DIALECT_WORDS or f in _CALENDAR_WORDS
            )
            and f not in _KIN_AND_AGE_WORDS
        ):
            yield (m.start("name"), m.end("name"), "woordnaam-klein")  # 'met storm en bo', 'bij demi thuis'


def _listed_lowercase(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """A listed first name in lowercase that is no ordinary word, or a diminutive of one."""
    first = first_names_folded()
    for m in _LOWER.finditer(text):
        word = m.group()
        f = fold(word)
        if f in first and not _ordinary(word) and len(f) >= 3 and f not in DIALECT_WORDS_LOWER:
            yield (m.start(), m.end(), "naamlijst-klein")
        elif f not in common_words() and _diminutive_of_name(f):
            yield (m.start(), m.end(), "verkleinwoord-klein")


_LOWER_HYPHENATED = re.compile(r"(?<![\w'’\-@.])(?P<a>[a-zà-ÿ]{2,})-(?P<b>[a-zà-ÿ]{1,})(?![\w'’\-@])")


def _hyphenated_lowercase(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """Two first names joined, or one and a letter, in lowercase: 'jo-anne', 'jay-jay', 'jay-r'."""
    first = first_names_folded()
    for m in _LOWER_HYPHENATED.finditer(text):
        a, b = fold(m.group("a")), fold(m.group("b"))
        if a in first and not _ordinary(a) and (b in first or len(b) == 1) and not _ordinary(b):
            yield (m.start(), m.end(), "naamlijst-klein")


def _introduced(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """Who introduces themselves or is introduced: 'ik heet Sjra', 'iedereen zegt Pat'."""
    for m in _INTRODUCTION.finditer(text):
        name = m.group("name")
        f = fold(name)
        # a capitalised dialect word introduced as a name is one ('iederein zeet Mie')
        listed = name[:1].isupper() and f in first_names_folded()  # 'Mien naam is Door'
        if listed or not (
            (_ordinary(name) and f not in DIALECT_WORDS)
            or f in number_words()
            or f in _CALENDAR_WORDS
            or is_place_name(name)
        ):
            yield (m.start("name"), m.end("name"), "voorstelling")


def _after_a_title(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """The word after a form of address or a relation: 'mevrouw Frijnts', 'buurman Sjef'."""
    first, sur = first_names_folded(), surnames_folded()
    for m in _after_titles(text):
        name = m.group("name")
        f = fold(name)
        # a capitalised word after a relation is rarely a medical term ('vrouw Lies')
        common = everyday_words() if name[0].isupper() else common_words()
        gap = text[m.start() : m.start("name")]
        title = fold(gap.strip(" ,—–\n"))
        # a capitalised word after a relation is a name, even a word: 'oma Door', 'zus Mien'; so is
        # one with a surname after it: 'trainer Hub Ploumen'
        surname_after = re.match(r"[^\S\n]+([A-ZÀ-Ý][\w'’\-]+)", text[m.end("name") :])
        related = name[0].isupper() and (
            title in _RELATION_TITLES
            or bool(
                surname_after
                and (fold(surname_after.group(1)) in sur or rare_in_dutch(surname_after.group(1)))
            )
        )
        if (f in DIALECT_WORDS or f in common) and not (related and f not in _CALENDAR_WORDS):
            continue
        if _kind_of_organisation(name) or f in public_folded():
            continue  # 'collega van Mondriaan': a public body, not a person
        if "\n" in gap and re.sub(r"\s+", "", title) not in _CLOSINGS:
            continue  # 'over mijn broer\n\nGoedemiddag': a new line, not an address
        if f in language_and_country_words() and title in {"met", "van", "door", "aan", "tolk"}:
            continue  # 'geholpen met Nederlands', 'een tolk Pools'; but 'mevrouw Engels' is a person
        if f in _WEEKDAY_ABBREVIATIONS and title.strip(" ,") in _WEEKDAY_ABBREVIATIONS:
            continue  # '(ma, di, do)': days of the week, not a mother and a name
        if is_place_name(name) and not (f in first and related):
            continue  # 'met Weert'; but 'zijn vrouw Lies', 'trainer Hub Ploumen' are people (Lies and Hub are hamlets too)
        if title in _WEAK_TITLES and f not in first and _GEOGRAPHIC_END.search(name):
            continue  # 'De bankjes van Heksenberg': a wijk
        if title in {"van", "uit"} and _ORIGIN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # 'Ich bin van Orleans': where someone comes from
        if any(c.isdigit() for c in name) or f in _CALENDAR_WORDS:
            continue  # 'cliënt C000123' is a pseudonym code; 'vrouw Mei' is rare, 'in mei' not
        if len(name) > 1 and name.isupper():
            continue  # 'praktijkondersteuner GGZ', 'door POH': an abbreviation
        if any(f.startswith(x) for x in HOLIDAYS if len(x) >= 5):
            continue  # 'morgen Sinterklaasintocht', 'na de Kerstmarkt'
        if re.search(r"-[a-zà-ÿ]", name) and not re.match(r"(?i)(?:al|el|ul|abd|abu|ben|bin)-", name):
            continue  # 'van Tafeltje-dek-je': a name's parts are capitalised ('Anne-Marie', but 'al-Hassan')
        formal_surname = (
            title in _FORMAL_TITLES
            and f in sur
            and f not in common_words()
            and not _VERB_AFTER_NAME.match(text, m.end("name"))
        )  # 'mw hermans'; not 'mw belt terug'
        if name[0].islower() and (f not in first or _ordinary(name)) and not formal_surname:
            continue
        if name[0].isupper() and _ordinary(name) and f not in first and f not in sur:
            continue
        if name[0].isupper() and fold(name) in {"de", "het", "van", "een"}:
            continue
        if re.match(r"\s+\w*team\b", text[m.end("name") :], re.IGNORECASE):
            continue  # 'Consulent Sociaal Wijkteam': the team the title belongs to
        yield (m.start("name"), m.end("name"), "aanspreekvorm")


def _initials_after_a_title(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """Initials after a formal title: 'dhr. H.J.M.'."""
    for m in _TITLE_INITIALS.finditer(text):
        yield (m.start("name"), m.end("name"), "aanspreekvorm")


def _with_a_role(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """A name with the person's age or role in parentheses: 'Yonas (12)', 'Riet (vrijwilliger)'."""
    first = first_names_folded()
    for m in _NAME_WITH_ROLE.finditer(text):
        name, first_word = m.group("name"), m.group("name").split()[0]
        # a word-name with a person's role is the person: 'Riet (vrijwilliger)'; with a number
        # only when no word ('Financiën (2)' is a score)
        by_role = (
            not m.group("role").isdigit() and fold(first_word) in first and not _stop_word(fold(first_word))
        )
        if not (
            (_ordinary(first_word) and not by_role)
            or is_place_name(name)
            or fold(first_word) in score_words()
        ):
            yield (m.start("name"), m.end("name"), "naam-met-rol")


def _lowercase_with_a_role(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """A listed name in lowercase with its role in parentheses: 'fleur (coll)'."""
    first = first_names_folded()
    for m in _LOWER_NAME_WITH_ROLE.finditer(text):
        f = fold(m.group("name"))
        if f in first and len(f) >= 2 and not (_stop_word(f) or f in _KIN_AND_AGE_WORDS or is_place_name(f)):
            yield (m.start("name"), m.end("name"), "naam-met-rol")


def _nicknames(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """A nickname explained or quoted in parentheses: 'Sjonnie (bijnaam)', 'Servaas ("Vaas")'."""
    for m in _NICKNAME_EXPLAINED.finditer(text):
        yield (m.start("name"), m.end("name"), "bijnaam")
    for m in _NICKNAME.finditer(text):
        group = "name" if m.group("name") else "name2"
        if not _ordinary(m.group(group)):
            yield (m.start(group), m.end(group), "bijnaam")


def _after_a_relation(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """The name after a relation and an age: 'zoontje van 4, Milan'."""
    for m in _RELATION_THEN_NAME.finditer(text):
        if not (_ordinary(m.group("name")) or is_place_name(m.group("name"))):
            yield (m.start("name"), m.end("name"), "naam-na-relatie")


def _a_certain(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """After 'een zekere': 'een zekere "Kolja"'."""
    for m in _A_CERTAIN.finditer(text):
        if not _ordinary(m.group("name")):
            yield (m.start("name"), m.end("name"), "een-zekere")


def _with_an_origin(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """A name with where the person is from: 'Kacper (pools, 15 jr)'."""
    for m in _NAME_WITH_ORIGIN.finditer(text):
        name = m.group("name")
        if fold(m.group("w")) in language_and_country_words() and not (
            _ordinary(name) or is_place_name(name)
        ):
            yield (m.start("name"), m.end("name"), "naam-met-herkomst")


def _forwarded_by(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """Who wrote a forwarded e-mail: 'schreef Claessen, H.'."""
    for m in _FORWARD_HEADER.finditer(text):
        yield (m.start("name"), m.end("name"), "doorgestuurd")


def _known_by_a_place(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """Someone known by where they belong: 'Zjuul van de fanfare'."""
    first = first_names_folded()
    for m in _NAME_OF_A_PLACE.finditer(text):
        name = m.group("name")
        f = fold(name)
        listed = f in first and not _ordinary(name)
        if (
            (listed or rare_in_dutch(name))
            and not _unlisted_word_is_no_name(name, m.start(), places)
            and not _ARTICLE_END.search(text, max(0, m.start() - 8), m.start())
        ):
            yield (m.start("name"), m.end("name"), "naam-van-plek")


def _lowercase_subject(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """In a quick note, a lowercase name opening a sentence before what one person does: 'bram heeft ruzie'."""
    first = first_names_folded()
    for m in _LOWER_SUBJECT.finditer(text):
        name, f = m.group("name"), fold(m.group("name"))
        if (
            not re.search(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]", f)
            or f in DIALECT_WORDS
            or f in _CALENDAR_WORDS
            or f in public_folded()
        ):
            continue  # 'vgm is het', 'ff gaat': an abbreviation
        if f in first and len(f) >= 2 and not _stop_word(f):
            listed_word = _ordinary(name)  # 'bram heeft ruzie', 'storm zit bij hem'; but 'storm is voorbij'
            state = _PERSON_STATE.match(text, m.end())  # 'jade is ziek', 'bo is bij sky'
            if not (listed_word and m.group("verb") in ("is", "was") and not state) and not is_place_name(
                name
            ):
                yield (m.start("name"), m.end("name"), "onderwerp-klein")
        elif (
            len(f) >= 3
            and rare_in_dutch(name)
            and not (_stop_word(f) or _ordinary(name) or is_place_name(name) or _two_words(f) or "'" in name)
        ):
            yield (
                m.start("name"),
                m.end("name"),
                "onderwerp-klein",
            )  # 'keesie zat weer op z'n bankje', 'miaa zegt'


def _in_apposition(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """A name in apposition: ', Radek, die helpt'."""
    first = first_names_folded()
    for m in _NAME_BETWEEN_COMMAS.finditer(text):
        name = m.group("name")
        f = fold(name)
        if ((f in first and not _ordinary(name)) or rare_in_dutch(name)) and not _unlisted_word_is_no_name(
            name, m.start("name"), places
        ):
            yield (m.start("name"), m.end("name"), "bijstelling")


def _speaker_after_a_quote(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """Who speaks after a quote: '"...," zei Bosman'."""
    for m in _SAID_AFTER_QUOTE.finditer(text):
        name = m.group("name")
        f = fold(name)
        if not (
            f in _TITLE_OR_PARTICLE
            or f in DIALECT_WORDS
            or f in _CALENDAR_WORDS
            or is_place_name(name)
            or f in public_folded()
        ):
            yield (m.start("name"), m.end("name"), "spreker")


def _spoken_to(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """Who is spoken to at the start of a quote or after a colon: '"Gijs, jij ...'."""
    first = first_names_folded()
    for m in _VOCATIVE.finditer(text):
        name = m.group("name")
        f = fold(name)
        if not (
            f in _CALLS
            or f in _TITLE_OR_PARTICLE
            or f in _CALENDAR_WORDS
            or (is_place_name(name) and f not in first)
            or f in public_folded()
        ):
            yield (m.start("name"), m.end("name"), "aangesproken")


def _greeted(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """Who a message greets or takes leave of: 'hoi jan', 'doei leike'."""
    first = first_names_folded()
    for m in _GREETED.finditer(text):
        name = m.group("name")
        f = fold(name)
        if (f in first or rare_in_dutch(name)) and not (
            f in _CALLS
            or f in _TITLE_OR_PARTICLE
            or f in _CALENDAR_WORDS
            or f in DIALECT_WORDS
            or (f not in first and (f in everyday_words() or is_place_name(name)))
            or f in public_folded()
        ):
            yield (m.start("name"), m.end("name"), "begroet")


def _before_an_age(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """Whose age is given: 'kuyt is 15', 'jordy (14)'."""
    first, sur = first_names_folded(), surnames_folded()
    for age in ages:
        before = _BEFORE_AGE.search(text, max(0, age.start - 40), age.start)
        if before is None or _ARTICLE_END.search(text, max(0, before.start() - 8), before.start()):
            continue
        if _SUPERLATIVE_END.search(text, max(0, before.start() - 12), before.start()):
            continue  # 'het jongste bandlid was twaalf'
        name = before.group("name")
        f = fold(name)
        if f in _KIN_AND_AGE_WORDS:
            continue  # 'Vader (56)', 'Mien moder is hoonderd', 'Ahmet jarig (18)'
        named = (
            f in first
            or f in sur
            or f in names_that_are_words()
            or (rare_in_dutch(name) and not _stop_word(f))
        )
        if named and not (
            any(c.isdigit() for c in name)
            or f in _TITLE_OR_PARTICLE
            or f in DIALECT_WORDS
            or f in _CALENDAR_WORDS
            or f in score_words()
            or is_place_name(name)
            or f in public_folded()
            or _kind_of_organisation(name)
        ):
            yield (before.start("name"), before.end("name"), "naam-met-leeftijd")


def _signing_off(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """Who signs the note on its last line: '-jeroen', '\n\nkelly', '... naar huis. Wiel'."""
    first = first_names_folded()
    for m in _LAST_LINE_NAME.finditer(text):
        f = fold(m.group("name"))
        if f in first_names_folded() or (rare_in_dutch(f) and not _stop_word(f)):
            yield (m.start("name"), m.end("name"), "ondertekening")
    if (m := _LAST_LINE_LOWER.search(text)) and (f := fold(m.group("name"))) in first:
        if not (
            _stop_word(f)
            or zipf(f) >= VERY_COMMON
            or f in _SHORT_REPLIES
            or f in _CLOSINGS
            or f in _CALENDAR_WORDS
        ):
            yield (m.start("name"), m.end("name"), "ondertekening")
    if m := _LAST_LINE_WORD.search(text):
        name, f = m.group("name"), fold(m.group("name"))
        if (f in first or f in world_first_names()) and not (
            f in _SHORT_REPLIES
            or f in _CLOSINGS
            or f in DIALECT_WORDS
            or f in _CALENDAR_WORDS
            or (f not in first and f in everyday_words())
            or is_place_name(name)
        ):
            yield (m.start("name"), m.end("name"), "ondertekening")


def _subject_of_a_verb(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """A word no name list holds, rare in Dutch, as the subject of what people do: 'Olena helpt'."""
    taken = (*places, *public_spans(text))
    for m in _SUBJECT_OF_VERB.finditer(text):
        parts = [g for g in ("name", "sur") if m.group(g)]
        if _ARTICLE_END.search(text, max(0, m.start() - 8), m.start()) or any(
            _unlisted_word_is_no_name(m.group(g), m.start(g), taken) for g in parts
        ):
            continue
        for g in parts:
            yield (m.start(g), m.end(g), "onderwerp")


def _aliases(text: str, places: _Spans, ages: list[Detection]) -> _Found:
    """A name and its alias: 'dj (= Dejan)'."""
    for m in _ALIAS.finditer(text):
        if not _ordinary(m.group("name")):
            yield (m.start("name"), m.end("name"), "bijnaam")
            yield (m.start("alias"), m.end("alias"), "bijnaam")


# each rule yields (start, end, source) of the names it finds, in this order
_RULES = (
    _listed_capitalised,
    _word_name_after_preposition,
    _listed_lowercase,
    _hyphenated_lowercase,
    _introduced,
    _after_a_title,
    _initials_after_a_title,
    _with_a_role,
    _lowercase_with_a_role,
    _nicknames,
    _after_a_relation,
    _a_certain,
    _with_an_origin,
    _forwarded_by,
    _known_by_a_place,
    _lowercase_subject,
    _in_apposition,
    _speaker_after_a_quote,
    _spoken_to,
    _greeted,
    _before_an_age,
    _signing_off,
    _subject_of_a_verb,
    _aliases,
)


def find_names(text: str, ages: list[Detection] | None = None) -> list[Detection]:
    """Names of people nobody told us about.

    * a word in deduce's first-name list: capitalised mid-sentence (also when it is an
      ordinary word too: 'broer van Wiel'); at the start of a sentence or in lowercase
      ('kevin', 'sjonnie') only when it is not an ordinary Dutch or Limburgish word;
    * a capitalised surname from deduce's list mid-sentence, when not an ordinary word;
    * any capitalised word after a form of address or relation ('mevrouw Frijnts', 'buurman
      Sjef', 'juf Mieke', 'maat kevin' in lowercase only for listed first names, 'familie
      Al-Khatib'), on the same line unless the word before closes a letter ('groet,');
      initials after a formal title ('dhr. H.J.M.');
    * a word no name list holds, rare in Dutch (wordfreq), as the subject of what people do
      ('Olena, een van hen, helpt', 'Filmon, Senait en Tsega volgen'); with where someone is
      from ('Kacper (pools, 15 jr)'); after 'een zekere'; a name someone goes by in
      parentheses after a name ('Gerardus Houben (Sjra)');
    * who speaks in an exported chat ('[12-05-24, 21:14] Ilias:'), who wrote a forwarded
      e-mail ('schreef Claessen, H. <...>'), and initials or a lowercase first name that sign a
      note ('– R.', 'EvdB', '-jeroen');
    * someone known by where they belong ('Zjuul van de fanfare'), who speaks after a quote
      ('"...," zei Bosman'), who is spoken to ('"Gijs, jij ..."'), a name in apposition (',
      Radek, die helpt'), whose age is given ('kuyt is 15'; ``ages``: the ages of the text, as
      :func:`find_ages` finds them, found again when not given);
    * a rare capitalised word mid-sentence in the first names of other countries ('Oksana'); who
      a message greets ('hoi jan'); a word-name in lowercase after 'met', 'bij', 'volgens' or
      'en' ('met storm en bo'), before 'is' and what only a person is ('jade is ziek'), with a
      role in parentheses ('fleur (coll)', 'Riet (vrijwilliger)'); a listed name closing the note;
    * a name found this way takes the capitalised surname after it ('Rania Al-Hassan'), or in
      lowercase the initial of one ('ruud v');
    * every other spelling of a found name in the same text, also misspelt ('Kevn', 'kevn'),
      and a word-name again in lowercase where no article or adjective makes it the word
      ('Storm: …' then 'tot zo storm'; but 'die storm', 'een zware storm').
    """
    places = place_spans(text)
    ages = find_ages(text) if ages is None else ages
    found = [
        Detection(start, end, PERSOON, text[start:end], source)
        for rule in _RULES
        for start, end, source in rule(text, places, ages)
    ]
    extended = [_with_surname(text, d) for d in found]  # surname after a first name, initials before
    extended += _called_names(text, extended) + _chat_speakers(text) + _signatures(text)
    found = extended + _coordinated_names(text, extended)
    return found + _every_spelling(text, found)


def _called_names(text: str, found: list[Detection]) -> list[Detection]:
    """The name someone goes by, in parentheses after their name: 'Gerardus Houben (Sjra)'."""
    out = []
    for d in found:
        called = _CALLED_AFTER.match(text, d.end)
        named = called.group("name") if called else ""
        if (
            called
            and (fold(named) in first_names_folded() or rare_in_dutch(named))
            and not (_ordinary(named) or is_place_name(named))
        ):
            out.append(Detection(called.start("name"), called.end("name"), PERSOON, named, "roepnaam"))
    return out


def _every_spelling(text: str, found: list[Detection]) -> list[Detection]:
    """Every other spelling of a found name in the same text, also misspelt ('Kevn', 'kevn'),
    and a word-name again in lowercase where no article or adjective makes it the word."""
    tokens = {fold(t) for d in found for t in re.findall(r"[\w'’]+", d.text) if len(t) >= 2}
    tokens -= {"van", "de", "der", "den", "het", "el", "al", "ten", "ter", "te"}
    if not tokens:
        return []
    first = first_names_folded()
    out = []
    covered = bytearray(len(text))  # where a found name already is
    for d in found:
        covered[d.start : d.end] = b"\x01" * (d.end - d.start)
    fuzzy = [t for t in tokens if len(t) >= 5]
    for m in re.finditer(r"(?<![\w'’])[\w'’]{2,}(?![\w'’])", text):
        word = m.group()
        if covered[m.start()] or word.isdigit():
            continue
        f = fold(word)
        lower = word[0].islower()
        # in lowercase not an everyday word, nor a surname that is a trade ('visser')
        ordinary = (
            f in everyday_words()
            or f in DIALECT_WORDS_LOWER
            or (f in names_that_are_words() and f not in first)
        )
        if f in tokens and not (lower and (ordinary or f in names_that_are_words())):
            out.append(_with_surname(text, Detection(m.start(), m.end(), PERSOON, word, "zelfde-naam")))
        elif (
            f in tokens
            and f in first
            and f not in DIALECT_WORDS_LOWER
            and zipf(f) < VERY_COMMON
            and not _noun_before(text, m.start())
        ):
            # the word-name again without an article: 'Storm: ...' then 'tot straks storm';
            # but 'die storm gister' and 'een roos gekocht' are the words
            out.append(Detection(m.start(), m.end(), PERSOON, word, "zelfde-naam-woord"))
        elif _ordinary(word) or is_place_name(word):
            continue  # 'Meerssen' is the place, however like a name found elsewhere
        elif lower and (f in common_words() or not rare_in_dutch(word)):
            continue  # a word in lowercase, not a misspelt name
        elif len(f) >= 4 and any(tokens_match(word, t) for t in fuzzy):  # 'Kevn', 'kevn' of 'Kevin'
            out.append(Detection(m.start(), m.end(), PERSOON, word, "zelfde-naam-verschreven"))
        elif not lower and len(f) >= 3 and any(t.startswith(f) and 1 <= len(t) - len(f) <= 3 for t in fuzzy):
            out.append(Detection(m.start(), m.end(), PERSOON, word, "zelfde-naam-kort"))  # 'Kelv'
    return out
