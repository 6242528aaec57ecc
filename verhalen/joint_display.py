"""Joint displays: themes (codes) × quantitative groups, with an exemplar quote per cell and
a convergence / divergence / silence judgement per theme.

Counting unit is the story: a theme "occurs" in a story when at least one segment of the
story carries the code (or, with ``hoofdcodes=True``, a code below it in the codebook).
- ``n`` — stories in the group with the theme;
- ``rij_pct`` — share of the theme's stories that fall in this group (rows sum to 100);
- ``kolom_pct`` — share of the group's stories that mention the theme.

With ``standpunten`` (a story's stance per theme, from ``verhalen.standpunt``) a theme
occurs in a story when its stance is not ``niet``; each cell also counts the stories per
stance (``n_vooruitgang``, ``n_terugval``, ``n_gemengd``, ``n_neutraal``), the quote comes
from the sentence that carries the stance, and the judgement compares the figures with the
stories instead of using a valence:
- figures: share of the clients in groups doing better minus share in groups doing worse;
- stories: share of the theme's stories telling progress minus share telling a setback;
each "moves" when the difference is at least ``drempel_pp`` points.
- ``stilte`` — fewer than ``min_verhalen`` stories about the theme;
- ``convergentie`` — figures and stories move the same way;
- ``divergentie`` — they move opposite ways (``soort`` says which: ``cijfers_op_verhalen_neer``
  or ``cijfers_neer_verhalen_op``);
- ``uiteen`` — one moves and the other does not (perspectives disagree: the stories are split
  while the figures move, or the stories move while the figures stand still);
- ``onbeslist`` — neither moves.
No quote repeats a story: each story is quoted at most once per fit, and ``uitsluiten`` names
stories quoted elsewhere.

Judgement per theme without stances (needs a valence: +1 for a theme that is good news, such as
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
STANDPUNTEN = ("vooruitgang", "terugval", "gemengd", "neutraal")
STANDPUNT_COLUMNS = [f"n_{s}" for s in STANDPUNTEN] + ["citaat_standpunt"]
OORDEEL_COLUMNS = ["thema", "n_verhalen", "valentie", "verschil_pp", "oordeel"]
VERGELIJKING_COLUMNS = ["cijfers_op", "cijfers_neer", "verhalen_op", "verhalen_neer", "richting_cijfers",
                        "richting_verhalen", "soort"]


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
        richting: Mapping[object, int] | None = None, standpunten: pd.DataFrame | None = None,
        uitsluiten: set | frozenset = frozenset(),
    ) -> JointDisplayResultaat:
        """``groepen``: verhaal_id or client_id plus ``groep``. Stories without a group are
        left out. ``standpunten``: verhaal_id, thema, standpunt (and optionally start/eind of
        the sentence carrying it); when given it replaces ``coderingen`` for what a story is
        about and how it speaks of it."""
        if standpunten is not None:
            return self._fit_standpunten(standpunten, verhalen, groepen, codeboek, richting,
                                         uitsluiten)
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

    def _fit_standpunten(self, standpunten: pd.DataFrame, verhalen: pd.DataFrame,
                         groepen: pd.DataFrame, codeboek: Codeboek | None,
                         richting: Mapping[object, int] | None, uitsluiten) -> JointDisplayResultaat:
        from verhalen.exemplaren import binnen_toestemming

        key = "verhaal_id" if "verhaal_id" in groepen.columns else "client_id"
        per_key = groepen[[key, "groep"]].drop_duplicates(key)
        stories = verhalen.drop_duplicates("verhaal_id").merge(per_key, on=key, how="inner")
        stories = stories[stories["groep"].notna()]
        sp = standpunten[standpunten["verhaal_id"].isin(stories["verhaal_id"])
                         & (standpunten["standpunt"] != "niet")].copy()
        names = {c.code_id: c.naam for c in codeboek} if codeboek is not None else {}
        sp["thema"] = sp["thema"].map(lambda c: names.get(c, c))
        sp = sp.drop_duplicates(["verhaal_id", "thema"]).merge(
            stories[["verhaal_id", "groep"]], on="verhaal_id")
        allowed = set(binnen_toestemming(verhalen, self.gebruik)["verhaal_id"]) - set(uitsluiten)
        text = dict(zip(verhalen["verhaal_id"], verhalen["tekst"].fillna(""), strict=False))
        groups = sorted(stories["groep"].unique().tolist(), key=str)
        themes = sorted(sp["thema"].unique().tolist(), key=str)
        n_group = stories.groupby("groep")["verhaal_id"].nunique()
        direction = {g: (richting or {}).get(g, standaard_richting(g)) for g in groups}
        rows, used = [], set()
        for theme in themes:
            part = sp[sp["thema"] == theme]
            total = part["verhaal_id"].nunique()
            for g in groups:
                cell = part[part["groep"] == g]
                n = int(cell["verhaal_id"].nunique())
                # the quote speaks the way the figures of this group point, when such a story
                # exists: an improved group's quote tells progress, a worse group's a setback
                want = {1: "vooruitgang", -1: "terugval"}.get(direction[g])
                quote, quote_id, stance = self._quote_standpunt(cell, text, allowed - used, want)
                if quote_id is not None:
                    used.add(quote_id)
                row = {
                    "thema": theme, "groep": g, "n": n, "n_groep": int(n_group.get(g, 0)),
                    "rij_pct": 100 * n / total if total else np.nan,
                    "kolom_pct": 100 * n / n_group[g] if n_group.get(g, 0) else np.nan,
                    "citaat": quote, "citaat_verhaal_id": quote_id, "citaat_standpunt": stance,
                }
                for s_ in STANDPUNTEN:
                    row[f"n_{s_}"] = int((cell["standpunt"] == s_).sum())
                rows.append(row)
        table = pd.DataFrame(rows, columns=CELL_COLUMNS + STANDPUNT_COLUMNS)
        clients = per_key.assign(_r=per_key["groep"].map(direction))
        figures = (float((clients["_r"] > 0).mean()) if len(clients) else np.nan,
                   float((clients["_r"] < 0).mean()) if len(clients) else np.nan)
        judgement = pd.DataFrame(
            [self.vergelijk(figures, table[table["thema"] == th], th) for th in themes],
            columns=OORDEEL_COLUMNS + VERGELIJKING_COLUMNS)
        rule = (f"Telling per verhaal, naar wat het verhaal over het thema zegt (vooruitgang, "
                f"terugval, gemengd of zonder richting); citaten alleen uit verhalen met "
                f"toestemming voor '{self.gebruik}', elk verhaal hoogstens één keer. Stilte: "
                f"minder dan {self.min_verhalen} verhalen over het thema; cijfers en verhalen "
                f"'bewegen' bij een verschil van minstens {self.drempel_pp:g} procentpunt "
                "tussen het aandeel omhoog en omlaag.")
        return JointDisplayResultaat(table, judgement, rule)

    def vergelijk(self, cijfers: tuple[float, float], cellen: pd.DataFrame, thema: object) -> dict:
        """Figures (share of clients up, share down) against the theme's stories (cells)."""
        n = int(cellen["n"].sum()) if len(cellen) else 0
        op = int(cellen["n_vooruitgang"].sum()) if len(cellen) else 0
        neer = int(cellen["n_terugval"].sum()) if len(cellen) else 0
        v_op, v_neer = (op / n, neer / n) if n else (np.nan, np.nan)
        c_op, c_neer = cijfers

        def beweging(a: float, b: float) -> int:
            if np.isnan(a) or np.isnan(b) or abs(100 * (a - b)) < self.drempel_pp:
                return 0
            return 1 if a > b else -1

        rc, rv = beweging(c_op, c_neer), beweging(v_op, v_neer)
        soort = None
        if n < self.min_verhalen:
            oordeel = "stilte"
        elif rc and rc == rv:
            oordeel = "convergentie"
        elif rc and rv:
            oordeel = "divergentie"
            soort = "cijfers_op_verhalen_neer" if rc > 0 else "cijfers_neer_verhalen_op"
        elif rc or rv:
            oordeel = "uiteen"
        else:
            oordeel = "onbeslist"
        verschil = 100 * ((c_op - c_neer) - (v_op - v_neer)) if n else np.nan
        return {"thema": thema, "n_verhalen": n, "valentie": None, "verschil_pp": verschil,
                "oordeel": oordeel, "cijfers_op": c_op, "cijfers_neer": c_neer,
                "verhalen_op": v_op, "verhalen_neer": v_neer, "richting_cijfers": rc,
                "richting_verhalen": rv, "soort": soort}

    def _quote_standpunt(self, cell: pd.DataFrame, text: dict, allowed: set, want: str | None
                         ) -> tuple[str | None, object, str | None]:
        cell = cell[cell["verhaal_id"].isin(allowed)]
        if "start" in cell.columns:
            cell = cell[cell["start"].fillna(-1).astype(int) >= 0]
        if cell.empty:
            return None, None, None
        richting = cell["standpunt"].isin(["vooruitgang", "terugval"])
        order = cell.assign(
            _w=np.where(cell["standpunt"] == want, 0, np.where(richting, 1, 2)),
            _d=((cell["eind"] - cell["start"]).astype(int) - self.citaat_lengte).abs()
            if "start" in cell.columns else 0,
        ).sort_values(["_w", "_d", "verhaal_id"], kind="stable")
        best = order.iloc[0]
        tekst = text.get(best["verhaal_id"], "")
        if "start" in cell.columns:
            tekst = tekst[int(best["start"]):int(best["eind"])]
        return tekst.strip() or None, best["verhaal_id"], best["standpunt"]

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
