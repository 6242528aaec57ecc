"""Story-coding commands of 'impact verhalen' (overeenstemming, codeboek, qdpx)."""

import typer


def register(app: typer.Typer) -> None:
    """Add the coding commands to the 'verhalen' group."""
