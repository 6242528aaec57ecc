"""Agreement between coders: Cohen's κ (and weighted κ), Krippendorff's α, segment overlap.

Reliability data is a table with one row per coder and one column per unit; a missing value
(NaN / empty) means that coder did not code that unit. Krippendorff's α uses every unit that
at least two coders coded; Cohen's κ uses the units both coders coded.

References: Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability;
Cohen, J. (1960, 1968) for κ and weighted κ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
import pandas as pd

from impact.errors import Problem, UserInputError
from impact.io.parsing import parse_number
from impact.opmaak import Opmaak

NIVEAUS = {"nominaal": "nominal", "ordinaal": "ordinal", "interval": "interval",
           "ratio": "ratio"}
_LEVEL_ALIASES = {**{v: k for k, v in NIVEAUS.items()}, **{k: k for k in NIVEAUS}}
_WEIGHTS = {None: None, "": None, "geen": None, "lineair": "linear", "linear": "linear",
            "kwadratisch": "quadratic", "quadratic": "quadratic"}


def _level(niveau: str) -> str:
    try:
        return _LEVEL_ALIASES[niveau]
    except KeyError:
        raise UserInputError(Problem("niveau", None, None,
                                     "nominaal, ordinaal, interval of ratio", niveau)) from None


# -- Krippendorff's alpha --------------------------------------------------------------------
def _as_matrix(data: object, niveau: str) -> tuple[np.ndarray, np.ndarray]:
    """Coders × units matrix of value indices (NaN = missing) and the sorted values."""
    frame = pd.DataFrame(np.asarray(data, dtype=object))
    flat = pd.Series(frame.to_numpy().ravel())
    present = flat.notna() & (flat.astype(str).str.strip() != "")
    if niveau != "nominaal":
        numbers = pd.to_numeric(flat[present], errors="coerce")
        if numbers.isna().any():
            raise UserInputError(Problem("betrouwbaarheidsdata", None, None,
                                         f"getallen voor niveau {niveau}",
                                         flat[present][numbers.isna()].iloc[0]))
        flat = flat.where(~present, pd.to_numeric(flat, errors="coerce"))
    values = np.array(sorted(pd.unique(flat[present]), key=_sort_key), dtype=object)
    lookup = {v: i for i, v in enumerate(values)}
    codes = np.full(flat.shape[0], np.nan)
    codes[present.to_numpy()] = [lookup[v] for v in flat[present]]
    return codes.reshape(frame.shape), values


def _sort_key(value: object) -> tuple:
    try:
        return (0, float(value), "")
    except (TypeError, ValueError):
        return (1, 0.0, str(value))


def coincidence_matrix(codes: np.ndarray, n_values: int) -> np.ndarray:
    counts = np.zeros((codes.shape[1], n_values))
    for v in range(n_values):
        counts[:, v] = (codes == v).sum(axis=0)
    m = counts.sum(axis=1)
    keep = m >= 2
    counts, m = counts[keep], m[keep]
    per_unit = counts[:, :, None] * counts[:, None, :]
    idx = np.arange(n_values)
    per_unit[:, idx, idx] -= counts
    return (per_unit / (m - 1)[:, None, None]).sum(axis=0)


def _delta(values: np.ndarray, n_v: np.ndarray, niveau: str) -> np.ndarray:
    k = len(values)
    if niveau == "nominaal":
        return 1.0 - np.eye(k)
    x = values.astype(float)
    if niveau == "interval":
        return (x[:, None] - x[None, :]) ** 2
    if niveau == "ratio":
        total = x[:, None] + x[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            out = ((x[:, None] - x[None, :]) / total) ** 2
        return np.nan_to_num(out)
    cum = np.cumsum(n_v)
    out = np.zeros((k, k))
    for c in range(k):
        for d in range(k):
            lo, hi = min(c, d), max(c, d)
            between = cum[hi] - (cum[lo - 1] if lo > 0 else 0)
            out[c, d] = (between - (n_v[c] + n_v[d]) / 2) ** 2
    return out


def krippendorff_alpha(data: object, niveau: str = "nominaal") -> float:
    """Krippendorff's α for coders × units data with missing values (NaN or empty)."""
    niveau = _level(niveau)
    codes, values = _as_matrix(data, niveau)
    if len(values) < 2:
        return float("nan")
    o = coincidence_matrix(codes, len(values))
    n_v = o.sum(axis=0)
    n = n_v.sum()
    if n <= 1:
        return float("nan")
    delta = _delta(values, n_v, niveau)
    d_o = (o * delta).sum() / n
    d_e = (np.outer(n_v, n_v) * delta).sum() / (n * (n - 1))
    return float("nan") if d_e == 0 else float(1 - d_o / d_e)


