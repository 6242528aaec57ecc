"""Dialogue report for a beleid–uitvoering session.

Per theme the figure and the stories side by side (joint display), whether they converge or
diverge, and conversation questions that start from the divergences. Then "what is success,
and who decides?": the burger, professional and beleid perspectives each define success in a
small YAML file (``rapporten/perspectieven/*.yaml``, or a folder of your own), and the results
under each definition are shown side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from impact.errors import Problem, UserInputError
from impact.opmaak import N_
from rapporten import figuren as fg
from rapporten import gemeenschappelijk as gm
from rapporten import keerpuntverhalen
from rapporten import onthulling as ot
from rapporten.bron import Gegevens
from rapporten.model import Melding, Naast, Sectie, Tabel, Tekst, Verhalen, Vragen
from rapporten.resultaten import registreer as registreer_resultaat
from rapporten.secties import Onderdeel, Rapportsoort, registreer
from rapporten.zelfbeoordeling import ONDERDEEL as ZELFBEOORDELING
from verhalen.codeboek import domein_per_code, zrm_codeboek
from verhalen.joint_display import JointDisplay, standaard_richting
from verhalen.overeenstemming import CodeOvereenstemming
from verhalen.publicatie import citaat, kies_voor_publicatie
from verhalen.standpunt import bepaal_standpunt

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
    masker.loc[ot.onderdrukt(stat["n"], ctx.drempels), "n"] = ot.PRIMAIR
    masker.loc[ot.onderdrukt(stat["k"].fillna(0), ctx.drempels), "k"] = ot.PRIMAIR
    aandeel = ot.aandeel(stat["k"], stat["n"].replace(0, np.nan), ctx.drempels)
    verbergen = (
        (stat["n"] < ctx.drempels.min_noemer)
        | (masker["k"] != ot.ZICHTBAAR)
        | ot.onderdrukt(stat["n"] - stat["k"].fillna(0), ctx.drempels)
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
    """What every theme block shares: the stories, their stance per theme and each client's RCI
    category."""

    verhalen: pd.DataFrame  # client stories (all consent scopes: counts are aggregates)
    coderingen: pd.DataFrame  # manual codings, code_id mapped to the ZRM domain (root code)
    standpunten: pd.DataFrame  # verhaal_id, thema, standpunt, bron, start, eind, fragment
    rci: pd.DataFrame  # client_id, domein, categorie
    codeboek: object
    joint_display: object
    gecodeerd: pd.DataFrame = field(default_factory=pd.DataFrame)  # verhaal_id, codeur: who read what
    overeenstemming: pd.DataFrame | None = None  # per theme, over stories read by two coders
    getoond: set = field(default_factory=set)  # stories already quoted or shown in this report
    citaten: list = field(default_factory=list)  # quotes already shown (original text)


def handmatige_coderingen(g: Gegevens, verhalen: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stored manual codings of ``verhalen``: (codings with code_id as the ZRM domain of
    the code's root code, every (verhaal_id, codeur) that coded the story at all)."""
    cods = g.coderingen
    leeg = pd.DataFrame(columns=["verhaal_id", "code_id", "start", "eind", "codeur"])
    if cods.empty:
        return leeg, pd.DataFrame(columns=["verhaal_id", "codeur"])
    cods = cods[cods["verhaal_id"].isin(verhalen["verhaal_id"])]
    gelezen = cods[["verhaal_id", "codeur"]].drop_duplicates().reset_index(drop=True)
    domein = domein_per_code(g.codes, gm.zrm_namen())
    cods = cods.assign(code_id=cods["code_id"].astype(str).map(domein)).dropna(subset=["code_id"])
    return cods[leeg.columns].reset_index(drop=True), gelezen


@dataclass(frozen=True)
class Lezing:
    """How the client stories read per theme: the part of the dialogue computed once per run."""

    verhalen: pd.DataFrame
    coderingen: pd.DataFrame
    gelezen: pd.DataFrame
    standpunten: pd.DataFrame
    overeenstemming: pd.DataFrame | None


