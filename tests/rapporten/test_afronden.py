"""Rounding to fives (CBS practice) as the alternative to suppression.

The expected values are worked out by hand; the reader is attacked with a linear programme
written here, from the published numbers and the rounding rule as the legend states it
(0 is nobody, 5 is 1 to 7, any other r is r - 2 to r + 2), not with the code under test.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from html import unescape
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from scipy.optimize import linprog

from impact.errors import UserInputError
from rapporten import kubus
from rapporten import onthulling as ot

AF = ot.Drempels(afronden=5)


def hand_afgerond(n: int) -> int:
    """The rule as the report states it, written out: nearest five, somebody is never 0."""
    if n == 0:
        return 0
    return max(5, 5 * ((n + 2) // 5))


def hand_interval(r: float) -> tuple[float, float]:
    return {0: (0.0, 0.0), 5: (1.0, 7.0)}.get(int(r), (r - 2.0, r + 2.0))


# --- the rule ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "getoond"),
    [(0, 0), (1, 5), (2, 5), (3, 5), (7, 5), (8, 10), (12, 10), (13, 15), (17, 15), (18, 20), (22, 20), (23, 25),
     (1234, 1235), (1232, 1230)],
)
def test_rounding_rule_by_hand(n, getoond):
    assert ot.afgerond(n, AF) == getoond
    assert hand_afgerond(n) == getoond


def test_rounding_keeps_the_shape_and_the_gaps():
    reeks = pd.Series([0, 1, 19, np.nan], index=list("abcd"))
    uit = ot.afgerond(reeks, AF)
    assert list(uit.index) == list("abcd")
    assert uit.iloc[:3].tolist() == [0, 5, 20] and np.isnan(uit.iloc[3])
    tabel = ot.afgerond(pd.DataFrame({"x": [4, 11], "y": [0, 26]}), AF)
    assert tabel.to_dict("list") == {"x": [5.0, 10.0], "y": [0.0, 25.0]}
    assert ot.afgerond(19, ot.STANDAARD) == 19  # without rounding: the count itself
    rij = ot.afgerond(np.array([0, 1, 12, 13]), AF)
    assert isinstance(rij, np.ndarray) and rij.tolist() == [0, 5, 10, 15]
    assert type(ot.afgerond(7, AF)) is float  # a single count stays a single number


@pytest.mark.parametrize(("getoond", "interval"), [(0, (0, 0)), (5, (1, 7)), (10, (8, 12)), (15, (13, 17)), (40, (38, 42))])
def test_what_a_reader_concludes_from_a_rounded_count(getoond, interval):
    assert ot.afrondingsinterval(getoond, AF) == interval
    assert ot.afrondingsinterval(getoond, AF) == hand_interval(getoond)


def test_only_fives_can_be_chosen():
    for fout in (3, 10, -5, 1):
        with pytest.raises(UserInputError, match="afronden: 5 verwacht"):
            ot.Drempels(afronden=fout)
    assert ot.Drempels().afronden == 0  # the default stays suppression


# --- shares --------------------------------------------------------------------------------


def _wat_past(gepubliceerd, n_getoond: int) -> set[tuple[int, int]]:
    """Every true (numerator, n) a reader cannot rule out: n rounds to what is shown and the
    share, as a whole percent, is what is shown."""
    uit = set()
    for n in range(max(1, n_getoond - 2), n_getoond + 3):
        for a in range(n + 1):
            if hand_afgerond(n) == n_getoond and gepubliceerd(a, n) == gepubliceerd(7, 19):
                uit.add((a, n))
    return uit


def test_a_share_over_rounded_counts_gives_no_exact_count_back():
    """'37 % of 20': the true share 7/19 next to n = 20 gives 19 and 7 back; over the
    rounded counts (5 of 20 = 25 %) a reader is left with many pairs."""
    waar = _wat_past(lambda a, n: round(100 * a / n), 20)
    assert waar == {(7, 19)}  # the leak the rule is there for
    afgerond = _wat_past(lambda a, n: round(100 * ot.aandeel(a, n, AF)), 20)
    assert (7, 19) in afgerond
    assert len({n for _, n in afgerond}) > 1 and len({a for a, _ in afgerond}) > 1
    assert ot.aandeel(7, 19, AF) == 5 / 20
    assert ot.aandeel(7, 19, ot.STANDAARD) == 7 / 19
    # a model's share (an adjusted proportion) is published as it is without rounding; with
    # rounding it would give the counts back, so the rounded counts decide
    assert ot.aandeel(7, 19, ot.STANDAARD, berekend=0.4) == 0.4
    assert ot.aandeel(7, 19, AF, berekend=0.4) == 5 / 20


def test_shares_table_uses_rounded_counts_and_the_true_minimum_denominator():
    tellers = pd.DataFrame({"ja": [7.0, 3.0]}, index=["A", "B"])
    masker = pd.DataFrame({"ja": [ot.ZICHTBAAR, ot.ZICHTBAAR]}, index=["A", "B"])
    aandeel, m = ot.aandelen(tellers, masker, pd.Series({"A": 19, "B": 9}), AF)
    assert aandeel.at["A", "ja"] == 0.25
    assert m.at["B", "ja"] == ot.NOEMER  # 9 people, shown as 10: still fewer than 10


def test_per_group_rounds_n_and_hides_means_over_fewer_than_ten_people():
    tabel = pd.DataFrame({"groep": ["a", "b", "c"], "n": [3, 9, 19], "gemiddelde": [2.0, 3.0, 4.0]})
    waarden, masker = ot.per_groep(tabel, "n", ["gemiddelde"], AF)
    assert waarden["n"].tolist() == [5, 10, 20]
    assert (masker["n"] == ot.ZICHTBAAR).all()  # nothing is '< 5' when counts are rounded
    assert masker["gemiddelde"].tolist() == [ot.NOEMER, ot.NOEMER, ot.ZICHTBAAR]


# --- the audit on one table ----------------------------------------------------------------


def _lezer_lp(waarden: np.ndarray, masker: np.ndarray, cel: tuple[int, int]) -> tuple[float, float]:
    """The attacker: unknowns are all cells of the table (totals included), equations are the
    row and column sums, a visible cell lies in the interval of what is shown, '×' is >= 0."""
    rijen, kolommen = waarden.shape
    a_eq = []
    for r in range(rijen):
        a = np.zeros((rijen, kolommen))
        a[r, :-1], a[r, -1] = 1, -1
        a_eq.append(a.ravel())
    for k in range(kolommen):
        a = np.zeros((rijen, kolommen))
        a[:-1, k], a[-1, k] = 1, -1
        a_eq.append(a.ravel())
    grenzen = [hand_interval(w) if m == ot.ZICHTBAAR else (0, None) for w, m in zip(waarden.ravel(), masker.ravel(), strict=True)]
    doel = np.zeros(waarden.size)
    doel[cel[0] * kolommen + cel[1]] = 1
    laag = linprog(doel, A_eq=np.array(a_eq), b_eq=np.zeros(len(a_eq)), bounds=grenzen, method="highs")
    hoog = linprog(-doel, A_eq=np.array(a_eq), b_eq=np.zeros(len(a_eq)), bounds=grenzen, method="highs")
    assert laag.status == 0 and hoog.status == 0
    return laag.fun, -hoog.fun


def _kleine_vastgelegd(aantallen: pd.DataFrame, waarden: pd.DataFrame, masker: pd.DataFrame) -> list:
    """The small true counts the attacker pins down from this published table."""
    volledig = aantallen.copy()
    volledig["Totaal"] = volledig.sum(axis=1)
    volledig.loc["Totaal"] = volledig.sum(axis=0)
    getoond = np.where(masker.to_numpy() == ot.ZICHTBAAR, waarden.to_numpy(), np.nan)
    uit = []
    for (r, k), waar in np.ndenumerate(volledig.to_numpy()):
        if 0 < waar < 5:
            laag, hoog = _lezer_lp(getoond, masker.to_numpy(), (r, k))
            if hoog - laag < 0.5:
                uit.append((volledig.index[r], volledig.columns[k], waar))
    return uit


LEK = pd.DataFrame({"a": [8], "b": [8], "c": [1]}, index=["A"])  # total 17
GEEN_LEK = pd.DataFrame({"a": [8], "b": [9], "c": [1]}, index=["A"])  # total 18
ZEVEN_EEN = pd.DataFrame({f"x{i}": [1] for i in range(7)}, index=["A"])  # total 7
ZES_EEN = pd.DataFrame({f"x{i}": [1] for i in range(6)}, index=["A"])  # total 6


def _alles_getoond(aantallen):
    volledig = aantallen.copy().astype(float)
    volledig["Totaal"] = volledig.sum(axis=1)
    volledig.loc["Totaal"] = volledig.sum(axis=0)
    return volledig.map(hand_afgerond), pd.DataFrame(ot.ZICHTBAAR, index=volledig.index, columns=volledig.columns)


def test_rounding_alone_leaks_when_a_total_and_its_parts_pin_a_small_cell():
    """17 = 8 + 8 + 1 is shown as 15, 10, 10, 5: c <= 17 - 8 - 8 = 1 and c >= 1, so c = 1.
    Seven ones under a total of 7 (shown as 5: at most 7) are each exactly 1."""
    for aantallen, kleine in ((LEK, 2), (ZEVEN_EEN, 14)):
        getoond, masker = _alles_getoond(aantallen)
        assert len(_kleine_vastgelegd(aantallen, getoond, masker)) == kleine  # each cell and its column total


def test_the_audit_hides_what_rounding_alone_would_give_away():
    for aantallen in (LEK, ZEVEN_EEN):
        waarden, masker = ot.kruistabel(aantallen, AF)
        assert (masker.to_numpy() == ot.SECUNDAIR).any()
        assert not (masker.to_numpy() == ot.PRIMAIR).any()
        assert _kleine_vastgelegd(aantallen, waarden, masker) == []
        zichtbaar = waarden.to_numpy()[masker.to_numpy() == ot.ZICHTBAAR]
        assert all(w % 5 == 0 for w in zichtbaar)
    waarden, masker = ot.kruistabel(LEK, AF)
    assert masker.at["A", "c"] == ot.SECUNDAIR  # the small count itself goes, its parts stay
    assert waarden.at["A", "a"] == 10 and waarden.at["Totaal", "Totaal"] == 15


def test_the_audit_hides_nothing_where_rounding_is_enough():
    """18 = 8 + 9 + 1 shown as 20, 10, 10, 5: c <= 22 - 16 = 6, open. Six ones under 6: each
    at most 7 - 5 = 2, open."""
    for aantallen in (GEEN_LEK, ZES_EEN):
        waarden, masker = ot.kruistabel(aantallen, AF)
        assert (masker.to_numpy() == ot.ZICHTBAAR).all()
        assert _kleine_vastgelegd(aantallen, waarden, masker) == []
        getoond, _ = _alles_getoond(aantallen)
        assert (waarden.to_numpy() == getoond.to_numpy()).all()  # totals rounded themselves
    waarden, _ = ot.kruistabel(GEEN_LEK, AF)
    assert waarden.loc["A", ["a", "b", "c"]].sum() == 25 != waarden.at["A", "Totaal"] == 20


def test_a_count_table_under_rounding_has_no_small_count_suppressed():
    aantallen = pd.DataFrame({"x": [3, 12, 20], "y": [10, 8, 15]}, index=["A", "B", "C"])
    waarden, masker = ot.kruistabel(aantallen, AF)
    assert not (masker.to_numpy() == ot.PRIMAIR).any()
    assert waarden.at["A", "x"] == 5 and waarden.at["A", "Totaal"] == 15 and waarden.at["Totaal", "Totaal"] == 70
    assert _kleine_vastgelegd(aantallen, waarden, masker) == []


# --- the audit over the publication lattice ------------------------------------------------


def _wereld(per_wijk: dict[str, int]):
    rijen = [(f"{w}{i}", "Gem", w) for w, n in per_wijk.items() for i in range(n)]
    clienten = pd.DataFrame(rijen, columns=["client_id", "gemeente", "wijk"]).assign(groep="interventie")
    trajecten = pd.DataFrame({"client_id": clienten["client_id"], "interventie": "Hulp"})
    return clienten, trajecten


def _wijk_lp(k: kubus.Kubus, wijken: list[str], doel_wijk: str) -> tuple[float, float]:
    """The attacker on the lattice written out: per wijk one unknown; each wijk cell, the
    gemeente and the region are sums of them (every client is in 'Hulp' and in one group, so
    those columns repeat the same numbers)."""
    grenzen, a_ub, b_ub = [(0, None)] * len(wijken), [], []
    cellen = [(("Gem", w), [w]) for w in wijken] + [(("Gem",), wijken), (kubus.ALLES, wijken)]
    for kolom in (kubus.ALLES, ("interventie", "Hulp"), ("groep", "interventie")):
        for geo, leden in cellen:
            waarde, reden = k.cel(geo, kolom)
            if reden != ot.ZICHTBAAR:
                continue
            laag, hoog = hand_interval(waarde)
            rij = np.array([1.0 if w in leden else 0.0 for w in wijken])
            a_ub += [rij, -rij]
            b_ub += [hoog, -laag]
    doel = np.array([1.0 if w == doel_wijk else 0.0 for w in wijken])
    laag = linprog(doel, A_ub=np.array(a_ub), b_ub=b_ub, bounds=grenzen, method="highs")
    hoog = linprog(-doel, A_ub=np.array(a_ub), b_ub=b_ub, bounds=grenzen, method="highs")
    return laag.fun, -hoog.fun


def test_lattice_hides_a_wijk_that_the_rounded_gemeente_pins_down():
    per_wijk = {"Noord": 8, "Oost": 8, "Zuid": 1}  # gemeente 17, shown as 15
    clienten, trajecten = _wereld(per_wijk)
    k = kubus.bouw(clienten, trajecten, AF, "geen")
    assert k.cel(("Gem",), kubus.ALLES) == (15.0, ot.ZICHTBAAR)
    assert k.cel(("Gem", "Noord"), kubus.ALLES) == (10.0, ot.ZICHTBAAR)
    waarde, reden = k.cel(("Gem", "Zuid"), kubus.ALLES)
    assert reden == ot.SECUNDAIR and np.isnan(waarde)
    assert k.blootgesteld() == []
    laag, hoog = _wijk_lp(k, list(per_wijk), "Zuid")
    assert hoog - laag >= 0.5, (laag, hoog)


def test_lattice_shows_every_count_rounded_where_that_is_enough():
    per_wijk = {"Noord": 8, "Oost": 9, "Zuid": 1}  # gemeente 18, shown as 20
    clienten, trajecten = _wereld(per_wijk)
    k = kubus.bouw(clienten, trajecten, AF, "geen")
    assert (k.masker == ot.ZICHTBAAR).all()
    assert k.cel(("Gem", "Zuid"), kubus.ALLES) == (5.0, ot.ZICHTBAAR)
    assert k.cel(("Gem",), ("interventie", "Hulp")) == (20.0, ot.ZICHTBAAR)
    laag, hoog = _wijk_lp(k, list(per_wijk), "Zuid")
    assert (laag, hoog) == (1.0, 6.0)


# --- a whole publication -------------------------------------------------------------------


@pytest.fixture(scope="module")
def afgerond_map(wereld, tmp_path_factory) -> Path:
    import rapporten

    uit = tmp_path_factory.mktemp("afgerond")
    rapporten.alle_rapporten(wereld, uit, xlsx=True, drempels=AF)
    return uit


def _tabellen(html: str) -> list[tuple[str, list[str], list[list[tuple[str, str]]]]]:
    """(caption, header classes, rows of (class, text)) of every table in the HTML."""
    uit = []
    for tabel in re.findall(r"<table\b.*?</table>", html, flags=re.S):
        titel = unescape(re.sub(r"<[^>]+>", "", re.search(r"<caption>(.*?)</caption>", tabel, re.S).group(1)))
        rijen = []
        for rij in re.findall(r"<tr>(.*?)</tr>", tabel, flags=re.S):
            rijen.append([(c, unescape(t)) for c, t in re.findall(r'<td class="([^"]*)">(.*?)</td>', rij, flags=re.S)])
        uit.append((titel, rijen))
    return uit


def _getal(tekst: str) -> float:
    return float(tekst.replace(".", "").replace(",", "."))


def test_every_published_count_is_a_multiple_of_five(afgerond_map):
    gezien = 0
    for pad in sorted(afgerond_map.glob("*.html")):
        html = pad.read_text(encoding="utf-8")
        for titel, rijen in _tabellen(html):
            for rij in rijen:
                for klasse, tekst in rij:
                    if klasse != "aantal":
                        continue
                    assert not tekst.startswith("<"), (pad.name, titel, tekst)  # no '< 5' when rounding
                    if tekst in ("×", "–"):
                        continue
                    assert _getal(tekst) % 5 == 0, (pad.name, titel, tekst)
                    gezien += 1
    assert gezien > 500


def test_the_reach_table_shows_the_data_rounded_to_fives(afgerond_map, wereld):
    """Clients per gemeente counted straight from the data, rounded by hand."""
    html = (afgerond_map / "overzicht.html").read_text(encoding="utf-8")
    tabel = next(t for t in re.findall(r"<table\b.*?</table>", html, flags=re.S) if "Aantal cliënten per gemeente" in t)
    rijen = {unescape(g): [unescape(c) for c in re.findall(r'<td class="aantal">(.*?)</td>', r)]
             for g, r in re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', tabel, flags=re.S)}
    waar = wereld.clienten.groupby("gemeente")["client_id"].nunique()
    assert set(waar.index) <= set(rijen)
    niet_vijfvoud = 0
    for gemeente, n in waar.items():
        assert rijen[gemeente][-1] == str(hand_afgerond(int(n))), (gemeente, n, rijen[gemeente])
        niet_vijfvoud += n % 5 != 0
    assert niet_vijfvoud  # the check means something: some true counts are not fives
    assert rijen["Totaal"][-1] == str(hand_afgerond(int(wereld.clienten["client_id"].nunique())))


def test_spreadsheet_counts_are_rounded_too(afgerond_map):
    boek = load_workbook(afgerond_map / "overzicht.xlsx")
    blad = next(b for b in boek if b["A1"].value and str(b["A1"].value).startswith("Aantal cliënten per gemeente"))
    for rij in blad.iter_rows(min_row=3, min_col=2):
        for cel in rij:
            if isinstance(cel.value, int | float):
                assert cel.value % 5 == 0, (cel.coordinate, cel.value)


def test_shares_are_rounded_counts_over_rounded_counts(afgerond_map):
    """In the attrition table 'Aandeel na 6 maanden' is exactly 'Met meting na 6 maanden'
    over 'Cliënten met startmeting' as shown; the share improved times n is a multiple of 5."""
    gecontroleerd = 0
    for blad in (b for pad in sorted(afgerond_map.glob("*.xlsx")) for b in load_workbook(pad)):
        kop = [c.value for c in blad[2]]
        for rij in blad.iter_rows(min_row=3, values_only=True):
            w = dict(zip(kop, rij, strict=False))
            for teller, aandeel in (("Met meting na 6 maanden", "Aandeel na 6 maanden"),
                                    ("Met meting na 12 maanden", "Aandeel na 12 maanden")):
                if isinstance(w.get(aandeel), float):
                    assert w[aandeel] == round(w[teller] / w["Cliënten met startmeting"], 2), w
                    gecontroleerd += 1
            if isinstance(w.get("Aandeel minstens 1 punt verbeterd"), float):
                verbeterd = w["Aandeel minstens 1 punt verbeterd"] * w["Aantal cliënten"]
                assert min(verbeterd % 5, 5 - verbeterd % 5) <= 0.01 * w["Aantal cliënten"] / 2 + 1e-9, w
                gecontroleerd += 1
    assert gecontroleerd >= 5


def test_the_report_says_once_that_counts_are_rounded(afgerond_map):
    zin = "Alle aantallen in dit rapport zijn afgerond op vijftallen."
    for naam in ("overzicht", "beleid", "verantwoording", "dialoog", "wijkverhalen"):
        html = (afgerond_map / f"{naam}.html").read_text(encoding="utf-8")
        assert html.count(zin) == 1, naam
        assert "tellen niet altijd precies op" in html
        assert "aantallen afgerond op vijftallen" in html  # the colophon
        assert "&lt; 5 = minder dan 5" not in html
        assert "kleine groepen worden niet getoond" not in html  # nothing is left out when rounding


def test_default_reports_still_suppress(wereld, tmp_path):
    import rapporten

    rapporten.bouw("overzicht", wereld, tmp_path / "o.html")
    html = (tmp_path / "o.html").read_text(encoding="utf-8")
    assert "afgerond op vijftallen" not in html
    assert "aantallen onder 5 niet getoond" in html


# --- the command line ----------------------------------------------------------------------


def _impact(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "impact", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    uit = _impact("demo", "--clienten", "120", "--db", str(db), "--zonder-rapport")
    assert uit.returncode == 0, uit.stderr
    return db


def test_cli_refuses_a_rounding_base_other_than_five_in_dutch(demo_db, tmp_path):
    for soort in ("rapport", "demo"):
        args = ("rapport", "overzicht", "--db", str(demo_db), "--uit", str(tmp_path / "r.html"), "--afronden", "3") \
            if soort == "rapport" else ("demo", "--db", str(tmp_path / "d.db"), "--uit", str(tmp_path / "d"), "--afronden", "3")
        uit = _impact(*args)
        assert uit.returncode == 2, uit.stderr
        assert "afronden: 5 verwacht" in uit.stderr and "kreeg 3" in uit.stderr
        assert "Traceback" not in uit.stderr
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "d.db").exists()


def test_cli_writes_a_rounded_report_matching_the_database(demo_db, tmp_path):
    pad = tmp_path / "overzicht.html"
    uit = _impact("rapport", "overzicht", "--db", str(demo_db), "--uit", str(pad), "--afronden", "5", "--xlsx")
    assert uit.returncode == 0, uit.stderr
    html = pad.read_text(encoding="utf-8")
    with sqlite3.connect(demo_db) as con:
        waar = dict(con.execute("SELECT gemeente, COUNT(*) FROM client GROUP BY gemeente").fetchall())
    tabel = next(t for t in re.findall(r"<table\b.*?</table>", html, flags=re.S) if "Aantal cliënten per gemeente" in t)
    for gemeente, n in waar.items():
        rij = re.search(rf'<th scope="row">{re.escape(gemeente)}</th>(.*?)</tr>', tabel, flags=re.S).group(1)
        assert re.findall(r'<td class="aantal">(.*?)</td>', rij)[-1] == str(hand_afgerond(n)), (gemeente, n)
    assert "Alle aantallen in dit rapport zijn afgerond op vijftallen." in html
    standaard = tmp_path / "standaard.html"
    assert _impact("rapport", "overzicht", "--db", str(demo_db), "--uit", str(standaard)).returncode == 0
    assert "afgerond op vijftallen" not in standaard.read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0, 1, 1, 2, 3, 7, 8, 8, 12, 13]), min_size=2, max_size=5), min_size=1, max_size=3).filter(
    lambda rijen: len({len(r) for r in rijen}) == 1))
def test_no_small_count_can_be_pinned_in_any_rounded_table(rijen):
    aantallen = pd.DataFrame(rijen, index=[f"r{i}" for i in range(len(rijen))],
                             columns=[f"k{j}" for j in range(len(rijen[0]))])
    waarden, masker = ot.kruistabel(aantallen, AF)
    assert _kleine_vastgelegd(aantallen, waarden, masker) == []
    assert not (masker.to_numpy() == ot.PRIMAIR).any()
