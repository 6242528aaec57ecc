"""Read and write Effectencalculator case files: YAML (with line numbers) and an XLSX template.

Reading gives a :class:`CasusBestand`: the plain case document plus a map from each path in
the document to the line (YAML) or row (XLSX) it came from, so validation in
``modellen.kostenbaten`` can name the line and the field of every mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from impact.errors import Problem, UserInputError
from impact.io.parsing import DATE_EXPECTED, parse_date
from impact.io.prijslijst import shipped_price_list
from impact.io.yaml_bestand import read_yaml_mapping

POST_KOLOMMEN = [
    "scenario",
    "soort",
    "omschrijving",
    "datum",
    "start",
    "eind",
    "kans",
    "item",
    "aantal",
    "aantal_min",
    "aantal_max",
    "financier",
    "toelichting",
]
CASUS_VELDEN = [
    ("naam", "Naam van de casus (verplicht)", "Casus schuldhulp 1"),
    ("client", "Pseudoniem van de cliënt (nooit een naam)", "C000123"),
    ("client_id", "Optioneel: client_id in de database", None),
    ("interventie", "Naam van de interventie", "Schuldhulp Weert"),
    ("prijsjaar", "Prijspeil waarnaar alle prijzen geïndexeerd worden", 2024),
    ("discontovoet", "Optioneel; standaard 0,0225 (MKBA-richtlijn 2020)", None),
    ("peildatum", "Optioneel: datum waarnaar contant gemaakt wordt", None),
    ("verhaal", "Korte casusbeschrijving", None),
]

Path_ = tuple[Any, ...]


@dataclass
class CasusBestand:
    """A case document as read from a file, with where each field came from.

    ``bestand`` names the file (an XLSX: its 'posten' sheet) in problems about the
    scenarios; ``bestand_velden`` the place of the top-level fields (an XLSX: its 'casus'
    sheet), when that differs."""

    document: dict
    regels: dict[Path_, int] = field(default_factory=dict)
    bestand: str = "casus"
    bestand_velden: str | None = None

    def probleem(self, veld: str, verwacht: str, gevonden: object = None) -> Problem:
        """A problem with a top-level field (naam, client, interventie...), at its line or row."""
        return Problem(self.bestand_velden or self.bestand, self.regels.get((veld,)), veld, verwacht, gevonden)


DATE_KEYS = ("datum", "start", "eind", "peildatum")


def _dates(value: Any, path: Path_, problems: list[Problem], bestand: str, regels: dict) -> Any:
    """Date fields written as text ('31-03-2024') typed by the one date parser."""
    if isinstance(value, dict):
        return {k: _date_field(k, v, path + (k,), problems, bestand, regels) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates(v, path + (i,), problems, bestand, regels) for i, v in enumerate(value)]
    return value


def _date_field(key: Any, value: Any, path: Path_, problems: list[Problem], bestand: str, regels: dict) -> Any:
    if key in DATE_KEYS and isinstance(value, str) and value.strip():
        parsed, invalid = parse_date(pd.Series([value.strip()]))
        if invalid.iloc[0]:
            veld = ".".join(str(p) for p in path)
            problems.append(Problem(bestand, regels.get(path), veld, DATE_EXPECTED, value))
            return value
        return parsed.iloc[0].date()
    return _dates(value, path, problems, bestand, regels)


def lees_yaml_met_regels(
    pad: str | Path, verwacht: str = "een casus met de velden naam en scenarios"
) -> CasusBestand:
    """Read a YAML mapping (the one safe YAML reader) plus the line of every path in it."""
    gelezen = read_yaml_mapping(pad, verwacht)
    problems: list[Problem] = []
    document = _dates(gelezen.document, (), problems, gelezen.bestand, gelezen.regels)
    if problems:
        raise UserInputError(problems)
    return CasusBestand(document=document, regels=gelezen.regels, bestand=gelezen.bestand)


def lees_casus_yaml(pad: str | Path) -> CasusBestand:
    """Read a YAML case file; syntax errors become a Dutch UserInputError with the line."""
    return lees_yaml_met_regels(pad)


def schrijf_casus_sjabloon(pad: str | Path) -> Path:
    """Write the XLSX template for one case (``impact sjabloon casus``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    pad = Path(pad)
    wb = Workbook()
    casus = wb.active
    casus.title = "casus"
    casus.append(["veld", "waarde", "toelichting"])
    for veld, uitleg, voorbeeld in CASUS_VELDEN:
        casus.append([veld, voorbeeld, uitleg])
    posten = wb.create_sheet("posten")
    posten.append(POST_KOLOMMEN)
    posten.append(
        [
            "interventie",
            "activiteit",
            "gesprekken schuldhulpverlener",
            None,
            dt.date(2024, 1, 8),
            dt.date(2024, 6, 28),
            None,
            "sociaal_werker_uur",
            30,
            None,
            None,
            None,
            "wekelijks gesprek",
        ]
    )
    posten.append(
        [
            "referentie",
            "gebeurtenis",
            "uithuiszetting",
            dt.date(2024, 9, 1),
            None,
            None,
            0.6,
            "huisuitzetting_verhuurder",
            1,
            None,
            None,
            None,
            "ingeschat in de sessie",
        ]
    )
    posten.append(
        [
            "referentie",
            "gebeurtenis",
            "uithuiszetting",
            dt.date(2024, 9, 1),
            None,
            None,
            0.6,
            "maatschappelijke_opvang_jaar",
            0.25,
            0.1,
            0.5,
            None,
            "drie maanden opvang (bandbreedte 1-6 maanden)",
        ]
    )
    uitleg = wb.create_sheet("uitleg")
    for regel in [
        "Eén rij per post. scenario: interventie of referentie.",
        "soort: activiteit (item x aantal op een datum of over een periode start-eind)",
        "  of gebeurtenis (levensgebeurtenis; rijen met dezelfde omschrijving, datum en kans",
        "  vormen samen één gebeurtenis met meerdere gevolgen).",
        "kans: 0 tot 1, alleen voor gebeurtenissen (standaard 1).",
        "aantal_min/aantal_max: optionele bandbreedte rond het aantal.",
        "item: een code uit het tabblad prijslijst (of uit uw eigen prijslijst).",
        "Datums als 2024-03-01.",
    ]:
        uitleg.append([regel])
    lijst = wb.create_sheet("prijslijst")
    prijzen = shipped_price_list()
    kolommen = [
        "item",
        "omschrijving",
        "eenheid",
        "prijs",
        "prijsjaar",
        "financier",
        "domein",
        "betrouwbaarheid",
        "bron",
    ]
    lijst.append(kolommen)
    for rij in prijzen[kolommen].itertuples(index=False):
        lijst.append(list(rij))
    for blad in (casus, posten, lijst):
        for cel in blad[1]:
            cel.font = Font(bold=True)
    pad.parent.mkdir(parents=True, exist_ok=True)
    wb.save(pad)
    return pad


def _leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, float) and pd.isna(waarde)) or waarde == ""


