"""Client and professional side by side: agreement between a client's own score and the
professional's score of the same domain (the MijnZRM practice).

Pairing: every score a client gave themselves (``bron`` = client) is paired with the
professional's score of the same client and domain that is nearest in time, when the two are
at most ``venster_dagen`` days apart (default 30: one conversation, one situation). Per
domain:

- ``n_paren`` pairs and ``n_clienten`` clients;
- ``gem_verschil``: mean of client minus professional over the pairs, with a 95% CI whose
  standard error is clustered by client (a client with an intake and a follow-up pair counts
  once as independent information; with one pair per client it is the ordinary t-interval);
- ``kappa``: Cohen's weighted kappa with quadratic weights over the instrument's levels
  (``niveaus``, ZRM 1-5): 1 - sum(w * O) / sum(w * E), w_ij = (i - j)^2;
- ``aandeel_gelijk`` (exact agreement), ``aandeel_client_hoger`` and ``aandeel_client_lager``.

``grootste_verschillen`` gives the domains where client and professional differ most on
average: material for the conversation, not a verdict on who is right.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from scipy import stats

from impact.errors import Problem, UserInputError
from modellen._groei_invoer import check_columns, numeric
from modellen.basis import Estimator, Resultaat

COLUMNS = ["domein", "n_paren", "n_clienten", "gem_verschil", "ci_laag", "ci_hoog", "kappa",
           "aandeel_gelijk", "aandeel_client_hoger", "aandeel_client_lager"]


def quadratic_kappa(a: np.ndarray, b: np.ndarray, niveaus: list[int]) -> float:
    """Cohen's kappa with quadratic weights for two ratings on the ordinal ``niveaus``."""
    index = {v: i for i, v in enumerate(niveaus)}
    k = len(niveaus)
    observed = np.zeros((k, k))
    np.add.at(observed, ([index[v] for v in a], [index[v] for v in b]), 1.0)
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    i, j = np.indices((k, k))
    weights = (i - j) ** 2
    denominator = (weights * expected).sum()
    return float(1.0 - (weights * observed).sum() / denominator) if denominator > 0 else np.nan


def clustered_mean_ci(
    verschil: np.ndarray, cluster: np.ndarray, niveau: float = 0.95
) -> tuple[float, float, float]:
    """Mean with a CI from the cluster-robust (CR1) standard error, t with G - 1 df."""
    verschil = np.asarray(verschil, dtype=float)
    mean = float(verschil.mean())
    totals = pd.Series(verschil - mean).groupby(np.asarray(cluster)).sum().to_numpy()
    g, n = len(totals), len(verschil)
    if g < 2:
        return mean, np.nan, np.nan
    se = np.sqrt(g / (g - 1) * (totals**2).sum()) / n
    half = stats.t.ppf(1 - (1 - niveau) / 2, g - 1) * se
    return mean, mean - half, mean + half


@dataclass
class ZelfbeoordelingResultaat(Resultaat):
    per_domein: pd.DataFrame  # COLUMNS, one row per domain with at least one pair
    paren: pd.DataFrame  # client_id, domein, datum_client, datum_professional, client, professional
    venster_dagen: int

    def summary(self) -> pd.DataFrame:
        return self.per_domein

    def _content(self) -> dict:
        return {
            "analyse": "zelfbeoordeling naast professional",
            "venster_dagen": self.venster_dagen,
            "domeinen": self.per_domein,
        }

    def grootste_verschillen(self, aantal: int = 3, min_paren: int = 10) -> pd.DataFrame:
        """The domains where the mean difference is largest in size (at least ``min_paren``)."""
        s = self.per_domein[self.per_domein["n_paren"] >= min_paren]
        order = s["gem_verschil"].abs().sort_values(ascending=False, kind="stable").index
        return s.loc[order].head(aantal).reset_index(drop=True)

    def plot(self) -> go.Figure:
        """Mean difference (client - professional) per domain with its 95% CI."""
        tabel = self.per_domein.rename(
            columns={"gem_verschil": "schatting"}
        )[["domein", "schatting", "ci_laag", "ci_hoog"]]
        return self.forest_plot(tabel, "Cliënt min professional per domein", label="domein")


