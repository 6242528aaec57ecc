"""Every report end to end from the demo world: privacy, disclosure control, escaping, formats."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import rapporten
from tests.rapporten.conftest import KLEINE_INTERVENTIE

pytestmark = pytest.mark.traag


def test_alle_rapporten_geschreven(rapporten_map: Path):
    for soort in rapporten.SOORTEN:
        for ext in ("html", "xlsx", "pdf"):
            pad = rapporten_map / f"{soort}.{ext}"
            assert pad.exists() and pad.stat().st_size > 1000, pad
        html = (rapporten_map / f"{soort}.html").read_text(encoding="utf-8")
        # plotly.js once where the report has charts, never where it has none; the page script once
        grafieken = 'class="plot"' in html
        assert html.count("<script>") == (2 if grafieken else 1), soort
        assert grafieken or len(html) < 1_000_000, soort  # plotly.js (4,8 MB) only with charts
        assert '<html lang="nl">' in html
        zonder_scripts = re.sub(r"<script.*?</script>", "", html, flags=re.S)
        assert not re.search(r"(src|href)=\"https?://", zonder_scripts)


def _tekst_van(pad: Path) -> str:
    if pad.suffix == ".pdf":
        return subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, text=True, check=True).stdout
    if pad.suffix == ".xlsx":
        with zipfile.ZipFile(pad) as z:
            return "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    tekst = pad.read_text(encoding="utf-8")
    # plotly.js is the library's own bundle, identical in every file and free of data: leave it
    # out of the search (after checking it is exactly that bundle, embedded once)
    from rapporten.figuren import plotly_js

    assert tekst.count(plotly_js()) <= 1
    return tekst.replace(plotly_js(), "")


def test_geen_persoonsgegevens_in_enige_uitvoer(rapporten_map: Path, wereld):
    ident = wereld.identiteiten
    zoek = (
        ident[ident["soort"].isin(["naam", "achternaam", "naaste", "bsn", "telefoon", "email", "adres"])][
            "waarde"
        ]
        .dropna()
        .astype(str)
    )
    # place names are not personal data: a naaste called "Fatima" shares her name with a wijk
    plaatsen = set(wereld.clienten["wijk"]) | set(wereld.clienten["gemeente"])
    zoek = {w.strip() for w in zoek if len(w.strip()) >= 4 and w.strip() not in plaatsen}
    patroon = re.compile(
        r"(?<!\w)(" + "|".join(map(re.escape, sorted(zoek, key=len, reverse=True))) + r")(?!\w)"
    )
    gevonden = {}
    for pad in sorted(p for p in rapporten_map.iterdir() if p.name != "klaar"):
        treffers = set(patroon.findall(_tekst_van(pad)))
        if treffers:
            gevonden[pad.name] = sorted(treffers)[:10]
    assert not gevonden, gevonden


def test_intern_verhaal_nooit_gepubliceerd(rapporten_map: Path):
    for pad in (p for p in rapporten_map.iterdir() if p.name != "klaar"):
        assert "GEHEIM-INTERN" not in _tekst_van(pad), pad.name


def test_verhaaltekst_is_ontsnapt(rapporten_map: Path):
    html = "".join((rapporten_map / f"{s}.html").read_text(encoding="utf-8") for s in rapporten.SOORTEN)
    assert "alert('xss')" in html or "alert(&#39;xss&#39;)" in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "<b>vet</b>" not in html


def _plotly_data(html: str) -> list[dict]:
    return [
        json.loads(m)
        for m in re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', html, re.S)
    ]


def test_groep_van_drie_nergens_zichtbaar(rapporten_map: Path, wereld):
    # HTML tables: the small intervention's column never shows 1-4
    html = (rapporten_map / "overzicht.html").read_text(encoding="utf-8")
    assert KLEINE_INTERVENTIE in html
    assert "&lt; 5" in html
    # chart data: the trace of the small intervention has no visible value
    sporen = [s for fig in _plotly_data(html) for s in fig["data"] if s.get("name") == KLEINE_INTERVENTIE]
    assert sporen
    for spoor in sporen:
        assert all(y is None or y == 0 for y in spoor["y"]), spoor["y"]
    # XLSX: in every sheet, no visible count 1-4 in the small intervention's column
    for soort in rapporten.SOORTEN:
        boek = load_workbook(rapporten_map / f"{soort}.xlsx", read_only=True)
        for blad in boek.worksheets:
            rijen = list(blad.iter_rows(values_only=True))
            if len(rijen) < 2:
                continue
            kop = rijen[1]
            for k, naam in enumerate(kop):
                if naam == KLEINE_INTERVENTIE:
                    waarden = [r[k] for r in rijen[2:] if k < len(r)]
                    assert not any(isinstance(v, (int, float)) and 0 < v < 5 for v in waarden)
            for rij in rijen[2:]:
                if rij and rij[0] == KLEINE_INTERVENTIE:
                    for v in rij[1:]:
                        if isinstance(v, (int, float)) and float(v).is_integer():
                            assert not 0 < v < 5, (soort, blad.title, rij)


def test_alle_tabellen_beschermd(wereld):
    from rapporten import gemeenschappelijk as gm
    from rapporten import onthulling as ot
    from rapporten.bron import Gegevens

    g = Gegevens(wereld)
    for soort in ("overzicht", "beleid", "dialoog"):
        rapport = rapporten.rapportsoort(soort).maak(gm.maak_context(g))
        for tabel in rapport.tabellen():
            assert not ot.controleer(tabel.waarden, tabel.soorten)


def test_herkomst_en_reproduceerbaar(wereld, tmp_path):
    a = rapporten.bouw("overzicht", wereld, tmp_path / "a" / "o.html")[0].read_text(encoding="utf-8")
    b = rapporten.bouw("overzicht", wereld, tmp_path / "b" / "o.html")[0].read_text(encoding="utf-8")
    assert a == b
    assert "Kenmerk van de gegevens (SHA-256)" in a and "Gemaakt met" in a


def test_engels(wereld, tmp_path):
    html = rapporten.bouw("overzicht", wereld, tmp_path / "o.html", taal="en")[0].read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "Contents" in html and "Who was reached" in html


def test_filters_en_onbekende_soort(wereld, tmp_path):
    from impact.errors import UserInputError
    from rapporten.bron import Filters

    pad = rapporten.bouw(
        "overzicht", wereld, tmp_path / "weert.html", filters=Filters.maak("Weert", None, "2023:2025")
    )[0]
    html = pad.read_text(encoding="utf-8")
    assert "gemeente Weert" in html and "periode 1 januari 2023 t/m 31 december 2025" in html
    with pytest.raises(UserInputError):
        rapporten.rapportsoort("jaarverslag")
    with pytest.raises(UserInputError):
        Filters.maak(periode="volgend jaar")
