"""Options shared by every command group."""

from __future__ import annotations

from pathlib import Path

import typer

from impact.errors import Problem, UserInputError

DB_OPTION = typer.Option(
    None,
    "--db",
    envvar="IMPACT_DB",
    help="Database-URL of pad (standaard: impact.db hier; bijv. postgresql+psycopg://user@host/db).",
)


def _missing_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL that does not exist (connecting would create it empty)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(parsed.database)
    return None if path.is_file() else path


def open_database(url: str | None, must_exist: bool = True):
    """An engine for an initialised database, or a Dutch error that says what to do.

    A read never creates a database: a SQLite file that does not exist is refused before
    connecting (only 'impact init' and 'impact demo' make one).
    """
    from impact import store  # lazy: SQLAlchemy and Alembic load only when a command runs

    resolved = store.resolve_url(url)
    missing = _missing_sqlite_file(resolved) if must_exist else None
    if missing is not None:
        hint = " (na 'impact demo': --db demo.db)" if Path("demo.db").is_file() else ""
        raise UserInputError(
            Problem(
                str(missing),
                None,
                None,
                f"een bestaande database; maak haar met 'impact init'{hint}",
                "bestand bestaat niet",
            )
        )
    engine = store.connect(url)
    if must_exist and not store.is_initialised(engine):
        raise UserInputError(
            Problem(
                store.resolve_url(url),
                None,
                None,
                "een database die met 'impact init' is aangemaakt of bijgewerkt; voer eerst 'impact init' uit",
            )
        )
    return engine


def afsluiten_zonder_uitloop() -> None:
    """Called after every command's last line (``impact.cli.main``): the process then exits at
    once, also when the command loaded deduce.

    deduce's lookup structures are millions of small objects; at interpreter exit the garbage
    collector traverses them again and again while modules are torn down (measured: 10-20 s
    after the last line, 36 s once). ``gc.freeze()`` moves every live object to the permanent
    generation, which those collections skip (exit in < 0.1 s). Nothing runs after it but exit.
    """
    import gc

    gc.freeze()
