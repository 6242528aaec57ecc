"""Dashboard for gemeentelijke beleidsmakers: reach and outcomes per gemeente, wijk and
intervention over time, comparison group, reliable change, and who pays and who benefits.

A filter inside the one static HTML file switches between pre-rendered views per gemeente.
"""

from __future__ import annotations

import pandas as pd

from impact.opmaak import N_
from modellen import beschrijving
from rapporten import bevindingen, erkenning
from rapporten import figuren as fg
from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten import vroegsignalering as vs
from rapporten.bron import Filters, Gegevens
from rapporten.model import Filter, Melding, Tabel, Tekst
from rapporten.resultaten import ALLE_DOMEINEN
from rapporten.secties import Onderdeel, Rapportsoort, registreer
from rapporten.tabel import uit_kruistabel
from rapporten.verantwoording import beschermd

NAAM = "beleid"
ALLE = "__alle__"


def instroom_tabel(ctx: gm.Context) -> Tabel:
    t = ctx.t
    aantallen = beschrijving.instroom(ctx.gegevens.trajecten)
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
    stat = beschrijving.groepsverloop(ctx.resultaat("meetmomenten"))
    stat["groep"] = stat["groep"].map(lambda g: gm.groep_label(ctx, g))
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
        sub = gm.Context(Gegevens(g.bron, filters), ctx.opmaak, ctx.drempels)
        # one publication, one set of protected counts: the gemeente's view reads the region's
        sub.gegevens.resultaten[("kubus", ctx.drempels)] = ctx.kubus()
        sub._teller = ctx._teller
        sub.gegevens._ruw.update(g._ruw)
        rij = "wijk"
    bereik = gm.bereik_tabel(sub, rij, gemeente)
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
                "vergelijkingsgroep kreeg de gebruikelijke zorg; de groepen zijn niet "
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
                gm.vaste_kleuren(sub),
            ),
            groep,
        )
    )
    ctx._teller = sub._teller
    return blokken


def _per_gemeente_filter(ctx: gm.Context) -> list:
    t = ctx.t
    gemeenten = sorted(ctx.gegevens.clienten["gemeente"].dropna().unique())
    opties = [(ALLE, t("Alle gemeenten"))] + [(x, x) for x in gemeenten]
    varianten = {ALLE: _per_gemeente(ctx, None)}
    for gemeente in gemeenten:
        varianten[gemeente] = _per_gemeente(ctx, gemeente)
    # with rounding nothing is left out: the note on rounding that precedes the first count says how
    beschermd = [] if ctx.drempels.afronden else [Tekst([t("Alle cijfers zijn beschermd: kleine groepen worden niet getoond.")])]
    return [
        *beschermd,
        Filter(t("Gemeente"), opties, varianten, t("Kies een gemeente om de cijfers per wijk te zien.")),
        erkenning.blok(ctx),
    ]


def _instroom(ctx: gm.Context) -> list:
    t = ctx.t
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
    return [
        fg.Figuur(
            ctx.figuur_id(),
            t("Instroom per jaar"),
            t("Aantal nieuwe trajecten per startjaar, per interventie."),
            fg.staaf(
                deel, kolom[0], [k for k in kolom[1:] if k != t("Totaal")], t("nieuwe trajecten"), gestapeld=True
            ),
            instroom,
        )
    ]


def _betrouwbaar(ctx: gm.Context) -> list:
    return [gm.rci_figuur(ctx, gm.rci_tabel(ctx)), *keerpunten_blokken(ctx)]


def _kosten_baten(ctx: gm.Context) -> list:
    samen, _, melding = gm.kosten_baten(ctx)
    blokken: list = []
    if samen is not None:
        blokken.append(gm.financiers_figuur(ctx, gm.financiers_tabel(ctx, samen)))
    if melding is not None:
        blokken.append(melding)
    return blokken


