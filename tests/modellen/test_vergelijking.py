"""DiD against hand-computed means and a numpy sandwich; ITS against lstsq."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.errors import UserInputError
from modellen.vergelijking import OnderbrokenTijdreeks, VerschilInVerschillen, cluster_robust_se


def _panel(n: int = 80, seed: int = 2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n):
        treated = c % 2 == 0
        u = rng.normal(0, 0.5)
        for na in (0, 1):
            y = 2 + 0.2 * treated + 0.3 * na + 0.5 * treated * na + u + rng.normal(0, 0.3)
            rows.append({"client_id": c, "groep": "interventie" if treated else "vergelijking",
                         "na": na, "score": y})
    return pd.DataFrame(rows)


def test_did_equals_difference_of_mean_differences_with_cluster_se() -> None:
    df = _panel()
    res = VerschilInVerschillen().fit(df)
    m = df.groupby(["groep", "na"])["score"].mean()
    hand = (m["interventie", 1] - m["interventie", 0]) - (m["vergelijking", 1] - m["vergelijking", 0])
    assert res.effect == pytest.approx(hand)
    x = np.c_[np.ones(len(df)), df["groep"] == "interventie", df["na"],
              (df["groep"] == "interventie") * df["na"]].astype(float)
    beta = np.linalg.lstsq(x, df["score"].to_numpy(), rcond=None)[0]
    se = cluster_robust_se(x, df["score"].to_numpy() - x @ beta, df["client_id"].to_numpy())
    np.testing.assert_allclose(res.tabel["se"], se, rtol=1e-8)
    assert res.n_clusters == 80 and res.to_dict()["effect"]["term"] == "interventie:na"
    fitted = res._fitted  # statsmodels' own p-values and intervals for the same fit
    np.testing.assert_allclose(res.tabel["p"], fitted.pvalues, rtol=1e-10)
    np.testing.assert_allclose(res.tabel[["ci_laag", "ci_hoog"]], fitted.conf_int(), rtol=1e-10)


def test_did_with_time_cut_and_missing_group_error() -> None:
    df = _panel().assign(maanden=lambda d: d["na"] * 12)
    res = VerschilInVerschillen(periode="na", tijd="maanden", grens=6).fit(df)
    assert res.effect == pytest.approx(VerschilInVerschillen().fit(df).effect)
    with pytest.raises(UserInputError, match="vergelijkingsgroep"):
        VerschilInVerschillen().fit(df[df["groep"] == "interventie"])


def test_its_matches_least_squares() -> None:
    rng = np.random.default_rng(1)
    t = np.arange(24.0)
    d = (t >= 12).astype(float)
    y = 10 + 0.2 * t - 1.5 * d - 0.3 * (t - 12) * d + rng.normal(0, 0.3, 24)
    res = OnderbrokenTijdreeks(onderbreking=12).fit(pd.DataFrame({"periode": t, "waarde": y}))
    x = np.c_[np.ones(24), t, d, (t - 12) * d]
    np.testing.assert_allclose(res.tabel["schatting"], np.linalg.lstsq(x, y, rcond=None)[0], rtol=1e-8)
    assert res.kern_term == "niveauverandering"
    assert len(res.plot().data) == 1
