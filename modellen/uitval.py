"""Attrition: who has no follow-up, and do completers differ from drop-outs at baseline?

A client (per domain) completes when there is a measurement at least ``min_maanden``
after the first. Baseline score is compared with Welch's t-test, categorical attributes
(gemeente, groep, ...) with a chi-square test. Large attrition comes with a Dutch warning
that says which analyses stay valid: mixed models (all measurements, valid under missing at
random) versus completers-only change scores (biased when drop-out depends on outcome).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from scipy import stats

from impact.opmaak import Opmaak
from modellen._groei_invoer import check_columns, numeric
from modellen.basis import Estimator, Resultaat
from modellen.verandering import months_since_first

DREMPEL_GROOT = 0.20


@dataclass
class UitvalResultaat(Resultaat):
    per_client: pd.DataFrame
    vergelijking: pd.DataFrame  # kenmerk, toets, statistiek, p, detail
    aandeel_uitval: float
    n_clienten: int
    waarschuwing: str | None

    def summary(self) -> pd.DataFrame:
        return self.vergelijking

    def _content(self) -> dict:
        return {
            "analyse": "uitval",
            "n_clienten": self.n_clienten,
            "aandeel_uitval": self.aandeel_uitval,
            "waarschuwing": self.waarschuwing,
            "vergelijking": self.vergelijking,
        }

    def plot(self) -> go.Figure:
        pc = self.per_client.assign(
            status=np.where(self.per_client["vervolg"], "met vervolg", "uitgevallen")
        )
        return px.box(
            pc,
            x="status",
            y="voor",
            points="all",
            title="Beginscore: met vervolg vs uitgevallen",
            labels={"voor": "beginscore", "status": ""},
            template="simple_white",
        )


class Uitval(Estimator):
    """Who has no follow-up, and do completers differ from drop-outs at baseline?"""

    def __init__(
        self,
        *,
        uitkomst: str = "score",
        tijd: str = "datum",
        groep: str = "client_id",
        domein: str | None = None,
        kenmerken: list[str] | tuple[str, ...] = (),
        min_maanden: float = 3.0,
    ) -> None:
        self.uitkomst, self.tijd, self.groep, self.domein = uitkomst, tijd, groep, domein
        self.kenmerken, self.min_maanden = kenmerken, min_maanden

    def fit(self, df: pd.DataFrame, bron: str = "invoer") -> UitvalResultaat:
        kenmerken = list(self.kenmerken)
        keys = [self.groep] + ([self.domein] if self.domein else [])
        check_columns(
            df,
            [self.uitkomst, self.tijd, *keys, *kenmerken],
            numeric=[self.uitkomst],
            bron=bron,
        )
        data = numeric(df, [self.uitkomst]).dropna(subset=[self.uitkomst, self.tijd])
        data = data.assign(_m=months_since_first(data, self.tijd, keys)).sort_values([*keys, "_m"])
        g = data.groupby(keys)
        pc = g.agg(voor=(self.uitkomst, "first"), laatste_maand=("_m", "max"))
        for col in kenmerken:
            pc[col] = g[col].first()
        pc["vervolg"] = pc["laatste_maand"] >= self.min_maanden
        pc = pc.reset_index()
        rows = []
        a, b = pc.loc[pc["vervolg"], "voor"], pc.loc[~pc["vervolg"], "voor"]
        if len(a) > 1 and len(b) > 1:
            t = stats.ttest_ind(a, b, equal_var=False)
            rows.append(
                {
                    "kenmerk": "beginscore",
                    "toets": "Welch t",
                    "statistiek": float(t.statistic),
                    "p": float(t.pvalue),
                    "detail": f"gemiddeld {Opmaak('nl').getal(a.mean(), 2)} (vervolg) vs "
                    f"{Opmaak('nl').getal(b.mean(), 2)} (uitgevallen)",
                }
            )
        for col in kenmerken:
            table = pd.crosstab(pc[col], pc["vervolg"])
            if table.shape[0] > 1 and table.shape[1] > 1:
                chi = stats.chi2_contingency(table)
                rows.append(
                    {
                        "kenmerk": col,
                        "toets": "chi-kwadraat",
                        "statistiek": float(chi.statistic),
                        "p": float(chi.pvalue),
                        "detail": f"{table.shape[0]} categorieen",
                    }
                )
        share = float(1 - pc["vervolg"].mean()) if len(pc) else np.nan
        warning = None
        if share > DREMPEL_GROOT:
            warning = (
                f"Grote uitval: {Opmaak('nl').procent(share)} van de clienten heeft geen vervolgmeting na "
                f"{self.min_maanden:g} maanden. Groeimodellen (alle metingen) blijven geldig als de "
                "uitval samenhangt met wat gemeten is (MAR); verandering alleen onder wie bleef "
                "(completers) kan vertekend zijn."
            )
        return UitvalResultaat(
            pc,
            pd.DataFrame(rows, columns=["kenmerk", "toets", "statistiek", "p", "detail"]),
            share,
            len(pc),
            warning,
        )
