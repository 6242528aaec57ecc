"""Schema, migrations and reading frames, on SQLite and PostgreSQL."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from impact import store
from impact.instruments import builtin


def test_upgrade_creates_schema_and_builtin_instruments(engine):
    assert store.current_revision(engine) == store.head_revision()
    domains = store.read(engine, "domeinen")
    zrm = domains[domains["instrument"] == "ZRM"]
    assert list(zrm["domein"]) == builtin()["ZRM"].domain_codes
    assert len(domains[domains["instrument"] == "PG"]) == 6


def test_upgrade_is_idempotent(engine):
    store.upgrade(engine)
    assert len(store.read(engine, "instrumenten")) == 2


def test_upgrade_from_first_migration_keeps_data(database_url):
    engine = store.connect(database_url)
    store.upgrade(engine, "0001")
    assert not inspect(engine).has_table("casus")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO client (pseudoniem, gemeente) VALUES ('C1', 'Weert')"))
    store.upgrade(engine)
    assert store.current_revision(engine) == store.head_revision()
    assert inspect(engine).has_table("casus")
    assert store.read(engine, "clienten")["pseudoniem"].tolist() == ["C1"]
    engine.dispose()


def test_foreign_keys_are_enforced(engine):
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text("INSERT INTO traject (client_id, interventie_id, start) VALUES (999, 999, '2024-01-01')")
        )


def test_sqlite_uses_wal(tmp_path):
    engine = store.connect(str(tmp_path / "x.db"))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_resolve_url_prefers_argument_then_environment(monkeypatch):
    monkeypatch.setenv("IMPACT_DB", "postgresql://u@h/db")
    assert store.resolve_url() == "postgresql+psycopg://u@h/db"
    assert store.resolve_url("eigen.db") == "sqlite:///eigen.db"
    monkeypatch.delenv("IMPACT_DB")
    assert store.resolve_url() == "sqlite:///impact.db"


def test_analysis_frame_counts_months_from_traject_start(engine):
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO client (id, pseudoniem, gemeente, groep) VALUES (1, 'C1', 'Weert', 'interventie')"
            )
        )
        connection.execute(text("INSERT INTO interventie (id, naam) VALUES (1, 'Schuldhulp')"))
        connection.execute(
            text("INSERT INTO traject (client_id, interventie_id, start) VALUES (1, 1, '2024-01-01')")
        )
        domain = connection.execute(text("SELECT id FROM domein WHERE code = 'financien'")).scalar()
        for day, score in (("2024-01-01", 2), ("2024-07-01", 4)):
            connection.execute(
                text(
                    "INSERT INTO meting (client_id, domein_id, datum, score, bron) VALUES (1, :d, :t, :s, 'professional')"
                ),
                {"d": domain, "t": day, "s": score},
            )
    frame = store.analysis_frame(engine)
    assert frame["interventie"].tolist() == ["Schuldhulp", "Schuldhulp"]
    assert frame["maanden"].round(2).tolist() == [0.0, round(182 / (365.25 / 12), 2)]
    assert pd.api.types.is_datetime64_any_dtype(frame["datum"])
