"""One protected set of client counts for a whole publication: geography × intervention.

Every table of a publication that counts clients by region, gemeente or wijk and by
intervention or study group takes its cells from one :class:`Kubus`, so the same count has
the same value and the same suppression in every table, chart and sentence, and secondary
suppression is chosen over all published margins at once (wijk within gemeente, gemeente,
region; intervention, group, all clients).

The audit attacks all those numbers together, as a reader could: the unknowns are the
counts of the finest cells (one per wijk, group and combination of interventions, so a client
in two interventions is handled exactly), every visible number is an equation, a cell shown
as "< 5" lies between 1 and 4 (zeros are printed as 0), a cell shown as "×" is unknown.
Linear programming gives the smallest and largest value each hidden small count can take;
when the two meet, the count would be recoverable: it is then shown as "×" when that alone
leaves it open (a row of small counts with a small total), else one more related cell is
hidden. A publication that cannot be protected is refused, never written.

With rounding (``Drempels.afronden``) nothing is hidden for being small: every count is shown
rounded (:func:`rapporten.onthulling.afgerond`) and the reader knows it only to the counts that
round to it (5 is 1 to 7, 10 is 8 to 12); the same linear programme asks whether those intervals
together still pin a small count down, and that count is then shown as "×".

The vroegsignalering funnel (:func:`bouw_trechter`) is a second lattice of the same
publication with the same protection: it counts signals, not clients, so it shares no finest
cell with the client counts and auditing the two apart is the same as auditing them together.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field

import highspy
import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix

from rapporten import onthulling as ot


class NietTeBeschermen(RuntimeError):
    """No suppression pattern keeps every small count of these cells from being worked out
    (a handful of people spread over many cells): the section must not publish them."""


ALLES = ()  # the column of all clients; the geography of the whole region


@dataclass(frozen=True)
class Knoop:
    """A published count: the clients in a geography with a column membership.

    ``geo`` is () for the region, (gemeente,) or (gemeente, wijk); ``kolom`` is () for all
    clients, ("groep", naam) or ("interventie", naam). Only a count of at least one is a
    knoop (nobody there is an honest zero, :meth:`Kubus.cel`), so a hidden knoop is never a
    hidden zero.
    """

    geo: tuple
    kolom: tuple


@dataclass
class Kubus:
    drempels: ot.Drempels
    knopen: list[Knoop]
    waarden: np.ndarray  # per knoop: the true count
    masker: np.ndarray  # per knoop: ot.ZICHTBAAR / PRIMAIR / SECUNDAIR
    lidmaatschap: csr_matrix = field(repr=False)  # knopen × finest cells, 0/1
    _index: dict[Knoop, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {k: i for i, k in enumerate(self.knopen)}

    def cel(self, geo: tuple, kolom: tuple) -> tuple[float, int]:
        """(value, reason) of one published count; value NaN when hidden."""
        i = self._index.get(Knoop(tuple(geo), tuple(kolom)))
        if i is None:
            return 0.0, ot.ZICHTBAAR  # no client there: an honest zero
        reden = int(self.masker[i])
        return (float(ot.afgerond(self.waarden[i], self.drempels)) if reden == ot.ZICHTBAAR else np.nan), reden

    def tabel(
        self, rijen: list[tuple[str, tuple]], kolommen: list[tuple[str, tuple]]
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Values and mask for rows × columns, each given as (label, geo) and (label, kolom)."""
        waarden = pd.DataFrame(index=[r for r, _ in rijen], columns=[k for k, _ in kolommen], dtype=float)
        masker = pd.DataFrame(ot.ZICHTBAAR, index=waarden.index, columns=waarden.columns)
        for r, geo in rijen:
            for k, kolom in kolommen:
                waarden.loc[r, k], masker.loc[r, k] = self.cel(geo, kolom)
        return waarden, masker

    def blootgesteld(self) -> list[Knoop]:
        """The hidden small counts a reader could still work out from all numbers together."""
        return [self.knopen[i] for i in _bepaald(self.lidmaatschap, self.waarden, self.masker, self.drempels)]


