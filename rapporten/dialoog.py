"""Dialogue report for a beleid–uitvoering session.

Per theme the figure and the stories side by side (joint display), whether they converge or
diverge, and conversation questions that start from the divergences. Then "what is success,
and who decides?": the burger, professional and beleid perspectives each define success in a
small YAML file (``rapporten/perspectieven/*.yaml``, or a folder of your own), and the results
under each definition are shown side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from impact.errors import Problem, UserInputError
from impact.opmaak import N_
from rapporten import figuren as fg
from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten.model import Melding, Naast, Sectie, Tabel, Tekst, Verhalen, Vragen
from rapporten.secties import Onderdeel, Rapportsoort, registreer
from verhalen.codeboek import zrm_codeboek
from verhalen.joint_display import JointDisplay, standaard_richting
from verhalen.publicatie import citaat, kies_voor_publicatie
from verhalen.suggesties import Suggesteerder

NAAM = "dialoog"
PERSPECTIEVEN = Path(__file__).parent / "perspectieven"

THEMAS = ("financien", "huisvesting", "sociaal_netwerk", "geestelijke_gezondheid")  # ZRM domains
GRENS = 0.25  # mean ZRM change (points) that counts as a visible change in the figures
CATEGORIEEN = ("hersteld", "verbeterd", "onveranderd", "verslechterd")
VERHAALSOORTEN = ("clientverhaal", "casusnotitie", "msc_verhaal")


@dataclass(frozen=True)
class Criterium:
    perspectief: str
    naam: str
    soort: str
    instellingen: dict


def lees_perspectieven(map_: str | Path | None = None) -> list[Criterium]:
    """Read every ``*.yaml`` perspective file; all problems reported at once."""
    map_ = Path(map_) if map_ else PERSPECTIEVEN
    criteria, problemen = [], []
    soorten = {"gebeurtenis", "geen_gebeurtenis", "domeinen_verbeterd", "laatste_score_minimaal"}
    for pad in sorted(map_.glob("*.yaml")):
        data = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
        naam = data.get("perspectief") or pad.stem
        for i, c in enumerate(data.get("criteria") or [], start=1):
            if not isinstance(c, dict) or c.get("soort") not in soorten:
                problemen.append(
                    Problem(
                        str(pad),
                        None,
                        f"criteria[{i}].soort",
                        f"een van {', '.join(sorted(soorten))}",
                        c.get("soort") if isinstance(c, dict) else c,
                    )
                )
                continue
            criteria.append(Criterium(naam, str(c.get("naam", c["soort"])), c["soort"], c))
    if problemen:
        raise UserInputError(problemen)
    return criteria


def toets(ctx: gm.Context, criterium: Criterium) -> tuple[int, int | None]:
    """(number of clients judged, number meeting the criterion) — None when not measurable."""
    g = ctx.gegevens
    c = criterium.instellingen
    deelnemers = g.trajecten["client_id"].unique()
    if criterium.soort in ("gebeurtenis", "geen_gebeurtenis"):
        ev = g.gebeurtenissen
        met = set(ev.loc[ev["soort"] == c.get("gebeurtenis"), "client_id"]) if not ev.empty else set()
        n = len(deelnemers)
        k = sum(1 for x in deelnemers if x in met)
        return n, (k if criterium.soort == "gebeurtenis" else n - k)
    df = g.analyse
    if df.empty:
        return 0, None
    df = df[(df["instrument"] == c.get("instrument", "ZRM")) & df["client_id"].isin(deelnemers)]
    if criterium.soort == "laatste_score_minimaal":
        df = df[df["domein"] == c.get("domein")]
        if df.empty:
            return 0, None
        laatste = df.sort_values("datum").groupby("client_id")["score"].last()
        return len(laatste), int((laatste >= float(c.get("minimaal", 0))).sum())
    df = df.sort_values("datum")
    eerste = df.groupby(["client_id", "domein"])["score"].first()
    laatste = df.groupby(["client_id", "domein"])["score"].last()
    aantal = df.groupby(["client_id", "domein"])["score"].size()
    verschil = (laatste - eerste)[aantal >= 2]
    if verschil.empty:
        return 0, None
    per_client = (verschil >= float(c.get("min_stijging", 1))).groupby(level=0).sum()
    return len(per_client), int((per_client >= int(c.get("min_domeinen", 3))).sum())


def perspectieven_tabel(ctx: gm.Context, criteria: list[Criterium]) -> Tabel:
    t = ctx.t
    rijen = []
    for c in criteria:
        n, k = toets(ctx, c)
        rijen.append(
            {"perspectief": t(c.perspectief), "criterium": t(c.naam), "n": n, "k": np.nan if k is None else k}
        )
    stat = pd.DataFrame(rijen)
    masker = pd.DataFrame(ot.ZICHTBAAR, index=stat.index, columns=stat.columns)
    masker.loc[ot.klein(stat["n"], ctx.drempels), "n"] = ot.PRIMAIR
    masker.loc[ot.klein(stat["k"].fillna(0), ctx.drempels), "k"] = ot.PRIMAIR
    aandeel = stat["k"] / stat["n"].replace(0, np.nan)
    verbergen = (
        (stat["n"] < ctx.drempels.min_noemer)
        | (masker["k"] != ot.ZICHTBAAR)
        | ot.klein(stat["n"] - stat["k"].fillna(0), ctx.drempels)
        | stat["k"].isna()
    )
    stat["p"] = aandeel.where(~verbergen)
    masker["p"] = np.where(stat["k"].isna(), ot.ZICHTBAAR, ot.reden(stat["n"], verbergen, ctx.drempels))
    for kolom in ("n", "k"):
        stat[kolom] = stat[kolom].astype(float).where(masker[kolom] == ot.ZICHTBAAR)
    kop = {
        "perspectief": t("Perspectief"),
        "criterium": t("Wat telt als succes"),
        "n": t("Beoordeelde cliënten"),
        "k": t("Voldoet"),
        "p": t("Aandeel"),
    }
    return Tabel(
        t("Succes volgens drie perspectieven"),
        stat.rename(columns=kop),
        {kop["n"]: "aantal", kop["k"]: "aantal", kop["p"]: "procent"},
        masker.rename(columns=kop),
        ctx.drempels,
        t("Een lege cel bij 'Voldoet' betekent: dit is (nog) niet gemeten."),
    )


@dataclass
class Gekoppeld:
    """What every theme block shares: the coded stories and each client's RCI category."""

    verhalen: pd.DataFrame  # client stories (all consent scopes: counts are aggregates)
    coderingen: pd.DataFrame  # suggested codes, code_id mapped to the ZRM domain (root code)
    rci: pd.DataFrame  # client_id, domein, categorie
    codeboek: object
    joint_display: object


