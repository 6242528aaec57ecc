"""Client and professional side by side: the dialoog section on clients' own ZRM scores.

Where a client scored a ZRM domain themselves and a professional scored the same domain for
the same client within 30 days (:mod:`modellen.zelfbeoordeling`), the section shows per
domain how far apart they are and how well they agree, and turns the largest differences
into questions for the conversation. Counts of pairs below the threshold are not shown, nor
any figure over fewer pairs than the minimum denominator.
"""

from __future__ import annotations

import pandas as pd

from impact.opmaak import N_
from rapporten import figuren as fg
from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten.model import Melding, Tekst, Vragen
from rapporten.secties import Onderdeel
from rapporten.tabel import Tabel

GESPREKSVRAGEN = 3  # questions on the domains where client and professional differ most


def overeenstemming_tabel(ctx: gm.Context, res) -> Tabel:
    """Per ZRM domain: pairs, mean difference (client minus professional) with its 95%
    interval, weighted kappa and the share with exactly the same score, protected."""
    t = ctx.t
    s = res.summary()
    namen = gm.zrm_namen()
    df = pd.DataFrame({
        "domein": [t(namen.get(d, d)) for d in s["domein"]],
        "n": s["n_paren"].astype(float),
        "verschil": s["gem_verschil"],
        "laag": s["ci_laag"],
        "hoog": s["ci_hoog"],
        "kappa": s["kappa"],
        "gelijk": s["aandeel_gelijk"],
    })
    afgeleid = ["verschil", "laag", "hoog", "kappa", "gelijk"]
    waarden, masker = ot.per_groep(df, "n", afgeleid, ctx.drempels)
    # the share with the same score, with the number of pairs shown, gives the number of
    # pairs that agree (and that do not): hidden when one of those is small
    gelijk = (df["gelijk"] * df["n"]).round()
    verbergen = (df["n"] < ctx.drempels.min_noemer) | ot.onderdrukt(gelijk, ctx.drempels) | ot.onderdrukt(
        df["n"] - gelijk, ctx.drempels
    )
    waarden["gelijk"] = ot.aandeel(gelijk, df["n"], ctx.drempels, df["gelijk"]).where(~verbergen)
    masker["gelijk"] = ot.reden(df["n"], verbergen, ctx.drempels)
    kop = {
        "domein": t("Domein"),
        "n": t("Aantal paren"),
        "verschil": t("Gemiddeld verschil (cliënt min professional)"),
        "laag": t("95%-interval, onder"),
        "hoog": t("95%-interval, boven"),
        "kappa": t("Overeenstemming (gewogen kappa)"),
        "gelijk": t("Aandeel precies dezelfde score"),
    }
    soorten = {kop["n"]: "aantal", **{kop[k]: "gemiddelde" for k in ("verschil", "laag", "hoog", "kappa")},
               kop["gelijk"]: "procent"}
    return Tabel(
        t("Cliënt en professional naast elkaar, per ZRM-domein"),
        waarden.rename(columns=kop),
        soorten,
        masker.rename(columns=kop),
        ctx.drempels,
        t(
            "Een paar is een score die een cliënt zichzelf gaf en de score van de professional op "
            "hetzelfde domein, hoogstens {d} dagen ervan af. Een positief verschil: de cliënt ziet "
            "zichzelf als zelfredzamer dan de professional. Overeenstemming: 1 is volledig eens, 0 "
            "niet meer dan toeval; een verschil van twee niveaus telt zwaarder dan een van één. "
            "Het interval houdt er rekening mee dat een cliënt meer dan één paar kan hebben.",
            d=res.venster_dagen,
        ),
    )


def overeenstemming_figuur(ctx: gm.Context, tabel: Tabel) -> fg.Figuur:
    t = ctx.t
    k = tabel.waarden.columns
    fig = fg.bos(tabel, k[2], k[3], k[4], t("gemiddeld verschil in ZRM-niveaus (cliënt min professional)"),
                 t("gemiddeld verschil"), 520)
    zichtbaar = tabel.waarden[[k[0], k[2]]].dropna()
    if zichtbaar.empty:
        zin = t("Te weinig paren om verschillen te tonen.")
    else:
        hoog = zichtbaar.sort_values(k[2]).iloc[-1]
        zin = t(
            "Per domein het gemiddelde verschil met 95%-interval; rechts van de nul schatten cliënten "
            "zichzelf hoger in dan hun professional. Het verschil is het grootst op {d} ({v} niveau).",
            d=hoog[k[0]],
            v=ctx.opmaak.getal(hoog[k[2]], 2),  # as the table and the questions show it
        )
    return fg.Figuur(ctx.figuur_id(), t("Cliënt en professional: verschil per domein"), zin, fig, tabel)


