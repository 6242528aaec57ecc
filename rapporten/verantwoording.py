"""Verantwoording for funders: outcomes, effect sizes with uncertainty, attrition, costs and
benefits, and the method and its limitations written out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.opmaak import N_
from rapporten import bevindingen, erkenning, keerpuntverhalen, programma
from rapporten import figuren as fg
from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten.model import Melding, Sectie, Tekst
from rapporten.resultaten import HOOFDPERSPECTIEF, InstrumentUitkomst, Perspectief
from rapporten.secties import Onderdeel, Rapportsoort, registreer
from rapporten.tabel import Tabel, uit_kruistabel

NAAM = "verantwoording"


def _uitkomsten(ctx: gm.Context) -> list:
    t = ctx.t
    per_domein = gm.verandering_tabel(ctx, "domein")
    return [
        Tekst(
            [
                t(
                    "Verandering op de Zelfredzaamheid-Matrix van de startmeting tot de laatste "
                    "meting, voor {n} cliënten met minstens twee metingen.",
                    n=ctx.aantal(gm.eerste_en_laatste(ctx)["client_id"].nunique()),
                )
            ]
        ),
        gm.verandering_figuur(ctx, per_domein, t("Start en laatste meting per domein")),
        gm.verandering_tabel(ctx, "interventie"),
        erkenning.blok(ctx),
    ]


def _effecten(ctx: gm.Context) -> list:
    return [gm.effect_figuur(ctx, gm.effect_tabel(ctx)), gm.rci_figuur(ctx, gm.rci_tabel(ctx))]


# Who scored, as a reader says it (the data contract's sources).
BRON_LABELS = {
    "professional": N_("gescoord door professionals"),
    "client": N_("gescoord door cliënten zelf"),
}


def perspectief_titel(ctx: gm.Context, p: Perspectief) -> str:
    """'Positieve Gezondheid, gescoord door cliënten zelf'."""
    wie = ctx.t(BRON_LABELS[p.bron]) if p.bron in BRON_LABELS else ctx.t("gescoord door: {b}", b=p.bron)
    return f"{ctx.t(p.instrument.naam)}, {wie}"


def instrument_tabel(ctx: gm.Context, uitkomst: InstrumentUitkomst) -> Tabel:
    """Per domain of one instrument: start, last measurement, mean change with 95% CI and the
    shares reliably better and worse, protected. The shares are hidden together when one of
    the three groups (better, unchanged, worse) is small: with the number of clients shown,
    any two shares would give the third group away."""
    t = ctx.t
    instrument = uitkomst.perspectief.instrument
    v = uitkomst.verandering.summary()
    v = v[v["horizon"] == "laatste"].set_index("domein")
    volgorde = [d.code for d in instrument.domeinen if d.code in v.index]
    v = v.reindex(volgorde + [d for d in v.index if d not in volgorde])  # the instrument's order
    r = uitkomst.rci.summary().set_index("domein").reindex(v.index)
    beter = (r["hersteld"] + r["verbeterd"]).astype(float)
    slechter, gelijk = r["verslechterd"].astype(float), r["onveranderd"].astype(float)
    namen = {d.code: d.naam for d in instrument.domeinen}
    df = pd.DataFrame({
        "domein": [t(namen.get(d, d)) for d in v.index],
        "n": v["n"].to_numpy(float),
        "begin": v["gem_voor"].to_numpy(float),
        "eind": v["gem_na"].to_numpy(float),
        "verschil": v["gem_verandering"].to_numpy(float),
        "laag": v["ci_laag"].to_numpy(float),
        "hoog": v["ci_hoog"].to_numpy(float),
        "beter": ot.aandeel(beter, r["n"], ctx.drempels).to_numpy(float),
        "slechter": ot.aandeel(slechter, r["n"], ctx.drempels).to_numpy(float),
    })
    df = df[df["n"] > 0].reset_index(drop=True)
    keep = v["n"].to_numpy(float) > 0
    waarden, masker = ot.per_groep(df, "n", ["begin", "eind", "verschil", "laag", "hoog"], ctx.drempels)
    klein = pd.Series(
        (ot.onderdrukt(beter, ctx.drempels) | ot.onderdrukt(slechter, ctx.drempels)
         | ot.onderdrukt(gelijk, ctx.drempels))
        .to_numpy()[keep]
    )
    for kolom in ("beter", "slechter"):
        verbergen = (df["n"] < ctx.drempels.min_noemer) | klein
        waarden[kolom] = df[kolom].where(~verbergen)
        masker[kolom] = ot.reden(df["n"], verbergen, ctx.drempels)
    kop = {
        "domein": t("Domein"),
        "n": t("Aantal cliënten"),
        "begin": t("Gemiddeld bij start"),
        "eind": t("Gemiddeld bij laatste meting"),
        "verschil": t("Gemiddelde verandering"),
        "laag": t("95%-interval, onder"),
        "hoog": t("95%-interval, boven"),
        "beter": t("Aandeel betrouwbaar vooruit"),
        "slechter": t("Aandeel betrouwbaar achteruit"),
    }
    soorten = {kop["n"]: "aantal", **{kop[k]: "gemiddelde" for k in ("begin", "eind", "verschil", "laag", "hoog")},
               kop["beter"]: "procent", kop["slechter"]: "procent"}
    return Tabel(
        t("{i}: verandering per domein van start tot laatste meting", i=perspectief_titel(ctx, uitkomst.perspectief)),
        waarden.rename(columns=kop),
        soorten,
        masker.rename(columns=kop),
        ctx.drempels,
        t(
            "Cliënten met een startmeting en een meting minstens drie maanden later; t-interval rond de "
            "gemiddelde verandering. Betrouwbaar vooruit of achteruit: een verandering groter dan de "
            "meetfout van het instrument. Beschrijvend: zonder vergelijking zegt dit niets over oorzaak "
            "en gevolg."
        ),
    )


def _instrument_uitleg(ctx: gm.Context, uitkomst: InstrumentUitkomst) -> Tekst:
    t, o = ctx.t, ctx.opmaak
    p = uitkomst.perspectief
    i = p.instrument
    richting = t("een hogere score is beter") if i.hoger_is_beter else t("een lagere score is beter")
    zinnen = [
        t(
            "Schaal {laag} tot en met {hoog}; {richting}.",
            laag=o.getal(i.schaal_min),
            hoog=o.getal(i.schaal_max),
            richting=richting,
        )
    ]
    params = uitkomst.rci.parameters
    if i.betrouwbaarheid is None and not any(d.betrouwbaarheid is not None for d in i.domeinen):
        zinnen.append(
            t(
                "Voor dit instrument is geen gepubliceerde betrouwbaarheid bekend. Om te bepalen wat "
                "een betrouwbare verandering is, is daarom {b} aangenomen, een gangbare ondergrens.",
                b=o.getal(float(params["betrouwbaarheid"].iloc[0]), 2),
            )
        )
    else:
        zinnen.append(
            t(
                "Wat een betrouwbare verandering is, volgt uit de betrouwbaarheid van het instrument "
                "({b}; bron: {bron}).",
                b=o.getal(float(params["betrouwbaarheid"].iloc[0]), 2),
                bron=str(params["bron_betrouwbaarheid"].iloc[0]).rstrip("."),
            )
        )
    if p.bron == "client":
        zinnen.append(
            t(
                "Cliënten gaven deze scores zelf. Ze vertellen hoe mensen hun eigen situatie zien; "
                "dat is iets anders dan het oordeel van een professional, en niet minder waard."
            )
        )
    return Tekst(zinnen)


def instrument_figuur(ctx: gm.Context, uitkomst: InstrumentUitkomst, tabel: Tabel) -> fg.Figuur:
    t = ctx.t
    i = uitkomst.perspectief.instrument
    k = tabel.waarden.columns
    fig = fg.staaf(tabel, k[0], [k[2], k[3]], as_titel=t("gemiddelde score"))
    fig.update_yaxes(range=[i.schaal_min, i.schaal_max])
    fig.update_layout(xaxis_tickangle=-40)
    zichtbaar = tabel.waarden[[k[0], k[4]]].dropna()
    if zichtbaar.empty:
        zin = t("Te weinig cliënten om gemiddelden te tonen.")
    else:
        teken = 1.0 if i.hoger_is_beter else -1.0
        volgorde = (zichtbaar[k[4]] * teken).sort_values()
        beste, minste = zichtbaar.loc[volgorde.index[-1]], zichtbaar.loc[volgorde.index[0]]
        zin = t(
            "Gemiddelde score bij de start en bij de laatste meting. De grootste vooruitgang is er op "
            "{a} ({v} punt), de kleinste op {b} ({w} punt).",
            a=beste[k[0]],
            v=ctx.opmaak.getal(beste[k[4]], 2),
            b=minste[k[0]],
            w=ctx.opmaak.getal(minste[k[4]], 2),
        )
    return fg.Figuur(ctx.figuur_id(), perspectief_titel(ctx, uitkomst.perspectief), zin, fig, tabel)


def instrument_secties(ctx: gm.Context) -> list[Sectie]:
    """One section per instrument and source present in the data."""
    t = ctx.t
    uitkomsten = ctx.resultaat("per_instrument")
    if not uitkomsten:
        return [Sectie(t("Uitkomsten per instrument"), [Melding(t("Geen metingen om verandering te beschrijven."))])]
    subsecties = []
    for uitkomst in uitkomsten.values():
        blokken = [_instrument_uitleg(ctx, uitkomst)]
        if uitkomst.perspectief.sleutel == HOOFDPERSPECTIEF:  # the sections above show it already
            blokken.append(Tekst([t("De uitkomsten staan hierboven, bij Uitkomsten en Effectgroottes en onzekerheid.")]))
        else:  # the figure carries its table ('Gegevens bij deze figuur')
            blokken.append(instrument_figuur(ctx, uitkomst, instrument_tabel(ctx, uitkomst)))
        subsecties.append(Sectie(perspectief_titel(ctx, uitkomst.perspectief), blokken))
    inleiding = Tekst([
        t(
            "Elk instrument en elke manier van scoren apart: wat professionals zien en wat cliënten "
            "zelf ervaren, worden niet bij elkaar opgeteld."
        )
    ])
    return [Sectie(t("Uitkomsten per instrument"), [inleiding], subsecties)]


def _uitval(ctx: gm.Context) -> list:
    return [gm.uitval_tabel(ctx), *uitval_blokken(ctx)]


def _kosten_baten(ctx: gm.Context) -> list:
    samen, _, melding = gm.kosten_baten(ctx)
    kb: list = []
    if samen is not None:
        kb.append(gm.financiers_figuur(ctx, gm.financiers_tabel(ctx, samen)))
        zin = bevindingen.kosten_baten(ctx)  # the same sentence as in 'In het kort'
        if zin:
            kb.append(Tekst([zin]))
    if melding is not None:
        kb.append(melding)
    return kb


def _kern(ctx: gm.Context) -> list[str]:
    return bevindingen.alle(ctx, bevindingen.bereik, bevindingen.verandering, bevindingen.vergelijking, bevindingen.uitval, bevindingen.kosten_baten)


def groei_sectie(ctx: gm.Context) -> list:
    t = ctx.t
    fits = ctx.resultaat("groei")
    if not fits:
        return [
            Melding(t("Te weinig gegevens in de interventie- of vergelijkingsgroep voor een groeimodel."))
        ]
    momenten = _horizon(fits)
    blokken: list = [
        Tekst(
            [
                t(
                    "Een groeimodel volgt elke cliënt over alle metingen en schat het gemiddelde verloop "
                    "per groep: waar de groep begint en hoe snel de score stijgt. Zo tellen ook cliënten "
                    "mee die later niet meer gemeten zijn."
                )
            ]
        )
    ]
    blokken += [verloop_model_figuur(ctx, d, res, n, momenten) for d, (res, n) in fits.items()]
    blokken.append(groei_tabel(ctx, fits))
    blokken.append(
        Tekst(
            [
                t(
                    "Wat dit niet zegt: de interventie- en vergelijkingsgroep zijn niet door loting "
                    "ingedeeld. Dit is een observationele vergelijking, geen gerandomiseerd experiment; "
                    "de extra groei is daarom geen bewezen effect van de interventie. Het interval gaat "
                    "over het gemiddelde van de groep, niet over één cliënt, en het model neemt een "
                    "rechte lijn in de tijd aan."
                )
            ]
        )
    )
    return blokken


def duurzaamheid_sectie(ctx: gm.Context) -> list:
    t = ctx.t
    fits = ctx.resultaat("duurzaamheid")
    if not fits:
        return [
            Melding(t("Te weinig cliënten met metingen na uitstroom om iets te zeggen over blijvende winst."))
        ]
    samenvatting = duurzaamheid_tabel(ctx, fits)
    horizon = duurzaamheid_horizon_tabel(ctx, fits)
    return [
        duurzaamheid_figuur(ctx, fits, horizon, samenvatting),
        samenvatting,
        Tekst(
            [
                t(
                    "Wat dit niet zegt: na uitstroom worden alleen sommige cliënten nog gemeten, en zij "
                    "lijken misschien niet op wie niet meer in beeld is. Er is na uitstroom geen "
                    "vergelijkingsgroep, dus dit zegt niet hoe het zonder traject was gegaan. De afname "
                    "per jaar is een rechte-lijnbenadering over de eerste jaren."
                )
            ]
        ),
    ]


# ---------------------------------------------------------------------------------------------
# Longitudinal models (modellen.groei, modellen.duurzaamheid, modellen.uitval)

MOMENTEN = (0, 6, 12, 18, 24)


def beschermd(
    df: pd.DataFrame, aantallen: list[str], afgeleid: list[str], n_min: pd.Series, drempels: ot.Drempels
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hide small counts ('< 5', or round them) and every model estimate whose smallest group has
    fewer than ``min_noemer`` people ('n < 10')."""
    df = df.reset_index(drop=True)
    n_min = pd.Series(np.asarray(n_min, dtype=float))
    masker = pd.DataFrame(ot.ZICHTBAAR, index=df.index, columns=df.columns)
    for k in aantallen:
        masker.loc[ot.onderdrukt(df[k].astype(float), drempels), k] = ot.PRIMAIR
    te_weinig = n_min < drempels.min_noemer
    for k in afgeleid:
        masker.loc[te_weinig, k] = ot.NOEMER
    waarden = df.copy()
    for k in [*aantallen, *afgeleid]:
        waarden[k] = waarden[k].astype(float).where(masker[k] == ot.ZICHTBAAR)
    return waarden, masker


