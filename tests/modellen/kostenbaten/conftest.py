"""Shared fixtures: a small price list with round numbers, all in price year 2024."""

from __future__ import annotations

import pandas as pd
import pytest

from modellen.kostenbaten.prijslijst import Prijslijst


def kleine_lijst() -> Prijslijst:
    items = pd.DataFrame(
        [
            ("sw_uur", "uur sociaal werk", "uur", 64.00, "gemeente", "welzijn"),
            ("opvang_dag", "dag opvang", "dag", 64.17, "gemeente", "wonen"),
            ("uitzetting", "huisuitzetting", "keer", 7500.00, "woningcorporatie", "wonen"),
            ("huisarts", "huisartsconsult", "keer", 30.87, "zorgverzekeraar", "zorg"),
            ("euro", "één euro", "keer", 1.00, "burger", "welzijn"),
        ],
        columns=["item", "omschrijving", "eenheid", "prijs", "financier", "domein"],
    )
    items["prijsjaar"] = 2024
    items["versie"] = "test-1"
    items["bron"] = "testwaarde"
    items["betrouwbaarheid"] = "A"
    items["prijs_min"] = None
    items["prijs_max"] = None
    return Prijslijst(items=items, versie="test-1", prijspeil=2024)


@pytest.fixture
def lijst() -> Prijslijst:
    return kleine_lijst()
