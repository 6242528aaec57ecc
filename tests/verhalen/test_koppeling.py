import pandas as pd
import pytest

from impact.errors import UserInputError
from verhalen.koppeling import plot_tijdlijn, selecteer_verhalen, tijdlijn, verhalen_rond_keerpunten
from verhalen.refiqda import client_variables

D = pd.to_datetime


def data():
    verhalen = pd.DataFrame({
        "verhaal_id": [1, 2, 3, 4], "titel": ["a", "b", "c", "wijk"],
        "tekst": ["x", "y", "z", "w"], "soort": ["casusnotitie"] * 3 + ["wijkverhaal"],
        "datum": D(["2025-02-10", "2025-06-01", "2025-03-01", "2025-03-01"]),
        "client_id": pd.array([1, 1, 2, None], dtype="Int64"),
        "gemeente": ["Weert", "Weert", "Brunssum", "Weert"],
        "wijk": ["Boshoven", "Boshoven", "Centrum", "Boshoven"],
        "toestemming": ["intern"] * 4,
    })
    metingen = pd.DataFrame({
        "client_id": [1, 1, 2, 2], "instrument": "ZRM", "domein": "financien",
        "datum": D(["2025-01-01", "2025-03-01", "2025-01-01", "2025-04-01"]),
        "score": [2, 4, 3, 2], "bron": "professional"})
    gebeurtenissen = pd.DataFrame({"client_id": [1], "datum": D(["2025-02-10"]),
                                   "soort": ["schuldregeling_gestart"], "omschrijving": ["WSNP"]})
    keerpunten = pd.DataFrame({"client_id": [1, 2], "domein": ["financien", "financien"],
                               "datum": D(["2025-03-01", "2025-04-01"]),
                               "vorige_datum": D(["2025-01-01", "2025-01-01"]),
                               "verschil": [2.0, -1.0], "richting": ["verbetering",
                                                                     "verslechtering"]})
    return verhalen, metingen, gebeurtenissen, keerpunten


def test_timeline_one_client_ordered():
    verhalen, metingen, gebeurtenissen, keerpunten = data()
    lijn = tijdlijn(verhalen, metingen, gebeurtenissen, keerpunten, client_id=1)
    assert lijn["soort"].tolist() == ["meting", "gebeurtenis", "verhaal", "meting", "keerpunt",
                                      "verhaal"]
    assert lijn["datum"].is_monotonic_increasing
    assert lijn.loc[1, "omschrijving"] == "schuldregeling_gestart: WSNP"
    assert set(lijn["client_id"]) == {1}
    assert len(plot_tijdlijn(lijn).data) == 4


def test_stories_near_keerpunt_window():
    verhalen, *_, keerpunten = data()
    near = verhalen_rond_keerpunten(verhalen, keerpunten, dagen=30)
    # story 1 is 19 days before client 1's keerpunt; story 3 is 31 days before client 2's
    assert near["verhaal_id"].tolist() == [1]
    assert near.loc[0, "dagen_na_keerpunt"] == -19
    wide = verhalen_rond_keerpunten(verhalen, keerpunten, dagen=31)
    assert sorted(wide["verhaal_id"]) == [1, 3]
    assert verhalen_rond_keerpunten(verhalen, keerpunten, dagen=100, domein="werk").empty
    with pytest.raises(UserInputError):
        verhalen_rond_keerpunten(verhalen, keerpunten.drop(columns="richting"))


def test_select_stories_by_figures():
    verhalen, *_ = data()
    clienten = pd.DataFrame({"client_id": [1, 2], "pseudoniem": ["C1", "C2"],
                             "gemeente": ["Weert", "Brunssum"], "wijk": ["Boshoven", "Centrum"]})
    rci = pd.DataFrame({"client_id": [1, 2], "domein": "financien",
                        "categorie": ["betrouwbaar verbeterd", "betrouwbaar verslechterd"]})
    var = client_variables(clienten, rci=rci)
    out = selecteer_verhalen(verhalen, var, gemeente="Weert", rci_financien="betrouwbaar verbeterd")
    assert out["verhaal_id"].tolist() == [1, 2]
    out = selecteer_verhalen(verhalen, var, gemeente=["Weert", "Brunssum"],
                             rci_financien=lambda s: s.str.contains("verslechterd"))
    assert out["verhaal_id"].tolist() == [3]
    with pytest.raises(UserInputError):
        selecteer_verhalen(verhalen, var, bestaat_niet=1)