def _leden(clienten: pd.DataFrame, trajecten: pd.DataFrame, zonder_traject: str) -> pd.DataFrame:
    """Per client: gemeente, wijk, groep and the set of interventions (``zonder_traject`` if none)."""
    per_client = trajecten.groupby("client_id")["interventie"].agg(lambda s: frozenset(s.dropna()))
    c = clienten[["client_id", "gemeente", "wijk"]].copy()
    c["groep"] = clienten["groep"] if "groep" in clienten.columns else None
    c["interventies"] = c["client_id"].map(per_client)
    c["interventies"] = c["interventies"].map(
        lambda v: v if isinstance(v, frozenset) and v else frozenset({zonder_traject})
    )
    return c


def bouw(
    clienten: pd.DataFrame, trajecten: pd.DataFrame, drempels: ot.Drempels, zonder_traject: str
) -> Kubus:
    """The protected lattice of client counts for these (already filtered) data."""
    leden = _leden(clienten, trajecten, zonder_traject)
    sleutel = ["gemeente", "wijk", "groep", "interventies"]
    fijn = leden.groupby(sleutel, dropna=False).size().reset_index(name="n")
    geos = [ALLES]
    for g in sorted(fijn["gemeente"].dropna().unique()):
        geos.append((g,))
        geos += [(g, w) for w in sorted(fijn.loc[fijn["gemeente"] == g, "wijk"].dropna().unique())]
    groepen = sorted(fijn["groep"].dropna().unique())
    interventies = sorted({i for s in fijn["interventies"] for i in s})
    kolommen = [ALLES, *[("groep", x) for x in groepen], *[("interventie", x) for x in interventies]]

    knopen, rijen = [], []
    for geo in geos:
        in_geo = np.ones(len(fijn), dtype=bool)
        if len(geo) >= 1:
            in_geo &= (fijn["gemeente"] == geo[0]).to_numpy()
        if len(geo) == 2:
            in_geo &= (fijn["wijk"] == geo[1]).to_numpy()
        for kolom in kolommen:
            lid = in_geo.copy()
            if kolom and kolom[0] == "groep":
                lid &= (fijn["groep"] == kolom[1]).to_numpy()
            elif kolom:
                lid &= fijn["interventies"].map(lambda s, naam=kolom[1]: naam in s).to_numpy()
            if lid.any():
                knopen.append(Knoop(geo, kolom))
                rijen.append(lid)
    return _beschermd(knopen, rijen, fijn["n"].to_numpy(dtype=float), drempels)


def _beschermd(knopen: list[Knoop], rijen: list[np.ndarray], n: np.ndarray, drempels: ot.Drempels) -> Kubus:
    """The lattice of these published counts (each a 0/1 row over the finest cells with
    counts ``n``), with primary and secondary suppression and the audit."""
    lidmaatschap = csr_matrix(np.array(rijen, dtype=float).reshape(len(rijen), len(n)))
    waarden = lidmaatschap @ n
    masker = np.where(ot.onderdrukt(pd.Series(waarden), drempels).to_numpy(), ot.PRIMAIR, ot.ZICHTBAAR)
    _beschermen(lidmaatschap, waarden, masker, drempels, knopen)
    return Kubus(drempels, knopen, waarden, masker, lidmaatschap)


TRECHTER = "trechter"  # kolom of a funnel count: (TRECHTER, stap) or (TRECHTER, stap, periode)


