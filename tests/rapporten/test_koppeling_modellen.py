"""The longitudinal models linked into verantwoording and beleid: present, protected, and the
numbers shown agree with an independent computation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from rapporten import beleid, verantwoording
from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten.bron import Filters, Gegevens
from rapporten.model import Melding
from rapporten.resultaten import did_data, zrm
from tests.rapporten.conftest import KLEINE_INTERVENTIE


@pytest.fixture(scope="module")
def ctx(wereld):
    return gm.maak_context(Gegevens(wereld))


def _zichtbaar(tabel, kolom) -> list:
    return [v for v in tabel.numeriek(kolom) if v is not None]


# --- the sections are there, in the HTML and in the provenance ---------------------------------


def test_verantwoording_toont_groei_duurzaamheid_en_uitval(rapporten_map: Path):
    html = (rapporten_map / "verantwoording.html").read_text(encoding="utf-8")
    assert "Groeimodel: verloop in de tijd naast de vergelijkingsgroep" in html
    assert "Groeimodel per domein: vaste effecten met 95%-interval" in html
    assert "Verloop op Financiën: interventie- en vergelijkingsgroep" in html
    assert "Blijft de vooruitgang na uitstroom?" in html
    assert "Uitval: cliënten met en zonder vervolgmeting" in html
    assert "missing at random" in html and "geen gerandomiseerd experiment" in html
    assert "nog niet gekoppeld" not in html and "nog niet opgenomen" not in html
    assert "modellen." not in html  # no module names in reader-facing text


def test_beleid_toont_verschil_in_verschillen_en_keerpunten(rapporten_map: Path):
    html = (rapporten_map / "beleid.html").read_text(encoding="utf-8")
    assert "Verschil-in-verschillen: extra vooruitgang in de interventiegroep" in html
    assert "parallelle trends" in html and "geen gerandomiseerd experiment" in html
    assert "Keerpunten per domein: omhoog en omlaag" in html
    assert "modellen." not in html  # no module names in reader-facing text


def test_engels(wereld):
    en = gm.maak_context(Gegevens(wereld), "en")
    rapport = verantwoording.SOORT.maak(en)
    titels = [s.titel for s in rapport.secties]
    assert "Growth model: course over time next to the comparison group" in titels
    assert "Does the progress last after exit?" in titels


# --- numbers agree with an independent computation ---------------------------------------------


def test_verschil_in_verschillen_is_verschil_van_celgemiddelden(ctx):
    """A saturated 2x2 OLS gives exactly the difference of the four cell means."""
    import statsmodels.formula.api as smf

    tabel = beleid.did_tabel(ctx)
    k = tabel.waarden.columns
    df = did_data(ctx.gegevens, "financien")
    beide = df.groupby("client_id")["na"].agg(lambda x: x.min() == 0 and x.max() == 1)
    df = df[df["client_id"].isin(beide[beide].index)]
    m = df.groupby(["groep", "na"])["score"].mean()
    verwacht = (m["interventie", 1.0] - m["interventie", 0.0]) - (
        m["vergelijking", 1.0] - m["vergelijking", 0.0]
    )
    rij = tabel.waarden[tabel.waarden[k[0]] == "Financiën"].iloc[0]
    assert rij[k[3]] == pytest.approx(verwacht, abs=1e-9)

    ols = smf.ols("score ~ C(groep, Treatment('vergelijking')) * na", data=df).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(df["client_id"])[0]}
    )
    term = [t for t in ols.params.index if ":" in t][0]
    laag, hoog = ols.conf_int().loc[term]
    assert rij[k[4]] == pytest.approx(laag, abs=1e-9)
    assert rij[k[5]] == pytest.approx(hoog, abs=1e-9)


def test_groeimodel_komt_overeen_met_statsmodels_mixedlm(ctx):
    import warnings

    import statsmodels.formula.api as smf

    fits = ctx.resultaat("groei")
    tabel = verantwoording.groei_tabel(ctx, fits)
    k = tabel.waarden.columns
    rij = tabel.waarden[
        (tabel.waarden[k[0]] == "Financiën")
        & (tabel.waarden[k[1]] == "Extra groei per jaar in de interventiegroep")
    ].iloc[0]
    df = zrm(ctx.gegevens)
    df = df[df["domein"] == "financien"]
    df = df[df["maanden"].notna() & df["groep"].isin(["interventie", "vergelijking"])].copy()
    df["i"] = (df["groep"] == "interventie").astype(float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = smf.mixedlm("score ~ maanden * i", df, groups=df["client_id"], re_formula="~maanden").fit(
            reml=True, method=["lbfgs"]
        )
    assert rij[k[4]] == pytest.approx(12 * ref.fe_params["maanden:i"], abs=2.4e-3)
    assert rij[k[5]] < 12 * ref.fe_params["maanden:i"] < rij[k[6]]
    # the chart's predicted trajectory is intercept + slope x months for the comparison group
    res, n = fits["financien"]
    v = verantwoording.verloop_model_tabel(ctx, "financien", res, n, [0, 12])
    w = v.waarden
    verg = w[w[w.columns[0]] == "vergelijkingsgroep"].set_index(w.columns[1])[w.columns[3]]
    assert verg[12] == pytest.approx(ref.fe_params["Intercept"] + 12 * ref.fe_params["maanden"], abs=5e-3)


def test_uitval_telt_clienten_zonder_vervolgmeting(ctx):
    blokken = verantwoording.uitval_blokken(ctx)
    telling = next(b for b in blokken if hasattr(b, "titel") and b.titel.startswith("Uitval: cliënten"))
    z = zrm(ctx.gegevens)
    z = z[z["groep"].notna()]
    dagen = z.groupby("client_id")["datum"].agg(lambda d: (d.max() - d.min()).days)
    zonder = int((dagen / 30.4375 < 3).sum())
    w = telling.waarden.set_index(telling.waarden.columns[0])
    assert w.at["Totaal", "zonder vervolgmeting"] == pytest.approx(zonder, abs=2)
    assert w.at["Totaal", "Totaal"] == len(dagen)


def test_keerpunten_tellen_de_sprongen(ctx):
    from modellen.keerpunten import Keerpunten

    kp = Keerpunten(instrument="ZRM").fit(zrm(ctx.gegevens)).summary()
    tabel = beleid.keerpunten_tabel(ctx, ctx.resultaat("keerpunten"))
    w = tabel.waarden.set_index(tabel.waarden.columns[0])
    assert w.at["Totaal", "Sprongen omhoog (verbetering)"] == (kp["richting"] == "omhoog").sum()
    assert w.at["Totaal", "Sprongen omlaag (verslechtering)"] == (kp["richting"] == "omlaag").sum()


# --- disclosure control ------------------------------------------------------------------------


def test_schattingen_verborgen_bij_te_kleine_groepen(wereld):
    """With a minimum denominator above every group size, no estimate may be visible."""
    streng = gm.maak_context(Gegevens(wereld), drempels=ot.Drempels(drempel=5, min_noemer=100_000))
    fits = streng.resultaat("groei")
    tabellen = [verantwoording.groei_tabel(streng, fits)]
    res, n = fits["financien"]
    tabellen.append(verantwoording.verloop_model_tabel(streng, "financien", res, n, [0, 6, 12]))
    duur = streng.resultaat("duurzaamheid")
    tabellen += [
        verantwoording.duurzaamheid_tabel(streng, duur),
        verantwoording.duurzaamheid_horizon_tabel(streng, duur),
        beleid.did_tabel(streng),
    ]
    for tabel in tabellen:
        for kolom, soort in tabel.soorten.items():
            if soort in ("gemiddelde", "procent"):
                assert not _zichtbaar(tabel, kolom), (tabel.titel, kolom)
                assert (tabel.masker[kolom] == ot.NOEMER).all(), (tabel.titel, kolom)
    figuur = verantwoording.verloop_model_figuur(streng, "financien", res, n, [0, 6, 12])
    assert figuur.samenvatting.startswith("Te weinig")
    assert all(y is None for spoor in figuur.figuur.data for y in spoor.y)


def test_kleine_aantallen_verborgen(wereld):
    """With a threshold above every count, counts of jumps and of drop-outs are all hidden."""
    streng = gm.maak_context(Gegevens(wereld), drempels=ot.Drempels(drempel=100_000, min_noemer=100_000))
    tabellen = [beleid.keerpunten_tabel(streng, streng.resultaat("keerpunten"))]
    tabellen += [b for b in verantwoording.uitval_blokken(streng) if hasattr(b, "soorten")]
    for tabel in tabellen:
        for kolom, soort in tabel.soorten.items():
            if soort == "aantal":
                assert not _zichtbaar(tabel, kolom), (tabel.titel, kolom)
                assert not ot.controleer(tabel.waarden, tabel.soorten, streng.drempels)


def test_groep_van_drie_geeft_geen_modelcijfers(wereld):
    """A report filtered to the planted 3-client intervention shows notices, not estimates."""
    klein = gm.maak_context(Gegevens(wereld, Filters(interventie=(KLEINE_INTERVENTIE,))))
    rapport = verantwoording.SOORT.maak(klein)
    for sectie in rapport.secties:
        if sectie.titel in (
            "Groeimodel: verloop in de tijd naast de vergelijkingsgroep",
            "Blijft de vooruitgang na uitstroom?",
        ):
            for blok in sectie.alle_blokken():
                tabel = getattr(blok, "tabel", blok)
                if hasattr(tabel, "soorten"):
                    for kolom, soort in tabel.soorten.items():
                        if soort in ("gemiddelde", "procent"):
                            assert not _zichtbaar(tabel, kolom), (tabel.titel, kolom)
                else:
                    assert isinstance(blok, Melding) or hasattr(blok, "alineas")
    for tabel in rapport.tabellen():
        assert not ot.controleer(tabel.waarden, tabel.soorten)
