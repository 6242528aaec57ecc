"""Measurement instruments: the built-in ZRM and Positieve Gezondheid, and custom YAML files.

Instrument facts (scale, level labels, reliability) live in YAML files next to their source,
so a reader can check every number against the publication it came from.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from impact.errors import Problem, UserInputError
from impact.io.yaml_bestand import read_yaml_mapping

DIRECTIONS = ("hoger_is_beter", "lager_is_beter")


@dataclass(frozen=True)
class Domain:
    code: str
    naam: str
    betrouwbaarheid: float | None = None
    afkappunt: float | None = None


@dataclass(frozen=True)
class Instrument:
    code: str
    naam: str
    schaal_min: float
    schaal_max: float
    richting: str
    domeinen: tuple[Domain, ...]
    betrouwbaarheid: float | None = None
    betrouwbaarheid_bron: str | None = None
    afkappunt: float | None = None
    afkappunt_bron: str | None = None
    bron: str | None = None
    versie: str | None = None
    niveaus: dict[int, str] = field(default_factory=dict)
    hele_getallen: bool = False  # scores are whole numbers (levels), e.g. ZRM 1-5

    @property
    def domain_codes(self) -> list[str]:
        return [d.code for d in self.domeinen]

    def domain(self, code: str) -> Domain:
        for d in self.domeinen:
            if d.code == code:
                return d
        raise KeyError(code)

    def reliability(self, domain_code: str | None) -> float | None:
        """The domain's own reliability, else the instrument's (an assumption the caller must
        state); the instrument's for a domain it does not have (e.g. all domains together)."""
        own = self.own(domain_code, "betrouwbaarheid")
        return own if own is not None else self.betrouwbaarheid

    def cutoff(self, domain_code: str | None) -> float | None:
        """The domain's own cut-off, else the instrument's."""
        own = self.own(domain_code, "afkappunt")
        return own if own is not None else self.afkappunt

    def own(self, domain_code: str | None, attribute: str) -> float | None:
        """The domain's own value of ``attribute`` (betrouwbaarheid, afkappunt), None without one."""
        for d in self.domeinen:
            if d.code == domain_code:
                return getattr(d, attribute)
        return None

    @property
    def hoger_is_beter(self) -> bool:
        return self.richting == "hoger_is_beter"


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _from_mapping(data: dict, source: str, lines: dict | None = None) -> Instrument:
    """An instrument from a YAML mapping; every problem at once, each with its line and key."""
    lines = lines or {}
    problems: list[Problem] = []

    def flag(path: tuple, expected: str, found: object = None) -> None:
        line = lines.get(path) or lines.get(path[:1])
        problems.append(Problem(source, line, ".".join(str(p) for p in path), expected, found))

    def need(key: str) -> object:
        if data.get(key) in (None, ""):
            flag((key,), f"veld '{key}' is verplicht")
        return data.get(key)

    def number(path: tuple, value: object, expected: str = "een getal") -> None:
        if value is not None and not _is_number(value):
            flag(path, expected, value)

    code, naam = need("code"), need("naam")
    low, high = need("schaal_min"), need("schaal_max")
    number(("schaal_min",), low)
    number(("schaal_max",), high)
    direction = data.get("richting", "hoger_is_beter")
    if direction not in DIRECTIONS:
        flag(("richting",), "verwacht 'hoger_is_beter' of 'lager_is_beter'", direction)
    domains = []
    entries = data.get("domeinen") or []
    if not isinstance(entries, list):
        flag(("domeinen",), "een lijst met domeinen", entries)
        entries = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("code"):
            flag(("domeinen", i), "een domein met minstens 'code'", entry)
            continue
        for key in ("betrouwbaarheid", "afkappunt"):
            number(("domeinen", i, key), entry.get(key))
        domains.append(
            Domain(
                code=str(entry["code"]),
                naam=str(entry.get("naam") or entry["code"]),
                betrouwbaarheid=entry.get("betrouwbaarheid"),
                afkappunt=entry.get("afkappunt"),
            )
        )
    if not domains:
        flag(("domeinen",), "minstens één domein")
    if _is_number(low) and _is_number(high) and low >= high:
        flag(("schaal_max",), f"groter dan schaal_min ({low})", high)
    reliability = data.get("betrouwbaarheid")
    if reliability is not None and not (_is_number(reliability) and 0 < reliability < 1):
        flag(("betrouwbaarheid",), "een getal tussen 0 en 1", reliability)
    number(("afkappunt",), data.get("afkappunt"))
    levels = data.get("niveaus") or {}
    if not isinstance(levels, dict) or not all(isinstance(k, int) and not isinstance(k, bool) for k in levels):
        flag(("niveaus",), "niveaus als 'geheel getal: omschrijving'", levels)
        levels = {}
    whole = data.get("hele_getallen", bool(levels))
    if not isinstance(whole, bool):
        flag(("hele_getallen",), "ja of nee (true of false)", whole)
    elif whole and not levels:
        flag(("hele_getallen",), "ook 'niveaus' (de hele getallen van de schaal, met hun omschrijving)")
    if problems:
        raise UserInputError(problems)
    return Instrument(
        code=str(code),
        naam=str(naam),
        schaal_min=float(low),
        schaal_max=float(high),
        richting=direction,
        domeinen=tuple(domains),
        betrouwbaarheid=reliability,
        betrouwbaarheid_bron=data.get("betrouwbaarheid_bron"),
        afkappunt=data.get("afkappunt"),
        afkappunt_bron=data.get("afkappunt_bron"),
        bron=data.get("bron"),
        versie=str(data["versie"]) if data.get("versie") is not None else None,
        niveaus={int(k): str(v) for k, v in levels.items()},
        hele_getallen=bool(whole),
    )


