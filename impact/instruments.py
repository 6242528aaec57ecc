"""Measurement instruments: the built-in ZRM and Positieve Gezondheid, and custom YAML files.

Instrument facts (scale, level labels, reliability) live in YAML files next to their source,
so a reader can check every number against the publication it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from impact.errors import Problem, UserInputError

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

    @property
    def domain_codes(self) -> list[str]:
        return [d.code for d in self.domeinen]

    def domain(self, code: str) -> Domain:
        for d in self.domeinen:
            if d.code == code:
                return d
        raise KeyError(code)

    def reliability(self, domain_code: str) -> float | None:
        """The domain's own reliability, else the instrument's (an assumption the caller must state)."""
        own = self.domain(domain_code).betrouwbaarheid
        return own if own is not None else self.betrouwbaarheid


def _from_mapping(data: dict, source: str) -> Instrument:
    problems: list[Problem] = []

    def need(key: str) -> object:
        if data.get(key) in (None, ""):
            problems.append(Problem(source, None, key, f"veld '{key}' is verplicht"))
        return data.get(key)

    code, naam = need("code"), need("naam")
    low, high = need("schaal_min"), need("schaal_max")
    direction = data.get("richting", "hoger_is_beter")
    if direction not in DIRECTIONS:
        problems.append(
            Problem(source, None, "richting", "verwacht 'hoger_is_beter' of 'lager_is_beter'", direction)
        )
    domains = []
    for i, entry in enumerate(data.get("domeinen") or []):
        if not isinstance(entry, dict) or not entry.get("code"):
            problems.append(
                Problem(source, None, f"domeinen[{i + 1}]", "een domein met minstens 'code'", entry)
            )
            continue
        domains.append(
            Domain(
                code=str(entry["code"]),
                naam=str(entry.get("naam") or entry["code"]),
                betrouwbaarheid=entry.get("betrouwbaarheid"),
                afkappunt=entry.get("afkappunt"),
            )
        )
    if not domains:
        problems.append(Problem(source, None, "domeinen", "minstens één domein"))
    if isinstance(low, int | float) and isinstance(high, int | float) and low >= high:
        problems.append(Problem(source, None, "schaal_max", f"groter dan schaal_min ({low})", high))
    reliability = data.get("betrouwbaarheid")
    if reliability is not None and not (isinstance(reliability, int | float) and 0 < reliability < 1):
        problems.append(Problem(source, None, "betrouwbaarheid", "een getal tussen 0 en 1", reliability))
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
        niveaus={int(k): str(v) for k, v in (data.get("niveaus") or {}).items()},
    )


def load_file(path: str | Path) -> Instrument:
    """Read a custom instrument from YAML; errors name the file and field."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise UserInputError(Problem(str(path), None, None, f"een leesbaar YAML-bestand ({error})")) from None
    if not isinstance(data, dict):
        raise UserInputError(
            Problem(str(path), None, None, "een YAML-mapping met code, naam, schaal en domeinen")
        )
    return _from_mapping(data, str(path))


def builtin() -> dict[str, Instrument]:
    """The instruments that ship with the package, by code."""
    found = {}
    folder = resources.files("impact") / "instrumenten"
    for name in ("zrm.yaml", "positieve_gezondheid.yaml"):
        data = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
        instrument = _from_mapping(data, name)
        found[instrument.code] = instrument
    return found