def koppel(ctx: gm.Context) -> Gekoppeld:
    """Suggested codes (shipped ZRM codebook) and each client's RCI category per domain."""
    g = ctx.gegevens
    verhalen = g.verhalen
    verhalen = verhalen[verhalen["soort"].isin(VERHAALSOORTEN) & verhalen["client_id"].notna()]
    codeboek = zrm_codeboek()
    sug = Suggesteerder(codeboek).suggest(verhalen)
    sug["code_id"] = [codeboek.root_of(c).code_id if c in codeboek else c for c in sug["code_id"]]
    rci = ctx.resultaat("rci").per_client
    return Gekoppeld(
        verhalen.reset_index(drop=True),
        sug[["verhaal_id", "code_id", "start", "eind"]],
        rci[["client_id", "domein", "categorie"]],
        codeboek,
        JointDisplay(gebruik="geanonimiseerd_publiceren", hoofdcodes=False),
    )


def _citaten(ctx: gm.Context, cellen: pd.DataFrame, verhalen: pd.DataFrame) -> dict:
    """Group -> exemplar quote, cut from the story's published version (quotes come only from
    publishable stories; the quote is a fragment of the original text, mapped through the
    spans the pseudonymisation replaced)."""
    met = cellen[cellen["citaat"].notna()]
    if met.empty:
        return {}
    bron = verhalen.drop_duplicates("verhaal_id").set_index("verhaal_id")
    ids = list(dict.fromkeys(met["citaat_verhaal_id"].tolist()))
    getoond = gm.voor_publicatie(ctx, bron.loc[ids].reset_index()).set_index("verhaal_id")
    uit = {}
    for groep, fragment, v in zip(met["groep"], met["citaat"], met["citaat_verhaal_id"], strict=True):
        origineel = str(bron.at[v, "tekst"])
        start = origineel.find(str(fragment))
        if v not in getoond.index or start < 0:
            uit[groep] = None
            continue
        uit[groep] = citaat(
            origineel,
            getoond.at[v, "tekst"],
            getoond.at[v, "vervangingen_publicatie"],
            start,
            start + len(str(fragment)),
        )
    return uit


