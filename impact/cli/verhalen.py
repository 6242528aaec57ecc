"""CLI command group 'verhalen'."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from impact.cli import verhalen_codering
from impact.errors import Problem, UserInputError

if TYPE_CHECKING:  # pandas loads inside the commands: start-up stays fast
    import pandas as pd

app = typer.Typer(
    no_args_is_help=True, rich_markup_mode=None, help="Verhalen: pseudonimiseren, coderen, overeenstemming."
)

verhalen_codering.register(app)

TABLE_SUFFIXES = {".csv", ".xlsx", ".xlsm"}
TEXT_SUFFIXES = {".txt", ".md"}


@app.command("pseudonimiseer")
def pseudonimiseer(
    bron: Annotated[
        Path | None,
        typer.Argument(
            help="Map met .txt/.md-verhalen, of een CSV/XLSX met een kolom 'tekst'. Zonder bron, met "
            "--db: maak de gepubliceerde versie van alle verhalen in de database opnieuw."
        ),
    ] = None,
    uit: Annotated[
        Path | None, typer.Option("--uit", help="Map voor de gepseudonimiseerde bestanden en beoordeling.html.")
    ] = None,
    identiteiten: Annotated[
        Path | None,
        typer.Option(
            "--identiteiten",
            help="CSV/XLSX met client_id, soort, waarde: bekende namen, adressen "
            "en nummers per cliënt, zodat die ook met kleine letters of verschreven worden gevonden.",
        ),
    ] = None,
    maand: Annotated[
        bool, typer.Option("--maand", help="Vervang datums door hun maand (12 maart 2024 -> [maart 2024]).")
    ] = False,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Neem de bekende identiteiten per cliënt (client_id) uit deze database."),
    ] = None,
) -> None:
    """Vervang namen, adressen, nummers en datums; schrijf dezelfde bestanden of rijen naar --uit.

    In --uit komt ook beoordeling.html: per tekst wat er vervangen is, om na te kijken. Die
    pagina bevat de oorspronkelijke tekst; verwijder haar na de controle.

    Zonder bron en met --db: maak de gepubliceerde (gepseudonimiseerde) versie van alle
    verhalen en casusbeschrijvingen in de database opnieuw, bijvoorbeeld na nieuwe
    identiteiten of een nieuwe versie van de regels. Rapporten tonen alleen die versie.
    """
    import pandas as pd

    from verhalen.beoordeling import write_review
    from verhalen.pseudonimisering import Pseudonymizer

    if bron is None:
        if db is None:
            raise UserInputError(
                Problem("bron", None, None, "een map of CSV/XLSX-bestand, of --db om de database bij te werken")
            )
        _republish_database(db)
        return
    if uit is None:
        raise UserInputError(Problem("--uit", None, None, "een map voor de gepseudonimiseerde bestanden"))
    if not bron.exists():
        raise UserInputError(Problem(str(bron), None, None, "een bestaande map of een .csv/.xlsx-bestand"))
    if bron.is_file() and bron.suffix.lower() not in TABLE_SUFFIXES:
        raise UserInputError(
            Problem(
                str(bron), None, None, "een map met .txt-bestanden of een .csv/.xlsx-bestand", bron.suffix
            )
        )
    if bron.is_dir() and uit.resolve() == bron.resolve():
        raise UserInputError(
            Problem(
                str(uit), None, None, "een andere map dan de bron (anders worden de originelen overschreven)"
            )
        )
    if bron.is_dir() and not any(p.is_file() and p.suffix.lower() in TEXT_SUFFIXES for p in bron.iterdir()):
        raise UserInputError(
            Problem(str(bron), None, None, "een map met verhalen als .txt- of .md-bestand", "geen verhalen in deze map")
        )
    known = _read_identities(identiteiten) if identiteiten else None
    if db is not None:
        known = (
            pd.concat([known, _database_identities(db)]) if known is not None else _database_identities(db)
        )
    pseudonymizer = Pseudonymizer(dates="maand" if maand else "vervang")
    uit.mkdir(parents=True, exist_ok=True)
    if bron.is_dir():
        reviewed = _pseudonymize_folder(bron, uit, pseudonymizer, known)
    else:
        reviewed = _pseudonymize_table(bron, uit, pseudonymizer, known)
    review = write_review(reviewed, uit / "beoordeling.html")
    n = sum(len(result.replacements) for _, result in reviewed)
    typer.echo(f"{len(reviewed)} tekst(en) gepseudonimiseerd naar {uit} ({n} vervangingen).")
    typer.echo(f"Controleer {review}; die pagina bevat de oorspronkelijke tekst: verwijder haar daarna.")


def _read_identities(path: Path) -> pd.DataFrame:
    """Known identities per client: by database id (``client_id``) or by pseudonym
    (``client``, as ``impact exporteer identiteiten`` writes them)."""
    from impact.io.tabular import read_table, unguard_frame

    table = unguard_frame(read_table(path)).astype(str)
    if "client_id" not in table.columns and "client" in table.columns:
        table = table.rename(columns={"client": "client_id"})
    missing = [c for c in ("client_id", "soort", "waarde") if c not in table.columns]
    if missing:
        raise UserInputError(
            [Problem(str(path), 1, c, "een kolom met deze naam", ", ".join(table.columns)) for c in missing]
        )
    return table[table["waarde"] != ""]


def _database_identities(db: str) -> pd.DataFrame:
    """The database's identities, keyed by client id and by pseudonym (stories use either)."""
    import pandas as pd

    from impact import store
    from impact.cli.options import open_database

    engine = open_database(db)
    table = store.read(engine, "identiteiten")
    pseudonyms = store.read(engine, "clienten").set_index("client_id")["pseudoniem"]
    by_id = table.assign(client_id=table["client_id"].astype(str))
    by_pseudonym = table.assign(client_id=table["client_id"].map(pseudonyms).astype(str))
    return pd.concat([by_id, by_pseudonym], ignore_index=True)


