"""verhalen_bij_keerpunten: the window, consent scope and published text, by hand."""

from __future__ import annotations

import pandas as pd

from verhalen.koppeling import fragment, verhalen_bij_keerpunten

D = pd.Timestamp


def _verhalen() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "verhaal_id": [1, 2, 3, 4, 5],
            "client_id": [7, 7, 7, 7, 8],
            "datum": [D("2025-01-01"), D("2024-11-02"), D("2025-03-02"), D("2025-01-10"), D("2025-01-01")],
            "soort": ["clientverhaal", "casusnotitie", "casusnotitie", "casusnotitie", "clientverhaal"],
            "tekst": ["Anna ...", "vroeg", "laat", "intern", "ander"],
            "tekst_publicatie": ["Mila vertelt.", "vroeg", "laat", "intern maar gepubliceerd", "ander"],
            # story 4 has a published text but consent for internal use only
            "toestemming": ["geanonimiseerd_publiceren"] * 3 + ["intern", "publiceren_met_bron"],
        }
    )


KEERPUNT = pd.DataFrame(
    {"client_id": [7], "domein": ["financien"], "datum": [D("2025-01-31")], "vorige_score": [2.0],
     "score": [4.0], "verschil": [2.0], "richting": ["omhoog"], "betekenis": ["verbetering"]}
)


def test_window_consent_and_published_text():
    paren = verhalen_bij_keerpunten(_verhalen(), KEERPUNT, "geanonimiseerd_publiceren")
    # 30 days before: in; 90 days before: out (window starts 60 days before); 30 days after: in
    assert paren["verhaal_id"].tolist() == [1, 3]
    assert paren["dagen_na_keerpunt"].tolist() == [-30, 30]
    assert paren.loc[0, "fragment"] == "Mila vertelt."  # the published text, never the stored one
    assert paren.loc[0, "vorige_score"] == 2.0 and paren.loc[0, "betekenis"] == "verbetering"
    # for internal use the internal story counts too; a window of 90 days takes story 2 in
    intern = verhalen_bij_keerpunten(_verhalen(), KEERPUNT, "intern", voor=90, na=0)
    assert intern["verhaal_id"].tolist() == [4, 1, 2]
    assert intern["dagen_na_keerpunt"].tolist() == [-21, -30, -90]


def test_fragment_cuts_at_a_word():
    assert fragment("een twee drie", 9) == "een twee …"
    assert fragment("kort") == "kort"


def test_a_story_published_by_older_rules_is_refused_not_shown():
    import pytest

    from impact.errors import UserInputError
    from verhalen.publicatie import REGELSET

    verhalen = _verhalen().assign(regelset_publicatie=REGELSET)
    assert len(verhalen_bij_keerpunten(verhalen, KEERPUNT, "geanonimiseerd_publiceren")) == 2
    verhalen.loc[verhalen["verhaal_id"] == 3, "regelset_publicatie"] = "1+deduce3.0.6+oud"
    with pytest.raises(UserInputError, match="oudere versie van de pseudonimisering"):
        verhalen_bij_keerpunten(verhalen, KEERPUNT, "geanonimiseerd_publiceren")
