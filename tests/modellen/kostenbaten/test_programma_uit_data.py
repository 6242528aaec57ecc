"""`impact kosten-baten programma FILE --uit-data`: reach, deadweight and drop-off from a small
database built from the user's CSV files, every number worked out by hand.

The world (ZRM financiën, reliability 0,85 from the instrument file):

  clients  groep         traject Schuldhulp          financiën
  I1       interventie   2024-01-01 .. 2024-06-30     1 -> 3 at uitstroom, 3 at +12 months
  I2       interventie   2024-01-01 .. 2024-06-30     1 -> 3 at uitstroom, 1 at +12 months
  I3       interventie   2024-01-01 .. 2024-06-30     2 -> 4 at uitstroom, 4 at +11.5 months
  I4       interventie   2024-01-01 .. 2024-06-30     3 -> 3
  I5       interventie   2024-01-01 .. (open)         2 (intake only)
  V1..V4   vergelijking  none                         1 -> 3, 2 -> 2, 3 -> 3, 4 -> 4

Baseline SD over the nine intake scores (1,1,2,3,2,1,2,3,4) = sqrt(8.8889/8) = 1,054; the
smallest reliable change 1.96 x sqrt(2) x 1,054 x sqrt(0,15) = 1,13: a rise of 2 is reliable.

- reach = 5 (I1..I5); reliably improved up to uitstroom: I1, I2, I3 of the 4 measured twice
  -> p_i = 3/4, aantal = 5 x 3/4 = 3,75
- comparison: V1 of 4 -> p_v = 1/4; deadweight = p_v / p_i = 1/3
- a year after uitstroom: I1 and I3 still improved, I2 not -> drop-off = 1 - 2/3 = 1/3
- attributie stays the file's 0,20

Year value = 3,75 x 1200 x (1 - 1/3) x (1 - 0,20) = 2400; year 2 = 2400 x (2/3) = 1600.
PV at 2,25%: 2400 / 1,0225 + 1600 / 1,0225^2 = 2347,19 + 1530,36 = 3877,55; costs 1000
(year 0); NCW 2877,55; SROI 3,8775.
"""

from __future__ import annotations

import json

import pytest
from statsmodels.stats.proportion import proportion_confint
from typer.testing import CliRunner

from impact.cli import app

runner = CliRunner()

INTERVENTIES = "naam\nSchuldhulp\n"
CLIENTEN = "pseudoniem;geboortejaar;gemeente;groep\n" + "".join(
    f"{c};1980;Weert;{g}\n"
    for c, g in [(f"I{i}", "interventie") for i in range(1, 6)] + [(f"V{i}", "vergelijking") for i in range(1, 5)]
)
TRAJECTEN = "client;interventie;start;eind\n" + "".join(
    f"I{i};Schuldhulp;2024-01-01;{'2024-06-30' if i < 5 else ''}\n" for i in range(1, 6)
)
_SCORES = [
    ("I1", "2024-01-01", 1), ("I1", "2024-06-30", 3), ("I1", "2025-06-30", 3),
    ("I2", "2024-01-01", 1), ("I2", "2024-06-30", 3), ("I2", "2025-07-01", 1),
    ("I3", "2024-01-01", 2), ("I3", "2024-06-30", 4), ("I3", "2025-06-15", 4),
    ("I4", "2024-01-01", 3), ("I4", "2024-06-30", 3),
    ("I5", "2024-01-01", 2),
    ("V1", "2024-01-01", 1), ("V1", "2024-07-01", 3),
    ("V2", "2024-01-01", 2), ("V2", "2024-07-01", 2),
    ("V3", "2024-01-01", 3), ("V3", "2024-07-01", 3),
    ("V4", "2024-01-01", 4), ("V4", "2024-07-01", 4),
]
METINGEN = "client;instrument;domein;datum;score\n" + "".join(
    f"{c};ZRM;financien;{d};{s}\n" for c, d, s in _SCORES
)
PROGRAMMA = """\
naam: Schuldhulp proef
interventie: Schuldhulp
discontovoet: 0.0225
investeringen:
  - {omschrijving: personeel, bedrag: 1000, jaar: 0, financier: gemeente, bron: begroting}
uitkomsten:
  - naam: financiën op orde
    domein: financien
    waarde: {waarde: 1200, bron: eigen schatting}
    attributie: {waarde: 0.2, min: 0.1, max: 0.3, bron: expertoordeel}
    duur: 2
    begunstigde: gemeente
"""


def _bouw(tmp_path, metingen: str = METINGEN, db: str | None = None):
    db = db or str(tmp_path / "impact.db")
    assert runner.invoke(app, ["init", "--db", db]).exit_code == 0
    for soort, inhoud in (
        ("interventies", INTERVENTIES),
        ("clienten", CLIENTEN),
        ("trajecten", TRAJECTEN),
        ("metingen", metingen),
    ):
        pad = tmp_path / f"{soort}.csv"
        pad.write_text(inhoud, encoding="utf-8")
        uit = runner.invoke(app, ["importeer", soort, str(pad), "--db", db])
        assert uit.exit_code == 0, (soort, uit.output)
    programma = tmp_path / "programma.yaml"
    programma.write_text(PROGRAMMA, encoding="utf-8")
    return db, programma


