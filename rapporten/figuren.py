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
# Fixed colours for the study groups, the same in every report and every chart: the
# intervention group blue, the comparison group orange, clients without a traject grey.
INTERVENTIEGROEP, VERGELIJKINGSGROEP, ZONDER_TRAJECT = OKABE_ITO[0], OKABE_ITO[1], "#8C8C8C"
_OVERIG = [k for k in OKABE_ITO if k not in (INTERVENTIEGROEP, VERGELIJKINGSGROEP, "#000000")]


def kleuren(namen: list[str], vast: dict[str, str] | None = None) -> list[str]:
    """A colour per series: the fixed colour of a study group, else the next free palette colour."""
    vast = vast or {}
    if not any(n in vast for n in namen):
        return [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(namen))]
    vrij = iter(_OVERIG * (len(namen) // len(_OVERIG) + 1))
    return [vast[n] if n in vast else next(vrij) for n in namen]
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


def staaf(
    tabel: Tabel,
    x: str,
    reeksen: list[str],
    as_titel: str = "",
    gestapeld: bool = False,
    vast: dict[str, str] | None = None,
) -> go.Figure:
    fig = go.Figure()
    labels = [str(v) for v in tabel.waarden[x]]
    kleur = kleuren([str(k) for k in reeksen], vast)
    for i, kolom in enumerate(reeksen):
        fig.add_bar(
            name=str(kolom),
            x=labels,
            y=tabel.numeriek(kolom),
            marker_color=kleur[i],
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
    vast: dict[str, str] | None = None,
) -> go.Figure:
    fig = go.Figure()
    groepen = [None] if groep is None else list(dict.fromkeys(tabel.waarden[groep]))
    waarden = tabel.numeriek(y)
    kleur = kleuren([str(g) for g in groepen], vast)
    for i, naam in enumerate(groepen):
        rijen = [r for r in tabel.waarden.index if groep is None or tabel.waarden.at[r, groep] == naam]
        fig.add_scatter(
            name=str(naam) if naam is not None else y,
            mode="lines+markers",
            x=[tabel.waarden.at[r, x] for r in rijen],
            y=[waarden[r] for r in rijen],
            line=dict(color=kleur[i], dash=STREEPJES[i % len(STREEPJES)]),
            marker=dict(symbol=MARKERS[i % len(MARKERS)], size=7),
            connectgaps=False,
        )
    fig.update_layout(yaxis_title=as_titel, xaxis_title=x_titel)
    if y_bereik:
        fig.update_yaxes(range=list(y_bereik))
    return opmaak_figuur(fig)


def bos(
    tabel: Tabel, schatting: str, laag: str, hoog: str, as_titel: str, naam: str, hoogte: int = 380
) -> go.Figure:
    """Forest plot: one diamond per row of ``tabel`` with its interval, a line at zero.

    Hidden (suppressed) values stay hidden: a row without a shown estimate gets no marker.
    """
    x, onder, boven = tabel.numeriek(schatting), tabel.numeriek(laag), tabel.numeriek(hoog)

    def afstand(grens: list, teken: int) -> list:
        return [None if a is None or b is None else teken * (b - a) for a, b in zip(x, grens, strict=True)]

    fig = go.Figure(
        go.Scatter(
            x=x,
            y=[str(v) for v in tabel.waarden[tabel.waarden.columns[0]]],
            mode="markers",
            marker=dict(color=OKABE_ITO[0], size=10, symbol="diamond"),
            error_x=dict(
                type="data", symmetric=False, array=afstand(boven, 1), arrayminus=afstand(onder, -1)
            ),
            name=naam,
        )
    )
    fig.add_vline(x=0, line_color="#555555")
    fig.update_layout(xaxis_title=as_titel)
    opmaak_figuur(fig, hoogte=hoogte)
    fig.update_yaxes(autorange="reversed")
    return fig


@functools.cache
def plotly_js() -> str:
    """The plotly.js bundle that ships with the plotly package (embedded once per HTML file)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


CONFIG = json.dumps({"displayModeBar": False, "responsive": True, "staticPlot": False})
