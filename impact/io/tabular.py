"""Reading and writing the tables users make in Excel: CSV (``;`` or ``,``, UTF-8 or cp1252,
decimal comma or point) and XLSX. Every cell is read as text; typing is validation's job.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from impact.errors import Problem, UserInputError

EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}


def read_table(path: str | Path) -> pd.DataFrame:
    """All cells as stripped strings ('' when empty) in categorical columns; header names
    lower-cased and trimmed."""
    path = Path(path)
    if not path.exists():
        raise UserInputError(Problem(str(path), None, None, "een bestaand bestand"))
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        frame = _read_xlsx(path)
    elif suffix in CSV_SUFFIXES:
        frame = _read_csv(path)
    else:
        raise UserInputError(
            Problem(str(path), None, None, "een .csv- of .xlsx-bestand", path.suffix or "(geen extensie)")
        )
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    return frame


def _read_csv(path: Path) -> pd.DataFrame:
    for encoding in ("utf-8-sig", "cp1252"):  # cp1252 is what Excel writes on Dutch Windows
        try:
            with path.open(encoding=encoding) as handle:
                first_line = handle.readline()
            delimiter = max((";", ",", "\t"), key=first_line.count)
            frame = pd.read_csv(
                path,
                sep=delimiter,
                encoding=encoding,
                dtype="category",  # validation then works once per distinct value, not once per row
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=True,
                engine="c",
            )
            break
        except UnicodeDecodeError:
            continue
        except (pd.errors.ParserError, csv.Error) as error:
            raise UserInputError(
                Problem(str(path), None, None, f"een geldig CSV-bestand ({error})")
            ) from None
    return frame.apply(_strip_categories)


def _strip_categories(values: pd.Series) -> pd.Series:
    """Trim spaces around cells by trimming the distinct values only."""
    categories = values.cat.categories.astype(str)
    stripped = categories.str.strip()
    if (stripped == categories).all():
        return values
    if stripped.is_unique:
        return values.cat.rename_categories(stripped)
    return values.astype(str).str.strip().astype("category")


def _read_xlsx(path: Path) -> pd.DataFrame:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise UserInputError(
            Problem(str(path), None, None, f"een leesbaar Excel-bestand ({error})")
        ) from None
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        return pd.DataFrame()
    width = len(header)
    records = []
    for row in rows:
        cells = [_cell_text(v) for v in row[:width]]
        cells += [""] * (width - len(cells))
        if any(cells):
            records.append(cells)
    workbook.close()
    frame = pd.DataFrame(records, columns=[str(h or "").strip() for h in header], dtype=str)
    return frame.astype("category").apply(_strip_categories)


def _cell_text(value: object) -> str:
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def write_table(frame: pd.DataFrame, path: str | Path, sheet_name: str = "gegevens") -> Path:
    """Write as Dutch Excel expects: XLSX, or CSV with ';', decimal comma and a UTF-8 BOM."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name=sheet_name)
            _autosize(writer.sheets[sheet_name])
    else:
        frame.to_csv(path, sep=";", decimal=",", index=False, encoding="utf-8-sig", date_format="%Y-%m-%d")
    return path


def _autosize(sheet) -> None:
    for column in sheet.columns:
        width = max((len(str(cell.value)) for cell in column if cell.value is not None), default=8)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
