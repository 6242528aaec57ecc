"""Input checks shared by the longitudinal models: named columns, numeric values, Dutch errors."""

from __future__ import annotations

import pandas as pd

from impact.errors import Problem, UserInputError


def check_columns(
    df: pd.DataFrame, columns: list[str], numeric: list[str] | None = None, bron: str = "invoer"
) -> None:
    """Raise one UserInputError listing every missing column and every non-numeric value.

    Row numbers are as a user sees them in a spreadsheet (header = row 1), assuming the
    frame keeps the file's row order and a default index.
    """
    problems: list[Problem] = []
    for col in columns:
        if col not in df.columns:
            problems.append(
                Problem(bron, None, col, f"kolom '{col}' ontbreekt (aanwezig: "
                        f"{', '.join(map(str, df.columns))})")
            )
    for col in numeric or []:
        if col not in df.columns or pd.api.types.is_numeric_dtype(df[col]):
            continue
        values = df[col]
        parsed = pd.to_numeric(values, errors="coerce")
        bad = parsed.isna() & values.notna() & (values.astype(str).str.strip() != "")
        for pos in bad.to_numpy().nonzero()[0][:20]:
            problems.append(Problem(bron, int(pos) + 2, col, "verwacht een getal", values.iloc[pos]))
    if problems:
        raise UserInputError(problems)


def numeric(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Copy with the given columns converted to float (after check_columns passed)."""
    out = df.copy()
    for col in columns:
        out[col] = pd.to_numeric(out[col], errors="coerce").astype(float)
    return out
