"""Client-reported scores in the demo world: Positieve Gezondheid and ZRM self-scores.

- **Positieve Gezondheid** (instrument ``PG``, six dimensions, integer 0-10, ``bron =
  "client"``) for about 40% of clients: at intake (within a week of the start) and at the
  client's last ZRM occasion when that is at least three months after the start. Each
  dimension follows the ZRM domains it is closest to (e.g. mentaal welbevinden ~ geestelijke
  gezondheid, meedoen ~ participatie, netwerk and werk), on the 0-10 scale, plus a personal
  offset (some people rate their lives higher than their problems suggest) and noise, so PG
  moves with the ZRM course without copying it.
- **ZRM self-score** (instrument ``ZRM``, ``bron = "client"``) for about 30% of clients, on the
  same dates as the professional's intake and last measurement. Clients and professionals
  agree closely on concrete domains (huisvesting, justitie, basale ADL, werk) and less on
  domains that ask for judgement (geestelijke gezondheid, middelengebruik, sociaal netwerk,
  huiselijke relaties), where clients also tend to score themselves as more self-reliant.
  This mirrors the domain-dependent agreement reported by Van den Boom et al. (TSG, 2018)
  in direction, not in exact figures: the parameters below are the generator's own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from impact.demo import verloop

PG_DOMAINS = [
    "lichaamsfuncties", "mentaal_welbevinden", "zingeving", "kwaliteit_van_leven", "meedoen",
    "dagelijks_functioneren",
]
_D = verloop.D
# weights of ZRM domains per PG dimension (rows sum to 1)
_PG_FROM_ZRM = {
    "lichaamsfuncties": {"lichamelijke_gezondheid": 0.8, "basale_adl": 0.2},
    "mentaal_welbevinden": {"geestelijke_gezondheid": 0.7, "huiselijke_relaties": 0.15,
                            "financien": 0.15},
    "zingeving": {"tijdsbesteding": 0.35, "sociaal_netwerk": 0.35, "geestelijke_gezondheid": 0.3},
    "kwaliteit_van_leven": {"financien": 0.25, "huisvesting": 0.25, "geestelijke_gezondheid": 0.25,
                            "huiselijke_relaties": 0.25},
    "meedoen": {"maatschappelijke_participatie": 0.4, "sociaal_netwerk": 0.3,
                "werk_opleiding": 0.3},
    "dagelijks_functioneren": {"instrumentele_adl": 0.4, "basale_adl": 0.2, "tijdsbesteding": 0.4},
}
PG_WEIGHTS = np.array([[_PG_FROM_ZRM[p].get(d, 0.0) for d in verloop.DOMAINS] for p in PG_DOMAINS])

# client minus professional on the ZRM: mean offset and spread per domain
_SELF = {
    "financien": (0.2, 0.6), "werk_opleiding": (0.1, 0.45), "tijdsbesteding": (0.2, 0.6),
    "huisvesting": (0.05, 0.35), "huiselijke_relaties": (0.35, 0.8),
    "geestelijke_gezondheid": (0.4, 0.9), "lichamelijke_gezondheid": (0.1, 0.6),
    "middelengebruik": (0.5, 0.85), "basale_adl": (0.05, 0.35), "instrumentele_adl": (0.25, 0.6),
    "sociaal_netwerk": (0.3, 0.8), "maatschappelijke_participatie": (0.2, 0.7),
    "justitie": (0.05, 0.35),
}
SELF_BIAS = np.array([_SELF[d][0] for d in verloop.DOMAINS])
SELF_SD = np.array([_SELF[d][1] for d in verloop.DOMAINS])
PG_SHARE = 0.40
ZRM_SELF_SHARE = 0.30


def _dates(days: np.ndarray) -> np.ndarray:
    return np.asarray(days, dtype=np.int64).astype("datetime64[D]").astype("datetime64[ns]")


def _frame(client, instrument, domein, days, score) -> pd.DataFrame:
    m = len(client)
    return pd.DataFrame({
        "client_id": np.asarray(client, dtype=np.int64) + 1,
        "instrument": np.full(m, instrument, dtype=object),
        "domein": np.asarray(domein, dtype=object),
        "datum": _dates(days),
        "score": np.asarray(score, dtype=float),
        "bron": np.full(m, "client", dtype=object),
    })


def self_scores(rng: np.random.Generator, course: verloop.Course) -> pd.DataFrame:
    """Metingen rows (the contract's columns) with ``bron = "client"``: PG and ZRM self-scores."""
    n = course.profiel.size
    peil = int(verloop.PEILDATUM.astype(np.int64))
    start = course.start.astype(np.int64)
    last = start + np.rint(course.laatste_t * verloop.MONTH).astype(np.int64)
    has_follow_up = course.laatste_t >= 3.0

    # Positieve Gezondheid
    pg = rng.random(n) < PG_SHARE
    offset = rng.normal(0.3, 0.9, n)  # personal tendency on the 0-10 scale
    parts = []
    for when, zrm, ok, days in (
        ("intake", course.intake, pg, start + rng.integers(0, 8, n)),
        ("vervolg", course.laatste, pg & has_follow_up, last + rng.integers(0, 15, n)),
    ):
        del when
        latent = (zrm @ PG_WEIGHTS.T - 1.0) * 2.25 + 0.6 + offset[:, None]
        score = np.clip(np.rint(latent + rng.normal(0, 0.9, latent.shape)), 0, 10)
        rows = np.flatnonzero(ok & (days <= peil))
        parts.append(_frame(
            np.repeat(rows, len(PG_DOMAINS)), "PG", np.tile(PG_DOMAINS, rows.size),
            np.repeat(days[rows], len(PG_DOMAINS)), score[rows].ravel(),
        ))

    # ZRM self-score next to the professional's, on the same dates
    own = rng.random(n) < ZRM_SELF_SHARE
    for zrm, ok, days in (
        (course.intake, own, start),
        (course.laatste, own & has_follow_up, last),
    ):
        shift = SELF_BIAS + rng.normal(0, 1, zrm.shape) * SELF_SD
        score = np.clip(np.rint(zrm + shift), 1, 5)
        rows = np.flatnonzero(ok & (days <= peil))
        parts.append(_frame(
            np.repeat(rows, verloop.N_DOMAINS), "ZRM",
            np.tile(np.array(verloop.DOMAINS, dtype=object), rows.size),
            np.repeat(days[rows], verloop.N_DOMAINS), score[rows].ravel(),
        ))
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["client_id", "instrument", "datum", "domein"], kind="stable",
                           ignore_index=True)
