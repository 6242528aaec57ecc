"""A person's age, in every form people write it ('is 34', '(16)', 'een jongen van vijftien',
Limburgish 'zeuvenenveftig'), and the numbers that are no age: limits, scores, durations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from verhalen.herkenners.basis import LEEFTIJD, MONTH_ALT, PERSOON, Detection, fold, sentence_start
from verhalen.herkenners.woorden import TITLE_WORDS, everyday_words, first_names_folded, surnames_folded


@lru_cache(maxsize=1)
def score_words() -> frozenset[str]:
    """Words of the instruments' domain names ('financiën', 'werk', 'netwerk', 'adl') and 'score'."""
    from impact.instruments import builtin

    words = {"score", "scoort", "niveau"}
    for instrument in builtin().values():
        for domain in instrument.domeinen:
            words.update(w for w in domain.naam.lower().split() if w.isalpha())
            words.update(domain.code.lower().split("_"))
    return frozenset(words)


_UNITS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_TEENS = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
          "achttien", "negentien"]  # fmt: skip
_TENS = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig", 6: "zestig", 7: "zeventig",
         8: "tachtig", 9: "negentig"}  # fmt: skip
_UNITS_DIALECT = {1: "ein", 2: "twie", 3: "drie", 4: "veer", 5: "vief", 6: "zes", 7: "zeve",
                  8: "aach", 9: "nege"}  # fmt: skip
_UNITS_DIALECT_MORE = {9: ("nuuge", "nuugen"), 7: ("zeuve", "zeuven")}
_TENS_DIALECT = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vieftig", 6: "zestig",
                 7: "zeuventig", 8: "tachtig", 9: "negentig"}  # fmt: skip
