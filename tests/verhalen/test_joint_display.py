import pandas as pd
import pytest

from verhalen.codeboek import Code, Codeboek
from verhalen.joint_display import JointDisplay


def data():
    # 10 stories: clients 1-5 improved, 6-10 deteriorated
    verhalen = pd.DataFrame({
        "verhaal_id": range(1, 11), "client_id": range(1, 11),
        "tekst": [f"Verhaal {i:02d}: het gaat over schulden en ook over eigen kracht." for i in
                  range(1, 11)],
        "toestemming": ["intern", *["geanonimiseerd_publiceren"] * 9],
    })
    groepen = pd.DataFrame({"client_id": range(1, 11),
                            "groep": ["betrouwbaar verbeterd"] * 5
                            + ["betrouwbaar verslechterd"] * 5})
    rows = []
    for i in [1, 2, 3, 4]:  # eigen kracht mostly among improved
        rows.append((i, "kracht", 47, 59))
    rows.append((6, "kracht", 47, 59))
    for i in [1, 6, 7, 8, 9]:  # schulden mostly among deteriorated
        rows.append((i, "schuld", 26, 34))
    rows.append((10, "stil", 0, 5))
    cods = pd.DataFrame(rows, columns=["verhaal_id", "code_id", "start", "eind"])
    return verhalen, groepen, cods


def test_counts_and_percentages_hand_worked():
    verhalen, groepen, cods = data()
    res = JointDisplay(gebruik="intern").fit(cods, verhalen, groepen)
    t = res.summary().set_index(["thema", "groep"])
    assert t.loc[("kracht", "betrouwbaar verbeterd"), "n"] == 4
    assert t.loc[("kracht", "betrouwbaar verbeterd"), "rij_pct"] == pytest.approx(80)
    assert t.loc[("kracht", "betrouwbaar verbeterd"), "kolom_pct"] == pytest.approx(80)
    assert t.loc[("schuld", "betrouwbaar verslechterd"), "kolom_pct"] == pytest.approx(80)
    for theme in ["kracht", "schuld", "stil"]:
        assert t.loc[theme, "rij_pct"].sum() == pytest.approx(100)
    # crosstab check against pandas
    present = cods.merge(groepen, left_on="verhaal_id", right_on="client_id")
    expected = pd.crosstab(present.drop_duplicates(["verhaal_id", "code_id"])["code_id"],
                           present.drop_duplicates(["verhaal_id", "code_id"])["groep"])
    assert (res.matrix("n").fillna(0).astype(int).values == expected.values).all()


def test_convergence_divergence_silence():
    verhalen, groepen, cods = data()
    res = JointDisplay(min_verhalen=2).fit(cods, verhalen, groepen,
                                           valentie={"kracht": 1, "schuld": -1})
    verdict = res.oordeel.set_index("thema")["oordeel"].to_dict()
    assert verdict == {"kracht": "convergentie", "schuld": "convergentie", "stil": "stilte"}
    flipped = JointDisplay(min_verhalen=2).fit(cods, verhalen, groepen,
                                               valentie={"kracht": -1, "schuld": 1})
    assert set(flipped.oordeel["oordeel"][:2]) == {"divergentie"}
    assert res.oordeel.set_index("thema").loc["kracht", "verschil_pp"] == pytest.approx(60)
    loose = JointDisplay(min_verhalen=2, drempel_pp=70).fit(cods, verhalen, groepen,
                                                            valentie={"kracht": 1})
    assert loose.oordeel.set_index("thema").loc["kracht", "oordeel"] == "onbeslist"


def test_quotes_respect_consent():
    verhalen, groepen, cods = data()
    res = JointDisplay(gebruik="geanonimiseerd_publiceren").fit(cods, verhalen, groepen)
    t = res.summary()
    assert 1 not in set(t["citaat_verhaal_id"].dropna())  # story 1 is intern
    cell = t[(t.thema == "kracht") & (t.groep == "betrouwbaar verbeterd")].iloc[0]
    assert cell["citaat"] == "eigen kracht" and cell["n"] == 4  # counts use all stories
    assert res.plot().data and res.to_dict()["oordeel"]


