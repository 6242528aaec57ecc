"""The societal price list (maatschappelijke prijslijst): extend/override, index.

The default list ships as ``impact/data/prijslijst.csv``, built from the sourced figures in
the project's reference research (each item keeps its source and reliability grade A/B/C/P;
items without a source were left out). A user's own list extends it or overrides items with
the same code. Every result records the list's ``versie``.

No file is read here: ``impact.io.prijslijst`` reads and validates lists (the one set of
price-list rules, the same as ``impact importeer prijslijst``); this module takes DataFrames.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache

import pandas as pd

from impact.contract import FINANCIERS
from impact.io.prijslijst import shipped_price_list, validate_price_list
from modellen.kostenbaten.indexering import Cpi, standaard_cpi

__all__ = ["FINANCIERS", "KOLOMMEN", "Prijslijst", "standaard_prijslijst", "valideer_prijslijst"]
KOLOMMEN = [
    "versie",
    "item",
    "omschrijving",
    "eenheid",
    "prijs",
    "prijsjaar",
    "financier",
    "domein",
    "bron",
    "betrouwbaarheid",
]
EXTRA_KOLOMMEN = ["prijs_min", "prijs_max", "type", "opmerking"]


def _fingerprint(df: pd.DataFrame) -> str:
    text = df[[c for c in KOLOMMEN if c != "versie"]].to_csv(index=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Prijslijst:
    """Price items indexed by their code (``item``); immutable, every change gives a new list."""

    items: pd.DataFrame
    versie: str
    prijspeil: int | None = None  # set when all prices were indexed to one year
    cpi: Cpi | None = field(default=None, repr=False)

    def __contains__(self, item: object) -> bool:
        return item in self._index

    def __len__(self) -> int:
        return len(self.items)

    def codes(self) -> list[str]:
        return list(self.items["item"])

    @cached_property
    def _index(self) -> dict[str, dict]:
        return {str(r["item"]): r for r in self.items.to_dict("records")}

    def regel(self, item: str) -> dict:
        """One price item as a plain dict (prijs as Decimal)."""
        record = dict(self._index[item])  # KeyError for an unknown item
        record["prijs"] = Decimal(str(record["prijs"]))
        record["prijsjaar"] = int(record["prijsjaar"])
        for key in ("prijs_min", "prijs_max"):
            value = record.get(key)
            record[key] = None if value is None or pd.isna(value) else Decimal(str(value))
        return record

    def aangevuld(self, eigen: pd.DataFrame, bestand: str = "prijslijst") -> Prijslijst:
        """Extend/override with a user's list (validated first; same code = override)."""
        eigen = valideer_prijslijst(eigen, bestand)
        basis = self.items.loc[~self.items["item"].isin(eigen["item"])]
        samen = pd.concat([basis, eigen], ignore_index=True)
        versie = f"{self.versie}+eigen-{_fingerprint(eigen)}"
        samen["versie"] = versie
        return Prijslijst(items=samen, versie=versie, prijspeil=None, cpi=self.cpi)

    def geindexeerd(self, jaar: int, cpi: Cpi | None = None) -> Prijslijst:
        """All prices brought to the price level of ``jaar`` with the CPI (rounded to cents)."""
        cpi = cpi or self.cpi or standaard_cpi()
        items = self.items.copy()
        items["prijs_origineel"] = items["prijs"]
        items["prijsjaar_origineel"] = items["prijsjaar"]
        for column in ("prijs", "prijs_min", "prijs_max"):
            if column in items:
                items[column] = [
                    None if pd.isna(p) else float(cpi.indexeer(p, int(j), jaar))
                    for p, j in zip(items[column], items["prijsjaar_origineel"], strict=True)
                ]
        items["prijsjaar"] = jaar
        return Prijslijst(items=items, versie=self.versie, prijspeil=jaar, cpi=cpi)

    def herkomst(self) -> dict:
        """What a result needs to record about the list it was priced with."""
        info: dict = {"versie": self.versie, "aantal_items": len(self)}
        if self.prijspeil is not None:
            cpi = self.cpi or standaard_cpi()
            jaren = sorted(
                {int(j) for j in self.items.get("prijsjaar_origineel", self.items["prijsjaar"])}
                | {self.prijspeil}
            )
            info["prijspeil"] = self.prijspeil
            info["indexering"] = cpi.bron() | {
                "afgeleide_jaren_gebruikt": cpi.afgeleide_jaren(*jaren)
            }
        return info


def valideer_prijslijst(df: pd.DataFrame, bestand: str = "prijslijst") -> pd.DataFrame:
    """A user's price list checked by the one set of rules (``impact.io.prijslijst``), with
    the model's columns: every optional column present, omschrijving defaulting to the item
    and betrouwbaarheid to 'eigen'."""
    df = validate_price_list(df, bestand)
    for kolom in KOLOMMEN + EXTRA_KOLOMMEN:
        if kolom not in df:
            df[kolom] = None
    df["omschrijving"] = df["omschrijving"].fillna(df["item"])
    df["betrouwbaarheid"] = df["betrouwbaarheid"].fillna("eigen")
    return df


@lru_cache(maxsize=1)
def _standaard() -> Prijslijst:
    items = shipped_price_list()
    versie = f"{items['versie'].iloc[0]}+{_fingerprint(items)}"
    items["versie"] = versie
    return Prijslijst(items=items, versie=versie)


def standaard_prijslijst(eigen: pd.DataFrame | None = None, bestand: str = "prijslijst") -> Prijslijst:
    """The shipped Dutch price list, optionally extended/overridden with a user's list
    (a DataFrame; ``impact.io.prijslijst.read_price_list`` reads one from a file)."""
    basis = _standaard()
    if eigen is None:
        return basis
    return basis.aangevuld(eigen, bestand)
