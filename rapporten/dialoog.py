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
from rapporten import figuren as fg
from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten.model import Melding, Naast, Rapport, Sectie, Tabel, Tekst, Vragen
from rapporten.verhaalkeuze import publiceerbaar

NAAM = "dialoog"
PERSPECTIEVEN = Path(__file__).parent / "perspectieven"

THEMAS = {
    "financien": ("schuld", "geld", "rekening", "betal", "deurwaarder", "budget", "achterstand"),
    "huisvesting": ("huur", "woning", "uithuiszetting", "wonen", "huisbaas", "corporatie"),
    "sociaal_netwerk": ("eenzaam", "vrienden", "contact", "buren", "netwerk", "familie"),
    "geestelijke_gezondheid": ("stress", "somber", "slapen", "angst", "piekeren", "rust"),
}
POSITIEF = (
    "beter",
    "opgelucht",
    "lukt",
    "blij",
    "trots",
    "overzicht",
    "rustiger",
    "minder zorgen",
    "weer ",
    "opgelost",
    "vooruit",
)
NEGATIEF = (
    "slechter",
    "moeilijk",
    "terugval",
    "bang",
    "eenzaam",
    "achteruit",
    "zwaar",
    "lukt niet",
    "wanhoop",
)
GRENS = 0.25  # mean ZRM change (points) that counts as a visible change in the figures


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


def _richting_verhalen(teksten: pd.Series) -> tuple[int, int]:
    laag = teksten.str.lower()
    pos = laag.map(lambda x: any(w in x for w in POSITIEF))
    neg = laag.map(lambda x: any(w in x for w in NEGATIEF))
    return int((pos & ~neg).sum()), int((neg & ~pos).sum())


def thema_blok(ctx: gm.Context, domein: str, woorden: tuple[str, ...]):
    t = ctx.t
    namen = gm.zrm_namen()
    thema = t(namen.get(domein, domein))
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
    figuur = fg.Figuur(ctx.figuur_id(), t("Cijfers: {th}", th=thema), zin, fig, tabel)

    verhalen = publiceerbaar(ctx.gegevens.verhalen)
    if not verhalen.empty:
        verhalen = verhalen[verhalen["soort"] != "wijkverhaal"]
        verhalen = verhalen[verhalen["tekst"].str.lower().str.contains("|".join(woorden))]
    n_verhalen = len(verhalen)
    pos, neg = _richting_verhalen(verhalen["tekst"]) if n_verhalen else (0, 0)
    blok = gm.verhalen_van(
        ctx, gm.kies_verhalen(ctx, ("clientverhaal", "casusnotitie", "msc_verhaal"), 2, woorden)
    )

    cijfers = "geen" if pd.isna(gem) else ("op" if gem >= GRENS else "neer" if gem <= -GRENS else "vlak")
    verhaal = (
        "geen"
        if n_verhalen == 0
        else (
            "op"
            if pos > max(neg, n_verhalen / 3)
            else "neer"
            if neg > max(pos, n_verhalen / 3)
            else "gemengd"
        )
    )
    v = ctx.opmaak.getal(gem, 2)
    if cijfers == "geen" or verhaal == "geen":
        oordeel = t("Niet te vergelijken: er zijn te weinig cijfers of verhalen over {th}.", th=thema)
        vraag = t(
            "Over {th} weten we te weinig ({n} verhalen). Wie kan hier meer over vertellen, "
            "en wat zouden we moeten meten?",
            th=thema,
            n=n_verhalen,
        )
    elif cijfers == verhaal:
        oordeel = t("Cijfers en verhalen wijzen dezelfde kant op.")
        vraag = t(
            "Cijfers ({v} punt) en verhalen ({p} van {n} positief) wijzen op {th} dezelfde "
            "kant op. Wat maakt dat het hier werkt of niet werkt, en hoe houden we dat vast?",
            v=v,
            p=pos,
            n=n_verhalen,
            th=thema,
        )
    elif cijfers == "vlak" and verhaal == "op":
        oordeel = t("Cijfers en verhalen lopen uiteen.")
        vraag = t(
            "De cijfers laten op {th} weinig verandering zien ({v} punt), terwijl {p} van de "
            "{n} verhalen over {th} vooruitgang beschrijven. Wat verklaart het verschil?",
            th=thema,
            v=v,
            p=pos,
            n=n_verhalen,
        )
    else:
        oordeel = t("Cijfers en verhalen lopen uiteen.")
        vraag = t(
            "Op {th} gaan de cijfers gemiddeld {v} punt, terwijl de verhalen een ander "
            "beeld geven ({p} positief, {q} negatief van {n}). Meten we wat voor de mensen "
            "zelf telt?",
            th=thema,
            v=v,
            p=pos,
            q=neg,
            n=n_verhalen,
        )
    return Naast(figuur, blok, oordeel), vraag


