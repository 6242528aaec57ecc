"""One set of price-list rules: what 'impact importeer prijslijst' accepts, kosten-baten accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from impact.errors import UserInputError
from impact.io.importer import import_file
from impact.io.prijslijst import read_price_list, shipped_price_list

EXAMPLE = Path(__file__).resolve().parents[2] / "voorbeelden"
DUTCH_LIST = (
    "item;eenheid;prijs;prijsjaar;financier;domein;bron\n"
    "eigen_gesprek;keer;127,00;2024;gemeente;welzijn;offerte 2024\n"
    "eigen_uur;uur;1.234,50;2023;zorgverzekeraar;zorg;cao 2023\n"
)


def test_semicolon_list_with_decimal_comma_passes_both_doors(engine, tmp_path, cli):
    """Before: it imported, but 'kosten-baten casus --prijslijst' refused '127,00'."""
    path = tmp_path / "eigen.csv"
    path.write_text(DUTCH_LIST, encoding="utf-8")
    assert import_file(engine, "prijslijst", path, price_list_version="eigen").rows == 2
    frame = read_price_list(path)
    assert frame["prijs"].tolist() == [127.0, 1234.5]
    casus = next(EXAMPLE.glob("casus*.yaml"), None)
    if casus is None:
        pytest.skip("geen voorbeeldcasus")
    result = cli("kosten-baten", "casus", str(casus), "--prijslijst", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert "+eigen-" in json.loads(result.stdout)["prijslijst"]["versie"]


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("x;keer;-5;2024;gemeente;welzijn;bron", "prijs"),
        ("x;keer;5;twintig;gemeente;welzijn;bron", "prijsjaar"),
        ("x;keer;5;2024;de buurman;welzijn;bron", "financier"),
        ("x;keer;5;2024;gemeente;welzijn;", "bron"),
        ("x;keer;5;2024;gemeente;;bron", "domein"),
    ],
)
def test_the_same_refusals_through_both_doors(engine, tmp_path, row, column):
    path = tmp_path / "fout.csv"
    path.write_text(DUTCH_LIST.splitlines()[0] + "\n" + row + "\n", encoding="utf-8")
    for read in (lambda: read_price_list(path), lambda: import_file(engine, "prijslijst", path)):
        with pytest.raises(UserInputError) as caught:
            read()
        assert [(p.row, p.column) for p in caught.value.problems] == [(2, column)]


def test_shipped_list_passes_the_same_rules():
    frame = shipped_price_list()
    assert len(frame) > 50 and frame["item"].is_unique
