"""Building blocks shared by the report sections: reach, ZRM trajectories, change, stories.

Each block takes its numbers from ``modellen`` (through :func:`rapporten.resultaten.resultaat`
or the descriptive functions of :mod:`modellen.beschrijving`) and only protects and arranges
them; stories come from :mod:`verhalen.publicatie`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from impact.instruments import builtin
from impact.opmaak import N_, Opmaak
from modellen import beschrijving
from rapporten import figuren as fg
from rapporten import kubus
from rapporten import onthulling as ot
from rapporten.bron import Filters, Gegevens
from rapporten.herkomst import Herkomst
from rapporten.model import Melding, Rapport, Verhaal, Verhalen
from rapporten.resultaten import resultaat
from rapporten.tabel import Tabel, uit_kruistabel
from verhalen.publicatie import gepubliceerd, publiceerbaar

GEEN_TRAJECT = N_("geen traject (vergelijkingsgroep)")


@dataclass
class Context:
    """Everything a builder needs: data, language, disclosure settings, provenance so far."""

    gegevens: Gegevens
    opmaak: Opmaak
    drempels: ot.Drempels = field(default_factory=ot.Drempels)
    gedeeld: dict[str, object] = field(default_factory=dict)  # made once, used by several sections
    _teller: int = 0

    @property
    def t(self):
        return self.opmaak.t

    def figuur_id(self) -> str:
        self._teller += 1
        return f"fig{self._teller}"

    def resultaat(self, naam: str):
        """A model result of this run (computed once, shared by every report of the run)."""
        return resultaat(self.gegevens, naam)

    def kubus(self) -> kubus.Kubus:
        """The run's protected client counts by geography × intervention (one per threshold)."""
        sleutel = ("kubus", self.drempels)
        cache = self.gegevens.resultaten
        if sleutel not in cache:
            g = self.gegevens
            cache[sleutel] = kubus.bouw(g.clienten, g.trajecten, self.drempels, GEEN_TRAJECT)
        return cache[sleutel]

    def prijslijst_versie(self) -> str | None:
        """The price list the run's cases were priced with, else the stored one's version."""
        kb = self.gegevens.resultaten.get("kostenbaten")
        if kb is not None and kb.casussen:
            return str(kb.casussen[0].prijslijst.get("versie"))
        return self.gegevens.prijslijst_versie()

    def herkomst(self) -> Herkomst:
        g = self.gegevens
        return Herkomst(
            vingerafdruk=g.vingerafdruk,
            drempel=self.drempels.drempel,
            min_noemer=self.drempels.min_noemer,
            filters=g.filters.beschrijving(self.opmaak),
            prijslijst_versie=self.prijslijst_versie(),
            afronden=self.drempels.afronden,
        )

    def aantal(self, n) -> str:
        """A count of people quoted in a sentence, as every table shows it (rounded when the
        publication rounds)."""
        return self.opmaak.getal(ot.afgerond(n, self.drempels))


def maak_context(
    bron, taal: str = "nl", filters: Filters | None = None, drempels: ot.Drempels | None = None
) -> Context:
    gegevens = bron if isinstance(bron, Gegevens) else Gegevens(bron, filters or Filters())
    return Context(gegevens, Opmaak(taal), drempels or ot.Drempels())


def groep_label(ctx: Context, groep: object) -> str:
    """The reader's name of a study group (interventie / vergelijking), in the report's language."""
    labels = {"interventie": ctx.t("interventiegroep"), "vergelijking": ctx.t("vergelijkingsgroep")}
    return labels.get(str(groep), str(groep))


def vaste_kleuren(ctx: Context) -> dict[str, str]:
    """The study groups' fixed chart colours, keyed by the labels the reader sees."""
    return {
        groep_label(ctx, "interventie"): fg.INTERVENTIEGROEP,
        groep_label(ctx, "vergelijking"): fg.VERGELIJKINGSGROEP,
        ctx.t(GEEN_TRAJECT): fg.ZONDER_TRAJECT,
    }


def zrm_namen() -> dict[str, str]:
    return {d.code: d.naam for d in builtin()["ZRM"].domeinen}


