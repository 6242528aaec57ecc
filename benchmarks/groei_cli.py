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

and the ratios cli / lezen and lme4 / cli. Targets (issue 13): cli <= 3 s at 100k clients,
lme4 / cli >= 15.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groottes", default="100000", help="aantallen cliënten, komma-gescheiden")
    parser.add_argument("--herhalingen", type=int, default=3)
    parser.add_argument("--zonder-lme4", action="store_true", help="lme4 niet meten")
    args = parser.parse_args()
    print(f"{'cliënten':>9} {'metingen':>9} {'cli (s)':>8} {'lezen (s)':>9} {'lme4 (s)':>9} "
          f"{'cli/lezen':>9} {'lme4/cli':>9}")
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
            lme4 = float("nan")
            if not args.zonder_lme4:
                r_path = Path(folder) / f"groei_{size}_r.csv"
                data.to_csv(r_path, index=False)
                lme4 = seconds(["Rscript", str(R_SCRIPT), str(r_path), "score", "maanden", "client_id",
                                "groep", "1", "1"], args.herhalingen)
            print(f"{size:>9} {len(data):>9} {cli:>8.2f} {read:>9.2f} {lme4:>9.1f} "
                  f"{cli / read:>9.1f} {lme4 / cli:>9.1f}")


if __name__ == "__main__":
    main()
