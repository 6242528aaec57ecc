"""Building blocks shared by the report builders: reach tables, ZRM trajectories, stories."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from impact.instruments import builtin
from rapporten import figuren as fg
from rapporten import onthulling as ot
from rapporten.bron import Filters, Gegevens
from rapporten.herkomst import Herkomst
from rapporten.model import Melding, Rapport, Verhaal, Verhalen
from rapporten.opmaak import Opmaak
from rapporten.tabel import Tabel, uit_kruistabel
from rapporten.verhaalkeuze import publiceerbare_verhalen

GEEN_TRAJECT = "geen traject (vergelijkingsgroep)"


@dataclass
class Context:
    """Everything a builder needs: data, language, disclosure settings, provenance so far."""

    gegevens: Gegevens
    opmaak: Opmaak
    drempels: ot.Drempels = field(default_factory=ot.Drempels)
    bronnen: dict[str, str] = field(default_factory=dict)
    _teller: int = 0

    @property
    def t(self):
        return self.opmaak.t

    def figuur_id(self) -> str:
        self._teller += 1
        return f"fig{self._teller}"

    def herkomst(self, parameters: dict[str, str] | None = None) -> Herkomst:
        g = self.gegevens
        para = {"drempel": str(self.drempels.drempel), "min_noemer": str(self.drempels.min_noemer),
                "taal": self.opmaak.taal, **(parameters or {})}
        return Herkomst(vingerafdruk=g.vingerafdruk(), filters=g.filters.beschrijving(),
                        parameters=para, prijslijst_versie=g.prijslijst_versie(),
                        bronnen=dict(self.bronnen))

    def module(self, naam: str, onderdeel: str):
        """Import a sibling room's module; record in the provenance whether it was there."""
        try:
            mod = importlib.import_module(naam)
        except ImportError:
            self.bronnen[onderdeel] = self.t("niet beschikbaar ({m} bestaat nog niet)", m=naam)
            return None
        self.bronnen[onderdeel] = naam
        return mod

    def ontbreekt(self, naam: str, wat: str) -> Melding:
        return Melding(self.t(
            "Dit onderdeel ({wat}) kan nog niet worden getoond: de module {m} is nog niet "
            "beschikbaar. Er staan hier bewust geen voorlopige of verzonnen cijfers.", wat=wat, m=naam))


def maak_context(bron, taal: str = "nl", filters: Filters | None = None,
                 drempels: ot.Drempels | None = None) -> Context:
    gegevens = bron if isinstance(bron, Gegevens) else Gegevens(bron, filters or Filters())
    return Context(gegevens, Opmaak(taal), drempels or ot.Drempels())


def zrm_namen() -> dict[str, str]:
    return {d.code: d.naam for d in builtin()["ZRM"].domeinen}


def bereik_tabel(ctx: Context, rij: str = "gemeente") -> Tabel:
    """Distinct clients per ``rij`` (gemeente or wijk) and intervention, totals and suppression."""
    t = ctx.t
    clienten = ctx.gegevens.clienten[["client_id", rij]]
    tr = ctx.gegevens.trajecten[["client_id", "interventie"]].drop_duplicates()
    koppel = clienten.merge(tr, on="client_id", how="left")
    koppel["interventie"] = koppel["interventie"].fillna(t(GEEN_TRAJECT))
    aantallen = pd.crosstab(koppel[rij], koppel["interventie"])
    rij_totalen = clienten.groupby(rij)["client_id"].nunique()
    kolom_totalen = koppel.groupby("interventie")["client_id"].nunique()
    return uit_kruistabel(
        t("Aantal cliënten per {r} en interventie", r=t(rij)), aantallen, t(rij.capitalize()),
        ctx.drempels, totaal_label=t("Totaal"), rij_totalen=rij_totalen,
        kolom_totalen=kolom_totalen, eindtotaal=float(clienten["client_id"].nunique()))


