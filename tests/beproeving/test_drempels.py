"""Thresholds and definitions a user relies on, pinned with cases on either side of the line.

The expected values come from the definitions, not from the code's constants:

- Jacobson & Truax (1991): RC = (x2 - x1) / S_diff, S_diff = sqrt(2) * SD_voor * sqrt(1 - r_xx);
  a change is reliable when |RC| > 1.96 (two-sided 5%). 'Hersteld' = reliably improved AND
  moved from the dysfunctional side of the cut-off to the functional side; a client who
  starts on the functional side and improves reliably is 'verbeterd', not 'hersteld'.
- A keerpunt is a jump between two consecutive measurements with |RC| > 1.96 (same S_diff,
  SD = baseline SD of the domain).
- MKBA default discount rate: 2,25% real (Werkgroep discontovoet 2020, ministerie van
  Financiën), for both the programme MKBA and the Effectencalculator.
- Disclosure (README: "kleine aantallen worden getoond als '< 5'"): counts 1-4 are hidden and
  read "< 5"; 0 and 5 are shown; a mean or percentage needs at least 10 people.
"""

from __future__ import annotations

import math
import statistics
from decimal import Decimal

import pandas as pd
import pytest

from modellen.betrouwbare_verandering import BetrouwbareVerandering
from modellen.keerpunten import Keerpunten
from modellen.kostenbaten.casus import Effectencalculator
from modellen.kostenbaten.prijslijst import Prijslijst
from modellen.kostenbaten.programma import ProgrammaMKBA
from rapporten import onthulling as ot

Z = 1.96  # two-sided 5% critical value of the standard normal, as Jacobson & Truax use it


def _sdiff(voor: list[float], r: float) -> float:
    return math.sqrt(2) * statistics.stdev(voor) * math.sqrt(1 - r)


def _lang(voor: list[float], na: list[float]) -> pd.DataFrame:
    rijen = []
    for i, (a, b) in enumerate(zip(voor, na, strict=True)):
        rijen += [
            {"client_id": i, "datum": pd.Timestamp("2024-01-01"), "score": a},
            {"client_id": i, "datum": pd.Timestamp("2025-01-01"), "score": b},
        ]
    return pd.DataFrame(rijen)


# baseline scores: SD = sqrt(4/7) = 0.756, r = 0.80 -> S_diff = sqrt(8/35) = 0.478; 1.96 S_diff = 0.937
VOOR = [1.0, 3.0, 1.0, 3.0, 2.0, 2.0, 2.0, 2.0]
R = 0.80


def _rci_categorie(rc_per_client: list[float], **kwargs) -> list[str]:
    sd = _sdiff(VOOR, R)
    na = [v + rc * sd for v, rc in zip(VOOR, rc_per_client, strict=True)]
    res = BetrouwbareVerandering(betrouwbaarheid=R, **kwargs).fit(_lang(VOOR, na))
    pc = res.per_client.sort_values("client_id")
    assert pc["rci"].tolist() == pytest.approx(rc_per_client, abs=1e-9)
    return pc["categorie"].tolist()


def test_rci_s_diff_follows_jacobson_truax():
    res = BetrouwbareVerandering(betrouwbaarheid=R, afkappunt=100).fit(_lang(VOOR, VOOR))
    p = res.parameters.iloc[0]
    assert p["sd_voor"] == pytest.approx(math.sqrt(4 / 7))
    assert p["s_diff"] == pytest.approx(math.sqrt(8 / 35))
    assert p["kleinste_betrouwbare_verandering"] == pytest.approx(Z * math.sqrt(8 / 35), abs=1e-3)


def test_rci_boundary_either_side_of_1_96():
    """RC 1.95 and 1.80 (above 1.645) are not reliable; 1.97 is; same on the way down."""
    rc = [1.95, 1.97, -1.95, -1.97, 1.80, -1.80, 0.0, 1.70]
    cat = _rci_categorie(rc, afkappunt=100.0)  # nobody crosses: reliable improvement = verbeterd
    assert cat == [
        "onveranderd",
        "verbeterd",
        "onveranderd",
        "verslechterd",
        "onveranderd",
        "onveranderd",
        "onveranderd",
        "onveranderd",
    ]


