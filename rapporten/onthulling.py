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

*Rounding* (``Drempels.afronden = 5``) is the alternative to rule 1, as CBS publishes "afgerond op
vijftallen": no count is hidden for being small; every published count is shown rounded to a
multiple of 5 on its own (:func:`afgerond`, the one rounding rule), totals included, and shares are
computed from the rounded counts (:func:`aandeel`). Nobody stays 0, and a group of 1 or 2 is shown
as 5, not 0: a 0 means "nobody" in both modes, so a reader is never told that a wijk or an
intervention reaches no one when it reaches someone. The reader then knows a count only to the
interval of counts that round to what is shown (:func:`afrondingsinterval`: 5 is 1 to 7, 10 is 8
to 12); the audit asks of those intervals together whether a small count (below the threshold) is
still pinned down, and hides it ("×") where it is.
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
    afronden: int = 0  # 0: small counts are hidden; 5: every count is rounded to a multiple of 5

    def __post_init__(self) -> None:
        from impact.errors import UserInputError

        if self.drempel < 1 or self.min_noemer < self.drempel:
            raise UserInputError(
                f"onthullingsdrempels: drempel >= 1 en min_noemer >= drempel verwacht, "
                f"kreeg drempel={self.drempel}, min_noemer={self.min_noemer}"
            )
        if self.afronden not in AFRONDINGEN:
            raise UserInputError(
                f"afronden: {AFRONDINGEN[1]} verwacht (afronden op vijftallen, zoals het CBS publiceert), "
                f"of {AFRONDINGEN[0]} voor niet afronden; kreeg {self.afronden}"
            )


# Only fives: the CBS practice, and the one base where a count rounds to a single nearest multiple
# (with 10, 15 lies halfway) and where what a reader can conclude (2 either way) still covers the
# gap between 0 and the threshold of 5.
AFRONDINGEN = (0, 5)


STANDAARD = Drempels()


def klein(aantallen: pd.DataFrame | pd.Series, drempels: Drempels = STANDAARD):
    """Where a count is a small, non-zero group (what disclosure control protects)."""
    return (aantallen > 0) & (aantallen < drempels.drempel)


def onderdrukt(aantallen: pd.DataFrame | pd.Series, drempels: Drempels = STANDAARD):
    """Where a count is shown as '< d' (primary suppression): a small group, unless counts are
    rounded (then it shows rounded like any other count)."""
    return klein(aantallen, drempels) & (drempels.afronden == 0)


def afgerond(aantal, drempels: Drempels = STANDAARD):
    """The published value of a count: itself, or with rounding the nearest multiple of
    ``afronden`` (remainders 0-2 down, 3-4 up), where a count of 1 or 2 is shown as 5, not 0,
    so that 0 always means nobody. Works on a number, an array, a Series or a DataFrame; NaN
    stays NaN."""
    b = drempels.afronden
    if not b:
        return aantal
    if isinstance(aantal, pd.DataFrame):
        return aantal.astype(float).apply(lambda kolom: _rond(kolom.to_numpy(), b))
    if isinstance(aantal, pd.Series):
        return pd.Series(_rond(aantal.to_numpy(dtype=float), b), index=aantal.index, name=aantal.name)
    uit = _rond(np.asarray(aantal, dtype=float), b)
    return float(uit) if uit.ndim == 0 else uit


def _rond(x: np.ndarray, b: int) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    r = np.floor(x / b + 0.5) * b
    return np.where(x > 0, np.maximum(r, b), r)


def afrondingsinterval(getoond: float, drempels: Drempels) -> tuple[float, float]:
    """What a reader who knows the rounding rule concludes from a count shown as ``getoond``:
    the smallest and largest true count :func:`afgerond` shows so (5: 1 to 7; 10: 8 to 12)."""
    b = drempels.afronden
    kandidaten = np.arange(max(0.0, getoond - 2 * b), getoond + 2 * b + 1)
    passend = kandidaten[_rond(kandidaten, b) == getoond]
    if not len(passend):
        raise ValueError(f"{getoond:g} is geen afgerond aantal")
    return float(passend.min()), float(passend.max())


def aandeel(teller, noemer, drempels: Drempels = STANDAARD, berekend=None):
    """A share of people as published: with rounding, the rounded count over the rounded
    count, so a reader who combines it with the counts learns nothing the counts do not say
    (7 of 19 shown as 37 % of 20 would give back 19 and 7). Without rounding the share itself:
    ``berekend`` when a model computed it, else ``teller / noemer``."""
    if not drempels.afronden and berekend is not None:
        return berekend
    return afgerond(teller, drempels) / afgerond(noemer, drempels)


