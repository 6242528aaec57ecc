"""Dashboard for gemeentelijke beleidsmakers: reach and outcomes per gemeente, wijk and
intervention over time, comparison group, reliable change, and who pays and who benefits.

A filter inside the one static HTML file switches between pre-rendered views per gemeente.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from rapporten import figuren as fg
from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten.bron import Filters, Gegevens
from rapporten.model import Filter, Rapport, Sectie, Tabel, Tekst

NAAM = "beleid"
ALLE = "__alle__"


def instroom_tabel(ctx: gm.Context) -> Tabel:
    t = ctx.t
    tr = ctx.gegevens.trajecten.copy()
    tr["jaar"] = tr["start"].dt.year.astype("Int64").astype(str)
    aantallen = pd.crosstab(tr["jaar"], tr["interventie"])
    from rapporten.tabel import uit_kruistabel

    return uit_kruistabel(
        t("Nieuwe trajecten per jaar en interventie"),
        aantallen,
        t("Jaar"),
        ctx.drempels,
        totaal_label=t("Totaal"),
    )


def _groep_verloop(ctx: gm.Context) -> Tabel:
    """Mean over all ZRM domains per client and moment, by interventie / vergelijking."""
    t = ctx.t
    df = gm.meetmomenten(ctx.gegevens.analyse)
    per_client = df.groupby(["groep", "client_id", "moment"])["score"].mean().reset_index()
    stat = (
        per_client.groupby(["groep", "moment"])
        .agg(n=("client_id", "nunique"), gemiddelde=("score", "mean"))
        .reset_index()
    )
    stat["groep"] = stat["groep"].map(lambda g: t(f"groep: {g}"))
    waarden, masker = ot.per_groep(stat, "n", ["gemiddelde"], ctx.drempels)
    kop = {
        "groep": t("Groep"),
        "moment": t("Maanden na start"),
        "n": t("Aantal cliënten"),
        "gemiddelde": t("Gemiddelde ZRM-score"),
    }
    return Tabel(
        t("Gemiddelde ZRM-score (alle domeinen): interventie- en vergelijkingsgroep"),
        waarden.rename(columns=kop),
        {kop["n"]: "aantal", kop["gemiddelde"]: "gemiddelde"},
        masker.rename(columns=kop),
        ctx.drempels,
    )


def _per_gemeente(ctx: gm.Context, gemeente: str | None) -> list:
    """Blocks for one gemeente (or all), computed on that gemeente's data."""
    t = ctx.t
    if gemeente is None:
        sub = ctx
        rij = "gemeente"
    else:
        g = ctx.gegevens
        filters = Filters(gemeente=(gemeente,), interventie=g.filters.interventie, periode=g.filters.periode)
        sub = gm.Context(Gegevens(g.bron, filters), ctx.opmaak, ctx.drempels, ctx.bronnen)
        sub._teller = ctx._teller
        sub.gegevens._ruw.update(g._ruw)
        rij = "wijk"
    bereik = gm.bereik_tabel(sub, rij)
    blokken = [gm.bereik_figuur(sub, bereik, rij)]
    verandering = (
        gm.verandering_tabel(sub, "interventie") if rij == "wijk" else gm.verandering_tabel(sub, "gemeente")
    )
    blokken.append(verandering)
    groep = _groep_verloop(sub)
    blokken.append(
        fg.Figuur(
            sub.figuur_id(),
            t("Interventiegroep naast vergelijkingsgroep"),
            t(
                "Gemiddelde over alle ZRM-domeinen per meetmoment. De "
                "vergelijkingsgroep kreeg geen traject; de groepen zijn niet "
                "gerandomiseerd, dus een verschil is geen bewezen effect."
            ),
            fg.lijnen(
                groep,
                groep.waarden.columns[1],
                groep.waarden.columns[3],
                groep.waarden.columns[0],
                t("gemiddelde ZRM-score"),
                t("maanden na start"),
                (1, 5),
            ),
            groep,
        )
    )
    ctx._teller = sub._teller
    return blokken


def maak(ctx: gm.Context) -> Rapport:
    t = ctx.t
    g = ctx.gegevens
    gemeenten = sorted(g.clienten["gemeente"].dropna().unique())
    opties = [(ALLE, t("Alle gemeenten"))] + [(x, x) for x in gemeenten]
    varianten = {ALLE: _per_gemeente(ctx, None)}
    for gemeente in gemeenten:
        varianten[gemeente] = _per_gemeente(ctx, gemeente)

    instroom = instroom_tabel(ctx)
    kolom = instroom.waarden.columns
    zonder = instroom.waarden[kolom[0]] != t("Totaal")
    deel = Tabel(
        instroom.titel,
        instroom.waarden[zonder],
        dict(instroom.soorten),
        instroom.masker[zonder],
        ctx.drempels,
    )
    instroom_fig = fg.Figuur(
        ctx.figuur_id(),
        t("Instroom per jaar"),
        t("Aantal nieuwe trajecten per startjaar, per interventie."),
        fg.staaf(
            deel, kolom[0], [k for k in kolom[1:] if k != t("Totaal")], t("nieuwe trajecten"), gestapeld=True
        ),
        instroom,
    )

    rci = gm.rci_tabel(ctx)
    rci_blok = gm.rci_figuur(ctx, rci) if isinstance(rci, Tabel) else rci
    samen, _, kb_melding = gm.kosten_baten(ctx)
    kb_blokken: list = []
    if samen is not None:
        tabel = gm.financiers_tabel(ctx, samen)
        kb_blokken.append(gm.financiers_figuur(ctx, tabel))
    if kb_melding is not None:
        kb_blokken.append(kb_melding)

    secties = [
        Sectie(
            t("Bereik en uitkomsten per gemeente"),
            [
                Tekst(
                    [
                        t(
                            "Kies een gemeente om de cijfers per wijk te zien. Alle cijfers zijn "
                            "beschermd: kleine groepen worden niet getoond."
                        )
                    ]
                ),
                Filter(t("Gemeente"), opties, varianten),
            ],
        ),
        Sectie(t("Ontwikkeling in de tijd"), [instroom_fig]),
        Sectie(t("Betrouwbare verandering"), [rci_blok]),
        Sectie(t("Wie betaalt, wie heeft baat"), kb_blokken),
    ]
    return Rapport(
        NAAM,
        t("Dashboard sociaal werk voor beleid"),
        t("Bereik, uitkomsten en kosten en baten per gemeente, wijk en interventie"),
        ctx.opmaak.taal,
        secties,
        ctx.herkomst(),
        [t("{n} cliënten, {g} gemeenten.", n=ctx.opmaak.getal(g.clienten.shape[0]), g=len(gemeenten))],
    )


def build(
    bron,
    out_dir: str | Path,
    *,
    pdf: bool = False,
    xlsx: bool = False,
    taal: str = "nl",
    filters=None,
    drempels=None,
    afbeeldingen=None,
) -> list[Path]:
    ctx = gm.maak_context(bron, taal, filters, drempels)
    return gm.schrijf(maak(ctx), Path(out_dir), NAAM, pdf, xlsx, afbeeldingen)
