"""Exemplar stories for a finding: representative and contrasting, within consent, spread.

Consent (``toestemming``) is checked first and cannot be switched off: a story never leaves
its scope. The intended use (``gebruik``) decides which scopes qualify:

| gebruik | stories allowed |
| --- | --- |
| intern | intern, geanonimiseerd_publiceren, publiceren_met_bron |
| geanonimiseerd_publiceren | geanonimiseerd_publiceren, publiceren_met_bron |
| publiceren_met_bron | publiceren_met_bron |

Stories with an unknown or empty consent value count as having none.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.errors import Problem, UserInputError

TOESTEMMING = ("intern", "geanonimiseerd_publiceren", "publiceren_met_bron")
_ALLOWED = {
    "intern": set(TOESTEMMING),
    "geanonimiseerd_publiceren": {"geanonimiseerd_publiceren", "publiceren_met_bron"},
    "publiceren_met_bron": {"publiceren_met_bron"},
}
_ALIASES = {"publicatie": "geanonimiseerd_publiceren", "rapport": "geanonimiseerd_publiceren",
            "publiceren": "geanonimiseerd_publiceren"}
_LABEL = {"intern": "intern gebruik", "geanonimiseerd_publiceren": "geanonimiseerd publiceren",
          "publiceren_met_bron": "publiceren met bron"}


def _use(gebruik: str) -> str:
    gebruik = _ALIASES.get(gebruik, gebruik)
    if gebruik not in _ALLOWED:
        raise UserInputError(Problem("gebruik", None, None,
                                     "intern, geanonimiseerd_publiceren of publiceren_met_bron",
                                     gebruik))
    return gebruik


def is_publicatie(gebruik: str) -> bool:
    return _use(gebruik) != "intern"


def binnen_toestemming(verhalen: pd.DataFrame, gebruik: str) -> pd.DataFrame:
    """Only the stories whose consent covers ``gebruik``.

    For a publication use, stories flagged ``gepseudonimiseerd == False`` (when that column
    exists) are left out as well: publication needs pseudonymised text.
    """
    gebruik = _use(gebruik)
    if "toestemming" not in verhalen.columns:
        raise UserInputError(Problem("verhalen", None, "toestemming",
                                     "een kolom toestemming bij elk verhaal"))
    consent = verhalen["toestemming"].astype("string").str.strip()
    keep = consent.isin(_ALLOWED[gebruik]).fillna(False).astype(bool)
    if gebruik != "intern" and "gepseudonimiseerd" in verhalen.columns:
        keep &= verhalen["gepseudonimiseerd"].fillna(False).astype(bool)
    return verhalen[keep.to_numpy()].copy()


@dataclass
class ExemplaarSelectie:
    verhalen: pd.DataFrame
    regel: str  # the selection rule in words, for the reader
    n_kandidaten: int
    seed: int = 0  # reproducibility: in the result, not in the reader's text

    def summary(self) -> pd.DataFrame:
        return self.verhalen.copy()

    def to_dict(self) -> dict:
        frame = self.verhalen.copy()
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                frame[column] = frame[column].dt.date.astype(str)
        return {"regel": self.regel, "n_kandidaten": self.n_kandidaten, "seed": self.seed,
                "verhalen": frame.astype(object).where(frame.notna(), None).to_dict("records")}


def _quote(text: str, segments: pd.DataFrame, max_length: int = 300) -> str:
    if len(segments):
        longest = segments.assign(n=segments["eind"] - segments["start"]).sort_values(
            ["n", "start"], ascending=[False, True]).iloc[0]
        quote = text[int(longest["start"]):int(longest["eind"])]
    else:
        quote = text
    quote = quote.strip()
    return quote if len(quote) <= max_length else quote[:max_length].rsplit(" ", 1)[0] + " …"


def _spread_pick(candidates: pd.DataFrame, n: int, spread: list[str],
                 rng: np.random.Generator) -> pd.DataFrame:
    """Greedy: best score first, but prefer a story whose wijk/interventie is not yet used."""
    if candidates.empty or n <= 0:
        return candidates.iloc[0:0]
    pool = candidates.assign(_tie=rng.random(len(candidates))).sort_values(
        ["_score", "_tie"], ascending=[False, True])
    chosen: list[int] = []
    used: dict[str, set] = {c: set() for c in spread}
    while len(chosen) < min(n, len(pool)):
        rest = pool.drop(index=chosen)
        novelty = sum(
            (~rest[c].astype("string").fillna("∅").isin(
                {str(v) for v in used[c]})).astype(int) for c in spread
        ) if spread else pd.Series(0, index=rest.index)
        best = rest.assign(_new=novelty).sort_values(
            ["_new", "_score", "_tie"], ascending=[False, False, True]).index[0]
        chosen.append(best)
        for c in spread:
            used[c].add(str(pool.at[best, c]) if not pd.isna(pool.at[best, c]) else "∅")
    return pool.loc[chosen]


def kies_exemplaren(
    verhalen: pd.DataFrame, gebruik: str, coderingen: pd.DataFrame | None = None,
    code_id: str | None = None, groepen: pd.DataFrame | None = None, groep: object = None,
    n: int = 3, n_contrast: int = 1, spreiding: tuple[str, ...] = ("wijk", "interventie"),
    seed: int = 0, tekst_kolom: str = "tekst",
) -> ExemplaarSelectie:
    """Representative and contrasting stories for a finding ("code X in group Y").

    - representative: stories in ``groep`` coded with ``code_id``, ranked by the share of
      the story's text carrying the code;
    - contrasting: stories in ``groep`` without the code, or — when no group is given or
      none qualify — stories with the code from another group;
    - within each role, stories are spread over ``spreiding`` (wijk, interventie): a story
      from a not-yet-chosen wijk/interventie goes first; remaining ties by seeded chance.

    ``groepen`` maps stories to groups (columns verhaal_id or client_id, and ``groep``), for
    example the RCI category of the story's client. Consent is applied before anything else.
    """
    gebruik = _use(gebruik)
    allowed = binnen_toestemming(verhalen, gebruik)
    stories = allowed.copy()
    if groepen is not None:
        key = "verhaal_id" if "verhaal_id" in groepen.columns else "client_id"
        stories = stories.merge(groepen[[key, "groep"]].drop_duplicates(key), on=key,
                                how="left")
    elif "groep" not in stories.columns:
        stories["groep"] = pd.NA
    spread = [c for c in spreiding if c in stories.columns]
    cods = coderingen if coderingen is not None else pd.DataFrame(
        columns=["verhaal_id", "code_id", "start", "eind"])
    mine = cods[cods["code_id"] == code_id] if code_id is not None else cods.iloc[0:0]
    coverage = (mine.assign(n=mine["eind"] - mine["start"]).groupby("verhaal_id")["n"].sum())
    lengths = stories[tekst_kolom].fillna("").str.len().clip(lower=1)
    stories["_score"] = (stories["verhaal_id"].map(coverage).fillna(0).to_numpy()
                         / lengths.to_numpy())
    has_code = stories["verhaal_id"].isin(mine["verhaal_id"]) if code_id is not None else \
        pd.Series(True, index=stories.index)
    in_group = (stories["groep"] == groep).fillna(False).astype(bool) if groep is not None \
        else pd.Series(True, index=stories.index)
    rng = np.random.default_rng(seed)

    representative = _spread_pick(stories[has_code & in_group], n, spread, rng)
    contrast_rule = ""
    if code_id is not None and groep is not None:
        pool = stories[~has_code & in_group].assign(_score=0.0)
        contrast_rule = f"verhalen uit groep '{groep}' zonder code '{code_id}'"
        if pool.empty:
            pool = stories[has_code & ~in_group]
            contrast_rule = f"verhalen met code '{code_id}' uit een andere groep dan '{groep}'"
    elif code_id is not None:
        pool = stories[~has_code].assign(_score=0.0)
        contrast_rule = f"verhalen zonder code '{code_id}'"
    else:
        pool = stories.iloc[0:0]
    contrasting = _spread_pick(pool.drop(index=representative.index, errors="ignore"),
                               n_contrast, spread, rng)

    rows = []
    for role, frame in (("representatief", representative), ("contrasterend", contrasting)):
        for row in frame.to_dict("records"):
            segs = mine[mine["verhaal_id"] == row["verhaal_id"]]
            rows.append({
                "verhaal_id": row["verhaal_id"], "rol": role,
                "titel": row.get("titel"), "groep": row.get("groep"),
                **{c: row.get(c) for c in spread},
                "toestemming": row["toestemming"],
                "aandeel_code": round(float(row["_score"]), 3),
                "citaat": _quote(str(row.get(tekst_kolom) or ""), segs),
            })
    columns = ["verhaal_id", "rol", "titel", "groep", *spread, "toestemming", "aandeel_code",
               "citaat"]
    out = pd.DataFrame(rows, columns=columns)
    quotes_withheld = gebruik != "intern" and "gepseudonimiseerd" not in verhalen.columns
    if quotes_withheld:  # never quote unpseudonymised text for a publication
        out["citaat"] = None

    finding = f"code '{code_id}'" if code_id is not None else "alle verhalen"
    if groep is not None:
        finding += f" in groep '{groep}'"
    rule = (
        f"Gekozen uit {len(allowed)} van de {len(verhalen)} verhalen die toestemming hebben "
        f"voor {_LABEL[gebruik]}"
        + (" en gepseudonimiseerd zijn" if gebruik != "intern"
           and "gepseudonimiseerd" in verhalen.columns else "")
        + f". Bevinding: {finding}. Representatief: tot {n} verhalen met deze bevinding, "
        "gerangschikt op het aandeel van de tekst met de code"
        + (f"; contrasterend: tot {n_contrast} {contrast_rule}" if contrast_rule and n_contrast else "")
        + ". Binnen elke rol gaat een verhaal uit een nog niet gekozen "
        + (" of ".join(spread) if spread else "groep")
        + " voor; bij gelijke stand beslist het toeval (herhaalbaar)."
        + (" Citaten zijn weggelaten: de verhalen zijn niet als gepseudonimiseerd gemarkeerd."
           if quotes_withheld else "")
    )
    return ExemplaarSelectie(out, rule, len(allowed), seed)
