"""Key findings for a report's 'In het kort': full sentences with the number, its uncertainty
and what it does not show.

Each function returns one sentence, or None when the data do not allow a finding that can be
published (too few people, an estimate that could not be made). Numbers come from the run's
model results and obey the same rule as every table: means and shares only over at least
``min_noemer`` people.
"""

from __future__ import annotations

import pandas as pd

from modellen import beschrijving
from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten.resultaten import ALLE_DOMEINEN


def bereik(ctx: gm.Context) -> str | None:
    t = ctx.t
    c = ctx.gegevens.clienten
    n, g = int(c["client_id"].nunique()), int(c["gemeente"].nunique())
    if n < ctx.drempels.drempel:
        return None
    return t(
        "In deze gegevens staan {n} cliënten uit {g}, met {m} metingen.",
        n=ctx.aantal(n),
        g=ctx.opmaak.tn("{n} gemeente", "{n} gemeenten", g),
        m=ctx.opmaak.getal(len(ctx.gegevens.metingen)),
    )


def verandering(ctx: gm.Context) -> str | None:
    """The domain with the largest mean change from start to last measurement, with its CI."""
    t = ctx.t
    s = ctx.resultaat("verandering").summary()
    s = s[(s["horizon"] == "laatste") & (s["n"] >= ctx.drempels.min_noemer)]
    if s.empty:
        return None
    beste = s.sort_values("gem_verandering").iloc[-1]
    return t(
        "De grootste vooruitgang van de startmeting tot de laatste meting is er op {d}: gemiddeld {v} "
        "punt op de ZRM (95%-interval {a} tot {b}, {n} cliënten). Zonder vergelijking zegt dit niet "
        "dat de hulp dat veroorzaakte.",
        d=t(gm.zrm_namen().get(beste["domein"], beste["domein"])).lower(),
        v=ctx.opmaak.getal(beste["gem_verandering"], 2),
        a=ctx.opmaak.getal(beste["ci_laag"], 2),
        b=ctx.opmaak.getal(beste["ci_hoog"], 2),
        n=ctx.aantal(beste["n"]),
    )


def vergelijking(ctx: gm.Context) -> str | None:
    """The difference-in-differences over all domains."""
    t = ctx.t
    did = ctx.resultaat("did")
    rij = did[did["domein"] == ALLE_DOMEINEN]
    if rij.empty:
        return None
    rij = rij.iloc[0]
    if min(rij["n_i"], rij["n_v"]) < ctx.drempels.min_noemer or pd.isna(rij["effect"]):
        return None
    return t(
        "Vergeleken met de vergelijkingsgroep ging de interventiegroep gemiddeld {v} punt meer vooruit "
        "(95%-interval {a} tot {b}). De groepen zijn niet door loting ingedeeld: dit is een "
        "aanwijzing, geen bewijs dat de interventie werkt.",
        v=ctx.opmaak.getal(rij["effect"], 2),
        a=ctx.opmaak.getal(rij["laag"], 2),
        b=ctx.opmaak.getal(rij["hoog"], 2),
    )


def kosten_baten(ctx: gm.Context) -> str | None:
    t = ctx.t
    samen = ctx.resultaat("kostenbaten").samen
    if samen is None or samen.n < ctx.drempels.min_noemer:
        return None
    rij = samen.gemiddelden().set_index("grootheid").loc["verschil"]
    return t(
        "Over {n} uitgewerkte casussen is het maatschappelijk saldo gemiddeld {v} per casus "
        "(95%-interval {a} tot {b}). Het is een schatting van wat er zonder hulp was gebeurd, "
        "gemaakt door de betrokken professionals.",
        n=samen.n,
        v=ctx.opmaak.geld(rij["gemiddelde"]),
        a=ctx.opmaak.geld(rij["ci_laag"]),
        b=ctx.opmaak.geld(rij["ci_hoog"]),
    )


def uitval(ctx: gm.Context) -> str | None:
    """The share of clients with an intake measurement who were measured again at 12 months."""
    t = ctx.t
    vervolg = beschrijving.vervolg_per_interventie(ctx.resultaat("meetmomenten"))
    gestart, m12 = int(vervolg["gestart"].sum()), int(vervolg["m12"].sum())
    if gestart < ctx.drempels.min_noemer or (min(m12, gestart - m12) < ctx.drempels.drempel and not ctx.drempels.afronden):
        return None
    return t(
        "Van de cliënten met een startmeting is {p} na twaalf maanden opnieuw gemeten. Wie niet "
        "opnieuw gemeten is, telt niet mee in de uitkomsten; dat kan het beeld kleuren.",
        p=ctx.opmaak.procent(ot.aandeel(m12, gestart, ctx.drempels)),
    )


def alle(ctx: gm.Context, *functies) -> list[str]:
    """The findings that can be published, in the order given."""
    return [zin for zin in (f(ctx) for f in functies) if zin]