@registreer_resultaat("standpunten")
def lees_standpunten(g: Gegevens) -> Lezing:
    """Each story's stance per theme. Where stories were coded by hand, the codings say which
    themes a story is about (a theme no coder marked is not in it) and the coded fragments are
    read for the stance; other stories are read whole, their themes suggested by the
    codebook's keywords."""
    verhalen = g.verhalen
    verhalen = verhalen[verhalen["soort"].isin(VERHAALSOORTEN) & verhalen["client_id"].notna()]
    verhalen = verhalen.reset_index(drop=True)
    coderingen, gelezen = handmatige_coderingen(g, verhalen)
    standpunten = bepaal_standpunt(verhalen, THEMAS, coderingen=coderingen, codeboek=zrm_codeboek())
    if len(gelezen):  # a coded story is not about a theme its coders left uncoded
        ongemarkeerd = standpunten["verhaal_id"].isin(gelezen["verhaal_id"]) & (standpunten["bron"] != "codering")
        standpunten.loc[ongemarkeerd, ["standpunt", "start", "eind", "fragment"]] = ["niet", -1, -1, None]
    return Lezing(verhalen, coderingen, gelezen, standpunten, _overeenstemming(coderingen, verhalen, gelezen))


def koppel(ctx: gm.Context) -> Gekoppeld:
    """The stories' stance per theme next to each client's RCI category per domain, for one
    report (which keeps its own record of the stories it has shown)."""
    lezing = ctx.resultaat("standpunten")
    rci = ctx.resultaat("rci").per_client
    return Gekoppeld(
        lezing.verhalen,
        lezing.coderingen,
        lezing.standpunten,
        rci[["client_id", "domein", "categorie"]],
        zrm_codeboek(),
        JointDisplay(gebruik="geanonimiseerd_publiceren", hoofdcodes=False),
        lezing.gelezen,
        lezing.overeenstemming,
    )