def bouw_trechter(
    signalen: pd.DataFrame,
    stappen: tuple[str, ...],
    drempels: ot.Drempels,
    losse: dict[tuple, int] | None = None,
    soort: str | None = None,
) -> Kubus:
    """The protected funnel counts of a publication: signals by step, per gemeente and for the
    region over the whole period, and for the region per period and (with ``soort``, a column
    of ``signalen``) per kind of signal: kolom (TRECHTER, stap, soort, kind).

    ``signalen`` has one row per signal with ``gemeente``, ``periode`` and a boolean column per
    step of ``stappen`` (the first step is every signal); the steps are nested (a signal at a
    step has passed every step before it), so the finest cells are (gemeente, periode, kind,
    last step reached) and every published step is a margin of them: a reader who subtracts one
    step from another, one gemeente from the region or one period from the whole is one of the
    equations the audit solves. ``losse`` are further counts of the same publication that share
    no one with these (clients, not signals), each its own cell: (kolom, count).
    """
    diepte = np.zeros(len(signalen), dtype=np.int64)
    verder = np.ones(len(signalen), dtype=bool)
    for stap in stappen[1:]:  # the last step reached with every step before it
        verder &= signalen[stap].to_numpy(dtype=bool)
        diepte += verder
    cellen = pd.DataFrame({"gemeente": signalen["gemeente"].to_numpy(), "periode": signalen["periode"].to_numpy(),
                           "soort": signalen[soort].to_numpy() if soort else None, "diepte": diepte})
    fijn = cellen.groupby(["gemeente", "periode", "soort", "diepte"], dropna=False).size().reset_index(name="n")
    d = fijn["diepte"].to_numpy()
    knopen, rijen = [], []

    def voeg_toe(knoop: Knoop, lid: np.ndarray) -> None:
        if lid.any():
            knopen.append(knoop)
            rijen.append(lid)

    geos = [ALLES, *[(g,) for g in sorted(fijn["gemeente"].dropna().unique())]]
    perioden = sorted(fijn["periode"].dropna().unique())
    soorten = sorted(fijn["soort"].dropna().unique()) if soort else []
    for geo in geos:
        in_geo = np.ones(len(fijn), dtype=bool) if not geo else (fijn["gemeente"] == geo[0]).to_numpy()
        for i, stap in enumerate(stappen):
            voeg_toe(Knoop(geo, (TRECHTER, stap)), in_geo & (d >= i))
            if geo == ALLES:
                for periode in perioden:
                    voeg_toe(Knoop(geo, (TRECHTER, stap, periode)), (fijn["periode"] == periode).to_numpy() & (d >= i))
                for x in soorten:
                    voeg_toe(Knoop(geo, (TRECHTER, stap, soort, x)), (fijn["soort"] == x).to_numpy() & (d >= i))
    n = fijn["n"].to_numpy(dtype=float)
    for kolom, aantal in (losse or {}).items():
        if aantal <= 0:
            continue  # nobody: an honest zero (Kubus.cel)
        rijen = [np.append(r, False) for r in rijen]
        n = np.append(n, float(aantal))
        knopen.append(Knoop(ALLES, tuple(kolom)))
        rijen.append(np.arange(len(n)) == len(n) - 1)
    return _beschermd(knopen, rijen, n, drempels)


@contextlib.contextmanager
def _zonder_banner():
    """HiGHS prints its banner to the process's stdout when a solver is made; a report run
    prints only its own lines."""
    sys.stdout.flush()
    bewaard, leeg = os.dup(1), os.open(os.devnull, os.O_WRONLY)
    os.dup2(leeg, 1)
    try:
        yield
    finally:
        os.dup2(bewaard, 1)
        os.close(bewaard)
        os.close(leeg)


def _lezer(lid: csr_matrix, waarden: np.ndarray, masker: np.ndarray, drempels: ot.Drempels) -> highspy.Highs:
    """The reader's knowledge as one LP over the finest cells: every published count bounds
    its sum of cells (:func:`rapporten.onthulling.wat_de_lezer_weet`: a visible count exactly,
    or rounded to the counts that round to it; '< d' between 1 and d - 1), counts are not
    negative."""
    with _zonder_banner():
        lp = highspy.Highs()
    lp.setOptionValue("output_flag", False)
    n = lid.shape[1]
    lp.addVars(n, np.zeros(n), np.full(n, highspy.kHighsInf))
    onder, boven = ot.wat_de_lezer_weet(waarden, masker, drempels)
    for i in np.flatnonzero(masker != ot.SECUNDAIR):
        rij = lid[i]
        lp.addRow(onder[i], boven[i], rij.nnz, rij.indices.astype(np.int32), rij.data)
    return lp


def _bereik(lp: highspy.Highs, doel: np.ndarray) -> tuple[float, float]:
    """Smallest and largest value the reader can give ``doel`` · cells."""
    n = len(doel)
    lp.changeColsCost(n, np.arange(n, dtype=np.int32), doel)
    grenzen = []
    for richting in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
        lp.changeObjectiveSense(richting)
        lp.run()
        status = lp.getModelStatus()
        if status == highspy.HighsModelStatus.kUnbounded:
            grenzen.append(np.inf)
        elif status == highspy.HighsModelStatus.kOptimal:
            grenzen.append(lp.getInfo().objective_function_value)
        else:
            raise RuntimeError(f"onthullingscontrole: lineair programma gaf status {status}")
    return grenzen[0], grenzen[1]


