"""Reliable and clinically significant change (Jacobson & Truax 1991).

RCI = (na - voor) / S_diff with S_diff = sqrt(2) * SD_voor * sqrt(1 - r_xx), where r_xx is
the instrument's reliability and SD_voor the baseline SD of the group analysed. A change
is reliable when |RCI| > 1.96. Clinically significant change means crossing a cut-off:

- ``c`` = (SD_0 * M_1 + SD_1 * M_0) / (SD_0 + SD_1), between the clinical baseline (M_0,
  SD_0) and a functional norm group (M_1, SD_1) - needs a norm group;
- ``a`` = two SDs beyond the clinical baseline mean (M_0 + 2 SD_0 when higher is better);
- ``b`` = two SDs inside the norm group's mean (M_1 - 2 SD_1 when higher is better);
- or a published cut-off of the instrument (ZRM: 3,5), the domain's own when it has one.

The instrument is given as an ``impact.instruments.Instrument`` (read from its YAML file or
from the database by the caller: this module reads neither) or, for the built-in ones, by
its code. A domain's own reliability and cut-off come before the instrument's.

Categories: hersteld (reliably improved and crossed the cut-off), verbeterd (reliably
improved, not crossed), onveranderd, verslechterd (reliably worse).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.errors import UserInputError
from impact.instruments import Instrument, builtin, find
from impact.opmaak import Opmaak
from modellen._groei_invoer import check_columns, numeric
from modellen.basis import Estimator, Resultaat
from modellen.verandering import change_per_client

Z_CRIT = 1.959963984540054
ASSUMED_RELIABILITY = 0.80
CATEGORIES = ("hersteld", "verbeterd", "onveranderd", "verslechterd")


def find_instrument(instrument: str | Instrument) -> Instrument:
    """An instrument as given, or a built-in one (impact/instrumenten) by its code, e.g. 'ZRM'."""
    if isinstance(instrument, Instrument):
        return instrument
    return find(instrument, builtin())


def s_diff(sd_voor: float, betrouwbaarheid: float) -> float:
    return float(np.sqrt(2.0) * sd_voor * np.sqrt(1.0 - betrouwbaarheid))


def cutoff_c(m0: float, sd0: float, m1: float, sd1: float) -> float:
    return (sd0 * m1 + sd1 * m0) / (sd0 + sd1)


@dataclass(frozen=True)
class RCISettings:
    """What the classification uses, resolved from the parameters and the instrument file."""

    betrouwbaarheid: float
    bron_betrouwbaarheid: str
    instrument_afkappunt: float | None
    hoger_is_beter: bool


@dataclass
class RCIResultaat(Resultaat):
    per_client: pd.DataFrame
    per_groep: pd.DataFrame
    parameters: pd.DataFrame  # per domain: betrouwbaarheid, bron, sd_voor, s_diff, afkappunt, soort
    hoger_is_beter: bool

    def summary(self) -> pd.DataFrame:
        return self.per_groep

    def _content(self) -> dict:
        return {
            "analyse": "betrouwbare verandering (Jacobson-Truax)",
            "parameters": self.parameters,
            "groepen": self.per_groep,
        }

    def plot(self, domein: str | None = None) -> go.Figure:
        """Pre-post scatter with the line of no change, the reliable-change band and cut-off."""
        data, params = self.per_client, self.parameters
        if domein is not None and "domein" in data:
            data, params = data[data["domein"] == domein], params[params["domein"] == domein]
        p = params.iloc[0]
        fig = go.Figure()
        for cat in CATEGORIES:
            part = data[data["categorie"] == cat]
            fig.add_trace(
                go.Scatter(
                    x=part["voor"], y=part["na"], mode="markers", name=cat, marker={"opacity": 0.6}
                )
            )
        lo = float(np.nanmin(data[["voor", "na"]].to_numpy())) if len(data) else 0.0
        hi = float(np.nanmax(data[["voor", "na"]].to_numpy())) if len(data) else 1.0
        band = Z_CRIT * p["s_diff"]
        for offset, dash in ((0, "solid"), (band, "dash"), (-band, "dash")):
            fig.add_trace(
                go.Scatter(
                    x=[lo, hi],
                    y=[lo + offset, hi + offset],
                    mode="lines",
                    line={"color": "grey", "dash": dash},
                    showlegend=False,
                )
            )
        if np.isfinite(p["afkappunt"]):
            fig.add_hline(
                y=p["afkappunt"],
                line_dash="dot",
                annotation_text=f"afkappunt {p['soort_afkappunt']}",
            )
            fig.add_vline(x=p["afkappunt"], line_dash="dot")
        fig.update_layout(
            title="Betrouwbare verandering: voor- en nameting",
            xaxis_title="voormeting",
            yaxis_title="nameting",
            template="simple_white",
        )
        return fig


class BetrouwbareVerandering(Estimator):
    """Jacobson-Truax classification of change from first to last measurement.

    ``betrouwbaarheid`` overrides the instrument's (the domain's own, else the instrument's);
    without either, 0.80 is assumed and the result says so. ``norm`` = (mean, sd) of a
    functional population enables cut-off c; ``afkappunt`` sets a cut-off directly; otherwise
    the instrument's published cut-off (the domain's own first), else a. ``instrument``: an
    ``Instrument`` or the code of a built-in one. ``min_looptijd``: a last measurement counts
    only when it is at least this many months after the first (as in ``VeranderingAnalyse``).
    """

    def __init__(
        self,
        *,
        uitkomst: str = "score",
        tijd: str = "datum",
        groep: str = "client_id",
        domein: str | None = None,
        indeling: list[str] | tuple[str, ...] = (),
        instrument: str | Instrument | None = None,
        betrouwbaarheid: float | None = None,
        afkappunt: float | None = None,
        norm: tuple[float, float] | None = None,
        criterium: str | None = None,
        hoger_is_beter: bool | None = None,
        min_looptijd: float = 0.0,
    ) -> None:
        self.uitkomst, self.tijd, self.groep, self.domein = uitkomst, tijd, groep, domein
        self.min_looptijd = min_looptijd
        self.indeling, self.instrument, self.betrouwbaarheid = indeling, instrument, betrouwbaarheid
        self.afkappunt, self.norm, self.criterium = afkappunt, norm, criterium
        self.hoger_is_beter = hoger_is_beter

    def settings(self, domein: str | None = None) -> RCISettings:
        """Reliability (given, else the domain's or instrument's, else assumed, with its
        source), the cut-off of the instrument (or of ``domein``) and the direction; raises a
        Dutch error for invalid values."""
        info = find_instrument(self.instrument) if self.instrument is not None else None
        eigen = info is not None and info.own(domein, "betrouwbaarheid") is not None
        if self.betrouwbaarheid is not None:
            value, source = float(self.betrouwbaarheid), "opgegeven"
        elif eigen:
            value, source = float(info.reliability(domein)), f"{info.naam}, domein {domein}"
        elif info is not None and info.betrouwbaarheid is not None:
            value = float(info.betrouwbaarheid)
            source = " ".join(str(info.betrouwbaarheid_bron or info.naam).split())
        else:
            value = ASSUMED_RELIABILITY
            source = (
                f"aangenomen: {Opmaak('nl').getal(ASSUMED_RELIABILITY, 2)}, want er is geen gepubliceerde betrouwbaarheid "
                f"{'voor ' + info.naam if info else 'opgegeven'}; gangbare ondergrens voor "
                "betrouwbaarheid, geef zelf een waarde op met betrouwbaarheid="
            )
        if not 0 <= value < 1:
            raise UserInputError(f"betrouwbaarheid moet tussen 0 en 1 liggen, niet {value}")
        if self.criterium not in (None, "a", "b", "c"):
            raise UserInputError(f"criterium moet 'a', 'b' of 'c' zijn, niet {self.criterium!r}")
        direction = info.richting if info is not None else "hoger_is_beter"
        return RCISettings(
            betrouwbaarheid=value,
            bron_betrouwbaarheid=source,
            instrument_afkappunt=info.cutoff(domein) if info is not None else None,
            hoger_is_beter=(
                self.hoger_is_beter if self.hoger_is_beter is not None else direction == "hoger_is_beter"
            ),
        )

    def _cutoff(self, voor: pd.Series, settings: RCISettings) -> tuple[float, str]:
        m0, sd0 = float(voor.mean()), float(voor.std(ddof=1))
        sign = 1.0 if settings.hoger_is_beter else -1.0
        crit = self.criterium
        if self.afkappunt is not None and crit is None:
            return float(self.afkappunt), "opgegeven"
        if crit == "c" or (crit is None and self.norm is not None):
            if self.norm is None:
                raise UserInputError("afkappunt c vraagt een normgroep (norm=(gemiddelde, sd))")
            return cutoff_c(m0, sd0, *self.norm), "c"
        if crit == "b":
            if self.norm is None:
                raise UserInputError("afkappunt b vraagt een normgroep (norm=(gemiddelde, sd))")
            return self.norm[0] - sign * 2 * self.norm[1], "b"
        if crit is None and settings.instrument_afkappunt is not None:
            return float(settings.instrument_afkappunt), "instrument"
        return m0 + sign * 2 * sd0, "a"

    def classify(self, pairs: pd.DataFrame, settings: RCISettings) -> tuple[pd.DataFrame, dict]:
        """Add rci and categorie to a frame with columns voor and na (one domain)."""
        pairs = pairs.dropna(subset=["voor", "na"]).copy()
        sd0 = float(pairs["voor"].std(ddof=1)) if len(pairs) > 1 else np.nan
        sdiff = s_diff(sd0, settings.betrouwbaarheid)
        cut, soort = self._cutoff(pairs["voor"], settings) if len(pairs) > 1 else (np.nan, "")
        sign = 1.0 if settings.hoger_is_beter else -1.0
        pairs["rci"] = (pairs["na"] - pairs["voor"]) / sdiff if sdiff > 0 else np.nan
        better = sign * pairs["rci"] > Z_CRIT
        worse = sign * pairs["rci"] < -Z_CRIT
        crossed = (sign * (pairs["voor"] - cut) < 0) & (sign * (pairs["na"] - cut) >= 0)
        pairs["categorie"] = np.select(
            [better & crossed, better, worse],
            ["hersteld", "verbeterd", "verslechterd"],
            "onveranderd",
        )
        params = {
            "betrouwbaarheid": settings.betrouwbaarheid,
            "bron_betrouwbaarheid": settings.bron_betrouwbaarheid,
            "sd_voor": sd0,
            "s_diff": sdiff,
            "kleinste_betrouwbare_verandering": Z_CRIT * sdiff,
            "afkappunt": cut,
            "soort_afkappunt": soort,
        }
        return pairs, params

    def fit(self, df: pd.DataFrame, bron: str = "invoer") -> RCIResultaat:
        settings = self.settings()  # checks the parameters before the data are read
        indeling = list(self.indeling)
        cols = [self.uitkomst, self.tijd, self.groep, *indeling] + (
            [self.domein] if self.domein else []
        )
        check_columns(df, cols, numeric=[self.uitkomst], bron=bron)
        pc = change_per_client(
            numeric(df, [self.uitkomst]),
            self.uitkomst,
            self.tijd,
            self.groep,
            self.domein,
            indeling,
            horizonten=(),
        )
        pc.loc[pc["looptijd_maanden"] < self.min_looptijd, "na"] = np.nan
        parts = pc.groupby(self.domein) if self.domein else [("alle", pc)]
        classified, params = [], []
        for dom, part in parts:
            out, p = self.classify(part, self.settings(dom) if self.domein else settings)
            classified.append(out)
            params.append({"domein": dom, **p})
        per_client = pd.concat(classified, ignore_index=True)
        keys = [*indeling] + ([self.domein] if self.domein else [])
        counts = (
            (
                per_client.groupby(keys)["categorie"]
                if keys
                else per_client.assign(_k="alle").groupby("_k")["categorie"]
            )
            .value_counts()
            .unstack(fill_value=0)
        )
        counts = counts.reindex(columns=list(CATEGORIES), fill_value=0)
        shares = counts.div(counts.sum(axis=1), axis=0).add_prefix("aandeel_")
        per_groep = pd.concat([counts.assign(n=counts.sum(axis=1)), shares], axis=1).reset_index()
        return RCIResultaat(per_client, per_groep, pd.DataFrame(params), settings.hoger_is_beter)