def _overeenstemming(coderingen: pd.DataFrame, verhalen: pd.DataFrame, gelezen: pd.DataFrame) -> pd.DataFrame | None:
    """Agreement per theme (code_id = domain) and over all themes, sentence by sentence, over
    the stories that at least two coders read; None when no story was read by two."""
    per_verhaal = gelezen.groupby("verhaal_id")["codeur"].nunique() if len(gelezen) else pd.Series(dtype=int)
    dubbel = per_verhaal[per_verhaal >= 2].index
    if not len(dubbel):
        return None
    cods = coderingen[coderingen["verhaal_id"].isin(dubbel) & coderingen["code_id"].isin(THEMAS)]
    tabel = CodeOvereenstemming(eenheid="zin").fit(
        cods, verhalen[verhalen["verhaal_id"].isin(dubbel)], gelezen[gelezen["verhaal_id"].isin(dubbel)]
    ).tabel
    return tabel.assign(n_verhalen=len(dubbel))


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
    """Per RCI category the stories about the theme by what they say (progress, setback, mixed
    or no direction) and the stories about something else, protected, with one quote per row."""
    t = ctx.t
    cellen = cellen.set_index("groep").reindex([c for c in CATEGORIEEN if c in set(cellen["groep"])])
    totaal = t("Totaal")
    kop_op, kop_neer = t("Vooruitgang"), t("Terugval")
    kop_rest, kop_zonder = t("Gemengd of zonder richting"), t("Verhalen over iets anders")
    n_col = lambda k: cellen[k].fillna(0).astype(int).to_numpy() if k in cellen else 0  # noqa: E731
    aantallen = pd.DataFrame(
        {
            kop_op: n_col("n_vooruitgang"),
            kop_neer: n_col("n_terugval"),
            kop_rest: n_col("n_gemengd") + n_col("n_neutraal"),
            kop_zonder: (cellen["n_groep"] - cellen["n"]).fillna(0).astype(int).to_numpy(),
        },
        index=[t(c) for c in cellen.index],
    )
    waarden, masker = ot.kruistabel(aantallen, ctx.drempels, totaal)
    kop_met, kop_p = t("Verhalen over dit thema"), t("Aandeel over dit thema")
    delen = [kop_op, kop_neer, kop_rest]
    # the sum of three visible cells tells nothing new; with one of them hidden it would
    zichtbaar = (masker[delen] == ot.ZICHTBAAR).all(axis=1)
    waarden[kop_met] = waarden[delen].sum(axis=1).where(zichtbaar)
    masker[kop_met] = np.where(zichtbaar, ot.ZICHTBAAR, ot.SECUNDAIR)
    ruw = aantallen.sum(axis=1).reindex(waarden.index).fillna(aantallen.sum().sum())
    ruw_met = aantallen[delen].sum(axis=1).reindex(waarden.index).fillna(aantallen[delen].sum().sum())
    verbergen = (masker[kop_met] != ot.ZICHTBAAR) | (masker[totaal] != ot.ZICHTBAAR)
    # shares of the counts as shown (with rounding: rounded over rounded)
    waarden[kop_p] = (waarden[kop_met] / waarden[totaal]).where(~verbergen & (ruw >= ctx.drempels.min_noemer))
    masker[kop_p] = ot.reden(ruw, verbergen, ctx.drempels)
    for kop, naam in ((kop_op, t("Aandeel vooruitgang")), (kop_neer, t("Aandeel terugval"))):
        weg = (masker[kop] != ot.ZICHTBAAR) | (masker[kop_met] != ot.ZICHTBAAR)
        waarden[naam] = (waarden[kop] / waarden[kop_met]).where(~weg & (ruw_met >= ctx.drempels.min_noemer))
        masker[naam] = ot.reden(ruw_met, weg, ctx.drempels)
    kop_c = t("Voorbeeldcitaat")
    labels = dict(zip([t(c) for c in cellen.index], cellen.index, strict=True))
    waarden[kop_c] = [
        citaten.get(labels.get(r))
        if masker.at[r, kop_met] == ot.ZICHTBAAR and (waarden.at[r, kop_met] or 0) > 0
        else None
        for r in waarden.index
    ]
    masker[kop_c] = ot.ZICHTBAAR
    kop_rij = t("Betrouwbare verandering op dit domein")
    waarden.index.name = masker.index.name = kop_rij
    waarden, masker = waarden.reset_index(), masker.reset_index()
    masker[kop_rij] = ot.ZICHTBAAR
    soorten = {k: "aantal" for k in (*delen, kop_zonder, totaal, kop_met)}
    soorten.update({kop_p: "procent", t("Aandeel vooruitgang"): "procent", t("Aandeel terugval"): "procent"})
    soorten[kop_c] = "tekst"
    return Tabel(
        t("Joint display: {th} in de verhalen, per uitkomst in de cijfers", th=thema),
        waarden,
        soorten,
        masker,
        ctx.drempels,
        t(
            "Telling per verhaal over cliënten met een voor- en nameting op dit domein, naar wat "
            "het verhaal over dit thema zegt: vooruitgang, terugval, of gemengd of zonder richting "
            "(een feit, een plan, een aanvraag). Een citaat staat er alleen bij als de groep groot "
            "genoeg is, het verhaal toestemming heeft om geanonimiseerd te publiceren, en na "
            "pseudonimisering; elk verhaal wordt één keer geciteerd."
        ),
    )


