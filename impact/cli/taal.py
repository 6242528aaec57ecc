"""The command-line parser in Dutch: typer's help layout and usage errors from one catalogue.

Typer (0.29 and later) carries its own copy of Click in which help headings, the usage line
and error messages are fixed English text: they no longer pass through gettext, so a
catalogue cannot reach them through ``gettext.textdomain``. This module translates them at
the two places where they reach the user, using ``impact/locale/nl/LC_MESSAGES/typer.po``
(message id = typer's English text, ``{name}`` for the part that varies):

- help: every context of the ``impact`` command tree formats with :class:`HelpOpmaak`, which
  translates the usage prefix, section headings, metavars and the ``[default: ...]`` notes;
- errors: :class:`ImpactGroup` turns a usage error into :class:`Gebruiksfout`, which prints
  usage line, hint and message in Dutch; typer still exits with code 2, without traceback.

The language is Dutch unless ``--taal en`` is on the command line or ``IMPACT_TAAL=en``.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

import typer
from babel.messages.pofile import read_po
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from impact.opmaak import TALEN, catalogue_path, translations

DOMAIN = "typer"
_taal = "nl"
# placeholders whose captured text is itself one of typer's messages (nested translation)
_GENESTE = {"message", "extra"}


def kies_taal(args: Sequence[str]) -> str:
    """``--taal en`` / ``--taal=en`` on the command line, else ``IMPACT_TAAL``, else Dutch."""
    args = list(args)
    for i, arg in enumerate(args):
        waarde = None
        if arg == "--taal" and i + 1 < len(args):
            waarde = args[i + 1]
        elif arg.startswith("--taal="):
            waarde = arg.split("=", 1)[1]
        if waarde in TALEN:
            return waarde
    waarde = os.environ.get("IMPACT_TAAL", "nl")
    return waarde if waarde in TALEN else "nl"


def huidige_taal() -> str:
    return _taal


def _gettext(tekst: str) -> str:
    return translations(_taal, DOMAIN).gettext(tekst)


@functools.cache
def _sjablonen(taal: str) -> list[tuple[re.Pattern[str], str]]:
    """Catalogue entries with ``{placeholders}`` as patterns, the most specific first."""
    pad = catalogue_path(taal, DOMAIN)
    if not pad.exists():
        return []
    with pad.open("rb") as bestand:
        msgids = [m.id for m in read_po(bestand, locale=taal, domain=DOMAIN) if isinstance(m.id, str)]
    sjablonen = []
    for msgid in msgids:
        if "{" not in msgid:
            continue
        delen = re.split(r"{(\w+)}", msgid)
        patroon = "".join(
            re.escape(deel) if i % 2 == 0 else f"(?P<{deel}>.+?)" for i, deel in enumerate(delen)
        )
        sjablonen.append((re.compile(f"^{patroon}$", re.DOTALL), msgid))
    sjablonen.sort(key=lambda s: -len(re.sub(r"{\w+}", "", s[1])))
    return sjablonen


def vertaal(tekst: str) -> str:
    """A message as typer printed it, in the current language (unknown text stays as it is)."""
    if _taal == "en" or not tekst:
        return tekst
    vertaald = _gettext(tekst)
    if vertaald != tekst:
        return vertaald
    for patroon, msgid in _sjablonen(_taal):
        gevonden = patroon.match(tekst)
        if gevonden:
            waarden = {
                naam: vertaal(waarde) if naam in _GENESTE else waarde
                for naam, waarde in gevonden.groupdict().items()
            }
            return _gettext(msgid).format(**waarden)
    return tekst


class HelpOpmaak(typer.Context.formatter_class):
    """Typer's help formatter, with its own words translated."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = vertaal("Usage:") + " "
        for vast in ("COMMAND [ARGS]...", "[OPTIONS]"):
            args = args.replace(vast, vertaal(vast))
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(vertaal(heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(_metavars(term), _help(tekst)) for term, tekst in rows], col_max, col_spacing)


def _metavars(term: str) -> str:
    return re.sub(r"<[^<>]+>", lambda m: vertaal(m.group(0)), term)


def _help(tekst: str) -> str:
    """Help text with typer's notes at the end: ``Uitleg.  [default: 5; required]``."""
    gevonden = re.fullmatch(r"(.*?)(\s*)\[([^\[\]]*)\]", tekst, re.DOTALL)
    if not gevonden:
        return vertaal(tekst)
    uitleg, tussen, noten = gevonden.groups()
    noten = "; ".join(vertaal(noot) for noot in noten.split("; "))
    return f"{vertaal(uitleg)}{tussen}[{noten}]"


class ImpactContext(typer.Context):
    formatter_class = HelpOpmaak


class Gebruiksfout(UsageError):
    """A usage error of typer, shown in the current language (exit code 2, no traceback)."""

    def __init__(self, fout: UsageError) -> None:
        super().__init__(fout.format_message(), fout.ctx)
        self.fout = fout
        self.exit_code = fout.exit_code

    def show(self, file: IO[Any] | None = None) -> None:
        file = file if file is not None else sys.stderr
        ctx = self.ctx
        kleur = ctx.color if ctx is not None else None
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                sjabloon = _gettext("Try '{command} {option}' for help.")
                hint = sjabloon.format(command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"
            typer.echo(f"{ctx.get_usage()}\n{hint}", file=file, color=kleur)
        typer.echo(_gettext("Error: {message}").format(message=vertaal(self.message)), file=file, color=kleur)


class Afgebroken(ClickException):
    """Ctrl-D at a prompt: typer's ``Aborted!``, in the current language, exit code 1."""

    exit_code = 1

    def __init__(self) -> None:
        super().__init__(vertaal("Aborted!"))

    def show(self, file: IO[Any] | None = None) -> None:
        typer.echo(self.message, file=file if file is not None else sys.stderr)


@contextmanager
def _in_taal() -> Iterator[None]:
    try:
        yield
    except (Gebruiksfout, NoArgsIsHelpError):
        raise
    except UsageError as fout:
        raise Gebruiksfout(fout) from None
    except typer.Abort:
        raise Afgebroken() from None


def _gebruik_context(command: Any) -> None:
    command.context_class = ImpactContext
    for sub in getattr(command, "commands", {}).values():
        _gebruik_context(sub)


class ImpactGroup(TyperGroup):
    """The root ``impact`` group: picks the language and keeps typer's own words in it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _gebruik_context(self)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        global _taal
        if parent is None:
            _taal = kies_taal(args)
        with _in_taal():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _in_taal():
            return super().invoke(ctx)
