"""Vroegsignalering in the beleid report: from signal of a payment arrear to solved arrear.

The numbers come from :mod:`modellen.vroegsignalering`; every count of signals and clients
shown here is a cell of the publication's protected funnel lattice
(:func:`rapporten.kubus.bouw_trechter`), and a share, median or mean is shown only where the
counts it is computed over are shown and large enough.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from impact.opmaak import N_
from modellen.vroegsignalering import CONVERSIES, TRECHTER
from rapporten import figuren as fg
from rapporten import gemeenschappelijk as gm
from rapporten import kubus
from rapporten import onthulling as ot
from rapporten.model import Melding, Tekst
from rapporten.tabel import Tabel

STAPPEN = {
    "signalen": N_("Signalen"),
    "contact_gelegd": N_("Contact gelegd"),
    "hulp_geaccepteerd": N_("Hulp geaccepteerd"),
    "achterstand_opgelost": N_("Achterstand opgelost"),
}
OMREKENING = {
    "bereik": N_("Bereik (contact per signaal)"),
    "hulpacceptatie": N_("Hulpacceptatie (per contact)"),
    "oplossing": N_("Opgelost (per geaccepteerde hulp)"),
}
# one fixed colour per step in every chart, none of them a study group's colour
KLEUREN = dict(zip(STAPPEN, (fg.OKABE_ITO[5], fg.OKABE_ITO[2], fg.OKABE_ITO[4], fg.OKABE_ITO[3]), strict=True))
SOORT = "achterstand"  # the kind of arrear a signal is about (impact.contract.VROEGSIGNALEN)
ACHTERSTANDEN = {
    "huur": N_("Huur"),
    "energie": N_("Energie"),
    "water": N_("Water"),
    "zorgverzekering": N_("Zorgverzekering"),
}
VERVOLG_HULP, VERVOLG_GEEN = ("vervolg", "hulp_geaccepteerd"), ("vervolg", "geen_hulp")


def trechter_kubus(ctx: gm.Context, res) -> kubus.Kubus:
    """The publication's protected funnel counts, made once per run and threshold."""
    sleutel = ("trechter", ctx.drempels)
    cache = ctx.gegevens.resultaten
    if sleutel not in cache:
        n = res.zrm_vervolg().set_index("hulp_geaccepteerd")["n"]
        losse = {VERVOLG_HULP: int(n[True]), VERVOLG_GEEN: int(n[False])}
        cache[sleutel] = kubus.bouw_trechter(res.signalen, TRECHTER, ctx.drempels, losse, soort=SOORT)
    return cache[sleutel]


def _kleuren(ctx: gm.Context) -> dict[str, str]:
    return {ctx.t(label): KLEUREN[stap] for stap, label in STAPPEN.items()}


def _afgeleid(waarde: float, noemer: float, teller_zichtbaar: bool, noemer_zichtbaar: bool,
              drempels: ot.Drempels) -> tuple[float, int]:
    """A share or median over ``noemer`` signals (the true number): shown only over shown counts
    of at least ``min_noemer``; '×' when a count it rests on is hidden."""
    if not (teller_zichtbaar and noemer_zichtbaar):
        return np.nan, ot.SECUNDAIR
    if noemer < drempels.min_noemer:
        return np.nan, ot.NOEMER
    return float(waarde), ot.ZICHTBAAR


