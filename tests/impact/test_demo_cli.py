"""`impact demo` end to end into a database: deterministic, complete, and refusing to mix data."""

from __future__ import annotations

import subprocess
import sys

from impact import store


def run_demo(cwd, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "impact", "demo", "--zonder-rapport", "--clienten", "150", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_same_seed_gives_same_database(tmp_path):
    first = run_demo(tmp_path, "--db", "een.db")
    second = run_demo(tmp_path, "--db", "twee.db")
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    one, two = store.connect(str(tmp_path / "een.db")), store.connect(str(tmp_path / "twee.db"))
    assert store.table_fingerprint(one) == store.table_fingerprint(two)
    counts = store.counts(one)
    assert counts["client"] == 150 and counts["meting"] > 150 * 13 and counts["verhaal"] > 0
    assert counts["prijslijst"] > 0 and counts["casus"] > 0
    other = run_demo(tmp_path, "--db", "drie.db", "--seed", "7")
    assert other.returncode == 0
    assert store.table_fingerprint(store.connect(str(tmp_path / "drie.db"))) != store.table_fingerprint(one)


def test_default_demo_database_is_recreated_and_explicit_one_is_protected(tmp_path):
    assert run_demo(tmp_path).returncode == 0
    assert run_demo(tmp_path).returncode == 0  # demo.db is made anew each run
    assert store.counts(store.connect(str(tmp_path / "demo.db")))["client"] == 150
    assert run_demo(tmp_path, "--db", "eigen.db").returncode == 0
    refused = run_demo(tmp_path, "--db", "eigen.db")
    assert refused.returncode == 2 and "--opnieuw" in refused.stderr
    assert run_demo(tmp_path, "--db", "eigen.db", "--opnieuw").returncode == 0
