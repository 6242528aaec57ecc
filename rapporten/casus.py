"""The Effectencalculator case description: the story, the two scenarios over time, and costs
and benefits per financier."""

from __future__ import annotations

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
    jaren = resultaat.per_jaar()
    jaren["jaar"] = jaren["jaar"].astype(str)
    jaren = jaren.rename(
        columns={
            "jaar": t("Jaar"),
            "interventie": t("Met interventie"),
            "referentie": t("Zonder interventie (referentie)"),
            "verschil": t("Verschil"),
        }
    )
    tabel = Tabel(
        t("Kosten per jaar in beide scenario's"),
        jaren,
        {k: "geld" for k in jaren.columns[1:]},
        drempels=ctx.drempels,
    )
    fig = fg.staaf(
        tabel, jaren.columns[0], list(jaren.columns[1:3]), t("euro (prijspeil {j})", j=resultaat.prijsjaar)
    )
    blokken.append(
        fg.Figuur(
            ctx.figuur_id(),
            t("Twee scenario's in de tijd"),
            t(
                "Kosten per jaar met de interventie en in het referentiescenario (wat er zonder de "
                "interventie waarschijnlijk was gebeurd). Totaal verschil: {v}.",
                v=ctx.opmaak.geld(resultaat.verschil),
            ),
            fig,
            tabel,
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
    )
)
