"""Benchmark: growth model (random intercept + slope, condition x time, REML) against lme4.

Run: python benchmarks/groei.py [--groottes 5000,20000,100000,300000] [--herhalingen 3]
                                [--lme4-herhalingen 3] [--zonder-lme4]

For each size (clients x 6 waves, 10% of waves missed) it prints, from one run, medians of
``--herhalingen`` runs of

- ons: ``GroeiModel(conditie="groep", random_helling=True).fit(df)`` on the DataFrame,
  everything included (checks, design, sufficient statistics, optimisation, BLUPs);
- vloer: the one-pass floor: factorising the client ids and the condition, and bincounts of
  the sufficient statistics per client (n, sum t, sum t^2, sum y, sum t y, sum y^2, and the
  condition per client) on the same data: what any fit from these statistics must at least do;
- lme4: ``lmer(score ~ maanden * groep + (1 + maanden | client_id))`` through Rscript on the
  same data written to CSV (benchmarks/groei_lme4.R; the time of lmer itself, reading the
  CSV not included), with lme4's REML criterion minus ours ("verschil": >= 0 means our
  optimum is as good or better). Skipped, with a message, when Rscript is not installed.

and the ratios lme4 / ons and ons / vloer. One untimed warm-up fit on 2,000 clients runs
first (imports and first-call costs of numpy/scipy/pandas are not the fit). "evaluaties"
counts deviance and gradient evaluations, those on the warm-start subsample included.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from modellen.groei import GroeiModel  # noqa: E402

R_SCRIPT = Path(__file__).with_name("groei_lme4.R")


def simulate(n_clients: int, waves: int = 6, seed: int = 2026) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    g = np.repeat(np.arange(n_clients), waves)
    t = np.tile(np.arange(waves) * 3.0, n_clients)
    cond = (np.arange(n_clients) % 2)[g]
    b0 = rng.normal(0, 0.7, n_clients)[g]
    b1 = rng.normal(0, 0.05, n_clients)[g]
    y = 2.5 + b0 + 0.3 * cond + (0.03 + 0.03 * cond + b1) * t + rng.normal(0, 0.45, len(g))
    keep = rng.random(len(g)) > 0.1  # some missed waves: unbalanced, as in practice
    return pd.DataFrame({
        "client_id": g, "maanden": t, "score": y,
        "groep": np.where(cond == 1, "interventie", "vergelijking"),
    })[keep].reset_index(drop=True)


def ours(df: pd.DataFrame):
    start = time.perf_counter()
    res = GroeiModel(conditie="groep", random_helling=True).fit(df)
    return time.perf_counter() - start, res


def floor(df: pd.DataFrame) -> float:
    start = time.perf_counter()
    codes, uniques = pd.factorize(df["client_id"])
    cond, levels = pd.factorize(df["groep"])
    g = len(uniques)
    t = df["maanden"].to_numpy(dtype=float)
    y = df["score"].to_numpy(dtype=float)
    [np.bincount(codes, minlength=g)] + [np.bincount(codes, w, minlength=g) for w in (t, t * t, y, t * y, y * y)]
    np.bincount(codes * len(levels) + cond, minlength=g * len(levels))  # condition per client
    return time.perf_counter() - start


def lme4(path: Path) -> tuple[float, float]:
    out = subprocess.run(
        ["Rscript", str(R_SCRIPT), str(path), "score", "maanden", "client_id", "groep", "1", "1"],
        capture_output=True, text=True, check=True,
    ).stdout
    values = dict(line.split("\t", 1) for line in out.splitlines())
    return float(values["seconden"]), float(values["reml_criterium"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groottes", default="5000,20000,100000,300000",
                        help="aantallen cliënten, komma-gescheiden")
    parser.add_argument("--herhalingen", type=int, default=3)
    parser.add_argument("--lme4-herhalingen", type=int, default=3)
    parser.add_argument("--zonder-lme4", action="store_true", help="lme4 niet meten")
    args = parser.parse_args()
    sizes = [int(s) for s in args.groottes.split(",") if s.strip()]
    met_lme4 = not args.zonder_lme4
    if met_lme4 and shutil.which("Rscript") is None:
        print("Rscript niet gevonden: lme4 wordt overgeslagen. Installeer R en lme4 met "
              "'apt-get install r-base-core r-cran-lme4' om ook lme4 te meten.")
        met_lme4 = False
    print(f"{'cliënten':>9} {'metingen':>9} {'ons (s)':>8} {'vloer (s)':>9} {'lme4 (s)':>9} "
          f"{'lme4/ons':>9} {'ons/vloer':>9} {'evaluaties':>10} {'verschil criterium':>19}")
    ours(simulate(2_000))  # warm-up, not timed
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            df = simulate(n)
            runs = [ours(df) for _ in range(args.herhalingen)]
            t_ours = statistics.median(r[0] for r in runs)
            res = runs[0][1]
            t_floor = statistics.median(floor(df) for _ in range(args.herhalingen))
            t_lme4 = verschil = None
            if met_lme4:
                path = Path(tmp) / f"groei_{n}.csv"
                df.to_csv(path, index=False)
                fits = [lme4(path) for _ in range(args.lme4_herhalingen)]
                t_lme4 = statistics.median(f[0] for f in fits)
                verschil = fits[0][1] - res.deviance
            lme4_txt = f"{t_lme4:>9.2f}" if t_lme4 is not None else f"{'-':>9}"
            ratio_txt = f"{t_lme4 / t_ours:>8.0f}x" if t_lme4 is not None else f"{'-':>9}"
            verschil_txt = f"{verschil:>19.2e}" if verschil is not None else f"{'-':>19}"
            print(f"{n:>9} {len(df):>9} {t_ours:>8.3f} {t_floor:>9.3f} {lme4_txt} {ratio_txt} "
                  f"{t_ours / t_floor:>8.1f}x {res.n_evaluaties:>10} {verschil_txt}", flush=True)


if __name__ == "__main__":
    main()
