"""Uncertainty around a programme MKBA: one-way sensitivity (tornado), named scenarios and a
seeded, vectorised Monte Carlo over parameter distributions.

Ranges come from each parameter's ``min``/``max`` (from the programme file or the price
list); a parameter without a range is held fixed. Distributions: ``vast``, ``uniform``
(min, max), ``driehoek`` (min, waarde, max; the default when a range is given) and ``normaal``
(waarde, sd), clipped to the parameter's valid domain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.errors import UserInputError
from modellen.basis import Estimator, Resultaat
from modellen.kostenbaten.figuren import tornado_figuur
from modellen.kostenbaten.programma import (
    FRACTIES,
    Parameter,
    Programma,
    ProgrammaModel,
    parameters,
)

UITKOMSTEN = ("pv_kosten", "pv_baten", "netto_contante_waarde", "sroi_ratio")


def _is_fractie(naam: str) -> bool:
    return naam.rsplit(".", 1)[-1] in FRACTIES


def _leesbaar(programma: Programma, naam: str) -> str:
    if naam.startswith("uitkomst["):
        k = int(naam[len("uitkomst[") : naam.index("]")])
        return f"{programma.uitkomsten[k].naam}: {naam.rsplit('.', 1)[1]}"
    if naam.startswith("investering["):
        i = int(naam[len("investering[") : naam.index("]")])
        return f"investering {programma.investeringen[i].omschrijving}"
    return naam


def _index(programma: Programma, namen: list[str], sleutel: str) -> int:
    """Accept model names (uitkomst[0].deadweight) and readable ones (naam.deadweight)."""
    if sleutel in namen:
        return namen.index(sleutel)
    naam, _, veld = sleutel.rpartition(".")
    for k, u in enumerate(programma.uitkomsten):
        if u.naam == naam and f"uitkomst[{k}].{veld}" in namen:
            return namen.index(f"uitkomst[{k}].{veld}")
    raise KeyError(sleutel)


TORNADO_KOLOMMEN = [
    "parameter", "omschrijving", "laag", "hoog", "uitkomst_laag", "uitkomst_hoog", "bereik",
]


@dataclass
class TornadoResultaat(Resultaat):
    tabel: pd.DataFrame  # TORNADO_KOLOMMEN, widest range first
    uitkomst: str
    basis: float

    def summary(self) -> pd.DataFrame:
        return self.tabel

    def _content(self) -> dict:
        return {"uitkomst": self.uitkomst, "basis": self.basis, "parameters": self.tabel}

    def plot(self) -> go.Figure:
        return tornado_figuur(self.tabel, self.basis, self.uitkomst)


class Tornado(Estimator):
    """One-way sensitivity: each ranged parameter to its min and max, the rest at base.

    ``uitkomst``: one of pv_kosten, pv_baten, netto_contante_waarde, sroi_ratio.
    """

    def __init__(self, *, uitkomst: str = "netto_contante_waarde") -> None:
        self.uitkomst = uitkomst

    def fit(self, programma: Programma) -> TornadoResultaat:
        uitkomst = self.uitkomst
        if uitkomst not in UITKOMSTEN:
            raise UserInputError(
                f"uitkomst moet een van {', '.join(UITKOMSTEN)} zijn, niet {uitkomst!r}"
            )
        model = ProgrammaModel(programma)
        rijen, X = [], []
        for j, (naam, p) in enumerate(parameters(programma)):
            if p.min is None or p.max is None or p.min == p.max:
                continue
            for grens in (p.min, p.max):
                x = model.basis.copy()
                x[j] = grens
                X.append(x)
            rijen.append((naam, _leesbaar(programma, naam), p.min, p.max))
        basis = float(model.evaluate(model.basis)[uitkomst][0])
        if not rijen:
            return TornadoResultaat(pd.DataFrame(columns=TORNADO_KOLOMMEN), uitkomst, basis)
        y = model.evaluate(np.array(X))[uitkomst].reshape(-1, 2)
        tabel = pd.DataFrame(rijen, columns=TORNADO_KOLOMMEN[:4])
        tabel["uitkomst_laag"], tabel["uitkomst_hoog"] = y[:, 0], y[:, 1]
        tabel["bereik"] = np.abs(y[:, 1] - y[:, 0])
        tabel = tabel.sort_values("bereik", ascending=False, ignore_index=True)
        return TornadoResultaat(tabel, uitkomst, basis)


def scenarios(programma: Programma) -> pd.DataFrame:
    """Pessimistisch / realistisch / optimistisch (and any scenario in the programme file).

    Pessimistic puts every ranged parameter at the end that lowers the net present value,
    optimistic at the end that raises it; scenarios named in the file override those values.
    """
    model = ProgrammaModel(programma)
    t = Tornado().fit(programma)
    pess, opt = model.basis.copy(), model.basis.copy()
    for rij in t.tabel.itertuples():
        j = model.namen.index(rij.parameter)
        slecht_laag = rij.uitkomst_laag < rij.uitkomst_hoog
        pess[j] = rij.laag if slecht_laag else rij.hoog
        opt[j] = rij.hoog if slecht_laag else rij.laag
    sets = {"pessimistisch": pess, "realistisch": model.basis.copy(), "optimistisch": opt}
    for naam, waarden in programma.scenarios.items():
        x = sets.get(naam, model.basis).copy()
        for sleutel, waarde in waarden.items():
            x[_index(programma, model.namen, sleutel)] = float(waarde)
        sets[naam] = x
    y = model.evaluate(np.array(list(sets.values())))
    tabel = pd.DataFrame({"scenario": list(sets)} | {k: y[k] for k in UITKOMSTEN})
    return tabel


def draw(
    parameter: Parameter, n: int, rng: np.random.Generator, fractie: bool = False
) -> np.ndarray:
    """n draws of one parameter from its distribution (vectorised), clipped to its domain."""
    soort = parameter.verdeling
    if soort is None:
        soort = "driehoek" if parameter.min is not None and parameter.max is not None else "vast"
    if soort == "vast" or (parameter.min is not None and parameter.min == parameter.max):
        x = np.full(n, parameter.waarde)
    elif soort == "uniform":
        x = rng.uniform(parameter.min, parameter.max, n)
    elif soort == "driehoek":
        x = rng.triangular(parameter.min, parameter.waarde, parameter.max, n)
    else:
        x = rng.normal(parameter.waarde, parameter.sd or 0.0, n)
    return np.clip(x, 0.0, 1.0) if fractie else np.maximum(x, 0.0)


class MonteCarlo(Estimator):
    """Monte Carlo over all parameter distributions; same seed, same draws."""

    def __init__(self, *, n: int = 10_000, seed: int = 2026) -> None:
        self.n, self.seed = n, seed

    def draws(self, programma: Programma) -> tuple[list[str], np.ndarray]:
        rng = np.random.default_rng(self.seed)
        params = parameters(programma)
        X = np.column_stack([draw(p, self.n, rng, _is_fractie(naam)) for naam, p in params])
        return [n for n, _ in params], X

    def fit(self, programma: Programma) -> MonteCarloResultaat:
        namen, X = self.draws(programma)
        y = ProgrammaModel(programma).evaluate(X)
        return MonteCarloResultaat(uitkomsten=y, n=self.n, seed=self.seed)


@dataclass
class MonteCarloResultaat(Resultaat):
    uitkomsten: dict[str, np.ndarray]
    n: int
    seed: int

    def summary(self) -> pd.DataFrame:
        rows = []
        for k in UITKOMSTEN:
            v = self.uitkomsten[k]
            v = v[np.isfinite(v)]
            p5, p50, p95 = np.percentile(v, [5, 50, 95]) if len(v) else (np.nan,) * 3
            rows.append(
                {
                    "uitkomst": k,
                    "gemiddelde": float(np.mean(v)) if len(v) else np.nan,
                    "p5": p5,
                    "mediaan": p50,
                    "p95": p95,
                }
            )
        return pd.DataFrame(rows)

    def kans_positief(self) -> float:
        """Share of draws with a positive net present value."""
        return float(np.mean(self.uitkomsten["netto_contante_waarde"] > 0))

    def _content(self) -> dict:
        return {
            "n": self.n,
            "seed": self.seed,
            "kans_netto_positief": self.kans_positief(),
            "verdeling": self.summary().round(4),
        }

    def plot(self) -> go.Figure:
        fig = go.Figure(go.Histogram(x=self.uitkomsten["netto_contante_waarde"], nbinsx=60))
        fig.update_layout(
            title="Monte Carlo: netto contante waarde",
            xaxis_title="euro",
            yaxis_title="aantal trekkingen",
        )
        return fig
