"""Story-coding commands of 'impact verhalen' (overeenstemming, qdpx)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated

import typer

from impact.cli.taal import huidige_taal
from impact.opmaak import Opmaak


def _number(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "niet te berekenen"
    return Opmaak(huidige_taal()).getal(value, 3)


def register(app: typer.Typer) -> None:
    """Add the coding commands to the 'verhalen' group."""

    @app.command("overeenstemming")
    def overeenstemming(
        bestand: Annotated[Path, typer.Argument(
            help="CSV met één rij per codeur en één kolom per eenheid (leeg = niet "
            "gecodeerd). Een eerste kolom 'codeur' mag de namen bevatten.")],
        niveau: Annotated[str, typer.Option(
            "--niveau", help="Meetniveau: nominaal, ordinaal, interval of ratio.")] = "nominaal",
        als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
    ) -> None:
        """Overeenstemming tussen codeurs: Krippendorffs alfa en (bij twee codeurs) Cohens kappa."""
        from impact.errors import Problem, UserInputError
        from impact.io.tabular import read_table
        from verhalen.overeenstemming import Overeenstemming, betrouwbaarheidsdata

        if not bestand.exists():
            raise UserInputError(Problem(str(bestand), None, None, "een bestaand CSV-bestand"))
        data = betrouwbaarheidsdata(read_table(bestand, lower_headers=False), niveau,
                                    bestand=str(bestand))
        result = Overeenstemming(niveau).fit(data)
        if als_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            return
        typer.echo(f"Krippendorffs alfa ({result.niveau}): {_number(result.alpha)}")
        typer.echo(f"Codeurs: {result.n_codeurs}; eenheden: {result.n_eenheden} "
                   f"(waarvan {result.n_eenheden_paarbaar} door minstens twee codeurs gecodeerd)")
        if result.kappa is not None:
            typer.echo(f"Cohens kappa: {_number(result.kappa)}")
        if result.kappa_gewogen is not None:
            typer.echo(f"Gewogen kappa ({result.gewichten}): {_number(result.kappa_gewogen)}")
        if result.n_codeurs > 2:
            for row in result.summary().itertuples(index=False):
                typer.echo(f"  {row.codeur_a} - {row.codeur_b}: kappa {_number(row.kappa)} "
                           f"over {row.n_eenheden} eenheden")

    @app.command("exporteer-qdpx")
    def exporteer_qdpx(
        uit: Annotated[Path, typer.Argument(help="Het .qdpx-bestand dat gemaakt wordt.")],
        gebruik: Annotated[str, typer.Option(
            "--gebruik",
            help="Beoogd gebruik: intern, geanonimiseerd_publiceren of publiceren_met_bron; "
            "alleen verhalen met die toestemming gaan mee.")] = "intern",
        codeboek: Annotated[Path | None, typer.Option(
            "--codeboek", help="Codeboek (YAML); standaard het ZRM-codeboek.")] = None,
        db: Annotated[str | None, typer.Option(
            "--db", help="Database-URL (standaard IMPACT_DB).")] = None,
    ) -> None:
        """Exporteer verhalen, codeboek, coderingen en cliëntvariabelen als REFI-QDA-project."""
        from impact import store
        from impact.cli.options import open_database
        from verhalen.codeboek import Codeboek, zrm_codeboek
        from verhalen.exemplaren import is_publicatie
        from verhalen.refiqda import client_variables, export_qdpx

        engine = open_database(db)
        verhalen = store.read(engine, "verhalen")
        coderingen = store.read(engine, "coderingen")
        clienten = store.read(engine, "clienten")
        cb = Codeboek.load(codeboek) if codeboek else _codeboek_uit_db(engine, zrm_codeboek)
        variabelen = client_variables(clienten, trajecten=store.read(engine, "trajecten"))
        extra = {}
        if is_publicatie(gebruik):
            from verhalen.pseudonimisering import Pseudonymizer

            typer.echo("Verhalen worden gepseudonimiseerd voor publicatie ...")
            extra = {"pseudonymizer": Pseudonymizer(),
                     "identiteiten": store.read(engine, "identiteiten")}
        n = export_qdpx(uit, verhalen, cb, coderingen, variabelen=variabelen, gebruik=gebruik,
                        **extra)
        typer.echo(f"{n} verhalen geëxporteerd naar {uit}.")

    @app.command("importeer-qdpx")
    def importeer_qdpx(
        bestand: Annotated[Path, typer.Argument(help="Een .qdpx- of .qdc-bestand.")],
        uit: Annotated[Path, typer.Option(
            "--uit", help="Map voor codes.csv en coderingen.csv.")],
    ) -> None:
        """Lees een REFI-QDA-project of -codeboek in (codeboek en coderingen als CSV)."""
        from verhalen.refiqda import import_qdc, import_qdpx

        uit.mkdir(parents=True, exist_ok=True)
        if bestand.suffix.lower() == ".qdc":
            cb = import_qdc(bestand)
            cb.to_frame().to_csv(uit / "codes.csv", index=False)
            typer.echo(f"{len(cb)} codes ingelezen.")
            return
        project = import_qdpx(bestand)
        project.codeboek.to_frame().to_csv(uit / "codes.csv", index=False)
        project.coderingen.to_csv(uit / "coderingen.csv", index=False)
        project.verhalen.to_csv(uit / "verhalen.csv", index=False)
        typer.echo(f"{len(project.verhalen)} verhalen, {len(project.codeboek)} codes en "
                   f"{len(project.coderingen)} coderingen ingelezen naar {uit}.")


def _codeboek_uit_db(engine, fallback):
    from impact import store
    from verhalen.codeboek import Codeboek

    try:
        codes = store.read(engine, "codes")
    except Exception:  # table not there yet: use the shipped codebook
        return fallback()
    return Codeboek.from_frame(codes) if len(codes) else fallback()
