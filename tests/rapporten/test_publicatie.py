"""One protected publication: no small count can be worked out from all tables together.

The attack here is written independently of ``rapporten.kubus``: it reads the numbers as a
reader sees them in the published tables (region table, a wijk table per gemeente in beleid,
a wijk table per gemeente in wijkverhalen), turns every visible number into an equation over
the true finest cells (gemeente, wijk, intervention, group) taken straight from the data,
knows that "< 5" means 1 to 4, and asks scipy's LP solver for the range of each hidden small
count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

from impact.demo import generate
from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten import rapportsoort
from rapporten.bron import Gegevens
from rapporten.tabel import Tabel

EEN, DRIE = "Proef één cliënt", "Proef drie cliënten"


def _wereld_met_kleine_groepen():
    """A demo world where one wijk has an intervention with 1 client and another with 3."""
    w = generate(seed=11, n_clients=600)
    c = w.clienten[w.clienten["groep"] == "interventie"]
    wijk = c.groupby(["gemeente", "wijk"]).size().sort_values().index[-1]
    in_wijk = c[(c["gemeente"] == wijk[0]) & (c["wijk"] == wijk[1])]["client_id"].tolist()
    plant = {EEN: in_wijk[:1], DRIE: in_wijk[1:4]}
    w.trajecten = w.trajecten.copy()
    volgende = int(w.interventies["interventie_id"].max())
    for naam, ids in plant.items():
        volgende += 1
        w.interventies = pd.concat(
            [w.interventies, pd.DataFrame([{"interventie_id": volgende, "naam": naam, "databank_erkenning": None,
                                            "doelgroep": "test", "omschrijving": "test"}])],
            ignore_index=True,
        )
        rijen = w.trajecten["client_id"].isin(ids)
        w.trajecten.loc[rijen, ["interventie", "interventie_id"]] = [naam, volgende]
    return w


@pytest.fixture(scope="module")
def gemaakt():
    from verhalen.publicatie import publiceer

    w = publiceer(_wereld_met_kleine_groepen())  # stories published as at ingest
    g = Gegevens(w)
    rapporten = {s: rapportsoort(s).maak(gm.maak_context(g)) for s in ("beleid", "wijkverhalen", "overzicht")}
    return w, rapporten


def _fijne_cellen(w) -> pd.DataFrame:
    tr = w.trajecten.drop_duplicates("client_id")[["client_id", "interventie"]]
    c = w.clienten.merge(tr, on="client_id", how="left")
    c["interventie"] = c["interventie"].fillna(gm.GEEN_TRAJECT)
    return c.groupby(["gemeente", "wijk", "interventie", "groep"]).size().rename("n").reset_index()


def _telt(fijn: pd.DataFrame, rij: dict, kolom: dict) -> np.ndarray:
    lid = np.ones(len(fijn), dtype=bool)
    for sleutel, waarde in {**rij, **kolom}.items():
        lid &= (fijn[sleutel] == waarde).to_numpy()
    return lid.astype(float)


def _gepubliceerd(w, rapporten) -> list[tuple[np.ndarray, float, int]]:
    """(membership over fine cells, shown value, reason) for every count cell of the client
    tables a reader sees."""
    fijn = _fijne_cellen(w)
    gemeenten = set(fijn["gemeente"])
    groepen = {gm.groep_label(gm.maak_context(Gegevens(w)), x): x for x in fijn["groep"].unique()}
    uit = []
    for rapport in rapporten.values():
        for tabel in rapport.tabellen():
            if not (tabel.titel.startswith("Aantal cliënten per") or tabel.titel.startswith("Cliënten per wijk")):
                continue
            kop = tabel.waarden.columns[0]
            gemeente = next((g for g in gemeenten if tabel.titel.endswith(g)), None)
            if gemeente is None and kop == "Wijk":
                # beleid's wijk table: its wijken belong to exactly one gemeente
                wijken = set(tabel.waarden[kop]) - {"Totaal"}
                gemeente = fijn.loc[fijn["wijk"].isin(wijken), "gemeente"].mode().iloc[0]
            for r in tabel.waarden.index:
                label = tabel.waarden.at[r, kop]
                if kop == "Gemeente":
                    rij = {} if label == "Totaal" else {"gemeente": label}
                else:
                    rij = {"gemeente": gemeente} if label == "Totaal" else {"gemeente": gemeente, "wijk": label}
                for k in tabel.waarden.columns[1:]:
                    if k == "Totaal":
                        kolom = {}
                    elif k in groepen:
                        kolom = {"groep": groepen[k]}
                    else:
                        kolom = {"interventie": gm.GEEN_TRAJECT if k == "geen traject (vergelijkingsgroep)" else k}
                    uit.append((_telt(fijn, rij, kolom), tabel.waarden.at[r, k], int(tabel.masker.at[r, k])))
    return uit


def _aanval(cellen) -> list[tuple[float, float]]:
    """The reader's range for every hidden small count, by LP over the fine cells."""
    a_eq = [m for m, _, reden in cellen if reden == ot.ZICHTBAAR]
    b_eq = [v for _, v, reden in cellen if reden == ot.ZICHTBAAR]
    klein = [m for m, _, reden in cellen if reden == ot.PRIMAIR]
    a_ub = [*klein, *[-m for m in klein]]
    b_ub = [4.0] * len(klein) + [-1.0] * len(klein)
    bereik = []
    for doel in klein:
        laag = linprog(doel, A_eq=a_eq, b_eq=b_eq, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
        hoog = linprog(-doel, A_eq=a_eq, b_eq=b_eq, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
        assert laag.status == 0 and hoog.status in (0, 3)
        bereik.append((laag.fun, np.inf if hoog.status == 3 else -hoog.fun))
    return bereik


def test_geen_klein_aantal_zichtbaar(gemaakt):
    _, rapporten = gemaakt
    for rapport in rapporten.values():
        for tabel in rapport.tabellen():
            assert not ot.controleer(tabel.waarden, tabel.soorten), tabel.titel


def test_de_geplante_groepen_zijn_verborgen_en_niet_terug_te_rekenen(gemaakt):
    w, rapporten = gemaakt
    cellen = _gepubliceerd(w, rapporten)
    fijn = _fijne_cellen(w)
    for naam, n in ((EEN, 1), (DRIE, 3)):
        lid = (fijn["interventie"] == naam).to_numpy().astype(float)
        geplant = [c for c in cellen if np.array_equal(c[0], lid)]
        assert geplant, naam  # the planted group is published (as a hidden cell) somewhere
        assert all(reden == ot.PRIMAIR for _, _, reden in geplant), naam
        assert (lid @ fijn["n"].to_numpy()) == n
    smal = [(laag, hoog) for laag, hoog in _aanval(cellen) if hoog - laag < 0.5]
    assert not smal, smal


def test_dezelfde_cel_is_overal_hetzelfde_getal(gemaakt):
    """A cell shared by two tables (gemeente × intervention in the region table and as the
    column total of that gemeente's wijk table) has one value and one suppression."""
    w, rapporten = gemaakt
    gezien: dict[bytes, tuple] = {}
    for m, v, reden in _gepubliceerd(w, rapporten):
        sleutel = m.tobytes()
        waarde = (None if reden != ot.ZICHTBAAR else float(v), reden)
        assert gezien.setdefault(sleutel, waarde) == waarde
        gezien[sleutel] = waarde


def test_zonder_publicatiebrede_bescherming_zou_het_lekken():
    """The attack is real: protecting each table on its own by the equation rule (the old way,
    before the publication-wide audit) leaves a small count recoverable in the same data.
    Guards the test against passing for the wrong reason."""
    from unittest import mock

    from rapporten.tabel import uit_kruistabel

    w = _wereld_met_kleine_groepen()
    fijn = _fijne_cellen(w)
    cellen = []
    gemeenten = sorted(fijn["gemeente"].unique())

    def per_tabel(rij_sleutel, deel, extra):
        aantallen = deel.pivot_table(index=rij_sleutel, columns="interventie", values="n", aggfunc="sum", fill_value=0)
        tabel: Tabel = uit_kruistabel("t", aantallen, rij_sleutel)
        for r in tabel.waarden.index:
            label = tabel.waarden.at[r, rij_sleutel]
            rij = dict(extra) if label == "Totaal" else {**extra, rij_sleutel: label}
            for k in tabel.waarden.columns[1:]:
                kolom = {} if k == "Totaal" else {"interventie": k}
                cellen.append((_telt(fijn, rij, kolom), tabel.waarden.at[r, k], int(tabel.masker.at[r, k])))

    with mock.patch.object(ot, "_controleer_met_lp", lambda *_: None):
        per_tabel("gemeente", fijn, {})
        for g in gemeenten:
            per_tabel("wijk", fijn[fijn["gemeente"] == g], {"gemeente": g})
    assert any(hoog - laag < 0.5 for laag, hoog in _aanval(cellen))


def test_een_rij_van_kleine_aantallen_met_een_klein_totaal_verraadt_zich_niet():
    """Four interventions of 1 client each in one wijk, total 4: shown as four '< 5' and a
    '< 5' total, every cell would be exactly 1 ('< 5' means at least 1). The cube must break
    that, here checked by the independent attack over the cells it publishes."""
    from rapporten import kubus

    rijen = [("A", "a1", f"X{i}") for i in range(4)] + [("A", "a2", f"X{i % 4}") for i in range(40)]
    clienten = pd.DataFrame(
        {"client_id": range(len(rijen)), "gemeente": [r[0] for r in rijen], "wijk": [r[1] for r in rijen],
         "groep": "interventie"}
    )
    trajecten = pd.DataFrame({"client_id": range(len(rijen)), "interventie": [r[2] for r in rijen]})
    k = kubus.bouw(clienten, trajecten, ot.Drempels(), "geen traject")
    fijn = pd.DataFrame({"gemeente": [r[0] for r in rijen], "wijk": [r[1] for r in rijen],
                         "interventie": [r[2] for r in rijen]}).value_counts().rename("n").reset_index()
    cellen = []
    for geo in [("A", "a1"), ("A", "a2"), ("A",), ()]:
        for kolom in [(), *[("interventie", f"X{i}") for i in range(4)]]:
            waarde, reden = k.cel(geo, kolom)
            rij = dict(zip(("gemeente", "wijk"), geo, strict=False))
            sel = {} if not kolom else {"interventie": kolom[1]}
            cellen.append((_telt(fijn, rij, sel), waarde, reden))
    assert any(reden == ot.PRIMAIR for _, _, reden in cellen)
    assert not [b for b in _aanval(cellen) if b[1] - b[0] < 0.5]
    assert not k.blootgesteld()


def test_story_captions_give_the_month_not_the_day(rapporten_map):
    """A story's caption says when it was written as month and year ('november 2023'): the
    exact day is a quasi-identifier, as in the story text itself."""
    import re

    maanden = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    gezien = 0
    for pad in rapporten_map.glob("*.html"):
        html = pad.read_text(encoding="utf-8")
        gezien += len(re.findall(rf"geschreven door [^<]*· (?:{maanden}) \d{{4}}", html))
        assert not re.search(rf"geschreven door [^<]*· \d{{1,2}} (?:{maanden}) \d{{4}}", html), pad.name
    assert gezien > 0
