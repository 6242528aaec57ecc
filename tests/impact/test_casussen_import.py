"""`impact importeer casussen`: a user's Effectencalculator case files (YAML and XLSX) into the
database, pooled by `impact kosten-baten casussen` and shown in the reports' cost-benefit section.

Every expected figure is computed from the user's files themselves, one file at a time, as
`impact kosten-baten casus FILE` computes it; the database path must give the same money.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from sqlalchemy import text
from typer.testing import CliRunner

from impact import store
from impact.cli import app
from impact.io.casus_bestand import lees_casus, schrijf_casus_sjabloon
from impact.opmaak import Opmaak
from modellen.kostenbaten.casus import Effectencalculator

VOORBEELD = Path(__file__).resolve().parents[2] / "voorbeelden" / "casus-voorbeeld.yaml"
CLIENTEN = (
    "pseudoniem;geboortejaar;gemeente;wijk;groep\n"
    + "".join(f"W{i:03d};1980;Weert;Fatima;interventie\n" for i in range(1, 11))
    + "".join(f"R{i:03d};1975;Roermond;Donderberg;interventie\n" for i in range(1, 4))
)
INTERVENTIES = "naam;doelgroep\nSchuldhulp Weert;volwassenen met schulden\nJongerenwerk;jongeren\n"
runner = CliRunner()


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.output


def _schrijf_yaml(pad: Path, **velden) -> Path:
    document = yaml.safe_load(VOORBEELD.read_text(encoding="utf-8"))
    uren = velden.pop("uren", None)
    if uren is not None:
        document["scenarios"]["interventie"]["activiteiten"][0]["aantal"] = uren
    document.update(velden)
    pad.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


def _schrijf_xlsx(pad: Path, naam: str, client: str) -> Path:
    schrijf_casus_sjabloon(pad)
    wb = load_workbook(pad)
    rijen = {rij[0].value: rij[1] for rij in wb["casus"].iter_rows(min_row=2)}
    rijen["naam"].value = naam
    rijen["client"].value = client
    wb.save(pad)
    return pad


def _casussen_van_de_gebruiker(map_: Path) -> dict[str, Path]:
    """Ten Weert cases (nine YAML with different hours, one XLSX) and three Roermond cases."""
    map_.mkdir()
    bestanden = {}
    for i in range(1, 10):
        bestanden[f"W{i:03d}"] = _schrijf_yaml(
            map_ / f"weert-{i}.yaml", naam=f"Casus Weert {i}", client=f"W{i:03d}", uren=20 + 3 * i
        )
    bestanden["W010"] = _schrijf_xlsx(map_ / "weert-10.xlsx", "Casus Weert 10", "W010")
    for i in range(1, 4):
        bestanden[f"R{i:03d}"] = _schrijf_yaml(
            map_ / f"roermond-{i}.yml", naam=f"Casus Roermond {i}", client=f"R{i:03d}", uren=10 * i
        )
    return bestanden


def _los_doorgerekend(paden) -> list:
    """Each file as `kosten-baten casus FILE` computes it."""
    uit = []
    for pad in paden:
        gelezen = lees_casus(pad)
        uit.append(Effectencalculator().fit(gelezen.document, gelezen.bestand, gelezen.regels))
    return uit


@pytest.fixture
def db_met_stamgegevens(database_url, tmp_path) -> str:
    """A database as a user fills it: clients, interventions, trajecten and some ZRM scores."""
    (tmp_path / "clienten.csv").write_text(CLIENTEN, encoding="utf-8")
    (tmp_path / "interventies.csv").write_text(INTERVENTIES, encoding="utf-8")
    pseudoniemen = [r.split(";")[0] for r in CLIENTEN.splitlines()[1:]]
    (tmp_path / "trajecten.csv").write_text(
        "client;interventie;start;eind\n" + "".join(f"{p};Schuldhulp Weert;2024-01-08;\n" for p in pseudoniemen),
        encoding="utf-8",
    )
    (tmp_path / "metingen.csv").write_text(
        "client;instrument;domein;datum;score\n"
        + "".join(f"{p};ZRM;financien;2024-01-10;2\n{p};ZRM;financien;2024-07-10;3\n" for p in pseudoniemen),
        encoding="utf-8",
    )
    _ok("init", "--db", database_url)
    for soort in ("clienten", "interventies", "trajecten", "metingen"):
        _ok("importeer", soort, str(tmp_path / f"{soort}.csv"), "--db", database_url)
    return database_url


def test_folder_of_yaml_and_xlsx_cases_is_imported_and_pooled_per_gemeente(db_met_stamgegevens, tmp_path):
    db = db_met_stamgegevens
    bestanden = _casussen_van_de_gebruiker(tmp_path / "casussen")
    assert "13 casussen toegevoegd." in _ok("importeer", "casussen", str(tmp_path / "casussen"), "--db", db)

    engine = store.connect(db)
    opgeslagen = store.read(engine, "casussen")
    clienten = store.read(engine, "clienten").set_index("pseudoniem")["client_id"]
    schuldhulp = int(store.read(engine, "interventies").set_index("naam").at["Schuldhulp Weert", "interventie_id"])
    engine.dispose()
    assert len(opgeslagen) == 13
    per_naam = opgeslagen.set_index("naam")
    assert per_naam.at["Casus Weert 10", "client_id"] == clienten["W010"]  # the XLSX case
    assert set(opgeslagen["interventie_id"]) == {schuldhulp}
    assert per_naam.at["Casus Roermond 2", "inhoud"]["client_id"] == clienten["R002"]

    for gemeente, prefix in (("Weert", "W"), ("Roermond", "R")):
        los = _los_doorgerekend(p for k, p in bestanden.items() if k.startswith(prefix))
        uit = json.loads(
            _ok("kosten-baten", "casussen", "--interventie", "Schuldhulp Weert", "--gemeente", gemeente,
                "--db", db, "--json")  # fmt: skip
        )
        assert uit["n_casussen"] == len(los)
        assert uit["totalen"]["verschil"] == pytest.approx(float(sum(r.verschil for r in los)), abs=0.005)
        assert uit["selectie"] == {"interventie": "Schuldhulp Weert", "gemeente": gemeente}
    tekst = _ok("kosten-baten", "casussen", "--gemeente", "Roermond", "--db", db)
    assert tekst.startswith("alle interventies, gemeente Roermond: 3 casussen samengenomen")


def test_bad_case_files_are_all_named_and_nothing_is_written(db_met_stamgegevens, tmp_path, cli):
    db = db_met_stamgegevens
    map_ = tmp_path / "casussen"
    map_.mkdir()
    _schrijf_yaml(map_ / "a-goed.yaml", naam="Casus goed", client="W001")
    _schrijf_yaml(map_ / "b-onbekende-client.yaml", naam="Casus b", client="X999")
    _schrijf_yaml(map_ / "c-onbekende-interventie.yaml", naam="Casus c", client="W002", interventie="Buurtsport")
    _schrijf_yaml(map_ / "d-dubbel.yaml", naam="Casus goed", client="W003")
    kapot = yaml.safe_load(VOORBEELD.read_text(encoding="utf-8"))
    kapot["naam"] = "Casus kapot"
    kapot["scenarios"]["referentie"]["gebeurtenissen"][0]["kans"] = 1.5
    (map_ / "e-kapot.yaml").write_text(yaml.safe_dump(kapot, sort_keys=False), encoding="utf-8")
    xlsx = _schrijf_xlsx(map_ / "f.xlsx", "Casus f", "W004")
    wb = load_workbook(xlsx)
    wb["posten"]["H2"] = "bestaat_niet"  # the item of the first post
    wb.save(xlsx)
    _schrijf_yaml(map_ / "g-client-id.yaml", naam="Casus g", client="W005", client_id=9999)
    engine = store.connect(db)
    voor = store.table_fingerprint(engine)
    engine.dispose()

    uit = cli("importeer", "casussen", str(map_), "--db", db)
    assert uit.returncode == 2, uit.stderr
    assert "Traceback" not in uit.stderr
    regels = uit.stderr.splitlines()
    kans = next(r for r in regels if "e-kapot.yaml" in r)
    assert re.search(r"e-kapot\.yaml:\d+:scenarios\.referentie\.gebeurtenissen\.0\.kans: een kans tussen 0 en 1", kans)
    assert any(f"{xlsx}[posten]:2:scenarios.interventie.activiteiten.0.item: een bekend item" in r for r in regels)
    assert "b-onbekende-client.yaml:2:client: het pseudoniem van een bekende cliënt" in uit.stderr
    assert "er stond: 'X999'" in uit.stderr
    assert "c-onbekende-interventie.yaml:3:interventie: de naam van een bekende interventie" in uit.stderr
    assert "d-dubbel.yaml:1:naam: elke casusnaam één keer (ook in" in uit.stderr
    assert "g-client-id.yaml:" in uit.stderr and ":client_id: het id van een bekende cliënt in de database" in uit.stderr
    assert "6 problemen gevonden; er is niets gewijzigd." in uit.stderr
    engine = store.connect(db)
    with engine.connect() as c:
        assert c.execute(text("SELECT COUNT(*) FROM casus")).scalar() == 0
    assert store.table_fingerprint(engine) == voor
    engine.dispose()

    # one good file: in; the same file again: refused as a duplicate
    assert cli("importeer", "casussen", str(map_ / "a-goed.yaml"), "--db", db).returncode == 0
    uit = cli("importeer", "casussen", str(map_ / "a-goed.yaml"), "--db", db)
    assert uit.returncode == 2
    assert "a-goed.yaml:1:naam: een casus die nog niet in de database staat" in uit.stderr
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    uit = cli("importeer", "casussen", str(leeg), "--db", db)
    assert uit.returncode == 2 and "een map zonder casusbestanden" in uit.stderr


def _sectie(html: str, titel: str) -> str:
    begin = html.index(f">{titel}</h2>")
    eind = html.find("<h2", begin)
    deel = re.sub(r"<script.*?</script>", " ", html[begin:eind], flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", deel)))


@pytest.mark.parametrize("soort, titel", [("verantwoording", "Kosten en baten"), ("beleid", "Wie betaalt, wie heeft baat")])
def test_imported_cases_reach_the_cost_benefit_section_of_the_report(db_met_stamgegevens, tmp_path, soort, titel):
    db = db_met_stamgegevens
    bestanden = _casussen_van_de_gebruiker(tmp_path / "casussen")
    _ok("importeer", "casussen", str(tmp_path / "casussen"), "--db", db)
    _ok("rapport", soort, "--db", db, "--uit", str(tmp_path / "r.html"), "--gemeente", "Weert")
    sectie = _sectie((tmp_path / "r.html").read_text(encoding="utf-8"), titel)

    los = _los_doorgerekend(p for k, p in bestanden.items() if k.startswith("W"))  # the ten Weert cases
    opmaak = Opmaak("nl")
    assert "bootstrap over 10 casussen" in sectie
    for financier in ("gemeente", "woningcorporatie", "burger"):
        totaal = sum(r.per_financier().set_index("financier")["verschil"].get(financier, 0.0) for r in los)
        rij = re.search(rf"{financier} (€ -?[\d.]+) (€ -?[\d.]+) (€ -?[\d.]+) (€ -?[\d.]+)", sectie)
        assert rij is not None, (financier, sectie)
        assert rij.group(4) == opmaak.geld(totaal), (financier, rij.group(0))
    if soort == "verantwoording":
        gemiddeld = opmaak.geld(float(sum(r.verschil for r in los)) / len(los))
        assert f"Over 10 uitgewerkte casussen is het maatschappelijk saldo gemiddeld {gemiddeld} per casus" in sectie