def _domeinnaam(ctx: gm.Context, domein: str) -> str:
    return ctx.t(gm.zrm_namen().get(domein, domein))


def _term(ctx: gm.Context, term: str) -> str:
    t = ctx.t
    return {
        "Intercept": t("Startniveau vergelijkingsgroep"),
        "maanden": t("Groei per jaar, vergelijkingsgroep"),
        "groep[T.interventie]": t("Verschil bij de start (interventie min vergelijking)"),
        "groep[T.interventie]:maanden": t("Extra groei per jaar in de interventiegroep"),
    }.get(term, term)


def groei_tabel(ctx: gm.Context, fits: dict) -> Tabel:
    """Fixed effects with 95% CI per key domain, protected."""
    t = ctx.t
    rijen = []
    for domein, (res, n) in fits.items():
        for r in res.summary().itertuples():
            # slopes are fitted per month; a year reads more easily and shows more than 0,01
            f = 12.0 if res.spec.tijd in r.term else 1.0
            rijen.append(
                {
                    "domein": _domeinnaam(ctx, domein),
                    "term": _term(ctx, r.term),
                    "n_i": n["interventie"],
                    "n_v": n["vergelijking"],
                    "schatting": f * r.schatting,
                    "laag": f * r.ci_laag,
                    "hoog": f * r.ci_hoog,
                }
            )
    df = pd.DataFrame(rijen, columns=["domein", "term", "n_i", "n_v", "schatting", "laag", "hoog"])
    afgeleid = ["schatting", "laag", "hoog"]
    waarden, masker = beschermd(df, ["n_i", "n_v"], afgeleid, df[["n_i", "n_v"]].min(axis=1), ctx.drempels)
    kop = {
        "domein": t("Domein"),
        "term": t("Vast effect"),
        "n_i": t("Cliënten interventiegroep"),
        "n_v": t("Cliënten vergelijkingsgroep"),
        "schatting": t("Schatting (punt)"),
        "laag": t("95%-interval, onder"),
        "hoog": t("95%-interval, boven"),
    }
    soorten = {kop["n_i"]: "aantal", kop["n_v"]: "aantal", **{kop[k]: "gemiddelde" for k in afgeleid}}
    return Tabel(
        t("Groeimodel per domein: vaste effecten met 95%-interval"),
        waarden.rename(columns=kop),
        soorten,
        masker.rename(columns=kop),
        ctx.drempels,
        t(
            "Lineair gemengd model van de ZRM-score op maanden sinds de start, "
            "met groep × tijd en per cliënt een eigen startniveau en eigen helling. Groei per maand is "
            "omgerekend naar per jaar. Alle metingen tellen mee, ook van wie later uitviel. Interval: "
            "Wald, 95%."
        ),
    )


