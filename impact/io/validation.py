"""Checking a table against its declaration (:mod:`impact.io.kinds`), before anything is written.

One set of rules for every reader of a kind: the importer, the price list of
``kosten-baten --prijslijst`` and the story tables use these functions, so a file that one
command accepts, every other command reading that kind accepts too.

* The header is a contract: a missing, unknown or misspelt column is refused on row 1, with
  the nearest known name ("bronn — bedoelde u 'bron'?").
* Every cell is typed with the one parser of its kind (:mod:`impact.io.parsing`), and its
  length is checked against the database column it goes to.
"""

from __future__ import annotations

import datetime as dt
import difflib

import numpy as np
import pandas as pd

from impact.contract import FINANCIERS
from impact.errors import Problem, UserInputError
from impact.io.kinds import Column, Kind
from impact.io.parsing import DATE_EXPECTED, parse_date, parse_int, parse_number
from impact.io.tabular import FIRST_DATA_ROW

TEXT_LIMIT = 100_000  # characters in a cell for an unbounded text column (a long story fits)


class Checker:
    """Collects problems for one file, with Excel row numbers (index + 2)."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def flag(self, mask: pd.Series, column: str, expected: str, found: pd.Series | None = None) -> None:
        if not mask.any():
            return
        rows = mask[mask].index
        shown = found.loc[rows] if found is not None else pd.Series([None] * len(rows), index=rows)
        self.problems.extend(
            Problem(self.file, int(i) + FIRST_DATA_ROW, column, expected, _shown(value))
            for i, value in zip(rows, shown.tolist(), strict=True)
        )

    def raise_if_any(self) -> None:
        if self.problems:
            raise UserInputError(sorted(self.problems, key=lambda p: (p.row or 0, p.column or "")))


def _shown(value: object) -> object:
    if isinstance(value, str) and len(value) > 60:
        return value[:57] + "..."
    return value


def nearest(name: str, known: list[str]) -> str | None:
    match = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return match[0] if match else None


def check_header(
    kind: Kind, columns: list[str], file: str, allowed_extra: tuple[str, ...] = ()
) -> list[Problem]:
    """Missing required, unknown and misspelt columns of a header, all on row 1."""
    known = [c.name for c in kind.columns] + list(allowed_extra)
    problems = [
        Problem(file, 1, c.name, f"een kolom '{c.name}' in de kopregel")
        for c in kind.columns
        if c.required and c.name not in columns
    ]
    for name in columns:
        if name in known:
            continue
        guess = nearest(name, [k for k in known if k not in columns])
        hint = f"bedoelde u '{guess}'?" if guess else f"een kolom uit: {', '.join(known)}"
        problems.append(Problem(file, 1, name, f"een bekende kolom — {hint}", name))
    return problems


def apply_defaults(kind: Kind, frame: pd.DataFrame) -> pd.DataFrame:
    """Absent optional columns as empty text, empty cells of a column with a default filled."""
    frame = frame.copy()
    for column in kind.columns:
        if column.name not in frame.columns:
            frame[column.name] = pd.Series(column.default or "", index=frame.index, dtype="category")
        elif column.default is not None:
            values = frame[column.name]
            if isinstance(values.dtype, pd.CategoricalDtype) and column.default not in values.cat.categories:
                values = values.cat.add_categories([column.default])
            frame[column.name] = values.mask(values == "", column.default)
    return frame


def text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Any frame as the reader gives it: stripped text, '' where missing, header lower-cased.

    So a DataFrame built in Python (numbers, NaN, dates) is checked by exactly the same rules
    as a file.
    """
    out = {}
    for name in frame.columns:
        values = frame[name]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        if pd.api.types.is_datetime64_any_dtype(values):
            text = values.dt.strftime("%Y-%m-%d")
        else:
            text = values.map(_cell)
        out[str(name).strip().lower()] = text.where(values.notna(), "").astype(str).str.strip()
    return pd.DataFrame(out, index=frame.index)


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def parse_columns(
    kind: Kind, frame: pd.DataFrame, check: Checker, lengths: dict[str, int] | None = None
) -> dict[str, pd.Series]:
    """Typed values per declared column; every invalid or too long cell flagged."""
    typed: dict[str, pd.Series] = {}
    for column in kind.columns:
        raw = frame[column.name]
        empty = raw == ""
        if column.required:
            check.flag(empty, column.name, f"een waarde ({column.help or column.name})")
        typed[column.name] = _parse(column, raw, empty, check)
        _check_range(column, typed[column.name], raw, check)
        limit = (lengths or {}).get(column.name)
        if limit and column.kind in ("text", "choice", "client", "interventie"):
            too_long = _lengths(raw) > limit
            check.flag(too_long, column.name, f"hoogstens {limit} tekens", raw.astype(str).str.len())
    return typed


