"""`impact importeer`: validate a whole file first, then write all rows or none.

Every problem is collected (not only the first) as ``bestand:rij:kolom: verwacht, er stond``;
with any problem the database is not touched at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, Engine, text

from impact import store
from impact.errors import Problem, UserInputError
from impact.instruments import builtin
from impact.io.casus_bestand import CasusBestand, casus_bestanden, lees_casus
from impact.io.kinds import KINDS, Kind
from impact.io.parsing import map_values
from impact.io.tabular import read_table, unguard_frame
from impact.io.validation import (
    Checker,
    apply_defaults,
    check_header,
    check_plausible,
    column_lengths,
    duplicates_within,
    parse_columns,
)
from impact.opmaak import Opmaak
from impact.schema import Base

CHUNK = 50_000
# Called inside the import's transaction with the validated, typed columns (see import_frame).
Prepare = Callable[[Connection, dict[str, pd.Series]], None]


@dataclass
class ImportResult:
    kind: str
    rows: int
    details: dict[str, int] = field(default_factory=dict)

    def message(self) -> str:
        one, many = _ROW_NAMES.get(self.kind, (self.kind, self.kind))
        text_ = f"{_thousands(self.rows)} {one if self.rows == 1 else many} toegevoegd"
        if self.details:
            text_ += " (" + ", ".join(f"{k}: {_thousands(v)}" for k, v in self.details.items()) + ")"
        return text_ + "."


_ROW_NAMES = {  # what one row of each kind is called, for "1 cliënt toegevoegd"
    "clienten": ("cliënt", "cliënten"),
    "interventies": ("interventie", "interventies"),
    "trajecten": ("traject", "trajecten"),
    "metingen": ("meting", "metingen"),
    "gebeurtenissen": ("gebeurtenis", "gebeurtenissen"),
    "verhalen": ("verhaal", "verhalen"),
    "identiteiten": ("identiteit", "identiteiten"),
    "prijslijst": ("prijs", "prijzen"),
    "casussen": ("casus", "casussen"),
}


def _thousands(number: int) -> str:
    return Opmaak("nl").getal(number)


def import_file(
    engine: Engine,
    kind_name: str,
    path: str | Path,
    *,
    price_list_version: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    prepare: Prepare | None = None,
) -> ImportResult:
    """Validate ``path`` as ``kind_name`` and insert it in one transaction (see import_frame)."""
    if kind_name not in KINDS:
        raise UserInputError(Problem(str(path), None, None, f"een soort uit: {', '.join(KINDS)}", kind_name))
    kind = KINDS[kind_name]
    frame = unguard_frame(read_table(path))  # the quote an export put before = + - @ (impact.io.tabular)
    return import_frame(
        engine, kind, frame, str(path), price_list_version=price_list_version, progress=progress, prepare=prepare
    )


def import_frame(
    engine: Engine,
    kind: Kind,
    frame: pd.DataFrame,
    file: str,
    *,
    price_list_version: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    prepare: Prepare | None = None,
) -> ImportResult:
    """Validate ``frame`` as ``kind`` and insert it in one transaction.

    ``prepare(connection, typed)`` runs after validation and before the write, in the same
    transaction (under the write lock): the caller may add columns to ``typed``. The CLI
    uses it to add the published version of imported stories (``OPTIONAL_COLUMNS``), which
    the core cannot make itself (pseudonymisation lives in ``verhalen``)."""
    check = Checker(file)
    check.problems.extend(check_header(kind, list(frame.columns), file))
    check.raise_if_any()
    if frame.empty:
        raise UserInputError(Problem(file, None, None, "minstens één rij met gegevens"))
    frame = apply_defaults(kind, frame)
    typed = parse_columns(kind, frame, check, column_lengths(kind.table))
    # Validation against the database and the write under one write lock: a second import of
    # the same rows waits for the first, then finds them and is refused (no UNIQUE traceback,
    # no duplicate metingen).
    with store.write_transaction(engine) as connection:
        _resolve_references(connection, kind, frame, typed, check)
        _check_rules(kind, frame, typed, check)
        _check_plausible(connection, kind, frame, typed, check)
        _check_duplicates(connection, kind, frame, typed, check, price_list_version)
        check.raise_if_any()
        n = len(frame)
        if prepare is not None:
            prepare(connection, typed)
        _write(connection, kind, typed, price_list_version, progress, n)
    details: dict[str, int] = {}
    if "client_id" in typed:
        details["cliënten"] = int(typed["client_id"].nunique())
    return ImportResult(kind.name, n, details)


def _lookup(connection: Connection, sql: str) -> dict:
    return dict(connection.execute(text(sql)).fetchall())


def _resolve_references(
    connection: Connection, kind: Kind, frame: pd.DataFrame, typed: dict[str, pd.Series], check: Checker
) -> None:
    for column in kind.columns:
        if column.kind not in ("client", "interventie"):
            continue
        raw = frame[column.name]
        if column.kind == "client":
            ids = _lookup(connection, "SELECT pseudoniem, id FROM client")
            expected = "het pseudoniem van een bekende cliënt (importeer eerst de cliënten)"
        else:
            ids = _lookup(connection, "SELECT naam, id FROM interventie")
            expected = "de naam van een bekende interventie (importeer eerst de interventies)"
        resolved = map_values(raw, ids)
        check.flag(resolved.isna() & (raw != ""), column.name, expected, raw)
        typed[f"{column.name}_id"] = resolved.astype("Int64")
    if kind.name == "metingen":
        _resolve_domains(connection, frame, typed, check)


def _resolve_domains(
    connection: Connection, frame: pd.DataFrame, typed: dict[str, pd.Series], check: Checker
) -> None:
    instruments = pd.read_sql_query(
        text("SELECT code, schaal_min, schaal_max FROM instrument"), connection
    ).set_index("code")
    domains = pd.read_sql_query(
        text(
            "SELECT ins.code AS instrument, d.code AS domein, d.id FROM domein d JOIN instrument ins ON ins.id = d.instrument_id"
        ),
        connection,
    )
    instrument = frame["instrument"]
    known_instrument = instrument.isin(instruments.index)
    check.flag(
        ~known_instrument & (instrument != ""),
        "instrument",
        "een bekend instrument: " + ", ".join(instruments.index),
        instrument,
    )
    known = pd.MultiIndex.from_frame(domains[["instrument", "domein"]])
    position = known.get_indexer(
        pd.MultiIndex.from_arrays([instrument.astype(str), frame["domein"].astype(str)])
    )
    domain_ids = pd.Series(domains["id"].to_numpy()[position], index=frame.index).where(position >= 0)
    check.flag(
        known_instrument & domain_ids.isna() & (frame["domein"] != ""),
        "domein",
        "een domein van dit instrument (zie 'impact sjabloon metingen')",
        frame["domein"],
    )
    typed["domein_id"] = domain_ids.astype("Int64")
    low = map_values(instrument, instruments["schaal_min"]).astype("float64")
    high = map_values(instrument, instruments["schaal_max"]).astype("float64")
    score = typed["score"]
    outside = known_instrument & score.notna() & ((score < low) | (score > high))
    for code in instrument[outside].unique():
        rows = outside & (instrument == code)
        scale = f"een score van {instruments.at[code, 'schaal_min']:g} tot en met {instruments.at[code, 'schaal_max']:g} ({code})"
        check.flag(rows, "score", scale, frame["score"])


def _check_rules(kind: Kind, frame: pd.DataFrame, typed: dict[str, pd.Series], check: Checker) -> None:
    if kind.name == "trajecten":
        before = typed["eind"].notna() & typed["start"].notna() & (typed["eind"] < typed["start"])
        check.flag(before, "eind", "een einddatum op of na de startdatum", frame["eind"])


def _check_plausible(
    connection: Connection, kind: Kind, frame: pd.DataFrame, typed: dict[str, pd.Series], check: Checker
) -> None:
    """The plausibility rules of ``impact.io.validation.RULES``, with what the database knows:
    each client's birth year and which instruments have whole-number levels."""
    birth_years = None
    if "client_id" in typed:
        years = _lookup(connection, "SELECT id, geboortejaar FROM client WHERE geboortejaar IS NOT NULL")
        birth_years = map_values(typed["client_id"].astype("float64"), {float(k): v for k, v in years.items()})
    whole: frozenset[str] = frozenset()
    if kind.name == "metingen":
        shipped = builtin()
        stored = connection.execute(text("SELECT code, niveaus FROM instrument")).fetchall()
        whole = frozenset(
            code
            for code, levels in stored
            if (shipped[code].hele_getallen if code in shipped else levels not in (None, "", "{}", "null"))
        )
    check_plausible(kind, frame, typed, check, birth_years=birth_years, whole_number_instruments=whole)


