"""Keerpunten: reliable jumps between consecutive measurements."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from impact.errors import UserInputError
from modellen.keerpunten import COLUMNS, Keerpunten


def test_hand_worked_turning_points() -> None:
    d = pd.to_datetime(["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"])
    df = pd.DataFrame({
        "client_id": [1] * 4 + [2] * 4 + [3] * 4,
        "domein": ["financien"] * 12,
        "datum": list(d) * 3,
        "score": [1, 3, 3, 1.5, 2, 2.2, 2.4, 2.5, 3, 3, 3, 3],
    })
    res = Keerpunten(betrouwbaarheid=0.85).fit(df)
    table = res.summary()
    sd = np.std([1, 2, 3], ddof=1)  # baseline SD = 1
    sdiff = np.sqrt(2) * sd * np.sqrt(0.15)  # 0.548; threshold 1.96 * 0.548 = 1.07
    assert res.s_diff["financien"] == pytest.approx(sdiff)
    assert list(table.columns) == COLUMNS
    assert table["client_id"].tolist() == [1, 1]
    assert table["richting"].tolist() == ["omhoog", "omlaag"]
    assert table["betekenis"].tolist() == ["verbetering", "verslechtering"]
    assert table["verschil"].tolist() == [2.0, -1.5]
    assert table.loc[0, "vorige_datum"] == d[0] and table.loc[0, "datum"] == d[1]
    assert table.loc[0, "rci"] == pytest.approx(2.0 / sdiff)
    d = res.to_dict()
    assert d["keerpunten"][0]["datum"] == "2024-04-01T00:00:00" and d["betrouwbaarheid"] == 0.85
    assert json.loads(json.dumps(d, allow_nan=False)) == d
    assert {t.name for t in res.plot().data} == {"verbetering", "verslechtering"}


def test_domains_are_separate_and_instrument_reliability_used() -> None:
    df = pd.DataFrame({
        "client_id": [1, 1, 1, 1, 2, 2, 2, 2],
        "domein": ["a", "a", "b", "b"] * 2,
        "datum": pd.to_datetime(["2024-01-01", "2024-06-01"] * 4),
        "score": [1, 5, 1, 1.2, 3, 3, 2, 2],
    })
    res = Keerpunten(instrument="ZRM").fit(df)
    assert res.betrouwbaarheid == 0.85 and "Fassaert" in res.bron_betrouwbaarheid
    assert res.tabel[["client_id", "domein"]].values.tolist() == [[1, "a"]]


def test_lower_is_better_turns_the_meaning_and_without_domain_column_one_series() -> None:
    df = pd.DataFrame({
        "client_id": [1, 1, 2, 2, 3, 3],
        "datum": pd.to_datetime(["2024-01-01", "2024-06-01"] * 3),
        "score": [1.0, 3.0, 2.0, 2.0, 3.0, 3.0],
    })
    res = Keerpunten(betrouwbaarheid=0.85, hoger_is_beter=False).fit(df)
    assert res.tabel["domein"].tolist() == ["alle"]
    assert res.tabel["richting"].tolist() == ["omhoog"]
    assert res.tabel["betekenis"].tolist() == ["verslechtering"]


def test_a_one_point_jump_above_the_threshold_is_up_and_an_improvement() -> None:
    """With reliability 0,95 the threshold is 1,96 * sqrt(2) * 1 * sqrt(0,05) = 0,62 points:
    a jump of exactly one point is a turning point, upward, and (higher is better) progress."""
    df = pd.DataFrame({
        "client_id": [1, 1, 2, 2, 3, 3],
        "datum": pd.to_datetime(["2024-01-01", "2024-06-01"] * 3),
        "score": [2.0, 3.0, 3.0, 3.0, 4.0, 4.0],  # baseline SD 1
    })
    res = Keerpunten(betrouwbaarheid=0.95).fit(df)
    assert res.s_diff["alle"] == pytest.approx(np.sqrt(2) * np.sqrt(0.05))
    assert res.tabel["verschil"].tolist() == [1.0]
    assert res.tabel["richting"].tolist() == ["omhoog"]
    assert res.tabel["betekenis"].tolist() == ["verbetering"]


def test_a_domains_own_reliability_from_the_instrument_file_decides_its_jumps(tmp_path) -> None:
    """The user's instrument file gives 'zorgen' its own reliability (0,80) next to the
    instrument's 0,90. Baseline SD 1 in both domains, the same jump of 1,2 points: a keerpunt
    in 'stress' (RCI 1,2 / (sqrt(2) * sqrt(0,10)) = 2,68) but not in 'zorgen' (1,2 / 0,632 = 1,90)."""
    from impact.instruments import load_file

    pad = tmp_path / "welzijn.yaml"
    pad.write_text(
        "code: WELZIJN\nnaam: Welzijnsmeter\nschaal_min: 0\nschaal_max: 40\nrichting: hoger_is_beter\n"
        "betrouwbaarheid: 0.9\nbetrouwbaarheid_bron: eigen test-hertest 2023\n"
        "domeinen:\n  - {code: zorgen, naam: Zorgen, betrouwbaarheid: 0.8}\n  - {code: stress, naam: Stress}\n",
        encoding="utf-8",
    )
    df = pd.DataFrame({
        "client_id": [1, 1, 2, 2, 3, 3] * 2,
        "domein": ["zorgen"] * 6 + ["stress"] * 6,
        "datum": pd.to_datetime(["2024-01-01", "2024-06-01"] * 6),
        "score": [2.0, 3.2, 3.0, 3.0, 4.0, 4.0] * 2,  # baseline SD 1 in both domains; a jump of 1,2
    })
    res = Keerpunten(instrument=load_file(pad)).fit(df)
    assert res.betrouwbaarheid == 0.9 and res.bron_betrouwbaarheid == "eigen test-hertest 2023"
    assert res.betrouwbaarheid_per_domein == {"zorgen": 0.8}  # only where it differs from the instrument's
    assert res.s_diff == pytest.approx({"zorgen": np.sqrt(2) * np.sqrt(0.2), "stress": np.sqrt(2) * np.sqrt(0.1)})
    assert res.tabel["domein"].tolist() == ["stress"]


def test_a_jump_of_exactly_the_critical_value_is_no_keerpunt() -> None:
    """|RCI| > 1.96, strictly: first scores 0, 0, 2, 2 and r = 0,5 make a jump of z * S_diff
    an RCI of exactly z (checked); one a hair larger is a keerpunt."""
    from scipy.stats import norm

    z = norm.ppf(0.975)
    sdiff = np.sqrt(2) * np.std([0, 0, 2, 2], ddof=1) * np.sqrt(0.5)
    df = pd.DataFrame({
        "client_id": [1, 1, 2, 2, 3, 3, 4, 4],
        "datum": pd.to_datetime(["2024-01-01", "2024-06-01"] * 4),
        "score": [0.0, z * sdiff, 0.0, -z * sdiff, 2.0, 2.0 + 1.001 * z * sdiff, 2.0, 2.0],
    })
    res = Keerpunten(betrouwbaarheid=0.5).fit(df)
    assert res.s_diff["alle"] == sdiff
    assert res.tabel["client_id"].tolist() == [3]
    assert (z * sdiff) / res.s_diff["alle"] == z  # the first two jumps are exactly on the line


def test_missing_columns_are_named_with_the_source() -> None:
    with pytest.raises(UserInputError) as fout:
        Keerpunten(betrouwbaarheid=0.8).fit(pd.DataFrame({"client_id": [1], "datum": ["2024-01-01"]}))
    assert [(p.file, p.column) for p in fout.value.problems] == [("invoer", "score")]