def vergelijk_tabel(ctx: gm.Context, thema: str, domein: str, k: Gekoppeld, joint: Tabel) -> Tabel:
    """Figures (clients reliably up / down, protected) next to the stories (stories telling
    progress / a setback, the same protected cells as the joint display's total row)."""
    t = ctx.t
    rci = k.rci[k.rci["domein"] == domein]
    richting = rci["categorie"].map(standaard_richting)
    cijfers = pd.DataFrame(
        {"op": [int((richting > 0).sum())], "gelijk": [int((richting == 0).sum())], "neer": [int((richting < 0).sum())]}
    )
    c_w, c_m = ot.kruistabel(cijfers, ctx.drempels, "n")
    laatste = joint.waarden.index[-1]  # the total row
    kop_op, kop_neer, kop_met = t("Vooruitgang"), t("Terugval"), t("Verhalen over dit thema")
    kop = {
        "bron": t("Bron"),
        "op": t("Omhoog"),
        "neer": t("Omlaag"),
        "n": t("Totaal"),
        "p_op": t("Aandeel omhoog"),
        "p_neer": t("Aandeel omlaag"),
    }
    waarden = pd.DataFrame(
        {
            "bron": [t("Cijfers: cliënten betrouwbaar vooruit / achteruit"), t("Verhalen: vooruitgang / terugval")],
            "op": [c_w.at[0, "op"], joint.waarden.at[laatste, kop_op]],
            "neer": [c_w.at[0, "neer"], joint.waarden.at[laatste, kop_neer]],
            "n": [c_w.at[0, "n"], joint.waarden.at[laatste, kop_met]],
        }
    )
    masker = pd.DataFrame(
        {
            "bron": [ot.ZICHTBAAR, ot.ZICHTBAAR],
            "op": [c_m.at[0, "op"], joint.masker.at[laatste, kop_op]],
            "neer": [c_m.at[0, "neer"], joint.masker.at[laatste, kop_neer]],
            "n": [c_m.at[0, "n"], joint.masker.at[laatste, kop_met]],
        }
    )
    ruw_n = pd.Series([float(cijfers.sum(axis=1).iloc[0]), float(waarden.at[1, "n"]) if pd.notna(waarden.at[1, "n"]) else 0.0])
    for deel in ("op", "neer"):
        weg = (masker[deel] != ot.ZICHTBAAR) | (masker["n"] != ot.ZICHTBAAR)
        waarden[f"p_{deel}"] = (waarden[deel].astype(float) / waarden["n"].astype(float)).where(
            ~weg & (ruw_n >= ctx.drempels.min_noemer)
        )
        masker[f"p_{deel}"] = ot.reden(ruw_n, weg, ctx.drempels)
    soorten = {kop["op"]: "aantal", kop["neer"]: "aantal", kop["n"]: "aantal", kop["p_op"]: "procent", kop["p_neer"]: "procent"}
    return Tabel(
        t("Cijfers en verhalen naast elkaar: {th}", th=thema),
        waarden.rename(columns=kop),
        soorten,
        masker.rename(columns=kop),
        ctx.drempels,
        t(
            "Cijfers: cliënten met een voor- en nameting die betrouwbaar vooruit of achteruit "
            "gingen. Verhalen: verhalen over dit thema die vooruitgang of terugval vertellen; de "
            "rest is gemengd of zonder richting."
        ),
    )


def _zichtbare_getallen(ctx: gm.Context, tabel: Tabel) -> dict | None:
    """The four shares a question may quote, as the reader sees them; None when any cell of
    either row is hidden (a question never quotes a suppressed row)."""
    if (tabel.masker != ot.ZICHTBAAR).to_numpy().any():
        return None
    kol = tabel.waarden.columns
    if tabel.waarden[[kol[4], kol[5]]].isna().to_numpy().any():
        return None
    cel = lambda r, c: tabel.tekst(r, kol[c], ctx.opmaak)  # noqa: E731
    return {"c_op": cel(0, 4), "c_neer": cel(0, 5), "v_op": cel(1, 4), "v_neer": cel(1, 5)}


VERVOLG_VOORUIT = (
    N_("Wat werkt hier, en hoe houden we dat vast?"),
    N_("Wat doen professionals hier dat werkt, en kan dat ook op andere levensgebieden?"),
    N_("Wat hebben cliënten hier zelf gedaan, en hoe helpen we hen dat vol te houden?"),
    N_("Welk verhaal laat het best zien wat hier helpt, en wat kunnen anderen daarvan leren?"),
)  # one per theme of THEMAS


