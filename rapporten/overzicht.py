"""The overview report: reach, ZRM trajectories per domain, and stories next to the figures.

The first report of the project (issue 2, part 6) and the one ``impact demo --uit MAP`` writes
first. Call ``build(bron, out_dir)`` with an engine, a ``DemoWorld`` or a dict of DataFrames.
"""

from __future__ import annotations

from rapporten import gemeenschappelijk as gm
from rapporten.model import Naast, Rapport, Sectie, Tekst

NAAM = "overzicht"
KERNDOMEINEN = [
    "financien",
    "huisvesting",
    "geestelijke_gezondheid",
    "sociaal_netwerk",
    "werk_opleiding",
    "maatschappelijke_participatie",
]


def maak(ctx: gm.Context) -> Rapport:
    t = ctx.t
    g = ctx.gegevens
    n_clienten = g.clienten["client_id"].nunique()
    n_metingen = len(g.metingen)

    bereik = gm.bereik_tabel(ctx, "gemeente")
    bereik_fig = gm.bereik_figuur(ctx, bereik, "gemeente")

    kern = gm.verloop_tabel(ctx, KERNDOMEINEN)
    kern_fig = gm.verloop_figuur(ctx, kern, t("ZRM-verloop op zes kerndomeinen"), kern.waarden.columns[0])
    alle = gm.verloop_tabel(ctx)
    alle.titel = t("Gemiddelde ZRM-score per domein en meetmoment (alle domeinen)")

    verhalen = gm.verhalen_blok(ctx, aantal=3, trefwoorden=("schuld", "geld", "rekening", "huis"))
    secties = [
        Sectie(
            t("Wie zijn bereikt"),
            [
                Tekst(
                    [
                        t(
                            "In deze gegevens staan {n} cliënten en {m} metingen. De figuur telt elke "
                            "cliënt één keer per interventie waaraan die deelnam.",
                            n=ctx.opmaak.getal(n_clienten),
                            m=ctx.opmaak.getal(n_metingen),
                        )
                    ]
                ),
                bereik_fig,
            ],
        ),
        Sectie(
            t("Hoe het de cliënten vergaat: de Zelfredzaamheid-Matrix"),
            [
                Tekst(
                    [
                        t(
                            "De Zelfredzaamheid-Matrix (ZRM) scoort per levensdomein van 1 (acute "
                            "problematiek) tot 5 (volledig zelfredzaam). Hieronder het gemiddelde per "
                            "meetmoment, gerekend vanaf de start van het eerste traject."
                        )
                    ]
                ),
                Naast(
                    kern_fig,
                    verhalen,
                    t(
                        "De verhalen laten zien wat achter de gemiddelden zit; ze zijn gekozen als "
                        "voorbeeld, niet als steekproef."
                    ),
                ),
                alle,
            ],
        ),
        Sectie(
            t("Over deze cijfers"),
            [
                Tekst(
                    [
                        t(
                            "Dit overzicht is beschrijvend: het laat zien wat er gemeten is, niet wat de "
                            "interventies veroorzaakt hebben. Voor effecten, betrouwbare verandering en "
                            "kosten en baten zijn er de rapporten voor beleid en verantwoording."
                        ),
                        t(
                            "Aantallen onder de {d} worden niet getoond en gemiddelden alleen over "
                            "minstens {m} cliënten, zodat niemand herkenbaar is.",
                            d=ctx.drempels.drempel,
                            m=ctx.drempels.min_noemer,
                        ),
                    ]
                ),
            ],
        ),
    ]
    samenvatting = [
        t(
            "{n} cliënten in {g} gemeenten, {m} ZRM- en andere metingen.",
            n=ctx.opmaak.getal(n_clienten),
            g=g.clienten["gemeente"].nunique(),
            m=ctx.opmaak.getal(n_metingen),
        ),
        bereik_fig.samenvatting,
    ]
    return Rapport(
        NAAM,
        t("Impact van sociaal werk: overzicht"),
        t("Bereik, verloop op de Zelfredzaamheid-Matrix en verhalen uit de praktijk"),
        ctx.opmaak.taal,
        secties,
        ctx.herkomst(),
        samenvatting,
    )


build = gm.bouwer(NAAM)
