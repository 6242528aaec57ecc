"""Change and effect sizes, checked against scipy and hand computation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from modellen.verandering import VeranderingAnalyse, change_per_client, d_z_interval, effect_sizes


def _long(seed: int = 1, n: int = 40) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n):
        start = pd.Timestamp("2024-01-01") + pd.Timedelta(days=int(rng.integers(0, 60)))
        base = rng.normal(2.5, 0.7)
        for m in (0, 5, 13, 25):
            rows.append({"client_id": c, "datum": start + pd.Timedelta(days=round(m * 30.44)),
                         "score": base + 0.04 * m + rng.normal(0, 0.4),
                         "interventie": "A" if c % 2 else "B"})
    return pd.DataFrame(rows)


def test_per_client_change_and_horizons() -> None:
    df = pd.DataFrame({"client_id": [1, 1, 1, 2, 2], "maanden": [0, 7, 20, 0, 11],
                       "score": [2.0, 3.0, 4.0, 3.0, 2.0]})
    pc = change_per_client(df, tijd="maanden", horizonten=(6, 12), tolerantie=2)
    one = pc.set_index("client_id")
    assert one.loc[1, "verandering"] == 2.0
    assert one.loc[1, "verandering_6m"] == 1.0  # 7 months is within 6 +/- 2
    assert np.isnan(one.loc[1, "verandering_12m"])  # nothing within 10..14
    assert one.loc[2, "verandering_12m"] == -1.0
    assert np.isnan(one.loc[2, "verandering_6m"])


def test_mean_change_ci_matches_scipy_paired_t() -> None:
    rng = np.random.default_rng(5)
    voor = rng.normal(2.5, 0.8, 30)
    na = voor + rng.normal(0.4, 0.6, 30)
    es = effect_sizes(voor, na)
    res = stats.ttest_rel(na, voor)
    ci = res.confidence_interval(0.95)
    assert es["ci_laag"] == pytest.approx(ci.low)
    assert es["ci_hoog"] == pytest.approx(ci.high)
    # d_z = t / sqrt(n) (hand identity), d_av by definition, Hedges J = 1 - 3/(4 df - 1)
    assert es["d_z"] == pytest.approx(res.statistic / np.sqrt(30))
    assert es["d_av"] == pytest.approx((na - voor).mean() / ((voor.std(ddof=1) + na.std(ddof=1)) / 2))
    assert es["g_z"] == pytest.approx(es["d_z"] * (1 - 3 / (4 * 29 - 1)))


def test_d_z_interval_inverts_noncentral_t() -> None:
    d, n = 0.5, 25
    lo, hi = d_z_interval(d, n)
    t = d * np.sqrt(n)
    assert stats.nct.cdf(t, n - 1, lo * np.sqrt(n)) == pytest.approx(0.975, abs=1e-8)
    assert stats.nct.cdf(t, n - 1, hi * np.sqrt(n)) == pytest.approx(0.025, abs=1e-8)
    # large n: close to the normal approximation sqrt(1/n + d^2/(2n))
    lo, hi = d_z_interval(0.3, 5000)
    se = np.sqrt(1 / 5000 + 0.09 / 10000)
    assert lo == pytest.approx(0.3 - 1.96 * se, abs=2e-3)


def test_group_summary_with_dates_and_shares() -> None:
    df = _long()
    res = VeranderingAnalyse(indeling=["interventie"]).fit(df)
    tab = res.summary()
    assert set(tab["horizon"]) == {"laatste", "6 maanden", "12 maanden", "24 maanden"}
    a = tab[(tab["interventie"] == "A") & (tab["horizon"] == "laatste")].iloc[0]
    pc = res.per_client[res.per_client["interventie"] == "A"]
    assert a["n"] == 20
    assert a["gem_verandering"] == pytest.approx(pc["verandering"].mean())
    assert a["aandeel_verbeterd"] + a["aandeel_onveranderd"] + a["aandeel_verslechterd"] == pytest.approx(1)
    assert a["aandeel_verbeterd"] == pytest.approx((pc["verandering"] > 0).mean())
    assert res.to_dict()["groepen"][0]["horizon"] == "laatste"
    assert len(res.plot().data) == 1


def test_lower_is_better_flips_shares() -> None:
    df = _long()
    up = VeranderingAnalyse().fit(df).summary().iloc[0]
    down = VeranderingAnalyse(hoger_is_beter=False).fit(df).summary().iloc[0]
    assert up["aandeel_verbeterd"] == pytest.approx(down["aandeel_verslechterd"])


def test_warning_when_many_have_no_follow_up() -> None:
    df = pd.DataFrame({"client_id": [1, 1, 2, 3, 4], "maanden": [0, 6, 0, 0, 0],
                       "score": [1.0, 2.0, 3.0, 2.0, 2.0]})
    res = VeranderingAnalyse(tijd="maanden").fit(df)
    assert "75%" in res.waarschuwing and res.to_dict()["waarschuwing"] == res.waarschuwing
    assert VeranderingAnalyse().fit(_long()).waarschuwing is None