def _kern(ctx: gm.Context) -> list[str]:
    return bevindingen.alle(ctx, bevindingen.bereik, bevindingen.vergelijking, bevindingen.kosten_baten)


# ---------------------------------------------------------------------------------------------
# Difference-in-differences (modellen.vergelijking) and keerpunten (modellen.keerpunten)

def did_tabel(ctx: gm.Context) -> Tabel:
    t = ctx.t
    namen = gm.zrm_namen()
    df = ctx.resultaat("did").copy()
    df["domein"] = [
        t("Alle domeinen (gemiddelde)") if d == ALLE_DOMEINEN else t(namen.get(d, d)) for d in df["domein"]
    ]
    afgeleid = ["effect", "laag", "hoog"]
    waarden, masker = beschermd(df, ["n_i", "n_v"], afgeleid, df[["n_i", "n_v"]].min(axis=1), ctx.drempels)
    kop = {
        "domein": t("Domein"),
        "n_i": t("Cliënten interventiegroep"),
        "n_v": t("Cliënten vergelijkingsgroep"),
        "effect": t("Extra vooruitgang interventiegroep (punt)"),
        "laag": t("95%-interval, onder"),
        "hoog": t("95%-interval, boven"),
    }
    soorten = {kop["n_i"]: "aantal", kop["n_v"]: "aantal", **{kop[k]: "gemiddelde" for k in afgeleid}}
    return Tabel(
        t("Verschil-in-verschillen: extra vooruitgang in de interventiegroep"),
        waarden.rename(columns=kop),
        soorten,
        masker.rename(columns=kop),
        ctx.drempels,
        t(
            "(Na min voor in de interventiegroep) min (na min voor "
            "in de vergelijkingsgroep). 'Voor' is de meting bij de start, 'na' elke meting vanaf drie "
            "maanden later. Alleen cliënten met een meting voor én na. Interval: standaardfouten "
            "geclusterd per cliënt, omdat metingen van één persoon samenhangen."
        ),
    )


def did_figuur(ctx: gm.Context, tabel: Tabel) -> fg.Figuur:
    t = ctx.t
    k = tabel.waarden.columns
    effect, laag, hoog = tabel.numeriek(k[3]), tabel.numeriek(k[4]), tabel.numeriek(k[5])
    fig = fg.bos(
        tabel,
        k[3],
        k[4],
        k[5],
        t("extra vooruitgang in ZRM-punten, met 95%-interval"),
        t("extra vooruitgang"),
        320,
    )
    if effect[0] is None:
        zin = t("Te weinig cliënten in een van de groepen om de groepen te vergelijken.")
    else:
        zin = t(
            "Gemiddeld over alle domeinen ging de interventiegroep {v} punt meer vooruit dan de "
            "vergelijkingsgroep (95%-interval {a} tot {b}). Rechts van de nul: meer vooruitgang in "
            "de interventiegroep; raakt het interval de nul, dan kan het verschil toeval zijn.",
            v=ctx.opmaak.getal(effect[0], 2),
            a=ctx.opmaak.getal(laag[0], 2),
            b=ctx.opmaak.getal(hoog[0], 2),
        )
    return fg.Figuur(ctx.figuur_id(), t("Extra vooruitgang in de interventiegroep"), zin, fig, tabel)


def did_blokken(ctx: gm.Context) -> list:
    t = ctx.t
    tabel = did_tabel(ctx)
    return [
        Tekst(
            [
                t(
                    "Hoeveel meer ging de interventiegroep vooruit dan de vergelijkingsgroep? We "
                    "vergelijken de verandering in beide groepen (verschil-in-verschillen), zodat "
                    "vooruitgang die er ook zonder de interventie was geweest niet wordt meegeteld."
                )
            ]
        ),
        did_figuur(ctx, tabel),
        Tekst(
            [
                t(
                    "Wat dit niet zegt: de groepen zijn niet door loting ingedeeld. Dit is een "
                    "observationele vergelijking, geen gerandomiseerd experiment. Het klopt alleen als "
                    "beide groepen zonder interventie even snel zouden zijn veranderd (parallelle "
                    "trends). Verschillen in wie er in de groepen zit, of in wie gemeten blijft, "
                    "kunnen het verschil ook verklaren."
                )
            ]
        ),
    ]


