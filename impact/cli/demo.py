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


def run_demo(out_dir: Path, seed: int, n_clients: int, db: str | None, replace: bool, reports: bool) -> None:
    from impact.cli.verhalen import publish_world
    from impact.demo import generate

    started = time.perf_counter()
    engine = _fresh_engine(db, replace)
    world = generate(seed=seed, n_clients=n_clients)
    # the stories enter the database with their published version, as an import stores them
    seconds = publish_world(world)
    store.write_world(engine, world)
    prices = load_default_price_list(engine)
    counts = store.counts(engine)
    typer.echo(
        f"Demowereld (seed {seed}) in {store.resolve_url(db or str(DEMO_DB))}: "
        f"{counts['client']} cliënten, {counts['meting']} metingen, {counts['verhaal']} verhalen "
        f"(gepseudonimiseerd in {seconds:.1f} s), {counts['casus']} casussen, {prices} prijzen "
        f"({time.perf_counter() - started:.1f} s)."
    )
    if not reports:
        return
    import rapporten

    written = rapporten.alle_rapporten(engine, out_dir)
    for path in written:
        typer.echo(f"Rapport: {path}")
    typer.echo(
        f"Klaar in {time.perf_counter() - started:.1f} s. Open {out_dir / 'index.html'} in een browser."
    )
