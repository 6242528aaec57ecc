"""Durability after uitstroom: model estimates against statsmodels, delta method by hand."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from statsmodels.regression.mixed_linear_model import MixedLM

from impact.errors import UserInputError
from modellen.duurzaamheid import Duurzaamheid, drop_off_delta


def _world(n: int = 120, seed: int = 4) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n):
        start = pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(rng.integers(0, 90)))
        eind = start + pd.Timedelta(days=365)
        base = rng.normal(2.2, 0.5)
        gain = 1.0 + rng.normal(0, 0.3)
        for days in (0, 180, 360, 545, 730, 1090):
            years_after = max(days - 365, 0) / 365.25
            level = gain * min(days, 365) / 365 * (1 - 0.25 * years_after)
            rows.append(
                {
                    "client_id": c,
                    "datum": start + pd.Timedelta(days=days),
                    "score": base + level + rng.normal(0, 0.2),
                    "traject_eind": eind,
                }
            )
    return pd.DataFrame(rows)


def test_estimates_match_statsmodels_and_recover_drop_off() -> None:
    res = Duurzaamheid().fit(_world())
    frame = res.modelframe
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sm = MixedLM(
            frame["winst"].to_numpy(),
            np.c_[np.ones(len(frame)), frame["jaren_na_uitstroom"]],
            groups=frame["eenheid"].to_numpy(),
        ).fit(reml=True)
    np.testing.assert_allclose(
        [res.winst_bij_uitstroom, res.verandering_per_jaar], sm.fe_params, rtol=1e-4
    )
    assert res.drop_off == pytest.approx(0.25, abs=0.05)
    lo, hi = res.drop_off_ci
    assert lo < res.drop_off < hi
    assert 0 <= res.als_drop_off() <= 1
    assert res.summary()["n"].iloc[0] == 120
    assert "drop-off" in res.tekst() and res.to_dict()["drop_off_per_jaar"]["se"] > 0
    assert len(res.plot().data) == 2


def test_delta_method_by_hand() -> None:
    d, se = drop_off_delta(a=2.0, b=-0.5, var_a=0.04, var_b=0.01, cov_ab=0.005)
    assert d == pytest.approx(0.25)
    # grad = (b/a^2, -1/a) = (-0.125, -0.5)
    var = 0.125**2 * 0.04 + 0.25 * 0.01 + 2 * (-0.125) * (-0.5) * 0.005
    assert se == pytest.approx(np.sqrt(var))


def test_too_few_followups_is_a_dutch_error() -> None:
    df = _world(2)
    with pytest.raises(UserInputError, match="na uitstroom"):
        Duurzaamheid().fit(df)