# -- Cohen's kappa ---------------------------------------------------------------------------
def cohen_kappa(a: Sequence, b: Sequence, gewichten: str | None = None,
                labels: Sequence | None = None) -> float:
    """Cohen's κ for two coders; weighted with ``'lineair'`` or ``'kwadratisch'`` weights.

    Units that either coder left empty are left out. Weights use the distance between label
    positions in ``labels`` (sorted values by default), as scikit-learn does.
    """
    weights = _WEIGHTS.get(gewichten, "?")
    if weights == "?":
        raise UserInputError(Problem("gewichten", None, None, "geen, lineair of kwadratisch",
                                     gewichten))
    pair = pd.DataFrame({"a": list(a), "b": list(b)}).replace("", np.nan).dropna()
    if pair.empty:
        return float("nan")
    if labels is None:
        labels = sorted(pd.unique(pair[["a", "b"]].to_numpy().ravel()), key=_sort_key)
    index = {v: i for i, v in enumerate(labels)}
    k = len(labels)
    observed = np.zeros((k, k))
    for x, y in zip(pair["a"], pair["b"], strict=True):
        observed[index[x], index[y]] += 1
    n = observed.sum()
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / n
    i, j = np.indices((k, k))
    w = {None: (i != j).astype(float), "linear": np.abs(i - j).astype(float),
         "quadratic": ((i - j) ** 2).astype(float)}[weights]
    denominator = (w * expected).sum()
    return float("nan") if denominator == 0 else float(1 - (w * observed).sum() / denominator)


def percent_agreement(a: Sequence, b: Sequence) -> float:
    pair = pd.DataFrame({"a": list(a), "b": list(b)}).replace("", np.nan).dropna()
    return float("nan") if pair.empty else float((pair["a"] == pair["b"]).mean())


# -- estimator -------------------------------------------------------------------------------
@dataclass
class OvereenstemmingResultaat:
    niveau: str
    alpha: float
    n_codeurs: int
    n_eenheden: int
    n_eenheden_paarbaar: int
    kappa: float | None
    kappa_gewogen: float | None
    gewichten: str | None
    paren: pd.DataFrame = field(repr=False)

    def summary(self) -> pd.DataFrame:
        """One row per pair of coders (κ, weighted κ, % agreement, units both coded)."""
        return self.paren.copy()

    def to_dict(self) -> dict:
        def clean(x: float | None) -> float | None:
            return None if x is None or (isinstance(x, float) and np.isnan(x)) else float(x)

        out = {
            "alpha": clean(self.alpha), "niveau": self.niveau, "n_codeurs": self.n_codeurs,
            "n_eenheden": self.n_eenheden, "n_eenheden_paarbaar": self.n_eenheden_paarbaar,
        }
        if self.kappa is not None:
            out["kappa"] = clean(self.kappa)
        if self.kappa_gewogen is not None:
            out["kappa_gewogen"] = clean(self.kappa_gewogen)
            out["gewichten"] = self.gewichten
        out["paren"] = [
            {k: (clean(v) if isinstance(v, float) else v) for k, v in row.items()}
            for row in self.paren.to_dict("records")
        ]
        return out

    def plot(self):
        import plotly.graph_objects as go

        labels = [f"{a} – {b}" for a, b in zip(self.paren["codeur_a"], self.paren["codeur_b"],
                                               strict=True)]
        fig = go.Figure(go.Bar(x=labels, y=self.paren["kappa"], name="Cohen's κ"))
        fig.add_hline(y=self.alpha, line_dash="dash",
                      annotation_text=f"Krippendorff's α ({self.niveau}) = "
                      f"{Opmaak('nl').getal(self.alpha, 2)}")
        fig.update_layout(title="Overeenstemming tussen codeurs", yaxis_title="κ",
                          yaxis_range=[min(-0.1, float(np.nanmin(self.paren["kappa"]))
                                           if len(self.paren) else 0), 1])
        return fig


