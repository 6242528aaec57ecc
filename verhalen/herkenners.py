"""Our own detectors for Dutch identifiers, where deduce alone is known to be weak.

Every detector is a pure function ``text -> list[Detection]``. Offsets are character offsets
into the text (``text[start:end] == detection.text``).
"""

from __future__ import annotations

import csv
import re
import unicodedata
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


def find_bsn(text: str) -> list[Detection]:
    """Nine-digit numbers (optionally grouped) passing the elfproef; any number after 'BSN'."""
    found = [
        Detection(m.start(), m.end(), BSN, m.group(), "elfproef")
        for m in _BSN_CANDIDATE.finditer(text)
        if elfproef(m.group())
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


def find_postcodes(text: str) -> list[Detection]:
    """Dutch postcodes (1234 AB, 1234AB, 1234 ab); lowercase only when not a common word."""
    found = []
    for m in _POSTCODE.finditer(text):
        letters = m.group(3)
        if letters.upper() in {"SA", "SD", "SS"}:
            continue
        if not letters.isupper() and letters.lower() in _TWO_LETTER_WORDS:
            continue
        found.append(Detection(m.start(), m.end(), POSTCODE, m.group(), "postcode"))
    return found


# --- phone numbers ---------------------------------------------------------------------------

_SEP = r"[ \-.]?"
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


def find_phones(text: str) -> list[Detection]:
    """Dutch phone numbers: 06-12345678, 06 12 34 56 78, +31 6 ..., 0031 ..., (046) 452 11 00."""
    found = []
    for m in _PHONE.finditer(text):
        value = m.group()
        if _DATE_LIKE.match(value):
            continue
        number = normalize_phone(value)
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
    """E-mail addresses, also written as naam(at)domein.nl or naam [at] domein.nl."""
    return _find(_EMAIL, text, EMAIL, "email")


def find_urls(text: str) -> list[Detection]:
    return _find(_URL, text, URL, "url")


# --- dates -----------------------------------------------------------------------------------

_DAY_MONTH = re.compile(
    r"(?i)(?<![\w\-/.])(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    r"|ma|di|wo|do|vr|za|zo)\.? )?"
    r"([0-3]?\d)(?:e|ste|de)? (" + _MONTH_ALT + r")\.?(?: ('?\d{4}|'\d{2}))?(?![\w])"
)
_NUMERIC_DATE = re.compile(
    r"(?<![\w\-/.])(?:([0-3]?\d)[-/.]([01]?\d)[-/.](\d{4}|\d{2})|(\d{4})-([01]\d)-([0-3]\d))(?![\w\-/])"
)
_MONTH_YEAR = re.compile(r"(?i)(?<![\w])(" + _MONTH_ALT + r")\.? (\d{4})(?![\w])")


def find_dates(text: str) -> list[Detection]:
    """Dates: '3 maart', 'di 3 mrt.', '3 maart 2024', '03-03-2024', '2024-03-03', 'maart 2024'.

    deduce only recognises dates with a year; notes often write '3 maart' or '12 jan'.
    """
    found = []
    for m in _DAY_MONTH.finditer(text):
        if 1 <= int(m.group(1)) <= 31:
            found.append(Detection(m.start(), m.end(), DATUM, m.group(), "dag-maand"))
    for m in _NUMERIC_DATE.finditer(text):
        if parse_date_parts(m.group()) is not None:
            found.append(Detection(m.start(), m.end(), DATUM, m.group(), "datum"))
    found += _find(_MONTH_YEAR, text, DATUM, "maand-jaar")
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

_AGE_PATTERNS = [
    re.compile(r"(?P<word>[^\W\d_]+) \((?P<n>[1-9]\d?|1[01]\d)\)"),
    re.compile(r"(?i)(?<![\w,.])(?P<n>\d{1,3})[ -]?jarige?\b"),
    re.compile(r"(?i)(?<![\w,.])(?P<n>\d{1,3}) ?(?:jaar|jr\.?) oud\b"),
    re.compile(r"(?i)\bleeftijd van (?P<n>\d{1,3})\b"),
    re.compile(
        r"(?i)\b(?:is|wordt|werd|zijn|was|ben) (?P<n>\d{1,3}) (?:jaar|jr)\b"
        r"(?! (?:geleden|lang|later|bij|in|schuld|getrouwd|samen))"
    ),
]


def find_ages(text: str) -> list[Detection]:
    """Ages: '(43)', '17-jarige', '38 jaar oud', 'is 52 jaar', 'leeftijd van 80'."""
    found = []
    for pattern in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            if "word" in pattern.groupindex and m.group("word").lower() in _score_words():
                continue  # 'financiën (2)': a score on a life domain, not an age
            if 0 < int(m.group("n")) < 120:
                found.append(
                    Detection(m.start("n"), m.end("n"), LEEFTIJD, m.group("n"), "leeftijd")
                )
    return found


# --- streets and institutions of the region --------------------------------------------------

