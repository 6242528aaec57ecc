"""A story's stance on a theme comes from what it says, never from mentioning the theme."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from verhalen.codeboek import zrm_codeboek
from verhalen.standpunt import LABELS, bepaal_standpunt, evalueer, voorbeelden_uit_jsonl

MAP = Path(__file__).parent / "standpunt"


def _een(tekst: str, thema: str, **kw) -> str:
    uit = bepaal_standpunt(pd.DataFrame({"verhaal_id": [1], "tekst": [tekst]}), [thema], **kw)
    return uit.iloc[0]["standpunt"]


@pytest.mark.parametrize(
    ("tekst", "thema", "label"),
    [
        ("De schuldregeling is rond. Het saneringskrediet is goedgekeurd.", "financien", "vooruitgang"),
        ("Ik heb geen schulden meer.", "financien", "vooruitgang"),
        ("Nou, alweer een aanmaning binnen.", "financien", "terugval"),
        ("Hij wil volgend jaar gaan sparen voor een buffer.", "financien", "neutraal"),
        ("Ze heeft sinds de verjaardag geen contact meer met haar zus.", "sociaal_netwerk", "terugval"),
        ("Ik ben niet meer bang en niet meer somber.", "geestelijke_gezondheid", "vooruitgang"),
        ("Aanmelding bij de woningcorporatie gedaan, ze staat op de wachtlijst.", "huisvesting", "neutraal"),
        ("Het weer was mooi vandaag.", "huisvesting", "niet"),
        ("Eerst sliep hij in de auto. Nu heeft hij eindelijk een eigen woning gekregen.", "huisvesting", "vooruitgang"),
    ],
)
def test_regels(tekst, thema, label):
    assert _een(tekst, thema, codeboek=zrm_codeboek()) == label


def test_codering_leest_alleen_het_gecodeerde_segment():
    tekst = "Het geld is gewoon te weinig. Met mijn dochter gaat het weer goed."
    cod = pd.DataFrame({"verhaal_id": [1], "code_id": ["financien.inkomen"], "start": [0], "eind": [29]})
    uit = bepaal_standpunt(pd.DataFrame({"verhaal_id": [1], "tekst": [tekst]}), ["financien"],
                           coderingen=cod, codeboek=zrm_codeboek())
    rij = uit.iloc[0]
    assert (rij["standpunt"], rij["bron"]) == ("terugval", "codering")
    assert rij["fragment"] == "Het geld is gewoon te weinig."


def test_zuiver_en_volledig():
    verhalen = pd.DataFrame({"verhaal_id": [1, 2], "tekst": ["Schuld afbetaald!", None]})
    kopie = verhalen.copy()
    uit = bepaal_standpunt(verhalen)
    pd.testing.assert_frame_equal(verhalen, kopie)
    assert len(uit) == 2 * 8 and set(uit["standpunt"]) <= set(LABELS)


def _meet(helft: str) -> pd.DataFrame:
    ids = json.loads((MAP / "splitsing.json").read_text(encoding="utf-8"))[helft]
    verhalen, verwacht = voorbeelden_uit_jsonl((MAP / "voorbeelden.jsonl").read_text(encoding="utf-8"), ids)
    return evalueer(bepaal_standpunt(verhalen, codeboek=zrm_codeboek()), verwacht).set_index("label")


def test_nauwkeurigheid_op_de_toetshelft():
    """Measured on the held-out half (128 stories x 8 themes), never tuned on.

    Reached (toets, read twice: once midway, once at the end): accuracy 0.871;
    precision / recall: vooruitgang 0.65 / 0.39, terugval 0.54 / 0.46, gemengd 0.50 / 0.06
    (18 cases), neutraal 0.34 / 0.61, niet 0.95 / 0.97.
    Tuning half (ontwikkel): accuracy 0.922; vooruitgang 0.81 / 0.73, terugval 0.64 / 0.71,
    gemengd 0.50 / 0.23, neutraal 0.51 / 0.82, niet 0.99 / 0.97.
    Always answering 'niet' scores 0.81 (832 / 1024) on accuracy and 0 on every other label.
    """
    m = _meet("toets")
    print(m.round(3).to_string())
    assert m.at["totaal", "recall"] >= 0.87
    for label in ("vooruitgang", "terugval", "neutraal"):
        assert m.at[label, "recall"] >= 0.3 and m.at[label, "precisie"] >= 0.3, label
