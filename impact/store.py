"""The database at the edge: connect, create/upgrade, bulk writes and tidy DataFrames out.

SQLite (file ``impact.db``) is the default; ``IMPACT_DB`` or an explicit URL selects another
database, PostgreSQL included, with the same code.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import JSON, Connection, Date, Engine, Table, create_engine, event, inspect, select, text
from sqlalchemy.exc import OperationalError

from impact.contract import analyse_frame
from impact.errors import Problem, UserInputError
from impact.instruments import Instrument, builtin
from impact.schema import Base

DEFAULT_URL = "sqlite:///impact.db"
SQLITE_WAIT_SECONDS = 30  # a second writer waits this long for the first before giving up


def resolve_url(url: str | None = None) -> str:
    """An explicit URL wins, then IMPACT_DB, then ``impact.db`` here; a bare path means SQLite."""
    url = url or os.environ.get("IMPACT_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def connect(url: str | None = None) -> Engine:
    """An engine for the database; SQLite gets foreign keys enforced and WAL."""
    resolved = resolve_url(url)
    is_sqlite = resolved.startswith("sqlite")
    engine = create_engine(resolved, connect_args={"timeout": SQLITE_WAIT_SECONDS} if is_sqlite else {})
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    return engine


# Any fixed number: every writer takes the same PostgreSQL advisory lock for its transaction.
_PG_WRITE_LOCK = 7_246_512


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction that holds the database's write lock from its first statement.

    Validation against the database and the write then see the same data: a second writer
    waits (``SQLITE_WAIT_SECONDS``) until the first has committed, and then validates against
    what the first wrote. SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a transaction-level
    advisory lock with the same wait. After the wait: a Dutch refusal (exit 2), nothing changed.
    """
    with engine.connect() as connection:
        try:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            elif connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(SQLITE_WAIT_SECONDS * 1000)}ms'")
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")
        except OperationalError as error:
            connection.rollback()
            raise _busy(engine) if _is_busy(error) else error from None
        try:
            yield connection
        except BaseException:
            connection.rollback()
            raise
        try:
            connection.commit()
        except OperationalError as error:
            connection.rollback()
            raise _busy(engine) if _is_busy(error) else error from None


def _is_busy(error: Exception) -> bool:
    message = str(error).lower()
    return "locked" in message or "lock timeout" in message or "busy" in message


def _busy(engine: Engine) -> UserInputError:
    return UserInputError(
        Problem(
            resolve_url(str(engine.url)),
            None,
            None,
            f"een vrije database; een ander programma schrijft er al in (na {SQLITE_WAIT_SECONDS:g} s "
            "wachten opgegeven). Probeer het straks opnieuw",
        )
    )


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("impact") / "migrations"))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to ``revision`` and make sure built-in instruments exist."""
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)
    if revision == "head":
        with engine.begin() as connection:
            for instrument in builtin().values():
                ensure_instrument(connection, instrument)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(resources.files("impact") / "migrations"))
    return ScriptDirectory.from_config(config).get_current_head()


def is_initialised(engine: Engine) -> bool:
    return inspect(engine).has_table("client") and current_revision(engine) == head_revision()


def ensure_instrument(connection: Connection, instrument: Instrument) -> int:
    """Insert the instrument and its domains if missing; returns the instrument id."""
    found = connection.execute(
        text("SELECT id FROM instrument WHERE code = :code"), {"code": instrument.code}
    ).scalar()
    if found is not None:
        return int(found)
    connection.execute(
        text(
            "INSERT INTO instrument (code, naam, versie, schaal_min, schaal_max, richting, "
            "betrouwbaarheid, betrouwbaarheid_bron, afkappunt, bron, niveaus) VALUES (:code, :naam, "
            ":versie, :schaal_min, :schaal_max, :richting, :betrouwbaarheid, :bb, :afkappunt, :bron, :niveaus)"
        ),
        {
            "code": instrument.code,
            "naam": instrument.naam,
            "versie": instrument.versie,
            "schaal_min": instrument.schaal_min,
            "schaal_max": instrument.schaal_max,
            "richting": instrument.richting,
            "betrouwbaarheid": instrument.betrouwbaarheid,
            "bb": instrument.betrouwbaarheid_bron,
            "afkappunt": instrument.afkappunt,
            "bron": instrument.bron,
            "niveaus": pd.Series(instrument.niveaus).to_json() if instrument.niveaus else None,
        },
    )
    instrument_id = int(
        connection.execute(text("SELECT id FROM instrument WHERE code = :c"), {"c": instrument.code}).scalar()
    )
    bulk_insert(
        connection,
        "domein",
        ["instrument_id", "code", "naam", "volgorde", "betrouwbaarheid", "afkappunt"],
        [
            (instrument_id, d.code, d.naam, i + 1, d.betrouwbaarheid, d.afkappunt)
            for i, d in enumerate(instrument.domeinen)
        ],
    )
    return instrument_id


def bulk_insert(connection: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Insert many rows fast: DB-API executemany on SQLite, COPY on PostgreSQL.

    Runs inside the caller's transaction, so an import stays all-or-nothing.
    """
    dbapi = connection.connection.driver_connection
    column_list = ", ".join(columns)
    if connection.dialect.name == "postgresql":
        with dbapi.cursor() as cursor, cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    placeholders = ", ".join("?" for _ in columns)
    cursor = dbapi.cursor()
    cursor.executemany(f"INSERT INTO {table} ({column_list}) VALUES ({placeholders})", rows)
    cursor.close()


