"""The one reader (and writer) for the tables users make in Excel: CSV and XLSX.

Strict: the file is recognised by its content, not its name (an XLSX saved as ``.csv`` is read
as XLSX; a binary or empty file is refused); text is decoded by :mod:`impact.io.encoding`;
the delimiter is ``;``, ``,`` or tab, whichever splits the header into the most columns
(``;`` on a tie, as Dutch Excel writes it); every row must have as many cells as the header,
and a quote left open is refused with the row it starts on. Headers are trimmed and
lower-cased and must be unique. Every cell is read as text (``''`` when empty), in
categorical columns; typing is validation's job (:mod:`impact.io.parsing`).

The frame's index is the row number as Excel shows it, minus 2 (header = row 1), so
``index + 2`` names the row in every message, blank lines and quoted newlines included.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import numpy as np
import pandas as pd

from impact.errors import Problem, UserInputError
from impact.io.encoding import decode, read_bytes

EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
FIRST_DATA_ROW = 2  # row 1 is the header, as Excel numbers it
DELIMITERS = (";", ",", "\t")
MAX_PROBLEMS = 20
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old .xls (and .doc) container


def read_table(path: str | Path, *, lower_headers: bool = True) -> pd.DataFrame:
    """All cells as stripped strings ('' when empty) in categorical columns."""
    path = Path(path)
    raw = read_bytes(path)
    file = str(path)
    if not raw.strip():
        raise UserInputError(Problem(file, None, None, "een kopregel en minstens één rij", "een leeg bestand"))
    if raw.startswith(_ZIP):
        header, body = _read_xlsx(raw, file)
    elif raw.startswith(_OLE):
        raise UserInputError(
            Problem(file, None, None, "een .xlsx- of .csv-bestand (sla het oude .xls-formaat op als .xlsx)")
        )
    else:
        header, body = _read_csv(decode(raw, file), file)
    return _frame(header, body, file, lower_headers)


def _read_csv(text: str, file: str) -> tuple[list[str], pd.DataFrame]:
    """Header and body (all columns, positional) of a CSV text; the structure checked first."""
    text = text.lstrip("\r\n")
    if not text.strip():
        raise UserInputError(Problem(file, None, None, "een kopregel en minstens één rij", "een leeg bestand"))
    delimiter = detect_delimiter(text.split("\n", 1)[0])
    try:  # cells per record, fast: the structure is checked before pandas reads the cells
        lengths = np.fromiter(map(len, _records(text, delimiter)), dtype=np.int64)
    except csv.Error as error:
        raise UserInputError(_locate_csv_error(text, delimiter, file, error)) from None
    width = int(lengths[0])
    problems = [
        Problem(file, int(i) + 1, None,
                f"{width} cellen zoals de kopregel (scheidingsteken '{_name(delimiter)}')",
                f"{int(lengths[i])} cellen")  # fmt: skip
        for i in np.flatnonzero((lengths < width) & (lengths > 1))[:MAX_PROBLEMS]
    ]
    frame = pd.read_csv(
        io.StringIO(text),
        sep=delimiter,
        header=None,
        names=range(int(lengths.max())),
        dtype="category",  # validation then works once per distinct value, not once per row
        keep_default_na=False,
        na_filter=False,
        skip_blank_lines=False,
        engine="c",
    )
    if len(frame) != len(lengths):  # pragma: no cover - the two parsers disagree on the quoting
        raise UserInputError(Problem(file, None, None, "een CSV-bestand met eenduidige aanhalingstekens"))
    if frame.shape[1] > width:
        extra = frame.iloc[:, width:].apply(_non_empty).any(axis=1)
        for i in np.flatnonzero(extra.to_numpy())[: MAX_PROBLEMS - len(problems)]:
            problems.append(
                Problem(file, int(i) + 1, None,
                        f"{width} cellen zoals de kopregel (scheidingsteken '{_name(delimiter)}')",
                        f"{int(lengths[i])} cellen")  # fmt: skip
            )
        frame = frame.iloc[:, :width]
    if width > 1:
        single = (lengths == 1) & _non_empty(frame.iloc[:, 0]).to_numpy()
        for i in np.flatnonzero(single)[: MAX_PROBLEMS - len(problems)]:
            problems.append(
                Problem(file, int(i) + 1, None,
                        f"{width} cellen zoals de kopregel (scheidingsteken '{_name(delimiter)}')",
                        "1 cel")  # fmt: skip
            )
    if problems:
        raise UserInputError(sorted(problems, key=lambda p: p.row or 0))
    header = [str(h) for h in frame.iloc[0].astype(str)]
    body = frame.iloc[1:]
    body.index = body.index - 1  # record i is Excel row i + 1, and the index is row - 2
    return header, body


def detect_delimiter(first_line: str) -> str:
    """The delimiter that splits the header into the most columns (``;`` on a tie)."""
    widths = {d: len(next(csv.reader([first_line], delimiter=d), [])) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: (widths[d], -DELIMITERS.index(d)))


def _records(text: str, delimiter: str):
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def _locate_csv_error(text: str, delimiter: str, file: str, error: csv.Error) -> Problem:
    reader = _records(text, delimiter)
    row = 1
    try:
        for row, _ in enumerate(reader, start=2):  # noqa: B007 - the row reached is the answer
            pass
    except csv.Error:
        pass
    message = str(error)
    if "unexpected end of data" in message or "EOF" in message:
        expected = "een afsluitend aanhalingsteken (\") bij het veld dat op deze rij begint"
    else:
        expected = f"een geldige CSV-rij ({_dutch_csv_error(message)})"
    return Problem(file, row, None, expected)


def _name(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else delimiter


def _dutch_csv_error(message: str) -> str:
    if "new-line character seen in unquoted field" in message:
        return "een regeleinde midden in een veld zonder aanhalingstekens"
    if "expected after" in message:
        return "na een afsluitend aanhalingsteken hoort een scheidingsteken"
    if "field larger than field limit" in message:
        return "een veld dat te groot is"
    return "onleesbare regel"


def _read_xlsx(raw: bytes, file: str) -> tuple[list[str], pd.DataFrame]:
    from openpyxl import load_workbook

    try:  # from the bytes, so the content decides, not the file name
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl and zipfile raise many kinds for a broken file
        raise UserInputError(
            Problem(file, None, None, "een leesbaar Excel-bestand (.xlsx)", "een beschadigd of ander zip-bestand")
        ) from None
    try:
        sheets = workbook.worksheets
        sheet = sheets[0]
        iterator = sheet.iter_rows(values_only=True)
        header_cells = next(iterator, None)
        if header_cells is None or not any(_cell_text(v) for v in header_cells):
            others = [s.title for s in sheets[1:] if s.max_row and s.max_row > 1]
            hint = f"; gegevens staan op blad '{others[0]}'? Zet ze op het eerste blad" if others else ""
            raise UserInputError(
                Problem(file, 1, None, f"een kopregel op het eerste blad ('{sheet.title}'){hint}", "een leeg blad")
            )
        header = [_cell_text(v) for v in header_cells]
        while header and header[-1] == "":
            header.pop()
        width = len(header)
        rows: list[tuple[int, list[str]]] = []
        problems: list[Problem] = []
        for number, cells in enumerate(iterator, start=2):
            texts = [_cell_text(v) for v in cells]
            if not any(texts):
                continue
            beyond = [i for i, t in enumerate(texts[width:], start=width) if t]
            if beyond and len(problems) < MAX_PROBLEMS:
                problems.append(
                    Problem(file, number, _column_letter(beyond[0] + 1),
                            "gegevens alleen in kolommen met een kop", texts[beyond[0]])  # fmt: skip
                )
            row = texts[:width] + [""] * (width - len(texts))
            rows.append((number, row))
    finally:
        workbook.close()
    if problems:
        raise UserInputError(problems)
    index = pd.Index([number - FIRST_DATA_ROW for number, _ in rows], dtype="int64")
    body = pd.DataFrame([row for _, row in rows], index=index, columns=range(width), dtype=str)
    return header, body.reindex(columns=range(width), fill_value="")


def _column_letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _frame(header: list[str], body: pd.DataFrame, file: str, lower: bool) -> pd.DataFrame:
    """Named, stripped, categorical columns; blank rows dropped; headers unique and present."""
    names = [str(h).strip() for h in header]
    if lower:
        names = [n.lower() for n in names]
    texts = {p: _non_empty(body.iloc[:, p]) for p in range(len(names))}
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    keep: list[int] = []
    for position, name in enumerate(names):
        if name == "":
            if texts[position].any():
                problems.append(
                    Problem(file, 1, _column_letter(position + 1), "een kolomnaam boven elke kolom met gegevens")
                )
            continue
        if name in seen:
            problems.append(
                Problem(file, 1, name, f"elke kolomnaam één keer (ook kolom {_column_letter(seen[name] + 1)})",
                        name)  # fmt: skip
            )
            continue
        seen[name] = position
        keep.append(position)
    if problems:
        raise UserInputError(problems)
    filled = pd.concat([texts[p] for p in keep], axis=1).any(axis=1) if keep else body.index.to_series() < 0
    body = body.loc[filled.to_numpy()]
    columns = {}
    for position in keep:
        values = body.iloc[:, position]
        values = values.astype("category") if not isinstance(values.dtype, pd.CategoricalDtype) else values
        columns[names[position]] = strip_categories(values.cat.remove_unused_categories())
    return pd.DataFrame(columns, index=body.index)


def _non_empty(values: pd.Series) -> pd.Series:
    """Cells that hold more than spaces; computed per distinct value for categorical columns."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        filled = values.cat.categories.astype(str).str.strip() != ""
        codes = values.cat.codes.to_numpy()
        return pd.Series(filled[codes] & (codes >= 0), index=values.index)
    return values.astype(str).str.strip() != ""


