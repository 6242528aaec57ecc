"""Core commands: init, instrument, sjabloon, importeer, exporteer, kopieer, demo."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from impact.cli.options import DB_OPTION, open_database
from impact.errors import Problem, UserInputError
from impact.io.kinds import KINDS

SOORTEN = ", ".join(KINDS)


def _check_kind(soort: str, extra: tuple[str, ...] = ()) -> None:
    if soort not in KINDS and soort not in extra:
        raise UserInputError(Problem("soort", None, None, f"één van: {', '.join((*KINDS, *extra))}", soort))


def init(db: str | None = DB_OPTION) -> None:
    """Maak de database aan, of werk haar bij naar de nieuwste versie."""
    from impact import store  # lazy: SQLAlchemy and Alembic load only when a command runs

    engine = store.connect(db)
    before = store.current_revision(engine)
    store.upgrade(engine)
    after = store.current_revision(engine)
    if before == after:
        typer.echo(f"Database is al bijgewerkt ({store.resolve_url(db)}, versie {after}).")
    else:
        typer.echo(f"Database klaar: {store.resolve_url(db)} (versie {before or '-'} -> {after}).")


def instrument(
    bestand: Path = typer.Argument(..., help="YAML-bestand met code, naam, schaal, richting en domeinen."),
    db: str | None = DB_OPTION,
) -> None:
    """Voeg een eigen meetinstrument toe (domeinen, schaal, richting, betrouwbaarheid, afkappunten)."""
    from sqlalchemy import text

    from impact import store
    from impact.instruments import load_file

    definition = load_file(bestand)
    engine = open_database(db)
    with store.write_transaction(engine) as connection:
        known = [c for (c,) in connection.execute(text("SELECT code FROM instrument"))]
        store.ensure_instrument(connection, definition)
    if definition.code in known:
        typer.echo(f"Instrument {definition.code} bestond al; niets gewijzigd.")
    else:
        typer.echo(f"Instrument {definition.code} toegevoegd met {len(definition.domeinen)} domeinen.")


def sjabloon(
    soort: str = typer.Argument(..., help=f"Soort gegevens: {SOORTEN}, casus."),
    uit: Path = typer.Option(..., "--uit", help="Bestand om te schrijven (.xlsx of .csv)."),
) -> None:
    """Schrijf een leeg invulbestand met Nederlandse kolomkoppen en één voorbeeldrij."""
    _check_kind(soort, ("casus",))
    if soort == "casus":
        from impact.io.casus_bestand import write_case_template

        write_case_template(uit)
    else:
        from impact.io.templates import write_template

        write_template(soort, uit)
    typer.echo(f"Sjabloon voor {soort} geschreven naar {uit}.")


def importeer(
    soort: str = typer.Argument(..., help=f"Soort gegevens: {SOORTEN}, casussen."),
    bestand: Path = typer.Argument(
        ...,
        help="CSV- of XLSX-bestand (bij verhalen ook een map met teksten; bij casussen een "
        "casusbestand .yaml/.xlsx of een map met casusbestanden).",
    ),
    versie: str = typer.Option(
        None, "--versie", help="Versienaam voor een prijslijst (standaard de bestandsnaam)."
    ),
    db: str | None = DB_OPTION,
) -> None:
    """Controleer een heel bestand en voeg alles toe, of niets."""
    from rich.progress import Progress

    from impact.io.importer import import_file, import_frame

    _check_kind(soort, ("casussen",))
    engine = open_database(db)
    if soort == "casussen":
        typer.echo(_import_cases(engine, bestand).message())
        return
    prepare = None
    if soort == "verhalen":  # stories are stored with their published version, made here
        from impact.cli.verhalen import prepare_stories, warm_up_pseudonymizer

        warm_up_pseudonymizer()
        prepare = prepare_stories
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task(f"{soort} importeren", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        if soort == "verhalen" and bestand.is_dir():
            frame = _story_folder_as_import(engine, bestand)
            result = import_frame(engine, KINDS[soort], frame, str(bestand), progress=progress, prepare=prepare)
        else:
            result = import_file(
                engine, soort, bestand, price_list_version=versie or bestand.stem, progress=progress, prepare=prepare
            )
    typer.echo(result.message())
    if soort == "identiteiten":
        typer.echo(
            "Verhalen die al in de database stonden zijn gepseudonimiseerd zonder deze identiteiten: "
            "draai `impact verhalen pseudonimiseer --db` om hun gepubliceerde versie bij te werken."
        )


def _import_cases(engine, path: Path):
    """Effectencalculator case files into the database, each checked as `kosten-baten casus`
    checks it (the same reader and the same validation and pricing; the shipped price list)."""
    from impact.io.importer import import_cases
    from modellen.kostenbaten.casus import Effectencalculator

    calculator = Effectencalculator()

    def check_case(case) -> None:
        calculator.fit(case.document, case.bestand, case.regels)

    return import_cases(engine, path, check_case)


def _story_folder_as_import(engine, folder: Path):
    """A folder of story files as the text table `importeer verhalen` validates.

    In a folder's metadata ``client_id`` is the database id of the client; the import itself
    names clients by pseudonym, so the ids are translated here.
    """
    import pandas as pd

    from impact import store
    from impact.io.verhalen_bestanden import read_story_folder

    stories = read_story_folder(folder)
    pseudonyms = store.read(engine, "clienten").set_index("client_id")["pseudoniem"]
    interventions = store.read(engine, "interventies").set_index("interventie_id")["naam"]
    frame = pd.DataFrame(
        {
            "titel": stories["titel"],
            "tekst": stories["tekst"],
            "soort": stories["soort"],
            "datum": stories["datum"].dt.strftime("%Y-%m-%d"),
            "auteur_rol": stories["auteur_rol"],
            "client": stories["client_id"].map(pseudonyms),
            "gemeente": stories["gemeente"],
            "wijk": stories["wijk"],
            "interventie": stories["interventie_id"].map(interventions),
            "toestemming": stories["toestemming"],
        }
    )
    unknown = stories["client_id"].notna() & frame["client"].isna()
    if unknown.any():
        raise UserInputError(
            [
                Problem(str(folder / name), None, "client_id", "het id van een bekende cliënt", value)
                for name, value in zip(
                    stories.loc[unknown, "bron"], stories.loc[unknown, "client_id"], strict=True
                )
            ]
        )
    return frame.astype(object).where(frame.notna(), "").astype(str)


def exporteer(
    soort: str = typer.Argument(..., help=f"Soort gegevens: {SOORTEN}."),
    uit: Path = typer.Option(..., "--uit", help="Bestand om te schrijven (.csv of .xlsx)."),
    versie: str = typer.Option(None, "--versie", help="Welke prijslijstversie (alleen bij prijslijst)."),
    db: str | None = DB_OPTION,
) -> None:
    """Schrijf een tabel terug in hetzelfde formaat dat 'impact importeer' leest."""
    from impact.io.exporter import export_file

    _check_kind(soort)
    engine = open_database(db)
    n = export_file(engine, soort, uit, price_list_version=versie)
    typer.echo(f"{n} rijen {soort} geschreven naar {uit}.")


def kopieer(
    naar: str = typer.Option(
        ...,
        "--naar",
        help="Database-URL of pad van de doeldatabase, bijv. postgresql+psycopg://user@host/db. Een "
        "SQLite-bestand wordt aangemaakt, een PostgreSQL-database moet al bestaan; zij moet leeg zijn.",
    ),
    db: str | None = DB_OPTION,
) -> None:
    """Kopieer een hele database naar een lege andere database (bijv. van SQLite naar PostgreSQL), alles of niets."""
    from impact import store

    bron = open_database(db)
    if store.resolve_url(naar) == store.resolve_url(db):
        raise UserInputError(Problem("--naar", None, None, "een andere database dan de bron (--db)", naar))
    doel = store.connect(naar)
    try:
        aantallen = store.copy_database(bron, doel)
    finally:
        bron.dispose()
        doel.dispose()
    waar = doel.url.render_as_string(hide_password=True)
    typer.echo(
        f"Gekopieerd naar {waar}: {sum(aantallen.values())} rijen in {len(aantallen)} tabellen "
        f"({aantallen['client']} cliënten, {aantallen['meting']} metingen, {aantallen['verhaal']} verhalen, "
        f"{aantallen['codering']} coderingen, {aantallen['casus']} casussen, {aantallen['prijslijst']} prijzen)."
    )


def demo(
    uit: Path = typer.Option(Path("demo-rapport"), "--uit", help="Map voor de rapporten."),
    seed: int = typer.Option(2026, "--seed", help="Startgetal: dezelfde seed geeft dezelfde wereld."),
    clienten: int = typer.Option(2000, "--clienten", min=50, help="Aantal cliënten."),
    db: str | None = typer.Option(
        None, "--db", help="Database voor de demowereld (standaard demo.db hier, telkens opnieuw gemaakt)."
    ),
    opnieuw: bool = typer.Option(False, "--opnieuw", help="Wis een niet-lege --db eerst."),
    rapport: bool = typer.Option(True, "--rapport/--zonder-rapport", help="Schrijf ook de rapporten."),
    afronden: int = typer.Option(
        0, "--afronden", help="5: rond in de rapporten alle aantallen af op vijftallen in plaats van kleine aantallen te verbergen."
    ),
) -> None:
    """Bouw een synthetische regio (Werkplaats Sociaal Domein Zuyd) en schrijf de rapporten."""
    from impact.cli.demo import run_demo

    run_demo(out_dir=uit, seed=seed, n_clients=clienten, db=db, replace=opnieuw, reports=rapport, afronden=afronden)


def register(app: typer.Typer) -> None:
    """Add the core commands to the top-level app."""
    for command in (init, instrument, sjabloon, importeer, exporteer, kopieer, demo):
        app.command()(command)