def _key_frame(kind: Kind, typed: dict[str, pd.Series]) -> pd.DataFrame:
    columns = {}
    for name in kind.key:
        column = kind.column(name)
        if column.kind in ("client", "interventie"):
            columns[name] = typed[f"{name}_id"]
        elif kind.name == "metingen" and name in ("instrument", "domein"):
            columns["domein_id"] = typed["domein_id"]
        else:
            columns[name] = typed[name]
    return pd.DataFrame(columns)


def _check_duplicates(
    connection: Connection,
    kind: Kind,
    frame: pd.DataFrame,
    typed: dict[str, pd.Series],
    check: Checker,
    price_list_version: str | None,
) -> None:
    keys = _key_frame(kind, typed)
    label = ", ".join(kind.key)
    within = duplicates_within(kind, keys, check)
    existing = _existing_keys(connection, kind, keys, price_list_version)
    if existing is not None and not existing.empty:
        marker = keys.merge(existing.assign(_in_db=True), how="left", on=list(keys.columns))["_in_db"]
        in_db = marker.fillna(False).astype(bool).set_axis(keys.index) & ~within
        check.flag(in_db, "/".join(kind.key), f"een rij die nog niet in de database staat ({label})")


def _existing_keys(
    connection: Connection, kind: Kind, keys: pd.DataFrame, price_list_version: str | None
) -> pd.DataFrame | None:
    """The keys already in the database, in the same column names and dtypes as ``keys``."""
    queries = {
        "clienten": "SELECT pseudoniem FROM client",
        "interventies": "SELECT naam FROM interventie",
        "trajecten": "SELECT client_id AS client, interventie_id AS interventie, start FROM traject",
        "metingen": "SELECT client_id AS client, domein_id, datum, bron FROM meting",
        "gebeurtenissen": "SELECT client_id AS client, datum, soort FROM gebeurtenis",
        "verhalen": "SELECT tekst, datum, client_id AS client FROM verhaal",
        "identiteiten": "SELECT client_id AS client, soort, waarde FROM client_identiteit",
    }
    if kind.name == "prijslijst":
        existing = pd.read_sql_query(
            text("SELECT item FROM prijslijst WHERE versie = :v"),
            connection,
            params={"v": price_list_version},
        )
    else:
        existing = pd.read_sql_query(text(queries[kind.name]), connection)
    if existing.empty:
        return None
    for column in existing.columns:
        if pd.api.types.is_datetime64_any_dtype(keys[column]):
            existing[column] = pd.to_datetime(existing[column]).astype("datetime64[ns]")
        elif str(keys[column].dtype) == "Int64":
            existing[column] = existing[column].astype("Int64")
    return existing.drop_duplicates()


