"""Writing a generated world (demo or test data) into an empty, initialised database in bulk."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from sqlalchemy import Engine, text

from impact import store
from impact.errors import Problem, UserInputError
from impact.schema import Base

# DataFrame attribute -> (table, the frame column that holds the table's id, if any).
# Every other table column is taken from the frame column of the same name.
TABLES: list[tuple[str, str, str | None]] = [
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


def write(engine: Engine, world: Any) -> None:
    """All tables in one transaction: the database gets the whole world or nothing."""
    with engine.begin() as connection:
        existing = connection.execute(text("SELECT COUNT(*) FROM client")).scalar()
        if existing:
            raise UserInputError(
                Problem(
                    store.resolve_url(str(engine.url)),
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
        for attribute, table, id_column in TABLES:
            frame = getattr(world, attribute, None)
            if frame is None or frame.empty:
                continue
            if attribute == "metingen":
                frame = frame.merge(
                    domain_ids, on=["instrument", "domein"], how="left", validate="many_to_one"
                )
                if frame["domein_id"].isna().any():
                    unknown = frame.loc[frame["domein_id"].isna(), ["instrument", "domein"]].drop_duplicates()
                    raise ValueError(f"onbekende instrument/domein-combinaties: {unknown.values.tolist()}")
            present = _column_pairs(table, id_column, frame)
            values = [store.column_values(frame[f].reset_index(drop=True)) for _, f in present]
            store.bulk_insert(connection, table, [c for c, _ in present], zip(*values, strict=True))
        _write_cases(connection, getattr(world, "casussen", None) or [])
        store.reset_sequences(connection, ["organisatie", "client", "interventie", "traject", "verhaal"])


def _write_cases(connection, cases: list[dict]) -> None:
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
                interventions.get(intervention)
                if isinstance(intervention, str)
                else case.get("interventie_id"),
                json.dumps(case, default=str, ensure_ascii=False),
            )
        )
    store.bulk_insert(connection, "casus", ["naam", "client_id", "interventie_id", "inhoud"], rows)