def joint_tabel(ctx: gm.Context, thema: str, cellen: pd.DataFrame, citaten: dict) -> Tabel:
    """Stories with / without the theme per RCI category, protected, with one quote per cell."""
    t = ctx.t
    cellen = cellen.set_index("groep").reindex([c for c in CATEGORIEEN if c in set(cellen["groep"])])
    totaal = t("Totaal")
    kop_met, kop_zonder = t("Verhalen over dit thema"), t("Verhalen over iets anders")
    aantallen = pd.DataFrame(
        {kop_met: cellen["n"].to_numpy(), kop_zonder: (cellen["n_groep"] - cellen["n"]).to_numpy()},
        index=[t(c) for c in cellen.index],
    )
    waarden, masker = ot.kruistabel(aantallen, ctx.drempels, totaal)
    kop_n = totaal
    n = waarden[kop_n].fillna(0)
    ruw = aantallen.sum(axis=1).reindex(waarden.index).fillna(aantallen.sum().sum())
    verbergen = (masker[kop_met] != ot.ZICHTBAAR) | (masker[kop_zonder] != ot.ZICHTBAAR) | (
        masker[kop_n] != ot.ZICHTBAAR
    )
    kop_p, kop_c = t("Aandeel over dit thema"), t("Voorbeeldcitaat")
    waarden[kop_p] = (waarden[kop_met] / ruw).where(~verbergen & (ruw >= ctx.drempels.min_noemer))
    masker[kop_p] = ot.reden(ruw, verbergen, ctx.drempels)
    labels = dict(zip([t(c) for c in cellen.index], cellen.index, strict=True))
    waarden[kop_c] = [
        citaten.get(labels.get(r)) if masker.at[r, kop_met] == ot.ZICHTBAAR and n[r] > 0 else None
        for r in waarden.index
    ]
    masker[kop_c] = ot.ZICHTBAAR
    kop_rij = t("Betrouwbare verandering op dit domein")
    waarden.index.name = masker.index.name = kop_rij
    waarden, masker = waarden.reset_index(), masker.reset_index()
    masker[kop_rij] = ot.ZICHTBAAR
    soorten = {kop_met: "aantal", kop_zonder: "aantal", kop_n: "aantal", kop_p: "procent", kop_c: "tekst"}
    return Tabel(
        t("Joint display: {th} in de verhalen, per uitkomst in de cijfers", th=thema),
        waarden,
        soorten,
        masker,
        ctx.drempels,
        t(
            "Telling per verhaal over cliënten met een voor- en nameting op dit domein. Een "
            "citaat staat er alleen bij als de groep groot genoeg is, het verhaal toestemming "
            "heeft om geanonimiseerd te publiceren, en na pseudonimisering."
        ),
    )


def _gespreksvraag(ctx: gm.Context, thema: str, oordeel: dict, zichtbaar_verschil: bool):
    t = ctx.t
    soort = oordeel["oordeel"]
    v = ctx.opmaak.getal(abs(oordeel["verschil_pp"]), 0) if zichtbaar_verschil else None
    if soort == "stilte":
        return (
            t("Stilte: er zijn bijna geen verhalen over {th}.", th=thema),
            t(
                "Over {th} gaan bijna geen verhalen, terwijl het in de cijfers wel gemeten wordt. "
                "Wie kan hier meer over vertellen, en vragen we er wel naar?",
                th=thema,
            ),
        )
    if soort == "convergentie":
        zin = t("Convergentie: cijfers en verhalen wijzen dezelfde kant op.")
        if v:
            return zin, t(
                "Cliënten die op {th} betrouwbaar achteruitgingen, vertellen er vaker over dan "
                "wie verbeterde ({v} procentpunt verschil): cijfers en verhalen wijzen dezelfde "
                "kant op. Wat maakt dat het hier werkt of niet werkt, en hoe houden we dat vast?",
                th=thema,
                v=v,
            )
        return zin, t(
            "Op {th} wijzen cijfers en verhalen dezelfde kant op. Wat maakt dat het hier werkt "
            "of niet werkt, en hoe houden we dat vast?",
            th=thema,
        )
    if soort == "divergentie":
        zin = t("Divergentie: cijfers en verhalen lopen uiteen.")
        if v:
            return zin, t(
                "Cliënten die op {th} volgens de ZRM betrouwbaar verbeterden, vertellen er juist "
                "vaker over als probleem ({v} procentpunt verschil). Meten we wat voor de mensen "
                "zelf telt?",
                th=thema,
                v=v,
            )
        return zin, t(
            "Op {th} lopen cijfers en verhalen uiteen. Meten we wat voor de mensen zelf telt?",
            th=thema,
        )
    if soort == "onbeslist":
        return (
            t("Onbeslist: de verhalen verschillen nauwelijks tussen wie verbeterde en wie achteruitging."),
            t(
                "Op {th} vertellen cliënten die verbeterden en die achteruitgingen ongeveer even "
                "vaak over het thema. Wat zegt dat over wat de ZRM-score hier meet?",
                th=thema,
            ),
        )
    return (
        t("Niet te beoordelen: te weinig cliënten gingen betrouwbaar vooruit of achteruit."),
        t(
            "Op {th} gingen te weinig cliënten betrouwbaar vooruit of achteruit om cijfers en "
            "verhalen te vergelijken. Wat zien de professionals zelf gebeuren?",
            th=thema,
        ),
    )


