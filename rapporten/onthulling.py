"""Disclosure control: nobody can be picked out of a table, a chart or a spreadsheet.

Three rules, applied as pure DataFrame functions before anything is drawn or written:

1. *Primary suppression*: a count of people from 1 up to (not including) the threshold (default 5)
   is not shown; it reads "< 5".
2. *Minimum denominator*: a percentage or a mean is shown only when it is computed over at least
   ``min_noemer`` people (default 10), and a percentage never when its numerator is hidden.
3. *Secondary suppression*: in a cross table with totals, a row or column equation (cells plus
   their total) never has exactly one hidden entry, because that entry could be computed from the
   others. A second cell is hidden (shown as "×") until every equation has none or at least two.

Every function returns numeric values with NaN where a value is hidden, plus a mask with the
reason (``PRIMAIR`` / ``SECUNDAIR`` / ``NOEMER``); display code turns the mask into text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

ZICHTBAAR = 0
PRIMAIR = 1  # a small count: "< 5"
SECUNDAIR = 2  # hidden so that a small count cannot be computed back: "×"
NOEMER = 3  # a percentage or mean over too few people: "n < 10"


@dataclass(frozen=True)
class Drempels:
    """The disclosure settings that every report states in its provenance block."""

    drempel: int = 5
    min_noemer: int = 10

    def __post_init__(self) -> None:
        if self.drempel < 1 or self.min_noemer < self.drempel:
            from impact.errors import UserInputError

            raise UserInputError(
                f"onthullingsdrempels: drempel >= 1 en min_noemer >= drempel verwacht, "
                f"kreeg drempel={self.drempel}, min_noemer={self.min_noemer}"
            )


STANDAARD = Drempels()


def klein(aantallen: pd.DataFrame | pd.Series, drempels: Drempels = STANDAARD):
    """Where a count is a small, non-zero group (primary suppression)."""
    return (aantallen > 0) & (aantallen < drempels.drempel)


def kruistabel(
    aantallen: pd.DataFrame,
    drempels: Drempels = STANDAARD,
    totaal_label: str = "Totaal",
    rij_totalen: pd.Series | None = None,
    kolom_totalen: pd.Series | None = None,
    eindtotaal: float | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add totals to a count table and suppress primary and secondary cells.

    ``rij_totalen``/``kolom_totalen``/``eindtotaal`` may be passed when totals are not plain sums
    (a client counted under two interventions is one client in the total). Returns
    ``(waarden, masker)``: the table with a total row and column, NaN where hidden, and the
    mask with the reason per cell.
    """
    tabel = aantallen.astype(float).copy()
    tabel[totaal_label] = (
        rij_totalen.reindex(tabel.index).astype(float) if rij_totalen is not None else tabel.sum(axis=1)
    )
    onder = (
        kolom_totalen.reindex(aantallen.columns).astype(float)
        if kolom_totalen is not None
        else aantallen.astype(float).sum(axis=0)
    )
    onder = pd.concat(
        [
            onder,
            pd.Series(
                {totaal_label: eindtotaal if eindtotaal is not None else float(tabel[totaal_label].sum())}
            ),
        ]
    )
    tabel.loc[totaal_label] = onder.reindex(tabel.columns).to_numpy()

    waarden = tabel.to_numpy(dtype=float)
    masker = np.where(klein(pd.DataFrame(waarden), drempels).to_numpy(), PRIMAIR, ZICHTBAAR)
    _secundair(waarden, masker)
    _controleer_met_lp(waarden, masker, drempels.drempel - 1)
    verborgen = np.where(masker != ZICHTBAAR, np.nan, waarden)
    return (
        pd.DataFrame(verborgen, index=tabel.index, columns=tabel.columns),
        pd.DataFrame(masker, index=tabel.index, columns=tabel.columns),
    )


