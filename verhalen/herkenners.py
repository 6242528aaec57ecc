"""Our own detectors for Dutch identifiers, where deduce alone is known to be weak.

Every detector is a pure function ``text -> list[Detection]``. Offsets are character offsets
into the text (``text[start:end] == detection.text``).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import OSA

# Kinds of identifiers, shared with pseudonimisering.py and the corpus labels.
PERSOON = "persoon"
ADRES = "adres"
POSTCODE = "postcode"
LOCATIE = "locatie"
BSN = "bsn"
IBAN = "iban"
TELEFOON = "telefoon"
EMAIL = "email"
DATUM = "datum"
LEEFTIJD = "leeftijd"
INSTELLING = "instelling"
URL = "url"
ID = "id"


@dataclass(frozen=True)
class Detection:
    """One identifier found in a text.

    ``key`` groups detections that denote the same thing (e.g. ``"client"`` for every
    spelling of the client's own name), so they get the same pseudonym.
    """

    start: int
    end: int
    kind: str
    text: str
    source: str
    key: str | None = None


@dataclass(frozen=True)
class KnownIdentity:
    """A value from the ``identiteiten`` table: soort (voornaam, naaste, adres, ...) and waarde."""

    soort: str
    waarde: str


MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
]  # fmt: skip

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))


def _find(pattern: re.Pattern[str], text: str, kind: str, source: str) -> list[Detection]:
    return [Detection(m.start(), m.end(), kind, m.group(), source) for m in pattern.finditer(text)]


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


# --- BSN -------------------------------------------------------------------------------------


def elfproef(number: str) -> bool:
    """The BSN eleven-test: sum(d_i * (9..2)) - d_9 is a multiple of 11 (and not all zeros)."""
    ds = digits(number)
    if len(ds) == 8:
        ds = "0" + ds
    if len(ds) != 9 or int(ds) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(ds[:8], range(9, 1, -1), strict=True)) - int(ds[8])
    return total % 11 == 0


_BSN_CANDIDATE = re.compile(r"(?<![\w.,+\-/])\d(?:[ .\-]?\d){8}(?![\w]|[.,\-/]\d)")
_BSN_KEYWORD = re.compile(
    r"(?i)\b(?:bsn|burgerservicenummer|sofi-?nummer)\b[\s:.\-#]*(?:nr\.?|nummer)?[\s:.]*"
    r"(\d(?:[ .\-]?\d){7,8})(?!\d)"
)


# 'Beschikkingsnummer: 202403117', 'zaaknr. 123456782': another kind of number, labelled
_OTHER_NUMBER_LABEL = re.compile(
    r"(?i)(?:\b(?!burgerservice|sofi)[a-z]+(?:nummer|nr\.?)|\b(?:kenmerk|referentie|ref\.?|factuur))\s*[:#]?\s*$"
)


def is_other_number(text: str, start: int) -> bool:
    """Whether the number at ``start`` is labelled as another kind of number than a BSN."""
    return bool(_OTHER_NUMBER_LABEL.search(text, max(0, start - 30), start))


def find_bsn(text: str) -> list[Detection]:
    """Nine-digit numbers (optionally grouped) passing the elfproef, unless labelled as another
    kind of number ('Beschikkingsnummer: ...'); any number after 'BSN'."""
    found = [
        Detection(m.start(), m.end(), BSN, m.group(), "elfproef")
        for m in _BSN_CANDIDATE.finditer(text)
        if elfproef(m.group()) and not is_other_number(text, m.start())
    ]
    for m in _BSN_KEYWORD.finditer(text):
        found.append(Detection(m.start(1), m.end(1), BSN, m.group(1), "bsn-trefwoord"))
    return found


# --- IBAN ------------------------------------------------------------------------------------


def iban_valid(value: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97."""
    s = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    rearranged = s[4:] + s[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


_IBAN_CANDIDATE = re.compile(
    r"(?i)(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?!\w)"
)
_IBAN_NL_SHAPE = re.compile(r"(?i)NL\d{2}[A-Z]{4}\d{10}")


def find_iban(text: str) -> list[Detection]:
    """IBANs with a valid mod-97 check digit; Dutch-shaped ones (NL99AAAA9999999999) always."""
    found = []
    for m in _IBAN_CANDIDATE.finditer(text):
        compact = re.sub(r"\s", "", m.group())
        if iban_valid(compact) or _IBAN_NL_SHAPE.fullmatch(compact):
            found.append(Detection(m.start(), m.end(), IBAN, m.group(), "iban"))
    return found


# --- postcode --------------------------------------------------------------------------------

_TWO_LETTER_WORDS = {
    "en", "de", "op", "in", "is", "te", "om", "al", "na", "of", "nu", "ik", "je", "ze", "we", "er",
    "zo", "ja", "uw", "me", "ge", "an", "as", "at", "to", "by", "he", "be", "it", "on", "or",
    "eu", "pp", "kg", "km", "cm", "mm", "ml", "uur", "nr", "st", "ct", "ex", "hh",
}  # fmt: skip
_POSTCODE = re.compile(r"(?<![\w\-])([1-9]\d{3})( ?)([A-Za-z]{2})(?![\w\-])")


_YEAR_BEFORE = re.compile(r"(?i)\b(?:sinds|in|vanaf|tot|na|voor|begin|eind|medio|per|jaar)\s+$")


def find_postcodes(text: str) -> list[Detection]:
    """Dutch postcodes (1234 AB, 1234AB, 1234 ab); lowercase only when not a common word."""
    found = []
    for m in _POSTCODE.finditer(text):
        letters = m.group(3)
        if letters.upper() in {"SA", "SD", "SS"}:
            continue
        if not letters.isupper() and letters.lower() in _TWO_LETTER_WORDS:
            continue
        if _YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()) and re.match(r"(?:19|20)\d\d$", m.group(1)):
            continue
        found.append(Detection(m.start(), m.end(), POSTCODE, m.group(), "postcode"))
    return found


# --- phone numbers ---------------------------------------------------------------------------

_SEP = r"(?:[ \-.–]| [\-.–] )?"  # '06-1234', '06 1234', '040 - 2 51 77 43', '045 – 532 18 40'
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00) ?31" + _SEP + r"(?:\(0\)" + _SEP + r")?\d(?:" + _SEP + r"\d){8}"
    r"|\(0\d{1,3}\)" + _SEP + r"\d(?:" + _SEP + r"\d){4,7}"
    r"|0\d(?:" + _SEP + r"\d){8}"
    r")(?!\w)"
)
_DATE_LIKE = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")


def normalize_phone(value: str) -> str:
    """Digits in national form: +31 6 1234 5678 and 0031612345678 both become 0612345678."""
    s = re.sub(r"\(0\)", "", value)
    ds = digits(s)
    if s.lstrip().startswith("+31"):
        ds = "0" + ds[2:]
    elif ds.startswith("0031"):
        ds = "0" + ds[4:]
    return ds


_FOREIGN_PHONE = re.compile(r"(?<![\w+])\+(?!31)[1-9]\d{0,2}(?:[ \-.]?\(?\d\)?){6,12}(?!\w)")


_GENERAL_NUMBER = re.compile(
    r"(?i)(?:\b(?:algeme(?:en|ne)|centrale?|hoofd)\s*nummer\s*(?:is|van\s+(?:\w+\s+){0,2}\w+)?\s*[:(]?|\balgemeen\s*[:.]|"
    r"\b(?:wijkteam|gemeente|loket|klantcontactcentrum|servicepunt)\b[^.\n\d]{0,30}\bvia|"
    r"\b(?:telefoon)?nummer\s+(?:van\s+)?(?:het\s+|de\s+)?(?:wijkteam|jongerenwerk|gemeente|loket|team|kantoor)\b[^.\n\d]{0,20}?[:(]?)\s*$"
)  # 'Algemeen: 0475-...', 'het wijkteam kan bellen via 045-...'


_GENERAL_AFTER = re.compile(r"(?i)\s*\([^)\n]{0,20}\b(?:algemeen|centrale|receptie|hoofdnummer)\b[^)\n]{0,20}\)")


def is_general_number(text: str, start: int, end: int | None = None) -> bool:
    """'het algemene nummer 088 - 880 5000', '045 - 567 22 00 (algemeen)': the number of a
    public body or team (the number runs from ``start`` to ``end``)."""
    before = _GENERAL_NUMBER.search(text[max(0, start - 40) : start])
    if before or (end is not None and _GENERAL_AFTER.match(text, end)):
        return True
    # a landline marked T in a signature right after a public body: 'Partners in Welzijn T 046 -
    # 458 80 00' (a mobile there is the worker's own: '| Partners in Welzijn 06-...')
    if text[start : start + 2] == "06":
        return False
    offset = max(0, start - 80)
    return any(
        re.fullmatch(r"[\s|:]*(?:T|Tel\.?|tel\.?|telefoon)[\s:.]*", text[offset + e : start])
        for _, e in public_spans(text[offset:start])
    )


def is_service_number(value: str) -> bool:
    """0800 (free) and 090x (paid) numbers belong to a service or helpline, never to a person."""
    return bool(re.match(r"0(?:800|90\d)", digits(value)))


def find_phones(text: str) -> list[Detection]:
    """Dutch phone numbers: 06-12345678, 06 12 34 56 78, +31 6 ..., 0031 ..., (046) 452 11 00;
    foreign numbers with their country code (+48 512 330 871)."""
    found = _find(_FOREIGN_PHONE, text, TELEFOON, "telefoon-buitenland")
    for m in _PHONE.finditer(text):
        value = m.group()
        if _DATE_LIKE.match(value):
            continue
        number = normalize_phone(value)
        if is_general_number(text, m.start(), m.end()) or is_service_number(value):
            continue  # 'het algemene nummer 088 - 880 5000' of a public body or team: no person's
        if len(number) == 10 and number.startswith("0") and not number.startswith("00"):
            found.append(Detection(m.start(), m.end(), TELEFOON, value, "telefoon"))
    return found


# --- e-mail and URL --------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?i)(?<![\w.+\-])[\w.+\-]+ ?(?:@|\(at\)|\[at\]) ?[\w\-]+(?:(?:\.|\(dot\)|\[dot\])[\w\-]+)*"
    r"\.[a-z]{2,}(?![\w])"
)
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)]")


def find_emails(text: str) -> list[Detection]:
    """E-mail addresses, also written as naam(at)domein.nl or naam [at] domein.nl. A desk's
    address ('wmo.loket@sittard-geleen.nl') goes too: the conventions make no exception for
    e-mail, and a wrong guess would publish someone's address."""
    return _find(_EMAIL, text, EMAIL, "email")


def find_urls(text: str) -> list[Detection]:
    return _find(_URL, text, URL, "url")


# --- dates -----------------------------------------------------------------------------------

_DAY_MONTH = re.compile(
    r"(?i)(?<![\w\-/.])([0-3]?\d)(?:e|ste|de)? (" + _MONTH_ALT + r")\.?(?: ('?\d{4}|'\d{2}))?(?![\w])"
)
_NUMERIC_DATE = re.compile(
    r"(?<![\w\-/.,])(?:([0-3]?\d)[-/.]([01]?\d)[-/.](\d{4}|\d{2})|(\d{4})-([01]\d)-([0-3]\d))(?![\w\-/])"
)
# '14/6', '3-5' only with a slash; '16/3' is a date in notes, '3-5' is as often a score range
_DAY_SLASH_MONTH = re.compile(r"(?<![\w\-/.,€])([0-3]?\d)/([01]?\d)(?![\w/]|[.,]\d)")
# '19-02', '14-6' (descending: a score range '3-5' ascends), 'sinds 1-7' with a date word before
_DAY_DASH_MONTH = re.compile(r"(?<![\w\-/.,€])([0-3]?\d)-([01]?\d)(?![\w\-/]|[.,]\d)")
_TIME_AFTER = re.compile(r",?\s+(?:om\s+)?[0-2]?\d[:.][0-5]\d(?!\d)")
_COUNTED = re.compile(  # '6/7 gasten', '3-4 jongeren': a number of people, not a date
    r"\s+(?:gasten|jongeren|jongens|meiden|meisjes|mensen|man|vrouwen|kinderen|personen|deelnemers|bewoners|"
    r"gezinnen|huishoudens|keer|dagen|weken|maanden|uur|stuks)\b"
)
_DATE_WORD_BEFORE = re.compile(r"(?i)\b(?:sinds|vanaf|per|op|tot|t/m|d\.d\.|dd|datum)\s*:?\s*$")
_MONTH_YEAR = re.compile(r"(?i)(?<![\w])(" + _MONTH_ALT + r")\.? (\d{4})(?![\w])")


