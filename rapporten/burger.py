"""A plain-language (B1) summary for inhabitants: few numbers, clear words, stories."""

from __future__ import annotations

from impact.opmaak import N_
from modellen import beschrijving
from rapporten import gemeenschappelijk as gm
from rapporten.model import Tekst
from rapporten.secties import Onderdeel, Rapportsoort, registreer
from verhalen.publicatie import kies_voor_publicatie

NAAM = "burger"


def _afgerond(n: int) -> int:
    """Round to tens (hundreds above 1000): plain language needs no exact counts."""
    stap = 100 if n >= 1000 else 10
    return int(round(n / stap) * stap)


def _bereikt(ctx: gm.Context) -> list:
    t = ctx.t
    g = ctx.gegevens
    n = (
        int(g.clienten[g.clienten["groep"] != "vergelijking"]["client_id"].nunique())
        if "groep" in g.clienten.columns
        else len(g.clienten)
    )
    gemeenten = sorted(g.clienten["gemeente"].dropna().unique())
    paren = gm.eerste_en_laatste(ctx)
    paren = paren[paren["groep"] != "vergelijking"]
    # better off = the client's mean over the ZRM domains went up
    per_client = beschrijving.verschil_per_client(paren)["verschil"]
    zinnen = []
    if n >= ctx.drempels.drempel:
        zinnen.append(
            t(
                "Ongeveer {n} mensen kregen hulp van sociaal werkers in {g}.",
                n=ctx.opmaak.getal(_afgerond(n)),
                g=", ".join(gemeenten),
            )
        )
    beter = int((per_client > 0).sum())
    d = ctx.drempels
    if len(per_client) >= d.min_noemer and d.drempel <= beter <= len(per_client) - d.drempel:
        zinnen.append(
            t(
                "Van de mensen die we twee keer spraken, ging het bij ongeveer {p} gemiddeld "
                "beter dan bij het begin. Bijvoorbeeld met geld, wonen of contact met anderen.",
                p=t("{x} van de 10", x=round(beter / len(per_client) * 10)),
            )
        )
    zinnen.append(t("Cijfers vertellen niet alles. Daarom laten we ook mensen zelf aan het woord."))
    return [Tekst(zinnen)]


def _verhalen(ctx: gm.Context) -> list:
    t = ctx.t
    kandidaten = ctx.gegevens.verhalen
    if not kandidaten.empty:
        kandidaten = kandidaten[kandidaten["soort"].isin(("clientverhaal", "msc_verhaal", "wijkverhaal"))]
    # plain language: the page says why these stories, not the selection rule
    gekozen, _ = kies_voor_publicatie(kandidaten, 3, spreiding=("gemeente", "wijk"), seed=0)
    verhalen = gm.verhalen_van(ctx, gekozen)
    if verhalen.verhalen:
        verhalen.toelichting = t("We kozen verhalen uit verschillende wijken.")
    return [verhalen]


def _wat(ctx: gm.Context) -> list:
    t = ctx.t
    return [
        Tekst(
            [
                t(
                    "Sociaal werkers helpen mensen die het even niet alleen redden. Bijvoorbeeld met "
                    "schulden, met wonen of als je je alleen voelt."
                ),
                t("Ze praten met mensen, zoeken samen naar oplossingen en helpen bij instanties."),
            ]
        )
    ]


def _privacy(ctx: gm.Context) -> list:
    t = ctx.t
    return [
        Tekst(
            [
                t(
                    "In dit verslag staan geen namen. Verhalen staan er alleen in als de schrijver dat "
                    "goed vond. Namen, adressen en telefoonnummers hebben we weggehaald."
                ),
                t(
                    "Als een groep heel klein is, noemen we het aantal niet. Zo kan niemand zien over "
                    "wie het gaat."
                ),
            ]
        )
    ]


SOORT = registreer(
    Rapportsoort(
        NAAM,
        N_("Wat sociaal werk doet in uw buurt"),
        N_("Een korte uitleg in gewone taal"),
        (
            Onderdeel(N_("Wat deden sociaal werkers?"), _wat),
            Onderdeel(N_("Wat is er bereikt?"), _bereikt, ("paren",)),
            Onderdeel(N_("Verhalen"), _verhalen),
            Onderdeel(N_("Hoe gaan we om met jouw gegevens?"), _privacy),
        ),
    )
)