def load_file(path: str | Path) -> Instrument:
    """Read a custom instrument from YAML (the one safe YAML reader); errors name line and key."""
    gelezen = read_yaml_mapping(path, "een YAML-mapping met code, naam, schaal en domeinen")
    return _from_mapping(gelezen.document, gelezen.bestand, gelezen.regels)


def builtin() -> dict[str, Instrument]:
    """The instruments that ship with the package, by code (a new dict each call; the
    instruments themselves are frozen and read once per process)."""
    return {instrument.code: instrument for instrument in _shipped()}


@functools.cache
def _shipped() -> tuple[Instrument, ...]:
    folder = resources.files("impact") / "instrumenten"
    return tuple(
        _from_mapping(yaml.safe_load((folder / name).read_text(encoding="utf-8")), name)
        for name in ("zrm.yaml", "positieve_gezondheid.yaml")
    )


def _filled(value: Any) -> Any:
    """None for a missing database value (NULL read by pandas as NaN or None)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value


def from_tables(instrumenten: Any, domeinen: Any) -> dict[str, Instrument]:
    """The instruments as stored in the database: the tidy ``instrumenten`` and ``domeinen``
    frames of ``impact.store.read``, by code (built-in and custom alike)."""
    per_instrument: dict[str, list[Domain]] = {}
    for d in domeinen.sort_values(["instrument", "volgorde"]).itertuples():
        per_instrument.setdefault(str(d.instrument), []).append(
            Domain(
                code=str(d.domein),
                naam=str(d.naam),
                betrouwbaarheid=_filled(d.betrouwbaarheid),
                afkappunt=_filled(d.afkappunt),
            )
        )
    found = {}
    for i in instrumenten.itertuples():
        found[str(i.code)] = Instrument(
            code=str(i.code),
            naam=str(i.naam),
            schaal_min=float(i.schaal_min),
            schaal_max=float(i.schaal_max),
            richting=str(i.richting),
            domeinen=tuple(per_instrument.get(str(i.code), ())),
            betrouwbaarheid=_filled(i.betrouwbaarheid),
            betrouwbaarheid_bron=_filled(i.betrouwbaarheid_bron),
            afkappunt=_filled(i.afkappunt),
            bron=_filled(i.bron),
            versie=_filled(i.versie),
        )
    return found


def find(code: str, known: Mapping[str, Instrument], where: str = "instrument") -> Instrument:
    """The instrument called ``code`` (case-insensitive) among ``known``; otherwise a Dutch
    error that lists the known instruments and says how to add one."""
    for key, instrument in known.items():
        if key.upper() == str(code).upper():
            return instrument
    raise UserInputError(
        Problem(
            where,
            None,
            None,
            f"onbekend instrument {str(code)!r}; bekend zijn: {', '.join(sorted(known))}. Een eigen "
            "instrument voeg je toe met 'impact instrument BESTAND.yaml', of geef het YAML-bestand "
            "zelf op",
        )
    )