def _for_client(known: pd.DataFrame | None, client_id: object) -> pd.DataFrame | None:
    import pandas as pd

    if known is None or client_id is None or pd.isna(client_id):
        return None
    return known[known["client_id"] == str(client_id)]


def _pseudonymize_folder(bron, uit, pseudonymizer, known):
    import pandas as pd

    from impact.io.encoding import read_text
    from impact.io.verhalen_bestanden import read_story_folder, split_front_matter

    stories = read_story_folder(bron)  # validates metadata; gives client_id per file
    clients = dict(zip(stories["bron"], stories["client_id"], strict=True))
    reviewed = []
    for path in sorted(p for p in bron.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES):
        text = read_text(path)
        front, body, _ = split_front_matter(text.replace("\r\n", "\n"))
        head = text.replace("\r\n", "\n")[: len(text.replace("\r\n", "\n")) - len(body)]
        client = clients.get(path.name)
        key = None if client is None or pd.isna(client) else int(client)
        identities = _for_client(known, client)
        result = pseudonymizer.pseudonymize(body, identities, client_key=key)
        if front.get("titel"):
            head = _pseudonymize_title(head, pseudonymizer, identities, key)
        (uit / path.name).write_text(head + result.text, encoding="utf-8")
        reviewed.append((path.name, result))
    skipped = [p.name for p in bron.iterdir() if p.suffix.lower() == ".docx"]
    if skipped:
        typer.echo(f"Overgeslagen (.docx wordt niet herschreven): {', '.join(sorted(skipped))}", err=True)
    return reviewed


def _pseudonymize_title(head: str, pseudonymizer, identities, key) -> str:
    def replace(match: re.Match[str]) -> str:
        return match.group(1) + pseudonymizer.pseudonymize(match.group(2), identities, key).text

    return re.sub(r"(?im)^(titel:[ \t]*)(.+)$", replace, head)


def _pseudonymize_table(bron, uit, pseudonymizer, known):
    from impact.io.tabular import read_table, unguard_frame, write_table

    table = unguard_frame(read_table(bron)).astype(str)
    if "tekst" not in table.columns:
        raise UserInputError(
            Problem(str(bron), 1, "tekst", "een kolom 'tekst' met de verhalen", ", ".join(table.columns))
        )
    reviewed = []
    for column in [c for c in ("tekst", "titel") if c in table.columns]:
        values = []
        for i, row in table.iterrows():
            client = row.get("client_id") or row.get("client") or None
            key = int(client) if client and str(client).isdigit() else client
            result = pseudonymizer.pseudonymize(row[column], _for_client(known, client), client_key=key)
            values.append(result.text)
            if column == "tekst":
                reviewed.append((f"{bron.name} rij {int(i) + 2}", result))
        table[column] = values
    write_table(table, uit / bron.name)
    return reviewed


