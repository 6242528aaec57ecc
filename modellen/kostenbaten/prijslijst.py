"""The societal price list (maatschappelijke prijslijst): load, extend/override, index.

The default list ships as ``impact/data/prijslijst.csv``, built from the sourced figures in
the project's reference research (each item keeps its source and reliability grade A/B/C/P;
items without a source were left out). A user's own list (CSV/XLSX) extends it or overrides
items with the same code. Every result records the list's ``versie``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

import impact
from impact.errors import Problem, UserInputError
from modellen.kostenbaten.indexering import Cpi, standaard_cpi

PRIJSLIJST_BESTAND = Path(impact.__file__).parent / "data" / "prijslijst.csv"
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
VERPLICHT = ["item", "eenheid", "prijs", "prijsjaar", "financier", "domein", "bron"]
FINANCIERS = (
    "gemeente",
    "zorgverzekeraar",
    "Rijk",
    "politie/justitie",
    "woningcorporatie",
    "werkgever",
    "burger",
)


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
    """Check a user's price list; all problems at once as a Dutch UserInputError."""
    problemen: list[Problem] = []
    df = df.copy()
    df.columns = [str(c).strip().lower() for c in df.columns]
    ontbrekend = [c for c in VERPLICHT if c not in df.columns]
    for kolom in ontbrekend:
        problemen.append(Problem(bestand, 1, kolom, f"een kolom '{kolom}'", None))
    if ontbrekend:
        raise UserInputError(problemen)
    for i, rij in enumerate(df.to_dict("records")):
        regel = i + 2
        for kolom in VERPLICHT:
            waarde = rij.get(kolom)
            if (
                waarde is None
                or (isinstance(waarde, float) and pd.isna(waarde))
                or str(waarde).strip() == ""
            ):
                tekst = (
                    "een bron (elke prijs heeft een bron nodig)"
                    if kolom == "bron"
                    else "een waarde"
                )
                problemen.append(Problem(bestand, regel, kolom, tekst, None))
        prijs = pd.to_numeric(pd.Series([rij.get("prijs")]), errors="coerce").iloc[0]
        if pd.notna(rij.get("prijs")) and (pd.isna(prijs) or prijs < 0):
            problemen.append(
                Problem(bestand, regel, "prijs", "een bedrag van 0 of meer", rij.get("prijs"))
            )
        jaar = pd.to_numeric(pd.Series([rij.get("prijsjaar")]), errors="coerce").iloc[0]
        if pd.notna(rij.get("prijsjaar")) and (
            pd.isna(jaar) or jaar != int(jaar) or not 1900 <= jaar <= 2100
        ):
            problemen.append(
                Problem(bestand, regel, "prijsjaar", "een jaartal zoals 2024", rij.get("prijsjaar"))
            )
    dubbel = df["item"][df["item"].duplicated()]
    for i in dubbel.index:
        problemen.append(
            Problem(bestand, int(i) + 2, "item", "een unieke itemcode", df.loc[i, "item"])
        )
    if problemen:
        raise UserInputError(problemen)
    df["prijs"] = pd.to_numeric(df["prijs"]).astype(float)
    df["prijsjaar"] = pd.to_numeric(df["prijsjaar"]).astype(int)
    df["item"] = df["item"].astype(str).str.strip()
    for kolom in KOLOMMEN + EXTRA_KOLOMMEN:
        if kolom not in df:
            df[kolom] = None
    df["omschrijving"] = df["omschrijving"].fillna(df["item"])
    df["betrouwbaarheid"] = df["betrouwbaarheid"].fillna("eigen")
    return df


def lees_prijslijst(pad: str | Path) -> pd.DataFrame:
    """Read a user's price list file (CSV with , or ; separator, or XLSX) without validating."""
    pad = Path(pad)
    if not pad.exists():
        raise UserInputError(Problem(str(pad), None, None, "een bestaand bestand", None))
    if pad.suffix.lower() in (".xlsx", ".xlsm"):
        return pd.read_excel(pad)
    return pd.read_csv(pad, sep=None, engine="python")


@lru_cache(maxsize=1)
def _standaard() -> Prijslijst:
    items = pd.read_csv(PRIJSLIJST_BESTAND)
    versie = f"{items['versie'].iloc[0]}+{_fingerprint(items)}"
    items["versie"] = versie
    return Prijslijst(items=items, versie=versie)


def standaard_prijslijst(eigen: pd.DataFrame | str | Path | None = None) -> Prijslijst:
    """The shipped Dutch price list, optionally extended/overridden with a user's list."""
    basis = _standaard()
    if eigen is None:
        return basis
    if isinstance(eigen, (str, Path)):
        return basis.aangevuld(lees_prijslijst(eigen), str(eigen))
    return basis.aangevuld(eigen)
