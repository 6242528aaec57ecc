"""Vroegsignalering of payment arrears as an indicator: the funnel from signal to solution.

As the Divosa Monitor Vroegsignalering Schulden reports it: a vastelastenpartner sends a
*signaal* of a payment arrear (huur, energie, water, zorgverzekering); the gemeente tries to
reach the household (*contact gelegd*, the monitor's *bereik*); the household accepts the offer
of help (*hulp geaccepteerd*, the monitor's *hulpacceptatie*, counted among those reached); and
here one step further, the arrear is solved after help (*achterstand opgelost*).

The events are ``gebeurtenissen`` rows with the ``soort`` values of
:data:`impact.contract.VROEGSIGNALEN` and :data:`impact.contract.VROEGSIGNALERING_STAPPEN`. A
step belongs to the most recent signal of the same client on or before its date; a step before
any signal of the client belongs to none and is counted apart. The funnel is nested, as a
funnel is: accepting help means the household was reached (on that day at the latest), and only
an arrear solved after help was accepted counts as solved in the funnel (solved without accepted
help is kept per signal, not in the funnel). Signals are counted in the month (or quarter) they
came in.

What happened to ZRM financiën afterwards is a descriptive comparison, not an effect: per client
(their first signal), the change from the last professional score on or before the signal to
the first at least ``vervolg_maanden`` after it, for clients who accepted help and for clients
who did not. Who accepts help differs from who does not in more than the help.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.contract import DAGEN_PER_MAAND, VROEGSIGNALEN, VROEGSIGNALERING_STAPPEN
from modellen._groei_invoer import check_columns, numeric
from modellen.basis import Estimator, Resultaat

CONTACT, HULP, OPGELOST = VROEGSIGNALERING_STAPPEN
# the funnel's steps in order: every signal, then the steps that follow it
TRECHTER = ("signalen", CONTACT, HULP, OPGELOST)
# conversion from the step before to this one, in the monitor's words
CONVERSIES = {CONTACT: "bereik", HULP: "hulpacceptatie", OPGELOST: "oplossing"}
PERIODEN = ("maand", "kwartaal")


def periode_label(datum: pd.Series, periode: str) -> pd.Series:
    """'2024-03' for a month, '2024-K1' for a quarter: sortable labels a reader understands."""
    if periode == "maand":
        return datum.dt.strftime("%Y-%m")
    return datum.dt.year.astype(str) + "-K" + datum.dt.quarter.astype(str)


@dataclass
class VroegsignaleringResultaat(Resultaat):
    signalen: pd.DataFrame  # one row per signal: gemeente, periode, steps with their dates
    vervolg: pd.DataFrame  # one row per client with a ZRM score before and after the first signal
    zonder_signaal: int  # step events of a client with no signal on or before that date
    periode: str
    vervolg_maanden: float

    def trechter(self, per: tuple[str, ...] = ("gemeente", "periode")) -> pd.DataFrame:
        """Per group: the number of signals at each step, the conversion from each step to the
        next (a share, NaN over zero) and the median days from signal to first contact."""
        s = self.signalen.assign(_alle=0)
        groepen = list(per) or ["_alle"]
        g = s.groupby(groepen, dropna=False)
        tabel = g.agg(signalen=("signaal_id", "size"), **{k: (k, "sum") for k in TRECHTER[1:]})
        tabel["mediaan_dagen_tot_contact"] = g["dagen_tot_contact"].median()
        tabel = tabel.reset_index()
        if s.empty:  # no signal at all: one row of zeros for the whole, nothing per group
            tabel = pd.DataFrame([{"_alle": 0, **dict.fromkeys(TRECHTER, 0), "mediaan_dagen_tot_contact": np.nan}]) if not per else tabel
        groepen = list(per)
        tabel[list(TRECHTER)] = tabel[list(TRECHTER)].astype(np.int64)
        for vorige, stap in zip(TRECHTER, TRECHTER[1:], strict=False):
            noemer = tabel[vorige].astype(float)
            tabel[CONVERSIES[stap]] = (tabel[stap] / noemer).where(noemer > 0)
        kolommen = [*groepen, *TRECHTER, *CONVERSIES.values(), "mediaan_dagen_tot_contact"]
        return tabel[kolommen]

    def zrm_vervolg(self) -> pd.DataFrame:
        """Per group (help accepted or not): clients, mean score before and after, mean change
        and its standard deviation."""
        v = self.vervolg
        rijen = []
        for geaccepteerd in (True, False):
            d = v[v["hulp_geaccepteerd"] == geaccepteerd]
            rijen.append({
                "hulp_geaccepteerd": geaccepteerd,
                "n": len(d),
                "gem_voor": d["voor"].mean(),
                "gem_na": d["na"].mean(),
                "gem_verandering": d["verandering"].mean(),
                "sd_verandering": d["verandering"].std(ddof=1),
            })
        return pd.DataFrame(rijen)

    def summary(self) -> pd.DataFrame:
        return self.trechter()

    def _content(self) -> dict:
        return {
            "analyse": "vroegsignalering",
            "periode": self.periode,
            "vervolg_maanden": self.vervolg_maanden,
            "zonder_signaal": self.zonder_signaal,
            "totaal": self.trechter(()),
            "per_gemeente": self.trechter(("gemeente",)),
            "trechter": self.trechter(),
            "zrm_vervolg": self.zrm_vervolg(),
            "beschrijvend": "vergelijking van wie hulp accepteerde met wie niet; geen effect",
        }

    def plot(self) -> go.Figure:
        totaal = self.trechter(()).iloc[0]
        fig = go.Figure(go.Funnel(
            y=["signalen", "contact gelegd", "hulp geaccepteerd", "achterstand opgelost"],
            x=[int(totaal[k]) for k in TRECHTER],
            textinfo="value+percent previous",
        ))
        fig.update_layout(title="Vroegsignalering: van signaal tot opgeloste achterstand", template="simple_white")
        return fig


class Vroegsignalering(Estimator):
    """The vroegsignalering funnel per gemeente and period, and ZRM financiën afterwards."""

    def __init__(
        self,
        *,
        periode: str = "maand",
        instrument: str = "ZRM",
        domein: str = "financien",
        bron_meting: str = "professional",
        vervolg_maanden: float = 3.0,
    ) -> None:
        self.periode, self.instrument, self.domein = periode, instrument, domein
        self.bron_meting, self.vervolg_maanden = bron_meting, vervolg_maanden

    def fit(
        self,
        gebeurtenissen: pd.DataFrame,
        clienten: pd.DataFrame | None = None,
        metingen: pd.DataFrame | None = None,
        bron: str = "gebeurtenissen",
    ) -> VroegsignaleringResultaat:
        """``gebeurtenissen`` (client_id, datum, soort; gemeente, or ``clienten`` with
        client_id and gemeente) and optionally ``metingen`` (client_id, instrument, domein,
        datum, score, bron) for the ZRM follow-up."""
        if self.periode not in PERIODEN:
            raise ValueError(f"periode: één van {', '.join(PERIODEN)} verwacht, kreeg {self.periode!r}")
        check_columns(gebeurtenissen, ["client_id", "datum", "soort"], bron=bron)
        ev = gebeurtenissen[["client_id", "datum", "soort", *(["gemeente"] if "gemeente" in
                                                              gebeurtenissen.columns else [])]].copy()
        if clienten is not None:
            check_columns(clienten, ["client_id", "gemeente"], bron="clienten")
            ev = ev.drop(columns=["gemeente"], errors="ignore").merge(
                clienten[["client_id", "gemeente"]], on="client_id", how="left"
            )
        elif "gemeente" not in ev.columns:
            ev["gemeente"] = np.nan
        ev["datum"] = pd.to_datetime(ev["datum"])
        signalen = self._signalen(ev)
        stappen = ev[ev["soort"].isin(VROEGSIGNALERING_STAPPEN)]
        signalen, zonder = _koppel(signalen, stappen)
        vervolg = self._vervolg(signalen, metingen)
        return VroegsignaleringResultaat(signalen, vervolg, zonder, self.periode, self.vervolg_maanden)

    def _signalen(self, ev: pd.DataFrame) -> pd.DataFrame:
        s = ev[ev["soort"].isin(VROEGSIGNALEN)].sort_values(["datum", "client_id", "soort"], kind="mergesort")
        s = s.drop_duplicates(["client_id", "datum", "soort"]).reset_index(drop=True)
        s.insert(0, "signaal_id", np.arange(1, len(s) + 1))
        s["achterstand"] = s["soort"].map(VROEGSIGNALEN)
        s["periode"] = periode_label(s["datum"], self.periode)
        return s

    def _vervolg(self, signalen: pd.DataFrame, metingen: pd.DataFrame | None) -> pd.DataFrame:
        kolommen = ["client_id", "signaal_datum", "hulp_geaccepteerd", "datum_voor", "voor", "datum_na", "na",
                    "verandering"]
        if metingen is None or metingen.empty or signalen.empty:
            return pd.DataFrame(columns=kolommen)
        check_columns(metingen, ["client_id", "instrument", "domein", "datum", "score"], numeric=["score"],
                      bron="metingen")
        m = numeric(metingen, ["score"])
        kies = (m["instrument"] == self.instrument) & (m["domein"] == self.domein)
        if "bron" in m.columns:
            kies &= m["bron"].fillna("professional") == self.bron_meting
        m = m.loc[kies, ["client_id", "datum", "score"]].dropna()
        m["datum"] = pd.to_datetime(m["datum"])
        eerste = signalen.sort_values(["client_id", "datum"]).drop_duplicates("client_id")
        eerste = eerste[["client_id", "datum", HULP]].rename(columns={"datum": "signaal_datum",
                                                                      HULP: "hulp_geaccepteerd"})
        paren = eerste.merge(m, on="client_id")
        voor = paren[paren["datum"] <= paren["signaal_datum"]].sort_values("datum").groupby("client_id").last()
        grens = paren["signaal_datum"] + pd.to_timedelta(self.vervolg_maanden * DAGEN_PER_MAAND, unit="D")
        na = paren[paren["datum"] >= grens].sort_values("datum").groupby("client_id").first()
        uit = eerste.set_index("client_id").join(
            voor[["datum", "score"]].rename(columns={"datum": "datum_voor", "score": "voor"}), how="inner"
        ).join(na[["datum", "score"]].rename(columns={"datum": "datum_na", "score": "na"}), how="inner")
        uit["verandering"] = uit["na"] - uit["voor"]
        return uit.reset_index()[kolommen]


def _koppel(signalen: pd.DataFrame, stappen: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Each step to the most recent signal of its client on or before it; per signal the first
    date of each step, the nested funnel flags and the days to first contact."""
    s = signalen.copy()
    if stappen.empty or s.empty:
        gekoppeld = pd.DataFrame(columns=["signaal_id", "soort", "datum"])
        zonder = len(stappen)
    else:
        links = stappen[["client_id", "datum", "soort"]].sort_values("datum", kind="mergesort")
        rechts = s[["client_id", "datum", "signaal_id"]].sort_values("datum", kind="mergesort")
        # a step on the signal's own day belongs to that signal
        gekoppeld = pd.merge_asof(links, rechts, on="datum", by="client_id", direction="backward")
        zonder = int(gekoppeld["signaal_id"].isna().sum())
        gekoppeld = gekoppeld.dropna(subset=["signaal_id"])
        gekoppeld["signaal_id"] = gekoppeld["signaal_id"].astype(np.int64)
    eerste = gekoppeld.groupby(["signaal_id", "soort"])["datum"].min().unstack("soort")
    eerste = eerste.reindex(columns=list(VROEGSIGNALERING_STAPPEN))
    for stap in VROEGSIGNALERING_STAPPEN:
        s[f"{stap}_datum"] = s["signaal_id"].map(eerste[stap]).astype("datetime64[ns]")
    # accepting help means the household was reached, on that day at the latest
    s[f"{CONTACT}_datum"] = s[[f"{CONTACT}_datum", f"{HULP}_datum"]].min(axis=1)
    s[CONTACT] = s[f"{CONTACT}_datum"].notna()
    s[HULP] = s[f"{HULP}_datum"].notna()
    opgelost = s[f"{OPGELOST}_datum"].notna()
    s[OPGELOST] = opgelost & s[HULP] & (s[f"{OPGELOST}_datum"] >= s[f"{HULP}_datum"])
    s["opgelost_zonder_hulp"] = opgelost & ~s[OPGELOST]
    s["dagen_tot_contact"] = (s[f"{CONTACT}_datum"] - s["datum"]).dt.days.astype(float)
    return s, zonder
