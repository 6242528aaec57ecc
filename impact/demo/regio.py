"""The demo region (four municipalities with their wijken) loaded from ``data/regio.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Region:
    gemeenten: list[str]
    gemeente_weights: np.ndarray
    netnummers: list[str]
    organisaties: list[str]
    corporaties: list[str]
    straten: list[list[str]]  # per gemeente
    # flat wijk table; wijk_gemeente[i] is an index into gemeenten
    wijken: list[str]
    wijk_gemeente: np.ndarray
    wijk_woonplaats: list[str]
    wijk_postcodes: list[list[int]]
    wijk_weights: np.ndarray


@cache
def load_region() -> Region:
    raw = yaml.safe_load((DATA / "regio.yaml").read_text(encoding="utf-8"))["gemeenten"]
    wijken, wijk_gemeente, woonplaats, postcodes, weights = [], [], [], [], []
    for g, gemeente in enumerate(raw):
        for wijk in gemeente["wijken"]:
            wijken.append(wijk["naam"])
            wijk_gemeente.append(g)
            woonplaats.append(wijk["woonplaats"])
            postcodes.append([int(p) for p in wijk["postcodes"]])
            weights.append(float(wijk["gewicht"]))
    return Region(
        gemeenten=[g["naam"] for g in raw],
        gemeente_weights=np.array([g["gewicht"] for g in raw], dtype=float),
        netnummers=[g["netnummer"] for g in raw],
        organisaties=[g["organisatie"] for g in raw],
        corporaties=[g["corporatie"] for g in raw],
        straten=[list(g["straten"]) for g in raw],
        wijken=wijken,
        wijk_gemeente=np.array(wijk_gemeente),
        wijk_woonplaats=woonplaats,
        wijk_postcodes=postcodes,
        wijk_weights=np.array(weights),
    )


def sample_wijken(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Draw (gemeente index, wijk index) per client, municipalities weighted by population."""
    region = load_region()
    gp = region.gemeente_weights / region.gemeente_weights.sum()
    gemeente = rng.choice(len(gp), size=n, p=gp)
    wijk = np.empty(n, dtype=np.int64)
    u = rng.random(n)
    for g in range(len(gp)):
        idx = np.flatnonzero(region.wijk_gemeente == g)
        w = region.wijk_weights[idx]
        cdf = np.cumsum(w / w.sum())
        sel = gemeente == g
        wijk[sel] = idx[np.minimum(np.searchsorted(cdf, u[sel], side="right"), len(idx) - 1)]
    return gemeente, wijk
