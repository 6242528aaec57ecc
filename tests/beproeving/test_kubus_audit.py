"""The publication-wide lattice (``rapporten.kubus``) leaves no small count recoverable.

Fast and direct, so mutation testing can run it for every mutant: small worlds of clients in
wijken of two gemeenten, in a study group, some in two interventions at once, with many small
cells and chains of margins (wijk within gemeente within region; intervention within group).

The attacker is written here, independently of the lattice's own audit: it takes the finest
cells (gemeente, wijk, group, set of interventions) straight from the data, turns every count
the lattice publishes into what a reader knows about those cells (a shown number is an equation,
"< 5" is 1 to 4, "×" is anything) and asks scipy's LP solver for the smallest and largest value
of every hidden small count.
"""

from __future__ import annotations

from itertools import product

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from rapporten import kubus
from rapporten import onthulling as ot

ZONDER = "geen traject"
WIJKEN = {"A": ("a1", "a2", "a3"), "B": ("b1", "b2")}
INTERVENTIES = ("X0", "X1", "X2")
SETS = [frozenset({"X0"}), frozenset({"X1"}), frozenset({"X2"}), frozenset({"X0", "X1"})]


def _wereld(aantallen: dict[tuple, int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clients and trajects from counts per (gemeente, wijk, groep, set of interventions)."""
    clienten, trajecten = [], []
    for (gemeente, wijk, groep, interventies), n in aantallen.items():
        for _ in range(n):
            cid = len(clienten)
            clienten.append({"client_id": cid, "gemeente": gemeente, "wijk": wijk, "groep": groep})
            trajecten += [{"client_id": cid, "interventie": i} for i in sorted(interventies)]
    return pd.DataFrame(clienten), pd.DataFrame(trajecten, columns=["client_id", "interventie"])


def _fijn(clienten: pd.DataFrame, trajecten: pd.DataFrame) -> pd.DataFrame:
    sets = trajecten.groupby("client_id")["interventie"].agg(frozenset)
    c = clienten.assign(interventies=clienten["client_id"].map(sets))
    c["interventies"] = [s if isinstance(s, frozenset) else frozenset({ZONDER}) for s in c["interventies"]]
    return c.groupby(["gemeente", "wijk", "groep", "interventies"]).size().rename("n").reset_index()


def _lid(fijn: pd.DataFrame, knoop: kubus.Knoop) -> np.ndarray:
    """Which finest cells a published count adds up, from the data (not from the lattice)."""
    lid = np.ones(len(fijn), dtype=bool)
    for sleutel, waarde in zip(("gemeente", "wijk"), knoop.geo, strict=False):
        lid &= (fijn[sleutel] == waarde).to_numpy()
    if knoop.kolom and knoop.kolom[0] == "groep":
        lid &= (fijn["groep"] == knoop.kolom[1]).to_numpy()
    elif knoop.kolom:
        lid &= np.array([knoop.kolom[1] in s for s in fijn["interventies"]])
    return lid.astype(float)


def _aanval(fijn: pd.DataFrame, k: kubus.Kubus, drempel: int) -> list[tuple[kubus.Knoop, float, float]]:
    """(cell, smallest, largest) the reader can give each hidden small count."""
    return _aanval_met(lambda knoop: _lid(fijn, knoop), k, drempel)


def _aanval_met(lid, k: kubus.Kubus, drempel: int = 5) -> list[tuple[kubus.Knoop, float, float]]:
    """The attack, with ``lid`` saying which finest cells a published count adds up: a shown
    number is an equation, '< d' is 1 to d - 1, '×' is anything."""
    a_eq, b_eq, klein = [], [], []
    for knoop in k.knopen:
        waarde, reden = k.cel(knoop.geo, knoop.kolom)
        if reden == ot.ZICHTBAAR:
            a_eq.append(lid(knoop))
            b_eq.append(waarde)
        elif reden == ot.PRIMAIR:
            klein.append((knoop, lid(knoop)))
    a_ub = [*(m for _, m in klein), *(-m for _, m in klein)]
    b_ub = [drempel - 1.0] * len(klein) + [-1.0] * len(klein)
    uit = []
    for knoop, doel in klein:
        laag = linprog(doel, A_eq=a_eq or None, b_eq=b_eq or None, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
        hoog = linprog(-doel, A_eq=a_eq or None, b_eq=b_eq or None, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
        assert laag.status == 0 and hoog.status in (0, 3), (laag.message, hoog.message)
        uit.append((knoop, laag.fun, np.inf if hoog.status == 3 else -hoog.fun))
    return uit


def _bepaald(aanval) -> list:
    return [(knoop, laag) for knoop, laag, hoog in aanval if hoog - laag < 0.5]


def _controleer(aantallen: dict[tuple, int], drempels: ot.Drempels = ot.STANDAARD) -> kubus.Kubus | None:
    clienten, trajecten = _wereld(aantallen)
    try:
        k = kubus.bouw(clienten, trajecten, drempels, ZONDER)
    except kubus.NietTeBeschermen:
        return None  # refused, never published: nothing to attack
    fijn = _fijn(clienten, trajecten)
    for knoop in k.knopen:
        waarde, reden = k.cel(knoop.geo, knoop.kolom)
        echt = float(_lid(fijn, knoop) @ fijn["n"].to_numpy())
        if reden == ot.ZICHTBAAR:
            assert waarde == echt, knoop  # a shown count is the true count
            assert echt == 0 or echt >= drempels.drempel, knoop
        else:
            assert np.isnan(waarde), knoop
        if 0 < echt < drempels.drempel:
            assert reden in (ot.PRIMAIR, ot.SECUNDAIR), knoop  # "< 5", or "×" where that alone keeps it open
        else:
            assert reden != ot.PRIMAIR, knoop
    assert not _bepaald(_aanval(fijn, k, drempels.drempel))
    assert not k.blootgesteld()
    return k


# small interventions next to large ones in wijken of two gemeenten: margins within margins
KETEN = {
    ("A", "a1", "interventie", frozenset({"X0"})): 2, ("A", "a1", "interventie", frozenset({"X1"})): 30,
    ("A", "a2", "interventie", frozenset({"X0"})): 20, ("A", "a2", "interventie", frozenset({"X1"})): 25,
    ("A", "a1", "vergelijking", frozenset({ZONDER})): 12, ("A", "a2", "vergelijking", frozenset({ZONDER})): 14,
    ("B", "b1", "interventie", frozenset({"X0"})): 9, ("B", "b1", "interventie", frozenset({"X1"})): 3,
    ("B", "b2", "interventie", frozenset({"X1"})): 11, ("B", "b2", "vergelijking", frozenset({ZONDER})): 8,
}  # fmt: skip
# four '< 5' cells in one wijk whose total is '< 5' too: each would be exactly 1
RIJ_VAN_ENEN = {
    **{("A", "a1", "interventie", frozenset({x})): 1 for x in INTERVENTIES},
    ("A", "a1", "vergelijking", frozenset({ZONDER})): 1,
    **{("A", "a2", "interventie", frozenset({x})): 15 for x in INTERVENTIES},
    ("A", "a2", "vergelijking", frozenset({ZONDER})): 20,
}
# clients in two interventions: interventions do not add up to their group, the audit must not assume they do
DUBBEL = {
    ("A", "a1", "interventie", frozenset({"X0", "X1"})): 3, ("A", "a1", "interventie", frozenset({"X0"})): 12,
    ("A", "a1", "interventie", frozenset({"X1"})): 10, ("A", "a2", "interventie", frozenset({"X0", "X1"})): 7,
    ("A", "a2", "interventie", frozenset({"X1"})): 2, ("A", "a2", "vergelijking", frozenset({ZONDER})): 30,
    ("B", "b1", "interventie", frozenset({"X0"})): 40, ("B", "b1", "vergelijking", frozenset({ZONDER})): 4,
}  # fmt: skip


# how many counts each hand-made world hides ('< 5' and '×') when this was written: the audit
# may find cheaper protection, never a costlier one unnoticed (KETEN's 24 '×' for 2 small
# counts is far from the least needed: none of them alone is necessary)
VERBORGEN = {"keten": 26, "rij-van-enen": 14, "dubbel": 19}


@pytest.mark.parametrize("aantallen", [KETEN, RIJ_VAN_ENEN, DUBBEL], ids=["keten", "rij-van-enen", "dubbel"])
def test_geen_klein_aantal_terug_te_rekenen(aantallen, request):
    k = _controleer(aantallen)
    assert k is not None, "these worlds can be protected"
    assert (k.masker == ot.PRIMAIR).any()
    assert (k.masker != ot.ZICHTBAAR).sum() <= VERBORGEN[request.node.callspec.id]
    assert k.cel((), ())[1] == ot.ZICHTBAAR  # the region's total stays


@pytest.mark.parametrize("aantallen", [RIJ_VAN_ENEN, DUBBEL], ids=["rij-van-enen", "dubbel"])
def test_zonder_de_lp_controle_lekt_het(monkeypatch, aantallen):
    """The attack has teeth: with the lattice's LP audit switched off (the equation rule
    alone), each of these worlds gives a small count away."""
    monkeypatch.setattr(kubus, "_bepaald", lambda *a, **k: [])
    clienten, trajecten = _wereld(aantallen)
    k = kubus.bouw(clienten, trajecten, ot.STANDAARD, ZONDER)
    assert _bepaald(_aanval(_fijn(clienten, trajecten), k, 5))


def test_drempel_is_instelbaar():
    """A threshold of 10: 5 to 9 are small too, and the attacker knows '< 10' means 1 to 9."""
    k = _controleer(KETEN, ot.Drempels(drempel=10, min_noemer=10))
    assert k is not None
    assert any(k.cel(n.geo, n.kolom)[1] == ot.PRIMAIR and 5 <= v <= 9
               for n, v in zip(k.knopen, k.waarden, strict=True))


@st.composite
def werelden(draw):
    """Mostly empty or small cells, a few large ones: chains of margins with small counts."""
    aantal = st.one_of(st.just(0), st.just(0), st.integers(1, 4), st.integers(1, 4), st.integers(5, 30))
    uit = {}
    for gemeente, wijken in WIJKEN.items():
        for wijk in wijken:
            for interventies in SETS:
                uit[(gemeente, wijk, "interventie", interventies)] = draw(aantal)
            uit[(gemeente, wijk, "vergelijking", frozenset({ZONDER}))] = draw(aantal)
    if not any(uit.values()):
        uit[("A", "a1", "interventie", SETS[0])] = 6
    return uit


@seed(20261202)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(werelden())
def test_geen_klein_aantal_terug_te_rekenen_in_kleine_werelden(aantallen):
    _controleer(aantallen)


# --- what the lattice publishes ----------------------------------------------------------------

def test_elke_rij_en_kolom_met_clienten_wordt_gepubliceerd():
    """Every geography (region, gemeente, wijk: 'centrum' in both gemeenten is two wijken) ×
    every column (all clients, each group, each intervention, no traject) that holds a client,
    with its true count; a client without a wijk counts in its gemeente."""
    clienten = pd.DataFrame({
        "client_id": range(8),
        "gemeente": ["A", "A", "A", "B", "B", "B", "A", "B"],
        "wijk": ["centrum", "centrum", "a2", "centrum", "centrum", "b2", None, "b2"],
        "groep": ["interventie", "interventie", "vergelijking", "interventie", "vergelijking",
                  "interventie", "interventie", "vergelijking"],
    })  # fmt: skip
    trajecten = pd.DataFrame({"client_id": [0, 1, 1, 3, 5, 6], "interventie": ["X0", "X0", "X1", "X1", "X0", "X1"]})
    k = kubus.bouw(clienten, trajecten, ot.Drempels(drempel=1, min_noemer=1), ZONDER)
    verwacht = {}
    sets = {c: set(trajecten.loc[trajecten["client_id"] == c, "interventie"]) or {ZONDER} for c in clienten["client_id"]}
    for _, c in clienten.iterrows():
        geos = [(), (c["gemeente"],)] + ([(c["gemeente"], c["wijk"])] if pd.notna(c["wijk"]) else [])
        kolommen = [(), ("groep", c["groep"])] + [("interventie", i) for i in sets[c["client_id"]]]
        for geo in geos:
            for kolom in kolommen:
                verwacht[kubus.Knoop(geo, kolom)] = verwacht.get(kubus.Knoop(geo, kolom), 0) + 1
    assert dict(zip(k.knopen, k.waarden, strict=True)) == verwacht
    assert k.cel(("A", "a2"), ("interventie", "X0")) == (0.0, ot.ZICHTBAAR)  # nobody there: an honest 0


def test_blootgesteld_noemt_elk_terug_te_rekenen_aantal():
    """Without secondary suppression a reader works several small counts out of KETEN: the
    lattice's own audit names each of them, as the independent attacker does."""
    clienten, trajecten = _wereld(KETEN)
    k = kubus.bouw(clienten, trajecten, ot.STANDAARD, ZONDER)
    k.masker = np.where(k.masker == ot.SECUNDAIR, ot.ZICHTBAAR, k.masker)
    onafhankelijk = {knoop for knoop, _ in _bepaald(_aanval(_fijn(clienten, trajecten), k, 5))}
    assert len(onafhankelijk) >= 2 and set(k.blootgesteld()) == onafhankelijk
    eerste = kubus._bepaald(k.lidmaatschap, k.waarden, k.masker, k.drempels, eerste=True)
    assert len(eerste) == 1 and k.knopen[eerste[0]] in onafhankelijk


def test_bouwen_schrijft_niets_naar_de_uitvoer(capfd):
    clienten, trajecten = _wereld(KETEN)
    kubus.bouw(clienten, trajecten, ot.STANDAARD, ZONDER)
    assert capfd.readouterr() == ("", "")


# --- hiding no more than needed ------------------------------------------------------------------

# one small count in a wijk × intervention table (one gemeente, two wijken): '< 5' with three
# more counts as '×' (the 2 × 2 square around it) is the least that protects it; a brute-force
# search over every set of up to three more hidden counts (test_minimum_is_het_minimum) finds
# no cheaper way. Two gemeenten: the same square in each, the region's counts stay visible.
VIERKANT = {
    ("A", "a1", "interventie", frozenset({"X0"})): 2, ("A", "a1", "interventie", frozenset({"X1"})): 8,
    ("A", "a2", "interventie", frozenset({"X0"})): 6, ("A", "a2", "interventie", frozenset({"X1"})): 9,
}  # fmt: skip
TWEE_VIERKANTEN = {**VIERKANT, **{("B", "b" + k[1][1:], *k[2:]): v + 10 for k, v in VIERKANT.items()},
                   ("B", "b1", "interventie", frozenset({"X0"})): 3}
MINIMUM = {"vierkant": 4, "twee-vierkanten": 8}


@pytest.mark.parametrize("aantallen", [VIERKANT, TWEE_VIERKANTEN], ids=["vierkant", "twee-vierkanten"])
def test_verbergt_niet_meer_dan_nodig(aantallen, request):
    k = _controleer(aantallen)
    assert (k.masker != ot.ZICHTBAAR).sum() == MINIMUM[request.node.callspec.id]
    assert k.cel((), ())[1] == ot.ZICHTBAAR and k.cel(("A",), ())[1] == ot.ZICHTBAAR


@pytest.mark.traag
def test_minimum_is_het_minimum():
    """VIERKANT's minimum, by brute force with the independent attacker: no set of at most two
    more hidden counts protects the small one; some set of three does."""
    from dataclasses import replace
    from itertools import combinations

    clienten, trajecten = _wereld(VIERKANT)
    k = kubus.bouw(clienten, trajecten, ot.STANDAARD, ZONDER)
    fijn = _fijn(clienten, trajecten)
    primair = np.where(k.masker == ot.PRIMAIR, ot.PRIMAIR, ot.ZICHTBAAR)
    veilig = {}
    for extra in range(4):
        for keuze in combinations(np.flatnonzero(primair == ot.ZICHTBAAR), extra):
            masker = primair.copy()
            masker[list(keuze)] = ot.SECUNDAIR
            if not _bepaald(_aanval(fijn, replace(k, masker=masker), 5)):
                veilig[extra] = keuze
                break
        if veilig:
            break
    assert list(veilig) == [MINIMUM["vierkant"] - 1]


# --- the vroegsignalering funnel: signals by step, gemeente, period and kind --------------------

STAPPEN = ("signalen", "contact", "hulp", "opgelost")


def _signalen(aantallen: dict[tuple, int]) -> pd.DataFrame:
    """One row per signal from counts per (gemeente, periode, soort, last step reached)."""
    rijen = []
    for (gemeente, periode, soort, diepte), n in aantallen.items():
        for _ in range(n):
            rijen.append({"gemeente": gemeente, "periode": periode, "achterstand": soort,
                          **{stap: i <= diepte for i, stap in enumerate(STAPPEN)}})
    return pd.DataFrame(rijen)


def _trechter_aanval(signalen: pd.DataFrame, losse: dict, k: kubus.Kubus) -> list:
    """The independent attacker on the funnel: a published step count is the number of signals
    of its gemeente (or all), period and kind that reached the step; a 'losse' count is its own
    cell."""
    fijn = signalen.assign(diepte=signalen[list(STAPPEN[1:])].sum(axis=1)).groupby(
        ["gemeente", "periode", "achterstand", "diepte"]).size().rename("n").reset_index()
    extra = [kolom for kolom, n in losse.items() if n > 0]
    n = np.concatenate([fijn["n"].to_numpy(dtype=float), [float(losse[kolom]) for kolom in extra]])

    def lid(knoop: kubus.Knoop) -> np.ndarray:
        if knoop.kolom in extra:
            return (np.arange(len(n)) == len(fijn) + extra.index(knoop.kolom)).astype(float)
        _, stap, *rest = knoop.kolom
        m = (fijn["diepte"] >= STAPPEN.index(stap)).to_numpy().copy()
        if knoop.geo:
            m &= (fijn["gemeente"] == knoop.geo[0]).to_numpy()
        if len(rest) == 1:
            m &= (fijn["periode"] == rest[0]).to_numpy()
        elif len(rest) == 2:
            m &= (fijn["achterstand"] == rest[1]).to_numpy()
        return np.concatenate([m, np.zeros(len(extra), dtype=bool)]).astype(float)

    for knoop, echt in zip(k.knopen, k.waarden, strict=True):
        assert lid(knoop) @ n == echt, knoop  # the lattice counts what the data hold
    return _aanval_met(lid, k)


# a funnel with small steps that follow from larger ones minus others: gemeente B has 2 signals
# that got help (region minus A), water arrears only 3 (all steps minus the other kinds)
TRECHTER_WERELD = {
    ("A", "2024-01", "huur", 0): 6, ("A", "2024-01", "huur", 2): 9, ("A", "2024-01", "energie", 3): 7,
    ("A", "2024-02", "huur", 1): 9, ("A", "2024-02", "energie", 3): 8, ("B", "2024-01", "huur", 3): 2,
    ("B", "2024-02", "energie", 1): 6, ("B", "2024-02", "huur", 0): 10, ("A", "2024-02", "water", 1): 3,
}  # fmt: skip
LOSSE = {("vervolg", "hulp"): 12, ("vervolg", "geen"): 3}


def test_trechter_geen_klein_aantal_terug_te_rekenen():
    signalen = _signalen(TRECHTER_WERELD)
    k = kubus.bouw_trechter(signalen, STAPPEN, ot.STANDAARD, LOSSE, soort="achterstand")
    assert (k.masker == ot.PRIMAIR).sum() >= 3
    assert not _bepaald(_trechter_aanval(signalen, LOSSE, k))
    assert k.cel((), ("vervolg", "geen"))[1] == ot.PRIMAIR and k.cel((), ("vervolg", "hulp"))[0] == 12
    assert k.cel((), ("vervolg", "niemand")) == (0.0, ot.ZICHTBAAR)


# --- which counts are hidden, exactly ------------------------------------------------------------

def _verborgen(k: kubus.Kubus) -> tuple[str, ...]:
    uit = []
    for knoop, reden in zip(k.knopen, k.masker, strict=True):
        if reden != ot.ZICHTBAAR:
            geo, kolom = "/".join(knoop.geo) or "regio", "=".join(knoop.kolom) or "alle"
            uit.append(f"{geo} {kolom} {'<5' if reden == ot.PRIMAIR else 'x'}")
    return tuple(sorted(uit))


# The hidden counts of each hand-made world as the lattice chose them when this was written
# (each checked safe by the attacker above). A change of the choice is a change of what a
# municipality may publish: this test makes it a deliberate one (update these lines with it).
VERBORGEN_PRECIES = {
    "keten": (
        "A groep=interventie x", "A groep=vergelijking x", "A interventie=X0 x", "A interventie=X1 x",
        "A interventie=geen traject x", "A/a1 groep=interventie x", "A/a1 groep=vergelijking x",
        "A/a1 interventie=X0 <5", "A/a1 interventie=X1 x", "A/a1 interventie=geen traject x",
        "A/a2 interventie=X0 x", "A/a2 interventie=X1 x", "B groep=interventie x", "B groep=vergelijking x",
        "B interventie=X0 x", "B interventie=X1 x", "B interventie=geen traject x", "B/b1 alle x",
        "B/b1 groep=interventie x", "B/b1 interventie=X0 x", "B/b1 interventie=X1 <5", "B/b2 alle x",
        "B/b2 groep=interventie x", "B/b2 groep=vergelijking x", "B/b2 interventie=X1 x",
        "B/b2 interventie=geen traject x",
    ),
    "rij-van-enen": (
        "A/a1 alle x", "A/a1 groep=interventie <5", "A/a1 groep=vergelijking <5", "A/a1 interventie=X0 <5",
        "A/a1 interventie=X1 <5", "A/a1 interventie=X2 <5", "A/a1 interventie=geen traject <5",
        "A/a2 alle x", "A/a2 groep=interventie x", "A/a2 groep=vergelijking x", "A/a2 interventie=X0 x",
        "A/a2 interventie=X1 x", "A/a2 interventie=X2 x", "A/a2 interventie=geen traject x",
    ),
    "dubbel": (
        "A groep=interventie x", "A groep=vergelijking x", "A interventie=X0 x",
        "A interventie=geen traject x", "A/a2 groep=interventie x", "A/a2 groep=vergelijking x",
        "A/a2 interventie=X0 x", "A/a2 interventie=geen traject x", "B groep=interventie x",
        "B groep=vergelijking <5", "B interventie=X0 x", "B interventie=geen traject <5",
        "B/b1 groep=interventie x", "B/b1 groep=vergelijking <5", "B/b1 interventie=X0 x",
        "B/b1 interventie=geen traject <5", "regio groep=interventie x", "regio groep=vergelijking x",
        "regio interventie=geen traject x",
    ),
    "vierkant": (
        "A/a1 interventie=X0 <5", "A/a1 interventie=X1 x", "A/a2 interventie=X0 x", "A/a2 interventie=X1 x",
    ),
    "twee-vierkanten": (
        "A/a1 interventie=X0 <5", "A/a1 interventie=X1 x", "A/a2 interventie=X0 x", "A/a2 interventie=X1 x",
        "B/b1 interventie=X0 <5", "B/b1 interventie=X1 x", "B/b2 interventie=X0 x", "B/b2 interventie=X1 x",
    ),
    "trechter": (
        "A trechter=hulp x", "A trechter=opgelost x", "B trechter=hulp <5", "B trechter=opgelost <5",
        "regio trechter=contact=achterstand=energie x", "regio trechter=contact=achterstand=huur x",
        "regio trechter=contact=achterstand=water <5", "regio trechter=hulp=2024-01 x",
        "regio trechter=hulp=2024-02 x", "regio trechter=hulp=achterstand=energie x",
        "regio trechter=hulp=achterstand=huur x", "regio trechter=opgelost=2024-01 x",
        "regio trechter=opgelost=2024-02 x", "regio trechter=opgelost=achterstand=energie x",
        "regio trechter=opgelost=achterstand=huur <5", "regio trechter=signalen=achterstand=energie x",
        "regio trechter=signalen=achterstand=water <5", "regio vervolg=geen <5",
    ),
}  # fmt: skip


@pytest.mark.parametrize("naam", sorted(VERBORGEN_PRECIES))
def test_precies_deze_aantallen_verborgen(naam):
    if naam == "trechter":
        k = kubus.bouw_trechter(_signalen(TRECHTER_WERELD), STAPPEN, ot.STANDAARD, LOSSE, soort="achterstand")
    else:
        wereld = {"keten": KETEN, "rij-van-enen": RIJ_VAN_ENEN, "dubbel": DUBBEL, "vierkant": VIERKANT,
                  "twee-vierkanten": TWEE_VIERKANTEN}[naam]  # fmt: skip
        k = kubus.bouw(*_wereld(wereld), ot.STANDAARD, ZONDER)
    assert _verborgen(k) == VERBORGEN_PRECIES[naam]


# 50 seeded random worlds like werelden() above: how many counts secondary suppression hid in
# all of them together when this was written (fewer is better; elsewhere, 150 such worlds went
# from 2.354 to 2.216 when a hidden count first had to open the exposed one on its own)
SECUNDAIR_IN_50 = 741  # 762 before an unrelated '< 5' could be the one shown as '×', 748 before
# the count of everyone stopped relating every count to every other


def _willekeurige_wereld(rng: np.random.Generator, gemeenten: dict = WIJKEN) -> dict[tuple, int]:
    """Per wijk and column: nobody (2 in 5), a small count (2 in 5) or 5 to 30 (1 in 5)."""
    wereld = {}
    for gemeente, wijken in gemeenten.items():
        for wijk in wijken:
            for groep, interventies in [*(("interventie", s) for s in SETS), ("vergelijking", frozenset({ZONDER}))]:
                soort = rng.integers(5)
                n = 0 if soort < 2 else int(rng.integers(1, 5)) if soort < 4 else int(rng.integers(5, 31))
                if n:
                    wereld[(gemeente, wijk, groep, interventies)] = n
    return wereld


def test_verbergt_in_willekeurige_werelden_niet_meer_dan_toen():
    rng = np.random.default_rng(20261202)
    totaal = 0
    for _ in range(50):
        k = _controleer(_willekeurige_wereld(rng))
        totaal += int((k.masker == ot.SECUNDAIR).sum())
    assert totaal <= SECUNDAIR_IN_50


def test_een_klein_aantal_elders_kan_het_kruisje_zijn():
    """19 small counts in two gemeenten: a small count given away by a chain is opened by
    showing another '< 5' as '×', also one that is not in its row or its column's sibling: 32
    counts hidden, 38 when only related small counts were tried."""
    k = _controleer(_willekeurige_wereld(np.random.default_rng(194738957)))
    assert (k.masker == ot.PRIMAIR).sum() == 19 and (k.masker != ot.ZICHTBAAR).sum() <= 32


def test_verwante_aantallen_eerst_in_drie_gemeenten():
    """Which counts a reader differences first decides which are tried first as '×': the same
    column in a sibling wijk, in the wijk's own gemeente, in the gemeente's wijken (not in
    another gemeente: over 89 such worlds that hid 4.072 counts against 4.055). In this world
    of three gemeenten, counting siblings more widely, any parent or child, or any geography one
    level up or down (not only one's own) hide 55 counts or more instead of 54."""
    k = _controleer(_willekeurige_wereld(np.random.default_rng(1025), {**WIJKEN, "C": ("c1", "c2", "c3", "c4")}))
    assert (k.masker != ot.ZICHTBAAR).sum() <= 54


def test_de_telling_van_iedereen_verbindt_geen_aantallen():
    """The count of all clients holds everybody, so it shares clients with every count: taken
    as a link between counts, any count anywhere could be hidden for a small one. Not taken,
    this world of three gemeenten hides 43 counts instead of 52."""
    wereld = _willekeurige_wereld(np.random.default_rng(1), {**WIJKEN, "C": ("c1", "c2", "c3")})
    k = _controleer(wereld)
    assert (k.masker == ot.PRIMAIR).sum() == 14 and (k.masker != ot.ZICHTBAAR).sum() <= 43


def test_van_twee_even_grote_aantallen_gaat_dat_van_de_wijk_eerst():
    """Of two related counts of the same size, the one of the smaller area is hidden: a wijk's
    count is read by fewer readers than its gemeente's. In this world the other order hides 32
    counts instead of 31 (over 150 such worlds the order made a difference in two, one each way:
    this pins the choice, so changing it is deliberate)."""
    k = _controleer(_willekeurige_wereld(np.random.default_rng(98)))
    assert (k.masker != ot.ZICHTBAAR).sum() <= 31


@pytest.mark.parametrize("zaad, hoogstens", [(16, 32), (28, 46)])
def test_een_gedeelde_client_maakt_aantallen_verwant_in_drie_gemeenten(zaad, hoogstens):
    """Two heuristics of the choice, pinned where they matter most. Seed 16: the wijk's count
    before its gemeente's (the other order hides 44 instead of 32). Seed 28: a count is a
    candidate when it shares at least one client with a count holding this one's (asking for
    more than one link hides 51 instead of 46; over 89 such worlds the stricter reading hid
    7 fewer in four worlds and 6 more in two: no reason to change)."""
    k = _controleer(_willekeurige_wereld(np.random.default_rng(zaad), {**WIJKEN, "C": ("c1", "c2", "c3")}))
    assert (k.masker != ot.ZICHTBAAR).sum() <= hoogstens


def _willekeurige_trechter(rng: np.random.Generator) -> tuple[dict[tuple, int], dict[tuple, int]]:
    """Signals per (gemeente, periode, soort, last step): nobody (1 in 2), small (1 in 3) or 5
    to 14; and three 'vervolg' counts of clients beside the funnel."""
    wereld = {}
    for sleutel in product(("A", "B"), ("2024-01", "2024-02"), ("huur", "energie", "water"), range(4)):
        soort = rng.integers(6)
        n = 0 if soort < 3 else int(rng.integers(1, 5)) if soort < 5 else int(rng.integers(5, 15))
        if n:
            wereld[sleutel] = n
    losse = {("vervolg", "hulp"): int(rng.integers(0, 20)), ("vervolg", "geen"): int(rng.integers(0, 20)),
             ("vervolg", "zelf"): int(rng.integers(0, 8))}
    return wereld, losse


def test_een_aantal_van_andere_mensen_beschermt_de_trechter_niet():
    """The 'vervolg' counts beside the funnel count clients, not signals: hiding one tells a
    reader nothing more or less about a small funnel count. Tried as candidates all the same,
    this funnel hides 14 counts instead of 12."""
    wereld, losse = _willekeurige_trechter(np.random.default_rng(15))
    signalen = _signalen(wereld)
    k = kubus.bouw_trechter(signalen, STAPPEN, ot.STANDAARD, losse, soort="achterstand")
    assert not _bepaald(_trechter_aanval(signalen, losse, k))
    assert (k.masker != ot.ZICHTBAAR).sum() <= 12


# --- rounding to fives: the reader knows each count only to the counts that round to it ---------

def _afgerond(echt: float) -> float:
    """The rounding rule as the README states it (CBS practice): the nearest multiple of five,
    halves up, 1 and 2 shown as 5 so that 0 always means nobody."""
    return 0.0 if echt == 0 else max(5.0, 5.0 * np.floor(echt / 5 + 0.5))


def _interval_afgerond(getoond: float) -> tuple[float, float]:
    """What a reader who knows that rule concludes from a shown count: 0 is nobody, 5 is 1 to
    7, any other multiple m is m - 2 to m + 2."""
    if getoond == 0:
        return 0.0, 0.0
    return (1.0 if getoond == 5 else getoond - 2.0), getoond + 2.0


def _aanval_afgerond(fijn: pd.DataFrame, k: kubus.Kubus) -> list[tuple[kubus.Knoop, float, float]]:
    """(cell, smallest, largest) for every small count (1 to 4, from the data), shown or '×':
    every shown count bounds its cells by its interval, '×' says nothing."""
    a_ub, b_ub = [], []
    for knoop in k.knopen:
        waarde, reden = k.cel(knoop.geo, knoop.kolom)
        if reden == ot.ZICHTBAAR:
            laag, hoog = _interval_afgerond(waarde)
            a_ub += [_lid(fijn, knoop), -_lid(fijn, knoop)]
            b_ub += [hoog, -laag]
    uit = []
    for knoop in k.knopen:
        doel = _lid(fijn, knoop)
        if 0 < doel @ fijn["n"].to_numpy() < 5:
            laag = linprog(doel, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
            hoog = linprog(-doel, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
            assert laag.status == 0 and hoog.status in (0, 3), (laag.message, hoog.message)
            uit.append((knoop, laag.fun, np.inf if hoog.status == 3 else -hoog.fun))
    return uit


def _vastgelegd_afgerond(aanval) -> list:
    """The counts whose interval holds one whole number only."""
    return [knoop for knoop, laag, hoog in aanval if np.floor(hoog + 1e-6) <= np.ceil(laag - 1e-6)]


AFGEROND = ot.Drempels(afronden=5)


def _controleer_afgerond(aantallen: dict[tuple, int]) -> kubus.Kubus:
    clienten, trajecten = _wereld(aantallen)
    k = kubus.bouw(clienten, trajecten, AFGEROND, ZONDER)
    fijn = _fijn(clienten, trajecten)
    for knoop in k.knopen:
        waarde, reden = k.cel(knoop.geo, knoop.kolom)
        echt = float(_lid(fijn, knoop) @ fijn["n"].to_numpy())
        assert reden in (ot.ZICHTBAAR, ot.SECUNDAIR), knoop  # nothing is '< 5' when counts are rounded
        if reden == ot.ZICHTBAAR:
            assert waarde == _afgerond(echt), knoop
        else:
            assert np.isnan(waarde), knoop
    assert not _vastgelegd_afgerond(_aanval_afgerond(fijn, k))
    assert not k.blootgesteld()
    return k


# seven wijken of one client each in a gemeente of 7 (shown as 5: 1 to 7): each wijk is at
# least 1 and together at most 7, so every one of them is exactly 1, in each of its columns
ZEVEN_ENEN = {
    **{("C", f"c{i}", "interventie", frozenset({"X0"})): 1 for i in range(1, 8)},
    ("A", "a1", "interventie", frozenset({"X0"})): 20, ("A", "a2", "vergelijking", frozenset({ZONDER})): 14,
}  # fmt: skip


def test_afgerond_lekt_zonder_bescherming():
    """The attack has teeth: rounded but unprotected, ZEVEN_ENEN gives every wijk of C away."""
    clienten, trajecten = _wereld(ZEVEN_ENEN)
    k = kubus.bouw(clienten, trajecten, AFGEROND, ZONDER)
    k.masker = np.full(len(k.knopen), ot.ZICHTBAAR)
    bloot = _vastgelegd_afgerond(_aanval_afgerond(_fijn(clienten, trajecten), k))
    assert len(bloot) == 21 and set(k.blootgesteld()) == set(bloot)  # 7 wijken × 3 columns


def test_afgerond_geen_klein_aantal_terug_te_rekenen():
    """One wijk's counts as '×' are enough (it is then 0 or 1); a count shown as '×' that the
    others still pin down (the same clients in another column) takes that column with it."""
    k = _controleer_afgerond(ZEVEN_ENEN)
    assert _verborgen(k) == ("C/c1 alle x", "C/c1 groep=interventie x", "C/c1 interventie=X0 x")
    assert k.cel(("C",), ()) == (5.0, ot.ZICHTBAAR) and k.cel((), ()) == (40.0, ot.ZICHTBAAR)


@seed(20261203)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(werelden())
def test_afgerond_geen_klein_aantal_terug_te_rekenen_in_kleine_werelden(aantallen):
    _controleer_afgerond(aantallen)
