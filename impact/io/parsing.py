"""Vectorised parsing of text columns into typed values, marking what does not parse.

Each parser takes a Series of stripped strings ('' = empty) and returns the parsed Series
(NaN/NaT where empty or invalid) and a boolean mask of invalid (non-empty, unparseable) cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from impact.errors import Problem, UserInputError

DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y")
DATE_EXPECTED = "een datum als 2024-03-31 of 31-03-2024"


def per_distinct(
    values: pd.Series, parse: Callable[[pd.Series], tuple[pd.Series, pd.Series]]
) -> tuple[pd.Series, pd.Series]:
    """Apply ``parse`` to each distinct value of a categorical column once, then spread back."""
    if not isinstance(values.dtype, pd.CategoricalDtype):
        return parse(values)
    categories = pd.Series(values.cat.categories.astype(str))
    codes = values.cat.codes.to_numpy()
    parsed, invalid = parse(categories)
    return (parsed.take(codes).set_axis(values.index), invalid.take(codes).set_axis(values.index))


def type_column(values: pd.Series) -> pd.Series:
    """Numbers when every filled cell is a number (decimal comma or point), dates when every
    filled cell is a date, text otherwise (NaN where empty): so one 'drie' in a score column
    keeps the column as text and the analysis names only that cell."""
    filled = values != ""
    if filled.any():
        numbers, bad_number = parse_number(values)
        if not bad_number.any():
            return numbers
        dates, bad_date = parse_date(values)
        if not bad_date.any():
            return dates
    return values.astype(object).where(filled)


def map_values(values: pd.Series, mapping: Mapping) -> pd.Series:
    """``values.map(mapping)`` computed per distinct value; missing keys give <NA>/NaN."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        categories = pd.Series(values.cat.categories.astype(str)).map(mapping)
        return categories.take(values.cat.codes.to_numpy()).set_axis(values.index)
    return values.map(mapping)


def parse_number(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Decimal comma or point; with a comma present, points are thousands separators."""
    return per_distinct(values, _parse_number)


def _parse_number(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = values
    if text.str.contains(",", regex=False).any():
        has_comma = text.str.contains(",", regex=False)
        text = text.where(
            ~has_comma, text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        )
    parsed = pd.to_numeric(text.where(text != ""), errors="coerce").astype("float64")
    return parsed, parsed.isna() & (values != "")


def parse_int(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    return per_distinct(values, _parse_int)


def _parse_int(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    parsed, invalid = _parse_number(values)
    fractional = parsed.notna() & (parsed % 1 != 0)
    return parsed.where(~fractional).astype("Int64"), invalid | fractional


def parse_date(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    return per_distinct(values, _parse_date)


def _parse_date(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    todo = values != ""
    for date_format in DATE_FORMATS:
        if not todo.any():
            break
        attempt = pd.to_datetime(values[todo], format=date_format, errors="coerce")
        # a year like 0201 parses, but lies outside what a nanosecond timestamp holds: not a date
        hit = attempt.notna() & attempt.between(pd.Timestamp.min, pd.Timestamp.max)
        parsed.loc[hit[hit].index] = attempt[hit]
        todo.loc[hit[hit].index] = False
    return parsed, todo


def parse_date_value(value: object) -> dt.date | None:
    """One value (text, date, datetime or Timestamp) as a ``datetime.date``; None if it is none."""
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        parsed, invalid = _parse_date(pd.Series([value.strip()]))
        return None if invalid.iloc[0] or pd.isna(parsed.iloc[0]) else parsed.iloc[0].date()
    return None


def dates_or_refuse(values: pd.Series, file: str, column: str) -> pd.Series:
    """A column of dates as ``datetime64``: dates and timestamps as they are, text by the one
    date parser; a cell that is not a date is refused (row = position + 2, as in a file)."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.astype("datetime64[ns]")
    text = values.map(_date_text)
    parsed, invalid = parse_date(text.astype(str))
    if invalid.any():
        positions = np.flatnonzero(invalid.to_numpy())[:20]
        raise UserInputError(
            [Problem(file, int(p) + 2, column, DATE_EXPECTED, values.iloc[p]) for p in positions]
        )
    return parsed.set_axis(values.index)


def _date_text(value: object) -> str:
    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, dt.datetime | pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
