"""GroeiModel against lme4's own fits: time in days since birth, calendar years, a singular fit.

The reference numbers below were obtained with real lme4, not copied from a paper:

    R version 4.2.2 Patched (2022-11-10 r83330), lme4 1.1.31 (Debian packages r-base-core and
    r-cran-lme4 on Debian 12), default lmer optimiser and tolerances, on 2026-12-01, by

        .venv/bin/python tests/modellen/test_groei_lme4.py /tmp/lme4_ref

    which writes each data set below (fixed seeds) to a CSV file, runs
    ``Rscript benchmarks/groei_lme4.R FILE uitkomst tijd groep conditie helling reml`` on it
    and prints the numbers lme4 reports, 17 significant digits. R is not needed to run the
    tests: the numbers are recorded here.

lme4's REML criterion and -2 logLik are on the user's scale; GroeiModel centres and scales
time internally and reports on the same scale, so the criteria are directly comparable: ours
must be at most lme4's + 1e-6 (lme4's optimum or better).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from modellen.groei import GroeiModel


def data_leeftijd_dagen(seed: int = 11) -> pd.DataFrame:
    """400 clients, 4-8 measurements each, time = age in days (about 3,000 to 5,500)."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(400):
        start = rng.uniform(3000, 4500)
        waves = int(rng.integers(4, 9))
        ages = start + np.cumsum(np.r_[0, rng.uniform(60, 120, waves - 1)])
        b0, b1 = rng.normal(0, 3.0), rng.normal(0, 0.0015)
        for age in ages:
            y = 20 + b0 + (0.004 + b1) * (age - 3700) + rng.normal(0, 2.0)
            rows.append((f"c{c:03d}", round(float(age)), round(float(y), 3)))
    return pd.DataFrame(rows, columns=["client_id", "leeftijd_dagen", "score"])


def data_kalenderjaar(seed: int = 12) -> pd.DataFrame:
    """300 clients in two conditions, time = calendar year with decimals (2015-2021)."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(300):
        groep = "interventie" if c % 2 == 0 else "vergelijking"
        start = 2015 + rng.uniform(0, 3)
        waves = int(rng.integers(3, 8))
        years = start + np.cumsum(np.r_[0, rng.uniform(0.3, 0.7, waves - 1)])
        b0, b1 = rng.normal(0, 0.8), rng.normal(0, 0.1)
        slope = 0.2 + 0.15 * (groep == "interventie") + b1
        for year in years:
            y = 3 + b0 + slope * (year - 2016) + rng.normal(0, 0.4)
            rows.append((c, round(float(year), 3), round(float(y), 3), groep))
    return pd.DataFrame(rows, columns=["client_id", "jaar", "score", "groep"])


def data_singulier(seed: int = 1) -> pd.DataFrame:
    """40 clients at 0, 3, 6, 9 months, no differences in slope: a singular random-slope fit."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(40):
        b0 = rng.normal(0, 0.5)
        for t in (0.0, 3.0, 6.0, 9.0):
            rows.append((c, t, round(float(2 + b0 + 0.05 * t + rng.normal(0, 0.6)), 3)))
    return pd.DataFrame(rows, columns=["client_id", "maanden", "score"])


# name -> (data, uitkomst, tijd, groep, conditie, random_helling, methode, geschaald)
CASES = {
    "leeftijd_dagen": (data_leeftijd_dagen, "score", "leeftijd_dagen", "client_id", None, True, "REML", True),
    "kalenderjaar": (data_kalenderjaar, "score", "jaar", "client_id", "groep", True, "REML", True),
    "kalenderjaar_ml": (data_kalenderjaar, "score", "jaar", "client_id", "groep", True, "ML", True),
    "singulier": (data_singulier, "score", "maanden", "client_id", None, True, "REML", False),
}

# Printed by running this file as a script (see the module docstring). For the first three
# cases plain lmer on the raw time stops higher ("ruw_criterium", its optimiser stalls on
# theta of order 1e-4); the recorded optimum is lme4's own fit on centred and scaled time,
# mapped back and evaluated by lme4's deviance function on the raw data (GESCHAALD = 1 in
# benchmarks/groei_lme4.R).
LME4: dict[str, dict] = {
    'leeftijd_dagen': {
        'beta:Intercept': 5.579913462662837,
        'se:Intercept': 0.8749667653519725,
        'beta:leeftijd_dagen': 0.004002038233988812,
        'se:leeftijd_dagen': 0.00021767051852481005,
        'sd:Intercept': 5.8970400849292295,
        'sd:leeftijd_dagen': 0.001334605466125498,
        'corr': -0.8554222574249688,
        'residu_sd': 2.008396151212606,
        'reml_criterium': 11232.592432393194,
        'ruw_criterium': 11267.139120456559,
        'loglik': -5616.296216196597,
        'singulier': False,
        'n_obs': 2388,
        'n_groepen': 400,
    },
    'kalenderjaar': {
        'beta:Intercept': -432.9248743239288,
        'se:Intercept': 39.416224837479646,
        'beta:jaar': 0.21619821873071468,
        'se:jaar': 0.01953830031791309,
        'beta:groep[T.interventie]': -290.7473939913145,
        'se:groep[T.interventie]': 57.196547163657755,
        'beta:groep[T.interventie]:jaar': 0.1442991955968321,
        'se:groep[T.interventie]:jaar': 0.028351692617922853,
        'sd:Intercept': 192.91386826779683,
        'sd:jaar': 0.09566280650504964,
        'corr': -0.9999913780478796,
        'residu_sd': 0.39854315554498765,
        'reml_criterium': 2473.373630094239,
        'ruw_criterium': 2479.5118287233495,
        'loglik': -1236.6868150471196,
        'singulier': False,
        'n_obs': 1502,
        'n_groepen': 300,
    },
    'kalenderjaar_ml': {
        'beta:Intercept': -432.8614315634377,
        'se:Intercept': 39.202859158797715,
        'beta:jaar': 0.21616679266381927,
        'se:jaar': 0.01943252669395592,
        'beta:groep[T.interventie]': -290.7550327098334,
        'se:groep[T.interventie]': 56.898500511182,
        'beta:groep[T.interventie]:jaar': 0.1443028582593846,
        'se:groep[T.interventie]:jaar': 0.02820394082860073,
        'sd:Intercept': 188.33254339900708,
        'sd:jaar': 0.09339276297869906,
        'corr': -0.9999910217886281,
        'residu_sd': 0.398564515675071,
        'deviance': 2454.30485330399,
        'ruw_criterium': 2460.0200785575908,
        'loglik': -1227.152426651995,
        'singulier': False,
        'n_obs': 1502,
        'n_groepen': 300,
    },
    'singulier': {
        'beta:Intercept': 1.8894749999999974,
        'se:Intercept': 0.08254500436428874,
        'beta:maanden': 0.06452916666666753,
        'se:maanden': 0.014999967279159991,
        'sd:Intercept': 0.2468704407427048,
        'sd:maanden': 0.04777482495912914,
        'corr': 1.0,
        'residu_sd': 0.5498078824300117,
        'reml_criterium': 327.54597677812603,
        'loglik': -163.77298838906302,
        'singulier': True,
        'n_obs': 160,
        'n_groepen': 40,
    },
}


