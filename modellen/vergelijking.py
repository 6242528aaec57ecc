"""Comparison designs: difference-in-differences and interrupted time series.

``VerschilInVerschillen``: score ~ conditie + periode + conditie x periode by OLS, with
cluster-robust standard errors by client (statsmodels ``cov_type="cluster"``). The
interaction is the DiD estimate: the extra change in the intervention group beyond the
change in the comparison group (parallel-trends assumption).

``OnderbrokenTijdreeks``: segmented regression for a wijk- or gemeente-level indicator
measured over time, y = b0 + b1 t + b2 D + b3 (t - t0) D, D = 1 from the interruption t0,
with Newey-West (HAC) standard errors against autocorrelation. b2 is the level change,
b3 the change in trend.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import statsmodels.api as sm

from impact.contract import DAGEN_PER_MAAND
from impact.errors import Problem, UserInputError
from modellen._groei_invoer import check_columns, numeric
from modellen.basis import Estimator, Resultaat


@dataclass
class VergelijkingResultaat(Resultaat):
    ontwerp: str
    tabel: pd.DataFrame  # term, schatting, se, z, p, ci_laag, ci_hoog
    kern_term: str
    n_obs: int
    n_clusters: int | None
    toelichting: str
    _fitted: object = None

    @property
    def effect(self) -> float:
        return float(self.tabel.set_index("term").loc[self.kern_term, "schatting"])

    def summary(self) -> pd.DataFrame:
        return self.tabel

    def _content(self) -> dict:
        return {
            "ontwerp": self.ontwerp,
            "n_obs": self.n_obs,
            "n_clusters": self.n_clusters,
            "effect": {"term": self.kern_term, **self.tabel.set_index("term").loc[self.kern_term]},
            "coefficienten": self.tabel,
            "toelichting": self.toelichting,
        }

    def plot(self) -> go.Figure:
        return self.forest_plot(self.tabel[self.tabel["term"] != "Intercept"], titel=self.ontwerp)


def _table(res, names: list[str]) -> pd.DataFrame:
    """The coefficient table of a statsmodels fit (normal or t reference, as the fit used)."""
    df = float(res.df_resid) if res.use_t else None
    return Resultaat.coefficient_table(names, np.asarray(res.params), np.asarray(res.bse), df=df)


class VerschilInVerschillen(Estimator):
    """DiD on a long frame with a condition column and a pre/post indicator (or a time cut)."""

    def __init__(
        self,
        *,
        uitkomst: str = "score",
        conditie: str = "groep",
        periode: str = "na",
        groep: str = "client_id",
        interventie: str = "interventie",
        tijd: str | None = None,
        grens: float | None = None,
    ) -> None:
        self.uitkomst, self.conditie, self.periode, self.groep = uitkomst, conditie, periode, groep
        self.interventie, self.tijd, self.grens = interventie, tijd, grens

    def design(self, df: pd.DataFrame, bron: str = "invoer") -> pd.DataFrame:
        period_col = self.tijd if self.tijd else self.periode
        check_columns(
            df,
            [self.uitkomst, self.conditie, self.groep, period_col],
            numeric=[self.uitkomst, period_col],
            bron=bron,
        )
        data = numeric(df, [self.uitkomst, period_col]).dropna(subset=[self.uitkomst, period_col])
        na = (data[period_col] >= self.grens) if self.tijd else (data[period_col] > 0)
        treated = data[self.conditie].astype(str) == self.interventie
        if not treated.any() or treated.all():
            raise UserInputError(
                Problem(
                    bron,
                    None,
                    self.conditie,
                    "zowel interventie- als vergelijkingsgroep "
                    f"nodig (interventie = '{self.interventie}')",
                )
            )
        return pd.DataFrame(
            {
                "y": data[self.uitkomst].to_numpy(),
                "conditie": treated.astype(float).to_numpy(),
                "na": na.astype(float).to_numpy(),
                "cluster": pd.factorize(data[self.groep])[0],
            }
        )

    def fit(self, df: pd.DataFrame, bron: str = "invoer") -> VergelijkingResultaat:
        d = self.design(df, bron)
        x = np.c_[np.ones(len(d)), d["conditie"], d["na"], d["conditie"] * d["na"]]
        res = sm.OLS(d["y"].to_numpy(), x).fit(
            cov_type="cluster", cov_kwds={"groups": d["cluster"].to_numpy()}
        )
        names = ["Intercept", "interventie", "na", "interventie:na"]
        return VergelijkingResultaat(
            "verschil-in-verschillen",
            _table(res, names),
            "interventie:na",
            len(d),
            int(d["cluster"].nunique()),
            "Extra verandering in de interventiegroep boven die in de vergelijkingsgroep; "
            "standaardfouten robuust geclusterd per client; geldig onder parallelle trends.",
            res,
        )


class OnderbrokenTijdreeks(Estimator):
    """Segmented regression (ITS) on an aggregated series: one row per period."""

    def __init__(
        self,
        *,
        uitkomst: str = "waarde",
        tijd: str = "periode",
        onderbreking: float = 0.0,
        hac_lags: int | None = None,
    ) -> None:
        self.uitkomst, self.tijd, self.onderbreking, self.hac_lags = (
            uitkomst,
            tijd,
            onderbreking,
            hac_lags,
        )

    def fit(self, df: pd.DataFrame, bron: str = "invoer") -> VergelijkingResultaat:
        col = self.tijd
        if col in df.columns and pd.api.types.is_datetime64_any_dtype(df[col]):
            df = df.assign(**{col: (df[col] - df[col].min()).dt.days / DAGEN_PER_MAAND})
        check_columns(df, [self.uitkomst, col], numeric=[self.uitkomst, col], bron=bron)
        data = (
            numeric(df, [self.uitkomst, col]).dropna(subset=[self.uitkomst, col]).sort_values(col)
        )
        t = data[col].to_numpy(float)
        d = (t >= self.onderbreking).astype(float)
        if d.sum() < 2 or (1 - d).sum() < 2:
            raise UserInputError(
                Problem(bron, None, col, "minstens twee perioden voor en na de onderbreking")
            )
        x = np.c_[np.ones(len(t)), t, d, (t - self.onderbreking) * d]
        lags = (
            self.hac_lags
            if self.hac_lags is not None
            else int(np.floor(4 * (len(t) / 100) ** (2 / 9)))
        )
        res = sm.OLS(data[self.uitkomst].to_numpy(float), x).fit(
            cov_type="HAC", cov_kwds={"maxlags": lags}
        )
        names = ["Intercept", "trend", "niveauverandering", "trendverandering"]
        return VergelijkingResultaat(
            "onderbroken tijdreeks",
            _table(res, names),
            "niveauverandering",
            len(t),
            None,
            f"Segmentregressie; Newey-West-standaardfouten met {lags} lags.",
            res,
        )


def cluster_robust_se(x: np.ndarray, resid: np.ndarray, clusters: np.ndarray) -> np.ndarray:
    """CR1 sandwich SEs (Stata's small-sample factor), for checking and for reuse."""
    n, k = x.shape
    bread = np.linalg.inv(x.T @ x)
    ids = np.unique(clusters)
    meat = np.zeros((k, k))
    for c in ids:
        s = x[clusters == c].T @ resid[clusters == c]
        meat += np.outer(s, s)
    g = len(ids)
    factor = g / (g - 1) * (n - 1) / (n - k)
    return np.sqrt(np.diag(factor * bread @ meat @ bread))