@pytest.fixture
def wereld(tmp_path):
    return _bouw(tmp_path)


def _json(db, programma, *extra) -> dict:
    uit = runner.invoke(
        app, ["kosten-baten", "programma", str(programma), "--uit-data", "--db", db, "--json", *extra]
    )
    assert uit.exit_code == 0, (uit.output, uit.exception)
    return json.loads(uit.output)


def test_hand_worked_programme_from_data(tmp_path, database_url):
    db, programma = _bouw(tmp_path, db=database_url)  # SQLite and PostgreSQL
    d = _json(db, programma, "--monte-carlo", "2000")
    u = d["invoer"]["uitkomsten"][0]
    assert u["aantal"]["waarde"] == pytest.approx(3.75)
    assert u["deadweight"]["waarde"] == pytest.approx(1 / 3)
    assert u["drop_off"]["waarde"] == pytest.approx(1 / 3)
    assert u["attributie"]["waarde"] == pytest.approx(0.2)
    pv = 2400 / 1.0225 + 1600 / 1.0225**2
    assert d["pv_baten"] == pytest.approx(round(pv, 2), abs=0.006)
    assert d["pv_kosten"] == 1000.0
    assert d["netto_contante_waarde"] == pytest.approx(round(pv - 1000, 2), abs=0.006)
    assert d["sroi_ratio"] == pytest.approx(pv / 1000, abs=1e-4)
    # ranges: 95% Wilson intervals of each share, checked against statsmodels
    lo, hi = proportion_confint(3, 4, method="wilson")
    assert (u["aantal"]["min"], u["aantal"]["max"]) == pytest.approx((5 * lo, 5 * hi))
    lo, hi = proportion_confint(1, 4, method="wilson")
    assert (u["deadweight"]["min"], u["deadweight"]["max"]) == pytest.approx((lo / 0.75, hi / 0.75))
    lo, hi = proportion_confint(2, 3, method="wilson")
    assert (u["drop_off"]["min"], u["drop_off"]["max"]) == pytest.approx((1 - hi, 1 - lo))
    herkomst = {r["parameter"]: r for r in d["herkomst"]}
    assert herkomst["aantal"]["herkomst"] == "uit de gegevens" and herkomst["aantal"]["n_clienten"] == 5
    assert herkomst["deadweight"]["n_clienten"] == 4 and herkomst["drop_off"]["n_clienten"] == 3
    assert herkomst["attributie"]["herkomst"] == "uit het bestand"
    # the tornado holds the measured ranges; the Monte Carlo band lies around the point value
    namen = {r["parameter"] for r in d["gevoeligheid"]["parameters"]}
    assert {"uitkomst[0].aantal", "uitkomst[0].deadweight", "uitkomst[0].drop_off"} <= namen
    band = {r["uitkomst"]: r for r in d["monte_carlo"]["verdeling"]}["netto_contante_waarde"]
    assert band["p5"] < d["netto_contante_waarde"] < band["p95"]


def test_dutch_output_says_where_each_number_came_from(wereld):
    db, programma = wereld
    uit = runner.invoke(app, ["kosten-baten", "programma", str(programma), "--uit-data", "--db", db,
                              "--periode", "2024"])
    assert uit.exit_code == 0, uit.output
    t = uit.output
    assert "aantal (bereik x aandeel verbeterd): 3,75" in t
    assert "uit de gegevens: gemeten (5 cliënten van Schuldhulp, 1 januari 2024 t/m 31 december 2024" in t
    assert "3 van 4 gemeten cliënten in de interventiegroep betrouwbaar verbeterd" in t
    assert "deadweight: 33,3%" in t and "in de vergelijkingsgroep 1 van 4 betrouwbaar verbeterd" in t
    assert "drop-off per jaar: 33,3%" in t and "2 van 3 verbeterde cliënten een jaar na uitstroom" in t
    assert "attributie: 20,0% (bandbreedte 10,0% tot 30,0%), uit het bestand" in t
    assert "netto contante waarde:  € 2.878" in t or "netto contante waarde:  € 2.877" in t
    assert "Gevoeligheid (tornado" in t and "Monte Carlo (10.000 trekkingen, seed 2026)" in t


