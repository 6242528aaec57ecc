"""The shared base: keyword-only estimators, get_params, JSON-safe results, one coefficient table."""

from __future__ import annotations

import datetime as dt
import inspect
import json
from decimal import Decimal

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
import statsmodels.api as sm

from modellen.basis import Estimator, Resultaat, json_safe
from modellen.betrouwbare_verandering import BetrouwbareVerandering
from modellen.duurzaamheid import Duurzaamheid
from modellen.groei import GEEModel, GroeiModel
from modellen.keerpunten import Keerpunten
from modellen.kostenbaten.casus import Effectencalculator
from modellen.kostenbaten.casussen import CasussenAnalyse
from modellen.kostenbaten.onzekerheid import MonteCarlo, Tornado
from modellen.kostenbaten.programma import ProgrammaMKBA
from modellen.uitval import Uitval
from modellen.verandering import VeranderingAnalyse
from modellen.vergelijking import OnderbrokenTijdreeks, VerschilInVerschillen

ESTIMATORS = [
    VeranderingAnalyse, BetrouwbareVerandering, GroeiModel, GEEModel, Keerpunten, Duurzaamheid,
    Uitval, VerschilInVerschillen, OnderbrokenTijdreeks, Effectencalculator, CasussenAnalyse,
    ProgrammaMKBA, Tornado, MonteCarlo,
]


@pytest.mark.parametrize("cls", ESTIMATORS, ids=lambda c: c.__name__)
def test_every_model_is_a_keyword_only_estimator_storing_its_parameters(cls) -> None:
    assert issubclass(cls, Estimator)
    params = inspect.signature(cls.__init__).parameters
    assert all(p.kind is p.KEYWORD_ONLY for name, p in params.items() if name != "self")
    with pytest.raises(TypeError):
        cls("positioneel")
    model = cls()
    defaults = {name: p.default for name, p in params.items() if name != "self"}
    assert model.get_params() == defaults  # stored as given, nothing validated or converted
    assert repr(model).startswith(f"{cls.__name__}(")


def test_get_params_and_repr_follow_the_constructor() -> None:
    model = GroeiModel(methode="ml", covariaten=("leeftijd",))
    params = model.get_params()
    assert params["methode"] == "ml" and params["covariaten"] == ("leeftijd",)
    assert list(params) == list(inspect.signature(GroeiModel.__init__).parameters)[1:]
    assert "methode='ml'" in repr(model)
    assert GroeiModel(**params).get_params() == params


def test_invalid_parameters_are_refused_in_fit() -> None:
    from impact.errors import UserInputError

    model = GroeiModel(methode="OLS")  # no error yet: validation belongs to fit
    df = pd.DataFrame({"client_id": [1, 1, 2, 2], "maanden": [0, 6, 0, 6], "score": [1, 2, 2, 3]})
    with pytest.raises(UserInputError, match="methode"):
        model.fit(df)
    with pytest.raises(UserInputError, match="correlatie"):
        GEEModel(correlatie="geen").fit(df)


def test_json_safe_values() -> None:
    raw = {
        "nan": np.nan,
        "inf": float("inf"),
        "nat": pd.NaT,
        "i": np.int64(3),
        "f": np.float32(0.5),
        "b": np.bool_(True),
        "d": dt.date(2026, 11, 21),
        "ts": pd.Timestamp("2026-11-21 10:00"),
        "dec": Decimal("12.34"),
        "tuple": (1, np.float64(np.nan)),
        "arr": np.array([1.0, np.nan]),
        "frame": pd.DataFrame({"a": [1.0, np.nan], "d": [dt.date(2026, 1, 1), None]}),
        1: "sleutel wordt tekst",
    }
    out = json_safe(raw)
    assert out == {
        "nan": None,
        "inf": None,
        "nat": None,
        "i": 3,
        "f": 0.5,
        "b": True,
        "d": "2026-11-21",
        "ts": "2026-11-21T10:00:00",
        "dec": 12.34,
        "tuple": [1, None],
        "arr": [1.0, None],
        "frame": [{"a": 1.0, "d": "2026-01-01"}, {"a": None, "d": None}],
        "1": "sleutel wordt tekst",
    }
    assert type(out["i"]) is int and type(out["b"]) is bool
    json.dumps(out, allow_nan=False)


def test_coefficient_table_matches_statsmodels() -> None:
    rng = np.random.default_rng(4)
    x = sm.add_constant(rng.normal(size=(60, 2)))
    y = x @ [1.0, 0.5, -0.2] + rng.normal(size=60)
    for fit in (sm.OLS(y, x).fit(), sm.OLS(y, x).fit(cov_type="HC1")):
        df = float(fit.df_resid) if fit.use_t else None
        tab = Resultaat.coefficient_table(["c", "a", "b"], fit.params, fit.bse, df=df)
        np.testing.assert_allclose(tab["p"], fit.pvalues, rtol=1e-10)
        np.testing.assert_allclose(tab[["ci_laag", "ci_hoog"]], fit.conf_int(), rtol=1e-10)
        np.testing.assert_allclose(tab["t" if fit.use_t else "z"], fit.tvalues, rtol=1e-10)


def test_a_result_without_its_three_methods_cannot_be_made() -> None:
    class Half(Resultaat):
        def summary(self) -> pd.DataFrame:
            return pd.DataFrame()

    with pytest.raises(TypeError):
        Half()


def test_longitudinal_results_are_json_safe_with_figures() -> None:
    rng = np.random.default_rng(0)
    rows = []
    for c in range(40):
        start = dt.date(2024, 1, 1) + dt.timedelta(days=int(rng.integers(0, 60)))
        base = rng.normal(3, 0.6)
        visits = 1 if c % 5 == 0 else 3  # every fifth client has no follow-up
        for k in range(visits):
            rows.append({"client_id": c, "groep": "interventie" if c % 2 else "vergelijking",
                         "datum": pd.Timestamp(start + dt.timedelta(days=180 * k)),
                         "score": base + 0.3 * k * (c % 2) + rng.normal(0, 0.3)})
    df = pd.DataFrame(rows)
    results = [
        VeranderingAnalyse(indeling=["groep"]).fit(df),
        BetrouwbareVerandering(instrument="ZRM").fit(df),
        Uitval(kenmerken=["groep"]).fit(df),
        Keerpunten(instrument="ZRM").fit(df),
    ]
    for res in results:
        assert isinstance(res, Resultaat)
        assert isinstance(res.summary(), pd.DataFrame)
        d = res.to_dict()
        assert json.loads(json.dumps(d, allow_nan=False)) == d
        assert isinstance(res.plot(), go.Figure)
