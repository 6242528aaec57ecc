"""Stories from files: a folder of .txt/.md/.docx stories, or a CSV/XLSX with a ``tekst`` column.

Metadata for a folder comes from a sidecar table (``metadata.csv``/``.xlsx`` or
``verhalen.csv``/``.xlsx`` with a ``bestand`` column naming each file) or from YAML front
matter at the top of a .txt/.md file::

    ---
    soort: clientverhaal
    datum: 2024-03-12
    auteur_rol: client
    client_id: 123
    toestemming: geanonimiseerd publiceren
    ---
    De tekst van het verhaal ...

The result has the ``verhalen`` contract columns (plus ``bron``: the file, or file and row,
it came from). What is not given gets the safe default: toestemming ``intern`` (private by
default), soort ``casusnotitie``, auteur_rol ``professional``. Every wrong value is
reported at once, with file, row (line for front matter) and column, in Dutch.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pandas as pd

from impact.contract import AUTEUR_ROLLEN, TOESTEMMINGEN, VERHAAL_SOORTEN
from impact.errors import Problem, UserInputError
from impact.io.encoding import read_text
from impact.io.parsing import DATE_EXPECTED, parse_date
from impact.io.tabular import read_table
from impact.io.validation import nearest
from impact.io.yaml_bestand import parse_yaml

COLUMNS = [
    "verhaal_id", "titel", "tekst", "soort", "datum", "auteur_rol", "client_id", "gemeente",
    "wijk", "interventie_id", "toestemming", "bron",
]  # fmt: skip
DEFAULTS = {"soort": "casusnotitie", "auteur_rol": "professional", "toestemming": "intern"}
STORY_SUFFIXES = {".txt", ".md", ".docx"}
SIDECARS = ("metadata.csv", "metadata.xlsx", "verhalen.csv", "verhalen.xlsx")

_SYNONYMS = {
    "msc": "msc_verhaal", "msc_verhalen": "msc_verhaal", "most_significant_change": "msc_verhaal",
    "cliëntverhaal": "clientverhaal", "cliënt": "client", "intern_gebruik": "intern",
    "alleen_intern": "intern", "geanonimiseerd": "geanonimiseerd_publiceren",
    "publiceren_met_naam": "publiceren_met_bron", "met_bron": "publiceren_met_bron",
}  # fmt: skip
_ENUMS = {"soort": VERHAAL_SOORTEN, "auteur_rol": AUTEUR_ROLLEN, "toestemming": TOESTEMMINGEN}
_COLUMN_ALIASES = {
    "auteur-rol": "auteur_rol",
    "auteurrol": "auteur_rol",
    "rol": "auteur_rol",
    "client": "client_id",
    "interventie": "interventie_id",
    "id": "verhaal_id",
}


# The story metadata a table, sidecar or front matter may carry (after the aliases above):
# anything else is refused with the nearest known name, as the other importers do.
KNOWN_FIELDS = tuple(c for c in COLUMNS if c != "bron")


def _check_fields(names: list[str], file: str, extra: tuple[str, ...] = (), line_of=None) -> list[Problem]:
    known = list(KNOWN_FIELDS) + list(extra)
    problems = []
    for name in names:
        if name in known:
            continue
        guess = nearest(name, [k for k in known if k not in names])
        hint = f"bedoelde u '{guess}'?" if guess else f"een kolom uit: {', '.join(known)}"
        row = 1 if line_of is None else line_of.get(name)
        problems.append(Problem(file, row, name, f"een bekende kolom — {hint}", name))
    return problems


def read_stories(path: str | Path) -> pd.DataFrame:
    """A folder of story files, or one CSV/XLSX table with a ``tekst`` column."""
    path = Path(path)
    if path.is_dir():
        return read_story_folder(path)
    return read_story_table(path)


def read_story_table(path: str | Path, text_column: str = "tekst") -> pd.DataFrame:
    """One story per row; metadata columns are optional."""
    path = Path(path)
    table = read_table(path).rename(columns=_COLUMN_ALIASES)
    unknown = _check_fields(list(table.columns), str(path), (text_column,))
    if text_column not in table.columns:
        raise UserInputError([
            Problem(
                str(path),
                1,
                text_column,
                f"een kolom '{text_column}' met de tekst van elk verhaal",
                ", ".join(table.columns) or "(geen kolommen)",
            ),  # fmt: skip
            *unknown,
        ])
    if unknown:
        raise UserInputError(unknown)
    records = []
    for i, row in enumerate(table.astype(str).to_dict("records")):
        record = {k: v for k, v in row.items() if v != ""}
        if text_column != "tekst":
            record.pop(text_column, None)
        record["tekst"] = row[text_column]
        records.append((record, str(path), i + 2, None, f"{path.name}:{i + 2}"))
    return _build(records, default_ids=range(1, len(records) + 1))


def read_story_folder(folder: str | Path) -> pd.DataFrame:
    """Every .txt/.md/.docx file in ``folder`` (sorted by name), with sidecar or front matter."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserInputError(Problem(str(folder), None, None, "een bestaande map met verhalen"))
    problems: list[Problem] = []
    sidecar = _read_sidecar(folder, problems)
    files = sorted(
        p for p in folder.iterdir() if p.suffix.lower() in STORY_SUFFIXES and p.is_file()
    )
    for name in sidecar:
        if not (folder / name).is_file():
            problems.append(Problem(sidecar[name][1], sidecar[name][2], "bestand",
                                    "een bestand dat in de map staat", name))  # fmt: skip
    records = []
    for file in files:
        read = read_story_file(file, problems)
        if read is None:  # its problem is already listed; an empty text would only repeat it
            continue
        front, body, lines = read
        record: dict[str, Any] = {"tekst": body}
        source, row, line_of = str(file), None, lines
        if file.name in sidecar:
            meta, source, row = sidecar[file.name]
            record.update(meta)
            line_of = None
        record.update(front)
        if front:
            source, line_of = str(file), lines
        records.append((record, source, row, line_of, file.name))
    try:
        result = _build(records, default_ids=range(1, len(records) + 1))
    except UserInputError as error:
        raise UserInputError(problems + error.problems) from None
    if problems:
        raise UserInputError(problems)
    return result


