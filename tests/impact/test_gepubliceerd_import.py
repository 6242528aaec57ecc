"""Stories are pseudonymised once, at ingest: `impact importeer verhalen` stores the published
version next to the text (same transaction, the database's known identities), and
`impact verhalen pseudonimiseer --db` remakes it for every story, e.g. after new identities
or after migration 0003 added the columns to a database that already held stories."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from impact import store
from impact.cli import app
from impact.errors import UserInputError
from verhalen.publicatie import REGELSET, citaat, gepubliceerd

runner = CliRunner()
CLIENTEN = "pseudoniem;geboortejaar;gemeente;wijk\nC000001;1980;Weert;Fatima\nC000002;1975;Weert;Keent\n"
IDENTITEITEN = "client;soort;waarde\nC000001;naam;Sandra de Vries\nC000001;telefoon;06-12345678\n"
VERHALEN = (
    "titel;tekst;soort;datum;client;toestemming\n"
    "Sandra vertelt;Sandra de Vries (C000001) belde met 06-12345678. Het gaat nu beter met Sandra.;"
    "clientverhaal;2024-03-01;C000001;geanonimiseerd_publiceren\n"
    "Intern;Sandra de Vries belde.;casusnotitie;2024-03-02;C000001;intern\n"
)


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.output


def _bestand(tmp_path, naam: str, inhoud: str) -> str:
    pad = tmp_path / naam
    pad.write_text(inhoud, encoding="utf-8")
    return str(pad)


def test_import_stores_the_published_version_and_db_remakes_it(tmp_path):
    db = str(tmp_path / "impact.db")
    _ok("init", "--db", db)
    _ok("importeer", "clienten", _bestand(tmp_path, "c.csv", CLIENTEN), "--db", db)
    _ok("importeer", "identiteiten", _bestand(tmp_path, "i.csv", IDENTITEITEN), "--db", db)
    _ok("importeer", "verhalen", _bestand(tmp_path, "v.csv", VERHALEN), "--db", db)
    engine = store.connect(db)
    v = store.read(engine, "verhalen")
    een, intern = v.iloc[0], v.iloc[1]
    for geheim in ("Sandra", "Vries", "C000001", "12345678"):
        assert geheim not in een["tekst_publicatie"] and geheim not in een["titel_publicatie"]
    assert een["regelset_publicatie"] == REGELSET
    assert pd.isna(intern["tekst_publicatie"])  # no consent to publish: nothing made, nothing shown
    start = een["tekst"].index("Het gaat")
    quote = citaat(
        een["tekst"], een["tekst_publicatie"], een["vervangingen_publicatie"], start, len(een["tekst"])
    )
    assert quote.startswith("Het gaat nu beter met ") and "Sandra" not in quote

    # identities changed / rule set changed: remake all published versions
    with engine.begin() as c:
        c.execute(text("UPDATE verhaal SET tekst_publicatie = NULL, regelset_publicatie = 'oud'"))
    uit = _ok("verhalen", "pseudonimiseer", "--db", db)
    assert "Gepubliceerde versie gemaakt van 1 van 2 verhalen" in uit
    na = store.read(engine, "verhalen")
    assert na["tekst_publicatie"].iloc[0] == een["tekst_publicatie"]
    assert na["regelset_publicatie"].iloc[0] == REGELSET and pd.isna(na["regelset_publicatie"].iloc[1])


def test_migration_0003_leaves_old_stories_without_published_version(tmp_path):
    engine = store.connect(f"sqlite:///{tmp_path / 'oud.db'}")
    store.upgrade(engine, "0002")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO verhaal (id, titel, tekst, soort, toestemming) "
                "VALUES (7, 't', 'Een oud verhaal.', 'wijkverhaal', 'publiceren_met_bron')"
            )
        )
    store.upgrade(engine)
    assert store.current_revision(engine) == store.head_revision()
    v = store.read(engine, "verhalen")
    assert v[["tekst_publicatie", "regelset_publicatie", "vervangingen_publicatie"]].isna().all(axis=None)
    with pytest.raises(UserInputError, match=r"verhaal_id 7\).*impact verhalen pseudonimiseer --db"):
        gepubliceerd(v)
