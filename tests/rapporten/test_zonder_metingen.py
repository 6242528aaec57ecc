"""Reports over outcomes refuse clearly when there are no measurements (or none selected)."""

from __future__ import annotations

import dataclasses

import pytest

import rapporten
from impact.errors import UserInputError
from rapporten import gemeenschappelijk as gm
from rapporten.bron import Filters, Gegevens


@pytest.mark.parametrize("soort", [s for s in rapporten.SOORTEN if s != "casus"])
def test_outcome_reports_need_measurements(wereld, soort):
    leeg = dataclasses.replace(wereld, metingen=wereld.metingen.iloc[0:0])
    with pytest.raises(UserInputError) as fout:
        rapporten.rapportsoort(soort).maak(gm.maak_context(Gegevens(leeg)))
    assert "geen metingen" in str(fout.value) and "impact importeer metingen" in str(fout.value)


def test_an_empty_selection_says_which_selection(wereld):
    ctx = gm.maak_context(Gegevens(wereld, Filters.maak(periode="1990")))
    with pytest.raises(UserInputError, match=r"in de selectie \(periode .*\).*ruimere selectie"):
        rapporten.rapportsoort("beleid").maak(ctx)


def test_the_case_report_needs_no_measurements(wereld):
    leeg = dataclasses.replace(wereld, metingen=wereld.metingen.iloc[0:0])
    rapport = rapporten.rapportsoort("casus").maak(gm.maak_context(Gegevens(leeg)))
    assert rapport.secties