def trechter_tabel(ctx: gm.Context, res, k: kubus.Kubus, per: str = "gemeente") -> Tabel:
    """Per gemeente (or per kind of arrear, ``per="achterstand"``) and in total: signals at each
    step, the conversion between steps and the median days from signal to first contact."""
    t = ctx.t
    totaal = t("Totaal")
    if per == "gemeente":
        rijen = [(g, (g,), ()) for g in sorted(res.signalen["gemeente"].dropna().unique())]
        kop = t("Gemeente")
    else:
        rijen = [(t(ACHTERSTANDEN.get(x, x)), kubus.ALLES, (SOORT, x))
                 for x in ACHTERSTANDEN if x in set(res.signalen[SOORT])]
        kop = t("Soort achterstand")
    rijen.append((totaal, kubus.ALLES, ()))
    stap_kop = {s: t(label) for s, label in STAPPEN.items()}
    waarden = pd.DataFrame(index=[r for r, _, _ in rijen], columns=list(stap_kop.values()), dtype=float)
    masker = pd.DataFrame(ot.ZICHTBAAR, index=waarden.index, columns=waarden.columns)
    for label, geo, deel in rijen:
        for s in TRECHTER:
            waarden.at[label, stap_kop[s]], masker.at[label, stap_kop[s]] = k.cel(geo, (kubus.TRECHTER, s, *deel))
    model = res.trechter((per,)).set_index(per)
    model.index = [t(ACHTERSTANDEN.get(x, x)) if per == SOORT else x for x in model.index]
    model.loc[totaal] = res.trechter(()).iloc[0]
    dagen = t("Mediaan dagen tot eerste contact")
    for vorige, stap in zip(TRECHTER, TRECHTER[1:], strict=False):
        kolom = t(OMREKENING[CONVERSIES[stap]])
        waarden[kolom], masker[kolom] = np.nan, ot.ZICHTBAAR
        for label, _, _ in rijen:
            waarden.at[label, kolom], masker.at[label, kolom] = _afgeleid(
                ot.aandeel(model.at[label, stap], model.at[label, vorige], ctx.drempels, model.at[label, CONVERSIES[stap]]),
                model.at[label, vorige],
                masker.at[label, stap_kop[stap]] == ot.ZICHTBAAR, masker.at[label, stap_kop[vorige]] == ot.ZICHTBAAR,
                ctx.drempels,
            )
    waarden[dagen], masker[dagen] = np.nan, ot.ZICHTBAAR
    contact = stap_kop["contact_gelegd"]
    for label, _, _ in rijen:
        zichtbaar = masker.at[label, contact] == ot.ZICHTBAAR
        waarden.at[label, dagen], masker.at[label, dagen] = _afgeleid(
            model.at[label, "mediaan_dagen_tot_contact"], model.at[label, "contact_gelegd"], zichtbaar, zichtbaar,
            ctx.drempels,
        )
    waarden, masker = waarden.rename_axis(kop).reset_index(), masker.rename_axis(kop).reset_index()
    masker[kop] = ot.ZICHTBAAR
    soorten = {**{stap_kop[s]: "aantal" for s in TRECHTER}, **{t(v): "procent" for v in OMREKENING.values()},
               dagen: "dagen"}
    titel = (t("Vroegsignalering per gemeente: van signaal tot opgeloste achterstand") if per == "gemeente"
             else t("Vroegsignalering per soort achterstand: van signaal tot opgeloste achterstand"))
    return Tabel(
        titel,
        waarden,
        soorten,
        masker,
        ctx.drempels,
        t(
            "Aantallen signalen, niet huishoudens: één huishouden kan meer signalen hebben. Bereik: "
            "signalen met contact als deel van alle signalen. Hulpacceptatie: signalen waarbij de hulp "
            "is geaccepteerd als deel van de signalen met contact. Opgelost: achterstanden die na "
            "geaccepteerde hulp zijn opgelost, als deel van de signalen met geaccepteerde hulp."
        ),
    )