def _gespreksvraag(ctx: gm.Context, thema: str, oordeel: dict, getallen: dict | None, volgnummer: int = 0):
    """(verdict sentence, conversation question); the question differs by what diverges and
    quotes only shares that are visible in the theme's comparison table."""
    t = ctx.t
    soort = oordeel["oordeel"]
    rc = int(oordeel.get("richting_cijfers") or 0)
    g = getallen or {}
    if soort == "stilte":
        zin = t("Stilte: er zijn bijna geen verhalen over {th}.", th=thema)
        if rc:
            return zin, t(
                "Op {th} bewegen de cijfers, maar bijna niemand vertelt erover. Wie kan hier meer "
                "over vertellen, en vragen we er in de gesprekken wel naar?",
                th=thema,
            )
        return zin, t(
            "Over {th} gaan bijna geen verhalen, terwijl het in de cijfers wel gemeten wordt. "
            "Wie kan hier meer over vertellen, en vragen we er wel naar?",
            th=thema,
        )
    if soort == "convergentie":
        zin = t("Convergentie: cijfers en verhalen wijzen dezelfde kant op.")
        if getallen and rc > 0:
            feit = t(
                "Op {th} ging {c_op} van de cliënten betrouwbaar vooruit, en {v_op} van de verhalen "
                "vertelt over vooruitgang.",
                th=thema,
                **g,
            )
            # where several themes go well, each gets its own follow-up question
            return zin, f"{feit} {t(VERVOLG_VOORUIT[volgnummer % len(VERVOLG_VOORUIT)])}"
        if getallen:
            return zin, t(
                "Op {th} ging {c_neer} van de cliënten betrouwbaar achteruit, en {v_neer} van de "
                "verhalen vertelt over terugval. Wat maakt dat het hier niet lukt, en wat is er nodig?",
                th=thema,
                **g,
            )
        return zin, t(
            "Op {th} wijzen cijfers en verhalen dezelfde kant op. Wat maakt dat het hier zo gaat, "
            "en wat doen we ermee?",
            th=thema,
        )
    if soort == "divergentie" and rc > 0:
        zin = t("Divergentie: de cijfers gaan vooruit, de verhalen vertellen vaker over terugval.")
        if getallen:
            return zin, t(
                "Volgens de ZRM ging {c_op} van de cliënten op {th} betrouwbaar vooruit, maar {v_neer} "
                "van de verhalen vertelt over terugval en {v_op} over vooruitgang. Wat zien de "
                "cijfers niet dat de mensen zelf wel merken?",
                th=thema,
                **g,
            )
        return zin, t(
            "Volgens de ZRM gaat het op {th} vooruit, maar de verhalen vertellen vaker over "
            "terugval. Wat zien de cijfers niet dat de mensen zelf wel merken?",
            th=thema,
        )
    if soort == "divergentie":
        zin = t("Divergentie: de cijfers gaan achteruit, de verhalen vertellen vaker over vooruitgang.")
        if getallen:
            return zin, t(
                "Op {th} ging {c_neer} van de cliënten volgens de ZRM betrouwbaar achteruit, terwijl "
                "{v_op} van de verhalen over vooruitgang vertelt. Horen we vooral de verhalen van "
                "wie het goed gaat, of telt voor de mensen zelf iets anders dan de score?",
                th=thema,
                **g,
            )
        return zin, t(
            "Op {th} gaan de cijfers achteruit, terwijl de verhalen vaker over vooruitgang "
            "vertellen. Horen we vooral de verhalen van wie het goed gaat, of telt voor de mensen "
            "zelf iets anders dan de score?",
            th=thema,
        )
    if soort == "uiteen" and rc:
        zin = t("Perspectieven lopen uiteen: de cijfers bewegen, de verhalen zijn verdeeld.")
        if getallen:
            return zin, t(
                "Op {th} vertelt {v_op} van de verhalen over vooruitgang en {v_neer} over terugval, "
                "terwijl de cijfers één kant op wijzen ({c_op} betrouwbaar vooruit, {c_neer} "
                "achteruit). Voor wie klopt het beeld van de cijfers, en voor wie niet?",
                th=thema,
                **g,
            )
        return zin, t(
            "Op {th} wijzen de cijfers één kant op, maar de verhalen zijn verdeeld. Voor wie klopt "
            "het beeld van de cijfers, en voor wie niet?",
            th=thema,
        )
    if soort == "uiteen":
        zin = t("Perspectieven lopen uiteen: de verhalen bewegen, de cijfers staan stil.")
        if getallen:
            return zin, t(
                "Op {th} vertelt {v_op} van de verhalen over vooruitgang en {v_neer} over terugval, "
                "terwijl de cijfers nauwelijks bewegen ({c_op} betrouwbaar vooruit, {c_neer} "
                "achteruit). Wat gebeurt er dat de meting niet vangt?",
                th=thema,
                **g,
            )
        return zin, t(
            "Op {th} vertellen de verhalen over verandering, terwijl de cijfers nauwelijks bewegen. "
            "Wat gebeurt er dat de meting niet vangt?",
            th=thema,
        )
    return (
        t("Onbeslist: cijfers en verhalen bewegen geen van beide duidelijk."),
        t(
            "Op {th} bewegen cijfers noch verhalen duidelijk. Is dit een thema waar weinig "
            "verandert, of kijken we niet goed genoeg?",
            th=thema,
        ),
    )