def read_story_file(path: Path, problems: list[Problem]) -> tuple[dict, str, dict[str, int]] | None:
    """(front matter, body, line number per front-matter key) of one story file; None when the
    file cannot be read (the reason added to ``problems``)."""
    if path.suffix.lower() == ".docx":
        import docx

        try:
            document = docx.Document(str(path))
        except Exception:  # noqa: BLE001 - python-docx and zipfile raise many kinds for a broken file
            problems.append(Problem(str(path), None, None, "een leesbaar Word-bestand (.docx)",
                                    "een beschadigd of ander bestand"))  # fmt: skip
            return None
        return {}, "\n".join(p.text for p in document.paragraphs), {}
    try:
        text = read_text(path)
    except UserInputError as error:
        problems.extend(error.problems)
        return None
    text = text.replace("\r\n", "\n")
    return split_front_matter(text, str(path), problems)


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n?", re.DOTALL)


def split_front_matter(
    text: str, source: str = "tekst", problems: list[Problem] | None = None
) -> tuple[dict, str, dict[str, int]]:
    """YAML front matter between '---' lines at the very top; the rest is the story."""
    match = _FRONT.match(text)
    if not match:
        return {}, text, {}
    try:
        data = parse_yaml(match.group(1), source).document or {}
    except UserInputError as error:  # lines counted from the first '---' line
        if problems is not None:
            problems.extend(
                Problem(p.file, None if p.row is None else p.row + 1, p.column,
                        f"{p.expected} (tussen de '---'-regels)", p.found)  # fmt: skip
                for p in error.problems
            )
        return {}, text[match.end() :], {}
    if not isinstance(data, dict):
        if problems is not None:
            problems.append(
                Problem(source, 2, None, "sleutel: waarde-regels tussen de '---'-regels")
            )
        return {}, text[match.end() :], {}
    lines = {}
    for number, line in enumerate(match.group(1).splitlines(), start=2):
        key = line.split(":", 1)[0].strip().lower()
        lines.setdefault(_COLUMN_ALIASES.get(key, key), number)
    data = {_COLUMN_ALIASES.get(str(k).lower(), str(k).lower()): v for k, v in data.items()}
    unknown = _check_fields(list(data), source, line_of=lines)
    if unknown and problems is not None:
        problems.extend(unknown)
    return {k: v for k, v in data.items() if k in KNOWN_FIELDS}, text[match.end() :], lines