def column_values(values: pd.Series) -> list:
    """Plain Python values for the DB-API: None for missing, ISO strings for dates."""
    missing = values.isna()
    if pd.api.types.is_datetime64_any_dtype(values):
        values = values.dt.strftime("%Y-%m-%d")
    elif str(values.dtype) == "Int64" and not missing.any():
        return values.astype("int64").tolist()
    if not missing.any():
        return values.tolist()
    return values.astype(object).where(~missing, None).tolist()


def reset_sequences(connection: Connection, tables: Iterable[str]) -> None:
    """After inserting explicit ids on PostgreSQL, move each id sequence past the largest id."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )


# --- reading tidy frames -------------------------------------------------------------------

QUERIES: dict[str, str] = {
    "organisaties": "SELECT id AS organisatie_id, naam FROM organisatie ORDER BY id",
    "clienten": (
        "SELECT id AS client_id, pseudoniem, organisatie_id, geboortejaar, gemeente, wijk, groep, cohort "
        "FROM client ORDER BY id"
    ),
    "identiteiten": "SELECT client_id, soort, waarde FROM client_identiteit ORDER BY id",
    "interventies": (
        "SELECT id AS interventie_id, naam, databank_erkenning, databank, doelgroep, omschrijving "
        "FROM interventie ORDER BY id"
    ),
    "trajecten": (
        "SELECT t.id AS traject_id, t.client_id, t.interventie_id, i.naam AS interventie, t.start, t.eind, "
        "t.uitstroomreden FROM traject t JOIN interventie i ON i.id = t.interventie_id ORDER BY t.id"
    ),
    "metingen": (
        "SELECT m.client_id, ins.code AS instrument, d.code AS domein, m.datum, m.score, m.bron "
        "FROM meting m JOIN domein d ON d.id = m.domein_id JOIN instrument ins ON ins.id = d.instrument_id "
        "ORDER BY m.client_id, ins.code, d.volgorde, m.datum, m.bron"
    ),
    "gebeurtenissen": "SELECT client_id, datum, soort, omschrijving FROM gebeurtenis ORDER BY id",
    "verhalen": (
        "SELECT id AS verhaal_id, titel, tekst, soort, datum, auteur_rol, client_id, gemeente, wijk, "
        "interventie_id, toestemming, titel_publicatie, tekst_publicatie, regelset_publicatie, "
        "vervangingen_publicatie FROM verhaal ORDER BY id"
    ),
    "codes": "SELECT id AS code_id, naam, parent_id, definitie, voorbeeld, kleur FROM code ORDER BY id",
    "coderingen": (
        "SELECT id AS codering_id, verhaal_id, code_id, start, eind, codeur, datum FROM codering ORDER BY id"
    ),
    "prijslijst": (
        "SELECT versie, item, omschrijving, eenheid, prijs, prijsjaar, financier, domein, bron, betrouwbaarheid "
        "FROM prijslijst ORDER BY versie, id"
    ),
    "casussen": "SELECT id AS casus_id, naam, client_id, interventie_id, inhoud FROM casus ORDER BY id",
    "instrumenten": (
        "SELECT code, naam, versie, schaal_min, schaal_max, richting, betrouwbaarheid, betrouwbaarheid_bron, "
        "afkappunt, bron FROM instrument ORDER BY id"
    ),
    "domeinen": (
        "SELECT ins.code AS instrument, d.code AS domein, d.naam, d.volgorde, d.betrouwbaarheid, d.afkappunt "
        "FROM domein d JOIN instrument ins ON ins.id = d.instrument_id ORDER BY ins.id, d.volgorde"
    ),
}
DATE_COLUMNS = ("datum", "start", "eind")
OFFSET_COLUMNS = {"coderingen": ("start", "eind")}  # character offsets in a story, not dates
NULLABLE_INT_COLUMNS = ("client_id", "interventie_id", "organisatie_id", "parent_id", "geboortejaar")


def read(engine: Engine, name: str) -> pd.DataFrame:
    """One table as a tidy DataFrame with the column names of the data contract."""
    if name not in QUERIES:
        raise KeyError(f"onbekende tabel '{name}'; kies uit {', '.join(QUERIES)}")
    with engine.connect() as connection:
        frame = pd.read_sql_query(text(QUERIES[name]), connection)
    for column in DATE_COLUMNS:
        if column in frame and column not in OFFSET_COLUMNS.get(name, ()):
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    for column in OFFSET_COLUMNS.get(name, ()):
        frame[column] = frame[column].astype("int64")
    for column in NULLABLE_INT_COLUMNS:
        if column in frame and frame[column].isna().any():
            frame[column] = frame[column].astype("Int64")
    for column in JSON_COLUMNS.get(name, ()):
        # SQLite gives JSON as text, PostgreSQL as objects; a missing value is None on both
        frame[column] = pd.Series([_json_value(v) for v in frame[column]], index=frame.index, dtype=object)
    return frame


JSON_COLUMNS = {"casussen": ("inhoud",), "verhalen": ("vervangingen_publicatie",)}


def _json_value(value: Any) -> Any:
    if isinstance(value, str):
        return json.loads(value)
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value


def analysis_frame(engine: Engine) -> pd.DataFrame:
    """Metingen with client attributes and the client's first traject, plus months since start
    (``impact.contract.analyse_frame`` over the database's tables)."""
    return analyse_frame(read(engine, "metingen"), read(engine, "clienten"), read(engine, "trajecten"))


def counts(engine: Engine) -> dict[str, int]:
    """Rows per main table, for messages and tests."""
    tables = ["client", "interventie", "traject", "meting", "gebeurtenis", "verhaal", "prijslijst", "casus"]
    with engine.connect() as connection:
        return {t: int(connection.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()) for t in tables}


def table_fingerprint(engine: Engine) -> str:
    """The data fingerprint (:func:`impact.contract.vingerafdruk`) over every table, to prove
    two databases hold the same data."""
    from impact.contract import vingerafdruk

    return vingerafdruk({name: read(engine, name) for name in QUERIES})


# --- writing a generated world ------------------------------------------------------------

# DataFrame attribute -> (table, the frame column that holds the table's id, if any).
# Every other table column is taken from the frame column of the same name.
WORLD_TABLES: list[tuple[str, str, str | None]] = [
    ("organisaties", "organisatie", "organisatie_id"),
    ("clienten", "client", "client_id"),
    ("identiteiten", "client_identiteit", None),
    ("interventies", "interventie", "interventie_id"),
    ("trajecten", "traject", "traject_id"),
    ("metingen", "meting", None),
    ("gebeurtenissen", "gebeurtenis", None),
    ("verhalen", "verhaal", "verhaal_id"),
]


def _column_pairs(table: str, id_column: str | None, frame: pd.DataFrame) -> list[tuple[str, str]]:
    """(table column, frame column) for every table column the frame provides."""
    pairs = [("id", id_column)] if id_column else []
    pairs += [(c.name, c.name) for c in Base.metadata.tables[table].columns if c.name != "id"]
    return [(column, source) for column, source in pairs if source in frame.columns]


def write_world(engine: Engine, world: Any) -> None:
    """Write a generated world (``impact.demo.DemoWorld``) into an initialised, empty database.

    All tables in one transaction: the database gets the whole world or nothing.
    """
    with engine.begin() as connection:
        existing = connection.execute(text("SELECT COUNT(*) FROM client")).scalar()
        if existing:
            raise UserInputError(
                Problem(
                    resolve_url(str(engine.url)),
                    None,
                    None,
                    f"een lege database voor de demowereld (er staan al {existing} cliënten in)",
                )
            )
        domain_ids = pd.read_sql_query(
            text(
                "SELECT ins.code AS instrument, d.code AS domein, d.id AS domein_id FROM domein d "
                "JOIN instrument ins ON ins.id = d.instrument_id"
            ),
            connection,
        )
        for attribute, table, id_column in WORLD_TABLES:
            frame = getattr(world, attribute, None)
            if frame is None or frame.empty:
                continue
            if attribute == "metingen":
                frame = frame.merge(domain_ids, on=["instrument", "domein"], how="left", validate="many_to_one")
                if frame["domein_id"].isna().any():
                    unknown = frame.loc[frame["domein_id"].isna(), ["instrument", "domein"]].drop_duplicates()
                    raise ValueError(f"onbekende instrument/domein-combinaties: {unknown.values.tolist()}")
            present = _column_pairs(table, id_column, frame)
            values = [table_values(table, c, frame[f].reset_index(drop=True)) for c, f in present]
            bulk_insert(connection, table, [c for c, _ in present], zip(*values, strict=True))
        _write_cases(connection, getattr(world, "casussen", None) or [])
        reset_sequences(connection, ["organisatie", "client", "interventie", "traject", "verhaal"])
        codes = getattr(world, "codes", None)
        if codes is not None and not codes.empty:
            write_codings(connection, codes, getattr(world, "coderingen", None))


def write_codings(connection: Connection, codes: pd.DataFrame, coderingen: pd.DataFrame | None) -> dict[str, int]:
    """Store a codebook and codings inside the caller's transaction, never twice.

    ``codes``: code_id (any key), naam, parent_id (a code_id of the same frame or missing),
    definitie, voorbeeld, kleur. A code already in the database with the same path of names
    from its root code is the same code (its definitie, voorbeeld and kleur are updated), so
    importing the same codebook again adds nothing. ``coderingen``: verhaal_id (a stored
    story), code_id (a key of ``codes``), start, eind, codeur, datum; a coding with the same
    story, code, start, eind and codeur as a stored one is left out. Returns the counts
    (codes_nieuw, codes_bijgewerkt, codes_aanwezig, coderingen_nieuw, coderingen_aanwezig).
    """
    table = Base.metadata.tables["code"]
    stored = connection.execute(text("SELECT id, naam, parent_id, definitie, voorbeeld, kleur FROM code")).fetchall()
    by_id = {row.id: row for row in stored}

    def stored_path(code_id: int) -> tuple[str, ...]:
        row = by_id[code_id]
        return (*(stored_path(row.parent_id) if row.parent_id is not None else ()), row.naam)

    existing = {stored_path(row.id): row for row in stored}
    counts = dict.fromkeys(("codes_nieuw", "codes_bijgewerkt", "codes_aanwezig", "coderingen_nieuw", "coderingen_aanwezig"), 0)
    records = {str(r["code_id"]): r for r in codes.to_dict("records")}
    paths: dict[str, tuple[str, ...]] = {}
    ids: dict[str, int] = {}

    def optional(value: Any) -> str | None:
        return None if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "" else str(value)

    def store_code(key: str) -> int:
        if key in ids:
            return ids[key]
        record = records[key]
        parent = optional(record.get("parent_id"))
        parent_id = store_code(parent) if parent is not None else None
        paths[key] = (*(paths[parent] if parent is not None else ()), str(record["naam"]))
        values = {c: optional(record.get(c)) for c in ("definitie", "voorbeeld", "kleur")}
        row = existing.get(paths[key])
        if row is None:
            ids[key] = connection.execute(
                table.insert().values(naam=str(record["naam"]), parent_id=parent_id, **values).returning(table.c.id)
            ).scalar_one()
            counts["codes_nieuw"] += 1
        else:
            ids[key] = row.id
            changed = {c: v for c, v in values.items() if v is not None and getattr(row, c) != v}
            if changed:  # a value the file leaves empty keeps what was stored
                connection.execute(table.update().where(table.c.id == row.id).values(**changed))
                counts["codes_bijgewerkt"] += 1
            else:
                counts["codes_aanwezig"] += 1
        return ids[key]

    for key in records:
        store_code(key)
    if coderingen is None or coderingen.empty:
        return counts
    frame = coderingen.assign(code_id=[ids[str(c)] for c in coderingen["code_id"]])
    frame = frame.astype({"verhaal_id": "int64", "start": "int64", "eind": "int64"})
    key_columns = ["verhaal_id", "code_id", "start", "eind", "codeur"]
    present = {
        (r.verhaal_id, r.code_id, r.start, r.eind, r.codeur)
        for r in connection.execute(text("SELECT verhaal_id, code_id, start, eind, codeur FROM codering")).fetchall()
    }
    keys = list(zip(*(frame[c].tolist() for c in key_columns), strict=True))
    new = [k not in present for k in keys]
    frame = frame[new].drop_duplicates(key_columns)
    counts["coderingen_aanwezig"] = len(keys) - len(frame)
    counts["coderingen_nieuw"] = len(frame)
    if len(frame):
        columns = ["verhaal_id", "code_id", "start", "eind", "codeur", "datum"]
        if "datum" not in frame:
            frame = frame.assign(datum=pd.NaT)
        values = [column_values(frame[c].reset_index(drop=True)) for c in columns]
        bulk_insert(connection, "codering", columns, zip(*values, strict=True))
    return counts


def table_values(table: str, column: str, values: pd.Series) -> list:
    """``column_values``, with JSON columns (the replaced spans of a story) as JSON text."""
    if isinstance(Base.metadata.tables[table].columns[column].type, JSON):
        return [None if v is None or (not isinstance(v, list | dict) and pd.isna(v)) else _json(v) for v in values]
    return column_values(values)


def _json(value: Any) -> str:
    return json.dumps(value, default=str, ensure_ascii=False)


def write_published(engine: Engine, stories: pd.DataFrame, cases: pd.DataFrame | None = None) -> int:
    """Store the published version of stories (``verhaal_id`` and the ``*_publicatie`` columns)
    and of case documents (``casus_id``, ``inhoud``), all in one transaction; returns the
    number of stories updated. The published version itself is made by ``verhalen``."""
    columns = ("titel_publicatie", "tekst_publicatie", "regelset_publicatie", "vervangingen_publicatie")
    rows = [
        {
            "id": int(row["verhaal_id"]),
            **{c: table_values("verhaal", c, pd.Series([row[c]], dtype=object))[0] for c in columns},
        }
        for _, row in stories.iterrows()
    ]
    with write_transaction(engine) as connection:
        if rows:
            connection.execute(
                text(
                    "UPDATE verhaal SET " + ", ".join(f"{c} = :{c}" for c in columns) + " WHERE id = :id"
                ),
                rows,
            )
        if cases is not None and not cases.empty:
            connection.execute(
                text("UPDATE casus SET inhoud = :inhoud WHERE id = :id"),
                [{"id": int(i), "inhoud": _json(d)} for i, d in zip(cases["casus_id"], cases["inhoud"], strict=True)],
            )
    return len(rows)


def _write_cases(connection: Connection, cases: list[dict]) -> None:
    if not cases:
        return
    interventions = dict(connection.execute(text("SELECT naam, id FROM interventie")).fetchall())
    rows = []
    for case in cases:
        intervention = case.get("interventie")
        rows.append(
            (
                str(case.get("naam") or case.get("titel") or "casus"),
                case.get("client_id"),
                interventions.get(intervention) if isinstance(intervention, str) else case.get("interventie_id"),
                json.dumps(case, default=str, ensure_ascii=False),
            )
        )
    bulk_insert(connection, "casus", ["naam", "client_id", "interventie_id", "inhoud"], rows)


def sqlite_path(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    return Path(engine.url.database)


# --- moving a database ---------------------------------------------------------------------

COPY_CHUNK = 20_000
BUILTIN_TABLES = ("instrument", "domein")  # ``upgrade`` fills these in every database


def copy_database(source: Engine, target: Engine) -> dict[str, int]:
    """Copy every table of the data contract from ``source`` into an empty ``target``, in one
    transaction; returns the rows copied per table.

    The target is first created or upgraded to the current schema and must then hold no data
    (only the built-in instruments every database gets; they make way for the source's own
    rows). Ids are kept, so every reference (client, story, code, instrument) stays valid;
    PostgreSQL sequences are moved past the copied ids. The source is read in one snapshot.
    Any failure leaves the target as empty as it was; a row the target refuses (SQLite does
    not enforce text lengths, PostgreSQL does) becomes a Dutch error naming the table.
    """
    where = target.url.render_as_string(hide_password=True)
    try:
        upgrade(target)
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise UserInputError(Problem(where, None, None, "een bereikbare doeldatabase (een PostgreSQL-database maakt u eerst aan, bijv. met createdb)", reason)) from None
    tables = Base.metadata.sorted_tables  # parents before children
    with _snapshot(source) as reading, write_transaction(target) as writing:
        filled = _data_in(writing)
        if filled:
            found = ", ".join(f"{table} ({n})" for table, n in filled.items())
            raise UserInputError(
                Problem(where, None, None, "een lege doeldatabase; er staan al gegevens in", found)
            )
        if writing.dialect.name == "sqlite":  # a code may come before its parent code
            writing.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for name in reversed(BUILTIN_TABLES):
            writing.execute(text(f"DELETE FROM {name}"))
        copied = {table.name: _copy_table(reading, writing, table, where) for table in tables}
        reset_sequences(writing, [table.name for table in tables])
    return copied


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection that sees one consistent state of the database while it reads."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection:
            yield connection
        return
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN")  # the driver opens no transaction for reads
        try:
            yield connection
        finally:
            connection.rollback()


def _data_in(connection: Connection) -> dict[str, int]:
    """Rows per table that are not what ``upgrade`` puts in every database."""
    filled = {}
    for table in Base.metadata.sorted_tables:
        if table.name in BUILTIN_TABLES:
            continue
        n = int(connection.execute(text(f"SELECT COUNT(*) FROM {table.name}")).scalar())
        if n:
            filled[table.name] = n
    own = [code for (code,) in connection.execute(text("SELECT code FROM instrument")) if code not in builtin()]
    if own:
        filled["instrument"] = len(own)
    return filled


def _copy_table(reading: Connection, writing: Connection, table: Table, where: str) -> int:
    columns = list(table.columns)
    json_at = [i for i, c in enumerate(columns) if isinstance(c.type, JSON)]
    date_at = [i for i, c in enumerate(columns) if isinstance(c.type, Date)]
    result = reading.execution_options(stream_results=True).execute(select(table).order_by(table.c.id))
    n = 0
    for chunk in result.partitions(COPY_CHUNK):
        rows = [list(row) for row in chunk]
        for row in rows:
            for i in json_at:
                row[i] = None if row[i] is None else _json(row[i])
            for i in date_at:
                row[i] = None if row[i] is None else row[i].isoformat()
        try:
            bulk_insert(writing, table.name, [c.name for c in columns], rows)
        except writing.dialect.loaded_dbapi.Error as error:
            reason = str(error).strip().splitlines()[0]
            raise UserInputError(
                Problem(where, None, table.name, "rijen die de doeldatabase aanneemt", reason)
            ) from None
        n += len(rows)
    return n

# --- growth-model sufficient statistics in the database -------------------------------------

GROEI_KLANTKOLOMMEN = ("groep", "cohort", "gemeente", "wijk", "geboortejaar")


def meting_soorten(engine: Engine) -> pd.DataFrame:
    """How many measurements there are per instrument, domain and source (one GROUP BY): what
    a command checks its ``--instrument``/``--domein``/``--bron`` against without reading
    every measurement."""
    sql = """
SELECT ins.code AS instrument, d.code AS domein, s.bron AS bron, s.n AS n
FROM (SELECT domein_id, bron, COUNT(*) AS n FROM meting GROUP BY domein_id, bron) s
JOIN domein d ON d.id = s.domein_id JOIN instrument ins ON ins.id = d.instrument_id
ORDER BY ins.code, d.code, s.bron"""
    with engine.connect() as connection:
        return pd.read_sql_query(text(sql), connection)


def groei_statistieken(
    engine: Engine, domein: str | None = None, instrument: str | None = None, bron: str | None = None
) -> pd.DataFrame:
    """Per-client sufficient statistics of the growth model, computed inside the database.

    One ``GROUP BY`` over the metingen (filtered by domain, instrument and source): per client the
    number of measurements ``n`` and the sums ``som_t``, ``som_tt``, ``som_y``, ``som_ty`` and
    ``som_yy`` of time t (months since the first traject's start, or since the client's first
    measurement, as ``analysis_frame`` counts ``maanden``) and score y, with the client columns
    groep, cohort, gemeente, wijk and geboortejaar. ``GroeiModel(...).fit_voldoende(frame)``
    fits from these rows the same model as ``fit`` on every measurement, so a database of
    any size returns one row per client. The SQL is ``groei_sql(dialect)``.
    """
    with engine.connect() as connection:
        sql, params = groei_sql(connection.dialect.name, domein, instrument, bron)
        frame = pd.read_sql_query(text(sql), connection, params=params)
    if frame.empty:
        raise UserInputError(
            Problem(resolve_url(str(engine.url)), None, "domein" if domein else None,
                    "metingen voor het groeimodel" + (f" in domein '{domein}'" if domein else "")
                    + (f" van instrument '{instrument}'" if instrument else "")
                    + (f" met bron '{bron}'" if bron else ""))
        )
    if frame["geboortejaar"].isna().any():
        frame["geboortejaar"] = frame["geboortejaar"].astype("Int64")
    return frame


def groei_sql(
    dialect: str, domein: str | None = None, instrument: str | None = None, bron: str | None = None
) -> tuple[str, dict]:
    """The SQL of ``groei_statistieken`` for a dialect, and its parameters.

    Only the day difference is dialect-specific (SQLite: julianday; PostgreSQL and others:
    date subtraction); the rest is plain SQL that Spark SQL and Trino run as well.
    """
    oorsprong = "COALESCE(et.start, em.datum)"
    if dialect == "sqlite":
        dagen = f"(julianday(m.datum) - julianday({oorsprong}))"
    else:
        dagen = f"CAST(m.datum - {oorsprong} AS DOUBLE PRECISION)"
    from impact.contract import DAGEN_PER_MAAND

    where, params = [], {"dagen_per_maand": DAGEN_PER_MAAND}
    if domein is not None:
        where.append("d.code = :domein")
        params["domein"] = domein
    if instrument is not None:
        where.append("ins.code = :instrument")
        params["instrument"] = instrument
    if bron is not None:
        where.append("m.bron = :bron")
        params["bron"] = bron
    kolommen = ", ".join(f"c.{k}" for k in GROEI_KLANTKOLOMMEN)
    sql = f"""
WITH eerste_traject AS (
    SELECT client_id, MIN(start) AS start FROM traject GROUP BY client_id
), eerste_meting AS (
    SELECT client_id, MIN(datum) AS datum FROM meting GROUP BY client_id
), punten AS (
    SELECT m.client_id, {dagen} / :dagen_per_maand AS t, m.score AS y
    FROM meting m
    JOIN domein d ON d.id = m.domein_id
    JOIN instrument ins ON ins.id = d.instrument_id
    JOIN eerste_meting em ON em.client_id = m.client_id
    LEFT JOIN eerste_traject et ON et.client_id = m.client_id
    {"WHERE " + " AND ".join(where) if where else ""}
)
SELECT c.id AS client_id, {kolommen}, COUNT(*) AS n,
       SUM(p.t) AS som_t, SUM(p.t * p.t) AS som_tt, SUM(p.y) AS som_y,
       SUM(p.t * p.y) AS som_ty, SUM(p.y * p.y) AS som_yy
FROM punten p JOIN client c ON c.id = p.client_id
GROUP BY c.id, {kolommen}
ORDER BY c.id"""
    return sql, params
