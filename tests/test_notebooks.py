"""Every notebook in notebooks/ runs from top to bottom, so none can rot; and the key numbers
each notebook prints agree with the library computed here, outside the notebook."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))
_UITGEVOERD: dict[str, nbformat.NotebookNode] = {}


def _uitvoeren(path: Path, tmp_path: Path) -> nbformat.NotebookNode:
    if path.stem not in _UITGEVOERD:
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(
            notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        )
        client.execute()
        _UITGEVOERD[path.stem] = notebook
    return _UITGEVOERD[path.stem]


@pytest.fixture
def notebook(request, tmp_path):
    return _uitvoeren(Path(__file__).parent.parent / "notebooks" / f"{request.param}.ipynb", tmp_path)


def _uitvoer(notebook, stukje: str) -> str:
    """Printed text and the displayed value (text/plain) of the first cell containing ``stukje``."""
    for cell in notebook.cells:
        if cell.cell_type == "code" and stukje in cell.source:
            delen = []
            for output in cell.get("outputs", []):
                if output.get("output_type") == "stream":
                    delen.append(output.get("text", ""))
                elif "data" in output:
                    delen.append(output["data"].get("text/plain", ""))
            return "\n".join(delen)
    raise AssertionError(f"geen cel met {stukje!r}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    notebook = _uitvoeren(path, tmp_path)
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors


def _tellingen(tekst: str) -> dict[str, int]:
    """A printed pandas value_counts: 'label   123' lines."""
    return {m[1]: int(m[2]) for m in re.finditer(r"^(\w[\w ]*?)\s+(\d+)$", tekst, re.M)}


def _zrm_uit_database(seed: int, n: int, tmp_path: Path):
    from impact import store
    from impact.demo import generate

    engine = store.connect(f"sqlite:///{tmp_path / 'controle.db'}")
    store.upgrade(engine)
    store.write_world(engine, generate(seed=seed, n_clients=n))
    analyse = store.analysis_frame(engine)
    engine.dispose()
    return analyse[analyse["instrument"] == "ZRM"]


@pytest.mark.parametrize("notebook", ["verhalen"], indirect=True)
def test_verhalen_rci_en_keerpunten_uit_de_bibliotheek(notebook):
    from impact.demo import generate
    from modellen.betrouwbare_verandering import BetrouwbareVerandering
    from modellen.keerpunten import Keerpunten

    zrm = generate(seed=7, n_clients=100).metingen.query("instrument == 'ZRM'")
    verwacht = BetrouwbareVerandering(instrument="ZRM", domein="domein").fit(zrm).per_client
    tekst = _uitvoer(notebook, "rci.categorie.value_counts()")
    gedrukt = _tellingen(tekst)
    assert gedrukt == {k: int(v) for k, v in verwacht["categorie"].value_counts().items()}
    assert set(gedrukt) <= {"hersteld", "verbeterd", "onveranderd", "verslechterd"}
    n_kp = len(Keerpunten(instrument="ZRM").fit(zrm).tabel)
    assert re.search(rf"^{n_kp} keerpunten$", tekst, re.M), tekst


@pytest.mark.parametrize("notebook", ["longitudinaal"], indirect=True)
def test_longitudinaal_keerpunten_en_rci(notebook, tmp_path):
    from modellen.betrouwbare_verandering import BetrouwbareVerandering
    from modellen.keerpunten import Keerpunten

    zrm = _zrm_uit_database(2026, 300, tmp_path)
    kp = Keerpunten(instrument="ZRM").fit(zrm)
    tekst = _uitvoer(notebook, "keerpunten;")
    assert re.match(rf"{len(kp.tabel)} keerpunten;", tekst), tekst
    rci = BetrouwbareVerandering(instrument="ZRM", domein="domein", indeling=["groep"]).fit(zrm)
    tekst = _uitvoer(notebook, "rci.parameters")
    for rij in rci.parameters.head(3).itertuples():
        assert re.search(rf"{rij.domein}\s+0\.85\s+{rij.s_diff:.6f}\s+3\.5\s", tekst), tekst


@pytest.mark.parametrize("notebook", ["rondleiding"], indirect=True)
def test_rondleiding_tabellen(notebook):
    from impact.demo import generate

    wereld = generate(seed=2026, n_clients=400)
    gedrukt = ast.literal_eval(_uitvoer(notebook, "wereld.tabellen()"))
    assert gedrukt == {naam: len(tabel) for naam, tabel in wereld.tabellen().items()}
    assert gedrukt["clienten"] == 400
    kruis = _uitvoer(notebook, "pd.crosstab")
    assert re.search(r"^totaal\s+(\d+)\s+(\d+)\s+400$", kruis, re.M), kruis
