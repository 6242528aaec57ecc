"""Open every report in headless Chromium: no console errors, no network, axe-core clean.

axe-core comes from the npm registry: ``npm install --prefix .cache/axe axe-core@4`` (or point
IMPACT_AXE_JS at axe.min.js). Screenshots land in ``test-artefacten/`` for a person to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import rapporten
from tests.conftest import ontbreekt
from tests.rapporten.conftest import ARTEFACTEN

pytestmark = [pytest.mark.browser, pytest.mark.traag]

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_pad() -> Path | None:
    kandidaten = [
        os.environ.get("IMPACT_AXE_JS", ""),
        str(
            Path(__file__).resolve().parents[2]
            / ".cache"
            / "axe"
            / "node_modules"
            / "axe-core"
            / "axe.min.js"
        ),
    ]
    for k in kandidaten:
        if k and Path(k).is_file():
            return Path(k)
    return None


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        ontbreekt("Debian chromium ontbreekt")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.mark.parametrize("soort", [*rapporten.SOORTEN, "index"])
def test_rapport_in_chromium(browser, rapporten_map: Path, soort: str):
    axe = axe_pad()
    assert axe is not None, (
        "axe-core ontbreekt: npm install --prefix .cache/axe axe-core@4 of zet IMPACT_AXE_JS"
    )
    pagina = browser.new_page(viewport={"width": 1200, "height": 900})
    fouten, verzoeken = [], []
    pagina.on("console", lambda m: fouten.append(m.text) if m.type in ("error", "warning") else None)
    pagina.on("pageerror", lambda e: fouten.append(str(e)))
    pagina.on("request", lambda r: verzoeken.append(r.url))
    pad = rapporten_map / f"{soort}.html"
    pagina.goto(pad.as_uri(), wait_until="load")
    pagina.wait_for_function(
        "document.querySelectorAll('.plot').length === 0 || "
        "document.querySelector('.plot .main-svg') !== null"
    )
    # the filter (beleid) must switch views and draw the newly visible charts without errors
    keuzes = pagina.query_selector_all("select.filter")
    for keuze in keuzes:
        opties = keuze.eval_on_selector_all("option", "els => els.map(e => e.value)")
        keuze.select_option(opties[-1])
        keuze.select_option(opties[0])
    ARTEFACTEN.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTEN / f"{soort}.png"), full_page=True)
    pagina.add_script_tag(path=str(axe))
    uitslag = pagina.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    pagina.close()
    assert not fouten, fouten
    assert all(u.startswith("file://") for u in verzoeken), verzoeken
    schendingen = [
        (v["id"], v["help"], [n["html"][:120] for n in v["nodes"][:3]]) for v in uitslag["violations"]
    ]
    assert not schendingen, schendingen
    assert uitslag["passes"], "axe heeft niets gecontroleerd"


def test_pdf_pagina_als_png(rapporten_map: Path):
    import shutil
    import subprocess

    if not shutil.which("pdftoppm"):
        ontbreekt("pdftoppm ontbreekt")
    ARTEFACTEN.mkdir(exist_ok=True)
    for soort in ("overzicht", "casus"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "1",
                str(rapporten_map / f"{soort}.pdf"),
                str(ARTEFACTEN / f"{soort}-pdf"),
            ],
            check=True,
        )
        assert list(ARTEFACTEN.glob(f"{soort}-pdf*.png"))
