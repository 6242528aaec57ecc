"""Vectorised parsing of text columns into typed values, marking what does not parse.

Each parser takes a Series of stripped strings ('' = empty) and returns the parsed Series
(NaN/NaT where empty or invalid) and a boolean mask of invalid (non-empty, unparseable) cells.
"""

from __future__ import annotations

import pandas as pd

DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y")
DATE_EXPECTED = "een datum als 2024-03-31 of 31-03-2024"


def parse_number(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Decimal comma or point; with a comma present, points are thousands separators."""
    text = values
    if text.str.contains(",", regex=False).any():
        has_comma = text.str.contains(",", regex=False)
        text = text.where(~has_comma, text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    parsed = pd.to_numeric(text.where(text != ""), errors="coerce").astype("float64")
    return parsed, parsed.isna() & (values != "")


def parse_int(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    parsed, invalid = parse_number(values)
    fractional = parsed.notna() & (parsed % 1 != 0)
    return parsed.where(~fractional).astype("Int64"), invalid | fractional


def parse_date(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    todo = values != ""
    for date_format in DATE_FORMATS:
        if not todo.any():
            break
        attempt = pd.to_datetime(values[todo], format=date_format, errors="coerce")
        hit = attempt.notna()
        parsed.loc[hit[hit].index] = attempt[hit]
        todo.loc[hit[hit].index] = False
    return parsed, todo
