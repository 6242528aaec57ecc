"""CLI command group 'analyse': change, growth models, keerpunten and durability.

Every command reads either a long-format CSV (``--csv``) or the database (``--db`` /
IMPACT_DB, via ``impact.store.analysis_frame``), prints a readable Dutch table, or one JSON
object with ``--json``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from impact.cli.options import DB_OPTION
from impact.cli.taal import huidige_taal
from impact.errors import Problem, UserInputError
from impact.opmaak import Opmaak

if TYPE_CHECKING:  # numpy and pandas load inside the commands: start-up stays fast
    import pandas as pd

    from impact.instruments import Instrument

app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Longitudinale analyse: verandering, groeimodellen, keerpunten en duurzaamheid.",
)

CSV_HELP = "Lang CSV-bestand (een rij per meting). Zonder --csv wordt de database gelezen."
# options shared by the analyse commands
CSV_OPTION = typer.Option(None, "--csv", help=CSV_HELP)
OUTCOME_OPTION = typer.Option("score", "--uitkomst", help="Kolom met de uitkomst.")
GROUP_OPTION = typer.Option("client_id", "--groep", help="Kolom die de client aanwijst.")
DOMAIN_OPTION = typer.Option(None, "--domein", help="Alleen dit domein.")
INSTRUMENT_HELP = (
    "Instrument: een code (ZRM, PG of een eigen instrument in de database) of het YAML-bestand van "
    "een eigen instrument. Alleen metingen van dit instrument; betrouwbaarheid, richting en "
    "afkappunt komen uit het instrument."
)
INSTRUMENT_OPTION = typer.Option(None, "--instrument", help=INSTRUMENT_HELP)
INSTRUMENT_FILTER_OPTION = typer.Option(
    None,
    "--instrument",
    help="Alleen metingen van dit instrument: een code (ZRM, PG, een eigen instrument) of zijn YAML-bestand.",
)
MEETBRON_OPTION = typer.Option(
    None, "--bron", help="Alleen metingen van deze bron (professional, client, ...)."
)
RELIABILITY_OPTION = typer.Option(None, "--betrouwbaarheid", help="Betrouwbaarheid voor de RCI.")
JSON_OPTION = typer.Option(False, "--json", help="Uitvoer als JSON.")


def _read_csv(path: Path) -> pd.DataFrame:
    """A long table (CSV or XLSX), each column typed by the one parsers.

    A column whose every filled cell is a number (decimal comma or point) becomes numbers, one
    whose every filled cell is a date becomes dates; anything else stays text, so one 'drie'
    in a score column names only that cell. An export of ``impact exporteer metingen`` works
    as it is: its ``client`` column is the client (``client_id``), and ``maanden`` (months since
    the client's first measurement) is added.
    """
    from impact.contract import maanden_tussen
    from impact.io.typed_table import read_typed_table

    frame = read_typed_table(path)
    if _is_export(frame):
        frame = frame.rename(columns={"client": "client_id"})
        first = frame.groupby("client_id")["datum"].transform("min")
        frame["maanden"] = maanden_tussen(first, frame["datum"])
    return frame


def _is_export(frame: pd.DataFrame) -> bool:
    """The shape of ``impact exporteer metingen``: clients by pseudonym, dates, no months."""
    import pandas as pd

    from impact.io.kinds import KINDS

    columns = {c.name for c in KINDS["metingen"].columns}
    return (
        columns <= set(frame.columns)
        and "client_id" not in frame.columns
        and "maanden" not in frame.columns
        and pd.api.types.is_datetime64_any_dtype(frame["datum"])
    )


def _load(csv: Path | None, db: str | None) -> tuple[pd.DataFrame, str]:
    if csv is not None:
        return _read_csv(csv), str(csv)
    from impact import store
    from impact.cli.options import open_database

    engine = open_database(db)
    return store.analysis_frame(engine), "database"


def _filter(df: pd.DataFrame, bron: str, domein: str | None) -> pd.DataFrame:
    if domein is None:
        return df
    if "domein" not in df.columns:
        raise UserInputError(Problem(bron, None, "domein", "kolom 'domein' ontbreekt voor --domein"))
    df = df[df["domein"].astype(str) == domein]
    if df.empty:
        raise UserInputError(Problem(bron, None, "domein", f"geen metingen met domein '{domein}'"))
    return df


def _known_instruments(csv: Path | None, db: str | None) -> dict[str, Instrument]:
    """The instruments a code may name: as stored in the database (built-in and custom), or
    the built-in ones for a CSV file (a custom one is then given by its YAML file)."""
    from impact.instruments import builtin, from_tables

    if csv is not None:
        return builtin()
    from impact import store
    from impact.cli.options import open_database

    engine = open_database(db)
    return from_tables(store.read(engine, "instrumenten"), store.read(engine, "domeinen"))


def _instrument(
    value: str | None, df: pd.DataFrame, bron: str, csv: Path | None, db: str | None
) -> Instrument | None:
    """The instrument the analysis is about: ``--instrument`` (a code or a YAML file), else the
    one instrument of the data; None for data without an instrument column."""
    from impact.instruments import find, load_file

    if value is not None and Path(value).suffix.lower() in (".yaml", ".yml"):
        return load_file(value)
    if value is None and "instrument" in df.columns:
        present = sorted(df["instrument"].dropna().astype(str).unique())
        if len(present) > 1:
            raise UserInputError(
                Problem(bron, None, "instrument", f"één instrument; kies er één met --instrument uit: {', '.join(present)}")
            )
        value = present[0] if present else None
    return find(value, _known_instruments(csv, db), "--instrument") if value is not None else None


def _prepare(
    df: pd.DataFrame,
    bron: str,
    domein: str | None,
    instrument: str | None,
    meetbron: str | None,
    csv: Path | None,
    db: str | None,
    uitkomst: str = "score",
) -> tuple[pd.DataFrame, Instrument | None]:
    """The measurements of one instrument and one source (of one domain with ``--domein``), and
    that instrument's definition. Several sources (a professional's and a client's own score)
    are never mixed: the user chooses one with ``--bron``."""
    df = _filter(df, bron, domein)
    definition = _instrument(instrument, df, bron, csv, db)
    if definition is not None and "instrument" in df.columns:
        df = df[df["instrument"].astype(str).str.upper() == definition.code.upper()]
        if df.empty:
            raise UserInputError(Problem(bron, None, "instrument", f"geen metingen met instrument '{definition.code}'"))
    if meetbron is not None:
        if "bron" not in df.columns:
            raise UserInputError(Problem(bron, None, "bron", "kolom 'bron' ontbreekt voor --bron"))
        df = df[df["bron"].astype(str) == meetbron]
        if df.empty:
            raise UserInputError(Problem(bron, None, "bron", f"geen metingen met bron '{meetbron}'"))
    elif "bron" in df.columns and df["bron"].nunique() > 1:
        present = ", ".join(sorted(df["bron"].dropna().astype(str).unique()))
        raise UserInputError(Problem(bron, None, "bron", f"metingen van één bron; kies er één met --bron uit: {present}"))
    if definition is not None and csv is not None:
        _check_scale(df, bron, definition, uitkomst)
    return df, definition


def _check_scale(df: pd.DataFrame, bron: str, definition: Instrument, uitkomst: str) -> None:
    """Every score of a file on the instrument's scale; each one outside it named by its row
    (a database was checked on import)."""
    import pandas as pd

    if uitkomst not in df.columns or not pd.api.types.is_numeric_dtype(df[uitkomst]):
        return  # a column that is not numbers is named by the model's own column check
    score = df[uitkomst]
    outside = score.notna() & ((score < definition.schaal_min) | (score > definition.schaal_max))
    if outside.any():
        expected = f"een score van {definition.schaal_min:g} tot en met {definition.schaal_max:g} ({definition.code})"
        raise UserInputError(
            [Problem(bron, int(i) + 2, uitkomst, expected, f"{float(score[i]):g}") for i in df.index[outside][:20]]
        )


def _instrument_json(definition: Instrument | None) -> dict | None:
    if definition is None:
        return None
    return {
        "code": definition.code,
        "naam": definition.naam,
        "schaal": [definition.schaal_min, definition.schaal_max],
        "richting": definition.richting,
    }


def _instrument_line(definition: Instrument) -> str:
    richting = "hoger is beter" if definition.hoger_is_beter else "lager is beter"
    return (
        f"Instrument: {definition.naam} ({definition.code}), schaal {_nl(definition.schaal_min, 0)} "
        f"tot en met {_nl(definition.schaal_max, 0)}, {richting}\n"
    )


def _covariates(text: str | None) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()] if text else []


def _clean(value):
    import numpy as np
    import pandas as pd

    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


def _emit_json(payload: dict) -> None:
    typer.echo(json.dumps(_clean(payload), ensure_ascii=False, indent=2, default=str))


def _nl(x: float, digits: int = 2) -> str:
    return Opmaak(huidige_taal()).getal(x, digits)


def _table(df: pd.DataFrame, title: str) -> None:
    import numpy as np
    import pandas as pd

    def fmt(x):
        if isinstance(x, float | np.floating):
            return "" if not math.isfinite(x) else Opmaak(huidige_taal()).getal(x, 3)
        if isinstance(x, pd.Timestamp):
            return x.strftime("%d-%m-%Y")
        return str(x)

    typer.echo(title)
    typer.echo("=" * len(title))
    typer.echo(df.map(fmt).to_string(index=False) if len(df) else "(geen rijen)")
    typer.echo("")


@app.command("groei")
def groei(
    csv: Path = CSV_OPTION,
    db: str = DB_OPTION,
    uitkomst: str = typer.Option("score", "--uitkomst", help="Kolom met de uitkomst (score)."),
    tijd: str = typer.Option("maanden", "--tijd", help="Kolom met de tijd sinds intake (getal)."),
    groep: str = GROUP_OPTION,
    conditie: str = typer.Option(
        None, "--conditie", help="Kolom met interventie/vergelijking (conditie x tijd)."
    ),
    covariaten: str = typer.Option(None, "--covariaten", help="Komma-gescheiden kolommen als covariaat."),
    random_helling: bool = typer.Option(False, "--random-helling", help="Ook een random helling voor tijd."),
    ml: bool = typer.Option(False, "--ml", help="Maximum likelihood in plaats van REML."),
    domein: str = DOMAIN_OPTION,
    instrument: str = INSTRUMENT_FILTER_OPTION,
    meetbron: str = MEETBRON_OPTION,
    als_json: bool = JSON_OPTION,
) -> None:
    """Lineair gemengd model (groeimodel) van de uitkomst over de tijd."""
    from modellen.groei import GroeiModel

    model = GroeiModel(
        uitkomst=uitkomst,
        tijd=tijd,
        groep=groep,
        conditie=conditie,
        covariaten=_covariates(covariaten),
        random_helling=random_helling,
        methode="ML" if ml else "REML",
    )
    if csv is None and _groei_in_database(model):
        res = _groei_uit_database(model, db, domein, instrument, meetbron)
    else:
        df, bron = _load(csv, db)
        df, _ = _prepare(df, bron, domein, instrument, meetbron, csv, db, uitkomst)
        res = model.fit(df, bron=bron)
    if als_json:
        _emit_json(res.to_dict())
        return
    _table(
        res.summary(),
        f"Groeimodel voor {uitkomst} ({res.methode}; {res.n_obs} metingen, {res.n_groepen} cliënten)",
    )
    re = res.random_effecten()
    if res.random_corr is not None:
        re["correlatie"] = [res.random_corr, math.nan, math.nan]
    _table(re, "Random effecten (standaarddeviaties)")
    typer.echo(f"Deviance (-2 log L): {_nl(res.deviance)}")


def _groei_in_database(model) -> bool:
    """Whether the database can compute this model's sufficient statistics itself: the score
    over months since the start, per client, with only client columns as condition and
    covariates (those the SQL carries)."""
    from impact.store import GROEI_KLANTKOLOMMEN

    kolommen = [*model.covariaten, *([model.conditie] if model.conditie else [])]
    return (model.uitkomst, model.tijd, model.groep) == ("score", "maanden", "client_id") and all(
        k in GROEI_KLANTKOLOMMEN for k in kolommen
    )


def _groei_uit_database(model, db: str | None, domein: str | None, instrument: str | None, meetbron: str | None):
    """The growth model fitted from per-client sums computed inside the database (one GROUP BY,
    ``impact.store.groei_statistieken``): the same estimates as from every row, without
    reading every row. ``--instrument``/``--domein``/``--bron`` are checked as for rows."""
    from impact import store
    from impact.cli.options import open_database

    engine = open_database(db)
    _, definitie = _prepare(store.meting_soorten(engine), "database", domein, instrument, meetbron, None, db)
    stats = store.groei_statistieken(
        engine, domein, definitie.code if definitie is not None else None, meetbron
    )
    return model.fit_voldoende(stats, bron="database")


@app.command("verandering")
def verandering(
    csv: Path = CSV_OPTION,
    db: str = DB_OPTION,
    uitkomst: str = OUTCOME_OPTION,
    tijd: str = typer.Option("datum", "--tijd", help="Kolom met datum of maanden."),
    groep: str = GROUP_OPTION,
    conditie: str = typer.Option(None, "--conditie", help="Indeling, bijv. interventie of gemeente."),
    domein: str = DOMAIN_OPTION,
    instrument: str = INSTRUMENT_OPTION,
    meetbron: str = MEETBRON_OPTION,
    betrouwbaarheid: float = RELIABILITY_OPTION,
    als_json: bool = JSON_OPTION,
) -> None:
    """Verandering sinds intake, effectgroottes en betrouwbare verandering (RCI) per groep."""
    from modellen.betrouwbare_verandering import BetrouwbareVerandering
    from modellen.verandering import VeranderingAnalyse

    df, bron = _load(csv, db)
    df, definitie = _prepare(df, bron, domein, instrument, meetbron, csv, db, uitkomst)
    indeling = [conditie] if conditie else []
    dom_col = "domein" if "domein" in df.columns and domein is None and df["domein"].nunique() > 1 else None
    change = VeranderingAnalyse(
        uitkomst=uitkomst,
        tijd=tijd,
        groep=groep,
        domein=dom_col,
        indeling=indeling,
        hoger_is_beter=definitie.hoger_is_beter if definitie is not None else True,
    ).fit(df, bron=bron)
    rci = BetrouwbareVerandering(
        uitkomst=uitkomst,
        tijd=tijd,
        groep=groep,
        domein=dom_col,
        indeling=indeling,
        instrument=definitie,
        betrouwbaarheid=betrouwbaarheid,
    ).fit(df, bron=bron)
    if als_json:
        _emit_json(
            {
                "instrument": _instrument_json(definitie),
                "verandering": change.to_dict(),
                "betrouwbare_verandering": rci.to_dict(),
            }
        )
        return
    if definitie is not None:
        typer.echo(_instrument_line(definitie))
    cols = [
        *indeling,
        *([dom_col] if dom_col else []),
        "horizon",
        "n",
        "gem_verandering",
        "ci_laag",
        "ci_hoog",
        "d_z",
        "g_av",
        "aandeel_verbeterd",
        "aandeel_verslechterd",
    ]
    _table(change.summary()[cols], f"Verandering in {uitkomst} sinds de eerste meting")
    _table(rci.summary(), "Betrouwbare verandering (Jacobson-Truax)")
    if change.waarschuwing:
        typer.echo(f"Let op: {change.waarschuwing}")
    for p in rci.parameters.drop_duplicates(["betrouwbaarheid", "bron_betrouwbaarheid"]).itertuples():
        typer.echo(f"Betrouwbaarheid: {_nl(p.betrouwbaarheid)} ({p.bron_betrouwbaarheid})")


@app.command("keerpunten")
def keerpunten_cmd(
    csv: Path = CSV_OPTION,
    db: str = DB_OPTION,
    uitkomst: str = OUTCOME_OPTION,
    tijd: str = typer.Option("datum", "--tijd", help="Kolom met de datum."),
    groep: str = GROUP_OPTION,
    domein: str = DOMAIN_OPTION,
    instrument: str = INSTRUMENT_OPTION,
    meetbron: str = MEETBRON_OPTION,
    betrouwbaarheid: float = RELIABILITY_OPTION,
    als_json: bool = JSON_OPTION,
    verhalen: bool = typer.Option(
        False,
        "--verhalen",
        help="Toon per keerpunt de verhalen van dezelfde cliënt rond dat moment (uit de database; "
        "alleen met toestemming om te publiceren, in de gepubliceerde tekst).",
    ),
    venster: str = typer.Option(
        None,
        "--venster",
        help="Dagen rond het keerpunt bij --verhalen: VOOR:NA (standaard 60:30) of één getal voor beide.",
    ),
) -> None:
    """Keerpunten: betrouwbare sprongen tussen opeenvolgende metingen per client en domein."""
    import pandas as pd

    from impact.io.parsing import DATE_EXPECTED
    from modellen.keerpunten import Keerpunten

    if verhalen and csv is not None:
        raise UserInputError(
            Problem(str(csv), None, None, "--verhalen leest de verhalen uit de database: laat --csv weg")
        )
    if venster is not None and not verhalen:
        raise UserInputError(Problem("--venster", None, None, "--venster alleen samen met --verhalen"))
    voor, na = _venster(venster)
    df, bron = _load(csv, db)
    df, instrument = _prepare(df, bron, domein, instrument, meetbron, csv, db, uitkomst)
    if tijd in df.columns and pd.api.types.is_object_dtype(df[tijd]):  # text, not all dates
        raise UserInputError(Problem(bron, None, tijd, DATE_EXPECTED))
    res = Keerpunten(
        instrument=instrument,
        betrouwbaarheid=betrouwbaarheid,
        uitkomst=uitkomst,
        tijd=tijd,
        groep=groep,
    ).fit(df, bron=bron)
    table = res.summary()
    paren = _keerpunt_verhalen(db, table, voor, na) if verhalen else None
    if als_json:
        uit = {
            "betrouwbaarheid": res.betrouwbaarheid,
            "bron_betrouwbaarheid": res.bron_betrouwbaarheid,
            "keerpunten": table.to_dict(orient="records"),
        }
        if paren is not None:
            uit["venster"] = {"dagen_voor": voor, "dagen_na": na}
            uit["verhalen"] = paren.to_dict(orient="records")
        _emit_json(uit)
        return
    if paren is None:
        _table(table, f"Keerpunten ({len(table)})")
    else:
        _print_keerpunt_verhalen(df, table, paren, voor, na)
    typer.echo(f"Betrouwbaarheid: {_nl(res.betrouwbaarheid)} ({res.bron_betrouwbaarheid})")
    for eigen_domein, waarde in res.betrouwbaarheid_per_domein.items():
        typer.echo(f"Betrouwbaarheid domein {eigen_domein}: {_nl(waarde)} (eigen waarde van het domein)")


def _venster(tekst: str | None) -> tuple[int, int]:
    """'60:30' (days before, days after) or '45' (both); the default window otherwise."""
    from verhalen.koppeling import VENSTER_NA, VENSTER_VOOR

    if tekst is None:
        return VENSTER_VOOR, VENSTER_NA
    delen = tekst.split(":") if ":" in tekst else [tekst, tekst]
    if len(delen) == 2 and all(d.strip().isdigit() for d in delen):
        return int(delen[0]), int(delen[1])
    raise UserInputError(
        Problem("--venster", None, None, "dagen voor en na het keerpunt, bijv. 60:30, of één getal", tekst)
    )


def _keerpunt_verhalen(db: str | None, keerpunten: pd.DataFrame, voor: int, na: int) -> pd.DataFrame:
    from impact import store
    from impact.cli.options import open_database
    from verhalen.koppeling import verhalen_bij_keerpunten

    alle = store.read(open_database(db), "verhalen")
    return verhalen_bij_keerpunten(alle, keerpunten, "geanonimiseerd_publiceren", voor=voor, na=na)


def _print_keerpunt_verhalen(
    df: pd.DataFrame, keerpunten: pd.DataFrame, paren: pd.DataFrame, voor: int, na: int
) -> None:
    """Each keerpunt with a story nearby: what changed, then the stories' fragments."""
    from impact.instruments import builtin

    o = Opmaak(huidige_taal())
    namen = {d.code: d.naam for i in builtin().values() for d in i.domeinen}
    pseudoniem = (
        df.drop_duplicates("client_id").set_index("client_id")["pseudoniem"]
        if "pseudoniem" in df.columns
        else None
    )
    met = paren.drop_duplicates(["client_id", "domein", "keerpunt_datum"])
    typer.echo(
        f"Keerpunten met verhalen: {len(met)} van {len(keerpunten)} keerpunten hebben een verhaal van "
        f"dezelfde cliënt van {voor} dagen ervoor tot {na} dagen erna "
        "(alleen verhalen met toestemming om te publiceren, in hun gepubliceerde tekst)."
    )
    for (client, domein, datum), groep in paren.groupby(
        ["client_id", "domein", "keerpunt_datum"], sort=False
    ):
        eerste = groep.iloc[0]
        wie = pseudoniem.get(client, client) if pseudoniem is not None else client
        typer.echo("")
        typer.echo(
            f"Cliënt {wie}, {namen.get(domein, domein)}, {o.datum(datum)}: van "
            f"{_score(o, eerste['vorige_score'])} naar {_score(o, eerste['score'])} ({eerste['betekenis']})"
        )
        for rij in groep.itertuples():
            dagen = int(rij.dagen_na_keerpunt)
            wanneer = (
                f"{-dagen} dagen ervoor" if dagen < 0 else "dezelfde dag" if dagen == 0 else f"{dagen} dagen erna"
            )
            typer.echo(f"  {o.datum(rij.verhaal_datum)} ({wanneer}), {rij.soort}: {_schoon(rij.fragment)}")


def _score(o: Opmaak, x: float) -> str:
    return o.getal(x, 0 if float(x).is_integer() else 1)


def _schoon(tekst: str) -> str:
    """Story text is untrusted: no control characters (terminal escapes) reach the screen."""
    return "".join(c if c.isprintable() else " " for c in str(tekst))


@app.command("duurzaamheid")
def duurzaamheid(
    csv: Path = CSV_OPTION,
    db: str = DB_OPTION,
    uitkomst: str = OUTCOME_OPTION,
    tijd: str = typer.Option("datum", "--tijd", help="Kolom met de datum van de meting."),
    groep: str = GROUP_OPTION,
    uitstroom: str = typer.Option(
        "traject_eind", "--uitstroom", help="Kolom met de einddatum van het traject."
    ),
    domein: str = DOMAIN_OPTION,
    instrument: str = INSTRUMENT_FILTER_OPTION,
    meetbron: str = MEETBRON_OPTION,
    als_json: bool = JSON_OPTION,
) -> None:
    """Duurzaamheid na uitstroom: blijft de verbetering, en hoeveel neemt ze per jaar af?"""
    from modellen.duurzaamheid import Duurzaamheid

    df, bron = _load(csv, db)
    df, _ = _prepare(df, bron, domein, instrument, meetbron, csv, db, uitkomst)
    res = Duurzaamheid(uitkomst=uitkomst, tijd=tijd, groep=groep, uitstroom=uitstroom).fit(df, bron=bron)
    if als_json:
        _emit_json(res.to_dict())
        return
    _table(res.summary(), "Verandering sinds intake, na uitstroom")
    typer.echo(res.tekst())