# --- writing -------------------------------------------------------------------------------

INSERT_COLUMNS: dict[str, list[tuple[str, str]]] = {
    # kind -> [(table column, typed key)]
    "clienten": [
        ("pseudoniem", "pseudoniem"),
        ("organisatie_id", "organisatie_id"),
        ("geboortejaar", "geboortejaar"),
        ("gemeente", "gemeente"),
        ("wijk", "wijk"),
        ("groep", "groep"),
        ("cohort", "cohort"),
    ],
    "interventies": [
        ("naam", "naam"),
        ("databank_erkenning", "databank_erkenning"),
        ("databank", "databank"),
        ("doelgroep", "doelgroep"),
        ("omschrijving", "omschrijving"),
    ],
    "trajecten": [
        ("client_id", "client_id"),
        ("interventie_id", "interventie_id"),
        ("start", "start"),
        ("eind", "eind"),
        ("uitstroomreden", "uitstroomreden"),
    ],
    "metingen": [
        ("client_id", "client_id"),
        ("domein_id", "domein_id"),
        ("datum", "datum"),
        ("score", "score"),
        ("bron", "bron"),
    ],
    "gebeurtenissen": [
        ("client_id", "client_id"),
        ("datum", "datum"),
        ("soort", "soort"),
        ("omschrijving", "omschrijving"),
    ],
    "verhalen": [
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
    "identiteiten": [("client_id", "client_id"), ("soort", "soort"), ("waarde", "waarde")],
    "prijslijst": [
        ("versie", "versie"),
        ("item", "item"),
        ("omschrijving", "omschrijving"),
        ("eenheid", "eenheid"),
        ("prijs", "prijs"),
        ("prijsjaar", "prijsjaar"),
        ("financier", "financier"),
        ("domein", "domein"),
        ("bron", "bron"),
        ("betrouwbaarheid", "betrouwbaarheid"),
    ],
}


# Written when the caller's ``prepare`` provided them (the published version of a story).
OPTIONAL_COLUMNS: dict[str, list[str]] = {
    "verhalen": ["titel_publicatie", "tekst_publicatie", "regelset_publicatie", "vervangingen_publicatie"],
}


def _write(
    connection: Connection,
    kind: Kind,
    typed: dict[str, pd.Series],
    price_list_version: str | None,
    progress: Callable[[int, int], None] | None,
    n: int,
) -> None:
    if kind.name == "clienten":
        typed["organisatie_id"] = _organisation_ids(connection, typed["organisatie"])
    if kind.name == "prijslijst":
        typed["versie"] = pd.Series([price_list_version or "eigen"] * n)
    pairs = INSERT_COLUMNS[kind.name] + [(c, c) for c in OPTIONAL_COLUMNS.get(kind.name, []) if c in typed]
    columns = [store.table_values(kind.table, c, typed[key].reset_index(drop=True)) for c, key in pairs]
    rows = list(zip(*columns, strict=True))
    for start in range(0, n, CHUNK):
        store.bulk_insert(connection, kind.table, [c for c, _ in pairs], rows[start : start + CHUNK])
        if progress:
            progress(min(start + CHUNK, n), n)


def _organisation_ids(connection: Connection, names: pd.Series) -> pd.Series:
    wanted = sorted(set(names.dropna()))
    known = _lookup(connection, "SELECT naam, id FROM organisatie")
    for name in wanted:
        if name not in known:
            connection.execute(text("INSERT INTO organisatie (naam) VALUES (:n)"), {"n": name})
    known = _lookup(connection, "SELECT naam, id FROM organisatie")
    return names.map(known).astype("Int64")


# --- Effectencalculator cases (YAML / XLSX files, one case per file) -----------------------

# Checks one case as `impact kosten-baten casus` does (the validation lives in ``modellen``,
# which the core does not import; the CLI passes it in). Raises UserInputError.
CaseCheck = Callable[[CasusBestand], None]
NAME_LENGTH = Base.metadata.tables["casus"].columns["naam"].type.length


def import_cases(engine: Engine, path: str | Path, check_case: CaseCheck) -> ImportResult:
    """Read every case file of ``path`` (a file or a folder), check each with ``check_case``,
    resolve its client (pseudonym) and interventie (name) against the database, refuse
    duplicate case names, and write all cases in one transaction, or none.

    Each case is stored as the ``casus`` rows the demo writes: ``inhoud`` is the case
    document with the intervention's name as the database spells it and the client's
    pseudonym and id, so pooling and the reports read imported cases as they read the demo's.
    """
    problems: list[Problem] = []
    cases: list[CasusBestand] = []
    for file in casus_bestanden(path):
        try:
            case = lees_casus(file)
            check_case(case)
        except UserInputError as error:
            problems.extend(error.problems)
            continue
        cases.append(case)
    # the cases that could be read are checked against the database too: every problem at once
    with store.write_transaction(engine) as connection:
        clients = _lookup(connection, "SELECT pseudoniem, id FROM client")
        pseudonyms = {int(i): p for p, i in clients.items()}
        interventions = _lookup(connection, "SELECT naam, id FROM interventie")
        existing = {name for (name,) in connection.execute(text("SELECT naam FROM casus"))}
        first_of: dict[str, str] = {}
        rows = []
        for case in cases:
            document = dict(case.document)
            name = str(document.get("naam")).strip()
            if len(name) > NAME_LENGTH:
                problems.append(case.probleem("naam", f"een naam van hoogstens {NAME_LENGTH} tekens", name[:40] + "…"))
            elif name in existing:
                problems.append(case.probleem("naam", "een casus die nog niet in de database staat (naam)", name))
            elif name in first_of:
                problems.append(case.probleem("naam", f"elke casusnaam één keer (ook in {first_of[name]})", name))
            first_of.setdefault(name, case.bestand_velden or case.bestand)
            client_id = _case_client(case, clients, pseudonyms, problems)
            intervention = _text(document.get("interventie"))
            if not intervention:
                problems.append(case.probleem("interventie", "de naam van de interventie waar deze casus bij hoort"))
            elif intervention not in interventions:
                problems.append(
                    case.probleem(
                        "interventie",
                        "de naam van een bekende interventie (importeer eerst de interventies)",
                        intervention,
                    )
                )
            document.update(naam=name, interventie=intervention)
            if client_id is not None:
                document.update(client=pseudonyms[client_id], client_id=client_id)
            inhoud = store.table_values("casus", "inhoud", pd.Series([document], dtype=object))[0]
            rows.append((name, client_id, interventions.get(intervention), inhoud))
        if problems:
            raise UserInputError(problems)
        store.bulk_insert(connection, "casus", ["naam", "client_id", "interventie_id", "inhoud"], rows)
    return ImportResult("casussen", len(rows))


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _case_client(
    case: CasusBestand, clients: dict[str, int], pseudonyms: dict[int, str], problems: list[Problem]
) -> int | None:
    """The database id of the case's client: by pseudonym (``client``), or by ``client_id``;
    both given, they must name the same client. A case without a client is allowed."""
    pseudonym = _text(case.document.get("client"))
    given_id = case.document.get("client_id")
    by_pseudonym = clients.get(pseudonym) if pseudonym else None
    if pseudonym and by_pseudonym is None:
        problems.append(
            case.probleem("client", "het pseudoniem van een bekende cliënt (importeer eerst de cliënten)", pseudonym)
        )
        return None
    if given_id is None:
        return None if by_pseudonym is None else int(by_pseudonym)
    if given_id not in pseudonyms:
        problems.append(case.probleem("client_id", "het id van een bekende cliënt in de database", given_id))
        return None
    if by_pseudonym is not None and int(by_pseudonym) != given_id:
        problems.append(
            case.probleem(
                "client_id",
                f"het id van cliënt {pseudonym} ({by_pseudonym}), of laat client_id weg",
                given_id,
            )
        )
        return None
    return int(given_id)
