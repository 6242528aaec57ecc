"""A coded subset of the demo stories: the ZRM start codebook and two coders.

``codes`` is the codebook of the verhalen room (``verhalen/data/codeboek_zrm.yaml``) as a
table: ``code_id`` (the codebook's own id, e.g. ``financien.schulden``), ``naam``,
``parent_id`` (the id of the category, or missing), ``domein`` (ZRM domain code, missing for
the cross-domain codes), ``definitie``, ``voorbeeld``, ``kleur``, ``codeerbaar``.

``coderingen`` holds the codings of about 10% of the client stories by "codeur A" and
"codeur B": ``verhaal_id``, ``code_id``, ``start`` and ``eind`` (character offsets into the
story's ``tekst``, ``eind`` exclusive), ``codeur``, ``datum``. Coder A marks every sentence the
story was written around (the domain a stance sentence is about, keerpunten, help, own
strength). Coder B agrees on most segments, draws a boundary differently on some (starting
after a clause break, or running on into the next sentence), picks a neighbouring code on a
few, misses a few and adds a few of his own: realistic, partial agreement.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from impact.demo.teksten import load_codebook

SHARE = 0.10
CODERS = ("codeur A", "codeur B")
# codes a second coder plausibly chooses instead
NEIGHBOURS = {
    "geestelijke_gezondheid": "sociaal_netwerk", "sociaal_netwerk": "maatschappelijke_participatie",
    "tijdsbesteding": "maatschappelijke_participatie", "maatschappelijke_participatie": "tijdsbesteding",
    "huiselijke_relaties": "sociaal_netwerk", "instrumentele_adl": "financien.schuldhulp",
    "basale_adl": "lichamelijke_gezondheid", "lichamelijke_gezondheid": "geestelijke_gezondheid",
    "middelengebruik": "geestelijke_gezondheid", "justitie": "huiselijke_relaties",
    "keerpunt": "eigen_kracht", "hulpverlening": "eigen_kracht", "eigen_kracht": "keerpunt",
    "werk_opleiding.werk": "werk_opleiding.opleiding",
    "werk_opleiding.opleiding": "werk_opleiding.werk",
    "financien.schulden": "financien.schuldhulp", "financien.schuldhulp": "financien.schulden",
    "financien.inkomen": "financien.schulden",
    "huisvesting.dreigend_verlies": "huisvesting.woning",
    "huisvesting.woning": "huisvesting.dreigend_verlies",
}


def codes_frame() -> pd.DataFrame:
    rows = []

    def walk(codes: list[dict], parent: str | None) -> None:
        for c in codes:
            rows.append((c["code_id"], c["naam"], parent, c.get("domein"), c.get("definitie"),
                         c.get("voorbeeld"), c.get("kleur"), bool(c.get("codeerbaar", True))))
            walk(c.get("codes") or [], c["code_id"])

    walk(load_codebook()["codes"], None)
    frame = pd.DataFrame(rows, columns=["code_id", "naam", "parent_id", "domein", "definitie",
                                        "voorbeeld", "kleur", "codeerbaar"])
    return frame.astype({"code_id": "str", "naam": "str", "codeerbaar": bool})


def _clause_start(text: str, start: int, end: int) -> int:
    """Where a coder who skips the sentence's lead-in would start, or ``start``."""
    piece = text[start:end]
    for mark in ("; ", ": ", ", "):
        k = piece.find(mark)
        if 8 < k < len(piece) - 12:
            return start + k + len(mark)
    return start


def two_coders(rng: np.random.Generator, verhalen: pd.DataFrame,
               segments: list[tuple]) -> pd.DataFrame:
    """Codings of about ``SHARE`` of the client stories by two coders (see module docstring)."""
    columns = ["verhaal_id", "code_id", "start", "eind", "codeur", "datum"]
    every = pd.DataFrame(segments, columns=["verhaal_id", "start", "eind", "code_id"])
    sentences = {k: sorted(zip(g["start"].tolist(), g["eind"].tolist(), strict=True))
                 for k, g in every.groupby("verhaal_id", sort=False)}
    seg = every[every["code_id"] != ""].drop_duplicates()
    client_stories = verhalen.loc[verhalen["client_id"].notna(), ["verhaal_id", "tekst", "datum"]]
    client_stories = client_stories[client_stories["verhaal_id"].isin(seg["verhaal_id"])]
    chosen = client_stories[rng.random(len(client_stories)) < SHARE]
    texts = dict(zip(chosen["verhaal_id"], chosen["tekst"], strict=True))
    dates = dict(zip(chosen["verhaal_id"], chosen["datum"], strict=True))
    seg = seg[seg["verhaal_id"].isin(texts)].sort_values(["verhaal_id", "start"], kind="stable")
    rows: list[tuple] = []
    by_story = {k: g for k, g in seg.groupby("verhaal_id", sort=True)}
    for verhaal_id, g in by_story.items():
        text = texts[verhaal_id]
        day_a = dates[verhaal_id] + pd.Timedelta(days=int(rng.integers(20, 90)))
        day_b = day_a + pd.Timedelta(days=int(rng.integers(3, 30)))
        spans = list(zip(g["start"].tolist(), g["eind"].tolist(), g["code_id"].tolist(),
                         strict=True))
        own = sorted(set(sentences[verhaal_id]))
        for start, end, code in spans:
            u = rng.random()
            if u > 0.03:  # coder A misses very little
                rows.append((verhaal_id, code, start, end, CODERS[0], day_a))
            v = rng.random()
            if v < 0.74:
                rows.append((verhaal_id, code, start, end, CODERS[1], day_b))
            elif v < 0.84:  # another boundary
                later = [e for _, e in own if e > end]
                if rng.random() < 0.5 and _clause_start(text, start, end) != start:
                    rows.append((verhaal_id, code, _clause_start(text, start, end), end,
                                 CODERS[1], day_b))
                elif later:
                    rows.append((verhaal_id, code, start, later[0], CODERS[1], day_b))
                else:
                    rows.append((verhaal_id, code, start, max(start + 1, end - 1), CODERS[1], day_b))
            elif v < 0.93:  # another code
                rows.append((verhaal_id, NEIGHBOURS.get(code, "eigen_kracht"), start, end,
                             CODERS[1], day_b))
            # else: coder B did not code this segment
        if rng.random() < 0.15:  # coder B adds a code of his own on an uncoded sentence
            coded = {(s, e) for s, e, _ in spans}
            free = [(s, e) for s, e in own if (s, e) not in coded]
            if free:
                s, e = free[int(rng.integers(0, len(free)))]
                extra = ("eigen_kracht", "hulpverlening", "keerpunt")[int(rng.integers(0, 3))]
                rows.append((verhaal_id, extra, s, e, CODERS[1], day_b))
    out = pd.DataFrame(rows, columns=columns)
    out = out.sort_values(["verhaal_id", "codeur", "start", "code_id"], kind="stable",
                          ignore_index=True)
    return out.astype({"verhaal_id": np.int64, "code_id": "str", "start": np.int64,
                       "eind": np.int64, "codeur": "str", "datum": "datetime64[ns]"})