def thema_joint(ctx: gm.Context, k: Gekoppeld, domein: str):
    """One theme: figure + exemplar stories side by side, the protected joint display, a question."""
    t = ctx.t
    thema = t(gm.zrm_namen().get(domein, domein))
    figuur, _ = _figuur(ctx, domein, thema)
    groepen = k.rci[k.rci["domein"] == domein][["client_id", "categorie"]].rename(
        columns={"categorie": "groep"}
    )
    naam = k.codeboek[domein].naam
    res = k.joint_display.fit(
        k.coderingen[k.coderingen["code_id"] == domein],
        k.verhalen,
        groepen,
        codeboek=k.codeboek,
        valentie={domein: -1},
    )
    cellen = res.tabel[res.tabel["thema"] == naam]
    oordeel_rij = res.oordeel[res.oordeel["thema"] == naam]
    if cellen.empty:  # no story mentions the theme at all
        cellen = pd.DataFrame(
            {"groep": sorted(set(groepen["groep"])), "n": 0, "citaat": None, "citaat_verhaal_id": None}
        )
        n_groep = k.verhalen.merge(groepen, on="client_id").groupby("groep")["verhaal_id"].nunique()
        cellen["n_groep"] = cellen["groep"].map(n_groep).fillna(0).astype(int)
        oordeel = {"oordeel": "stilte", "verschil_pp": np.nan}
    else:
        oordeel = oordeel_rij.iloc[0].to_dict()
    tabel = joint_tabel(ctx, thema, cellen, _citaten(ctx, cellen, k.verhalen))
    # the difference in percentage points is shown only when both sides cover enough stories
    richting = cellen["groep"].map(standaard_richting)
    op = cellen.loc[richting > 0, "n_groep"].sum()
    neer = cellen.loc[richting < 0, "n_groep"].sum()
    zichtbaar = bool(min(op, neer) >= ctx.drempels.min_noemer) and pd.notna(oordeel["verschil_pp"])
    zin, vraag = _gespreksvraag(ctx, thema, oordeel, zichtbaar)

    gekozen, regel = kies_voor_publicatie(
        k.verhalen, 2, k.coderingen, code_id=domein, spreiding=("gemeente", "wijk"), seed=0
    )
    blok = gm.verhalen_van(ctx, gekozen)
    if regel:
        blok = Verhalen(blok.verhalen, t("Keuze van de verhalen: {r}", r=regel))
    return [Naast(figuur, blok, zin), tabel], vraag, res.regel


