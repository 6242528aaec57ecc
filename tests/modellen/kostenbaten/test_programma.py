"""Programme MKBA/SROI: the issue's example worked on paper, two implementations agreeing,
uncertainty (tornado, scenarios, Monte Carlo) checked against direct evaluation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from impact.errors import UserInputError
from modellen.kostenbaten.onzekerheid import MonteCarlo, Tornado, scenarios
from modellen.kostenbaten.programma import (
    ProgrammaMKBA,
    ProgrammaModel,
    evaluate_scalar,
    parameter_values,
    uitkomst_uit_longitudinaal,
    valideer_programma,
)

ISSUE_VOORBEELD = {
    "naam": "Schuldhulp Weert",
    "discontovoet": 0.0225,
    "investeringen": [
        {"omschrijving": "personeel", "bedrag": 120000, "jaar": 0, "financier": "gemeente"}
    ],
    "uitkomsten": [
        {
            "naam": "uithuiszetting voorkomen",
            "aantal": 12,
            "waarde": 7500,
            "deadweight": 0.25,
            "attributie": 0.20,
            "verplaatsing": 0.0,
            "duur": 3,
            "drop_off": 0.30,
            "begunstigde": "woningcorporatie",
        }
    ],
}


def test_issue_example_by_hand():
    """Year value: 12 x 7500 x 0.75 x 0.80 x 1.00 = 54000 (t=1), x 0.7 = 37800 (t=2),
    x 0.49 = 26460 (t=3). Discounted at 2.25%:
      54000 / 1.0225      = 52811.7359
      37800 / 1.0225^2    = 36154.7224
      26460 / 1.0225^3    = 24751.4182
      pv_baten            = 113717.88 (exact fraction: 113717.8765)
    pv_kosten = 120000 (year 0 not discounted); NCW = -6282.12; SROI = 0.9476;
    cumulative benefits never reach 120000, so break_even_jaar is null.
    """
    d = ProgrammaMKBA().fit(ISSUE_VOORBEELD).to_dict()
    assert d["pv_kosten"] == 120000.00
    assert d["pv_baten"] == 113717.88
    assert d["netto_contante_waarde"] == -6282.12
    assert d["sroi_ratio"] == pytest.approx(0.9476, abs=1e-4)
    assert d["break_even_jaar"] is None
    assert d["per_begunstigde"] == {"woningcorporatie": 113717.88}
    assert d["prijslijst_versie"].startswith("nl-standaard")
    uitkomst = d["invoer"]["uitkomsten"][0]
    assert uitkomst["waarde"]["waarde"] == 7500 and "bron" in uitkomst["waarde"]
    assert d["discontovoet"]["waarde"] == 0.0225 and "Werkgroep" in d["discontovoet"]["bron"]


def test_break_even_and_discounted_investment():
    """Investment 10225 in year 1 is worth 10225 / 1.0225 = 10000.00 today; with 40000 in
    year 0 the costs are 50000.00. Year-1 benefits 52811.74 >= 50000 -> break-even year 1."""
    doc = dict(
        ISSUE_VOORBEELD,
        investeringen=[
            {"omschrijving": "a", "bedrag": 40000, "jaar": 0, "financier": "gemeente"},
            {"omschrijving": "b", "bedrag": 10225, "jaar": 1, "financier": "zorgverzekeraar"},
        ],
    )
    d = ProgrammaMKBA().fit(doc).to_dict()
    assert d["pv_kosten"] == 50000.00
    assert d["kosten_per_financier"] == {"gemeente": 40000.00, "zorgverzekeraar": 10000.00}
    assert d["break_even_jaar"] == 1


def test_value_from_price_list_carries_source_and_range():
    doc = dict(
        ISSUE_VOORBEELD,
        prijsjaar=2024,
        uitkomsten=[
            dict(ISSUE_VOORBEELD["uitkomsten"][0], waarde={"item": "huisuitzetting_verhuurder"})
        ],
    )
    p = valideer_programma(doc)
    w = p.uitkomsten[0].waarde
    assert w.waarde == pytest.approx(9827.90)
    assert "huisuitzetting_verhuurder" in w.bron and "Eropaf" in w.bron
    assert w.min is not None and w.max is not None


def test_malformed_programme_names_fields():
    doc = {
        "naam": "x",
        "uitkomsten": [{"naam": "u", "aantal": 3, "waarde": 10, "deadweight": 1.5, "duur": 0}],
    }
    with pytest.raises(UserInputError) as err:
        valideer_programma(doc, "p.yaml", {("uitkomsten", 0, "deadweight"): 9})
    velden = {p.column: p.row for p in err.value.problems}
    assert velden["uitkomsten.0.deadweight"] == 9
    assert "uitkomsten.0.duur" in velden


fractie = st.floats(0, 1)
uitkomst = st.fixed_dictionaries(
    {
        "naam": st.sampled_from(["a", "b", "c"]),
        "aantal": st.integers(0, 500),
        "waarde": st.floats(0, 20000),
        "deadweight": fractie,
        "attributie": fractie,
        "verplaatsing": fractie,
        "drop_off": fractie,
        "duur": st.integers(1, 8),
        "begunstigde": st.sampled_from(["gemeente", "burger"]),
    }
)
programma = st.fixed_dictionaries(
    {
        "naam": st.just("p"),
        "discontovoet": st.floats(0, 0.1),
        "investeringen": st.lists(
            st.fixed_dictionaries(
                {
                    "bedrag": st.floats(0, 1e6),
                    "jaar": st.integers(0, 5),
                    "financier": st.just("gemeente"),
                }
            ),
            max_size=3,
        ),
        "uitkomsten": st.lists(uitkomst, min_size=1, max_size=4),
    }
)


@settings(max_examples=50, deadline=None)
@given(programma, st.integers(0, 2**32 - 1))
def test_vectorised_model_equals_plain_python(doc, seed):
    p = valideer_programma(doc)
    model = ProgrammaModel(p)
    rng = np.random.default_rng(seed)
    X = model.basis * rng.uniform(0.5, 1.0, size=(5, len(model.basis)))
    y = model.evaluate(X)
    for i in range(len(X)):
        ref = evaluate_scalar(p, dict(zip(model.namen, X[i], strict=True)))
        assert y["pv_baten"][i] == pytest.approx(ref["pv_baten"], rel=1e-9, abs=1e-6)
        assert y["pv_kosten"][i] == pytest.approx(ref["pv_kosten"], rel=1e-9, abs=1e-6)


@settings(max_examples=50, deadline=None)
@given(programma, st.floats(0.001, 0.05))
def test_pv_benefits_fall_as_rate_rises(doc, dr):
    p = valideer_programma(doc)
    laag = evaluate_scalar(p)
    hoog = evaluate_scalar(p, {"discontovoet": p.discontovoet.waarde + dr})
    assert hoog["pv_baten"] <= laag["pv_baten"] + 1e-9
    if laag["pv_baten"] > 1:
        assert hoog["pv_baten"] < laag["pv_baten"]
    assert sum(laag["per_begunstigde"].values()) == pytest.approx(laag["pv_baten"])


def _met_bereik():
    return valideer_programma(
        dict(
            ISSUE_VOORBEELD,
            uitkomsten=[
                dict(
                    ISSUE_VOORBEELD["uitkomsten"][0],
                    aantal={"waarde": 12, "min": 8, "max": 16, "bron": "test"},
                    deadweight={"waarde": 0.25, "min": 0.1, "max": 0.4, "bron": "test"},
                )
            ],
        )
    )


def test_tornado_matches_direct_evaluation():
    p = _met_bereik()
    t = Tornado().fit(p).tabel.set_index("parameter")
    assert list(t.index) == ["uitkomst[0].aantal", "uitkomst[0].deadweight"]  # sorted by range
    direct = evaluate_scalar(p, {"uitkomst[0].aantal": 8})["netto_contante_waarde"]
    assert t.loc["uitkomst[0].aantal", "uitkomst_laag"] == pytest.approx(direct)


def test_named_scenarios_are_ordered():
    s = scenarios(_met_bereik()).set_index("scenario")["netto_contante_waarde"]
    assert s["pessimistisch"] < s["realistisch"] < s["optimistisch"]
    assert s["realistisch"] == pytest.approx(-6282.1235, abs=1e-3)
    aantal8_dw04 = evaluate_scalar(
        _met_bereik(), {"uitkomst[0].aantal": 8, "uitkomst[0].deadweight": 0.4}
    )
    assert s["pessimistisch"] == pytest.approx(aantal8_dw04["netto_contante_waarde"])


def test_monte_carlo_seeded_and_unbiased_for_linear_parameter():
    """Only 'aantal' varies (triangular 8, 12, 16: mean 12) and benefits are linear in it,
    so the mean of the draws must match the point estimate within Monte Carlo error."""
    p = valideer_programma(
        dict(
            ISSUE_VOORBEELD,
            uitkomsten=[
                dict(ISSUE_VOORBEELD["uitkomsten"][0], aantal={"waarde": 12, "min": 8, "max": 16})
            ],
        )
    )
    a = MonteCarlo(n=20000, seed=1).fit(p)
    b = MonteCarlo(n=20000, seed=1).fit(p)
    np.testing.assert_array_equal(a.uitkomsten["pv_baten"], b.uitkomsten["pv_baten"])
    sd_aantal = np.sqrt((8**2 + 12**2 + 16**2 - 8 * 12 - 8 * 16 - 12 * 16) / 18)
    se = 113717.8765 / 12 * sd_aantal / np.sqrt(20000)
    assert a.uitkomsten["pv_baten"].mean() == pytest.approx(113717.8765, abs=4 * se)
    assert 0 < a.kans_positief() < 1


def test_monte_carlo_without_ranges_is_the_point_estimate():
    p = valideer_programma(ISSUE_VOORBEELD)
    r = MonteCarlo(n=100, seed=3).fit(p)
    assert np.allclose(r.uitkomsten["pv_baten"], 113717.8765, atol=1e-3)


def test_outcome_from_longitudinal_results_records_provenance():
    """Intervention group 30 of 60 improved (0.5), comparison 10 of 50 (0.2):
    aantal 30, deadweight 0.2 / 0.5 = 0.4; follow-up 24 of 30 still improved -> drop-off 0.2."""
    verbetering = pd.DataFrame(
        {
            "groep": ["interventie"] * 60 + ["vergelijking"] * 50,
            "betrouwbaar_verbeterd": [True] * 30 + [False] * 30 + [True] * 10 + [False] * 40,
        }
    )
    follow = pd.DataFrame({"nog_verbeterd_na_jaar": [True] * 24 + [False] * 6})
    u = uitkomst_uit_longitudinaal(
        verbetering,
        naam="financien op orde",
        waarde=1000,
        begunstigde="gemeente",
        duur=2,
        follow_up=follow,
    )
    assert u["aantal"]["waarde"] == 30
    assert u["deadweight"]["waarde"] == pytest.approx(0.4)
    assert u["drop_off"]["waarde"] == pytest.approx(0.2)
    assert "30 van 60" in u["aantal"]["bron"] and "10 van 50" in u["deadweight"]["bron"]
    p = valideer_programma({"naam": "x", "uitkomsten": [u]})
    assert dict(parameter_values(p))["uitkomst[0].deadweight"] == pytest.approx(0.4)