FEIT_HOGER = N_("Cliënten scoren {d} gemiddeld {v} hoger dan hun professional:")
FEIT_LAGER = N_("Cliënten scoren {d} gemiddeld {v} lager dan hun professional:")
VERVOLG_HOGER = (  # a different follow-up for each domain where clients score higher
    N_("wat ziet de cliënt dat de professional mist, en wat ziet de professional dat de cliënt (nog) anders ervaart?"),
    N_("bespreken cliënt en professional samen waar dat verschil vandaan komt?"),
    N_("wat zou de cliënt de professional hierover willen vertellen?"),
)
VERVOLG_LAGER = (
    N_("waar maken cliënten zich zorgen over die in het gesprek nog niet op tafel kwamen?"),
    N_("wat heeft de cliënt nodig om zich hier sterker te voelen?"),
    N_("hoe komen de zorgen van de cliënt hier terug in het plan?"),
)


def gespreksvragen(ctx: gm.Context, res, tabel: Tabel) -> list[str]:
    """Questions on the domains where client and professional differ most (the model's
    ranking), quoting the shown, protected mean differences only."""
    t = ctx.t
    k = tabel.waarden.columns
    namen = gm.zrm_namen()
    getoond = tabel.waarden.set_index(k[0])[k[2]].dropna()
    vragen = []
    gesteld = {True: 0, False: 0}  # questions asked so far with clients higher / lower
    for domein in res.grootste_verschillen(GESPREKSVRAGEN, ctx.drempels.min_noemer)["domein"]:
        naam = t(namen.get(domein, domein))
        if naam not in getoond.index or round(abs(float(getoond[naam])), 1) == 0:
            continue
        verschil = float(getoond[naam])
        waarde = ctx.opmaak.getal(abs(verschil), 2)  # as the table shows it
        hoger = verschil > 0
        feit = t(FEIT_HOGER if hoger else FEIT_LAGER, d=naam, v=waarde)
        vervolg = VERVOLG_HOGER if hoger else VERVOLG_LAGER
        vragen.append(f"{feit} {t(vervolg[gesteld[hoger] % len(vervolg)])}")
        gesteld[hoger] += 1
    if vragen:
        vragen.append(t(
            "Wie bepaalt welke score in het dossier komt als cliënt en professional verschillen, en "
            "bespreekt u dat verschil met de cliënt?"
        ))
    return vragen


def blokken(ctx: gm.Context) -> list:
    t = ctx.t
    res = ctx.resultaat("zelfbeoordeling")
    if res is None:
        return [Melding(
            t("In deze gegevens hebben cliënten de ZRM niet zelf ingevuld; daarom staan hier geen "
              "scores van cliënt en professional naast elkaar."),
            "info",
        )]
    tabel = overeenstemming_tabel(ctx, res)
    inleiding = Tekst([
        t(
            "Een deel van de cliënten vulde de Zelfredzaamheid-Matrix ook zelf in, zoals met MijnZRM. "
            "Hier staan hun scores naast die van hun professional, op hetzelfde moment."
        ),
        t(
            "Uit onderzoek is bekend dat cliënten en professionals het op het ene domein veel beter eens "
            "zijn dan op het andere: bij concrete zaken zoals huisvesting meestal wel, bij zaken die om "
            "een eigen oordeel vragen, zoals geestelijke gezondheid of het sociale netwerk, minder vaak. "
            "Een verschil is geen fout van een van beiden, maar een goed begin van een gesprek."
        ),
    ])
    uit: list = [inleiding, overeenstemming_figuur(ctx, tabel)]  # the figure carries its table
    vragen = gespreksvragen(ctx, res, tabel)
    if vragen:
        uit.append(Vragen(vragen))
    return uit


ONDERDEEL = Onderdeel(N_("Cliënt en professional naast elkaar"), blokken, ("zelfbeoordeling",))
