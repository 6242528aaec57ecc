"""A small demo world with planted stories, stored in SQLite, and every report built from it once.

Planted:
- in every story that may be published, a sentence naming a person who is in no identity table
  and in a form only deduce recognises (initial + surname), next to a harmless control word that must
  survive, so a report that shows stories is seen to show them;
- in every 'intern' story, a unique marker that no output may contain.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# an initial and a surname: our own detectors of unknown people miss this form, deduce finds it
ONBEKENDE_NAAM = "Z. Brouwersma"
NAAM_DELEN = ("Brouwersma",)
CONTROLE = "Klaproosberaad"
INTERN_MARKER = "GESLOTENDOSSIER7Q"
ZIN = f" Na het {CONTROLE} belde {ONBEKENDE_NAAM} nog om te vragen hoe het ging."


@pytest.fixture(scope="session")
def geplant() -> dict[str, object]:
    """What was planted, for the tests (no `from tests... import`: a stray top-level `tests`
    package in site-packages would shadow this folder)."""
    return {"naam_delen": NAAM_DELEN, "controle": CONTROLE, "intern": INTERN_MARKER}


def plant_verhalen(wereld):
    v = wereld.verhalen.copy()
    for deel in NAAM_DELEN:
        assert not wereld.identiteiten["waarde"].astype(str).str.contains(deel).any()
        assert not v["tekst"].astype(str).str.contains(deel).any()
    intern = v["toestemming"] == "intern"
    v.loc[~intern, "tekst"] = v.loc[~intern, "tekst"].astype(str) + ZIN
    v.loc[intern, "tekst"] = v.loc[intern, "tekst"].astype(str) + f" {INTERN_MARKER} schuld."
    v.loc[intern, "titel"] = v.loc[intern, "titel"].fillna("").astype(str) + f" {INTERN_MARKER}"
    wereld.verhalen = v
    return wereld


@pytest.fixture(scope="session")
def proefwereld():
    from impact.demo import generate

    return plant_verhalen(generate(seed=11, n_clients=300))


@pytest.fixture(scope="session")
def proefdatabase(tmp_path_factory, proefwereld) -> Path:
    from impact import store

    pad = tmp_path_factory.mktemp("proefdb") / "impact.db"
    engine = store.connect(f"sqlite:///{pad}")
    store.upgrade(engine)
    from verhalen.publicatie import publiceer

    store.write_world(engine, publiceer(proefwereld))  # with the published stories, as `impact demo`
    engine.dispose()
    return pad


def _pdf_mogelijk() -> bool:
    nodig = shutil.which("chromium") and shutil.which("pdftotext")
    if not nodig and os.environ.get("CI"):
        pytest.fail("CI: chromium en pdftotext (poppler-utils) zijn nodig voor de PDF-rapporten")
    return bool(nodig)


@pytest.fixture(scope="session")
def proefrapporten(tmp_path_factory, proefdatabase) -> Path:
    """Every report (HTML, XLSX, and PDF where Chromium is present) built from the database."""
    import rapporten
    from impact import store

    uit = tmp_path_factory.mktemp("proefrapporten")
    engine = store.connect(f"sqlite:///{proefdatabase}")
    try:
        rapporten.alle_rapporten(engine, uit, pdf=_pdf_mogelijk(), xlsx=True)
    finally:
        engine.dispose()
    return uit
