"""Change from intake and standardised effect sizes, per client and per group.

Per client (and domain): the first measurement is the baseline; change is measured to the
last measurement and to fixed horizons (default 6, 12 and 24 months after the first
measurement, taking the measurement closest to the horizon within a tolerance window).
Per group: mean change with a t-based 95% CI, Cohen's d_z (mean change / SD of change,
exact CI via the noncentral t) and d_av (mean change / mean of the pre and post SDs, CI by
Borenstein et al. 2009, eq. 4.28), each also with Hedges' small-sample correction, and the
share improved / unchanged / deteriorated.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, stats

from impact.contract import maanden_tussen
from impact.io.parsing import dates_or_refuse
from impact.opmaak import Opmaak
from modellen._groei_invoer import check_columns, numeric
from modellen.basis import Estimator, Resultaat


def months_since_first(df: pd.DataFrame, tijd: str, keys: list[str]) -> pd.Series:
    """Months since each client's (per domain) first measurement; numeric time used as is."""
    col = df[tijd]
    if pd.api.types.is_numeric_dtype(col):
        return col.astype(float) - df.groupby(keys)[tijd].transform("min").astype(float)
    dates = dates_or_refuse(col, "invoer", tijd)
    first = dates.groupby([df[k] for k in keys]).transform("min")
    return maanden_tussen(first, dates)


def change_per_client(
    df: pd.DataFrame,
    uitkomst: str = "score",
    tijd: str = "maanden",
    groep: str = "client_id",
    domein: str | None = None,
    indeling: list[str] | None = None,
    horizonten: tuple[float, ...] = (6, 12, 24),
    tolerantie: float = 3.0,
) -> pd.DataFrame:
    """One row per client (and domain): voor, na (last), verandering, and per horizon h
    ``na_{h}m`` / ``verandering_{h}m`` (NaN when no measurement within h +/- tolerantie)."""
    keys = [groep] + ([domein] if domein else [])
    data = df.copy()
    data["_m"] = months_since_first(data, tijd, keys)
    data = data.dropna(subset=[uitkomst, "_m"]).sort_values([*keys, "_m"], kind="stable")
    grouped = data.groupby(keys, sort=True)
    out = grouped.agg(
        voor=(uitkomst, "first"),
        na=(uitkomst, "last"),
        n_metingen=(uitkomst, "size"),
        looptijd_maanden=("_m", "max"),
    )
    for col in indeling or []:
        out[col] = grouped[col].first()
    out.loc[out["n_metingen"] < 2, "na"] = np.nan
    out["verandering"] = out["na"] - out["voor"]
    for h in horizonten:
        distance = (data["_m"] - h).abs()
        within = data[(distance <= tolerantie) & (data["_m"] > 0)].assign(_d=distance)
        closest = within.sort_values([*keys, "_d", "_m"]).groupby(keys).first()
        out[f"na_{h:g}m"] = closest[uitkomst].reindex(out.index)
        out[f"verandering_{h:g}m"] = out[f"na_{h:g}m"] - out["voor"]
    return out.reset_index()


def d_z_interval(d: float, n: int, level: float = 0.95) -> tuple[float, float]:
    """Exact CI for d_z: invert the noncentral t with n-1 df at t = d sqrt(n)."""
    if n < 3 or not np.isfinite(d):
        return (np.nan, np.nan)
    t_obs, df_ = d * np.sqrt(n), n - 1
    alpha = (1 - level) / 2

    spread = 6.0 * np.sqrt(1.0 + t_obs**2 / (2.0 * df_))  # ~6 SEs of the noncentrality

    def bound(prob: float) -> float:
        f = lambda ncp: stats.nct.cdf(t_obs, df_, ncp) - prob  # noqa: E731
        try:
            return optimize.brentq(f, t_obs - spread, t_obs + spread, xtol=1e-10)
        except ValueError:  # far tails where nct.cdf loses precision: normal approximation
            return t_obs + stats.norm.ppf(1 - prob) * spread / 6.0

    return (bound(1 - alpha) / np.sqrt(n), bound(alpha) / np.sqrt(n))


