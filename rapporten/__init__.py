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
from impact.parallel import aantal_werkers, verdeel
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
    once, and every model result, the fingerprint and the protected counts the reports need
    are computed once, before the reports are written; both steps are spread over the cores
    (:mod:`impact.parallel`). ``voortgang(soort, None)`` is called when a report is started
    and ``voortgang(soort, paden)`` when it is written (for a progress display); with more
    than one worker several reports are under way at once.
    """
    from rapporten import gemeenschappelijk as gm
    from rapporten import onthulling as ot
    from rapporten.bron import Filters, Gegevens
    from rapporten.schrijvers import Afbeeldingen

    gegevens = engine if isinstance(engine, Gegevens) else Gegevens(engine, filters or Filters())
    drempels = drempels or ot.Drempels()
    voorbereid(gegevens, drempels, SOORTEN)
    # chart images for PDFs come from one kaleido browser session, which does not survive a
    # fork: with PDFs the reports are written one after the other (their results still came
    # from the parallel step above)
    werkers = 1 if pdf else aantal_werkers()

    def schrijf(soort: str) -> tuple[list[Path], tuple]:
        rapport = rapportsoort(soort).maak(gm.maak_context(gegevens, taal, None, drempels))
        geschreven = gm.schrijf(rapport, Path(out_dir), soort, pdf, xlsx, afbeeldingen)
        return geschreven, (soort, rapport.titel, rapport.ondertitel, [p.name for p in geschreven if p.suffix != ".html"])

    with contextlib.ExitStack() as stapel:
        afbeeldingen = stapel.enter_context(Afbeeldingen()) if pdf else None
        if voortgang is not None:
            for soort in SOORTEN[:werkers]:
                voortgang(soort, None)
        wachtend = list(SOORTEN[werkers:])
        klaar: dict[str, tuple] = {}
        for i, (geschreven, regel) in verdeel(schrijf, SOORTEN, werkers):
            klaar[SOORTEN[i]] = (geschreven, regel)
            if voortgang is not None:
                voortgang(SOORTEN[i], geschreven)
                if wachtend:
                    voortgang(wachtend.pop(0), None)
    paden = [p for soort in SOORTEN for p in klaar[soort][0]]
    paden.append(_index(Path(out_dir), [klaar[soort][1] for soort in SOORTEN], taal, gegevens.synthetisch))
    return paden


def voorbereid(gegevens, drempels, soorten: tuple[str, ...]) -> None:
    """Read every table and compute what the reports ``soorten`` need (their model results,
    the fingerprint, the protected counts) into ``gegevens``' cache, each once, spread over
    the cores. A result that fails is left out: the report that needs it computes it again
    and says what is wrong, as it would on its own."""
    from rapporten import gemeenschappelijk as gm
    from rapporten.resultaten import resultaat

    gegevens.lees_alles()
    nodig = dict.fromkeys(n for soort in soorten for n in rapportsoort(soort).nodig())
    cache = gegevens.resultaten
    taken = [("vingerafdruk", None), ("kubus", drempels), *(("resultaat", n) for n in nodig)]
    # what an earlier call already computed is not computed again
    klaar = {"vingerafdruk": "vingerafdruk" in gegevens.__dict__, "kubus": ("kubus", drempels) in cache}
    taken = [taak for taak in taken if not (klaar.get(taak[0]) or (taak[0] == "resultaat" and taak[1] in cache))]
    # the slowest first, so that the workers finish at about the same time
    taken.sort(key=lambda taak: -_DUUR.get(taak[1] if taak[0] == "resultaat" else taak[0], 0))

    def bereken(taak: tuple[str, object]) -> tuple[str | None, dict]:
        """(the fingerprint or None, the cache entries this task added)."""
        soort, wat = taak
        if soort == "vingerafdruk":
            return gegevens.vingerafdruk, {}
        voor = set(cache)
        try:
            if soort == "kubus":
                gm.maak_context(gegevens, drempels=wat).kubus()
            else:
                resultaat(gegevens, wat)
        except Exception:  # noqa: BLE001 - the report asks again and gets the error itself
            pass
        return None, {k: v for k, v in cache.items() if k not in voor}

    for _, (vingerafdruk, nieuw) in verdeel(bereken, taken):
        if vingerafdruk is not None:
            gegevens.__dict__["vingerafdruk"] = vingerafdruk  # the cached_property's own slot
        for sleutel, waarde in nieuw.items():
            cache.setdefault(sleutel, waarde)


# seconds each step took for the 2,000-client demo (benchmarks/rapporten.py): only the order matters
_DUUR = {"standpunten": 6, "vingerafdruk": 2, "kostenbaten": 2, "per_instrument": 2, "kubus": 1.5}


def _index(out_dir: Path, lijst: list, taal: str, synthetisch: bool) -> Path:
    """index.html: one page that links every report (what ``impact demo`` tells you to open)."""
    from impact.opmaak import Opmaak
    from rapporten.schrijvers import _css, omgeving

    opmaak = Opmaak(taal)
    html = omgeving().get_template("index.html.j2").render(taal=taal, t=opmaak.t, css=_css(), rapporten=lijst, synthetisch=synthetisch)
    pad = out_dir / "index.html"
    pad.write_text(html, encoding="utf-8")
    return pad
