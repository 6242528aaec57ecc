"""The command line speaks Dutch by default, typer's own words included; English on request."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from impact.cli import app
from impact.cli import taal as cli_taal

ENGELS = ("Usage:", "Options", "Commands", "Arguments", "Show this message", "[required]", "[default:",
          "Missing", "No such", "Try '", "Error:", "Invalid value")


def _run(*args: str, **env: str):
    return CliRunner().invoke(app, list(args), env=env or None, prog_name="impact")


def _uitvoer(result) -> str:
    return result.output + (getattr(result, "stderr", "") if result.output.strip() == "" else "")


def test_ontbrekend_argument_via_het_echte_commando():
    impact = Path(sys.executable).with_name("impact")
    env = {k: v for k, v in os.environ.items() if k != "IMPACT_TAAL"}
    proces = subprocess.run([str(impact), "importeer"], capture_output=True, text=True, env=env, timeout=120)
    assert proces.returncode == 2
    assert "Traceback" not in proces.stderr
    assert "Gebruik: impact importeer [OPTIES] {soort} {bestand}" in proces.stderr
    assert "Probeer 'impact importeer --help' voor hulp." in proces.stderr
    assert "Fout: Argument 'soort' ontbreekt." in proces.stderr
    assert not [w for w in ENGELS if w in proces.stderr]


@pytest.mark.parametrize(
    ("args", "verwacht"),
    [
        (("importeer", "metingen", "x.csv", "--onbekend"), "Fout: Onbekende optie: --onbekend"),
        (("sjabloon", "metingen"), "Fout: Optie '--uit' ontbreekt."),
        (("demo", "--clienten", "veel"), "Fout: Ongeldige waarde voor '--clienten': verwacht een geheel getal"),
        (("demo", "--clienten", "3"), "Fout: Ongeldige waarde voor '--clienten': moet minstens 50 zijn"),
        (("importeren",), "Fout: Onbekende opdracht 'importeren'. Bedoelt u 'importeer'"),
        (("rapport", "beleid", "--drempel"), "Fout: Optie '--drempel' heeft een waarde nodig."),
    ],
)
def test_gebruiksfouten_in_het_nederlands(args, verwacht):
    result = _run(*args)
    tekst = _uitvoer(result)
    assert result.exit_code == 2, tekst
    assert verwacht in tekst
    assert not [w for w in ENGELS if w in tekst], tekst
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_verkeerde_keuze_wordt_vertaald():
    cli_taal._taal = "nl"
    assert cli_taal.vertaal("Invalid value for '--k': Value error, 'z' is not one of 'x', 'y'.") == (
        "Ongeldige waarde voor '--k': 'z' is geen geldige keuze; kies uit 'x', 'y'."
    )
    assert cli_taal.vertaal("Missing argument 'soort'. Choose from:\n\tmetingen,\n\ttrajecten") == (
        "Argument 'soort' ontbreekt. Kies uit:\n\tmetingen,\n\ttrajecten"
    )
    assert cli_taal.vertaal("iets wat typer nooit zegt") == "iets wat typer nooit zegt"


def _help_overal() -> dict[str, str]:
    teksten = {}

    def loop(command, pad):
        teksten[" ".join(pad) or "impact"] = _uitvoer(_run(*pad, "--help"))
        for naam, sub in getattr(command, "commands", {}).items():
            loop(sub, [*pad, naam])

    loop(typer.main.get_command(app), [])
    return teksten


def test_hulp_is_overal_nederlands():
    teksten = _help_overal()
    assert len(teksten) > 15
    hoofd = teksten["impact"]
    assert "Gebruik: impact [OPTIES] OPDRACHT [ARGUMENTEN]..." in hoofd
    assert "Opties:" in hoofd and "Opdrachten:" in hoofd and "Toon deze hulp en stop." in hoofd
    assert "Argumenten:" in teksten["importeer"] and "[verplicht]" in teksten["importeer"]
    assert "[standaard: 2000; x>=50]" in teksten["demo"]
    for naam, tekst in teksten.items():
        assert tekst.startswith("Gebruik: "), naam
        assert not [w for w in ENGELS if w in tekst], (naam, tekst)


def test_engels_op_verzoek():
    result = _run("importeer", IMPACT_TAAL="en")
    assert result.exit_code == 2
    assert "Error: Missing argument 'soort'." in _uitvoer(result)
    result = _run("rapport", "beleid", "--taal", "en", "--onbekend")
    assert result.exit_code == 2
    assert "No such option: --onbekend" in _uitvoer(result)
    assert "Options:" in _uitvoer(_run("--help", IMPACT_TAAL="en"))
    assert "Opties:" in _uitvoer(_run("--help"))


def test_kies_taal(monkeypatch):
    monkeypatch.delenv("IMPACT_TAAL", raising=False)
    assert cli_taal.kies_taal(["rapport", "beleid"]) == "nl"
    assert cli_taal.kies_taal(["rapport", "beleid", "--taal", "en"]) == "en"
    assert cli_taal.kies_taal(["rapport", "beleid", "--taal=en"]) == "en"
    monkeypatch.setenv("IMPACT_TAAL", "en")
    assert cli_taal.kies_taal([]) == "en"
    assert cli_taal.kies_taal(["--taal", "nl"]) == "nl"
    monkeypatch.setenv("IMPACT_TAAL", "fr")
    assert cli_taal.kies_taal([]) == "nl"


def test_catalogus_van_typer_is_geldig():
    import re

    from babel.messages.pofile import read_po

    from impact.opmaak import catalogue_path

    with catalogue_path("nl", "typer").open("rb") as f:
        catalogus = read_po(f, locale="nl", domain="typer")
    assert not [(m.id, fouten) for m, fouten in catalogus.check()]
    for m in catalogus:
        if m.id:
            assert m.string, m.id
            assert set(re.findall(r"{(\w+)}", m.id)) == set(re.findall(r"{(\w+)}", m.string)), m.id