def find_dates(text: str) -> list[Detection]:
    """Dates with day and month: '3 maart', '3 mrt.', '3 maart 2024', '03-03-2024', '2024-03-03', '16/3'.

    A weekday before the date stays ('maandag 3 maart' -> '3 maart'); month and year alone
    ('maart 2024') is not a date of a person's life and stays too.
    """
    found = []
    for m in _DAY_MONTH.finditer(text):
        if 1 <= int(m.group(1)) <= 31:
            found.append(Detection(m.start(), m.end(), DATUM, m.group(), "dag-maand"))
    for m in _NUMERIC_DATE.finditer(text):
        if parse_date_parts(m.group()) is not None:
            found.append(Detection(m.start(), m.end(), DATUM, m.group(), "datum"))
    for m in _DAY_SLASH_MONTH.finditer(text):
        if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12 and m.group() != "24/7" and not _COUNTED.match(text, m.end()):
            found.append(Detection(m.start(), m.end(), DATUM, m.group(), "dag/maand"))
    for m in _DAY_DASH_MONTH.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        # a leading zero ('02-11', '19-02') or a time after it ('2-11 18:02', a chat) makes a date
        padded = any(len(g) == 2 and g.startswith("0") for g in (m.group(1), m.group(2)))
        if _COUNTED.match(text, m.end()):
            continue
        if padded or _TIME_AFTER.match(text, m.end()) or day > month or _DATE_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            found.append(Detection(m.start(), m.end(), DATUM, m.group(), "dag-maand-streep"))
    return found


def parse_date_parts(value: str) -> tuple[int | None, int, int | None] | None:
    """(day, month, year) from a date as written; day or year may be missing; None if unclear."""
    s = value.strip().lower()
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return (d, mo, y) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = re.search(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})", s)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        if y < 100:
            y += 2000 if y < 50 else 1900
        return (d, mo, y) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", s)
    if m:
        d, mo = (int(g) for g in m.groups())
        return (d, mo, None) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = re.search(r"(?:(\d{1,2})\w*\s+)?(" + _MONTH_ALT + r")\b\.?(?:\s+'?(\d{2,4}))?", s)
    if m:
        day = int(m.group(1)) if m.group(1) else None
        year = None
        if m.group(3):
            year = int(m.group(3))
            if year < 100:
                year += 2000 if year < 50 else 1900
        return (day, MONTHS[m.group(2)], year)
    return None


def month_label(value: str) -> str | None:
    """'12 maart 2024' -> 'maart 2024'; '3 mrt' -> 'maart'; None when no month can be read."""
    parts = parse_date_parts(value)
    if parts is None:
        return None
    _, month, year = parts
    name = MONTH_NAMES[month - 1]
    return f"{name} {year}" if year else name


# --- ages ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _score_words() -> frozenset[str]:
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
    r"(?:(?P<ten>" + _spelling_alt(_TEN_STEMS) + r")[tz]?(?:ig|ich|eg|ech)|(?P<teen>" + _spelling_alt(_TEEN_STEMS) + r")t?(?:ien|ieën|iene))"
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


_SEPARATOR = "\x00"  # a space or hyphen in a phrase: either may be written


