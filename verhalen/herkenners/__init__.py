"""Our own detectors for Dutch identifiers, where deduce alone is known to be weak.

Every detector is a pure function ``text -> list[Detection]``. Offsets are character offsets
into the text (``text[start:end] == detection.text``). One module per kind of identifier:
:mod:`.nummers` (BSN, IBAN, postcode, phone, e-mail, URL), :mod:`.datums`, :mod:`.leeftijden`,
:mod:`.adressen`, :mod:`.organisaties`, :mod:`.namen` and :mod:`.bekende_identiteiten`; they
share :mod:`.basis` (kinds, a detection, folding), :mod:`.woorden` (the word lists) and
:mod:`.publiek` (what is public and stays).
"""

from __future__ import annotations

from collections.abc import Iterable

from verhalen.herkenners.adressen import find_streets
from verhalen.herkenners.basis import (
    ADRES,
    BSN,
    DATUM,
    EMAIL,
    IBAN,
    ID,
    INSTELLING,
    LEEFTIJD,
    LOCATIE,
    PERSOON,
    POSTCODE,
    TELEFOON,
    URL,
    Detection,
    KnownIdentity,
    fold,
)
from verhalen.herkenners.bekende_identiteiten import NAME_KINDS, find_known_identities
from verhalen.herkenners.datums import find_dates, month_label, parse_date_parts
from verhalen.herkenners.leeftijden import (
    ages_after_names,
    find_ages,
    is_age_limit_or_score,
    number_value,
    ordinal_words,
)
from verhalen.herkenners.namen import find_names
from verhalen.herkenners.nummers import (
    elfproef,
    find_bsn,
    find_emails,
    find_iban,
    find_phones,
    find_postcodes,
    find_urls,
    iban_valid,
    is_general_number,
    is_other_number,
    is_service_number,
    normalize_phone,
)
from verhalen.herkenners.organisaties import find_organisations

__all__ = [
    "ADRES", "BSN", "DATUM", "EMAIL", "IBAN", "ID", "INSTELLING", "LEEFTIJD", "LOCATIE", "PERSOON",
    "POSTCODE", "TELEFOON", "URL", "NAME_KINDS", "Detection", "KnownIdentity", "fold",
    "find_all", "ages_after_names", "find_ages", "find_bsn", "find_dates", "find_emails", "find_iban", "find_known_identities",
    "find_names", "find_organisations", "find_phones", "find_postcodes", "find_streets", "find_urls",
    "elfproef", "iban_valid", "is_age_limit_or_score", "is_general_number", "is_other_number",
    "is_service_number", "month_label", "normalize_phone", "number_value", "ordinal_words", "parse_date_parts",
]  # fmt: skip


def find_all(text: str, streets: Iterable[str] | None = None) -> list[Detection]:
    """All pattern detectors of this package (not the known identities)."""
    ages = find_ages(text)
    names = find_names(text, ages)
    return (
        find_bsn(text) + find_iban(text) + find_postcodes(text) + find_phones(text)
        + find_emails(text) + find_urls(text) + find_dates(text) + ages
        + find_streets(text, streets) + find_organisations(text) + names + ages_after_names(text, names)
    )  # fmt: skip