def strip_categories(values: pd.Series) -> pd.Series:
    """Trim spaces around cells by trimming the distinct values only."""
    categories = values.cat.categories.astype(str)
    stripped = categories.str.strip()
    if (stripped == categories).all():
        return values
    if stripped.is_unique:
        return values.cat.rename_categories(stripped)
    return values.astype(str).str.strip().astype("category")


# --- writing: files Excel opens without running anything ------------------------------------
#
# OWASP "CSV injection": Excel (and LibreOffice) treat a cell that starts with = + - @, a tab
# or a carriage return as a formula. Every text cell we write that starts with one of those,
# or with the guard quote itself, gets one single quote (') in front, so Excel shows text.
# Reading undoes exactly that: one leading quote followed by a formula character or by
# another quote is dropped (``unguard_formula``). Doubling a user's own leading quote makes
# the rule reversible: 'ja' is written as ''ja' and read back as 'ja'; a quote before any
# other character is never added and never removed. Numbers stay numbers (-5 is a number
# cell, not text), so they are not touched.

FORMULA_START = frozenset("=+-@\t\r")
FORMULA_GUARD = "'"


def guard_formula(value: object) -> object:
    """A text cell made safe for Excel (see above); any other value unchanged."""
    if isinstance(value, str) and value and (value[0] in FORMULA_START or value[0] == FORMULA_GUARD):
        return FORMULA_GUARD + value
    return value


