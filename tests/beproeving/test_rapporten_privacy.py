"""Privacy of every report, checked against planted stories and against SQL straight on the
database (not against the code that made the reports)."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import rapporten

pytestmark = pytest.mark.traag

# reports that show story text; each must show the control word, or the name test proves nothing
MET_VERHALEN = ("overzicht", "dialoog", "wijkverhalen", "burger")


def _tekst(pad: Path) -> str:
    if pad.suffix == ".pdf":
        return subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, text=True, check=True).stdout
    if pad.suffix == ".xlsx":
        with zipfile.ZipFile(pad) as z:
            return "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    return pad.read_text(encoding="utf-8")


def _uitvoer(map_: Path) -> list[Path]:
    paden = sorted(p for p in map_.iterdir() if p.suffix in (".html", ".xlsx", ".pdf"))
    assert {p.stem for p in paden} >= set(rapporten.SOORTEN)
    return paden


def test_onbekende_naam_in_geen_enkele_uitvoer(proefrapporten, geplant):
    """Only the name detector can find this person: she is in no identity table."""
    patroon = re.compile("|".join(geplant["naam_delen"]))
    gevonden = {p.name: sorted(set(patroon.findall(_tekst(p)))) for p in _uitvoer(proefrapporten)}
    assert not {k: v for k, v in gevonden.items() if v}


def test_verhalen_staan_echt_in_de_rapporten(proefrapporten, geplant):
    """The control word next to the planted name survives pseudonymisation: these reports do
    show the planted stories, so the test above is not vacuous."""
    for soort in MET_VERHALEN:
        assert geplant["controle"] in _tekst(proefrapporten / f"{soort}.html"), soort


def test_intern_verhaal_in_geen_enkele_uitvoer(proefrapporten, geplant):
    for pad in _uitvoer(proefrapporten):
        assert geplant["intern"] not in _tekst(pad), pad.name


# --- published counts against SQL on the database -----------------------------------------


def _blad(boek_pad: Path, titel: str):
    boek = load_workbook(boek_pad, read_only=True)
    bladen = []
    for blad in boek.worksheets:
        rijen = [list(r) for r in blad.iter_rows(values_only=True)]
        if rijen and rijen[0] and str(rijen[0][0]).startswith(titel):
            bladen.append(rijen)
    assert bladen, f"geen blad '{titel}' in {boek_pad.name}"
    return bladen


def _vergelijk(gepubliceerd, sql: int, waar: str) -> None:
    """A shown count equals the database; '< 5' only for 1-4; 0 only for 0."""
    if gepubliceerd == "< 5":
        assert 1 <= sql <= 4, f"{waar}: '< 5' getoond, database zegt {sql}"
    elif gepubliceerd == "×":
        assert sql >= 0
    else:
        assert isinstance(gepubliceerd, (int, float)), f"{waar}: {gepubliceerd!r}"
        assert gepubliceerd == sql, f"{waar}: getoond {gepubliceerd}, database zegt {sql}"
        assert not 1 <= sql <= 4, f"{waar}: klein aantal {sql} zichtbaar"


def _gegevensrij(rij) -> bool:
    """A table row, not the blank line or the legend below the table."""
    return bool(rij) and rij[0] is not None and any(v is not None for v in rij[1:])


def _sql(db: Path, query: str, *params) -> dict:
    with sqlite3.connect(db) as c:
        return {tuple(r[:-1]): int(r[-1]) for r in c.execute(query, params).fetchall()}


def test_clienten_per_gemeente_en_interventie_tegen_sql(proefrapporten, proefdatabase):
    cellen = _sql(
        proefdatabase,
        "SELECT c.gemeente, i.naam, COUNT(DISTINCT c.id) FROM client c "
        "JOIN traject t ON t.client_id = c.id JOIN interventie i ON i.id = t.interventie_id "
        "GROUP BY c.gemeente, i.naam",
    )
    per_gemeente = _sql(proefdatabase, "SELECT gemeente, COUNT(*) FROM client GROUP BY gemeente")
    per_interventie = _sql(
        proefdatabase,
        "SELECT i.naam, COUNT(DISTINCT t.client_id) FROM traject t "
        "JOIN interventie i ON i.id = t.interventie_id GROUP BY i.naam",
    )
    totaal = _sql(proefdatabase, "SELECT 'x', COUNT(*) FROM client")[("x",)]
    for soort in ("overzicht", "beleid"):
        (rijen,) = _blad(proefrapporten / f"{soort}.xlsx", "Aantal cliënten per gemeente en interventie")
        kop = rijen[1]
        assert kop[-1] == "Totaal"
        gezien = 0
        for rij in rijen[2:]:
            if not _gegevensrij(rij):
                continue
            gemeente = rij[0]
            for kolom, waarde in zip(kop[1:], rij[1:], strict=False):
                if gemeente == "Totaal" and kolom == "Totaal":
                    sql = totaal
                elif gemeente == "Totaal":
                    sql = per_interventie.get((kolom,), 0)
                elif kolom == "Totaal":
                    sql = per_gemeente.get((gemeente,), 0)
                else:
                    sql = cellen.get((gemeente, kolom), 0)
                _vergelijk(waarde, sql, f"{soort}: {gemeente} x {kolom}")
                gezien += 1
        assert gezien >= 20
        assert {r[0] for r in rijen[2:] if _gegevensrij(r)} >= {g for (g,) in per_gemeente}


def test_clienten_per_wijk_en_groep_tegen_sql(proefrapporten, proefdatabase):
    cellen = _sql(
        proefdatabase, "SELECT gemeente, wijk, groep, COUNT(*) FROM client GROUP BY gemeente, wijk, groep"
    )
    per_wijk = _sql(proefdatabase, "SELECT gemeente, wijk, COUNT(*) FROM client GROUP BY gemeente, wijk")
    bladen = _blad(proefrapporten / "wijkverhalen.xlsx", "Cliënten per wijk in ")
    gezien = 0
    for rijen in bladen:
        gemeente = str(rijen[0][0]).removeprefix("Cliënten per wijk in ")
        kop = rijen[1]
        for rij in rijen[2:]:
            if not _gegevensrij(rij) or rij[0] == "Totaal":
                continue
            for kolom, waarde in zip(kop[1:], rij[1:], strict=False):
                if kolom == "Totaal":
                    sql = per_wijk.get((gemeente, rij[0]), 0)
                else:
                    groep = {"interventiegroep": "interventie", "vergelijkingsgroep": "vergelijking"}[str(kolom)]
                    sql = cellen.get((gemeente, rij[0], groep), 0)
                _vergelijk(waarde, sql, f"{gemeente}/{rij[0]} x {kolom}")
                gezien += 1
    assert gezien >= 20


# --- no small count recoverable from all the numbers of one publication together -------------


def test_beleid_geen_klein_aantal_terug_te_rekenen_over_tabellen_heen(proefrapporten, proefdatabase):
    """The beleid report publishes clients per gemeente x interventie and, per gemeente, per
    wijk x interventie; a wijk table's total row is the gemeente's row of the other table. An
    attacker combines every published number of the report (and knows '< 5' means 1-4): no
    count shown as '< 5' may come out as one exact value. The true counts come from SQL."""
    import numpy as np
    from scipy.optimize import linprog

    fijn = _sql(
        proefdatabase,
        "SELECT c.gemeente, c.wijk, i.naam, COUNT(DISTINCT c.id) FROM client c "
        "JOIN traject t ON t.client_id = c.id JOIN interventie i ON i.id = t.interventie_id "
        "GROUP BY c.gemeente, c.wijk, i.naam",
    )
    wijken = _sql(proefdatabase, "SELECT gemeente, wijk, COUNT(*) FROM client GROUP BY gemeente, wijk")
    interventies = sorted({i for (_, _, i) in fijn})
    sleutels = [(g, w, i) for (g, w) in sorted(wijken) for i in interventies]
    plek = {k: n for n, k in enumerate(sleutels)}
    echt = np.array([fijn.get(k, 0) for k in sleutels], dtype=float)

    def vector(gemeente, wijk, interventie):
        """Coefficients of a published cell over the finest counts (None = all)."""
        v = np.zeros(len(sleutels))
        for (g, w, i), n in plek.items():
            if (
                (gemeente is None or g == gemeente)
                and (wijk is None or w == wijk)
                and (interventie is None or i == interventie)
            ):
                v[n] = 1
        return v

    cellen = []  # (coefficients, published value, where)
    (gem_tabel,) = _blad(proefrapporten / "beleid.xlsx", "Aantal cliënten per gemeente en interventie")
    kop = gem_tabel[1]
    for rij in gem_tabel[2:]:
        if not _gegevensrij(rij):
            continue
        g = None if rij[0] == "Totaal" else rij[0]
        for kolom, waarde in zip(kop[1:], rij[1:], strict=False):
            i = None if kolom == "Totaal" else kolom
            cellen.append((vector(g, None, i), waarde, f"gemeente {rij[0]} x {kolom}"))
    per_gemeente = {}
    for g, w in wijken:
        per_gemeente.setdefault(g, set()).add(w)
    for tabel in _blad(proefrapporten / "beleid.xlsx", "Aantal cliënten per wijk en interventie"):
        kop = tabel[1]
        namen = {r[0] for r in tabel[2:] if _gegevensrij(r) and r[0] != "Totaal"}
        (g,) = [g for g, ws in per_gemeente.items() if namen <= ws and len(namen) >= len(ws) / 2] or [None]
        assert g is not None, namen
        for rij in tabel[2:]:
            if not _gegevensrij(rij):
                continue
            w = None if rij[0] == "Totaal" else rij[0]
            for kolom, waarde in zip(kop[1:], rij[1:], strict=False):
                i = None if kolom == "Totaal" else kolom
                cellen.append((vector(g, w, i), waarde, f"{g}/{rij[0]} x {kolom}"))

    a_eq, b_eq, a_ub, b_ub, klein = [], [], [], [], []
    for v, waarde, waar in cellen:
        waar_getal = float(v @ echt)
        if waarde == "< 5":
            assert 1 <= waar_getal <= 4, waar
            a_ub += [v, -v]
            b_ub += [4.0, -1.0]
            klein.append((v, waar))
        elif waarde != "×":
            assert waarde == waar_getal, (waar, waarde, waar_getal)
            a_eq.append(v)
            b_eq.append(float(waarde))
    assert klein
    onthuld = []
    for v, waar in klein:
        grenzen = []
        for teken in (1, -1):
            r = linprog(
                teken * v, A_eq=a_eq, b_eq=b_eq, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs"
            )
            assert r.status == 0, r.message
            grenzen.append(teken * r.fun)
        if grenzen[1] - grenzen[0] < 0.5:
            onthuld.append(f"{waar} = {grenzen[0]:g}")
    assert not onthuld, onthuld
