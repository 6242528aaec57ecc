"""Descriptive statistics on the analysis frame: counts, measurement moments, start and end.

What a report shows before any model: how many clients per gemeente and intervention, the
mean score per measurement moment, the change from intake to the last measurement. Pure
functions, DataFrame in and DataFrame out; the reports only protect and arrange the result.
The analysis frame is :func:`impact.contract.analyse_frame` (one row per meting with the
client's attributes, ``interventie`` and ``maanden`` since the start of the first traject).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from modellen.verandering import change_per_client

KENMERKEN = ("gemeente", "wijk", "groep", "interventie")


def instroom(trajecten: pd.DataFrame) -> pd.DataFrame:
    """New trajecten per start year (rows, as text) and intervention (columns)."""
    jaar = trajecten["start"].dt.year.astype("Int64").astype(str)
    return pd.crosstab(jaar.rename("jaar"), trajecten["interventie"])


def meetmomenten(
    analyse: pd.DataFrame, instrument: str = "ZRM", stap: int = 6, max_maanden: int = 36
) -> pd.DataFrame:
    """Measurements binned to moments 0, 6, 12, ... months after the traject's start.

    One score per client, domain and moment (the last one in that bin), so nobody counts
    twice at one moment.
    """
    df = analyse[(analyse["instrument"] == instrument) & analyse["maanden"].notna()].copy()
    df = df[(df["maanden"] >= -1) & (df["maanden"] <= max_maanden + stap / 2)]
    df["moment"] = (np.round(df["maanden"].clip(lower=0) / stap) * stap).astype(int)
    return df.sort_values("datum").drop_duplicates(["client_id", "domein", "moment"], keep="last")


def verloop(momenten: pd.DataFrame, groep: str = "domein", domeinen: list[str] | None = None) -> pd.DataFrame:
    """Clients, mean and SD of the score per ``groep`` and moment (columns groep, moment, n,
    gemiddelde, sd), from the binned measurements of :func:`meetmomenten`."""
    df = momenten
    if domeinen:
        df = df[df["domein"].isin(domeinen)]
    return (
        df.groupby([groep, "moment"])
        .agg(n=("client_id", "nunique"), gemiddelde=("score", "mean"), sd=("score", "std"))
        .reset_index()
    )


def groepsverloop(momenten: pd.DataFrame) -> pd.DataFrame:
    """Per group (interventie / vergelijking) and moment: clients and the mean over clients of
    each client's mean over the domains (columns groep, moment, n, gemiddelde), from the
    binned measurements of :func:`meetmomenten`."""
    per_client = momenten.groupby(["groep", "client_id", "moment"])["score"].mean().reset_index()
    return (
        per_client.groupby(["groep", "moment"])
        .agg(n=("client_id", "nunique"), gemiddelde=("score", "mean"))
        .reset_index()
    )


def eerste_en_laatste(analyse: pd.DataFrame, instrument: str = "ZRM", min_maanden: float = 3) -> pd.DataFrame:
    """Per client and domain: the first score and the last one at least ``min_maanden`` later
    (the pairs of :func:`modellen.verandering.change_per_client`, the one definition of change).

    Columns client_id, domein, begin, eind, verschil and the client's gemeente, wijk, groep
    and interventie (those present in ``analyse``).
    """
    kenmerken = [k for k in KENMERKEN if k in analyse.columns]
    kolommen = ["client_id", "domein", "begin", "eind", "verschil", *kenmerken]
    data = analyse[analyse["instrument"] == instrument] if not analyse.empty else analyse
    if data.empty:
        return pd.DataFrame(columns=kolommen)
    paren = change_per_client(data, "score", "datum", "client_id", "domein", kenmerken, horizonten=())
    paren = paren[(paren["n_metingen"] >= 2) & (paren["looptijd_maanden"] >= min_maanden)]
    paren = paren.rename(columns={"voor": "begin", "na": "eind", "verandering": "verschil"})
    return paren[kolommen].reset_index(drop=True)


def verandering_per(paren: pd.DataFrame, per: str = "domein", drempel_verbetering: float = 1.0) -> pd.DataFrame:
    """Change from start to last measurement per ``per`` (columns per, n, begin, eind,
    verschil, verbeterd).

    ``paren`` comes from :func:`eerste_en_laatste`. Per domain, ``verbeterd`` counts clients
    at least ``drempel_verbetering`` point up on that domain. Per client attribute (gemeente,
    interventie, ...), each client counts once: begin, eind and verschil are the client's mean
    over the domains, and ``verbeterd`` counts clients improved on at least one domain.
    """
    paren = paren[paren[per].notna()].copy()
    paren["verbeterd"] = paren["verschil"] >= drempel_verbetering
    if per != "domein":
        paren = (
            paren.groupby(["client_id", per])
            .agg(
                begin=("begin", "mean"),
                eind=("eind", "mean"),
                verschil=("verschil", "mean"),
                verbeterd=("verbeterd", "any"),
            )
            .reset_index()
        )
    return (
        paren.groupby(per)
        .agg(
            n=("client_id", "nunique"),
            begin=("begin", "mean"),
            eind=("eind", "mean"),
            verschil=("verschil", "mean"),
            verbeterd=("verbeterd", "sum"),
        )
        .reset_index()
    )


def verschil_per_client(paren: pd.DataFrame, per: tuple[str, ...] = ()) -> pd.DataFrame:
    """Each client's mean change over the domains (columns client_id, *per, verschil)."""
    return paren.groupby(["client_id", *per])["verschil"].mean().reset_index()


def vervolg_per_interventie(momenten: pd.DataFrame) -> pd.DataFrame:
    """Per intervention: clients with an intake measurement (moment 0), and of those how many
    were measured again at 6 and at 12 months (columns interventie, gestart, m6, m12), from
    the binned measurements of :func:`meetmomenten`."""
    df = momenten[momenten["interventie"].notna()]
    momenten = df.groupby(["interventie", "client_id"])["moment"].agg(set)
    gestart = momenten.map(lambda m: 0 in m)
    uit = pd.DataFrame(
        {
            "gestart": gestart,
            "m6": gestart & momenten.map(lambda m: 6 in m),
            "m12": gestart & momenten.map(lambda m: 12 in m),
        }
    )
    uit = uit.groupby(level="interventie").sum().astype(int).reset_index()
    return uit[["interventie", "gestart", "m6", "m12"]]
