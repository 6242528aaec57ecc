"""Provenance: what data, filters and settings a report was made from.

The fingerprint is :func:`impact.contract.vingerafdruk` over every table the report reads.
Everything except ``gegenereerd`` is reproducible.
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
    filters: dict[str, str] = field(default_factory=dict)
    parameters: dict[str, str] = field(default_factory=dict)
    prijslijst_versie: str | None = None
    bibliotheek_versie: str = field(default_factory=bibliotheekversie)
    gegenereerd: dt.date = field(default_factory=dt.date.today)
    bronnen: dict[str, str] = field(default_factory=dict)  # section -> module used / missing

    def rijen(self, opmaak) -> list[tuple[str, str]]:
        t = opmaak.t
        filters = ", ".join(f"{k} = {v}" for k, v in self.filters.items()) or t("geen (alle gegevens)")
        parameters = ", ".join(f"{k} = {v}" for k, v in self.parameters.items()) or "–"
        return [
            (t("Vingerafdruk van de gegevens (SHA-256)"), self.vingerafdruk),
            (t("Filters"), filters),
            (t("Parameters"), parameters),
            (t("Versie prijslijst"), self.prijslijst_versie or t("geen prijslijst gebruikt")),
            (t("Versie van de bibliotheek impact"), self.bibliotheek_versie),
            (t("Gemaakt op"), opmaak.datum(self.gegenereerd)),
        ]
