"""Monte Carlo speed: 100,000 draws of a 30-parameter programme model, vectorised with numpy
against a plain Python loop over the same draws, measured in the same run.

Model: discount rate + 5 investments + 4 outcomes x 6 parameters (aantal, waarde, deadweight,
attributie, verplaatsing, drop_off) = 30 parameters, each with a triangular distribution.

    python benchmarks/montecarlo.py [--n 100000] [--herhalingen 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from modellen.kostenbaten.onzekerheid import MonteCarlo
from modellen.kostenbaten.programma import ProgrammaModel, evaluate_scalar, valideer_programma


def _p(w, lo, hi):
    return {"waarde": w, "min": lo, "max": hi, "bron": "benchmark"}


PROGRAMMA = {
    "naam": "benchmark",
    "discontovoet": _p(0.0225, 0.0, 0.04),
    "investeringen": [
        {"omschrijving": f"post {j}", "bedrag": _p(20000 + 5000 * j, 15000, 60000), "jaar": j,
         "financier": "gemeente"} for j in range(5)
    ],
    "uitkomsten": [
        {"naam": f"uitkomst {k}", "aantal": _p(10 + k, 5, 20), "waarde": _p(5000, 3000, 9000),
         "deadweight": _p(0.25, 0.1, 0.4), "attributie": _p(0.2, 0.1, 0.3),
         "verplaatsing": _p(0.05, 0.0, 0.1), "drop_off": _p(0.3, 0.2, 0.5), "duur": 3 + k,
         "begunstigde": "gemeente"} for k in range(4)
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--herhalingen", type=int, default=5)
    parser.add_argument("--lus-herhalingen", type=int, default=1)
    args = parser.parse_args()

    programma = valideer_programma(PROGRAMMA)
    model = ProgrammaModel(programma)
    assert len(model.namen) == 30, len(model.namen)
    mc = MonteCarlo(n=args.n, seed=2026)

    vector_tijden = []
    for _ in range(args.herhalingen):
        t0 = time.perf_counter()
        resultaat = mc.fit(programma)  # draws + evaluation
        vector_tijden.append(time.perf_counter() - t0)

    namen, X = mc.draws(programma)
    lus_tijden = []
    for _ in range(args.lus_herhalingen):
        t0 = time.perf_counter()
        rng = np.random.default_rng(2026)  # the loop draws its own numbers one by one, too
        lus = []
        for i in range(args.n):
            waarden = {naam: X[i, j] for j, naam in enumerate(namen)}
            rng.random()
            lus.append(evaluate_scalar(programma, waarden)["netto_contante_waarde"])
        lus_tijden.append(time.perf_counter() - t0)

    verschil = np.max(np.abs(np.array(lus) - resultaat.uitkomsten["netto_contante_waarde"]))
    v, lp = statistics.median(vector_tijden), statistics.median(lus_tijden)
    print(f"Monte Carlo, {args.n:,} trekkingen, {len(namen)} parameters")
    print(f"  gevectoriseerd (numpy), mediaan van {args.herhalingen}: {v:.3f} s")
    print(f"  Python-lus, mediaan van {args.lus_herhalingen}:            {lp:.3f} s")
    print(f"  verhouding lus / gevectoriseerd: {lp / v:.1f}x")
    print(f"  grootste verschil in netto contante waarde: {verschil:.2e} euro")
    print(f"  kans netto contante waarde > 0: {resultaat.kans_positief():.3f}")


if __name__ == "__main__":
    main()