def _horizon(fits: dict) -> list[int]:
    """Predict no further than most clients were followed (the 90th percentile of follow-up)."""
    tot = 0.0
    for res, _ in fits.values():
        tot = max(tot, float(res._plotdata[res.spec.tijd].quantile(0.9)))
    return [m for m in MOMENTEN if m <= max(tot, 6)]


def verloop_model_tabel(ctx: gm.Context, domein: str, res, n: dict[str, int], momenten: list[int]) -> Tabel:
    t = ctx.t
    v = res.voorspel(np.asarray(momenten, dtype=float))
    v["n"] = v["conditie"].map(n)
    v["groep"] = v["conditie"].map(lambda g: gm.groep_label(ctx, g))
    df = v[["groep", res.spec.tijd, "n", "voorspelling", "ci_laag", "ci_hoog"]].copy()
    df[res.spec.tijd] = df[res.spec.tijd].round().astype(int)
    afgeleid = ["voorspelling", "ci_laag", "ci_hoog"]
    waarden, masker = beschermd(df, ["n"], afgeleid, df["n"], ctx.drempels)
    kop = {
        "groep": t("Groep"),
        res.spec.tijd: t("Maanden na start"),
        "n": t("Aantal cliënten"),
        "voorspelling": t("Voorspelde gemiddelde score"),
        "ci_laag": t("95%-interval, onder"),
        "ci_hoog": t("95%-interval, boven"),
    }
    soorten = {kop["n"]: "aantal", **{kop[k]: "gemiddelde" for k in afgeleid}}
    return Tabel(
        t("Voorspeld gemiddeld verloop op {d} per groep (groeimodel)", d=_domeinnaam(ctx, domein)),
        waarden.rename(columns=kop),
        soorten,
        masker.rename(columns=kop),
        ctx.drempels,
    )