def bereik_figuur(ctx: Context, tabel: Tabel, rij: str = "gemeente") -> fg.Figuur:
    t = ctx.t
    totaal = t("Totaal")
    kolom_rij = tabel.waarden.columns[0]
    zonder_totaal = tabel.waarden[kolom_rij] != totaal
    deel = Tabel(tabel.titel, tabel.waarden[zonder_totaal], dict(tabel.soorten),
                 tabel.masker[zonder_totaal], tabel.drempels)
    reeksen = [k for k in deel.waarden.columns[1:] if k != totaal]
    fig = fg.staaf(deel, kolom_rij, reeksen, as_titel=t("aantal cliënten"), gestapeld=True)
    grootste = tabel.waarden[zonder_totaal].set_index(kolom_rij)[totaal].dropna()
    zin = t("Cliënten per {r}, gestapeld naar interventie.", r=t(rij))
    if not grootste.empty:
        zin += " " + t("De meeste cliënten komen uit {g} ({n}).", g=grootste.idxmax(),
                       n=ctx.opmaak.getal(grootste.max()))
    if tabel.heeft_onderdrukking:
        zin += " " + t("Kleine groepen zijn niet getekend.")
    return fg.Figuur(ctx.figuur_id(), t("Bereik per {r} en interventie", r=t(rij)), zin, fig, tabel)


def meetmomenten(analyse: pd.DataFrame, instrument: str = "ZRM", stap: int = 6,
                 max_maanden: int = 36) -> pd.DataFrame:
    """Measurements binned to moments 0, 6, 12, ... months after the traject's start."""
    df = analyse[(analyse["instrument"] == instrument) & analyse["maanden"].notna()].copy()
    df = df[(df["maanden"] >= -1) & (df["maanden"] <= max_maanden + stap / 2)]
    df["moment"] = (np.round(df["maanden"].clip(lower=0) / stap) * stap).astype(int)
    # One score per client, domain and moment (the last one) so nobody counts twice.
    df = df.sort_values("datum").drop_duplicates(["client_id", "domein", "moment"], keep="last")
    return df


def verloop_tabel(ctx: Context, domeinen: list[str] | None = None, groep: str = "domein") -> Tabel:
    """Mean ZRM score and number of clients per domain and moment, protected."""
    t = ctx.t
    df = meetmomenten(ctx.gegevens.analyse)
    if domeinen:
        df = df[df["domein"].isin(domeinen)]
    stat = (df.groupby([groep, "moment"])
            .agg(n=("client_id", "nunique"), gemiddelde=("score", "mean"), sd=("score", "std"))
            .reset_index())
    namen = zrm_namen()
    if groep == "domein":
        stat["domein"] = stat["domein"].map(lambda d: t(namen.get(d, d)))
    waarden, masker = ot.per_groep(stat, "n", ["gemiddelde", "sd"], ctx.drempels)
    kop = {groep: t(groep.capitalize()), "moment": t("Maanden na start"),
           "n": t("Aantal cliënten"), "gemiddelde": t("Gemiddelde score"),
           "sd": t("Standaardafwijking")}
    waarden = waarden.rename(columns=kop)
    masker = masker.rename(columns=kop)
    soorten = {kop[groep]: "tekst", kop["moment"]: "tekst", kop["n"]: "aantal",
               kop["gemiddelde"]: "gemiddelde", kop["sd"]: "gemiddelde"}
    return Tabel(t("Gemiddelde ZRM-score per {g} en meetmoment", g=t(groep)), waarden, soorten,
                 masker, ctx.drempels)


def verloop_figuur(ctx: Context, tabel: Tabel, titel: str, groep_kop: str) -> fg.Figuur:
    t = ctx.t
    cols = tabel.waarden.columns
    fig = fg.lijnen(tabel, cols[1], cols[3], groep_kop, as_titel=t("gemiddelde ZRM-score (1–5)"),
                    x_titel=t("maanden na start van het traject"), y_bereik=(1, 5))
    fig.update_xaxes(dtick=6)
    zin = _verloop_zin(ctx, tabel, groep_kop)
    return fg.Figuur(ctx.figuur_id(), titel, zin, fig, tabel)


