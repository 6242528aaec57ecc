"""The fast road of ``read_typed_table`` gives exactly what the strict reader gives."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact.errors import UserInputError
from impact.io import typed_table
from impact.io.parsing import type_column
from impact.io.tabular import read_table


def strict(path) -> pd.DataFrame:
    table = read_table(path, lower_headers=False)
    return pd.DataFrame({n: type_column(table[n]) for n in table.columns}, index=table.index)


def assert_same(fast: pd.DataFrame, slow: pd.DataFrame) -> None:
    assert list(fast.columns) == list(slow.columns)
    assert list(fast.index) == list(slow.index)
    for name in fast.columns:
        a, b = fast[name], slow[name]
        assert str(a.dtype) == str(b.dtype), (name, a.dtype, b.dtype)
        if pd.api.types.is_float_dtype(a):
            np.testing.assert_array_equal(a.to_numpy(), b.to_numpy())
        else:
            assert a.where(a.notna(), None).tolist() == b.where(b.notna(), None).tolist(), name


INTS = st.integers(-50, 5000).map(str)
FLOATS = st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: f"{x:.3f}")
COMMA_DECIMALS = st.floats(0, 100, allow_nan=False).map(lambda x: f"{x:.2f}".replace(".", ","))
DATES = st.dates(min_value=dt.date(1900, 1, 1)).map(lambda d: d.strftime("%d-%m-%Y"))
ODD = st.sampled_from(["", "", "drie", "True", "nan", "inf", " 5 ", "1.234,5", "2024-03-31", "-0", "1e3", "01-01-0201"])
CELL = st.one_of(INTS, FLOATS, COMMA_DECIMALS, DATES, ODD)
# most columns a user sends are of one kind; some hold an odd cell or are mixed
COLUMN = st.one_of(
    *(st.lists(kind, min_size=6, max_size=6) for kind in (INTS, FLOATS, COMMA_DECIMALS, DATES)),
    st.lists(st.one_of(INTS, ODD), min_size=6, max_size=6),
    st.lists(st.sampled_from(["True", "False", "TRUE"]), min_size=6, max_size=6),  # pandas reads booleans
    st.lists(CELL, min_size=6, max_size=6),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    columns=st.lists(COLUMN, min_size=1, max_size=4),
    delimiter=st.sampled_from([";", ",", "\t"]),
    blank_line=st.booleans(),
)
def test_fast_road_equals_strict_reader(tmp_path, columns, delimiter, blank_line):
    if delimiter == ",":  # a comma-separated file cannot hold unquoted decimal commas
        columns = [[c.replace(",", ".") for c in col] for col in columns]
    names = [f"k{i}" for i in range(len(columns))]
    rows = [delimiter.join(col[r] for col in columns) for r in range(6)]
    if blank_line:
        rows.insert(2, "")
    path = tmp_path / "lang.csv"
    path.write_text(delimiter.join(names) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    try:
        slow = strict(path)
    except UserInputError:
        return  # a file the strict reader refuses; the fast road must not accept it either
    fast = typed_table._read_plain_csv(path.read_bytes(), str(path))
    assert fast is not None, "a plain CSV must take the fast road"
    assert_same(fast, slow)


def test_growth_file_takes_fast_road_with_numbers(tmp_path):
    path = tmp_path / "groei.csv"
    path.write_text("client_id;maanden;score;groep\n1;0;2,5;interventie\n1;3;3,25;interventie\n\n2;0;1;vergelijking\n")
    blank = tmp_path / "zonder_lege_regel.csv"
    blank.write_text("client_id;maanden;score\n1;0;2\n2;3;4\n")
    assert_same(typed_table._read_plain_csv(blank.read_bytes(), str(blank)), strict(blank))
    fast = typed_table._read_plain_csv(path.read_bytes(), str(path))
    assert fast is not None
    assert fast["score"].tolist() == [2.5, 3.25, 1.0]
    assert list(fast.index) == [0, 1, 3]  # index + 2 is the row Excel shows; the blank row 4 is gone
    assert_same(fast, strict(path))


@pytest.mark.parametrize(
    "inhoud",
    [
        'client_id;score\n1;"2,5"\n',  # quotes
        "client_id;score\n1;2;3\n",  # a ragged row
        "client_id;client_id\n1;2\n",  # duplicate header
    ],
)
def test_other_files_take_the_strict_road(tmp_path, inhoud):
    path = tmp_path / "x.csv"
    path.write_text(inhoud)
    assert typed_table._read_plain_csv(path.read_bytes(), str(path)) is None


@pytest.mark.parametrize(
    "laat",
    ["drie", "", "True", "4,5"],
    ids=["tekst-na-het-monster", "leeg", "waar", "komma"],
)
def test_cells_past_the_sample_decide_like_the_strict_reader(tmp_path, laat):
    """The fast road guesses the kinds of columns from the first 64 kB; a cell further down
    that contradicts the guess must give what the strict reader gives, not a wrong type."""
    rows = [f"{i};{i % 7};;x{i % 3}" for i in range(12_000)]  # ~150 kB, past the sample
    rows[-3] = f"{12_000};{laat};{laat};{laat}"
    path = tmp_path / "lang.csv"
    path.write_text("client_id;score;later;groep\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert len(path.read_bytes()) > 2 * typed_table._SAMPLE
    assert_same(typed_table.read_typed_table(path), strict(path))
