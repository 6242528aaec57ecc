"""Writing a generated world (demo or test data) into an empty, initialised database in bulk."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from sqlalchemy import Engine, text

from impact import store
from impact.errors import Problem, UserInputError

# DataFrame attribute -> (table, [(table column, frame column)])
TABLES: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("organisaties", "organisatie", [("id", "organisatie_id"), ("naam", "naam")]),
    (
        "clienten",
        "client",
        [
            ("id", "client_id"),
            ("pseudoniem", "pseudoniem"),
            ("organisatie_id", "organisatie_id"),
            ("geboortejaar", "geboortejaar"),
            ("gemeente", "gemeente"),
            ("wijk", "wijk"),
            ("groep", "groep"),
            ("cohort", "cohort"),
        ],
    ),
    (
        "identiteiten",
        "client_identiteit",
        [("client_id", "client_id"), ("soort", "soort"), ("waarde", "waarde")],
    ),
    (
        "interventies",
        "interventie",
        [
            ("id", "interventie_id"),
            ("naam", "naam"),
            ("databank_erkenning", "databank_erkenning"),
            ("doelgroep", "doelgroep"),
            ("omschrijving", "omschrijving"),
        ],
    ),
    (
        "trajecten",
        "traject",
        [
            ("id", "traject_id"),
            ("client_id", "client_id"),
            ("interventie_id", "interventie_id"),
            ("start", "start"),
            ("eind", "eind"),
            ("uitstroomreden", "uitstroomreden"),
        ],
    ),
    (
        "metingen",
        "meting",
        [
            ("client_id", "client_id"),
            ("domein_id", "domein_id"),
            ("datum", "datum"),
            ("score", "score"),
            ("bron", "bron"),
        ],
    ),
    (
        "gebeurtenissen",
        "gebeurtenis",
        [
            ("client_id", "client_id"),
            ("datum", "datum"),
            ("soort", "soort"),
            ("omschrijving", "omschrijving"),
        ],
    ),
    (
        "verhalen",
        "verhaal",
        [
            ("id", "verhaal_id"),
            ("titel", "titel"),
            ("tekst", "tekst"),
            ("soort", "soort"),
            ("datum", "datum"),
            ("auteur_rol", "auteur_rol"),
            ("client_id", "client_id"),
            ("gemeente", "gemeente"),
            ("wijk", "wijk"),
            ("interventie_id", "interventie_id"),
            ("toestemming", "toestemming"),
        ],
    ),
]


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
        for attribute, table, pairs in TABLES:
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
            present = [(c, f) for c, f in pairs if f in frame.columns]
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