def test_rci_boundary_lower_is_better():
    rc = [-1.95, -1.97, 1.95, 1.97, -1.80, 1.80, 0.0, 0.0]
    cat = _rci_categorie(rc, afkappunt=-100.0, hoger_is_beter=False)
    assert cat[:6] == [
        "onveranderd",
        "verbeterd",
        "onveranderd",
        "verslechterd",
        "onveranderd",
        "onveranderd",
    ]


def test_hersteld_requires_start_below_the_cut_off():
    """Cut-off 2.5. Client 1 starts at 3 (already functional), improves reliably -> verbeterd.
    Client 4 starts at 2, ends at 2 + 2.5 S_diff = 3.20 >= 2.5 -> hersteld.
    Client 5 starts at 2, improves by 1.97 S_diff to 2.94 -> crosses too -> hersteld.
    Client 6 starts at 2, ends at 2 + 1.90 S_diff = 2.91: crossed, not reliable -> onveranderd.
    Client 0 starts at 1, improves by 2.0 S_diff to 1.96 < 2.5 -> verbeterd (not crossed)."""
    rc = [2.0, 2.5, 0.0, 2.0, 2.5, 1.97, 1.90, 0.0]
    cat = _rci_categorie(rc, afkappunt=2.5)
    assert cat[0] == "verbeterd"
    assert cat[1] == "verbeterd"  # starts above the cut-off
    assert cat[3] == "verbeterd"  # starts above the cut-off
    assert cat[4] == "hersteld"
    assert cat[5] == "hersteld"
    assert cat[6] == "onveranderd"  # crosses the cut-off but not reliably: not hersteld


def test_hersteld_requires_start_below_the_cut_off_lower_is_better():
    """Lower is better, cut-off 1.5: a start at 1 is already on the functional side.
    Client 0: 1 -> 1 - 2.0 S_diff = 0.04, reliable, started functional -> verbeterd.
    Client 1: 3 -> 3 - 2.5 S_diff = 1.80 > 1.5, not crossed -> verbeterd.
    Client 3: 3 -> 3 - 3.5 S_diff = 1.33 < 1.5, crossed -> hersteld."""
    rc = [-2.0, -2.5, 0.0, -3.5, 0.0, 0.0, 0.0, 0.0]
    cat = _rci_categorie(rc, afkappunt=1.5, hoger_is_beter=False)
    assert cat[:4] == ["verbeterd", "verbeterd", "onveranderd", "hersteld"]


def test_keerpunten_boundary_either_side_of_1_96():
    eerste = [1.0, 3.0, 1.0, 3.0, 2.0, 2.0]  # baseline SD of the domain: first score per client
    sd = _sdiff(eerste, R)
    sprong = [1.95, 1.97, -1.97, -1.95, 1.80, 3.0]
    rijen = []
    for c, (a, rc) in enumerate(zip(eerste, sprong, strict=True)):
        rijen += [
            {"client_id": c, "domein": "fin", "datum": pd.Timestamp("2024-01-01"), "score": a},
            {"client_id": c, "domein": "fin", "datum": pd.Timestamp("2024-06-01"), "score": a + rc * sd},
        ]
    res = Keerpunten(betrouwbaarheid=R).fit(pd.DataFrame(rijen))
    assert res.s_diff["fin"] == pytest.approx(sd)
    tabel = res.summary()
    assert sorted(tabel["client_id"].tolist()) == [1, 2, 5]
    assert dict(zip(tabel["client_id"], tabel["betekenis"], strict=True)) == {
        1: "verbetering",
        2: "verslechtering",
        5: "verbetering",
    }


# --- the MKBA default discount rate -------------------------------------------------------


def _euro_lijst() -> Prijslijst:
    """A price list with one item: one euro, price year 2024 (no indexing in play)."""
    items = pd.DataFrame(
        [
            (
                "euro",
                "één euro",
                "keer",
                1.00,
                "burger",
                "welzijn",
                2024,
                "test-1",
                "testwaarde",
                "A",
                None,
                None,
            )
        ],
        columns=[
            "item",
            "omschrijving",
            "eenheid",
            "prijs",
            "financier",
            "domein",
            "prijsjaar",
            "versie",
            "bron",
            "betrouwbaarheid",
            "prijs_min",
            "prijs_max",
        ],
    )
    return Prijslijst(items=items, versie="test-1", prijspeil=2024)


