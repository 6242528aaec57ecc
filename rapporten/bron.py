"""Where report builders get their data: a database engine, a demo world or plain DataFrames.

``Gegevens`` reads each table once, applies the report's filters (gemeente, interventie,
periode) consistently to every table, and hands out tidy DataFrames following the data
contract. ``identiteiten`` is only used for pseudonymisation and never rendered.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Engine

from impact import store
from impact.contract import SYNTHETISCH, TABELLEN, analyse_frame, vingerafdruk
from impact.errors import Problem, UserInputError


@dataclass(frozen=True)
class Filters:
    gemeente: tuple[str, ...] = ()
    interventie: tuple[str, ...] = ()
    periode: tuple[pd.Timestamp, pd.Timestamp] | None = None

    @staticmethod
    def maak(gemeente=None, interventie=None, periode: str | None = None) -> Filters:
        def rij(x):
            if not x:
                return ()
            return tuple([x] if isinstance(x, str) else x)

        return Filters(rij(gemeente), rij(interventie), _periode(periode) if periode else None)

    def beschrijving(self, opmaak=None) -> dict[str, str]:
        """The selection in words (dates in the report's language when ``opmaak`` is given)."""
        datum = opmaak.datum if opmaak is not None else (lambda d: str(d.date()))
        uit = {}
        if self.gemeente:
            uit["gemeente"] = ", ".join(self.gemeente)
        if self.interventie:
            uit["interventie"] = ", ".join(self.interventie)
        if self.periode:
            uit["periode"] = f"{datum(self.periode[0])} t/m {datum(self.periode[1])}"
        return uit


def _periode(tekst: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """'2025', '2024:2025', '2024-01-01:2024-06-30' or '2024-03'."""
    try:
        delen = tekst.split(":") if ":" in tekst else [tekst, tekst]
        begin = pd.Timestamp(delen[0])
        eind_basis = delen[1]
        eind = pd.Timestamp(eind_basis)
        if len(eind_basis) == 4:
            eind = eind + pd.offsets.YearEnd(0)
        elif len(eind_basis) == 7:
            eind = eind + pd.offsets.MonthEnd(0)
    except (ValueError, IndexError) as fout:
        raise UserInputError(
            Problem(
                "--periode",
                None,
                None,
                "een jaar (2025), jaren (2024:2025) of datums (2024-01-01:2024-06-30)",
                tekst,
            )
        ) from fout
    if eind < begin:
        raise UserInputError(Problem("--periode", None, None, "een begin vóór het eind", tekst))
    return begin, eind


@dataclass
class Gegevens:
    bron: object
    filters: Filters = field(default_factory=Filters)

    @functools.cached_property
    def _ruw(self) -> dict[str, pd.DataFrame]:
        return {}

    def _lees(self, naam: str) -> pd.DataFrame:
        if naam in self._ruw:
            return self._ruw[naam]
        bron = self.bron
        frame: pd.DataFrame | None = None
        if isinstance(bron, dict):
            frame = bron.get(naam)
        elif isinstance(bron, Engine):
            frame = store.read(bron, naam)
        else:
            frame = getattr(bron, naam, None)
            if isinstance(frame, list):
                # the demo world keeps case documents as a list of dicts
                frame = pd.DataFrame({"naam": [d.get("naam") for d in frame], "inhoud": frame})
        if frame is None:
            frame = pd.DataFrame()
        self._ruw[naam] = frame
        return frame

    def lees_alles(self) -> None:
        """Read every table the reports use now (then worker processes need no connection)."""
        for naam in (*TABELLEN, "organisaties", "instrumenten", "domeinen"):
            self._lees(naam)
        for naam in ("clienten", "trajecten", "metingen", "gebeurtenissen", "verhalen", "coderingen", "casussen", "analyse"):
            getattr(self, naam)

    def ruw(self, naam: str) -> pd.DataFrame:
        """A table without filters (e.g. the whole price list)."""
        return self._lees(naam)

    @functools.cached_property
    def clienten(self) -> pd.DataFrame:
        df = self._lees("clienten")
        if self.filters.gemeente and not df.empty:
            df = df[df["gemeente"].isin(self.filters.gemeente)]
        if self.filters.interventie and not df.empty:
            tr = self._lees("trajecten")
            ids = tr.loc[tr["interventie"].isin(self.filters.interventie), "client_id"]
            df = df[df["client_id"].isin(ids)]
        return df.reset_index(drop=True)

    def _van_clienten(self, naam: str) -> pd.DataFrame:
        df = self._lees(naam)
        if df.empty or "client_id" not in df.columns:
            return df
        return df[df["client_id"].isin(self.clienten["client_id"])].reset_index(drop=True)

    @functools.cached_property
    def trajecten(self) -> pd.DataFrame:
        df = self._van_clienten("trajecten")
        if self.filters.interventie and not df.empty:
            df = df[df["interventie"].isin(self.filters.interventie)]
        if self.filters.periode and not df.empty:
            begin, eind = self.filters.periode
            df = df[(df["start"] <= eind) & (df["eind"].isna() | (df["eind"] >= begin))]
        return df.reset_index(drop=True)

    @functools.cached_property
    def metingen(self) -> pd.DataFrame:
        return self._in_periode(self._van_clienten("metingen"))

    @functools.cached_property
    def gebeurtenissen(self) -> pd.DataFrame:
        return self._in_periode(self._van_clienten("gebeurtenissen"))

    @functools.cached_property
    def verhalen(self) -> pd.DataFrame:
        df = self._lees("verhalen")
        if df.empty:
            return df
        if self.filters.gemeente:
            df = df[df["gemeente"].isin(self.filters.gemeente)]
        if self.filters.interventie:
            iv = self.interventies
            ids = iv.loc[iv["naam"].isin(self.filters.interventie), "interventie_id"]
            met_client = df["client_id"].notna()
            df = df[
                (~met_client & (df["interventie_id"].isna() | df["interventie_id"].isin(ids)))
                | df["client_id"].isin(self.clienten["client_id"])
            ]
        return self._in_periode(df).reset_index(drop=True)

    @property
    def codes(self) -> pd.DataFrame:
        """The codebook as stored (code_id, naam, parent_id, ...), unfiltered."""
        return self._lees("codes")

    @functools.cached_property
    def coderingen(self) -> pd.DataFrame:
        """Manual codings of the stories within the filters (empty when nobody coded)."""
        df = self._lees("coderingen")
        if df.empty or "verhaal_id" not in df.columns:
            return df
        return df[df["verhaal_id"].isin(self.verhalen["verhaal_id"])].reset_index(drop=True)

    @property
    def interventies(self) -> pd.DataFrame:
        return self._lees("interventies")

    @property
    def identiteiten(self) -> pd.DataFrame:
        return self._lees("identiteiten")

    @property
    def prijslijst(self) -> pd.DataFrame:
        return self._lees("prijslijst")

    @functools.cached_property
    def casussen(self) -> pd.DataFrame:
        """Effectencalculator cases within the filters: the case's client among the filtered
        clients, its intervention among the chosen ones, its reference date in the period."""
        df = self._lees("casussen")
        if df.empty or "inhoud" not in df.columns:
            return df
        inhoud = df["inhoud"]
        client = df["client_id"] if "client_id" in df.columns else inhoud.map(lambda d: d.get("client_id"))
        interventie = inhoud.map(lambda d: d.get("interventie"))
        houden = pd.Series(True, index=df.index)
        if self.filters.gemeente:
            houden &= client.isin(self.clienten["client_id"])
        if self.filters.interventie:
            houden &= interventie.isin(self.filters.interventie)
        if self.filters.periode:
            begin, eind = self.filters.periode
            peildatum = pd.to_datetime(inhoud.map(lambda d: d.get("peildatum")), errors="coerce")
            houden &= (peildatum >= begin) & (peildatum <= eind)
        return df[houden.to_numpy()].reset_index(drop=True)

    def _in_periode(self, df: pd.DataFrame) -> pd.DataFrame:
        if not self.filters.periode or df.empty or "datum" not in df.columns:
            return df
        begin, eind = self.filters.periode
        return df[(df["datum"] >= begin) & (df["datum"] <= eind)].reset_index(drop=True)

    @functools.cached_property
    def analyse(self) -> pd.DataFrame:
        """The contract's analysis frame, built from the filtered tables."""
        return analyse_frame(self.metingen, self.clienten, self.trajecten)

    @functools.cached_property
    def vingerafdruk(self) -> str:
        """Fingerprint over every table the reports read (identities excepted), unfiltered."""
        return vingerafdruk({n: self._lees(n) for n in TABELLEN if n != "identiteiten"})

    @functools.cached_property
    def resultaten(self) -> dict[str, object]:
        """Model results computed for these data, each once per run (see rapporten.resultaten)."""
        return {}

    @functools.cached_property
    def synthetisch(self) -> bool:
        """True for data made by the demo generator (its organisations carry the mark)."""
        org = self._lees("organisaties")
        return not org.empty and bool(org["naam"].astype(str).str.endswith(SYNTHETISCH).any())

    def prijslijst_versie(self) -> str | None:
        pl = self.prijslijst
        if pl.empty or "versie" not in pl.columns:
            return None
        return ", ".join(sorted(map(str, pl["versie"].dropna().unique()))) or None
