"""Accessible charts: every figure has a written summary and its data as a table.

A ``Figuur`` is drawn only from a protected ``Tabel`` (hidden cells become gaps), so a chart can
never show what its table hides. Colours come from the Okabe–Ito palette, which stays
distinguishable for the common forms of colour blindness; lines also differ in dash and marker.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import plotly.graph_objects as go

from rapporten.tabel import Tabel

# Okabe & Ito (2008), "Color Universal Design"; black last, yellow late (weak on white).
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
STREEPJES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
MARKERS = ["circle", "square", "diamond", "triangle-up", "x", "star"]


@dataclass
class Figuur:
    id: str
    titel: str
    samenvatting: str
    figuur: go.Figure
    tabel: Tabel

    def json(self) -> str:
        """Plotly JSON safe to put inside a <script> element (no '</' can close it)."""
        return self.figuur.to_json().replace("<", "\\u003c").replace(">", "\\u003e")


def opmaak_figuur(fig: go.Figure, hoogte: int = 380) -> go.Figure:
    fig.update_layout(
        colorway=OKABE_ITO,
        template="simple_white",
        height=hoogte,
        margin=dict(l=60, r=20, t=30, b=60),
        font=dict(family="DejaVu Sans, Arial, sans-serif", size=13, color="#222222"),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return fig


def staaf(tabel: Tabel, x: str, reeksen: list[str], as_titel: str = "", gestapeld: bool = False) -> go.Figure:
    fig = go.Figure()
    labels = [str(v) for v in tabel.waarden[x]]
    for i, kolom in enumerate(reeksen):
        fig.add_bar(
            name=str(kolom),
            x=labels,
            y=tabel.numeriek(kolom),
            marker_color=OKABE_ITO[i % len(OKABE_ITO)],
            marker_pattern_shape=["", "/", ".", "x", "-", "+"][i % 6] if len(reeksen) > 1 else "",
        )
    fig.update_layout(barmode="stack" if gestapeld else "group", yaxis_title=as_titel)
    return opmaak_figuur(fig)


def lijnen(
    tabel: Tabel,
    x: str,
    y: str,
    groep: str | None,
    as_titel: str = "",
    x_titel: str = "",
    y_bereik: tuple[float, float] | None = None,
) -> go.Figure:
    fig = go.Figure()
    groepen = [None] if groep is None else list(dict.fromkeys(tabel.waarden[groep]))
    waarden = tabel.numeriek(y)
    for i, naam in enumerate(groepen):
        rijen = [r for r in tabel.waarden.index if groep is None or tabel.waarden.at[r, groep] == naam]
        fig.add_scatter(
            name=str(naam) if naam is not None else y,
            mode="lines+markers",
            x=[tabel.waarden.at[r, x] for r in rijen],
            y=[waarden[r] for r in rijen],
            line=dict(color=OKABE_ITO[i % len(OKABE_ITO)], dash=STREEPJES[i % len(STREEPJES)]),
            marker=dict(symbol=MARKERS[i % len(MARKERS)], size=7),
            connectgaps=False,
        )
    fig.update_layout(yaxis_title=as_titel, xaxis_title=x_titel)
    if y_bereik:
        fig.update_yaxes(range=list(y_bereik))
    return opmaak_figuur(fig)


@functools.cache
def plotly_js() -> str:
    """The plotly.js bundle that ships with the plotly package (embedded once per HTML file)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


CONFIG = json.dumps({"displayModeBar": False, "responsive": True, "staticPlot": False})