def _trie_pattern(words: Iterable[str], *, caseless: bool = False, separators: bool = False) -> str:
    """One regex for a set of words, as a trie: the same matches as 'longest|...|shortest',
    but the engine tries one branch per letter instead of every word at every position.

    ``caseless``: for a pattern compiled with IGNORECASE (letters folded to lowercase, so
    'Born' and 'born' share a branch); ``separators``: a space or hyphen matches either."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            if caseless and len(ch.lower()) == 1:
                ch = ch.lower()
            if separators and ch in " -":
                ch = _SEPARATOR
            node = node.setdefault(ch, {})
        node[""] = {}

    def piece(ch: str) -> str:
        return r"[ \-]" if ch == _SEPARATOR else re.escape(ch)

    def build(node: dict) -> str:
        ends = "" in node
        branches = [piece(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def phrases_pattern(phrases: Iterable[str], *, separators: bool = True) -> str:
    """Case-insensitive alternation of phrases (for IGNORECASE), the longest phrase winning
    where several match; with ``separators`` a space or hyphen in a phrase matches either."""
    return _trie_pattern(phrases, caseless=True, separators=separators)


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
_BECAME = r"(?:geworden|gew(?:o|oo|oe|ao|oa|ó|uu)r(?:d)?e(?:n)?)"  # 'geworden', 'gewaore', 'gewoere', 'gewoorde'
# a number in digits (never the first digits of a longer number) or any word: find_ages keeps
# the words that write a number (number_value), so spellings nobody listed count too
_N = r"(?P<n>\d{1,3}(?!\d)|[^\W\d_]+(?:-[^\W\d_]+)*)"
# after the number: the end of a clause, 'jaar' (not 'jaar geleden/lang'), 'geworden', 'was'
_AGE_END = (
    r"(?=\s*(?:[.,;:!?)(\[\n—–\"“”'’\u2600-\u27bf\U0001f300-\U0001faff]|$|\d{1,2}:\d{2}\b|/(?=\d{1,2}\b)|of\s+(?:\d{1,2}|" + _NUM_WORD_ALT + r")(?=\s*(?:[.,;:!?)\n]|$|denk|geloof|schat|ofzo|zegt))|"
    r"of\s+zo(?:iets|eiets)?\b|gew\.|"
    r"(?:en|maar|toen|eigenlijk|nu|(?:volgende|komende|vorige)\s+(?:week|maand)|" + _BECAME + r"|was|wordt|weurt|is|" + _YEAR + r"|zegt|zei|"
    r"denk|denkt|geloof|hoor|toch|dus|ofzo|of\s+zo|hij|ze|zij|ik|die|in\s+(?:" + _MONTH_ALT + r"))(?![\w])"
    r"(?<!jaar)(?<!jaor)(?<!joar)(?<!jr)(?<!jr\.)|-(?=\d)|" + _YEAR + r"(?!\s+(?:geleden|geleje|gelede|lang|later|eerder|bij|in|schuld|"
    r"getrouwd|samen|werkloos|ervaring|oud(?:er)?\s+dan))))"
)
_AGE_PATTERNS = [
    # 'Moeder (38)', '(67; volgens ...)', '(~60)', 'Dhr. Hendrix (67)'
    # (the word only from its first letter: the same matches, without retrying every suffix)
    # (a word on the same line: '(1) grip op de financiën' numbers a list)
    re.compile(r"(?<![^\W\d_])(?P<word>[^\W\d_]+\.?)[^\S\n]?\((?:~|ca\.?\s?|rond\s|±\s?)?(?P<n>[1-9]\d?|1[01]\d)(?:\s?" + _YEAR + r"|j)?(?:[);,!?]|(?=[/\-–]\d{1,2}\s?[);,]))"),
    # 'Lies: 15j, wordt in januari 16': the compact 'j' of a chat is a year of age
    re.compile(r"(?<![\w,.])(?P<n>[1-9]\d?)j(?![\w])"),
    re.compile(r"(?i)(?<![\w,.])" + _N + r"[ -]?jarige?\b"),
    re.compile(r"(?i)(?<![\w,.])" + _N + r" ?" + _YEAR + r" oud\b"),
    re.compile(r"(?i)\b(?:leeftijd(?:\s+van|(?:\s+\w+)?\s*:)?|lft\.?:?)\s*" + _N + r"\b"),
    # 'een jongen van een jaar of 16', 'ze is een jaar of veertig' (not 'een jaar of 3 geleden')
    re.compile(r"(?i)\been\s+jaar\s+of\s+" + _N + r"(?![\w,.]\d)(?!\s+(?:geleden|lang|later|terug|eerder))"),
    # 'met zijn 16 jaar is hij de jongste'
    re.compile(r"(?i)\bmet\s+(?:zijn|haar|z'n|d'r|mijn|m'n|je|hun)\s+" + _N + r"(?:\s+" + _YEAR + r")?(?=\s*[,.;]|\s+(?:is|was|ben|kan|mag|moet|heeft|had|wil|werd|wordt)\b)"),
    # 'Dhr. Bekkers, 44 jaar, alleenstaand': an age in apposition
    _AGE_APPOSITION := re.compile(r"(?<![\w'’\-])(?P<word>[A-Z]\.(?:[A-Z]\.)+|[A-ZÀ-Ý][\w'’\-]+|\)),\s+(?P<n>[1-9]\d?|1[01]\d|(?i:" + _NUM_WORD_ALT + r"))(?:\s?(?i:" + _YEAR + r"))?(?=\s*[,;)]|\s+(?:en|oud)\b|\.\s|[ \t]*(?:\n|$))"),
    # 'zestien is ze', '17 is hij nu'
    # (any word first, checked for a number afterwards: cheaper than the number alternation)
    # ('N jaar is ze al bezig' is a duration, so no 'jaar' here)
    re.compile(r"(?i)(?<![\w,.])(?<!vanaf\s)(?<!tot\s)(?P<n>\w+)\s+(?:is|was|wordt|werd|ben)\s+(?:ze|zij|hij|ie|ik|je)\b(?!\s+(?:al|nu)?\s*(?:bij|in|op|aan|getrouwd|samen|weg))"),
    # 'is 74', 'Ik ben 72.', 'ze is pas 13', 'is volgens hem 86', 'ben ik vierenveertig jaar'
    re.compile(
        r"(?i)\b(?:is|ben|bent|bin|was|waor|woar|werd|wordt|zijn|waren|word|weurt|wuurt|wurt)(?:\s+(?:ik|ich|hij|ie|hae|ze|zij|zie|u|je|jij))?"
        r"(?:\s+(?:volgens\s+\w+|nu|noe|pas|al|net|inmiddels|bijna|ruim|ongeveer|rond\s+de|zo'n|zelf|zeker|sjus|ook|nog|mer|steeds|"
        r"dit\s+jaar|vandaag|morgen|gisteren|onlangs|laatst|straks|binnenkort|toen|nog\s+maar|maar|"
        r"precies|boven\s+de|onder\s+de|nog\s+geen|(?:volgende|vorige|deze|afgelopen)\s+(?:week|maand)|"
        r"(?:volgend|vorig)\s+jaar|in\s+(?:" + _MONTH_ALT + r")))*\s+"
        + _N + r"(?![\w,.]\d)" + _AGE_END
    ),
    # '~60', 'rond de 70', 'ruim 40', 'inmiddels 68', 'een jongen van 8', 'op mijn 12', 'toen ik 17 was'
    re.compile(r"(?<![\w~])~\s?(?P<n>[1-9]\d?|1[01]\d)(?![\w,.]\d)"),
    re.compile(
        r"(?i)\b(?:rond(?:\s+de)?|ruim|inmiddels|bijna|ongeveer|ong\.?|begin|eind|midden|zeker|circa|allebei|beiden|zelf)\s+" + _N + r"(?![\w,.]\d)"
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
        r"(?:,?\s+(?-i:[A-ZÀ-Ý][\w'’\-]+),?)?\s+van\s+(?:rond\s+de\s+|ongeveer\s+|ca\.?\s+|in\s+de\s+)?" + _N
        + r"(?![\w,.]\d)(?!\s*(?:euro|€|kilo|km|meter|cm|centimeter|uur|dagen|jaar\s+geleden))"
    ),
    # 'voor iemand van 74 met een nieuwe heup'
    re.compile(r"(?i)\biemand\s+van\s+(?:rond\s+de\s+|ongeveer\s+|in\s+de\s+)?" + _N
               + r"(?![\w,.]\d)(?!\s*(?:euro|€|kilo|km|meter|cm|uur|dagen|jaar\s+geleden))"),
    re.compile(r"(?i)\bop\s+" + _POSSESSIVE + r"\s+" + _N + r"(?:e|ste|de)?(?![\w,.]\d)(?:\s+(?:jaar|jr))?(?=\s*[.,;:!?)]|\s+(?:naar|kwam|ging|werd|begon|in|van|verhuisd|getrouwd|trouwde|overleden|gestopt|begonnen|de|het))"),
    re.compile(r"(?i)\b(?:toen|sinds|vanaf|tot|voordat|nadat)\s+(?:" + _PRONOUN + r"|mijn\s+\w+)\s+" + _N + r"(?:\s+" + _YEAR + r")?\s+(?:oud\s+)?(?:was|werd|waren|waor|woar|woor|waas|wier)\b"),
    # 'op zijn 14e', 'vanaf zijn achtste', 'sinds zijn twaalfde', 'op mijn tachtigste'
    re.compile(r"(?i)\b(?:op|vanaf|van|sinds|tot|na|voor|vóór|rond)\s+" + _POSSESSIVE + r"\s+(?P<n>\d{1,3}(?:e|ste|de)\b|(?:" + _ORDINAL_ALT + r")(?!\w))"),
    # 'tachtig geworden', 'vieftig gewoare', 'die in februari 2 is geworden' (not 'het zijn er 12 geworden')
    re.compile(r"(?i)(?<![\w,.])(?<!\ber\s)" + _N + r"(?:\s+" + _YEAR + r")?\s+(?:is\s+|zijn\s+)?" + _BECAME + r"\b"),
    # 'die volgende maand negentig wordt.'
    re.compile(r"(?i)(?<![\w,.])" + _N + r"\s+(?:wordt|weurt|wuurt)(?=\s*[.,;:!?)\n]|$|\s+(?:en|maar)\b)"),
    # 'nu Elif net drie is', 'omdat hij pas 15 was'
    re.compile(r"(?i)\b(?:net|pas|bijna|nog\s+maar|inmiddels|nog\s+steeds|steeds)\s+" + _N + r"\s+(?:is|was|ben|bent|wordt|werd|geworden)(?=\s*[.,;:!?)\n]|$|\s+(?:en|maar|geworden)\b)"),
    # '(moeder, 31)', 'ibo (nieuw, 12)', '(vrijwilliger, zelf 68, ...)', '(beiden 17)', '(ca 15-16)'
    re.compile(r"\((?:(?P<word>[^\W\d_][^()\n,\d]{0,29}),\s*(?:(?i:zelf|ca\.?|circa|ongeveer|ong\.?)\s*)?|(?i:beiden|allebei|beide|zelf|ca\.?|circa|ongeveer|ong\.?)\s*)"
               r"(?P<n>[1-9]\d?|1[01]\d)(?=\s*(?:[-–]\s*\d{1,2}\s*)?(?:" + _YEAR + r"\s*)?\+?[),;])"),
    # 'die 28 is', 'dat hij 18 was', 'sinds ik 6 ben': the verb closes the clause
    re.compile(r"(?i)\b(?:die|dat\s+(?:hij|ze|zij|ik|ie|je|u)|(?:omdat|sinds|toen|nu|als|of)\s+(?:hij|ze|zij|ik|ie|je|u))\s+(?:al\s+|pas\s+|nog\s+|net\s+|bijna\s+)?" + _N
               + r"(?:\s+" + _YEAR + r")?\s+(?:is|was|ben|bent|wordt|werd|waren)(?=\s*[.,;:!?)\"”'’]|$|\s+(?:en|maar|of|toen)\b)"),
    # 'met zestien zat ik beneden'
    re.compile(r"(?i)\bmet\s+" + _N + r"\s+(?:zat|ging|kwam|werd|was|moest|begon|stond|werkte|ben|had|heb|liep|mocht|kon|"
               r"vind|vond|krijg|kreeg|kun|kan|mag|moet|word|wordt|heeft|hoor|telt)\s+" + _PRONOUN + r"\b"),
    # 'was ich al in de vieftig'
    re.compile(r"(?i)\bin\s+de\s+(?P<n>" + _TENS_ALT + r")(?=\s*[.,;:!?)\n]|$|\s+(?:en|maar|was|is|toen|geweest|ben)\b)"),
    # 'zegt 14 maar lijkt 12', '(zegt 16, lijkt jonger)', 'zou 20 zijn': the age someone gives or seems
    re.compile(r"(?i)\b(?:zegt|zei|zeet|zaet|lijkt|leek)\s+(?:zelf\s+|eerst\s+|me\s+|wel\s+)?" + _N + r"(?![\w,.]\d)"
               r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:maar|te\s+zijn|of\s+zo|ofzo|jaar|jr)\b)"),
    re.compile(r"(?i)\bzou\s+(?:al\s+|pas\s+|nu\s+)?" + _N + r"\s+(?:" + _YEAR + r"\s+)?zijn\b"),
    # 'schat hem 17', 'ik schat haar op 40'
    re.compile(r"(?i)\bschat(?:te)?\s+(?:ik\s+)?(?:(?:hem|haar|m|'m|ze|hen|hun)\s+)?(?:op\s+)?" + _N + r"(?![\w,.]\d)" + _AGE_END),
    # 'geb. 2 mei 1990 (34)': the age after a year of birth
    re.compile(r"\b(?:19|20)\d\d\s?\((?P<n>[1-9]\d?|1[01]\d)(?:\s?" + _YEAR + r")?\)"),
    # 'twee meiden, een van 16 en een van 15'
    re.compile(r"(?i)\been\s+van\s+" + _N + r"(?=\s+en\s+een\s+van\s+\d|\s*[,;]\s*(?:de\s+ander|een\s+van)\b)"),
    re.compile(r"(?i)(?<=\d\sen\s)een\s+van\s+" + _N + r"(?![\w,.]\d)(?=\s*[.,;:!?)]|\s+(?:en|maar)\b)"),
    # 'Omar van 12, die ...' (checked for a listed first name afterwards)
    _NAME_OF_AGE := re.compile(r"(?<![\w'’\-])(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)\s+van\s+(?P<n>[1-9]\d?|(?i:" + _NUM_WORD_ALT + r"))(?=\s*[,;)]|\s+(?:en|die|is)\b)"),
    # 'Finn (zeventien maanden)', 'Noor (6 weken)' (checked for a listed first name afterwards)
    _NAME_OF_AGE_IN_MONTHS := re.compile(r"(?<![\w'’\-])(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)\s?\((?P<n>[1-9]\d?|(?i:" + _NUM_WORD_ALT + r"))\s(?i:maanden|mnd|weken)\)"),
    # 'Meneer Janssen van 87'
    re.compile(r"\b(?i:meneer|mevrouw|mijnheer|juffrouw|dhr\.?|mevr\.?|mw\.?)\s+(?:[A-ZÀ-Ý][\w'’\-]+\s+){1,2}van\s+(?P<n>\d{1,3}(?!\d)|(?i:" + _NUM_WORD_ALT + r"))(?![\w,.]\d)"
               r"(?!\s*(?i:" + _MONTH_ALT + r"|euro|€|kilo|km|meter|uur|jaar\s+geleden|nummer|nr))"),
]


_AGE_LIST = re.compile(
    r"(?i)\b(?:kinderen|kids|zonen|zoons|dochters|jongens|meisjes|kleinkinderen|tweeling|broers|"
    r"zussen|zusjes|broertjes)\b(?:\s*:\s*(?P<list3>\d{1,2}(?:\s*(?:,|en|&)\s*\d{1,2})+)(?!\s*(?:euro|€|kilo|uur|maanden|weken|dagen))|[^.()\n]{0,25}?\((?P<list>\d{1,2}(?:\s*(?:,|en|&)\s*\d{1,2})+)"
    r"(?:\s*" + _YEAR + r")?\)|\s+van\s+(?P<list2>\d{1,2}(?:\s*(?:,|en|&)\s*\d{1,2})+)(?!\s*(?:euro|€|kilo|uur|maanden|weken|dagen)))"
)


_AGE_AND = re.compile(
    r"(?:\s*,\s*|\s+(?:en|of)\s+|-|/)(?P<n>[1-9]\d?)(?![\w,.:/]\d|\s*(?:euro|€|%|uur|keer|kinderen|vmbo|havo|vwo|mbo|hbo|klas|groep|gym))"
)  # not the school year after an age: 'Lara, 15, 3 havo'


def _listed_person(text: str, start: int, word: str) -> bool:
    """A listed first name, initials, or a listed surname after a first name or title
    ('Sanne Janssen', 'mevrouw Janssen'; not 'Restaurant De Gouden Leeuw')."""
    f = _fold(word)
    if f in _first_names_folded() or re.fullmatch(r"(?:[A-Z]\.)+", word):
        return True
    before = re.search(r"([\w.]+)\s+$", text[max(0, start - 25) : start])
    return bool(f in _surnames_folded() and before and (
        _fold(before.group(1)) in _first_names_folded() or re.fullmatch(r"(?i)" + _TITLE_WORDS, before.group(1))
    ))


def find_ages(text: str) -> list[Detection]:
    """Ages of a person: '(43)', '17-jarige', '38 jaar oud', 'is 52', 'ik ben vierenveertig',
    'een jongen van 8', 'rond de 70', '~60', 'toen ik zeventien was'.

    Age limits and groups ('jongeren tussen 12 en 23', 'vanaf 18 jaar') and durations ('drie
    jaar schuldsanering') have none of these contexts and stay.
    """
    found = []
    for pattern in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            if "word" in pattern.groupindex and m.group("word") and m.group("word").lower().rstrip(".") in _score_words():
                continue  # 'financiën (2)': a score on a life domain, not an age
            if pattern in (_NAME_OF_AGE, _NAME_OF_AGE_IN_MONTHS) and _fold(m.group("word")) not in _first_names_folded():
                continue  # 'Omar van 12' is an age; 'Sittard van 12' is not a person
            if pattern is _AGE_APPOSITION and m.group("word") != ")":
                # a listed first name or surname is a person even at the start of a line and
                # before another number ('Tyrone, 19, Kerkrade', 'Lara Akkermans, 15, 3 havo')
                named = _listed_person(text, m.start("word"), m.group("word"))
                if text.startswith(".", m.end()) and not named and m.group("word") != ")":
                    continue  # 'Brunssum, 12.': an age ends a sentence only after a person
                if not named and (
                    _sentence_start(text, m.start("word")) or _fold(m.group("word")) in _everyday_words()
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
        group = next(g for g in ("list", "list2", "list3") if m.group(g))
        for n in re.finditer(r"\d+", m.group(group)):
            start = m.start(group) + n.start()
            found.append(Detection(start, start + len(n.group()), LEEFTIJD, n.group(), "leeftijd-reeks"))
    return [d for d in found if not is_age_limit_or_score(text, d.start, d.end)]


_RANGE_AFTER = re.compile(r"\s*(?:tot(?:\s+en\s+met)?|t/m)\s+\d")
_LIMIT_BEFORE = re.compile(r"(?i)\b(?:tussen|vanaf|tot|t/m|doelgroep|leeftijdsgrens|plicht\s+tot|onder\s+de|boven\s+de)\s+$")
_WORD_BEFORE_PARENTHESIS = re.compile(r"(?i)\b([\w&]+)\s*\(\s*$")
_SCORE_BEFORE = re.compile(r"(?i)\b[\w&]+\s+[1-5]\s*\((?:was|van|nu|eerst)?\s*$")


# 'N jaar' and a word that goes on the clause: a duration ('26 jaar als chauffeur', '31 jaar in
# de keuken', 'twintig jaar droog', 'drie jaor geleie'); an age ends it ('16 jaar oud', '34 jaar en')
_WORD_AFTER_YEARS = re.compile(r"\s*(?:jaar|jaor|joar|jr)[^\S\n]+(?P<w>[a-zà-ÿ][\w'’\-]*)")  # ('17 jr. doorverwezen': a full stop)
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
    after_year = _WORD_AFTER_YEARS.match(text, end)
    waiting = _WAITING_BEFORE.search(text, max(0, start - 50), start)
    if (after_year and after_year.group("w") not in _AGE_WORDS_AFTER_YEARS) or waiting:
        return True  # 'werkte 26 jaar als chauffeur', 'al twintig jaar droog', 'wachtlijst 5 jaar'
    score = _SCORE_BEFORE.search(before)
    if score and _fold(score.group().split()[0]) in _score_words():
        return True
    # 'werk en opleiding (2)': a score in parentheses after a domain's name
    domain = _WORD_BEFORE_PARENTHESIS.search(before)
    return bool(domain and text.startswith(")", end) and _fold(domain.group(1)) in _score_words()
                and text[start:end].isdigit() and 1 <= int(text[start:end]) <= 5)


# --- streets and institutions of the region --------------------------------------------------

_HOUSE_NUMBER = r"(?: \d{1,4}(?: ?[a-zA-Z](?![\w]))?(?:[ -]\d{1,3}(?!\d))?)?"
_GENERIC_STREET = re.compile(  # (the lookahead: only a word before a number can match)
    r"(?i)(?<![\w\-])(?=[\w\-']* \d)[a-zà-ÿ][\w\-']*(?:straat|weg|laan|plein|singel|gracht|dreef|hof|pad|steeg|"
    r"kade|markt|dijk|baan|veld|wal|(?<!e)ring|park|allee|hoven|erf|akker|donk)"
    r" \d{1,4}(?: ?[a-zA-Z](?![\w]))?(?![\w])"
)


@lru_cache(maxsize=1)
def regional_streets() -> tuple[str, ...]:
    """Real street names of Brunssum, Weert, Sittard-Geleen and Roermond (shipped data)."""
    with resources.files("verhalen.data").joinpath("straten_regio.csv").open(encoding="utf-8") as f:
        return tuple(row["straat"] for row in csv.DictReader(f))


@lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...], suffix: str) -> re.Pattern[str]:
    return re.compile(r"(?i)(?<![\w\-])(?:" + phrases_pattern(phrases) + r")" + suffix + r"(?![\w])")


def _data_lines(name: str) -> tuple[str, ...]:
    text = resources.files("verhalen.data").joinpath(name).read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


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


# the work a chain is named as, earlier in the same sentence
_WORK_BEFORE = re.compile(
    r"(?i)\b(?:werk\w*|gewerkt|wirk\w*|baan\w*|bijbaan\w*|stage\w*|aangenomen|solliciteer\w*|gesolliciteerd|"
    r"sollicitatie\w*|contract|vakkenvul\w*|kassa\w*|kassière|ontslag\w*|ontslagen|dienst|diensten|uren|"
    r"vakantiewerk|werkgever|collega\w*|leidinggevende|manager|chef|begonnen)\b[^.!?\n]{0,60}$"
)


def regional_institutions() -> tuple[str, ...]:  # the old name, kept for callers
    return public_institutions()


@lru_cache(maxsize=1)
def _deduce_list(*parts: str) -> frozenset[str]:
    """One of deduce's lookup lists (names, streets, places), as written."""
    base = resources.files("deduce").joinpath("data/lookup/src", *parts, "items.txt")
    return frozenset(line.strip() for line in base.read_text("utf-8").splitlines() if line.strip())


@lru_cache(maxsize=1)
def street_names() -> frozenset[str]:
    """Every Dutch street name deduce knows (BAG), folded to lowercase, plus our regional ones."""
    return frozenset(_fold(s) for s in _deduce_list("locations", "lst_street")) | frozenset(
        _fold(s) for s in regional_streets()
    )


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Dutch residences, municipalities, regions and provinces (deduce's lists) and the wijken of
    the region (data/wijken_regio.txt, without those that are also a first name or surname), folded."""
    out: set[str] = set()
    for sub in ("lst_residence", "lst_municipality", "lst_region", "lst_province"):
        out |= {_fold(s) for s in _deduce_list("locations", "lst_placename", sub)}
    names = _first_names_folded() | _surnames_folded()
    out |= {w for w in map(_fold, _data_lines("wijken_regio.txt")) if w not in names}
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
    v = _fold(value.strip(" .,"))
    if v in place_names():
        return True
    if "-" in v and all(p in place_names() for p in v.split("-")):
        return True
    base = _PLACE_SUFFIX.sub("", v)
    return base != v and base in place_names()


_STREET_SUFFIX = (
    r"(?:straat|straot|stroat|steeg|laan|weg|plein|pleintje|singel|gracht|dreef|kade|dijk|markt|boulevard|"
    r"allee|hof|park|pad|baan|veld|wal|ring|erf|akker|donk|kamp|berg|dal|wei|weide|hoek|poort|"
    r"heuvel|broek|rade|straatje|gaard|hoven|tuin|lei|oord)"
)
_STRONG_SUFFIX = re.compile(r"(?i)(?:straat|straot|sjtraot|stroat|steeg|laan|plein|singel|gracht|dreef|boulevard|allee|straatje)$")
_STREET_PREFIX = (
    r"(?:Sint|St\.|Prins|Prinses|Koning|Koningin|Burgemeester|Burg\.|Dr\.|Dokter|Pastoor|"
    r"Kapelaan|Deken|Pater|Mgr\.|Monseigneur|Graaf|Gravin|Hertog|Jonkheer|Mr\.|Professor|Prof\.|"
    r"Generaal|Kardinaal|Paus|Oude|Oud|Nieuwe|Groote|Grote|Kleine|Lange|Korte|Hoge|Lage|Van|Jan|"
    r"Johannes|Willem|Pieter|Hendrik|Jacob|Onze|Lieve|Vrouwe|Heilige|Kerk|Hoofd)"
)
# a house number stays on the street's line: 'Guus: Top\n02-11 18:15' is a reply and a date
_HOUSE_NR = r"(?:[ \t\u00a0]\d{1,4}(?:[ \t]?[a-zA-Z](?![\w])|-[A-Za-z0-9]{1,3}(?![\w])|[ \t][A-Z]\d{1,3}(?![\w]))?(?:[ \t](?:bus|bis|kamer|app\.?|unit)[ \t]\d{1,4})?(?![\d,]\d))"
_CAP = r"[A-ZÀ-Ý][\w'’\-]*"
_STREET_WORD = re.compile(
    r"(?<![\w\-])(?P<name>(?:" + _STREET_PREFIX + r"[ \t](?:" + _CAP + r"[ \t])?)?" + r"[A-ZÀ-Ý][\w'’\-]*"
    + _STREET_SUFFIX + r")(?P<nr>" + _HOUSE_NR + r")?(?![\w])"
)
_STREET_AFTER_PREP = re.compile(
    r"(?i)\b(?:op|aan|in|naar|van|via|bij|langs|over|uit)\s+(?:de|het|'t)\s+"
    r"(?P<name>(?-i:(?:" + _STREET_PREFIX + r"[ \t])?(?:[A-ZÀ-Ý][\w'’\-]*[ \t])?)[\w'’\-]+)(?P<nr>" + _HOUSE_NR + r")?(?![\w])"
)
_LISTED_WITH_NUMBER = re.compile(
    r"(?<![\w\-])(?P<name>(?:" + _CAP + r"[ \t]){0,2}" + _CAP + r")(?P<nr>" + _HOUSE_NR + r")(?![\w])"
)


# street endings that wijken and hamlets share ('Malberg', 'Kerkveld', 'Vrieheide')
_PLACE_LIKE_END = re.compile(r"(?i)(?:berg|veld|heide|broek|rade|hoven|dal|bosch|bos|heuvel|kamp|hof|park|dorp|hoek|donk|akker)$")
_ARTICLE_BEFORE = re.compile(r"(?i)(?<![\w])(?:de|het|'t)\s$")
_ON_THE = re.compile(r"(?i)(?<![\w])(?:aan|op)\s+de\s$")
_ANY_STREET_SUFFIX = re.compile(r"(?i)" + _STREET_SUFFIX + r"$")
_PLACE_PREPOSITION = re.compile(r"(?i)(?<![\w])(?:in|uit|naar|richting|rond)\s+$")


def find_streets(text: str, streets: Iterable[str] | None = None) -> list[Detection]:
    """Street names with or without house number.

    * the regional street list (any case) and any 'Xstraat 12';
    * a capitalised word with a street ending ('Heidestraat', 'Prinses Irenestraat',
      'Sint Jansstraat 9-A'); weak endings (-hof, -park, -veld, ...) only when deduce's list of
      Dutch streets knows the name or a house number follows;
    * after 'op de', 'aan de', ...: a name in deduce's street list, in any case ('op de
      nieuwstraat', 'aan de Hamboskamp 2-48');
    * a name in deduce's street list followed by a house number.
    """
    names = tuple(streets) if streets is not None else regional_streets()
    found = (
        _find(_phrase_pattern(names, _HOUSE_NUMBER), text, ADRES, "straat-regio") if names else []
    )
    found += _find(_GENERIC_STREET, text, ADRES, "straat-huisnummer")
    known = street_names()
    for m in _STREET_WORD.finditer(text):
        name = m.group("name")
        last = name.split()[-1]
        after_article = bool(_ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start()))
        if _fold(name) in _public_folded():
            continue
        on_street = after_article and _ON_THE.search(text, max(0, m.start() - 8), m.start()) and _ANY_STREET_SUFFIX.search(last)
        if is_place_name(name) and not ((_STRONG_SUFFIX.search(last) or on_street) and after_article):
            continue  # a village; but 'aan de Molenstraat', 'op de Groeneweg' is a street (also a hamlet's name)
        if not m.group("nr") and not _STRONG_SUFFIX.search(last) and _PLACE_PREPOSITION.search(text[: m.start()]):
            continue  # 'in Lindenheuvel', 'uit Kerkveld': a wijk or village (a street takes 'in de')
        if not (m.group("nr") or after_article) and _PLACE_LIKE_END.search(last):
            continue  # 'Maastricht-West / Malberg': a wijk; such a street without number takes 'de'
        if _STRONG_SUFFIX.search(last) or m.group("nr") or on_street or _fold(name) in known or _fold(last) in known:
            end = m.end() if m.group("nr") else m.end("name")
            found.append(Detection(m.start(), end, ADRES, text[m.start() : end], "straatnaam"))
    for pattern in (_STREET_AFTER_PREP, _LISTED_WITH_NUMBER):
        for m in pattern.finditer(text):
            name = m.group("name")
            folded = _fold(name)
            strong = _STRONG_SUFFIX.search(name)
            if folded not in known or (is_place_name(name) and not strong) or folded in _common_words():
                continue
            if name.islower() and not strong:
                continue  # 'op de markt', 'aan de dijk': ordinary nouns
            if not m.group("nr") and folded in _RIVERS:
                continue  # 'aan de Maas, bij het kanaal': the river, though some town has a street of that name
            if pattern is _STREET_AFTER_PREP and not (m.group("nr") or _ANY_STREET_SUFFIX.search(name)):
                if _fold(m.group().split()[0]) not in {"op", "aan"}:
                    continue  # 'bij de Kiosk', 'uit de Vrieheide': a place or a wijk; one lives 'op de' or 'aan de' a street
            start, end = m.start("name"), m.end()
            found.append(Detection(start, end, ADRES, text[start:end], "straat-bag"))
    return found


_RIVERS = frozenset("maas roer geul geleenbeek jeker worm swalm rur rijn waal".split())


@lru_cache(maxsize=1)
def _public_folded() -> frozenset[str]:
    return frozenset(_fold(p) for p in public_institutions())


# --- organisations ---------------------------------------------------------------------------

# kinds of local organisation that precede or end their own name
_ORG_HEAD = (
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
    r"Buurthuis|Gemeenschapshuis|Wijkcentrum|Jongerencentrum|JC|Inloophuis|Verzorgingshuis|Wooncentrum|"
    r"Dagcentrum|Activiteitencentrum|Woonbegeleiding|Zorggroep|Gemengd\s+Koor|Mannenkoor|Kerkkoor|CV|KBO|"
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
    r"(?<![\w\-])" + _ORG_HEAD + r"(?:[^\S\n]+" + _NAME_PART + r")*[^\S\n]+(?:'t\s|’t\s|De\s|Het\s|de\s|het\s)?"
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
    r"(?<![\w\-])[A-ZÀ-Ý][\w'’\-]*(?:bakkerij|slagerij|bedrijf|salon|praktijk|boerderij|winkel|werkplaats|"
    r"zaak|opvang|centrum|club|school|vereniging|koor|hoeve|villa|kantoor|collectief|handel|wasserij|bureau)(?:[^\S\n]+" + _NAME_PART + r")*[^\S\n]+"
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
_ORG_LOWER_HEAD = re.compile(
    r"(?<![\w\-])(?=[a-zà-ÿ]+\s+(?:de\s+|het\s+)?['’A-ZÀ-Ý])(?:[a-zà-ÿ]+(?:bedrijf|bureau|kantoor|praktijk|school|club|vereniging|opvang)|"
    r"buurthoes|kringloop|sporthal|basisschool|school|obs|rkbs|kbs|ikc|sbo|vso|montessorischool|daltonschool|"
    r"jenaplanschool|buurthuis|gemeenschapshuis|wijkcentrum|jongerencentrum|dagbesteding|inloophuis|inloop|"
    r"verpleeghuis|verpleeghoes|verzorgingshuis|bejaardenhuis|zorgcentrum|woonzorgcentrum|koor|"
    r"zorgboerderij|kinderopvang|kinderdagverblijf|peuterspeelzaal|bso|voetbalclub|"
    r"voetbalvereniging|tennisclub|sportclub|zwemclub|judoclub|turnvereniging|boksschool|"
    r"dansschool|sportschool|harmonie|fanfare|schutterij|carnavalsvereniging|zangkoor|koor|"
    r"woonvorm|woongroep|thuiszorg|bakkerij|slagerij|snackbar|frituur|kapsalon|garage|"
    r"supermarkt|restaurant|café|huisartsenpraktijk|apotheek|werkgever|bedrijf|firma|cafetaria|eetcafé|lunchroom|"
    r"pizzeria|grillroom|scouting|chinees|fietsenmaker|bloemist|drogisterij|kiosk|muziekschool|"
    r"scholengemeenschap|vereniging|club)\s+"
    r"(?P<org>(?:'t\s|’t\s|De\s|Het\s|de\s|het\s|St\.\s|Sint\s)?[A-ZÀ-Ý][\w'’\-&+]*(?:\s+(?:'t|De|de|het|van|der|den|&|"
    r"[A-ZÀ-Ý0-9][\w'’\-&+]*))*)"
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
    r"(?:\s+(?!(?:bij|op|van|via)\s+(?-i:(?:het\s+|de\s+|'t\s+)?[A-ZÀ-Ý]))[\w'’\-]+){0,5}?\s*(?:\(\s*|(?::|(?<=werkgever),|\s(?:bij|bie|op|van|via|voor))\s+)(?-i:het\s+|de\s+|'t\s+)?"
    r"(?P<org>(?-i:(?:'t\s|’t\s|De\s|Het\s)?[A-ZÀ-Ý][\w'’\-&+]*(?:\s+(?:'t|De|de|het|van|der|den|&|"
    r"[A-ZÀ-Ý0-9][\w'’\-&+]*))*))"
)
_EMPLOYER = re.compile(
    r"(?i)werk|gewerkt|dienst|solliciteer|gesolliciteerd|sollicitatie|contract|wirk|gewirk|baan|bijbaan|stage|werkgever|schoonma|secretaresse|monteur|helpende|"
    r"(?:bus|vrachtwagen|vracht|taxi|bestel|pakket|heftruck)?chauffeur|kok|beginnen|begint|begon|loon|salaris|uitzendbureau|(?:als|is|ben|was|werd|wordt)\s|(?:ploegen)?dienst|werkplek|leerwerkplek|"
    r"werkervaringsplek|proefplaatsing|leerbaan|baas|chef|collega|eigena"
)
_ORG_STOP = re.compile(r"\s+(?:in|te|aan|op|de|het|van|der|den|&)$")


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
      always replaced ('werkt bij Zuyderland').
    """
    found = _find(_phrase_pattern(known_organisations(), ""), text, INSTELLING, "organisatie-lijst")
    found += [d for d in _find(_phrase_pattern(chains(), ""), text, INSTELLING, "organisatie-lijst")
              if _WORK_BEFORE.search(text, max(0, d.start - 80), d.start)]
    public = _public_folded()
    for pattern in (_ORG_HEADED, _ORG_SUFFIXED, _ORG_WORD, _ORG_WORD_NAMED, _CHURCH, _RK_CLUB):
        for m in pattern.finditer(text):
            value = _without_place_after(m.group())
            if _fold(value) in public or is_place_name(value):
                continue
            found.append(Detection(m.start(), m.start() + len(value), INSTELLING, value, "organisatie"))
    for pattern in (_ORG_TAILED, _ORG_LOWER_HEAD):
        for m in pattern.finditer(text):
            start, value = m.start("org"), _ORG_STOP.sub("", m.group("org"))
            words = [w for w in value.split() if _fold(w) not in {"de", "het", "'t", "’t"}]
            if not words or _fold(value) in public or is_place_name(value):
                continue
            led_by_article = value.split()[0] in ("De", "Het", "de", "het", "'t", "’t")
            if (_fold(words[0]) in _everyday_words() and not led_by_article) or (
                len(words) == 1 and _fold(words[0]) in _first_names_folded()
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
        if not employer and (_fold(value) in public or any(s <= start < e for s, e in spans)):
            continue  # 'begeleiding door het Leger des Heils' stops at 'Leger'; still public
        if len(words) == 1 and _fold(value) in _first_names_folded() and not employer:
            continue  # 'zit op Kevin ...' is rare; 'training bij Ramon' is a person
        if _fold(words[0]) in {"de", "het", "'t"} and len(words) == 1:
            continue
        if _fold(words[0]) in _stop_words() - {"de", "het"}:
            continue  # 'werk (In de keuken)', 'werk (Bij een supermarkt)': a sentence, no name
        if value.isupper() and len(value) <= 4 and _fold(value) in public:
            continue
        found.append(Detection(start, end, INSTELLING, value, "organisatie-context"))
    for pattern in (_WORKED_AT, _ARTICLE_NAME, _ORG_APPOSITION):
        for m in pattern.finditer(text):
            group = "org2" if "org2" in pattern.groupindex and m.group("org2") else "org"
            value = _ORG_STOP.sub("", m.group(group)).rstrip(".,")
            words = [w for w in value.split() if _fold(w) not in {"de", "het", "'t", "’t"}]
            bare = " ".join(words)
            if not words or {_fold(value), _fold(bare)} & public or is_place_name(value) or is_place_name(bare):
                continue
            if _fold(words[0]) in HOLIDAYS or _GEOGRAPHY_BEFORE.search(text, max(0, m.start(group) - 12), m.start(group)):
                continue  # 'naar de Koningsdag markt', 'naar de wijk De Kemp'
            if any(s <= m.start(group) < e for s, e in spans):
                continue
            if pattern is _ORG_APPOSITION and (_fold(words[0]) in _everyday_words() or _sentence_start(text, m.start(group))):
                continue
            if pattern is _WORKED_AT and len(words) == 1 and _fold(value) in _first_names_folded():
                continue  # 'bij Ramon gewerkt' is a person
            found.append(Detection(m.start(group), m.start(group) + len(value), INSTELLING, value, "organisatie-context"))
    for m in _GOES_TO.finditer(text):
        value = _ORG_STOP.sub("", m.group("org")).rstrip(".,")
        if not value or _fold(value) in public or is_place_name(value) or _fold(value) in _first_names_folded():
            continue
        if _fold(value.split()[0]) in HOLIDAYS:
            continue  # 'naar de Koningsdag markt'

        found.append(Detection(m.start("org"), m.start("org") + len(value), INSTELLING, value, "organisatie-context"))
    return found + _named_again(text, found)


_PLACE_AFTER = re.compile(r"[^\S\n]+(?:op|voor|met)[^\S\n]+(?P<place>[A-ZÀ-Ý][\w'’\-]*(?:[^\S\n]+[\w'’\-]+){0,2})$")


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
        if _fold(word) in _public_folded() or is_place_name(word):
            continue
        pattern = r"(?i)(?<![\w'’])" + re.escape(article) + r"\s+" + re.escape(word) + r"(?![\w'’])"
        out += [Detection(m.start(), m.end(), INSTELLING, m.group(), "organisatie-herhaald")
                for m in re.finditer(pattern, text)
                if not any(d.start <= m.start() < d.end for d in organisations)]
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
        return _find(_phrase_pattern(names, ""), text, INSTELLING, "instelling") if names else []
    return find_organisations(text)


# what may follow a public body's name and belongs to it: 'GGD Zuid Limburg', 'Zuyderland
# Medisch Centrum', 'Buurtzorg Sittard-Oost'
_PUBLIC_TAIL = re.compile(r"[^\S\n]+(?P<w>Medisch\s+Centrum|[A-ZÀ-Ý][\w'’\-]*)")
_PUBLIC_COMPOUND = re.compile(r"-[a-zà-ÿ][\w\-]*")
_REGION_WORDS = frozenset("zuid noord oost west midden limburg zuid-limburg noord-limburg midden-limburg nederland regio".split())
# a law: 'Wet inburgering 2021', 'Wet schuldsanering natuurlijke personen'
_LAW = re.compile(r"(?<![\w\-])Wet\s+(?:op\s+de\s+|op\s+het\s+)?[a-zà-ÿ][\w\-]*(?:\s+\d{4})?")


def public_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a public body or large institution (kept unless an employer)."""
    spans = [m.span() for m in _LAW.finditer(text)]
    for m in _phrase_pattern(public_institutions(), "").finditer(text):
        end = m.end()
        while tail := _PUBLIC_TAIL.match(text, end):
            word = tail.group("w")
            if not (word.startswith("Medisch") or _fold(word) in _REGION_WORDS or is_place_name(word)):
                break
            end = tail.end()
        if compound := _PUBLIC_COMPOUND.match(text, end):
            end = compound.end()  # 'Xonar-crisiszorg', 'UWV-uitkering': still the public body
        spans.append((m.start(), end))
    return spans


_RIVER_AFTER_PREPOSITION = re.compile(
    r"(?<![\w])(?:aan|langs|bij|over|naar|op|in|richting)\s+de\s+"
    r"(?:Maas|Roer|Geul|Geleenbeek|Jeker|Worm|Swalm|Rur|Rijn|Waal)(?![\w\-])(?![ \t]*\d)"
)


def river_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a river ('langs de Maas', though Maas is a surname): kept."""
    return [m.span() for m in _RIVER_AFTER_PREPOSITION.finditer(text)]


def shop_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a shop chain with no work before it ('bij de Albert Heijn hangen'):
    no person, and no organisation unless a detector of ours reads it as someone's work."""
    return [m.span() for m in _phrase_pattern(chains(), "").finditer(text)
            if not _WORK_BEFORE.search(text, max(0, m.start() - 80), m.start())]


# --- names of unknown people -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _first_names_folded() -> frozenset[str]:
    return frozenset(_fold(n) for n in _deduce_list("names", "lst_first_name"))


@lru_cache(maxsize=1)
def _surnames_folded() -> frozenset[str]:
    return frozenset(_fold(n) for n in _deduce_list("names", "lst_surname"))


@lru_cache(maxsize=1)
def names_that_are_words() -> frozenset[str]:
    """First names and surnames that are also ordinary Dutch words ('roos', 'bakker', 'wiel')."""
    return frozenset(_fold(w) for w in _data_lines("namen_ook_woord.txt"))


# Limburgish and spoken-Dutch function words that deduce's name list also holds ('Mien vrouw'
# = my wife, 'noe' = now). Never a name on their own.
_DIALECT_WORDS = frozenset(
    "mien dien zien ós oos ich neet nieks noe mer mie waal good hie dao dat wo went wie zeen "
    "haer hae heer ze ziech os uch geer jao nae veur ouch auch allein gein kin kins kint "
    "ff zn z'n m'n d'r mn dr hun hen ons jij jou wij zij hij zijn haar mam pap ma pa opa oma "
    "bin dae moos das niks veer höbbe hobbe kiek "
    # greetings open a letter or a message, they do not name anyone
    "goedemorgen goedemiddag goedenavond goedendag hallo hoi hey hee doei groetjes groeten hoogachtend sins".split()
)
# Limburgish words that are a name only when capitalised ('zoe' = so, 'Zoë' a girl)
_DIALECT_WORDS_LOWER = frozenset("zoe aaf".split())
# particles that deduce's first-name list also holds: part of a surname ('De Vries'), never a
# first name of their own
_PARTICLES = frozenset("de van der den het ten ter te aan door onder men".split())
_TITLE_WORDS = (
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
# abbreviated titles before a lowercase surname in a quick note ('mw hermans', 'dhr jansen');
# the word after 'Mevrouw' in full is as often a verb ('Mevrouw belt', and Belt is a surname)
_VERB_AFTER_NAME = re.compile(r"\s+(?:omdat|zelf|terug|dat|aan|op|met|naar|om|niet|wel|morgen|vandaag|nog|ook|al)\b")
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
    r"(?i)(?<![\w])" + _TITLE_WORDS + r"(?:\s*[—–,])?\s+(?P<name>(?-i:[A-ZÀ-Ý][\w'’\-]*|[a-zà-ÿ][a-zà-ÿ'’]+))"
)
_CAPITALISED = re.compile(r"(?<![\w'’\-])[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?(?![\w'’])")
_LOWER = re.compile(r"(?<![\w'’\-@.])[a-zà-ÿ][a-zà-ÿ]{2,}(?![\w'’@])")
_INITIALS = re.compile(r"(?:\b[A-Z]\.\s?)+$")
_SURNAME_AFTER = re.compile(
    r"\s+(?P<s>(?:(?:van|de|der|den|het|ten|ter|te|el|al|van der|van den|van de|in 't|op de|'t|d'|"
    r"v\.?\s?d\.?|v/d)\s+)?"
    r"(?:[A-ZÀ-Ý][\w'’]*(?:-[A-ZÀ-Ý]?[\w'’]+)?))(?![\w])"
)


_TITLE_ABBREVIATION = re.compile(r"(?i)(?<![\w])(?:mw|mevr|dhr|mnr|dr|mr|drs|ir|ing|fam)\.$")


def _sentence_start(text: str, start: int) -> bool:
    """Whether a word at ``start`` begins a sentence (after 'mw.' or 'dhr.' it does not)."""
    before = text[max(0, start - 60) : start].rstrip(" \t\"'‘“(—–-*•")
    if not before and start > 60:  # a long run of spaces: look further back
        before = text[:start].rstrip(" \t\"'‘“(—–-*•")
    if before.endswith(".") and _TITLE_ABBREVIATION.search(before):
        return False
    return not before or before[-1] in ".!?:\n" or before.endswith("]")


def _ordinary(word: str) -> bool:
    f = _fold(word)
    return f in _common_words() or f in names_that_are_words() or f in _DIALECT_WORDS


HOLIDAYS = frozenset(
    "kerst kerstmis pasen pinksteren carnaval vastelaovend vastelaovond koningsdag sinterklaas "
    "hemelvaart oudjaar nieuwjaar oud-en-nieuw ramadan suikerfeest offerfeest allerheiligen "
    "allerzielen driekoningen halloween moederdag vaderdag sint-maarten sintmaarten".split()
)  # never a person's name, whatever a name list says ('met Kerst', 'uitje met Pasen')
_WEEKDAY_ABBREVIATIONS = frozenset("ma di wo do vr za zo".split())
_CALENDAR_WORDS = frozenset(
    MONTH_NAMES + "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag lente zomer herfst winter voorjaar najaar".split()
) | HOLIDAYS
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
    r"(?<![\w'’])(?P<w>[\w'’]{2,})(?:\s*[,/]\s*|\s+(?:en|of|&)\s+)"
    r"(?:(?:zn|z'n|zijn|haar|d'r|mijn|m'n|mien|diens)\s+[a-zà-ÿ]+\s+)?$"
)
_AFTER_NAME = re.compile(
    r"^(?:\s*[,/]\s*|\s+(?:en|of|&)\s+)(?:(?:zn|z'n|zijn|haar|d'r|mijn|m'n|mien)\s+[a-zà-ÿ]+\s+)?"
    r"(?P<w>[\w'’]{2,})(?![\w'’])"
)
# 'Ilias, ', 'aanwezig: ' before a word, ', Tygo' after it: a link to another word ('pas 13 en
# rookte, Quinten' links 'rookte' to a number, not to a name)
_LINK_BEFORE = re.compile(r"(?:[^\W\d_][\w'’]*\s*[,/:]\s*|[^\W\d_][\w'’]*\s+(?:en|of|&)\s+)$")
_LINK_AFTER = re.compile(r"\s*[,/]\s*[^\W\d_]|\s+(?:en|of|&)\s+[^\W\d_]")


def _joined(link: str, word: str) -> bool:
    """Whether the link between a word and a name is 'en', 'of' or '&', not a comma."""
    return re.search(r"\s(?:en|of|&)\s", link.replace(word, " ", 1)) is not None


_LOWER_PAIR = re.compile(r"(?<![\w'’])(?P<a>[a-zà-ÿ]{2,})\s+en\s+(?P<b>[a-zà-ÿ]{2,})(?![\w'’])")


def _diminutive_of_name(folded: str) -> bool:
    """'bertje', 'noortje', 'sjonnie' (sjon), 'pietje': a first name with a diminutive ending
    whose stem is a listed first name that is not also an ordinary word ('roosje' stays)."""
    m = _DIMINUTIVE.search(folded)
    if not m or folded in _DIALECT_WORDS:
        return False
    stem = folded[: m.start()]
    if len(stem) >= 4 and stem[-1] == stem[-2]:  # 'sjonn-ie' -> 'sjon'
        stem = stem[:-1]
    if len(stem) < 3 or stem not in _first_names_folded() or stem in names_that_are_words():
        return False
    return stem not in _common_words()


def _stop_word(folded: str) -> bool:
    return folded in _DIALECT_WORDS or folded in _TWO_LETTER_WORDS or folded in _everyday_words()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """deduce's Dutch stop words ('in', 'als', 'bij', 'een')."""
    base = resources.files("deduce").joinpath("data/lookup/src/whitelist/lst_stop_word/items.txt")
    return frozenset(w.strip().lower() for w in base.read_text("utf-8").splitlines() if w.strip())


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Dutch names of countries and regions of the world (CLDR): 'Duitsland', 'Sierra Leone'."""
    from babel import Locale

    return frozenset(_fold(n) for n in Locale("nl").territories.values())


@lru_cache(maxsize=1)
def _language_and_country_words() -> frozenset[str]:
    """Dutch names of languages (Babel's CLDR data: 'Nederlands', 'Pools') and of countries."""
    from babel import Locale

    return frozenset(_fold(n) for n in Locale("nl").languages.values()) | _countries()


@lru_cache(maxsize=1)
def _everyday_words() -> frozenset[str]:
    """deduce's common and stop words, without its medical terms ('lies' is also a name)."""
    base = resources.files("deduce").joinpath("data/lookup/src/whitelist")
    return frozenset(
        w.strip().lower()
        for sub in ("lst_common_word", "lst_stop_word")
        for w in base.joinpath(sub, "items.txt").read_text("utf-8").splitlines()
    )


def _coordinated_names(text: str, names: list[Detection]) -> list[Detection]:
    """Words coordinated with a found name are names too ('Bèr en Trees', 'sjonnie en zn maat
    kevin'): capitalised mid-sentence and not an ordinary word, or in lowercase a listed first
    name; and two listed first names in lowercase coordinated ('mo en ilias')."""
    first = _first_names_folded()
    out: list[Detection] = []
    seen = {(d.start, d.end) for d in names}

    def accept(start: int, word: str, linked_beyond: bool) -> Detection | None:
        """``linked_beyond``: the word is joined to the name by 'en' ('yass en ilyas') or
        coordinated on its other side too ('Ilias, kev, Tygo'); a comma alone often ends a
        clause ('vrijdag weer ambulant, ramon belt')."""
        f = _fold(word)
        if (start, start + len(word)) in seen or any(c.isdigit() for c in word) or f in _CALENDAR_WORDS:
            return None  # '15u', '2e'
        if len(word) > 2 and word.isupper():
            return None  # 'Marieke Schins, POH-GGZ', 'René Hoofs, BSN ...': an abbreviation ('DJ' may be a name)
        if any(d.start <= start < d.end for d in names):
            return None
        if (is_place_name(word) and f not in first) or f in _public_folded() or f in number_words():
            return None
        rare = _rare_in_dutch(word) and not _stop_word(f) and f not in _DIALECT_WORDS_LOWER
        if word[0].isupper():
            if _ordinary(word) or (_sentence_start(text, start) and not rare):
                return None  # 'Filmon, Senait en Tsega': an unlisted name may open the sentence
        elif not ((f in first and not _stop_word(f)) or (rare and len(f) >= 3 and linked_beyond)):
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
            accept(offset + before.start("w"), before.group("w"), _joined(before.group(), before.group("w"))
                   or _LINK_BEFORE.search(text, max(0, offset + before.start("w") - 6), offset + before.start("w")) is not None)
            if before else None,
            accept(d.end + after.start("w"), after.group("w"), _joined(after.group(), after.group("w"))
                   or _LINK_AFTER.match(text, d.end + after.end("w")) is not None)
            if after else None,
        ):
            if new is not None:
                queue.append(new)
    for m in _LOWER_PAIR.finditer(text):
        a, b = _fold(m.group("a")), _fold(m.group("b"))
        if a in first and b in first and not _stop_word(a) and not _stop_word(b):
            for g in ("a", "b"):
                if (m.start(g), m.end(g)) not in seen:
                    seen.add((m.start(g), m.end(g)))
                    out.append(Detection(m.start(g), m.end(g), PERSOON, m.group(g), "nevenschikking"))
    return out


# a kind of organisation is never a name ('van Buurtvereniging ...', 'Kleijnen van Bakkerij')
_ORG_KIND_WORD = re.compile(
    _ORG_HEAD + r"|(?i:[\w'’\-]*(?:bakkerij|slagerij|bedrijf|bedrijven|salon|praktijk|boerderij|"
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
_CHAT_SPEAKER_BARE = re.compile(r"(?m)^[ \t]*(?P<name>[A-ZÀ-Ý][\w'’\-]*(?:[ \t][A-ZÀ-Ý][\w'’\-]*){0,2}):[ \t]+(?=\S)")
# a line with only initials signs a note: '– R.', 'EvdB', 'JvdL', 'M.K.'
_SHORT_REPLIES = frozenset("ok oke oké thx tnx top gr grt mvg ps nb bvd lol xx xxx hoi doei dag tot ja nee jep yes kus fijn".split())
_LAST_LINE_INITIALS = re.compile(r"(?:^|\n)[ \t]*(?:--?[ \t]*|[–—][ \t]*)?(?P<name>[a-z]{2,3}|(?<=-)[A-Z])[ \t]*\s*\Z")
_SIGNATURE = re.compile(
    r"(?m)(?:^[ \t]*(?:[–—-][ \t]*)?|(?<=[.!?)])[ \t]+[–—-][ \t]*|(?<=\S)[ \t]+[–—][ \t]*)(?P<name>[A-Z]\.(?:\s?[A-Z]\.){0,3}|[A-Z](?:vd|v|d|t|te)?[A-Z]{1,2})[ \t]*$"
)  # a line of initials, or initials after a dash closing the last sentence ('agenda. – MK')


# 'Yonas (12), Hiwet (10)', 'Abrham Tesfay (vader)': a name with the person's age or role
_NAME_WITH_ROLE = re.compile(
    r"(?<![\w'’\-])(?P<name>[A-ZÀ-Ý][\w'’\-]+(?: [A-ZÀ-Ý][\w'’\-]+)?) \((?:\d{1,2}|vader|moeder|zoon|"
    r"dochter|broer|zus|opa|oma|oom|tante|partner|echtgenoot|echtgenote|stiefvader|stiefmoeder|"
    r"pleegvader|pleegmoeder|neef|nicht|buurman|buurvrouw)(?:\)|\s+van\s|,)"
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
_SAID_AFTER_QUOTE = re.compile(r"[\"”’']\s*,?\s*" + _SPEECH_VERB + r"\s+(?P<name>[A-ZÀ-Ý][\w'’\-]+)(?![\w'’\-])")
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
# 'koster is 66', 'storm is zestien', 'ilias (16)': whose age is given is a person
_BEFORE_AGE = re.compile(
    r"(?<![\w'’\-])(?P<name>[\w'’\-]{3,})(?:\s*\(\s*|\s+(?:is|was|wordt|werd)\s+(?:al\s+|pas\s+|net\s+|bijna\s+|ruim\s+)?)$"
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
_GEOGRAPHIC_END = re.compile(r"(?i)(?:berg|veld|heide|broek|rade|hoven|dal|bosch|bos|heuvel|kamp|hof|weg|straat|laan|plein|dorp)$")


def _unlisted_word_is_no_name(word: str, start: int, taken: tuple[tuple[int, int], ...]) -> bool:
    """Whether a capitalised word that no name list holds is something else: common in Dutch
    text, an ordinary, dialect or calendar word, a place, a language or country, a kind of
    organisation, or part of a public body or a known organisation (``taken``: the spans of
    places and public bodies in the text)."""
    f = _fold(word)
    return (
        not _rare_in_dutch(word) or _ordinary(word) or f in _everyday_words() or f in _CALENDAR_WORDS or f in _score_words()
        or f in _language_and_country_words() or is_place_name(word) or _kind_of_organisation(word)
        or f in _known_organisation_words()
        or any(s <= start < e for s, e in taken)
    )


# Zipf frequency (wordfreq: log10 of uses per thousand million words) under which a word is
# rare in Dutch text: 'gelukkig' 5,2, 'kapper' 3,9 and 'marieke' 3,6 are not, 'olena' 1,9 and
# 'bemelmans' 2,0 are, and 'tesfay' is not in the list at all.
RARE_IN_DUTCH = 3.0
COMMON_PART = 2.5  # each part of a compound ('vroeg' + 'signalering' 2,7) is at least this common
COMMON_VERB = 3.5  # the verb of a noun in -er: 'aanvragen' 4,2 ('peten', of 'Peter', is no word)


@lru_cache(maxsize=8192)
def zipf(word: str) -> float:
    """How common a word is in Dutch, on wordfreq's Zipf scale (6: 'toen', 3: 'consulent')."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


@lru_cache(maxsize=8192)
def _rare_in_dutch(word: str) -> bool:
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
        common(w[:i]) and (common(w[i:]) or (w[i] == "s" and common(w[i + 1 :]))) for i in range(4, len(w) - 3)
    )


def _two_words(folded: str) -> bool:
    """'stageplek' (stage + plek): two words of four letters or more, each common in Dutch."""
    return any(zipf(folded[:i]) >= RARE_IN_DUTCH and zipf(folded[i:]) >= RARE_IN_DUTCH for i in range(4, len(folded) - 3))


@lru_cache(maxsize=1)
def _known_organisation_words() -> frozenset[str]:
    return frozenset(_fold(w) for n in (*known_organisations(), *chains(), *public_institutions()) for w in n.split())


def _kind_of_organisation(word: str) -> bool:
    return bool(_ORG_KIND_WORD.fullmatch(word))


def _chat_speakers(text: str) -> list[Detection]:
    """The name before the colon of each line of an exported chat (not a title or a body);
    without time stamps, names that each open two lines or more ('Djayson: ja man')."""
    found = []
    bare = list(_CHAT_SPEAKER_BARE.finditer(text))
    repeated = {
        n for n, c in Counter(m.group("name") for m in bare).items()
        if c >= 2 and (_fold(n) in _first_names_folded() or not _ROLE_WORD.search(n))
    }  # 'Aanvrager:', 'Begeleiding:' open the lines of a form, not of a chat
    if len(repeated) < 2:
        repeated = set()  # a conversation has two speakers; one repeated 'Aanvrager:' is a form
    for m in [*_CHAT_SPEAKER.finditer(text), *(m for m in bare if m.group("name") in repeated)]:
        name = re.sub(r"\s*\([^()]*\)$", "", m.group("name").strip())  # 'Lies (gezinscoach)': the name only
        lead = re.match(r"(?i)(?:" + _TITLE_WORDS + r")\s+", name)
        if lead:  # 'Jongerenwerker Ramon': the name only
            name = name[lead.end() :]
        words = name.split()
        for i, word in enumerate(words[1:], start=1):  # 'Joep JW Heerlen-Noord': the name only
            place = (is_place_name(word) or _fold(word) in _public_folded()) and _fold(words[i - 1]) not in _INTERFIXES
            if (word.isupper() and len(word) > 1) or place:
                name = " ".join(words[:i])
                break
        f = _fold(name)
        if not re.search(r"[^\W\d_]", name) or f in _DIALECT_WORDS or f in _public_folded():
            continue
        listed = name[:1].isupper() and f in _first_names_folded()  # 'Lies' speaks: a name, though also a word
        if ((is_place_name(name) or f in _everyday_words()) and not listed) or _ORG_KIND_WORD.match(name):
            continue
        start = m.start("name") + m.group("name").index(name)
        found.append(Detection(start, start + len(name), PERSOON, name, "chat"))
    return found


def _signatures(text: str) -> list[Detection]:
    found = [
        Detection(m.start("name"), m.end("name"), PERSOON, m.group("name"), "ondertekening")
        for m in _SIGNATURE.finditer(text)
        if _fold(m.group("name").replace(".", "")) not in _public_folded() | _everyday_words()
    ]
    # initials in lowercase as the note's last line ('mk', '-- bm'): a quick note signed off
    if (m := _LAST_LINE_INITIALS.search(text)) and _fold(m.group("name")) not in (
        _everyday_words() | _DIALECT_WORDS_LOWER | _SHORT_REPLIES
    ):
        found.append(Detection(m.start("name"), m.end("name"), PERSOON, m.group("name"), "ondertekening"))
    return found


_FIRST_NAME_BEFORE = re.compile(r"(?<![\w'’\-])([A-ZÀ-Ý][a-zà-ÿ'’]+) $")
_PARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:De|Van|Van de|Van der|Van den|Ten|Ter|El|Al)\s$")


def _with_surname(text: str, d: Detection) -> Detection:
    """A found name with the capitalised surname after it, initials or a particle before it."""
    end = d.end
    m = _SURNAME_AFTER.match(text, end)
    if m and not _sentence_start(text, m.start("s")) and "\n" not in text[end : m.start("s")]:
        last = m.group("s").split()[-1]
        if not (is_place_name(last) or _ordinary(last) or _fold(last) in _public_folded() or _kind_of_organisation(last)):
            end = m.end("s")
            if re.fullmatch(r"[A-Z]", last) and text[end : end + 1] == ".":
                end += 1  # 'bryan B.': the initial of the surname
    start = d.start
    initials = _INITIALS.search(text[max(0, start - 12) : start])
    first = _FIRST_NAME_BEFORE.search(text, max(0, start - 20), start)
    if initials:
        start -= len(initials.group())
    elif first and _fold(first.group(1)) in _first_names_folded() and not _sentence_start(text, first.start(1)):
        start = first.start(1)  # 'Lies Dohmen': a first name that is also a word, before a surname
    else:
        particle = _PARTICLE_BEFORE.search(text, max(0, start - 8), start)
        if particle and _fold(d.text.split()[0]) not in _first_names_folded():
            # 'De Vries', 'Van der Linden': the particle is part of a surname
            start -= len(particle.group())
    if (start, end) == (d.start, d.end):
        return d
    return Detection(start, end, PERSOON, text[start:end], d.source)


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
    * a name found this way takes the capitalised surname after it ('Rania Al-Hassan');
    * every other spelling of a found name in the same text, also misspelt ('Kevn').
    """
    first, sur = _first_names_folded(), _surnames_folded()
    found: list[Detection] = []
    places = place_spans(text)

    def add(start: int, end: int, source: str) -> None:
        found.append(Detection(start, end, PERSOON, text[start:end], source))

    for m in _CAPITALISED.finditer(text):
        word = m.group()
        f = _fold(word)
        if f in _DIALECT_WORDS or f in _CALENDAR_WORDS or f in _PARTICLES or is_place_name(word):
            continue
        if any(s <= m.start() < e for s, e in places):
            continue  # 'Worms' in 'Ubach over Worms'
        if _diminutive_of_name(f) and not _sentence_start(text, m.start()):
            add(m.start(), m.end(), "verkleinwoord")
            continue
        if f in first or f in sur or all(p in first or p in sur for p in f.split("-")):
            if _sentence_start(text, m.start()) or (f in sur and f not in first):
                if _ordinary(word) or f in _common_words():
                    continue
            elif f in _common_words() and f not in first:
                continue
            add(m.start(), m.end(), "naamlijst")
    for m in _LOWER.finditer(text):
        word = m.group()
        f = _fold(word)
        if f in first and not _ordinary(word) and len(f) >= 3 and f not in _DIALECT_WORDS_LOWER:
            add(m.start(), m.end(), "naamlijst-klein")
        elif f not in _common_words() and _diminutive_of_name(f):
            add(m.start(), m.end(), "verkleinwoord-klein")
    for m in _INTRODUCTION.finditer(text):
        name = m.group("name")
        f = _fold(name)
        # a capitalised dialect word introduced as a name is one ('iederein zeet Mie')
        listed = name[:1].isupper() and f in _first_names_folded()  # 'Mien naam is Door'
        if listed or not ((_ordinary(name) and f not in _DIALECT_WORDS) or f in number_words() or f in _CALENDAR_WORDS or is_place_name(name)):
            add(m.start("name"), m.end("name"), "voorstelling")
    for m in _AFTER_TITLE.finditer(text):
        name = m.group("name")
        f = _fold(name)
        # a capitalised word after a relation is rarely a medical term ('vrouw Lies')
        common = _everyday_words() if name[0].isupper() else _common_words()
        gap = text[m.start() : m.start("name")]
        title = _fold(gap.strip(" ,—–\n"))
        # a capitalised word after a relation is a name, even a word: 'oma Door', 'zus Mien'; so is
        # one with a surname after it: 'trainer Hub Ploumen'
        surname_after = re.match(r"[^\S\n]+([A-ZÀ-Ý][\w'’\-]+)", text[m.end("name") :])
        related = name[0].isupper() and (
            title in _RELATION_TITLES
            or bool(surname_after and (_fold(surname_after.group(1)) in sur or _rare_in_dutch(surname_after.group(1))))
        )
        if (f in _DIALECT_WORDS or f in common) and not (related and f not in _CALENDAR_WORDS):
            continue
        if _kind_of_organisation(name) or f in _public_folded():
            continue  # 'collega van Mondriaan': a public body, not a person
        if "\n" in gap and re.sub(r"\s+", "", title) not in _CLOSINGS:
            continue  # 'over mijn broer\n\nGoedemiddag': a new line, not an address
        if f in _language_and_country_words() and title in {"met", "van", "door", "aan", "tolk"}:
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
        formal_surname = (title in _FORMAL_TITLES and f in sur and f not in _common_words()
                          and not _VERB_AFTER_NAME.match(text, m.end("name")))  # 'mw hermans'; not 'mw belt terug'
        if name[0].islower() and (f not in first or _ordinary(name)) and not formal_surname:
            continue
        if name[0].isupper() and _ordinary(name) and f not in first and f not in sur:
            continue
        if name[0].isupper() and _fold(name) in {"de", "het", "van", "een"}:
            continue
        if re.match(r"\s+\w*team\b", text[m.end("name") :], re.IGNORECASE):
            continue  # 'Consulent Sociaal Wijkteam': the team the title belongs to
        add(m.start("name"), m.end("name"), "aanspreekvorm")
    for m in _TITLE_INITIALS.finditer(text):
        add(m.start("name"), m.end("name"), "aanspreekvorm")
    for m in _NAME_WITH_ROLE.finditer(text):
        name = m.group("name")
        if not (_ordinary(name.split()[0]) or is_place_name(name) or _fold(name.split()[0]) in _score_words()):
            add(m.start("name"), m.end("name"), "naam-met-rol")
    for m in _NICKNAME_EXPLAINED.finditer(text):
        add(m.start("name"), m.end("name"), "bijnaam")
    for m in _NICKNAME.finditer(text):
        group = "name" if m.group("name") else "name2"
        if not _ordinary(m.group(group)):
            add(m.start(group), m.end(group), "bijnaam")
    for m in _RELATION_THEN_NAME.finditer(text):
        if not (_ordinary(m.group("name")) or is_place_name(m.group("name"))):
            add(m.start("name"), m.end("name"), "naam-na-relatie")
    for m in _A_CERTAIN.finditer(text):
        if not _ordinary(m.group("name")):
            add(m.start("name"), m.end("name"), "een-zekere")
    for m in _NAME_WITH_ORIGIN.finditer(text):
        name = m.group("name")
        if _fold(m.group("w")) in _language_and_country_words() and not (_ordinary(name) or is_place_name(name)):
            add(m.start("name"), m.end("name"), "naam-met-herkomst")
    for m in _FORWARD_HEADER.finditer(text):
        add(m.start("name"), m.end("name"), "doorgestuurd")
    for m in _NAME_OF_A_PLACE.finditer(text):
        name = m.group("name")
        f = _fold(name)
        listed = f in first and not _ordinary(name)
        if (listed or _rare_in_dutch(name)) and not _unlisted_word_is_no_name(name, m.start(), places) and not _ARTICLE_END.search(text, max(0, m.start() - 8), m.start()):
            add(m.start("name"), m.end("name"), "naam-van-plek")
    for m in _LOWER_SUBJECT.finditer(text):
        name, f = m.group("name"), _fold(m.group("name"))
        if not re.search(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]", f) or f in _DIALECT_WORDS or f in _CALENDAR_WORDS or f in _public_folded():
            continue  # 'vgm is het', 'ff gaat': an abbreviation
        if f in first and len(f) >= 2 and not _stop_word(f):
            listed_word = _ordinary(name)  # 'bram heeft ruzie', 'storm zit bij hem'; but 'storm is voorbij'
            if not (listed_word and m.group("verb") in ("is", "was")) and not is_place_name(name):
                add(m.start("name"), m.end("name"), "onderwerp-klein")
        elif len(f) >= 3 and _rare_in_dutch(name) and not (_stop_word(f) or _ordinary(name) or is_place_name(name)
                                                             or _two_words(f) or "'" in name):
            add(m.start("name"), m.end("name"), "onderwerp-klein")  # 'keesie zat weer op z'n bankje', 'miaa zegt'
    for m in _NAME_BETWEEN_COMMAS.finditer(text):
        name = m.group("name")
        f = _fold(name)
        if ((f in first and not _ordinary(name)) or _rare_in_dutch(name)) and not _unlisted_word_is_no_name(name, m.start("name"), places):
            add(m.start("name"), m.end("name"), "bijstelling")
    for m in _SAID_AFTER_QUOTE.finditer(text):
        name = m.group("name")
        f = _fold(name)
        if not (f in _TITLE_OR_PARTICLE or f in _DIALECT_WORDS or f in _CALENDAR_WORDS or is_place_name(name) or f in _public_folded()):
            add(m.start("name"), m.end("name"), "spreker")
    for m in _VOCATIVE.finditer(text):
        name = m.group("name")
        f = _fold(name)
        if not (f in _CALLS or f in _TITLE_OR_PARTICLE or f in _CALENDAR_WORDS or (is_place_name(name) and f not in first)
                or f in _public_folded()):
            add(m.start("name"), m.end("name"), "aangesproken")
    for age in find_ages(text) if ages is None else ages:
        before = _BEFORE_AGE.search(text, max(0, age.start - 40), age.start)
        if before is None or _ARTICLE_END.search(text, max(0, before.start() - 8), before.start()):
            continue
        if _SUPERLATIVE_END.search(text, max(0, before.start() - 12), before.start()):
            continue  # 'het jongste bandlid was twaalf'
        name = before.group("name")
        f = _fold(name)
        if f in _KIN_AND_AGE_WORDS:
            continue  # 'Vader (56)', 'Mien moder is hoonderd', 'Ahmet jarig (18)'
        named = f in first or f in sur or f in names_that_are_words() or (_rare_in_dutch(name) and not _stop_word(f))
        if named and not (any(c.isdigit() for c in name) or f in _TITLE_OR_PARTICLE or f in _DIALECT_WORDS or f in _CALENDAR_WORDS
                          or f in _score_words() or is_place_name(name) or f in _public_folded() or _kind_of_organisation(name)):
            add(before.start("name"), before.end("name"), "naam-met-leeftijd")
    for m in _LAST_LINE_NAME.finditer(text):
        f = _fold(m.group("name"))
        if f in _first_names_folded() or (_rare_in_dutch(f) and not _stop_word(f)):
            add(m.start("name"), m.end("name"), "ondertekening")
    taken = (*places, *public_spans(text))
    for m in _SUBJECT_OF_VERB.finditer(text):
        parts = [g for g in ("name", "sur") if m.group(g)]
        if _ARTICLE_END.search(text, max(0, m.start() - 8), m.start()) or any(
            _unlisted_word_is_no_name(m.group(g), m.start(g), taken) for g in parts
        ):
            continue
        for g in parts:
            add(m.start(g), m.end(g), "onderwerp")
    for m in _ALIAS.finditer(text):
        if not _ordinary(m.group("name")):
            add(m.start("name"), m.end("name"), "bijnaam")
            add(m.start("alias"), m.end("alias"), "bijnaam")
    # surname after a first name, initials before
    extended = [_with_surname(text, d) for d in found]
    for d in list(extended):
        called = _CALLED_AFTER.match(text, d.end)
        named = called.group("name") if called else ""
        if called and (_fold(named) in _first_names_folded() or _rare_in_dutch(named)) and not (
            _ordinary(named) or is_place_name(named)
        ):
            extended.append(Detection(called.start("name"), called.end("name"), PERSOON, called.group("name"), "roepnaam"))
    extended += _chat_speakers(text) + _signatures(text)
    found = extended + _coordinated_names(text, extended)
    # every spelling of a found name elsewhere in the text
    tokens = {_fold(t) for d in found for t in re.findall(r"[\w'’]+", d.text) if len(t) >= 2}
    tokens -= {"van", "de", "der", "den", "het", "el", "al", "ten", "ter", "te"}
    if tokens:
        covered = bytearray(len(text))  # where a found name already is
        for d in found:
            covered[d.start : d.end] = b"\x01" * (d.end - d.start)
        fuzzy = [t for t in tokens if len(t) >= 5]
        for m in re.finditer(r"(?<![\w'’])[\w'’]{2,}(?![\w'’])", text):
            word = m.group()
            if covered[m.start()] or word.isdigit():
                continue
            f = _fold(word)
            lower = word[0].islower()
            # in lowercase not an everyday word, nor a surname that is a trade ('visser')
            ordinary = f in _everyday_words() or f in _DIALECT_WORDS_LOWER or (f in names_that_are_words() and f not in first)
            if f in tokens and not (lower and ordinary):
                found.append(_with_surname(text, Detection(m.start(), m.end(), PERSOON, word, "zelfde-naam")))
            elif lower or _ordinary(word) or is_place_name(word):
                continue  # 'Meerssen' is the place, however like a name found elsewhere
            elif len(f) >= 5 and any(tokens_match(word, t) for t in fuzzy):
                found.append(Detection(m.start(), m.end(), PERSOON, word, "zelfde-naam-verschreven"))
            elif len(f) >= 3 and any(t.startswith(f) and 1 <= len(t) - len(f) <= 3 for t in fuzzy):
                found.append(Detection(m.start(), m.end(), PERSOON, word, "zelfde-naam-kort"))  # 'Kelv'

    return found


# --- the client's own known identities -------------------------------------------------------

NAME_KINDS = {"voornaam", "achternaam", "naam"}
_INTERFIXES = {
    "van", "de", "der", "den", "het", "ten", "ter", "te", "in", "t", "'t", "el", "al", "la", "le",
    "du", "da", "di", "dos", "von", "op", "vd", "v", "d", "bin", "ben", "ibn", "abu",
}  # fmt: skip
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*")


@lru_cache(maxsize=1 << 17)
def _fold(s: str) -> str:
    """Lowercase without diacritics: 'Öztürk' -> 'ozturk'. Cached: the same words recur in
    every story, and this is called per token per known identity."""
    s = unicodedata.normalize("NFKD", s.lower())
    if s.isascii():  # nothing combines: the common case, without a loop per character
        return s
    return "".join(c for c in s if not unicodedata.combining(c))


fold = _fold  # for other modules: the one way names are compared


@lru_cache(maxsize=1 << 16)
def _sound(s: str) -> str:
    """A crude Dutch spelling key so that ij/y/ei, ou/au, c/k, dt/t, ph/f variants compare equal."""
    s = _fold(s)
    for a, b in (("ij", "y"), ("ei", "y"), ("au", "ou"), ("ph", "f"), ("ch", "g"), ("c", "k"),
                 ("dt", "t"), ("th", "t"), ("ss", "s"), ("ee", "e"), ("oo", "o"), ("uu", "u"),
                 ("aa", "a"), ("-", ""), ("'", "")):  # fmt: skip
        s = s.replace(a, b)
    return s


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Ordinary Dutch words (deduce's whitelist) that a misspelled name must not swallow."""
    words: set[str] = set()
    try:
        base = resources.files("deduce").joinpath("data/lookup/src/whitelist")
        for sub in ("lst_common_word", "lst_stop_word", "lst_medical_term"):
            words |= {
                w.strip().lower()
                for w in base.joinpath(sub, "items.txt").read_text("utf-8").splitlines()
            }
    except (
        FileNotFoundError,
        ModuleNotFoundError,
    ):  # deduce data missing: exact matching still works
        pass
    words |= {
        "willen", "bakken", "vissen", "dekken", "jassen", "markt", "linde", "linden", "mensen",
        "kerken", "samen", "maand", "maanden", "zoon", "zonen", "broer", "zus", "vader",
        "moeder", "hebben", "wonen", "woning", "geld", "schuld", "schulden", "wijk", "werk",
    }  # fmt: skip
    return frozenset(words)


def tokens_match(found: str, known: str, fuzzy: bool = True) -> bool:
    """Whether a token in the text is (a misspelling of) a token of a known name."""
    return _folded_match(_fold(found), _fold(known), fuzzy)


@lru_cache(maxsize=1 << 18)
def _folded_match(a: str, b: str, fuzzy: bool) -> bool:
    """:func:`tokens_match` on tokens already folded (cached: pairs recur across stories)."""
    if a == b:
        return True
    if not fuzzy or len(b) < 5 or a[:1] != b[:1] or a in _common_words():
        return False
    max_edits = 1 if len(b) <= 7 else 2
    if OSA.distance(a, b, score_cutoff=max_edits) <= max_edits:
        return True
    return _sound(a) == _sound(b)


@dataclass(frozen=True)
class _Pattern:
    tokens: tuple[str, ...]
    kind: str
    key: str

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(_fold(t) for t in self.tokens)

    @property
    def fuzzable(self) -> tuple[bool, ...]:
        """Per token: may it match misspelled (not an interfix, not a number)?"""
        return tuple(_fold(t) not in _INTERFIXES and not t.isdigit() for t in self.tokens)


def _identity_patterns(identities: Iterable[KnownIdentity]) -> list[_Pattern]:
    patterns: list[_Pattern] = []
    for ident in identities:
        patterns += _patterns_of(ident.soort, str(ident.waarde))
    return patterns


# a compiled pattern: (folded tokens, fuzzable per token, kind, key), made once per identity
_Compiled = tuple[tuple[str, ...], tuple[bool, ...], str, str]


@lru_cache(maxsize=1 << 14)
def _compiled_patterns_of(soort: str, waarde: str) -> tuple[_Compiled, ...]:
    return tuple((p.folded, p.fuzzable, p.kind, p.key) for p in _patterns_of(soort, waarde))


@lru_cache(maxsize=1 << 14)
def _patterns_of(soort: str, waarde: str) -> tuple[_Pattern, ...]:
    """The token patterns of one known identity (cached: an identity recurs in many stories)."""
    patterns: list[_Pattern] = []
    soort, waarde = soort.strip().lower(), waarde.strip()
    if not waarde:
        return ()
    toks = tuple(_TOKEN.findall(waarde))
    if soort in NAME_KINDS or soort == "naaste":
        kind, key = PERSOON, "client" if soort in NAME_KINDS else f"naaste:{_fold(waarde)}"
        for i in range(len(toks) - 1):  # 'Kevin de Boer', 'de Boer'
            patterns.append(_Pattern(toks[i:], kind, key))
        for tok in toks:
            if _fold(tok) not in _INTERFIXES and len(tok) >= 2:
                patterns.append(_Pattern((tok,), kind, key))
    elif soort in {"adres", "woonplaats"}:
        kind = ADRES if soort == "adres" else LOCATIE
        key = f"{soort}:{_fold(waarde)}"
        patterns.append(_Pattern(toks, kind, key))
        words = tuple(t for t in toks if not t.isdigit() and _fold(t) not in _INTERFIXES)
        if soort == "adres" and words and words != toks:
            patterns.append(_Pattern(words, kind, key))
    return tuple(patterns)


def _exact_identity_detections(text: str, identities: Iterable[KnownIdentity]) -> list[Detection]:
    """Known BSN, phone, e-mail, postcode and birth date, whatever their formatting."""
    found: list[Detection] = []
    for ident in identities:
        soort, waarde = ident.soort.strip().lower(), str(ident.waarde).strip()
        key = f"{soort}:{waarde}"
        if soort == "bsn":
            target = digits(waarde).zfill(9)
            found += [
                Detection(d.start, d.end, BSN, d.text, "identiteit", key)
                for d in _digit_runs(text)
                if digits(d.text).zfill(9) == target
            ]
        elif soort == "telefoon":
            target = normalize_phone(waarde)
            found += [
                Detection(d.start, d.end, TELEFOON, d.text, "identiteit", key)
                for d in _digit_runs(text)
                if normalize_phone(d.text) == target
            ]
        elif soort == "email":
            if "@" in waarde and "@" not in text:
                continue  # no match possible: no pattern to compile (and no other evicted)
            for m in _exact_pattern(soort, waarde).finditer(text):
                found.append(Detection(m.start(), m.end(), EMAIL, m.group(), "identiteit", key))
        elif soort == "postcode":
            cijfers = re.sub(r"\s", "", waarde)[:4]
            if cijfers.isascii() and cijfers.isdigit() and cijfers not in text:
                continue  # the four digits must occur as they are: nothing to compile
            for m in _exact_pattern(soort, waarde).finditer(text):
                found.append(Detection(m.start(), m.end(), POSTCODE, m.group(), "identiteit", key))
        elif soort == "geboortedatum":
            found += _birth_date(text, waarde, key)
    return found


@lru_cache(maxsize=1 << 12)
def _exact_pattern(soort: str, waarde: str) -> re.Pattern[str]:
    """The compiled pattern of a known e-mail address or postcode (once per identity)."""
    if soort == "email":
        return re.compile(re.escape(waarde), flags=re.IGNORECASE)
    compact = re.sub(r"\s", "", waarde)
    pattern = re.escape(compact[:4]) + r" ?" + re.escape(compact[4:])
    return re.compile(r"(?i)(?<!\w)" + pattern + r"(?!\w)")


_DIGIT_RUN = re.compile(r"(?:\+|\(0\))?\d[\d .\-()]{5,}\d")
_INITIALS = re.compile(r"(?:\b[A-Z]\. ?)+$")


def _digit_runs(text: str) -> list[Detection]:
    return _find(_DIGIT_RUN, text, "", "cijfers")


def _birth_date(text: str, waarde: str, key: str) -> list[Detection]:
    try:
        born = date.fromisoformat(waarde[:10])
    except ValueError:
        return []
    found = []
    for d in find_dates(text):
        parts = parse_date_parts(d.text)
        if (
            parts
            and parts[0] == born.day
            and parts[1] == born.month
            and parts[2] in (None, born.year)
        ):
            found.append(Detection(d.start, d.end, DATUM, d.text, "identiteit", key))
    return found


def find_known_identities(
    text: str, identities: Iterable[KnownIdentity], fuzzy: bool = True
) -> list[Detection]:
    """The client's own name, relatives, address and numbers: any case, misspelled, reformatted."""
    identities = list(identities)
    spans: list[tuple[int, int]] = []
    folded: list[str] = []  # once per text, not per pattern
    at: dict[str, list[int]] = {}  # where each folded token occurs
    at_initial: dict[str, list[int]] = {}  # where a token with this first letter occurs
    for i, m in enumerate(_TOKEN.finditer(text)):
        spans.append(m.span())
        f = _fold(m.group())
        folded.append(f)
        at.setdefault(f, []).append(i)
        at_initial.setdefault(f[:1], []).append(i)
    found: list[Detection] = []
    for ident in identities:
        for tokens, fuzzable, kind, key in _compiled_patterns_of(ident.soort, str(ident.waarde)):
            n = len(tokens)
            if n == 0:
                continue
            flags = tuple(fuzzy and f for f in fuzzable)
            first, first_fuzzy = tokens[0], flags[0]
            if first_fuzzy and len(first) >= 5:  # a misspelling keeps its first letter
                candidates = at_initial.get(first[:1], ())
            else:  # _folded_match: short or exact tokens only as they are
                candidates = at.get(first, ())
            for i in candidates:
                if i > len(spans) - n:
                    break
                if not _folded_match(folded[i], first, first_fuzzy):
                    continue
                if n > 1 and not all(
                    _folded_match(folded[i + j], tokens[j], flags[j]) for j in range(1, n)
                ):
                    continue
                start, end = spans[i][0], spans[i + n - 1][1]
                if kind == PERSOON:  # 'S. Bakker', 'S.M. Bakker': initials belong to the name
                    initials = _INITIALS.search(text[max(0, start - 12) : start])
                    if initials:
                        start -= len(initials.group())
                found.append(Detection(start, end, kind, text[start:end], "identiteit", key))
    return found + _exact_identity_detections(text, identities)


def find_all(text: str, streets: Iterable[str] | None = None) -> list[Detection]:
    """All pattern detectors of this module (not the known identities)."""
    ages = find_ages(text)
    return (
        find_bsn(text) + find_iban(text) + find_postcodes(text) + find_phones(text)
        + find_emails(text) + find_urls(text) + find_dates(text) + ages
        + find_streets(text, streets) + find_organisations(text) + find_names(text, ages)
    )  # fmt: skip
