"""The model results reports are built from, each computed once per run.

A section names the results it needs (``nodig``); :func:`resultaat` computes a result the
first time any report of the run asks for it and keeps it with the run's data
(:attr:`rapporten.bron.Gegevens.resultaten`), so a run of seven reports fits each model once.
Everything here calls ``modellen`` and ``verhalen``; nothing here is statistics of its own.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.errors import UserInputError
from impact.instruments import Instrument, builtin, from_tables
from modellen import beschrijving
from modellen.betrouwbare_verandering import BetrouwbareVerandering, RCIResultaat
from modellen.duurzaamheid import Duurzaamheid
from modellen.groei import GroeiModel
from modellen.keerpunten import Keerpunten
from modellen.kostenbaten.casus import Effectencalculator
from modellen.kostenbaten.casussen import CasussenAnalyse
from modellen.uitval import Uitval
from modellen.verandering import VeranderingAnalyse, VeranderingResultaat
from modellen.vergelijking import VerschilInVerschillen
from modellen.zelfbeoordeling import Zelfbeoordeling
from rapporten.bron import Gegevens

# The ZRM domains the longitudinal models are shown for (money, mental health, network).
KERN_DOMEINEN = ("financien", "geestelijke_gezondheid", "sociaal_netwerk")
ALLE_DOMEINEN = "__alle__"
NA_MAANDEN = 3.0  # in the comparison, a measurement from three months after the start is 'after'


HOOFDPERSPECTIEF = ("ZRM", "professional")  # (instrument, bron) every model of the reports is about


def zrm(gegevens: Gegevens) -> pd.DataFrame:
    """The analysis frame restricted to the ZRM as professionals score it: the outcome every
    model of the reports is about. Clients' own ZRM scores are a second perspective, shown
    next to it, never mixed into it."""
    return metingen_van(gegevens, *HOOFDPERSPECTIEF)


def metingen_van(gegevens: Gegevens, instrument: str, bron: str) -> pd.DataFrame:
    """The analysis frame of one instrument as one source scored it (a measurement without a
    source is a professional's)."""
    a = gegevens.analyse
    if a.empty:
        return a
    kies = a["instrument"] == instrument
    if "bron" in a.columns:
        kies &= a["bron"].fillna("professional") == bron
    else:
        kies &= bron == "professional"
    return a[kies]


def instrumenten(gegevens: Gegevens) -> dict[str, Instrument]:
    """Every instrument the data may use, by code: as stored in the database (built-in and
    custom), else (data in memory, without instrument tables) the built-in ones."""
    stored, domains = gegevens.ruw("instrumenten"), gegevens.ruw("domeinen")
    if stored.empty or domains.empty:
        return builtin()
    return from_tables(stored, domains)


@dataclass(frozen=True)
class Perspectief:
    """One instrument as one source scored it: the ZRM by professionals, Positieve
    Gezondheid by clients themselves, an own instrument, ..."""

    instrument: Instrument
    bron: str

    @property
    def sleutel(self) -> tuple[str, str]:
        return (self.instrument.code, self.bron)


def perspectieven(gegevens: Gegevens) -> list[Perspectief]:
    """The (instrument, source) combinations present in the data: the ZRM by professionals
    first, then the others by instrument and source. An instrument the data name but the
    instrument tables do not know is left out (the import refuses such measurements)."""
    a = gegevens.analyse
    if a.empty:
        return []
    bron = a["bron"].fillna("professional") if "bron" in a.columns else pd.Series("professional", index=a.index)
    aanwezig = sorted(set(zip(a["instrument"].astype(str), bron.astype(str), strict=True)),
                      key=lambda k: (k != HOOFDPERSPECTIEF, k[0], k[1] != "professional", k[1]))
    bekend = instrumenten(gegevens)
    return [Perspectief(bekend[code], b) for code, b in aanwezig if code in bekend]


@dataclass
class InstrumentUitkomst:
    """Change from start to last measurement and reliable change, for one perspective."""

    perspectief: Perspectief
    verandering: VeranderingResultaat
    rci: RCIResultaat


def _per_instrument(gegevens: Gegevens) -> dict[tuple[str, str], InstrumentUitkomst]:
    """Per (instrument, source): change and reliable change per domain, with the instrument's
    direction, reliability and cut-offs; the last measurement at least three months after the
    first, as everywhere in the reports. A perspective the models cannot fit is left out."""
    uit = {}
    for p in perspectieven(gegevens):
        df = metingen_van(gegevens, p.instrument.code, p.bron)
        try:
            verandering = VeranderingAnalyse(
                domein="domein", min_looptijd=NA_MAANDEN, hoger_is_beter=p.instrument.hoger_is_beter
            ).fit(df, bron="analyse")
            rci = BetrouwbareVerandering(
                domein="domein", instrument=p.instrument, min_looptijd=NA_MAANDEN
            ).fit(df, bron="analyse")
        except UserInputError:
            continue
        uit[p.sleutel] = InstrumentUitkomst(p, verandering, rci)
    return uit


def _zelfbeoordeling(gegevens: Gegevens):
    """Clients' own ZRM scores next to the professionals' (pairs within 30 days), or None."""
    a = gegevens.analyse
    if a.empty or "bron" not in a.columns:
        return None
    z = a[a["instrument"] == "ZRM"]
    if not (z["bron"] == "client").any():
        return None
    schaal = instrumenten(gegevens)["ZRM"]
    niveaus = tuple(range(int(schaal.schaal_min), int(schaal.schaal_max) + 1))  # ZRM: 1 to 5
    res = Zelfbeoordeling(niveaus=niveaus).fit(z, bron="analyse")
    return res if len(res.paren) else None


@dataclass
class KostenBaten:
    """Effectencalculator cases of the run, computed and pooled."""

    samen: object | None  # the pooled CasussenAnalyse result, None without cases
    casussen: list  # one Effectencalculator result per case that could be computed
    afgewezen: list[str]  # why each case that could not be computed was refused


def casus_documenten(gegevens: Gegevens) -> list[dict]:
    """The case documents of the run (the ``inhoud`` of each stored casus)."""
    casussen = gegevens.casussen
    if casussen.empty or "inhoud" not in casussen.columns:
        return []
    return [d for d in casussen["inhoud"] if isinstance(d, dict)]


def _kostenbaten(gegevens: Gegevens) -> KostenBaten:
    casussen, afgewezen = [], []
    for document in casus_documenten(gegevens):
        try:
            casussen.append(Effectencalculator().fit(document))
        except UserInputError as fout:
            afgewezen.append(str(fout))
    samen = CasussenAnalyse(n_bootstrap=2000).fit(casussen) if casussen else None
    return KostenBaten(samen, casussen, afgewezen)


def _domein(gegevens: Gegevens, domein: str) -> pd.DataFrame:
    z = zrm(gegevens)
    return z[z["domein"] == domein] if not z.empty else z


def _groei(gegevens: Gegevens) -> dict[str, tuple[object, dict[str, int]]]:
    """Per key domain: (growth model with groep × tijd, clients per group); a domain is left
    out when a group is missing or the model cannot be fitted on it."""
    uit = {}
    for domein in KERN_DOMEINEN:
        df = _domein(gegevens, domein)
        df = df[df["maanden"].notna() & df["groep"].isin(["interventie", "vergelijking"])]
        n = df.groupby("groep")["client_id"].nunique().to_dict()
        if len(n) < 2:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = GroeiModel(conditie="groep", random_helling=True, referentie="vergelijking").fit(
                    df, bron="analyse"
                )
        except (UserInputError, np.linalg.LinAlgError):
            continue
        uit[domein] = (res, {"interventie": int(n["interventie"]), "vergelijking": int(n["vergelijking"])})
    return uit


def _duurzaamheid(gegevens: Gegevens) -> dict:
    """Per key domain: the durability result and the number of clients measured after uitstroom."""
    uit = {}
    for domein in KERN_DOMEINEN:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = Duurzaamheid().fit(_domein(gegevens, domein), bron="analyse")
        except (UserInputError, np.linalg.LinAlgError, KeyError):
            continue
        na = int(res.modelframe.loc[res.modelframe["jaren_na_uitstroom"] > 0, "eenheid"].nunique())
        uit[domein] = (res, na)
    return uit


def _uitval(gegevens: Gegevens):
    """Attrition on the client level (mean ZRM score per measurement date), or None."""
    z = zrm(gegevens)
    z = z[z["groep"].notna()]
    if z.empty:
        return None
    per_meting = z.groupby(["client_id", "datum", "groep"], as_index=False)["score"].mean()
    return Uitval(kenmerken=["groep"], min_maanden=3.0).fit(per_meting, bron="analyse")


def did_data(gegevens: Gegevens, domein: str) -> pd.DataFrame:
    """One score per client and date (the mean over domains for all domains), with ``na`` =
    measured at least three months after the start; only clients measured before and after."""
    z = zrm(gegevens)
    z = z[z["maanden"].notna() & z["groep"].isin(["interventie", "vergelijking"])]
    if domein == ALLE_DOMEINEN:
        z = z.groupby(["client_id", "datum", "groep"], as_index=False).agg(
            score=("score", "mean"), maanden=("maanden", "first")
        )
    else:
        z = z[z["domein"] == domein]
    z = z.assign(na=(z["maanden"] >= NA_MAANDEN).astype(float))
    beide = z.groupby("client_id")["na"].agg(lambda x: x.min() == 0 and x.max() == 1)
    return z[z["client_id"].isin(beide[beide].index)]


def _did(gegevens: Gegevens) -> pd.DataFrame:
    """Difference-in-differences per key domain and over all domains (columns domein, n_i,
    n_v, effect, laag, hoog; effect NaN when it cannot be estimated)."""
    rijen = []
    for domein in (ALLE_DOMEINEN, *KERN_DOMEINEN):
        df = did_data(gegevens, domein)
        n = df.groupby("groep")["client_id"].nunique()
        rij = {"domein": domein, "n_i": int(n.get("interventie", 0)), "n_v": int(n.get("vergelijking", 0)),
               "effect": np.nan, "laag": np.nan, "hoog": np.nan}
        if rij["n_i"] >= 2 and rij["n_v"] >= 2:
            try:
                res = VerschilInVerschillen(conditie="groep", periode="na").fit(df, bron="analyse")
                r = res.tabel.set_index("term").loc[res.kern_term]
                rij.update(effect=r["schatting"], laag=r["ci_laag"], hoog=r["ci_hoog"])
            except (UserInputError, np.linalg.LinAlgError, ValueError):
                pass
        rijen.append(rij)
    return pd.DataFrame(rijen)


def _keerpunten(gegevens: Gegevens) -> pd.DataFrame | None:
    """Reliable jumps between two consecutive ZRM measurements, or None with too few data."""
    try:
        return Keerpunten(instrument="ZRM").fit(zrm(gegevens), bron="analyse").summary()
    except UserInputError:
        return None


PRODUCENTEN: dict[str, Callable[[Gegevens], object]] = {
    "groei": _groei,
    "duurzaamheid": _duurzaamheid,
    "uitval": _uitval,
    "did": _did,
    "keerpunten": _keerpunten,
    "paren": lambda g: beschrijving.eerste_en_laatste(zrm(g)),
    "meetmomenten": lambda g: beschrijving.meetmomenten(zrm(g)),
    # change from start to last measurement: the last at least three months after the first,
    # the same rule as the descriptive pairs ("paren"), so every report quotes one number
    "verandering": lambda g: VeranderingAnalyse(domein="domein", min_looptijd=NA_MAANDEN).fit(zrm(g), bron="analyse"),
    # the same clients as "paren", "verandering" and the per-instrument tables: a reader who
    # puts two tables side by side finds no difference that is a small group of clients
    "rci": lambda g: BetrouwbareVerandering(domein="domein", instrument="ZRM", min_looptijd=NA_MAANDEN).fit(
        zrm(g), bron="analyse"
    ),
    "kostenbaten": _kostenbaten,
    "per_instrument": _per_instrument,
    "zelfbeoordeling": _zelfbeoordeling,
}


def registreer(naam: str):
    """Decorator: register a producer ``f(gegevens) -> result`` under ``naam``."""

    def doe(functie: Callable[[Gegevens], object]):
        if naam in PRODUCENTEN:
            raise ValueError(f"resultaat {naam!r} is al geregistreerd")
        PRODUCENTEN[naam] = functie
        return functie

    return doe


def resultaat(gegevens: Gegevens, naam: str):
    """The result ``naam`` for these data, computed on first use."""
    cache = gegevens.resultaten
    if naam not in cache:
        cache[naam] = PRODUCENTEN[naam](gegevens)
    return cache[naam]


# --- vroegsignalering (modellen.vroegsignalering) -------------------------------------------
MIN_SIGNALEN_PER_MAAND = 20  # fewer per month in the region: the trend is shown per quarter


@registreer("vroegsignalering")
def _vroegsignalering(gegevens: Gegevens):
    """The funnel from signal to solved arrear and ZRM financiën afterwards, or None without
    signals. Per month, or per quarter when a typical month has too few signals to show."""
    from impact.contract import VROEGSIGNALEN
    from modellen.vroegsignalering import Vroegsignalering

    ev = gegevens.gebeurtenissen
    if ev.empty or not ev["soort"].isin(VROEGSIGNALEN).any():
        return None
    res = Vroegsignalering(periode="maand").fit(ev, gegevens.clienten, gegevens.metingen)
    if res.trechter(("periode",))["signalen"].median() < MIN_SIGNALEN_PER_MAAND:
        res = Vroegsignalering(periode="kwartaal").fit(ev, gegevens.clienten, gegevens.metingen)
    return res


# --------------------------------------------------------------------------- programme MKBA
# A run's own programme file is handed in with :func:`zet_programma`; a run on the demo's data
# uses the demo's programme. Either way reach, deadweight and drop-off come from the run's data.

PROGRAMMABESTAND = "programmabestand"  # the run's programme file, in Gegevens.resultaten
MONTE_CARLO_TREKKINGEN, MONTE_CARLO_SEED = 10_000, 2026


@dataclass
class ProgrammaUitGegevens:
    """A programme MKBA filled from the run's data, with its uncertainty (or why it could not)."""

    naam: str
    interventie: str | None
    gemeten: object | None  # modellen.kostenbaten.gemeten.GemetenProgramma
    resultaat: object | None  # ProgrammaResultaat
    tornado: object | None  # TornadoResultaat
    monte_carlo: object | None  # MonteCarloResultaat
    fout: str | None = None


def zet_programma(gegevens: Gegevens, gelezen) -> None:
    """Give this run a programme file (an ``impact.io.casus_bestand.CasusBestand``)."""
    gegevens.resultaten[PROGRAMMABESTAND] = gelezen
    gegevens.resultaten.pop("programma", None)


@registreer("programma")
def _programma(gegevens: Gegevens) -> ProgrammaUitGegevens | None:
    from impact.demo.programma import demo_programma
    from modellen.kostenbaten.gemeten import programma_uit_gegevens
    from modellen.kostenbaten.onzekerheid import MonteCarlo, Tornado
    from modellen.kostenbaten.programma import ProgrammaMKBA

    gelezen = gegevens.resultaten.get(PROGRAMMABESTAND)
    if gelezen is None and gegevens.synthetisch:
        gelezen = demo_programma()
    if gelezen is None:
        return None
    document = gelezen.document
    naam, interventie = str(document.get("naam") or ""), document.get("interventie")
    try:
        gemeten = programma_uit_gegevens(
            document,
            gegevens.analyse,
            gegevens.trajecten,
            periode=gegevens.filters.periode,
            bestand=gelezen.bestand,
            regels=gelezen.regels,
        )
        resultaat = ProgrammaMKBA().fit(gemeten.document, gelezen.bestand, gelezen.regels)
    except UserInputError as fout:
        return ProgrammaUitGegevens(naam, interventie, None, None, None, None, str(fout))
    return ProgrammaUitGegevens(
        naam,
        gemeten.interventie,
        gemeten,
        resultaat,
        Tornado().fit(resultaat.programma),
        MonteCarlo(n=MONTE_CARLO_TREKKINGEN, seed=MONTE_CARLO_SEED).fit(resultaat.programma),
    )