def _fit(name: str):
    make, uitkomst, tijd, groep, conditie, helling, methode, _ = CASES[name]
    return GroeiModel(uitkomst=uitkomst, tijd=tijd, groep=groep, conditie=conditie,
                      random_helling=helling, methode=methode).fit(make())


@pytest.mark.parametrize("name", list(CASES))
def test_matches_lme4(name: str) -> None:
    ref = LME4[name]
    res = _fit(name)
    assert res.n_obs == ref["n_obs"] and res.n_groepen == ref["n_groepen"]
    criterium = ref.get("reml_criterium", ref.get("deviance"))
    # lme4's optimum or better, and not far better (the same optimum)
    assert res.deviance <= criterium + 1e-6
    assert res.deviance >= criterium - 1e-3
    beta = dict(zip(res.termen, res.beta, strict=True))
    se = dict(zip(res.termen, res.se, strict=True))
    for term in res.termen:
        assert beta[term] == pytest.approx(ref[f"beta:{term}"], rel=1e-5, abs=1e-7), term
        assert se[term] == pytest.approx(ref[f"se:{term}"], rel=1e-4), term
    assert res.residu_sd == pytest.approx(ref["residu_sd"], rel=1e-5)
    for term, sd in zip(res.re_termen, res.random_sd, strict=True):
        assert sd == pytest.approx(ref[f"sd:{term}"], rel=1e-4, abs=1e-6), term
    if "corr" in ref:
        assert res.random_corr == pytest.approx(ref["corr"], abs=1e-4 if not ref["singulier"] else 1e-3)
    assert res.singulier == ref["singulier"]
    if "ruw_criterium" in ref:  # where plain lmer stalls, we do not
        assert res.deviance < ref["ruw_criterium"] - 1.0
    assert res.to_dict()["singulier"] == ref["singulier"]


def test_shifted_time_gives_the_same_fit() -> None:
    """Age + 100 (or any shift of time) changes only the intercept, never the fit."""
    df = data_leeftijd_dagen()
    base = GroeiModel(uitkomst="score", tijd="leeftijd_dagen", random_helling=True).fit(df)
    shifted = GroeiModel(uitkomst="score", tijd="leeftijd_dagen", random_helling=True).fit(
        df.assign(leeftijd_dagen=df["leeftijd_dagen"] + 100))
    assert shifted.deviance == pytest.approx(base.deviance, abs=1e-6)
    assert shifted.beta[1] == pytest.approx(base.beta[1], rel=1e-8)
    assert shifted.beta[0] == pytest.approx(base.beta[0] - 100 * base.beta[1], rel=1e-8)
    assert shifted.random_sd[1] == pytest.approx(base.random_sd[1], rel=1e-6)
    assert shifted.residu_sd == pytest.approx(base.residu_sd, rel=1e-8)


def _lme4(path: Path, case: tuple) -> dict:
    _, uitkomst, tijd, groep, conditie, helling, methode, geschaald = case
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "groei_lme4.R"
    out = subprocess.run(
        ["Rscript", str(script), str(path), uitkomst, tijd, groep, conditie or "-", str(int(helling)),
         str(int(methode == "REML")), str(int(geschaald))], capture_output=True, text=True, check=True).stdout
    values: dict = {}
    for line in out.splitlines():
        key, value = line.split("\t")
        if key in ("n_obs", "n_groepen"):
            values[key] = int(value)
        elif key == "singulier":
            values[key] = value == "TRUE"
        elif key in ("R", "lme4", "seconden") or key.startswith("theta:"):
            continue
        else:
            values[key] = float(value)
    return values


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "lme4_ref")
    folder.mkdir(parents=True, exist_ok=True)
    print("LME4: dict[str, dict] = {")
    for name, case in CASES.items():
        if len(sys.argv) > 2 and name not in sys.argv[2:]:
            continue
        path = folder / f"{name}.csv"
        case[0]().to_csv(path, index=False)
        print(f"    {name!r}: {_lme4(path, case)!r},")
    print("}")
