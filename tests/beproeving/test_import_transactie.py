"""All or nothing when the write itself fails halfway (disk full, connection lost, a bug).

The validation-error case is tested elsewhere; here the file is valid, the first chunk of rows
has been written, and the second chunk fails. The database must be exactly as before: every
table, compared as a canonical dump straight from the database. Runs on SQLite and, when
IMPACT_TEST_PG is set, on PostgreSQL (the ``engine`` fixture of tests/conftest.py).
"""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from impact import store
from impact.io import importer
from impact.io.importer import import_file

CLIENTEN = "pseudoniem;geboortejaar;gemeente;wijk;groep\nC1;1980;Weert;Fatima;interventie\nC2;1975;Weert;Keent;vergelijking\n"


def _dump(engine) -> dict[str, list[tuple]]:
    """Every table of the database, every row, in a fixed order (no code under test involved)."""
    uit = {}
    with engine.connect() as verbinding:
        for tabel in sorted(inspect(verbinding).get_table_names()):
            rijen = verbinding.execute(text(f'SELECT * FROM "{tabel}"')).fetchall()
            uit[tabel] = sorted(tuple(map(repr, r)) for r in rijen)
    return uit


def _tidy(engine) -> dict[str, str]:
    return {naam: store.read(engine, naam).to_csv(index=False) for naam in store.QUERIES}


class Schijfvol(RuntimeError):
    pass


def _faal_na_eerste(monkeypatch, chunk: int = 3) -> list[int]:
    """Let the first bulk insert through, make the second one fail; return the call log."""
    echte = store.bulk_insert
    aanroepen: list[int] = []

    def nep(connection, table, columns, rows):
        rows = list(rows)
        aanroepen.append(len(rows))
        if len(aanroepen) >= 2:
            raise Schijfvol("schijf vol tijdens het schrijven")
        echte(connection, table, columns, rows)

    monkeypatch.setattr(store, "bulk_insert", nep)
    assert hasattr(importer, "CHUNK"), "de importer schrijft niet meer in blokken: pas deze test aan"
    monkeypatch.setattr(importer, "CHUNK", chunk)
    return aanroepen


@pytest.fixture
def met_clienten(engine, tmp_path):
    pad = tmp_path / "clienten.csv"
    pad.write_text(CLIENTEN, encoding="utf-8")
    import_file(engine, "clienten", pad)
    return engine


def test_fout_midden_in_het_schrijven_laat_database_ongemoeid(met_clienten, tmp_path, monkeypatch):
    engine = met_clienten
    pad = tmp_path / "metingen.csv"
    regels = ["client;instrument;domein;datum;score"]
    for maand in range(1, 11):
        regels.append(f"C1;ZRM;financien;2024-{maand:02d}-01;{1 + maand % 5}")
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    voor, voor_tidy = _dump(engine), _tidy(engine)
    aanroepen = _faal_na_eerste(monkeypatch)
    with pytest.raises(Schijfvol):
        import_file(engine, "metingen", pad)
    assert aanroepen[:2] == [3, 3], "het eerste blok moet geschreven zijn voordat het tweede faalt"
    assert _dump(engine) == voor
    assert _tidy(engine) == voor_tidy
    monkeypatch.undo()
    # the database is usable afterwards and the same file now imports whole
    assert import_file(engine, "metingen", pad).rows == 10
    assert store.counts(engine)["meting"] == 10


def test_fout_midden_in_clienten_laat_ook_organisaties_ongemoeid(engine, tmp_path, monkeypatch):
    """Importing clients also creates their organisations in the same transaction."""
    pad = tmp_path / "clienten.csv"
    rijen = ["pseudoniem;organisatie;geboortejaar;gemeente;wijk;groep"]
    rijen += [f"P{i};Nieuwe Stichting;1980;Weert;Fatima;interventie" for i in range(8)]
    pad.write_text("\n".join(rijen) + "\n", encoding="utf-8")
    voor = _dump(engine)
    _faal_na_eerste(monkeypatch)
    with pytest.raises(Schijfvol):
        import_file(engine, "clienten", pad)
    assert _dump(engine) == voor