def hedges_j(df_: float) -> float:
    """Small-sample correction J = 1 - 3 / (4 df - 1) (Hedges 1981 approximation)."""
    return 1.0 - 3.0 / (4.0 * df_ - 1.0) if df_ > 1 else np.nan


def effect_sizes(voor: np.ndarray, na: np.ndarray, level: float = 0.95) -> dict[str, float]:
    """Paired effect sizes of na - voor (complete pairs only)."""
    ok = np.isfinite(voor) & np.isfinite(na)
    voor, na = np.asarray(voor, float)[ok], np.asarray(na, float)[ok]
    n = len(voor)
    diff = na - voor
    res: dict[str, float] = {"n": n}
    if n < 2:
        return res | {
            k: np.nan
            for k in (
                "gem_voor",
                "gem_na",
                "gem_verandering",
                "sd_verandering",
                "ci_laag",
                "ci_hoog",
                "d_z",
                "d_z_ci_laag",
                "d_z_ci_hoog",
                "g_z",
                "d_av",
                "d_av_ci_laag",
                "d_av_ci_hoog",
                "g_av",
                "r",
            )
        }
    mean, sd = diff.mean(), diff.std(ddof=1)
    half = stats.t.ppf(1 - (1 - level) / 2, n - 1) * sd / np.sqrt(n)
    sd_pre, sd_post = voor.std(ddof=1), na.std(ddof=1)
    d_z = mean / sd if sd > 0 else np.nan
    d_av = mean / ((sd_pre + sd_post) / 2) if sd_pre + sd_post > 0 else np.nan
    r = float(np.corrcoef(voor, na)[0, 1]) if sd_pre > 0 and sd_post > 0 else np.nan
    z = stats.norm.ppf(1 - (1 - level) / 2)
    se_av = np.sqrt((1 / n + d_av**2 / (2 * n)) * 2 * (1 - r)) if np.isfinite(r) else np.nan
    lo_z, hi_z = d_z_interval(d_z, n, level)
    j = hedges_j(n - 1)
    return res | {
        "gem_voor": voor.mean(),
        "gem_na": na.mean(),
        "gem_verandering": mean,
        "sd_verandering": sd,
        "ci_laag": mean - half,
        "ci_hoog": mean + half,
        "d_z": d_z,
        "d_z_ci_laag": lo_z,
        "d_z_ci_hoog": hi_z,
        "g_z": j * d_z,
        "d_av": d_av,
        "d_av_ci_laag": d_av - z * se_av,
        "d_av_ci_hoog": d_av + z * se_av,
        "g_av": j * d_av,
        "r": r,
    }


@dataclass
class VeranderingResultaat(Resultaat):
    per_client: pd.DataFrame
    per_groep: pd.DataFrame
    indeling: list[str]
    uitkomst: str
    waarschuwing: str | None = None

    def summary(self) -> pd.DataFrame:
        return self.per_groep

    def _content(self) -> dict:
        return {
            "analyse": "verandering",
            "uitkomst": self.uitkomst,
            "indeling": self.indeling,
            "n_clienten": self.per_client.iloc[:, 0].nunique(),
            "waarschuwing": self.waarschuwing,
            "groepen": self.per_groep,
        }

    def plot(self, maat: str = "g_av"):
        """Forest plot of an effect size (default Hedges-corrected d_av) per group and horizon."""
        tab = self.per_groep.dropna(subset=[maat]).copy()
        keys = [c for c in [*self.indeling, "domein", "horizon"] if c in tab.columns]
        tab["label"] = tab[keys].astype(str).agg(" | ".join, axis=1) if keys else "alle"
        base = maat.replace("g_", "d_")  # Hedges-corrected sizes share the d CI, scaled by J
        scale = tab[maat] / tab[base]
        tab = pd.DataFrame(
            {
                "label": tab["label"],
                "schatting": tab[maat],
                "ci_laag": tab[f"{base}_ci_laag"] * scale,
                "ci_hoog": tab[f"{base}_ci_hoog"] * scale,
            }
        )
        return self.forest_plot(tab, titel=f"Effectgrootte ({maat}) per groep", label="label")


