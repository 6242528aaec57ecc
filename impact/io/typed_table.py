"""A table with typed columns, for analyses that read a user's long file straight from disk.

``read_typed_table`` gives what :func:`impact.io.tabular.read_table` followed by
:func:`impact.io.parsing.type_column` on every column gives, and takes the fast road when
the file allows it: a CSV without quotes whose every line has the header's number of cells
is read once by pandas' C parser with types inferred (numbers become floats without a
detour through text), and only the columns that did not come out as numbers are read again
as text and typed by the one parser. Anything else (XLSX, quotes, ragged lines, duplicate or
empty headers) goes through the strict reader, which names every problem by row and
column. The result is the same either way; only the time differs.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from impact.io.encoding import decode, read_bytes
from impact.io.parsing import type_column
from impact.io.tabular import detect_delimiter, read_table, strip_categories

_DECIMAL_COMMA = re.compile(r"\d,\d")
_SAMPLE = 1 << 16


def read_typed_table(path: str | Path) -> pd.DataFrame:
    """Numbers, dates or text per column (NaN/NaT where empty); index = Excel row - 2."""
    path = Path(path)
    raw = read_bytes(path)
    fast = _read_plain_csv(raw, str(path))
    if fast is not None:
        return fast
    table = read_table(path, lower_headers=False)
    return pd.DataFrame({name: type_column(table[name]) for name in table.columns}, index=table.index)


def _read_plain_csv(raw: bytes, file: str) -> pd.DataFrame | None:
    """The fast road, or None when the file needs the strict reader."""
    if b'"' in raw or raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) or not raw.strip():
        return None
    text = decode(raw, file).lstrip("\r\n").replace("\r\n", "\n")
    if "\r" in text:
        return None
    header_line, _, body_text = text.partition("\n")
    delimiter = detect_delimiter(header_line)
    names = [name.strip() for name in header_line.split(delimiter)]
    if "" in names or len(set(names)) != len(names) or not body_text.strip():
        return None
    body = body_text.encode("utf-8")  # pandas' C parser is fastest on bytes
    if not _every_line_has_width(body, delimiter, len(names)):
        return None
    options = {
        "sep": delimiter, "header": None, "names": names, "engine": "c", "skip_blank_lines": False,
        "keep_default_na": False, "decimal": "," if delimiter != "," and _DECIMAL_COMMA.search(body_text[:_SAMPLE]) else ".",
    }  # fmt: skip
    sample = pd.read_csv(io.BytesIO(body[: body.rfind(b"\n", 0, _SAMPLE) + 1] or body), na_values=[""], **options)
    numeric = [n for n in names if _is_number_column(sample[n])]
    # one read: numbers as floats (empty cells NaN), everything else as categories of the cell
    # text for the one parser (empty stays ''); a number column whose sample lied (text
    # further down) is the strict reader's to name
    try:
        read = pd.read_csv(
            io.BytesIO(body), dtype={n: "float64" if n in numeric else "category" for n in names},
            na_values={n: [""] for n in numeric}, **options,
        )  # fmt: skip
    except ValueError:
        return None
    columns = {n: read[n] for n in numeric}
    text = [n for n in names if n not in columns]
    # pandas still infers the categories themselves ('True' -> True, '1e3' -> 1000.0): such a
    # column is read once more as plain text
    inferred = [n for n in text if read[n].cat.categories.dtype != object]
    if inferred:
        again = pd.read_csv(io.BytesIO(body), usecols=inferred, dtype=str, na_filter=False, **options)
        read = read.assign(**{n: again[n].astype("category") for n in inferred})
    columns.update({n: type_column(strip_categories(read[n])) for n in text})
    frame = pd.DataFrame({n: columns[n] for n in names})
    empty = frame.isna().all(axis=1)
    return frame.loc[~empty.to_numpy()] if empty.any() else frame


def _is_number_column(values: pd.Series) -> bool:
    """A column pandas read as numbers (not booleans), with at least one number in it."""
    return (
        pd.api.types.is_numeric_dtype(values)
        and not pd.api.types.is_bool_dtype(values)
        and bool(values.notna().any())
    )


def _every_line_has_width(body: bytes, delimiter: str, width: int) -> bool:
    """Every line holds ``width`` cells, or is blank (counted on the UTF-8 bytes, in numpy)."""
    data = np.frombuffer(body, dtype=np.uint8)
    ends = np.flatnonzero(data == ord("\n"))
    if len(data) and data[-1] != ord("\n"):
        ends = np.append(ends, len(data))
    starts = np.concatenate(([0], ends[:-1] + 1))
    separators = np.flatnonzero(data == ord(delimiter))
    if len(separators) == (width - 1) * len(ends):  # the common case, without a search per separator
        per_line = separators.reshape(len(ends), width - 1)
        if width == 1 or (np.all(per_line[:, 0] >= starts) and np.all(per_line[:, -1] < ends)):
            return True
    line_of = np.searchsorted(ends, separators)
    cells = np.bincount(line_of, minlength=len(ends)) + 1
    wrong = np.flatnonzero(cells != width)
    return all(not data[starts[i] : ends[i]].tobytes().strip() for i in wrong[:1000]) and len(wrong) <= 1000
