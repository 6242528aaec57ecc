import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

import impact
import rapporten
from impact.errors import UserInputError
from impact.opmaak import LOCALE_DIR, Opmaak, catalogue_path, euro, translations

ROOT = Path(impact.__file__).parent.parent


def test_nederlandse_notatie():
    nl = Opmaak("nl")
    assert nl.geld(1234.56, 2) == "€ 1.234,56"
    assert nl.geld(-1234) == "€ -1.234"
    assert nl.geld(-0.4) == "€ 0"
    assert nl.getal(1234567) == "1.234.567"
    assert nl.getal(3.14159, 2) == "3,14"
    assert nl.getal(-0.2) == "0"
    assert nl.procent(0.254) == "25%"
    assert nl.datum(dt.date(2026, 11, 21)) == "21 november 2026"
    assert nl.datum("2026-03-01") == "1 maart 2026"
    assert nl.maand(dt.date(2026, 11, 21)) == "november 2026" and nl.maand(None) == "–"
    assert Opmaak("en").maand("2026-03-01") == "March 2026"
    assert nl.getal(None) == "–"
    assert nl.geld(float("nan")) == "–"


def test_euro_is_dezelfde_notatie_als_geld():
    assert euro(1234.5) == "€ 1.234,50" == Opmaak("nl").geld(1234.5, 2)
    assert euro(-1234.56) == "€ -1.234,56"
    assert "\xa0" not in euro(-1234.56)


def test_engelse_notatie_en_catalogus():
    en = Opmaak("en")
    assert en.geld(1234.56, 2) == "€1,234.56"
    assert en.geld(-1234) == "-€1,234"
    assert en.getal(1234567) == "1,234,567"
    assert en.datum(dt.date(2026, 11, 21)) == "21 November 2026"
    assert en.t("Inhoud") == "Contents"
    assert en.t("een zin die niet vertaald is") == "een zin die niet vertaald is"
    assert en.t("") == ""
    assert Opmaak("nl").t("{n} cliënten", n=3) == "3 cliënten"
    assert Opmaak("nl").t("Inhoud") == "Inhoud"


def test_meervoud():
    assert Opmaak("nl").tn("{n} probleem", "{n} problemen", 1) == "1 probleem"
    assert Opmaak("nl").tn("{n} probleem", "{n} problemen", 3) == "3 problemen"


def test_onbekende_taal():
    with pytest.raises(UserInputError):
        Opmaak("fr")


def _ast_berichten() -> list[str]:
    """Every literal first argument of a call named ``t`` or ``N_`` in rapporten, nested calls included."""
    gevonden = []
    for pad in sorted(Path(rapporten.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                f = node.func
                naam = f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)
                arg = node.args[0]
                if naam in ("t", "N_") and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    gevonden.append(arg.value)
    return gevonden


def _geextraheerd() -> dict[str, set[str]]:
    """What ``pybabel extract -F babel.cfg -k t -k tn:1,2`` finds, per file."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg, "babel.cfg")
    keywords = {**DEFAULT_KEYWORDS, "t": None, "tn": (1, 2), "N_": None}
    per_bestand: dict[str, set[str]] = {}
    for bestand, _, bericht, _, _ in extract_from_dir(str(ROOT), method_map, options_map, keywords=keywords):
        for tekst in bericht if isinstance(bericht, tuple) else (bericht,):
            per_bestand.setdefault(bestand, set()).add(tekst)
    return per_bestand


def _engels() -> dict[str, str]:
    with catalogue_path("en").open("rb") as f:
        catalogus = read_po(f, locale="en", domain="impact")
    engels = {}
    for m in catalogus:
        if isinstance(m.id, tuple):  # singular and plural: each form has its own English
            engels.update(zip(m.id, m.string, strict=True))
        elif m.id:
            engels[m.id] = m.string
    return engels


def test_elke_tekst_heeft_een_engelse_vertaling():
    engels = _engels()
    geextraheerd = _geextraheerd()
    sjablonen = {b for pad, b in geextraheerd.items() if pad.endswith(".j2") for b in b}
    assert {"Inhoud", "Naar de inhoud", "Gegevens bij deze figuur", "Rapporten"} <= sjablonen
    berichten = set(_ast_berichten()) | {b for pad in geextraheerd.values() for b in pad}
    assert len(berichten) > 100
    ontbreekt = sorted(b for b in berichten if not engels.get(b))
    assert not ontbreekt, ontbreekt
    for nl, en in engels.items():  # placeholders must survive translation
        assert set(re.findall(r"{(\w+)}", nl)) == set(re.findall(r"{(\w+)}", en)), nl


def test_catalogus_is_geldig_en_er_is_geen_verouderde_mo():
    with catalogue_path("en").open("rb") as f:
        catalogus = read_po(f, locale="en", domain="impact")
    assert not [m.id for m in catalogus if m.id and m.fuzzy]
    assert not [(m.id, fouten) for m, fouten in catalogus.check()]
    # the .po is the only form: compiled in memory, so no .mo can go stale next to it
    assert not list(LOCALE_DIR.rglob("*.mo"))
    vertaling = translations("en")
    for m in catalogus:
        if isinstance(m.id, tuple):
            assert [vertaling.ngettext(*m.id, n) for n in (1, 2)] == list(m.string)
        elif m.id:
            assert vertaling.gettext(m.id) == m.string


def test_sjablonen_vertalen_met_dezelfde_catalogus():
    from rapporten.schrijvers import omgeving

    sjabloon = omgeving().from_string(
        '{% trans %}Inhoud{% endtrans %} | {{ _("Aantal cliënten") }} | {{ _("Let op") }}'
    )
    assert sjabloon.render(t=Opmaak("nl").t) == "Inhoud | Aantal cliënten | Let op"
    assert sjabloon.render(t=Opmaak("en").t) == "Contents | Number of clients | Note"


def test_amounts_in_reports_do_not_break_after_the_euro_sign():
    from rapporten.schrijvers import omgeving

    html = omgeving().from_string("{{ x }} | {{ y|safe }}").render(x="kost € 1.234 <b>", y="<i>€ -7</i>")
    assert html == "kost €\u00a01.234 &lt;b&gt; | <i>€\u00a0-7</i>"
