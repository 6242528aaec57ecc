"""`impact kopieer --naar URL`: a whole database from SQLite to PostgreSQL, in one transaction.

The source is filled as a user's database gets filled: the demo world (clients, identities,
trajecten, metingen, events, stories with their published text, cases), the shipped price
list, an own instrument with a score, a codebook with codings and an imported case file.
Every table's rows must come out the same in the target, ids included; a target with data is
refused; a row the target refuses halfway leaves the target empty. And: an export that would
write nothing says so and writes no file.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from impact import store
from impact.cli import app
from impact.cli.demo import load_default_price_list
from impact.demo import generate
from impact.instruments import builtin
from impact.schema import Base
from verhalen.publicatie import publiceer

runner = CliRunner()
INSTRUMENT = """\
code: EIGEN
naam: Eigen vragenlijst
schaal_min: 0
schaal_max: 10
richting: hoger_is_beter
domeinen:
  - {code: wonen, naam: Wonen}
  - {code: werk, naam: Werk}
"""
CASUS = """\
naam: Casus gekopieerd
client: {client}
interventie: {interventie}
prijsjaar: 2024
scenarios:
  interventie:
    activiteiten:
      - {{item: sociaal_werker_uur, aantal: 12, start: 2024-01-08, eind: 2024-03-29}}
  referentie:
    gebeurtenissen:
      - omschrijving: uithuiszetting
        datum: 2024-09-01
        kans: 0.4
        gevolgen: [{{item: huisuitzetting_verhuurder, aantal: 1}}]
"""


# a fresh PostgreSQL database from tests/conftest.py's ``database_url`` (only its PostgreSQL side)
op_postgresql = [pytest.mark.postgres, pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)]


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.output


@pytest.fixture(scope="module")
def wereld():
    return publiceer(generate(seed=5, n_clients=60))


@pytest.fixture
def bron(tmp_path, wereld) -> str:
    url = f"sqlite:///{tmp_path / 'bron.db'}"
    engine = store.connect(url)
    store.upgrade(engine)
    store.write_world(engine, wereld)
    load_default_price_list(engine)
    pseudoniem = wereld.clienten["pseudoniem"].iloc[0]
    with engine.begin() as c:
        # a codebook whose child code has a lower id than its parent, and codings by two coders
        start = int(c.execute(text("SELECT COALESCE(MAX(id), 0) FROM code")).scalar()) + 1
        c.execute(text("INSERT INTO code (id, naam) VALUES (:k, 'schulden'), (:o, 'financien')"),
                  {"k": start, "o": start + 1})  # fmt: skip
        c.execute(text("UPDATE code SET parent_id = :o WHERE id = :k"), {"k": start, "o": start + 1})
        verhaal = int(c.execute(text("SELECT MIN(id) FROM verhaal")).scalar())
        for codeur in ("A", "B"):
            c.execute(
                text("INSERT INTO codering (verhaal_id, code_id, start, eind, codeur, datum) "
                     "VALUES (:v, :k, 0, 12, :c, '2025-03-01')"),
                {"v": verhaal, "k": start, "c": codeur},
            )  # fmt: skip
        interventie = c.execute(text("SELECT MIN(naam) FROM interventie")).scalar()
    engine.dispose()
    (tmp_path / "eigen.yaml").write_text(INSTRUMENT, encoding="utf-8")
    _ok("instrument", str(tmp_path / "eigen.yaml"), "--db", url)
    (tmp_path / "m.csv").write_text(
        f"client;instrument;domein;datum;score\n{pseudoniem};EIGEN;wonen;2025-01-15;6,5\n", encoding="utf-8"
    )
    _ok("importeer", "metingen", str(tmp_path / "m.csv"), "--db", url)
    (tmp_path / "casus.yaml").write_text(CASUS.format(client=pseudoniem, interventie=interventie), encoding="utf-8")
    _ok("importeer", "casussen", str(tmp_path / "casus.yaml"), "--db", url)
    return url


def _rijen(url: str) -> dict[str, list[tuple]]:
    """Every table's rows, by id, as SQLAlchemy types them (dates, JSON) on either backend."""
    engine = store.connect(url)
    with engine.connect() as c:
        rijen = {t.name: [tuple(r) for r in c.execute(select(t).order_by(t.c.id))] for t in Base.metadata.sorted_tables}
    engine.dispose()
    return rijen