class VeranderingAnalyse(Estimator):
    """Change from intake per client and group (``indeling``: e.g. interventie, gemeente)."""

    def __init__(
        self,
        *,
        uitkomst: str = "score",
        tijd: str = "datum",
        groep: str = "client_id",
        domein: str | None = None,
        indeling: list[str] | tuple[str, ...] = (),
        horizonten: tuple[float, ...] = (6, 12, 24),
        tolerantie: float = 3.0,
        drempel: float = 0.0,
        hoger_is_beter: bool = True,
        min_looptijd: float = 0.0,
    ) -> None:
        self.uitkomst, self.tijd, self.groep, self.domein = uitkomst, tijd, groep, domein
        self.indeling, self.horizonten, self.tolerantie = indeling, horizonten, tolerantie
        self.drempel, self.hoger_is_beter = drempel, hoger_is_beter
        self.min_looptijd = min_looptijd

    def fit(self, df: pd.DataFrame, bron: str = "invoer") -> VeranderingResultaat:
        indeling, horizonten = list(self.indeling), tuple(self.horizonten)
        cols = [self.uitkomst, self.tijd, self.groep, *indeling]
        cols += [self.domein] if self.domein else []
        num = [self.uitkomst] + (
            [self.tijd]
            if pd.api.types.is_numeric_dtype(df.get(self.tijd, pd.Series(dtype=float)))
            else []
        )
        check_columns(df, cols, numeric=num, bron=bron)
        data = numeric(df, [self.uitkomst])
        pc = change_per_client(
            data,
            self.uitkomst,
            self.tijd,
            self.groep,
            self.domein,
            indeling,
            horizonten,
            self.tolerantie,
        )
        # 'laatste' counts only a last measurement at least min_looptijd months after the first
        kort = pc["looptijd_maanden"] < self.min_looptijd
        pc.loc[kort, ["na", "verandering"]] = np.nan
        sign = 1.0 if self.hoger_is_beter else -1.0
        keys = [*indeling] + ([self.domein] if self.domein else [])
        rows = []
        horizons = [("laatste", "na")] + [(f"{h:g} maanden", f"na_{h:g}m") for h in horizonten]
        groups = pc.groupby(keys, sort=True) if keys else [((), pc)]
        for key, part in groups:
            key = key if isinstance(key, tuple) else (key,)
            for label, col in horizons:
                es = effect_sizes(part["voor"].to_numpy(float), part[col].to_numpy(float))
                change = sign * (part[col] - part["voor"]).dropna()
                n = max(len(change), 1)
                rows.append(
                    {
                        **dict(zip(keys, key, strict=True)),
                        "horizon": label,
                        **es,
                        "aandeel_verbeterd": float((change > self.drempel).sum() / n)
                        if len(change)
                        else np.nan,
                        "aandeel_onveranderd": float((change.abs() <= self.drempel).sum() / n)
                        if len(change)
                        else np.nan,
                        "aandeel_verslechterd": float((change < -self.drempel).sum() / n)
                        if len(change)
                        else np.nan,
                    }
                )
        no_follow_up = float((pc["n_metingen"] < 2).mean()) if len(pc) else 0.0
        warning = None
        if no_follow_up > 0.2:
            warning = (
                f"{Opmaak('nl').procent(no_follow_up)} heeft geen vervolgmeting; deze verandering gaat alleen "
                "over wie bleef en kan vertekend zijn. Een groeimodel (alle metingen) blijft geldig "
                "onder MAR; zie modellen.uitval."
            )
        return VeranderingResultaat(pc, pd.DataFrame(rows), keys, self.uitkomst, warning)
