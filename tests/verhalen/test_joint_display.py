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