def thema_joint(ctx: gm.Context, k: Gekoppeld, domein: str):
    """One theme: figure + exemplar stories side by side, the protected joint display, the
    comparison of figures and stories, and a question from what diverges."""
    t = ctx.t
    thema = t(gm.zrm_namen().get(domein, domein))
    figuur, _ = _figuur(ctx, domein, thema)
    groepen = k.rci[k.rci["domein"] == domein][["client_id", "categorie"]].rename(
        columns={"categorie": "groep"}
    )
    naam = k.codeboek[domein].naam
    standpunten = k.standpunten[k.standpunten["thema"] == domein]
    res = k.joint_display.fit(
        pd.DataFrame(columns=["verhaal_id", "code_id", "start", "eind"]),
        k.verhalen,
        groepen,
        codeboek=k.codeboek,
        standpunten=standpunten,
        uitsluiten=k.getoond,
    )
    cellen = res.tabel[res.tabel["thema"] == naam].copy()
    oordeel_rij = res.oordeel[res.oordeel["thema"] == naam]
    if cellen.empty:  # no story speaks of the theme at all
        cellen = pd.DataFrame(
            {"groep": sorted(set(groepen["groep"])), "n": 0, "citaat": None, "citaat_verhaal_id": None}
        )
        for s in ("n_vooruitgang", "n_terugval", "n_gemengd", "n_neutraal"):
            cellen[s] = 0
        n_groep = k.verhalen.merge(groepen, on="client_id").groupby("groep")["verhaal_id"].nunique()
        cellen["n_groep"] = cellen["groep"].map(n_groep).fillna(0).astype(int)
        richting = groepen["groep"].map(standaard_richting)
        oordeel = k.joint_display.vergelijk(
            (float((richting > 0).mean()), float((richting < 0).mean())), cellen.iloc[0:0], naam
        )
    else:
        oordeel = oordeel_rij.iloc[0].to_dict()
    # a quote already shown elsewhere in the report (the same sentence in another story) is left out
    for i, fragment in zip(cellen.index, cellen["citaat"], strict=True):
        if fragment is not None and any(str(fragment) in c or c in str(fragment) for c in k.citaten):
            cellen.loc[i, ["citaat", "citaat_verhaal_id"]] = None
    citaten = _citaten(ctx, cellen, k.verhalen)
    tabel = joint_tabel(ctx, thema, cellen, citaten)
    kop_c = t("Voorbeeldcitaat")
    for groep, v, fragment in zip(cellen["groep"], cellen["citaat_verhaal_id"], cellen["citaat"], strict=True):
        if v is not None and citaten.get(groep) and citaten[groep] in set(tabel.waarden[kop_c].dropna()):
            k.getoond.add(v)
            k.citaten.append(str(fragment))
    vergelijking = vergelijk_tabel(ctx, thema, domein, k, tabel)
    zin, vraag = _gespreksvraag(
        ctx, thema, oordeel, _zichtbare_getallen(ctx, vergelijking), THEMAS.index(domein) if domein in THEMAS else 0
    )

    # exemplars: stories that take a stance on the theme, never one quoted or shown before
    met_richting = standpunten[standpunten["standpunt"].isin(["vooruitgang", "terugval", "gemengd"])]
    kandidaten = k.verhalen[
        ~k.verhalen["verhaal_id"].isin(k.getoond)
        & ~k.verhalen["tekst"].fillna("").map(lambda x: any(c in x for c in k.citaten))
    ]
    segmenten = met_richting.assign(code_id=thema)[["verhaal_id", "code_id", "start", "eind"]]
    # the selection rule in full is for researchers (verhalen.exemplaren); the reader gets it plainly
    gekozen, _ = kies_voor_publicatie(
        kandidaten, 2, segmenten, code_id=thema, spreiding=("gemeente", "wijk"), seed=0
    )
    k.getoond.update(gekozen["verhaal_id"].tolist())
    k.citaten.extend(gekozen["tekst"].fillna("").astype(str).tolist())
    blok = gm.verhalen_van(ctx, gekozen)
    if blok.verhalen:
        blok = Verhalen(
            blok.verhalen,
            t(
                "Keuze van de verhalen: verhalen die duidelijk iets zeggen over {th}, met toestemming om "
                "te publiceren, zo veel mogelijk uit verschillende wijken.",
                th=thema.lower(),
            ),
        )
    return [Naast(figuur, blok, zin), tabel, vergelijking], vraag, res.regel


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
        ctx.gedeeld["themas"] = {"secties": secties, "vragen": vragen, "regel": regel, "koppeling": k}
    return ctx.gedeeld["themas"]


