"""Reports never pseudonymise: they show the published version stored at ingest, refuse a
publishable story without one, never load deduce, and their XLSX holds no formula."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
import textwrap

import pytest
from openpyxl import load_workbook

import rapporten
from impact.errors import UserInputError
from impact.io.tabular import FORMULA_START


def test_report_refuses_a_publishable_story_without_published_version(wereld, tmp_path):
    w = copy.copy(wereld)
    w.verhalen = wereld.verhalen.copy()
    publiceerbaar = w.verhalen["toestemming"] != "intern"
    w.verhalen.loc[publiceerbaar, "tekst_publicatie"] = None
    with pytest.raises(UserInputError) as fout:
        rapporten.bouw("wijkverhalen", w, tmp_path / "w.html")
    bericht = str(fout.value)
    assert "nog geen gepubliceerde (gepseudonimiseerde) versie" in bericht
    assert "draai `impact verhalen pseudonimiseer --db`" in bericht


def test_case_description_without_published_version_is_refused(wereld, tmp_path):
    w = copy.copy(wereld)
    w.casussen = [{k: v for k, v in c.items() if k != "verhaal_publicatie"} for c in wereld.casussen]
    with pytest.raises(UserInputError, match="casusbeschrijving van casus"):
        rapporten.bouw("casus", w, tmp_path / "c.html")


def test_no_report_run_imports_deduce_and_no_xlsx_cell_starts_a_formula(wereld, tmp_path):
    pad = tmp_path / "wereld.pickle"
    pad.write_bytes(pickle.dumps(wereld))
    uit = tmp_path / "rapporten"
    script = textwrap.dedent(
        f"""
        import pickle, sys
        import rapporten
        wereld = pickle.loads(open({str(pad)!r}, "rb").read())
        rapporten.alle_rapporten(wereld, {str(uit)!r}, xlsx=True)
        geladen = sorted(m for m in sys.modules if m.split(".")[0] in ("deduce", "docdeid"))
        assert not geladen, geladen
        print("zonder deduce")
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "zonder deduce" in run.stdout
    boeken = sorted(uit.glob("*.xlsx"))
    assert boeken
    for boek in boeken:
        for blad in load_workbook(boek):
            for rij in blad.iter_rows():
                for cel in rij:
                    assert cel.data_type != "f", (boek.name, blad.title, cel.coordinate)
                    if isinstance(cel.value, str):
                        assert cel.value[:1] not in FORMULA_START, (boek.name, blad.title, cel.value)
    html = (uit / "dialoog.html").read_text(encoding="utf-8")
    assert "[Persoon-" not in html