def lijnen_met_interval(
    tabel: Tabel,
    x: str,
    y: str,
    laag: str,
    hoog: str,
    groep: str,
    as_titel: str,
    x_titel: str,
    vast: dict[str, str] | None = None,
) -> go.Figure:
    """Lines per group with 95% error bars, drawn only from the protected table."""
    fig = go.Figure()
    w = tabel.waarden
    yv, lv, hv = tabel.numeriek(y), tabel.numeriek(laag), tabel.numeriek(hoog)
    namen = list(dict.fromkeys(w[groep]))
    kleur = fg.kleuren([str(n) for n in namen], vast)
    for i, naam in enumerate(namen):
        rijen = [r for r in w.index if w.at[r, groep] == naam]
        ys = [yv[r] for r in rijen]
        fig.add_scatter(
            name=str(naam),
            mode="lines+markers",
            x=[w.at[r, x] for r in rijen],
            y=ys,
            error_y=dict(
                type="data",
                symmetric=False,
                array=[None if yv[r] is None or hv[r] is None else hv[r] - yv[r] for r in rijen],
                arrayminus=[None if yv[r] is None or lv[r] is None else yv[r] - lv[r] for r in rijen],
                color=kleur[i],
            ),
            line=dict(color=kleur[i], dash=fg.STREEPJES[i % len(fg.STREEPJES)]),
            marker=dict(symbol=fg.MARKERS[i % len(fg.MARKERS)], size=7),
            connectgaps=False,
        )
    fig.update_layout(yaxis_title=as_titel, xaxis_title=x_titel)
    return fg.opmaak_figuur(fig)


