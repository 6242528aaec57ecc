"""Verantwoording for funders: outcomes, effect sizes with uncertainty, attrition, costs and
benefits, and the method and its limitations written out."""

from __future__ import annotations

from pathlib import Path

from rapporten import gemeenschappelijk as gm
from rapporten.model import Melding, Rapport, Sectie, Tekst

NAAM = "verantwoording"


def maak(ctx: gm.Context) -> Rapport:
    t = ctx.t
    g = ctx.gegevens
    per_domein = gm.verandering_tabel(ctx, "domein")
    per_interventie = gm.verandering_tabel(ctx, "interventie")
    uitval = gm.uitval_tabel(ctx)

    effect_blokken: list = []
    effect = gm.effect_tabel(ctx)
    effect_blokken.append(gm.effect_figuur(ctx, effect) if isinstance(effect, gm.Tabel) else effect)
    rci = gm.rci_tabel(ctx)
    effect_blokken.append(gm.rci_figuur(ctx, rci) if isinstance(rci, gm.Tabel) else rci)
    ctx.niet_gekoppeld("modellen.groei", t("Groeimodellen"), t("niet getoond"))
    effect_blokken.append(
        Melding(
            t(
                "Groeimodellen (modellen.groei) en een vergelijking met de vergelijkingsgroep zijn in dit "
                "rapport nog niet opgenomen; zie 'impact analyse groei'."
            ),
            "info",
        )
    )

    samen, _, kb_melding = gm.kosten_baten(ctx)
    kb: list = []
    if samen is not None:
        tabel = gm.financiers_tabel(ctx, samen)
        kb += [gm.financiers_figuur(ctx, tabel)]
        gem = samen.gemiddelden()
        rij = gem[gem["grootheid"] == "verschil"].iloc[0]
        kb.append(
            Tekst(
                [
                    t(
                        "Over {n} casussen is het maatschappelijk saldo gemiddeld {v} per "
                        "casus (95%-interval {a} tot {b}, bootstrap).",
                        n=samen.n,
                        v=ctx.opmaak.geld(rij["gemiddelde"]),
                        a=ctx.opmaak.geld(rij["ci_laag"]),
                        b=ctx.opmaak.geld(rij["ci_hoog"]),
                    )
                ]
            )
        )
    if kb_melding is not None:
        kb.append(kb_melding)

    secties = [
        Sectie(
            t("Uitkomsten"),
            [
                Tekst(
                    [
                        t(
                            "Verandering op de Zelfredzaamheid-Matrix van de startmeting tot de laatste "
                            "meting, voor {n} cliënten met minstens twee metingen.",
                            n=ctx.opmaak.getal(gm.eerste_en_laatste(ctx)["client_id"].nunique()),
                        )
                    ]
                ),
                gm.verandering_figuur(ctx, per_domein, t("Start en laatste meting per domein")),
                per_interventie,
            ],
        ),
        Sectie(t("Effectgroottes en onzekerheid"), effect_blokken),
        Sectie(t("Uitval"), [uitval]),
        Sectie(t("Kosten en baten"), kb),
        Sectie(
            t("Methode en beperkingen"),
            [
                Tekst(
                    [
                        t(
                            "Gegevens: metingen met de Zelfredzaamheid-Matrix (ZRM 2017, schaal 1–5) door "
                            "professionals, bij de start van een traject en ongeveer elk half jaar daarna."
                        ),
                        t(
                            "Beschrijvend: verschillen tussen start en laatste meting zijn geen effecten. Zonder "
                            "vergelijkbare controlegroep kunnen ook tijd, regressie naar het gemiddelde en "
                            "selectieve uitval de verandering verklaren."
                        ),
                        t(
                            "Uitval: wie niet meer gemeten is, telt niet mee in de laatste meting. Als vooral "
                            "cliënten met een goed verloop gemeten blijven, is het beeld te rooskleurig."
                        ),
                        t(
                            "Privacy: aantallen kleiner dan {d} en gemiddelden over minder dan {m} cliënten "
                            "worden niet getoond; een tweede cel wordt verborgen als een klein aantal anders "
                            "uit de totalen terug te rekenen is.",
                            d=ctx.drempels.drempel,
                            m=ctx.drempels.min_noemer,
                        ),
                    ]
                )
            ],
        ),
    ]
    return Rapport(
        NAAM,
        t("Verantwoording: uitkomsten van sociaal werk"),
        t("Uitkomsten, onzekerheid, uitval, kosten en baten, en hoe dit is berekend"),
        ctx.opmaak.taal,
        secties,
        ctx.herkomst(),
        [
            t(
                "{n} cliënten, {m} metingen.",
                n=ctx.opmaak.getal(len(g.clienten)),
                m=ctx.opmaak.getal(len(g.metingen)),
            )
        ],
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
