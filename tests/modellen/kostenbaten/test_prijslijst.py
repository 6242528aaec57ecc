"""Default price list, user overrides and CPI indexing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from impact.errors import UserInputError
from modellen.kostenbaten.indexering import standaard_cpi
from modellen.kostenbaten.prijslijst import KOLOMMEN, standaard_prijslijst

# the reference research the default list was built from, kept next to this test
REFERENTIE = Path(__file__).with_name("prijslijst-bronnen.csv")


def test_default_list_keeps_sources_and_grades():
    p = standaard_prijslijst()
    assert list(p.items.columns[: len(KOLOMMEN)]) == KOLOMMEN
    assert p.items["bron"].str.len().min() > 10
    assert set(p.items["betrouwbaarheid"]) <= {"A", "B", "C", "P"}
    assert p.items["item"].is_unique
    assert p.versie.startswith("nl-standaard-2026.1+")


def test_default_list_matches_reference_research():
    ref = pd.read_csv(REFERENTIE)
    p = standaard_prijslijst().items.set_index("bron_id")
    for rij in ref.itertuples():
        assert p.loc[rij.id, "prijs"] == rij.prijs_eur
        assert p.loc[rij.id, "prijsjaar"] == rij.prijsjaar
        assert p.loc[rij.id, "betrouwbaarheid"] == rij.betrouwbaarheid


def test_cpi_series_marks_derived_years_and_indexes():
    """7500 (2014) to 2024: 7500 x 130.20 / 99.36 = 9827.898... -> 9827.90."""
    cpi = standaard_cpi()
    assert cpi.niveau(2022) == Decimal("121.43")
    assert cpi.afgeleide_jaren(2019, 2022, 2023, 2024) == [2023, 2024]
    assert cpi.indexeer(7500, 2014, 2024) == Decimal("9827.90")
    assert cpi.indexeer(64, 2022, 2022) == Decimal("64.00")
    with pytest.raises(UserInputError):
        cpi.niveau(1990)


def test_user_list_overrides_and_extends():
    eigen = pd.DataFrame(
        {
            "item": ["sociaal_werker_uur", "schuldhulptraject"],
            "eenheid": ["uur", "keer"],
            "prijs": [71.5, 2400],
            "prijsjaar": [2024, 2024],
            "financier": ["gemeente", "gemeente"],
            "domein": ["welzijn", "werk & inkomen"],
            "bron": ["cao Sociaal Werk 2024, eigen berekening", "offerte 2024"],
        }
    )
    p = standaard_prijslijst(eigen)
    assert len(p) == len(standaard_prijslijst()) + 1
    assert p.regel("sociaal_werker_uur")["prijs"] == Decimal("71.5")
    assert "+eigen-" in p.versie


def test_user_list_errors_in_dutch_with_rows():
    eigen = pd.DataFrame(
        {
            "item": ["a", "a"],
            "eenheid": ["uur", "uur"],
            "prijs": [-1, "veel"],
            "prijsjaar": [2024, 2024],
            "financier": ["gemeente", "gemeente"],
            "domein": ["x", "x"],
            "bron": ["", "bron"],
        }
    )
    with pytest.raises(UserInputError) as err:
        standaard_prijslijst(eigen)
    gevonden = {(p.row, p.column) for p in err.value.problems}
    assert {(2, "bron"), (2, "prijs"), (3, "prijs"), (3, "item")} <= gevonden
