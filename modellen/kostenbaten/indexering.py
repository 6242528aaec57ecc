"""Index prices to one price year with the CBS consumer price index (CPI, 2015=100).

The series ships as ``impact/data/cpi.csv``; every year carries its status (official,
rebased or derived) and source, and an indexed result records which years were derived.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

import pandas as pd

import impact
from impact.errors import Problem, UserInputError

CENT = Decimal("0.01")
CPI_BESTAND = Path(impact.__file__).parent / "data" / "cpi.csv"


def to_cents(value: Decimal) -> Decimal:
    """Round half up to whole cents (the convention of Dutch bookkeeping)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Cpi:
    """A yearly CPI series: index level, status and source per year."""

    reeks: pd.DataFrame  # jaar, cpi, status, bron

    def jaren(self) -> list[int]:
        return [int(j) for j in self.reeks["jaar"]]

    def niveau(self, jaar: int) -> Decimal:
        rij = self.reeks.loc[self.reeks["jaar"] == jaar]
        if rij.empty:
            raise UserInputError(
                Problem(
                    file="cpi",
                    row=None,
                    column="jaar",
                    expected=f"een jaar met bekende CPI ({self.jaren()[0]}–{self.jaren()[-1]})",
                    found=jaar,
                )
            )
        return Decimal(str(rij["cpi"].iloc[0]))

    def factor(self, van_jaar: int, naar_jaar: int) -> Decimal:
        """Multiplier that brings a price from ``van_jaar`` to the price level of ``naar_jaar``."""
        if van_jaar == naar_jaar:
            return Decimal(1)
        return self.niveau(naar_jaar) / self.niveau(van_jaar)

    def indexeer(self, prijs: Decimal | float, van_jaar: int, naar_jaar: int) -> Decimal:
        """Price in ``naar_jaar`` euros, rounded to the cent."""
        return to_cents(Decimal(str(prijs)) * self.factor(van_jaar, naar_jaar))

    def afgeleide_jaren(self, *jaren: int) -> list[int]:
        """Which of these years use a derived (not yet official) index level."""
        afgeleid = set(self.reeks.loc[self.reeks["status"] == "afgeleid", "jaar"].astype(int))
        return sorted({int(j) for j in jaren} & afgeleid)

    def bron(self) -> dict:
        return {
            "reeks": "CBS consumentenprijsindex (CPI), 2015=100, jaargemiddelden",
            "bestand": str(CPI_BESTAND.name),
            "afgeleide_jaren": self.afgeleide_jaren(*self.jaren()),
        }


@lru_cache(maxsize=1)
def standaard_cpi() -> Cpi:
    """The shipped CBS series."""
    reeks = pd.read_csv(CPI_BESTAND)
    return Cpi(reeks=reeks)