class Overeenstemming:
    """Agreement on coders × units data.

    ``gewichten`` for the weighted κ defaults to linear for ordinal and quadratic for interval
    and ratio data (nominal data gets no weighted κ).
    """

    def __init__(self, niveau: str = "nominaal", gewichten: str | None = None):
        self.niveau = _level(niveau)
        if gewichten is None and self.niveau != "nominaal":
            gewichten = "lineair" if self.niveau == "ordinaal" else "kwadratisch"
        self.gewichten = gewichten

    def fit(self, data: pd.DataFrame) -> OvereenstemmingResultaat:
        frame = pd.DataFrame(data).replace("", np.nan)
        if self.niveau != "nominaal":
            frame = frame.apply(pd.to_numeric, errors="raise")
        alpha = krippendorff_alpha(frame, self.niveau)
        codes, values = _as_matrix(frame, self.niveau)
        labels = list(values)
        rows = []
        names = [str(x) for x in frame.index]
        for i, j in combinations(range(len(frame)), 2):
            a, b = frame.iloc[i].tolist(), frame.iloc[j].tolist()
            both = int((frame.iloc[i].notna() & frame.iloc[j].notna()).sum())
            rows.append({
                "codeur_a": names[i], "codeur_b": names[j], "n_eenheden": both,
                "kappa": cohen_kappa(a, b, labels=labels),
                "kappa_gewogen": cohen_kappa(a, b, self.gewichten, labels=labels)
                if self.gewichten else float("nan"),
                "overeenstemming": percent_agreement(a, b),
            })
        paren = pd.DataFrame(rows, columns=["codeur_a", "codeur_b", "n_eenheden", "kappa",
                                            "kappa_gewogen", "overeenstemming"])
        two = len(frame) == 2
        return OvereenstemmingResultaat(
            niveau=self.niveau, alpha=alpha, n_codeurs=int(len(frame)),
            n_eenheden=int(frame.shape[1]),
            n_eenheden_paarbaar=int((~np.isnan(codes)).sum(axis=0).__ge__(2).sum()),
            kappa=float(paren.loc[0, "kappa"]) if two else None,
            kappa_gewogen=float(paren.loc[0, "kappa_gewogen"]) if two and self.gewichten
            else None,
            gewichten=self.gewichten, paren=paren,
        )


def betrouwbaarheidsdata(
    frame: pd.DataFrame, niveau: str = "nominaal", *, bestand: str = "betrouwbaarheidsdata"
) -> pd.DataFrame:
    """Reliability data from a table as read (``impact.io.tabular.read_table``): one row per
    coder and one column per unit, every cell text ('' = not coded).

    A first column called codeur/coder/naam holds the coders' names; otherwise the rows are
    numbered. Values must be numbers for ordinal, interval and ratio data. Rows in messages
    are the frame's index + 2 (the header is row 1), as the reader numbers them.
    """
    niveau = _level(niveau)
    frame = frame.astype(str)
    rows = [int(i) + 2 if isinstance(i, int | np.integer) else n + 2
            for n, i in enumerate(frame.index)]
    first = str(frame.columns[0]).strip().casefold() if len(frame.columns) else ""
    if first in {"codeur", "coder", "naam", "beoordelaar"}:
        frame = frame.set_index(frame.columns[0])
    else:
        frame.index = [f"codeur {i}" for i in range(1, len(frame) + 1)]
    frame = frame.apply(lambda col: col.str.strip())
    problems: list[Problem] = []
    if len(frame) < 2:
        problems.append(Problem(bestand, None, None, "minstens twee codeurs (rijen)", len(frame)))
    if frame.shape[1] < 1:
        problems.append(Problem(bestand, 1, None, "minstens één eenheid (kolom)"))
    if problems:
        raise UserInputError(problems)
    if niveau == "nominaal":
        return frame.replace("", np.nan)
    numbers = {}
    for column in frame.columns:
        parsed, invalid = parse_number(frame[column].reset_index(drop=True))
        for position in np.flatnonzero(invalid.to_numpy()):
            problems.append(Problem(bestand, rows[position], str(column),
                                    f"een getal (niveau {niveau}) of leeg",
                                    frame[column].iloc[position]))
        numbers[column] = parsed.to_numpy()
    if problems:
        raise UserInputError(sorted(problems, key=lambda p: (p.row or 0)))
    return pd.DataFrame(numbers, index=frame.index)


