"""`impact analyse keerpunten --verhalen`: from the user's CSV files through the database to the
stories of the same client around each turning point, within consent and in published text."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from impact.cli import app

runner = CliRunner()

INTERVENTIES = "naam\nSchuldhulp\n"
CLIENTEN = (
    "pseudoniem;geboortejaar;gemeente;wijk;groep\n"
    + "".join(f"C{i};198{i};Weert;Fatima;interventie\n" for i in range(1, 7))
)
IDENTITEITEN = "client;soort;waarde\nC1;naam;Sandra de Vries\n"
TRAJECTEN = "client;interventie;start;eind\n" + "".join(
    f"C{i};Schuldhulp;2024-01-01;\n" for i in range(1, 7)
)
# baseline SD 1,38 with reliability 0,85: a jump of 2 is reliable (> 1,48), a jump of 1 is not.
# C1 jumps 1 -> 3 on 1 July 2024 (the keerpunt); the others move by at most one point.
METINGEN = "client;instrument;domein;datum;score\n" + "".join(
    f"C{i};ZRM;financien;2024-01-01;{a}\nC{i};ZRM;financien;2024-07-01;{b}\n"
    for i, (a, b) in enumerate([(1, 3), (4, 4), (1, 2), (4, 3), (2, 2), (3, 3)], start=1)
)
VERHALEN = (
    "titel;tekst;soort;datum;client;toestemming\n"
    # 30 days before the keerpunt: inside the default window (60 before, 30 after)
    "Rust;Sandra de Vries kreeg haar post weer op orde. <b>Alles</b> betaald.;clientverhaal;"
    "2024-06-01;C1;geanonimiseerd_publiceren\n"
    # 76 days after: outside the window
    "Later;Een nieuwe baan gevonden in september.;casusnotitie;2024-09-15;C1;geanonimiseerd_publiceren\n"
    # inside the window but only for internal use: never shown
    "Intern;Geheime notitie over schulden bij de buren.;casusnotitie;2024-07-05;C1;intern\n"
    # another client, no keerpunt
    "Ander;Een verhaal van iemand anders.;clientverhaal;2024-06-20;C2;geanonimiseerd_publiceren\n"
)


def _db(tmp_path, db: str | None = None) -> str:
    db = db or str(tmp_path / "impact.db")
    assert runner.invoke(app, ["init", "--db", db]).exit_code == 0
    for soort, inhoud in (
        ("interventies", INTERVENTIES),
        ("clienten", CLIENTEN),
        ("identiteiten", IDENTITEITEN),
        ("trajecten", TRAJECTEN),
        ("metingen", METINGEN),
        ("verhalen", VERHALEN),
    ):
        pad = tmp_path / f"{soort}.csv"
        pad.write_text(inhoud, encoding="utf-8")
        uit = runner.invoke(app, ["importeer", soort, str(pad), "--db", db])
        assert uit.exit_code == 0, (soort, uit.output)
    return db


def test_keerpunt_with_the_story_inside_the_window_only(tmp_path, database_url):
    db = _db(tmp_path, database_url)  # SQLite and PostgreSQL
    uit = runner.invoke(app, ["analyse", "keerpunten", "--db", db, "--instrument", "ZRM", "--verhalen"])
    assert uit.exit_code == 0, uit.output
    tekst = uit.output
    assert "1 van 1 keerpunten hebben een verhaal" in tekst
    assert "van 60 dagen ervoor tot 30 dagen erna" in tekst
    assert "Cliënt C1, Financiën, 1 juli 2024: van 1 naar 3 (verbetering)" in tekst
    assert "1 juni 2024 (30 dagen ervoor), clientverhaal:" in tekst
    assert "post weer op orde" in tekst
    assert "Sandra" not in tekst and "Vries" not in tekst  # published text only
    assert "nieuwe baan" not in tekst  # outside the window
    assert "Geheime notitie" not in tekst  # no consent to publish
    assert "iemand anders" not in tekst  # another client without a keerpunt

    # a wider window takes the later story in; the internal one stays out
    uit = runner.invoke(
        app, ["analyse", "keerpunten", "--db", db, "--instrument", "ZRM", "--verhalen", "--venster", "60:80", "--json"]
    )
    assert uit.exit_code == 0, uit.output
    d = json.loads(uit.output)
    assert d["venster"] == {"dagen_voor": 60, "dagen_na": 80}
    assert [v["dagen_na_keerpunt"] for v in d["verhalen"]] == [-30, 76]
    assert [v["soort"] for v in d["verhalen"]] == ["clientverhaal", "casusnotitie"]
    assert all("Geheime" not in v["fragment"] and "Sandra" not in v["fragment"] for v in d["verhalen"])


def test_window_and_csv_are_checked(tmp_path, cli):
    db = _db(tmp_path)
    uit = cli("analyse", "keerpunten", "--db", db, "--verhalen", "--venster", "zestig")
    assert uit.returncode == 2 and "Traceback" not in uit.stderr
    assert "--venster" in uit.stderr + uit.stdout and "60:30" in uit.stderr + uit.stdout
    csv = tmp_path / "m.csv"
    csv.write_text("client_id,datum,score\n1,2024-01-01,2\n", encoding="utf-8")
    uit = cli("analyse", "keerpunten", "--csv", str(csv), "--verhalen")
    assert uit.returncode == 2 and "database" in uit.stderr + uit.stdout


def _sectie(html: str, titel: str, volgende: str = "<h2") -> str:
    begin = html.rindex(titel)  # the heading, after the table of contents
    return html[begin : html.find(volgende, begin + len(titel))]


def test_dialoog_and_verantwoording_show_the_pair(tmp_path):
    import rapporten
    from impact import store

    db = _db(tmp_path)
    engine = store.connect(db)
    for soort in ("dialoog", "verantwoording"):
        pad = tmp_path / f"{soort}.html"
        rapporten.bouw(soort, engine, pad)
        html = pad.read_text(encoding="utf-8")
        sectie = _sectie(html, "Wat gebeurde hier? Keerpunten naast verhalen")
        assert "Financiën ging op 1 juli 2024 van 1 naar 3" in sectie
        assert "post weer op orde" in sectie and "verhaal van een cliënt · 1 juni 2024 · 30 dagen vóór het keerpunt" in sectie
        assert "&lt;b&gt;Alles&lt;/b&gt;" in sectie and "<b>Alles</b>" not in html  # story text is escaped
        assert "Sandra" not in html and "Vries" not in html
        assert "Geheime notitie" not in html and "nieuwe baan" not in sectie
        assert "60 dagen vóór tot 30 dagen na het keerpunt" in sectie
    engine.dispose()
