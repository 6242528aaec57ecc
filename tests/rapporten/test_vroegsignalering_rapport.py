"""Vroegsignalering in the beleid report, from a user's own files to the section a wethouder reads.

Two gemeenten: Aadorp with 24 signals (contact 20, help accepted 14, solved 9) and Beekdal with
12 (contact 8, help 3, solved 2): Beekdal's small steps must read "< 5" and must not be
recomputable from Aadorp's and the totals (17 - 14 = 3) or from the periods. The attack is
written independently of ``rapporten.kubus``: it reads the published funnel cells as a reader
does and asks scipy's LP solver the range of every hidden small count. Erkenning and databank
of the intervention appear next to its outcomes in beleid and verantwoording.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

from impact import store
from impact.opmaak import Opmaak
from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten import rapportsoort
from rapporten.bron import Gegevens

# per gemeente: signals, contact, help accepted, solved (nested: the first ones go furthest)
PLAN = {"Aadorp": (24, 20, 14, 9), "Beekdal": (12, 8, 3, 2)}
SOORTEN = ("huurachterstand", "energieachterstand", "waterachterstand", "zorgverzekering")  # signal k: k % 4


def _clienten():
    """(pseudoniem, gemeente, depth reached, signal date, days to contact) per client."""
    rijen, i = [], 0
    for gemeente, (n, contact, hulp, opgelost) in PLAN.items():
        for j in range(n):
            diepte = (j < contact) + (j < hulp) + (j < opgelost)
            signaal = dt.date(2024, i % 12 + 1, 5)
            rijen.append((f"K{i:03d}", gemeente, diepte, signaal, i % 7 + 1))
            i += 1
    return rijen


def _bestanden(map_):
    c = _clienten()
    clienten = ["pseudoniem;gemeente;wijk;groep"] + [f"{p};{g};Centrum;interventie" for p, g, *_ in c]
    interventies = ["naam;databank_erkenning;databank",
                    "Vroegsignalering schulden;effectief volgens eerste aanwijzingen;Movisie"]
    trajecten = ["client;interventie;start;eind"]
    gebeurtenissen = ["client;datum;soort;omschrijving"]
    metingen = ["client;instrument;domein;datum;score;bron"]
    geaccepteerd = 0
    for k, (p, _, diepte, signaal, dagen) in enumerate(c):
        soort = f"signaal_{SOORTEN[k % 4]}"
        gebeurtenissen.append(f"{p};{signaal};{soort};melding")
        contact = signaal + dt.timedelta(days=dagen)
        if diepte >= 1:
            gebeurtenissen.append(f"{p};{contact};contact_gelegd;huisbezoek")
        if diepte >= 2:
            gebeurtenissen.append(f"{p};{contact + dt.timedelta(days=2)};hulp_geaccepteerd;")
            trajecten.append(f"{p};Vroegsignalering schulden;{contact + dt.timedelta(days=2)};")
        if diepte >= 3:
            gebeurtenissen.append(f"{p};{contact + dt.timedelta(days=62)};achterstand_opgelost;regeling")
        # ZRM financiën 10 days before and 120 days after the signal
        voor = 2
        if diepte >= 2:
            na = 4 if geaccepteerd < 5 else 3
            geaccepteerd += 1
        else:
            na = 1 if k % 5 == 0 else 2
        metingen.append(f"{p};ZRM;financien;{signaal - dt.timedelta(days=10)};{voor};professional")
        metingen.append(f"{p};ZRM;financien;{signaal + dt.timedelta(days=120)};{na};professional")
    for naam, regels in (("clienten", clienten), ("interventies", interventies), ("trajecten", trajecten),
                         ("gebeurtenissen", gebeurtenissen), ("metingen", metingen)):
        (map_ / f"{naam}.csv").write_text("\n".join(regels) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def gemaakt(tmp_path_factory):
    from tests.conftest import run_impact

    map_ = tmp_path_factory.mktemp("vroeg")
    _bestanden(map_)
    url = f"sqlite:///{map_ / 'impact.db'}"
    assert run_impact("init", "--db", url).returncode == 0
    for naam in ("clienten", "interventies", "trajecten", "gebeurtenissen", "metingen"):
        uit = run_impact("importeer", naam, str(map_ / f"{naam}.csv"), "--db", url)
        assert uit.returncode == 0, uit.stdout + uit.stderr
    engine = store.connect(url)
    g = Gegevens(engine)
    beleid = rapportsoort("beleid").maak(gm.maak_context(g))
    verantwoording = rapportsoort("verantwoording").maak(gm.maak_context(g))
    html = gm.schrijf(beleid, map_, "beleid", pdf=False, xlsx=False)[0].read_text(encoding="utf-8")
    return beleid, verantwoording, html


def _sectie(rapport, titel):
    return next(s for s in rapport.secties if s.titel == titel)


def _tabel(rapport, begin):
    return next(t for t in rapport.tabellen() if t.titel.startswith(begin))


def _zin(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_funnel_table_from_the_users_files(gemaakt):
    beleid, _, _ = gemaakt
    tabel = _tabel(beleid, "Vroegsignalering per gemeente")
    w = tabel.waarden.set_index("Gemeente")
    m = tabel.masker.set_index(tabel.waarden["Gemeente"])
    stappen = ["Signalen", "Contact gelegd", "Hulp geaccepteerd", "Achterstand opgelost"]
    assert w.loc["Aadorp", stappen[:2]].tolist() == [24, 20]
    assert w.loc["Beekdal", stappen[:2]].tolist() == [12, 8]
    assert w.loc["Totaal", stappen[:2]].tolist() == [36, 28]
    # Beekdal's help (3) and solved (2) are small; Aadorp's or the total's then cannot both show
    assert m.loc["Beekdal", "Hulp geaccepteerd"] == ot.PRIMAIR and m.loc["Beekdal", "Achterstand opgelost"] == ot.PRIMAIR
    assert (m.loc[["Aadorp", "Totaal"], "Hulp geaccepteerd"] != ot.ZICHTBAAR).any()
    assert (m.loc[["Aadorp", "Totaal"], "Achterstand opgelost"] != ot.ZICHTBAAR).any()
    assert w.loc["Aadorp", "Bereik (contact per signaal)"] == pytest.approx(20 / 24)
    assert w.loc["Totaal", "Bereik (contact per signaal)"] == pytest.approx(28 / 36)
    # a share over a hidden count is hidden too
    assert np.isnan(w.loc["Beekdal", "Hulpacceptatie (per contact)"])
    # days to contact of the 28 contacted signals: (i % 7) + 1 for client i
    c = _clienten()
    dagen = [d for _, _, diepte, _, d in c if diepte >= 1]
    assert w.loc["Totaal", "Mediaan dagen tot eerste contact"] == np.median(dagen)
    assert w.loc["Aadorp", "Mediaan dagen tot eerste contact"] == np.median(
        [d for _, g, diepte, _, d in c if diepte >= 1 and g == "Aadorp"])
    assert m.loc["Beekdal", "Mediaan dagen tot eerste contact"] == ot.NOEMER  # 8 contacts < 10
    # per kind of arrear: 9 signals each (36 in turn over four kinds)
    soort = _tabel(beleid, "Vroegsignalering per soort achterstand").waarden.set_index("Soort achterstand")
    assert soort["Signalen"].to_dict() == {"Huur": 9, "Energie": 9, "Water": 9, "Zorgverzekering": 9, "Totaal": 36}


def test_section_text_a_reader_sees(gemaakt):
    beleid, _, html = gemaakt
    o = Opmaak("nl")
    tekst = _zin(html)
    assert "Vroegsignalering van betalingsachterstanden" in tekst
    assert "Divosa Monitor Vroegsignalering Schulden" in tekst
    assert "Van de 36 signalen in het gebied leidden er 28 tot contact" in tekst
    d = np.median([d for _, _, diepte, _, d in _clienten() if diepte >= 1])
    assert f"in de helft van de gevallen {o.getal(d, 0 if float(d).is_integer() else 1)} dagen of korter" in tekst
    # ZRM financiën: 17 accepted (5 went 2 -> 4, 12 went 2 -> 3), 19 did not (4 of them 2 -> 1)
    hulp, geen = (5 * 2 + 12 * 1) / 17, -4 / 19
    assert (f"bij de 17 cliënten die hulp accepteerden veranderde de score van de laatste meting vóór het "
            f"signaal tot de eerste meting minstens drie maanden later gemiddeld met {o.getal(hulp, 2)} punt; "
            f"bij de 19 cliënten die geen hulp accepteerden met {o.getal(geen, 2)} punt") in tekst
    assert "geen effect van de hulp" in tekst
    # few signals per month: the trend is per quarter, and says so
    trend = _tabel(beleid, "Vroegsignalering per kwartaal")
    assert set(trend.waarden["Kwartaal"]) == {"2024-K1", "2024-K2", "2024-K3", "2024-K4"}
    assert "per maand zijn er te weinig signalen om te tonen" in tekst
    assert "< 5" in tekst


def test_erkenning_next_to_outcomes(gemaakt):
    beleid, verantwoording, _ = gemaakt
    regel = ("Vroegsignalering schulden: Effectief volgens eerste aanwijzingen "
             "(Databank Effectieve sociale interventies, Movisie)")
    for rapport, sectie in ((beleid, "Bereik en uitkomsten per gemeente"), (verantwoording, "Uitkomsten")):
        alineas = [a for b in _sectie(rapport, sectie).alle_blokken() for a in getattr(b, "alineas", [])]
        assert regel in alineas


def _fijn():
    """The true finest cells straight from the plan: (gemeente, quarter, depth) -> count."""
    c = pd.DataFrame(_clienten(), columns=["p", "gemeente", "diepte", "signaal", "dagen"])
    c["kwartaal"] = [f"2024-K{(d.month - 1) // 3 + 1}" for d in c["signaal"]]
    c["soort"] = [SOORTEN[k % 4] for k in range(len(c))]
    return c.groupby(["gemeente", "kwartaal", "soort", "diepte"]).size().rename("n").reset_index()


STAP_DIEPTE = {"Signalen": 0, "Contact gelegd": 1, "Hulp geaccepteerd": 2, "Achterstand opgelost": 3}


def _gepubliceerd(beleid):
    """(membership over the finest cells, shown value, reason) of every funnel count shown."""
    fijn = _fijn()
    uit = []
    tabel = _tabel(beleid, "Vroegsignalering per gemeente")
    for r in tabel.waarden.index:
        g = tabel.waarden.at[r, "Gemeente"]
        for stap, diepte in STAP_DIEPTE.items():
            lid = (fijn["diepte"] >= diepte) & ((fijn["gemeente"] == g) if g != "Totaal" else True)
            uit.append((lid.to_numpy(float), tabel.waarden.at[r, stap], int(tabel.masker.at[r, stap])))
    per_soort = _tabel(beleid, "Vroegsignalering per soort achterstand")
    namen = dict(zip(("Huur", "Energie", "Water", "Zorgverzekering"), SOORTEN, strict=True))
    for r in per_soort.waarden.index:
        x = per_soort.waarden.at[r, "Soort achterstand"]
        for stap, diepte in STAP_DIEPTE.items():
            lid = (fijn["diepte"] >= diepte) & ((fijn["soort"] == namen[x]) if x != "Totaal" else True)
            uit.append((lid.to_numpy(float), per_soort.waarden.at[r, stap], int(per_soort.masker.at[r, stap])))
    trend = _tabel(beleid, "Vroegsignalering per kwartaal")
    for r in trend.waarden.index:
        lid = (fijn["kwartaal"] == trend.waarden.at[r, "Kwartaal"]) & (
            fijn["diepte"] >= STAP_DIEPTE[trend.waarden.at[r, "Stap"]])
        uit.append((lid.to_numpy(float), trend.waarden.at[r, "Aantal signalen"], int(trend.masker.at[r, "Aantal signalen"])))
    return uit


def _bepaald(cellen) -> list[int]:
    """Indices of hidden small counts whose range, given everything shown, is one value."""
    a_eq = [m for m, _, reden in cellen if reden == ot.ZICHTBAAR]
    b_eq = [v for _, v, reden in cellen if reden == ot.ZICHTBAAR]
    klein = [i for i, (_, _, reden) in enumerate(cellen) if reden == ot.PRIMAIR]
    a_ub = [cellen[i][0] for i in klein] + [-cellen[i][0] for i in klein]
    b_ub = [4.0] * len(klein) + [-1.0] * len(klein)
    uit = []
    for i in klein:
        doel = cellen[i][0]
        laag = linprog(doel, A_eq=a_eq, b_eq=b_eq, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
        hoog = linprog(-doel, A_eq=a_eq, b_eq=b_eq, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
        assert laag.status == 0 and hoog.status in (0, 3)
        if hoog.status == 0 and -hoog.fun - laag.fun < 0.5:
            uit.append(i)
    return uit


def test_no_small_step_can_be_recomputed(gemaakt):
    beleid, _, _ = gemaakt
    cellen = _gepubliceerd(beleid)
    # every shown count is the true one
    for lid, waarde, reden in cellen:
        if reden == ot.ZICHTBAAR:
            assert waarde == lid @ _fijn()["n"].to_numpy(float)
    assert any(reden == ot.PRIMAIR for _, _, reden in cellen)
    assert not _bepaald(cellen)
    # the attack has teeth: with the cells shown as '×' opened up, a small step gives itself away
    waar = _fijn()["n"].to_numpy(float)
    open_ = [(lid, lid @ waar, ot.ZICHTBAAR if reden == ot.SECUNDAIR else reden) for lid, _, reden in cellen]
    assert any(reden == ot.SECUNDAIR for _, _, reden in cellen)
    assert _bepaald(open_)