def keerpunten_tabel(ctx: gm.Context, kp: pd.DataFrame) -> Tabel:
    t = ctx.t
    namen = gm.zrm_namen()
    omhoog, omlaag = t("Sprongen omhoog (verbetering)"), t("Sprongen omlaag (verslechtering)")
    aantallen = pd.crosstab(kp["domein"], kp["richting"]).reindex(
        index=[d for d in namen if d in set(kp["domein"])], columns=["omhoog", "omlaag"], fill_value=0
    )
    aantallen.columns = [omhoog, omlaag]
    aantallen.index = [t(namen.get(d, d)) for d in aantallen.index]
    tabel = uit_kruistabel(
        t("Keerpunten: betrouwbare sprongen tussen twee metingen, per domein (aantal)"),
        aantallen,
        t("Domein"),
        ctx.drempels,
        totaal_label=t("Totaal"),
    )
    tabel.toelichting = t(
        "Een sprong tussen twee opeenvolgende metingen van dezelfde "
        "cliënt is een keerpunt als hij groter is dan de meetfout (Jacobson–Truax, RCI > 1,96). Op de "
        "ZRM is omhoog een verbetering. Het aantal sprongen, niet het aantal cliënten: één cliënt kan "
        "meer keerpunten hebben."
    )
    return tabel


def keerpunten_blokken(ctx: gm.Context) -> list:
    t = ctx.t
    kp = ctx.resultaat("keerpunten")
    if kp is None:
        return [Melding(t("Te weinig metingen om keerpunten te bepalen."))]
    tabel = keerpunten_tabel(ctx, kp)
    k = tabel.waarden.columns
    zonder = tabel.waarden[k[0]] != t("Totaal")
    deel = Tabel(
        tabel.titel, tabel.waarden[zonder], dict(tabel.soorten), tabel.masker[zonder], tabel.drempels
    )
    fig = fg.staaf(deel, k[0], [k[1], k[2]], t("aantal sprongen"))
    fig.update_layout(xaxis_tickangle=-40)
    return [
        fg.Figuur(
            ctx.figuur_id(),
            t("Keerpunten per domein: omhoog en omlaag"),
            t(
                "Per domein hoe vaak een score tussen twee metingen betrouwbaar omhoog of omlaag "
                "sprong. Veel sprongen omlaag wijzen op terugval; in gesprek met de uitvoering kan "
                "worden uitgezocht wat er toen gebeurde. Dit zegt niet waardoor de sprongen kwamen."
            ),
            fig,
            tabel,
        )
    ]


SOORT = registreer(
    Rapportsoort(
        NAAM,
        N_("Dashboard sociaal werk voor beleid"),
        N_("Bereik, uitkomsten en kosten en baten per gemeente, wijk en interventie"),
        (
            Onderdeel(N_("Bereik en uitkomsten per gemeente"), _per_gemeente_filter, ("paren", "meetmomenten")),
            Onderdeel(N_("Ontwikkeling in de tijd"), _instroom),
            Onderdeel(N_("Vroegsignalering van betalingsachterstanden"), vs.blokken, ("vroegsignalering",)),
            Onderdeel(N_("Interventiegroep vergeleken met de vergelijkingsgroep"), did_blokken, ("did",)),
            Onderdeel(N_("Betrouwbare verandering"), _betrouwbaar, ("rci", "keerpunten")),
            Onderdeel(N_("Wie betaalt, wie heeft baat"), _kosten_baten, ("kostenbaten",)),
        ),
        kern=_kern,
    )
)
