"""The publication-wide disclosure audit (linear programming) must catch what the equation rule
misses: a hidden small count that an attacker recovers by combining margins (chains of row and
column totals, zeros that non-negativity gives away).

The attacker below is written here, independently of rapporten.onthulling: for each hidden
small cell it solves min and max of that cell over all non-negative tables that agree with every
published number and every row/column equation. If min == max, the count is disclosed.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from rapporten import onthulling as ot


def _aanvaller(
    echt: np.ndarray, verborgen: np.ndarray, cel: tuple[int, int], kleiner_dan_5: np.ndarray | None = None
) -> tuple[float, float]:
    """Range of one hidden cell given the published table (last row and column are totals).

    ``kleiner_dan_5``: the cells published as "< 5"; an attacker who reads the legend knows each
    of them is 1-4 (a zero is shown as 0), not just >= 0."""
    rijen, kolommen = echt.shape
    onbekend = [tuple(c) for c in np.argwhere(verborgen)]
    plek = {c: i for i, c in enumerate(onbekend)}
    lijnen = [[(r, k) for k in range(kolommen)] for r in range(rijen)]
    lijnen += [[(r, k) for r in range(rijen)] for k in range(kolommen)]
    a_eq, b_eq = [], []
    for lijn in lijnen:  # inner cells minus the total = 0
        rij, rest = np.zeros(len(onbekend)), 0.0
        for j, c in enumerate(lijn):
            teken = -1.0 if j == len(lijn) - 1 else 1.0
            if c in plek:
                rij[plek[c]] += teken
            else:
                rest += teken * echt[c]
        if rij.any():
            a_eq.append(rij)
            b_eq.append(-rest)
    doel = np.zeros(len(onbekend))
    doel[plek[cel]] = 1.0
    grenzen = [(0, None)] * len(onbekend)
    if kleiner_dan_5 is not None:
        grenzen = [(1, 4) if kleiner_dan_5[c] else (0, None) for c in onbekend]
    laag = linprog(doel, A_eq=a_eq, b_eq=b_eq, bounds=grenzen, method="highs")
    hoog = linprog(-doel, A_eq=a_eq, b_eq=b_eq, bounds=grenzen, method="highs")
    assert laag.status == 0
    return laag.fun, (np.inf if hoog.status == 3 else -hoog.fun)


def _met_totalen(aantallen: np.ndarray) -> np.ndarray:
    t = np.zeros((aantallen.shape[0] + 1, aantallen.shape[1] + 1))
    t[:-1, :-1] = aantallen
    t[:-1, -1] = aantallen.sum(axis=1)
    t[-1, :-1] = aantallen.sum(axis=0)
    t[-1, -1] = aantallen.sum()
    return t


def _onthulde_kleine_aantallen(aantallen: np.ndarray) -> list[tuple[tuple[int, int], float]]:
    waarden, masker = ot.kruistabel(pd.DataFrame(aantallen))
    echt = _met_totalen(aantallen)
    m = masker.to_numpy()
    verborgen = m != ot.ZICHTBAAR
    # published values are the true ones where visible
    zichtbaar = waarden.to_numpy()[~verborgen]
    assert np.allclose(zichtbaar, echt[~verborgen])
    # every small count (inner or total) is hidden
    klein = (echt > 0) & (echt < 5)
    assert not (klein & ~verborgen).any(), "klein aantal zichtbaar"
    onthuld = []
    for cel in map(tuple, np.argwhere(klein)):
        laag, hoog = _aanvaller(echt, verborgen, cel)
        if hoog - laag < 0.5:
            onthuld.append((cel, echt[cel]))
    return onthuld


# Tables where the row/column rule alone ("no equation with exactly one hidden entry") leaves a
# small count exactly recoverable; found by search, kept as fixed cases.
KETENS = [
    [[10, 0, 10], [0, 15, 0], [2, 8, 0]],
    [[0, 1, 10], [0, 0, 3], [2, 10, 15]],
    [[15, 0, 6], [8, 0, 10], [0, 10, 0], [2, 2, 6]],
    [[0, 6, 0, 3], [0, 6, 0, 0], [15, 10, 6, 8]],
    [[6, 10, 1, 6], [0, 15, 0, 1], [0, 1, 8, 6], [0, 2, 2, 6]],
    [[2, 10, 0, 0], [2, 0, 3, 10], [10, 0, 1, 1], [0, 3, 0, 0]],
    [[15, 2, 0, 1], [15, 15, 10, 1], [6, 6, 0, 8]],
]


@pytest.mark.parametrize("aantallen", KETENS, ids=[f"keten{i}" for i in range(len(KETENS))])
def test_ketens_van_marges_geven_geen_klein_aantal_prijs(aantallen):
    assert _onthulde_kleine_aantallen(np.array(aantallen, dtype=float)) == []


def test_ketens_zijn_echt_ketens():
    """Guard for the cases above: with only the equation rule (the audit switched off) each of
    them does disclose a small count, so they exercise the audit and not the simple rule."""
    from unittest import mock

    with mock.patch.object(ot, "_controleer_met_lp", lambda waarden, masker, klein_max: None):
        for aantallen in KETENS:
            assert _onthulde_kleine_aantallen(np.array(aantallen, dtype=float)), aantallen


def test_verschil_van_twee_marges():
    """The classic differencing attack: row A = 3 + 9, row B = 9 + 9; column x total 12.
    Whatever is hidden, no published combination may pin A.x = 3."""
    aantallen = np.array([[3, 9, 20], [9, 9, 20], [20, 20, 20]], dtype=float)
    assert _onthulde_kleine_aantallen(aantallen) == []


# Strategy: many zeros and small counts, so chains of margins actually appear.
CEL = st.sampled_from([0, 0, 0, 1, 2, 3, 4, 6, 8, 10, 15])


@st.composite
def tabellen(draw):
    rijen = draw(st.integers(2, 4))
    kolommen = draw(st.integers(2, 4))
    cellen = draw(st.lists(CEL, min_size=rijen * kolommen, max_size=rijen * kolommen))
    return np.array(cellen, dtype=float).reshape(rijen, kolommen)


@seed(20261201)
# scripts/mutatie.sh lowers the number of examples to keep a run per mutant short
@settings(
    max_examples=int(os.environ.get("IMPACT_HYPOTHESIS_VOORBEELDEN", 400)),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(tabellen())
def test_geen_klein_aantal_terug_te_rekenen_met_ketens(aantallen):
    assert _onthulde_kleine_aantallen(aantallen) == []


def test_aanvaller_weet_dat_kleiner_dan_5_minstens_1_is():
    """Row L: four counts of 1, total 4, all "< 5"; row M hidden as complements. Sum of four
    numbers that are each at least 1 is at most 4: every one of them is exactly 1."""
    aantallen = np.array([[1, 1, 1, 1], [30, 30, 30, 30]], dtype=float)
    _, masker = ot.kruistabel(pd.DataFrame(aantallen))
    m = masker.to_numpy()
    echt = _met_totalen(aantallen)
    klein = m == ot.PRIMAIR
    onthuld = [
        tuple(c)
        for c in np.argwhere(klein)
        if np.subtract(*reversed(_aanvaller(echt, m != ot.ZICHTBAAR, tuple(c), klein))) < 0.5
    ]
    assert onthuld == []


# --- the rules of one table pinned by hand -----------------------------------------------------


def test_secundaire_onderdrukking_kiest_de_kleinste_zichtbare_buur_tot_elke_regel_twee_heeft():
    """One small count (2). Its row hides its smallest visible positive neighbour (6), its
    column likewise (6), and those complements' own lines in turn, until no row or column has
    exactly one hidden entry; worked out by hand, it takes three passes over the table."""
    aantallen = np.array([[2, 6, 30], [6, 30, 30], [30, 20, 30]], dtype=float)
    _, masker = ot.kruistabel(pd.DataFrame(aantallen))
    verwacht = np.zeros((4, 4), dtype=int)
    verwacht[0, 0] = ot.PRIMAIR
    for cel in [(0, 1), (1, 0), (2, 1), (1, 1), (2, 0)]:
        verwacht[cel] = ot.SECUNDAIR
    np.testing.assert_array_equal(masker.to_numpy(), verwacht)


def test_de_regel_gaat_voor_de_controle_en_verbergt_daardoor_minder():
    """[[20, 3], [6, 12], [8, 1]]: the rule hides the one visible cell of each small count's
    row (20 and 8) and is done: every line then holds two hidden entries, and the reader knows
    3 and 1 only as adding up to 4 (1 to 3 each). The LP audit alone would start from the
    smallest neighbour (6, then 12) and hide six counts."""
    _, masker = ot.kruistabel(pd.DataFrame([[20.0, 3.0], [6.0, 12.0], [8.0, 1.0]]))
    verwacht = np.zeros((4, 3), dtype=int)
    verwacht[0, 1] = verwacht[2, 1] = ot.PRIMAIR
    verwacht[0, 0] = verwacht[2, 0] = ot.SECUNDAIR
    np.testing.assert_array_equal(masker.to_numpy(), verwacht)


# Where the equation rule is satisfied and the audit still has work: two '< 5' in a row whose
# visible rest leaves 2 for them (each at least 1, so both are 1), a row of four ones, and a
# table where a '< 5' is still given away when its whole row and column are hidden: the audit
# then hides the smallest visible count elsewhere (found by a seeded search of 300 tables).
AUDIT_NODIG = {
    "samen-twee": ([[1, 1, 20], [10, 10, 10], [10, 10, 10]], 8),
    "rij-van-enen": ([[1, 1, 1, 1], [30, 30, 30, 30], [20, 25, 30, 35]], 13),
    "elders": ([[10, 4, 0], [1, 0, 4], [20, 1, 3], [8, 0, 4]], 14),
}


def _onthuld_voor_wie_de_legenda_leest(aantallen: np.ndarray) -> list[tuple[int, int]]:
    """The small counts an attacker pins down who also knows that '< 5' is at least 1."""
    _, masker = ot.kruistabel(pd.DataFrame(aantallen))
    m, echt = masker.to_numpy(), _met_totalen(aantallen)
    klein = (echt > 0) & (echt < 5)
    return [
        tuple(c) for c in np.argwhere(klein)
        if np.subtract(*reversed(_aanvaller(echt, m != ot.ZICHTBAAR, tuple(c), m == ot.PRIMAIR))) < 0.5
    ]


@pytest.mark.parametrize("naam", sorted(AUDIT_NODIG))
def test_de_controle_beschermt_wat_de_regel_mist_en_verbergt_niet_meer_dan_nodig(naam):
    aantallen, hoogstens = AUDIT_NODIG[naam]
    aantallen = np.array(aantallen, dtype=float)
    assert _onthulde_kleine_aantallen(aantallen) == []
    assert _onthuld_voor_wie_de_legenda_leest(aantallen) == []
    _, masker = ot.kruistabel(pd.DataFrame(aantallen))
    m = masker.to_numpy()
    assert m[-1, -1] == ot.ZICHTBAAR  # the grand total stays
    assert (m != ot.ZICHTBAAR).sum() <= hoogstens  # as many hidden as this algorithm needed when pinned


def test_zonder_de_controle_lekken_deze_tabellen():
    from unittest import mock

    with mock.patch.object(ot, "_controleer_met_lp", lambda *args: None):
        for aantallen, _ in AUDIT_NODIG.values():
            assert _onthuld_voor_wie_de_legenda_leest(np.array(aantallen, dtype=float)), aantallen


@seed(20261202)
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(tabellen(), st.data())
def test_het_interval_van_de_controle_is_dat_van_een_onafhankelijke_aanvaller(aantallen, data):
    """For any table and any pattern of hidden cells, the audit's interval for a hidden cell is
    the one an attacker written here computes (zeros printed, '< 5' is 1 to 4, '×' is 0 or more)."""
    echt = _met_totalen(aantallen)
    vorm = echt.shape
    klein = (echt > 0) & (echt < 5)
    extra = np.array(data.draw(st.lists(st.booleans(), min_size=echt.size, max_size=echt.size))).reshape(vorm)
    masker = np.where(klein, ot.PRIMAIR, np.where(extra, ot.SECUNDAIR, ot.ZICHTBAAR))
    a = ot._vergelijkingen(vorm)
    for cel in map(tuple, np.argwhere(masker != ot.ZICHTBAAR)):
        ons = ot._interval(echt, masker, a, int(np.ravel_multi_index(cel, vorm)), ot.STANDAARD)
        hun = _aanvaller(echt, masker != ot.ZICHTBAAR, cel, masker == ot.PRIMAIR)
        np.testing.assert_allclose(ons, hun, atol=1e-6)


def test_een_totaal_dat_geen_som_is_houdt_de_controle_niet_tegen():
    """A client in two columns: row 3's total (20) is less than its cells (7 + 8 + 9). That row
    is no equation, but the others still are: row 0 leaves 2 for its two '< 5' (so both are 1),
    and the audit must see that rather than give up on the whole table."""
    aantallen = pd.DataFrame(np.array([[1, 1, 20], [10, 10, 10], [10, 10, 10], [7, 8, 9]], dtype=float))
    rij_totalen = aantallen.sum(axis=1)
    rij_totalen.iloc[3] = 20
    _, masker = ot.kruistabel(aantallen, rij_totalen=rij_totalen)
    m = masker.to_numpy()
    echt = _met_totalen(aantallen.to_numpy())
    echt[3, -1] = 20
    echt[-1, -1] = rij_totalen.sum()  # the grand total counts clients once too
    verborgen = m != ot.ZICHTBAAR
    for cel in [(0, 0), (0, 1)]:
        laag, hoog = _aanvaller_bij_totalen_die_geen_som_zijn(echt, verborgen, cel, m == ot.PRIMAIR)
        assert hoog - laag >= 0.5, (cel, laag, hoog)


@pytest.mark.parametrize(
    "echt",
    [
        [[12, 3, 12], [4, 10, 14], [16, 13, 26]],
        # the same, with a count elsewhere (20) larger than row 0's total: the inequalities of
        # row 0 are about row 0's cells only
        [[12, 3, 12], [4, 20, 24], [16, 23, 36]],
    ],
)
def test_een_deel_is_hoogstens_zijn_totaal_ook_als_de_regel_geen_som_is(echt):
    """Row 0: the 3 clients of the second column are all also among the 12 of the first, so its
    total is 12, not 15. A reader still knows the hidden 12 is at most that total, so the hidden
    '< 5' below it is at least 16 - 12 = 4: exactly 4. Without the row's inequalities the audit
    would give it 2 to 4."""
    echt = np.array(echt, dtype=float)
    masker = np.array([[ot.SECUNDAIR, ot.PRIMAIR, 0], [ot.PRIMAIR, ot.SECUNDAIR, 0], [0, 0, 0]])
    verborgen, klein = masker != ot.ZICHTBAAR, masker == ot.PRIMAIR
    laag, hoog = ot._interval(echt, masker, ot._vergelijkingen(echt.shape), 3, ot.STANDAARD)
    assert (laag, hoog) == pytest.approx((4.0, 4.0))
    assert _aanvaller_bij_totalen_die_geen_som_zijn(echt, verborgen, (1, 0), klein) == pytest.approx((4.0, 4.0))


def _aanvaller_bij_totalen_die_geen_som_zijn(echt, verborgen, cel, klein):
    """The attacker above where some lines do not add up: such a line is no equation, but
    what is true of it is known (every part at most its total, the total at most the parts)."""
    onbekend = [tuple(c) for c in np.argwhere(verborgen)]
    plek = {c: i for i, c in enumerate(onbekend)}
    rijen, kolommen = echt.shape

    def regel(cellen, tekens):
        r, rest = np.zeros(len(onbekend)), 0.0
        for c, t in zip(cellen, tekens, strict=True):
            if c in plek:
                r[plek[c]] += t
            else:
                rest += t * echt[c]
        return r, -rest

    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    lijnen = [[(r, k) for k in range(kolommen)] for r in range(rijen)]
    lijnen += [[(r, k) for r in range(rijen)] for k in range(kolommen)]
    for lijn in lijnen:
        if np.isclose(sum(echt[c] for c in lijn[:-1]), echt[lijn[-1]]):
            r, b = regel(lijn, [1.0] * (len(lijn) - 1) + [-1.0])
            a_eq.append(r)
            b_eq.append(b)
            continue
        for deel in lijn[:-1]:
            r, b = regel([deel, lijn[-1]], [1.0, -1.0])
            a_ub.append(r)
            b_ub.append(b)
        r, b = regel(lijn, [-1.0] * (len(lijn) - 1) + [1.0])
        a_ub.append(r)
        b_ub.append(b)
    doel = np.zeros(len(onbekend))
    doel[plek[cel]] = 1.0
    grenzen = [(1, 4) if klein[c] else (0, None) for c in onbekend]
    laag = linprog(doel, A_eq=a_eq, b_eq=b_eq, A_ub=a_ub, b_ub=b_ub, bounds=grenzen, method="highs")
    hoog = linprog(-doel, A_eq=a_eq, b_eq=b_eq, A_ub=a_ub, b_ub=b_ub, bounds=grenzen, method="highs")
    assert laag.status == 0
    return laag.fun, (np.inf if hoog.status == 3 else -hoog.fun)


def test_de_controle_verbergt_de_kleinste_verwante_cel_en_dan_haar_aanvullingen():
    """'samen-twee' worked out by hand: the equation rule hides (1,0) and (1,1) for the two
    '< 5' in row 0. Row 0 still leaves 2 for them, so the audit hides the smallest visible
    positive in their row or column, (2,0) = 10, and the equation rule its row's complement
    (2,1); row 0 still leaves 2, so next (0,2) = 20 and its column's complement (1,2)."""
    aantallen = np.array(AUDIT_NODIG["samen-twee"][0], dtype=float)
    _, masker = ot.kruistabel(pd.DataFrame(aantallen))
    verwacht = np.zeros((4, 4), dtype=int)
    verwacht[0, 0] = verwacht[0, 1] = ot.PRIMAIR
    for cel in [(1, 0), (1, 1), (2, 0), (2, 1), (0, 2), (1, 2)]:
        verwacht[cel] = ot.SECUNDAIR
    np.testing.assert_array_equal(masker.to_numpy(), verwacht)


def test_de_controle_verbergt_geen_nul():
    """A hidden zero protects nothing (non-negativity gives it away): with a zero next to the
    '< 5' cells, the audit passes it by."""
    aantallen = np.array([[1, 1, 0, 20], [10, 10, 0, 10], [10, 10, 5, 10]], dtype=float)
    assert _onthuld_voor_wie_de_legenda_leest(aantallen) == []
    _, masker = ot.kruistabel(pd.DataFrame(aantallen))
    m = masker.to_numpy()
    assert m[0, 2] == ot.ZICHTBAAR and m[1, 2] == ot.ZICHTBAAR
