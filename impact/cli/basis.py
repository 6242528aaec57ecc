"""Core commands: init, sjabloon, importeer, exporteer, demo (filled in by the spine)."""

import typer


def register(app: typer.Typer) -> None:
    """Add the core commands to the top-level app."""