def _parse(column: Column, raw: pd.Series, empty: pd.Series, check: Checker) -> pd.Series:
    if column.kind == "number":
        parsed, invalid = parse_number(raw)
        check.flag(invalid, column.name, "een getal (bijv. 3 of 2,5)", raw)
        return parsed
    if column.kind == "int":
        parsed, invalid = parse_int(raw)
        check.flag(invalid, column.name, "een geheel getal", raw)
        return parsed
    if column.kind == "date":
        parsed, invalid = parse_date(raw)
        check.flag(invalid, column.name, DATE_EXPECTED, raw)
        return parsed
    if column.kind == "choice":
        invalid = ~empty & ~raw.isin(column.choices)
        check.flag(invalid, column.name, "één van: " + ", ".join(column.choices), raw)
    return raw.where(~empty)


def _check_range(column: Column, values: pd.Series, raw: pd.Series, check: Checker) -> None:
    if column.kind not in ("number", "int") or (column.minimum is None and column.maximum is None):
        return
    numbers = values.astype("float64")
    low = -np.inf if column.minimum is None else column.minimum
    high = np.inf if column.maximum is None else column.maximum
    if column.maximum is None:
        expected = f"een waarde van {low:g} of meer"
    elif column.minimum is None:
        expected = f"een waarde van hoogstens {high:g}"
    else:
        expected = f"een waarde van {low:g} tot en met {high:g}"
    check.flag((numbers < low) | (numbers > high), column.name, expected, raw)


def _lengths(values: pd.Series) -> pd.Series:
    if isinstance(values.dtype, pd.CategoricalDtype):
        per_category = pd.Series(values.cat.categories.astype(str)).str.len().to_numpy()
        codes = values.cat.codes.to_numpy()
        return pd.Series(np.where(codes >= 0, per_category[codes], 0), index=values.index)
    return values.astype(str).str.len()


def column_lengths(table: str) -> dict[str, int]:
    """The length limit of every text column of a table, from the schema (Text: TEXT_LIMIT)."""
    from sqlalchemy import String

    from impact.schema import Base

    limits = {}
    for column in Base.metadata.tables[table].columns:
        if isinstance(column.type, String):
            limits[column.name] = column.type.length or TEXT_LIMIT
    return limits


def duplicates_within(kind: Kind, keys: pd.DataFrame, check: Checker) -> pd.Series:
    """Rows whose key repeats an earlier row of the same file; flagged with that row."""
    label = ", ".join(kind.key)
    within = keys.duplicated(keep="first") & keys.notna().all(axis=1)
    if within.any():
        first_label = pd.Series(keys.index, index=keys.index).groupby(
            [keys[c] for c in keys.columns], dropna=False, sort=False, observed=True
        ).transform("min")
        check.problems.extend(
            Problem(
                check.file,
                int(i) + FIRST_DATA_ROW,
                "/".join(kind.key),
                f"een unieke rij ({label}); dit is een dubbele van rij {int(first_label[i]) + FIRST_DATA_ROW}",
            )
            for i in within[within].index
        )
    return within


# --- plausibility: values that parse but cannot be right ------------------------------------

