"""Jacobson-Truax RCI and cut-offs, checked against hand-worked values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.errors import UserInputError
from modellen.betrouwbare_verandering import BetrouwbareVerandering, cutoff_c, s_diff


def _pairs(voor, na) -> pd.DataFrame:
    rows = []
    for i, (a, b) in enumerate(zip(voor, na, strict=True)):
        rows += [{"client_id": i, "maanden": 0, "score": a}, {"client_id": i, "maanden": 12, "score": b}]
    return pd.DataFrame(rows)


def test_hand_worked_rci_and_categories() -> None:
    voor = [1.0, 2.0, 3.0, 2.0, 2.0]
    na = [4.0, 2.5, 1.0, 3.2, 2.0]
    # SD(voor) = sqrt(0.5); r = 0.85 -> S_diff = sqrt(2)*sqrt(.5)*sqrt(.15) = sqrt(.15)
    sd = np.std(voor, ddof=1)
    assert s_diff(sd, 0.85) == pytest.approx(np.sqrt(0.15))
    res = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.85, afkappunt=3.5).fit(_pairs(voor, na))
    pc = res.per_client.set_index("client_id")
    assert pc.loc[0, "rci"] == pytest.approx(3 / np.sqrt(0.15))  # 7.75: reliable, crosses 3.5
    assert pc["categorie"].tolist() == ["hersteld", "onveranderd", "verslechterd", "verbeterd",
                                        "onveranderd"]
    # 1.2 / sqrt(.15) = 3.10 > 1.96 but 3.2 < 3.5 -> verbeterd; 0.5/0.387 = 1.29 -> onveranderd
    row = res.summary().iloc[0]
    assert row["n"] == 5 and row["aandeel_onveranderd"] == pytest.approx(0.4)


def test_cutoffs_a_b_c() -> None:
    assert cutoff_c(2.0, 0.5, 4.0, 0.5) == pytest.approx(3.0)
    assert cutoff_c(2.0, 1.0, 4.0, 0.5) == pytest.approx((1 * 4 + 0.5 * 2) / 1.5)
    voor = [1.0, 2.0, 3.0, 2.0, 2.0]
    df = _pairs(voor, [2, 2, 2, 2, 2])
    a = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.9).fit(df).parameters.iloc[0]
    assert a["soort_afkappunt"] == "a"
    assert a["afkappunt"] == pytest.approx(2.0 + 2 * np.std(voor, ddof=1))
    b = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.9, norm=(4.0, 0.5),
                               criterium="b").fit(df).parameters.iloc[0]
    assert b["afkappunt"] == pytest.approx(3.0)
    c = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.9, norm=(4.0, 0.5)).fit(df)
    assert c.parameters.iloc[0]["soort_afkappunt"] == "c"


def test_instrument_reliability_and_assumption_is_stated() -> None:
    zrm = BetrouwbareVerandering(instrument="ZRM").settings()
    assert zrm.betrouwbaarheid == 0.85 and "Fassaert" in zrm.bron_betrouwbaarheid
    assert zrm.instrument_afkappunt == 3.5 and zrm.hoger_is_beter
    pg = BetrouwbareVerandering(instrument="PG")
    assert pg.betrouwbaarheid is None  # stored as given; resolved in fit
    assert pg.settings().betrouwbaarheid == 0.80
    assert pg.settings().bron_betrouwbaarheid.startswith("aangenomen")
    res = pg.fit(_pairs([4, 5, 6, 5], [6, 5, 6, 9]).rename(columns={"maanden": "datum"}))
    assert res.to_dict()["parameters"][0]["bron_betrouwbaarheid"].startswith("aangenomen")
    assert len(res.plot().data) >= 4


def test_invalid_parameters_are_refused_in_fit_not_in_the_constructor() -> None:
    df = _pairs([1.0, 2.0, 3.0], [2.0, 2.0, 2.0])
    model = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=1.5)
    with pytest.raises(UserInputError, match="tussen 0 en 1"):
        model.fit(df)
    with pytest.raises(UserInputError, match="onbekend instrument"):
        BetrouwbareVerandering(tijd="maanden", instrument="XYZ").fit(df)
