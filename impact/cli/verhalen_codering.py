"""Story-coding commands of 'impact verhalen' (overeenstemming, qdpx)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated

import typer

from impact.cli.options import DB_OPTION
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
        rci, keerpunten = _uitkomsten_per_client(engine)
        variabelen = client_variables(clienten, rci=rci, trajecten=store.read(engine, "trajecten"),
                                      extra=keerpunten)
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
        bestand: Annotated[Path, typer.Argument(help="Een .qdpx- of .qdc-bestand (REFI-QDA).")],
        uit: Annotated[Path | None, typer.Option(
            "--uit", help="Schrijf codes.csv, coderingen.csv en verhalen.csv in deze map in "
            "plaats van op te slaan in de database.")] = None,
        db: str | None = DB_OPTION,
    ) -> None:
        """Lees een REFI-QDA-project of -codeboek in: codeboek, coderingen en codeurs worden
        opgeslagen bij de verhalen die al in de database staan."""
        from impact.errors import Problem, UserInputError
        from verhalen.refiqda import import_qdc, import_qdpx

        if not bestand.is_file():
            raise UserInputError(Problem(str(bestand), None, None,
                                         "een bestaand .qdpx- of .qdc-bestand"))
        is_codebook = bestand.suffix.lower() == ".qdc"
        if uit is not None:
            uit.mkdir(parents=True, exist_ok=True)
            if is_codebook:
                cb = import_qdc(bestand)
                cb.to_frame().to_csv(uit / "codes.csv", index=False)
                typer.echo(f"{len(cb)} codes ingelezen naar {uit}.")
                return
            project = import_qdpx(bestand)
            project.codeboek.to_frame().to_csv(uit / "codes.csv", index=False)
            project.coderingen.to_csv(uit / "coderingen.csv", index=False)
            project.verhalen.to_csv(uit / "verhalen.csv", index=False)
            typer.echo(f"{len(project.verhalen)} verhalen, {len(project.codeboek)} codes en "
                       f"{len(project.coderingen)} coderingen ingelezen naar {uit}.")
            return
        if is_codebook:
            _codeboek_opslaan(bestand, import_qdc(bestand), db)
            return
        _project_opslaan(bestand, import_qdpx(bestand), db)


def _codeboek_opslaan(bestand: Path, cb, db: str | None) -> None:
    from impact import store
    from impact.cli.options import open_database

    engine = open_database(db)
    with store.write_transaction(engine) as connection:
        aantallen = store.write_codings(connection, cb.to_frame(), None)
    typer.echo(f"Codeboek uit {bestand.name}: {_codes_zin(aantallen)}.")


def _project_opslaan(bestand: Path, project, db: str | None) -> None:
    """Link the project to the stored stories, store codebook and codings, and report."""
    from impact import store
    from impact.cli.options import open_database
    from verhalen.refiqda import koppel_aan_verhalen

    engine = open_database(db)
    koppeling = koppel_aan_verhalen(project, store.read(engine, "verhalen"))
    with store.write_transaction(engine) as connection:
        aantallen = store.write_codings(connection, koppeling.codes, koppeling.coderingen)
    bronnen = koppeling.bronnen
    gekoppeld = bronnen[bronnen["verhaal_id"].notna()]
    los = bronnen[bronnen["verhaal_id"].isna()]
    codeurs = ", ".join(sorted({str(c) for c in project.coderingen["codeur"]})) or "geen"
    typer.echo(f"Ingelezen uit {bestand.name}: {len(bronnen)} bronnen, {len(project.codeboek)} "
               f"codes, {len(project.coderingen)} coderingen; codeurs: {codeurs}.")
    typer.echo(f"Gekoppeld aan een verhaal in de database: {len(gekoppeld)} van de "
               f"{len(bronnen)} bronnen.")
    if len(gekoppeld) <= LIJST_TOT:
        for rij in gekoppeld.itertuples(index=False):
            typer.echo(f"  - '{rij.bron}' -> verhaal {int(rij.verhaal_id)}, {rij.manier} "
                       f"({_aantal(rij.n_coderingen, 'codering', 'coderingen')})")
    else:
        for manier, n in gekoppeld["manier"].value_counts().items():
            typer.echo(f"  - {n} {manier}")
    if len(los):
        typer.echo(f"Niet gekoppeld: {_aantal(len(los), 'bron', 'bronnen')}; hun coderingen zijn niet "
                   "overgenomen.")
        for rij in los.itertuples(index=False):
            typer.echo(f"  - '{rij.bron}': {rij.reden} "
                       f"({_aantal(rij.n_coderingen, 'codering', 'coderingen')})")
    overgeslagen = koppeling.overgeslagen
    if len(overgeslagen):
        typer.echo(f"Overgeslagen coderingen: {len(overgeslagen)}.")
        for rij in overgeslagen.itertuples(index=False):
            typer.echo(f"  - '{rij.bron}', code '{rij.code}' ({rij.codeur}): {rij.reden}")
    typer.echo(f"Opgeslagen: {_codes_zin(aantallen)}; "
               f"{_aantal(aantallen['coderingen_nieuw'], 'codering', 'coderingen')} nieuw, "
               f"{aantallen['coderingen_aanwezig']} stonden er al.")


LIJST_TOT = 20  # more matched sources than this are summarised per way of matching


def _aantal(n: int, een: str, meer: str) -> str:
    return f"{int(n)} {een if int(n) == 1 else meer}"


def _codes_zin(aantallen: dict[str, int]) -> str:
    return (f"{_aantal(aantallen['codes_nieuw'], 'code', 'codes')} nieuw, "
            f"{aantallen['codes_bijgewerkt']} bijgewerkt, {aantallen['codes_aanwezig']} al aanwezig")


def _uitkomsten_per_client(engine):
    """Per client the RCI category per ZRM domain (professional scores) and the number of
    keerpunten, as case variables for a QDA program; (None, None) without ZRM measurements."""
    import pandas as pd

    from impact import store
    from modellen.betrouwbare_verandering import BetrouwbareVerandering
    from modellen.keerpunten import Keerpunten

    analyse = store.analysis_frame(engine)
    if analyse.empty:
        return None, None
    zrm = analyse[(analyse["instrument"] == "ZRM")
                  & (analyse["bron"].fillna("professional") == "professional")]
    if zrm.empty:
        return None, None
    rci = BetrouwbareVerandering(domein="domein", instrument="ZRM").fit(zrm, bron="database")
    sprongen = Keerpunten(instrument="ZRM").fit(zrm, bron="database").tabel
    clienten = pd.Series(sorted(zrm["client_id"].unique()), name="client_id")
    aantal = sprongen.groupby("client_id").size().reindex(clienten, fill_value=0)
    keerpunten = pd.DataFrame({"client_id": clienten, "keerpunten": aantal.to_numpy().astype("int64")})
    return rci.per_client[["client_id", "domein", "categorie"]], keerpunten


def _codeboek_uit_db(engine, fallback):
    from impact import store
    from verhalen.codeboek import Codeboek

    try:
        codes = store.read(engine, "codes")
    except Exception:  # table not there yet: use the shipped codebook
        return fallback()
    return Codeboek.from_frame(codes) if len(codes) else fallback()
