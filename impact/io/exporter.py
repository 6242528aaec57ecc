"""`impact exporteer`: a table back out in exactly the format `impact importeer` reads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, text

from impact.errors import Problem, UserInputError
from impact.io.kinds import KINDS
from impact.io.tabular import write_table

EXPORT_QUERIES = {
    "clienten": (
        "SELECT c.pseudoniem, c.geboortejaar, c.gemeente, c.wijk, c.groep, c.cohort, o.naam AS organisatie "
        "FROM client c LEFT JOIN organisatie o ON o.id = c.organisatie_id ORDER BY c.id"
    ),
    "interventies": "SELECT naam, databank_erkenning, databank, doelgroep, omschrijving FROM interventie ORDER BY id",
    "trajecten": (
        "SELECT c.pseudoniem AS client, i.naam AS interventie, t.start, t.eind, t.uitstroomreden FROM traject t "
        "JOIN client c ON c.id = t.client_id JOIN interventie i ON i.id = t.interventie_id ORDER BY t.id"
    ),
    "metingen": (
        "SELECT c.pseudoniem AS client, ins.code AS instrument, d.code AS domein, m.datum, m.score, m.bron "
        "FROM meting m JOIN client c ON c.id = m.client_id JOIN domein d ON d.id = m.domein_id "
        "JOIN instrument ins ON ins.id = d.instrument_id ORDER BY m.id"
    ),
    "gebeurtenissen": (
        "SELECT c.pseudoniem AS client, g.datum, g.soort, g.omschrijving FROM gebeurtenis g "
        "JOIN client c ON c.id = g.client_id ORDER BY g.id"
    ),
    "verhalen": (
        "SELECT v.titel, v.tekst, v.soort, v.datum, v.auteur_rol, c.pseudoniem AS client, v.gemeente, v.wijk, "
        "i.naam AS interventie, v.toestemming FROM verhaal v LEFT JOIN client c ON c.id = v.client_id "
        "LEFT JOIN interventie i ON i.id = v.interventie_id ORDER BY v.id"
    ),
    "identiteiten": (
        "SELECT c.pseudoniem AS client, ci.soort, ci.waarde FROM client_identiteit ci "
        "JOIN client c ON c.id = ci.client_id ORDER BY ci.id"
    ),
    "prijslijst": (
        "SELECT item, omschrijving, eenheid, prijs, prijsjaar, financier, domein, bron, betrouwbaarheid "
        "FROM prijslijst WHERE versie = :versie ORDER BY id"
    ),
}


def export_frame(engine: Engine, kind_name: str, price_list_version: str | None = None) -> pd.DataFrame:
    kind = KINDS[kind_name]
    with engine.connect() as connection:
        frame = pd.read_sql_query(
            text(EXPORT_QUERIES[kind_name]), connection, params={"versie": price_list_version}
        )
    for column in kind.columns:
        if column.kind == "date":
            frame[column.name] = pd.to_datetime(frame[column.name]).dt.strftime("%Y-%m-%d")
        elif column.kind == "int":
            frame[column.name] = frame[column.name].astype("Int64")
    return frame[[c.name for c in kind.columns]]


def export_file(
    engine: Engine, kind_name: str, path: str | Path, price_list_version: str | None = None
) -> int:
    """Write the table to ``path``; a table with no rows writes no file but says what is missing."""
    frame = export_frame(engine, kind_name, price_list_version)
    if frame.empty:
        raise UserInputError(_nothing_to_export(engine, kind_name, price_list_version))
    write_table(frame, path, sheet_name=kind_name)
    return len(frame)


def _nothing_to_export(engine: Engine, kind_name: str, price_list_version: str | None) -> Problem:
    where = engine.url.render_as_string(hide_password=True)
    if kind_name == "prijslijst":
        with engine.connect() as connection:
            versions = [v for (v,) in connection.execute(text("SELECT DISTINCT versie FROM prijslijst ORDER BY versie"))]
        if versions:
            return Problem(
                "--versie", None, None, f"een prijslijstversie die in de database staat (kies met --versie): {', '.join(versions)}",
                price_list_version,
            )
        return Problem(
            where, None, None,
            "een prijslijst in de database; er staat er nog geen in (importeer er een met "
            "'impact importeer prijslijst BESTAND --versie NAAM'); er is geen bestand geschreven",
        )  # fmt: skip
    return Problem(
        where, None, None,
        f"{kind_name} in de database om te exporteren; er staan er nog geen in (importeer ze met "
        f"'impact importeer {kind_name} BESTAND'); er is geen bestand geschreven",
    )  # fmt: skip
