"""The Effectencalculator case description: the story, the two scenarios over time, and costs
and benefits per financier."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from impact.opmaak import N_
from rapporten import figuren as fg
from rapporten import gemeenschappelijk as gm
from rapporten.model import Melding, Sectie, Tabel, Verhaal, Verhalen
from rapporten.secties import Onderdeel, Rapportsoort, registreer
from verhalen.publicatie import casus_gepubliceerd

NAAM = "casus"
MAX_CASUSSEN = 3


def _casus_sectie(ctx: gm.Context, resultaat, nummer: int) -> Sectie:
    t = ctx.t
    casus = resultaat.casus
    tekst = casus.verhaal or ""
    # a case description is written for publication; it is pseudonymised like a story, once,
    # when the case enters the database (the report shows that stored version or refuses),
    # and its title names the intervention, not the case file (which carries the pseudonym)
    schoon = {"tekst": casus_gepubliceerd(casus.document)}
    titel = t("Casus {n}: {i}", n=nummer, i=casus.interventie) if casus.interventie else t("Casus {n}", n=nummer)
    blokken: list = []
    if str(tekst).strip():
        blokken.append(
            Verhalen(
                [
                    Verhaal(
                        t("Het verhaal van de casus"),
                        schoon["tekst"],
                        t("interventie: {i}", i=casus.interventie or "–"),
                    )
                ]
            )
        )
    posten = _posten_tabel(ctx, resultaat)
    blokken.append(
        fg.Figuur(
            ctx.figuur_id(),
            t("Twee scenario's in de tijd"),
            t(
                "Wat er gebeurde met de interventie, en wat er zonder waarschijnlijk was gebeurd "
                "(het referentiescenario): elke balk is een activiteit of gebeurtenis, van begin tot "
                "eind. Totaal verschil: {v}.",
                v=ctx.opmaak.geld(resultaat.verschil),
            ),
            _tijdlijn(ctx, posten),
            posten,
        )
    )
    samen = resultaat.summary()
    samen["financier"] = samen["financier"].map(lambda f: t(str(f)))
    samen = samen.rename(
        columns={
            "financier": t("Financier"),
            "interventie": t("Met interventie"),
            "referentie": t("Zonder interventie"),
            "verschil": t("Saldo"),
            "contante_waarde_verschil": t("Contante waarde saldo"),
        }
    )
    blokken.append(
        Tabel(
            t("Kosten en baten per financier"),
            samen,
            {k: "geld" for k in samen.columns[1:]},
            drempels=ctx.drempels,
            toelichting=t(
                "Saldo = kosten zonder minus kosten met interventie; positief is voordeel. Discontovoet {r}.",
                r=ctx.opmaak.procent(float(resultaat.discontovoet), 2),
            ),
        )
    )
    return Sectie(titel, blokken)


def _posten_tabel(ctx: gm.Context, resultaat) -> Tabel:
    """Every priced item of the case, per scenario and financier: what each total is made of."""
    t = ctx.t
    r = resultaat.regels
    posten = (
        r.groupby("regel", sort=True)
        .agg(
            scenario=("scenario", "first"),
            financier=("financier", "first"),
            omschrijving=("omschrijving", "first"),
            aantal=("aantal", "first"),
            eenheid=("eenheid", "first"),
            kans=("kans", "first"),
            start=("start", "first"),
            eind=("eind", "first"),
            bedrag=("bedrag_cent", "sum"),
        )
        .reset_index(drop=True)
    )
    scenario = {"interventie": t("met interventie"), "referentie": t("zonder interventie")}
    waarden = pd.DataFrame(
        {
            t("Financier"): posten["financier"].map(lambda f: t(str(f))),
            t("Scenario"): posten["scenario"].map(scenario),
            t("Post"): posten["omschrijving"].astype(str),
            t("Hoeveel"): [
                t("{a} × {e}", a=ctx.opmaak.getal(a, 2 if a % 1 else 0), e=e)
                + ("" if k == 1 else " " + t("(kans {k})", k=ctx.opmaak.procent(k)))
                for a, e, k in zip(posten["aantal"].astype(float), posten["eenheid"], posten["kans"].astype(float), strict=True)
            ],
            t("Van"): pd.to_datetime(posten["start"]),
            t("Tot"): pd.to_datetime(posten["eind"]),
            t("Bedrag"): posten["bedrag"].astype(float) / 100,
        }
    ).sort_values([t("Financier"), t("Scenario"), t("Van")], kind="stable")
    return Tabel(
        t("Posten per financier en scenario"),
        waarden,
        {t("Van"): "datum", t("Tot"): "datum", t("Bedrag"): "geld"},
        drempels=ctx.drempels,
        toelichting=t("Bedragen in euro, prijspeil {j}; een kans betekent: zo vaak verwacht.", j=resultaat.prijsjaar),
    )


def _tijdlijn(ctx: gm.Context, posten: Tabel) -> go.Figure:
    """The two scenarios as bars in time, one per item, coloured by scenario."""
    t = ctx.t
    w = posten.waarden
    fig = go.Figure()
    kleur = {t("met interventie"): fg.INTERVENTIEGROEP, t("zonder interventie"): fg.VERGELIJKINGSGROEP}
    for scenario, deel in w.groupby(t("Scenario"), sort=False):
        duur = (deel[t("Tot")] - deel[t("Van")]).dt.days.clip(lower=3) * 86_400_000  # at least a visible bar
        fig.add_bar(
            name=str(scenario),
            orientation="h",
            y=[f"{p} ({f})" for p, f in zip(deel[t("Post")], deel[t("Financier")], strict=True)],
            x=duur,
            base=deel[t("Van")].dt.strftime("%Y-%m-%d"),
            marker_color=kleur.get(scenario),
            customdata=[ctx.opmaak.geld(b) for b in deel[t("Bedrag")]],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    fig.update_xaxes(type="date", tickformat="%m-%Y")  # numeric months: no English month names
    fig.update_yaxes(autorange="reversed")
    return fg.opmaak_figuur(fig, hoogte=max(320, 28 * len(w) + 120))


def _casussen(ctx: gm.Context) -> list[Sectie]:
    t = ctx.t
    _, resultaten, melding = gm.kosten_baten(ctx)
    secties = [_casus_sectie(ctx, r, i) for i, r in enumerate(resultaten[:MAX_CASUSSEN], start=1)]
    if melding is not None:
        secties.insert(0, Sectie(t("Let op"), [melding]))
    if len(resultaten) > MAX_CASUSSEN:
        secties.append(
            Sectie(
                t("Meer casussen"),
                [
                    Melding(
                        t(
                            "Dit rapport toont de eerste {k} van {n} casussen; de kosten en baten over alle "
                            "casussen samen staan in het rapport voor beleid.",
                            k=MAX_CASUSSEN,
                            n=len(resultaten),
                        ),
                        "info",
                    )
                ],
            )
        )
    return secties or [Sectie(t("Casussen"), [])]


SOORT = registreer(
    Rapportsoort(
        NAAM,
        N_("Casusbeschrijving met de Effectencalculator"),
        N_("Wat er gebeurde, wat er zonder hulp was gebeurd, en wie wat betaalt"),
        (Onderdeel(N_("Casussen"), secties=_casussen, nodig=("kostenbaten",)),),
        uit_metingen=False,
    )
)
