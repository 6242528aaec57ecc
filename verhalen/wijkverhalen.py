"""Wijkverhalen: stories tied to a wijk rather than a client, grouped by wijk and year and
shown next to the wijk's own figures (the yearly neighbourhood-story collections)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from verhalen.exemplaren import binnen_toestemming


def is_wijkverhaal(verhalen: pd.DataFrame) -> pd.Series:
    """A wijkverhaal is of soort 'wijkverhaal', or has a wijk and no client."""
    soort = verhalen.get("soort", pd.Series(index=verhalen.index, dtype=object))
    no_client = verhalen["client_id"].isna() if "client_id" in verhalen else True
    has_wijk = verhalen["wijk"].notna() if "wijk" in verhalen else False
    return ((soort == "wijkverhaal") | (no_client & has_wijk)).fillna(False).astype(bool)


def wijkcijfers(
    analyse: pd.DataFrame, instrument: str | None = "ZRM", rci: pd.DataFrame | None = None,
    clienten: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Figures per wijk and year from the ``analyse`` frame (metingen with client attributes).

    Columns: gemeente, wijk, jaar, n_clienten (measured that year), n_metingen,
    gemiddelde_score; with ``rci`` (client_id, domein, categorie) and ``clienten`` also
    pct_betrouwbaar_verbeterd / pct_betrouwbaar_verslechterd over the wijk's clients
    (all years, all domains).
    """
    data = analyse if instrument is None else analyse[analyse["instrument"] == instrument]
    data = data.assign(jaar=pd.to_datetime(data["datum"]).dt.year)
    out = data.groupby(["gemeente", "wijk", "jaar"]).agg(
        n_clienten=("client_id", "nunique"), n_metingen=("score", "size"),
        gemiddelde_score=("score", "mean")).reset_index()
    if rci is not None and clienten is not None and len(rci):
        category = "categorie" if "categorie" in rci.columns else "rci_categorie"
        merged = rci.merge(clienten[["client_id", "gemeente", "wijk"]], on="client_id")
        text = merged[category].astype(str).str.casefold()
        # 'hersteld' is reliably improved and past the cut-off: improved too
        merged = merged.assign(verbeterd=text.str.contains("verbeter") | text.str.contains("hersteld"),
                               verslechterd=text.str.contains("verslechter"))
        share = merged.groupby(["gemeente", "wijk"]).agg(
            pct_betrouwbaar_verbeterd=("verbeterd", lambda s: 100 * s.mean()),
            pct_betrouwbaar_verslechterd=("verslechterd", lambda s: 100 * s.mean()),
        ).reset_index()
        out = out.merge(share, on=["gemeente", "wijk"], how="left")
    return out


@dataclass
class WijkverhalenResultaat:
    tabel: pd.DataFrame
    verhalen: pd.DataFrame

    def summary(self) -> pd.DataFrame:
        return self.tabel.copy()

    def bundel(self, gemeente: str, wijk: str, jaar: int) -> pd.DataFrame:
        """The stories of one wijk (a wijk is always gemeente + wijk) and year, oldest first."""
        v = self.verhalen
        rows = v[(v["gemeente"] == gemeente) & (v["wijk"] == wijk) & (v["jaar"] == jaar)]
        return rows.sort_values("datum").reset_index(drop=True)

    def to_dict(self) -> dict:
        frame = self.tabel.astype(object).where(self.tabel.notna(), None)
        return {"wijken": frame.to_dict("records")}

    def plot(self):
        import plotly.express as px

        return px.bar(self.tabel, x="jaar", y="n_verhalen", color="wijk", barmode="group",
                      title="Wijkverhalen per wijk en jaar",
                      labels={"n_verhalen": "aantal verhalen"})


def wijkverhalen(
    verhalen: pd.DataFrame, cijfers: pd.DataFrame | None = None, gebruik: str = "intern",
) -> WijkverhalenResultaat:
    """Group wijkverhalen by wijk and year (within consent for ``gebruik``) and attach the
    wijk's figures (``cijfers`` with wijk, jaar and any figure columns; see
    :func:`wijkcijfers`). Wijk-years with figures but no stories are kept, with 0 stories:
    silence is information too."""
    stories = binnen_toestemming(verhalen, gebruik)
    stories = stories[is_wijkverhaal(stories)].copy()
    stories["jaar"] = pd.to_datetime(stories["datum"]).dt.year
    keys = [k for k in ("gemeente", "wijk") if k in stories.columns]
    grouped = stories.groupby([*keys, "jaar"], dropna=False).agg(
        n_verhalen=("verhaal_id", "size"),
        verhaal_ids=("verhaal_id", lambda s: sorted(s.tolist())),
        titels=("titel", lambda s: [str(t) for t in s]) if "titel" in stories
        else ("verhaal_id", lambda s: []),
    ).reset_index()
    if cijfers is not None:
        on = [k for k in ("gemeente", "wijk", "jaar") if k in cijfers.columns
              and k in grouped.columns]
        grouped = grouped.merge(cijfers, on=on, how="outer")
        grouped["n_verhalen"] = grouped["n_verhalen"].fillna(0).astype(int)
        grouped["verhaal_ids"] = grouped["verhaal_ids"].apply(
            lambda v: v if isinstance(v, list) else [])
        grouped["titels"] = grouped["titels"].apply(lambda v: v if isinstance(v, list) else [])
    table = grouped.sort_values([*keys, "jaar"]).reset_index(drop=True)
    return WijkverhalenResultaat(table, stories.reset_index(drop=True))