# -- agreement on coded segments --------------------------------------------------------------
def _units(verhalen: pd.DataFrame, eenheid: str) -> pd.DataFrame:
    from verhalen.suggesties import sentence_spans

    rows = []
    for verhaal_id, text in zip(verhalen["verhaal_id"], verhalen["tekst"].fillna(""),
                                strict=True):
        if eenheid == "verhaal":
            spans = [(0, max(len(text), 1))]
        elif eenheid == "zin":
            spans = sentence_spans(text) or [(0, max(len(text), 1))]
        elif eenheid == "teken":
            spans = [(i, i + 1) for i in range(len(text))]
        else:
            raise UserInputError(Problem("eenheid", None, None, "zin, verhaal of teken",
                                         eenheid))
        rows += [(verhaal_id, s, e) for s, e in spans]
    return pd.DataFrame(rows, columns=["verhaal_id", "start", "eind"])


def code_presence(coderingen: pd.DataFrame, verhalen: pd.DataFrame, code_id: object,
                  eenheid: str = "zin", gecodeerd: pd.DataFrame | None = None) -> pd.DataFrame:
    """Coders × units table: 1 if the coder put ``code_id`` on (part of) the unit, 0 if the
    coder coded the story but not with this code there, NaN if the coder skipped the story.

    ``gecodeerd`` (verhaal_id, codeur) says which coder read which story; by default a coder
    read a story when they coded anything in it.
    """
    units = _units(verhalen, eenheid)
    if gecodeerd is None:
        gecodeerd = coderingen[["verhaal_id", "codeur"]].drop_duplicates()
    coders = sorted(pd.unique(gecodeerd["codeur"]).tolist(), key=str)
    read = set(zip(gecodeerd["verhaal_id"], gecodeerd["codeur"], strict=True))
    mine = coderingen[coderingen["code_id"] == code_id]
    out = np.full((len(coders), len(units)), np.nan)
    for ci, coder in enumerate(coders):
        segs = mine[mine["codeur"] == coder]
        by_story: dict[object, list[tuple[int, int]]] = {}
        for v, s, e in zip(segs["verhaal_id"], segs["start"], segs["eind"], strict=True):
            by_story.setdefault(v, []).append((int(s), int(e)))
        for ui, (v, s, e) in enumerate(units.itertuples(index=False)):
            if (v, coder) in read:
                out[ci, ui] = float(any(a < e and s < b for a, b in by_story.get(v, [])))
    return pd.DataFrame(out, index=coders)


@dataclass
class CodeOvereenstemmingResultaat:
    tabel: pd.DataFrame
    eenheid: str

    def summary(self) -> pd.DataFrame:
        return self.tabel.copy()

    def to_dict(self) -> dict:
        return {"eenheid": self.eenheid, "codes": [
            {k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in r.items()}
            for r in self.tabel.to_dict("records")]}

    def plot(self):
        import plotly.express as px

        data = self.tabel[self.tabel["code_id"] != "totaal"]
        return px.bar(data, x="code_id", y="alpha",
                      title=f"Krippendorff's α per code (eenheid: {self.eenheid})",
                      labels={"code_id": "code", "alpha": "α"})


