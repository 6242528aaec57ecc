"""Reports that start a conversation between beleid and uitvoering.

One builder module per audience; each exposes ``maak(ctx) -> Rapport`` and
``build(bron, out_dir, *, pdf=False, xlsx=False, taal="nl", filters=None) -> list[Path]``.
``alle_rapporten`` writes every report in one go, with one chart-export session for all PDFs.
"""

from __future__ import annotations

import contextlib
import importlib
from pathlib import Path

SOORTEN = ("overzicht", "beleid", "verantwoording", "dialoog", "casus", "wijkverhalen", "burger")


def builder(soort: str):
    """The builder module for one kind of report."""
    if soort not in SOORTEN:
        from impact.errors import UserInputError

        raise UserInputError(f"onbekende rapportsoort {soort!r}; kies uit {', '.join(SOORTEN)}")
    return importlib.import_module(f"rapporten.{soort}")


def bouw(
    soort: str,
    bron,
    pad: str | Path,
    *,
    pdf: bool = False,
    xlsx: bool = False,
    taal: str = "nl",
    filters=None,
    drempels=None,
    afbeeldingen=None,
) -> list[Path]:
    """Write one report to ``pad`` (an .html file); PDF and XLSX next to it with the same name."""
    from rapporten import gemeenschappelijk as gm

    pad = Path(pad)
    ctx = gm.maak_context(bron, taal, filters, drempels)
    rapport = builder(soort).maak(ctx)
    return gm.schrijf(rapport, pad.parent, pad.stem, pdf, xlsx, afbeeldingen)


def alle_rapporten(
    engine,
    out_dir: str | Path,
    pdf: bool = False,
    xlsx: bool = False,
    taal: str = "nl",
    filters=None,
    drempels=None,
) -> list[Path]:
    """Write every report into ``out_dir``; return all files written.

    ``engine`` may also be an ``impact.demo`` world or a dict of DataFrames. The data are read
    once and shared by all builders.
    """
    from rapporten import gemeenschappelijk as gm
    from rapporten.bron import Filters, Gegevens
    from rapporten.schrijvers import Afbeeldingen

    gegevens = engine if isinstance(engine, Gegevens) else Gegevens(engine, filters or Filters())
    paden: list[Path] = []
    lijst = []
    with contextlib.ExitStack() as stapel:
        afbeeldingen = stapel.enter_context(Afbeeldingen()) if pdf else None
        for soort in SOORTEN:
            ctx = gm.maak_context(gegevens, taal, None, drempels)
            rapport = builder(soort).maak(ctx)
            geschreven = gm.schrijf(rapport, Path(out_dir), soort, pdf, xlsx, afbeeldingen)
            paden += geschreven
            lijst.append(
                (
                    soort,
                    rapport.titel,
                    rapport.ondertitel,
                    [p.name for p in geschreven if p.suffix != ".html"],
                )
            )
    paden.append(_index(Path(out_dir), lijst, taal))
    return paden


def _index(out_dir: Path, lijst: list, taal: str) -> Path:
    """index.html: one page that links every report (what ``impact demo`` tells you to open)."""
    from impact.opmaak import Opmaak
    from rapporten.schrijvers import _css, omgeving

    opmaak = Opmaak(taal)
    html = omgeving().get_template("index.html.j2").render(taal=taal, t=opmaak.t, css=_css(), rapporten=lijst)
    pad = out_dir / "index.html"
    pad.write_text(html, encoding="utf-8")
    return pad
