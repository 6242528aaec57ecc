"""The dialoog says whether it read manual codings or keyword suggestions, and shows how well
two coders agreed: from a .qdpx written outside impact to the section text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from impact import store
from rapporten import gemeenschappelijk as gm
from rapporten import rapportsoort
from rapporten.bron import Gegevens
from rapporten.model import Tabel, Tekst

DATA = Path(__file__).resolve().parents[1] / "verhalen" / "data"
PROJECT = DATA / "wijkteam_twee_codeurs.qdpx"


def _inleiding(engine) -> tuple[str, list[Tabel]]:
    ctx = gm.maak_context(Gegevens(engine))
    rapport = rapportsoort("dialoog").maak(ctx)
    sectie = next(s for s in rapport.secties if s.titel == "Waarover gaat dit gesprek?")
    tekst = " ".join(a for b in sectie.blokken if isinstance(b, Tekst) for a in b.alineas)
    return tekst, [b for b in sectie.blokken if isinstance(b, Tabel)]


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A small demo world without codings, plus the three stories of the .qdpx fixture told
    by clients of the world (as ``impact importeer verhalen`` would store them)."""
    from impact.demo import generate
    from verhalen.publicatie import publiceer

    wereld = generate(2026, 60)
    wereld.codes = wereld.codes.iloc[0:0]
    wereld.coderingen = wereld.coderingen.iloc[0:0]
    rijen = pd.read_csv(DATA / "wijkteam_verhalen.csv", sep=";").iloc[:3]
    met_zrm = wereld.metingen["client_id"].drop_duplicates().iloc[:3].tolist()
    clienten = wereld.clienten.set_index("client_id").loc[met_zrm]
    eerste = int(wereld.verhalen["verhaal_id"].max()) + 1
    extra = pd.DataFrame({
        "verhaal_id": range(eerste, eerste + 3), "titel": rijen["titel"], "tekst": rijen["tekst"],
        "soort": ["clientverhaal", "casusnotitie", "casusnotitie"],
        "datum": pd.to_datetime(rijen["datum"]), "auteur_rol": rijen["auteur_rol"],
        "client_id": met_zrm, "gemeente": clienten["gemeente"].tolist(), "wijk": clienten["wijk"].tolist(),
        "interventie_id": pd.NA, "toestemming": "intern",
    })
    wereld.verhalen = pd.concat([wereld.verhalen, extra], ignore_index=True)
    wereld.verhalen["client_id"] = wereld.verhalen["client_id"].astype("Int64")
    wereld.verhalen["interventie_id"] = wereld.verhalen["interventie_id"].astype("Int64")
    wereld = publiceer(wereld)
    url = f"sqlite:///{tmp_path_factory.mktemp('dialoog') / 'impact.db'}"
    engine = store.connect(url)
    store.upgrade(engine)
    store.write_world(engine, wereld)
    yield url, engine
    engine.dispose()


def test_from_keyword_suggestions_to_manual_codings(database, cli):
    url, engine = database
    tekst, tabellen = _inleiding(engine)
    assert "voorgesteld op trefwoorden uit het codeboek: er zijn geen handmatige coderingen" in tekst
    assert not tabellen

    result = cli("verhalen", "importeer-qdpx", str(PROJECT), "--db", url)
    assert result.returncode == 0, result.stderr
    assert "Gekoppeld aan een verhaal in de database: 3 van de 4 bronnen." in result.stdout

    tekst, tabellen = _inleiding(engine)
    # three coded stories: too few to count in a publication
    assert "Een deel van de verhalen is handmatig gecodeerd door 2 codeurs." in tekst
    assert "een thema dat geen codeur aanwees, telt niet" in tekst
    assert "Bij de andere verhalen is het thema voorgesteld op trefwoorden" in tekst
    (tabel,) = tabellen
    assert tabel.titel == "Overeenstemming tussen de codeurs"
    assert "Over minder dan 5 verhalen die twee codeurs allebei codeerden" in tabel.toelichting
    alfa = dict(zip(tabel.waarden["Thema"], tabel.waarden["Overeenstemming (Krippendorffs alfa)"], strict=True))
    assert set(alfa) == {"Financiën", "Huisvesting", "Sociaal netwerk", "Geestelijke gezondheid", "Alle thema's samen"}
    # by hand, per sentence (7 sentences in the 3 stories), coder pairs (Sanne, Youssef):
    # huisvesting (1,1) x2, (1,0) x1, (0,0) x4: n=14, n1=5, n0=9,
    #   alpha = 1 - D_o / D_e = 1 - (2/14) / (2*5*9 / (14*13)) = 1 - 13/45
    # sociaal netwerk (1,1), (0,1), (0,0) x5: 1 - (2/14) / (2*3*11 / 182) = 1 - 13/33
    # geestelijke gezondheid (1,0), (0,0) x6: 1 - (2/14) / (2*1*13 / 182) = 0
    # financien (1,1), (0,0) x6: no disagreement, 1 (the coding on the category was skipped)
    assert alfa["Huisvesting"] == pytest.approx(1 - 13 / 45)
    assert alfa["Sociaal netwerk"] == pytest.approx(1 - 13 / 33)
    assert alfa["Geestelijke gezondheid"] == pytest.approx(0.0)
    assert alfa["Financiën"] == pytest.approx(1.0)
