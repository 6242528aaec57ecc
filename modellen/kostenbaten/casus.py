"""One Effectencalculator case: two scenarios on a timeline, priced from the price list.

A case document (a plain dict, e.g. read from YAML) holds the ``interventie`` scenario (the
support actually given and what happened) and the ``referentie`` scenario (what would have
happened otherwise). Each scenario has ``activiteiten`` (price item × quantity on a date or
over a period) and ``gebeurtenissen`` (dated life events with a probability ``kans`` and the
price items they cause, ``gevolgen``). A quantity may be a range ``[min, max]``; its point
value is then the midpoint unless ``{min, max, waarde}`` says otherwise.

Money is computed line by line in Decimal and kept as whole cents, so every total, every
per-financier part and every present value adds up to the cent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from impact.errors import Problem, UserInputError
from impact.io.parsing import parse_date_value
from modellen.basis import Estimator, Resultaat
from modellen.kostenbaten.figuren import casus_tijdlijn, financiers_staven, waterval
from modellen.kostenbaten.indexering import to_cents
from modellen.kostenbaten.prijslijst import Prijslijst, standaard_prijslijst

SCENARIOS = ("interventie", "referentie")
STANDAARD_DISCONTOVOET = Decimal("0.0225")
DISCONTOVOET_BRON = (
    "Werkgroep discontovoet 2020 (ministerie van Financiën): standaard reële discontovoet "
    "voor MKBA's 2,25% (risicovrije voet -1% + risico-opslag 3,25%), geldig vanaf 1-1-2021"
)
STANDAARD_PRIJSPEIL = 2024
Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Regel:
    """One priced post: an activity, or one consequence of a life event."""

    scenario: str
    soort: str  # "activiteit" | "gebeurtenis"
    omschrijving: str
    item: str
    aantal: Decimal
    aantal_min: Decimal
    aantal_max: Decimal
    kans: Decimal
    start: dt.date
    eind: dt.date
    financier: str | None = None
    toelichting: str = ""


@dataclass(frozen=True)
class Casus:
    """A validated case document."""

    naam: str
    regels: tuple[Regel, ...]
    client: str | None = None
    client_id: int | None = None
    interventie: str | None = None
    verhaal: str = ""
    discontovoet: Decimal | None = None
    prijsjaar: int | None = None
    peildatum: dt.date | None = None
    document: dict = field(default_factory=dict, repr=False)


# --------------------------------------------------------------------------- validation


class _Checker:
    def __init__(self, bestand: str, lines: Mapping[Path_, int] | None):
        self.bestand = bestand
        self.lines = lines or {}
        self.problemen: list[Problem] = []

    def line(self, path: Path_) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)

    def fout(self, path: Path_, expected: str, found: object = None) -> None:
        veld = ".".join(str(p) for p in path) if path else None
        self.problemen.append(Problem(self.bestand, self.line(path), veld, expected, found))


def _datum(waarde: object) -> dt.date | None:
    """A date from a case document (``impact.io`` hands over ``dt.date``; text from a stored
    case is read by the one date parser)."""
    return parse_date_value(waarde)


def _getal(waarde: object) -> Decimal | None:
    if isinstance(waarde, bool) or waarde is None:
        return None
    if isinstance(waarde, str):
        waarde = waarde.strip().replace(",", ".")
    try:
        getal = Decimal(str(waarde))
    except (InvalidOperation, ValueError):
        return None
    return getal if getal.is_finite() else None


def _aantal(chk: _Checker, path: Path_, waarde: object) -> tuple[Decimal, Decimal, Decimal] | None:
    """Point value, minimum and maximum of a quantity (a number, [min, max] or a mapping)."""
    verwacht = "een aantal van 0 of meer, of een bandbreedte [min, max]"
    if isinstance(waarde, (list, tuple)):
        if len(waarde) != 2:
            chk.fout(path, verwacht, waarde)
            return None
        laag, hoog, punt = _getal(waarde[0]), _getal(waarde[1]), None
    elif isinstance(waarde, Mapping):
        laag, hoog = _getal(waarde.get("min")), _getal(waarde.get("max"))
        punt = _getal(waarde["waarde"]) if "waarde" in waarde else None
    else:
        punt = _getal(waarde)
        if punt is None:
            chk.fout(path, verwacht, waarde)
            return None
        if punt < 0:
            chk.fout(path, "een aantal van 0 of meer (geen negatief aantal)", waarde)
            return None
        return punt, punt, punt
    if laag is None or hoog is None:
        chk.fout(path, verwacht, waarde)
        return None
    if laag < 0 or hoog < 0:
        chk.fout(path, "een aantal van 0 of meer (geen negatief aantal)", waarde)
        return None
    if hoog < laag:
        chk.fout(path, "een bandbreedte met min niet groter dan max", waarde)
        return None
    if punt is None:
        punt = (laag + hoog) / 2
    if not laag <= punt <= hoog:
        chk.fout(path, "een waarde binnen de bandbreedte", waarde)
        return None
    return punt, laag, hoog


def _tekst(waarde: object) -> str:
    return "" if waarde is None else str(waarde).strip()


def valideer_casus(
    document: Mapping,
    prijslijst: Prijslijst | None = None,
    bestand: str = "casus",
    regels: Mapping[Path_, int] | None = None,
) -> Casus:
    """Check a case document and turn it into a :class:`Casus`.

    ``regels`` maps a path in the document (e.g. ``("scenarios", "referentie",
    "gebeurtenissen", 0, "kans")``) to its line in the file, so every problem names the line
    and the field. All problems are collected and raised together as a Dutch UserInputError.
    """
    prijslijst = prijslijst or standaard_prijslijst()
    chk = _Checker(bestand, regels)
    if not isinstance(document, Mapping):
        chk.fout((), "een casus met de velden naam en scenarios", type(document).__name__)
        raise UserInputError(chk.problemen)
    naam = _tekst(document.get("naam"))
    if not naam:
        chk.fout(("naam",), "een naam voor de casus", document.get("naam"))
    discontovoet = None
    if document.get("discontovoet") is not None:
        discontovoet = _getal(document["discontovoet"])
        if discontovoet is None or not Decimal("-0.05") <= discontovoet < 1:
            chk.fout(
                ("discontovoet",),
                "een discontovoet als fractie, bijv. 0.0225",
                document["discontovoet"],
            )  # the file is refused below: no Casus is made with this value
    prijsjaar = document.get("prijsjaar")
    if prijsjaar is not None and (not isinstance(prijsjaar, int) or isinstance(prijsjaar, bool)):
        chk.fout(("prijsjaar",), "een jaartal, bijv. 2024", prijsjaar)
        prijsjaar = None
    peildatum = None
    if document.get("peildatum") is not None:
        peildatum = _datum(document["peildatum"])
        if peildatum is None:
            chk.fout(("peildatum",), "een datum als 2024-03-01", document["peildatum"])
    client_id = document.get("client_id")
    if client_id is not None and (not isinstance(client_id, int) or isinstance(client_id, bool)):
        chk.fout(("client_id",), "een geheel getal (client_id uit de database)", client_id)
        client_id = None

    scenarios = document.get("scenarios")
    resultaat: list[Regel] = []
    if not isinstance(scenarios, Mapping):
        chk.fout(("scenarios",), "twee scenario's: interventie en referentie", scenarios)
    else:
        for onbekend in sorted(set(map(str, scenarios)) - set(SCENARIOS)):
            chk.fout(
                ("scenarios", onbekend),
                "alleen de scenario's 'interventie' en 'referentie'",
                onbekend,
            )
        for scenario in SCENARIOS:
            if scenario not in scenarios:
                chk.fout(("scenarios",), f"een scenario '{scenario}'", None)
                continue
            inhoud = scenarios[scenario] or {}
            basis: Path_ = ("scenarios", scenario)
            if not isinstance(inhoud, Mapping):
                chk.fout(basis, "de lijsten activiteiten en gebeurtenissen", inhoud)
                continue
            resultaat += _activiteiten(
                chk, basis, scenario, inhoud.get("activiteiten") or [], prijslijst
            )
            resultaat += _gebeurtenissen(
                chk, basis, scenario, inhoud.get("gebeurtenissen") or [], prijslijst
            )
    if chk.problemen:
        raise UserInputError(chk.problemen)
    return Casus(
        naam=naam,
        regels=tuple(resultaat),
        client=_tekst(document.get("client")) or None,
        client_id=client_id,
        interventie=_tekst(document.get("interventie")) or None,
        verhaal=_tekst(document.get("verhaal")),
        discontovoet=discontovoet,
        prijsjaar=prijsjaar,
        peildatum=peildatum,
        document=dict(document),
    )


def _item(chk: _Checker, path: Path_, waarde: object, prijslijst: Prijslijst) -> str | None:
    item = _tekst(waarde)
    if not item:
        chk.fout(path, "een item uit de prijslijst", waarde)
        return None
    if item not in prijslijst:
        chk.fout(path, f"een bekend item uit de prijslijst ({prijslijst.versie})", item)
        return None
    return item


def _periode(chk: _Checker, path: Path_, post: Mapping) -> tuple[dt.date, dt.date] | None:
    if "datum" in post:
        datum = _datum(post["datum"])
        if datum is None:
            chk.fout(path + ("datum",), "een datum als 2024-03-01", post["datum"])
            return None
        return datum, datum
    if "start" in post:
        start = _datum(post["start"])
        eind = _datum(post.get("eind", post["start"]))
        if start is None:
            chk.fout(path + ("start",), "een datum als 2024-03-01", post["start"])
        if eind is None:
            chk.fout(path + ("eind",), "een datum als 2024-03-01", post.get("eind"))
        if start is None or eind is None:
            return None
        if eind < start:
            chk.fout(
                path + ("eind",),
                f"een einddatum niet vóór de startdatum {start.isoformat()}",
                eind.isoformat(),
            )
            return None
        return start, eind
    chk.fout(path, "een datum (datum) of een periode (start en eind)", None)
    return None


def _financier(post: Mapping) -> str | None:
    return _tekst(post.get("financier")) or None


def _activiteiten(chk, basis, scenario, posten, prijslijst) -> list[Regel]:
    if not isinstance(posten, list):
        chk.fout(basis + ("activiteiten",), "een lijst activiteiten", posten)
        return []
    regels = []
    for i, post in enumerate(posten):
        path = basis + ("activiteiten", i)
        if not isinstance(post, Mapping):
            chk.fout(path, "een activiteit met item, aantal en datum", post)
            continue
        item = _item(chk, path + ("item",), post.get("item"), prijslijst)
        aantal = _aantal(chk, path + ("aantal",), post.get("aantal"))
        periode = _periode(chk, path, post)
        if item and aantal and periode:
            regels.append(
                Regel(
                    scenario,
                    "activiteit",
                    _tekst(post.get("omschrijving")) or prijslijst.regel(item)["omschrijving"],
                    item,
                    *aantal,
                    Decimal(1),
                    *periode,
                    _financier(post),
                    _tekst(post.get("toelichting")),
                )
            )
    return regels


def _gebeurtenissen(chk, basis, scenario, posten, prijslijst) -> list[Regel]:
    if not isinstance(posten, list):
        chk.fout(basis + ("gebeurtenissen",), "een lijst gebeurtenissen", posten)
        return []
    regels = []
    for i, post in enumerate(posten):
        path = basis + ("gebeurtenissen", i)
        if not isinstance(post, Mapping):
            chk.fout(path, "een gebeurtenis met omschrijving, datum en gevolgen", post)
            continue
        omschrijving = _tekst(post.get("omschrijving"))
        if not omschrijving:
            chk.fout(path + ("omschrijving",), "een omschrijving van de gebeurtenis", None)
        kans = Decimal(1)
        if post.get("kans") is not None:
            kans = _getal(post["kans"])
            if kans is None or not 0 <= kans <= 1:
                chk.fout(path + ("kans",), "een kans tussen 0 en 1", post["kans"])
                kans = None
        periode = _periode(chk, path, post)
        gevolgen = post.get("gevolgen") or []
        if not isinstance(gevolgen, list):
            chk.fout(path + ("gevolgen",), "een lijst gevolgen (item en aantal)", gevolgen)
            continue
        for j, gevolg in enumerate(gevolgen):
            gpath = path + ("gevolgen", j)
            if not isinstance(gevolg, Mapping):
                chk.fout(gpath, "een gevolg met item en aantal", gevolg)
                continue
            item = _item(chk, gpath + ("item",), gevolg.get("item"), prijslijst)
            aantal = _aantal(chk, gpath + ("aantal",), gevolg.get("aantal", 1))
            eigen_periode = (
                _periode(chk, gpath, gevolg)
                if ("datum" in gevolg or "start" in gevolg)
                else periode
            )
            if item and aantal and eigen_periode and kans is not None and omschrijving:
                regels.append(
                    Regel(
                        scenario,
                        "gebeurtenis",
                        omschrijving,
                        item,
                        *aantal,
                        kans,
                        *eigen_periode,
                        _financier(gevolg) or _financier(post),
                        _tekst(gevolg.get("toelichting")),
                    )
                )
    return regels


# --------------------------------------------------------------------------- pricing


def spread_over_years(cents: int, start: dt.date, eind: dt.date) -> dict[int, int]:
    """Split an amount in cents over calendar years in proportion to days (inclusive),
    largest remainder first, so the parts add up exactly to the whole."""
    if start.year == eind.year:
        return {start.year: cents}
    dagen = {}
    for jaar in range(start.year, eind.year + 1):
        van = max(start, dt.date(jaar, 1, 1))
        tot = min(eind, dt.date(jaar, 12, 31))
        dagen[jaar] = (tot - van).days + 1
    totaal = sum(dagen.values())
    exact = {j: Decimal(cents) * d / totaal for j, d in dagen.items()}
    delen = {j: int(v) for j, v in exact.items()}  # toward zero
    rest = cents - sum(delen.values())
    stap = 1 if rest >= 0 else -1
    volgorde = sorted(exact, key=lambda j: (exact[j] - delen[j]) * stap, reverse=True)
    for j in volgorde[: abs(rest)]:
        delen[j] += stap
    return delen


def _cents(bedrag: Decimal) -> int:
    return int(to_cents(bedrag) * 100)


def _korting(r: Decimal, t: int) -> Decimal:
    return (Decimal(1) + r) ** t


class Effectencalculator(Estimator):
    """Price a case's two scenarios and their difference.

    ``discontovoet`` defaults to the case file's value, else 2.25% (MKBA guidance, see
    ``DISCONTOVOET_BRON``); ``prijsjaar`` to the case file's value, else
    ``STANDAARD_PRIJSPEIL``. Prices are indexed to that year with the CBS CPI.
    """

    def __init__(
        self,
        *,
        prijslijst: Prijslijst | None = None,
        discontovoet: float | Decimal | None = None,
        prijsjaar: int | None = None,
    ) -> None:
        self.prijslijst, self.discontovoet, self.prijsjaar = prijslijst, discontovoet, prijsjaar

    def fit(
        self,
        casus: Casus | Mapping,
        bestand: str = "casus",
        regels: Mapping[Path_, int] | None = None,
    ) -> CasusResultaat:
        basislijst = self.prijslijst or standaard_prijslijst()
        if not isinstance(casus, Casus):
            casus = valideer_casus(casus, basislijst, bestand, regels)
        if self.discontovoet is not None:
            r, r_bron = Decimal(str(self.discontovoet)), "opgegeven bij de berekening"
        elif casus.discontovoet is not None:
            r, r_bron = casus.discontovoet, "opgegeven in het casusbestand"
        else:
            r, r_bron = STANDAARD_DISCONTOVOET, DISCONTOVOET_BRON
        jaar = self.prijsjaar or casus.prijsjaar or basislijst.prijspeil or STANDAARD_PRIJSPEIL
        lijst = basislijst if basislijst.prijspeil == jaar else basislijst.geindexeerd(jaar)
        frame = price_lines(casus, lijst, r)
        return CasusResultaat(
            casus=casus,
            regels=frame,
            discontovoet=r,
            discontovoet_bron=r_bron,
            prijsjaar=jaar,
            prijslijst=lijst.herkomst(),
        )


def _basisjaar(casus: Casus) -> int:
    if casus.peildatum is not None:
        return casus.peildatum.year
    if not casus.regels:
        return dt.date.today().year
    return min(r.start for r in casus.regels).year


def price_lines(casus: Casus, prijslijst: Prijslijst, r: Decimal) -> pd.DataFrame:
    """One row per post and calendar year: amount (point, min, max) and present value, in cents."""
    basisjaar = _basisjaar(casus)
    rows = []
    for nummer, regel in enumerate(casus.regels):
        prijsregel = prijslijst.regel(regel.item)
        prijs = prijsregel["prijs"]
        bedragen = {
            naam: spread_over_years(_cents(prijs * aantal * regel.kans), regel.start, regel.eind)
            for naam, aantal in (
                ("", regel.aantal),
                ("_min", regel.aantal_min),
                ("_max", regel.aantal_max),
            )
        }
        for jaar, cent in bedragen[""].items():
            t = jaar - basisjaar
            rows.append(
                {
                    "regel": nummer,
                    "scenario": regel.scenario,
                    "soort": regel.soort,
                    "omschrijving": regel.omschrijving,
                    "item": regel.item,
                    "eenheid": prijsregel["eenheid"],
                    "prijs": float(prijs),
                    "aantal": float(regel.aantal),
                    "kans": float(regel.kans),
                    "financier": regel.financier or prijsregel["financier"],
                    "domein": prijsregel["domein"],
                    "betrouwbaarheid": prijsregel["betrouwbaarheid"],
                    "start": regel.start,
                    "eind": regel.eind,
                    "jaar": jaar,
                    "t": t,
                    "bedrag_cent": cent,
                    "bedrag_min_cent": bedragen["_min"][jaar],
                    "bedrag_max_cent": bedragen["_max"][jaar],
                    "contante_waarde_cent": _cents(Decimal(cent) / 100 / _korting(r, t)),
                }
            )
    columns = [
        "regel",
        "scenario",
        "soort",
        "omschrijving",
        "item",
        "eenheid",
        "prijs",
        "aantal",
        "kans",
        "financier",
        "domein",
        "betrouwbaarheid",
        "start",
        "eind",
        "jaar",
        "t",
        "bedrag_cent",
        "bedrag_min_cent",
        "bedrag_max_cent",
        "contante_waarde_cent",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    for c in (
        "bedrag_cent",
        "bedrag_min_cent",
        "bedrag_max_cent",
        "contante_waarde_cent",
        "jaar",
        "t",
    ):
        frame[c] = frame[c].astype("int64")
    return frame


def _euro(cents: int) -> Decimal:
    return Decimal(int(cents)) / 100


@dataclass
class CasusResultaat(Resultaat):
    """Costs of both scenarios, their difference, and its breakdowns.

    ``verschil`` = costs(referentie) − costs(interventie): positive means society spends less
    with the intervention than without it. Per financier, a negative saldo means that actor
    invests (pays more), a positive saldo that it benefits.
    """

    casus: Casus
    regels: pd.DataFrame
    discontovoet: Decimal
    discontovoet_bron: str
    prijsjaar: int
    prijslijst: dict

    def _som(self, scenario: str, kolom: str = "bedrag_cent") -> Decimal:
        return _euro(self.regels.loc[self.regels["scenario"] == scenario, kolom].sum())

    def kosten(self, scenario: str) -> Decimal:
        return self._som(scenario)

    @property
    def verschil(self) -> Decimal:
        return self.kosten("referentie") - self.kosten("interventie")

    def contante_waarde(self, scenario: str | None = None) -> Decimal:
        """Present value of one scenario's costs, or of the difference when no scenario is given."""
        if scenario is None:
            return self._som("referentie", "contante_waarde_cent") - self._som(
                "interventie", "contante_waarde_cent"
            )
        return self._som(scenario, "contante_waarde_cent")

    def bandbreedte(self) -> tuple[Decimal, Decimal]:
        """Lowest and highest difference, every quantity range at its least/most favourable end."""
        laag = self._som("referentie", "bedrag_min_cent") - self._som(
            "interventie", "bedrag_max_cent"
        )
        hoog = self._som("referentie", "bedrag_max_cent") - self._som(
            "interventie", "bedrag_min_cent"
        )
        return laag, hoog

    def _per(self, kolom: str, waarde: str = "bedrag_cent") -> pd.DataFrame:
        tabel = (
            self.regels.pivot_table(
                index=kolom, columns="scenario", values=waarde, aggfunc="sum", fill_value=0
            )
            .reindex(columns=list(SCENARIOS), fill_value=0)
            .astype("int64")
        )
        tabel["verschil"] = tabel["referentie"] - tabel["interventie"]
        return (tabel / 100).reset_index().rename_axis(columns=None)

    def per_financier(self, contant: bool = False) -> pd.DataFrame:
        return self._per("financier", "contante_waarde_cent" if contant else "bedrag_cent")

    def per_domein(self, contant: bool = False) -> pd.DataFrame:
        return self._per("domein", "contante_waarde_cent" if contant else "bedrag_cent")

    def per_jaar(self, contant: bool = False) -> pd.DataFrame:
        return self._per("jaar", "contante_waarde_cent" if contant else "bedrag_cent")

    def summary(self) -> pd.DataFrame:
        """Per financier: costs with and without the intervention, saldo, present value of saldo."""
        tabel = self.per_financier()
        tabel["contante_waarde_verschil"] = self.per_financier(contant=True)["verschil"].to_numpy()
        totaal = {
            "financier": "totaal",
            "interventie": float(self.kosten("interventie")),
            "referentie": float(self.kosten("referentie")),
            "verschil": float(self.verschil),
            "contante_waarde_verschil": float(self.contante_waarde()),
        }
        return pd.concat([tabel, pd.DataFrame([totaal])], ignore_index=True)

    def _content(self) -> dict:
        laag, hoog = self.bandbreedte()
        posten = self.regels.drop(columns=["bedrag_min_cent", "bedrag_max_cent"]).copy()
        posten["bedrag"] = posten.pop("bedrag_cent") / 100
        posten["contante_waarde"] = posten.pop("contante_waarde_cent") / 100
        return {
            "casus": self.casus.naam,
            "client": self.casus.client,
            "client_id": self.casus.client_id,
            "interventie": self.casus.interventie,
            "kosten_interventie": float(self.kosten("interventie")),
            "kosten_referentie": float(self.kosten("referentie")),
            "verschil": float(self.verschil),
            "verschil_bandbreedte": [float(laag), float(hoog)],
            "contante_waarde": {
                "interventie": float(self.contante_waarde("interventie")),
                "referentie": float(self.contante_waarde("referentie")),
                "verschil": float(self.contante_waarde()),
                "basisjaar": _basisjaar(self.casus),
            },
            "discontovoet": {"waarde": float(self.discontovoet), "bron": self.discontovoet_bron},
            "prijsjaar": self.prijsjaar,
            "prijslijst": self.prijslijst,
            "per_financier": self.per_financier(),
            "per_domein": self.per_domein(),
            "per_jaar": self.per_jaar(),
            "posten": posten,
            "toelichting": (
                "verschil = kosten referentie - kosten interventie; positief betekent dat de "
                "samenleving minder kwijt is met de interventie. Eén casus is geen bewijs: de "
                "referentie is een inschatting."
            ),
        }

    def plot(self, soort: str = "tijdlijn") -> go.Figure:
        """``tijdlijn`` (both scenarios over time), ``waterval`` (reference to intervention per
        financier) or ``financiers`` (stacked costs per scenario and financier)."""
        if soort == "tijdlijn":
            return casus_tijdlijn(self.regels, self.casus.naam)
        if soort == "waterval":
            return waterval(
                self.per_financier(), float(self.kosten("referentie")), float(self.verschil)
            )
        if soort == "financiers":
            return financiers_staven(self.per_financier())
        raise UserInputError(f"onbekende figuur {soort!r}: kies tijdlijn, waterval of financiers")
