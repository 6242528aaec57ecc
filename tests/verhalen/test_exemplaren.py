import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from impact.errors import UserInputError
from verhalen.exemplaren import binnen_toestemming, kies_exemplaren

SCOPES = ["intern", "geanonimiseerd_publiceren", "publiceren_met_bron"]


def data():
    n = 12
    verhalen = pd.DataFrame({
        "verhaal_id": range(1, n + 1), "titel": [f"v{i}" for i in range(1, n + 1)],
        "tekst": ["Kort verhaal over schulden bij de deurwaarder en verder niets."] * n,
        "client_id": range(1, n + 1),
        "wijk": ["A", "A", "A", "B", "B", "C", "C", "A", "B", "C", "A", "A"],
        "interventie": ["X", "X", "Y", "X", "Y", "X", "Y", "X", "X", "Y", "Y", "X"],
        "toestemming": ["intern", "geanonimiseerd_publiceren", "geanonimiseerd_publiceren",
                        "geanonimiseerd_publiceren", "publiceren_met_bron", "intern",
                        "geanonimiseerd_publiceren", "geanonimiseerd_publiceren", None,
                        "geanonimiseerd_publiceren", "publiceren_met_bron", "onbekend"],
    })
    cods = pd.DataFrame({"verhaal_id": [1, 2, 3, 4, 5, 6, 8, 9, 11, 12],
                         "code_id": "schuld", "start": 22, "eind": 29})
    cods.loc[cods.verhaal_id == 2, "eind"] = 50  # story 2 carries the most code
    groepen = pd.DataFrame({"client_id": range(1, n + 1),
                            "groep": ["verbeterd"] * 8 + ["verslechterd"] * 4})
    return verhalen, cods, groepen


def test_consent_table():
    verhalen, *_ = data()
    assert len(binnen_toestemming(verhalen, "intern")) == 10  # None and 'onbekend' never
    assert set(binnen_toestemming(verhalen, "geanonimiseerd_publiceren")["toestemming"]) == {
        "geanonimiseerd_publiceren", "publiceren_met_bron"}
    assert set(binnen_toestemming(verhalen, "publiceren_met_bron")["verhaal_id"]) == {5, 11}
    with pytest.raises(UserInputError):
        binnen_toestemming(verhalen, "alles")


def test_pseudonymised_flag_required_for_publication():
    verhalen, *_ = data()
    verhalen["gepseudonimiseerd"] = verhalen["verhaal_id"] != 2
    assert 2 not in set(binnen_toestemming(verhalen, "geanonimiseerd_publiceren")["verhaal_id"])
    assert 2 in set(binnen_toestemming(verhalen, "intern")["verhaal_id"])


def test_representative_and_contrast_spread_and_rule():
    verhalen, cods, groepen = data()
    sel = kies_exemplaren(verhalen, "geanonimiseerd_publiceren", cods, code_id="schuld",
                          groepen=groepen, groep="verbeterd", n=3, n_contrast=1, seed=1)
    rep = sel.verhalen[sel.verhalen.rol == "representatief"]
    assert rep["verhaal_id"].iloc[0] == 2  # highest share of coded text
    # eligible: 2 (A,X), 3 (A,Y), 4 (B,X), 5 (B,Y), 8 (A,X); after 2 the story from a new
    # wijk AND a new interventie goes first
    assert rep["verhaal_id"].iloc[1] == 5
    assert set(rep["verhaal_id"]) <= {2, 3, 4, 5, 8}
    contrast = sel.verhalen[sel.verhalen.rol == "contrasterend"]
    assert contrast["verhaal_id"].tolist() == [7]  # in group, eligible, without the code
    assert "toestemming" in sel.regel and "seed" not in sel.regel and sel.to_dict()["seed"] == 1
    assert "geanonimiseerd publiceren" in sel.regel
    assert sel.to_dict()["verhalen"][0]["citaat"] is None  # not marked pseudonymised
    assert "Citaten zijn weggelaten" in sel.regel
    marked = verhalen.assign(gepseudonimiseerd=True)
    sel = kies_exemplaren(marked, "geanonimiseerd_publiceren", cods, code_id="schuld",
                          groepen=groepen, groep="verbeterd", seed=1)
    assert sel.to_dict()["verhalen"][0]["citaat"] == marked.loc[1, "tekst"][22:50].strip()


@settings(max_examples=40, deadline=None)
@given(scopes=st.lists(st.sampled_from([*SCOPES, None, "onzin"]), min_size=1, max_size=15),
       gebruik=st.sampled_from(SCOPES), seed=st.integers(0, 1000))
def test_never_outside_consent(scopes, gebruik, seed):
    n = len(scopes)
    verhalen = pd.DataFrame({"verhaal_id": range(n), "tekst": ["schuld schuld"] * n,
                             "wijk": ["A", "B"] * (n // 2) + ["A"] * (n % 2),
                             "toestemming": scopes})
    cods = pd.DataFrame({"verhaal_id": range(n), "code_id": "c", "start": 0, "eind": 6})
    sel = kies_exemplaren(verhalen, gebruik, cods, code_id="c", n=n, n_contrast=n, seed=seed)
    allowed = {"intern": set(SCOPES), "geanonimiseerd_publiceren": set(SCOPES[1:]),
               "publiceren_met_bron": {SCOPES[2]}}[gebruik]
    assert set(sel.verhalen["toestemming"]) <= allowed
    if gebruik != "intern":
        assert "intern" not in set(sel.verhalen["toestemming"])
