"""Pooling cases: totals by hand, bootstrap against scipy, wrong pocket, extrapolation."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from modellen.kostenbaten.casus import Effectencalculator
from modellen.kostenbaten.casussen import CasussenAnalyse


def _casus(naam, uren, uitzetting_kans):
    return {
        "naam": naam,
        "scenarios": {
            "interventie": {
                "activiteiten": [{"item": "sw_uur", "aantal": uren, "datum": "2024-02-01"}]
            },
            "referentie": {
                "gebeurtenissen": [
                    {
                        "omschrijving": "uithuiszetting",
                        "datum": "2024-08-01",
                        "kans": uitzetting_kans,
                        "gevolgen": [{"item": "uitzetting", "aantal": 1}],
                    }
                ]
            },
        },
    }


@pytest.fixture
def resultaten(lijst):
    calc = Effectencalculator(prijslijst=lijst)
    specs = [(10, 0.5), (20, 0.8), (40, 0.2), (15, 0.6), (30, 0.9), (25, 0.1)]
    return [calc.fit(_casus(f"c{i}", u, k)) for i, (u, k) in enumerate(specs)]


def test_totals_and_wrong_pocket_by_hand(resultaten):
    """Gemeente invests 64 x (10+20+40+15+30+25) = 64 x 140 = 8960.00;
    the corporation avoids 7500 x (0.5+0.8+0.2+0.6+0.9+0.1) = 7500 x 3.1 = 23250.00.
    Net 23250.00 - 8960.00 = 14290.00; mean per case 14290 / 6 = 2381.67."""
    r = CasussenAnalyse(n_bootstrap=2000, seed=1).fit(resultaten)
    assert r.totalen()["verschil"] == pytest.approx(14290.00)
    wp = r.wrong_pocket().set_index("financier")
    assert wp.loc["gemeente", "saldo_gemiddeld"] == pytest.approx(-8960.00 / 6)
    assert wp.loc["gemeente", "rol"] == "investeert"
    assert wp.loc["woningcorporatie", "saldo_gemiddeld"] == pytest.approx(23250.00 / 6)
    assert wp.loc["woningcorporatie", "rol"] == "profiteert"
    gem = r.gemiddelden().set_index("grootheid").loc["verschil"]
    assert gem["gemiddelde"] == pytest.approx(14290 / 6)
    assert gem["ci_laag"] < gem["gemiddelde"] < gem["ci_hoog"]


def test_bootstrap_interval_agrees_with_scipy(resultaten):
    r = CasussenAnalyse(n_bootstrap=20000, seed=7).fit(resultaten)
    data = r.per_casus["verschil"].to_numpy()
    ref = stats.bootstrap(
        (data,),
        np.mean,
        n_resamples=20000,
        method="percentile",
        confidence_level=0.95,
        random_state=11,
    ).confidence_interval
    laag, hoog = r.gemiddelde_ci["verschil"]
    spreiding = data.std()
    assert laag == pytest.approx(ref.low, abs=0.05 * spreiding)
    assert hoog == pytest.approx(ref.high, abs=0.05 * spreiding)


def test_drivers_and_extrapolation(resultaten):
    r = CasussenAnalyse(n_bootstrap=1000, seed=2).fit(resultaten)
    drivers = r.drijvers()
    assert drivers["aandeel_van_totaal"].sum() == pytest.approx(1.0)
    # distance from the mean 2381.67: c2 = 0.2 x 7500 - 40 x 64 = -1060 -> 3441.67;
    # c5 = 750 - 1600 = -850 -> 3231.67; c4 = 6750 - 1920 = 4830 -> 2448.33
    assert list(drivers["casus"][:3]) == ["c2", "c5", "c4"]
    e = r.extrapoleer(100)
    assert e["verschil"] == pytest.approx(100 * 14290 / 6)
    assert e["ci_laag"] < e["verschil"] < e["ci_hoog"]
    assert "casussen" in e["waarschuwing"]
    again = CasussenAnalyse(n_bootstrap=1000, seed=2).fit(resultaten)
    assert again.gemiddelde_ci == r.gemiddelde_ci
