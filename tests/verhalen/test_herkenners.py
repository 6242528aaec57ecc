"""Our own detectors, checked against hand-worked values (no deduce needed)."""

from __future__ import annotations

import pytest

from verhalen import herkenners as h
from verhalen.herkenners import KnownIdentity, leeftijden


def texts(found):
    return sorted(d.text for d in found)


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("111222333", True),  # 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-3 = 66 = 6*11
        ("123456782", True),  # 9+16+21+24+25+24+21+16-2 = 154 = 14*11
        ("123456789", False),
        ("000000000", False),
        ("1234.56.782", True),
    ],
)
def test_elfproef(number, valid):
    assert h.elfproef(number) is valid


def test_bsn_formats_and_elfproef_filter():
    text = "BSN 123456782, ook 1234.56.782 en 111 222 333; dossier 123456789 of 0612345678."
    assert texts(h.find_bsn(text)) == sorted(
        ["111 222 333", "123456782", "123456782", "1234.56.782"]
    )


def test_bsn_after_keyword_even_without_elfproef():
    assert texts(h.find_bsn("burgerservicenummer: 123456789")) == ["123456789"]


def test_iban_mod97():
    # NL91 ABNA 0417 1643 00 is the textbook example; changing one digit breaks mod 97.
    assert h.iban_valid("NL91ABNA0417164300")
    assert not h.iban_valid("DE91ABNA0417164300")
    found = h.find_iban("Rekening NL91 ABNA 0417 1643 00 en nl91abna0417164300.")
    assert texts(found) == ["NL91 ABNA 0417 1643 00", "nl91abna0417164300"]


def test_postcodes_not_years_or_words():
    text = "6441 AB, 6041CD en 6131 xy; in 2024 en 1500 op, SA: 1234 SA."
    assert texts(h.find_postcodes(text)) == ["6041CD", "6131 xy", "6441 AB"]


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678", "06 12345678", "06 1234 5678", "06 12 34 56 78", "0612345678",
        "+31 6 12345678", "+31 (0)6 1234 5678", "+316-12345678", "0031 6 12345678",
        "046-4521100", "046 452 11 00", "(046) 4521100", "0475-123456", "0475 12 34 56",
        "+31 46 452 1100",
    ],
)  # fmt: skip
def test_phone_formats(phone):
    found = h.find_phones(f"Bel {phone} na 10 uur.")
    assert texts(found) == [phone]


def test_phone_not_a_date_or_amount():
    assert h.find_phones("op 01-03-2024 10 uur, bedrag 1.250, jaar 2024") == []
    assert h.normalize_phone("+31 (0)6 1234 5678") == h.normalize_phone("06-12345678")


def test_email_variants():
    text = "Mail M.Jansen@Gmail.com of jan (at) home.nl of piet[at]ziggo.nl."
    assert texts(h.find_emails(text)) == [
        "M.Jansen@Gmail.com",
        "jan (at) home.nl",
        "piet[at]ziggo.nl",
    ]


def test_day_month_without_year():
    text = "Afspraak op 3 maart, dinsdag 12 mrt. en de 4e juni; 12 maart 2024 ook."
    found = set(texts(h.find_dates(text)))
    # weekday and month + year alone stay (evaluatie/CONVENTIES.md: not part of a date)
    assert found == {"12 maart 2024", "3 maart", "4e juni", "12 mrt."}
    assert h.month_label("12 maart 2024") == "maart 2024"
    assert h.month_label("03-04-2024") == "april 2024"
    assert h.month_label("3 mrt") == "maart"


def test_ages_but_not_durations():
    text = "Mevrouw (43) heeft een 17-jarige zoon; hij is 12 jaar. Al 3 jaar schulden."
    assert texts(h.find_ages(text)) == ["12", "17", "43"]


def test_regional_streets_any_case_and_generic_with_number():
    text = "Woont aan de rumpenerstraat 112a, eerder Ringbaan Oost en daarna Beukenlaan 3."
    found = set(texts(h.find_streets(text)))
    assert {"Beukenlaan 3", "Ringbaan Oost", "rumpenerstraat 112a"} <= found  # overlaps merge later
    assert {"Brunssum", "Weert", "Roermond"} <= set(_gemeenten())


