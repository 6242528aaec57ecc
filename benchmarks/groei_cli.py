"""Benchmark: the whole ``impact analyse groei --csv`` command against reading the file and lme4.

    python benchmarks/groei_cli.py [--groottes 100000] [--herhalingen 3] [--zonder-lme4]

For each size (clients x 6 waves, the data of benchmarks/groei.py) it writes the long file as
a CSV a user would send (``;`` and decimal commas, as Dutch Excel saves it) and times, each
as a fresh process, medians of --herhalingen, in one run:

- cli: ``impact analyse groei --csv FILE --conditie groep --random-helling`` (start-up,
  reading and typing the file, the REML fit, the printed tables);
- lezen: ``python -c "pandas.read_csv(FILE, sep=';', decimal=',')"``: start-up plus the
  fastest read of the same file by the library underneath (the floor for any CSV command);
- lme4: ``Rscript benchmarks/groei_lme4.R`` on the same model: R's start-up, ``read.csv``
  and ``lmer`` (the whole R process, as a user of R would run it), on the same data written
  the way ``read.csv`` reads it (``,`` and decimal points).

- db: ``impact analyse groei --db URL --domein financien --conditie groep --random-helling``
  on a SQLite database holding the same measurements: the database sums per client with one
  GROUP BY and the fit starts from those sums (``impact.store.groei_statistieken``), so no
  measurement row leaves the database;

and the ratios cli / lezen, lme4 / cli and lme4 / db. Targets (issue 13): cli <= 3 s at 100k
clients, lme4 / cli >= 15.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from groei import R_SCRIPT, simulate  # noqa: E402


def seconds(command: list[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def database(data, path: Path) -> str:
    """A SQLite database with the simulated measurements as ZRM 'financien' scores: every
    client a traject from 2024-01-01, each measurement on the day its month falls on."""
    import datetime as dt

    from sqlalchemy import text

    from impact import store
    from impact.contract import DAGEN_PER_MAAND

    url = f"sqlite:///{path}"
    engine = store.connect(url)
    store.upgrade(engine)
    start = dt.date(2024, 1, 1)
    clients = data.drop_duplicates("client_id")
    with engine.begin() as connection:
        domein = connection.execute(text(
            "SELECT d.id FROM domein d JOIN instrument i ON i.id = d.instrument_id "
            "WHERE i.code = 'ZRM' AND d.code = 'financien'")).scalar_one()
        connection.execute(text("INSERT INTO interventie (id, naam) VALUES (1, 'Bench')"))
        ids = (clients["client_id"] + 1).tolist()
        store.bulk_insert(connection, "client", ["id", "pseudoniem", "groep"],
                          zip(ids, [f"B{i:07d}" for i in ids], clients["groep"], strict=True))
        store.bulk_insert(connection, "traject", ["client_id", "interventie_id", "start"],
                          ((i, 1, start) for i in ids))
        dagen = (data["maanden"] * DAGEN_PER_MAAND).round().astype(int)
        store.bulk_insert(connection, "meting", ["client_id", "domein_id", "datum", "score", "bron"],
                          zip((data["client_id"] + 1).tolist(), [domein] * len(data),
                              [start + dt.timedelta(days=int(d)) for d in dagen], data["score"].tolist(),
                              ["professional"] * len(data), strict=True))
    engine.dispose()
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groottes", default="100000", help="aantallen cliënten, komma-gescheiden")
    parser.add_argument("--herhalingen", type=int, default=3)
    parser.add_argument("--zonder-lme4", action="store_true", help="lme4 niet meten")
    args = parser.parse_args()
    print(f"{'cliënten':>9} {'metingen':>9} {'cli (s)':>8} {'lezen (s)':>9} {'db (s)':>7} {'lme4 (s)':>9} "
          f"{'cli/lezen':>9} {'lme4/cli':>9} {'lme4/db':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.groottes.split(",")):
            data = simulate(size)
            path = Path(folder) / f"groei_{size}.csv"
            data.to_csv(path, sep=";", decimal=",", index=False)
            cli = seconds([sys.executable, "-m", "impact", "analyse", "groei", "--csv", str(path),
                           "--conditie", "groep", "--random-helling"], args.herhalingen)
            read = seconds([sys.executable, "-c",
                            f"import pandas; pandas.read_csv({str(path)!r}, sep=';', decimal=',')"],
                           args.herhalingen)
            url = database(data, Path(folder) / f"groei_{size}.db")
            db = seconds([sys.executable, "-m", "impact", "analyse", "groei", "--db", url, "--domein", "financien",
                          "--conditie", "groep", "--random-helling"], args.herhalingen)
            lme4 = float("nan")
            if not args.zonder_lme4:
                r_path = Path(folder) / f"groei_{size}_r.csv"
                data.to_csv(r_path, index=False)
                lme4 = seconds(["Rscript", str(R_SCRIPT), str(r_path), "score", "maanden", "client_id",
                                "groep", "1", "1"], args.herhalingen)
            print(f"{size:>9} {len(data):>9} {cli:>8.2f} {read:>9.2f} {db:>7.2f} {lme4:>9.1f} "
                  f"{cli / read:>9.1f} {lme4 / cli:>9.1f} {lme4 / db:>8.1f}")


if __name__ == "__main__":
    main()
