"""CLI command group 'verhalen'."""

import typer

from impact.cli import verhalen_codering

app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Verhalen: pseudonimiseren, coderen, overeenstemming.")

verhalen_codering.register(app)
