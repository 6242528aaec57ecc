"""Durability after uitstroom: is the gain still there, and how fast does it fade?

For every client (and domain) with an ended traject: gain = score - intake score, at the
last measurement up to uitstroom and at every measurement after it. A random-intercept
mixed model of gain on years since uitstroom gives the mean gain at uitstroom (a) and its
yearly change (b). The yearly drop-off is -b / a: the share of the gain at uitstroom lost
per year (linear), with a delta-method 95% CI. This is the "drop-off" a cost/benefit or
SROI analysis needs (``als_drop_off()``), with its uncertainty.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from scipy import stats

from impact.errors import Problem, UserInputError
from impact.io.parsing import dates_or_refuse
from impact.opmaak import Opmaak
from modellen._groei_invoer import check_columns, numeric
from modellen.basis import Estimator, Resultaat
from modellen.groei import GroeiModel, GroeiResultaat

DAYS_PER_YEAR = 365.25


def drop_off_delta(
    a: float, b: float, var_a: float, var_b: float, cov_ab: float
) -> tuple[float, float]:
    """Drop-off -b/a and its delta-method SE."""
    d = -b / a
    grad = np.array([b / a**2, -1.0 / a])  # d(-b/a)/da, d(-b/a)/db
    cov = np.array([[var_a, cov_ab], [cov_ab, var_b]])
    return float(d), float(np.sqrt(grad @ cov @ grad))


@dataclass
class DuurzaamheidResultaat(Resultaat):
    winst_bij_uitstroom: float
    winst_se: float
    verandering_per_jaar: float
    verandering_per_jaar_se: float
    drop_off: float
    drop_off_se: float
    horizonten: pd.DataFrame
    model: GroeiResultaat
    modelframe: pd.DataFrame
    n_clienten: int

    @property
    def drop_off_ci(self) -> tuple[float, float]:
        z = stats.norm.ppf(0.975)
        return (self.drop_off - z * self.drop_off_se, self.drop_off + z * self.drop_off_se)

    def als_drop_off(self) -> float:
        """Yearly drop-off in [0, 1] for the cost/benefit module (0 = the effect lasts)."""
        return float(np.clip(self.drop_off, 0.0, 1.0)) if np.isfinite(self.drop_off) else 1.0

    def summary(self) -> pd.DataFrame:
        return self.horizonten

    def _content(self) -> dict:
        lo, hi = self.drop_off_ci
        return {
            "analyse": "duurzaamheid na uitstroom",
            "n_clienten": self.n_clienten,
            "winst_bij_uitstroom": {"schatting": self.winst_bij_uitstroom, "se": self.winst_se},
            "verandering_per_jaar": {
                "schatting": self.verandering_per_jaar,
                "se": self.verandering_per_jaar_se,
            },
            "drop_off_per_jaar": {
                "schatting": self.drop_off,
                "se": self.drop_off_se,
                "ci": [lo, hi],
                "voor_kosten_baten": self.als_drop_off(),
            },
            "horizonten": self.horizonten,
        }

    def tekst(self) -> str:
        """One Dutch sentence with the gain, its yearly change and the drop-off (impact.opmaak)."""
        lo, hi = self.drop_off_ci
        o = Opmaak("nl")
        change = o.getal(self.verandering_per_jaar, 2)
        change = change if change.startswith("-") or change == "0,00" else f"+{change}"
        return (
            f"Bij uitstroom is de gemiddelde winst sinds intake {o.getal(self.winst_bij_uitstroom, 2)} "
            f"punt; daarna verandert die met {change} punt per jaar. "
            f"Dat is een afname (drop-off) van {o.procent(self.drop_off)} per jaar (95%-BI "
            f"{o.procent(lo)} tot {o.procent(hi)}), op basis van {self.n_clienten} clienten."
        )

    def plot(self) -> go.Figure:
        tab = self.horizonten
        fig = go.Figure(
            go.Scatter(
                x=tab["maanden_na_uitstroom"],
                y=tab["gem_winst"],
                mode="markers+lines",
                name="gemeten",
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": tab["ci_hoog"] - tab["gem_winst"],
                    "arrayminus": tab["gem_winst"] - tab["ci_laag"],
                },
            )
        )
        years = np.linspace(0, max(2.0, float(self.modelframe["jaren_na_uitstroom"].max())), 20)
        fig.add_trace(
            go.Scatter(
                x=12 * years,
                y=self.winst_bij_uitstroom + self.verandering_per_jaar * years,
                mode="lines",
                name="model",
            )
        )
        fig.update_layout(
            title="Winst sinds intake na uitstroom",
            xaxis_title="maanden na uitstroom",
            yaxis_title="winst (punten)",
            template="simple_white",
        )
        return fig


class Duurzaamheid(Estimator):
    """Gain since intake after uitstroom, its yearly change and drop-off (see the module)."""

    def __init__(
        self,
        *,
        uitkomst: str = "score",
        tijd: str = "datum",
        groep: str = "client_id",
        uitstroom: str = "traject_eind",
        domein: str | None = None,
        horizonten: tuple[float, ...] = (0, 6, 12, 24),
        tolerantie: float = 3.0,
    ) -> None:
        self.uitkomst, self.tijd, self.groep, self.uitstroom = uitkomst, tijd, groep, uitstroom
        self.domein, self.horizonten, self.tolerantie = domein, horizonten, tolerantie

    def model_frame(self, df: pd.DataFrame, bron: str = "invoer") -> pd.DataFrame:
        cols = [self.uitkomst, self.tijd, self.groep, self.uitstroom] + (
            [self.domein] if self.domein else []
        )
        check_columns(df, cols, numeric=[self.uitkomst], bron=bron)
        data = numeric(df[cols], [self.uitkomst])
        data[self.tijd] = dates_or_refuse(data[self.tijd], bron, self.tijd)
        data[self.uitstroom] = dates_or_refuse(data[self.uitstroom], bron, self.uitstroom)
        keys = [self.groep] + ([self.domein] if self.domein else [])
        data = data.dropna(subset=[self.uitkomst, self.tijd]).sort_values([*keys, self.tijd])
        data["winst"] = data[self.uitkomst] - data.groupby(keys)[self.uitkomst].transform("first")
        data = data[data[self.uitstroom].notna()]
        years = (data[self.tijd] - data[self.uitstroom]).dt.days / DAYS_PER_YEAR
        data = data.assign(jaren_na_uitstroom=years)
        before = data[years <= 0].groupby(keys).tail(1).assign(jaren_na_uitstroom=0.0)
        after = data[years > 0]
        frame = pd.concat([before, after]).sort_values([*keys, self.tijd])
        frame["eenheid"] = (
            frame[keys].astype(str).agg("|".join, axis=1) if self.domein else frame[self.groep]
        )
        return frame.reset_index(drop=True)

    def fit(self, df: pd.DataFrame, bron: str = "invoer") -> DuurzaamheidResultaat:
        frame = self.model_frame(df, bron)
        with_after = frame.loc[frame["jaren_na_uitstroom"] > 0, "eenheid"].nunique()
        if with_after < 3:
            raise UserInputError(
                Problem(
                    bron,
                    None,
                    self.uitstroom,
                    "te weinig clienten met metingen na uitstroom (minstens 3)",
                    with_after,
                )
            )
        model = GroeiModel(uitkomst="winst", tijd="jaren_na_uitstroom", groep="eenheid").fit(
            frame, bron=bron
        )
        a, b = model.beta[0], model.beta[1]
        d, d_se = drop_off_delta(
            a, b, model.cov_beta[0, 0], model.cov_beta[1, 1], model.cov_beta[0, 1]
        )
        if a <= 0:
            d, d_se = np.nan, np.nan
        rows = []
        months = frame["jaren_na_uitstroom"] * 12
        for h in self.horizonten:
            part = frame[(months - h).abs() <= self.tolerantie].assign(_d=(months - h).abs())
            part = part.sort_values("_d").drop_duplicates("eenheid")
            n = len(part)
            mean = part["winst"].mean() if n else np.nan
            half = (
                stats.t.ppf(0.975, n - 1) * part["winst"].std(ddof=1) / np.sqrt(n)
                if n > 1
                else np.nan
            )
            rows.append(
                {
                    "maanden_na_uitstroom": h,
                    "n": n,
                    "gem_winst": mean,
                    "ci_laag": mean - half,
                    "ci_hoog": mean + half,
                }
            )
        se = model.se
        return DuurzaamheidResultaat(
            float(a),
            float(se[0]),
            float(b),
            float(se[1]),
            float(d),
            float(d_se),
            pd.DataFrame(rows),
            model,
            frame,
            int(frame["eenheid"].nunique()),
        )


BEHOUD_KOLOMMEN = [
    "client_id", "winst_bij_uitstroom", "winst_na_uitstroom", "maanden_na_uitstroom",
    "nog_verbeterd_na_jaar",
]


def behoud_na_uitstroom(
    df: pd.DataFrame,
    *,
    drempel: float,
    na_maanden: float = 12.0,
    tolerantie: float = 3.0,
    hoger_is_beter: bool = True,
    uitkomst: str = "score",
    tijd: str = "datum",
    groep: str = "client_id",
    uitstroom: str = "traject_eind",
    bron: str = "invoer",
) -> pd.DataFrame:
    """Is a reliable improvement still there about a year after uitstroom? (one domain)

    Per client improved by more than ``drempel`` at uitstroom (gain since intake at the last
    measurement up to uitstroom; ``drempel`` is the smallest reliable change, 1.96 x S_diff)
    and measured ``na_maanden`` ± ``tolerantie`` months after uitstroom (the closest such
    measurement): the gain then and whether it still exceeds ``drempel``. One minus the
    share still improved is the yearly drop-off of the share of clients improved, as an
    SROI analysis uses it (:func:`modellen.kostenbaten.programma.uitkomst_uit_longitudinaal`).
    Columns: ``BEHOUD_KOLOMMEN``.
    """
    frame = Duurzaamheid(uitkomst=uitkomst, tijd=tijd, groep=groep, uitstroom=uitstroom).model_frame(
        df, bron
    )
    teken = 1.0 if hoger_is_beter else -1.0
    bij = frame[frame["jaren_na_uitstroom"] == 0].set_index("eenheid")["winst"] * teken
    verbeterd = bij[bij > drempel]
    maanden = frame["jaren_na_uitstroom"] * 12
    later = frame[(maanden > 0) & ((maanden - na_maanden).abs() <= tolerantie)].assign(
        _afstand=(maanden - na_maanden).abs(), maanden_na_uitstroom=maanden
    )
    later = later.sort_values(["eenheid", "_afstand"], kind="stable").drop_duplicates("eenheid")
    later = later[later["eenheid"].isin(verbeterd.index)]
    uit = pd.DataFrame(
        {
            "client_id": later["eenheid"].to_numpy(),
            "winst_bij_uitstroom": later["eenheid"].map(verbeterd).to_numpy() * teken,
            "winst_na_uitstroom": later["winst"].to_numpy(),
            "maanden_na_uitstroom": later["maanden_na_uitstroom"].to_numpy(),
        }
    )
    uit["nog_verbeterd_na_jaar"] = uit["winst_na_uitstroom"] * teken > drempel
    return uit[BEHOUD_KOLOMMEN].reset_index(drop=True)