def trechter_figuur(ctx: gm.Context, tabel: Tabel) -> fg.Figuur:
    t = ctx.t
    k = tabel.waarden.columns
    stappen = list(k[1:5])
    per_gemeente = tabel.waarden[k[0]] != t("Totaal")
    deel = Tabel(tabel.titel, tabel.waarden[per_gemeente], dict(tabel.soorten), tabel.masker[per_gemeente],
                 tabel.drempels)
    fig = fg.staaf(deel, k[0], stappen, t("aantal signalen"), vast=_kleuren(ctx))
    rij = tabel.waarden.index[~per_gemeente][0]
    getoond = {s: tabel.waarden.at[rij, s] for s in stappen if tabel.masker.at[rij, s] == ot.ZICHTBAAR}
    if stappen[0] in getoond:
        zin = t("Van de {n} signalen in het gebied", n=ctx.opmaak.getal(getoond[stappen[0]]))
        delen = [
            t("leidden er {n} tot contact", n=ctx.opmaak.getal(getoond[stappen[1]])) if stappen[1] in getoond else "",
            t("werd bij {n} de hulp geaccepteerd", n=ctx.opmaak.getal(getoond[stappen[2]]))
            if stappen[2] in getoond else "",
            t("was bij {n} de achterstand daarna opgelost", n=ctx.opmaak.getal(getoond[stappen[3]]))
            if stappen[3] in getoond else "",
        ]
        delen = [d for d in delen if d]
        zin += " " + (", ".join(delen[:-1]) + " " + t("en") + " " + delen[-1] if len(delen) > 1 else "".join(delen))
        zin += "."
    else:
        zin = t("Te weinig signalen om de stappen te tonen.")
    if tabel.heeft_onderdrukking:
        zin += " " + t("Kleine aantallen zijn niet getekend.")
    return fg.Figuur(ctx.figuur_id(), t("Van signaal tot opgeloste achterstand, per gemeente"), zin, fig, tabel)


def verloop_tabel(ctx: gm.Context, res, k: kubus.Kubus) -> Tabel:
    """Signals at each step per period, for the whole region (long format for a line chart)."""
    t = ctx.t
    perioden = sorted(res.signalen["periode"].dropna().unique())
    kop = {"periode": t("Maand") if res.periode == "maand" else t("Kwartaal"), "stap": t("Stap"),
           "n": t("Aantal signalen")}
    rijen, maskers = [], []
    for periode in perioden:
        for stap in TRECHTER:
            waarde, reden = k.cel(kubus.ALLES, (kubus.TRECHTER, stap, periode))
            rijen.append({kop["periode"]: periode, kop["stap"]: t(STAPPEN[stap]), kop["n"]: waarde})
            maskers.append({kop["periode"]: ot.ZICHTBAAR, kop["stap"]: ot.ZICHTBAAR, kop["n"]: reden})
    titel = (t("Vroegsignalering per maand: signalen per stap") if res.periode == "maand"
             else t("Vroegsignalering per kwartaal: signalen per stap"))
    return Tabel(titel, pd.DataFrame(rijen), {kop["n"]: "aantal"}, pd.DataFrame(maskers), ctx.drempels)


def verloop_figuur(ctx: gm.Context, res, tabel: Tabel) -> fg.Figuur:
    t = ctx.t
    k = tabel.waarden.columns
    fig = fg.lijnen(tabel, k[0], k[2], k[1], t("aantal signalen"), k[0].lower(), vast=_kleuren(ctx))
    zin = (t("Het aantal signalen en wat ermee gebeurde, per maand waarin het signaal binnenkwam.")
           if res.periode == "maand" else
           t("Het aantal signalen en wat ermee gebeurde, per kwartaal waarin het signaal binnenkwam; per maand "
             "zijn er te weinig signalen om te tonen."))
    if tabel.heeft_onderdrukking:
        zin += " " + t("Kleine aantallen zijn niet getekend.")
    return fg.Figuur(ctx.figuur_id(), t("Vroegsignalering in de tijd"), zin, fig, tabel)