_TENS_DIALECT_MORE = {5: "fieftig", 6: "zèstig", 9: "nuugentig"}
_TEENS_DIALECT = {12: "twelf", 15: "vieftien", 17: "zeuventien", 18: "achtien"}


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Dutch number words 1..119: 'zeventien' 17, 'vierenveertig' 44, 'drieëntwintig' 23."""
    out: dict[str, int] = {"één": 1, "honderd": 100}
    for n in range(1, 10):
        out[_UNITS[n]] = n
    for n, w in enumerate(_TEENS, start=10):
        out[w] = n
    for t, w in _TENS.items():
        out[w] = 10 * t
        for u in range(1, 10):
            unit = _UNITS[u]
            joint = "ën" if unit.endswith("e") else "en"
            out[f"{unit}{joint}{w}"] = 10 * t + u
            out[f"{unit}en{w}"] = 10 * t + u
    for n in range(1, 20):
        word = _UNITS[n] if n < 10 else _TEENS[n - 10]
        out[f"honderd{word}"] = 100 + n
    # Limburgish spellings ('ich bin vieftig', 'zeuventig gewaore'), the same pattern
    for t, w in _TENS_DIALECT.items():
        out.setdefault(w, 10 * t)
        for u, unit in _UNITS_DIALECT.items():
            for joint in ("en", "ën", "end", "ënd"):
                out.setdefault(f"{unit}{joint}{w}", 10 * t + u)
                out.setdefault(f"{unit}{joint}{_TENS[t]}", 10 * t + u)
    for t, w in _TENS_DIALECT_MORE.items():
        out.setdefault(w, 10 * t)
    for u, units in _UNITS_DIALECT_MORE.items():
        for unit in units:
            for t in _TENS:
                for tens in {_TENS[t], _TENS_DIALECT[t]}:
                    out.setdefault(f"{unit}n{tens}", 10 * t + u)
                    out.setdefault(f"{unit}en{tens}", 10 * t + u)
    for n, w in _TEENS_DIALECT.items():
        out.setdefault(w, n)
    # spoken spellings of every form so far: 'zestieën' (zestien), 'vieftich' (vieftig)
    for w, n in list(out.items()):
        if w.endswith("tien"):
            out.setdefault(w[:-4] + "tieën", n)
        if w.endswith("tig"):
            out.setdefault(w[:-1] + "ch", n)
    out.update({"hoonderd": 100, "hóndert": 100, "anderhalf": 1})
    return out


@lru_cache(maxsize=1)
def ordinal_words() -> dict[str, int]:
    """'veertiende' 14, 'achtste' 8, 'tachtigste' 80: the age in 'op mijn veertiende'."""
    out = {}
    for w, n in number_words().items():
        if n < 2:  # 'eerste' is no age; 'anderhalf' has no ordinal
            continue
        if w == "drie":
            out["derde"] = n
        elif w.endswith(("tig", "tich", "acht", "aach", "honderd", "hoonderd")):
            out[w + "ste"] = n
        else:
            out[w + "de"] = n
    return out


# spoken and Limburgish spellings beyond the list above, read by their parts: a unit, a
# joint and a ten ('drie-en-zeuventig', 'ach-en-tachtig', 'sevenensestig', 'tachteg'), or a
# stem with 'tien' ('zeuventieën'). One parse instead of every spelling written out.
_UNIT_SPELLINGS = {1: "een ein één", 2: "twee twie", 3: "drie dree", 4: "vier veer vear",
                   5: "vijf vief vuuf vuuef vöf", 6: "zes ses zès", 7: "zeven zeve zeuve zeuven seven seve",
                   8: "acht aach ach aacht", 9: "negen nege nuuge nuugen"}  # fmt: skip
_TEN_STEMS = {2: "twin twen", 3: "der dèr deer", 4: "veer vier vear", 5: "vijf vief fief vef vuuf vuuef vöf",
              6: "zes ses zès", 7: "zeven zeuven seven zeve zeuve siebe sieb", 8: "tach taach", 9: "negen nuugen nege"}  # fmt: skip
_TEEN_STEMS = {13: "der dèr", 14: "veer vier", 15: "vijf vief vuuf", 16: "zes ses", 17: "zeven zeuven seven",
               18: "acht ach aach", 19: "negen nuugen nege"}  # fmt: skip


def _spelling_alt(spellings: dict[int, str]) -> str:
    words = sorted((w for ws in spellings.values() for w in ws.split()), key=len, reverse=True)
    return "|".join(map(re.escape, words))


_SPOKEN_NUMBER = re.compile(
    r"(?:(?P<unit>" + _spelling_alt(_UNIT_SPELLINGS) + r")(?:en|ën|end|ënd|e|n)?)?"
    r"(?:(?P<ten>"
    + _spelling_alt(_TEN_STEMS)
    + r")[tz]?(?:ig|ich|eg|ech)|(?P<teen>"
    + _spelling_alt(_TEEN_STEMS)
    + r")t?(?:ien|ieën|iene))"
)


def _spelling_value(spellings: dict[int, str], word: str) -> int:
    return next(n for n, ws in spellings.items() if word in ws.split())


def number_value(word: str) -> int | None:
    """The number a word writes: '16', 'zestien', 'vierenveertig', 'drie-en-zeuventig',
    'tachteg', 'veertiende'; None for any other word."""
    w = word.lower()
    if w.isdigit():
        return int(w)
    if m := re.fullmatch(r"(\d{1,3})(?:e|ste|de)", w):
        return int(m.group(1))  # 'op zijn 17e'
    if w in number_words():
        return number_words()[w]
    if w in ordinal_words():
        return ordinal_words()[w]
    m = _SPOKEN_NUMBER.fullmatch(w.replace("-", ""))
    if not m:
        return None
    if m.group("teen"):
        return None if m.group("unit") else _spelling_value(_TEEN_STEMS, m.group("teen"))
    unit = _spelling_value(_UNIT_SPELLINGS, m.group("unit")) if m.group("unit") else 0
    return 10 * _spelling_value(_TEN_STEMS, m.group("ten")) + unit


# words that may write a number, by how they end ('zeventien', 'drie-en-zeuventig', 'vieftig');
# find_ages keeps those that do (number_value). Cheaper than every spelling as one alternation.
_NUM_WORD_ALT = (
    r"(?:[^\W\d_]+-)*[^\W\d_]*(?:één|een|ein|twee|twie|drie|dree|vier|veer|vijf|vief|vuuf|vuuef|zes|ses|zeven|"
    r"zeve|zeuve|zeuven|acht|aach|ach|negen|nege|nuuge|nuugen|tien|tieën|tiene|elf|twaalf|twelf|ig|ich|eg|ech|"
    r"honderd|hoonderd|hóndert|anderhalf)(?![\w-])"
)
_ORDINAL_ALT = r"[^\W\d_]+(?:de|ste)(?![\w-])"  # 'veertiende', 'tachtigste'
_TENS_ALT = r"[^\W\d_]+(?:tig|tich|teg|tech)(?![\w-])"  # 'vijftig', 'vieftich'
_POSSESSIVE = r"(?:mijn|mien|m'n|mn|zijn|zien|z'n|zn|haar|häör|d'r|ons|hun|eur|je|jouw)"
_PRONOUN = r"(?:ik|ich|hij|hae|ie|ze|zij|zie|u|je|jij|we|wij|dae|die)"
_YEAR = r"(?:jaar|jaor|joar|jr\.?)"  # the word 'jaar', its Limburgish forms and abbreviation
_BECAME = (
    r"(?:geworden|gew(?:o|oo|oe|ao|oa|ó|uu)r(?:d)?e(?:n)?)"  # 'geworden', 'gewaore', 'gewoere', 'gewoorde'
)
# a number in digits (never the first digits of a longer number) or any word: find_ages keeps
# the words that write a number (number_value), so spellings nobody listed count too
_N = r"(?P<n>\d{1,3}(?!\d)|[^\W\d_]+(?:-[^\W\d_]+)*)"
# after the number: the end of a clause, 'jaar' (not 'jaar geleden/lang'), 'geworden', 'was'
_AGE_END = (
    r"(?=\s*(?:[.,;!?)(\[\n—–\"“”'’\u2600-\u27bf\U0001f300-\U0001faff]|:(?!\d)|$|\d{1,2}:\d{2}\b|/(?=\d{1,2}\b)|of\s+(?:\d{1,2}|"
    + _NUM_WORD_ALT
    + r")(?=\s*(?:[.,;:!?)\n]|$|denk|geloof|schat|ofzo|zegt))|"
    r"of\s+zo(?:iets|eiets)?\b|gew\.|"
    r"(?:en|maar|toen|eigenlijk|nu|(?:volgende|komende|vorige)\s+(?:week|maand)|"
    + _BECAME
    + r"|was|wordt|weurt|is|"
    + _YEAR
    + r"|zegt|zei|"
    r"denk|denkt|geloof|hoor|toch|dus|ofzo|of\s+zo|hij|ze|zij|ik|die|in\s+(?:" + MONTH_ALT + r"))(?![\w])"
    r"(?<!jaar)(?<!jaor)(?<!joar)(?<!jr)(?<!jr\.)|-(?=\d)|"
    + _YEAR
    + r"(?!\s+(?:geleden|geleje|gelede|lang|later|eerder|bij|in|schuld|"
    r"getrouwd|samen|werkloos|ervaring|oud(?:er)?\s+dan))))"
)
_AGE_PATTERNS = [
    # 'Moeder (38)', '(67; volgens ...)', '(~60)', 'Dhr. Hendrix (67)'
    # (the word only from its first letter: the same matches, without retrying every suffix)
    # (a word on the same line: '(1) grip op de financiën' numbers a list)
    re.compile(
        r"(?<![^\W\d_])(?P<word>[^\W\d_]+\.?)[^\S\n]?\((?:~|ca\.?\s?|rond\s|±\s?)?(?P<n>[1-9]\d?|1[01]\d)(?:\s?"
        + _YEAR
        + r"|j)?(?:[);,!?]|(?=[/\-–]\d{1,2}\s?[);,]))"
    ),
    # 'Lies: 15j, wordt in januari 16': the compact 'j' of a chat is a year of age
    re.compile(r"(?<![\w,.])(?P<n>[1-9]\d?)j(?![\w])"),
    re.compile(r"(?i)(?<![\w,.])" + _N + r"[ -]?jarige?\b"),
    re.compile(r"(?i)(?<![\w,.])" + _N + r" ?" + _YEAR + r" oud\b"),
    re.compile(r"(?i)\b(?:leeftijd(?:\s+van|(?:\s+\w+)?\s*:)?|lft\.?:?)\s*" + _N + r"\b"),
    # 'een jongen van een jaar of 16', 'ze is een jaar of veertig' (not 'een jaar of 3 geleden')
    re.compile(r"(?i)\been\s+jaar\s+of\s+" + _N + r"(?![\w,.]\d)(?!\s+(?:geleden|lang|later|terug|eerder))"),
    # 'met zijn 16 jaar is hij de jongste'
    re.compile(
        r"(?i)\bmet\s+(?:zijn|haar|z'n|d'r|mijn|m'n|je|hun)\s+"
        + _N
        + r"(?:\s+"
        + _YEAR
        + r")?(?=\s*[,.;]|\s+(?:is|was|ben|kan|mag|moet|heeft|had|wil|werd|wordt)\b)"
    ),
    # 'Dhr. Bekkers, 44 jaar, alleenstaand': an age in apposition
    _AGE_APPOSITION := re.compile(
        r"(?<![\w'’\-])(?P<word>[A-Z]\.(?:[A-Z]\.)+|[A-ZÀ-Ý][\w'’\-]+|\)),\s+(?P<n>[1-9]\d?|1[01]\d|(?i:"
        + _NUM_WORD_ALT
        + r"))(?:\s?(?i:"
        + _YEAR
        + r"))?(?=\s*[,;)]|\s+(?:en|oud)\b|\.\s|[ \t]*(?:\n|$))"
    ),
    # 'zestien is ze', '17 is hij nu'
    # (any word first, checked for a number afterwards: cheaper than the number alternation)
    # ('N jaar is ze al bezig' is a duration, so no 'jaar' here)
    re.compile(
        r"(?i)(?<![\w,.])(?<!vanaf\s)(?<!tot\s)(?P<n>\w+)\s+(?:is|was|wordt|werd|ben)\s+(?:ze|zij|hij|ie|ik|je)\b(?!\s+(?:al|nu)?\s*(?:bij|in|op|aan|getrouwd|samen|weg))"
    ),
    # 'is 74', 'Ik ben 72.', 'ze is pas 13', 'is volgens hem 86', 'ben ik vierenveertig jaar'
    re.compile(
        r"(?i)\b(?:is|ben|bent|bin|was|waor|woar|werd|wordt|zijn|waren|word|weurt|wuurt|wurt)(?:\s+(?:ik|ich|hij|ie|hae|ze|zij|zie|u|je|jij))?"
        r"(?:\s+(?:volgens\s+\w+|nu|noe|pas|al|net|inmiddels|bijna|ruim|ongeveer|rond\s+de|zo'n|zelf|zeker|sjus|ook|nog|mer|steeds|"
        r"dit\s+jaar|vandaag|morgen|gisteren|onlangs|laatst|straks|binnenkort|toen|nog\s+maar|maar|"
        r"precies|boven\s+de|onder\s+de|nog\s+geen|(?:volgende|vorige|deze|afgelopen)\s+(?:week|maand)|"
        r"(?:volgend|vorig)\s+jaar|in\s+(?:" + MONTH_ALT + r")))*\s+" + _N + r"(?![\w,.]\d)" + _AGE_END
    ),
    # '~60', 'rond de 70', 'ruim 40', 'inmiddels 68', 'een jongen van 8', 'op mijn 12', 'toen ik 17 was'
    re.compile(r"(?<![\w~])~\s?(?P<n>[1-9]\d?|1[01]\d)(?![\w,.]\d)"),
    re.compile(
        r"(?i)\b(?:rond(?:\s+de)?|ruim|inmiddels|bijna|ongeveer|ong\.?|begin|eind|midden|zeker|circa|allebei|beiden|zelf)\s+"
        + _N
        + r"(?![\w,.]\d)"
        r"(?!\s*(?:euro|€|%|procent|keer|uur|minuten|dagen|weken|maanden|kilo|km|meter|cm|mensen|"
        r"huishoudens|kinderen|jongeren|deelnemers|bewoners|jaar\s+(?:geleden|lang)))" + _AGE_END
    ),
    # 'een jongen van 8', 'm'n zoon van 15', 'mien kleinzoon van zeventien', 'dochter Chayenne van acht'
    re.compile(
        r"(?i)(?:\b(?:een|de|die|dat|het|mijn|mien|m'n|mn|zijn|z'n|zn|haar|d'r|hun|onze|ons|hae|ich|ene)|(?<!\w)['’]ne)\s+"
        r"(?:jongen|meisje|man|vrouw|kind|zoon|zoontje|dochter|dochtertje|meid|knul|tiener|baby|"
        r"peuter|kleuter|heer|dame|broer|zus|broertje|zusje|kleinzoon|kleindochter|kleinkind|neef|"
        r"neefje|nicht|nichtje|jochie|ventje|vriend|vriendin|vriendje|vriendinnetje|jong|jóng|jungske|maedje|wicht|tweeling|drieling|"
        r"buurman|buurvrouw|buurjongen|buurmeisje|opa|oma|oom|tante|vader|moeder)"
        r"(?:,?\s+(?-i:[A-ZÀ-Ý][\w'’\-]+),?)?\s+van\s+(?:rond\s+de\s+|ongeveer\s+|ca\.?\s+|in\s+de\s+)?"
        + _N
        + r"(?![\w,.]\d)(?!\s*(?:euro|€|kilo|km|meter|cm|centimeter|uur|dagen|jaar\s+geleden))"
    ),
    # 'voor iemand van 74 met een nieuwe heup'
    re.compile(
        r"(?i)\biemand\s+van\s+(?:rond\s+de\s+|ongeveer\s+|in\s+de\s+)?"
        + _N
        + r"(?![\w,.]\d)(?!\s*(?:euro|€|kilo|km|meter|cm|uur|dagen|jaar\s+geleden))"
    ),
    re.compile(
        r"(?i)\bop\s+"
        + _POSSESSIVE
        + r"\s+"
        + _N
        + r"(?:e|ste|de)?(?![\w,.]\d)(?:\s+(?:jaar|jr))?(?=\s*[.,;:!?)]|\s+(?:naar|kwam|ging|werd|begon|in|van|verhuisd|getrouwd|trouwde|overleden|gestopt|begonnen|de|het))"
    ),
    re.compile(
        r"(?i)\b(?:toen|sinds|vanaf|tot|voordat|nadat)\s+(?:"
        + _PRONOUN
        + r"|mijn\s+\w+)\s+"
        + _N
        + r"(?:\s+"
        + _YEAR
        + r")?\s+(?:oud\s+)?(?:was|werd|waren|waor|woar|woor|waas|wier)\b"
    ),
    # 'op zijn 14e', 'vanaf zijn achtste', 'sinds zijn twaalfde', 'op mijn tachtigste'
    re.compile(
        r"(?i)\b(?:op|vanaf|van|sinds|tot|na|voor|vóór|rond)\s+"
        + _POSSESSIVE
        + r"\s+(?P<n>\d{1,3}(?:e|ste|de)\b|(?:"
        + _ORDINAL_ALT
        + r")(?!\w))"
    ),
    # 'tachtig geworden', 'vieftig gewoare', 'die in februari 2 is geworden' (not 'het zijn er 12 geworden')
    re.compile(
        r"(?i)(?<![\w,.])(?<!\ber\s)" + _N + r"(?:\s+" + _YEAR + r")?\s+(?:is\s+|zijn\s+)?" + _BECAME + r"\b"
    ),
    # 'die volgende maand negentig wordt.'
    re.compile(r"(?i)(?<![\w,.])" + _N + r"\s+(?:wordt|weurt|wuurt)(?=\s*[.,;:!?)\n]|$|\s+(?:en|maar)\b)"),
    # 'nu Elif net drie is', 'omdat hij pas 15 was'
    re.compile(
        r"(?i)\b(?:net|pas|bijna|nog\s+maar|inmiddels|nog\s+steeds|steeds)\s+"
        + _N
        + r"\s+(?:is|was|ben|bent|wordt|werd|geworden)(?=\s*[.,;:!?)\n]|$|\s+(?:en|maar|geworden)\b)"
    ),
    # '(moeder, 31)', 'ibo (nieuw, 12)', '(vrijwilliger, zelf 68, ...)', '(beiden 17)', '(ca 15-16)'
    re.compile(
        r"\((?:(?P<word>[^\W\d_][^()\n,\d]{0,29}),\s*(?:(?i:zelf|ca\.?|circa|ongeveer|ong\.?)\s*)?|(?i:beiden|allebei|beide|zelf|ca\.?|circa|ongeveer|ong\.?)\s*)"
        r"(?P<n>[1-9]\d?|1[01]\d)(?=\s*(?:[-–]\s*\d{1,2}\s*)?(?:" + _YEAR + r"\s*)?\+?[),;])"
    ),
    # 'die 28 is', 'dat hij 18 was', 'sinds ik 6 ben': the verb closes the clause
    re.compile(
        r"(?i)\b(?:die|dat\s+(?:hij|ze|zij|ik|ie|je|u)|(?:omdat|sinds|toen|nu|als|of)\s+(?:hij|ze|zij|ik|ie|je|u))\s+(?:al\s+|pas\s+|nog\s+|net\s+|bijna\s+)?"
        + _N
        + r"(?:\s+"
        + _YEAR
        + r")?\s+(?:is|was|ben|bent|wordt|werd|waren)(?=\s*[.,;:!?)\"”'’]|$|\s+(?:en|maar|of|toen)\b)"
    ),
    # 'met zestien zat ik beneden'
    re.compile(
        r"(?i)\bmet\s+"
        + _N
        + r"\s+(?:zat|ging|kwam|werd|was|moest|begon|stond|werkte|ben|had|heb|liep|mocht|kon|"
        r"vind|vond|krijg|kreeg|kun|kan|mag|moet|word|wordt|heeft|hoor|telt)\s+" + _PRONOUN + r"\b"
    ),
    # 'was ich al in de vieftig'
    re.compile(
        r"(?i)\bin\s+de\s+(?P<n>"
        + _TENS_ALT
        + r")(?=\s*[.,;:!?)\n]|$|\s+(?:en|maar|was|is|toen|geweest|ben)\b)"
    ),
    # 'zegt 14 maar lijkt 12', '(zegt 16, lijkt jonger)', 'zou 20 zijn': the age someone gives or seems
    re.compile(
        r"(?i)\b(?:zegt|zei|zeet|zaet|lijkt|leek)\s+(?:zelf\s+|eerst\s+|me\s+|wel\s+)?" + _N + r"(?![\w,.]\d)"
        r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:maar|te\s+zijn|of\s+zo|ofzo|jaar|jr)\b)"
    ),
    re.compile(r"(?i)\bzou\s+(?:al\s+|pas\s+|nu\s+)?" + _N + r"\s+(?:" + _YEAR + r"\s+)?zijn\b"),
    # 'schat hem 17', 'ik schat haar op 40'
    re.compile(
        r"(?i)\bschat(?:te)?\s+(?:ik\s+)?(?:(?:hem|haar|m|'m|ze|hen|hun)\s+)?(?:op\s+)?"
        + _N
        + r"(?![\w,.]\d)"
        + _AGE_END
    ),
    # 'geb. 2 mei 1990 (34)': the age after a year of birth
    re.compile(r"\b(?:19|20)\d\d\s?\((?P<n>[1-9]\d?|1[01]\d)(?:\s?" + _YEAR + r")?\)"),
    # 'twee meiden, een van 16 en een van 15'
    re.compile(
        r"(?i)\been\s+van\s+" + _N + r"(?=\s+en\s+een\s+van\s+\d|\s*[,;]\s*(?:de\s+ander|een\s+van)\b)"
    ),
    re.compile(r"(?i)(?<=\d\sen\s)een\s+van\s+" + _N + r"(?![\w,.]\d)(?=\s*[.,;:!?)]|\s+(?:en|maar)\b)"),
    # 'Omar van 12, die ...' (checked for a listed first name afterwards)
    _NAME_OF_AGE := re.compile(
        r"(?<![\w'’\-])(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)\s+van\s+(?P<n>[1-9]\d?|(?i:"
        + _NUM_WORD_ALT
        + r"))(?=\s*[,;)]|\s+(?:en|die|is)\b)"
    ),
    # 'Finn (zeventien maanden)', 'Noor (6 weken)' (checked for a listed first name afterwards)
    _NAME_OF_AGE_IN_MONTHS := re.compile(
        r"(?<![\w'’\-])(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)\s?\((?P<n>[1-9]\d?|(?i:"
        + _NUM_WORD_ALT
        + r"))\s(?i:maanden|mnd|weken)\)"
    ),
    # 'Meneer Janssen van 87'
    re.compile(
        r"\b(?i:meneer|mevrouw|mijnheer|juffrouw|dhr\.?|mevr\.?|mw\.?)\s+(?:[A-ZÀ-Ý][\w'’\-]+\s+){1,2}van\s+(?P<n>\d{1,3}(?!\d)|(?i:"
        + _NUM_WORD_ALT
        + r"))(?![\w,.]\d)"
        r"(?!\s*(?i:" + MONTH_ALT + r"|euro|€|kilo|km|meter|uur|jaar\s+geleden|nummer|nr))"
    ),
]


_AGE_LIST = re.compile(
    r"(?i)\b(?:kinderen|kids|zonen|zoons|dochters|jongens|meisjes|kleinkinderen|tweeling|broers|"
    r"zussen|zusjes|broertjes)\b(?:\s*:\s*(?P<list3>\d{1,2}(?:\s*(?:,|en|&)\s*\d{1,2})+)(?!\s*(?:euro|€|kilo|uur|maanden|weken|dagen))|[^.()\n]{0,25}?\((?P<list>\d{1,2}(?:\s*(?:,|en|&)\s*\d{1,2})+)"
    r"(?:\s*"
    + _YEAR
    + r")?\)|\s+van\s+(?P<list2>\d{1,2}(?:\s*(?:,|en|&)\s*\d{1,2})+)(?!\s*(?:euro|€|kilo|uur|maanden|weken|dagen))"
    # with nothing between: 'broertjes 6 en 8'
    r"|[^\S\n]+(?P<list4>\d{1,2}(?:\s*(?:,|en|&)\s*\d{1,2})+)(?![\w,.:/]\d|\s*(?:euro|€|%|x|kilo|uur|keer|maanden|weken|dagen|jaar|kinderen|man)(?![\w'’])))"
)


_AGE_AND = re.compile(
    r"(?:\s*,\s*|\s+(?:en|of)\s+|-|/)(?P<n>[1-9]\d?)(?![\w,.:/]\d|\s*(?:euro|€|%|uur|keer|kinderen|vmbo|havo|vwo|mbo|hbo|klas|groep|gym))"
)  # not the school year after an age: 'Lara, 15, 3 havo'


def _listed_person(text: str, start: int, word: str) -> bool:
    """A listed first name, initials, or a listed surname after a first name or title
    ('Sanne Janssen', 'mevrouw Janssen'; not 'Restaurant De Gouden Leeuw')."""
    f = fold(word)
    if f in first_names_folded() or re.fullmatch(r"(?:[A-Z]\.)+", word):
        return True
    before = re.search(r"([\w.]+)\s+$", text[max(0, start - 25) : start])
    return bool(
        f in surnames_folded()
        and before
        and (
            fold(before.group(1)) in first_names_folded()
            or re.fullmatch(r"(?i)" + TITLE_WORDS, before.group(1))
        )
    )


def find_ages(text: str) -> list[Detection]:
    """Ages of a person: '(43)', '17-jarige', '38 jaar oud', 'is 52', 'ik ben vierenveertig',
    'een jongen van 8', 'rond de 70', '~60', 'toen ik zeventien was'.

    Age limits and groups ('jongeren tussen 12 en 23', 'vanaf 18 jaar') and durations ('drie
    jaar schuldsanering') have none of these contexts and stay.
    """
    found = []
    for pattern in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            if (
                "word" in pattern.groupindex
                and m.group("word")
                and m.group("word").lower().rstrip(".") in score_words()
            ):
                continue  # 'financiën (2)': a score on a life domain, not an age
            if (
                pattern in (_NAME_OF_AGE, _NAME_OF_AGE_IN_MONTHS)
                and fold(m.group("word")) not in first_names_folded()
            ):
                continue  # 'Omar van 12' is an age; 'Sittard van 12' is not a person
            if pattern is _AGE_APPOSITION and m.group("word") != ")":
                # a listed first name or surname is a person even at the start of a line and
                # before another number ('Tyrone, 19, Kerkrade', 'Lara Akkermans, 15, 3 havo')
                named = _listed_person(text, m.start("word"), m.group("word"))
                if text.startswith(".", m.end()) and not named and m.group("word") != ")":
                    continue  # 'Brunssum, 12.': an age ends a sentence only after a person
                if not named and (
                    sentence_start(text, m.start("word"))
                    or fold(m.group("word")) in everyday_words()
                    or re.match(r",\s*\d", text[m.end() :])
                ):
                    continue  # 'Mevrouw, 2 jaar, ...' / 'Looptijd, 3 jaar,' / 'Kerkstraat, 12, 14': no age
            value = m.group("n")
            if value.lower() == "een":
                continue  # 'het is een jaar of drie geleden': the article, not an age of 1
            n = number_value(value) or 0
            if 0 < n < 120:
                found.append(Detection(m.start("n"), m.end("n"), LEEFTIJD, value, "leeftijd"))
    for d in list(found):
        for m in _AGE_AND.finditer(text, d.end):
            if m.start() != d.end:
                break
            start = m.start("n")
            found.append(Detection(start, m.end("n"), LEEFTIJD, m.group("n"), "leeftijd-reeks"))
            d = found[-1]
    for m in _AGE_LIST.finditer(text):
        group = next(g for g in ("list", "list2", "list3", "list4") if m.group(g))
        for n in re.finditer(r"\d+", m.group(group)):
            start = m.start(group) + n.start()
            found.append(Detection(start, start + len(n.group()), LEEFTIJD, n.group(), "leeftijd-reeks"))
    return [d for d in found if not is_age_limit_or_score(text, d.start, d.end)]


_RANGE_AFTER = re.compile(r"\s*(?:tot(?:\s+en\s+met)?|t/m)\s+\d")
_LIMIT_BEFORE = re.compile(
    r"(?i)\b(?:tussen|vanaf|tot|t/m|doelgroep|leeftijdsgrens|plicht\s+tot|onder\s+de|boven\s+de)\s+$"
)
_LEGAL_AGE = re.compile(r"(?:16|18|21|23)(?:e|de)")
_UNTIL_ONES = re.compile(r"(?i)\b(?:tot|na)\s+(?:zijn|haar|z'n|d'r|hun|je|jouw)\s+$")
_WORD_BEFORE_PARENTHESIS = re.compile(r"(?i)\b([\w&]+)\s*\(\s*$")
_SCORE_BEFORE = re.compile(r"(?i)\b[\w&]+\s+[1-5]\s*\((?:was|van|nu|eerst)?\s*$")


# 'N jaar' and a word that goes on the clause: a duration ('26 jaar als chauffeur', '31 jaar in
# de keuken', 'twintig jaar droog', 'drie jaor geleie'); an age ends it ('16 jaar oud', '34 jaar en')
_WORD_AFTER_YEARS = re.compile(
    r"\s*(?:jaar|jaor|joar|jr)[^\S\n]+(?P<w>[a-zà-ÿ][\w'’\-]*)"
)  # ('17 jr. doorverwezen': a full stop)
_AGE_WORDS_AFTER_YEARS = frozenset(
    "oud oude aud jong en maar toen was is wordt werd geworden gewaore zegt zei denk denkt dus hoor toch ofzo "
    "nu ben bent of zijn waren heeft had hij ze zij ik die".split()
)
_WAITING_BEFORE = re.compile(r"(?i)\b(?:wachtlijst|wachttijd|looptijd|inschrijfduur|termijn)\b[^.\n]{0,30}$")


def is_age_limit_or_score(text: str, start: int, end: int) -> bool:
    """'leeftijd 14 t/m 18', 'doelgroep 12 tot 23 jaar', 'kwalificatieplicht tot 18 jaar': an
    age limit or group; 'Financiën 3 (was 2)': a score on a life domain; '24/7'; '26 jaar als
    chauffeur', 'wachtlijst 5 jaar': a duration. No one's age."""
    before = text[max(0, start - 30) : start]
    if text.startswith("24/7", start) or text.endswith("24/", 0, start):
        return True  # 'bereikbaar 24/7'
    if _RANGE_AFTER.match(text, end) or _LIMIT_BEFORE.search(before):
        return True
    if _LEGAL_AGE.fullmatch(text, start, end) and _UNTIL_ONES.search(before):
        return True  # 'tot zijn 18e kwalificatieplichtig', 'na haar 18e verjaardag': a legal age
    after_year = _WORD_AFTER_YEARS.match(text, end)
    waiting = _WAITING_BEFORE.search(text, max(0, start - 50), start)
    if (after_year and after_year.group("w") not in _AGE_WORDS_AFTER_YEARS) or waiting:
        return True  # 'werkte 26 jaar als chauffeur', 'al twintig jaar droog', 'wachtlijst 5 jaar'
    score = _SCORE_BEFORE.search(before)
    if score and fold(score.group().split()[0]) in score_words():
        return True
    # 'werk en opleiding (2)': a score in parentheses after a domain's name
    domain = _WORD_BEFORE_PARENTHESIS.search(before)
    return bool(
        domain
        and text.startswith(")", end)
        and fold(domain.group(1)) in score_words()
        and text[start:end].isdigit()
        and 1 <= int(text[start:end]) <= 5
    )


# a bare number right after a name in a list of people, closing its item: 'Lana 10, Omar 7,
# Karim 2', 'fleur 12.'; not a time ('Kim 10.30'), a count ('Storm 2 keer') or a house number
_NUMBER_AFTER_NAME = re.compile(r"[^\S\n]+(?P<n>[1-9]?\d)(?=[^\S\n]*(?:[,;)]|en[^\S\n]|\.(?![\w])|\n|\Z))")


def ages_after_names(text: str, names: Iterable[Detection]) -> list[Detection]:
    """The age written right after a found name: 'drie kinderen (Lana 10, Omar 7, Karim 2)'."""
    found = []
    for d in names:
        m = _NUMBER_AFTER_NAME.match(text, d.end)
        if d.kind == PERSOON and m and not is_age_limit_or_score(text, m.start("n"), m.end("n")):
            found.append(Detection(m.start("n"), m.end("n"), LEEFTIJD, m.group("n"), "leeftijd-na-naam"))
    return found