def _secundair(waarden: np.ndarray, masker: np.ndarray) -> None:
    """Hide complements in place until no row or column equation has exactly one hidden entry.

    The last row and the last column are the totals. Each row equation is its inner cells plus
    its total; each column equation likewise. The complement is the smallest visible positive
    inner cell of that equation (least information lost), else the equation's total. A hidden
    zero protects nothing when its other equation sums to zero (non-negativity gives it away),
    so a zero is only the very last resort.
    """
    rijen, kolommen = waarden.shape
    veranderd = True
    while veranderd:
        veranderd = False
        for as_ in (0, 1):
            lengte = rijen if as_ == 0 else kolommen
            for i in range(lengte):
                vak = (slice(i, i + 1), slice(None)) if as_ == 0 else (slice(None), slice(i, i + 1))
                rij_m = masker[vak].ravel()
                rij_w = waarden[vak].ravel()
                if int((rij_m != ZICHTBAAR).sum()) != 1:
                    continue
                binnen = list(range(len(rij_m) - 1))
                laatste = len(rij_m) - 1
                kandidaten = [j for j in binnen if rij_m[j] == ZICHTBAAR and rij_w[j] > 0]
                if not kandidaten and rij_m[laatste] == ZICHTBAAR and rij_w[laatste] > 0:
                    kandidaten = [laatste]
                if not kandidaten:
                    kandidaten = [j for j in binnen if rij_m[j] == ZICHTBAAR]
                if not kandidaten:
                    continue
                j = min(kandidaten, key=lambda k: rij_w[k])
                if as_ == 0:
                    masker[i, j] = SECUNDAIR
                else:
                    masker[j, i] = SECUNDAIR
                veranderd = True


def _vergelijkingen(vorm: tuple[int, int]) -> np.ndarray:
    """Coefficient rows over the flattened table: inner cells of a line minus its total = 0."""
    rijen, kolommen = vorm
    regels = []
    for r in range(rijen):
        a = np.zeros(vorm)
        a[r, :-1], a[r, -1] = 1, -1
        regels.append(a.ravel())
    for k in range(kolommen):
        a = np.zeros(vorm)
        a[:-1, k], a[-1, k] = 1, -1
        regels.append(a.ravel())
    return np.array(regels)


def _interval(waarden: np.ndarray, masker: np.ndarray, a: np.ndarray, cel: int, klein_max: float):
    """What an attacker can conclude about one hidden cell: (min, max) by linear programming.

    The attacker reads the legend: a cell shown as '< 5' holds 1 to 4 (zeros are printed as
    0), any other hidden cell holds 0 or more."""
    from scipy.optimize import linprog

    verborgen = np.flatnonzero(masker.ravel() != ZICHTBAAR)
    zichtbaar = np.flatnonzero(masker.ravel() == ZICHTBAAR)
    a_eq = a[:, verborgen]
    b_eq = -a[:, zichtbaar] @ waarden.ravel()[zichtbaar]
    nuttig = np.abs(a_eq).sum(axis=1) > 0
    doel = (verborgen == cel).astype(float)
    klein_cel = masker.ravel()[verborgen] == PRIMAIR
    grenzen = [(1.0, klein_max) if k else (0.0, None) for k in klein_cel]
    laag = linprog(doel, A_eq=a_eq[nuttig], b_eq=b_eq[nuttig], bounds=grenzen, method="highs")
    hoog = linprog(-doel, A_eq=a_eq[nuttig], b_eq=b_eq[nuttig], bounds=grenzen, method="highs")
    if laag.status == 2 or hoog.status == 2:  # totals that are not plain sums: no exact conclusion
        return -np.inf, np.inf
    boven = np.inf if hoog.status == 3 else -hoog.fun
    return laag.fun, boven


