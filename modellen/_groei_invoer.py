"""Input checks shared by the longitudinal models: named columns, numeric values, Dutch errors."""

from __future__ import annotations

import difflib

import pandas as pd

from impact.errors import Problem, UserInputError
from impact.io.parsing import parse_number


def _row(df: pd.DataFrame, position: int) -> int:
    """The row as a user sees it in a spreadsheet (header = row 1).

    Frames read by ``impact.io`` carry the file row in the index (row - 2), so a filtered
    frame still names the right row; any other frame is numbered by position.
    """
    label = df.index[position]
    if pd.api.types.is_integer_dtype(df.index) and isinstance(label, int | float):
        return int(label) + 2
    return position + 2


def check_columns(
    df: pd.DataFrame, columns: list[str], numeric: list[str] | None = None, bron: str = "invoer"
) -> None:
    """Raise one UserInputError listing every missing column and every non-numeric value.

    Numbers are read by the one number parser of ``impact.io`` (decimal comma or point), so
    only the cells that are not numbers are named, never their valid neighbours.
    """
    problems: list[Problem] = []
    present = [str(c) for c in df.columns]
    for col in columns:
        if col not in df.columns:
            guess = difflib.get_close_matches(col, present, n=1, cutoff=0.6)
            hint = f"; bedoelde u '{guess[0]}'?" if guess else ""
            problems.append(
                Problem(bron, None, col, f"kolom '{col}' ontbreekt (aanwezig: {', '.join(present)}){hint}")
            )
    for col in numeric or []:
        if col not in df.columns or pd.api.types.is_numeric_dtype(df[col]):
            continue
        values = df[col]
        text = values.astype(str).str.strip().where(values.notna(), "")
        _, bad = parse_number(text)
        for pos in bad.to_numpy().nonzero()[0][:20]:
            problems.append(Problem(bron, _row(df, int(pos)), col, "verwacht een getal", values.iloc[pos]))
    if problems:
        raise UserInputError(problems)


def numeric(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Copy with the given columns converted to float (after check_columns passed)."""
    out = df.copy()
    for col in columns:
        if pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].astype(float)
            continue
        values = out[col]
        parsed, _ = parse_number(values.astype(str).str.strip().where(values.notna(), ""))
        out[col] = parsed.astype(float)
    return out
