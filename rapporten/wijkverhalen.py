"""The yearly booklet of neighbourhood stories per wijk, with a few of the wijk's figures."""

from __future__ import annotations

import pandas as pd

from impact.opmaak import N_
from modellen import beschrijving
from rapporten import gemeenschappelijk as gm
from rapporten import kubus
from rapporten import onthulling as ot
from rapporten.model import Melding, Sectie, Tabel, Tekst
from rapporten.resultaten import zrm
from rapporten.secties import Onderdeel, Rapportsoort, registreer
from verhalen import wijkverhalen as wv
from verhalen.publicatie import publiceerbaar

NAAM = "wijkverhalen"


def _wijktabel(ctx: gm.Context, gemeente: str) -> Tabel:
    """Clients per wijk and study group, from the publication's protected counts."""
    t = ctx.t
    k = ctx.kubus()
    wijken = [n.geo for n in k.knopen if len(n.geo) == 2 and n.geo[0] == gemeente and not n.kolom]
    groepen = sorted({n.kolom[1] for n in k.knopen if n.kolom and n.kolom[0] == "groep"})
    totaal = t("Totaal")
    waarden, masker = k.tabel(
        [(geo[1], geo) for geo in wijken] + [(totaal, (gemeente,))],
        [(gm.groep_label(ctx, x), ("groep", x)) for x in groepen] + [(totaal, kubus.ALLES)],
    )
    kop = t("Wijk")
    waarden, masker = waarden.rename_axis(kop).reset_index(), masker.rename_axis(kop).reset_index()
    masker[kop] = ot.ZICHTBAAR
    soorten = {c: "aantal" for c in waarden.columns if c != kop}
    return Tabel(t("Cliënten per wijk in {g}", g=gemeente), waarden, soorten, masker, ctx.drempels)


def _jaartabel(ctx: gm.Context, gemeente: str, wijk: str, cijfers: pd.DataFrame) -> Tabel:
    """The wijk's own figures per year, protected."""
    t = ctx.t
    deel = cijfers[(cijfers["gemeente"] == gemeente) & (cijfers["wijk"] == wijk)].dropna(subset=["n_clienten"])
    deel = deel[["jaar", "n_clienten", "gemiddelde_score"]].astype(float).reset_index(drop=True)
    waarden, masker = ot.per_groep(deel, "n_clienten", ["gemiddelde_score"], ctx.drempels)
    waarden["jaar"] = waarden["jaar"].astype(int).astype(str)
    kop = {
        "jaar": t("Jaar"),
        "n_clienten": t("Cliënten gemeten"),
        "gemiddelde_score": t("Gemiddelde ZRM-score"),
    }
    return Tabel(
        t("Cijfers van {w} per jaar", w=wijk),
        waarden.rename(columns=kop),
        {kop["n_clienten"]: "aantal", kop["gemiddelde_score"]: "gemiddelde"},
        masker.rename(columns=kop),
        ctx.drempels,
        t("Gemiddelde over alle ZRM-metingen van dat jaar (schaal 1 tot 5)."),
    )


def _verhalen_per_jaar(ctx: gm.Context, resultaat, gemeente: str, wijk: str, jaren: list[int]) -> list[Sectie]:
    t = ctx.t
    uit = []
    for jaar in jaren:
        bundel = resultaat.bundel(gemeente, wijk, jaar)
        if bundel.empty:
            continue
        blok = gm.verhalen_van(ctx, bundel.drop(columns=["jaar"]).tail(2))
        uit.append(Sectie(t("Verhalen uit {j}", j=jaar), [blok]))
    return uit


def _per_gemeente(ctx: gm.Context) -> list[Sectie]:
    t = ctx.t
    g = ctx.gegevens
    verhalen = publiceerbaar(g.verhalen)
    wijkverhalen = verhalen[verhalen["soort"] == "wijkverhaal"] if not verhalen.empty else verhalen
    resultaat, cijfers = None, pd.DataFrame(columns=["wijk", "jaar", "n_clienten", "gemiddelde_score"])
    if not g.verhalen.empty and not g.analyse.empty:
        cijfers = wv.wijkcijfers(zrm(g), "ZRM")
        resultaat = wv.wijkverhalen(g.verhalen, cijfers, gebruik="geanonimiseerd_publiceren")
    secties = []
    if wijkverhalen.empty:
        secties.append(
            Sectie(
                t("Wijkverhalen"),
                [
                    Melding(
                        t(
                            "Er zijn (nog) geen wijkverhalen met toestemming om te publiceren. Dit boekje toont "
                            "daarom alleen de cijfers per wijk."
                        )
                    )
                ],
            )
        )
    paren = gm.eerste_en_laatste(ctx)
    per_client = beschrijving.verschil_per_client(paren, ("gemeente", "wijk"))
    wijken_met_verhaal = (
        set(zip(wijkverhalen["gemeente"], wijkverhalen["wijk"], strict=True)) if not wijkverhalen.empty else set()
    )
    for gemeente in sorted(g.clienten["gemeente"].dropna().unique()):
        sectie = Sectie(gemeente, [_wijktabel(ctx, gemeente)])
        wijken = sorted(
            w
            for w in g.clienten.loc[g.clienten["gemeente"] == gemeente, "wijk"].dropna().unique()
            if (gemeente, w) in wijken_met_verhaal
        )
        for wijk in wijken:
            deel = per_client[(per_client["gemeente"] == gemeente) & (per_client["wijk"] == wijk)]
            blokken = []
            if len(deel) >= ctx.drempels.min_noemer:
                blokken.append(
                    Tekst(
                        [
                            t(
                                "In {w} veranderde de gemiddelde ZRM-score van cliënten "
                                "met twee metingen met {v} punt.",
                                w=wijk,
                                v=ctx.opmaak.getal(deel["verschil"].mean(), 2),
                            )
                        ]
                    )
                )
            else:
                blokken.append(
                    Tekst(
                        [
                            t(
                                "In {w} zijn te weinig cliënten twee keer gemeten om een "
                                "gemiddelde te tonen.",
                                w=wijk,
                            )
                        ]
                    )
                )
            sub = Sectie(wijk, blokken)
            if resultaat is not None:
                blokken.append(_jaartabel(ctx, gemeente, wijk, cijfers))
                v = resultaat.verhalen
                jaren = sorted({int(j) for j in v.loc[(v["gemeente"] == gemeente) & (v["wijk"] == wijk), "jaar"]})
                sub.subsecties += _verhalen_per_jaar(ctx, resultaat, gemeente, wijk, jaren[-3:][::-1])
            else:
                blokken.append(
                    gm.verhalen_blok(ctx, ("wijkverhaal", "msc_verhaal"), aantal=2, gemeente=gemeente, wijk=wijk)
                )
            sectie.subsecties.append(sub)
        secties.append(sectie)
    return secties


def _titel(ctx: gm.Context) -> str:
    verhalen = publiceerbaar(ctx.gegevens.verhalen)
    if not verhalen.empty:
        verhalen = verhalen[verhalen["soort"] == "wijkverhaal"]
    if verhalen.empty:
        return ctx.t("Wijkverhalen")
    return ctx.t("Wijkverhalen {j}", j=int(verhalen["datum"].max().year))


SOORT = registreer(
    Rapportsoort(
        NAAM,
        _titel,
        N_("Verhalen uit de wijken, met een paar cijfers per wijk"),
        (Onderdeel(N_("Wijkverhalen"), secties=_per_gemeente, nodig=("paren",)),),
    )
)