def _gemeenten():
    import csv
    from importlib import resources

    with resources.files("verhalen.data").joinpath("straten_regio.csv").open() as f:
        return {row["gemeente"] for row in csv.DictReader(f)}


IDENTITIES = [
    KnownIdentity("voornaam", "Fatima"),
    KnownIdentity("achternaam", "El Amrani"),
    KnownIdentity("naaste", "Kevin de Boer"),
    KnownIdentity("adres", "Kapellerlaan 12"),
    KnownIdentity("telefoon", "+31612345678"),
    KnownIdentity("bsn", "123456782"),
    KnownIdentity("geboortedatum", "1981-03-03"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fatima belde", "fatima"),
        ("Mevrouw el amrani belde", "el amrani"),
        ("Fatmia belde", "Fatmia"),  # transposition
        ("Fatima El Amranni", "Fatima El Amranni"),  # doubled letter, joined later
        ("F. El Amrani", "F. El Amrani"),  # initial belongs to the name
    ],
)
def test_known_client_name_lowercase_and_misspelled(text, expected):
    found = [d for d in h.find_known_identities(text, IDENTITIES) if d.key == "client"]
    assert expected in {d.text for d in found} or any(
        d.text in expected and d.start >= 0 for d in found
    )
    covered = set()
    for d in found:
        covered |= set(range(d.start, d.end))
    start = text.index(expected)
    assert all(i in covered or text[i] == " " for i in range(start, start + len(expected)))


def test_known_identities_numbers_and_relatives():
    text = "kevin en De Boer; kapellerlaan 12; bel 06 12 34 56 78; BSN 12.34.56.782; geb. 3-3-1981"
    found = h.find_known_identities(text, IDENTITIES)
    kinds = {(d.kind, d.text) for d in found}
    assert ("persoon", "kevin") in kinds and ("persoon", "De Boer") in kinds
    assert ("adres", "kapellerlaan 12") in kinds
    assert ("telefoon", "06 12 34 56 78") in kinds
    assert ("bsn", "12.34.56.782") in kinds
    assert ("datum", "3-3-1981") in kinds


def test_fuzzy_match_does_not_swallow_ordinary_words():
    ids = [KnownIdentity("voornaam", "Willem"), KnownIdentity("achternaam", "Jansen")]
    found = h.find_known_identities("We willen jassen kopen; Wilem en Janssen kwamen.", ids)
    assert texts(found) == ["Janssen", "Wilem"]


def test_limburgish_number_words_with_their_joints():
    words = leeftijden.number_words()
    assert words["twieëndzeventig"] == 72 and words["veerendertig"] == 34  # dialect unit, 'ën(d)'
    assert words["vieftig"] == 50 and words["drieëntwintig"] == 23


@pytest.mark.parametrize("word, value", [
    ("drie-en-zeuventig", 73), ("ach-en-tachtig", 88), ("tachteg", 80), ("sevenensestig", 67),
    ("vuuefensestig", 65), ("zeuventieën", 17), ("seventien", 17), ("negenendertig", 39), ("17", 17),
    ("veertiende", 14), ("tien", 10), ("huis", None), ("ten", None), ("tig", None), ("drieveertien", None),
])  # fmt: skip
def test_spoken_number_spellings_are_read_by_their_parts(word, value):
    assert h.number_value(word) == value


def test_an_age_in_a_spelling_nobody_listed():
    assert texts(h.find_ages("Ich bin Leny, drie-en-zeuventig, en ich woen hie.")) == ["drie-en-zeuventig"]
    assert set(texts(h.find_ages("Mijn mam is dit jaar tachteg gewoere."))) == {"tachteg"}


def test_dates_with_a_dash_only_where_no_score_range():
    found = texts(h.find_dates("sinds 1-7 thuis, score 2-4, op 19-02 geweigerd, 14-6 gebeld"))
    assert found == ["1-7", "14-6", "19-02"]


def test_dates_with_a_dash_in_a_chat_export():
    """A leading zero or a time after it makes an ascending day-month a date, not a range."""
    chat = "02-11 18:02 - Huub: Er staat een busje\n2-11 18:05 - Guus: Top\nscore 2-4, groepje 1-3 jongeren"
    assert texts(h.find_dates(chat)) == ["02-11", "2-11"]