def _controleer_met_lp(waarden: np.ndarray, masker: np.ndarray, klein_max: float) -> None:
    """Audit: no small count may be exactly recoverable from all equations together.

    The equation rule alone misses chains (a row total fixed by the other rows' totals, say).
    For every hidden small count we compute the attacker's interval; when it is a single value
    we hide one more cell next to it (the smallest visible positive in its row or column).
    When its row and column have nothing visible left, the knowledge that gives it away is
    that a neighbour is '< 5' (four cells of at least 1 under a total below 5 are each 1):
    the largest such neighbour is then shown as hidden ('×') instead, which says nothing
    about its size. Only then is a cell elsewhere hidden.
    """
    if not (masker == PRIMAIR).any():
        return
    a = _vergelijkingen(waarden.shape)
    for _ in range(2 * waarden.size):
        blootgesteld = None
        for cel in np.flatnonzero(masker.ravel() == PRIMAIR):
            laag, hoog = _interval(waarden, masker, a, int(cel), klein_max)
            if hoog - laag < 0.5:
                blootgesteld = divmod(int(cel), waarden.shape[1])
                break
        if blootgesteld is None:
            return
        r, k = blootgesteld
        buren = np.zeros(masker.shape, dtype=bool)
        buren[r, :], buren[:, k] = True, True
        zichtbaar = (masker == ZICHTBAAR) & (waarden > 0)
        klein_buur = (masker == PRIMAIR) & buren
        klein_buur[r, k] = False
        if (zichtbaar & buren).any():
            keuze = min(map(tuple, np.argwhere(zichtbaar & buren)), key=lambda c: waarden[c])
        elif klein_buur.any():
            keuze = max(map(tuple, np.argwhere(klein_buur)), key=lambda c: waarden[c])
        elif zichtbaar.any():
            keuze = min(map(tuple, np.argwhere(zichtbaar)), key=lambda c: waarden[c])
        else:  # pragma: no cover - every cell hidden and still determined: cannot happen with sums
            raise AssertionError("onthullingscontrole: een klein aantal blijft terug te rekenen")
        masker[keuze] = SECUNDAIR
        _secundair(waarden, masker)
    raise AssertionError("onthullingscontrole: geen bescherming gevonden")  # pragma: no cover


def aandelen(
    tellers: pd.DataFrame,
    teller_masker: pd.DataFrame,
    noemers: pd.Series,
    drempels: Drempels = STANDAARD,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Row shares ``teller / noemer``; hidden where the numerator is hidden or noemer < min_noemer."""
    noemer = noemers.reindex(tellers.index).astype(float)
    aandeel = tellers.astype(float).div(noemer, axis=0)
    masker = teller_masker.copy()
    te_weinig = (noemer < drempels.min_noemer) | noemer.isna()
    masker.loc[te_weinig[te_weinig].index, :] = masker.loc[te_weinig[te_weinig].index, :].where(
        masker.loc[te_weinig[te_weinig].index, :] != ZICHTBAAR, NOEMER
    )
    return aandeel.where(masker == ZICHTBAAR), masker


def reden(n: pd.Series, verbergen: pd.Series, drempels: Drempels = STANDAARD) -> np.ndarray:
    """Mask for a derived share: 'n < 10' when the group is too small, '×' when it is hidden
    because a small numerator or complement could be worked out from it."""
    te_weinig = n.astype(float) < drempels.min_noemer
    return np.where(te_weinig, NOEMER, np.where(verbergen, SECUNDAIR, ZICHTBAAR))


def per_groep(
    tabel: pd.DataFrame,
    n_kolom: str,
    afgeleid: list[str],
    drempels: Drempels = STANDAARD,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A long table of per-group statistics: hide small ``n`` and statistics over too few people.

    ``afgeleid`` are the columns computed over the group's people (means, percentages,
    standard deviations, confidence bounds). Other columns are labels and stay visible.
    """
    masker = pd.DataFrame(ZICHTBAAR, index=tabel.index, columns=tabel.columns)
    n = tabel[n_kolom].astype(float)
    masker.loc[klein(n, drempels), n_kolom] = PRIMAIR
    te_weinig = n < drempels.min_noemer
    for kolom in afgeleid:
        masker.loc[te_weinig, kolom] = NOEMER
    waarden = tabel.copy()
    for kolom in [n_kolom, *afgeleid]:
        waarden[kolom] = waarden[kolom].astype(float).where(masker[kolom] == ZICHTBAAR)
    return waarden, masker


def controleer(
    waarden: pd.DataFrame,
    soorten: dict[str, str],
    drempels: Drempels = STANDAARD,
) -> list[str]:
    """Last line of defence before output: every visible count is 0 or at least the threshold.

    Returns the violations (empty when the table is safe); writers refuse to write otherwise.
    """
    fouten = []
    for kolom, soort in soorten.items():
        if soort != "aantal" or kolom not in waarden.columns:
            continue
        reeks = pd.to_numeric(waarden[kolom], errors="coerce")
        slecht = klein(reeks, drempels) & reeks.notna()
        for index in reeks[slecht].index:
            fouten.append(f"kolom {kolom!r}, rij {index!r}: aantal {reeks[index]:g} zichtbaar")
    return fouten