def _bepaald(
    lid: csr_matrix, waarden: np.ndarray, masker: np.ndarray, drempels: ot.Drempels, eerste: bool = False
) -> list[int]:
    """Indices of protected small counts (:func:`rapporten.onthulling.beschermd`) a reader can
    pin down (with ``eerste``, stop at the first one)."""
    te_beschermen = np.flatnonzero(ot.beschermd(waarden, masker, drempels))
    if not len(te_beschermen):
        return []
    lp = _lezer(lid, waarden, masker, drempels)
    uit = []
    for i in te_beschermen:
        laag, hoog = _bereik(lp, lid[i].toarray().ravel())
        if ot.vastgelegd(laag, hoog):
            uit.append(int(i))
            if eerste:
                break
    return uit


def _open_als_kruisje(lid, waarden, masker, drempels, i: int, j: int) -> bool:
    """Would cell ``i`` stay uncertain if cell ``j`` were shown as '×' (0 or more) instead of
    '< d' (1 to d - 1)? Then that is the cheapest protection: nothing else needs hiding."""
    proef = masker.copy()
    proef[j] = ot.SECUNDAIR
    return not ot.vastgelegd(*_bereik(_lezer(lid, waarden, proef, drempels), lid[i].toarray().ravel()))


def _verwant(a: Knoop, b: Knoop) -> bool:
    """Cells a reader would difference against each other: the same geography (one row of a
    table), or the same column in a sibling wijk, the parent or a child geography. Two
    gemeenten are not taken as siblings: hiding a count of another gemeente's people protects
    less, and over 89 random worlds of three gemeenten it hid 17 counts more (4.072 against
    4.055)."""
    if a.geo == b.geo:
        return True
    if a.kolom != b.kolom:
        return False
    if len(a.geo) == len(b.geo):
        return len(a.geo) == 2 and a.geo[0] == b.geo[0]
    kort, lang = sorted((a.geo, b.geo), key=len)
    return len(lang) - len(kort) == 1 and lang[: len(kort)] == kort


def _vergelijkingen(lid: csr_matrix, knopen: list[Knoop]) -> list[tuple[int, list[int]]]:
    """Every (total, parts) a reader can add up: a geography's children in one column, and a
    column's sub-columns in one geography, kept only where the parts exactly make the total
    (a client in two interventions makes 'interventions add up to the group' false)."""
    index = {k: i for i, k in enumerate(knopen)}
    uit = []
    for i, k in enumerate(knopen):
        geo_delen = [j for j, m in enumerate(knopen) if m.kolom == k.kolom and len(m.geo) == len(k.geo) + 1
                     and m.geo[: len(k.geo)] == k.geo]
        if not k.kolom:
            kolom_delen = [index[m] for m in knopen if m.geo == k.geo and len(m.kolom) and m.kolom[0] == "groep"]
        elif k.kolom[0] == TRECHTER and len(k.kolom) == 2:  # a step over the whole period: its periods
            kolom_delen = [j for j, m in enumerate(knopen) if m.geo == k.geo and m.kolom[:2] == k.kolom
                           and len(m.kolom) == 3]
            per_soort = [j for j, m in enumerate(knopen) if m.geo == k.geo and m.kolom[:2] == k.kolom
                         and len(m.kolom) == 4]  # and its kinds of arrear
            if per_soort and np.array_equal(np.asarray(lid[per_soort].sum(axis=0)).ravel(), lid[i].toarray().ravel()):
                uit.append((i, per_soort))
        elif k.kolom[0] == "groep":
            kolom_delen = [j for j, m in enumerate(knopen) if m.geo == k.geo and m.kolom and m.kolom[0] == "interventie"
                           and _deel_van(lid, j, i)]
        else:
            kolom_delen = []
        for delen in (geo_delen, kolom_delen):
            if delen and np.array_equal(np.asarray(lid[delen].sum(axis=0)).ravel(), lid[i].toarray().ravel()):
                uit.append((i, delen))
    return uit