@op_postgresql[0]
@op_postgresql[1]
def test_sqlite_database_is_copied_whole_to_postgresql(bron, database_url):
    pg_url = database_url
    uit = _ok("kopieer", "--db", bron, "--naar", pg_url)
    assert uit.startswith("Gekopieerd naar postgresql+psycopg://")
    assert ":impact@" not in uit  # the password is not printed

    voor, na = _rijen(bron), _rijen(pg_url)
    for tabel in ("client", "client_identiteit", "verhaal", "code", "codering", "casus", "prijslijst", "meting"):
        assert voor[tabel], f"de bron heeft geen rijen in {tabel}: de test bewijst dan niets"
    assert voor == na
    gepubliceerd = [r for r in na["verhaal"] if r[Base.metadata.tables["verhaal"].columns.keys().index("tekst_publicatie")]]
    assert gepubliceerd, "verhalen komen over met hun gepubliceerde tekst"
    assert len(gepubliceerd) < len(na["verhaal"]), "ook een verhaal zonder gepubliceerde versie (NULL)"
    # the fingerprint every report prints is the same for the copy (a missing JSON value too)
    bron_engine, doel_engine = store.connect(bron), store.connect(pg_url)
    assert store.table_fingerprint(bron_engine) == store.table_fingerprint(doel_engine)
    bron_engine.dispose()
    doel_engine.dispose()
    assert {r[1] for r in na["instrument"]} == set(builtin()) | {"EIGEN"}
    assert f"{len(voor['client'])} cliënten" in uit and f"{len(voor['codering'])} coderingen" in uit

    # the sequences were moved on: new rows get new ids, and the copy works as a database
    nieuw = os.path.join(os.path.dirname(bron.removeprefix("sqlite:///")), "nieuw.csv")
    with open(nieuw, "w", encoding="utf-8") as f:
        f.write("pseudoniem;gemeente\nNIEUW1;Weert\n")
    assert "1 cliënt toegevoegd." in _ok("importeer", "clienten", nieuw, "--db", pg_url)
    casus = na["casus"][-1]
    interventie = casus[4]["interventie"]
    n = sum(1 for r in na["casus"] if r[3] == casus[3])
    assert f"{interventie}: {n} {'casus' if n == 1 else 'casussen'} samengenomen" in _ok(
        "kosten-baten", "casussen", "--db", pg_url, "--interventie", interventie
    )

    # a second copy into the same target is refused and changes nothing
    daarna = _rijen(pg_url)
    result = runner.invoke(app, ["kopieer", "--db", bron, "--naar", pg_url])
    assert result.exit_code != 0
    assert "een lege doeldatabase; er staan al gegevens in" in str(result.exception)
    assert "client (" in str(result.exception)
    assert _rijen(pg_url) == daarna

    # and back: PostgreSQL -> a new SQLite file gives the same rows again
    terug = f"sqlite:///{os.path.dirname(nieuw)}/terug.db"
    _ok("kopieer", "--db", pg_url, "--naar", terug)
    assert _rijen(terug) == daarna


@op_postgresql[0]
@op_postgresql[1]
def test_a_row_the_target_refuses_leaves_the_target_empty(bron, database_url, cli):
    pg_url = database_url
    engine = store.connect(bron)
    with engine.begin() as c:  # SQLite keeps a text longer than its column; PostgreSQL does not
        c.execute(text("UPDATE verhaal SET soort = :s WHERE id = (SELECT MAX(id) FROM verhaal)"), {"s": "x" * 60})
    engine.dispose()
    uit = cli("kopieer", "--db", bron, "--naar", pg_url)
    assert uit.returncode == 2, uit.stderr
    assert "Traceback" not in uit.stderr
    assert ":verhaal: rijen die de doeldatabase aanneemt" in uit.stderr
    na = _rijen(pg_url)
    # tables copied before verhaal (client, meting, ...) were rolled back with it
    assert {t: rijen for t, rijen in na.items() if rijen and t not in ("instrument", "domein")} == {}
    assert {r[1] for r in na["instrument"]} == set(builtin())

    zoek = make_url(pg_url).set(database="bestaat_niet_impact").render_as_string(hide_password=False)
    uit = cli("kopieer", "--db", bron, "--naar", zoek)
    assert uit.returncode == 2 and "een bereikbare doeldatabase (een PostgreSQL-database maakt u eerst aan" in uit.stderr


def test_copy_to_sqlite_creates_the_target(bron, tmp_path):
    doel = f"sqlite:///{tmp_path / 'doel.db'}"
    _ok("kopieer", "--db", bron, "--naar", doel)
    assert _rijen(doel) == _rijen(bron)
    result = runner.invoke(app, ["kopieer", "--db", bron, "--naar", bron])
    assert "een andere database dan de bron" in str(result.exception)


def test_export_that_would_write_nothing_says_what_is_missing(bron, tmp_path, cli):
    uit = cli("exporteer", "prijslijst", "--db", bron, "--uit", str(tmp_path / "p.csv"))
    assert uit.returncode == 2
    assert "--versie: een prijslijstversie die in de database staat (kies met --versie): standaard" in uit.stderr
    uit = cli("exporteer", "prijslijst", "--versie", "2019", "--db", bron, "--uit", str(tmp_path / "p.csv"))
    assert uit.returncode == 2 and "er stond: '2019'" in uit.stderr
    assert not (tmp_path / "p.csv").exists()
    assert cli("exporteer", "prijslijst", "--versie", "standaard", "--db", bron, "--uit", str(tmp_path / "p.csv")).returncode == 0
    assert (tmp_path / "p.csv").exists()

    leeg = f"sqlite:///{tmp_path / 'leeg.db'}"
    _ok("init", "--db", leeg)
    for soort in ("clienten", "verhalen", "prijslijst"):
        uit = cli("exporteer", soort, "--db", leeg, "--uit", str(tmp_path / f"{soort}.xlsx"))
        assert uit.returncode == 2, (soort, uit.stdout)
        assert "er is geen bestand geschreven" in uit.stderr
        assert not (tmp_path / f"{soort}.xlsx").exists()
    assert "clienten in de database om te exporteren; er staan er nog geen in" in cli(
        "exporteer", "clienten", "--db", leeg, "--uit", str(tmp_path / "c.csv")
    ).stderr
