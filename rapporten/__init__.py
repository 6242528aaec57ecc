"""Reports that start a conversation between beleid and uitvoering.

One module per audience declares its report as a list of sections
(:class:`rapporten.secties.Rapportsoort`) and registers it; :data:`RAPPORTEN` is that
registry. :func:`bouw` writes one report, :func:`alle_rapporten` every report of a run from
the same data and the same model results, with one chart-export session for all PDFs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from impact.errors import UserInputError
from rapporten import beleid, burger, casus, dialoog, overzicht, verantwoording, wijkverhalen
from rapporten.secties import RAPPORTEN, Rapportsoort

# the order of the index page and of ``impact demo``
SOORTEN = tuple(
    m.SOORT.naam for m in (overzicht, beleid, verantwoording, dialoog, casus, wijkverhalen, burger)
)


def rapportsoort(soort: str) -> Rapportsoort:
    """The registered report kind called ``soort``; a Dutch error naming the choices otherwise."""
    if soort not in RAPPORTEN:
        raise UserInputError(f"onbekende rapportsoort {soort!r}; kies uit {', '.join(SOORTEN)}")
    return RAPPORTEN[soort]


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
    rapport = rapportsoort(soort).maak(ctx)
    return gm.schrijf(rapport, pad.parent, pad.stem, pdf, xlsx, afbeeldingen)


def alle_rapporten(
    engine,
    out_dir: str | Path,
    pdf: bool = False,
    xlsx: bool = False,
    taal: str = "nl",
    filters=None,
    drempels=None,
    voortgang: Callable[[str, list[Path] | None], None] | None = None,
) -> list[Path]:
    """Write every report into ``out_dir``; return all files written.

    ``engine`` may also be an ``impact.demo`` world or a dict of DataFrames. The data are read
    once and shared by all builders. ``voortgang(soort, None)`` is called when a report is
    started and ``voortgang(soort, paden)`` when it is written (for a progress display).
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
            if voortgang is not None:
                voortgang(soort, None)
            ctx = gm.maak_context(gegevens, taal, None, drempels)
            rapport = rapportsoort(soort).maak(ctx)
            geschreven = gm.schrijf(rapport, Path(out_dir), soort, pdf, xlsx, afbeeldingen)
            paden += geschreven
            if voortgang is not None:
                voortgang(soort, geschreven)
            lijst.append(
                (
                    soort,
                    rapport.titel,
                    rapport.ondertitel,
                    [p.name for p in geschreven if p.suffix != ".html"],
                )
            )
    paden.append(_index(Path(out_dir), lijst, taal, gegevens.synthetisch))
    return paden


def _index(out_dir: Path, lijst: list, taal: str, synthetisch: bool) -> Path:
    """index.html: one page that links every report (what ``impact demo`` tells you to open)."""
    from impact.opmaak import Opmaak
    from rapporten.schrijvers import _css, omgeving

    opmaak = Opmaak(taal)
    html = omgeving().get_template("index.html.j2").render(taal=taal, t=opmaak.t, css=_css(), rapporten=lijst, synthetisch=synthetisch)
    pad = out_dir / "index.html"
    pad.write_text(html, encoding="utf-8")
    return pad
