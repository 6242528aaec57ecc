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


def _van_de_tien(ctx: gm.Context, groep: str) -> int | None:
    """Of every 10 people in ``groep`` measured twice, how many were better off at the end
    (their mean over the ZRM domains went up); None when too few to say it safely."""
    paren = gm.eerste_en_laatste(ctx)
    verschil = beschrijving.verschil_per_client(paren[paren["groep"] == groep])["verschil"]
    beter, d = int((verschil > 0).sum()), ctx.drempels
    if len(verschil) < d.min_noemer or not d.drempel <= beter <= len(verschil) - d.drempel:
        return None
    return round(beter / len(verschil) * 10)


def _bereikt(ctx: gm.Context) -> list:
    t = ctx.t
    g = ctx.gegevens
    n = int(g.clienten.loc[g.clienten["groep"] != "vergelijking", "client_id"].nunique())
    gemeenten = sorted(g.clienten["gemeente"].dropna().unique())
    zinnen = []
    if n >= ctx.drempels.drempel:
        zinnen.append(t("Ongeveer {n} mensen kregen hulp van sociaal werkers.", n=ctx.opmaak.getal(_afgerond(n))))
        zinnen.append(t("Dat was in {g}.", g=_opsomming(ctx, gemeenten)))
    hulp, gewoon = _van_de_tien(ctx, "interventie"), _van_de_tien(ctx, "vergelijking")
    if hulp is not None:
        zinnen.append(t("We spraken mensen twee keer: bij het begin en later."))
        zinnen.append(t("Bij ongeveer {x} van de 10 mensen ging het beter.", x=hulp))
        if gewoon is not None:
            zinnen.append(
                t("Maar het gaat ook vaak beter zonder deze hulp. Bij mensen met gewone zorg was dat {x} van de 10.", x=gewoon)
            )
    zinnen.append(t("Cijfers vertellen niet alles. Daarom laten we ook mensen zelf aan het woord."))
    return [Tekst(zinnen)]


def _eigen_cijfer(ctx: gm.Context) -> list:
    """What people said themselves: their own Positieve Gezondheid mark for their quality of
    life (0 to 10), at the start and later; only numbers over enough people."""
    t, o, d = ctx.t, ctx.opmaak, ctx.drempels
    uitkomst = ctx.resultaat("per_instrument").get(("PG", "client"))
    if uitkomst is None:
        return [Tekst([t("Mensen gaven hun leven hier (nog) geen eigen cijfer.")])]
    s = uitkomst.verandering.summary()
    rij = s[(s["domein"] == "kwaliteit_van_leven") & (s["horizon"] == "laatste")]
    n = int(rij["n"].iloc[0]) if len(rij) else 0
    if n < d.min_noemer:
        return [Tekst([t("Te weinig mensen gaven hun leven twee keer een cijfer om iets te zeggen.")])]
    r = rij.iloc[0]
    zinnen = [
        t("Mensen gaven hun leven ook zelf een cijfer, van 0 tot 10."),
        t("Bij het begin gaven ze gemiddeld een {c}.", c=o.getal(r["gem_voor"], 1)),
        t("Later gaven ze gemiddeld een {c}.", c=o.getal(r["gem_na"], 1)),
    ]
    hoger = round(float(r["aandeel_verbeterd"]) * n)
    if d.drempel <= hoger <= n - d.drempel:
        zinnen.append(t("Bij ongeveer {x} van de 10 mensen ging hun eigen cijfer omhoog.", x=round(hoger / n * 10)))
    zinnen.append(t("Zo horen we niet alleen wat sociaal werkers zien, maar ook hoe mensen het zelf voelen."))
    return [Tekst(zinnen)]


def _opsomming(ctx: gm.Context, namen: list[str]) -> str:
    """'A, B en C' (or 'A, B and C')."""
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " " + ctx.t("en") + " " + namen[-1]


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
                t("Sociaal werkers helpen mensen die het even niet alleen redden."),
                t("Bijvoorbeeld bij schulden, bij problemen met wonen of als u zich alleen voelt."),
                t("Ze praten met mensen. Ze zoeken samen naar een oplossing. En ze helpen bij het regelen van zaken."),
            ]
        )
    ]


def _privacy(ctx: gm.Context) -> list:
    t = ctx.t
    return [
        Tekst(
            [
                t("In dit verslag staan geen echte namen."),
                t("Een verhaal staat er alleen in als de schrijver dat goed vond."),
                t("Namen, adressen en telefoonnummers hebben we weggehaald of veranderd."),
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
            Onderdeel(N_("Wat doen sociaal werkers?"), _wat),
            Onderdeel(N_("Wat is er bereikt?"), _bereikt, ("paren",)),
            Onderdeel(N_("Wat zeggen mensen zelf?"), _eigen_cijfer, ("per_instrument",)),
            Onderdeel(N_("Verhalen"), _verhalen),
            Onderdeel(N_("Hoe gaan we om met uw gegevens?"), _privacy),
        ),
        verhalen_uitleg=N_("De namen in de verhalen zijn verzonnen."),
        kort_colofon=True,
        werkwijze=False,  # its own section "Hoe gaan we om met uw gegevens?" says it in B1
    )
)