def _figuur(ctx: gm.Context, domein: str, thema: str) -> tuple[fg.Figuur, float]:
    """The domain's ZRM course as a figure, and the mean change from start to last measurement
    (NaN when too few clients to show it)."""
    t = ctx.t
    tabel = gm.verloop_tabel(ctx, [domein])
    kolommen = tabel.waarden.columns
    fig = fg.lijnen(
        tabel, kolommen[1], kolommen[3], None, t("gemiddelde ZRM-score"), t("maanden na start"), (1, 5)
    )
    paren = gm.eerste_en_laatste(ctx)
    paren = paren[paren["domein"] == domein]
    gem = paren["verschil"].mean() if len(paren) >= ctx.drempels.min_noemer else np.nan
    zin = (
        t("Gemiddelde verandering van start tot laatste meting: {v} punt.", v=ctx.opmaak.getal(gem, 2))
        if pd.notna(gem)
        else t("Te weinig cliënten om een verandering te tonen.")
    )
    return fg.Figuur(ctx.figuur_id(), t("Cijfers: {th}", th=thema), zin, fig, tabel), gem


def _themas(ctx: gm.Context) -> dict:
    """Per theme its blocks and question, and the joint display's rule; made once per report."""
    if "themas" not in ctx.gedeeld:
        k = koppel(ctx)
        secties, vragen, regel = [], [], ""
        for domein in THEMAS:
            blokken, vraag, regel = thema_joint(ctx, k, domein)
            vragen.append(vraag)
            secties.append(Sectie(ctx.t(gm.zrm_namen()[domein]), blokken))
        ctx.gedeeld["themas"] = {"secties": secties, "vragen": vragen, "regel": regel}
    return ctx.gedeeld["themas"]


def _inleiding(ctx: gm.Context) -> list:
    t = ctx.t
    uitleg = t(
        "Welke verhalen over welk thema gaan, is hier niet met de hand gecodeerd: er zijn geen "
        "handmatige coderingen. De codes zijn suggesties op grond van trefwoorden en patronen per "
        "domein van de Zelfredzaamheid-Matrix. Lees de verhalen zelf voordat u conclusies trekt."
    )
    uitleg += " " + t(
        "Per thema staan de cliënten in groepen naar hun betrouwbare verandering op dat domein "
        "(Jacobson–Truax). Een verhaal dat het thema noemt, telt als een verhaal over een "
        "probleem op dat domein. {r}",
        r=_themas(ctx)["regel"],
    )
    return [
        Tekst(
            [
                t(
                    "Per thema staan de cijfers en de verhalen naast elkaar. Waar ze uiteenlopen, begint "
                    "het gesprek: niet om te bepalen wie gelijk heeft, maar om te begrijpen wat er gebeurt."
                ),
                uitleg,
            ]
        )
    ]


def _perspectieven(ctx: gm.Context) -> list:
    t = ctx.t
    tabel = perspectieven_tabel(ctx, lees_perspectieven())
    kolommen = tabel.waarden.columns
    label = tabel.waarden[kolommen[0]] + ": " + tabel.waarden[kolommen[1]]
    grafiek = Tabel(
        tabel.titel,
        tabel.waarden.assign(**{t("Criterium"): label}),
        dict(tabel.soorten),
        tabel.masker.assign(**{t("Criterium"): 0}),
        ctx.drempels,
    )
    fig = fg.staaf(grafiek, t("Criterium"), [kolommen[4]], t("aandeel cliënten"))
    fig.update_yaxes(tickformat=".0%", range=[0, 1])
    return [
        fg.Figuur(
            ctx.figuur_id(),
            t("Wat is succesvol, en wie bepaalt dat?"),
            t(
                "Dezelfde cliënten, beoordeeld met de maatstaf van beleid, professional en burger. Waar "
                "een maatstaf niet gemeten is, staat geen staaf."
            ),
            fig,
            tabel,
        )
    ]


def _gespreksvragen(ctx: gm.Context) -> list:
    return [
        Vragen(_themas(ctx)["vragen"]),
        Melding(
            ctx.t("De vragen zijn gemaakt uit de verschillen tussen cijfers en verhalen hierboven."),
            "info",
        ),
    ]


SOORT = registreer(
    Rapportsoort(
        NAAM,
        N_("Dialoog: cijfers en verhalen naast elkaar"),
        N_("Voor het gesprek tussen beleid en uitvoering"),
        (
            Onderdeel(N_("Waarover gaat dit gesprek?"), _inleiding, ("rci", "paren")),
            Onderdeel(N_("Thema's"), secties=lambda ctx: _themas(ctx)["secties"], nodig=("rci", "paren")),
            Onderdeel(N_("Wat is succesvol, en wie bepaalt dat?"), _perspectieven),
            Onderdeel(N_("Gespreksvragen"), _gespreksvragen),
        ),
    )
)
