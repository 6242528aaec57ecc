"""Disclosure control, checked on hand-worked tables and against a linear-programming attacker."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from rapporten import onthulling as ot
from rapporten.tabel import Tabel, uit_kruistabel


def test_kruistabel_handmatig():
    # Row A has a 3: its row partner (10) and, through the columns, B's cells go too.
    aantallen = pd.DataFrame({"x": [3, 12, 20], "y": [10, 8, 15]}, index=["A", "B", "C"])
    waarden, masker = ot.kruistabel(aantallen)
    assert masker.loc["A", "x"] == ot.PRIMAIR
    assert masker.loc["A", "y"] == ot.SECUNDAIR
    assert masker.loc["B", "x"] == ot.SECUNDAIR
    assert masker.loc["B", "y"] == ot.SECUNDAIR
    assert (masker.loc["C"] == ot.ZICHTBAAR).all()
    assert waarden.loc["Totaal", "Totaal"] == 68
    assert waarden.loc["A", "Totaal"] == 13
    assert np.isnan(waarden.loc["A", "x"])


def test_kleine_totaal_wordt_ook_beschermd():
    aantallen = pd.DataFrame({"x": [2, 30], "y": [1, 40]}, index=["A", "B"])
    _, masker = ot.kruistabel(aantallen)
    assert masker.loc["A", "Totaal"] == ot.PRIMAIR
    _controleer_vergelijkingen(masker.to_numpy())


def test_nullen_blijven_zichtbaar():
    aantallen = pd.DataFrame({"x": [0, 30], "y": [25, 40]}, index=["A", "B"])
    _, masker = ot.kruistabel(aantallen)
    assert (masker == ot.ZICHTBAAR).all().all()


def _controleer_vergelijkingen(masker: np.ndarray) -> None:
    for rij in masker:
        assert (rij != ot.ZICHTBAAR).sum() != 1
    for kolom in masker.T:
        assert (kolom != ot.ZICHTBAAR).sum() != 1


def _aanvaller_interval(waarden: np.ndarray, masker: np.ndarray, cel: tuple[int, int]):
    """Bounds an attacker gets for one hidden cell from the published table (LP relaxation)."""
    verborgen = list(zip(*np.nonzero(masker != ot.ZICHTBAAR), strict=True))
    index = {c: i for i, c in enumerate(verborgen)}
    rijen, kolommen = waarden.shape
    a_eq, b_eq = [], []
    for r in range(rijen):
        rij = np.zeros(len(verborgen))
        rest = 0.0
        for k in range(kolommen - 1):
            if (r, k) in index:
                rij[index[(r, k)]] += 1
            else:
                rest += waarden[r, k]
        if (r, kolommen - 1) in index:
            rij[index[(r, kolommen - 1)]] -= 1
        else:
            rest -= waarden[r, kolommen - 1]
        if rij.any():
            a_eq.append(rij)
            b_eq.append(-rest)
    for k in range(kolommen):
        rij = np.zeros(len(verborgen))
        rest = 0.0
        for r in range(rijen - 1):
            if (r, k) in index:
                rij[index[(r, k)]] += 1
            else:
                rest += waarden[r, k]
        if (rijen - 1, k) in index:
            rij[index[(rijen - 1, k)]] -= 1
        else:
            rest -= waarden[rijen - 1, k]
        if rij.any():
            a_eq.append(rij)
            b_eq.append(-rest)
    doel = np.zeros(len(verborgen))
    doel[index[cel]] = 1
    a_eq = np.array(a_eq)
    laag = linprog(doel, A_eq=a_eq, b_eq=b_eq, bounds=(0, None))
    hoog = linprog(-doel, A_eq=a_eq, b_eq=b_eq, bounds=(0, None))
    assert laag.status == 0, "de gepubliceerde tabel moet consistent zijn"
    # status 3: unbounded above, the attacker learns no upper limit at all
    hoog_waarde = np.inf if hoog.status == 3 else -hoog.fun
    return laag.fun, hoog_waarde


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 40), min_size=2, max_size=5), min_size=2, max_size=5).filter(
        lambda rows: len({len(r) for r in rows}) == 1
    )
)
def test_geen_klein_aantal_terug_te_rekenen(rijen):
    aantallen = pd.DataFrame(rijen)
    waarden_df, masker_df = ot.kruistabel(aantallen)
    masker = masker_df.to_numpy()
    volledig, _ = ot.kruistabel(aantallen, ot.Drempels(drempel=1, min_noemer=1))
    echt = volledig.to_numpy()
    _controleer_vergelijkingen(masker)
    zichtbaar = echt[masker == ot.ZICHTBAAR]
    assert not ((zichtbaar > 0) & (zichtbaar < 5)).any()
    for cel in zip(*np.nonzero(masker == ot.PRIMAIR), strict=True):
        laag, hoog = _aanvaller_interval(echt, masker, tuple(cel))
        assert hoog - laag > 0.5, f"cel {cel} met waarde {echt[cel]} is terug te rekenen"


def test_per_groep_gemiddelden_alleen_over_tien():
    stat = pd.DataFrame({"domein": ["a", "b", "c"], "n": [3, 7, 12], "gem": [2.0, 3.0, 4.0]})
    waarden, masker = ot.per_groep(stat, "n", ["gem"])
    assert masker["n"].tolist() == [ot.PRIMAIR, ot.ZICHTBAAR, ot.ZICHTBAAR]
    assert masker["gem"].tolist() == [ot.NOEMER, ot.NOEMER, ot.ZICHTBAAR]
    assert waarden["gem"].isna().tolist() == [True, True, False]
    assert waarden["n"].isna().tolist() == [True, False, False]


def test_aandelen_verbergen_kleine_tellers_en_noemers():
    tellers = pd.DataFrame({"ja": [3.0, 20.0, 6.0]}, index=["A", "B", "C"])
    masker = pd.DataFrame({"ja": [ot.PRIMAIR, ot.ZICHTBAAR, ot.ZICHTBAAR]}, index=tellers.index)
    aandeel, m = ot.aandelen(tellers, masker, pd.Series({"A": 50, "B": 40, "C": 8}))
    assert m["ja"].tolist() == [ot.PRIMAIR, ot.ZICHTBAAR, ot.NOEMER]
    assert aandeel.loc["B", "ja"] == pytest.approx(0.5)


def test_tabel_weigert_onbeschermde_aantallen_en_toont_tekens():
    with pytest.raises(ValueError, match="niet beschermd"):
        Tabel("t", pd.DataFrame({"g": ["a"], "n": [3]}), {"n": "aantal"})
    from impact.opmaak import Opmaak

    tabel = uit_kruistabel(
        "t", pd.DataFrame({"x": [3, 12, 20], "y": [10, 8, 15]}, index=["A", "B", "C"]), "Groep"
    )
    rijen = tabel.rijen(Opmaak("nl"))
    assert rijen[0] == ["A", "< 5", "×", "13"]
    assert tabel.numeriek("x")[:2] == [None, None]
    assert tabel.cel(0, "x") == "< 5"


def test_reden_van_verborgen_aandeel():
    n = pd.Series([8, 40, 40])
    verbergen = pd.Series([True, True, False])
    assert ot.reden(n, verbergen).tolist() == [ot.NOEMER, ot.SECUNDAIR, ot.ZICHTBAAR]


def test_de_laatste_controle_vindt_elk_zichtbaar_klein_aantal():
    """The last line of defence before output names every visible small count, in count columns
    only (a percentage of 3 is no count), also after other kinds of column and a column that is
    absent; with rounding every count that is no multiple of five, never a hidden one."""
    waarden = pd.DataFrame({"groep": ["a", "b", "c"], "aandeel": [3.0, 2.0, 1.0], "n": [3.0, 12.0, np.nan],
                            "m": [0.0, 4.0, 20.0]})  # fmt: skip
    soorten = {"groep": "tekst", "aandeel": "percentage", "ontbreekt": "aantal", "n": "aantal", "m": "aantal"}
    assert ot.controleer(waarden, soorten) == [
        "kolom 'n', rij 0: aantal 3 zichtbaar", "kolom 'm', rij 1: aantal 4 zichtbaar",
    ]  # fmt: skip
    afgerond = pd.DataFrame({"n": [5.0, 7.0, np.nan, 0.0, 20.0]})
    assert ot.controleer(afgerond, {"n": "aantal"}, ot.Drempels(afronden=5)) == ["kolom 'n', rij 1: aantal 7 zichtbaar"]
