"""Import 1,000,000 measurement rows from CSV into a fresh SQLite database, with full validation.

Baseline, measured in the same run: plain ``sqlite3`` ``executemany`` of the same rows into
the same schema, read with the ``csv`` module and no validation at all. Prints rows/s of both
and the ratio (target: ours at least half the baseline's speed). Medians over ``--herhalingen``.

    python benchmarks/import_metingen.py [--rijen 1000000] [--herhalingen 3]
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from impact import store
from impact.instruments import builtin
from impact.io.importer import import_file

DOMAINS = builtin()["ZRM"].domain_codes


def make_csv(folder: Path, rows: int) -> tuple[Path, Path]:
    waves = 4
    n_clients = -(-rows // (len(DOMAINS) * waves))
    clients = pd.DataFrame(
        {"pseudoniem": [f"C{i:07d}" for i in range(1, n_clients + 1)], "gemeente": "Weert"}
    )
    client_file = folder / "clienten.csv"
    clients.to_csv(client_file, sep=";", index=False)
    rng = np.random.default_rng(1)
    client = np.repeat(clients["pseudoniem"].to_numpy(), len(DOMAINS) * waves)[:rows]
    domain = np.tile(np.repeat(DOMAINS, waves), n_clients)[:rows]
    dates = pd.date_range("2023-01-01", periods=waves, freq="6MS").strftime("%Y-%m-%d").to_numpy()
    measurements = pd.DataFrame(
        {
            "client": client,
            "instrument": "ZRM",
            "domein": domain,
            "datum": np.tile(dates, n_clients * len(DOMAINS))[:rows],
            "score": rng.integers(1, 6, rows),
            "bron": "professional",
        }
    )
    path = folder / "metingen.csv"
    measurements.to_csv(path, sep=";", index=False)
    return client_file, path


def fresh_database(folder: Path, client_file: Path, name: str):
    engine = store.connect(str(folder / name))
    store.upgrade(engine)
    import_file(engine, "clienten", client_file)
    return engine


def run_ours(folder: Path, client_file: Path, path: Path, i: int) -> float:
    engine = fresh_database(folder, client_file, f"ours{i}.db")
    started = time.perf_counter()
    import_file(engine, "metingen", path)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def run_baseline(folder: Path, client_file: Path, path: Path, i: int) -> float:
    engine = fresh_database(folder, client_file, f"base{i}.db")
    engine.dispose()
    connection = sqlite3.connect(folder / f"base{i}.db")
    started = time.perf_counter()
    clients = dict(connection.execute("SELECT pseudoniem, id FROM client"))
    domains = dict(
        connection.execute(
            "SELECT i.code || '/' || d.code, d.id FROM domein d JOIN instrument i ON i.id = d.instrument_id"
        )
    )
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        rows = [
            (clients[c], domains[f"{ins}/{dom}"], datum, float(score), bron)
            for c, ins, dom, datum, score, bron in reader
        ]
    with connection:
        connection.executemany(
            "INSERT INTO meting (client_id, domein_id, datum, score, bron) VALUES (?, ?, ?, ?, ?)", rows
        )
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rijen", type=int, default=1_000_000)
    parser.add_argument("--herhalingen", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        client_file, path = make_csv(folder, args.rijen)
        ours, baseline = [], []
        for i in range(args.herhalingen):  # interleaved, so machine noise hits both alike
            baseline.append(run_baseline(folder, client_file, path, i))
            ours.append(run_ours(folder, client_file, path, i))
    ours_s, base_s = statistics.median(ours), statistics.median(baseline)
    print(f"rijen: {args.rijen:,}  herhalingen: {args.herhalingen}")
    print(
        f"basislijn (sqlite3 executemany, geen validatie): mediaan {base_s:.2f} s = {args.rijen / base_s:,.0f} rijen/s"
    )
    print(
        f"impact importeer metingen (volledige validatie):  mediaan {ours_s:.2f} s = {args.rijen / ours_s:,.0f} rijen/s"
    )
    print(f"verhouding (impact / basislijn, snelheid): {base_s / ours_s:.2f}  (doel: >= 0,50)")


if __name__ == "__main__":
    main()