def _aantal_verhalen(ctx: gm.Context, n: int) -> str:
    """A count of stories in a sentence, '< 5' style when small (rounded when counts are)."""
    if n < ctx.drempels.drempel and not ctx.drempels.afronden:
        return ctx.t("minder dan {d}", d=ctx.drempels.drempel)
    return ctx.aantal(n)


def _hoe_gelezen(ctx: gm.Context, k: Gekoppeld) -> str:
    """How the report knows what a story is about: manual codings or keyword suggestions."""
    t = ctx.t
    lezen = t(
        "Een verhaal telt niet als probleem omdat het een thema noemt. Per verhaal en thema is "
        "gelezen of het vooruitgang vertelt (\"de schuldregeling is rond\"), terugval (\"weer een "
        "aanmaning\"), allebei, of geen richting (een feit, een plan, een aanvraag). Dat lezen doen "
        "vaste taalregels, getoetst op voorbeelden die mensen met de hand beoordeelden; ze vergissen "
        "zich soms. Lees de verhalen zelf voordat u conclusies trekt."
    )
    if k.gecodeerd.empty:
        return t(
            "Waarover een verhaal gaat, is hier voorgesteld op trefwoorden uit het codeboek: er zijn "
            "geen handmatige coderingen."
        ) + " " + lezen
    n_codeurs = int(k.gecodeerd["codeur"].nunique())
    n_gecodeerd = int(k.gecodeerd["verhaal_id"].nunique())
    n_rest = int(len(k.verhalen["verhaal_id"].unique())) - n_gecodeerd
    if (n_gecodeerd < ctx.drempels.drempel or 0 < n_rest < ctx.drempels.drempel) and not ctx.drempels.afronden:
        aantallen = t("Een deel van de verhalen is")
    else:
        aantallen = t("{n} verhalen zijn", n=ctx.aantal(n_gecodeerd))
    zin = t(
        "{aantallen} handmatig gecodeerd door {k} codeurs. Bij die verhalen bepalen de coderingen "
        "over welke thema's een verhaal gaat (een thema dat geen codeur aanwees, telt niet), en "
        "wordt alleen het gecodeerde fragment gelezen.",
        aantallen=aantallen,
        k=ctx.opmaak.getal(n_codeurs),
    )
    if n_rest > 0:
        zin += " " + t(
            "Bij de andere verhalen is het thema voorgesteld op trefwoorden uit het codeboek en wordt "
            "het hele verhaal gelezen."
        )
    return zin + " " + lezen