def test_programme_default_discount_rate_is_2_25_percent():
    """One benefit of 1022.50 in year 1, no rate in the file: 1022.50 / 1.0225 = 1000.00.
    (At 3% it would be 992.72, at 2% 1002.45, at 1.5% 1007.39.)"""
    doc = {
        "naam": "standaardvoet",
        "investeringen": [{"omschrijving": "x", "bedrag": 500, "jaar": 0, "financier": "gemeente"}],
        "uitkomsten": [
            {
                "naam": "een keer",
                "aantal": 1,
                "waarde": 1022.50,
                "deadweight": 0,
                "attributie": 0,
                "verplaatsing": 0,
                "duur": 1,
                "drop_off": 0,
                "begunstigde": "gemeente",
            }
        ],
    }
    d = ProgrammaMKBA().fit(doc).to_dict()
    assert d["pv_baten"] == pytest.approx(1000.00, abs=0.005)
    assert d["discontovoet"]["waarde"] == pytest.approx(0.0225)
    bron = d["discontovoet"]["bron"]
    assert "Werkgroep discontovoet 2020" in bron and "2,25%" in bron


def test_effectencalculator_default_discount_rate_is_2_25_percent():
    """10225 euro avoided in the year after the base year: 10225 / 1.0225 = 10000.00."""
    casus = {
        "naam": "standaardvoet",
        "scenarios": {
            "interventie": {"activiteiten": [{"item": "euro", "aantal": 1, "datum": "2024-03-01"}]},
            "referentie": {"activiteiten": [{"item": "euro", "aantal": 10225, "datum": "2025-03-01"}]},
        },
    }
    r = Effectencalculator(prijslijst=_euro_lijst()).fit(casus)
    assert r.contante_waarde("referentie") == Decimal("10000.00")
    assert r.discontovoet == Decimal("0.0225")
    d = r.to_dict()["discontovoet"]
    assert d["waarde"] == 0.0225
    assert d["bron"].startswith("Werkgroep discontovoet 2020") and d["bron"].endswith("geldig vanaf 1-1-2021")
    # a Casus made in Python, not from a file, has no rate of its own either
    from modellen.kostenbaten.casus import Casus, valideer_casus

    zelf_gemaakt = Casus(naam="in Python", regels=valideer_casus(casus, _euro_lijst()).regels)
    assert Effectencalculator(prijslijst=_euro_lijst()).fit(zelf_gemaakt).contante_waarde("referentie") == Decimal("10000.00")


def test_a_case_files_own_discount_rate_comes_before_the_default_and_a_given_rate_before_both():
    """10400 euro avoided a year later: at the file's 4% that is 10400 / 1.04 = 10000.00."""
    casus = {
        "naam": "eigen voet",
        "discontovoet": 0.04,
        "scenarios": {
            "interventie": {"activiteiten": [{"item": "euro", "aantal": 1, "datum": "2024-03-01"}]},
            "referentie": {"activiteiten": [{"item": "euro", "aantal": 10400, "datum": "2025-03-01"}]},
        },
    }
    r = Effectencalculator(prijslijst=_euro_lijst()).fit(casus)
    assert (r.discontovoet, r.discontovoet_bron) == (Decimal("0.04"), "opgegeven in het casusbestand")
    assert r.contante_waarde("referentie") == Decimal("10000.00")
    gegeven = Effectencalculator(prijslijst=_euro_lijst(), discontovoet=0.03).fit(casus)
    assert (gegeven.discontovoet, gegeven.discontovoet_bron) == (Decimal("0.03"), "opgegeven bij de berekening")