# --- the published version of stories, made at ingest -------------------------------------


def _known(connection) -> tuple[pd.DataFrame, tuple[str, ...], tuple[str, ...]]:
    """Identities, client pseudonyms and public places (gemeenten, wijken) in the database."""
    import pandas as pd
    from sqlalchemy import text

    identities = pd.read_sql_query(text("SELECT client_id, soort, waarde FROM client_identiteit ORDER BY id"), connection)
    pseudonyms = tuple(str(p) for (p,) in connection.execute(text("SELECT pseudoniem FROM client")))
    places = {
        str(p)
        for sql in (
            "SELECT gemeente FROM client", "SELECT wijk FROM client",
            "SELECT gemeente FROM verhaal", "SELECT wijk FROM verhaal",
        )
        for (p,) in connection.execute(text(sql))
        if p
    }  # fmt: skip
    return identities, pseudonyms, tuple(sorted(places))


def prepare_stories(connection, typed: dict[str, pd.Series]) -> None:
    """``impact importeer verhalen``: the published version of each imported story, made with
    the database's known identities, written by the import in the same transaction."""
    import pandas as pd

    from verhalen.publicatie import KOLOMMEN, publiceer_verhalen

    identities, pseudonyms, places = _known(connection)
    stories = pd.DataFrame({k: typed[k] for k in ("titel", "tekst", "gemeente", "wijk", "toestemming") if k in typed})
    stories["client_id"] = typed["client_id"] if "client_id" in typed else pd.NA
    stories["verhaal_id"] = range(len(stories))
    new_places = {str(p) for k in ("gemeente", "wijk") for p in stories.get(k, pd.Series(dtype=object)).dropna() if p}
    published = publiceer_verhalen(stories, identities, tuple(sorted(set(places) | new_places)), pseudonyms)
    for column in KOLOMMEN:
        typed[column] = published[column]


def warm_up_pseudonymizer() -> None:
    """Load deduce before an import takes the write lock (loading takes half a minute)."""
    from verhalen.deduce_instance import get_deduce

    get_deduce()


def publish_world(world) -> float:
    """``impact demo``: the published version of the world's stories and case descriptions,
    before the world is written; returns the seconds it took."""
    import time

    from verhalen.publicatie import publiceer

    started = time.perf_counter()
    publiceer(world)
    return time.perf_counter() - started


def _republish_database(db: str) -> None:
    import time

    from impact import store
    from impact.cli.options import open_database
    from verhalen.pseudonimisering import Pseudonymizer
    from verhalen.publicatie import REGELSET, publiceer_casus, publiceer_verhalen

    started = time.perf_counter()
    engine = open_database(db)
    stories = store.read(engine, "verhalen")
    cases = store.read(engine, "casussen")
    with engine.connect() as connection:
        identities, pseudonyms, places = _known(connection)
    stale = int((stories["regelset_publicatie"].notna() & (stories["regelset_publicatie"] != REGELSET)).sum())
    pseudonymizer = Pseudonymizer(dates="maand", public_places=places)
    published = publiceer_verhalen(
        stories.drop(columns=[c for c in stories.columns if c.endswith("_publicatie")]),
        identities, places, pseudonyms, pseudonymizer=pseudonymizer,
    )  # fmt: skip
    if not cases.empty:
        cases = cases.assign(
            inhoud=[publiceer_casus(d, identities, places, pseudonyms, pseudonymizer=pseudonymizer) for d in cases["inhoud"]]
        )
    store.write_published(engine, published, cases)
    n = int(published["tekst_publicatie"].notna().sum())
    typer.echo(
        f"Gepubliceerde versie gemaakt van {n} van {len(published)} verhalen (de andere hebben geen "
        f"toestemming om te publiceren) en {len(cases)} casusbeschrijving(en); regelset {REGELSET}"
        + (f", {stale} verhalen hadden een oudere regelset" if stale else "")
        + f" ({time.perf_counter() - started:.1f} s)."
    )