def _waarde(waarde: object) -> object:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, float) and waarde.is_integer():
        return int(waarde)
    return waarde


def lees_casus_xlsx(pad: str | Path) -> CasusBestand:
    """Read a filled-in XLSX template back into a case document (rows become 'lines')."""
    from openpyxl import load_workbook

    pad = Path(pad)
    if not pad.exists():
        raise UserInputError(Problem(str(pad), None, None, "een bestaand casusbestand", None))
    try:
        wb = load_workbook(pad, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl and zipfile raise many kinds for a broken file
        raise UserInputError(Problem(str(pad), None, None, "een leesbaar Excel-bestand (.xlsx)")) from None
    problemen = [
        Problem(str(pad), None, None, f"een tabblad '{naam}'", None)
        for naam in ("casus", "posten")
        if naam not in wb.sheetnames
    ]
    if problemen:
        raise UserInputError(problemen)
    document: dict = {}
    lines: dict[Path_, int] = {}
    for rij_nr, rij in enumerate(wb["casus"].iter_rows(min_row=2, values_only=True), start=2):
        if not rij or _leeg(rij[0]):
            continue
        veld = str(rij[0]).strip()
        waarde = _waarde(rij[1]) if len(rij) > 1 else None
        if not _leeg(waarde):
            document[veld] = waarde
            lines[(veld,)] = rij_nr
    blad = wb["posten"]
    kop = [
        str(c).strip().lower() if c is not None else ""
        for c in next(blad.iter_rows(max_row=1, values_only=True))
    ]
    ontbrekend = [k for k in ("scenario", "soort", "item", "aantal") if k not in kop]
    if ontbrekend:
        raise UserInputError(
            [Problem(f"{pad}[posten]", 1, k, f"een kolom '{k}'", None) for k in ontbrekend]
        )
    scenarios: dict = {}
    events: dict[tuple, int] = {}
    for rij_nr, cellen in enumerate(blad.iter_rows(min_row=2, values_only=True), start=2):
        rij = {k: _waarde(v) for k, v in zip(kop, cellen, strict=False) if k}
        if all(_leeg(v) for v in rij.values()):
            continue
        scenario = str(rij.get("scenario") or "").strip().lower()
        soort = str(rij.get("soort") or "").strip().lower()
        inhoud = scenarios.setdefault(scenario, {"activiteiten": [], "gebeurtenissen": []})
        aantal = rij.get("aantal")
        if not _leeg(rij.get("aantal_min")) or not _leeg(rij.get("aantal_max")):
            aantal = {"min": rij.get("aantal_min"), "max": rij.get("aantal_max")}
            if not _leeg(rij.get("aantal")):
                aantal["waarde"] = rij.get("aantal")
        post = {"item": rij.get("item"), "aantal": aantal}
        for veld in ("financier", "toelichting"):
            if not _leeg(rij.get(veld)):
                post[veld] = rij[veld]
        if soort == "gebeurtenis":
            sleutel = (scenario, rij.get("omschrijving"), rij.get("datum"), rij.get("kans"))
            if sleutel not in events:
                gebeurtenis = {"omschrijving": rij.get("omschrijving"), "gevolgen": []}
                for veld in ("datum", "start", "eind", "kans"):
                    if not _leeg(rij.get(veld)):
                        gebeurtenis[veld] = rij[veld]
                events[sleutel] = len(inhoud["gebeurtenissen"])
                inhoud["gebeurtenissen"].append(gebeurtenis)
                lines[("scenarios", scenario, "gebeurtenissen", events[sleutel])] = rij_nr
            i = events[sleutel]
            gevolgen = inhoud["gebeurtenissen"][i]["gevolgen"]
            lines[("scenarios", scenario, "gebeurtenissen", i, "gevolgen", len(gevolgen))] = rij_nr
            gevolgen.append(post)
        else:
            if soort != "activiteit":
                raise UserInputError(
                    Problem(
                        f"{pad}[posten]",
                        rij_nr,
                        "soort",
                        "'activiteit' of 'gebeurtenis'",
                        rij.get("soort"),
                    )
                )
            post["omschrijving"] = rij.get("omschrijving")
            for veld in ("datum", "start", "eind"):
                if not _leeg(rij.get(veld)):
                    post[veld] = rij[veld]
            lines[("scenarios", scenario, "activiteiten", len(inhoud["activiteiten"]))] = rij_nr
            inhoud["activiteiten"].append(post)
    document["scenarios"] = scenarios
    lines[("scenarios",)] = 1
    return CasusBestand(document=document, regels=lines, bestand=f"{pad}[posten]", bestand_velden=f"{pad}[casus]")


def lees_casus(pad: str | Path) -> CasusBestand:
    """Read a case file by its extension (.yaml/.yml or .xlsx)."""
    pad = Path(pad)
    if pad.suffix.lower() in (".xlsx", ".xlsm"):
        return lees_casus_xlsx(pad)
    return lees_casus_yaml(pad)


CASUS_EXTENSIES = (".yaml", ".yml", ".xlsx")


def casus_bestanden(pad: str | Path) -> list[Path]:
    """The case files to import: the file itself, or every .yaml/.yml/.xlsx file in a folder
    (sorted by name; hidden files and Excel's ~$ lock files are skipped)."""
    pad = Path(pad)
    verwacht = "een casusbestand (.yaml, .yml of .xlsx) of een map met zulke bestanden"
    if pad.is_dir():
        bestanden = sorted(
            p
            for p in pad.iterdir()
            if p.is_file() and p.suffix.lower() in CASUS_EXTENSIES and not p.name.startswith((".", "~$"))
        )
        if not bestanden:
            raise UserInputError(Problem(str(pad), None, None, verwacht, "een map zonder casusbestanden"))
        return bestanden
    if not pad.is_file():
        raise UserInputError(Problem(str(pad), None, None, verwacht, "bestaat niet"))
    if pad.suffix.lower() not in CASUS_EXTENSIES:
        raise UserInputError(Problem(str(pad), None, None, verwacht, pad.suffix or pad.name))
    return [pad]


# English aliases used by the core CLI (``impact sjabloon casus``)
write_case_template = schrijf_casus_sjabloon
read_case_file = lees_casus
