"""'Wat gebeurde hier?': a few keerpunten in words, each next to a fragment of a story of the same
client from around that moment (dialoog and verantwoording).

The keerpunten are the run's result (:mod:`rapporten.resultaten`, ``keerpunten``); the pairing,
the consent check and the published text are :func:`verhalen.koppeling.verhalen_bij_keerpunten`.
Only stories whose consent covers a publication appear, and only in their published text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from impact.opmaak import N_
from rapporten import gemeenschappelijk as gm
from rapporten.figuren import Figuur
from rapporten.model import Melding, Sectie, Tekst, Verhaal, Verhalen
from rapporten.resultaten import KERN_DOMEINEN
from rapporten.secties import Onderdeel
from rapporten.tabel import Tabel
from verhalen.koppeling import VENSTER_NA, VENSTER_VOOR, verhalen_bij_keerpunten
from verhalen.publicatie import PUBLICATIE

TITEL = N_("Wat gebeurde hier? Keerpunten naast verhalen")
AANTAL = 3


def paren(ctx: gm.Context) -> pd.DataFrame:
    """Every keerpunt of the run with the publishable stories of its client around it."""
    keerpunten = ctx.resultaat("keerpunten")
    if keerpunten is None or keerpunten.empty:
        return pd.DataFrame()
    return verhalen_bij_keerpunten(ctx.gegevens.verhalen, keerpunten, PUBLICATIE)


def al_getoond(ctx: gm.Context) -> list[str]:
    """Story texts and quotes that sections made earlier for this report hold (a report shows a
    story once): every story of a Verhalen block and every longer text cell of a table."""
    teksten: list[str] = []

    def zoek(x: object) -> None:
        if isinstance(x, dict):
            for v in x.values():
                zoek(v)
        elif isinstance(x, list | tuple):
            for v in x:
                zoek(v)
        elif isinstance(x, Sectie):
            for blok in x.alle_blokken():
                if isinstance(blok, Verhalen):
                    teksten.extend(v.tekst for v in blok.verhalen)
                elif isinstance(blok, Tabel | Figuur):
                    tabel = blok if isinstance(blok, Tabel) else blok.tabel
                    for kolom in tabel.waarden.columns:
                        if tabel.soorten.get(kolom, "tekst") == "tekst":
                            teksten.extend(str(c) for c in tabel.waarden[kolom] if isinstance(c, str) and len(c) >= 30)

    zoek(list(ctx.gedeeld.values()))
    return teksten


def kies(alle: pd.DataFrame, aantal: int = AANTAL, uitsluiten: pd.Index | None = None) -> pd.DataFrame:
    """A few pairs: per keerpunt its nearest story, one per client and story, spread over
    improvements and setbacks and over time (deterministic); stories in ``uitsluiten`` not."""
    if alle.empty:
        return alle
    if uitsluiten is not None:
        alle = alle[~alle["verhaal_id"].isin(uitsluiten)]
    kern = alle[alle["domein"].isin(KERN_DOMEINEN)]
    if kern["client_id"].nunique() >= aantal:  # the domains the reports are about, when there are enough
        alle = kern
    een = alle.drop_duplicates(["client_id", "domein", "keerpunt_datum"])  # nearest story first
    een = een.drop_duplicates("client_id").drop_duplicates("verhaal_id").drop_duplicates("fragment")
    een = een.sort_values(["betekenis", "keerpunt_datum", "client_id"], kind="stable")
    stappen = np.linspace(0, len(een) - 1, num=min(aantal, len(een))).round().astype(int)
    return een.iloc[sorted(set(stappen))]


def _getoonde_verhalen(ctx: gm.Context, alle: pd.DataFrame) -> pd.Index:
    """The candidate stories an earlier section of this report already shows or quotes."""
    if alle.empty:
        return pd.Index([])
    teksten = al_getoond(ctx)
    if not teksten:
        return pd.Index([])
    v = ctx.gegevens.verhalen
    gepubliceerd = v[v["verhaal_id"].isin(alle["verhaal_id"])].set_index("verhaal_id")["tekst_publicatie"]
    return pd.Index(
        [i for i, tekst in gepubliceerd.items() if isinstance(tekst, str) and any(s in tekst or tekst in s for s in teksten)]
    )


def _score(ctx: gm.Context, x: float) -> str:
    return ctx.opmaak.getal(x, 0 if float(x).is_integer() else 1)


def _wanneer(ctx: gm.Context, dagen: int) -> str:
    t = ctx.t
    if dagen == 0:
        return t("op de dag van het keerpunt")
    if abs(dagen) == 1:
        return t("een dag vóór het keerpunt") if dagen < 0 else t("een dag na het keerpunt")
    if dagen < 0:
        return t("{d} dagen vóór het keerpunt", d=-dagen)
    return t("{d} dagen na het keerpunt", d=dagen)


def blokken(ctx: gm.Context) -> list:
    t = ctx.t
    alle = paren(ctx)
    gekozen = kies(alle, uitsluiten=_getoonde_verhalen(ctx, alle))
    uitleg = Tekst(
        [
            t(
                "Een keerpunt is een sprong in de score van één cliënt tussen twee metingen die groter "
                "is dan de meetfout. Hieronder staan enkele keerpunten naast een verhaal over dezelfde "
                "cliënt, geschreven in de periode van {v} dagen vóór tot {n} dagen na het keerpunt. Het "
                "verhaal laat zien wat er achter het getal kan zitten; het bewijst niet wat de sprong "
                "veroorzaakte.",
                v=VENSTER_VOOR,
                n=VENSTER_NA,
            )
        ]
    )
    if gekozen.empty:
        return [
            uitleg,
            Melding(
                t(
                    "Er zijn (nog) geen keerpunten met een verhaal uit de periode eromheen dat "
                    "toestemming heeft om te publiceren."
                ),
                "info",
            ),
        ]
    namen = gm.zrm_namen()
    verhalen = []
    for r in gekozen.itertuples():
        titel = t(
            "{domein} ging op {datum} van {a} naar {b}",
            domein=t(namen.get(r.domein, r.domein)),
            datum=ctx.opmaak.datum(r.keerpunt_datum),
            a=_score(ctx, r.vorige_score),
            b=_score(ctx, r.score),
        )
        onderschrift = " · ".join(
            [
                t(gm.VERHAALSOORT_LABELS.get(r.soort, r.soort)),
                ctx.opmaak.datum(r.verhaal_datum),
                _wanneer(ctx, int(r.dagen_na_keerpunt)),
            ]
        )
        verhalen.append(Verhaal(titel, str(r.fragment), onderschrift))
    return [uitleg, Verhalen(verhalen)]


ONDERDEEL = Onderdeel(TITEL, blokken, ("keerpunten",))
