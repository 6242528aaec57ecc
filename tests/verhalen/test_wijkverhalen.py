import pandas as pd
import pytest

from verhalen.wijkverhalen import is_wijkverhaal, wijkcijfers, wijkverhalen


def data():
    verhalen = pd.DataFrame({
        "verhaal_id": [1, 2, 3, 4, 5], "titel": ["a", "b", "c", "d", "e"],
        "tekst": ["..."] * 5,
        "soort": ["wijkverhaal", "wijkverhaal", "wijkverhaal", "casusnotitie", "msc_verhaal"],
        "datum": pd.to_datetime(["2024-05-01", "2025-02-01", "2025-03-01", "2025-03-01",
                                 "2025-06-01"]),
        "client_id": pd.array([None, None, None, 7, None], dtype="Int64"),
        "gemeente": ["Weert"] * 4 + ["Roermond"], "wijk": ["Boshoven", "Boshoven", "Boshoven",
                                                           "Boshoven", "Centrum"],
        "toestemming": ["geanonimiseerd_publiceren", "intern", "publiceren_met_bron",
                        "intern", "geanonimiseerd_publiceren"],
    })
    analyse = pd.DataFrame({
        "client_id": [1, 1, 2, 3], "instrument": "ZRM", "domein": "financien",
        "datum": pd.to_datetime(["2024-03-01", "2025-03-01", "2025-04-01", "2025-04-01"]),
        "score": [2.0, 3.0, 4.0, 1.0], "gemeente": ["Weert", "Weert", "Weert", "Roermond"],
        "wijk": ["Boshoven", "Boshoven", "Boshoven", "Centrum"]})
    return verhalen, analyse


def test_which_stories_are_wijkverhalen():
    verhalen, _ = data()
    assert is_wijkverhaal(verhalen).tolist() == [True, True, True, False, True]


def test_grouped_by_wijk_and_year_with_figures():
    verhalen, analyse = data()
    cijfers = wijkcijfers(analyse)
    boshoven25 = cijfers[(cijfers.wijk == "Boshoven") & (cijfers.jaar == 2025)].iloc[0]
    assert boshoven25["n_clienten"] == 2 and boshoven25["gemiddelde_score"] == pytest.approx(3.5)
    res = wijkverhalen(verhalen, cijfers, gebruik="intern")
    t = res.summary().set_index(["wijk", "jaar"])
    assert t.loc[("Boshoven", 2025), "n_verhalen"] == 2
    assert t.loc[("Boshoven", 2025), "verhaal_ids"] == [2, 3]
    assert t.loc[("Boshoven", 2024), "gemiddelde_score"] == pytest.approx(2.0)
    assert t.loc[("Centrum", 2025), "n_verhalen"] == 1
    assert res.bundel("Weert", "Boshoven", 2025)["verhaal_id"].tolist() == [2, 3]
    assert res.plot().data


def test_publication_excludes_internal_and_keeps_silent_wijk_years():
    verhalen, analyse = data()
    res = wijkverhalen(verhalen, wijkcijfers(analyse), gebruik="geanonimiseerd_publiceren")
    t = res.summary().set_index(["wijk", "jaar"])
    assert t.loc[("Boshoven", 2025), "verhaal_ids"] == [3]
    assert 2 not in set(res.verhalen["verhaal_id"])


def test_rci_share_per_wijk():
    verhalen, analyse = data()
    clienten = pd.DataFrame({"client_id": [1, 2, 3], "gemeente": ["Weert", "Weert", "Roermond"],
                             "wijk": ["Boshoven", "Boshoven", "Centrum"]})
    rci = pd.DataFrame({"client_id": [1, 2, 3], "domein": "financien",
                        "categorie": ["hersteld", "onveranderd", "verslechterd"]})
    c = wijkcijfers(analyse, rci=rci, clienten=clienten).set_index(["wijk", "jaar"])
    assert c.loc[("Boshoven", 2025), "pct_betrouwbaar_verbeterd"] == pytest.approx(50)
    assert c.loc[("Centrum", 2025), "pct_betrouwbaar_verslechterd"] == pytest.approx(100)


def test_a_wijk_is_gemeente_and_wijk():
    """Two gemeenten with a wijk of the same name never share stories or figures."""
    verhalen, analyse = data()
    verhalen.loc[4, ["gemeente", "wijk"]] = ["Roermond", "Boshoven"]
    analyse.loc[3, ["gemeente", "wijk"]] = ["Roermond", "Boshoven"]
    res = wijkverhalen(verhalen, wijkcijfers(analyse), gebruik="intern")
    t = res.summary().set_index(["gemeente", "wijk", "jaar"])
    assert t.loc[("Weert", "Boshoven", 2025), "n_clienten"] == 2
    assert t.loc[("Roermond", "Boshoven", 2025), "n_clienten"] == 1
    assert res.bundel("Roermond", "Boshoven", 2025)["verhaal_id"].tolist() == [5]
    assert res.bundel("Weert", "Boshoven", 2025)["verhaal_id"].tolist() == [2, 3]
