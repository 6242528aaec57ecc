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


# --- validation and write under one write lock -------------------------------------------


def _clients_csv(path, first: int, n: int):
    path.write_text("pseudoniem;geboortejaar\n" + "".join(f"K{i:06d};1980\n" for i in range(first, first + n)),
                    encoding="utf-8")
    return path


def test_second_import_of_the_same_rows_waits_and_is_refused(engine, tmp_path):
    """The first import holds the lock between validation and commit; the second waits for it
    and then finds the rows already there: a Dutch refusal, not a UNIQUE-constraint traceback."""
    import threading

    path = _clients_csv(tmp_path / "c.csv", 0, 50)
    written, release = threading.Event(), threading.Event()

    def slow_progress(done, total):  # runs inside the first import's transaction
        written.set()
        release.wait(10)

    first_error: list[BaseException] = []

    def first():
        try:
            import_file(engine, "clienten", path, progress=slow_progress)
        except BaseException as error:  # noqa: BLE001 - reported below
            first_error.append(error)

    thread = threading.Thread(target=first)
    thread.start()
    assert written.wait(10)
    timer = threading.Timer(0.5, release.set)  # the first commits while the second waits
    timer.start()
    try:
        with pytest.raises(UserInputError, match="nog niet in de database"):
            import_file(engine, "clienten", path)
    finally:
        release.set()
        thread.join(20)
    assert first_error == []
    assert store.counts(engine)["client"] == 50


def _run_two(args_a, args_b, cwd, env):
    import subprocess
    import sys

    procs = [
        subprocess.Popen([sys.executable, "-m", "impact", *a], cwd=cwd, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for a in (args_a, args_b)
    ]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=120)
        out.append((p.returncode, stdout + stderr))
    return out


@pytest.mark.parametrize("same", [True, False], ids=["zelfde-rijen", "andere-rijen"])
def test_two_import_processes_at_once(database_url, tmp_path, same):
    """Two `impact importeer` processes on one database at once: exit 0 or a clean exit 2,
    no traceback, no row lost or written twice."""
    import os

    engine = store.connect(database_url)
    store.upgrade(engine)
    n = 20_000
    a = _clients_csv(tmp_path / "a.csv", 0, n)
    b = a if same else _clients_csv(tmp_path / "b.csv", n, n)
    env = {**os.environ, "IMPACT_DB": database_url}
    results = _run_two(["importeer", "clienten", str(a)], ["importeer", "clienten", str(b)], tmp_path, env)
    for code, output in results:
        assert "Traceback" not in output and code in (0, 2), output
    codes = sorted(code for code, _ in results)
    clients = store.read(engine, "clienten")
    assert clients["pseudoniem"].is_unique
    if same:
        assert codes == [0, 2], results
        assert "nog niet in de database" in next(o for c, o in results if c == 2)
        assert len(clients) == n
    else:
        assert codes == [0, 0], results
        assert len(clients) == 2 * n
    engine.dispose()


def test_two_measurement_imports_at_once_write_each_row_once(database_url, tmp_path):
    import os

    engine = store.connect(database_url)
    store.upgrade(engine)
    import_file(engine, "clienten", _clients_csv(tmp_path / "c.csv", 0, 500))
    rows = "".join(f"K{i:06d};ZRM;financien;2024-0{m}-01;3\n" for i in range(500) for m in range(1, 10))
    metingen = tmp_path / "m.csv"
    metingen.write_text("client;instrument;domein;datum;score\n" + rows, encoding="utf-8")
    env = {**os.environ, "IMPACT_DB": database_url}
    args = ["importeer", "metingen", str(metingen)]
    results = _run_two(args, args, tmp_path, env)
    for code, output in results:
        assert "Traceback" not in output and code in (0, 2), output
    assert sorted(c for c, _ in results) == [0, 2]
    assert len(store.read(engine, "metingen")) == 4500
    engine.dispose()