def _read_sidecar(folder: Path, problems: list[Problem]) -> dict[str, tuple[dict, str, int]]:
    for name in SIDECARS:
        path = folder / name
        if path.is_file():
            table = read_table(path).rename(columns=_COLUMN_ALIASES)
            if "bestand" not in table.columns:
                problems.append(
                    Problem(str(path), 1, "bestand", "een kolom 'bestand' met de bestandsnaam")
                )
                return {}
            unknown = _check_fields(list(table.columns), str(path), ("bestand",))
            if unknown:
                problems.extend(unknown)
                return {}
            out = {}
            for i, row in enumerate(table.astype(str).to_dict("records")):
                meta = {k: v for k, v in row.items() if v != "" and k != "bestand"}
                out[row["bestand"]] = (meta, str(path), i + 2)
            return out
    return {}


def _normalise(value: str) -> str:
    s = re.sub(r"[\s\-]+", "_", str(value).strip().lower())
    return _SYNONYMS.get(s, s)


def _build(
    records: list[tuple[dict, str, int | None, dict | None, str]], default_ids
) -> pd.DataFrame:
    """Validate and type the records; collect every problem before raising."""
    problems: list[Problem] = []
    rows = []
    for (record, source, row, line_of, bron), default_id in zip(records, default_ids, strict=True):

        def where(column: str, source=source, row=row, line_of=line_of) -> tuple[str, int | None]:
            if line_of is not None:
                return source, line_of.get(column)
            return source, row

        out: dict[str, Any] = {"bron": bron}
        for column, allowed in _ENUMS.items():
            value = record.get(column)
            if value is None or str(value).strip() == "":
                out[column] = DEFAULTS[column]
                continue
            normal = _normalise(value)
            if normal not in allowed:
                file, line = where(column)
                problems.append(
                    Problem(file, line, column, f"een van: {', '.join(allowed)}", value)
                )
            out[column] = normal
        for column in ("client_id", "interventie_id", "verhaal_id"):
            value = record.get(column)
            if value is None or str(value).strip() == "":
                out[column] = default_id if column == "verhaal_id" else pd.NA
                continue
            text = str(value).strip()
            if not re.fullmatch(r"\d+(?:\.0)?", text):
                file, line = where(column)
                problems.append(Problem(file, line, column, "een geheel getal (id)", value))
                out[column] = pd.NA
            else:
                out[column] = int(float(text))
        out["datum"] = _date(record.get("datum"), where, problems)
        tekst = record.get("tekst")
        if tekst is None or not str(tekst).strip():
            file, line = where("tekst")
            problems.append(Problem(file, line, "tekst", "tekst van het verhaal", "(leeg)"))
        out["tekst"] = "" if tekst is None else str(tekst)
        for column in ("titel", "gemeente", "wijk"):
            value = record.get(column)
            out[column] = None if value is None or str(value).strip() == "" else str(value).strip()
        rows.append(out)
    if problems:
        raise UserInputError(problems)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["datum"] = pd.to_datetime(frame["datum"]).astype("datetime64[ns]")
    for column in ("verhaal_id", "client_id", "interventie_id"):
        frame[column] = frame[column].astype("Int64")
    for column in (
        "titel",
        "tekst",
        "soort",
        "auteur_rol",
        "gemeente",
        "wijk",
        "toestemming",
        "bron",
    ):
        frame[column] = frame[column].astype(object)
    duplicated = frame["verhaal_id"].duplicated(keep=False)
    if duplicated.any():
        raise UserInputError(
            [
                Problem(
                    records[i][1],
                    records[i][2],
                    "verhaal_id",
                    "een uniek verhaal_id",
                    frame["verhaal_id"][i],
                )
                for i in frame.index[duplicated]
            ]
        )
    return frame


def _date(value: Any, where, problems: list[Problem]) -> pd.Timestamp | None:
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    parsed, invalid = parse_date(pd.Series([str(value).strip()]))
    if invalid.iloc[0]:
        file, line = where("datum")
        problems.append(Problem(file, line, "datum", DATE_EXPECTED, value))
        return None
    return parsed.iloc[0]