def wat_de_lezer_weet(
    waarden: np.ndarray, masker: np.ndarray, drempels: Drempels
) -> tuple[np.ndarray, np.ndarray]:
    """Per published count, from that cell alone, the smallest and largest value a reader can
    give it: a visible count is itself (rounded: every count that rounds to what is shown), a
    cell shown as '< d' is 1 to d - 1, a cell shown as '×' is 0 or more."""
    waarden, masker = np.asarray(waarden, dtype=float).ravel(), np.asarray(masker).ravel()
    laag, hoog = np.zeros(len(waarden)), np.full(len(waarden), np.inf)
    zichtbaar = masker == ZICHTBAAR
    if drempels.afronden:
        for i in np.flatnonzero(zichtbaar):
            laag[i], hoog[i] = afrondingsinterval(afgerond(waarden[i], drempels), drempels)
    else:
        laag[zichtbaar] = hoog[zichtbaar] = waarden[zichtbaar]
    primair = masker == PRIMAIR
    laag[primair], hoog[primair] = 1.0, drempels.drempel - 1.0
    return laag, hoog


def beschermd(waarden: np.ndarray, masker: np.ndarray, drempels: Drempels) -> np.ndarray:
    """The cells the audit keeps from being worked out: the counts shown as '< d', or with
    rounding every small count, also one already shown as '×'."""
    if drempels.afronden:
        return np.asarray(klein(np.asarray(waarden, dtype=float), drempels))
    return np.asarray(masker) == PRIMAIR


def vastgelegd(laag: float, hoog: float) -> bool:
    """A reader's interval for a count pins it down when it holds one whole number only
    (counts are whole: [0,6; 1,4] says 1 as surely as [1; 1] does)."""
    return bool(np.floor(hoog + 1e-6) <= np.ceil(laag - 1e-6))


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
    masker = np.where(onderdrukt(pd.DataFrame(waarden), drempels).to_numpy(), PRIMAIR, ZICHTBAAR)
    if not drempels.afronden:  # one hidden entry of a line is computable exactly; rounded, it is not
        _secundair(waarden, masker)
    _controleer_met_lp(waarden, masker, drempels)
    verborgen = np.where(masker != ZICHTBAAR, np.nan, afgerond(waarden, drempels))
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


def _interval(waarden: np.ndarray, masker: np.ndarray, a: np.ndarray, cel: int, drempels: Drempels):
    """What an attacker can conclude about one cell: (min, max) by linear programming.

    The attacker reads the legend (:func:`wat_de_lezer_weet`): a cell shown as '< 5' holds 1
    to 4 (zeros are printed as 0), a rounded cell any count that rounds to it, any other
    hidden cell 0 or more. Cells known exactly are moved to the right-hand side."""
    from scipy.optimize import linprog

    laag, hoog = wat_de_lezer_weet(waarden, masker, drempels)
    vast = laag == hoog
    open_ = np.flatnonzero(~vast)
    if cel not in open_:
        return laag[cel], hoog[cel]
    # a line whose total is no sum (a client in two columns is one client in the total) is no
    # equation; what a reader knows of it is that each part is at most the total and the
    # total at most the parts together
    telt_op = np.isclose(a @ np.asarray(waarden, dtype=float).ravel(), 0)
    ongelijk = _als_ongelijkheden(a[~telt_op])
    a_eq, b_eq = a[telt_op][:, open_], -a[telt_op][:, vast] @ laag[vast]
    a_ub, b_ub = ongelijk[:, open_], -ongelijk[:, vast] @ laag[vast]
    nuttig, nuttig_ub = np.abs(a_eq).sum(axis=1) > 0, np.abs(a_ub).sum(axis=1) > 0
    doel = (open_ == cel).astype(float)
    grenzen = [(laag[j], None if np.isinf(hoog[j]) else hoog[j]) for j in open_]
    opties = {"A_eq": a_eq[nuttig], "b_eq": b_eq[nuttig], "bounds": grenzen, "method": "highs"}
    if nuttig_ub.any():
        opties |= {"A_ub": a_ub[nuttig_ub], "b_ub": b_ub[nuttig_ub]}
    onder = linprog(doel, **opties)
    boven = linprog(-doel, **opties)
    if onder.status == 2 or boven.status == 2:  # totals that are not plain sums: no exact conclusion
        return -np.inf, np.inf
    return onder.fun, (np.inf if boven.status == 3 else -boven.fun)


def _als_ongelijkheden(regels: np.ndarray) -> np.ndarray:
    """Rows ``r`` with r @ x <= 0 for lines (parts +1, total -1) that do not add up: every part
    at most the total, the total at most the sum of the parts."""
    uit = []
    for regel in regels:
        totaal = np.flatnonzero(regel < 0)
        for deel in np.flatnonzero(regel > 0):
            r = np.zeros(len(regel))
            r[deel], r[totaal] = 1.0, -1.0
            uit.append(r)
        uit.append(-regel)
    return np.array(uit).reshape(len(uit), regels.shape[1])


