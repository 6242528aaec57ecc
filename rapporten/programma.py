"""The programme's costs and benefits from measured data (verantwoording): the result with its
Monte Carlo band, where every number came from, and which number weighs most (tornado).

The numbers are computed once per run by :mod:`rapporten.resultaten` (``programma``); this
module only protects and arranges them. A run without a programme file shows no section.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.opmaak import N_
from rapporten import figuren as fg
from rapporten import gemeenschappelijk as gm
from rapporten import kubus
from rapporten import onthulling as ot
from rapporten.model import Melding, Sectie, Tekst
from rapporten.secties import Onderdeel
from rapporten.tabel import Tabel

TITEL = N_("Kosten en baten van het programma, uit de metingen")
UIT_GEGEVENS = "uit de gegevens"  # modellen.kostenbaten.gemeten.UIT_GEGEVENS
TORNADO_RIJEN = 8

WAT = {
    "aantal": N_("cliënten met dit resultaat"),
    "waarde": N_("waarde per cliënt per jaar"),
    "deadweight": N_("deel dat zonder traject ook was gebeurd (deadweight)"),
    "attributie": N_("deel dat aan anderen toe te schrijven is (attributie)"),
    "verplaatsing": N_("deel dat zich elders verplaatst (verplaatsing)"),
    "drop_off": N_("afname per jaar na uitstroom (drop-off)"),
}
GEMETEN = {
    "aantal": N_(
        "gemeten: het aandeel cliënten dat op {domein} betrouwbaar vooruitging tot de uitstroom, "
        "maal de bereikte cliënten"
    ),
    "deadweight": N_(
        "gemeten: het aandeel in de vergelijkingsgroep dat op {domein} betrouwbaar vooruitging, "
        "gedeeld door dat aandeel bij de bereikte cliënten"
    ),
    "drop_off": N_(
        "gemeten: het deel van wie bij uitstroom vooruitgegaan was en een jaar later weer gemeten "
        "werd, dat die vooruitgang kwijt was"
    ),
}
AANGENOMEN = {
    "geen_domein": N_("aangenomen in het programmabestand"),
    "geen_vergelijkingsgroep": N_("aangenomen in het programmabestand: er is geen gemeten vergelijkingsgroep"),
    "geen_follow_up": N_(
        "aangenomen in het programmabestand: niemand die vooruitging is een jaar na uitstroom gemeten"
    ),
    "niet_uit_vergelijking": N_(
        "aangenomen in het programmabestand: een vergelijkingsgroep zegt niet welk deel aan andere "
        "hulp te danken is"
    ),
}


def _secties(ctx: gm.Context) -> list[Sectie]:
    r = ctx.resultaat("programma")
    if r is None:
        return []
    return [Sectie(ctx.t(TITEL), _blokken(ctx, r))]


def _blokken(ctx: gm.Context, r) -> list:
    t = ctx.t
    if r.resultaat is None:
        return [
            Melding(
                t(
                    "Het programma ‘{p}’ kon met deze gegevens niet worden doorgerekend, bijvoorbeeld "
                    "omdat er in deze selectie geen gemeten cliënten van de interventie zijn.",
                    p=r.naam,
                )
            )
        ]
    bereik, reden = ctx.kubus().cel(kubus.ALLES, ("interventie", r.interventie))
    herkomst = herkomst_tabel(ctx, r)
    te_weinig = reden != ot.ZICHTBAAR or bool((herkomst.masker != ot.ZICHTBAAR).to_numpy().any())
    bereikt = ctx.opmaak.getal(bereik) if reden == ot.ZICHTBAAR else f"< {ctx.drempels.drempel}"
    intro = Tekst(
        [
            t(
                "Wat kost ‘{p}’ en wat levert het de samenleving op? Hoeveel cliënten een resultaat "
                "bereikten, welk deel zonder traject ook was gebeurd en hoeveel er na uitstroom weer "
                "verloren ging, komt uit wat er gemeten is bij de {n} cliënten van {i}. De bedragen "
                "en het deel dat aan anderen toe te schrijven is, zijn aannames uit het "
                "programmabestand.",
                p=r.naam,
                n=bereikt,
                i=r.interventie,
            )
        ]
    )
    if te_weinig:
        return [
            intro,
            Melding(
                t(
                    "Te weinig cliënten gemeten (minder dan {m} bij een van de getallen) om de kosten "
                    "en baten van het programma te tonen.",
                    m=ctx.drempels.min_noemer,
                )
            ),
            herkomst,
        ]
    uitkomst = resultaat_tabel(ctx, r)
    return [intro, uitkomst, Tekst(_resultaat_zinnen(ctx, r, uitkomst)), tornado_figuur(ctx, r), herkomst,
            Tekst([_beperkingen(ctx)])]


def _pct(ctx: gm.Context, x: float | None) -> str:
    return ctx.opmaak.procent(x, 1)


def herkomst_tabel(ctx: gm.Context, r) -> Tabel:
    """Per outcome: each filled number, its range and where it came from; a measured number
    over fewer than ``min_noemer`` clients is hidden."""
    t = ctx.t
    uitkomsten = r.resultaat.programma.uitkomsten
    domeinen = gm.zrm_namen()
    rijen, verborgen = [], []
    for rij in r.gemeten.herkomst.to_dict("records"):
        p = getattr(uitkomsten[rij["index"]], rij["parameter"])
        fmt = (lambda x: ctx.aantal(x)) if rij["parameter"] == "aantal" else (lambda x: _pct(ctx, x))
        gemeten = rij["herkomst"] == UIT_GEGEVENS
        domein = t(domeinen.get(rij["domein"], rij["domein"] or ""))
        rijen.append(
            {
                "uitkomst": rij["uitkomst"],
                "wat": t(WAT[rij["parameter"]]),
                "waarde": fmt(p.waarde),
                "band": "–" if p.min is None or p.max is None else t("{a} tot {b}", a=fmt(p.min), b=fmt(p.max)),
                "bron": t(GEMETEN[rij["parameter"]], domein=domein) if gemeten else t(AANGENOMEN[rij["reden"]]),
            }
        )
        verborgen.append(gemeten and not rij["n_clienten"] >= ctx.drempels.min_noemer)
    df = pd.DataFrame(rijen, columns=["uitkomst", "wat", "waarde", "band", "bron"])
    masker = pd.DataFrame(ot.ZICHTBAAR, index=df.index, columns=df.columns)
    masker.loc[verborgen, ["waarde", "band"]] = ot.NOEMER
    df.loc[verborgen, ["waarde", "band"]] = np.nan
    kop = {
        "uitkomst": t("Resultaat"),
        "wat": t("Getal"),
        "waarde": t("Waarde"),
        "band": t("Bandbreedte"),
        "bron": t("Waar het vandaan komt"),
    }
    return Tabel(
        t("Waar de getallen vandaan komen"),
        df.rename(columns=kop),
        {},
        masker.rename(columns=kop),
        ctx.drempels,
        t(
            "Betrouwbaar vooruitgaan: meer dan de meetfout van de Zelfredzaamheid-Matrix (de "
            "Jacobson-Truax-grens). De bandbreedte van een gemeten getal is het 95%-interval van "
            "het aandeel waarop het berust; die van een aanname komt uit het programmabestand."
        ),
    )


def resultaat_tabel(ctx: gm.Context, r) -> Tabel:
    t = ctx.t
    mc = r.monte_carlo.summary().set_index("uitkomst")
    d = r.resultaat
    rijen = [
        (t("Kosten (contante waarde)"), d.pv_kosten, "pv_kosten"),
        (t("Baten (contante waarde)"), d.pv_baten, "pv_baten"),
        (t("Netto contante waarde (baten min kosten)"), d.netto_contante_waarde, "netto_contante_waarde"),
    ]
    df = pd.DataFrame(
        [{"wat": w, "schatting": v, "laag": mc.at[k, "p5"], "hoog": mc.at[k, "p95"]} for w, v, k in rijen]
    )
    kop = {
        "wat": t("Bedrag"),
        "schatting": t("Schatting"),
        "laag": t("90%-band, onder"),
        "hoog": t("90%-band, boven"),
    }
    return Tabel(
        t("Kosten en baten van ‘{p}’", p=r.naam),
        df.rename(columns=kop),
        {kop[k]: "geld" for k in ("schatting", "laag", "hoog")},
        None,
        ctx.drempels,
        t(
            "Contante waarde: toekomstige bedragen teruggerekend naar nu met een discontovoet van "
            "{r} per jaar. 90%-band: uit {n} doorrekeningen waarin alle onzekere getallen tegelijk "
            "binnen hun bandbreedte variëren.",
            r=ctx.opmaak.procent(d.programma.discontovoet.waarde, 2),
            n=ctx.opmaak.getal(r.monte_carlo.n),
        ),
    )


def _resultaat_zinnen(ctx: gm.Context, r, tabel: Tabel) -> list[str]:
    t = ctx.t
    w = tabel.waarden
    k = w.columns
    ratio = r.resultaat.sroi_ratio
    zinnen = [
        t(
            "De baten ({b}) min de kosten ({c}) geven een netto contante waarde van {n}: elke euro "
            "die het programma kost, levert {r} euro aan baten op.",
            b=ctx.opmaak.geld(w.at[1, k[1]]),
            c=ctx.opmaak.geld(w.at[0, k[1]]),
            n=ctx.opmaak.geld(w.at[2, k[1]]),
            r=ctx.opmaak.getal(ratio, 2),
        ),
        t(
            "Met de onzekerheid erbij ligt de netto contante waarde in 90% van de doorrekeningen "
            "tussen {a} en {b}; in {p} van de doorrekeningen is ze positief.",
            a=ctx.opmaak.geld(w.at[2, k[2]]),
            b=ctx.opmaak.geld(w.at[2, k[3]]),
            p=ctx.opmaak.procent(r.monte_carlo.kans_positief()),
        ),
    ]
    return zinnen


def _leesbaar(ctx: gm.Context, programma, naam: str) -> str:
    t = ctx.t
    if naam.startswith("uitkomst["):
        k = int(naam[len("uitkomst[") : naam.index("]")])
        veld = naam.rsplit(".", 1)[1]
        return f"{programma.uitkomsten[k].naam}: {t(WAT[veld])}"
    if naam.startswith("investering["):
        i = int(naam[len("investering[") : naam.index("]")])
        return t("kosten: {o}", o=programma.investeringen[i].omschrijving)
    return t("discontovoet")


def tornado_tabel(ctx: gm.Context, r) -> Tabel:
    t = ctx.t
    tabel = r.tornado.tabel.head(TORNADO_RIJEN)
    df = pd.DataFrame(
        {
            "getal": [_leesbaar(ctx, r.resultaat.programma, n) for n in tabel["parameter"]],
            "laag": tabel["uitkomst_laag"].astype(float),
            "hoog": tabel["uitkomst_hoog"].astype(float),
        }
    )
    kop = {
        "getal": t("Getal"),
        "laag": t("Netto contante waarde bij de ondergrens"),
        "hoog": t("Netto contante waarde bij de bovengrens"),
    }
    return Tabel(
        t("Welk getal telt het zwaarst? Netto contante waarde per getal op zijn grenzen"),
        df.rename(columns=kop),
        {kop["laag"]: "geld", kop["hoog"]: "geld"},
        None,
        ctx.drempels,
        t(
            "Per getal de netto contante waarde als alleen dat getal op de onder- of bovengrens van "
            "zijn bandbreedte staat en de andere op hun schatting (‘tornado’); de {n} getallen met "
            "de grootste invloed.",
            n=len(df),
        ),
    )


def tornado_figuur(ctx: gm.Context, r) -> fg.Figuur:
    t = ctx.t
    tabel = tornado_tabel(ctx, r)
    k = tabel.waarden.columns
    basis = float(r.tornado.basis)
    labels = [str(x) for x in tabel.waarden[k[0]]]
    fig = go.Figure()
    for i, (kolom, naam) in enumerate(((k[1], t("bij de ondergrens")), (k[2], t("bij de bovengrens")))):
        waarden = tabel.numeriek(kolom)
        fig.add_bar(
            name=naam,
            y=labels,
            x=[None if v is None else v - basis for v in waarden],
            base=basis,
            orientation="h",
            marker_color=fg.OKABE_ITO[i],
            marker_pattern_shape=["", "/"][i],
        )
    fig.add_vline(x=basis, line_color="#555555")
    fig.update_layout(barmode="overlay", xaxis_title=t("netto contante waarde (euro)"))
    fig.update_xaxes(tickprefix="€ ", tickformat=",.0f")
    fig.update_yaxes(autorange="reversed", automargin=True)
    fg.opmaak_figuur(fig, hoogte=120 + 40 * len(labels))
    w = tabel.waarden
    zin = t(
        "Het zwaarst telt {g}: met alleen dat getal op zijn grenzen ligt de netto contante waarde "
        "tussen {a} en {b} (schatting {s}).",
        g=w.at[0, k[0]],
        a=ctx.opmaak.geld(min(w.at[0, k[1]], w.at[0, k[2]])),
        b=ctx.opmaak.geld(max(w.at[0, k[1]], w.at[0, k[2]])),
        s=ctx.opmaak.geld(basis),
    )
    return fg.Figuur(ctx.figuur_id(), t("Gevoeligheid per getal"), zin, fig, tabel)


def _beperkingen(ctx: gm.Context) -> str:
    return ctx.t(
        "Wat dit niet zegt: de vergelijkingsgroep is niet door loting ingedeeld, dus het deel dat "
        "zonder traject ook was gebeurd is een schatting uit een waarneming, geen experiment. De "
        "afname na uitstroom is gemeten bij wie een jaar later nog gemeten werd. De bedragen per "
        "resultaat zijn aannames; de uitkomst is zo goed als die aannames."
    )


ONDERDEEL = Onderdeel(TITEL, nodig=("programma",), secties=_secties)
