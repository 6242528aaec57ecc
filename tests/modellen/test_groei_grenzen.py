"""GroeiModel at the limit: the per-client kernel, sufficient statistics, warm start, Dutch errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.errors import UserInputError
from modellen import _groei_kern as kern
from modellen.groei import GroeiModel


def _sim(n_clients: int = 200, seed: int = 4, jitter: bool = True) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_clients):
        groep = "interventie" if c % 3 else "vergelijking"
        leeftijd = float(rng.normal(45, 12))
        waves = int(rng.integers(2, 8))
        t = np.sort(rng.uniform(0, 24, waves)) if jitter else np.arange(waves) * 3.0
        b0, b1 = rng.normal(0, 0.7), rng.normal(0, 0.05)
        for tj in t:
            y = 2 + 0.01 * leeftijd + b0 + (0.03 + 0.02 * (groep == "interventie") + b1) * tj
            rows.append((c, float(tj), float(y + rng.normal(0, 0.4)), groep, leeftijd))
    return pd.DataFrame(rows, columns=["client_id", "maanden", "score", "groep", "leeftijd"])


def _stats(df: pd.DataFrame) -> pd.DataFrame:
    """The per-client sums that impact.store computes with SQL, here with pandas."""
    g = df.assign(tt=df.maanden**2, ty=df.maanden * df.score, yy=df.score**2).groupby("client_id")
    return pd.DataFrame({
        "n": g.size(), "som_t": g.maanden.sum(), "som_tt": g.tt.sum(), "som_y": g.score.sum(),
        "som_ty": g.ty.sum(), "som_yy": g.yy.sum(), "groep": g.groep.first(), "leeftijd": g.leeftijd.first(),
    }).reset_index()


@pytest.mark.parametrize("q", [1, 2])
@pytest.mark.parametrize("reml", [True, False])
def test_client_kernel_gradient_and_row_kernel_agree(q: int, reml: bool) -> None:
    df = _sim()
    codes, _ = pd.factorize(df["client_id"])
    t = (df["maanden"].to_numpy() - 10.0) / 7.0
    y = df["score"].to_numpy() - 3.0
    inter = (df["groep"] == "interventie").to_numpy(float)
    x = np.column_stack([np.ones(len(df)), t, inter, inter * t])
    g = codes.max() + 1
    rows = kern.row_stats(y, x, t, codes, g, q)
    first = df.groupby(codes).head(1)
    a = np.column_stack([np.ones(g), np.zeros(g), (first["groep"] == "interventie").to_numpy(float), np.zeros(g)])
    b = np.column_stack([np.zeros(g), np.ones(g), np.zeros(g), a[:, 2]])

    def per(w):
        return np.bincount(codes, w, minlength=g)

    clients = kern.client_stats(per(None), per(t), per(t * t), per(y), per(t * y), per(y * y), a, b,
                                a[:, 2].astype(int), q)
    theta = np.array([0.9, 0.2, 0.4])[: 1 if q == 1 else 3]
    pr, pc = kern.profile(theta, rows, reml, True), kern.profile(theta, clients, reml, True)
    assert pc.deviance == pytest.approx(pr.deviance, rel=1e-12)
    np.testing.assert_allclose(pc.beta, pr.beta, rtol=1e-10)
    np.testing.assert_allclose(pc.gradient, pr.gradient, rtol=1e-8, atol=1e-8)
    num = [(kern.profile(theta + e * 1e-6, clients, reml).deviance
            - kern.profile(theta - e * 1e-6, clients, reml).deviance) / 2e-6 for e in np.eye(len(theta))]
    np.testing.assert_allclose(pc.gradient, num, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("methode", ["REML", "ML"])
def test_sufficient_statistics_give_the_same_fit(methode: str) -> None:
    df = _sim()
    model = GroeiModel(conditie="groep", covariaten=["leeftijd"], random_helling=True, methode=methode)
    rows, sums = model.fit(df), model.fit_voldoende(_stats(df))
    assert sums.deviance == pytest.approx(rows.deviance, abs=1e-6)
    np.testing.assert_allclose(sums.beta, rows.beta, rtol=1e-6)
    np.testing.assert_allclose(sums.se, rows.se, rtol=1e-6)
    np.testing.assert_allclose(sums.random_sd, rows.random_sd, rtol=1e-5)
    assert sums.residu_sd == pytest.approx(rows.residu_sd, rel=1e-8)
    assert sums.termen == rows.termen and sums.n_obs == rows.n_obs and sums.n_groepen == rows.n_groepen
    merged = rows.random_per_client.merge(sums.random_per_client, on="client_id")
    np.testing.assert_allclose(merged["maanden_x"], merged["maanden_y"], rtol=1e-5, atol=1e-8)
    assert len(sums.voorspel()) == 50 and sums.to_dict()["singulier"] is False


def test_time_varying_covariate_uses_the_row_kernel() -> None:
    df = _sim()
    df["leeftijd"] = df["leeftijd"] + df["maanden"] / 12  # changes within a client
    from statsmodels.regression.mixed_linear_model import MixedLM

    res = GroeiModel(covariaten=["leeftijd"], random_helling=True, methode="ML").fit(df)
    x, _ = res.spec.matrix(df)
    sm = MixedLM(df["score"].to_numpy(), x, groups=df["client_id"].to_numpy(), exog_re=x[:, :2]).fit(
        reml=False, method=["lbfgs"], gtol=1e-10)
    assert res.loglik >= sm.llf - 1e-6
    np.testing.assert_allclose(res.beta, sm.fe_params, rtol=1e-4)


def test_warm_start_reaches_the_same_optimum(monkeypatch) -> None:
    df = _sim(25_000, jitter=True)
    model = GroeiModel(conditie="groep", random_helling=True)
    warm = model.fit(df)
    monkeypatch.setattr(kern, "WARM_START_CLIENTS", 10**9)
    cold = model.fit(df)
    assert warm.deviance <= cold.deviance + 1e-6
    np.testing.assert_allclose(warm.beta, cold.beta, rtol=1e-6)
    np.testing.assert_allclose(warm.random_sd, cold.random_sd, rtol=1e-5)
    assert warm.n_evaluaties < cold.n_evaluaties + 20


@pytest.mark.parametrize("change, fragment", [
    (lambda df: df.groupby("client_id").head(1), "twee of meer metingen"),
    (lambda df: df.assign(maanden=5.0), "overal dezelfde waarde"),
    (lambda df: df.assign(score=1.0), "overal dezelfde waarde"),
    (lambda df: df.groupby("client_id").head(2).loc[lambda d: d.groupby("client_id").client_id.transform("size") == 2],
     "random helling"),
    (lambda df: df.assign(tweede=df["leeftijd"] * 2), "lineair afhankelijk"),
    (lambda df: df.assign(maanden=df["maanden"].where(df.index != 3, np.inf)), "oneindige"),
])
def test_fits_that_cannot_be_done_say_why_in_dutch(change, fragment: str) -> None:
    df = change(_sim(60))
    covariaten = ["leeftijd", "tweede"] if "tweede" in df else []
    with pytest.raises(UserInputError) as err:
        GroeiModel(random_helling=True, covariaten=covariaten).fit(df, bron="data.csv")
    assert fragment in str(err.value) and "data.csv" in str(err.value)


def test_bad_sufficient_statistics_are_refused_in_dutch() -> None:
    stats = _stats(_sim(30))
    with pytest.raises(UserInputError, match="meer dan eens"):
        GroeiModel().fit_voldoende(pd.concat([stats, stats.head(1)]))
    with pytest.raises(UserInputError, match="ontbreekt"):
        GroeiModel().fit_voldoende(stats.drop(columns=["som_ty"]))
    with pytest.raises(UserInputError, match="positief geheel"):
        GroeiModel().fit_voldoende(stats.assign(n=stats["n"] - 0.5))
