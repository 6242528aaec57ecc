"""Linking stories to figures: one timeline per client, stories near keerpunten, and
selecting stories by quantitative variables ("activate by document variables", live).

Keerpunten come from ``modellen.keerpunten`` as a tidy table (client_id, domein, datum,
vorige_datum, verschil, richting); this module only takes that table as a DataFrame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from impact.errors import Problem, UserInputError

TIMELINE_COLUMNS = ["client_id", "datum", "soort", "domein", "waarde", "omschrijving",
                    "verhaal_id"]


def _need(frame: pd.DataFrame, columns: list[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise UserInputError([Problem(name, None, c, "kolom aanwezig") for c in missing])


def tijdlijn(
    verhalen: pd.DataFrame, metingen: pd.DataFrame | None = None,
    gebeurtenissen: pd.DataFrame | None = None, keerpunten: pd.DataFrame | None = None,
    client_id: object = None,
) -> pd.DataFrame:
    """Stories, measurements, events and keerpunten of one client (or all) on one timeline.

    Tidy rows: client_id, datum, soort ('verhaal' | 'meting' | 'gebeurtenis' | 'keerpunt'),
    domein, waarde (score or verschil), omschrijving, verhaal_id. Sorted by client and date;
    on the same day measurements come first, then events, keerpunten and stories.
    """
    parts = []
    stories = verhalen.dropna(subset=["client_id"])
    parts.append(pd.DataFrame({
        "client_id": stories["client_id"], "datum": stories["datum"], "soort": "verhaal",
        "domein": None, "waarde": float("nan"),
        "omschrijving": stories["titel"] if "titel" in stories else stories["soort"],
        "verhaal_id": stories["verhaal_id"],
    }))
    if metingen is not None and len(metingen):
        label = metingen["instrument"] if "instrument" in metingen else "meting"
        parts.append(pd.DataFrame({
            "client_id": metingen["client_id"], "datum": metingen["datum"], "soort": "meting",
            "domein": metingen["domein"], "waarde": metingen["score"].astype(float),
            "omschrijving": label, "verhaal_id": None,
        }))
    if gebeurtenissen is not None and len(gebeurtenissen):
        text = gebeurtenissen["soort"].astype(str)
        if "omschrijving" in gebeurtenissen:
            text = text + ": " + gebeurtenissen["omschrijving"].fillna("").astype(str)
        parts.append(pd.DataFrame({
            "client_id": gebeurtenissen["client_id"], "datum": gebeurtenissen["datum"],
            "soort": "gebeurtenis", "domein": None, "waarde": float("nan"),
            "omschrijving": text.str.rstrip(": "), "verhaal_id": None,
        }))
    if keerpunten is not None and len(keerpunten):
        _need(keerpunten, ["client_id", "domein", "datum", "richting"], "keerpunten")
        parts.append(pd.DataFrame({
            "client_id": keerpunten["client_id"], "datum": keerpunten["datum"],
            "soort": "keerpunt", "domein": keerpunten["domein"],
            "waarde": keerpunten["verschil"].astype(float) if "verschil" in keerpunten
            else float("nan"),
            "omschrijving": "keerpunt (" + keerpunten["richting"].astype(str) + ")",
            "verhaal_id": None,
        }))
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["datum"] = pd.to_datetime(out["datum"])
    if client_id is not None:
        out = out[out["client_id"] == client_id]
    order = {"meting": 0, "gebeurtenis": 1, "keerpunt": 2, "verhaal": 3}
    out = out.assign(_o=out["soort"].map(order)).sort_values(
        ["client_id", "datum", "_o"], kind="stable").drop(columns="_o")
    out["verhaal_id"] = out["verhaal_id"].astype("object")
    return out[TIMELINE_COLUMNS].reset_index(drop=True)


def plot_tijdlijn(lijn: pd.DataFrame, titel: str = "Tijdlijn"):
    """Scores per domain as lines; stories, events and keerpunten as markers."""
    import plotly.graph_objects as go

    fig = go.Figure()
    scores = lijn[lijn["soort"] == "meting"]
    for domein, group in scores.groupby("domein"):
        fig.add_trace(go.Scatter(x=group["datum"], y=group["waarde"], mode="lines+markers",
                                 name=str(domein)))
    top = float(scores["waarde"].max()) + 0.5 if len(scores) else 1.0
    symbols = {"verhaal": "star", "gebeurtenis": "diamond", "keerpunt": "triangle-up"}
    for soort, symbol in symbols.items():
        rows = lijn[lijn["soort"] == soort]
        if len(rows):
            fig.add_trace(go.Scatter(
                x=rows["datum"], y=[top] * len(rows), mode="markers", name=soort,
                marker={"symbol": symbol, "size": 12}, text=rows["omschrijving"],
                hovertemplate="%{x|%d-%m-%Y}: %{text}<extra></extra>"))
    fig.update_layout(title=titel, xaxis_title="datum", yaxis_title="score")
    return fig


def verhalen_rond_keerpunten(
    verhalen: pd.DataFrame, keerpunten: pd.DataFrame, dagen: int = 30,
    domein: str | None = None, *, voor: int | None = None, na: int | None = None,
) -> pd.DataFrame:
    """Stories of the same client dated within a window around a keerpunt.

    The window is ``voor`` days before to ``na`` days after the keerpunt (both default to
    ``dagen``). One row per (story, keerpunt) pair: verhaal_id, client_id, domein,
    keerpunt_datum, richting, verschil, verhaal_datum, dagen_na_keerpunt (negative = before),
    plus vorige_score, score and betekenis when the keerpunten table has them.
    """
    _need(keerpunten, ["client_id", "domein", "datum", "richting"], "keerpunten")
    voor = dagen if voor is None else voor
    na = dagen if na is None else na
    for naam, waarde in (("dagen", dagen), ("voor", voor), ("na", na)):
        if waarde < 0:
            raise UserInputError(Problem(naam, None, None, "een aantal dagen >= 0", waarde))
    turns = keerpunten if domein is None else keerpunten[keerpunten["domein"] == domein]
    stories = verhalen.dropna(subset=["client_id"])
    pairs = stories[["verhaal_id", "client_id", "datum"]].merge(
        turns.rename(columns={"datum": "keerpunt_datum"}), on="client_id")
    pairs["dagen_na_keerpunt"] = (pd.to_datetime(pairs["datum"])
                                  - pd.to_datetime(pairs["keerpunt_datum"])).dt.days
    pairs = pairs[pairs["dagen_na_keerpunt"].between(-voor, na)]
    columns = ["verhaal_id", "client_id", "domein", "keerpunt_datum", "richting",
               "verschil", "datum", "dagen_na_keerpunt"]
    columns += [c for c in ("vorige_score", "score", "betekenis") if c in pairs.columns]
    if "verschil" not in pairs:
        pairs["verschil"] = float("nan")
    return (pairs[columns].rename(columns={"datum": "verhaal_datum"})
            .sort_values(["client_id", "keerpunt_datum", "verhaal_datum"])
            .reset_index(drop=True))


# The window around a keerpunt that ``impact analyse keerpunten --verhalen`` and the reports
# use: a story is often written after what it tells about happened, so more days before.
VENSTER_VOOR, VENSTER_NA = 60, 30
FRAGMENT_TEKENS = 240
PAAR_KOLOMMEN = ["client_id", "domein", "keerpunt_datum", "vorige_score", "score", "verschil",
                 "richting", "betekenis", "verhaal_id", "verhaal_datum", "dagen_na_keerpunt",
                 "soort", "fragment"]


def fragment(tekst: str, tekens: int = FRAGMENT_TEKENS) -> str:
    """The start of a text, at most ``tekens`` characters, cut at a word and marked with '…'."""
    tekst = " ".join(str(tekst).split())
    if len(tekst) <= tekens:
        return tekst
    kort = tekst[:tekens].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{kort} …"


def verhalen_bij_keerpunten(
    verhalen: pd.DataFrame, keerpunten: pd.DataFrame, gebruik: str, *,
    voor: int = VENSTER_VOOR, na: int = VENSTER_NA, tekens: int = FRAGMENT_TEKENS,
) -> pd.DataFrame:
    """Per keerpunt the stories of the same client from ``voor`` days before to ``na`` days
    after it, as short fragments of their published (pseudonymised) text.

    Only stories whose consent covers ``gebruik`` (:func:`verhalen.exemplaren.binnen_toestemming`)
    and that have a published version; the stored text never leaves this function. Columns:
    ``PAAR_KOLOMMEN``, sorted by client, keerpunt and the story's distance to it.
    """
    from verhalen.exemplaren import binnen_toestemming
    from verhalen.publicatie import gepubliceerd

    if keerpunten.empty or verhalen.empty:
        return pd.DataFrame(columns=PAAR_KOLOMMEN)
    _need(verhalen, ["verhaal_id", "client_id", "datum", "soort", "toestemming"], "verhalen")
    toegestaan = binnen_toestemming(verhalen, gebruik)
    # the published version, by the one function that also refuses a missing or outdated one
    getoond = gepubliceerd(toegestaan[toegestaan["datum"].notna()])
    paren = verhalen_rond_keerpunten(getoond, keerpunten, voor=voor, na=na)
    for kolom in ("vorige_score", "score", "betekenis"):
        if kolom not in paren.columns:
            paren[kolom] = None
    tekst = getoond.set_index("verhaal_id")
    paren["soort"] = paren["verhaal_id"].map(tekst["soort"])
    paren["fragment"] = paren["verhaal_id"].map(tekst["tekst"]).map(lambda t: fragment(t, tekens))
    paren = paren.assign(_afstand=paren["dagen_na_keerpunt"].abs()).sort_values(
        ["client_id", "keerpunt_datum", "domein", "_afstand"], kind="stable")
    return paren[PAAR_KOLOMMEN].reset_index(drop=True)


Filter = Any | list | tuple | set | Callable[[pd.Series], pd.Series]


def selecteer_verhalen(
    verhalen: pd.DataFrame, variabelen: pd.DataFrame, filters: Mapping[str, Filter] | None = None,
    **more: Filter,
) -> pd.DataFrame:
    """Stories of clients whose variables pass every filter.

    ``variabelen``: one row per client_id (e.g. :func:`verhalen.refiqda.client_variables`:
    gemeente, interventie, rci_<domein>, ...). A filter value is a value (equality), a
    list/tuple/set (one of), or a function of the column returning booleans, e.g.
    ``selecteer_verhalen(v, var, gemeente="Weert", rci_financien="betrouwbaar verbeterd")``.
    The stories come back with the variables attached.
    """
    filters = {**(filters or {}), **more}
    missing = [k for k in filters if k not in variabelen.columns]
    if missing:
        raise UserInputError([Problem("variabelen", None, k, "een bestaande variabele")
                              for k in missing])
    keep = pd.Series(True, index=variabelen.index)
    for column, wanted in filters.items():
        values = variabelen[column]
        if callable(wanted):
            keep &= pd.Series(wanted(values), index=values.index).fillna(False).astype(bool)
        elif isinstance(wanted, list | tuple | set):
            keep &= values.isin(list(wanted))
        else:
            keep &= (values == wanted).fillna(False).astype(bool)
    chosen = variabelen[keep]
    story_cols = [c for c in verhalen.columns if c not in chosen.columns or c == "client_id"]
    out = verhalen[story_cols].dropna(subset=["client_id"]).merge(chosen, on="client_id")
    return out.sort_values(["client_id", "datum"]).reset_index(drop=True)
