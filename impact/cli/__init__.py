"""The ``impact`` command: one entry point, Dutch help, no tracebacks for user errors.

This package is the only place that imports all four rooms. Each command group lives in
its own module and exposes a ``typer.Typer`` called ``app``. Help and usage errors of the
parser itself are Dutch too (``impact.cli.taal``); ``--taal en`` or ``IMPACT_TAAL=en`` gives
English.
"""

from __future__ import annotations

import sys

import typer

from impact.cli import analyse, basis, kostenbaten, rapport, verhalen
from impact.cli.options import afsluiten_zonder_uitloop
from impact.cli.taal import ImpactGroup, huidige_taal
from impact.errors import UserInputError
from impact.opmaak import Opmaak

app = typer.Typer(
    cls=ImpactGroup,
    help="impact: cijfers en verhalen over de impact van sociaal werk.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,  # a traceback must never print local variables (story text)
)
basis.register(app)
app.add_typer(
    analyse.app, name="analyse", help="Longitudinale analyses: verandering, groei, keerpunten, duurzaamheid."
)
app.add_typer(
    kostenbaten.app, name="kosten-baten", help="Effectencalculator-casussen en programma-MKBA/SROI."
)
app.add_typer(verhalen.app, name="verhalen", help="Verhalen: pseudonimiseren, coderen, overeenstemming.")
app.add_typer(
    rapport.app,
    name="rapport",
    help="Rapporten per publiek: beleid, verantwoording, dialoog, casus, wijkverhalen, burger.",
)


def main() -> None:
    """Console-script entry point: user errors become Dutch messages and exit code 2.

    Usage errors (a missing argument, an unknown option) are reported by the command-line
    parser itself, in the same language, also with exit code 2. Every command, also one that
    stops with an error, ends without the slow teardown of a loaded pseudonymiser
    (:func:`impact.cli.options.afsluiten_zonder_uitloop`).
    """
    try:
        app()
    except UserInputError as error:
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        t = Opmaak(huidige_taal())
        n = len(error.problems)
        typer.echo(t.tn("{n} probleem gevonden; er is niets gewijzigd.", "{n} problemen gevonden; er is niets gewijzigd.", n), err=True)
        sys.exit(2)
    finally:
        afsluiten_zonder_uitloop()