def test_without_comparison_group_the_file_value_stays(tmp_path):
    zonder_vergelijking = "\n".join(r for r in METINGEN.splitlines() if not r.startswith("V")) + "\n"
    db, _ = _bouw(tmp_path, zonder_vergelijking)
    programma = tmp_path / "p2.yaml"
    programma.write_text(PROGRAMMA.replace("    duur: 2", "    deadweight: 0.4\n    duur: 2"), encoding="utf-8")
    d = _json(db, programma, "--monte-carlo", "0")
    u = d["invoer"]["uitkomsten"][0]
    assert u["deadweight"]["waarde"] == 0.4
    rij = next(r for r in d["herkomst"] if r["parameter"] == "deadweight")
    assert rij["herkomst"] == "uit het bestand" and "vergelijkingsgroep" in rij["toelichting"]


def test_unknown_interventie_is_a_dutch_error(wereld, tmp_path, cli):
    db, _ = wereld
    programma = tmp_path / "p3.yaml"
    programma.write_text(PROGRAMMA.replace("interventie: Schuldhulp", "interventie: Buurtwerk"), encoding="utf-8")
    uit = cli("kosten-baten", "programma", str(programma), "--uit-data", "--db", db)
    assert uit.returncode == 2 and "Traceback" not in uit.stderr
    assert "p3.yaml:2" in uit.stderr + uit.stdout and "Schuldhulp" in uit.stderr + uit.stdout


def test_price_list_range_scales_with_the_number_of_units():
    """Half an eviction: value, min and max are all half the price list's (indexed to 2024)."""
    from modellen.kostenbaten.programma import valideer_programma

    doc = {
        "naam": "x",
        "prijsjaar": 2024,
        "uitkomsten": [{"naam": "u", "aantal": 1, "waarde": {"item": "huisuitzetting_verhuurder", "aantal": 0.5}}],
    }
    heel = valideer_programma({**doc, "uitkomsten": [{"naam": "u", "aantal": 1,
                                                      "waarde": {"item": "huisuitzetting_verhuurder"}}]})
    half = valideer_programma(doc).uitkomsten[0].waarde
    w = heel.uitkomsten[0].waarde
    assert (half.waarde, half.min, half.max) == pytest.approx((w.waarde / 2, w.min / 2, w.max / 2))


def _tekst(pad) -> str:
    import html as h
    import re

    s = re.sub(r"<script.*?</script>", "", pad.read_text(encoding="utf-8"), flags=re.S)
    return h.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", s)))


def test_verantwoording_shows_the_programme_from_data(tmp_path):
    """The same hand-worked world in the verantwoording report (thresholds lowered to 1 so the
    five clients may be shown), and with the default thresholds the result is withheld."""
    import rapporten
    from impact import store
    from impact.io.casus_bestand import lees_yaml_met_regels
    from rapporten.bron import Gegevens
    from rapporten.onthulling import Drempels
    from rapporten.resultaten import zet_programma

    db, programma = _bouw(tmp_path)
    engine = store.connect(db)
    for drempels, naam in ((Drempels(1, 1), "open.html"), (Drempels(), "standaard.html")):
        gegevens = Gegevens(engine)
        zet_programma(gegevens, lees_yaml_met_regels(programma))
        rapporten.bouw("verantwoording", gegevens, tmp_path / naam, drempels=drempels)
    engine.dispose()
    tekst = _tekst(tmp_path / "open.html")
    sectie = tekst[tekst.rindex("Kosten en baten van het programma, uit de metingen") :]
    assert "gemeten is bij de 5 cliënten van Schuldhulp" in sectie
    assert "Kosten (contante waarde) € 1.000" in sectie
    assert "Baten (contante waarde) € 3.878" in sectie
    assert "Netto contante waarde (baten min kosten) € 2.878" in sectie
    assert "elke euro die het programma kost, levert 3,88 euro aan baten op" in sectie
    assert "deel dat zonder traject ook was gebeurd (deadweight) 33,3%" in sectie
    assert "afname per jaar na uitstroom (drop-off) 33,3%" in sectie
    assert "deel dat aan anderen toe te schrijven is (attributie) 20,0% 10,0% tot 30,0% aangenomen" in sectie
    assert "in 90% van de doorrekeningen tussen" in sectie and "Gevoeligheid per getal" in sectie
    standaard = _tekst(tmp_path / "standaard.html")
    assert "Te weinig cliënten gemeten (minder dan 10 bij een van de getallen)" in standaard
    assert "€ 2.878" not in standaard


def test_the_demo_world_has_a_programme_section():
    from impact.demo import generate
    from rapporten import gemeenschappelijk as gm
    from rapporten import rapportsoort

    wereld = generate(seed=2026, n_clients=300)
    wereld.verhalen = wereld.verhalen.iloc[0:0]  # unpublished stories are refused; this is about the figures
    ctx = gm.maak_context(wereld)
    rapport = rapportsoort("verantwoording").maak(ctx)
    titels = [s.titel for s in rapport.secties]
    assert "Kosten en baten van het programma, uit de metingen" in titels
    r = ctx.resultaat("programma")
    assert r.interventie == "Schuldhulpverlening" and r.fout is None
    assert {"uit de gegevens"} <= set(r.gemeten.herkomst["herkomst"])
