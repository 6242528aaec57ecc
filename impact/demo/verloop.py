"""Trajectories of demo clients: trajecten, ZRM measurements and events, fully vectorised.

The model, per client and ZRM domain (latent continuous score, observed as an integer 1-5):

    latent(t) = baseline + gain * (1 - exp(-t / 5 months))      (gain frozen at traject end,
                + step on one domain after a keerpunt event       fading 20% in the year after)
                - drop after a relapse event
    score     = clip(round(latent + N(0, 0.3)), 1, 5)

Each client has a problem profile (the five interventions' target groups). Clients in the
comparison group ("vergelijking", 25%) have the same profiles but receive "gebruikelijke
zorg": smaller gains on the target domains, fewer keerpunten, more evictions. The
intervention effect is therefore moderate (about half a ZRM point on target domains).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DOMAINS = [
    "financien", "werk_opleiding", "tijdsbesteding", "huisvesting", "huiselijke_relaties",
    "geestelijke_gezondheid", "lichamelijke_gezondheid", "middelengebruik", "basale_adl",
    "instrumentele_adl", "sociaal_netwerk", "maatschappelijke_participatie", "justitie",
]
D = {name: i for i, name in enumerate(DOMAINS)}
N_DOMAINS = len(DOMAINS)
MONTH = 30.4375
START = np.datetime64("2021-01-04")
LAST_INTAKE = np.datetime64("2025-06-30")
PEILDATUM = np.datetime64("2025-12-31")

# Profiles = target group of the intervention with the same index (0..4).
SCHULD, BREED, JONGERE, STRESS, VROEG = range(5)
PROFILE_WEIGHTS = np.array([0.25, 0.30, 0.15, 0.15, 0.15])
DURATION = np.array([[12, 30], [6, 18], [6, 24], [6, 15], [3, 9]], dtype=float)

_BASE = {
    "financien": 3.0, "werk_opleiding": 2.9, "tijdsbesteding": 3.2, "huisvesting": 3.7,
    "huiselijke_relaties": 3.3, "geestelijke_gezondheid": 3.1, "lichamelijke_gezondheid": 3.6,
    "middelengebruik": 4.2, "basale_adl": 4.7, "instrumentele_adl": 4.0, "sociaal_netwerk": 3.1,
    "maatschappelijke_participatie": 3.2, "justitie": 4.6,
}
_PROFILE_BASE = {
    SCHULD: {"financien": 1.8, "huisvesting": 3.1, "geestelijke_gezondheid": 2.8,
             "instrumentele_adl": 3.5},
    BREED: {"geestelijke_gezondheid": 2.7, "sociaal_netwerk": 2.6, "huiselijke_relaties": 2.9,
            "tijdsbesteding": 2.8, "maatschappelijke_participatie": 2.7, "financien": 2.7},
    JONGERE: {"werk_opleiding": 2.3, "tijdsbesteding": 2.4, "justitie": 3.8,
              "middelengebruik": 3.6, "sociaal_netwerk": 3.0, "huisvesting": 4.0,
              "maatschappelijke_participatie": 2.7, "basale_adl": 4.9},
    STRESS: {"geestelijke_gezondheid": 2.3, "financien": 2.4, "huiselijke_relaties": 2.6,
             "sociaal_netwerk": 2.8},
    VROEG: {"financien": 2.5, "huisvesting": 3.3},
}
_TARGETS = {
    SCHULD: ["financien", "huisvesting", "geestelijke_gezondheid", "instrumentele_adl"],
    BREED: ["geestelijke_gezondheid", "sociaal_netwerk", "huiselijke_relaties", "tijdsbesteding",
            "maatschappelijke_participatie", "financien"],
    JONGERE: ["werk_opleiding", "tijdsbesteding", "sociaal_netwerk", "justitie",
              "middelengebruik", "maatschappelijke_participatie"],
    STRESS: ["geestelijke_gezondheid", "financien", "huiselijke_relaties", "sociaal_netwerk"],
    VROEG: ["financien", "huisvesting"],
}
BASE_MEANS = np.array([[_PROFILE_BASE[p].get(d, _BASE[d]) for d in DOMAINS] for p in range(5)])
TARGET = np.array([[d in _TARGETS[p] for d in DOMAINS] for p in range(5)])

# trajectory types
VERBETERING, PLATEAU, TERUGVAL, UITVAL = range(4)
TYPE_P = {True: [0.52, 0.21, 0.12, 0.15], False: [0.36, 0.31, 0.15, 0.18]}

# keerpunt / relapse kinds (index into KIND_NAMES), -1 = none
KIND_NAMES = [
    "schuldregeling_gestart", "werk_gevonden", "opleiding_gestart", "betalingsachterstand",
    "opname", "dreigende_uithuiszetting", "politiecontact", "melding_huiselijk_geweld",
    "terugval_middelengebruik",
]
K = {name: i for i, name in enumerate(KIND_NAMES)}
KIND_DOMAIN = np.array([
    D["financien"], D["werk_opleiding"], D["werk_opleiding"], D["financien"],
    D["geestelijke_gezondheid"], D["huisvesting"], D["justitie"], D["huiselijke_relaties"],
    D["middelengebruik"],
])
# relapse kinds possible per profile
RELAPSE_KINDS = {
    SCHULD: [K["betalingsachterstand"], K["dreigende_uithuiszetting"]],
    BREED: [K["opname"], K["dreigende_uithuiszetting"], K["betalingsachterstand"],
            K["melding_huiselijk_geweld"]],
    JONGERE: [K["politiecontact"], K["terugval_middelengebruik"]],
    STRESS: [K["opname"], K["melding_huiselijk_geweld"], K["betalingsachterstand"]],
    VROEG: [K["betalingsachterstand"], K["dreigende_uithuiszetting"]],
}

UITSTROOM = {
    VERBETERING: ["doelen behaald", "doelen behaald", "doelen behaald", "doorverwezen"],
    PLATEAU: ["doelen deels behaald", "doorverwezen", "doelen deels behaald", "doelen behaald"],
    TERUGVAL: ["doorverwezen", "doelen deels behaald", "doorverwezen", "doelen deels behaald"],
    UITVAL: ["voortijdig gestopt", "geen contact meer", "verhuisd", "voortijdig gestopt"],
}


@dataclass
class Course:
    """Per-client facts (arrays of length n) plus the flat measurement rows."""

    interventie_groep: np.ndarray  # bool
    profiel: np.ndarray
    leeftijd: np.ndarray
    geboortejaar: np.ndarray
    start: np.ndarray  # datetime64[D]
    duur: np.ndarray  # months (actual)
    eind: np.ndarray  # datetime64[D]; NaT when still running on the peildatum
    loopt: np.ndarray  # bool: still running
    soort: np.ndarray  # trajectory type
    uitstroomreden: np.ndarray  # object, None when still running
    keerpunt: np.ndarray  # kind index or -1
    keerpunt_t: np.ndarray  # months since start, nan when none
    terugval: np.ndarray  # kind index or -1
    terugval_t: np.ndarray
    uithuiszetting_t: np.ndarray  # nan when none
    voor_achterstand_t: np.ndarray  # betalingsachterstand before intake (negative months) or nan
    voor_dreiging_t: np.ndarray
    # measurements, one row per (client, occasion, domain)
    m_client: np.ndarray
    m_domain: np.ndarray
    m_t: np.ndarray  # months since start
    m_date: np.ndarray  # datetime64[D]
    m_score: np.ndarray  # float
    intake: np.ndarray  # (n, 13) intake scores
    laatste: np.ndarray  # (n, 13) last observed scores
    laatste_t: np.ndarray  # months of the last occasion


def _days(months: np.ndarray) -> np.ndarray:
    return np.rint(months * MONTH).astype(np.int64).astype("timedelta64[D]")


def simulate(rng: np.random.Generator, n: int, vergelijking_fractie: float = 0.25) -> Course:
    n_comp = int(round(vergelijking_fractie * n))
    interv = rng.permutation(n) >= n_comp
    profiel = rng.choice(5, size=n, p=PROFILE_WEIGHTS)
    span = int((LAST_INTAKE - START).astype(int))
    start = START + rng.integers(0, span, n).astype("timedelta64[D]")
    young = profiel == JONGERE
    leeftijd = np.where(
        young,
        rng.integers(14, 24, n),
        np.clip(np.rint(rng.normal(44, 15, n)), 18, 88).astype(np.int64),
    )
    geboortejaar = start.astype("datetime64[Y]").astype(np.int64) + 1970 - leeftijd

    lo, hi = DURATION[profiel, 0], DURATION[profiel, 1]
    planned = lo + (hi - lo) * rng.random(n)
    soort = np.empty(n, dtype=np.int64)
    u = rng.random(n)
    for flag in (True, False):
        cdf = np.cumsum(TYPE_P[flag])
        sel = interv == flag
        soort[sel] = np.minimum(np.searchsorted(cdf, u[sel], side="right"), 3)
    duur = np.where(soort == UITVAL, np.maximum(planned * rng.uniform(0.2, 0.6, n), 1.5), planned)
    eind_all = start + _days(duur)
    loopt = eind_all > PEILDATUM
    eind = np.where(loopt, np.datetime64("NaT"), eind_all)
    reden_pick = rng.integers(0, 4, n)
    uitstroomreden = np.array(
        [None if loopt[i] else UITSTROOM[soort[i]][reden_pick[i]] for i in range(n)], dtype=object
    )

    # baseline (continuous latent), severity shared across domains
    severity = rng.normal(0, 0.45, n)
    base = BASE_MEANS[profiel] - severity[:, None] + rng.normal(0, 0.6, (n, N_DOMAINS))
    base[:, D["lichamelijke_gezondheid"]] -= np.maximum(leeftijd - 50, 0) * 0.025

    # events before intake
    fin_profile = np.isin(profiel, [SCHULD, VROEG]) | ((profiel == STRESS) & (rng.random(n) < 0.5))
    voor_achterstand_t = np.where(fin_profile, -rng.uniform(0.3, 3.0, n), np.nan)
    dreig = ((profiel == SCHULD) & (rng.random(n) < 0.25)) | (
        (profiel == VROEG) & (rng.random(n) < 0.1)
    )
    voor_dreiging_t = np.where(dreig, -rng.uniform(0.0, 2.0, n), np.nan)
    base[dreig, D["huisvesting"]] = np.minimum(base[dreig, D["huisvesting"]], 2.0)
    base[fin_profile, D["financien"]] = np.minimum(base[fin_profile, D["financien"]], 2.6)
    base = np.clip(base, 1.0, 5.0)

    # gains: intervention group gains more on its target domains
    target = TARGET[profiel]
    g_target = np.where(interv, 1.0, 0.5)
    g_other = np.where(interv, 0.3, 0.2)
    gain = np.where(target, g_target[:, None], g_other[:, None])
    gain *= np.clip(rng.normal(1.0, 0.35, n), 0.0, 2.0)[:, None]
    gain *= np.clip((5.0 - base) / 2.0, 0.0, 1.0)
    gain *= np.select(
        [soort == PLATEAU, soort == UITVAL], [0.15, 0.7], 1.0
    )[:, None]

    # keerpunten: a sudden step on one domain
    keerpunt = np.full(n, -1)
    keerpunt_t = np.full(n, np.nan)
    not_out = soort != UITVAL
    schuld_p = np.where(interv, 0.6, 0.3)
    kp_schuld = (profiel == SCHULD) & not_out & (rng.random(n) < schuld_p)
    werk_p = np.where(interv, 0.16, 0.08)
    kp_werk = (
        np.isin(profiel, [BREED, JONGERE, STRESS]) & not_out & ~kp_schuld
        & (base[:, D["werk_opleiding"]] < 3.5) & (rng.random(n) < werk_p)
    )
    keerpunt[kp_schuld] = K["schuldregeling_gestart"]
    keerpunt[kp_werk] = np.where(
        young[kp_werk] & (rng.random(kp_werk.sum()) < 0.5),
        K["opleiding_gestart"],
        K["werk_gevonden"],
    )
    has_kp = keerpunt >= 0
    t_lo = np.where(kp_schuld, 1.5, 2.0)
    t_hi = np.where(kp_schuld, np.minimum(duur * 0.7, 10.0), duur)
    keerpunt_t[has_kp] = (t_lo + (t_hi - t_lo) * rng.random(n))[has_kp]
    step = np.zeros((n, N_DOMAINS))
    rows = np.flatnonzero(kp_schuld)
    step[rows, D["financien"]] = np.maximum(1.6, 3.9 - base[rows, D["financien"]])
    step[rows, D["geestelijke_gezondheid"]] = 0.5
    gain[rows, D["financien"]] *= 0.3
    rows = np.flatnonzero(kp_werk)
    step[rows, D["werk_opleiding"]] = np.maximum(1.5, 3.8 - base[rows, D["werk_opleiding"]])
    step[rows, D["tijdsbesteding"]] = 0.8
    step[rows, D["financien"]] = np.where(keerpunt[rows] == K["werk_gevonden"], 0.4, 0.0)
    step[rows, D["werk_opleiding"]] *= 1.0
    gain[rows, D["werk_opleiding"]] *= 0.3

    # relapse: drop on one domain (and a little on all) after an event
    terugval = np.full(n, -1)
    terugval_t = np.full(n, np.nan)
    rel = soort == TERUGVAL
    pick = rng.integers(0, 4, n)
    for p, kinds in RELAPSE_KINDS.items():
        sel = rel & (profiel == p)
        terugval[sel] = np.array(kinds)[pick[sel] % len(kinds)]
    terugval_t[rel] = (duur * rng.uniform(0.4, 1.0, n) + rng.uniform(0, 6, n))[rel]
    drop = np.zeros((n, N_DOMAINS))
    rows = np.flatnonzero(rel)
    drop[rows] = 0.4
    drop[rows, KIND_DOMAIN[terugval[rows]]] = 1.7
    evict_p = np.where(interv, 0.15, 0.35)
    evict = rel & (terugval == K["dreigende_uithuiszetting"]) & (rng.random(n) < evict_p)
    uithuiszetting_t = np.where(evict, terugval_t + rng.uniform(1.0, 4.0, n), np.nan)
    drop2 = np.zeros((n, N_DOMAINS))
    drop2[evict, D["huisvesting"]] = 1.5
    drop2[evict, D["geestelijke_gezondheid"]] = 0.5

    # measurement occasions: intake, every ~6 months in the traject, end, follow-ups
    cols = []
    for k in range(6):
        t = np.full(n, 6.0 * k) + (rng.normal(0, 0.4, n) if k else 0.0)
        ok = (6.0 * k < duur - 1.5) | (k == 0)
        cols.append((t, ok))
    end_t = duur + np.abs(rng.normal(0, 0.2, n))
    cols.append((end_t, (soort != UITVAL) | (rng.random(n) < 0.4)))
    fu1 = not_out & (rng.random(n) < 0.75)
    cols.append((duur + 6.0 + rng.normal(0, 0.5, n), fu1))
    cols.append((duur + 12.0 + rng.normal(0, 0.5, n), fu1 & (rng.random(n) < 0.7)))
    t_mat = np.stack([c[0] for c in cols], axis=1)
    ok_mat = np.stack([c[1] for c in cols], axis=1)
    horizon = ((PEILDATUM - start).astype(np.int64) / MONTH)[:, None]
    ok_mat &= t_mat <= horizon
    ok_mat[:, 0] = True
    occ_client, occ_col = np.nonzero(ok_mat)  # row-major: client order, time order
    occ_t = t_mat[occ_client, occ_col]
    order = np.lexsort((occ_t, occ_client))
    occ_client, occ_col, occ_t = occ_client[order], occ_col[order], occ_t[order]

    n_occ = occ_client.size
    r_client = np.repeat(occ_client, N_DOMAINS)
    r_domain = np.tile(np.arange(N_DOMAINS), n_occ)
    r_t = np.repeat(occ_t, N_DOMAINS)
    r_intake = np.repeat(occ_col == 0, N_DOMAINS)
    dur_r = duur[r_client]
    t_eff = np.minimum(r_t, dur_r)
    after = np.clip(r_t - dur_r, 0.0, 12.0)
    curve = (1.0 - np.exp(-t_eff / 5.0)) * (1.0 - 0.2 * after / 12.0)
    latent = base[r_client, r_domain] + gain[r_client, r_domain] * curve
    kp_t = keerpunt_t[r_client]
    latent += np.where(r_t >= kp_t, step[r_client, r_domain], 0.0)
    latent -= np.where(r_t >= terugval_t[r_client], drop[r_client, r_domain], 0.0)
    latent -= np.where(r_t >= uithuiszetting_t[r_client], drop2[r_client, r_domain], 0.0)
    score = np.clip(np.rint(latent + rng.normal(0, 0.3, latent.size)), 1, 5)

    intake = score[r_intake].reshape(n, N_DOMAINS)
    last_occ = np.r_[np.flatnonzero(np.diff(occ_client)), n_occ - 1]
    laatste = score.reshape(n_occ, N_DOMAINS)[last_occ]
    laatste_t = occ_t[last_occ]

    # a few missing domain scores (never at intake)
    keep = r_intake | (rng.random(latent.size) >= 0.03)
    r_date = start[r_client] + _days(r_t)
    return Course(
        interventie_groep=interv, profiel=profiel, leeftijd=leeftijd, geboortejaar=geboortejaar,
        start=start, duur=duur, eind=eind, loopt=loopt, soort=soort,
        uitstroomreden=uitstroomreden, keerpunt=keerpunt, keerpunt_t=keerpunt_t,
        terugval=terugval, terugval_t=terugval_t, uithuiszetting_t=uithuiszetting_t,
        voor_achterstand_t=voor_achterstand_t, voor_dreiging_t=voor_dreiging_t,
        m_client=r_client[keep], m_domain=r_domain[keep], m_t=r_t[keep], m_date=r_date[keep],
        m_score=score[keep], intake=intake, laatste=laatste, laatste_t=laatste_t,
    )


def events(course: Course) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(client index, date, kind name) of every event, only those on or before the peildatum."""
    parts_c, parts_t, parts_k = [], [], []

    def add(t: np.ndarray, kind: np.ndarray | str) -> None:
        sel = np.flatnonzero(~np.isnan(t))
        parts_c.append(sel)
        parts_t.append(t[sel])
        parts_k.append(np.broadcast_to(np.asarray(kind, dtype=object), t.shape)[sel])

    names = np.array(KIND_NAMES, dtype=object)
    add(course.voor_achterstand_t, "betalingsachterstand")
    add(course.voor_dreiging_t, "dreigende_uithuiszetting")
    add(course.keerpunt_t, names[np.maximum(course.keerpunt, 0)])
    add(course.terugval_t, names[np.maximum(course.terugval, 0)])
    add(course.uithuiszetting_t, "uithuiszetting")
    c = np.concatenate(parts_c)
    t = np.concatenate(parts_t)
    k = np.concatenate(parts_k)
    date = course.start[c] + _days(t)
    ok = date <= PEILDATUM
    return c[ok], date[ok], k[ok]