def bereik_tabel(ctx: Context, rij: str = "gemeente", gemeente: str | None = None) -> Tabel:
    """Clients per gemeente (or per wijk of one gemeente) and intervention, with totals, from
    the publication's protected counts: the same cell is the same number in every table."""
    t = ctx.t
    k = ctx.kubus()
    ouder = kubus.ALLES if rij == "gemeente" else (gemeente,)
    geos = [geo for geo in dict.fromkeys(n.geo for n in k.knopen) if len(geo) == len(ouder) + 1 and geo[:-1] == ouder]
    kolommen = sorted({n.kolom[1] for n in k.knopen if n.kolom and n.kolom[0] == "interventie"},
                      key=lambda i: (i == GEEN_TRAJECT, i))
    totaal = t("Totaal")
    waarden, masker = k.tabel(
        [(geo[-1], geo) for geo in geos] + [(totaal, ouder)],
        [(t(i), ("interventie", i)) for i in kolommen] + [(totaal, kubus.ALLES)],
    )
    kop = t(rij.capitalize())
    waarden, masker = waarden.rename_axis(kop).reset_index(), masker.rename_axis(kop).reset_index()
    masker[kop] = ot.ZICHTBAAR
    soorten = {c: "aantal" for c in waarden.columns if c != kop}
    return Tabel(t("Aantal cliënten per {r} en interventie", r=t(rij)), waarden, soorten, masker, ctx.drempels)


def bereik_figuur(ctx: Context, tabel: Tabel, rij: str = "gemeente") -> fg.Figuur:
    t = ctx.t
    totaal = t("Totaal")
    kolom_rij = tabel.waarden.columns[0]
    zonder_totaal = tabel.waarden[kolom_rij] != totaal
    deel = Tabel(
        tabel.titel,
        tabel.waarden[zonder_totaal],
        dict(tabel.soorten),
        tabel.masker[zonder_totaal],
        tabel.drempels,
    )
    reeksen = [k for k in deel.waarden.columns[1:] if k != totaal]
    fig = fg.staaf(deel, kolom_rij, reeksen, as_titel=t("aantal cliënten"), gestapeld=True, vast=vaste_kleuren(ctx))
    grootste = tabel.waarden[zonder_totaal].set_index(kolom_rij)[totaal].dropna()
    zin = t("Cliënten per {r}, gestapeld naar interventie.", r=t(rij))
    if not grootste.empty:
        zin += " " + t(
            "De meeste cliënten komen uit {g} ({n}).", g=grootste.idxmax(), n=ctx.aantal(grootste.max())
        )
    if tabel.heeft_onderdrukking:
        zin += " " + t("Kleine groepen zijn niet getekend.")
    return fg.Figuur(ctx.figuur_id(), t("Bereik per {r} en interventie", r=t(rij)), zin, fig, tabel)


def verloop_tabel(ctx: Context, domeinen: list[str] | None = None, groep: str = "domein") -> Tabel:
    """Mean ZRM score and number of clients per domain and moment, protected."""
    t = ctx.t
    stat = beschrijving.verloop(ctx.resultaat("meetmomenten"), groep, domeinen)
    namen = zrm_namen()
    if groep == "domein":
        stat["domein"] = stat["domein"].map(lambda d: t(namen.get(d, d)))
    waarden, masker = ot.per_groep(stat, "n", ["gemiddelde", "sd"], ctx.drempels)
    kop = {
        groep: t(groep.capitalize()),
        "moment": t("Maanden na start"),
        "n": t("Aantal cliënten"),
        "gemiddelde": t("Gemiddelde score"),
        "sd": t("Standaardafwijking"),
    }
    waarden = waarden.rename(columns=kop)
    masker = masker.rename(columns=kop)
    soorten = {
        kop[groep]: "tekst",
        kop["moment"]: "tekst",
        kop["n"]: "aantal",
        kop["gemiddelde"]: "gemiddelde",
        kop["sd"]: "gemiddelde",
    }
    return Tabel(
        t("Gemiddelde ZRM-score per {g} en meetmoment", g=t(groep)), waarden, soorten, masker, ctx.drempels
    )


def verloop_figuur(ctx: Context, tabel: Tabel, titel: str, groep_kop: str) -> fg.Figuur:
    t = ctx.t
    cols = tabel.waarden.columns
    fig = fg.lijnen(
        tabel,
        cols[1],
        cols[3],
        groep_kop,
        as_titel=t("gemiddelde ZRM-score (1–5)"),
        x_titel=t("maanden na start van het traject"),
        y_bereik=(1, 5),
    )
    fig.update_xaxes(dtick=6)
    zin = _verloop_zin(ctx, tabel, groep_kop)
    return fg.Figuur(ctx.figuur_id(), titel, zin, fig, tabel)


