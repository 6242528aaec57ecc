"""The overview report: reach, ZRM trajectories per domain, and stories next to the figures.

The first report ``impact demo --uit MAP`` writes.
"""

from __future__ import annotations

from impact.opmaak import N_
from rapporten import bevindingen
from rapporten import gemeenschappelijk as gm
from rapporten.model import Naast, Tekst
from rapporten.secties import Onderdeel, Rapportsoort, registreer

NAAM = "overzicht"
KERNDOMEINEN = [
    "financien",
    "huisvesting",
    "geestelijke_gezondheid",
    "sociaal_netwerk",
    "werk_opleiding",
    "maatschappelijke_participatie",
]


def _bereik(ctx: gm.Context) -> list:
    t = ctx.t
    g = ctx.gegevens
    bereik = gm.bereik_tabel(ctx, "gemeente")
    return [
        Tekst(
            [
                t(
                    "In deze gegevens staan {n} cliënten en {m} metingen. De figuur telt elke "
                    "cliënt één keer per interventie waaraan die deelnam.",
                    n=ctx.aantal(g.clienten["client_id"].nunique()),
                    m=ctx.opmaak.getal(len(g.metingen)),
                )
            ]
        ),
        gm.bereik_figuur(ctx, bereik, "gemeente"),
    ]


def _verloop(ctx: gm.Context) -> list:
    t = ctx.t
    kern = gm.verloop_tabel(ctx, KERNDOMEINEN)
    kern_fig = gm.verloop_figuur(ctx, kern, t("ZRM-verloop op zes kerndomeinen"), kern.waarden.columns[0])
    alle = gm.verloop_tabel(ctx)
    alle.titel = t("Gemiddelde ZRM-score per domein en meetmoment (alle domeinen)")
    verhalen = gm.verhalen_blok(ctx, aantal=3, trefwoorden=("schuld", "geld", "rekening", "huis"))
    return [
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
    ]


def _over(ctx: gm.Context) -> list:
    t = ctx.t
    return [
        Tekst(
            [
                t(
                    "Dit overzicht is beschrijvend: het laat zien wat er gemeten is, niet wat de "
                    "interventies veroorzaakt hebben. Voor effecten, betrouwbare verandering en "
                    "kosten en baten zijn er de rapporten voor beleid en verantwoording."
                ),
            ]
        ),
    ]


def _kern(ctx: gm.Context) -> list[str]:
    return bevindingen.alle(ctx, bevindingen.bereik, bevindingen.verandering, bevindingen.uitval)


SOORT = registreer(
    Rapportsoort(
        NAAM,
        N_("Impact van sociaal werk: overzicht"),
        N_("Bereik, verloop op de Zelfredzaamheid-Matrix en verhalen uit de praktijk"),
        (
            Onderdeel(N_("Wie zijn bereikt"), _bereik),
            Onderdeel(N_("Hoe het de cliënten vergaat: de Zelfredzaamheid-Matrix"), _verloop, ("meetmomenten",)),
            Onderdeel(N_("Over deze cijfers"), _over),
        ),
        kern=_kern,
    )
)