def test_rollup_to_main_codes_with_names():
    verhalen, groepen, cods = data()
    cb = Codeboek([Code("geld", "Financiën", codeerbaar=False),
                   Code("schuld", "Schulden", parent_id="geld"),
                   Code("kracht", "Eigen kracht"), Code("stil", "Stil")])
    res = JointDisplay().fit(cods, verhalen, groepen, codeboek=cb, valentie={"schuld": -1})
    assert set(res.summary()["thema"]) == {"Schulden", "Eigen kracht", "Stil"}
    rolled = JointDisplay(hoofdcodes=True).fit(cods, verhalen, groepen, codeboek=cb)
    assert "Financiën" in set(rolled.summary()["thema"])


def _standpunt_data(stances_up, stances_down):
    """5 improved clients, 5 deteriorated; one story each with the given stances on 'geld'."""
    verhalen = pd.DataFrame({
        "verhaal_id": range(1, 11), "client_id": range(1, 11),
        "tekst": [f"Zin {i:02d} over geld." for i in range(1, 11)],
        "toestemming": ["geanonimiseerd_publiceren"] * 10,
    })
    groepen = pd.DataFrame({"client_id": range(1, 11),
                            "groep": ["betrouwbaar verbeterd"] * 5 + ["betrouwbaar verslechterd"] * 5})
    sp = pd.DataFrame({"verhaal_id": range(1, 11), "thema": "geld",
                       "standpunt": list(stances_up) + list(stances_down),
                       "start": 0, "eind": 19})
    return verhalen, groepen, sp


@pytest.mark.parametrize(("up", "down", "oordeel", "soort"), [
    # figures: 50% up, 50% down -> do not move; make them move with an extra unchanged-free
    # split below by weighting the groups
    (["vooruitgang"] * 5, ["vooruitgang"] * 4 + ["terugval"], "convergentie", None),
    (["terugval"] * 5, ["terugval"] * 4 + ["vooruitgang"], "divergentie", "cijfers_op_verhalen_neer"),
    (["vooruitgang", "terugval"] * 2 + ["neutraal"], ["vooruitgang", "terugval"] * 2 + ["niet"],
     "uiteen", None),
    (["niet"] * 4 + ["vooruitgang"], ["niet"] * 4 + ["terugval"], "stilte", None),
])
def test_standpunt_tegen_cijfers(up, down, oordeel, soort):
    verhalen, groepen, sp = _standpunt_data(up, down)
    # three more improved clients without stories: the figures now point up (8 vs 5)
    groepen = pd.concat([groepen, pd.DataFrame({"client_id": [11, 12, 13],
                                                "groep": ["betrouwbaar verbeterd"] * 3})])
    res = JointDisplay(gebruik="geanonimiseerd_publiceren").fit(
        pd.DataFrame(columns=["verhaal_id", "code_id", "start", "eind"]), verhalen, groepen,
        standpunten=sp)
    rij = res.oordeel.iloc[0]
    assert rij["oordeel"] == oordeel and rij["soort"] == soort
    assert rij["cijfers_op"] == pytest.approx(8 / 13)
    cel = res.tabel.set_index("groep")
    assert cel["n"].sum() == sum(s != "niet" for s in up + down)
    assert cel[["n_vooruitgang", "n_terugval", "n_gemengd", "n_neutraal"]].sum(axis=1).equals(cel["n"])


def test_standpunt_citaten_nooit_twee_keer_en_met_de_richting_van_de_groep():
    verhalen, groepen, sp = _standpunt_data(["vooruitgang", "terugval"] * 2 + ["neutraal"],
                                            ["terugval", "vooruitgang"] * 2 + ["terugval"])
    res = JointDisplay(gebruik="geanonimiseerd_publiceren").fit(
        pd.DataFrame(columns=["verhaal_id", "code_id", "start", "eind"]), verhalen, groepen,
        standpunten=sp, uitsluiten={1})
    t = res.tabel.set_index("groep")
    ids = t["citaat_verhaal_id"].dropna().tolist()
    assert len(ids) == len(set(ids)) and 1 not in ids
    assert t.at["betrouwbaar verbeterd", "citaat_standpunt"] == "vooruitgang"
    assert t.at["betrouwbaar verslechterd", "citaat_standpunt"] == "terugval"
