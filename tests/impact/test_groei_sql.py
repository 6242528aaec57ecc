"""The growth model from SQL sufficient statistics equals the fit on every row (SQLite, PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sqlalchemy import text

from impact import store
from impact.errors import UserInputError
from modellen.groei import GroeiModel


def _fill(engine, n_clients: int = 120, seed: int = 9) -> None:
    """Clients in two groups, a traject for the intervention group only, 2-6 measurements on
    irregular dates, on two domains (only 'financien' is fitted)."""
    rng = np.random.default_rng(seed)
    with engine.begin() as connection:
        domains = dict(connection.execute(text(
            "SELECT d.code, d.id FROM domein d JOIN instrument i ON i.id = d.instrument_id "
            "WHERE i.code = 'ZRM'")).fetchall())
        connection.execute(text("INSERT INTO interventie (id, naam) VALUES (1, 'Schuldhulp')"))
        clients, trajects, metingen = [], [], []
        for c in range(1, n_clients + 1):
            groep = "interventie" if c % 2 else "vergelijking"
            clients.append((c, f"P{c:04d}", groep, int(rng.integers(1950, 2000))))
            start = dt.date(2023, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365)))
            if groep == "interventie":
                trajects.append((c, 1, start))
            b0, b1 = rng.normal(0, 0.6), rng.normal(0, 0.04)
            days = np.sort(rng.choice(np.arange(0, 900), size=int(rng.integers(2, 7)), replace=False))
            for d in days:
                datum = start + dt.timedelta(days=int(d))
                months = d / (365.25 / 12)
                score = 2.5 + b0 + (0.03 + 0.03 * (groep == "interventie") + b1) * months + rng.normal(0, 0.4)
                metingen.append((c, domains["financien"], datum, round(float(score), 4), "professional"))
                metingen.append((c, domains["werk_opleiding"], datum, float(rng.integers(1, 6)), "professional"))
        store.bulk_insert(connection, "client", ["id", "pseudoniem", "groep", "geboortejaar"], clients)
        store.bulk_insert(connection, "traject", ["client_id", "interventie_id", "start"], trajects)
        store.bulk_insert(connection, "meting", ["client_id", "domein_id", "datum", "score", "bron"], metingen)
        store.reset_sequences(connection, ["client", "interventie"])


@pytest.mark.parametrize("helling", [False, True])
def test_sql_statistics_fit_equals_the_fit_on_every_row(engine, helling: bool) -> None:
    _fill(engine)
    frame = store.analysis_frame(engine)
    rows = frame[frame["domein"] == "financien"]
    stats = store.groei_statistieken(engine, domein="financien", instrument="ZRM")
    assert len(stats) == rows["client_id"].nunique()
    assert int(stats["n"].sum()) == len(rows)
    by_client = rows.groupby("client_id")
    np.testing.assert_allclose(stats.set_index("client_id")["som_ty"],
                               by_client.apply(lambda g: (g.maanden * g.score).sum()), rtol=1e-10)
    model = GroeiModel(conditie="groep", random_helling=helling, referentie="vergelijking")
    on_rows, from_sql = model.fit(rows, bron="database"), model.fit_voldoende(stats, bron="database")
    assert from_sql.termen == on_rows.termen
    assert from_sql.deviance == pytest.approx(on_rows.deviance, abs=1e-6)
    np.testing.assert_allclose(from_sql.beta, on_rows.beta, rtol=1e-7)
    np.testing.assert_allclose(from_sql.se, on_rows.se, rtol=1e-6)
    np.testing.assert_allclose(from_sql.random_sd, on_rows.random_sd, rtol=1e-5)
    assert from_sql.residu_sd == pytest.approx(on_rows.residu_sd, rel=1e-8)
    assert from_sql.singulier == on_rows.singulier


def test_sql_statistics_with_a_client_covariate(engine) -> None:
    _fill(engine, n_clients=60)
    rows = store.analysis_frame(engine).query("domein == 'financien'")
    stats = store.groei_statistieken(engine, domein="financien")
    model = GroeiModel(covariaten=["geboortejaar"], methode="ML")
    assert model.fit_voldoende(stats).deviance == pytest.approx(model.fit(rows).deviance, abs=1e-6)


def test_sql_statistics_for_an_empty_selection_say_so_in_dutch(engine) -> None:
    _fill(engine, n_clients=4)
    with pytest.raises(UserInputError, match="domein 'bestaat_niet'"):
        store.groei_statistieken(engine, domein="bestaat_niet")


def test_sql_is_one_group_by_in_plain_sql() -> None:
    sql, params = store.groei_sql("postgresql", "financien", "ZRM")
    assert sql.count("GROUP BY c.id") == 1 and "julianday" not in sql
    assert params == {"dagen_per_maand": 365.25 / 12, "domein": "financien", "instrument": "ZRM"}
    assert "julianday" in store.groei_sql("sqlite")[0]


def test_cli_on_a_database_fits_from_the_sql_sums_and_equals_the_fit_on_every_row(engine, database_url) -> None:
    """`impact analyse groei --db` takes the SQL road (sums per client, one GROUP BY) and gives
    what the fit on every row gives; --bron and --instrument are checked as for rows."""
    import json

    from tests.conftest import run_impact

    _fill(engine, n_clients=80)
    with engine.begin() as connection:  # a client's own score next to the professional's
        connection.execute(text(
            "INSERT INTO meting (client_id, domein_id, datum, score, bron) "
            "SELECT client_id, domein_id, datum, score, 'client' FROM meting WHERE client_id <= 20"))
    rows = store.analysis_frame(engine)
    rows = rows[(rows["domein"] == "financien") & (rows["bron"] == "professional")]
    verwacht = GroeiModel(conditie="groep", random_helling=True).fit(rows, bron="database")
    uit = run_impact("analyse", "groei", "--db", database_url, "--domein", "financien", "--bron", "professional",
                     "--conditie", "groep", "--random-helling", "--json")
    assert uit.returncode == 0, uit.stderr
    res = json.loads(uit.stdout)
    assert res["deviance"] == pytest.approx(verwacht.deviance, abs=1e-6)
    np.testing.assert_allclose([t["schatting"] for t in res["vaste_effecten"].values()], verwacht.beta, rtol=1e-7)
    assert res["n_obs"] == len(rows) and res["n_groepen"] == rows["client_id"].nunique()
    # two sources and no --bron: the same Dutch refusal as for rows
    uit = run_impact("analyse", "groei", "--db", database_url, "--domein", "financien")
    assert uit.returncode == 2
    assert "kies er één met --bron uit: client, professional" in uit.stdout + uit.stderr
    uit = run_impact("analyse", "groei", "--db", database_url, "--instrument", "PG", "--bron", "client")
    assert uit.returncode == 2 and "geen metingen met instrument 'PG'" in uit.stdout + uit.stderr
