"""Benchmark: random intercept + slope growth model, our engine vs statsmodels MixedLM.

Run: python benchmarks/groei.py [--herhalingen 3]
Prints, from one run, the median time of our engine and statsmodels' time at 5,000 and
50,000 clients x 6 waves, their ratio, the largest relative difference of the estimates,
and our time at 100,000 clients. statsmodels is fitted once per size (it takes ~1-2 min at
50,000 clients); ours is the median of ``--herhalingen`` runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings

import numpy as np
import pandas as pd
from statsmodels.regression.mixed_linear_model import MixedLM

from modellen.groei import GroeiModel


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


def theirs(df: pd.DataFrame, res):
    x, _ = res.spec.matrix(df)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = MixedLM(df["score"].to_numpy(), x, groups=df["client_id"].to_numpy(),
                      exog_re=x[:, :2]).fit(reml=True, method=["lbfgs"])
    return time.perf_counter() - start, fit


def max_rel_diff(res, fit) -> float:
    ours_ = np.r_[res.beta, res.random_sd, res.residu_sd]
    cov = np.asarray(fit.cov_re)
    ref = np.r_[np.asarray(fit.fe_params), np.sqrt(np.diag(cov)), np.sqrt(fit.scale)]
    return float(np.max(np.abs(ours_ - ref) / np.abs(ref)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--herhalingen", type=int, default=3)
    args = parser.parse_args()
    print(f"{'clienten':>9} {'metingen':>9} {'ons (s)':>9} {'statsmodels (s)':>16} "
          f"{'verhouding':>11} {'max rel. verschil':>18}")
    for n in (5_000, 50_000):
        df = simulate(n)
        runs = [ours(df) for _ in range(args.herhalingen)]
        t_ours = statistics.median(r[0] for r in runs)
        t_sm, fit = theirs(df, runs[0][1])
        diff = max_rel_diff(runs[0][1], fit)
        print(f"{n:>9} {len(df):>9} {t_ours:>9.2f} {t_sm:>16.2f} {t_sm / t_ours:>10.1f}x {diff:>18.1e}")
    df = simulate(100_000)
    t_ours = statistics.median(ours(df)[0] for _ in range(args.herhalingen))
    print(f"{100_000:>9} {len(df):>9} {t_ours:>9.2f} {'(niet gemeten)':>16}")


if __name__ == "__main__":
    main()