def verloop_model_figuur(
    ctx: gm.Context, domein: str, res, n: dict[str, int], momenten: list[int]
) -> fg.Figuur:
    t = ctx.t
    tabel = verloop_model_tabel(ctx, domein, res, n, momenten)
    k = tabel.waarden.columns
    fig = lijnen_met_interval(
        tabel,
        k[1],
        k[3],
        k[4],
        k[5],
        k[0],
        t("voorspelde ZRM-score (1–5)"),
        t("maanden na start"),
        gm.vaste_kleuren(ctx),
    )
    fig.update_yaxes(range=[1, 5])
    fig.update_xaxes(dtick=6)
    s = res.summary().set_index("term")
    naam = _domeinnaam(ctx, domein)
    if min(n.values()) < ctx.drempels.min_noemer:
        zin = t("Te weinig cliënten in een van de groepen om het verloop op {d} te tonen.", d=naam)
    else:
        extra = s.loc["groep[T.interventie]:maanden"]
        laatste = tabel.waarden[tabel.waarden[k[1]] == momenten[-1]].set_index(k[0])[k[3]]
        zin = t(
            "Gemiddeld verloop op {d} volgens het groeimodel, met 95%-interval rond het gemiddelde. "
            "Na {m} maanden voorspelt het model {a} punt in de interventiegroep en {b} punt in de "
            "vergelijkingsgroep. Per jaar groeit de interventiegroep {c} punt meer (95%-interval {l} "
            "tot {h}).",
            d=naam,
            m=momenten[-1],
            a=ctx.opmaak.getal(laatste.get(gm.groep_label(ctx, "interventie")), 2),
            b=ctx.opmaak.getal(laatste.get(gm.groep_label(ctx, "vergelijking")), 2),
            c=ctx.opmaak.getal(12 * extra["schatting"], 2),
            l=ctx.opmaak.getal(12 * extra["ci_laag"], 2),
            h=ctx.opmaak.getal(12 * extra["ci_hoog"], 2),
        )
    return fg.Figuur(
        ctx.figuur_id(), t("Verloop op {d}: interventie- en vergelijkingsgroep", d=naam), zin, fig, tabel
    )