@pytest.mark.parametrize(("voet", "geldig"), [(-0.05, True), (-0.0501, False), (0.999, True), (1, False), ("x", False)])
def test_a_case_files_discount_rate_lies_in_minus_5_percent_to_below_100_percent(voet, geldig):
    from impact.errors import UserInputError

    casus = {
        "naam": "grens",
        "discontovoet": voet,
        "scenarios": {
            "interventie": {"activiteiten": [{"item": "euro", "aantal": 1, "datum": "2024-03-01"}]},
            "referentie": {"activiteiten": [{"item": "euro", "aantal": 2, "datum": "2024-03-01"}]},
        },
    }
    if geldig:
        assert Effectencalculator(prijslijst=_euro_lijst()).fit(casus).discontovoet == Decimal(str(voet))
        return
    with pytest.raises(UserInputError) as fout:
        Effectencalculator(prijslijst=_euro_lijst()).fit(casus)
    assert [(p.column, p.expected) for p in fout.value.problems] == [
        ("discontovoet", "een discontovoet als fractie, bijv. 0.0225")
    ]


def _programma(**extra) -> dict:
    """One benefit of 1040 euro in year 1."""
    return {
        "naam": "eigen voet",
        "investeringen": [{"omschrijving": "x", "bedrag": 500, "jaar": 0, "financier": "gemeente"}],
        "uitkomsten": [
            {"naam": "een keer", "aantal": 1, "waarde": 1040, "deadweight": 0, "attributie": 0,
             "verplaatsing": 0, "duur": 1, "drop_off": 0, "begunstigde": "gemeente"}
        ],
        **extra,
    }


def test_a_programme_files_own_discount_rate_is_used_and_named_and_a_given_rate_beats_it():
    from modellen.kostenbaten.casus import DISCONTOVOET_BRON

    eigen = ProgrammaMKBA().fit(_programma(discontovoet=0.04)).to_dict()
    assert eigen["pv_baten"] == pytest.approx(1000.00, abs=0.005)  # 1040 / 1.04
    assert eigen["discontovoet"] == {**eigen["discontovoet"], "waarde": 0.04, "bron": "opgegeven in het programmabestand"}
    # the guidance rate written in the file is still the guidance rate, with its source
    assert ProgrammaMKBA().fit(_programma(discontovoet=0.0225)).to_dict()["discontovoet"]["bron"] == DISCONTOVOET_BRON
    assert ProgrammaMKBA().fit(_programma()).to_dict()["discontovoet"]["bron"] == DISCONTOVOET_BRON
    gegeven = ProgrammaMKBA(discontovoet=0.03).fit(_programma(discontovoet=0.04)).to_dict()["discontovoet"]
    assert (gegeven["waarde"], gegeven["bron"]) == (0.03, "opgegeven bij de berekening")
    from impact.errors import UserInputError

    with pytest.raises(UserInputError) as fout:
        ProgrammaMKBA().fit(_programma(discontovoet="x"))
    assert [(p.file, p.column, p.expected) for p in fout.value.problems] == [("programma", "discontovoet", "een getal")]


def test_a_price_year_given_to_the_calculation_comes_first():
    casus = {
        "naam": "jaar",
        "prijsjaar": 2024,
        "scenarios": {
            "interventie": {"activiteiten": [{"item": "euro", "aantal": 1, "datum": "2024-03-01"}]},
            "referentie": {"activiteiten": [{"item": "euro", "aantal": 2, "datum": "2024-03-01"}]},
        },
    }
    zonder = {k: v for k, v in casus.items() if k != "prijsjaar"}
    assert Effectencalculator(prijslijst=_euro_lijst(), prijsjaar=2023).fit(zonder).to_dict()["prijsjaar"] == 2023
    assert Effectencalculator(prijslijst=_euro_lijst(), prijsjaar=2023).fit(casus).to_dict()["prijsjaar"] == 2023


def test_default_price_year_is_2024_when_neither_file_nor_price_list_names_one():
    import dataclasses

    casus = {
        "naam": "zonder jaar",
        "scenarios": {
            "interventie": {"activiteiten": [{"item": "euro", "aantal": 1, "datum": "2024-03-01"}]},
            "referentie": {"activiteiten": [{"item": "euro", "aantal": 2, "datum": "2024-03-01"}]},
        },
    }
    zonder_peil = dataclasses.replace(_euro_lijst(), prijspeil=None)
    assert Effectencalculator(prijslijst=zonder_peil).fit(casus).to_dict()["prijsjaar"] == 2024
    doc = {
        "naam": "zonder jaar",
        "investeringen": [{"omschrijving": "x", "bedrag": 500, "jaar": 0, "financier": "gemeente"}],
        "uitkomsten": [
            {"naam": "een keer", "aantal": 1, "waarde": 1000, "deadweight": 0, "attributie": 0,
             "verplaatsing": 0, "duur": 1, "drop_off": 0, "begunstigde": "gemeente"}
        ],
    }
    assert ProgrammaMKBA().fit(doc).to_dict()["prijsjaar"] == 2024


