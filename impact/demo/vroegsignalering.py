"""Vroegsignalering events in the demo world: signals of payment arrears and what followed.

The ``soort`` values (in ``gebeurtenissen``; the vocabulary of ``impact.contract.VROEGSIGNALEN``
and ``VROEGSIGNALERING_STAPPEN``), one chain per signal, in this order:

- ``signaal_huurachterstand``, ``signaal_energieachterstand``, ``signaal_waterachterstand``,
  ``signaal_zorgverzekering`` — a creditor (woningcorporatie, energieleverancier,
  drinkwaterbedrijf, zorgverzekeraar) reports an arrear to the gemeente; ``omschrijving``
  gives the amount;
- ``contact_gelegd`` — the first contact with the household (a house visit, a call), days
  after the signal; missing when the household was not reached;
- ``hulp_geaccepteerd`` — the household accepts the offer of help; missing when it declines;
- ``achterstand_opgelost`` — the arrear is paid or under a payment plan, weeks to months later.

A step belongs to the most recent signal of the same client before it (a client has at most
two chains, never overlapping), so a funnel per gemeente and signal month — signals, contact,
help accepted, resolved — and the days from signal to first contact follow directly (as the
Divosa Monitor Vroegsignalering counts them). Who gets signals: every client of the
Vroegsignalering intervention (the signal comes days before the start of the traject, help is
accepted on the start date), clients of the comparison group with the same profile, and a
share of the schuldhulp and stress-sensitief clients, before or during their traject.
Resolution is likelier when the client's ZRM financien went up.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from impact.contract import VROEGSIGNALEN, VROEGSIGNALERING_STAPPEN
from impact.demo import verloop
from impact.demo.teksten import euro

# the data contract's vocabulary, which modellen.vroegsignalering reads the events with
SIGNAALSOORTEN = tuple(VROEGSIGNALEN)
STAPPEN = VROEGSIGNALERING_STAPPEN
SOORTEN = SIGNAALSOORTEN + STAPPEN
_SIGNAAL_P = np.array([0.38, 0.27, 0.10, 0.25])
_MELDER = {
    "signaal_huurachterstand": "woningcorporatie",
    "signaal_energieachterstand": "energieleverancier",
    "signaal_waterachterstand": "drinkwaterbedrijf",
    "signaal_zorgverzekering": "zorgverzekeraar",
}


def signal_events(rng: np.random.Generator, course: verloop.Course,
                  interventie_id: np.ndarray) -> pd.DataFrame:
    """Gebeurtenissen rows (client_id, datum, soort, omschrijving) of the vroegsignalering."""
    n = course.profiel.size
    peil = int(verloop.PEILDATUM.astype(np.int64))
    first = int(verloop.START.astype(np.int64)) - 90
    start = course.start.astype(np.int64)
    fin_up = course.laatste[:, verloop.D["financien"]] > course.intake[:, verloop.D["financien"]]
    vroeg = course.profiel == verloop.VROEG
    in_vroeg = vroeg & (np.asarray(interventie_id) == 5)
    other = np.isin(course.profiel, [verloop.SCHULD, verloop.STRESS]) & (rng.random(n) < 0.3)
    comparison_vroeg = vroeg & ~in_vroeg

    rows: list[tuple[int, int, str, str]] = []
    u = rng.random((n, 8))
    kind = rng.choice(len(SIGNAALSOORTEN), size=(n, 2), p=_SIGNAAL_P)
    amount = (np.exp(rng.normal(6.4, 0.7, (n, 2))) // 10 * 10).astype(np.int64)
    delay = np.clip(np.rint(rng.lognormal(1.6, 0.6, (n, 2))), 1, 45).astype(np.int64)
    solve = np.rint(rng.uniform(30, 150, (n, 2))).astype(np.int64)
    for i in np.flatnonzero(in_vroeg | other | comparison_vroeg).tolist():
        chains = []
        if in_vroeg[i]:
            # the signal that led to this traject: contact before, help accepted at the start
            d0 = int(start[i]) - int(delay[i, 0]) - int(rng.integers(0, 6))
            chains.append((d0, True, True, True))
        elif comparison_vroeg[i]:
            d0 = int(start[i]) - int(rng.integers(7, 60))
            chains.append((d0, u[i, 0] < 0.6, u[i, 1] < 0.35, False))
        else:
            d0 = int(start[i]) + int(rng.integers(-120, int(course.duur[i] * verloop.MONTH) + 1))
            chains.append((d0, u[i, 0] < 0.75, u[i, 1] < 0.6, False))
        if u[i, 2] < 0.2:  # a second signal later on
            d1 = chains[0][0] + int(rng.integers(250, 550))
            chains.append((d1, u[i, 3] < 0.75, u[i, 4] < 0.55, False))
        for j, (d0, reached, accepted, at_start) in enumerate(chains):
            if d0 < first or d0 > peil:
                continue
            soort = SIGNAALSOORTEN[kind[i, j]]
            rows.append((i, d0, soort,
                         f"{_MELDER[soort].capitalize()} meldt een achterstand van "
                         f"{euro(int(amount[i, j]))}"))
            if not reached:
                continue
            contact = d0 + int(delay[i, j])
            if at_start:
                contact = min(contact, int(start[i]))
            contact = max(contact, d0 + 1)
            if contact > peil:
                continue
            rows.append((i, contact, "contact_gelegd",
                         "Huisbezoek" if u[i, 5 + j] < 0.6 else "Telefonisch contact"))
            if not accepted:
                continue
            accept = int(start[i]) if at_start else contact + int(rng.integers(0, 15))
            accept = max(accept, contact)
            if accept > peil:
                continue
            rows.append((i, accept, "hulp_geaccepteerd", "Aanbod van hulp aangenomen"))
            p_solved = 0.85 if fin_up[i] else 0.5
            if u[i, 7 - j] < p_solved:
                done = accept + int(solve[i, j])
                if done <= peil:
                    rows.append((i, done, "achterstand_opgelost",
                                 "Achterstand betaald" if u[i, 6] < 0.5
                                 else "Betalingsregeling loopt; geen nieuwe achterstand"))
    if not rows:
        return pd.DataFrame({"client_id": pd.Series(dtype=np.int64),
                             "datum": pd.Series(dtype="datetime64[ns]"),
                             "soort": pd.Series(dtype=object),
                             "omschrijving": pd.Series(dtype=object)})
    c, d, s, o = zip(*rows, strict=True)
    return pd.DataFrame({
        "client_id": np.asarray(c, dtype=np.int64) + 1,
        "datum": np.asarray(d, dtype=np.int64).astype("datetime64[D]").astype("datetime64[ns]"),
        "soort": np.asarray(s, dtype=object),
        "omschrijving": np.asarray(o, dtype=object),
    })
