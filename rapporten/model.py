"""What a report is made of, independent of its output format.

Builders compose a ``Rapport`` from sections and blocks; the writers in ``schrijvers`` turn the
same object into HTML, PDF and XLSX, so the three formats can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapporten.figuren import Figuur
from rapporten.herkomst import Herkomst
from rapporten.tabel import Tabel


@dataclass
class Tekst:
    alineas: list[str]


@dataclass
class Melding:
    """A plain notice: why something is not shown, or a point to note."""

    tekst: str
    soort: str = "let_op"  # let_op | info


@dataclass
class Verhaal:
    titel: str
    tekst: str
    onderschrift: str = ""


@dataclass
class Verhalen:
    verhalen: list[Verhaal]
    toelichting: str = ""


@dataclass
class Naast:
    """A figure (or table) and stories side by side: the joint display."""

    links: Figuur | Tabel
    rechts: Verhalen
    oordeel: str = ""  # converge / diverge, in words


@dataclass
class Vragen:
    vragen: list[str]


@dataclass
class Filter:
    """A choice (e.g. gemeente) that shows one of several pre-rendered variants of its blocks."""

    label: str
    opties: list[tuple[str, str]]  # (value, label)
    varianten: dict[str, list[object]]  # value -> blocks
    uitleg: str = ""  # how to use the choice; on screen only (print shows every variant)


Blok = Tekst | Melding | Figuur | Tabel | Verhalen | Naast | Vragen | Filter


@dataclass
class Sectie:
    titel: str
    blokken: list[Blok] = field(default_factory=list)
    subsecties: list[Sectie] = field(default_factory=list)

    def alle_blokken(self):
        for blok in self.blokken:
            if isinstance(blok, Filter):
                for blokken in blok.varianten.values():
                    yield from blokken
            elif isinstance(blok, Naast):
                yield blok.links
                yield blok.rechts
            else:
                yield blok
        for sub in self.subsecties:
            yield from sub.alle_blokken()


@dataclass
class Rapport:
    soort: str
    titel: str
    ondertitel: str
    taal: str
    secties: list[Sectie]
    herkomst: Herkomst
    samenvatting: list[str] = field(default_factory=list)
    synthetisch: bool = False  # made from demo data: the report says so on every page
    kort_colofon: bool = False  # for citizens: selection and date only

    def blokken(self):
        for sectie in self.secties:
            yield from sectie.alle_blokken()

    def figuren(self) -> list[Figuur]:
        return [b for b in self.blokken() if isinstance(b, Figuur)]

    def tabellen(self) -> list[Tabel]:
        """Every table in the report, including the table behind every figure."""
        uit = []
        for blok in self.blokken():
            if isinstance(blok, Tabel):
                uit.append(blok)
            elif isinstance(blok, Figuur):
                uit.append(blok.tabel)
        return uit
