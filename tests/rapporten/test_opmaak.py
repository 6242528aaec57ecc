import datetime as dt

import pytest

from impact.errors import UserInputError
from rapporten.opmaak import Opmaak


def test_nederlandse_notatie():
    nl = Opmaak("nl")
    assert nl.geld(1234.56, 2) == "€ 1.234,56"
    assert nl.geld(-1234) == "-€ 1.234"
    assert nl.getal(1234567) == "1.234.567"
    assert nl.getal(3.14159, 2) == "3,14"
    assert nl.procent(0.254) == "25%"
    assert nl.datum(dt.date(2026, 11, 21)) == "21 november 2026"
    assert nl.datum("2026-03-01") == "1 maart 2026"
    assert nl.getal(None) == "–"


def test_engelse_notatie_en_catalogus():
    en = Opmaak("en")
    assert en.geld(1234.56, 2) == "€1,234.56"
    assert en.datum(dt.date(2026, 11, 21)) == "21 November 2026"
    assert en.t("Inhoud") == "Contents"
    assert en.t("een zin die niet vertaald is") == "een zin die niet vertaald is"
    assert Opmaak("nl").t("{n} cliënten", n=3) == "3 cliënten"


def test_onbekende_taal():
    with pytest.raises(UserInputError):
        Opmaak("fr")


def _berichten() -> list[str]:
    import ast
    import re
    from pathlib import Path

    import rapporten

    map_ = Path(rapporten.__file__).parent
    gevonden = []
    for pad in sorted(map_.glob("*.py")):
        for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                f = node.func
                naam = f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)
                arg = node.args[0]
                if naam == "t" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    gevonden.append(arg.value)
    for pad in (map_ / "templates").glob("*.j2"):
        gevonden += re.findall(r'(?<![\w.])t\("((?:[^"\\]|\\.)*)"', pad.read_text(encoding="utf-8"))
    return gevonden


def test_elke_tekst_heeft_een_engelse_vertaling():
    from rapporten.catalogus import ENGELS

    berichten = _berichten()
    assert len(berichten) > 100
    ontbreekt = sorted({b for b in berichten if b not in ENGELS})
    assert not ontbreekt, ontbreekt
    for nl, en in ENGELS.items():  # placeholders must survive translation
        import re

        assert set(re.findall(r"{(\w+)}", nl)) == set(re.findall(r"{(\w+)}", en)), nl
