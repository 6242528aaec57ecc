"""Programme-level MKBA/SROI: outcomes × clients × financial proxy, corrected and discounted.

Convention (the SROI guide's): the value of an outcome in year t = 1…duur is
aantal × waarde × (1 − deadweight) × (1 − attributie) × (1 − verplaatsing) × (1 − drop_off)^(t−1),
discounted by (1 + r)^t; an investment in year j is discounted by (1 + r)^j (year 0 is not).

Every input is a :class:`Parameter` carrying its value, its source and an optional range or
distribution, so the JSON result lets another person recompute it. Two implementations of
the arithmetic exist on purpose: :func:`evaluate_scalar` (plain Python, used for the point
result) and :meth:`ProgrammaModel.evaluate` (numpy, vectorised over parameter draws); the
tests hold them against each other and against hand-worked figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from impact.errors import Problem, UserInputError
from modellen.basis import Estimator, Resultaat
from modellen.kostenbaten.casus import DISCONTOVOET_BRON, STANDAARD_DISCONTOVOET, STANDAARD_PRIJSPEIL
from modellen.kostenbaten.figuren import programma_jaren, programma_waterval
from modellen.kostenbaten.prijslijst import Prijslijst, standaard_prijslijst

UITKOMST_VELDEN = ("aantal", "waarde", "deadweight", "attributie", "verplaatsing", "drop_off")
FRACTIES = ("deadweight", "attributie", "verplaatsing", "drop_off")
ONBEKENDE_BRON = "geen bron opgegeven"
CONVENTIE = (
    "waarde in jaar t (1..duur) = aantal x waarde x (1 - deadweight) x (1 - attributie) x "
    "(1 - verplaatsing) x (1 - drop_off)^(t-1), contant gemaakt met (1 + r)^t; investering in "
    "jaar j contant gemaakt met (1 + r)^j"
)
Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Parameter:
    """One input number with its provenance and optional uncertainty."""

    waarde: float
    bron: str = ONBEKENDE_BRON
    min: float | None = None
    max: float | None = None
    verdeling: str | None = None  # vast | uniform | driehoek | normaal
    sd: float | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Uitkomst:
    naam: str
    aantal: Parameter
    waarde: Parameter
    deadweight: Parameter
    attributie: Parameter
    verplaatsing: Parameter
    drop_off: Parameter
    duur: int
    begunstigde: str


@dataclass(frozen=True)
class Investering:
    omschrijving: str
    bedrag: Parameter
    jaar: int
    financier: str


@dataclass(frozen=True)
class Programma:
    naam: str
    discontovoet: Parameter
    investeringen: tuple[Investering, ...]
    uitkomsten: tuple[Uitkomst, ...]
    prijslijst_versie: str
    prijsjaar: int | None = None
    scenarios: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- reading


class _Checker:
    def __init__(self, bestand: str, lines: Mapping[Path_, int] | None):
        self.bestand, self.lines, self.problemen = bestand, lines or {}, []

    def fout(self, path: Path_, expected: str, found: object = None) -> None:
        p = path
        while p and p not in self.lines:
            p = p[:-1]
        veld = ".".join(str(x) for x in path) or None
        self.problemen.append(Problem(self.bestand, self.lines.get(p), veld, expected, found))


def _num(x: object) -> float | None:
    if isinstance(x, bool) or x is None:
        return None
    try:
        value = float(str(x).replace(",", ".")) if isinstance(x, str) else float(x)
    except (TypeError, ValueError):
        return None
    return value if np.isfinite(value) else None


def _parameter(
    chk: _Checker,
    path: Path_,
    raw: object,
    *,
    fractie: bool = False,
    standaard: float | None = None,
    bron: str | None = None,
    prijslijst: Prijslijst | None = None,
) -> Parameter | None:
    if raw is None:
        if standaard is None:
            chk.fout(path, "een waarde", None)
            return None
        return Parameter(standaard, bron or "standaardwaarde (niet opgegeven)")
    spec: dict = dict(raw) if isinstance(raw, Mapping) else {"waarde": raw}
    if "item" in spec and prijslijst is not None:
        item = str(spec["item"])
        if item not in prijslijst:
            chk.fout(
                path + ("item",), f"een bekend item uit de prijslijst ({prijslijst.versie})", item
            )
            return None
        regel = prijslijst.regel(item)
        keer = float(spec.get("aantal", 1))  # the value is that many units of the item
        spec.setdefault("waarde", float(regel["prijs"]) * keer)
        spec.setdefault("bron", f"prijslijst {prijslijst.versie}, item {item}: {regel['bron']}")
        if regel["prijs_min"] is not None:
            spec.setdefault("min", float(regel["prijs_min"]) * keer)
            spec.setdefault("max", float(regel["prijs_max"]) * keer)
    waarde = _num(spec.get("waarde"))
    if waarde is None:
        chk.fout(path, "een getal", spec.get("waarde"))
        return None
    laag, hoog = _num(spec.get("min")), _num(spec.get("max"))
    ok = True
    for naam, v in (("waarde", waarde), ("min", laag), ("max", hoog)):
        if v is None:
            continue
        if v < 0 or (fractie and v > 1):
            verwacht = "een fractie tussen 0 en 1" if fractie else "een getal van 0 of meer"
            chk.fout(path if naam == "waarde" else path + (naam,), verwacht, v)
            ok = False
    if laag is not None and hoog is not None and not laag <= waarde <= hoog:
        chk.fout(path, "min <= waarde <= max", spec)
        ok = False
    verdeling = spec.get("verdeling")
    if verdeling is not None and verdeling not in ("vast", "uniform", "driehoek", "normaal"):
        chk.fout(path + ("verdeling",), "vast, uniform, driehoek of normaal", verdeling)
        ok = False
    if verdeling in ("uniform", "driehoek") and (laag is None or hoog is None):
        chk.fout(path, f"min en max bij verdeling '{verdeling}'", spec)
        ok = False
    sd = _num(spec.get("sd"))
    if verdeling == "normaal" and (sd is None or sd < 0):
        chk.fout(path + ("sd",), "een standaardafwijking (sd) van 0 of meer", spec.get("sd"))
        ok = False
    if not ok:
        return None
    return Parameter(
        waarde=waarde,
        bron=str(spec.get("bron") or bron or ONBEKENDE_BRON),
        min=laag,
        max=hoog,
        verdeling=verdeling,
        sd=sd,
    )


def valideer_programma(
    document: Mapping,
    bestand: str = "programma",
    regels: Mapping[Path_, int] | None = None,
    prijslijst: Prijslijst | None = None,
) -> Programma:
    """Check a programme document (the issue's YAML interface) and build a Programma."""
    chk = _Checker(bestand, regels)
    if not isinstance(document, Mapping):
        raise UserInputError(
            Problem(bestand, 1, None, "een programma met naam en uitkomsten", None)
        )
    prijslijst = prijslijst or standaard_prijslijst()
    prijsjaar = document.get("prijsjaar")
    if isinstance(prijsjaar, int) and not isinstance(prijsjaar, bool):
        prijslijst = prijslijst.geindexeerd(prijsjaar)
    elif prijsjaar is not None:
        chk.fout(("prijsjaar",), "een jaartal, bijv. 2024", prijsjaar)
    naam = str(document.get("naam") or "").strip()
    if not naam:
        chk.fout(("naam",), "een naam voor het programma", None)
    raw_r = document.get("discontovoet")
    standaard_r = float(STANDAARD_DISCONTOVOET)
    r = _parameter(chk, ("discontovoet",), raw_r, standaard=standaard_r, bron=DISCONTOVOET_BRON)
    if r is not None and raw_r is not None and r.waarde != standaard_r and r.bron == DISCONTOVOET_BRON:
        r = Parameter(
            r.waarde, "opgegeven in het programmabestand", r.min, r.max, r.verdeling, r.sd
        )
    investeringen = []
    for i, post in enumerate(document.get("investeringen") or []):
        path = ("investeringen", i)
        if not isinstance(post, Mapping):
            chk.fout(path, "een investering met omschrijving, bedrag, jaar en financier", post)
            continue
        bedrag = _parameter(chk, path + ("bedrag",), post.get("bedrag"), bron=post.get("bron"))
        jaar = post.get("jaar", 0)
        if not isinstance(jaar, int) or isinstance(jaar, bool) or jaar < 0:
            chk.fout(path + ("jaar",), "een jaarnummer 0, 1, 2, ...", jaar)
            continue
        if bedrag is not None:
            investeringen.append(
                Investering(
                    str(post.get("omschrijving") or f"investering {i + 1}"),
                    bedrag,
                    jaar,
                    str(post.get("financier") or "onbekend"),
                )
            )
    uitkomsten = []
    lijst = document.get("uitkomsten")
    if not isinstance(lijst, list) or not lijst:
        chk.fout(("uitkomsten",), "een lijst met ten minste één uitkomst", lijst)
        lijst = []
    for i, post in enumerate(lijst):
        path = ("uitkomsten", i)
        if not isinstance(post, Mapping):
            chk.fout(path, "een uitkomst met naam, aantal, waarde, ...", post)
            continue
        bron = post.get("bron")
        params = {}
        for veld in UITKOMST_VELDEN:
            standaard = 0.0 if veld in FRACTIES else None
            params[veld] = _parameter(
                chk,
                path + (veld,),
                post.get(veld),
                fractie=veld in FRACTIES,
                standaard=standaard,
                bron=bron,
                prijslijst=prijslijst if veld == "waarde" else None,
            )
        duur = post.get("duur", 1)
        if not isinstance(duur, int) or isinstance(duur, bool) or duur < 1:
            chk.fout(path + ("duur",), "een geheel aantal jaren van 1 of meer", duur)
            continue
        if all(p is not None for p in params.values()):
            uitkomsten.append(
                Uitkomst(
                    naam=str(post.get("naam") or f"uitkomst {i + 1}"),
                    duur=duur,
                    begunstigde=str(post.get("begunstigde") or "onbekend"),
                    **params,
                )
            )
    scenarios = document.get("scenarios") or {}
    if not isinstance(scenarios, Mapping):
        chk.fout(("scenarios",), "scenario's als naam: {parameter: waarde}", scenarios)
        scenarios = {}
    if chk.problemen:
        raise UserInputError(chk.problemen)
    return Programma(
        naam=naam,
        discontovoet=r,
        investeringen=tuple(investeringen),
        uitkomsten=tuple(uitkomsten),
        prijslijst_versie=prijslijst.versie,
        prijsjaar=prijsjaar if isinstance(prijsjaar, int) else None,
        scenarios={str(k): dict(v or {}) for k, v in scenarios.items()},
    )


# --------------------------------------------------------------------------- arithmetic


def evaluate_scalar(programma: Programma, waarden: Mapping[str, float] | None = None) -> dict:
    """Plain-Python reference implementation; ``waarden`` overrides parameters by name."""
    base = dict(parameter_values(programma))
    base.update(waarden or {})
    r = base["discontovoet"]
    horizon = _horizon(programma)
    kosten = [0.0] * (horizon + 1)
    kosten_per_financier: dict[str, float] = {}
    for i, inv in enumerate(programma.investeringen):
        pv = base[f"investering[{i}].bedrag"] / (1 + r) ** inv.jaar
        kosten[inv.jaar] += pv
        kosten_per_financier[inv.financier] = kosten_per_financier.get(inv.financier, 0.0) + pv
    baten = [0.0] * (horizon + 1)
    per_uitkomst: dict[str, float] = {}
    per_begunstigde: dict[str, float] = {}
    for k, u in enumerate(programma.uitkomsten):
        p = {v: base[f"uitkomst[{k}].{v}"] for v in UITKOMST_VELDEN}
        jaarwaarde = (
            p["aantal"]
            * p["waarde"]
            * (1 - p["deadweight"])
            * (1 - p["attributie"])
            * (1 - p["verplaatsing"])
        )
        totaal = 0.0
        for t in range(1, u.duur + 1):
            pv = jaarwaarde * (1 - p["drop_off"]) ** (t - 1) / (1 + r) ** t
            baten[t] += pv
            totaal += pv
        per_uitkomst[u.naam] = per_uitkomst.get(u.naam, 0.0) + totaal
        per_begunstigde[u.begunstigde] = per_begunstigde.get(u.begunstigde, 0.0) + totaal
    pv_kosten, pv_baten = sum(kosten), sum(baten)
    break_even = None
    cum_k = cum_b = 0.0
    for jaar in range(horizon + 1):
        cum_k += kosten[jaar]
        cum_b += baten[jaar]
        if cum_b >= cum_k - 1e-9:
            break_even = jaar
            break
    return {
        "pv_kosten": pv_kosten,
        "pv_baten": pv_baten,
        "netto_contante_waarde": pv_baten - pv_kosten,
        "sroi_ratio": pv_baten / pv_kosten if pv_kosten > 0 else None,
        "break_even_jaar": break_even,
        "per_begunstigde": per_begunstigde,
        "kosten_per_financier": kosten_per_financier,
        "per_uitkomst": per_uitkomst,
        "kosten_per_jaar": kosten,
        "baten_per_jaar": baten,
    }


def _horizon(programma: Programma) -> int:
    jaren = [u.duur for u in programma.uitkomsten] + [i.jaar for i in programma.investeringen]
    return max(jaren, default=0)


def parameter_values(programma: Programma) -> list[tuple[str, float]]:
    """Flat list of (name, value) in a fixed order: discount rate, investments, outcomes."""
    return [(name, p.waarde) for name, p in parameters(programma)]


def parameters(programma: Programma) -> list[tuple[str, Parameter]]:
    out = [("discontovoet", programma.discontovoet)]
    out += [
        (f"investering[{i}].bedrag", inv.bedrag) for i, inv in enumerate(programma.investeringen)
    ]
    for k, u in enumerate(programma.uitkomsten):
        out += [(f"uitkomst[{k}].{v}", getattr(u, v)) for v in UITKOMST_VELDEN]
    return out


class ProgrammaModel:
    """The programme as a vectorised function of its parameter vector (for uncertainty)."""

    def __init__(self, programma: Programma):
        self.programma = programma
        self.namen = [n for n, _ in parameters(programma)]
        self.basis = np.array([p.waarde for _, p in parameters(programma)], dtype=float)
        self.horizon = _horizon(programma)
        self._jaren = np.array([i.jaar for i in programma.investeringen], dtype=float)
        self._duur = np.array([u.duur for u in programma.uitkomsten], dtype=float)

    def evaluate(self, X: np.ndarray) -> dict[str, np.ndarray]:
        """X (n_draws, n_params) → pv_kosten, pv_baten, netto_contante_waarde, sroi_ratio."""
        X = np.atleast_2d(np.asarray(X, dtype=float))
        m = len(self._jaren)
        r = X[:, 0:1]
        bedragen = X[:, 1 : 1 + m]
        pv_kosten = (bedragen / (1 + r) ** self._jaren).sum(axis=1)
        u = X[:, 1 + m :].reshape(len(X), -1, len(UITKOMST_VELDEN))  # (n, k, 6)
        aantal, waarde, dw, attr, verpl, drop = np.moveaxis(u, 2, 0)
        jaarwaarde = aantal * waarde * (1 - dw) * (1 - attr) * (1 - verpl)  # (n, k)
        t = np.arange(1, self.horizon + 1, dtype=float)  # (T,)
        actief = t[None, :] <= self._duur[:, None]  # (k, T)
        factor = (1 - drop)[:, :, None] ** (t - 1) * actief / (1 + r[:, :, None]) ** t  # (n, k, T)
        pv_baten = (jaarwaarde[:, :, None] * factor).sum(axis=(1, 2))
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(pv_kosten > 0, pv_baten / pv_kosten, np.nan)
        return {
            "pv_kosten": pv_kosten,
            "pv_baten": pv_baten,
            "netto_contante_waarde": pv_baten - pv_kosten,
            "sroi_ratio": ratio,
        }


# --------------------------------------------------------------------------- estimator


class ProgrammaMKBA(Estimator):
    """Compute a programme's MKBA/SROI; ``discontovoet`` overrides the file's rate."""

    def __init__(
        self, *, discontovoet: float | None = None, prijslijst: Prijslijst | None = None
    ) -> None:
        self.discontovoet, self.prijslijst = discontovoet, prijslijst

    def fit(
        self,
        programma: Programma | Mapping,
        bestand: str = "programma",
        regels: Mapping[Path_, int] | None = None,
    ) -> ProgrammaResultaat:
        if not isinstance(programma, Programma):
            programma = valideer_programma(programma, bestand, regels, self.prijslijst)
        if self.discontovoet is not None:
            programma = Programma(
                programma.naam,
                Parameter(float(self.discontovoet), "opgegeven bij de berekening"),
                programma.investeringen,
                programma.uitkomsten,
                programma.prijslijst_versie,
                programma.prijsjaar,
                programma.scenarios,
            )
        return ProgrammaResultaat(programma=programma, uitkomst=evaluate_scalar(programma))


def _rond(x: float | None) -> float | None:
    return None if x is None else round(float(x), 2)


@dataclass
class ProgrammaResultaat(Resultaat):
    programma: Programma
    uitkomst: dict

    @property
    def pv_kosten(self) -> float:
        return self.uitkomst["pv_kosten"]

    @property
    def pv_baten(self) -> float:
        return self.uitkomst["pv_baten"]

    @property
    def netto_contante_waarde(self) -> float:
        return self.uitkomst["netto_contante_waarde"]

    @property
    def sroi_ratio(self) -> float | None:
        return self.uitkomst["sroi_ratio"]

    @property
    def break_even_jaar(self) -> int | None:
        return self.uitkomst["break_even_jaar"]

    def per_jaar(self) -> pd.DataFrame:
        k, b = self.uitkomst["kosten_per_jaar"], self.uitkomst["baten_per_jaar"]
        df = pd.DataFrame({"jaar": range(len(k)), "kosten_contant": k, "baten_contant": b})
        df["cumulatief_netto"] = (df["baten_contant"] - df["kosten_contant"]).cumsum()
        return df

    def summary(self) -> pd.DataFrame:
        rows = [
            ("contante waarde kosten", self.pv_kosten),
            ("contante waarde baten", self.pv_baten),
            ("netto contante waarde", self.netto_contante_waarde),
            ("SROI-ratio (baten/kosten)", self.sroi_ratio),
            ("break-evenjaar", self.break_even_jaar),
        ]
        rows += [(f"baten {b}", v) for b, v in self.uitkomst["per_begunstigde"].items()]
        return pd.DataFrame(rows, columns=["grootheid", "waarde"])

    def _content(self) -> dict:
        p = self.programma
        ratio = self.sroi_ratio
        return {
            "naam": p.naam,
            "pv_kosten": _rond(self.pv_kosten),
            "pv_baten": _rond(self.pv_baten),
            "netto_contante_waarde": _rond(self.netto_contante_waarde),
            "sroi_ratio": None if ratio is None else round(ratio, 4),
            "break_even_jaar": self.break_even_jaar,
            "per_begunstigde": {k: _rond(v) for k, v in self.uitkomst["per_begunstigde"].items()},
            "kosten_per_financier": {
                k: _rond(v) for k, v in self.uitkomst["kosten_per_financier"].items()
            },
            "per_uitkomst": {k: _rond(v) for k, v in self.uitkomst["per_uitkomst"].items()},
            "per_jaar": [
                {k: (_rond(v) if k != "jaar" else int(v)) for k, v in r.items()}
                for r in self.per_jaar().to_dict("records")
            ],
            "discontovoet": p.discontovoet.to_dict(),
            "prijslijst_versie": p.prijslijst_versie,
            "prijsjaar": p.prijsjaar or STANDAARD_PRIJSPEIL,
            "conventie": CONVENTIE,
            "invoer": {
                "investeringen": [
                    {
                        "omschrijving": i.omschrijving,
                        "jaar": i.jaar,
                        "financier": i.financier,
                        "bedrag": i.bedrag.to_dict(),
                    }
                    for i in p.investeringen
                ],
                "uitkomsten": [
                    {"naam": u.naam, "duur": u.duur, "begunstigde": u.begunstigde}
                    | {v: getattr(u, v).to_dict() for v in UITKOMST_VELDEN}
                    for u in p.uitkomsten
                ],
            },
            "zonder_bron": [n for n, par in parameters(p) if par.bron == ONBEKENDE_BRON],
        }

    def plot(self, soort: str = "waterval") -> go.Figure:
        """``waterval`` (costs to net value per beneficiary) or ``jaren`` (per year)."""
        if soort == "waterval":
            return programma_waterval(
                self.uitkomst["per_begunstigde"], self.pv_kosten, self.programma.naam
            )
        if soort == "jaren":
            return programma_jaren(self.per_jaar())
        raise UserInputError(f"onbekende figuur {soort!r}: kies waterval of jaren")


# --------------------------------------------------------------------------- from measured data


def _nl(x: float) -> str:
    from impact.opmaak import Opmaak

    return Opmaak("nl").getal(x, 3)


def _wilson(k: int, n: int) -> tuple[float, float]:
    """95% Wilson interval of the share k/n (scipy's binomial test)."""
    from scipy.stats import binomtest

    ci = binomtest(int(k), int(n)).proportion_ci(0.95, method="wilson")
    return float(ci.low), float(ci.high)


def uitkomst_uit_longitudinaal(
    verbetering: pd.DataFrame,
    *,
    naam: str,
    waarde: float | Mapping,
    begunstigde: str,
    duur: int,
    verbeterd_kolom: str = "betrouwbaar_verbeterd",
    groep_kolom: str = "groep",
    n_clienten: int | None = None,
    follow_up: pd.DataFrame | None = None,
    behouden_kolom: str = "nog_verbeterd_na_jaar",
    attributie: float | Mapping = 0.0,
    verplaatsing: float | Mapping = 0.0,
    bron_metingen: str = "eigen longitudinale metingen",
    verbeterd_tekst: str = "verbeterd",
) -> dict:
    """Outcome entry whose aantal, deadweight and drop_off come from measured data.

    ``verbetering``: one row per client with ``groep`` ("interventie" / "vergelijking") and a
    boolean ``verbeterd_kolom`` (e.g. reliable improvement, RCI). aantal = clients improved
    in the intervention group (or ``n_clienten`` × that share); deadweight = share improved in
    the comparison group / share improved in the intervention group (capped at 1), so that
    aantal × (1 − deadweight) = n × (p_interventie − p_vergelijking);
    drop_off = 1 − share of improved clients still improved one year after uitstroom
    (``follow_up`` with a boolean ``behouden_kolom``), else 0 with that stated. Each measured
    parameter gets a min–max range from the 95% Wilson interval of its share (the other
    shares held at their estimate), for the tornado and the Monte Carlo.
    """

    def share(groep: str) -> tuple[int, int]:
        sel = verbetering.loc[verbetering[groep_kolom] == groep, verbeterd_kolom].astype(bool)
        return int(sel.sum()), int(len(sel))

    k_i, n_i = share("interventie")
    k_v, n_v = share("vergelijking")
    if n_i == 0:
        raise UserInputError(
            Problem("metingen", None, groep_kolom, "cliënten in de groep 'interventie'")
        )
    p_i = k_i / n_i
    lo_i, hi_i = _wilson(k_i, n_i)
    schaal = n_i if n_clienten is None else n_clienten
    aantal = k_i if n_clienten is None else n_clienten * p_i
    aantal_bron = (
        f"{bron_metingen}: {k_i} van {n_i} gemeten cliënten in de interventiegroep "
        f"{verbeterd_tekst}"
        + ("" if n_clienten is None else f"; {_nl(p_i)} x {n_clienten} cliënten bereikt")
    )
    aantal_spec = {"waarde": float(aantal), "bron": aantal_bron, "min": schaal * lo_i,
                   "max": schaal * hi_i}
    if n_v and p_i > 0:
        p_v = k_v / n_v
        dw = min(1.0, p_v / p_i)
        lo_v, hi_v = _wilson(k_v, n_v)
        dw_bron = (
            f"{bron_metingen}: in de vergelijkingsgroep {k_v} van {n_v} {verbeterd_tekst} "
            f"({_nl(p_v)}), gedeeld door het aandeel in de interventiegroep ({_nl(p_i)})"
        )
        dw_spec = {"waarde": dw, "bron": dw_bron, "min": min(1.0, lo_v / p_i),
                   "max": min(1.0, hi_v / p_i)}
    else:
        dw_spec = {"waarde": 0.0,
                   "bron": f"{bron_metingen}: geen vergelijkingsgroep; deadweight 0 aangenomen"}
    if follow_up is not None and len(follow_up):
        behouden = follow_up[behouden_kolom].astype(bool)
        k_b, n_b = int(behouden.sum()), len(behouden)
        lo_b, hi_b = _wilson(k_b, n_b)
        drop_bron = (
            f"{bron_metingen}: {k_b} van {n_b} verbeterde cliënten "
            "een jaar na uitstroom nog verbeterd"
        )
        drop_spec = {"waarde": 1 - k_b / n_b, "bron": drop_bron, "min": 1 - hi_b, "max": 1 - lo_b}
    else:
        drop_spec = {"waarde": 0.0,
                     "bron": "geen follow-up na uitstroom gemeten; drop-off 0 aangenomen"}
    return {
        "naam": naam,
        "aantal": aantal_spec,
        "waarde": waarde,
        "deadweight": dw_spec,
        "attributie": attributie,
        "verplaatsing": verplaatsing,
        "duur": duur,
        "drop_off": drop_spec,
        "begunstigde": begunstigde,
    }