def duurzaamheid_tabel(ctx: gm.Context, fits: dict) -> Tabel:
    t = ctx.t
    rijen = []
    for domein, (res, na) in fits.items():
        laag, hoog = res.drop_off_ci
        rijen.append(
            {
                "domein": _domeinnaam(ctx, domein),
                "n": res.n_clienten,
                "na": na,
                "winst": res.winst_bij_uitstroom,
                "per_jaar": res.verandering_per_jaar,
                "drop": res.drop_off,
                "laag": laag,
                "hoog": hoog,
            }
        )
    df = pd.DataFrame(rijen, columns=["domein", "n", "na", "winst", "per_jaar", "drop", "laag", "hoog"])
    afgeleid = ["winst", "per_jaar", "drop", "laag", "hoog"]
    waarden, masker = beschermd(df, ["n", "na"], afgeleid, df["na"], ctx.drempels)
    kop = {
        "domein": t("Domein"),
        "n": t("Cliënten met afgesloten traject"),
        "na": t("Van hen gemeten na uitstroom"),
        "winst": t("Winst sinds start bij uitstroom (punt)"),
        "per_jaar": t("Verandering per jaar na uitstroom (punt)"),
        "drop": t("Afname van de winst per jaar"),
        "laag": t("Afname: 95%-interval, onder"),
        "hoog": t("Afname: 95%-interval, boven"),
    }
    soorten = {
        kop["n"]: "aantal",
        kop["na"]: "aantal",
        kop["winst"]: "gemiddelde",
        kop["per_jaar"]: "gemiddelde",
        kop["drop"]: "procent",
        kop["laag"]: "procent",
        kop["hoog"]: "procent",
    }
    return Tabel(
        t("Blijft de vooruitgang na uitstroom? Afname per jaar met 95%-interval"),
        waarden.rename(columns=kop),
        soorten,
        masker.rename(columns=kop),
        ctx.drempels,
        t(
            "Winst = score min startscore; een gemengd model van "
            "de winst op jaren na uitstroom geeft de winst bij uitstroom en de verandering per jaar. "
            "Afname per jaar = het deel van de winst dat per jaar verloren gaat (0% = de winst "
            "blijft); interval met de deltamethode. Getoond als minstens {m} cliënten na uitstroom "
            "gemeten zijn.",
            m=ctx.drempels.min_noemer,
        ),
    )