def maak(ctx: gm.Context, perspectieven: str | Path | None = None) -> Rapport:
    t = ctx.t
    ctx.niet_gekoppeld(
        "verhalen.joint_display", t("Joint display"), t("trefwoordenlijst per thema in rapporten.dialoog")
    )
    secties, vragen = [], []
    for domein, woorden in THEMAS.items():
        naast, vraag = thema_blok(ctx, domein, woorden)
        vragen.append(vraag)
        secties.append(Sectie(t(gm.zrm_namen()[domein]), [naast]))
    uitleg = t(
        "Of verhalen positief of negatief zijn, is hier geteld met een eenvoudige lijst "
        "trefwoorden; lees de verhalen zelf voordat u conclusies trekt."
    )
    uitleg += " " + t(
        "De gecodeerde joint display van verhalen.joint_display is in dit rapport nog niet gekoppeld."
    )
    criteria = lees_perspectieven(perspectieven)
    tabel = perspectieven_tabel(ctx, criteria)
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
    perspectief = fg.Figuur(
        ctx.figuur_id(),
        t("Wat is succesvol, en wie bepaalt dat?"),
        t(
            "Dezelfde cliënten, beoordeeld met de maatstaf van beleid, professional en burger. Waar "
            "een maatstaf niet gemeten is, staat geen staaf."
        ),
        fig,
        tabel,
    )
    alle = [
        Sectie(
            t("Waarover gaat dit gesprek?"),
            [
                Tekst(
                    [
                        t(
                            "Per thema staan de cijfers en de verhalen naast elkaar. Waar ze uiteenlopen, begint "
                            "het gesprek: niet om te bepalen wie gelijk heeft, maar om te begrijpen wat er gebeurt."
                        ),
                        uitleg,
                    ]
                )
            ],
        )
    ]
    alle += secties
    alle.append(Sectie(t("Wat is succesvol, en wie bepaalt dat?"), [perspectief]))
    alle.append(
        Sectie(
            t("Gespreksvragen"),
            [
                Vragen(vragen),
                Melding(
                    t("De vragen zijn gemaakt uit de verschillen tussen cijfers en verhalen hierboven."),
                    "info",
                ),
            ],
        )
    )
    return Rapport(
        NAAM,
        t("Dialoog: cijfers en verhalen naast elkaar"),
        t("Voor het gesprek tussen beleid en uitvoering"),
        ctx.opmaak.taal,
        alle,
        ctx.herkomst({"perspectieven": str(perspectieven or "standaard")}),
    )


def build(
    bron,
    out_dir: str | Path,
    *,
    pdf: bool = False,
    xlsx: bool = False,
    taal: str = "nl",
    filters=None,
    drempels=None,
    afbeeldingen=None,
) -> list[Path]:
    ctx = gm.maak_context(bron, taal, filters, drempels)
    return gm.schrijf(maak(ctx), Path(out_dir), NAAM, pdf, xlsx, afbeeldingen)
