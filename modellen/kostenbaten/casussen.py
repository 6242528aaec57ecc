"""Several cases of one intervention together: totals, means with bootstrap intervals, the
cases that drive the result, and the wrong-pocket picture (who invests, who benefits).

One case is not enough and the reference scenario is an estimate; this module says how much
the cases agree, and extrapolates to a population only with that uncertainty attached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.errors import UserInputError
from modellen.basis import Estimator, Resultaat
from modellen.kostenbaten.casus import CasusResultaat
from modellen.kostenbaten.figuren import casussen_financiers


def bootstrap_means(waarden: np.ndarray, n_bootstrap: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``n_bootstrap`` resamples of the rows of ``waarden`` (vectorised)."""
    n = len(waarden)
    idx = rng.integers(0, n, size=(n_bootstrap, n))
    return waarden[idx].mean(axis=1)


class CasussenAnalyse(Estimator):
    """Pool case results; percentile bootstrap over cases (seeded)."""

    def __init__(
        self, *, n_bootstrap: int = 4000, betrouwbaarheid: float = 0.95, seed: int = 2026
    ) -> None:
        self.n_bootstrap, self.betrouwbaarheid, self.seed = n_bootstrap, betrouwbaarheid, seed

    def fit(self, resultaten: Sequence[CasusResultaat]) -> CasussenResultaat:
        if not resultaten:
            raise UserInputError("Er zijn geen casussen om samen te nemen.")
        rng = np.random.default_rng(self.seed)
        per_casus = pd.DataFrame(
            [
                {
                    "casus": r.casus.naam,
                    "client": r.casus.client,
                    "kosten_interventie": float(r.kosten("interventie")),
                    "kosten_referentie": float(r.kosten("referentie")),
                    "verschil": float(r.verschil),
                    "contante_waarde": float(r.contante_waarde()),
                }
                for r in resultaten
            ]
        )
        financiers = pd.concat(
            [r.per_financier().assign(casus=i) for i, r in enumerate(resultaten)], ignore_index=True
        )
        saldo = financiers.pivot_table(
            index="casus", columns="financier", values="verschil", aggfunc="sum", fill_value=0.0
        )
        alpha = (1 - self.betrouwbaarheid) / 2
        kolommen = ["verschil", "contante_waarde", "kosten_interventie", "kosten_referentie"]
        boot = bootstrap_means(per_casus[kolommen].to_numpy(), self.n_bootstrap, rng)
        boot_fin = bootstrap_means(saldo.to_numpy(), self.n_bootstrap, rng)
        versies = sorted({str(r.prijslijst.get("versie")) for r in resultaten})
        return CasussenResultaat(
            per_casus=per_casus,
            saldo_per_financier=saldo,
            financiers=financiers,
            gemiddelde_ci={
                k: (
                    float(np.quantile(boot[:, j], alpha)),
                    float(np.quantile(boot[:, j], 1 - alpha)),
                )
                for j, k in enumerate(kolommen)
            },
            financier_ci={
                f: (
                    float(np.quantile(boot_fin[:, j], alpha)),
                    float(np.quantile(boot_fin[:, j], 1 - alpha)),
                )
                for j, f in enumerate(saldo.columns)
            },
            betrouwbaarheid=self.betrouwbaarheid,
            n_bootstrap=self.n_bootstrap,
            seed=self.seed,
            prijslijst_versies=versies,
        )


@dataclass
class CasussenResultaat(Resultaat):
    per_casus: pd.DataFrame
    saldo_per_financier: pd.DataFrame  # casus × financier: referentie − interventie
    financiers: pd.DataFrame
    gemiddelde_ci: dict[str, tuple[float, float]]
    financier_ci: dict[str, tuple[float, float]]
    betrouwbaarheid: float
    n_bootstrap: int
    seed: int
    prijslijst_versies: list[str]

    @property
    def n(self) -> int:
        return len(self.per_casus)

    def totalen(self) -> dict:
        return {
            k: float(self.per_casus[k].sum())
            for k in ("kosten_interventie", "kosten_referentie", "verschil", "contante_waarde")
        }

    def gemiddelden(self) -> pd.DataFrame:
        rows = []
        for k, (laag, hoog) in self.gemiddelde_ci.items():
            rows.append(
                {
                    "grootheid": k,
                    "gemiddelde": float(self.per_casus[k].mean()),
                    "mediaan": float(self.per_casus[k].median()),
                    "ci_laag": laag,
                    "ci_hoog": hoog,
                }
            )
        return pd.DataFrame(rows)

    def drijvers(self) -> pd.DataFrame:
        """Each case's share of the total difference and the mean without that case."""
        df = self.per_casus[["casus", "verschil"]].copy()
        totaal = df["verschil"].sum()
        df["aandeel_van_totaal"] = df["verschil"] / totaal if totaal else np.nan
        df["gemiddelde_zonder_deze_casus"] = (
            (totaal - df["verschil"]) / (self.n - 1) if self.n > 1 else np.nan
        )
        df["invloed"] = (df["verschil"] - df["verschil"].mean()).abs()
        return df.sort_values("invloed", ascending=False, ignore_index=True)

    def wrong_pocket(self) -> pd.DataFrame:
        """Per financier: mean costs in both scenarios, mean saldo with CI, invests or benefits."""
        gem = self.financiers.groupby("financier")[["interventie", "referentie"]].sum() / self.n
        gem["saldo_gemiddeld"] = self.saldo_per_financier.mean().reindex(gem.index)
        gem["ci_laag"] = [self.financier_ci[f][0] for f in gem.index]
        gem["ci_hoog"] = [self.financier_ci[f][1] for f in gem.index]
        gem["rol"] = np.where(
            gem["saldo_gemiddeld"] < 0,
            "investeert",
            np.where(gem["saldo_gemiddeld"] > 0, "profiteert", "neutraal"),
        )
        return gem.reset_index().sort_values("saldo_gemiddeld", ignore_index=True)

    def extrapoleer(self, n_clienten: int) -> dict:
        """Scale the mean difference per case to ``n_clienten``, interval included."""
        laag, hoog = self.gemiddelde_ci["verschil"]
        gemiddeld = float(self.per_casus["verschil"].mean())
        waarschuwing = (
            f"Geëxtrapoleerd uit {self.n} casussen; de referentie is per casus ingeschat. "
            "Dit is een orde van grootte, geen voorspelling."
        )
        if self.n < 10:
            waarschuwing += f" Met {self.n} casussen is de onzekerheid groot."
        return {
            "n_clienten": n_clienten,
            "verschil": gemiddeld * n_clienten,
            "ci_laag": laag * n_clienten,
            "ci_hoog": hoog * n_clienten,
            "betrouwbaarheid": self.betrouwbaarheid,
            "waarschuwing": waarschuwing,
        }

    def summary(self) -> pd.DataFrame:
        return self.gemiddelden()

    def _content(self) -> dict:
        return {
            "n_casussen": self.n,
            "totalen": self.totalen(),
            "gemiddelden": self.gemiddelden(),
            "per_casus": self.per_casus,
            "drijvers": self.drijvers(),
            "per_financier": self.wrong_pocket(),
            "bootstrap": {
                "n": self.n_bootstrap,
                "seed": self.seed,
                "methode": "percentiel",
                "betrouwbaarheid": self.betrouwbaarheid,
            },
            "prijslijst_versies": self.prijslijst_versies,
        }

    def plot(self) -> go.Figure:
        return casussen_financiers(self.wrong_pocket(), self.n)
