"""Jacobson-Truax RCI and cut-offs, checked against hand-worked values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.errors import UserInputError
from modellen.betrouwbare_verandering import CATEGORIES, BetrouwbareVerandering, cutoff_c, s_diff


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


# --- where the reliability and the cut-off come from (mutation survivors of the rci target) ---

EIGEN_INSTRUMENT = """\
code: WELZIJN
naam: Welzijnsmeter
schaal_min: 0
schaal_max: 40
richting: hoger_is_beter
betrouwbaarheid: 0.9
betrouwbaarheid_bron: >-
  eigen   test-hertest
  2023
afkappunt: 20
domeinen:
  - {code: zorgen, naam: Zorgen, betrouwbaarheid: 0.8}
  - {code: stress, naam: Stress, afkappunt: 15}
"""


def _instrument(tmp_path, tekst: str = EIGEN_INSTRUMENT):
    from impact.instruments import load_file

    pad = tmp_path / "welzijn.yaml"
    pad.write_text(tekst, encoding="utf-8")
    return load_file(pad)


def test_a_domains_own_reliability_comes_before_the_instruments_and_is_named(tmp_path) -> None:
    welzijn = _instrument(tmp_path)
    model = BetrouwbareVerandering(tijd="maanden", domein="domein", instrument=welzijn)
    zorgen, stress = model.settings("zorgen"), model.settings("stress")
    assert (zorgen.betrouwbaarheid, zorgen.bron_betrouwbaarheid) == (0.8, "Welzijnsmeter, domein zorgen")
    # the instrument's source as one line, whatever the line breaks in the file
    assert (stress.betrouwbaarheid, stress.bron_betrouwbaarheid) == (0.9, "eigen test-hertest 2023")
    assert (zorgen.instrument_afkappunt, stress.instrument_afkappunt) == (20, 15)
    # in a fit: S_diff per domain from its own reliability, the cut-off the domain's or the instrument's
    voor = [10.0, 20.0, 30.0, 20.0]
    df = pd.concat([_pairs(voor, [12, 22, 30, 18]).assign(domein=d) for d in ("zorgen", "stress")])
    params = model.fit(df).parameters.set_index("domein")
    sd = np.std(voor, ddof=1)
    assert params.loc["zorgen", "s_diff"] == pytest.approx(np.sqrt(2) * sd * np.sqrt(0.2))
    assert params.loc["stress", "s_diff"] == pytest.approx(np.sqrt(2) * sd * np.sqrt(0.1))
    assert params.loc["zorgen", "afkappunt"] == 20 and params.loc["stress", "afkappunt"] == 15
    assert set(params["soort_afkappunt"]) == {"instrument"}
    # an instrument without a source is named by its name
    zonder_bron = _instrument(tmp_path, EIGEN_INSTRUMENT.replace("betrouwbaarheid_bron", "opmerking"))
    assert BetrouwbareVerandering(instrument=zonder_bron).settings().bron_betrouwbaarheid == "Welzijnsmeter"


def test_a_given_reliability_is_named_as_given_and_an_assumed_one_says_why() -> None:
    assert BetrouwbareVerandering(betrouwbaarheid=0.7).settings().bron_betrouwbaarheid == "opgegeven"
    staart = "; gangbare ondergrens voor betrouwbaarheid, geef zelf een waarde op met betrouwbaarheid="
    assert BetrouwbareVerandering(instrument="PG").settings().bron_betrouwbaarheid == (
        "aangenomen: 0,80, want er is geen gepubliceerde betrouwbaarheid voor Positieve Gezondheid" + staart
    )
    assert BetrouwbareVerandering().settings().bron_betrouwbaarheid == (
        "aangenomen: 0,80, want er is geen gepubliceerde betrouwbaarheid opgegeven" + staart
    )


def _fout(model: BetrouwbareVerandering, df: pd.DataFrame) -> str:
    with pytest.raises(UserInputError) as fout:
        model.fit(df)
    return fout.value.problems[0].expected


def test_reliability_zero_is_allowed_one_is_not_and_the_criterion_is_checked() -> None:
    df = _pairs([1.0, 2.0, 3.0], [2.0, 2.0, 2.0])
    nul = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.0).fit(df).parameters.iloc[0]
    assert nul["s_diff"] == pytest.approx(np.sqrt(2) * 1.0)  # SD 1, nothing of it is true score
    assert _fout(BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=1.0), df) == (
        "betrouwbaarheid moet tussen 0 en 1 liggen, niet 1.0"
    )
    assert _fout(BetrouwbareVerandering(tijd="maanden", criterium="d"), df) == (
        "criterium moet 'a', 'b' of 'c' zijn, niet 'd'"
    )
    for criterium in ("b", "c"):
        assert _fout(BetrouwbareVerandering(tijd="maanden", criterium=criterium), df) == (
            f"afkappunt {criterium} vraagt een normgroep (norm=(gemiddelde, sd))"
        )


def test_each_cut_off_is_named_and_lies_on_the_side_the_direction_says(tmp_path) -> None:
    voor = [1.0, 2.0, 3.0, 2.0, 2.0]  # mean 2, SD sqrt(0.5)
    df = _pairs(voor, [2, 2, 2, 2, 2])
    sd = np.std(voor, ddof=1)

    def afkappunt(**kwargs) -> tuple[float, str]:
        p = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.9, **kwargs).fit(df).parameters.iloc[0]
        return p["afkappunt"], p["soort_afkappunt"]

    assert afkappunt(afkappunt=2.5) == (2.5, "opgegeven")
    assert afkappunt(criterium="a") == (pytest.approx(2.0 + 2 * sd), "a")
    assert afkappunt(criterium="a", hoger_is_beter=False) == (pytest.approx(2.0 - 2 * sd), "a")
    assert afkappunt(criterium="b", norm=(4.0, 0.5)) == (pytest.approx(3.0), "b")
    assert afkappunt(criterium="b", norm=(0.5, 0.2), hoger_is_beter=False) == (pytest.approx(0.9), "b")
    assert afkappunt(criterium="c", norm=(4.0, 0.5)) == (pytest.approx(cutoff_c(2.0, sd, 4.0, 0.5)), "c")
    # the instrument's (the domain's own) cut-off unless a criterion is asked for
    welzijn = _instrument(tmp_path)
    assert afkappunt(instrument=welzijn) == (20, "instrument")
    assert afkappunt(instrument=welzijn, criterium="a") == (pytest.approx(2.0 + 2 * sd), "a")


def test_one_client_gives_no_spread_so_no_reliable_change_and_no_cut_off() -> None:
    res = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.85, afkappunt=3.5).fit(_pairs([1.0], [5.0]))
    p = res.parameters.iloc[0]
    assert np.isnan(p["sd_voor"]) and np.isnan(p["afkappunt"]) and p["soort_afkappunt"] == ""
    assert res.per_client["categorie"].tolist() == ["onveranderd"]


def test_exactly_at_the_cut_off_is_the_functional_side_both_directions() -> None:
    """Starting exactly at the cut-off is not starting below it (verbeterd, not hersteld);
    ending exactly at it is crossing it (hersteld). SD(voor) = 0,5, r = 0,85: S_diff = 0,274,
    so every change of 1 point is reliable (RCI 3,65)."""
    voor = [2.5, 1.5, 2.5, 1.5, 2.0]
    hoger = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.85, afkappunt=2.5)
    pc = hoger.fit(_pairs(voor, [3.5, 2.5, 2.5, 1.5, 2.0])).per_client.sort_values("client_id")
    assert pc["categorie"].tolist()[:2] == ["verbeterd", "hersteld"]
    lager = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.85, afkappunt=1.5, hoger_is_beter=False)
    pc = lager.fit(_pairs(voor, [1.5, 0.5, 2.5, 1.5, 2.0])).per_client.sort_values("client_id")
    assert pc["rci"].iloc[0] == pytest.approx(-1 / (np.sqrt(2) * 0.5 * np.sqrt(0.15)))
    assert pc["categorie"].tolist()[:2] == ["hersteld", "verbeterd"]


def test_without_spread_at_the_start_no_change_is_reliable() -> None:
    res = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.85).fit(_pairs([2.0, 2.0, 2.0], [4.0, 2.0, 0.0]))
    assert res.parameters.iloc[0]["s_diff"] == 0
    assert res.per_client["rci"].isna().all() and set(res.per_client["categorie"]) == {"onveranderd"}


def test_per_domain_counts_shares_and_names(tmp_path) -> None:
    """Two domains: counts per category (0 where a category does not occur), the parameters
    named per domain, every client once in a fresh index; without domains the group is 'alle'."""
    voor = [1.0, 2.0, 3.0, 2.0, 2.0]
    df = pd.concat([
        _pairs(voor, [4.0, 2.5, 1.0, 3.2, 2.0]).assign(domein="financien"),  # the hand-worked case
        _pairs(voor, voor).assign(domein="werk_opleiding"),  # nobody changes
    ])
    res = BetrouwbareVerandering(tijd="maanden", domein="domein", betrouwbaarheid=0.85, afkappunt=3.5).fit(df)
    groepen = res.per_groep.set_index("domein")
    assert groepen.loc["financien", list(CATEGORIES)].tolist() == [1, 1, 2, 1]
    assert groepen.loc["werk_opleiding", list(CATEGORIES)].tolist() == [0, 0, 5, 0]
    assert groepen.loc["werk_opleiding", "aandeel_onveranderd"] == 1.0 and groepen["n"].tolist() == [5, 5]
    assert res.parameters["domein"].tolist() == ["financien", "werk_opleiding"]
    assert res.parameters["betrouwbaarheid"].tolist() == [0.85, 0.85]
    assert res.per_client.index.tolist() == list(range(10))
    een = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.85).fit(_pairs(voor, voor))
    assert een.parameters["domein"].tolist() == ["alle"] and een.per_groep["_k"].tolist() == ["alle"]
    assert een.per_groep[list(CATEGORIES)].values.tolist() == [[0, 0, 5, 0]]


def test_a_follow_up_shorter_than_min_looptijd_is_left_out_one_exactly_as_long_counts() -> None:
    df = _pairs([1.0, 2.0, 3.0, 2.0], [2.0, 3.0, 3.0, 2.0])
    df.loc[1, "maanden"] = 6  # client 0: followed for six months only
    res = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.8, min_looptijd=12).fit(df)
    assert res.per_client["client_id"].tolist() == [1, 2, 3]


def test_missing_columns_are_named_with_the_source() -> None:
    with pytest.raises(UserInputError) as fout:
        BetrouwbareVerandering(betrouwbaarheid=0.8).fit(pd.DataFrame({"client_id": [1], "datum": ["2024-01-01"]}))
    assert [(p.file, p.column) for p in fout.value.problems] == [("invoer", "score")]


def test_an_rci_of_exactly_the_critical_value_is_not_reliable() -> None:
    """'Reliable' is |RCI| > 1.96, strictly. With baseline scores 0, 0, 2, 2 and r = 0,5 the
    RCI of a change of z * S_diff comes out as exactly z (checked), in both directions."""
    from scipy.stats import norm

    z = norm.ppf(0.975)
    sdiff = np.sqrt(2) * np.std([0, 0, 2, 2], ddof=1) * np.sqrt(0.5)
    res = BetrouwbareVerandering(tijd="maanden", betrouwbaarheid=0.5, afkappunt=100).fit(
        _pairs([0.0, 0.0, 2.0, 2.0], [z * sdiff, -z * sdiff, 2.0, 2.0])
    )
    pc = res.per_client.sort_values("client_id")
    assert pc["rci"].tolist()[:2] == [z, -z]
    assert pc["categorie"].tolist() == ["onveranderd"] * 4
