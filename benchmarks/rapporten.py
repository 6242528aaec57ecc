"""Benchmark: every report for the default demo world (2,000 clients).

Prints wall time per run (median over --herhalingen), the size of every HTML file, and a
baseline measured in the same run: plotly's own ``write_html`` of one chart with plotly.js
embedded, i.e. the fixed cost any self-contained HTML report pays. Targets (issue 6): all
reports under one minute, every HTML file under 8 MB.

    python benchmarks/rapporten.py [--clienten 2000] [--herhalingen 1] [--pdf] [--xlsx]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

# This file is called rapporten.py: keep its own folder off the path so that
# 'import rapporten' finds the package, not this script.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clienten", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--herhalingen", type=int, default=1)
    parser.add_argument("--pdf", action="store_true")
    parser.add_argument("--xlsx", action="store_true")
    args = parser.parse_args()

    import plotly.graph_objects as go

    import rapporten
    from impact.demo import generate

    t0 = time.perf_counter()
    wereld = generate(args.seed, args.clienten)
    print(f"demowereld ({args.clienten} cliënten): {time.perf_counter() - t0:.1f} s")
    from verhalen.publicatie import publiceer

    t0 = time.perf_counter()
    publiceer(wereld)  # once, as at ingest; the reports themselves never pseudonymise
    print(f"verhalen gepseudonimiseerd (eenmalig, zoals bij import): {time.perf_counter() - t0:.1f} s")

    with tempfile.TemporaryDirectory() as tmp:
        basis = []
        for i in range(3):
            t = time.perf_counter()
            go.Figure(go.Bar(x=[1, 2, 3], y=[3, 1, 2])).write_html(
                Path(tmp) / f"basis{i}.html", include_plotlyjs=True
            )
            basis.append(time.perf_counter() - t)
        baseline = statistics.median(basis)
        tijden = []
        for i in range(args.herhalingen):
            uit = Path(tmp) / f"run{i}"
            t = time.perf_counter()
            paden = rapporten.alle_rapporten(wereld, uit, pdf=args.pdf, xlsx=args.xlsx)
            tijden.append(time.perf_counter() - t)
        mediaan = statistics.median(tijden)
        print(f"baseline (plotly write_html, 1 figuur): {baseline:.2f} s")
        print(
            f"alle {len(rapporten.SOORTEN)} rapporten: mediaan {mediaan:.1f} s over "
            f"{len(tijden)} run(s); {mediaan / baseline:.0f}x de baseline; doel < 60 s: "
            f"{'gehaald' if mediaan < 60 else 'NIET gehaald'}"
        )
        for pad in sorted(paden):
            mb = pad.stat().st_size / 1e6
            label = "" if pad.suffix != ".html" else (" (< 8 MB)" if mb < 8 else " (TE GROOT)")
            print(f"  {pad.name:22s} {mb:6.2f} MB{label}")


if __name__ == "__main__":
    main()
