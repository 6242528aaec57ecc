"""Dutch (default) or English presentation: numbers, money, dates and translated text.

One formatter for every door (reports, CLI, figure titles). Numbers, money and dates go
through Babel with the locale of the language (nl_NL, en_GB), so that amounts read
``€ 1.234,56`` and ``€ -1.234,56`` (Babel's nl_NL convention for negative amounts) and
dates ``21 november 2026``. Spaces inside amounts are ordinary spaces, so the same text
works in a terminal, a plotly title and HTML.

Text goes through gettext catalogues in ``impact/locale``: the Dutch sentence is the
message id (domain ``impact``), ``en/LC_MESSAGES/impact.po`` holds the English, and a
message without an English entry falls back to Dutch. The ``.po`` files are the only
committed form: Babel compiles them in memory the first time a language is needed.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import gettext
import io
import math
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

from impact.errors import UserInputError

TALEN = ("nl", "en")
LOCALE_DIR = Path(__file__).parent / "locale"
_LOCALE = {"nl": "nl_NL", "en": "en_GB"}
ONTBREEKT = "–"


def N_(tekst: str) -> str:
    """Mark a Dutch message id for extraction where it is translated later (a section title)."""
    return tekst


def catalogue_path(taal: str, domain: str = "impact") -> Path:
    """Where the ``.po`` catalogue of one language and domain lives."""
    return LOCALE_DIR / taal / "LC_MESSAGES" / f"{domain}.po"


@functools.cache
def translations(taal: str, domain: str = "impact") -> gettext.NullTranslations:
    """The catalogue of ``domain`` in ``taal``, compiled in memory by Babel (cached).

    Without a catalogue for that language (Dutch for the ``impact`` domain, whose message
    ids are Dutch) every message stays as it is.
    """
    pad = catalogue_path(taal, domain)
    if not pad.exists():
        return gettext.NullTranslations()
    with pad.open("rb") as bestand:
        catalogus = read_po(bestand, locale=taal, domain=domain)
    buffer = io.BytesIO()
    write_mo(buffer, catalogus, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=domain)


def _missing(value: object) -> bool:
    if value is None:
        return True
    import pandas as pd  # lazy: the command line starts without pandas

    if value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(isinstance(value, float) and math.isnan(value))
    except TypeError:
        return False


def _zonder_min_nul(waarde: float, decimalen: int) -> float:
    """-0,4 rounded to whole numbers is 0, not -0."""
    return 0.0 if abs(waarde) < 0.5 * 10.0**-decimalen else waarde


@dataclass(frozen=True)
class Opmaak:
    """Formatting for one language; ``t`` translates, the other methods format values."""

    taal: str = "nl"

    def __post_init__(self) -> None:
        if self.taal not in TALEN:
            raise UserInputError(f"taal moet 'nl' of 'en' zijn, niet {self.taal!r}")

    @property
    def locale(self) -> str:
        return _LOCALE[self.taal]

    def t(self, tekst: str, **waarden: object) -> str:
        """Translate a Dutch message id and fill in ``{naam}`` placeholders."""
        if tekst and self.taal != "nl":
            tekst = translations(self.taal).gettext(tekst)
        return tekst.format(**waarden) if waarden else tekst

    def tn(self, enkelvoud: str, meervoud: str, n: int, **waarden: object) -> str:
        """Translate a message with a singular and a plural form; ``{n}`` is filled in."""
        tekst = translations(self.taal).ngettext(enkelvoud, meervoud, n)
        return tekst.format(**{"n": n, **waarden})

    def getal(self, waarde: object, decimalen: int = 0) -> str:
        """`1.234.567` or `3,14` (nl), `1,234,567` or `3.14` (en)."""
        if _missing(waarde):
            return ONTBREEKT
        patroon = "#,##0" + ("." + "0" * decimalen if decimalen else "")
        getal = _zonder_min_nul(float(waarde), decimalen)
        return format_decimal(getal, format=patroon, locale=self.locale)

    def geld(self, waarde: object, decimalen: int = 0) -> str:
        """Euros as `€ 1.234` / `€ -1.234` (nl) or `€1,234` / `-€1,234` (en); decimals on request."""
        if _missing(waarde):
            return ONTBREEKT
        locale = Locale.parse(self.locale)
        patroon = _currency_pattern(self.locale, decimalen)
        bedrag = _zonder_min_nul(float(waarde), decimalen)
        tekst = patroon.apply(bedrag, locale, currency="EUR", currency_digits=False)
        return tekst.replace("\xa0", " ")

    def procent(self, waarde: object, decimalen: int = 0) -> str:
        """A fraction (0.25) as `25%`."""
        if _missing(waarde):
            return ONTBREEKT
        return f"{self.getal(float(waarde) * 100, decimalen)}%"

    def datum(self, waarde: object) -> str:
        """`21 november 2026` (nl) or `21 November 2026` (en)."""
        if _missing(waarde):
            return ONTBREEKT
        import pandas as pd
        from babel.dates import format_date

        if isinstance(waarde, str):
            waarde = pd.Timestamp(waarde)
        if isinstance(waarde, pd.Timestamp):
            waarde = waarde.date()
        if isinstance(waarde, dt.datetime):
            waarde = waarde.date()
        return format_date(waarde, format="long", locale=self.locale)

    def maand(self, waarde: object) -> str:
        """`november 2026`: a date as its month, where the day could help recognise someone."""
        if _missing(waarde):
            return ONTBREEKT
        import pandas as pd
        from babel.dates import format_date

        return format_date(pd.Timestamp(waarde).date(), format="MMMM y", locale=self.locale)


@functools.cache
def _currency_pattern(locale: str, decimalen: int):
    """The locale's own currency pattern with a fixed number of decimals."""
    patroon = copy.copy(Locale.parse(locale).currency_formats["standard"])
    patroon.frac_prec = (decimalen, decimalen)
    return patroon


def euro(bedrag: float) -> str:
    """Plain-text amount in Dutch notation with cents: `€ 1.234,56`, negative `€ -1.234,56`."""
    return Opmaak("nl").geld(bedrag, 2)