def _verloop_zin(ctx: Context, tabel: Tabel, groep_kop: str) -> str:
    """The figure's sentence: the change per domain from start to last measurement, the same
    (protected) numbers as the change table in every other report."""
    t = ctx.t
    getoond = set(tabel.waarden[groep_kop])
    verandering = verandering_tabel(ctx, "domein")
    k = verandering.waarden.columns
    zichtbaar = [
        (verandering.waarden.at[i, k[0]], verandering.waarden.at[i, k[4]])
        for i in verandering.waarden.index
        if verandering.waarden.at[i, k[0]] in getoond and verandering.masker.at[i, k[4]] == ot.ZICHTBAAR
    ]
    zin = t("Gemiddelde score per meetmoment; alleen punten met minstens {m} cliënten.", m=ctx.drempels.min_noemer)
    if zichtbaar:
        zichtbaar.sort(key=lambda v: v[1], reverse=True)
        (a, v), (b, w) = zichtbaar[0], zichtbaar[-1]
        zin += " " + t(
            "Van de startmeting tot de laatste meting gingen cliënten het meest vooruit op {a} "
            "({v} punt) en het minst op {b} ({w} punt).",
            a=a,
            v=ctx.opmaak.getal(v, 2),
            b=b,
            w=ctx.opmaak.getal(w, 2),
        )
    zin += " " + t("Dit zijn gemiddelden van wie er op dat moment gemeten is; uitval kan het beeld kleuren.")
    return zin


def kies_verhalen(
    ctx: Context,
    soorten: tuple[str, ...] = ("clientverhaal", "casusnotitie"),
    aantal: int = 3,
    trefwoorden: tuple[str, ...] = (),
    gemeente: str | None = None,
    wijk: str | None = None,
    client_ids=None,
) -> pd.DataFrame:
    """Publishable stories, chosen deterministically (spread over the id order); not yet
    pseudonymised."""
    df = publiceerbaar(ctx.gegevens.verhalen)
    if df.empty:
        return df
    df = df[df["soort"].isin(soorten)]
    if gemeente is not None:
        df = df[df["gemeente"] == gemeente]
    if wijk is not None:
        df = df[df["wijk"] == wijk]
    if client_ids is not None:
        df = df[df["client_id"].isin(list(client_ids))]
    if trefwoorden:
        passend = df["tekst"].str.lower().str.contains("|".join(trefwoorden), regex=True)
        if passend.any():
            df = df[passend]
    if df.empty:
        return df
    df = df.sort_values("verhaal_id")
    stappen = np.linspace(0, len(df) - 1, num=min(aantal, len(df))).round().astype(int)
    return df.iloc[sorted(set(stappen))]


def verhalen_blok(
    ctx: Context,
    soorten: tuple[str, ...] = ("clientverhaal", "casusnotitie"),
    aantal: int = 3,
    trefwoorden: tuple[str, ...] = (),
    gemeente: str | None = None,
    wijk: str | None = None,
    client_ids=None,
) -> Verhalen:
    """A few publishable, pseudonymised stories as a block (empty block with a note if none)."""
    gekozen = kies_verhalen(ctx, soorten, aantal, trefwoorden, gemeente, wijk, client_ids)
    return verhalen_van(ctx, gekozen)


def verhalen_van(ctx: Context, gekozen: pd.DataFrame) -> Verhalen:
    t = ctx.t
    if gekozen.empty:
        return Verhalen([], t("Er zijn (nog) geen passende verhalen met toestemming om te publiceren."))
    getoond = voor_publicatie(ctx, gekozen)
    verhalen = [Verhaal(str(r.titel), str(r.tekst), _onderschrift(ctx, r)) for r in getoond.itertuples()]
    return Verhalen(verhalen)


# Said once per report, at its first stories (rapporten.secties), not under every story.
PSEUDONIMISERING = N_(
    "Alleen verhalen met toestemming om ze (geanonimiseerd) te publiceren. Namen, straten, "
    "leeftijden en datums in de verhalen zijn vervangen door verzonnen of algemene gegevens; "
    "gelijkenis met bestaande personen berust op toeval."
)


def voor_publicatie(ctx: Context, verhalen: pd.DataFrame, consent: bool = True) -> pd.DataFrame:
    """What a report may show of these stories: within consent, in the published version
    stored at ingest (pseudonymised, without client pseudonyms). A report never pseudonymises:
    a story without a published version is refused with a Dutch message. ``consent=False``
    only for texts written for publication."""
    kies = publiceerbaar if consent else (lambda v: v)
    return gepubliceerd(kies(verhalen))


