"""Erkenning per intervention: its level in the erkenningstraject and the databank, one line each.

Shown next to the intervention's outcomes in the beleid and verantwoording reports, so a reader
sees how well an intervention is described or proven before reading what it achieved here.
"""

from __future__ import annotations

from impact.contract import DATABANKEN
from impact.opmaak import N_
from rapporten import gemeenschappelijk as gm
from rapporten.model import Tekst

# the levels as a reader sees them (the data contract's ERKENNING values)
NIVEAUS = {
    "goed beschreven": N_("Goed beschreven"),
    "goed onderbouwd": N_("Goed onderbouwd"),
    "effectief volgens eerste aanwijzingen": N_("Effectief volgens eerste aanwijzingen"),
    "effectief volgens goede aanwijzingen": N_("Effectief volgens goede aanwijzingen"),
    "effectief volgens sterke aanwijzingen": N_("Effectief volgens sterke aanwijzingen"),
    "niet beoordeeld": N_("Niet beoordeeld"),
}


def _tekst(x) -> str | None:
    return x if isinstance(x, str) and x.strip() else None


def regels(ctx: gm.Context) -> list[str]:
    """One line per intervention of the run's trajecten: 'naam: Niveau (databank)'."""
    t = ctx.t
    namen = set(ctx.gegevens.trajecten["interventie"].dropna()) if not ctx.gegevens.trajecten.empty else set()
    interventies = ctx.gegevens.interventies
    if interventies.empty or not namen:
        return []
    uit = []
    for r in interventies[interventies["naam"].isin(namen)].sort_values("naam").itertuples():
        niveau, databank = _tekst(getattr(r, "databank_erkenning", None)), _tekst(getattr(r, "databank", None))
        if niveau is None:
            oordeel = t("geen erkenning opgegeven")
        else:
            oordeel = t(NIVEAUS.get(niveau, niveau))
            if databank is not None:
                oordeel += f" ({DATABANKEN.get(databank, databank)})"
        uit.append(f"{r.naam}: {oordeel}")
    return uit


def blok(ctx: gm.Context) -> Tekst:
    """The erkenning lines with one sentence saying what they mean."""
    t = ctx.t
    lijst = regels(ctx)
    if not lijst:
        return Tekst([t("Van de interventies is geen erkenning bekend.")])
    uitleg = t(
        "Erkenning van de interventies, zoals opgegeven bij de gegevens. Het niveau komt uit het "
        "erkenningstraject van de databanken van Movisie, het Nederlands Jeugdinstituut en Loket "
        "Gezond Leven: van goed beschreven, via goed onderbouwd, tot effectief volgens eerste, goede "
        "of sterke aanwijzingen. Een erkenning zegt hoe goed de aanpak elders is beschreven en "
        "onderzocht, niet wat hij hier heeft bereikt."
    )
    return Tekst([uitleg, *lijst])

