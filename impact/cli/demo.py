"""`impact demo`: a synthetic region in a fresh database, then every report about it."""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from impact.errors import Problem, UserInputError

if TYPE_CHECKING:
    from sqlalchemy import Engine

DEMO_DB = Path("demo.db")
PRICE_LIST_VERSION = "standaard"
TABLES_CHILD_FIRST = (
    "codering",
    "code",
    "casus",
    "verhaal",
    "gebeurtenis",
    "meting",
    "traject",
    "client_identiteit",
    "client",
    "interventie",
    "organisatie",
    "prijslijst",
)


def _fresh_engine(db: str | None, replace: bool) -> Engine:
    from sqlalchemy import text

    from impact import store

    if db is None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DEMO_DB}{suffix}").unlink(missing_ok=True)
        db = str(DEMO_DB)
    engine = store.connect(db)
    store.upgrade(engine)
    with engine.begin() as connection:
        clients = connection.execute(text("SELECT COUNT(*) FROM client")).scalar()
        if clients and not replace:
            raise UserInputError(
                Problem(
                    store.resolve_url(db),
                    None,
                    None,
                    f"een lege database (er staan {clients} cliënten in); gebruik --opnieuw om haar eerst te wissen",
                )
            )
        if clients or replace:
            for table in TABLES_CHILD_FIRST:
                connection.execute(text(f"DELETE FROM {table}"))
    return engine


def load_default_price_list(engine: Engine) -> int:
    """The price list shipped with the package, validated like any user import."""
    from impact.io.importer import import_frame
    from impact.io.kinds import KINDS
    from impact.io.tabular import read_table

    source = resources.files("impact") / "data" / "prijslijst.csv"
    if not source.is_file():
        return 0
    with resources.as_file(source) as path:
        frame = read_table(path)
    kind = KINDS["prijslijst"]
    frame = frame[[c.name for c in kind.columns if c.name in frame.columns]]
    return import_frame(engine, kind, frame, "prijslijst.csv", price_list_version=PRICE_LIST_VERSION).rows


class _Stappen:
    """Progress per stage: a rich display on a terminal, one plain line per stage elsewhere (CI,
    a pipe), so that a long run always shows where it is."""

    def __init__(self, totaal: int) -> None:
        import sys

        self.totaal = totaal
        self.n = 0
        self.tijden: list[tuple[str, float]] = []
        self._begonnen: dict[str, float] = {}
        self._naam = ""
        self._progress = None
        if sys.stdout.isatty():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                transient=False,
            )
            self._taak = self._progress.add_task("", total=totaal)

    def __enter__(self) -> _Stappen:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()

    def begin(self, naam: str) -> None:
        """Stage ``naam`` starts (reports written in parallel are under way at the same time)."""
        self._begonnen[naam] = time.perf_counter()
        self._naam = naam
        if self._progress is not None:
            self._progress.update(self._taak, description=", ".join(self._begonnen))

    def klaar(self, toelichting: str = "", naam: str | None = None) -> None:
        naam = naam or self._naam
        seconden = time.perf_counter() - self._begonnen.pop(naam)
        self.n += 1
        self.tijden.append((naam, seconden))
        regel = f"[{self.n}/{self.totaal}] {naam}: {seconden:.1f} s" + (f" ({toelichting})" if toelichting else "")
        if self._progress is not None:
            self._progress.console.print(regel, highlight=False)
            self._progress.update(self._taak, completed=self.n, description=", ".join(self._begonnen))
        else:
            typer.echo(regel)


def run_demo(
    out_dir: Path, seed: int, n_clients: int, db: str | None, replace: bool, reports: bool, afronden: int = 0
) -> None:
    from impact import store
    from impact.cli.verhalen import publish_world
    from impact.demo import generate
    from impact.parallel import aantal_werkers

    soorten: tuple[str, ...] = ()
    if reports:
        import rapporten
        from rapporten.bron import Filters, Gegevens
        from rapporten.onthulling import Drempels

        soorten = tuple(rapporten.SOORTEN)
        drempels = Drempels(afronden=afronden)  # a wrong --afronden is refused before any work
    started = time.perf_counter()
    with _Stappen(3 + bool(soorten) + len(soorten)) as stappen:
        stappen.begin("wereld maken")
        engine = _fresh_engine(db, replace)
        world = generate(seed=seed, n_clients=n_clients)
        stappen.klaar(f"{len(world.clienten)} cliënten, {len(world.verhalen)} verhalen")
        # the stories enter the database with their published version, as an import stores them
        stappen.begin("verhalen pseudonimiseren")
        publish_world(world)
        stappen.klaar()
        stappen.begin("database schrijven")
        store.write_world(engine, world)
        prices = load_default_price_list(engine)
        counts = store.counts(engine)
        stappen.klaar()
        typer.echo(
            f"Demowereld (seed {seed}) in {store.resolve_url(db or str(DEMO_DB))}: "
            f"{counts['client']} cliënten, {counts['meting']} metingen, {counts['verhaal']} verhalen, "
            f"{counts['casus']} casussen, {prices} prijzen ({time.perf_counter() - started:.1f} s)."
        )
        if not reports:
            return

        def voortgang(soort: str, paden) -> None:
            if paden is None:
                stappen.begin(f"rapport {soort}")
            else:
                stappen.klaar(", ".join(p.name for p in paden), naam=f"rapport {soort}")

        # the reports read the data back from the database, as 'impact rapport' does
        gegevens = Gegevens(engine, Filters())
        stappen.begin("uitkomsten berekenen")
        rapporten.voorbereid(gegevens, drempels, soorten)
        stappen.klaar(f"verdeeld over {aantal_werkers()} processen")
        written = rapporten.alle_rapporten(gegevens, out_dir, drempels=drempels, voortgang=voortgang)
    engine.dispose()
    typer.echo(f"{len(written)} bestanden in {out_dir} (waaronder index.html).")
    typer.echo(
        f"Klaar in {time.perf_counter() - started:.1f} s. Open {out_dir / 'index.html'} in een browser."
    )