# What a reader calls each kind of story and each author (the data contract's codes).
VERHAALSOORT_LABELS = {
    "casusnotitie": N_("notitie van een professional"),
    "clientverhaal": N_("verhaal van een cliënt"),
    "wijkverhaal": N_("wijkverhaal"),
    "msc_verhaal": N_("verhaal over de belangrijkste verandering"),
    "casusbeschrijving": N_("casusbeschrijving"),
}
AUTEUR_LABELS = {
    "professional": N_("een professional"),
    "client": N_("een cliënt"),
    "naaste": N_("een naaste"),
    "student": N_("een student"),
    "burger": N_("een bewoner"),
}


def _onderschrift(ctx: Context, r) -> str:
    t = ctx.t
    soort, rol = str(r.soort), str(r.auteur_rol)
    delen = [
        t(VERHAALSOORT_LABELS.get(soort, soort)),
        t("geschreven door {rol}", rol=t(AUTEUR_LABELS.get(rol, rol))),
    ]
    if isinstance(getattr(r, "gemeente", None), str):
        delen.append(str(r.gemeente))
    if pd.notna(getattr(r, "datum", None)):  # the month only: the day is a quasi-identifier
        delen.append(ctx.opmaak.maand(r.datum))
    return " · ".join(delen)


def schrijf(
    rapport: Rapport, out_dir: Path, naam: str, pdf: bool, xlsx: bool, afbeeldingen=None
) -> list[Path]:
    from rapporten import schrijvers

    out_dir = Path(out_dir)
    paden = [schrijvers.schrijf_html(rapport, out_dir / f"{naam}.html")]
    if xlsx:
        paden.append(schrijvers.schrijf_xlsx(rapport, out_dir / f"{naam}.xlsx"))
    if pdf:
        paden.append(schrijvers.schrijf_pdf(rapport, out_dir / f"{naam}.pdf", afbeeldingen))
    return paden


def eerste_en_laatste(ctx: Context) -> pd.DataFrame:
    """Per client and ZRM domain: intake score and the last score at least three months later."""
    return ctx.resultaat("paren")


def verandering_tabel(
    ctx: Context, per: str = "domein", drempel_verbetering: float = 1.0, extra: pd.DataFrame | None = None
) -> Tabel:
    """Descriptive change from intake to last measurement, protected.

    The share 'verbeterd' (at least ``drempel_verbetering`` point up) is hidden when fewer than
    ``min_noemer`` clients are measured, or when the improved or the not-improved group is small.
    """
    t = ctx.t
    paren = eerste_en_laatste(ctx)
    if per not in paren.columns:
        paren = paren.merge(ctx.gegevens.clienten[["client_id", per]], on="client_id")
    if extra is not None:
        paren = paren.merge(extra, on="client_id")
    stat = beschrijving.verandering_per(paren, per, drempel_verbetering)
    if per == "domein":
        namen = zrm_namen()
        stat["domein"] = stat["domein"].map(lambda d: t(namen.get(d, d)))
    waarden, masker = ot.per_groep(stat, "n", ["begin", "eind", "verschil"], ctx.drempels)
    aandeel = ot.aandeel(stat["verbeterd"], stat["n"], ctx.drempels)
    verbergen = (
        (stat["n"] < ctx.drempels.min_noemer)
        | ot.onderdrukt(stat["verbeterd"], ctx.drempels)
        | ot.onderdrukt(stat["n"] - stat["verbeterd"], ctx.drempels)
    )
    waarden["aandeel"] = aandeel.where(~verbergen)
    masker["aandeel"] = ot.reden(stat["n"], verbergen, ctx.drempels)
    waarden = waarden.drop(columns=["verbeterd"])
    masker = masker.drop(columns=["verbeterd"])
    kop = {
        per: t(per.capitalize()),
        "n": t("Aantal cliënten"),
        "begin": t("Gemiddeld bij start"),
        "eind": t("Gemiddeld bij laatste meting"),
        "verschil": t("Gemiddelde verandering"),
        "aandeel": t("Aandeel minstens 1 punt verbeterd")
        if per == "domein"
        else t("Aandeel op minstens één domein 1 punt verbeterd"),
    }
    waarden = waarden.rename(columns=kop)
    masker = masker.rename(columns=kop)
    soorten = {
        kop["n"]: "aantal",
        kop["begin"]: "gemiddelde",
        kop["eind"]: "gemiddelde",
        kop["verschil"]: "gemiddelde",
        kop["aandeel"]: "procent",
    }
    return Tabel(
        t("Verandering op de ZRM van start tot laatste meting, per {p}", p=t(per)),
        waarden,
        soorten,
        masker,
        ctx.drempels,
        t(
            "Cliënten met een startmeting en een meting minstens drie maanden later. "
            "Beschrijvend: zonder vergelijking zegt dit niets over oorzaak en gevolg."
        ),
    )


