"""Joint displays: themes (codes) × quantitative groups, with an exemplar quote per cell and
a convergence / divergence / silence judgement per theme.

Counting unit is the story: a theme "occurs" in a story when at least one segment of the
story carries the code (or, with ``hoofdcodes=True``, a code below it in the codebook).
- ``n`` — stories in the group with the theme;
- ``rij_pct`` — share of the theme's stories that fall in this group (rows sum to 100);
- ``kolom_pct`` — share of the group's stories that mention the theme.

Judgement per theme (needs a valence: +1 for a theme that is good news, such as
"eigen kracht", -1 for bad news, such as "schulden", and a direction per group: +1 for
groups doing better in the figures, e.g. 'betrouwbaar verbeterd', -1 for worse):
- ``stilte`` — fewer than ``min_verhalen`` stories mention the theme at all;
- ``convergentie`` — the theme is at least ``drempel_pp`` percentage points more common
  in the groups the figures and the valence say it should be;
- ``divergentie`` — at least ``drempel_pp`` points the other way;
- ``onbeslist`` — mentioned, but the difference is smaller than the threshold;
- ``niet te beoordelen`` — no valence for the theme or no groups with opposite direction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from verhalen.codeboek import Codeboek

CELL_COLUMNS = ["thema", "groep", "n", "n_groep", "rij_pct", "kolom_pct", "citaat",
                "citaat_verhaal_id"]


def standaard_richting(groep: object) -> int:
    """+1 / -1 / 0 for common group labels (RCI categories, interventie vs vergelijking)."""
    text = str(groep).casefold()
    if "verbeter" in text or text in ("interventie", "herstel", "hersteld"):
        return 1
    if "verslechter" in text or text == "vergelijking":
        return -1
    return 0


@dataclass
class JointDisplayResultaat:
    tabel: pd.DataFrame
    oordeel: pd.DataFrame
    regel: str

    def summary(self) -> pd.DataFrame:
        return self.tabel.copy()

    def matrix(self, waarde: str = "n") -> pd.DataFrame:
        """Wide table: one row per theme, one column per group."""
        return self.tabel.pivot(index="thema", columns="groep", values=waarde)

    def to_dict(self) -> dict:
        def records(frame: pd.DataFrame) -> list[dict]:
            return frame.astype(object).where(frame.notna(), None).to_dict("records")

        return {"cellen": records(self.tabel), "oordeel": records(self.oordeel),
                "regel": self.regel}

    def plot(self, waarde: str = "kolom_pct"):
        import plotly.graph_objects as go

        wide = self.matrix(waarde)
        fig = go.Figure(go.Heatmap(z=wide.to_numpy(), x=[str(c) for c in wide.columns],
                                   y=[str(i) for i in wide.index], colorscale="Blues",
                                   colorbar={"title": "%" if "pct" in waarde else "n"}))
        fig.update_layout(title="Thema's per groep", xaxis_title="groep", yaxis_title="thema")
        return fig


class JointDisplay:
    """Themes × groups. ``gebruik`` limits the quotes to stories within that consent scope
    (counts use every story: they are aggregates and disclose no text)."""

    def __init__(self, gebruik: str = "intern", hoofdcodes: bool = False,
                 min_verhalen: int = 3, drempel_pp: float = 10.0, citaat_lengte: int = 200):
        self.gebruik = gebruik
        self.hoofdcodes = hoofdcodes
        self.min_verhalen = min_verhalen
        self.drempel_pp = drempel_pp
        self.citaat_lengte = citaat_lengte

    def fit(
        self, coderingen: pd.DataFrame, verhalen: pd.DataFrame, groepen: pd.DataFrame,
        codeboek: Codeboek | None = None, valentie: Mapping[str, int] | None = None,
        richting: Mapping[object, int] | None = None,
    ) -> JointDisplayResultaat:
        """``groepen``: verhaal_id or client_id plus ``groep``. Stories without a group are
        left out."""
        from verhalen.exemplaren import binnen_toestemming

        key = "verhaal_id" if "verhaal_id" in groepen.columns else "client_id"
        stories = verhalen.merge(groepen[[key, "groep"]].drop_duplicates(key), on=key,
                                 how="inner")
        stories = stories[stories["groep"].notna()]
        cods = coderingen[coderingen["verhaal_id"].isin(stories["verhaal_id"])].copy()
        if self.hoofdcodes and codeboek is not None:
            cods["thema"] = [codeboek.root_of(c).code_id if c in codeboek else c
                             for c in cods["code_id"]]
        else:
            cods["thema"] = cods["code_id"]
        if codeboek is not None:
            names = {c.code_id: c.naam for c in codeboek}
            cods["thema"] = cods["thema"].map(lambda c: names.get(c, c))
            valentie = {names.get(k, k): v for k, v in (valentie or {}).items()}
        cods = cods.merge(stories[["verhaal_id", "groep"]], on="verhaal_id")
        allowed = set(binnen_toestemming(verhalen, self.gebruik)["verhaal_id"])
        text = dict(zip(verhalen["verhaal_id"], verhalen["tekst"].fillna(""), strict=True))

        groups = sorted(stories["groep"].unique().tolist(), key=str)
        themes = sorted(cods["thema"].unique().tolist(), key=str)
        n_group = stories.groupby("groep")["verhaal_id"].nunique()
        present = cods.groupby(["thema", "groep"])["verhaal_id"].nunique()
        rows = []
        for theme in themes:
            total = sum(int(present.get((theme, g), 0)) for g in groups)
            for g in groups:
                n = int(present.get((theme, g), 0))
                cell = cods[(cods["thema"] == theme) & (cods["groep"] == g)
                            & cods["verhaal_id"].isin(allowed)]
                quote, quote_id = self._quote(cell, text)
                rows.append({
                    "thema": theme, "groep": g, "n": n, "n_groep": int(n_group.get(g, 0)),
                    "rij_pct": 100 * n / total if total else np.nan,
                    "kolom_pct": 100 * n / n_group[g] if n_group.get(g, 0) else np.nan,
                    "citaat": quote, "citaat_verhaal_id": quote_id,
                })
        table = pd.DataFrame(rows, columns=CELL_COLUMNS)
        judgement = self._judge(table, themes, groups, valentie or {}, richting)
        rule = (f"Telling per verhaal; citaten alleen uit verhalen met toestemming voor "
                f"'{self.gebruik}' (het codefragment met lengte het dichtst bij "
                f"{self.citaat_lengte} tekens). Stilte: minder dan {self.min_verhalen} "
                f"verhalen; (con/di)vergentie: verschil in kolompercentage tussen groepen die "
                f"het beter en slechter doen van minstens {self.drempel_pp:g} procentpunt, "
                "vergeleken met de valentie van het thema.")
        return JointDisplayResultaat(table, judgement, rule)

    def _quote(self, cell: pd.DataFrame, text: dict) -> tuple[str | None, object]:
        if cell.empty:
            return None, None
        lengths = (cell["eind"] - cell["start"]).astype(int)
        order = cell.assign(_d=(lengths - self.citaat_lengte).abs()).sort_values(
            ["_d", "verhaal_id", "start"])
        best = order.iloc[0]
        return text[best["verhaal_id"]][int(best["start"]):int(best["eind"])].strip(), \
            best["verhaal_id"]

    def _judge(self, table: pd.DataFrame, themes: list, groups: list,
               valentie: Mapping[str, int], richting: Mapping[object, int] | None
               ) -> pd.DataFrame:
        direction = {g: (richting or {}).get(g, standaard_richting(g)) for g in groups}
        up = [g for g in groups if direction[g] > 0]
        down = [g for g in groups if direction[g] < 0]
        rows = []
        for theme in themes:
            part = table[table["thema"] == theme].set_index("groep")
            mentioned = int(part["n"].sum())
            difference = np.nan
            if up and down:
                pct_up = 100 * part.loc[up, "n"].sum() / max(part.loc[up, "n_groep"].sum(), 1)
                pct_down = 100 * part.loc[down, "n"].sum() / max(
                    part.loc[down, "n_groep"].sum(), 1)
                difference = pct_up - pct_down
            valence = valentie.get(theme)
            if mentioned < self.min_verhalen:
                verdict = "stilte"
            elif valence in (None, 0) or np.isnan(difference):
                verdict = "niet te beoordelen"
            elif abs(difference) < self.drempel_pp:
                verdict = "onbeslist"
            elif np.sign(difference) == np.sign(valence):
                verdict = "convergentie"
            else:
                verdict = "divergentie"
            rows.append({"thema": theme, "n_verhalen": mentioned, "valentie": valence,
                         "verschil_pp": difference, "oordeel": verdict})
        return pd.DataFrame(rows, columns=["thema", "n_verhalen", "valentie", "verschil_pp",
                                           "oordeel"])