def _controleer_met_lp(waarden: np.ndarray, masker: np.ndarray, drempels: Drempels) -> None:
    """Audit: no small count may be exactly recoverable from all equations together.

    The equation rule alone misses chains (a row total fixed by the other rows' totals, say).
    For every protected small count (:func:`beschermd`) we compute the attacker's interval;
    when it pins the count down we hide one more cell next to it. With rounding that is the
    count itself when it is still shown, as '×' (0 or more) it gives nothing away. Otherwise
    the smallest visible positive in its row or column. When its row and column have nothing
    visible left, the knowledge that gives it away is that a neighbour is '< 5' (four cells
    of at least 1 under a total below 5 are each 1): the largest such neighbour is then shown
    as hidden ('×') instead, which says nothing about its size. Only then is a cell elsewhere
    hidden.
    """
    if not beschermd(waarden, masker, drempels).any():
        return
    a = _vergelijkingen(waarden.shape)
    for _ in range(2 * waarden.size):
        blootgesteld = None
        for cel in np.flatnonzero(beschermd(waarden, masker, drempels).ravel()):
            if vastgelegd(*_interval(waarden, masker, a, int(cel), drempels)):
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
        if drempels.afronden and masker[r, k] == ZICHTBAAR:
            keuze = (r, k)
        elif (zichtbaar & buren).any():
            keuze = min(map(tuple, np.argwhere(zichtbaar & buren)), key=lambda c: waarden[c])
        elif klein_buur.any():
            keuze = max(map(tuple, np.argwhere(klein_buur)), key=lambda c: waarden[c])
        elif zichtbaar.any():
            keuze = min(map(tuple, np.argwhere(zichtbaar)), key=lambda c: waarden[c])
        else:  # pragma: no cover - every cell hidden and still determined: cannot happen with sums
            raise AssertionError("onthullingscontrole: een klein aantal blijft terug te rekenen")
        masker[keuze] = SECUNDAIR
        if not drempels.afronden:
            _secundair(waarden, masker)
    raise AssertionError("onthullingscontrole: geen bescherming gevonden")  # pragma: no cover


def aandelen(
    tellers: pd.DataFrame,
    teller_masker: pd.DataFrame,
    noemers: pd.Series,
    drempels: Drempels = STANDAARD,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Row shares ``teller / noemer`` (:func:`aandeel`); hidden where the numerator is hidden or
    noemer < min_noemer (the true number of people: a share or mean is never over fewer)."""
    noemer = noemers.reindex(tellers.index).astype(float)
    aandelen_ = afgerond(tellers.astype(float), drempels).div(afgerond(noemer, drempels), axis=0)
    masker = teller_masker.copy()
    te_weinig = (noemer < drempels.min_noemer) | noemer.isna()
    masker.loc[te_weinig[te_weinig].index, :] = masker.loc[te_weinig[te_weinig].index, :].where(
        masker.loc[te_weinig[te_weinig].index, :] != ZICHTBAAR, NOEMER
    )
    return aandelen_.where(masker == ZICHTBAAR), masker


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
    """A long table of per-group statistics: hide (or round) small ``n`` and hide statistics
    over too few people.

    ``afgeleid`` are the columns computed over the group's people (means, percentages,
    standard deviations, confidence bounds). Other columns are labels and stay visible.
    """
    masker = pd.DataFrame(ZICHTBAAR, index=tabel.index, columns=tabel.columns)
    n = tabel[n_kolom].astype(float)
    masker.loc[onderdrukt(n, drempels), n_kolom] = PRIMAIR
    te_weinig = n < drempels.min_noemer
    for kolom in afgeleid:
        masker.loc[te_weinig, kolom] = NOEMER
    waarden = tabel.copy()
    waarden[n_kolom] = afgerond(n, drempels)
    for kolom in [n_kolom, *afgeleid]:
        waarden[kolom] = waarden[kolom].astype(float).where(masker[kolom] == ZICHTBAAR)
    return waarden, masker


def controleer(
    waarden: pd.DataFrame,
    soorten: dict[str, str],
    drempels: Drempels = STANDAARD,
) -> list[str]:
    """Last line of defence before output: every visible count is 0 or at least the threshold,
    with rounding a count as :func:`afgerond` shows it.

    Returns the violations (empty when the table is safe); writers refuse to write otherwise.
    """
    fouten = []
    for kolom, soort in soorten.items():
        if soort != "aantal" or kolom not in waarden.columns:
            continue
        reeks = pd.to_numeric(waarden[kolom], errors="coerce")
        if drempels.afronden:
            slecht = reeks.notna() & (afgerond(reeks, drempels) != reeks)
        else:
            slecht = klein(reeks, drempels) & reeks.notna()
        for index in reeks[slecht].index:
            fouten.append(f"kolom {kolom!r}, rij {index!r}: aantal {reeks[index]:g} zichtbaar")
    return fouten