def verandering_figuur(ctx: Context, tabel: Tabel, titel: str) -> fg.Figuur:
    t = ctx.t
    kolommen = tabel.waarden.columns
    fig = fg.staaf(tabel, kolommen[0], [kolommen[2], kolommen[3]], as_titel=t("gemiddelde score"))
    fig.update_yaxes(range=[1, 5])
    zichtbaar = tabel.waarden[[kolommen[0], kolommen[4]]].dropna()
    if zichtbaar.empty:
        zin = t("Te weinig cliënten om gemiddelden te tonen.")
    else:
        top = zichtbaar.sort_values(kolommen[4]).iloc[-1]
        laag = zichtbaar.sort_values(kolommen[4]).iloc[0]
        zin = t(
            "Gemiddelde score bij de start en bij de laatste meting. De grootste vooruitgang "
            "is er op {a} ({v} punt), de kleinste op {b} ({w} punt).",
            a=top[kolommen[0]],
            v=ctx.opmaak.getal(top[kolommen[4]], 2),
            b=laag[kolommen[0]],
            w=ctx.opmaak.getal(laag[kolommen[4]], 2),
        )
    return fg.Figuur(ctx.figuur_id(), titel, zin, fig, tabel)


def uitval_tabel(ctx: Context) -> Tabel:
    """Attrition per intervention: who has a follow-up measurement at 6 and 12 months."""
    t = ctx.t
    stat = beschrijving.vervolg_per_interventie(ctx.resultaat("meetmomenten"))
    masker = pd.DataFrame(ot.ZICHTBAAR, index=stat.index, columns=stat.columns)
    waarden = stat.astype({"gestart": float, "m6": float, "m12": float})
    for kolom in ("gestart", "m6", "m12"):
        klein = ot.onderdrukt(stat[kolom], ctx.drempels)
        masker.loc[klein, kolom] = ot.PRIMAIR
    for kolom in ("m6", "m12"):
        aandeel = ot.aandeel(stat[kolom], stat["gestart"], ctx.drempels)
        verbergen = (
            (stat["gestart"] < ctx.drempels.min_noemer)
            | (masker[kolom] != ot.ZICHTBAAR)
            | ot.onderdrukt(stat["gestart"] - stat[kolom], ctx.drempels)
        )
        waarden[f"p{kolom}"] = aandeel.where(~verbergen)
        masker[f"p{kolom}"] = ot.reden(stat["gestart"], verbergen, ctx.drempels)
    # a hidden 'gestart' could be recomputed from nothing else here; counts hidden stay NaN
    for kolom in ("gestart", "m6", "m12"):
        waarden[kolom] = waarden[kolom].where(masker[kolom] == ot.ZICHTBAAR)
    kop = {
        "interventie": t("Interventie"),
        "gestart": t("Cliënten met startmeting"),
        "m6": t("Met meting na 6 maanden"),
        "pm6": t("Aandeel na 6 maanden"),
        "m12": t("Met meting na 12 maanden"),
        "pm12": t("Aandeel na 12 maanden"),
    }
    waarden = waarden[list(kop)].rename(columns=kop)
    masker = masker[list(kop)].rename(columns=kop)
    soorten = {kop[k]: "aantal" for k in ("gestart", "m6", "m12")}
    soorten.update({kop["pm6"]: "procent", kop["pm12"]: "procent"})
    return Tabel(
        t("Uitval: wie is na 6 en 12 maanden nog gemeten"),
        waarden,
        soorten,
        masker,
        ctx.drempels,
        t(
            "Cliënten van wie het traject nog niet zo lang loopt, tellen "
            "mee als 'niet gemeten'; dat drukt de aandelen."
        ),
    )


