"""Dutch (default) or English presentation of numbers, money, dates and report text.

Numbers and dates go through Babel so that `€ 1.234,56` and `21 november 2026` come out right;
text goes through a small gettext-style catalogue: the Dutch sentence is the message id, the
English catalogue maps it to its translation, and a missing entry falls back to Dutch.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from rapporten.catalogus import ENGELS

TALEN = ("nl", "en")
_LOCALE = {"nl": "nl_NL", "en": "en_GB"}


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(isinstance(value, float) and math.isnan(value))
    except TypeError:
        return False


@dataclass(frozen=True)
class Opmaak:
    """Formatting for one language; ``t`` translates, the other methods format values."""

    taal: str = "nl"

    def __post_init__(self) -> None:
        if self.taal not in TALEN:
            from impact.errors import UserInputError

            raise UserInputError(f"taal moet 'nl' of 'en' zijn, niet {self.taal!r}")

    @property
    def locale(self) -> str:
        return _LOCALE[self.taal]

    def t(self, tekst: str, **waarden: object) -> str:
        """Translate a Dutch message id and fill in ``{naam}`` placeholders."""
        if self.taal == "en":
            tekst = ENGELS.get(tekst, tekst)
        return tekst.format(**waarden) if waarden else tekst

    def getal(self, waarde: object, decimalen: int = 0) -> str:
        if _missing(waarde):
            return "–"
        patroon = "#,##0" + ("." + "0" * decimalen if decimalen else "")
        return format_decimal(float(waarde), format=patroon, locale=self.locale)

    def geld(self, waarde: object, decimalen: int = 0) -> str:
        """Euros as `€ 1.234` (nl) or `€1,234` (en); decimals on request."""
        if _missing(waarde):
            return "–"
        bedrag = float(waarde)
        teken = "-" if bedrag < 0 else ""
        tekst = self.getal(abs(bedrag), decimalen)
        return f"{teken}€ {tekst}" if self.taal == "nl" else f"{teken}€{tekst}"

    def procent(self, waarde: object, decimalen: int = 0) -> str:
        """A fraction (0.25) as `25%`."""
        if _missing(waarde):
            return "–"
        return f"{self.getal(float(waarde) * 100, decimalen)}%"

    def datum(self, waarde: object) -> str:
        if _missing(waarde):
            return "–"
        if isinstance(waarde, str):
            waarde = pd.Timestamp(waarde)
        if isinstance(waarde, pd.Timestamp):
            waarde = waarde.date()
        if isinstance(waarde, dt.datetime):
            waarde = waarde.date()
        return format_date(waarde, format="long", locale=self.locale)