_HOUSE_NUMBER = r"(?: \d{1,4}(?: ?[a-zA-Z](?![\w]))?(?:[ -]\d{1,3}(?!\d))?)?"
_GENERIC_STREET = re.compile(
    r"(?i)(?<![\w\-])[a-zà-ÿ][\w\-']*(?:straat|weg|laan|plein|singel|gracht|dreef|hof|pad|steeg|"
    r"kade|markt|dijk|baan|veld|wal|ring|park|allee|hoven|erf|akker|donk)"
    r" \d{1,4}(?: ?[a-zA-Z](?![\w]))?(?![\w])"
)


@lru_cache(maxsize=1)
def regional_streets() -> tuple[str, ...]:
    """Real street names of Brunssum, Weert, Sittard-Geleen and Roermond (shipped data)."""
    with resources.files("verhalen.data").joinpath("straten_regio.csv").open(encoding="utf-8") as f:
        return tuple(row["straat"] for row in csv.DictReader(f))


@lru_cache(maxsize=1)
def regional_institutions() -> tuple[str, ...]:
    text = resources.files("verhalen.data").joinpath("instellingen_regio.txt").read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...], suffix: str) -> re.Pattern[str]:
    alts = "|".join(
        re.sub(r"\\[ \-]", lambda _: r"[ \-]", re.escape(p))
        for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(r"(?i)(?<![\w\-])(?:" + alts + r")" + suffix + r"(?![\w])")


def find_streets(text: str, streets: Iterable[str] | None = None) -> list[Detection]:
    """Regional street names (any case, with or without house number) and any 'Xstraat 12'."""
    names = tuple(streets) if streets is not None else regional_streets()
    found = (
        _find(_phrase_pattern(names, _HOUSE_NUMBER), text, ADRES, "straat-regio") if names else []
    )
    return found + _find(_GENERIC_STREET, text, ADRES, "straat-huisnummer")


def find_institutions(text: str, names: Iterable[str] | None = None) -> list[Detection]:
    names = tuple(names) if names is not None else regional_institutions()
    return _find(_phrase_pattern(names, ""), text, INSTELLING, "instelling-regio") if names else []


# --- the client's own known identities -------------------------------------------------------

NAME_KINDS = {"voornaam", "achternaam", "naam"}
_INTERFIXES = {
    "van", "de", "der", "den", "het", "ten", "ter", "te", "in", "t", "'t", "el", "al", "la", "le",
    "du", "da", "di", "dos", "von", "op", "vd", "v", "d", "bin", "ben", "ibn", "abu",
}  # fmt: skip
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*")


def _fold(s: str) -> str:
    """Lowercase without diacritics: 'Öztürk' -> 'ozturk'."""
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


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
    a, b = _fold(found), _fold(known)
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


def _identity_patterns(identities: Iterable[KnownIdentity]) -> list[_Pattern]:
    patterns: list[_Pattern] = []
    for ident in identities:
        soort, waarde = ident.soort.strip().lower(), str(ident.waarde).strip()
        if not waarde:
            continue
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
    return patterns


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
            for m in re.finditer(re.escape(waarde), text, flags=re.IGNORECASE):
                found.append(Detection(m.start(), m.end(), EMAIL, m.group(), "identiteit", key))
        elif soort == "postcode":
            compact = re.sub(r"\s", "", waarde)
            pattern = re.escape(compact[:4]) + r" ?" + re.escape(compact[4:])
            for m in re.finditer(r"(?i)(?<!\w)" + pattern + r"(?!\w)", text):
                found.append(Detection(m.start(), m.end(), POSTCODE, m.group(), "identiteit", key))
        elif soort == "geboortedatum":
            found += _birth_date(text, waarde, key)
    return found


def _digit_runs(text: str) -> list[Detection]:
    return _find(re.compile(r"(?:\+|\(0\))?\d[\d .\-()]{5,}\d"), text, "", "cijfers")


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
    spans = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    found: list[Detection] = []
    for pat in _identity_patterns(identities):
        n = len(pat.tokens)
        if n == 0:
            continue
        for i in range(len(spans) - n + 1):
            window = spans[i : i + n]
            if all(
                tokens_match(w[2], t, fuzzy and _fold(t) not in _INTERFIXES and not t.isdigit())
                for w, t in zip(window, pat.tokens, strict=True)
            ):
                start, end = window[0][0], window[-1][1]
                if pat.kind == PERSOON:  # 'S. Bakker', 'S.M. Bakker': initials belong to the name
                    initials = re.search(r"(?:\b[A-Z]\. ?)+$", text[max(0, start - 12) : start])
                    if initials:
                        start -= len(initials.group())
                found.append(
                    Detection(start, end, pat.kind, text[start:end], "identiteit", pat.key)
                )
    return found + _exact_identity_detections(text, identities)


def find_all(text: str, streets: Iterable[str] | None = None) -> list[Detection]:
    """All pattern detectors of this module (not the known identities)."""
    return (
        find_bsn(text) + find_iban(text) + find_postcodes(text) + find_phones(text)
        + find_emails(text) + find_urls(text) + find_dates(text) + find_ages(text)
        + find_streets(text, streets) + find_institutions(text)
    )  # fmt: skip
