"""Options shared by every command group."""

from __future__ import annotations

import typer

from impact import store
from impact.errors import Problem, UserInputError

DB_OPTION = typer.Option(
    None,
    "--db",
    envvar="IMPACT_DB",
    help="Database-URL of pad (standaard: impact.db hier; bijv. postgresql+psycopg://user@host/db).",
)


def open_database(url: str | None, must_exist: bool = True):
    """An engine for an initialised database, or a Dutch error that says what to do."""
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