def _overeenstemming_tabel(ctx: gm.Context, k: Gekoppeld) -> list:
    """Agreement between the coders per theme, when stories were coded twice."""
    t = ctx.t
    if k.overeenstemming is None:
        return []
    tabel = k.overeenstemming.set_index("code_id")
    namen = {d: t(gm.zrm_namen()[d]) for d in THEMAS}
    rijen = [d for d in (*THEMAS, "totaal") if d in tabel.index]
    kop_thema, kop_alfa = t("Thema"), t("Overeenstemming (Krippendorffs alfa)")
    waarden = pd.DataFrame(
        {
            kop_thema: [namen.get(d, t("Alle thema's samen")) for d in rijen],
            kop_alfa: [float(tabel.at[d, "alpha"]) for d in rijen],
        }
    )
    n = int(k.overeenstemming["n_verhalen"].iloc[0])
    return [
        Tabel(
            t("Overeenstemming tussen de codeurs"),
            waarden,
            {kop_alfa: "getal"},
            None,
            ctx.drempels,
            t(
                "Over {n} verhalen die twee codeurs allebei codeerden, zin voor zin: heeft de codeur "
                "het thema in deze zin aangewezen of niet? Een alfa van 1 is volledig eens, 0 is niet "
                "beter dan toeval; vanaf 0,80 geldt de codering als betrouwbaar, tussen 0,67 en 0,80 "
                "als voorzichtig bruikbaar. Een streepje: het thema kwam in deze verhalen niet voor.",
                n=_aantal_verhalen(ctx, n),
            ),
        )
    ]


def _inleiding(ctx: gm.Context) -> list:
    t = ctx.t
    k = _themas(ctx)["koppeling"]
    uitleg = t(
        "Per thema staan de cliënten in groepen naar hun betrouwbare verandering op dat domein. "
        "De cijfers bewegen als het aandeel cliënten dat betrouwbaar vooruitging minstens tien "
        "procentpunt verschilt van het aandeel dat achteruitging; de verhalen bewegen als het "
        "aandeel verhalen over vooruitgang zoveel verschilt van het aandeel over terugval. "
        "Bewegen ze dezelfde kant op, dan is dat convergentie; tegengesteld is divergentie; "
        "beweegt er maar één, dan lopen de perspectieven uiteen. Met minder dan drie verhalen "
        "over een thema spreken we van stilte."
    )
    return [
        Tekst(
            [
                t(
                    "Per thema staan de cijfers en de verhalen naast elkaar. Waar ze uiteenlopen, begint "
                    "het gesprek: niet om te bepalen wie gelijk heeft, maar om te begrijpen wat er gebeurt."
                ),
                _hoe_gelezen(ctx, k),
                uitleg,
            ]
        ),
        *_overeenstemming_tabel(ctx, k),
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
            Onderdeel(N_("Thema's"), secties=lambda ctx: _themas(ctx)["secties"], nodig=("rci", "paren", "standpunten", "meetmomenten")),
            keerpuntverhalen.ONDERDEEL,
            Onderdeel(N_("Wat is succesvol, en wie bepaalt dat?"), _perspectieven),
            ZELFBEOORDELING,
            Onderdeel(N_("Gespreksvragen"), _gespreksvragen),
        ),
    )
)
