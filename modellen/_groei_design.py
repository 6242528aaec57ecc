"""Design matrices for the growth models, with patsy-style term names.

Terms: ``Intercept``, the time column, each covariate (numeric as is; text as treatment
dummies ``col[T.level]``), and for a condition column its dummies plus their interaction
with time (``conditie[T.interventie]:maanden``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


@dataclass
class DesignSpec:
    tijd: str
    conditie: str | None = None
    covariaten: list[str] = field(default_factory=list)
    levels: dict[str, list] = field(default_factory=dict)  # categorical column -> levels
    means: dict[str, float] = field(default_factory=dict)  # numeric covariate -> mean
    sds: dict[str, float] = field(default_factory=dict)  # numeric covariate -> SD (population)

    def learn(
        self, df: pd.DataFrame, referentie: object | None = None, gewichten: np.ndarray | None = None
    ) -> None:
        """Levels of text columns and mean/SD of numeric covariates.

        ``gewichten`` weighs the rows (a frame with one row per client weighs by its number
        of measurements, so means are per measurement as on the full data).
        """
        for col in [*self.covariaten, *([self.conditie] if self.conditie else [])]:
            if col != self.conditie and pd.api.types.is_numeric_dtype(df[col]):
                values = df[col].to_numpy(dtype=float)
                mean = float(np.average(values, weights=gewichten))
                self.means[col] = mean
                self.sds[col] = float(np.sqrt(np.average((values - mean) ** 2, weights=gewichten)))
                continue
            levels = sorted({str(v) for v in pd.unique(df[col].dropna())})
            if col == self.conditie and referentie is not None and str(referentie) in levels:
                levels.remove(str(referentie))
                levels.insert(0, str(referentie))
            elif col == self.conditie and "vergelijking" in levels:
                levels.remove("vergelijking")
                levels.insert(0, "vergelijking")
            self.levels[col] = levels

    def matrix(self, df: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
        t = df[self.tijd].to_numpy(dtype=float)
        cols = [np.ones(len(df)), t]
        names = ["Intercept", self.tijd]
        for col in self.covariaten:
            if col in self.means:
                cols.append(df[col].to_numpy(dtype=float))
                names.append(col)
            else:
                values = df[col].astype(str).to_numpy()
                for level in self.levels[col][1:]:
                    cols.append((values == level).astype(float))
                    names.append(f"{col}[T.{level}]")
        if self.conditie:
            values = df[self.conditie].astype(str).to_numpy()
            dummies = [(level, (values == level).astype(float)) for level in self.levels[self.conditie][1:]]
            for level, d in dummies:
                cols.append(d)
                names.append(f"{self.conditie}[T.{level}]")
            for level, d in dummies:
                cols.append(d * t)
                names.append(f"{self.conditie}[T.{level}]:{self.tijd}")
        return np.column_stack(cols), names

    def standardisation(self, names: list[str], centrum: float, schaal: float) -> np.ndarray:
        """Q with X Q = the internal design: time as (t - centrum) / schaal, numeric
        covariates as z-scores, condition x time on the centred time.

        Then beta = Q beta_internal (plus the outcome's centre on the intercept) and
        Var(beta) = Q Var(beta_internal) Q'.
        """
        idx = {name: i for i, name in enumerate(names)}
        q = np.eye(len(names))
        pairs = [(idx[self.tijd], 0, centrum, schaal)]
        for col, mean in self.means.items():
            pairs.append((idx[col], 0, mean, self.sds.get(col) or 1.0))
        if self.conditie:
            for level in self.levels[self.conditie][1:]:
                dummy = f"{self.conditie}[T.{level}]"
                pairs.append((idx[f"{dummy}:{self.tijd}"], idx[dummy], centrum, schaal))
        for column, base, centre, scale in pairs:
            q[base, column] = -centre / scale
            q[column, column] = 1.0 / scale
        return q

    def reference_frame(self, tijden: np.ndarray, conditie: str | None) -> pd.DataFrame:
        """Rows for predictions: covariates at their mean or reference level."""
        frame = pd.DataFrame({self.tijd: np.asarray(tijden, dtype=float)})
        for col in self.covariaten:
            frame[col] = self.means[col] if col in self.means else self.levels[col][0]
        if self.conditie:
            frame[self.conditie] = conditie if conditie is not None else self.levels[self.conditie][0]
        return frame
