"""Provenance, shown as the report's colophon: what data, which selection, which settings.

The fingerprint is :func:`impact.contract.vingerafdruk` over every table the report reads, so
two reports with the same fingerprint rest on the same data. Everything except ``gegenereerd``
is reproducible. The colophon says it in words; no setting appears under its code name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import metadata


def bibliotheekversie() -> str:
    try:
        return metadata.version("impact")
    except metadata.PackageNotFoundError:
        return "onbekend"


@dataclass
class Herkomst:
    vingerafdruk: str
    drempel: int
    min_noemer: int
    filters: dict[str, str] = field(default_factory=dict)  # gemeente / interventie / periode -> in words
    prijslijst_versie: str | None = None
    bibliotheek_versie: str = field(default_factory=bibliotheekversie)
    afronden: int = 0  # 5: counts rounded to fives instead of small counts hidden
    gegenereerd: dt.date = field(default_factory=dt.date.today)

    def selectie(self, opmaak) -> str:
        t = opmaak.t
        namen = {"gemeente": t("gemeente"), "interventie": t("interventie"), "periode": t("periode")}
        delen = [f"{namen.get(k, k)} {v}" for k, v in self.filters.items()]
        return "; ".join(delen) or t("alle gegevens, zonder selectie")

    def rijen(self, opmaak, kort: bool = False) -> list[tuple[str, str]]:
        t = opmaak.t
        if kort:
            return [
                (t("Over welke gegevens"), self.selectie(opmaak)),
                (t("Gemaakt op"), opmaak.datum(self.gegenereerd)),
            ]
        return [
            (t("Selectie"), self.selectie(opmaak)),
            (
                t("Bescherming van kleine aantallen"),
                t(
                    "aantallen afgerond op vijftallen; gemiddelden en percentages alleen over minstens "
                    "{m} personen",
                    m=self.min_noemer,
                )
                if self.afronden
                else t(
                    "aantallen onder {d} niet getoond; gemiddelden en percentages alleen over minstens "
                    "{m} personen",
                    d=self.drempel,
                    m=self.min_noemer,
                ),
            ),
            (t("Prijslijst voor kosten en baten"), self.prijslijst_versie or t("niet gebruikt")),
            (t("Kenmerk van de gegevens (SHA-256)"), self.vingerafdruk),
            (
                t("Gemaakt met"),
                t("impact {v}, op {d}", v=self.bibliotheek_versie, d=opmaak.datum(self.gegenereerd)),
            ),
        ]
