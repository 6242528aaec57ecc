"""Benchmark: start-up of the ``impact`` command against a bare Python interpreter.

    python benchmarks/opstart.py [--herhalingen 5]

Times ``impact --help``, ``impact importeer --help`` and the help of every command group, each
as a fresh process, against ``python -c pass`` measured in the same run (median of
--herhalingen, ratio printed). Target (issue 13): every command's start-up <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = (
    ("--help",),
    ("importeer", "--help"),
    ("demo", "--help"),
    ("analyse", "--help"),
    ("analyse", "groei", "--help"),
    ("kosten-baten", "--help"),
    ("verhalen", "--help"),
    ("rapport", "--help"),
)


def _impact() -> list[str]:
    script = Path(sys.executable).with_name("impact")
    if script.is_file():
        return [str(script)]
    found = shutil.which("impact")
    return [found] if found else [sys.executable, "-c", "from impact.cli import main; main()"]


def _median(argv: list[str], n: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} faalde: {done.stderr.decode()[-400:]}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--herhalingen", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ)
    impact = _impact()
    basis = _median([sys.executable, "-c", "pass"], args.herhalingen, env)
    print(f"python -c pass: mediaan {basis:.3f} s over {args.herhalingen} runs")
    slechtste = 0.0
    for command in COMMANDS:
        t = _median(impact + list(command), args.herhalingen, env)
        slechtste = max(slechtste, t)
        print(f"impact {' '.join(command):24s} mediaan {t:.3f} s  ({t / basis:.0f}x python -c pass)")
    print(f"traagste: {slechtste:.2f} s; doel <= 1 s: {'gehaald' if slechtste <= 1 else 'NIET gehaald'}")
    print(f"belasting (load average 1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
