"""The one price-list validator: a user's list (file or DataFrame) and the shipped list.

The rules are the ``prijslijst`` declaration in :mod:`impact.io.kinds` (the same the importer
applies), plus the optional columns the cost-benefit models use but the database does not
keep (a price range, the kind of price, a remark, a source number). ``impact importeer
prijslijst`` and ``impact kosten-baten ... --prijslijst`` therefore accept exactly the same
files: a ``;`` list with "127,00" passes both.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

from impact.io.kinds import KINDS, PRIJSLIJST_EXTRA, Kind
from impact.io.tabular import read_table
from impact.io.validation import (
    Checker,
    apply_defaults,
    check_header,
    column_lengths,
    duplicates_within,
    parse_columns,
    text_frame,
)

STORED = tuple(c.name for c in KINDS["prijslijst"].columns)
FULL = Kind("prijslijst", "prijslijst", KINDS["prijslijst"].columns + PRIJSLIJST_EXTRA, key=("item",))
SHIPPED = "prijslijst.csv"


def validate_price_list(frame: pd.DataFrame, file: str = "prijslijst") -> pd.DataFrame:
    """A typed price list (prijs float, prijsjaar int, text or None), or every problem at once."""
    frame = frame if _is_text(frame) else text_frame(frame)
    check = Checker(file)
    check.problems.extend(check_header(FULL, list(frame.columns), file, allowed_extra=("versie",)))
    check.raise_if_any()
    frame = apply_defaults(FULL, frame)
    typed = parse_columns(FULL, frame, check, column_lengths("prijslijst"))
    duplicates_within(FULL, pd.DataFrame({"item": typed["item"]}), check)
    check.raise_if_any()
    out = pd.DataFrame({name: typed[name] for name in typed}, index=frame.index)
    for name, values in out.items():
        if isinstance(values.dtype, pd.CategoricalDtype):
            out[name] = values.astype(object).where(values.notna(), None)
    out["prijsjaar"] = out["prijsjaar"].astype("int64")
    if "versie" in frame.columns:
        out.insert(0, "versie", frame["versie"].astype(str))
    return out.reset_index(drop=True)


def _is_text(frame: pd.DataFrame) -> bool:
    return all(
        isinstance(frame[c].dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(frame[c])
        for c in frame.columns
    ) and all(str(c) == str(c).strip().lower() for c in frame.columns)


def read_price_list(path: str | Path) -> pd.DataFrame:
    """A user's price list file (CSV or XLSX), read by the one reader and validated."""
    return validate_price_list(read_table(path), str(path))


def shipped_price_list() -> pd.DataFrame:
    """The price list that ships with the package, validated by the same rules."""
    source = resources.files("impact") / "data" / SHIPPED
    with resources.as_file(source) as path:
        return validate_price_list(read_table(path), SHIPPED)