def kosten_baten(ctx: Context):
    """(pooled result or None, list of case results, a notice or None)."""
    t = ctx.t
    kb = ctx.resultaat("kostenbaten")
    if kb.samen is None and not kb.afgewezen:
        melding = Melding(
            t("Er zijn geen Effectencalculator-casussen in de gegevens; daarom staan hier geen kosten en baten.")
        )
        return None, [], melding
    if kb.samen is None:
        return None, [], Melding(t("Geen enkele casus kon worden doorgerekend."))
    melding = (
        Melding(t("{n} casus(sen) konden niet worden doorgerekend en zijn weggelaten.", n=len(kb.afgewezen)))
        if kb.afgewezen
        else None
    )
    return kb.samen, kb.casussen, melding


def financiers_tabel(ctx: Context, samen) -> Tabel:
    t = ctx.t
    saldo = samen.saldo_per_financier
    rijen = []
    for financier in saldo.columns:
        laag, hoog = samen.financier_ci.get(financier, (np.nan, np.nan))
        rijen.append(
            {
                t("Financier"): t(str(financier)),
                t("Gemiddeld saldo per casus"): float(saldo[financier].mean()),
                t("Ondergrens 95%-interval"): laag,
                t("Bovengrens 95%-interval"): hoog,
                t("Totaal over de casussen"): float(saldo[financier].sum()),
            }
        )
    df = pd.DataFrame(rijen)
    soorten = {k: "geld" for k in df.columns[1:]}
    masker = pd.DataFrame(ot.ZICHTBAAR, index=df.index, columns=df.columns)
    weinig = samen.n < ctx.drempels.min_noemer
    if weinig:  # a mean or a total over a few cases comes close to one client's case
        masker.iloc[:, 1:] = ot.NOEMER
        df.iloc[:, 1:] = np.nan
    return Tabel(
        t("Saldo per financier (zonder minus met interventie)"),
        df,
        soorten,
        masker,
        drempels=ctx.drempels,
        toelichting=t(
            "Positief: deze partij is minder kwijt dankzij de interventie; negatief: zij "
            "investeert. Interval: bootstrap over {n} casussen.",
            n=f"< {ctx.drempels.min_noemer}" if weinig else ctx.opmaak.getal(samen.n),
        ),
    )


def financiers_figuur(ctx: Context, tabel: Tabel) -> fg.Figuur:
    t = ctx.t
    kolommen = tabel.waarden.columns
    fig = fg.staaf(tabel, kolommen[0], [kolommen[1]], as_titel=t("euro per casus"))
    fig.update_yaxes(tickprefix="€ ", tickformat=",.0f")  # € 10.000, never "10k"
    lijst = tabel.waarden.set_index(kolommen[0])[kolommen[1]].dropna()
    if lijst.empty:  # fewer cases than a mean may be shown over (after a filter, say)
        zin = t(
            "Te weinig uitgewerkte casussen (minder dan {m}) om gemiddelden per financier te tonen.",
            m=ctx.drempels.min_noemer,
        )
    else:
        zin = t(
            "Wie betaalt en wie baat heeft, gemiddeld per casus. Het meeste voordeel heeft {a} "
            "({v}); het meeste kwijt is {b} ({w}).",
            a=lijst.idxmax(),
            v=ctx.opmaak.geld(lijst.max()),
            b=lijst.idxmin(),
            w=ctx.opmaak.geld(lijst.min()),
        )
    return fg.Figuur(ctx.figuur_id(), t("Kosten en baten per financier"), zin, fig, tabel)


