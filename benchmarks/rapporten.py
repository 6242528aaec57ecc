"""Benchmark: ``impact demo --uit MAP`` for the default demo world (2,000 clients), per stage.

Runs the real command as a fresh process (``--herhalingen`` times, median per stage): making
the world, pseudonymising the stories (as at ingest; includes loading deduce from its cache),
writing the database, then every report. Prints the seconds per stage as the command itself
reports them, the whole command's wall time, the time from its last line ("Klaar") to the
process being gone, the size of every file written, and a baseline measured in the same run:
plotly's own ``write_html`` of one chart with plotly.js embedded, the fixed cost any
self-contained HTML report pays. Targets (issue 13): the whole command <= 30 s warm, exit
within 1 s of its last line, every HTML file under 8 MB.

    python benchmarks/rapporten.py [--clienten 2000] [--herhalingen 3]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

# This file is called rapporten.py: keep its own folder off the path so that
# 'import rapporten' finds the package, not this script.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

STAP = re.compile(r"^\[(\d+)/(\d+)\] (.+?): ([\d.]+) s")


def _impact() -> list[str]:
    script = Path(sys.executable).with_name("impact")
    return (
        [str(script)] if script.is_file() else [sys.executable, "-c", "from impact.cli import main; main()"]
    )


def run_once(tmp: Path, clienten: int, seed: int) -> tuple[float, float, dict[str, float]]:
    """(wall seconds, seconds from the last line to exit, seconds per stage) of one run. Reports
    are written in parallel, so their own times overlap: the stage "rapporten (wandklok)" is
    the time from the database being written to the last report."""
    argv = _impact() + ["demo", "--uit", str(tmp / "uit"), "--db", str(tmp / "demo.db"), "--opnieuw"]
    argv += ["--clienten", str(clienten), "--seed", str(seed)]
    start = time.perf_counter()
    proces = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp)
    stappen: dict[str, float] = {}
    laatste = start
    assert proces.stdout is not None
    gezien: dict[str, float] = {}
    for regel in proces.stdout:
        laatste = time.perf_counter()
        m = STAP.match(regel)
        if m:
            stappen[m.group(3)] = float(m.group(4))
            gezien[m.group(3)] = laatste
    proces.wait()
    if "database schrijven" in gezien:
        rapporten = [t for naam, t in gezien.items() if naam.startswith("rapport ")]
        if rapporten:
            stappen["rapporten (wandklok)"] = max(rapporten) - gezien["database schrijven"]
    einde = time.perf_counter()
    if proces.returncode != 0:
        raise SystemExit(f"impact demo faalde ({proces.returncode}): {proces.stderr.read()[-600:]}")
    return einde - start, einde - laatste, stappen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clienten", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--herhalingen", type=int, default=3)
    args = parser.parse_args()

    import plotly.graph_objects as go

    with tempfile.TemporaryDirectory() as tmp_naam:
        tmp = Path(tmp_naam)
        basis = []
        for i in range(3):
            t = time.perf_counter()
            go.Figure(go.Bar(x=[1, 2, 3], y=[3, 1, 2])).write_html(
                tmp / f"basis{i}.html", include_plotlyjs=True
            )
            basis.append(time.perf_counter() - t)
        baseline = statistics.median(basis)
        totalen, uitlopen = [], []
        per_stap: dict[str, list[float]] = defaultdict(list)
        for i in range(args.herhalingen):
            totaal, uitloop, stappen = run_once(tmp, args.clienten, args.seed)
            totalen.append(totaal)
            uitlopen.append(uitloop)
            for naam, s in stappen.items():
                per_stap[naam].append(s)
            print(f"run {i + 1}: {totaal:.1f} s, proces weg {uitloop:.2f} s na de laatste regel", flush=True)
        n = len(totalen)
        print(f"\nimpact demo --clienten {args.clienten}: medianen over {n} run(s)")
        for naam, tijden in per_stap.items():
            print(f"  {naam:34s} {statistics.median(tijden):6.1f} s")
        mediaan = statistics.median(totalen)
        rapporten = statistics.median(per_stap["rapporten (wandklok)"])
        print(f"  {'alle rapporten samen (wandklok)':34s} {rapporten:6.1f} s ({rapporten / baseline:.0f}x de baseline)")
        print(f"baseline (plotly write_html, 1 figuur): {baseline:.2f} s")
        print(
            f"hele commando (wandkloktijd, incl. opstarten en afsluiten): mediaan {mediaan:.1f} s; "
            f"doel <= 30 s: {'gehaald' if mediaan <= 30 else 'NIET gehaald'}"
        )
        uitloop = max(uitlopen)
        print(
            f"proces weg na de laatste regel: hoogstens {uitloop:.2f} s; doel <= 1 s: "
            f"{'gehaald' if uitloop <= 1 else 'NIET gehaald'}"
        )
        for pad in sorted((tmp / "uit").iterdir()):
            mb = pad.stat().st_size / 1e6
            label = "" if pad.suffix != ".html" else (" (< 8 MB)" if mb < 8 else " (TE GROOT)")
            print(f"  {pad.name:22s} {mb:6.2f} MB{label}")
        print(f"belasting (load average 1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