class Zelfbeoordeling(Estimator):
    """Agreement between clients' own scores and professionals' scores, per domain.

    ``niveaus``: the ordinal levels of the instrument (ZRM: 1 to 5); a score that is not one
    of them is refused. ``venster_dagen``: the largest distance in days between the two
    scores of a pair.
    """

    def __init__(
        self,
        *,
        niveaus: tuple[int, ...] = (1, 2, 3, 4, 5),
        venster_dagen: int = 30,
        uitkomst: str = "score",
        tijd: str = "datum",
        groep: str = "client_id",
        domein: str = "domein",
        bron: str = "bron",
        client: str = "client",
        professional: str = "professional",
        niveau: float = 0.95,
    ) -> None:
        self.niveaus, self.venster_dagen = niveaus, venster_dagen
        self.uitkomst, self.tijd, self.groep, self.domein, self.bron = uitkomst, tijd, groep, domein, bron
        self.client, self.professional, self.niveau = client, professional, niveau

    def pairs(self, df: pd.DataFrame) -> pd.DataFrame:
        """Each own score with the professional's nearest score within the window."""
        keys = [self.groep, self.domein]
        data = df.dropna(subset=[self.uitkomst, self.tijd]).assign(
            _t=lambda d: pd.to_datetime(d[self.tijd])
        )
        eigen = data[data[self.bron] == self.client][[*keys, "_t", self.uitkomst]]
        prof = data[data[self.bron] == self.professional][[*keys, "_t", self.uitkomst]]
        eigen = eigen.rename(columns={self.uitkomst: "client"}).assign(datum_client=lambda d: d["_t"])
        prof = prof.rename(columns={self.uitkomst: "professional"}).assign(
            datum_professional=lambda d: d["_t"]
        )
        paired = pd.merge_asof(
            eigen.sort_values("_t"),
            prof.sort_values("_t"),
            on="_t",
            by=keys,
            direction="nearest",
            tolerance=pd.Timedelta(days=self.venster_dagen),
        ).dropna(subset=["professional"])
        out = paired[[*keys, "datum_client", "datum_professional", "client", "professional"]]
        return out.rename(columns={self.groep: "client_id", self.domein: "domein"}).sort_values(
            ["client_id", "domein", "datum_client"], kind="stable", ignore_index=True
        )

    def fit(self, df: pd.DataFrame, bron: str = "invoer") -> ZelfbeoordelingResultaat:
        check_columns(df, [self.uitkomst, self.tijd, self.groep, self.domein, self.bron],
                      numeric=[self.uitkomst], bron=bron)
        data = numeric(df, [self.uitkomst])
        levels = [int(v) for v in self.niveaus]
        off = data[self.uitkomst].notna() & ~data[self.uitkomst].isin(levels)
        if off.any():
            raise UserInputError(
                Problem(bron, None, self.uitkomst, f"een niveau ({', '.join(map(str, levels))})",
                        data.loc[off, self.uitkomst].iloc[0])
            )
        paren = self.pairs(data)
        rows = []
        for domein, part in paren.groupby("domein", sort=False):
            verschil = (part["client"] - part["professional"]).to_numpy(float)
            mean, low, high = clustered_mean_ci(verschil, part["client_id"].to_numpy(), self.niveau)
            rows.append({
                "domein": domein,
                "n_paren": len(part),
                "n_clienten": int(part["client_id"].nunique()),
                "gem_verschil": mean,
                "ci_laag": low,
                "ci_hoog": high,
                "kappa": quadratic_kappa(part["client"].astype(int).to_numpy(),
                                         part["professional"].astype(int).to_numpy(), levels),
                "aandeel_gelijk": float((verschil == 0).mean()),
                "aandeel_client_hoger": float((verschil > 0).mean()),
                "aandeel_client_lager": float((verschil < 0).mean()),
            })
        order = list(dict.fromkeys(data[self.domein]))  # the data's domain order
        per_domein = pd.DataFrame(rows, columns=COLUMNS)
        per_domein = per_domein.sort_values(
            "domein", key=lambda s: s.map({d: i for i, d in enumerate(order)}), ignore_index=True
        )
        return ZelfbeoordelingResultaat(per_domein, paren, int(self.venster_dagen))
