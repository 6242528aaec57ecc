"""A protected table: the one object behind every HTML table, chart and spreadsheet sheet.

Columns are the headers a reader sees (already in the report's language); ``soorten`` says how
each column is formatted and checked: ``tekst``, ``aantal``, ``procent``, ``gemiddelde``,
``getal``, ``geld`` or ``datum``. ``masker`` carries the disclosure reason per cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from impact.opmaak import Opmaak
from rapporten import onthulling as ot


@dataclass
class Tabel:
    titel: str
    waarden: pd.DataFrame
    soorten: dict[str, str]
    masker: pd.DataFrame | None = None
    drempels: ot.Drempels = field(default_factory=ot.Drempels)
    toelichting: str = ""

    def __post_init__(self) -> None:
        self.waarden = self.waarden.reset_index(drop=True)
        if self.masker is None:
            self.masker = pd.DataFrame(ot.ZICHTBAAR, index=self.waarden.index, columns=self.waarden.columns)
        else:
            self.masker = self.masker.reset_index(drop=True).reindex(
                columns=self.waarden.columns, fill_value=ot.ZICHTBAAR
            )
        for kolom in self.waarden.columns:
            self.soorten.setdefault(kolom, "tekst")
        if self.drempels.afronden:  # every count a table shows, in HTML, chart and sheet alike
            for kolom in [k for k, soort in self.soorten.items() if soort == "aantal" and k in self.waarden.columns]:
                self.waarden[kolom] = ot.afgerond(pd.to_numeric(self.waarden[kolom], errors="coerce"), self.drempels)
        fouten = ot.controleer(self.waarden, self.soorten, self.drempels)
        if fouten:
            raise ValueError(f"tabel {self.titel!r} is niet beschermd: " + "; ".join(fouten))

    @property
    def heeft_onderdrukking(self) -> bool:
        return bool((self.masker != ot.ZICHTBAAR).to_numpy().any())

    def tekst(self, rij: int, kolom: str, opmaak: Opmaak) -> str:
        """One cell as the reader sees it, hidden cells as '< 5', '×' or 'n < 10'."""
        reden = int(self.masker.at[rij, kolom])
        if reden == ot.PRIMAIR:
            return f"< {self.drempels.drempel}"
        if reden == ot.SECUNDAIR:
            return "×"
        if reden == ot.NOEMER:
            return f"n < {self.drempels.min_noemer}"
        waarde = self.waarden.at[rij, kolom]
        soort = self.soorten.get(kolom, "tekst")
        if soort == "aantal":
            return opmaak.getal(waarde)
        if soort == "procent":
            return opmaak.procent(waarde)
        if soort in ("gemiddelde", "getal"):
            return opmaak.getal(waarde, 2)
        if soort == "dagen":  # a median of whole days: 5, or 5,5
            return opmaak.getal(waarde, 0 if float(waarde).is_integer() else 1)
        if soort == "geld":
            return opmaak.geld(waarde)
        if soort == "datum":
            return opmaak.datum(waarde)
        return "–" if waarde is None or (isinstance(waarde, float) and pd.isna(waarde)) else str(waarde)

    def _zoals_getoond(self, kolom: str, waarde: float) -> float:
        """With rounding, a spreadsheet cell or chart point says no more than the table's text:
        a mean to 2 decimals, a share to whole percents (a full-precision mean over n people is
        a fraction with n in its denominator, and would give the exact n back)."""
        if not self.drempels.afronden:
            return waarde
        decimalen = {"procent": 2, "gemiddelde": 2, "getal": 2, "dagen": 1}.get(self.soorten.get(kolom, ""))
        return waarde if decimalen is None else round(float(waarde), decimalen)

    def rijen(self, opmaak: Opmaak) -> list[list[str]]:
        return [[self.tekst(i, k, opmaak) for k in self.waarden.columns] for i in self.waarden.index]

    def cel(self, rij: int, kolom: str) -> object:
        """The value for a spreadsheet cell: a number when visible, else the hidden-cell text."""
        reden = int(self.masker.at[rij, kolom])
        if reden != ot.ZICHTBAAR:
            return self.tekst(rij, kolom, Opmaak("nl"))
        waarde = self.waarden.at[rij, kolom]
        if isinstance(waarde, float) and pd.isna(waarde):
            return None
        if isinstance(waarde, pd.Timestamp):
            return waarde.date()
        if hasattr(waarde, "item"):
            waarde = waarde.item()
        return self._zoals_getoond(kolom, waarde) if isinstance(waarde, float | int) else waarde

    def numeriek(self, kolom: str) -> list[float | None]:
        """Chart data: the visible values, None where hidden (the chart shows a gap)."""
        uit = []
        for i in self.waarden.index:
            waarde = self.waarden.at[i, kolom]
            zichtbaar = int(self.masker.at[i, kolom]) == ot.ZICHTBAAR
            uit.append(self._zoals_getoond(kolom, float(waarde)) if zichtbaar and pd.notna(waarde) else None)
        return uit

    def legenda(self, opmaak: Opmaak) -> str:
        if not self.heeft_onderdrukking:
            return ""
        d = self.drempels
        if d.afronden:
            return opmaak.t(
                "× = niet getoond zodat een kleine groep niet is terug te rekenen; n < {m} = over "
                "minder dan {m} personen wordt geen percentage of gemiddelde getoond.",
                m=d.min_noemer,
            )
        return opmaak.t(
            "< {d} = minder dan {d} personen; × = niet getoond zodat een kleine groep niet is "
            "terug te rekenen; n < {m} = over minder dan {m} personen wordt geen percentage of "
            "gemiddelde getoond.",
            d=d.drempel,
            m=d.min_noemer,
        )


def uit_kruistabel(
    titel: str,
    aantallen: pd.DataFrame,
    rij_kop: str,
    drempels: ot.Drempels = ot.STANDAARD,
    totaal_label: str = "Totaal",
    **totalen,
) -> Tabel:
    """A protected count table with totals from a plain count cross table."""
    waarden, masker = ot.kruistabel(aantallen, drempels, totaal_label, **totalen)
    waarden.index.name = rij_kop
    masker.index.name = rij_kop
    waarden = waarden.reset_index()
    masker = masker.reset_index()
    masker[rij_kop] = ot.ZICHTBAAR
    soorten = {k: "aantal" for k in waarden.columns if k != rij_kop}
    soorten[rij_kop] = "tekst"
    return Tabel(titel, waarden, soorten, masker, drempels)
