"""Import, export and templates: validation before any write, all-or-nothing, round trips."""

from __future__ import annotations

import hashlib
import sqlite3

import pandas as pd
import pytest
from sqlalchemy import text

from impact import store
from impact.errors import UserInputError
from impact.io.exporter import export_file
from impact.io.importer import import_file
from impact.io.tabular import read_table
from impact.io.templates import write_template

CLIENTS = "pseudoniem;geboortejaar;gemeente;wijk;groep\nC1;1980;Weert;Fatima;interventie\nC2;1975;Weert;Keent;vergelijking\n"


@pytest.fixture
def with_clients(engine, tmp_path):
    path = tmp_path / "clienten.csv"
    path.write_text(CLIENTS, encoding="utf-8")
    import_file(engine, "clienten", path)
    return engine


def test_bad_file_names_every_problem_and_changes_nothing(with_clients, tmp_path):
    engine = with_clients
    path = tmp_path / "metingen.csv"
    path.write_text(
        "client;instrument;domein;datum;score\n"
        "C1;ZRM;financien;2024-01-01;2\n"
        "C1;ZRM;financien;2024-07-01;7\n"  # score outside 1-5
        "C9;ZRM;financien;2024-07-01;3\n"  # unknown client
        "C2;ZRM;financien;2024-13-01;3\n"  # bad date
        "C1;ZRM;financien;2024-01-01;2\n",  # duplicate of row 2
        encoding="utf-8",
    )
    before = store.table_fingerprint(engine)
    with pytest.raises(UserInputError) as caught:
        import_file(engine, "metingen", path)
    found = {(p.row, p.column) for p in caught.value.problems}
    assert found == {(3, "score"), (4, "client"), (5, "datum"), (6, "client/instrument/domein/datum/bron")}
    assert all(str(p).startswith(f"{path}:") for p in caught.value.problems)
    assert store.table_fingerprint(engine) == before
    assert store.counts(engine)["meting"] == 0


def test_cli_refuses_bad_file_with_exit_2_and_sqlite_file_unchanged(tmp_path, cli):
    db = tmp_path / "impact.db"
    assert cli("init", "--db", str(db)).returncode == 0
    (tmp_path / "c.csv").write_text(CLIENTS, encoding="utf-8")
    assert cli("importeer", "clienten", str(tmp_path / "c.csv"), "--db", str(db)).returncode == 0
    (tmp_path / "m.csv").write_text("client;instrument;domein;datum;score\nC1;ZRM;financien;31-02-2024;x\n")
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    result = cli("importeer", "metingen", str(tmp_path / "m.csv"), "--db", str(db))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "m.csv:2:datum" in result.stderr and "m.csv:2:score" in result.stderr
    assert "er is niets gewijzigd" in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest


