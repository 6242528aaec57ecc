"""Plotly figures for the cost-benefit results (Dutch labels, one colour per financier).

Every figure takes plain DataFrames and values, never a result object, so this module
imports none of its siblings; the results call these functions from their ``plot()``.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from impact.opmaak import euro

KLEUREN = {
    "gemeente": "#1f77b4",
    "zorgverzekeraar": "#2ca02c",
    "Rijk": "#9467bd",
    "politie/justitie": "#d62728",
    "woningcorporatie": "#ff7f0e",
    "werkgever": "#8c564b",
    "burger": "#e377c2",
}
OVERIG = "#7f7f7f"


def kleur(financier: str) -> str:
    return KLEUREN.get(financier, OVERIG)


def casus_tijdlijn(regels: pd.DataFrame, naam: str) -> go.Figure:
    """Both scenarios on one time axis; marker size ~ amount, colour = financier.

    ``regels``: the priced lines of a case (regel, scenario, soort, omschrijving, item,
    financier, start, eind, bedrag_cent); ``naam``: the case's name for the title.
    """
    df = regels.groupby("regel", as_index=False).agg(
        scenario=("scenario", "first"),
        soort=("soort", "first"),
        omschrijving=("omschrijving", "first"),
        item=("item", "first"),
        financier=("financier", "first"),
        start=("start", "first"),
        eind=("eind", "first"),
        bedrag_cent=("bedrag_cent", "sum"),
    )
    fig = go.Figure()
    grootste = max(1, int(df["bedrag_cent"].max() if len(df) else 1))
    for financier, deel in df.groupby("financier"):
        y = deel["scenario"].map({"interventie": "interventie", "referentie": "referentie"})
        fig.add_trace(
            go.Scatter(
                x=deel["start"],
                y=y,
                mode="markers",
                name=financier,
                marker={
                    "color": kleur(financier),
                    "size": 8 + 30 * (deel["bedrag_cent"] / grootste) ** 0.5,
                    "symbol": [
                        "diamond" if s == "gebeurtenis" else "circle" for s in deel["soort"]
                    ],
                },
                text=[
                    f"{o} ({i}): {euro(b / 100)}"
                    for o, i, b in zip(
                        deel["omschrijving"], deel["item"], deel["bedrag_cent"], strict=True
                    )
                ],
                hovertemplate="%{text}<extra>%{fullData.name}</extra>",
            )
        )
        for rij in deel.itertuples():
            if rij.eind != rij.start:
                fig.add_trace(
                    go.Scatter(
                        x=[rij.start, rij.eind],
                        y=[rij.scenario, rij.scenario],
                        mode="lines",
                        line={"color": kleur(financier), "width": 6},
                        opacity=0.4,
                        showlegend=False,
                        hoverinfo="skip",
                    )
                )
    fig.update_layout(
        title=f"Tijdlijn: {naam}",
        xaxis_title="datum",
        yaxis_title="scenario",
        legend_title="financier",
    )
    return fig


def waterval(per_financier: pd.DataFrame, kosten_referentie: float, verschil: float) -> go.Figure:
    """From the reference costs, per financier what the intervention changes, to the net.

    ``per_financier``: columns financier and verschil (referentie - interventie), in euros.
    """
    per = per_financier
    x = ["kosten referentie"] + [f"verschil {f}" for f in per["financier"]] + ["kosten interventie"]
    y = [float(kosten_referentie)] + list(-per["verschil"]) + [0]
    measure = ["absolute"] + ["relative"] * len(per) + ["total"]
    fig = go.Figure(go.Waterfall(x=x, y=y, measure=measure, connector={"line": {"color": "#999"}}))
    fig.update_layout(
        title=f"Van referentie naar interventie: netto verschil {euro(verschil)}",
        yaxis_title="euro",
    )
    return fig


def financiers_staven(per_financier: pd.DataFrame) -> go.Figure:
    """Stacked bars per scenario, one segment per financier (columns financier, interventie,
    referentie, in euros)."""
    fig = go.Figure()
    for rij in per_financier.itertuples():
        fig.add_trace(
            go.Bar(
                x=["interventie", "referentie"],
                y=[rij.interventie, rij.referentie],
                name=rij.financier,
                marker_color=kleur(rij.financier),
            )
        )
    fig.update_layout(
        barmode="stack",
        title="Kosten per scenario en financier",
        yaxis_title="euro",
        legend_title="financier",
    )
    return fig


def casussen_financiers(wrong_pocket: pd.DataFrame, n: int) -> go.Figure:
    """Wrong pocket: mean saldo per financier with its bootstrap interval.

    ``wrong_pocket``: columns financier, saldo_gemiddeld, ci_laag, ci_hoog; ``n``: cases.
    """
    wp = wrong_pocket
    fig = go.Figure(
        go.Bar(
            x=wp["financier"],
            y=wp["saldo_gemiddeld"],
            marker_color=[kleur(f) for f in wp["financier"]],
            error_y={
                "type": "data",
                "symmetric": False,
                "array": wp["ci_hoog"] - wp["saldo_gemiddeld"],
                "arrayminus": wp["saldo_gemiddeld"] - wp["ci_laag"],
            },
        )
    )
    fig.update_layout(
        title=f"Wie investeert, wie profiteert (gemiddeld per casus, n = {n})",
        yaxis_title="saldo per casus (euro; negatief = investeert)",
    )
    return fig


def tornado_figuur(tabel: pd.DataFrame, basis: float, uitkomst: str) -> go.Figure:
    """One bar per parameter from the base outcome to its value at the parameter's low and
    high end (columns omschrijving, uitkomst_laag, uitkomst_hoog; widest first)."""
    tabel = tabel.iloc[::-1]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=tabel["omschrijving"],
            x=tabel["uitkomst_laag"] - basis,
            base=basis,
            orientation="h",
            name="parameter laag",
        )
    )
    fig.add_trace(
        go.Bar(
            y=tabel["omschrijving"],
            x=tabel["uitkomst_hoog"] - basis,
            base=basis,
            orientation="h",
            name="parameter hoog",
        )
    )
    fig.update_layout(
        barmode="overlay", title=f"Gevoeligheid: {uitkomst}", xaxis_title="euro"
    )
    return fig


def programma_waterval(
    per_begunstigde: Mapping[str, float], pv_kosten: float, naam: str
) -> go.Figure:
    """From the present value of the costs, the benefits per beneficiary, to the net value."""
    per = per_begunstigde
    x = ["kosten"] + [f"baten {b}" for b in per] + ["netto contante waarde"]
    y = [-pv_kosten] + list(per.values()) + [0]
    fig = go.Figure(go.Waterfall(x=x, y=y, measure=["relative"] * (len(per) + 1) + ["total"]))
    fig.update_layout(
        title=f"{naam}: van kosten naar netto baten",
        yaxis_title="contante waarde (euro)",
    )
    return fig


def programma_jaren(per_jaar: pd.DataFrame) -> go.Figure:
    """Discounted costs and benefits per year with the cumulative net (columns jaar,
    kosten_contant, baten_contant, cumulatief_netto)."""
    df = per_jaar
    fig = go.Figure()
    fig.add_trace(go.Bar(x=df["jaar"], y=-df["kosten_contant"], name="kosten"))
    fig.add_trace(go.Bar(x=df["jaar"], y=df["baten_contant"], name="baten"))
    fig.add_trace(go.Scatter(x=df["jaar"], y=df["cumulatief_netto"], name="cumulatief netto"))
    fig.update_layout(
        barmode="relative",
        title="Contante kosten en baten per jaar",
        xaxis_title="jaar",
        yaxis_title="euro",
    )
    return fig