def effect_tabel(ctx: Context):
    """Mean change with 95% CI and Hedges' g_av per ZRM domain, protected."""
    t = ctx.t
    s = ctx.resultaat("verandering").summary()
    s = s[s["horizon"] == "laatste"].copy()
    schaal = s["g_av"] / s["d_av"]
    s["g_laag"] = s["d_av_ci_laag"] * schaal
    s["g_hoog"] = s["d_av_ci_hoog"] * schaal
    namen = zrm_namen()
    s["domein"] = s["domein"].map(lambda d: t(namen.get(d, d)))
    s = s[["domein", "n", "gem_verandering", "ci_laag", "ci_hoog", "g_av", "g_laag", "g_hoog"]]
    afgeleid = ["gem_verandering", "ci_laag", "ci_hoog", "g_av", "g_laag", "g_hoog"]
    waarden, masker = ot.per_groep(s.reset_index(drop=True), "n", afgeleid, ctx.drempels)
    kop = {
        "domein": t("Domein"),
        "n": t("Aantal cliënten"),
        "gem_verandering": t("Gemiddelde verandering"),
        "ci_laag": t("95%-interval, onder"),
        "ci_hoog": t("95%-interval, boven"),
        "g_av": t("Effectgrootte (Hedges' g_av)"),
        "g_laag": t("g_av 95%-interval, onder"),
        "g_hoog": t("g_av 95%-interval, boven"),
    }
    soorten = {kop["n"]: "aantal", **{kop[k]: "gemiddelde" for k in afgeleid}}
    return Tabel(
        t("Verandering en effectgrootte per domein (start tot laatste meting)"),
        waarden.rename(columns=kop),
        soorten,
        masker.rename(columns=kop),
        ctx.drempels,
        t(
            "Gemiddelde verandering met t-interval; g_av = "
            "verandering gedeeld door de gemiddelde standaardafwijking van voor- en nameting, "
            "met Hedges-correctie. Zonder controlegroep is dit geen effect van de interventie."
        ),
    )


def effect_figuur(ctx: Context, tabel: Tabel) -> fg.Figuur:
    t = ctx.t
    k = tabel.waarden.columns
    g = tabel.numeriek(k[5])
    fig = fg.bos(tabel, k[5], k[6], k[7], t("effectgrootte (Hedges' g_av) met 95%-interval"), "g_av", 460)
    zichtbaar = [(n, v) for n, v in zip(tabel.waarden[k[0]], g, strict=True) if v is not None]
    if zichtbaar:
        beste = max(zichtbaar, key=lambda x: x[1])
        zin = t(
            "Effectgrootte per domein met 95%-interval; rechts van de nul is vooruitgang. Het "
            "grootst op {a} (g = {v}).",
            a=beste[0],
            v=ctx.opmaak.getal(beste[1], 2),
        )
    else:
        zin = t("Te weinig cliënten om effectgroottes te tonen.")
    return fg.Figuur(ctx.figuur_id(), t("Effectgroottes per domein"), zin, fig, tabel)


def rci_tabel(ctx: Context):
    """Jacobson–Truax categories per ZRM domain, protected."""
    t = ctx.t
    res = ctx.resultaat("rci")
    s = res.summary().set_index("domein")
    namen = zrm_namen()
    categorieen = ["hersteld", "verbeterd", "onveranderd", "verslechterd"]
    aantallen = s[categorieen].rename(columns=lambda c: t(c))
    aantallen.index = [t(namen.get(d, d)) for d in aantallen.index]
    tabel = uit_kruistabel(
        t("Betrouwbare verandering per domein (aantal cliënten)"),
        aantallen,
        t("Domein"),
        ctx.drempels,
        totaal_label=t("Totaal"),
        rij_totalen=pd.Series(s["n"].to_numpy(), index=aantallen.index),
    )
    p = res.parameters
    drempel = p["kleinste_betrouwbare_verandering"].median() if not p.empty else np.nan
    tabel.toelichting = t(
        "Jacobson–Truax: een verandering is betrouwbaar als ze groter is dan de meetfout "
        "(RCI > 1,96; mediaan over de domeinen {d} punt). 'Hersteld' = betrouwbaar verbeterd "
        "én over het afkappunt van de ZRM (3,5). Betrouwbaarheid: {b}.",
        d=ctx.opmaak.getal(drempel, 2),
        b=str(p["bron_betrouwbaarheid"].iloc[0]).rstrip(".") if not p.empty else "–",
    )
    return tabel


def rci_figuur(ctx: Context, tabel: Tabel) -> fg.Figuur:
    t = ctx.t
    k = tabel.waarden.columns
    zonder = tabel.waarden[k[0]] != t("Totaal")
    deel = Tabel(
        tabel.titel, tabel.waarden[zonder], dict(tabel.soorten), tabel.masker[zonder], tabel.drempels
    )
    fig = fg.staaf(deel, k[0], list(k[1:5]), t("aantal cliënten"), gestapeld=True)
    fig.update_layout(xaxis_tickangle=-40)
    return fg.Figuur(
        ctx.figuur_id(),
        t("Betrouwbare verandering per domein"),
        t(
            "Per domein het aantal cliënten dat hersteld, betrouwbaar verbeterd, onveranderd of "
            "betrouwbaar verslechterd is tussen de eerste en de laatste meting."
        ),
        fig,
        tabel,
    )
