"""Erkenning of an intervention: only real levels of the erkenningstraject, and its databank.

From a user's interventies file through the CLI into the database, a refusal that lists the
valid levels, and the upgrade of a database made before migration 0004 that still says
"erkend"."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import text

from impact import store
from impact.contract import DATABANKEN, ERKENNING
from impact.schema import Base

GOED = (
    "naam;databank_erkenning;databank;doelgroep\n"
    "Schuldhulp;goed onderbouwd;Movisie;huishoudens met schulden\n"
    "Jongerenwerk;effectief volgens eerste aanwijzingen;NJi;jongeren\n"
    "Beweegkuur;;;ouderen\n"
)


def test_levels_are_those_of_the_erkenningstraject():
    assert "erkend" not in ERKENNING
    assert ERKENNING[:5] == (
        "goed beschreven",
        "goed onderbouwd",
        "effectief volgens eerste aanwijzingen",
        "effectief volgens goede aanwijzingen",
        "effectief volgens sterke aanwijzingen",
    )
    assert set(DATABANKEN) == {"Movisie", "NJi", "Loket Gezond Leven"}


def test_import_keeps_level_and_databank(cli, database_url, tmp_path):
    pad = tmp_path / "interventies.csv"
    pad.write_text(GOED, encoding="utf-8")
    store.upgrade(store.connect(database_url))
    uit = cli("importeer", "interventies", str(pad), "--db", database_url)
    assert uit.returncode == 0, uit.stderr
    i = store.read(store.connect(database_url), "interventies").set_index("naam")
    assert i.loc["Schuldhulp", "databank_erkenning"] == "goed onderbouwd"
    assert i.loc["Schuldhulp", "databank"] == "Movisie"
    assert i.loc["Jongerenwerk", "databank"] == "NJi"
    assert pd.isna(i.loc["Beweegkuur", "databank_erkenning"]) and pd.isna(i.loc["Beweegkuur", "databank"])


def test_unknown_level_or_databank_is_refused_with_the_valid_ones(cli, database_url, tmp_path):
    engine = store.connect(database_url)
    store.upgrade(engine)
    pad = tmp_path / "interventies.csv"
    pad.write_text(
        "naam;databank_erkenning;databank\nSchuldhulp;goed onderbouwd;Movisie\n"
        "Stress-sensitief;erkend;Movisie\nBuurtsport;goed beschreven;RIVM\n",
        encoding="utf-8",
    )
    uit = cli("importeer", "interventies", str(pad), "--db", database_url)
    assert uit.returncode == 2
    assert "Traceback" not in uit.stderr
    fout = uit.stdout + uit.stderr
    assert (
        "interventies.csv:3:databank_erkenning: één van: " + ", ".join(ERKENNING) + ", er stond: 'erkend'"
    ) in fout
    assert "interventies.csv:4:databank: één van: Movisie, NJi, Loket Gezond Leven, er stond: 'RIVM'" in fout
    assert store.read(engine, "interventies").empty  # nothing written, not even the good row


def test_upgrade_from_0003_maps_erkend_and_keeps_rows(database_url):
    engine = store.connect(database_url)
    store.upgrade(engine, "0003")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO interventie (id, naam, databank_erkenning, doelgroep, omschrijving) VALUES "
                "(1, 'Stress-sensitief werken', 'erkend', 'huishoudens', 'Rust in het contact.'), "
                "(2, 'Buurtsport', 'erkend', NULL, NULL), "
                "(3, 'Jongerenwerk', 'goed beschreven', 'jongeren', 'Op straat.'), "
                "(4, 'Wijkteam', NULL, NULL, NULL)"
            )
        )
    store.upgrade(engine)
    assert store.current_revision(engine) == store.head_revision() == "0004"
    i = store.read(engine, "interventies").set_index("interventie_id")
    assert list(i.index) == [1, 2, 3, 4]
    assert i.loc[1, "databank_erkenning"] == i.loc[2, "databank_erkenning"] == "goed onderbouwd"
    assert i.loc[1, "omschrijving"].startswith("Rust in het contact. [Bij de database-upgrade is erkenning 'erkend'")
    assert i.loc[2, "omschrijving"].startswith("[Bij de database-upgrade")
    assert i.loc[3, "databank_erkenning"] == "goed beschreven" and i.loc[3, "omschrijving"] == "Op straat."
    assert pd.isna(i.loc[4, "databank_erkenning"]) and pd.isna(i.loc[4, "omschrijving"])
    assert i["databank"].isna().all()
    assert set(i.columns) >= {c.name for c in Base.metadata.tables["interventie"].columns} - {"id"}
    # the upgraded database takes the new column like a new one
    with engine.begin() as c:
        c.execute(text("UPDATE interventie SET databank = 'Movisie' WHERE id = 1"))
    assert store.read(engine, "interventies").set_index("interventie_id").loc[1, "databank"] == "Movisie"