def _verloop_zin(ctx: Context, tabel: Tabel, groep_kop: str) -> str:
    t = ctx.t
    cols = tabel.waarden.columns
    df = tabel.waarden.copy()
    df["_m"] = tabel.masker[cols[3]].to_numpy()
    df = df[df["_m"] == ot.ZICHTBAAR]
    veranderingen = []
    for naam, deel in df.groupby(groep_kop, sort=False):
        deel = deel.sort_values(cols[1])
        if len(deel) >= 2:
            veranderingen.append((naam, deel[cols[3]].iloc[-1] - deel[cols[3]].iloc[0],
                                  deel[cols[1]].iloc[-1]))
    if not veranderingen:
        return t("Te weinig cliënten per meetmoment om een verloop te tonen.")
    veranderingen.sort(key=lambda v: v[1], reverse=True)
    beste, slechtste = veranderingen[0], veranderingen[-1]
    zin = t("Gemiddelde score per meetmoment; alleen punten met minstens {m} cliënten. "
            "De grootste stijging: {a} ({v} punt tot maand {mnd}).", m=ctx.drempels.min_noemer,
            a=beste[0], v=ctx.opmaak.getal(beste[1], 2), mnd=beste[2])
    if len(veranderingen) > 1:
        zin += " " + t("De kleinste verandering: {a} ({v} punt).", a=slechtste[0],
                       v=ctx.opmaak.getal(slechtste[1], 2))
    zin += " " + t("Dit zijn gemiddelden van wie er op dat moment gemeten is; uitval kan het "
                   "beeld kleuren.")
    return zin


def verhalen_blok(ctx: Context, soorten: tuple[str, ...] = ("clientverhaal", "casusnotitie"),
                  aantal: int = 3, trefwoorden: tuple[str, ...] = (), gemeente: str | None = None,
                  wijk: str | None = None) -> Verhalen | Melding:
    """A few publishable, pseudonymised stories, chosen deterministically."""
    t = ctx.t
    g = ctx.gegevens
    keuze = publiceerbare_verhalen(g.verhalen, g.identiteiten, ctx.opmaak.taal)
    ctx.bronnen[t("Pseudonimisering van verhalen")] = keuze.module or t(
        "eenvoudige regelset in rapporten (verhalen.pseudonimisering nog niet beschikbaar)")
    df = keuze.verhalen
    if df.empty:
        return Melding(t("Er zijn geen verhalen met toestemming om te publiceren."), "info")
    df = df[df["soort"].isin(soorten)]
    if gemeente is not None:
        df = df[df["gemeente"] == gemeente]
    if wijk is not None:
        df = df[df["wijk"] == wijk]
    if trefwoorden:
        passend = df["tekst"].str.lower().str.contains("|".join(trefwoorden), regex=True)
        if passend.any():
            df = df[passend]
    if df.empty:
        return Melding(t("Er zijn geen passende verhalen met toestemming om te publiceren."), "info")
    df = df.sort_values("verhaal_id")
    stappen = np.linspace(0, len(df) - 1, num=min(aantal, len(df))).round().astype(int)
    gekozen = df.iloc[sorted(set(stappen))]
    verhalen = [Verhaal(str(r.titel), str(r.tekst), _onderschrift(ctx, r))
                for r in gekozen.itertuples()]
    return Verhalen(verhalen, keuze.methode if ctx.opmaak.taal == "nl" else t(keuze.methode))


def _onderschrift(ctx: Context, r) -> str:
    t = ctx.t
    delen = [t(str(r.soort)), t("geschreven door: {rol}", rol=t(str(r.auteur_rol)))]
    if isinstance(getattr(r, "gemeente", None), str):
        delen.append(str(r.gemeente))
    if pd.notna(getattr(r, "datum", None)):
        delen.append(ctx.opmaak.datum(r.datum))
    return " · ".join(delen)


def schrijf(rapport: Rapport, out_dir: Path, naam: str, pdf: bool, xlsx: bool,
            afbeeldingen=None) -> list[Path]:
    from rapporten import schrijvers

    out_dir = Path(out_dir)
    paden = [schrijvers.schrijf_html(rapport, out_dir / f"{naam}.html")]
    if xlsx:
        paden.append(schrijvers.schrijf_xlsx(rapport, out_dir / f"{naam}.xlsx"))
    if pdf:
        paden.append(schrijvers.schrijf_pdf(rapport, out_dir / f"{naam}.pdf", afbeeldingen))
    return paden
