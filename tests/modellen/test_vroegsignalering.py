"""The vroegsignalering funnel from a user's own files, worked out by hand.

Six clients in two gemeenten, seven signals, steps with every twist a real file has: a step
before any signal, a second contact, help accepted without a recorded contact, an arrear solved
without accepted help, a generic 'betalingsachterstand' that is no vroegsignaal, and ZRM
scores of the client (not the professional) and of another domain that must be left out."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from impact import store
from impact.contract import VROEGSIGNALEN, VROEGSIGNALERING_STAPPEN
from impact.io.kinds import KINDS
from modellen.vroegsignalering import Vroegsignalering

CLIENTEN = """pseudoniem;gemeente;wijk;groep
C1;Aadorp;Noord;interventie
C2;Aadorp;Noord;interventie
C3;Aadorp;Zuid;vergelijking
C4;Aadorp;Zuid;interventie
C5;Beekdal;Oost;interventie
C6;Beekdal;Oost;vergelijking
"""

GEBEURTENISSEN = """client;datum;soort;omschrijving
C1;2024-01-10;signaal_huurachterstand;Woningcorporatie meldt een achterstand
C1;2024-01-14;contact_gelegd;Huisbezoek
C1;2024-01-20;hulp_geaccepteerd;
C1;2024-03-01;achterstand_opgelost;Betalingsregeling
C2;2024-01-05;signaal_energieachterstand;
C2;15-01-2024;contact_gelegd;Telefonisch
C3;2024-02-01;signaal_zorgverzekering;
C3;2024-07-01;achterstand_opgelost;Zelf betaald
C3;2024-08-01;signaal_waterachterstand;
C3;2024-08-07;hulp_geaccepteerd;
C4;2023-12-01;contact_gelegd;Voor elk signaal
C4;2024-02-20;signaal_huurachterstand;
C4;2024-02-22;contact_gelegd;
C4;2024-02-25;contact_gelegd;Tweede bezoek
C4;2024-02-22;hulp_geaccepteerd;
C5;2024-01-31;signaal_huurachterstand;
C5;2024-02-10;contact_gelegd;
C5;2024-02-11;hulp_geaccepteerd;
C5;2024-05-01;achterstand_opgelost;
C6;2024-02-15;signaal_energieachterstand;
C6;2024-02-15;betalingsachterstand;Geen vroegsignaal
C6;2024-03-01;werk_gevonden;
"""

METINGEN = """client;instrument;domein;datum;score;bron
C1;ZRM;financien;2023-12-01;1;professional
C1;ZRM;financien;2024-01-10;2;professional
C1;ZRM;financien;2024-03-01;3;professional
C1;ZRM;financien;2024-05-01;4;professional
C2;ZRM;financien;2023-11-01;3;professional
C2;ZRM;financien;2024-06-01;2;professional
C3;ZRM;financien;2024-01-15;2;professional
C3;ZRM;financien;2024-06-01;2;professional
C4;ZRM;financien;2024-02-01;1;professional
C4;ZRM;financien;2024-04-01;5;client
C4;ZRM;financien;2024-05-20;4;professional
C4;ZRM;financien;2024-06-01;3;professional
C4;ZRM;geestelijke_gezondheid;2024-06-01;5;professional
C5;ZRM;financien;2024-06-01;3;professional
"""


@pytest.fixture
def uit_bestanden(cli, database_url, tmp_path):
    """The user's three files imported through the CLI, read back as tidy frames."""
    store.upgrade(store.connect(database_url))
    for soort, inhoud in (("clienten", CLIENTEN), ("gebeurtenissen", GEBEURTENISSEN), ("metingen", METINGEN)):
        pad = tmp_path / f"{soort}.csv"
        pad.write_text(inhoud, encoding="utf-8")
        uit = cli("importeer", soort, str(pad), "--db", database_url)
        assert uit.returncode == 0, uit.stdout + uit.stderr
    engine = store.connect(database_url)
    return {n: store.read(engine, n) for n in ("clienten", "gebeurtenissen", "metingen")}


