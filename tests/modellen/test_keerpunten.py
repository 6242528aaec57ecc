"""Keerpunten: reliable jumps between consecutive measurements."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from modellen.keerpunten import COLUMNS, keerpunten


def test_hand_worked_turning_points() -> None:
    d = pd.to_datetime(["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"])
    df = pd.DataFrame({
        "client_id": [1] * 4 + [2] * 4 + [3] * 4,
        "domein": ["financien"] * 12,
        "datum": list(d) * 3,
        "score": [1, 3, 3, 1.5, 2, 2.2, 2.4, 2.5, 3, 3, 3, 3],
    })
    table = keerpunten(df, betrouwbaarheid=0.85)
    sd = np.std([1, 2, 3], ddof=1)  # baseline SD = 1
    sdiff = np.sqrt(2) * sd * np.sqrt(0.15)  # 0.548; threshold 1.96 * 0.548 = 1.07
    assert table.attrs["s_diff"]["financien"] == pytest.approx(sdiff)
    assert list(table.columns) == COLUMNS
    assert table["client_id"].tolist() == [1, 1]
    assert table["richting"].tolist() == ["omhoog", "omlaag"]
    assert table["betekenis"].tolist() == ["verbetering", "verslechtering"]
    assert table["verschil"].tolist() == [2.0, -1.5]
    assert table.loc[0, "vorige_datum"] == d[0] and table.loc[0, "datum"] == d[1]
    assert table.loc[0, "rci"] == pytest.approx(2.0 / sdiff)


def test_domains_are_separate_and_instrument_reliability_used() -> None:
    df = pd.DataFrame({
        "client_id": [1, 1, 1, 1, 2, 2, 2, 2],
        "domein": ["a", "a", "b", "b"] * 2,
        "datum": pd.to_datetime(["2024-01-01", "2024-06-01"] * 4),
        "score": [1, 5, 1, 1.2, 3, 3, 2, 2],
    })
    table = keerpunten(df, instrument="ZRM")
    assert table.attrs["betrouwbaarheid"] == 0.85
    assert table[["client_id", "domein"]].values.tolist() == [[1, "a"]]
