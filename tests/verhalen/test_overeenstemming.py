"""Agreement statistics against independent implementations (krippendorff, sklearn, statsmodels)."""

import krippendorff
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import cohens_kappa as sm_cohens_kappa

from verhalen.overeenstemming import (
    CodeOvereenstemming,
    Overeenstemming,
    betrouwbaarheidsdata,
    code_presence,
    cohen_kappa,
    krippendorff_alpha,
    segment_overeenstemming,
)

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example C:
# 4 observers, 12 units, missing values; published alpha nominal 0.743, interval 0.849.
NAN = np.nan
KRIPP = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
])
LEVELS = {"nominaal": "nominal", "ordinaal": "ordinal", "interval": "interval", "ratio": "ratio"}


def test_published_example():
    assert krippendorff_alpha(KRIPP, "nominaal") == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha(KRIPP, "interval") == pytest.approx(0.849, abs=5e-4)


@pytest.mark.parametrize("niveau", list(LEVELS))
def test_alpha_matches_krippendorff_package_on_example(niveau):
    expected = krippendorff.alpha(reliability_data=KRIPP, level_of_measurement=LEVELS[niveau])
    assert krippendorff_alpha(KRIPP, niveau) == pytest.approx(expected, abs=1e-10)


reliability = st.integers(2, 5).flatmap(lambda coders: st.integers(3, 15).flatmap(
    lambda units: st.lists(
        st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=units, max_size=units),
        min_size=coders, max_size=coders)))


@settings(max_examples=60, deadline=None)
@given(data=reliability, niveau=st.sampled_from(list(LEVELS)))
def test_alpha_matches_krippendorff_package_random(data, niveau):
    matrix = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
    pairable = (~np.isnan(matrix)).sum(axis=0) >= 2
    values = np.unique(matrix[:, pairable][~np.isnan(matrix[:, pairable])])
    if len(values) < 2:
        assert np.isnan(krippendorff_alpha(matrix, niveau))
        return
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement=LEVELS[niveau])
    assert krippendorff_alpha(matrix, niveau) == pytest.approx(expected, abs=1e-9)


def test_alpha_nominal_strings_equal_numeric_coding():
    labels = np.array([["a", "b", "b", None], ["a", "b", "c", "c"], ["a", None, "c", "c"]],
                      dtype=object)
    numeric = np.array([[1, 2, 2, NAN], [1, 2, 3, 3], [1, NAN, 3, 3]])
    assert krippendorff_alpha(labels, "nominaal") == pytest.approx(
        krippendorff.alpha(reliability_data=numeric, level_of_measurement="nominal"))


@settings(max_examples=60, deadline=None)
@given(pairs=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=4, max_size=40),
       weights=st.sampled_from([None, "linear", "quadratic"]))
def test_kappa_matches_sklearn(pairs, weights):
    a, b = zip(*pairs, strict=True)
    labels = sorted(set(a) | set(b))
    if len(labels) < 2:
        return
    expected = cohen_kappa_score(a, b, weights=weights, labels=labels)
    ours = cohen_kappa(a, b, {None: None, "linear": "lineair", "quadratic": "kwadratisch"}[weights])
    if np.isnan(expected):
        assert np.isnan(ours)
    else:
        assert ours == pytest.approx(expected, abs=1e-10)


def test_kappa_matches_statsmodels_weighted():
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, 5, 4, 4, 3]
    b = [1, 2, 3, 2, 2, 2, 4, 1, 3, 5, 5, 4, 1]
    table = pd.crosstab(pd.Categorical(a, categories=range(1, 6)),
                        pd.Categorical(b, categories=range(1, 6)), dropna=False).to_numpy()
    assert cohen_kappa(a, b) == pytest.approx(sm_cohens_kappa(table).kappa)
    assert cohen_kappa(a, b, "lineair") == pytest.approx(
        sm_cohens_kappa(table, wt="linear").kappa)
    assert cohen_kappa(a, b, "kwadratisch") == pytest.approx(
        sm_cohens_kappa(table, wt="quadratic").kappa)


def test_kappa_skips_missing_units():
    a = ["x", "y", None, "x", "y"]
    b = ["x", "y", "x", None, "x"]
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(["x", "y", "y"], ["x", "y", "x"]))