class CodeOvereenstemming:
    """Krippendorff's α (nominal, presence/absence) and κ per code and over all codes.

    Stories are cut into units (``eenheid``: 'zin', 'verhaal' or 'teken'); each coder either
    did or did not apply the code to each unit. 'totaal' stacks the unit tables of all codes.
    """

    def __init__(self, eenheid: str = "zin"):
        self.eenheid = eenheid

    def fit(self, coderingen: pd.DataFrame, verhalen: pd.DataFrame,
            gecodeerd: pd.DataFrame | None = None) -> CodeOvereenstemmingResultaat:
        rows, stacked = [], []
        for code_id in sorted(pd.unique(coderingen["code_id"]).tolist(), key=str):
            table = code_presence(coderingen, verhalen, code_id, self.eenheid, gecodeerd)
            stacked.append(table)
            rows.append(self._row(code_id, table))
        if stacked:
            rows.append(self._row("totaal", pd.concat(stacked, axis=1, ignore_index=True)))
        return CodeOvereenstemmingResultaat(pd.DataFrame(rows), self.eenheid)

    @staticmethod
    def _row(code_id: object, table: pd.DataFrame) -> dict:
        pairs = list(combinations(range(len(table)), 2))
        kappas = [cohen_kappa(table.iloc[i], table.iloc[j], labels=[0.0, 1.0])
                  for i, j in pairs]
        agree = [percent_agreement(table.iloc[i], table.iloc[j]) for i, j in pairs]
        return {
            "code_id": code_id, "alpha": krippendorff_alpha(table, "nominaal"),
            "kappa": float(np.nanmean(kappas)) if kappas and not np.all(np.isnan(kappas))
            else float("nan"),
            "overeenstemming": float(np.nanmean(agree)) if agree and not
            np.all(np.isnan(agree)) else float("nan"),
            "n_codeurs": int(len(table)),
            "n_eenheden": int(((table.notna()).sum(axis=0) >= 2).sum()),
        }


def segment_overeenstemming(coderingen: pd.DataFrame, drempel: float = 0.9,
                            gecodeerd: pd.DataFrame | None = None) -> pd.DataFrame:
    """Segment-overlap agreement per code, MAXQDA style.

    For every pair of coders and every story both read, each segment of one coder counts as
    an agreement when the other coder has a segment with the same code whose overlap
    (intersection / union of the character ranges) is at least ``drempel``; otherwise as a
    disagreement. Returns per code (and 'totaal'): overeenstemmend, afwijkend, percentage.
    """
    if gecodeerd is None:
        gecodeerd = coderingen[["verhaal_id", "codeur"]].drop_duplicates()
    read: dict[object, set] = {}
    for v, c in zip(gecodeerd["verhaal_id"], gecodeerd["codeur"], strict=True):
        read.setdefault(c, set()).add(v)
    coders = sorted(read, key=str)
    counts: dict[object, list[int]] = {}
    for a, b in combinations(coders, 2):
        shared = read[a] & read[b]
        for me, other in ((a, b), (b, a)):
            mine = coderingen[(coderingen["codeur"] == me)
                              & coderingen["verhaal_id"].isin(shared)]
            theirs = coderingen[coderingen["codeur"] == other]
            for row in mine.itertuples(index=False):
                cand = theirs[(theirs["verhaal_id"] == row.verhaal_id)
                              & (theirs["code_id"] == row.code_id)]
                inter = np.clip(np.minimum(cand["eind"], row.eind)
                                - np.maximum(cand["start"], row.start), 0, None)
                union = np.maximum(cand["eind"], row.eind) - np.minimum(cand["start"],
                                                                        row.start)
                hit = bool(len(cand)) and bool(((inter / union) >= drempel).any())
                tally = counts.setdefault(row.code_id, [0, 0])
                tally[0 if hit else 1] += 1
    rows = [{"code_id": k, "overeenstemmend": v[0], "afwijkend": v[1]}
            for k, v in sorted(counts.items(), key=lambda kv: str(kv[0]))]
    frame = pd.DataFrame(rows, columns=["code_id", "overeenstemmend", "afwijkend"])
    total = pd.DataFrame([{"code_id": "totaal", "overeenstemmend": frame["overeenstemmend"].sum(),
                           "afwijkend": frame["afwijkend"].sum()}])
    frame = pd.concat([frame, total], ignore_index=True)
    n = frame["overeenstemmend"] + frame["afwijkend"]
    frame["percentage"] = np.where(n > 0, 100 * frame["overeenstemmend"] / n.where(n > 0, 1),
                                   np.nan)
    return frame
