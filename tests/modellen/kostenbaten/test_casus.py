"""Effectencalculator cases: hand-worked examples to the cent, validation, properties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from impact.errors import UserInputError
from modellen.kostenbaten.casus import Effectencalculator, spread_over_years, valideer_casus
from tests.modellen.kostenbaten.conftest import kleine_lijst

HAND_CASUS = {
    "naam": "hand 1",
    "client": "C000001",
    "scenarios": {
        "interventie": {
            "activiteiten": [
                {"item": "sw_uur", "aantal": 30, "datum": "2024-03-01"},
                {"item": "huisarts", "aantal": 2, "datum": dt.date(2024, 4, 1)},
            ]
        },
        "referentie": {
            "activiteiten": [{"item": "huisarts", "aantal": 5, "datum": "2025-02-01"}],
            "gebeurtenissen": [
                {
                    "omschrijving": "uithuiszetting",
                    "datum": "2024-09-01",
                    "kans": 0.6,
                    "gevolgen": [
                        {"item": "uitzetting", "aantal": 1},
                        {"item": "opvang_dag", "aantal": 90},
                    ],
                }
            ],
        },
    },
}


def test_hand_worked_case_to_the_cent(lijst):
    """On paper (prices in 2024 euros, discount rate 2.25%, base year 2024):

    interventie: 30 x 64.00 = 1920.00 (gemeente) + 2 x 30.87 = 61.74 (zorgverzekeraar)
                 total 1981.74, all in 2024 (t = 0, not discounted)
    referentie:  uithuiszetting, kans 0.6:
                   0.6 x 1 x 7500.00 = 4500.00 (woningcorporatie)
                   0.6 x 90 x 64.17 = 0.6 x 5775.30 = 3465.18 (gemeente)
                 5 x 30.87 = 154.35 (zorgverzekeraar) in 2025 (t = 1)
                 total 4500.00 + 3465.18 + 154.35 = 8119.53
    verschil = 8119.53 - 1981.74 = 6137.79
    per financier: gemeente 3465.18 - 1920.00 = 1545.18; woningcorporatie 4500.00;
                   zorgverzekeraar 154.35 - 61.74 = 92.61; sum 6137.79
    present value: 154.35 / 1.0225 = 150.9535 -> 150.95;
                   referentie 4500.00 + 3465.18 + 150.95 = 8116.13;
                   verschil 8116.13 - 1981.74 = 6134.39
    """
    r = Effectencalculator(prijslijst=lijst).fit(HAND_CASUS)
    assert r.kosten("interventie") == Decimal("1981.74")
    assert r.kosten("referentie") == Decimal("8119.53")
    assert r.verschil == Decimal("6137.79")
    per = r.per_financier().set_index("financier")["verschil"]
    assert per["gemeente"] == pytest.approx(1545.18, abs=1e-9)
    assert per["woningcorporatie"] == pytest.approx(4500.00, abs=1e-9)
    assert per["zorgverzekeraar"] == pytest.approx(92.61, abs=1e-9)
    assert r.contante_waarde("referentie") == Decimal("8116.13")
    assert r.contante_waarde() == Decimal("6134.39")
    jaren = r.per_jaar().set_index("jaar")
    assert jaren.loc[2025, "referentie"] == pytest.approx(154.35, abs=1e-9)
    d = r.to_dict()
    assert d["discontovoet"]["waarde"] == 0.0225
    assert "Werkgroep discontovoet 2020" in d["discontovoet"]["bron"]
    assert d["prijslijst"]["versie"] == "test-1"
    summary = r.summary().set_index("financier")
    assert summary.loc["totaal", "verschil"] == pytest.approx(6137.79, abs=1e-9)


def test_hand_worked_case_with_default_list_and_cpi():
    """Default list indexed to 2024 with the CBS CPI (2015=100):

    huisuitzetting_verhuurder 7500 (2014): 7500 x 130.20 / 99.36 = 9827.898... -> 9827.90
    sociaal_werker_uur 64 (2022): 64 x 130.20 / 121.43 = 68.6222... -> 68.62
    interventie 10 x 68.62 = 686.20; referentie 0.5 x 9827.90 = 4913.95
    verschil 4913.95 - 686.20 = 4227.75
    """
    doc = {
        "naam": "hand 2",
        "prijsjaar": 2024,
        "scenarios": {
            "interventie": {
                "activiteiten": [
                    {"item": "sociaal_werker_uur", "aantal": 10, "datum": "2024-01-15"}
                ]
            },
            "referentie": {
                "gebeurtenissen": [
                    {
                        "omschrijving": "uithuiszetting",
                        "datum": "2024-06-01",
                        "kans": 0.5,
                        "gevolgen": [{"item": "huisuitzetting_verhuurder"}],
                    }
                ]
            },
        },
    }
    r = Effectencalculator().fit(doc)
    assert r.kosten("interventie") == Decimal("686.20")
    assert r.kosten("referentie") == Decimal("4913.95")
    assert r.verschil == Decimal("4227.75")
    herkomst = r.to_dict()["prijslijst"]
    assert herkomst["prijspeil"] == 2024
    assert 2024 in herkomst["indexering"]["afgeleide_jaren_gebruikt"]


def test_period_spread_over_years_adds_up():
    """1.00 euro over 30 Dec 2024 - 1 Jan 2025 (3 days: 2 in 2024, 1 in 2025):
    exact 66.67 / 33.33 cents -> 67 and 33 cents (largest remainder)."""
    assert spread_over_years(100, dt.date(2024, 12, 30), dt.date(2025, 1, 1)) == {
        2024: 67,
        2025: 33,
    }
    assert spread_over_years(64000, dt.date(2024, 12, 22), dt.date(2025, 1, 10)) == {
        2024: 32000,
        2025: 32000,
    }


def test_quantity_range_gives_midpoint_and_band(lijst):
    """aantal [20, 40] of sw_uur: point 30 x 64 = 1920.00; band 1280.00 .. 2560.00
    (interventie only, so verschil runs from -2560.00 to -1280.00)."""
    doc = {
        "naam": "band",
        "scenarios": {
            "interventie": {
                "activiteiten": [{"item": "sw_uur", "aantal": [20, 40], "datum": "2024-01-01"}]
            },
            "referentie": {},
        },
    }
    r = Effectencalculator(prijslijst=lijst).fit(doc)
    assert r.kosten("interventie") == Decimal("1920.00")
    assert r.bandbreedte() == (Decimal("-2560.00"), Decimal("-1280.00"))


def test_validation_collects_all_problems_with_lines(lijst):
    doc = {
        "naam": "",
        "discontovoet": "veel",
        "scenarios": {
            "interventie": {
                "activiteiten": [
                    {"item": "onbekend", "aantal": 1, "datum": "2024-01-01"},
                    {"item": "sw_uur", "aantal": -2, "datum": "2024-01-01"},
                    {"item": "sw_uur", "aantal": 1, "start": "2024-05-01", "eind": "2024-04-01"},
                ]
            },
            "referentie": {
                "gebeurtenissen": [
                    {
                        "omschrijving": "x",
                        "datum": "2024-01-01",
                        "kans": 1.2,
                        "gevolgen": [{"item": "sw_uur", "aantal": 1}],
                    }
                ]
            },
        },
    }
    lines = {("scenarios", "referentie", "gebeurtenissen", 0, "kans"): 17}
    with pytest.raises(UserInputError) as err:
        valideer_casus(doc, lijst, "c.yaml", lines)
    velden = {p.column: p for p in err.value.problems}
    assert set(velden) == {
        "naam",
        "discontovoet",
        "scenarios.interventie.activiteiten.0.item",
        "scenarios.interventie.activiteiten.1.aantal",
        "scenarios.interventie.activiteiten.2.eind",
        "scenarios.referentie.gebeurtenissen.0.kans",
    }
    assert velden["scenarios.referentie.gebeurtenissen.0.kans"].row == 17
    assert "tussen 0 en 1" in velden["scenarios.referentie.gebeurtenissen.0.kans"].expected
    assert "negatief" in velden["scenarios.interventie.activiteiten.1.aantal"].expected


# --------------------------------------------------------------------------- properties

ITEMS = ["sw_uur", "opvang_dag", "uitzetting", "huisarts", "euro"]
datums = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2028, 12, 31))
posten = st.lists(
    st.tuples(st.sampled_from(ITEMS), st.integers(0, 60), datums, st.integers(0, 400)),
    min_size=1,
    max_size=8,
)


def _scenario(lines, factor=1):
    return {
        "activiteiten": [
            {
                "item": i,
                "aantal": a * factor,
                "start": d.isoformat(),
                "eind": (d + dt.timedelta(days=duur)).isoformat(),
            }
            for i, a, d, duur in lines
        ]
    }


LIJST = kleine_lijst()


@settings(max_examples=40, deadline=None)
@given(posten)
def test_identical_scenarios_give_zero_difference(lines):
    doc = {
        "naam": "p",
        "scenarios": {"interventie": _scenario(lines), "referentie": _scenario(lines)},
    }
    r = Effectencalculator(prijslijst=LIJST).fit(doc)
    assert r.verschil == 0
    assert r.contante_waarde() == 0
    assert (r.per_financier()["verschil"] == 0).all()
    assert (r.per_jaar()["verschil"] == 0).all()


@settings(max_examples=40, deadline=None)
@given(posten, posten, st.integers(1, 9))
def test_linear_in_quantities(a, b, k):
    """Prices have whole cents and quantities are integers, so scaling is exact."""
    basis = Effectencalculator(prijslijst=LIJST).fit(
        {"naam": "p", "scenarios": {"interventie": _scenario(a), "referentie": _scenario(b)}}
    )
    maal = Effectencalculator(prijslijst=LIJST).fit(
        {"naam": "p", "scenarios": {"interventie": _scenario(a, k), "referentie": _scenario(b, k)}}
    )
    assert maal.kosten("interventie") == k * basis.kosten("interventie")
    assert maal.kosten("referentie") == k * basis.kosten("referentie")
    assert maal.verschil == k * basis.verschil


@settings(max_examples=40, deadline=None)
@given(posten, posten, st.floats(0, 1))
def test_per_financier_domain_year_parts_add_up(a, b, kans):
    ref = _scenario(b)
    ref["gebeurtenissen"] = [
        {
            "omschrijving": "e",
            "datum": "2025-03-01",
            "kans": kans,
            "gevolgen": [{"item": "uitzetting", "aantal": 1}, {"item": "opvang_dag", "aantal": 7}],
        }
    ]
    r = Effectencalculator(prijslijst=LIJST, discontovoet=0.04).fit(
        {"naam": "p", "scenarios": {"interventie": _scenario(a), "referentie": ref}}
    )
    cent = Decimal("0.01")
    for tabel in (r.per_financier(), r.per_domein(), r.per_jaar()):
        som = sum(Decimal(str(v)).quantize(cent) for v in tabel["verschil"])
        assert som == r.verschil
    som_pv = sum(Decimal(str(v)).quantize(cent) for v in r.per_financier(contant=True)["verschil"])
    assert som_pv == r.contante_waarde()


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5), st.integers(100, 10_000), st.floats(0.0, 0.08), st.floats(0.001, 0.05))
def test_present_value_falls_as_rate_rises(jaren_vooruit, aantal, r1, dr):
    """A benefit (avoided reference cost) in a future year is worth less at a higher rate."""
    doc = {
        "naam": "p",
        "peildatum": "2024-01-01",
        "scenarios": {
            "interventie": {},
            "referentie": {
                "activiteiten": [
                    {"item": "sw_uur", "aantal": aantal, "datum": f"{2024 + jaren_vooruit}-06-01"}
                ]
            },
        },
    }
    laag = Effectencalculator(prijslijst=LIJST, discontovoet=r1).fit(doc).contante_waarde()
    hoog = Effectencalculator(prijslijst=LIJST, discontovoet=r1 + dr).fit(doc).contante_waarde()
    assert hoog < laag