def test_estimator_two_coders():
    data = pd.DataFrame(KRIPP[1:3], index=["bert", "carla"])
    res = Overeenstemming("ordinaal").fit(data)
    both = ~np.isnan(KRIPP[1]) & ~np.isnan(KRIPP[2])
    assert res.kappa == pytest.approx(cohen_kappa_score(KRIPP[1][both], KRIPP[2][both]))
    assert res.kappa_gewogen == pytest.approx(
        cohen_kappa_score(KRIPP[1][both], KRIPP[2][both], weights="linear"))
    d = res.to_dict()
    assert d["niveau"] == "ordinaal" and d["n_codeurs"] == 2 and d["n_eenheden"] == 12
    assert d["alpha"] == pytest.approx(krippendorff.alpha(
        reliability_data=KRIPP[1:3], level_of_measurement="ordinal"))
    assert res.plot().data


def test_estimator_many_coders_pairwise():
    res = Overeenstemming("nominaal").fit(pd.DataFrame(KRIPP))
    assert res.kappa is None and len(res.summary()) == 6
    assert res.n_eenheden_paarbaar == 11


def test_read_csv_with_names_and_errors(tmp_path):
    from impact.io.tabular import read_table

    path = tmp_path / "r.csv"
    path.write_text("codeur,e1,e2,e3\nanna,1,2,\nbert,1,3,3\n", encoding="utf-8")
    frame = betrouwbaarheidsdata(read_table(path, lower_headers=False), "interval")
    assert list(frame.index) == ["anna", "bert"] and np.isnan(frame.loc["anna", "e3"])
    path.write_text("e1,e2\n1,x\n1,2\n", encoding="utf-8")
    from impact.errors import UserInputError

    with pytest.raises(UserInputError) as err:
        betrouwbaarheidsdata(read_table(path, lower_headers=False), "interval")
    assert err.value.problems[0].row == 2 and err.value.problems[0].column == "e2"
    assert list(betrouwbaarheidsdata(read_table(path, lower_headers=False), "nominaal").index) == ["codeur 1", "codeur 2"]


def _codings():
    verhalen = pd.DataFrame({"verhaal_id": [1, 2, 3], "tekst": [
        "Eerste zin. Tweede zin over geld. Derde zin.",
        "Hier gaat het over wonen. En over geld.",
        "Alleen anna las dit. Echt waar.",
    ]})
    rows = [
        (1, "geld", 12, 33, "anna"), (1, "geld", 12, 33, "bert"),
        (2, "wonen", 0, 25, "anna"), (2, "geld", 26, 39, "anna"), (2, "wonen", 0, 20, "bert"),
        (3, "geld", 0, 20, "anna"),
    ]
    cods = pd.DataFrame(rows, columns=["verhaal_id", "code_id", "start", "eind", "codeur"])
    return verhalen, cods


def test_code_presence_missing_when_story_not_read():
    verhalen, cods = _codings()
    table = code_presence(cods, verhalen, "geld")
    # story 3 has 2 sentences: anna 1/0, bert did not read it -> NaN
    assert table.loc["anna"].tolist() == [0, 1, 0, 0, 1, 1, 0]
    assert np.isnan(table.loc["bert"].tolist()[-2:]).all()


def test_code_agreement_matches_krippendorff_package():
    verhalen, cods = _codings()
    res = CodeOvereenstemming("zin").fit(cods, verhalen).summary().set_index("code_id")
    for code in ["geld", "wonen"]:
        table = code_presence(cods, verhalen, code).to_numpy()
        expected = krippendorff.alpha(reliability_data=table, level_of_measurement="nominal")
        assert res.loc[code, "alpha"] == pytest.approx(expected)
    stacked = np.hstack([code_presence(cods, verhalen, c).to_numpy() for c in ["geld", "wonen"]])
    assert res.loc["totaal", "alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=stacked, level_of_measurement="nominal"))


def test_segment_overlap_hand_worked():
    _, cods = _codings()
    out = segment_overeenstemming(cods, drempel=0.9).set_index("code_id")
    # geld: story 1 matches both ways (2 agreements); story 2 anna's geld has no partner (1
    # disagreement); story 3 only read by anna -> ignored.
    assert out.loc["geld", ["overeenstemmend", "afwijkend"]].tolist() == [2, 1]
    # wonen: overlap 20/25 = 0.8 < 0.9 -> 2 disagreements; at 0.75 both agree
    assert out.loc["wonen", ["overeenstemmend", "afwijkend"]].tolist() == [0, 2]
    loose = segment_overeenstemming(cods, drempel=0.75).set_index("code_id")
    assert loose.loc["wonen", "overeenstemmend"] == 2
    assert out.loc["totaal", "percentage"] == pytest.approx(100 * 2 / 5)
