"""Keerpunten: reliable jumps between consecutive measurements of one client and domain.

A jump is a keerpunt when |score - vorige score| exceeds 1.96 * S_diff, the Jacobson-Truax
standard error of a difference (S_diff = sqrt(2) * SD * sqrt(1 - r_xx), SD = baseline SD of
the domain). The tidy table is what the stories module uses to ask "what happened here?".
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.instruments import Instrument
from modellen._groei_invoer import check_columns, numeric
from modellen.basis import Estimator, Resultaat
from modellen.betrouwbare_verandering import Z_CRIT, BetrouwbareVerandering, s_diff

COLUMNS = ["client_id", "domein", "datum", "vorige_datum", "vorige_score", "score", "verschil",
           "rci", "richting", "betekenis"]


@dataclass
class KeerpuntenResultaat(Resultaat):
    """The keerpunten table and the reliability that decided what counts as a jump."""

    tabel: pd.DataFrame  # COLUMNS, one row per keerpunt
    betrouwbaarheid: float
    bron_betrouwbaarheid: str
    s_diff: dict[str, float] = field(default_factory=dict)  # per domein
    betrouwbaarheid_per_domein: dict[str, float] = field(default_factory=dict)  # a domain's own

    def summary(self) -> pd.DataFrame:
        return self.tabel

    def _content(self) -> dict:
        return {
            "analyse": "keerpunten",
            "betrouwbaarheid": self.betrouwbaarheid,
            "bron_betrouwbaarheid": self.bron_betrouwbaarheid,
            "s_diff": self.s_diff,
            "betrouwbaarheid_per_domein": self.betrouwbaarheid_per_domein,
            "keerpunten": self.tabel,
        }

    def plot(self) -> go.Figure:
        """Each keerpunt on the time axis at its RCI, coloured by what it means."""
        fig = go.Figure()
        for betekenis, deel in self.tabel.groupby("betekenis", sort=True):
            fig.add_trace(
                go.Scatter(
                    x=deel["datum"],
                    y=deel["rci"],
                    mode="markers",
                    name=str(betekenis),
                    text=deel["domein"].astype(str),
                    hovertemplate="%{text}: RCI %{y:.2f}<extra>%{fullData.name}</extra>",
                )
            )
        for grens in (Z_CRIT, -Z_CRIT):
            fig.add_hline(y=grens, line_dash="dot", line_color="grey")
        fig.update_layout(
            title="Keerpunten: sprongen groter dan de meetfout",
            xaxis_title="datum",
            yaxis_title="RCI van de sprong",
            template="simple_white",
        )
        return fig


class Keerpunten(Estimator):
    """Reliable jumps per client and domain.

    Reliability: as in ``BetrouwbareVerandering`` (explicit, else the domain's own, else the
    instrument's, else assumed); the value used and its source are in the result.
    ``instrument``: an ``impact.instruments.Instrument`` or the code of a built-in one. ``domein`` is ignored when the data has
    no such column (then all measurements of a client form one series).
    """

    def __init__(
        self,
        *,
        instrument: str | Instrument | None = None,
        betrouwbaarheid: float | None = None,
        uitkomst: str = "score",
        tijd: str = "datum",
        groep: str = "client_id",
        domein: str | None = "domein",
        hoger_is_beter: bool | None = None,
    ) -> None:
        self.instrument, self.betrouwbaarheid = instrument, betrouwbaarheid
        self.uitkomst, self.tijd, self.groep, self.domein = uitkomst, tijd, groep, domein
        self.hoger_is_beter = hoger_is_beter

    def fit(self, df: pd.DataFrame, bron: str = "invoer") -> KeerpuntenResultaat:
        uitkomst, tijd, groep = self.uitkomst, self.tijd, self.groep
        domein = self.domein if self.domein and self.domein in df.columns else None
        check_columns(df, [uitkomst, tijd, groep], numeric=[uitkomst], bron=bron)
        rci = BetrouwbareVerandering(
            instrument=self.instrument,
            betrouwbaarheid=self.betrouwbaarheid,
            hoger_is_beter=self.hoger_is_beter,
        )
        settings = rci.settings()
        data = numeric(df, [uitkomst]).dropna(subset=[uitkomst, tijd])
        data = data.assign(_dom=data[domein] if domein else "alle")
        data = data.sort_values([groep, "_dom", tijd], kind="stable")
        is_first = ~data.duplicated([groep, "_dom"])
        sd = data[is_first].groupby("_dom")[uitkomst].std(ddof=1)
        reliability = {d: rci.settings(d).betrouwbaarheid for d in sd.index}
        sdiff = pd.Series({d: s_diff(s, reliability[d]) for d, s in sd.items()}, dtype=float)
        prev = data.groupby([groep, "_dom"])[[uitkomst, tijd]].shift(1)
        out = pd.DataFrame({
            "client_id": data[groep], "domein": data["_dom"], "datum": data[tijd],
            "vorige_datum": prev[tijd], "vorige_score": prev[uitkomst], "score": data[uitkomst],
        })
        out["verschil"] = out["score"] - out["vorige_score"]
        out["rci"] = out["verschil"] / out["domein"].map(sdiff)
        out = out[out["rci"].abs() > Z_CRIT].copy()
        out["richting"] = np.where(out["verschil"] > 0, "omhoog", "omlaag")
        up_good = settings.hoger_is_beter
        out["betekenis"] = np.where((out["verschil"] > 0) == up_good, "verbetering", "verslechtering")
        return KeerpuntenResultaat(
            tabel=out[COLUMNS].reset_index(drop=True),
            betrouwbaarheid=settings.betrouwbaarheid,
            bron_betrouwbaarheid=settings.bron_betrouwbaarheid,
            s_diff={str(k): float(v) for k, v in sdiff.items()},
            betrouwbaarheid_per_domein={
                str(d): r for d, r in reliability.items() if r != settings.betrouwbaarheid
            },
        )
