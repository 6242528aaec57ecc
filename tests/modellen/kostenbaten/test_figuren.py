"""Figures: the right traces and labels (colour per financier, waterfall ends at the net)."""

from __future__ import annotations

import pytest

from modellen.kostenbaten.casus import Effectencalculator
from modellen.kostenbaten.figuren import KLEUREN
from modellen.kostenbaten.onzekerheid import Tornado
from modellen.kostenbaten.programma import ProgrammaMKBA
from tests.modellen.kostenbaten.test_casus import HAND_CASUS
from tests.modellen.kostenbaten.test_programma import ISSUE_VOORBEELD


def test_case_figures(lijst):
    r = Effectencalculator(prijslijst=lijst).fit(HAND_CASUS)
    tijdlijn = r.plot("tijdlijn")
    namen = {t.name for t in tijdlijn.data if t.showlegend is not False}
    assert namen == {"gemeente", "woningcorporatie", "zorgverzekeraar"}
    gemeente = next(t for t in tijdlijn.data if t.name == "gemeente")
    assert gemeente.marker.color == KLEUREN["gemeente"]
    waterval = r.plot("waterval").data[0]
    # reference costs minus each financier's difference lands on the intervention costs
    assert waterval.y[0] + sum(waterval.y[1:-1]) == pytest.approx(float(r.kosten("interventie")))
    staven = r.plot("financiers")
    assert staven.layout.barmode == "stack"
    assert sum(sum(t.y) for t in staven.data) == pytest.approx(
        float(r.kosten("interventie") + r.kosten("referentie"))
    )


def test_programme_figures():
    r = ProgrammaMKBA().fit(ISSUE_VOORBEELD)
    w = r.plot("waterval").data[0]
    assert sum(w.y[:-1]) == pytest.approx(r.netto_contante_waarde)
    assert len(r.plot("jaren").data) == 3
    doc = dict(
        ISSUE_VOORBEELD,
        uitkomsten=[
            dict(ISSUE_VOORBEELD["uitkomsten"][0], aantal={"waarde": 12, "min": 8, "max": 16})
        ],
    )
    t = Tornado().fit(ProgrammaMKBA().fit(doc).programma)
    fig = t.plot()
    assert len(fig.data) == 2 and list(fig.data[0].y) == ["uithuiszetting voorkomen: aantal"]
