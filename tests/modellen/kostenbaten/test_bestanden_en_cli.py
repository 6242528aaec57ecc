"""Case files (YAML with line numbers, XLSX template) and the kosten-baten CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from impact.cli.kostenbaten import app, euro
from impact.errors import UserInputError
from impact.io.casus_bestand import lees_casus, schrijf_casus_sjabloon
from modellen.kostenbaten.casus import Effectencalculator

VOORBEELDEN = Path(__file__).resolve().parents[3] / "voorbeelden"
SLECHT = """\
naam: kapot
scenarios:
  interventie:
    activiteiten:
      - item: sociaal_werker_uur
        aantal: -3
        datum: 2024-01-01
  referentie:
    gebeurtenissen:
      - omschrijving: uithuiszetting
        datum: 2024-09-01
        kans: 1.5
        gevolgen:
          - {item: bestaat_niet, aantal: 1}
"""


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from impact.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ | {"PYTHONPATH": os.getcwd()},
    )


def test_yaml_errors_name_line_and_field(tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_text(SLECHT, encoding="utf-8")
    gelezen = lees_casus(pad)
    with pytest.raises(UserInputError) as err:
        Effectencalculator().fit(gelezen.document, gelezen.bestand, gelezen.regels)
    plekken = {(p.row, p.column) for p in err.value.problems}
    assert plekken == {
        (6, "scenarios.interventie.activiteiten.0.aantal"),
        (12, "scenarios.referentie.gebeurtenissen.0.kans"),
        (14, "scenarios.referentie.gebeurtenissen.0.gevolgen.0.item"),
    }


def test_yaml_syntax_error_names_line(tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_text("naam: x\nscenarios:\n  interventie: [\n", encoding="utf-8")
    with pytest.raises(UserInputError) as err:
        lees_casus(pad)
    assert err.value.problems[0].row == 4
    assert "YAML" in err.value.problems[0].expected


def test_cli_malformed_case_exit_2_dutch_and_nothing_written(tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_text(SLECHT, encoding="utf-8")
    voor = sorted(p.name for p in tmp_path.iterdir())
    uit = _cli("kosten-baten", "casus", str(pad), "--json", cwd=tmp_path)
    assert uit.returncode == 2
    assert (
        "casus.yaml:12:scenarios.referentie.gebeurtenissen.0.kans: een kans tussen 0 en 1"
        in uit.stderr
    )
    assert "er is niets gewijzigd" in uit.stderr
    assert "Traceback" not in uit.stderr
    assert uit.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == voor


def test_cli_casus_example_json_and_text():
    runner = CliRunner()
    res = runner.invoke(app, ["casus", str(VOORBEELDEN / "casus-voorbeeld.yaml"), "--json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["verschil"] == pytest.approx(d["kosten_referentie"] - d["kosten_interventie"])
    assert sum(r["verschil"] for r in d["per_financier"]) == pytest.approx(d["verschil"])
    res = runner.invoke(app, ["casus", str(VOORBEELDEN / "casus-voorbeeld.yaml")])
    assert "per financier" in res.output and "€ " in res.output


def test_cli_programma_json_carries_inputs_and_sources():
    res = CliRunner().invoke(
        app,
        [
            "programma",
            str(VOORBEELDEN / "programma-schuldhulp-weert.yaml"),
            "--json",
            "--monte-carlo",
            "2000",
        ],
    )
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    for sleutel in (
        "pv_kosten",
        "pv_baten",
        "netto_contante_waarde",
        "sroi_ratio",
        "break_even_jaar",
        "per_begunstigde",
        "prijslijst_versie",
        "invoer",
    ):
        assert sleutel in d
    u = d["invoer"]["uitkomsten"][0]
    assert "huisuitzetting_verhuurder" in u["waarde"]["bron"]
    assert all("bron" in u[v] for v in ("aantal", "waarde", "deadweight", "drop_off"))
    assert d["monte_carlo"]["n"] == 2000
    # recompute from the recorded inputs alone
    r = d["discontovoet"]["waarde"]
    baten = 0.0
    for u in d["invoer"]["uitkomsten"]:
        w = {
            v: u[v]["waarde"]
            for v in ("aantal", "waarde", "deadweight", "attributie", "verplaatsing", "drop_off")
        }
        for t in range(1, u["duur"] + 1):
            baten += (
                w["aantal"]
                * w["waarde"]
                * (1 - w["deadweight"])
                * (1 - w["attributie"])
                * (1 - w["verplaatsing"])
                * (1 - w["drop_off"]) ** (t - 1)
                / (1 + r) ** t
            )
    assert round(baten, 2) == d["pv_baten"]


def test_cli_casussen_guarded_without_database(tmp_path):
    res = CliRunner().invoke(
        app, ["casussen", "--interventie", "X", "--db", f"sqlite:///{tmp_path / 'leeg.db'}"]
    )
    assert isinstance(res.exception, UserInputError)
    assert "impact init" in str(res.exception)


def test_cli_casussen_from_database(tmp_path):
    import sqlalchemy as sa

    from impact import store

    url = f"sqlite:///{tmp_path / 'impact.db'}"
    engine = store.connect(url)
    store.upgrade(engine)
    doc = yaml.safe_load((VOORBEELDEN / "casus-voorbeeld.yaml").read_text(encoding="utf-8"))
    with engine.begin() as conn:
        for i in range(3):
            inhoud = json.dumps(dict(doc, naam=f"casus {i}"), default=str)
            conn.execute(
                sa.text("INSERT INTO casus (naam, inhoud) VALUES (:n, :i)"),
                {"n": f"casus {i}", "i": inhoud},
            )
    engine.dispose()
    res = CliRunner().invoke(
        app,
        [
            "casussen",
            "--interventie",
            "Schuldhulp Weert",
            "--db",
            url,
            "--json",
            "--extrapoleer",
            "10",
        ],
    )
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["n_casussen"] == 3
    # three identical cases: every bootstrap mean equals the case's own difference, 16275.12
    assert d["totalen"]["verschil"] == pytest.approx(3 * 16275.12)
    assert d["extrapolatie"]["ci_laag"] == pytest.approx(10 * 16275.12)


def test_xlsx_template_round_trip(tmp_path):
    pad = schrijf_casus_sjabloon(tmp_path / "casus.xlsx")
    gelezen = lees_casus(pad)
    r = Effectencalculator().fit(gelezen.document, gelezen.bestand, gelezen.regels)
    doc = {
        "naam": "Casus schuldhulp 1",
        "prijsjaar": 2024,
        "scenarios": {
            "interventie": {
                "activiteiten": [
                    {
                        "item": "sociaal_werker_uur",
                        "aantal": 30,
                        "start": "2024-01-08",
                        "eind": "2024-06-28",
                    }
                ]
            },
            "referentie": {
                "gebeurtenissen": [
                    {
                        "omschrijving": "uithuiszetting",
                        "datum": "2024-09-01",
                        "kans": 0.6,
                        "gevolgen": [
                            {"item": "huisuitzetting_verhuurder", "aantal": 1},
                            {
                                "item": "maatschappelijke_opvang_jaar",
                                "aantal": {"min": 0.1, "max": 0.5, "waarde": 0.25},
                            },
                        ],
                    }
                ]
            },
        },
    }
    verwacht = Effectencalculator().fit(doc)
    assert r.verschil == verwacht.verschil
    assert r.bandbreedte() == verwacht.bandbreedte()


def test_xlsx_errors_name_the_row(tmp_path):
    from openpyxl import load_workbook

    pad = schrijf_casus_sjabloon(tmp_path / "casus.xlsx")
    wb = load_workbook(pad)
    wb["posten"]["G3"] = 2.5  # kans of the first event row
    wb.save(pad)
    gelezen = lees_casus(pad)
    with pytest.raises(UserInputError) as err:
        Effectencalculator().fit(gelezen.document, gelezen.bestand, gelezen.regels)
    assert {p.row for p in err.value.problems} == {3}


def test_example_files_are_valid_yaml_with_required_keys():
    prog = yaml.safe_load((VOORBEELDEN / "programma-schuldhulp-weert.yaml").read_text())
    assert {"naam", "discontovoet", "investeringen", "uitkomsten"} <= set(prog)


def test_euro_notation():
    assert euro(1234.5) == "€ 1.234,50"
    assert euro(-0.5) == "€ -0,50"
