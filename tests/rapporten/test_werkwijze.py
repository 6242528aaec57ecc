"""Every report ends with "Hoe is dit gemaakt", explaining exactly the results it shows."""

from __future__ import annotations

import pytest

import rapporten
from rapporten import gemeenschappelijk as gm
from rapporten import werkwijze
from rapporten.bron import Filters, Gegevens
from rapporten.resultaten import PRODUCENTEN


def test_every_result_a_report_can_show_is_explained():
    assert set(PRODUCENTEN) <= set(werkwijze.UITLEG), set(PRODUCENTEN) - set(werkwijze.UITLEG)


@pytest.mark.parametrize("soort", ["verantwoording", "beleid", "overzicht"])
def test_appendix_is_last_and_explains_what_the_report_uses(wereld, soort):
    ctx = gm.maak_context(Gegevens(wereld, Filters.maak(gemeente="Weert")))
    definitie = rapporten.rapportsoort(soort)
    rapport = definitie.maak(ctx)
    bijlage = rapport.secties[-1]
    assert bijlage.titel == "Hoe is dit gemaakt"
    tekst = " ".join(a for blok in bijlage.blokken for a in blok.alineas)
    for naam in definitie.nodig():
        assert ctx.t(werkwijze.UITLEG[naam]) in tekst, naam
    for naam in set(werkwijze.UITLEG) - set(definitie.nodig()):
        assert ctx.t(werkwijze.UITLEG[naam]) not in tekst, naam  # only what this report shows
    assert "aantallen kleiner dan 5" in tekst
    assert "Dit rapport gaat alleen over: gemeente Weert." in tekst
    assert "De metingen in dit rapport lopen van " in tekst
    assert sum(s.titel == "Hoe is dit gemaakt" for s in rapport.secties) == 1


def test_citizens_page_keeps_its_own_b1_privacy_section(wereld):
    rapport = rapporten.rapportsoort("burger").maak(gm.maak_context(Gegevens(wereld)))
    assert all(s.titel != "Hoe is dit gemaakt" for s in rapport.secties)


def test_appendix_in_english(wereld):
    rapport = rapporten.rapportsoort("overzicht").maak(gm.maak_context(Gegevens(wereld), taal="en"))
    assert rapport.secties[-1].titel == "How this was made"