def _deel_van(lid: csr_matrix, deel: int, geheel: int) -> bool:
    d, g = lid[deel].toarray().ravel(), lid[geheel].toarray().ravel()
    return bool(d.any() and (d <= g).all())


def _regel(vergelijkingen, waarden: np.ndarray, masker: np.ndarray) -> None:
    """Until no equation has exactly one hidden entry: hide its smallest visible part, else its
    total."""
    veranderd = True
    while veranderd:
        veranderd = False
        for totaal, delen in vergelijkingen:
            leden = [totaal, *delen]
            if sum(masker[j] != ot.ZICHTBAAR for j in leden) != 1:
                continue
            # with one entry hidden a part is still visible, or the total when the hidden entry is
            # the only part; the parts share one level of geography: the smallest is the choice
            kandidaten = [j for j in delen if masker[j] == ot.ZICHTBAAR] or [totaal]
            masker[min(kandidaten, key=lambda j: waarden[j])] = ot.SECUNDAIR
            veranderd = True


_PROBEER = 8  # candidates tried one by one before the smallest is taken without trying


def _beschermen(
    lid: csr_matrix, waarden: np.ndarray, masker: np.ndarray, drempels: ot.Drempels, knopen: list[Knoop]
) -> None:
    """Secondary suppression over all equations at once, then the audit: while a protected
    small count is still determined, hide the smallest related visible count and check again.

    With rounding no equation gives a single hidden entry back exactly, so the equation rule
    is not needed; a small count the rounded numbers together pin down is itself shown as '×'
    first (as '×' it is 0 or more), and only if that does not open it, a related count too."""
    vergelijkingen = _vergelijkingen(lid, knopen)
    iedereen = np.asarray(lid.sum(axis=1)).ravel() == lid.shape[1]  # a count holding every finest cell
    if not drempels.afronden:
        _regel(vergelijkingen, waarden, masker)
    for _ in range(2 * len(knopen)):  # each round shows one more cell as "×"; at most twice each
        bloot = _bepaald(lid, waarden, masker, drempels, eerste=True)
        if not bloot:
            return
        i = bloot[0]
        if drempels.afronden and masker[i] == ot.ZICHTBAAR:
            masker[i] = ot.SECUNDAIR
            continue
        # a row of small counts with a small total gives itself away ('< 5' means at least 1):
        # one of them shown as '×' opens it again, without hiding anything else. Any small count
        # may be that one, not only one in its row or column (a chain can run through another
        # geography): over 120 random worlds 4.465 hidden counts against 4.530; trying related
        # small counts first made no difference
        kleine = [i] + [j for j in np.flatnonzero(masker == ot.PRIMAIR) if j != i]
        kruisje = next((j for j in kleine if _open_als_kruisje(lid, waarden, masker, drempels, i, j)), None)
        if kruisje is not None:
            masker[kruisje] = ot.SECUNDAIR
            continue
        # only a count that shares clients with a count holding this one's can change what the
        # reader knows of it (a count of other people, 'vervolg' beside the funnel, cannot). The
        # count of everyone holds everybody and so relates every count to every other: left out,
        # 89 random worlds of three gemeenten hid 33 counts fewer, 150 of two gemeenten 9 fewer
        binnen = (np.asarray(lid @ lid[i].T.toarray()).ravel() > 0) & ~iedereen
        bereik = np.asarray(lid @ np.asarray(lid[binnen].sum(axis=0)).ravel()).ravel() > 0
        zichtbaar = [j for j in range(len(knopen)) if masker[j] == ot.ZICHTBAAR and bereik[j]]
        kandidaten = sorted([j for j in zichtbaar if _verwant(knopen[i], knopen[j])] or zichtbaar,
                            key=lambda k: (waarden[k], -len(knopen[k].geo)))
        if not kandidaten:
            break
        # the smallest count that on its own leaves this one open; else simply the smallest
        opent = (j for j in kandidaten[:_PROBEER] if _open_als_kruisje(lid, waarden, masker, drempels, i, j))
        masker[next(opent, kandidaten[0])] = ot.SECUNDAIR
        if not drempels.afronden:
            _regel(vergelijkingen, waarden, masker)
    if _bepaald(lid, waarden, masker, drempels, eerste=True):
        raise NietTeBeschermen("onthullingscontrole: een klein aantal blijft uit de andere cijfers af te leiden")
