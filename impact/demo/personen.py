"""Fake personal data for demo clients: names, relatives, addresses, BSN, phone, e-mail.

Everything is drawn from lists of common names and real street names; combinations are
random. BSNs pass the elfproef so that pseudonymisation cannot rely on them being invalid.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np
import yaml

from impact.demo.regio import DATA, load_region

# Dutch postcode letters: F, I, O, Q, U and Y are not used; SA, SD and SS are never issued.
POSTCODE_LETTERS = np.array(list("ABCDEGHJKLMNPRSTVWXZ"))
FORBIDDEN_PAIRS = {"SA", "SD", "SS"}
BSN_WEIGHTS = np.array([9, 8, 7, 6, 5, 4, 3, 2, -1])

RELATIONS_OLD = ["zoon", "dochter", "buurvrouw", "zus", "broer", "kleinzoon"]
RELATIONS_ADULT = ["partner", "zoon", "dochter", "moeder", "zus", "broer", "ex-partner"]
RELATIONS_YOUNG = ["moeder", "vader", "zus", "broer", "oma", "vriendin"]
FEMALE_RELATIONS = {"dochter", "moeder", "zus", "buurvrouw", "oma", "vriendin"}
MALE_RELATIONS = {"zoon", "vader", "broer", "kleinzoon"}


@cache
def load_names() -> dict[str, list[str]]:
    return yaml.safe_load((DATA / "namen.yaml").read_text(encoding="utf-8"))


def elfproef(bsn: str) -> bool:
    """True when a 9-digit string passes the BSN eleven test."""
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    return sum(int(d) * w for d, w in zip(bsn, BSN_WEIGHTS, strict=True)) % 11 == 0


def make_bsns(rng: np.random.Generator, n: int) -> np.ndarray:
    """n distinct 9-digit BSNs (first digit 1-6) that pass the elfproef, as strings."""
    out = np.empty(0, dtype=np.int64)
    while out.size < n:
        m = int((n - out.size) * 1.3) + 16
        digits = rng.integers(0, 10, size=(m, 9))
        digits[:, 0] = rng.integers(1, 7, size=m)
        partial = digits[:, :8] @ BSN_WEIGHTS[:8]
        last = partial % 11
        ok = last < 10
        digits[:, 8] = last
        numbers = digits[ok] @ (10 ** np.arange(8, -1, -1))
        out = np.concatenate([out, numbers])
        _, first = np.unique(out, return_index=True)
        out = out[np.sort(first)]
    return np.array([f"{x:09d}" for x in out[:n]], dtype=object)


def _ascii(s: str) -> str:
    return (
        unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
        .replace(" ", "").replace("'", "")
    )


@dataclass
class People:
    vrouw: np.ndarray  # bool
    voornaam: np.ndarray
    achternaam: np.ndarray
    naam: np.ndarray
    relatie: np.ndarray  # "" when no relative is recorded
    naaste: np.ndarray  # relative as written in texts ("Daan" or "Marco Vossen"), "" if none
    adres: np.ndarray
    postcode: np.ndarray
    woonplaats: np.ndarray
    bsn: np.ndarray
    mobiel: np.ndarray
    vast: np.ndarray  # landline, "" if none
    email: np.ndarray
    geboortedatum: np.ndarray  # "dd-mm-jjjj"


def make_people(
    rng: np.random.Generator,
    gemeente: np.ndarray,
    wijk: np.ndarray,
    geboortejaar: np.ndarray,
    leeftijd: np.ndarray,
    vrouw_kans: np.ndarray,
) -> People:
    n = gemeente.size
    names = load_names()
    region = load_region()
    f_names = np.array(names["voornamen_vrouw"], dtype=object)
    m_names = np.array(names["voornamen_man"], dtype=object)
    surnames = np.array(names["achternamen"], dtype=object)
    domains = np.array(names["e_maildomeinen"], dtype=object)

    vrouw = rng.random(n) < vrouw_kans
    voornaam = np.where(
        vrouw, f_names[rng.integers(0, f_names.size, n)], m_names[rng.integers(0, m_names.size, n)]
    )
    achternaam = surnames[rng.integers(0, surnames.size, n)]
    naam = np.array([f"{v} {a}" for v, a in zip(voornaam, achternaam, strict=True)], dtype=object)

    # relatives: about 70% of clients have one named in the file
    has_rel = rng.random(n) < 0.7
    r_old = rng.integers(0, len(RELATIONS_OLD), n)
    r_adult = rng.integers(0, len(RELATIONS_ADULT), n)
    r_young = rng.integers(0, len(RELATIONS_YOUNG), n)
    rel_f = f_names[rng.integers(0, f_names.size, n)]
    rel_m = m_names[rng.integers(0, m_names.size, n)]
    rel_sur = surnames[rng.integers(0, surnames.size, n)]
    rel_female_coin = rng.random(n) < 0.5
    relatie = np.empty(n, dtype=object)
    naaste = np.empty(n, dtype=object)
    for i in range(n):
        if not has_rel[i]:
            relatie[i] = naaste[i] = ""
            continue
        age = leeftijd[i]
        rel = (
            RELATIONS_YOUNG[r_young[i]] if age < 24
            else RELATIONS_OLD[r_old[i]] if age >= 65 else RELATIONS_ADULT[r_adult[i]]
        )
        female = (
            True if rel in FEMALE_RELATIONS else False if rel in MALE_RELATIONS
            else bool(rel_female_coin[i])
        )
        first = rel_f[i] if female else rel_m[i]
        if rel in ("partner", "ex-partner", "buurvrouw"):
            naaste[i] = f"{first} {rel_sur[i]}"
        elif rel in ("zoon", "dochter", "kleinzoon", "oma", "vriendin"):
            naaste[i] = first
        else:  # parents and siblings keep the family name
            naaste[i] = first if rel_female_coin[i] else f"{first} {achternaam[i]}"
        relatie[i] = rel

    # addresses: real street names of the municipality, fake house numbers
    street_idx = rng.integers(0, 20, n)
    huisnummer = np.minimum(rng.geometric(1 / 40, n), 240)
    suffixes = np.array(["A", "B", "-1", "-2"])
    toevoeging = np.where(rng.random(n) < 0.12, suffixes[rng.integers(0, 4, n)], "")
    letters = POSTCODE_LETTERS[rng.integers(0, POSTCODE_LETTERS.size, (n, 2))]
    pc_pick = rng.integers(0, 2, n)
    adres = np.empty(n, dtype=object)
    postcode = np.empty(n, dtype=object)
    woonplaats = np.empty(n, dtype=object)
    for i in range(n):
        g, w = gemeente[i], wijk[i]
        streets = region.straten[g]
        adres[i] = f"{streets[street_idx[i] % len(streets)]} {huisnummer[i]}{toevoeging[i]}"
        pcs = region.wijk_postcodes[w]
        pair = letters[i, 0] + letters[i, 1]
        if pair in FORBIDDEN_PAIRS:
            pair = "R" + pair[1]
        postcode[i] = f"{pcs[pc_pick[i] % len(pcs)]} {pair}"
        woonplaats[i] = region.wijk_woonplaats[w]

    bsn = make_bsns(rng, n)

    mob = rng.integers(10_000_000, 70_000_000, n)
    mob_style = rng.integers(0, 4, n)
    mobiel = np.empty(n, dtype=object)
    for i in range(n):
        s = f"{mob[i]:08d}"
        mobiel[i] = (
            f"06-{s}", f"06 {s[:2]} {s[2:4]} {s[4:6]} {s[6:]}", f"+31 6 {s}", f"0{6}{s}"
        )[mob_style[i]]
    has_vast = rng.random(n) < 0.3
    vast_digits = rng.integers(0, 10**7, n)
    vast = np.empty(n, dtype=object)
    for i in range(n):
        if not has_vast[i]:
            vast[i] = ""
            continue
        net = region.netnummers[gemeente[i]]
        width = 10 - len(net)
        number = f"{vast_digits[i]:07d}"[-width:]
        number = str(rng_digit_first(vast_digits[i])) + number[1:]
        vast[i] = f"{net}-{number}"

    email_style = rng.integers(0, 4, n)
    dom = domains[rng.integers(0, domains.size, n)]
    email = np.empty(n, dtype=object)
    for i in range(n):
        v, a, yy = _ascii(voornaam[i]), _ascii(achternaam[i]), geboortejaar[i] % 100
        local = (f"{v}.{a}", f"{v[0]}.{a}{yy:02d}", f"{v}{yy:02d}", f"{v}{a}")[email_style[i]]
        email[i] = f"{local}@{dom[i]}"

    doy = rng.integers(0, 365, n)
    birth = (geboortejaar - 1970).astype("datetime64[Y]").astype("datetime64[D]") + doy
    geboortedatum = np.array(
        [f"{d[8:10]}-{d[5:7]}-{d[0:4]}" for d in birth.astype(str)], dtype=object
    )

    return People(
        vrouw=vrouw, voornaam=voornaam, achternaam=achternaam, naam=naam, relatie=relatie,
        naaste=naaste, adres=adres, postcode=postcode, woonplaats=woonplaats, bsn=bsn,
        mobiel=mobiel, vast=vast, email=email, geboortedatum=geboortedatum,
    )


def rng_digit_first(x: int) -> int:
    # subscriber numbers never start with 0 or 1; map deterministically to 2-9
    return 2 + int(x) % 8