def duurzaamheid_horizon_tabel(ctx: gm.Context, fits: dict) -> Tabel:
    t = ctx.t
    delen = []
    for domein, (res, _) in fits.items():
        h = res.horizonten.copy()
        h.insert(0, "domein", _domeinnaam(ctx, domein))
        delen.append(h)
    df = (
        pd.concat(delen, ignore_index=True)
        if delen
        else pd.DataFrame(columns=["domein", "maanden_na_uitstroom", "n", "gem_winst", "ci_laag", "ci_hoog"])
    )
    df["maanden_na_uitstroom"] = df["maanden_na_uitstroom"].astype(int)
    afgeleid = ["gem_winst", "ci_laag", "ci_hoog"]
    waarden, masker = ot.per_groep(df, "n", afgeleid, ctx.drempels)
    kop = {
        "domein": t("Domein"),
        "maanden_na_uitstroom": t("Maanden na uitstroom"),
        "n": t("Aantal cliënten"),
        "gem_winst": t("Gemiddelde winst sinds start (punt)"),
        "ci_laag": t("95%-interval, onder"),
        "ci_hoog": t("95%-interval, boven"),
    }
    soorten = {kop["n"]: "aantal", **{kop[k]: "gemiddelde" for k in afgeleid}}
    return Tabel(
        t("Gemeten winst sinds de start, bij en na uitstroom"),
        waarden.rename(columns=kop),
        soorten,
        masker.rename(columns=kop),
        ctx.drempels,
        t(
            "Per moment na uitstroom de cliënten met een meting binnen drie maanden van dat moment; "
            "t-interval rond het gemiddelde."
        ),
    )


def duurzaamheid_figuur(ctx: gm.Context, fits: dict, tabel: Tabel, samenvatting: Tabel) -> fg.Figuur:
    t = ctx.t
    k = tabel.waarden.columns
    fig = lijnen_met_interval(
        tabel, k[1], k[3], k[4], k[5], k[0], t("winst sinds de start (punt)"), t("maanden na uitstroom")
    )
    fig.update_xaxes(dtick=6)
    fig.add_hline(y=0, line_color="#555555")
    s = samenvatting.waarden
    sk = s.columns
    zichtbaar = s[s[sk[5]].notna()]
    if zichtbaar.empty:
        zin = t("Te weinig cliënten na uitstroom gemeten om iets te zeggen over blijvende winst.")
    else:
        r = zichtbaar.iloc[0]
        zin = t(
            "Gemiddelde winst sinds de start, bij uitstroom en daarna, met 95%-interval. Op {d} is de "
            "winst bij uitstroom {w} punt; daarna gaat er volgens het model {p} per jaar van af "
            "(95%-interval {a} tot {b}).",
            d=r[sk[0]],
            w=ctx.opmaak.getal(r[sk[3]], 2),
            p=ctx.opmaak.procent(r[sk[5]]),
            a=ctx.opmaak.procent(r[sk[6]]),
            b=ctx.opmaak.procent(r[sk[7]]),
        )
    return fg.Figuur(ctx.figuur_id(), t("Winst na uitstroom"), zin, fig, tabel)


