"""A .qdpx written outside impact goes into the database: codebook, codings, coders.

From the user's files (``data/wijkteam_verhalen.csv`` and ``data/wijkteam_twee_codeurs.qdpx``,
see ``data/README.md``) through the CLI to the rows of ``code`` and ``codering``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from impact import store
from verhalen.refiqda import validate

DATA = Path(__file__).parent / "data"
PROJECT = DATA / "wijkteam_twee_codeurs.qdpx"
VERHALEN = DATA / "wijkteam_verhalen.csv"

# (story title, code, coder, the coded fragment of the stored text): read off the fixture by hand
VERWACHT = {
    ("Post open durven maken", "Aanmaningen en deurwaarder", "Sanne Bakker", "elke envelop was weer een aanmaning"),
    ("Post open durven maken", "Aanmaningen en deurwaarder", "Youssef El Amrani", "elke envelop was weer een aanmaning"),
    ("Post open durven maken", "Aanmaningen en deurwaarder", "Sanne Bakker",
     "de deurwaarder is niet meer geweest en de huurachterstand is afgelost"),
    ("Post open durven maken", "Schuldhulp", "Sanne Bakker", "Sinds de schuldhulpverlening meekijkt, is er rust"),
    ("Post open durven maken", "Schuldhulp", "Youssef El Amrani", "Sinds de schuldhulpverlening meekijkt, is er rust"),
    ("Post open durven maken", "Sociaal netwerk", "Youssef El Amrani", "heeft daar vriendinnen gevonden"),
    ("Van de auto naar een eigen huis", "Dakloos of in de opvang", "Sanne Bakker", "hij sliep een maand in zijn auto"),
    ("Van de auto naar een eigen huis", "Dakloos of in de opvang", "Youssef El Amrani",
     "hij sliep een maand in zijn auto"),
    ("Van de auto naar een eigen huis", "Dakloos of in de opvang", "Sanne Bakker",
     "Via de wijkcoach kreeg hij een kamer in de opvang"),
    ("Van de auto naar een eigen huis", "Eigen woning", "Sanne Bakker", "Nu heeft hij een eigen woning"),
    ("Van de auto naar een eigen huis", "Eigen woning", "Youssef El Amrani", "Nu heeft hij een eigen woning"),
    ("Van de auto naar een eigen huis", "Werk & opleiding", "Youssef El Amrani",
     "werkt hij drie dagen bij de kringloop"),
    ("Zondag", "Geestelijke gezondheid", "Sanne Bakker", "Mevrouw voelde zich lang eenzaam en somber"),
    ("Zondag", "Sociaal netwerk", "Sanne Bakker", "Haar dochter komt nu elke zondag langs"),
    ("Zondag", "Sociaal netwerk", "Youssef El Amrani", "Haar dochter komt nu elke zondag langs"),
}


def _opgeslagen(url: str) -> tuple[set, pd.DataFrame]:
    engine = store.connect(url)
    try:
        codes = store.read(engine, "codes")
        verhalen = store.read(engine, "verhalen").set_index("verhaal_id")
        cods = store.read(engine, "coderingen")
    finally:
        engine.dispose()
    naam = dict(zip(codes["code_id"], codes["naam"], strict=True))
    rijen = {
        (verhalen.at[v, "titel"], naam[c], who, verhalen.at[v, "tekst"][s:e])
        for v, c, s, e, who in zip(cods["verhaal_id"], cods["code_id"], cods["start"], cods["eind"], cods["codeur"],
                                   strict=True)
    }
    return rijen, codes


def test_fixture_is_valid_refi_qda():
    assert validate(PROJECT) == []


def test_foreign_project_lands_on_the_stored_stories(database_url, cli):
    assert cli("init", "--db", database_url).returncode == 0
    stories = cli("importeer", "verhalen", str(VERHALEN), "--db", database_url)
    assert stories.returncode == 0, stories.stderr

    result = cli("verhalen", "importeer-qdpx", str(PROJECT), "--db", database_url)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "codeurs: Sanne Bakker, Youssef El Amrani" in out
    assert "Gekoppeld aan een verhaal in de database: 3 van de 4 bronnen." in out
    assert "'Van de auto naar een eigen huis' -> verhaal 2, op tekst, na gelijktrekken van witruimte" in out
    assert "'Memo teamoverleg': geen verhaal met deze tekst in de database (1 codering)" in out
    assert "code 'Financiën' (Youssef El Amrani): de code is een categorie" in out
    assert "start 200 en eind 9999 vallen niet binnen de tekst (0 tot 228 tekens)" in out
    assert "11 codes nieuw" in out and "15 coderingen nieuw" in out

    rijen, codes = _opgeslagen(database_url)
    assert rijen == VERWACHT
    # the code tree, colours and definitions as in the file
    ids = dict(zip(codes["naam"], codes["code_id"], strict=True))
    ouder = dict(zip(codes["naam"], codes["parent_id"], strict=True))
    assert ouder["Aanmaningen en deurwaarder"] == ids["Schulden"]
    assert ouder["Schulden"] == ids["Financiën"] and pd.isna(ouder["Financiën"])
    rij = codes.set_index("naam").loc["Aanmaningen en deurwaarder"]
    assert rij["kleur"] == "#6AAEDD" and rij["definitie"].startswith("Brieven, aanmaningen")

    again = cli("verhalen", "importeer-qdpx", str(PROJECT), "--db", database_url)
    assert again.returncode == 0, again.stderr
    assert "0 codes nieuw, 0 bijgewerkt, 11 al aanwezig; 0 coderingen nieuw, 15 stonden er al." in again.stdout
    rijen_na, codes_na = _opgeslagen(database_url)
    assert rijen_na == VERWACHT and len(codes_na) == len(codes)


def _kapot(tmp_path: Path, vervang: tuple[str, str]) -> Path:
    """The fixture with one change in project.qde."""
    uit = tmp_path / "kapot.qdpx"
    with zipfile.ZipFile(PROJECT) as bron, zipfile.ZipFile(uit, "w") as doel:
        for naam in bron.namelist():
            data = bron.read(naam)
            if naam == "project.qde":
                tekst = data.decode("utf-8")
                assert re.search(vervang[0], tekst)
                data = re.sub(vervang[0], vervang[1], tekst, count=1).encode("utf-8")
            doel.writestr(naam, data)
    return uit


@pytest.mark.parametrize(
    ("vervang", "verwacht"),
    [
        (("urn:QDA-XML:project:1.0", "urn:iets-anders"), "een REFI-QDA-project: hoofdelement <Project>"),
        (('startPosition="184"', 'startPosition="honderd"'), "een heel getal >= 0 (positie in tekens)"),
        (("</Project>", ""), "geldige XML"),
    ],
    ids=["namespace", "positie", "xml"],
)
def test_invalid_project_changes_nothing(engine, cli, tmp_path, vervang, verwacht):
    url = engine.url.render_as_string(hide_password=False)
    with store.write_transaction(engine) as connection:
        store.write_codings(connection, pd.DataFrame({"code_id": ["a"], "naam": ["Bestaand"], "parent_id": [None]}), None)
    kapot = _kapot(tmp_path, vervang)
    result = cli("verhalen", "importeer-qdpx", str(kapot), "--db", url)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "kapot.qdpx" in result.stderr and verwacht in result.stderr
    assert store.read(engine, "codes")["naam"].tolist() == ["Bestaand"]
    assert store.read(engine, "coderingen").empty


def test_csv_output_kept_as_option(tmp_path, cli):
    result = cli("verhalen", "importeer-qdpx", str(PROJECT), "--uit", str(tmp_path / "csv"))
    assert result.returncode == 0, result.stderr
    cods = pd.read_csv(tmp_path / "csv" / "coderingen.csv")
    assert len(cods) == 18 and set(cods["codeur"]) == {"Sanne Bakker", "Youssef El Amrani"}
    assert not (tmp_path / "impact.db").exists()


def test_codings_on_the_published_text_move_back_to_the_original(tmp_path):
    """A project coded on the pseudonymised text (what an outside researcher gets) lands on the
    original text: offsets go back through the replaced spans; a coded surrogate covers the
    whole original name. A text two stories share matches neither."""
    from verhalen.codeboek import zrm_codeboek
    from verhalen.refiqda import export_qdpx, import_qdpx, koppel_aan_verhalen

    origineel = "Jan de Vries belde over de huur. Daarna ging het beter."
    gepubliceerd = "Piet Bos belde over de huur. Daarna ging het beter."
    opgeslagen = pd.DataFrame({
        "verhaal_id": [1, 2, 3], "tekst": [origineel, "Zelfde tekst.", "Zelfde tekst."],
        "tekst_publicatie": [gepubliceerd, "Zelfde tekst.", "Zelfde tekst."],
        "vervangingen_publicatie": [[[0, 12, 8]], [], []],
    })
    bestand = pd.DataFrame({"verhaal_id": [98, 99], "titel": ["a", "b"], "tekst": [gepubliceerd, "Zelfde tekst."],
                            "soort": "casusnotitie", "toestemming": "intern"})
    s = gepubliceerd.index("belde")
    cods = pd.DataFrame({
        "codering_id": [1, 2, 3], "verhaal_id": [98, 98, 99], "code_id": ["financien.schulden", "sociaal_netwerk",
                                                                         "eigen_kracht"],
        "start": [s, 2, 0], "eind": [s + len("belde over de huur"), 8, 5], "codeur": "anna",
        "datum": pd.Timestamp("2026-01-01"),
    })
    export_qdpx(tmp_path / "p.qdpx", bestand, zrm_codeboek(), cods)
    koppeling = koppel_aan_verhalen(import_qdpx(tmp_path / "p.qdpx"), opgeslagen)

    bronnen = koppeling.bronnen.set_index("bron")
    assert bronnen.at["a", "verhaal_id"] == 1 and "gepubliceerde" in bronnen.at["a", "manier"]
    assert pd.isna(bronnen.at["b", "verhaal_id"]) and "2 verhalen hebben deze tekst" in bronnen.at["b", "reden"]
    fragmenten = {c: origineel[a:b] for c, a, b in zip(koppeling.coderingen["code_id"], koppeling.coderingen["start"],
                                                      koppeling.coderingen["eind"], strict=True)}
    assert fragmenten == {"financien.schulden": "belde over de huur", "sociaal_netwerk": "Jan de Vries"}


def test_codebook_alone_goes_into_the_database(engine, cli, tmp_path):
    """A .qdc codebook (here the shipped one, as a QDA program would write it) is stored with
    its tree; importing it again adds nothing."""
    from verhalen.codeboek import zrm_codeboek
    from verhalen.refiqda import export_qdc

    url = engine.url.render_as_string(hide_password=False)
    export_qdc(tmp_path / "codeboek.qdc", zrm_codeboek())
    eerst = cli("verhalen", "importeer-qdpx", str(tmp_path / "codeboek.qdc"), "--db", url)
    assert eerst.returncode == 0, eerst.stderr
    assert f"{len(zrm_codeboek())} codes nieuw" in eerst.stdout
    codes = store.read(engine, "codes")
    ouder = dict(zip(codes["code_id"], codes["parent_id"], strict=True))
    naam = dict(zip(codes["code_id"], codes["naam"], strict=True))
    paden = {(naam.get(ouder[c]), naam[c]) for c in codes["code_id"]}
    assert ("Financiën", "Schulden en achterstanden") in paden and (None, "Keerpunt") in paden
    opnieuw = cli("verhalen", "importeer-qdpx", str(tmp_path / "codeboek.qdc"), "--db", url)
    assert f"0 codes nieuw, 0 bijgewerkt, {len(zrm_codeboek())} al aanwezig" in opnieuw.stdout
    assert len(store.read(engine, "codes")) == len(codes)