def test_funnel_by_hand(uit_bestanden):
    d = uit_bestanden
    res = Vroegsignalering().fit(d["gebeurtenissen"], d["clienten"], d["metingen"])
    per = res.trechter(("gemeente",)).set_index("gemeente")
    # Aadorp: signals C1, C2, C3 (Feb), C3 (Aug), C4; contact C1, C2, C3-Aug (implied by help), C4;
    # help C1, C3-Aug, C4; solved after help only C1 (C3 solved the Feb arrear without help)
    assert per.loc["Aadorp", ["signalen", "contact_gelegd", "hulp_geaccepteerd", "achterstand_opgelost"]].tolist() == [
        5, 4, 3, 1]
    assert per.loc["Beekdal", ["signalen", "contact_gelegd", "hulp_geaccepteerd", "achterstand_opgelost"]].tolist() == [
        2, 1, 1, 1]
    # days to first contact: Aadorp 4, 10, 6, 2 (the second visit of C4 does not count) -> 5
    assert per.loc["Aadorp", "mediaan_dagen_tot_contact"] == 5.0
    assert per.loc["Beekdal", "mediaan_dagen_tot_contact"] == 10.0
    assert per.loc["Aadorp", "bereik"] == pytest.approx(4 / 5)
    assert per.loc["Aadorp", "hulpacceptatie"] == pytest.approx(3 / 4)
    assert per.loc["Aadorp", "oplossing"] == pytest.approx(1 / 3)

    totaal = res.trechter(()).iloc[0]
    assert [totaal[k] for k in ("signalen", "contact_gelegd", "hulp_geaccepteerd", "achterstand_opgelost")] == [
        7, 5, 4, 2]
    assert totaal["mediaan_dagen_tot_contact"] == 6.0
    assert totaal["hulpacceptatie"] == pytest.approx(0.8) and totaal["oplossing"] == pytest.approx(0.5)

    maand = res.trechter().set_index(["gemeente", "periode"])
    assert maand.loc[("Aadorp", "2024-01"), ["signalen", "contact_gelegd", "hulp_geaccepteerd",
                                             "achterstand_opgelost"]].tolist() == [2, 2, 1, 1]
    assert maand.loc[("Aadorp", "2024-02"), ["signalen", "contact_gelegd"]].tolist() == [2, 1]
    assert maand.loc[("Aadorp", "2024-08"), "hulp_geaccepteerd"] == 1
    kwartaal = Vroegsignalering(periode="kwartaal").fit(d["gebeurtenissen"], d["clienten"]).trechter(("periode",))
    assert kwartaal.set_index("periode")["signalen"].to_dict() == {"2024-K1": 6, "2024-K3": 1}

    s = res.signalen.set_index(["client_id", "soort"])
    c3 = d["clienten"].set_index("pseudoniem").loc["C3", "client_id"]
    assert bool(s.loc[(c3, "signaal_zorgverzekering"), "opgelost_zonder_hulp"])
    assert res.zonder_signaal == 1  # C4's contact before any signal
    assert set(res.signalen["achterstand"]) == {"huur", "energie", "water", "zorgverzekering"}
    inhoud = json.loads(json.dumps(res.to_dict()))
    assert inhoud["totaal"][0]["signalen"] == 7 and "geen effect" in inhoud["beschrijvend"]
    assert list(res.plot().data[0].x) == [7, 5, 4, 2]


def test_zrm_financien_afterwards_by_hand(uit_bestanden):
    d = uit_bestanden
    v = Vroegsignalering().fit(d["gebeurtenissen"], d["clienten"], d["metingen"]).zrm_vervolg()
    v = v.set_index("hulp_geaccepteerd")
    # accepted: C1 2 (score on the signal's day) -> 4 (first >= 3 months later; 1 March is too
    # early), C4 1 -> 3 (20 May is 90 days, under three months; the client's own 5 is left out);
    # not accepted (first signal): C2 3 -> 2, C3 2 -> 2; C5 has no score before its signal
    assert v.loc[True, "n"] == 2 and v.loc[True, "gem_verandering"] == pytest.approx(2.0)
    assert v.loc[True, "gem_voor"] == pytest.approx(1.5) and v.loc[True, "gem_na"] == pytest.approx(3.5)
    assert v.loc[False, "n"] == 2 and v.loc[False, "gem_verandering"] == pytest.approx(-0.5)
    assert v.loc[False, "sd_verandering"] == pytest.approx(pd.Series([-1.0, 0.0]).std())


def test_no_signals_gives_zeros_not_an_error():
    ev = pd.DataFrame({"client_id": [1], "datum": pd.to_datetime(["2024-01-01"]), "soort": ["werk_gevonden"],
                       "gemeente": ["Aadorp"]})
    res = Vroegsignalering().fit(ev)
    assert res.trechter(()).iloc[0]["signalen"] == 0
    assert res.trechter(("gemeente",)).empty


def test_template_tells_the_user_the_soort_values():
    uitleg = KINDS["gebeurtenissen"].column("soort").help
    for soort in [*VROEGSIGNALEN, *VROEGSIGNALERING_STAPPEN]:
        assert soort in uitleg


def test_demo_speaks_the_same_vocabulary():
    from impact.demo import vroegsignalering as demo

    assert set(demo.SOORTEN) == set(VROEGSIGNALEN) | set(VROEGSIGNALERING_STAPPEN)