# --- disclosure thresholds ------------------------------------------------------------------


def test_suppression_threshold_hides_1_to_4_and_shows_0_and_5():
    reeks = pd.Series([0, 1, 4, 5, 6])
    assert ot.klein(reeks).tolist() == [False, True, True, False, False]
    assert ot.STANDAARD.drempel == 5 and ot.STANDAARD.min_noemer == 10


def test_suppression_threshold_in_a_published_table_reads_less_than_5():
    from impact.opmaak import Opmaak
    from rapporten.tabel import uit_kruistabel

    vier = uit_kruistabel("t", pd.DataFrame({"x": [4, 30], "y": [30, 30]}, index=["A", "B"]), "Groep")
    assert vier.rijen(Opmaak("nl"))[0][1] == "< 5"
    vijf = uit_kruistabel("t", pd.DataFrame({"x": [5, 30], "y": [30, 30]}, index=["A", "B"]), "Groep")
    assert vijf.rijen(Opmaak("nl"))[0] == ["A", "5", "30", "35"]
    nul = uit_kruistabel("t", pd.DataFrame({"x": [0, 30], "y": [30, 30]}, index=["A", "B"]), "Groep")
    assert nul.rijen(Opmaak("nl"))[0] == ["A", "0", "30", "30"]


def test_min_noemer_10_for_means_and_shares():
    stat = pd.DataFrame({"g": list("abcd"), "n": [9, 10, 4, 5], "gem": [1.0, 2.0, 3.0, 4.0]})
    waarden, masker = ot.per_groep(stat, "n", ["gem"])
    assert masker["gem"].tolist() == [ot.NOEMER, ot.ZICHTBAAR, ot.NOEMER, ot.NOEMER]
    assert masker["n"].tolist() == [ot.ZICHTBAAR, ot.ZICHTBAAR, ot.PRIMAIR, ot.ZICHTBAAR]
    tellers = pd.DataFrame({"ja": [6.0, 6.0]}, index=["A", "B"])
    tm = pd.DataFrame({"ja": [ot.ZICHTBAAR, ot.ZICHTBAAR]}, index=tellers.index)
    aandeel, m = ot.aandelen(tellers, tm, pd.Series({"A": 9, "B": 10}))
    assert m["ja"].tolist() == [ot.NOEMER, ot.ZICHTBAAR]
    assert aandeel.loc["B", "ja"] == pytest.approx(0.6)
    assert ot.reden(pd.Series([9, 10]), pd.Series([False, False])).tolist() == [ot.NOEMER, ot.ZICHTBAAR]


def test_twee_clienten_zijn_genoeg_voor_sd_en_afkappunt():
    """Two baseline scores have a sample SD (ddof=1): voor 1 and 3 -> SD = sqrt(2), r = 0.80,
    S_diff = sqrt(2) * sqrt(2) * sqrt(0.2) = 0.894. Client 0: 1 -> 1 + 2.0 S_diff = 2.79, crosses
    the cut-off 2.5 reliably -> hersteld; client 1 unchanged."""
    sd = math.sqrt(2) * math.sqrt(2) * math.sqrt(0.2)
    res = BetrouwbareVerandering(betrouwbaarheid=R, afkappunt=2.5).fit(_lang([1.0, 3.0], [1.0 + 2 * sd, 3.0]))
    assert res.parameters.iloc[0]["s_diff"] == pytest.approx(sd)
    assert res.parameters.iloc[0]["afkappunt"] == 2.5
    assert res.per_client.sort_values("client_id")["categorie"].tolist() == ["hersteld", "onveranderd"]