# Each rule as the template's explanation sheet states it (``impact sjabloon``), per kind and
# column. The checks below implement exactly these sentences.
NIET_IN_TOEKOMST = "niet in de toekomst"
NIET_VOOR_GEBOORTE = "niet vóór het geboortejaar van de cliënt"
RULES: dict[str, dict[str, list[str]]] = {
    "clienten": {
        "pseudoniem": [
            "geen getal dat de elfproef van een BSN haalt (het zou een BSN kunnen zijn)"
        ],
        "geboortejaar": [NIET_IN_TOEKOMST],
    },
    "trajecten": {
        "start": [NIET_IN_TOEKOMST, NIET_VOOR_GEBOORTE],
        "eind": [NIET_IN_TOEKOMST, "op of na de startdatum"],
    },
    "metingen": {
        "datum": [NIET_IN_TOEKOMST, NIET_VOOR_GEBOORTE],
        "score": [
            "binnen de schaal van het instrument",
            "een geheel getal bij een instrument met hele niveaus (zoals de ZRM: 1 tot en met 5)",
        ],
    },
    "gebeurtenissen": {"datum": [NIET_IN_TOEKOMST, NIET_VOOR_GEBOORTE]},
    "verhalen": {"datum": [NIET_IN_TOEKOMST, NIET_VOOR_GEBOORTE]},
    "prijslijst": {"financier": ["één van de financiers: " + ", ".join(FINANCIERS)]},
}


def today() -> dt.date:
    return dt.date.today()


def could_be_bsn(values: pd.Series) -> pd.Series:
    """Cells that are 8 or 9 digits and pass the BSN eleven test (elfproef)."""

    def test(text: str) -> bool:
        digits = text.strip()
        if not digits.isascii() or not digits.isdigit() or len(digits) not in (8, 9):
            return False
        digits = digits.zfill(9)
        if set(digits) == {"0"}:
            return False
        total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
        return total % 11 == 0

    if isinstance(values.dtype, pd.CategoricalDtype):
        hits = np.array([test(str(c)) for c in values.cat.categories], dtype=bool)
        codes = values.cat.codes.to_numpy()
        return pd.Series(np.where(codes >= 0, hits[np.maximum(codes, 0)], False), index=values.index)
    return values.astype(str).map(test).astype(bool)


def check_plausible(
    kind: Kind,
    frame: pd.DataFrame,
    typed: dict[str, pd.Series],
    check: Checker,
    *,
    birth_years: pd.Series | None = None,
    whole_number_instruments: frozenset[str] = frozenset(),
) -> None:
    """The rules of :data:`RULES` that need no database (``birth_years``: the geboortejaar of
    each row's client, when the kind has a client; ``whole_number_instruments``: codes)."""
    now = pd.Timestamp(today())
    if kind.name == "clienten":
        check.flag(could_be_bsn(frame["pseudoniem"]), "pseudoniem",
                   "een eigen code, geen BSN (dit getal haalt de elfproef van een BSN)",
                   frame["pseudoniem"])  # fmt: skip
        year = typed["geboortejaar"].astype("Float64")
        check.flag((year > now.year).fillna(False).astype(bool), "geboortejaar",
                   f"een geboortejaar niet in de toekomst (uiterlijk {now.year})", frame["geboortejaar"])  # fmt: skip
    for column in kind.columns:
        if column.kind != "date":
            continue
        dates = typed[column.name]
        check.flag(dates.notna() & (dates > now), column.name,
                   f"een datum niet in de toekomst (uiterlijk {now.date().isoformat()})", frame[column.name])  # fmt: skip
        if birth_years is not None and column.name != "eind":
            born = birth_years.astype("Float64").set_axis(dates.index)
            before = (dates.notna() & born.notna() & (dates.dt.year < born)).fillna(False).astype(bool)
            check.flag(before, column.name, "een datum niet vóór het geboortejaar van de cliënt",
                       frame[column.name])  # fmt: skip
    if kind.name == "metingen" and whole_number_instruments:
        score = typed["score"]
        whole = frame["instrument"].astype(str).isin(whole_number_instruments)
        fraction = whole & score.notna() & (score % 1 != 0)
        for code in sorted(set(frame["instrument"].astype(str)[fraction])):
            check.flag(fraction & (frame["instrument"].astype(str) == code), "score",
                       f"een geheel getal ({code} heeft hele niveaus)", frame["score"])  # fmt: skip