def contact_zin(ctx: gm.Context, tabel: Tabel) -> str:
    """The median days to first contact in the region, when it may be shown."""
    t = ctx.t
    dagen = t("Mediaan dagen tot eerste contact")
    rij = tabel.waarden.index[tabel.waarden[tabel.waarden.columns[0]] == t("Totaal")][0]
    if tabel.masker.at[rij, dagen] != ot.ZICHTBAAR:
        return t("Te weinig signalen met contact om te zeggen hoe snel er contact was.")
    d = tabel.waarden.at[rij, dagen]
    return t(
        "Van signaal tot eerste contact met het huishouden duurde het in de helft van de gevallen "
        "{d} dagen of korter (mediaan).",
        d=ctx.opmaak.getal(d, 0 if float(d).is_integer() else 1),
    )


def zrm_zin(ctx: gm.Context, res, k: kubus.Kubus) -> str:
    """ZRM financiën after the signal: help accepted or not, described, never called an effect."""
    t = ctx.t
    v = res.zrm_vervolg().set_index("hulp_geaccepteerd")
    n_hulp, r_hulp = k.cel(kubus.ALLES, VERVOLG_HULP)
    n_geen, r_geen = k.cel(kubus.ALLES, VERVOLG_GEEN)
    # a mean over at least min_noemer people: the true number, not the rounded one shown
    genoeg = all(r == ot.ZICHTBAAR and v.at[hulp, "n"] >= ctx.drempels.min_noemer
                 for hulp, r in ((True, r_hulp), (False, r_geen)))
    if not genoeg:
        return t(
            "Te weinig cliënten met een ZRM-score financiën van vóór het signaal en van minstens drie "
            "maanden later om wie hulp accepteerde te vergelijken met wie dat niet deed (minstens {m} per groep).",
            m=ctx.drempels.min_noemer,
        )
    return t(
        "ZRM financiën daarna: bij de {n1} cliënten die hulp accepteerden veranderde de score van de "
        "laatste meting vóór het signaal tot de eerste meting minstens drie maanden later gemiddeld met "
        "{v1} punt; bij de {n2} cliënten die geen hulp accepteerden met {v2} punt (een positief getal is "
        "vooruitgang; per cliënt het eerste signaal). Dit is een beschrijvende "
        "vergelijking, geen effect van de hulp: wie hulp accepteert, verschilt ook op andere punten van "
        "wie dat niet doet.",
        n1=ctx.opmaak.getal(n_hulp),
        v1=ctx.opmaak.getal(v.at[True, "gem_verandering"], 2),
        n2=ctx.opmaak.getal(n_geen),
        v2=ctx.opmaak.getal(v.at[False, "gem_verandering"], 2),
    )


def blokken(ctx: gm.Context) -> list:
    t = ctx.t
    res = ctx.resultaat("vroegsignalering")
    if res is None:
        return [Melding(t("Er zijn geen signalen van betalingsachterstanden in de gegevens."), "info")]
    try:
        k = trechter_kubus(ctx, res)
    except kubus.NietTeBeschermen:
        return [Melding(t(
            "Er zijn te weinig signalen om de stappen per gemeente te tonen zonder dat een klein "
            "aantal huishoudens uit de andere cijfers terug te rekenen is; dit onderdeel blijft leeg."
        ))]
    tabel = trechter_tabel(ctx, res, k)
    return [
        Tekst([
            t(
                "Woningcorporaties, energieleveranciers, drinkwaterbedrijven en zorgverzekeraars melden "
                "een betalingsachterstand aan de gemeente: een signaal. We volgen elk signaal zoals de "
                "Divosa Monitor Vroegsignalering Schulden: is er contact gelegd met het huishouden "
                "(bereik), is het hulpaanbod geaccepteerd (hulpacceptatie), en, een stap verder, is de "
                "achterstand daarna opgelost?"
            )
        ]),
        trechter_figuur(ctx, tabel),
        tabel,
        Tekst([contact_zin(ctx, tabel), zrm_zin(ctx, res, k)]),
        verloop_figuur(ctx, res, verloop_tabel(ctx, res, k)),
        trechter_tabel(ctx, res, k, SOORT),
    ]
