"""The story modules are linked into dialoog, burger and wijkverhalen, and stay protected."""

from __future__ import annotations

import pandas as pd
import pytest

from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten.bron import Gegevens
from rapporten.model import Verhalen


@pytest.fixture(scope="module")
def gemaakt(wereld):
    from rapporten import burger, dialoog, wijkverhalen

    g = Gegevens(wereld)
    uit = {}
    for mod in (dialoog, burger, wijkverhalen):
        ctx = gm.maak_context(g)
        uit[mod.NAAM] = (mod.SOORT.maak(ctx), ctx)
    return uit


def _joint(rapport):
    return [t for t in rapport.tabellen() if t.titel.startswith("Joint display")]


def test_dialoog_joint_display_gekoppeld_en_beschermd(gemaakt):
    rapport, ctx = gemaakt["dialoog"]
    assert "verhalen." not in str(rapport.herkomst)  # no module names for the reader
    tabellen = _joint(rapport)
    assert len(tabellen) == 4
    for tabel in tabellen:
        assert not ot.controleer(tabel.waarden, tabel.soorten)
        kop_met, kop_p = "Verhalen over dit thema", "Aandeel over dit thema"
        for i in tabel.waarden.index:
            n = tabel.waarden.at[i, "Totaal"]
            if tabel.masker.at[i, kop_p] == ot.ZICHTBAAR and tabel.waarden.at[i, kop_p] == tabel.waarden.at[i, kop_p]:
                assert n >= ctx.drempels.min_noemer
            if tabel.masker.at[i, kop_met] != ot.ZICHTBAAR:  # no quote from a hidden cell
                assert pd.isna(tabel.waarden.at[i, "Voorbeeldcitaat"])
    tekst = " ".join(str(v) for t in tabellen for v in t.waarden["Voorbeeldcitaat"].dropna())
    assert tekst and "GEHEIM-INTERN" not in tekst


def test_dialoog_citaten_gepseudonimiseerd(gemaakt, wereld):
    rapport, _ = gemaakt["dialoog"]
    ident = wereld.identiteiten
    bsn = set(ident.loc[ident["soort"] == "bsn", "waarde"].astype(str))
    for tabel in _joint(rapport):
        for citaat in tabel.waarden["Voorbeeldcitaat"].dropna():
            assert not any(b in citaat for b in bsn)


def test_gespreksvragen_uit_oordeel(gemaakt):
    from rapporten.model import Vragen

    rapport, _ = gemaakt["dialoog"]
    vragen = [b for b in rapport.blokken() if isinstance(b, Vragen)][0].vragen
    assert len(vragen) == 4
    assert all("{" not in v for v in vragen)


def test_keuze_regel_getoond_en_nooit_intern(gemaakt, wereld):
    intern = set(wereld.verhalen.loc[wereld.verhalen["toestemming"] == "intern", "titel"])
    for naam in ("dialoog", "burger"):
        rapport, _ = gemaakt[naam]
        blokken = [b for b in rapport.blokken() if isinstance(b, Verhalen) and b.verhalen]
        assert blokken, naam
        if naam == "dialoog":  # the dialogue says plainly how its stories were chosen
            keuze = "Keuze van de verhalen: verhalen die duidelijk iets zeggen over"
            assert any(keuze in b.toelichting for b in blokken)
        assert not any("Bevinding:" in b.toelichting or "Representatief" in b.toelichting for b in blokken)
        # how stories are protected is said once per report (the B1 page in its own words)
        uitleg = "gelijkenis met bestaande personen" if naam == "dialoog" else "De namen in de verhalen zijn verzonnen"
        assert sum(uitleg in b.toelichting for b in blokken) == 1
        for b in blokken:
            assert not any(v.titel in intern and "GEHEIM-INTERN" in v.titel for v in b.verhalen)


def test_wijkverhalen_per_jaar_met_beschermde_cijfers(gemaakt):
    rapport, ctx = gemaakt["wijkverhalen"]
    jaartabellen = [t for t in rapport.tabellen() if t.titel.startswith("Cijfers van ")]
    assert jaartabellen
    for tabel in jaartabellen:
        assert not ot.controleer(tabel.waarden, tabel.soorten)
        n = tabel.waarden["Cliënten gemeten"]
        gem = tabel.waarden["Gemiddelde ZRM-score"]
        assert not (gem.notna() & ~(n >= ctx.drempels.min_noemer)).any()
    titels = [s.titel for sec in rapport.secties for w in sec.subsecties for s in w.subsecties]
    assert any(t.startswith("Verhalen uit 20") for t in titels)
