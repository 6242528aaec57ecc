"""Reports as declarative units: a report is a list of sections, a registry names the reports.

A section (:class:`Onderdeel`) says which model results it needs (names known to
:mod:`rapporten.resultaten`) and how it turns them into blocks. A report kind
(:class:`Rapportsoort`) is a title, a subtitle and its sections; :data:`RAPPORTEN` is the
registry the CLI and :func:`rapporten.bouw` look reports up in. Titles are Dutch message ids,
translated when the report is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from impact.errors import UserInputError
from impact.opmaak import N_
from rapporten import werkwijze
from rapporten.figuren import Figuur
from rapporten.gemeenschappelijk import PSEUDONIMISERING, Context
from rapporten.model import Blok, Filter, Melding, Naast, Rapport, Sectie, Verhalen
from rapporten.tabel import Tabel

# Said once per report that rounds, just before its first count.
AFRONDING = N_(
    "Alle aantallen in dit rapport zijn afgerond op vijftallen. Een 0 betekent: niemand; een 5 "
    "staat voor 1 tot en met 7 personen. Elk getal is apart afgerond, ook een totaal, dus de delen "
    "tellen niet altijd precies op tot het totaal. Percentages zijn berekend uit de afgeronde aantallen."
)


@dataclass(frozen=True)
class Onderdeel:
    """One section: its title, the results it needs, and the function that makes its blocks.

    ``blokken(ctx)`` returns the blocks; a section that is really several (one per theme, one
    per gemeente) sets ``secties(ctx)`` instead, returning whole sections.
    """

    titel: str
    blokken: Callable[[Context], list[Blok]] | None = None
    nodig: tuple[str, ...] = ()
    secties: Callable[[Context], list[Sectie]] | None = None

    def maak(self, ctx: Context) -> list[Sectie]:
        for naam in self.nodig:
            ctx.resultaat(naam)
        if self.secties is not None:
            return self.secties(ctx)
        return [Sectie(ctx.t(self.titel), self.blokken(ctx))]


@dataclass(frozen=True)
class Rapportsoort:
    """A kind of report: what it is called and which sections it shows, in order."""

    naam: str
    titel: str | Callable[[Context], str]  # a message id, or a function of the data
    ondertitel: str
    onderdelen: tuple[Onderdeel, ...]
    kern: Callable[[Context], list[str]] | None = None  # the 'In het kort' lines
    verhalen_uitleg: str = PSEUDONIMISERING  # said once, at the report's first stories
    kort_colofon: bool = False  # a page for citizens: when and from what, no fingerprint
    werkwijze: bool = True  # ends with the appendix "Hoe is dit gemaakt" (rapporten.werkwijze)
    uit_metingen: bool = True  # shows clients' outcomes: cannot be made without measurements

    def nodig(self) -> tuple[str, ...]:
        """Every result this report needs, in the order its sections ask for them."""
        return tuple(dict.fromkeys(n for o in self.onderdelen for n in o.nodig))

    def maak(self, ctx: Context) -> Rapport:
        t = ctx.t
        if self.uit_metingen and ctx.gegevens.metingen.empty:
            raise UserInputError(_geen_metingen(ctx, self.naam))
        secties = [s for onderdeel in self.onderdelen for s in onderdeel.maak(ctx)]
        _zeg_eenmaal(ctx.t(self.verhalen_uitleg), secties)
        if ctx.drempels.afronden:
            _voor_eerste_aantal(Melding(t(AFRONDING), "info"), secties)
        if self.werkwijze:
            secties.append(werkwijze.sectie(ctx, self.nodig(), secties))
        return Rapport(
            self.naam,
            self.titel(ctx) if callable(self.titel) else t(self.titel),
            t(self.ondertitel),
            ctx.opmaak.taal,
            secties,
            ctx.herkomst(),
            self.kern(ctx) if self.kern else [],
            ctx.gegevens.synthetisch,
            self.kort_colofon,
        )


RAPPORTEN: dict[str, Rapportsoort] = {}


def registreer(soort: Rapportsoort) -> Rapportsoort:
    if soort.naam in RAPPORTEN:
        raise ValueError(f"rapportsoort {soort.naam!r} is al geregistreerd")
    RAPPORTEN[soort.naam] = soort
    return soort


def _geen_metingen(ctx: Context, naam: str) -> str:
    selectie = ctx.gegevens.filters.beschrijving()
    waar = (" in de selectie (" + "; ".join(f"{k} {v}" for k, v in selectie.items()) + ")") if selectie else ""
    oplossing = "kies een ruimere selectie" if selectie else "importeer ze eerst met `impact importeer metingen BESTAND`"
    return (
        f"er zijn geen metingen{waar}: het rapport '{naam}' laat uitkomsten van cliënten zien en kan "
        f"niet zonder metingen worden gemaakt; {oplossing}"
    )


def _zeg_eenmaal(uitleg: str, secties: list[Sectie]) -> None:
    """The first block with stories says how stories are protected; the others do not repeat it."""
    for sectie in secties:
        for blok in sectie.alle_blokken():
            if isinstance(blok, Verhalen) and blok.verhalen:
                blok.toelichting = " ".join(x for x in (blok.toelichting, uitleg) if x)
                return


def _toont_aantallen(blok: Blok) -> bool:
    if isinstance(blok, Tabel):
        return "aantal" in blok.soorten.values()
    if isinstance(blok, Figuur):
        return _toont_aantallen(blok.tabel)
    if isinstance(blok, Naast):
        return _toont_aantallen(blok.links)
    if isinstance(blok, Filter):
        return any(_toont_aantallen(b) for blokken in blok.varianten.values() for b in blokken)
    return False


def _voor_eerste_aantal(melding: Melding, secties: list[Sectie]) -> bool:
    """Put ``melding`` just before the report's first block that shows counts."""
    for sectie in secties:
        for i, blok in enumerate(sectie.blokken):
            if _toont_aantallen(blok):
                sectie.blokken.insert(i, melding)
                return True
        if _voor_eerste_aantal(melding, sectie.subsecties):
            return True
    return False