def uitval_blokken(ctx: gm.Context) -> list:
    """Who has a follow-up measurement, on the client level (mean ZRM score per date)."""
    t = ctx.t
    res = ctx.resultaat("uitval")
    if res is None:
        return [Melding(t("Geen metingen om uitval te beschrijven."))]
    pc = res.per_client.copy()
    pc["status"] = np.where(pc["vervolg"], t("met vervolgmeting"), t("zonder vervolgmeting"))
    pc["groep_label"] = pc["groep"].map(lambda g: gm.groep_label(ctx, g))
    aantallen = pd.crosstab(pc["groep_label"], pc["status"])
    for kolom in (t("met vervolgmeting"), t("zonder vervolgmeting")):
        if kolom not in aantallen.columns:
            aantallen[kolom] = 0
    aantallen = aantallen[[t("met vervolgmeting"), t("zonder vervolgmeting")]]
    telling = uit_kruistabel(
        t("Uitval: cliënten met en zonder vervolgmeting (minstens drie maanden na de eerste)"),
        aantallen,
        t("Groep"),
        ctx.drempels,
        totaal_label=t("Totaal"),
    )
    stat = (
        pc.groupby("status")
        .agg(n=("voor", "size"), gemiddelde=("voor", "mean"), sd=("voor", "std"))
        .reset_index()
    )
    waarden, masker = ot.per_groep(stat, "n", ["gemiddelde", "sd"], ctx.drempels)
    kop = {
        "status": t("Cliënten"),
        "n": t("Aantal cliënten"),
        "gemiddelde": t("Gemiddelde beginscore"),
        "sd": t("Standaardafwijking"),
    }
    begin = Tabel(
        t("Beginscore (gemiddelde over de ZRM-domeinen): wie bleef en wie uitviel"),
        waarden.rename(columns=kop),
        {kop["n"]: "aantal", kop["gemiddelde"]: "gemiddelde", kop["sd"]: "gemiddelde"},
        masker.rename(columns=kop),
        ctx.drempels,
    )
    n, uit = len(pc), int((~pc["vervolg"]).sum())
    zinnen = []
    toon = n >= ctx.drempels.min_noemer and not ot.onderdrukt(pd.Series([uit, n - uit]), ctx.drempels).any()
    aandeel_uitval = ot.aandeel(uit, n, ctx.drempels, res.aandeel_uitval)
    if toon:
        zinnen.append(
            t(
                "Van de {n} cliënten heeft {p} geen vervolgmeting minstens drie maanden na de eerste meting.",
                n=ctx.aantal(n),
                p=ctx.opmaak.procent(aandeel_uitval),
            )
        )
    toetsen = res.vergelijking.set_index("kenmerk")
    if toon and "beginscore" in toetsen.index and not begin.heeft_onderdrukking:
        p = float(toetsen.at["beginscore", "p"])
        if p < 0.05:
            zinnen.append(
                t(
                    "Wie uitviel had bij de start een andere gemiddelde score dan wie bleef "
                    "(Welch-toets, p = {p}); uitval kan het beeld dus kleuren.",
                    p=ctx.opmaak.getal(p, 3),
                )
            )
        else:
            zinnen.append(
                t(
                    "Bij de start verschilde wie uitviel niet aantoonbaar van wie bleef (Welch-toets, "
                    "p = {p}); dat sluit niet uit dat zij daarna anders verliepen.",
                    p=ctx.opmaak.getal(p, 3),
                )
            )
    if toon and "groep" in toetsen.index:
        zinnen.append(
            t(
                "Verschil in uitval tussen interventie- en vergelijkingsgroep: chi-kwadraattoets p = {p}.",
                p=ctx.opmaak.getal(float(toetsen.at["groep", "p"]), 3),
            )
        )
    zinnen.append(
        t(
            "Wat dit betekent: het groeimodel hierboven gebruikt alle metingen en blijft geldig als "
            "uitval samenhangt met wat we gemeten hebben (‘missing at random’, MAR). Hangt uitval "
            "samen met hoe het iemand later verging zonder dat dat in eerdere metingen zichtbaar was, "
            "dan is ook het groeimodel vertekend; dat kunnen deze gegevens niet uitsluiten."
        )
    )
    blokken: list = [telling, begin, Tekst(zinnen)]
    if res.waarschuwing:
        blokken.insert(
            0,
            Melding(
                t(
                    "Grote uitval: {p} van de cliënten heeft geen vervolgmeting na drie maanden. "
                    "Verandering alleen onder wie bleef kan vertekend zijn; het groeimodel (alle "
                    "metingen) blijft geldig als de uitval samenhangt met wat gemeten is (MAR).",
                    p=ctx.opmaak.procent(aandeel_uitval) if toon else t("een groot deel"),
                ),
                "let_op",
            ),
        )
    return blokken


SOORT = registreer(
    Rapportsoort(
        NAAM,
        N_("Verantwoording: uitkomsten van sociaal werk"),
        N_("Uitkomsten, onzekerheid, uitval, kosten en baten, en hoe dit is berekend"),
        (
            Onderdeel(N_("Uitkomsten"), _uitkomsten, ("paren",)),
            Onderdeel(N_("Effectgroottes en onzekerheid"), _effecten, ("verandering", "rci")),
            Onderdeel(N_("Uitkomsten per instrument"), nodig=("per_instrument",), secties=instrument_secties),
            Onderdeel(N_("Groeimodel: verloop in de tijd naast de vergelijkingsgroep"), groei_sectie, ("groei",)),
            Onderdeel(N_("Blijft de vooruitgang na uitstroom?"), duurzaamheid_sectie, ("duurzaamheid",)),
            Onderdeel(N_("Uitval"), _uitval, ("uitval", "meetmomenten")),
            Onderdeel(N_("Kosten en baten"), _kosten_baten, ("kostenbaten",)),
            programma.ONDERDEEL,
            keerpuntverhalen.ONDERDEEL,
        ),
        kern=_kern,
    )
)
