"""A second writer on one SQLite file waits, then fails cleanly in Dutch (no 'database is locked')."""

from __future__ import annotations

import sqlite3

import pytest

from impact import store
from impact.errors import UserInputError
from impact.io.importer import import_file


def test_second_writer_waits_then_gets_a_dutch_error(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "SQLITE_WAIT_SECONDS", 0.5)
    db = tmp_path / "impact.db"
    engine = store.connect(str(db))
    store.upgrade(engine)
    (tmp_path / "c.csv").write_text("pseudoniem\nC1\n", encoding="utf-8")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another importer in the middle of its transaction
    try:
        with pytest.raises(UserInputError, match="ander programma schrijft"):
            import_file(engine, "clienten", tmp_path / "c.csv")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert import_file(engine, "clienten", tmp_path / "c.csv").rows == 1  # free again: it works
    assert store.counts(engine)["client"] == 1
