"""Attrition: tests against scipy's Welch t and chi-square."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from modellen.uitval import Uitval


def _data(seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(100):
        base = rng.normal(2.5, 0.6)
        follow = base > 2.3 or c % 5 == 0  # lower baseline -> more drop-out
        months = (0, 6) if follow else (0,)
        for m in months:
            rows.append({"client_id": c, "maanden": m, "score": base + 0.1 * m,
                         "gemeente": "Weert" if c % 3 else "Roermond"})
    return pd.DataFrame(rows)


def test_baseline_comparison_matches_scipy_and_warns() -> None:
    df = _data()
    res = Uitval(tijd="maanden", kenmerken=["gemeente"]).fit(df)
    pc = res.per_client
    t = stats.ttest_ind(pc.loc[pc["vervolg"], "voor"], pc.loc[~pc["vervolg"], "voor"], equal_var=False)
    row = res.summary().set_index("kenmerk").loc["beginscore"]
    assert row["statistiek"] == pytest.approx(t.statistic) and row["p"] == pytest.approx(t.pvalue)
    chi = stats.chi2_contingency(pd.crosstab(pc["gemeente"], pc["vervolg"]))
    assert res.summary().set_index("kenmerk").loc["gemeente", "p"] == pytest.approx(chi.pvalue)
    assert res.aandeel_uitval == pytest.approx(1 - pc["vervolg"].mean())
    assert res.aandeel_uitval > 0.2 and "MAR" in res.waarschuwing
    assert res.to_dict()["n_clienten"] == 100


def test_no_warning_when_everyone_has_follow_up() -> None:
    df = pd.DataFrame({"client_id": [1, 1, 2, 2], "maanden": [0, 6, 0, 7], "score": [1, 2, 3, 4]})
    assert Uitval(tijd="maanden").fit(df).waarschuwing is None