def test_cli_without_init_says_what_to_do(tmp_path, cli):
    (tmp_path / "c.csv").write_text(CLIENTS, encoding="utf-8")
    result = cli("importeer", "clienten", "c.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert "impact init" in result.stderr


def test_duplicate_against_database_is_refused(with_clients, tmp_path):
    path = tmp_path / "again.csv"
    path.write_text("pseudoniem;gemeente\nC3;Weert\nC1;Weert\n", encoding="utf-8")
    with pytest.raises(UserInputError) as caught:
        import_file(with_clients, "clienten", path)
    assert [(p.row, p.column) for p in caught.value.problems] == [(3, "pseudoniem")]
    assert store.counts(with_clients)["client"] == 2


def test_excel_style_csv_cp1252_decimal_comma(with_clients, tmp_path):
    path = tmp_path / "pg.csv"
    path.write_bytes(
        "client;instrument;domein;datum;score;bron\r\nC1;PG;zingeving;1-3-2024;6,5;cliënt\r\n".encode(
            "cp1252"
        )
    )
    import_file(with_clients, "metingen", path)
    metingen = store.read(with_clients, "metingen")
    assert metingen["score"].tolist() == [6.5]
    assert metingen["bron"].tolist() == ["cliënt"]
    assert metingen["datum"].tolist() == [pd.Timestamp("2024-03-01")]


def test_comma_separated_with_decimal_point(with_clients, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text(
        "client,instrument,domein,datum,score\nC2,ZRM,huisvesting,2024-02-01,3.0\n", encoding="utf-8"
    )
    assert import_file(with_clients, "metingen", path).rows == 1


def test_missing_column_is_named(with_clients, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("client;domein;datum;score\nC1;financien;2024-01-01;2\n", encoding="utf-8")
    with pytest.raises(UserInputError) as caught:
        import_file(with_clients, "metingen", path)
    assert [(p.row, p.column) for p in caught.value.problems] == [(1, "instrument")]


def test_trajecten_need_known_intervention_and_end_after_start(with_clients, tmp_path):
    (tmp_path / "i.csv").write_text("naam;databank_erkenning\nSchuldhulp;goed beschreven\n", encoding="utf-8")
    import_file(with_clients, "interventies", tmp_path / "i.csv")
    path = tmp_path / "t.csv"
    path.write_text(
        "client;interventie;start;eind\nC1;Schuldhulp;2024-01-01;2023-12-01\nC2;Onbekend;2024-01-01;\n",
        encoding="utf-8",
    )
    with pytest.raises(UserInputError) as caught:
        import_file(with_clients, "trajecten", path)
    assert {(p.row, p.column) for p in caught.value.problems} == {(2, "eind"), (3, "interventie")}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_reimports_cleanly(with_clients, tmp_path, suffix, database_url):
    engine = with_clients
    (tmp_path / "m.csv").write_text(
        "client;instrument;domein;datum;score\nC1;ZRM;financien;2024-01-01;2\nC2;PG;zingeving;2024-02-01;7,5\n",
        encoding="utf-8",
    )
    import_file(engine, "metingen", tmp_path / "m.csv")
    for kind in ("clienten", "metingen"):
        export_file(engine, kind, tmp_path / f"{kind}{suffix}")
    fresh = store.connect(f"sqlite:///{tmp_path / 'fresh.db'}")
    store.upgrade(fresh)
    for kind in ("clienten", "metingen"):
        import_file(fresh, kind, tmp_path / f"{kind}{suffix}")
    pd.testing.assert_frame_equal(
        store.read(fresh, "metingen").drop(columns="client_id"),
        store.read(engine, "metingen").drop(columns="client_id"),
    )
    # importing the export again into the same database is refused as duplicates
    with pytest.raises(UserInputError):
        import_file(fresh, "metingen", tmp_path / f"metingen{suffix}")


@pytest.mark.parametrize("kind", ["clienten", "metingen", "verhalen", "prijslijst", "trajecten"])
def test_template_has_dutch_headers_and_example_row(kind, tmp_path):
    path = write_template(kind, tmp_path / f"{kind}.xlsx")
    frame = read_table(path)
    assert len(frame) == 1
    from impact.io.kinds import KINDS

    assert list(frame.columns) == [c.name for c in KINDS[kind].columns]
    toelichting = pd.read_excel(path, sheet_name="toelichting")
    assert {"kolom", "verplicht", "type", "uitleg"} <= set(toelichting.columns)


def test_template_example_rows_import(engine, tmp_path):
    """The example rows of the templates are themselves valid, in dependency order."""
    for kind in (
        "interventies",
        "clienten",
        "trajecten",
        "metingen",
        "gebeurtenissen",
        "verhalen",
        "prijslijst",
    ):
        path = write_template(kind, tmp_path / f"{kind}.csv")
        import_file(engine, kind, path, price_list_version="test")
    counts = store.counts(engine)
    assert counts["meting"] == 1 and counts["verhaal"] == 1 and counts["prijslijst"] == 1


def test_story_text_is_stored_verbatim(with_clients, tmp_path):
    text_ = '<script>alert("x")</script> & "quotes"; gewone tekst'
    pd.DataFrame([{"tekst": text_, "soort": "casusnotitie", "toestemming": "intern", "client": "C1"}]).to_csv(
        tmp_path / "v.csv", sep=";", index=False
    )
    import_file(with_clients, "verhalen", tmp_path / "v.csv")
    with with_clients.connect() as connection:
        assert connection.execute(text("SELECT tekst FROM verhaal")).scalar() == text_
