"""Identifiers with a fixed form: BSN, IBAN, postcode, phone number, e-mail address and URL."""

from __future__ import annotations

import re

from verhalen.herkenners.basis import (
    BSN,
    EMAIL,
    IBAN,
    POSTCODE,
    TELEFOON,
    URL,
    Detection,
    digits,
    find_pattern,
)
from verhalen.herkenners.publiek import public_spans
from verhalen.herkenners.woorden import TWO_LETTER_WORDS


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


def iban_valid(value: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97."""
    s = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    rearranged = s[4:] + s[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


_IBAN_CANDIDATE = re.compile(r"(?i)(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?!\w)")
_IBAN_NL_SHAPE = re.compile(r"(?i)NL\d{2}[A-Z]{4}\d{10}")


def find_iban(text: str) -> list[Detection]:
    """IBANs with a valid mod-97 check digit; Dutch-shaped ones (NL99AAAA9999999999) always."""
    found = []
    for m in _IBAN_CANDIDATE.finditer(text):
        compact = re.sub(r"\s", "", m.group())
        if iban_valid(compact) or _IBAN_NL_SHAPE.fullmatch(compact):
            found.append(Detection(m.start(), m.end(), IBAN, m.group(), "iban"))
    return found


_POSTCODE = re.compile(r"(?<![\w\-])([1-9]\d{3})( ?)([A-Za-z]{2})(?![\w\-])")


_YEAR_BEFORE = re.compile(r"(?i)\b(?:sinds|in|vanaf|tot|na|voor|begin|eind|medio|per|jaar)\s+$")


def find_postcodes(text: str) -> list[Detection]:
    """Dutch postcodes (1234 AB, 1234AB, 1234 ab); lowercase only when not a common word."""
    found = []
    for m in _POSTCODE.finditer(text):
        letters = m.group(3)
        if letters.upper() in {"SA", "SD", "SS"}:
            continue
        if not letters.isupper() and letters.lower() in TWO_LETTER_WORDS:
            continue
        if _YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()) and re.match(
            r"(?:19|20)\d\d$", m.group(1)
        ):
            continue
        found.append(Detection(m.start(), m.end(), POSTCODE, m.group(), "postcode"))
    return found


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


_GENERAL_AFTER = re.compile(
    r"(?i)\s*\([^)\n]{0,20}\b(?:algemeen|centrale|receptie|hoofdnummer)\b[^)\n]{0,20}\)"
)


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
    found = find_pattern(_FOREIGN_PHONE, text, TELEFOON, "telefoon-buitenland")
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


_EMAIL = re.compile(
    r"(?i)(?<![\w.+\-])[\w.+\-]+ ?(?:@|\(at\)|\[at\]) ?[\w\-]+(?:(?:\.|\(dot\)|\[dot\])[\w\-]+)*"
    r"\.[a-z]{2,}(?![\w])"
)
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)]")


def find_emails(text: str) -> list[Detection]:
    """E-mail addresses, also written as naam(at)domein.nl or naam [at] domein.nl. A desk's
    address ('wmo.loket@sittard-geleen.nl') goes too: the conventions make no exception for
    e-mail, and a wrong guess would publish someone's address."""
    return find_pattern(_EMAIL, text, EMAIL, "email")


def find_urls(text: str) -> list[Detection]:
    return find_pattern(_URL, text, URL, "url")
