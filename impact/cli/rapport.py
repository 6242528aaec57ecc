"""CLI command group 'rapport': one report for one audience, as HTML (and PDF/XLSX)."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(
    help="Rapporten maken: overzicht, beleid, verantwoording, dialoog, casus, wijkverhalen, burger.",
    no_args_is_help=True,
    rich_markup_mode=None,
    # 'impact rapport <soort> --uit ...': options after the argument belong to this group
    context_settings={"allow_interspersed_args": True},
)

SOORTEN_HULP = "overzicht | beleid | verantwoording | dialoog | casus | wijkverhalen | burger"


@app.callback(invoke_without_command=True)
def rapport(
    soort: str = typer.Argument(..., help=f"Soort rapport: {SOORTEN_HULP}."),
    uit: Path = typer.Option(..., "--uit", help="Het HTML-bestand dat gemaakt wordt."),
    pdf: bool = typer.Option(False, "--pdf", help="Maak ook een PDF (zelfde naam, .pdf)."),
    xlsx: bool = typer.Option(False, "--xlsx", help="Maak ook een Excel-bestand met alle tabellen."),
    gemeente: list[str] = typer.Option(None, "--gemeente", help="Alleen deze gemeente(n)."),
    interventie: list[str] = typer.Option(None, "--interventie", help="Alleen deze interventie(s)."),
    periode: str = typer.Option(
        None, "--periode", help="Alleen deze periode: 2025, 2024:2025 of 2024-01-01:2024-06-30."
    ),
    taal: str = typer.Option("nl", "--taal", help="Taal van het rapport: nl of en."),
    drempel: int = typer.Option(5, "--drempel", help="Aantallen kleiner dan dit worden niet getoond."),
    afronden: int = typer.Option(
        0,
        "--afronden",
        help="5: rond alle aantallen af op vijftallen (zoals het CBS) in plaats van kleine aantallen "
        "te verbergen; 0 (standaard): niet afronden.",
    ),
    programma: Path = typer.Option(
        None,
        "--programma",
        help="Programmabestand (YAML) voor de kosten en baten van het programma in het "
        "verantwoordingsrapport; bereik, deadweight en drop-off komen uit de database.",
    ),
    db: str = typer.Option(None, "--db", help="Database-URL (standaard IMPACT_DB of impact.db)."),
) -> None:
    """Maak één rapport uit de database."""
    import rapporten
    from impact.cli.options import open_database
    from impact.errors import UserInputError
    from impact.io.casus_bestand import lees_yaml_met_regels
    from impact.opmaak import Opmaak
    from rapporten.bron import Filters, Gegevens
    from rapporten.onthulling import Drempels
    from rapporten.resultaten import resultaat, zet_programma

    Opmaak(taal)  # refuses an unknown language before any work
    rapporten.rapportsoort(soort)
    drempels = Drempels(drempel, max(10, drempel), afronden)
    filters = Filters.maak(gemeente, interventie, periode)
    gegevens = Gegevens(open_database(db), filters)
    if programma is not None:
        zet_programma(gegevens, lees_yaml_met_regels(programma, "een programma met naam, investeringen en uitkomsten"))
        fout = resultaat(gegevens, "programma").fout
        if fout:
            raise UserInputError(fout)
    if uit.suffix.lower() != ".html":
        uit = uit.with_suffix(".html")
    paden = rapporten.bouw(
        soort,
        gegevens,
        uit,
        pdf=pdf,
        xlsx=xlsx,
        taal=taal,
        drempels=drempels,
    )
    for pad in paden:
        typer.echo(f"geschreven: {pad}")