def unguard_formula(value: str) -> str:
    """The text before ``guard_formula``: drops exactly the one quote that it adds."""
    if len(value) >= 2 and value[0] == FORMULA_GUARD and (value[1] in FORMULA_START or value[1] == FORMULA_GUARD):
        return value[1:]
    return value


def unguard_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``unguard_formula`` on every cell of a frame as ``read_table`` returns it (per distinct
    value for categorical columns)."""
    columns = {}
    for name in frame.columns:
        values = frame[name]
        if isinstance(values.dtype, pd.CategoricalDtype):
            categories = values.cat.categories.astype(str)
            if categories.str.startswith(FORMULA_GUARD).any():
                values = values.astype(str).map(unguard_formula).astype("category")
        elif values.dtype == object:
            values = values.map(lambda v: unguard_formula(v) if isinstance(v, str) else v)
        columns[name] = values
    return pd.DataFrame(columns, index=frame.index)


def guard_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with ``guard_formula`` applied to every text cell (number columns untouched)."""
    out = frame.copy()
    for name in out.columns:
        values = out[name]
        if values.dtype == object or isinstance(values.dtype, pd.StringDtype | pd.CategoricalDtype):
            out[name] = values.astype(object).map(guard_formula)
    return out


def write_table(frame: pd.DataFrame, path: str | Path, sheet_name: str = "gegevens") -> Path:
    """Write as Dutch Excel expects: XLSX, or CSV with ';', decimal comma and a UTF-8 BOM.

    Text cells that Excel would run as a formula are guarded with a leading quote
    (``guard_formula``); the importer reads them back as they were."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = guard_frame(frame)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name=sheet_name)
            _autosize(writer.sheets[sheet_name])
    else:
        # CRLF, as Excel writes it; it also makes the csv module quote a cell holding a lone
        # carriage return, which would otherwise end the row when read back
        frame.to_csv(
            path, sep=";", decimal=",", index=False, encoding="utf-8-sig", date_format="%Y-%m-%d",
            lineterminator="\r\n",
        )  # fmt: skip
    return path


def _autosize(sheet) -> None:
    for column in sheet.columns:
        width = max((len(str(cell.value)) for cell in column if cell.value is not None), default=8)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
