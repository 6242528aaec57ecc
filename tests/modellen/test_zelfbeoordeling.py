"""Agreement between clients' own ZRM scores and professionals' scores, checked by hand,
against scikit-learn's weighted kappa and against statsmodels' cluster-robust standard error."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats
from sklearn.metrics import cohen_kappa_score

from impact.errors import UserInputError
from modellen.zelfbeoordeling import Zelfbeoordeling


def _rows(client, domein, datum, score, bron):
    return {"client_id": client, "domein": domein, "datum": pd.Timestamp(datum), "score": score, "bron": bron}


def test_hand_worked_pairs_window_and_mean_difference() -> None:
    rows = [
        # client 1: own 4, professional 3 two days later -> +1
        _rows(1, "financien", "2024-01-01", 4, "client"), _rows(1, "financien", "2024-01-03", 3, "professional"),
        # client 2: own 2, professionals 10 and 25 days away: the nearest (3) -> -1
        _rows(2, "financien", "2024-02-01", 2, "client"), _rows(2, "financien", "2024-02-11", 3, "professional"),
        _rows(2, "financien", "2024-01-07", 5, "professional"),
        # client 3: own 5, professional 5 exactly 30 days later -> 0 (the window's edge is in)
        _rows(3, "financien", "2024-03-01", 5, "client"), _rows(3, "financien", "2024-03-31", 5, "professional"),
        # client 4: own 5, professional 3 -> +2
        _rows(4, "financien", "2024-04-01", 5, "client"), _rows(4, "financien", "2024-04-01", 3, "professional"),
        # client 5: 31 days apart: no pair
        _rows(5, "financien", "2024-05-01", 1, "client"), _rows(5, "financien", "2024-06-01", 5, "professional"),
        # client 6: professional in another domain only: no pair
        _rows(6, "financien", "2024-05-01", 1, "client"), _rows(6, "huisvesting", "2024-05-01", 5, "professional"),
    ]
    res = Zelfbeoordeling().fit(pd.DataFrame(rows))
    paren = res.paren
    assert paren["client_id"].tolist() == [1, 2, 3, 4]
    assert paren.loc[paren["client_id"] == 2, "professional"].item() == 3
    r = res.summary().set_index("domein").loc["financien"]
    verschil = np.array([1.0, -1.0, 0.0, 2.0])  # by hand
    assert r["n_paren"] == 4 and r["n_clienten"] == 4
    assert r["gem_verschil"] == pytest.approx(0.5)
    # one pair per client: the ordinary t-interval, 0.5 +/- t(0.975, 3) * sd / 2
    half = stats.t.ppf(0.975, 3) * verschil.std(ddof=1) / 2
    assert (r["ci_laag"], r["ci_hoog"]) == pytest.approx((0.5 - half, 0.5 + half))
    assert half == pytest.approx(3.182446 * 1.290994 / 2, rel=1e-5)
    assert r["aandeel_gelijk"] == 0.25 and r["aandeel_client_hoger"] == 0.5 and r["aandeel_client_lager"] == 0.25


def _many(n: int = 400, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n):
        for k, datum in enumerate(("2024-01-01", "2024-07-01")):
            if k == 1 and c % 3 == 0:
                continue  # one pair for a third of the clients, two for the rest
            for domein, bias in (("huisvesting", 0.0), ("geestelijke_gezondheid", 0.6)):
                prof = int(rng.integers(1, 6))
                own = int(np.clip(round(prof + bias + rng.normal(0, 0.8)), 1, 5))
                day = pd.Timestamp(datum) + pd.Timedelta(days=int(rng.integers(0, 20)))
                rows.append(_rows(c, domein, datum, prof, "professional"))
                rows.append(_rows(c, domein, day, own, "client"))
    return pd.DataFrame(rows)


def test_kappa_equals_scikit_learn_and_ci_equals_statsmodels_cluster_robust() -> None:
    df = _many()
    res = Zelfbeoordeling().fit(df)
    for domein, part in res.paren.groupby("domein"):
        r = res.summary().set_index("domein").loc[domein]
        expected = cohen_kappa_score(part["client"], part["professional"], weights="quadratic",
                                     labels=[1, 2, 3, 4, 5])
        assert r["kappa"] == pytest.approx(expected, abs=1e-12)
        verschil = (part["client"] - part["professional"]).to_numpy(float)
        ols = sm.OLS(verschil, np.ones(len(verschil))).fit(
            cov_type="cluster", cov_kwds={"groups": part["client_id"].to_numpy()}, use_t=True
        )
        low, high = ols.conf_int()[0]
        assert r["gem_verschil"] == pytest.approx(ols.params[0])
        assert (r["ci_laag"], r["ci_hoog"]) == pytest.approx((low, high), rel=1e-10)
    s = res.summary().set_index("domein")
    assert s.loc["geestelijke_gezondheid", "gem_verschil"] > 0.4 > s.loc["huisvesting", "gem_verschil"]
    assert res.grootste_verschillen(1)["domein"].item() == "geestelijke_gezondheid"
    assert s["n_paren"].sum() == len(res.paren) and s.loc["huisvesting", "n_clienten"] == 400


def test_a_score_that_is_not_a_level_is_refused() -> None:
    df = _many(5).astype({"score": float})
    df.loc[3, "score"] = 3.5
    with pytest.raises(UserInputError, match="een niveau"):
        Zelfbeoordeling().fit(df, bron="metingen.csv")
