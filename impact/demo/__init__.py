"""Synthetic demo region: ``generate(seed, n_clients)`` returns a ``DemoWorld`` in memory.

What the world looks like (decisions worth knowing when you analyse it):

- The four municipalities of the Werkplaats Sociaal Domein Zuyd (Brunssum, Weert,
  Sittard-Geleen, Roermond) with real wijk names, postcode areas and street names
  (``data/regio.yaml``); clients are spread by rough population.
- Intakes between 4 January 2021 and 30 June 2025; the data stop at the peildatum
  31 December 2025 (trajecten still running then have ``eind`` NaT).
- 75% of clients follow one of five interventions; the comparison group (groep
  "vergelijking", 25%) has the same problem profiles and one traject "Gebruikelijke zorg",
  so every client has a start date that measurement months count from.
- ZRM (13 domains, integer scores 1-5) at intake, about every six months, at the end of the
  traject and at follow-ups 6 and 12 months later; drop-outs have no follow-up; about 3% of
  later domain scores are missing. Trajectories: improvement, plateau, relapse (an event and
  a drop on its domain), drop-out, and keerpunten (schuldregeling_gestart lifts financien,
  werk_gevonden / opleiding_gestart lift werk_opleiding). See ``verloop`` for the model.
- Stories (``teksten``) in 13 registers agree with those figures and events and contain fake
  personal data that are all listed in ``identiteiten``; wijkverhalen contain none. What each
  story was written to say per domain is in ``bedoelingen``, its register in ``registers``.
- Client-reported scores (``zelfscores``): Positieve Gezondheid (``PG``) for ~40% of clients
  and a ZRM self-score for ~30%, both with ``bron = "client"``; professional ZRM rows have
  ``bron = "professional"``.
- Vroegsignalering (``vroegsignalering``): signal, contact, help accepted and resolved events
  in ``gebeurtenissen``; the soort values are listed in that module.
- A coded subset (``codering``): ``codes`` (the ZRM start codebook) and ``coderingen`` of ~10%
  of client stories by "codeur A" and "codeur B".
- Each stage draws from its own generator spawned from the one seed, so the same seed gives
  identical frames, also across processes.
"""

from impact.demo.generator import generate
from impact.demo.world import DemoWorld

__all__ = ["DemoWorld", "generate"]
