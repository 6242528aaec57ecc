"""Writers: one ``Rapport`` object to a self-contained HTML file, a PDF and an XLSX workbook.

HTML embeds plotly.js once and every chart as JSON, so it opens offline. PDF goes through
WeasyPrint with static PNG charts from kaleido; kaleido drives Debian's Chromium, and one
``Afbeeldingen`` session is kept open per run because starting Chromium is the slow part.
XLSX holds every table, including the table behind every chart, with hidden cells as text.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from impact.opmaak import Opmaak
from rapporten import onthulling as ot
from rapporten.figuren import CONFIG, Figuur, plotly_js
from rapporten.model import Rapport

SOORTNAMEN = {
    "overzicht": "Overzicht",
    "beleid": "Dashboard voor beleid",
    "verantwoording": "Verantwoording",
    "dialoog": "Dialoog tussen beleid en uitvoering",
    "casus": "Casusbeschrijving",
    "wijkverhalen": "Wijkverhalen",
    "burger": "Voor inwoners",
}


@jinja2.pass_context
def _gettext(context: jinja2.runtime.Context, tekst: str, **waarden: object) -> str:
    """``{% trans %}`` and ``_()`` in a template: the ``t`` it was rendered with (Opmaak.t)."""
    return context["t"](tekst, **waarden)


@jinja2.pass_context
def _ngettext(context: jinja2.runtime.Context, enkelvoud: str, meervoud: str, n: int, **waarden: object) -> str:
    return context["t"].__self__.tn(enkelvoud, meervoud, n, **waarden)


_EURO_SPATIE = re.compile(r"€ (?=[-\d])")


def _bedrag_bijeen(waarde: object) -> object:
    """'€ 1.234' never breaks after the euro sign: a no-break space in every printed text."""
    if isinstance(waarde, str) and "€ " in waarde:
        bijeen = _EURO_SPATIE.sub("\u20ac\u00a0", waarde)
        return Markup(bijeen) if isinstance(waarde, Markup) else bijeen  # only a space changed
    return waarde


@functools.cache
def omgeving() -> jinja2.Environment:
    """The report templates, with gettext (jinja2.ext.i18n) over the impact catalogue.

    One environment serves both languages: each render passes ``t`` (``Opmaak(taal).t``), and
    ``{% trans %}`` / ``_("... {x}", x=...)`` translate through it, so templates and Python
    code share one catalogue and one placeholder style.
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("rapporten", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        finalize=_bedrag_bijeen,
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(_gettext, _ngettext, newstyle=False)
    return env


@functools.cache
def _css() -> str:
    return (Path(__file__).parent / "templates" / "stijl.css").read_text(encoding="utf-8")


def _scheidingstekens(rapport: Rapport) -> None:
    teken = ",." if rapport.taal == "nl" else ".,"
    for figuur in rapport.figuren():
        figuur.figuur.update_layout(separators=teken)


def _controleer(rapport: Rapport) -> None:
    fouten = []
    for tabel in rapport.tabellen():
        fouten += [f"{tabel.titel}: {f}" for f in ot.controleer(tabel.waarden, tabel.soorten, tabel.drempels)]
    if fouten:
        raise ValueError("rapport zou kleine aantallen tonen: " + "; ".join(fouten))


def render_html(rapport: Rapport, pdf: bool = False, afbeeldingen: dict[str, str] | None = None) -> str:
    _controleer(rapport)
    _scheidingstekens(rapport)
    opmaak = Opmaak(rapport.taal)
    drempels = rapport.tabellen()[0].drempels if rapport.tabellen() else ot.STANDAARD
    return (
        omgeving()
        .get_template("rapport.html.j2")
        .render(
            rapport=rapport,
            opmaak=opmaak,
            t=opmaak.t,
            pdf=pdf,
            css=_css(),
            plotly_js=plotly_js() if not pdf and rapport.figuren() else "",
            plotly_config=CONFIG,
            afbeeldingen=afbeeldingen or {},
            drempels=drempels,
            soortnaam=opmaak.t(SOORTNAMEN.get(rapport.soort, rapport.soort)),
        )
    )


def schrijf_html(rapport: Rapport, pad: Path) -> Path:
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(render_html(rapport), encoding="utf-8")
    return pad


class Afbeeldingen(contextlib.AbstractContextManager):
    """One kaleido/Chromium session for all static chart images of a run."""

    def __init__(self) -> None:
        self._gestart = False

    def __enter__(self) -> Afbeeldingen:
        import logging

        import kaleido

        # kaleido's browser driver and WeasyPrint log every step; a report run should not
        for naam in ("choreographer", "kaleido", "browser_proc", "weasyprint", "fontTools", "PIL"):
            logging.getLogger(naam).setLevel(logging.WARNING)

        kaleido.start_sync_server(silence_warnings=True)
        self._gestart = True
        return self

    def __exit__(self, *exc) -> None:
        if self._gestart:
            import kaleido

            kaleido.stop_sync_server(silence_warnings=True)
            self._gestart = False

    def png(self, figuur: Figuur) -> str:
        import kaleido

        opties = {"format": "png", "width": 900, "height": 420, "scale": 2}
        try:
            data = kaleido.calc_fig_sync(figuur.figuur, opts=opties)
        except Exception:  # noqa: BLE001 - see below; a second failure is raised
            # kaleido's browser tab sometimes takes the blank page's script context for the
            # chart page's when the machine is busy ('kaleido_scopes is not defined'); a
            # fresh session loads it again
            kaleido.stop_sync_server(silence_warnings=True)
            kaleido.start_sync_server(silence_warnings=True)
            data = kaleido.calc_fig_sync(figuur.figuur, opts=opties)
        return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def schrijf_pdf(rapport: Rapport, pad: Path, afbeeldingen: Afbeeldingen | None = None) -> Path:
    from weasyprint import HTML

    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stapel:
        if afbeeldingen is None:
            afbeeldingen = stapel.enter_context(Afbeeldingen())
        _scheidingstekens(rapport)
        plaatjes = {f.id: afbeeldingen.png(f) for f in rapport.figuren()}
    html = render_html(rapport, pdf=True, afbeeldingen=plaatjes)
    # No base_url and no external resources: everything is inline. PDF/UA: tagged, so a
    # screen reader follows headings, tables and figure descriptions.
    HTML(string=html).write_pdf(pad, pdf_variant="pdf/ua-1")
    return pad


def _bladnaam(titel: str, gebruikt: set[str]) -> str:
    basis = re.sub(r"[\[\]\*\?/\\:]", " ", titel).strip()[:28] or "Tabel"
    naam, i = basis, 2
    while naam.lower() in gebruikt:
        naam = f"{basis[:25]} {i}"
        i += 1
    gebruikt.add(naam.lower())
    return naam


def schrijf_xlsx(rapport: Rapport, pad: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from impact.io.tabular import guard_formula

    def veilig(cellen: list) -> list:
        # no cell starts a formula: text that begins with = + - @ gets a leading quote
        return [guard_formula(c) for c in cellen]

    _controleer(rapport)
    opmaak = Opmaak(rapport.taal)
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    boek = Workbook()
    over = boek.active
    over.title = opmaak.t("Over dit rapport")[:31]
    over.append(veilig([rapport.titel]))
    over["A1"].font = Font(bold=True, size=14)
    over.append(veilig([rapport.ondertitel]))
    over.append([])
    for naam, waarde in rapport.herkomst.rijen(opmaak):
        over.append(veilig([naam, waarde]))
    over.append([])
    over.append(veilig([opmaak.t("Tabblad"), opmaak.t("Tabel")]))
    gebruikt = {over.title.lower()}
    inhoud = []
    for tabel in rapport.tabellen():
        blad = boek.create_sheet(_bladnaam(tabel.titel, gebruikt))
        inhoud.append((blad.title, tabel.titel))
        blad.append(veilig([tabel.titel]))
        blad["A1"].font = Font(bold=True)
        blad.append(veilig([str(k) for k in tabel.waarden.columns]))
        for cel in blad[2]:
            cel.font = Font(bold=True)
        for i in tabel.waarden.index:
            blad.append(veilig([tabel.cel(i, k) for k in tabel.waarden.columns]))
        for kolom_nr, kolom in enumerate(tabel.waarden.columns, start=1):
            formaat = {"procent": "0%", "geld": "€ #,##0;€ -#,##0", "gemiddelde": "0.00"}.get(
                tabel.soorten.get(kolom, "")
            )
            if formaat:
                for rij in blad.iter_rows(min_row=3, min_col=kolom_nr, max_col=kolom_nr):
                    for cel in rij:
                        if isinstance(cel.value, (int, float)):
                            cel.number_format = formaat
        legenda = tabel.legenda(opmaak)
        if legenda:
            blad.append([])
            blad.append(veilig([legenda]))
    for regel in inhoud:
        over.append(veilig(list(regel)))
    over.column_dimensions["A"].width = 40
    over.column_dimensions["B"].width = 80
    boek.save(pad)
    return pad
